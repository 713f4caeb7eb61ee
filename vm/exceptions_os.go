package vm

// The OSError subclasses CPython raises for socket and process errors
// (PEP 3151), beyond those in exceptions.go.
var (
	BlockingIOError        = newBuiltinClass("BlockingIOError", OSError)
	ChildProcessError      = newBuiltinClass("ChildProcessError", OSError)
	BrokenPipeError        = newBuiltinClass("BrokenPipeError", ConnectionError)
	ConnectionAbortedError = newBuiltinClass("ConnectionAbortedError", ConnectionError)
	ConnectionResetError   = newBuiltinClass("ConnectionResetError", ConnectionError)
	InterruptedError       = newBuiltinClass("InterruptedError", OSError)
	NotADirectoryError     = newBuiltinClass("NotADirectoryError", OSError)
	ProcessLookupError     = newBuiltinClass("ProcessLookupError", OSError)
)

func osExceptionClasses() []*Class {
	return []*Class{BlockingIOError, ChildProcessError, BrokenPipeError, ConnectionAbortedError,
		ConnectionResetError, InterruptedError, NotADirectoryError, ProcessLookupError}
}
