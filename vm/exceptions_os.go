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

// osErrorByErrno is the subclass OSError(errno, strerror, ...) makes for
// errno (Linux numbering), as CPython's OSError constructor picks one.
var osErrorByErrno = map[int64]*Class{
	1: PermissionError, 13: PermissionError, // EPERM, EACCES
	2:   FileNotFoundError,      // ENOENT
	3:   ProcessLookupError,     // ESRCH
	4:   InterruptedError,       // EINTR
	10:  ChildProcessError,      // ECHILD
	11:  BlockingIOError,        // EAGAIN, EWOULDBLOCK
	114: BlockingIOError,        // EALREADY
	115: BlockingIOError,        // EINPROGRESS
	17:  FileExistsError,        // EEXIST
	20:  NotADirectoryError,     // ENOTDIR
	21:  IsADirectoryError,      // EISDIR
	32:  BrokenPipeError,        // EPIPE
	108: BrokenPipeError,        // ESHUTDOWN
	103: ConnectionAbortedError, // ECONNABORTED
	104: ConnectionResetError,   // ECONNRESET
	111: ConnectionRefusedError, // ECONNREFUSED
	110: TimeoutError,           // ETIMEDOUT
}

// osErrorClassFor is the class OSError(*args) really builds: a subclass
// chosen by errno when OSError itself is called with at least two
// arguments and an int first.
func osErrorClassFor(cls *Class, args []Value) *Class {
	if cls != OSError || len(args) < 2 || len(args) > 5 || !args[0].isIntLike() || args[0].isObj() {
		return cls
	}
	if sub, ok := osErrorByErrno[args[0].AsInt()]; ok {
		return sub
	}
	return cls
}

// OSErrorFor is the OSError subclass for errno (OSError itself for the
// numbers without one), for Go code that raises system errors.
func OSErrorFor(errno int64) *Class {
	if sub, ok := osErrorByErrno[errno]; ok {
		return sub
	}
	return OSError
}
