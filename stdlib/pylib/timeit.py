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

# timeit for asy. A Timer turns its snippets into one generated function,
# `inner`, whose loop runs the statement in place (so the loop and the
# statement share fast locals, as in CPython); a callable snippet is
# called from the generated code instead. Snippets see this module's
# globals unless given others, as CPython's do (so `sys` and `time` work).
# Timings are asy's, so they differ from CPython's, but the reports have
# the same shape.

import gc
import itertools  # not used here, but snippets see it as in CPython
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter


def _snippet(role, code, namespace, context=""):
    # The lines a snippet contributes to the generated function. Source
    # text is checked on its own first (after `context`, the setup a
    # statement follows, so that errors are reported against the right
    # text); a callable is stored in namespace and called by name.
    if isinstance(code, str):
        compile(context + code, dummy_src_name, "exec")
        return code.split("\n")
    if callable(code):
        namespace["_" + role] = code
        return ["_%s()" % role]
    raise ValueError("%s is neither a string nor callable" % role)


def _inner_source(setup, stmt, params):
    # `pass` after the statement lets an empty or block-ending statement
    # still make a valid loop body.
    lines = ["def inner(_it, _timer%s):" % "".join(", %s=%s" % (p, p) for p in params)]
    lines += ["    " + line for line in setup]
    lines += ["    _t0 = _timer()", "    for _i in _it:"]
    lines += ["        " + line for line in stmt]
    lines += ["        pass", "    _t1 = _timer()", "    return _t1 - _t0", ""]
    return "\n".join(lines)


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        callables = {}
        setup_lines = _snippet("setup", setup, callables)
        context = setup + "\n" if isinstance(setup, str) else ""
        stmt_lines = _snippet("stmt", stmt, callables, context)
        # Callables reach the function as defaults of extra parameters.
        self.src = _inner_source(setup_lines, stmt_lines, list(callables))
        scope = dict(callables)
        exec(compile(self.src, dummy_src_name, "exec"),
             _module_globals if globals is None else globals, scope)
        self.inner = scope["inner"]

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        # The collector is off while measuring, as in CPython, and comes
        # back only if it was on.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self.inner(range(number), self.timer)
        finally:
            if collecting:
                gc.enable()

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


_module_globals = globals()


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


# The command line: asy -m timeit [options] [statement ...].

class _UsageError(Exception):
    pass


# Option letter -> (long name, takes a value). The long names may be
# abbreviated to any unique prefix; -t and -c are accepted and ignored.
_OPTIONS = {
    "n": ("number", True), "s": ("setup", True), "r": ("repeat", True),
    "u": ("unit", True), "t": ("time", False), "c": ("clock", False),
    "p": ("process", False), "v": ("verbose", False), "h": ("help", False),
}
_BY_LONG_NAME = {long: letter for letter, (long, _) in _OPTIONS.items()}


def _long_option(word, rest):
    # --name, --name=value or --name value (taken from rest) -> (letter, value).
    name, has_value, value = word[2:].partition("=")
    if name in _BY_LONG_NAME:
        found = [name]
    else:
        found = [n for n in _BY_LONG_NAME if n.startswith(name)]
    if not found:
        raise _UsageError("option --%s not recognized" % name)
    if len(found) > 1:
        raise _UsageError("option --%s not a unique prefix" % name)
    letter = _BY_LONG_NAME[found[0]]
    if not _OPTIONS[letter][1]:
        if has_value:
            raise _UsageError("option --%s must not have an argument" % found[0])
        return letter, ""
    if not has_value:
        if not rest:
            raise _UsageError("option --%s requires argument" % found[0])
        value = rest.pop(0)
    return letter, value


def _short_options(word, rest):
    # -abc, -nVALUE or -n VALUE -> [(letter, value), ...].
    out = []
    chars = word[1:]
    while chars:
        letter, chars = chars[0], chars[1:]
        if letter not in _OPTIONS:
            raise _UsageError("option -%s not recognized" % letter)
        if not _OPTIONS[letter][1]:
            out.append((letter, ""))
            continue
        if not chars:
            if not rest:
                raise _UsageError("option -%s requires argument" % letter)
            chars = rest.pop(0)
        out.append((letter, chars))
        break
    return out


def _parse_args(args):
    # getopt's rules and messages: options end at "--" or at the first
    # word that is not one; returns ([(letter, value)], statement words).
    rest = list(args)
    found = []
    while rest and rest[0].startswith("-") and rest[0] != "-":
        word = rest.pop(0)
        if word == "--":
            break
        if word.startswith("--"):
            found.append(_long_option(word, rest))
        else:
            found.extend(_short_options(word, rest))
    return found, rest


_UNITS = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}


class _Run:
    # The settings of one command-line run, then its measurement and report.

    def __init__(self):
        self.number = 0  # 0: found by autorange
        self.repeat = default_repeat
        self.setup = []
        self.unit = None
        self.precision = 3
        self.verbose = 0
        self.timer = default_timer

    def apply(self, letter, value):
        # Returns an exit status when the option ends the run.
        if letter == "n":
            self.number = int(value)
        elif letter == "s":
            self.setup.append(value)
        elif letter == "r":
            self.repeat = max(int(value), 1)
        elif letter == "u":
            if value not in _UNITS:
                print("Unrecognized unit. Please select nsec, usec, msec, or sec.", file=sys.stderr)
                return 2
            self.unit = value
        elif letter == "p":
            self.timer = time.process_time
        elif letter == "v":
            # Every -v after the first adds a digit.
            self.precision += self.verbose > 0
            self.verbose += 1
        elif letter == "h":
            print(__doc__, end=" ")
            return 0
        return None

    def show(self, seconds):
        # In the chosen unit, or the largest one the time reaches.
        unit = self.unit
        if unit is None:
            fitting = [u for u in ("sec", "msec", "usec") if seconds >= _UNITS[u]]
            unit = fitting[0] if fitting else "nsec"
        return "%.*g %s" % (self.precision, seconds / _UNITS[unit], unit)

    def loops(self, timer):
        # How many loops one measurement runs; None after an error.
        if self.number:
            return self.number
        progress = None
        if self.verbose:
            def progress(number, taken):
                print("%d loop%s -> %.*g secs" % (number, _plural(number), self.precision, taken))
        try:
            number = timer.autorange(progress)[0]
        except BaseException:
            timer.print_exc()
            return None
        if self.verbose:
            print()
        return number

    def report(self, number, raw):
        if self.verbose:
            print("raw times: %s" % ", ".join(map(self.show, raw)))
            print()
        per_loop = [total / number for total in raw]
        best, worst = min(per_loop), max(per_loop)
        print("%d loop%s, best of %d: %s per loop"
              % (number, _plural(number), self.repeat, self.show(best)))
        if worst >= best * 4:
            import warnings
            warnings.warn_explicit(
                "The test results are likely unreliable. The worst time (%s) was more "
                "than four times slower than the best time (%s)."
                % (self.show(worst), self.show(best)), UserWarning, "", 0)


def _plural(n):
    return "" if n == 1 else "s"


def main(args=None, *, _wrap_timer=None):
    try:
        options, words = _parse_args(sys.argv[1:] if args is None else args)
    except _UsageError as err:
        print(err)
        print("use -h/--help for command line help")
        return 2
    run = _Run()
    for letter, value in options:
        status = run.apply(letter, value)
        if status is not None:
            return status
    # The statement's imports may name modules of the working directory.
    import os
    sys.path.insert(0, os.curdir)
    clock = run.timer if _wrap_timer is None else _wrap_timer(run.timer)
    timer = Timer("\n".join(words) or "pass", "\n".join(run.setup) or "pass", clock)
    number = run.loops(timer)
    if number is None:
        return 1
    try:
        raw = timer.repeat(run.repeat, number)
    except BaseException:
        timer.print_exc()
        return 1
    run.report(number, raw)
    return None


if __name__ == "__main__":
    sys.exit(main())
