# signal for asy: CPython 3.11's names and enums. The handlers themselves
# (signal, getsignal, raise_signal…) come from the Go core _signal.

from enum import IntEnum as _IntEnum

Signals = _IntEnum('Signals', [
    ('SIGHUP', 1), ('SIGINT', 2), ('SIGQUIT', 3), ('SIGILL', 4), ('SIGTRAP', 5),
    ('SIGABRT', 6), ('SIGIOT', 6), ('SIGBUS', 7), ('SIGFPE', 8), ('SIGKILL', 9),
    ('SIGUSR1', 10), ('SIGSEGV', 11), ('SIGUSR2', 12), ('SIGPIPE', 13),
    ('SIGALRM', 14), ('SIGTERM', 15), ('SIGSTKFLT', 16), ('SIGCHLD', 17),
    ('SIGCLD', 17), ('SIGCONT', 18), ('SIGSTOP', 19), ('SIGTSTP', 20),
    ('SIGTTIN', 21), ('SIGTTOU', 22), ('SIGURG', 23), ('SIGXCPU', 24),
    ('SIGXFSZ', 25), ('SIGVTALRM', 26), ('SIGPROF', 27), ('SIGWINCH', 28),
    ('SIGIO', 29), ('SIGPOLL', 29), ('SIGPWR', 30), ('SIGSYS', 31),
    ('SIGRTMIN', 34), ('SIGRTMAX', 64)])
Signals.__module__ = 'signal'
Handlers = _IntEnum('Handlers', [('SIG_DFL', 0), ('SIG_IGN', 1)])
Handlers.__module__ = 'signal'
Sigmasks = _IntEnum('Sigmasks', [('SIG_BLOCK', 0), ('SIG_UNBLOCK', 1), ('SIG_SETMASK', 2)])
Sigmasks.__module__ = 'signal'

globals().update(Signals.__members__)
globals().update(Handlers.__members__)
globals().update(Sigmasks.__members__)
NSIG = 65


from _signal import default_int_handler, strsignal, valid_signals, alarm
import _signal


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def _int_to_enum(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


def getsignal(signalnum):
    handler = _signal.getsignal(_enum_to_int(signalnum))
    return _int_to_enum(handler, Handlers)


def raise_signal(signalnum):
    _signal.raise_signal(_enum_to_int(signalnum))
