# _thread, the low-level thread API, on top of threading's native threads.
import threading as _threading
import sys as _sys

error = RuntimeError
LockType = type(_threading.Lock())
RLock = _threading.RLock
TIMEOUT_MAX = _threading.TIMEOUT_MAX if hasattr(_threading, "TIMEOUT_MAX") else 9223372036.0


def allocate_lock():
    return _threading.Lock()


allocate = allocate_lock


def get_ident():
    return _threading.get_ident()


def get_native_id():
    return _threading.get_native_id()


def _run(function, args, kwargs):
    try:
        function(*args, **kwargs)
    except SystemExit:
        pass
    except BaseException as e:
        # CPython's report for a thread of _thread (no threading.excepthook).
        import traceback
        print("Unhandled exception in thread started by %r" % (function,), file=_sys.stderr)
        traceback.print_exception(type(e), e, e.__traceback__)


def start_new_thread(function, args, kwargs=None, /):
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")
    if not callable(function):
        raise TypeError("first arg must be callable")
    t = _threading.Thread(target=_run, args=(function, args, kwargs or {}), daemon=True)
    t.start()
    return t.ident


start_new = start_new_thread


def exit():
    raise SystemExit


exit_thread = exit


def interrupt_main(signum=2, /):
    raise NotImplementedError("interrupt_main")


_stack_size = 0


def stack_size(size=0, /):
    # Threads here are goroutines with growable stacks: the size is only
    # remembered, as a setting CPython would apply.
    global _stack_size
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    old, _stack_size = _stack_size, size
    return old


def _count():
    return _threading.active_count() - 1
