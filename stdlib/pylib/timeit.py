"""Measure the execution time of small code snippets.

Command line: asy -m timeit [-n N] [-r N] [-u U] [-s S] [-p] [-v] [-h] [statement ...]

  -n N, --number=N    how many times to run the statement (default: as many
                      as take at least 0.2 seconds)
  -r N, --repeat=N    how many times to repeat the measurement (default 5)
  -s S, --setup=S     statement run once before the timing (default 'pass')
  -p, --process       measure process time instead of wall-clock time
  -u, --unit=U        unit of the result: nsec, usec, msec or sec
  -v, --verbose       print the raw timings; repeat for more digits
  -h, --help          print this message and exit
"""

# timeit for asy: a string statement is compiled into a function around a
# timed loop (so the loop and the statement share fast locals, as in
# CPython); callables are called. Timings are asy's, so they differ from
# CPython's, but the reports have the same shape.

import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_template = """
def inner(_it, _timer{init}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def _indent(src, n):
    # Continuation lines of a multi-line snippet line up in the body.
    return src.replace("\n", "\n" + " " * n)


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = {} if globals is None else globals
        init = ''
        if isinstance(setup, str):
            # Checked alone first, so a setup error is reported against it.
            compile(setup, dummy_src_name, "exec")
            stmtprefix = setup + '\n'
            setup = _indent(setup, 4)
        elif callable(setup):
            local_ns['_setup'] = setup
            init += ', _setup=_setup'
            stmtprefix = ''
            setup = '_setup()'
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            compile(stmtprefix + stmt, dummy_src_name, "exec")
            stmt = _indent(stmt, 8)
        elif callable(stmt):
            local_ns['_stmt'] = stmt
            init += ', _stmt=_stmt'
            stmt = '_stmt()'
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = _template.format(stmt=stmt, setup=setup, init=init)
        self.src = src
        code = compile(src, dummy_src_name, "exec")
        exec(code, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        return self.inner(range(number), self.timer)

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        # Try 1, 2, 5, 10, 20, 50, ... loops until one run takes 0.2 s.
        base = 1
        while True:
            for factor in (1, 2, 5):
                number = base * factor
                taken = self.timeit(number)
                if callback:
                    callback(number, taken)
                if taken >= 0.2:
                    return (number, taken)
            base *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


class _OptionError(Exception):
    pass


_short_with_arg = "nusr"
_short_flags = "tcpvh"
_long_opts = {"number": "n", "setup": "s", "repeat": "r", "unit": "u",
              "time": "t", "clock": "c", "process": "p", "verbose": "v", "help": "h"}


def _parse_args(args):
    # getopt-style parsing of the options CPython's timeit takes; the
    # messages are getopt's.
    opts = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            i += 1
            break
        if a.startswith("--"):
            name, eq, val = a[2:].partition("=")
            matches = [k for k in _long_opts if k.startswith(name)]
            if name in _long_opts:
                matches = [name]
            if not matches:
                raise _OptionError("option --%s not recognized" % name)
            if len(matches) > 1:
                raise _OptionError("option --%s not a unique prefix" % name)
            key = _long_opts[matches[0]]
            if key in _short_with_arg:
                if not eq:
                    i += 1
                    if i >= len(args):
                        raise _OptionError("option --%s requires argument" % matches[0])
                    val = args[i]
                opts.append((key, val))
            else:
                if eq:
                    raise _OptionError("option --%s must not have an argument" % matches[0])
                opts.append((key, ""))
            i += 1
        elif a.startswith("-") and a != "-":
            j = 1
            while j < len(a):
                ch = a[j]
                if ch in _short_with_arg:
                    val = a[j + 1:]
                    if not val:
                        i += 1
                        if i >= len(args):
                            raise _OptionError("option -%s requires argument" % ch)
                        val = args[i]
                    opts.append((ch, val))
                    break
                if ch not in _short_flags:
                    raise _OptionError("option -%s not recognized" % ch)
                opts.append((ch, ""))
                j += 1
            i += 1
        else:
            break
    return opts, args[i:]


_units = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}


def main(args=None, *, _wrap_timer=None):
    if args is None:
        args = sys.argv[1:]
    try:
        opts, args = _parse_args(args)
    except _OptionError as err:
        print(err)
        print("use -h/--help for command line help")
        return 2
    timer = default_timer
    stmt = "\n".join(args) or "pass"
    number = 0  # found by autorange
    setup = []
    repeat = default_repeat
    verbose = 0
    time_unit = None
    precision = 3
    for o, a in opts:
        if o == "n":
            number = int(a)
        elif o == "s":
            setup.append(a)
        elif o == "u":
            if a not in _units:
                print("Unrecognized unit. Please select nsec, usec, msec, or sec.", file=sys.stderr)
                return 2
            time_unit = a
        elif o == "r":
            repeat = max(int(a), 1)
        elif o == "p":
            timer = time.process_time
        elif o == "v":
            if verbose:
                precision += 1
            verbose += 1
        elif o == "h":
            print(__doc__, end=' ')
            return 0
    setup = "\n".join(setup) or "pass"
    import os
    sys.path.insert(0, os.curdir)
    if _wrap_timer is not None:
        timer = _wrap_timer(timer)

    t = Timer(stmt, setup, timer)
    if number == 0:
        callback = None
        if verbose:
            def callback(number, time_taken):
                print("{num} loop{s} -> {secs:.{prec}g} secs".format(
                    num=number, s='s' if number != 1 else '', secs=time_taken, prec=precision))
        try:
            number, _ = t.autorange(callback)
        except BaseException:
            t.print_exc()
            return 1
        if verbose:
            print()
    try:
        raw = t.repeat(repeat, number)
    except BaseException:
        t.print_exc()
        return 1

    def format_time(dt):
        unit = time_unit
        if unit is None:
            # The largest unit the time reaches (nsec below a nanosecond).
            unit = "nsec"
            for name in ("sec", "msec", "usec", "nsec"):
                if dt >= _units[name]:
                    unit = name
                    break
        return "%.*g %s" % (precision, dt / _units[unit], unit)

    if verbose:
        print("raw times: %s" % ", ".join(map(format_time, raw)))
        print()
    timings = [dt / number for dt in raw]
    best, worst = min(timings), max(timings)
    print("%d loop%s, best of %d: %s per loop"
          % (number, 's' if number != 1 else '', repeat, format_time(best)))
    if worst >= best * 4:
        import warnings
        warnings.warn_explicit("The test results are likely unreliable. The worst time (%s) was more "
                               "than four times slower than the best time (%s)."
                               % (format_time(worst), format_time(best)), UserWarning, '', 0)
    return None


if __name__ == "__main__":
    sys.exit(main())
