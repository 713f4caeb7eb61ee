package vm

// The OSError subclasses CPython raises for socket and process errors
// (PEP 3151), beyond those in exceptions.go (BrokenPipeError is there).
var (
	BlockingIOError        = newBuiltinClass("BlockingIOError", OSError)
	ChildProcessError      = newBuiltinClass("ChildProcessError", OSError)
	ConnectionAbortedError = newBuiltinClass("ConnectionAbortedError", ConnectionError)
	ConnectionResetError   = newBuiltinClass("ConnectionResetError", ConnectionError)
	InterruptedError       = newBuiltinClass("InterruptedError", OSError)
	NotADirectoryError     = newBuiltinClass("NotADirectoryError", OSError)
	ProcessLookupError     = newBuiltinClass("ProcessLookupError", OSError)
)

func osExceptionClasses() []*Class {
	return []*Class{BlockingIOError, ChildProcessError, ConnectionAbortedError,
		ConnectionResetError, InterruptedError, NotADirectoryError, ProcessLookupError}
}
