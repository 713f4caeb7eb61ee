"""unittest.signals: Ctrl-C handling for test runs (-c). Results are
remembered so that an interrupt could stop them; asy's runner lets
KeyboardInterrupt end the run, as CPython's does without -c."""

__unittest = True

_results = []


def registerResult(result):
    _results.append(result)


def removeResult(result):
    try:
        _results.remove(result)
        return True
    except ValueError:
        return False


def installHandler():
    pass


def removeHandler(method=None):
    if method is not None:
        return method
