"""Statistics of a profile, printed the way CPython's pstats prints them.

Stats reads what a profiler collected (cProfile.Profile, or any object with
create_stats() and a `stats` dict of
(file, line, name) -> (primitive calls, calls, own time, cumulative time,
callers)), merges several, sorts by the SortKey fields and prints the
tables. Saved profiles (marshal files) are not supported.
"""

import os
import re
import sys
from enum import StrEnum

__all__ = ["Stats", "SortKey"]


class SortKey(StrEnum):
    # The second spelling, if any, is an alias: SortKey("ncalls") is CALLS.
    CALLS = "calls", "ncalls"
    CUMULATIVE = "cumulative", "cumtime"
    FILENAME = "filename", "module"
    LINE = "line"
    NAME = "name"
    NFL = "nfl"
    PCALLS = "pcalls"
    STDNAME = "stdname"
    TIME = "time", "tottime"

    def __new__(cls, *spellings):
        member = str.__new__(cls, spellings[0])
        member._value_ = spellings[0]
        member._aliases = spellings[1:]
        return member


for _key in SortKey:
    for _alias in _key._aliases:
        SortKey._value2member_map_[_alias] = _key
del _key, _alias

# A sort row is (primitive calls, calls, own time, cumulative time, file,
# line, function name, standard name); each sort key names the title shown
# by print_stats and the row fields it compares (-1: largest first).
_ORDERINGS = {
    "calls": ("call count", ((1, -1),)),
    "cumulative": ("cumulative time", ((3, -1),)),
    "filename": ("file name", ((4, 1),)),
    "line": ("line number", ((5, 1),)),
    "name": ("function name", ((6, 1),)),
    "nfl": ("name/file/line", ((6, 1), (4, 1), (5, 1))),
    "pcalls": ("primitive call count", ((0, -1),)),
    "stdname": ("standard name", ((7, 1),)),
    "time": ("internal time", ((2, -1),)),
}

# The profile of the old "profile" module marks top-level calls with this
# caller.
_TOP_CALLER = ("jprofile", 0, "profiler")


def _sort_words():
    # Every key under each of its spellings, alphabetically (the order in
    # which abbreviations are handed out).
    words = {}
    for key in SortKey:
        for spelling in (key.value, *key._aliases):
            title, fields = _ORDERINGS[key.value]
            words[spelling] = (fields, title)
    return sorted(words.items())


def func_std_string(func_name):
    """file:line(name), or the bare name of a built-in ({...} for <...>)."""
    file, line, name = func_name
    if (file, line) != ("~", 0):
        return "%s:%d(%s)" % func_name
    if name[:1] == "<" and name[-1:] == ">":
        return "{" + name[1:-1] + "}"
    return name


def func_strip_path(func_name):
    file, line, name = func_name
    return os.path.basename(file), line, name


def func_get_function_name(func):
    return func[2]


def f8(x):
    return "%8.3f" % x


def add_callers(target, source):
    """Merged caller tables: counts add up, as do (calls, ..., time) tuples
    element by element."""
    merged = dict(target)
    for caller, value in source.items():
        if caller not in merged:
            merged[caller] = value
        elif isinstance(value, tuple):
            merged[caller] = tuple(a + b for a, b in zip(value, merged[caller]))
        else:
            merged[caller] += value
    return merged


def add_func_stats(target, source):
    """The stats of one function from two profiles, summed."""
    summed = tuple(a + b for a, b in zip(source[:4], target[:4]))
    return summed + (add_callers(target[4], source[4]),)


def count_calls(callers):
    """The calls recorded in a caller table."""
    return sum(callers.values())


class Stats:
    def __init__(self, *args, stream=None):
        self.stream = stream or sys.stdout
        self.init(args[0] if args else None)
        self.add(*args[1:])

    def init(self, arg):
        self.all_callees = None
        self.files = []
        self.fcn_list = None
        self.total_tt = 0
        self.total_calls = 0
        self.prim_calls = 0
        self.max_name_len = 0
        self.top_level = set()
        self.stats = {}
        self.sort_arg_dict = {}
        self.load_stats(arg)
        self.get_top_level_stats()

    def load_stats(self, arg):
        if arg is None:
            self.stats = {}
            return
        if hasattr(arg, "create_stats"):
            # The profiler hands its data over.
            arg.create_stats()
            self.stats, arg.stats = arg.stats, {}
        if not self.stats:
            raise TypeError("Cannot create or construct a %r object from %r" % (self.__class__, arg))

    def get_top_level_stats(self):
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            self.total_calls += nc
            self.prim_calls += cc
            self.total_tt += tt
            if _TOP_CALLER in callers:
                self.top_level.add(func)
            self.max_name_len = max(self.max_name_len, len(func_std_string(func)))

    def add(self, *arg_list):
        # Later arguments first; totals accumulate rather than being
        # recounted (as CPython's, so float sums agree to the last bit).
        for other in reversed(arg_list):
            if type(self) != type(other):
                other = Stats(other)
            self.files += other.files
            self.total_calls += other.total_calls
            self.prim_calls += other.prim_calls
            self.total_tt += other.total_tt
            self.top_level.update(other.top_level)
            self.max_name_len = max(self.max_name_len, other.max_name_len)
            self.fcn_list = None
            for func, stat in other.stats.items():
                self.stats[func] = add_func_stats(self.stats.get(func, (0, 0, 0, 0, {})), stat)
        return self

    def get_sort_arg_defs(self):
        """Sort key words and their unambiguous abbreviations ->
        (fields, title)."""
        if not self.sort_arg_dict:
            # A word gets the abbreviations longer than what it shares with
            # the words before it; the longest shared one is ambiguous.
            table, clashes, earlier = {}, set(), []
            for word, meaning in _sort_words():
                shared = max((len(os.path.commonprefix([word, e])) for e in earlier), default=0)
                if shared:
                    clashes.add(word[:shared])
                for end in range(len(word), shared, -1):
                    table[word[:end]] = meaning
                earlier.append(word)
            for fragment in clashes:
                table.pop(fragment, None)
            self.sort_arg_dict = table
        return self.sort_arg_dict

    def sort_stats(self, *field):
        if not field:
            self.fcn_list = 0
            return self
        if len(field) == 1 and isinstance(field[0], int):
            # The old profiler's numeric sort codes.
            field = [{-1: "stdname", 0: "calls", 1: "time", 2: "cumulative"}[field[0]]]
        elif any(type(f) != type(field[0]) for f in field[1:]):
            raise TypeError("Can't have mixed argument type")
        known = self.get_sort_arg_defs()
        compared, titles = [], []
        try:
            for word in field:
                fields, title = known[word.value if isinstance(word, SortKey) else word]
                compared.extend(fields)
                titles.append(title)
        finally:
            # Set even when a word is unknown, as CPython's is.
            self.sort_type = ", ".join(titles)

        def row_key(func):
            cc, nc, tt, ct, _ = self.stats[func]
            row = (cc, nc, tt, ct, *func, func_std_string(func))
            return tuple(-row[i] if direction < 0 else row[i] for i, direction in compared)

        self.fcn_list = sorted(self.stats, key=row_key)
        return self

    def reverse_order(self):
        if self.fcn_list:
            self.fcn_list.reverse()
        return self

    def strip_dirs(self):
        """Drop directories from file names; functions that then coincide
        are merged."""
        merged = {}
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            short = func_strip_path(func)
            short_callers = {func_strip_path(caller): value for caller, value in callers.items()}
            entry = (cc, nc, tt, ct, short_callers)
            merged[short] = add_func_stats(merged[short], entry) if short in merged else entry
        self.stats = merged
        self.top_level = {func_strip_path(func) for func in self.top_level}
        self.max_name_len = max((len(func_std_string(f)) for f in merged), default=0)
        self.fcn_list = None
        self.all_callees = None
        return self

    def calc_callees(self):
        if self.all_callees:
            return
        # Invert the caller tables: who each function called.
        self.all_callees = callees = {}
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            callees.setdefault(func, {})
            for caller, value in callers.items():
                callees.setdefault(caller, {})[func] = value

    # --- the printed tables

    def eval_print_amount(self, sel, list, msg):
        """Apply one restriction: a regular expression on the standard name,
        a count, or a fraction of the list."""
        kept = list
        if isinstance(sel, str):
            try:
                pattern = re.compile(sel)
            except re.error:
                return list, msg + "   <Invalid regular expression %r>\n" % sel
            kept = [func for func in list if pattern.search(func_std_string(func))]
        elif isinstance(sel, float) and 0.0 <= sel < 1.0:
            kept = list[:int(len(list) * sel + .5)]
        elif isinstance(sel, int) and 0 <= sel < len(list):
            kept = list[:sel]
        if len(kept) != len(list):
            msg += "   List reduced from %r to %r due to restriction <%r>\n" % (len(list), len(kept), sel)
        return kept, msg

    def get_print_list(self, sel_list):
        if self.fcn_list:
            chosen = self.fcn_list[:]
            msg = "   Ordered by: " + self.sort_type + "\n"
        else:
            chosen = list(self.stats)
            msg = "   Random listing order was used\n"
        for sel in sel_list:
            chosen, msg = self.eval_print_amount(sel, chosen, msg)
        if not chosen:
            return 0, chosen
        print(msg, file=self.stream)
        width = self.max_name_len
        if len(chosen) < len(self.stats):
            width = max(len(func_std_string(func)) for func in chosen)
        return width + 2, chosen

    def print_stats(self, *amount):
        out = self.stream
        for name in self.files:
            print(name, file=out)
        if self.files:
            print(file=out)
        for func in self.top_level:
            print(" " * 8, func_get_function_name(func), file=out)
        primitive = "" if self.total_calls == self.prim_calls else "(%d primitive calls) " % self.prim_calls
        print("%8s %d function calls %sin %.3f seconds" % ("", self.total_calls, primitive, self.total_tt), file=out)
        print(file=out)
        width, chosen = self.get_print_list(amount)
        if chosen:
            self.print_title()
            for func in chosen:
                self.print_line(func)
            print("\n", file=out)
        return self

    def print_callees(self, *amount):
        width, chosen = self.get_print_list(amount)
        if chosen:
            self.calc_callees()
            self.print_call_heading(width, "called...")
            for func in chosen:
                self.print_call_line(width, func, self.all_callees.get(func, {}))
            print("\n", file=self.stream)
        return self

    def print_callers(self, *amount):
        width, chosen = self.get_print_list(amount)
        if chosen:
            self.print_call_heading(width, "was called by...")
            for func in chosen:
                self.print_call_line(width, func, self.stats[func][4], "<-")
            print("\n", file=self.stream)
        return self

    def print_call_heading(self, name_size, column_title):
        print("Function ".ljust(name_size) + column_title, file=self.stream)
        # cProfile's caller tables hold (calls, ..., time) tuples and get a
        # column header; plain counts do not.
        first = next((callers for *_, callers in self.stats.values() if callers), None)
        if first is not None and isinstance(next(iter(first.values())), tuple):
            print(" " * name_size + "    ncalls  tottime  cumtime", file=self.stream)

    def print_call_line(self, name_size, source, call_dict, arrow="->"):
        out = self.stream
        print(func_std_string(source).ljust(name_size) + arrow, end=" ", file=out)
        if not call_dict:
            print(file=out)
            return
        for k, func in enumerate(sorted(call_dict)):
            name = func_std_string(func)
            value = call_dict[func]
            if isinstance(value, tuple):
                nc, cc, tt, ct = value
                calls = "%d/%d" % (nc, cc) if nc != cc else "%d" % nc
                text = "%s %s %s  %s" % (calls.rjust(7 + 2 * min(k, 1)), f8(tt), f8(ct), name)
                pad = name_size + 1
            else:
                text = "%s(%r) %s" % (name, value, f8(self.stats[func][3]))
                pad = name_size + 3
            print(" " * (pad if k else 0) + text, file=out)

    def print_title(self):
        print("   ncalls  tottime  percall  cumtime  percall filename:lineno(function)", file=self.stream)

    def print_line(self, func):
        cc, nc, tt, ct, callers = self.stats[func]
        calls = str(nc) if nc == cc else "%d/%d" % (nc, cc)
        per_call = f8(tt / nc) if nc else " " * 8
        per_prim = f8(ct / cc) if cc else " " * 8
        print(calls.rjust(9), f8(tt), per_call, f8(ct), per_prim, func_std_string(func), file=self.stream)
