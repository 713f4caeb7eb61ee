"""atexit: functions to run when the interpreter exits (last registered
first), after the main script ends — normally, through sys.exit or an
uncaught exception — and after non-daemon threads finished."""

import sys as _sys

_handlers = []


def register(func, /, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear():
    del _handlers[:]


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    # An exception in one handler is reported (as CPython's unraisable
    # hook words it) and the others still run.
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            import traceback
            try:
                text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
                _sys.stderr.write("Exception ignored in atexit callback: %r\n%s" % (func, text))
            except BaseException:
                pass
