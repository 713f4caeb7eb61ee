"""Deterministic profiling of script functions (CPython's cProfile API).

asy counts and times calls of functions written in the script language
(the script's, and asy's library code that is Python); built-in functions
implemented in Go are not listed. The native half is _asyprof.
"""

import _asyprof

__all__ = ["run", "runctx", "Profile"]


class Profile:
    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        self._prof = _asyprof.new()
        self.stats = {}

    def enable(self, subcalls=True, builtins=True):
        _asyprof.enable(self._prof)

    def disable(self):
        _asyprof.disable(self._prof)

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def snapshot_stats(self):
        self.stats = {}
        for file, line, name, nc, cc, tt, ct, callers in _asyprof.stats(self._prof):
            self.stats[(file, line, name)] = (cc, nc, tt, ct, callers)

    def getstats(self):
        return _asyprof.stats(self._prof)

    def print_stats(self, sort=-1):
        import pstats
        if not isinstance(sort, tuple):
            sort = (sort,)
        pstats.Stats(self).strip_dirs().sort_stats(*sort).print_stats()

    def dump_stats(self, file):
        import marshal
        with open(file, 'wb') as f:
            self.create_stats()
            marshal.dump(self.stats, f)

    def run(self, cmd):
        import __main__
        dict = __main__.__dict__
        return self.runctx(cmd, dict, dict)

    def runctx(self, cmd, globals, locals):
        self.enable()
        try:
            exec(cmd, globals, locals)
        finally:
            self.disable()
        return self

    def runcall(self, func, /, *args, **kw):
        self.enable()
        try:
            return func(*args, **kw)
        finally:
            self.disable()

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


def _show(prof, filename, sort):
    if filename is not None:
        prof.dump_stats(filename)
    else:
        prof.print_stats(sort)


def run(statement, filename=None, sort=-1):
    prof = Profile()
    try:
        prof.run(statement)
    except SystemExit:
        pass
    finally:
        _show(prof, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    prof = Profile()
    try:
        prof.runctx(statement, globals, locals)
    except SystemExit:
        pass
    finally:
        _show(prof, filename, sort)
