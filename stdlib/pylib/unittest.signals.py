"""unittest.signals: Ctrl-C handling for test runs (-c, catchbreak).

While the handler is installed, the first Ctrl-C asks every registered
result to stop after the test in progress, so that the run still prints
its report; a second Ctrl-C goes to the handler that was there before
(by default raising KeyboardInterrupt). The handler is installed at most
once per process: after removeHandler(), installHandler() does nothing,
as in CPython."""

import functools
import signal
import weakref

__unittest = True

# Results of the runs in progress; weak so that a finished run's result can go.
_results = weakref.WeakKeyDictionary()

# The one _InterruptHandler of this process, once installHandler made it.
_installed = None


def _ignore(signum, frame):
    pass


class _InterruptHandler(object):
    def __init__(self, previous):
        self.called = False
        # What removeHandler puts back, exactly as signal.getsignal gave it.
        self.original_handler = previous
        # What a Ctrl-C we do not take is passed on to, as a callable.
        if previous == signal.SIG_IGN:
            previous = _ignore
        elif not callable(previous):
            # SIG_DFL, or a handler not set from Python.
            previous = signal.default_int_handler
        self.default_handler = previous

    def __call__(self, signum, frame):
        # Someone else's handler is current (we were called through a stale
        # reference), or this is the second Ctrl-C: the old handler decides.
        if self.called or signal.getsignal(signal.SIGINT) is not self:
            self.default_handler(signum, frame)
        self.called = True
        for result in list(_results.keys()):
            result.stop()


def registerResult(result):
    _results[result] = True


def removeResult(result):
    return _results.pop(result, None) is not None


def installHandler():
    global _installed
    if _installed is not None:
        return
    handler = _InterruptHandler(signal.getsignal(signal.SIGINT))
    try:
        signal.signal(signal.SIGINT, handler)
    except PermissionError:
        # An embedding that grants no signal handlers: Ctrl-C simply ends the
        # run, as without -c.
        return
    _installed = handler


def _restore_original():
    signal.signal(signal.SIGINT, _installed.original_handler)


def removeHandler(method=None):
    if method is None:
        if _installed is not None:
            _restore_original()
        return None

    # Used as a decorator: the handler is off while method runs.
    @functools.wraps(method)
    def without_handler(*args, **kwargs):
        current = signal.getsignal(signal.SIGINT)
        removeHandler()
        try:
            return method(*args, **kwargs)
        finally:
            signal.signal(signal.SIGINT, current)
    return without_handler
