"""Deterministic profiling of script functions (CPython's cProfile API).

asy counts and times calls of functions written in the script language
(the script's, and asy's library code that is Python); built-in functions
implemented in Go are not listed. The native half is _asyprof.
"""

import _asyprof

__all__ = ["run", "runctx", "Profile"]


class Profile:
    # A profiler is a native recorder switched on and off around the code
    # to measure (run, runctx and runcall share _measure).

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        # timer, timeunit, subcalls and builtins are accepted for
        # compatibility; asy always uses its own clock.
        self._prof = _asyprof.new()
        self.stats = {}

    def enable(self, subcalls=True, builtins=True):
        _asyprof.enable(self._prof)

    def disable(self):
        _asyprof.disable(self._prof)

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()

    def getstats(self):
        return _asyprof.stats(self._prof)

    def snapshot_stats(self):
        # pstats' layout: (file, line, name) -> (primitive calls, calls,
        # own time, cumulative time, callers).
        self.stats = {(file, line, name): (prim, calls, own, total, callers)
                      for file, line, name, calls, prim, own, total, callers
                      in self.getstats()}

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def print_stats(self, sort=-1):
        import pstats
        keys = sort if isinstance(sort, tuple) else (sort,)
        pstats.Stats(self).strip_dirs().sort_stats(*keys).print_stats()

    def dump_stats(self, file):
        import marshal
        self.create_stats()
        with open(file, 'wb') as out:
            marshal.dump(self.stats, out)

    def run(self, cmd):
        # The statement runs in __main__'s namespace, as a script's own
        # top-level code would.
        import __main__
        namespace = __main__.__dict__
        return self.runctx(cmd, namespace, namespace)

    def runctx(self, cmd, globals, locals):
        self._measure(exec, cmd, globals, locals)
        return self

    def runcall(self, func, /, *args, **kw):
        return self._measure(func, *args, **kw)

    def _measure(self, func, *args, **kw):
        # Not through the with statement: its __exit__ would be profiled
        # too, where CPython's reports only show the disable call.
        self.enable()
        try:
            return func(*args, **kw)
        finally:
            self.disable()


def _profile(statement, globals, locals, filename, sort):
    # The module-level helpers: profile the statement (a SystemExit it
    # raises only ends it), then save the statistics to filename or print
    # them sorted by sort -- even when the statement failed.
    prof = Profile()
    try:
        prof.runctx(statement, globals, locals)
    except SystemExit:
        pass
    finally:
        if filename is None:
            prof.print_stats(sort)
        else:
            prof.dump_stats(filename)


def run(statement, filename=None, sort=-1):
    import __main__
    namespace = __main__.__dict__
    return _profile(statement, namespace, namespace, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    return _profile(statement, globals, locals, filename, sort)
