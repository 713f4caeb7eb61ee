"""Statistics of a profile (CPython's pstats: Stats, SortKey, print_stats)."""

import os
import re
import sys
from enum import Enum

__all__ = ["Stats", "SortKey"]


class SortKey(str, Enum):
    CALLS = 'calls', 'ncalls'
    CUMULATIVE = 'cumulative', 'cumtime'
    FILENAME = 'filename', 'module'
    LINE = 'line'
    NAME = 'name'
    NFL = 'nfl'
    PCALLS = 'pcalls'
    STDNAME = 'stdname'
    TIME = 'time', 'tottime'

    def __new__(cls, *values):
        value = values[0]
        obj = str.__new__(cls, value)
        obj._value_ = value
        for other_value in values[1:]:
            cls._value2member_map_[other_value] = obj
        obj._all_values = values
        return obj


# (indices into (cc, nc, tt, ct, file, line, name, stdname), direction), title
_sort_arg_dict_default = {
    "calls": (((1, -1),), "call count"),
    "ncalls": (((1, -1),), "call count"),
    "cumtime": (((3, -1),), "cumulative time"),
    "cumulative": (((3, -1),), "cumulative time"),
    "filename": (((4, 1),), "file name"),
    "line": (((5, 1),), "line number"),
    "module": (((4, 1),), "file name"),
    "name": (((6, 1),), "function name"),
    "nfl": (((6, 1), (4, 1), (5, 1),), "name/file/line"),
    "pcalls": (((0, -1),), "primitive call count"),
    "stdname": (((7, 1),), "standard name"),
    "time": (((2, -1),), "internal time"),
    "tottime": (((2, -1),), "internal time"),
}


def func_std_string(func_name):
    if func_name[:2] == ('~', 0):
        name = func_name[2]
        if name.startswith('<') and name.endswith('>'):
            return '{%s}' % name[1:-1]
        return name
    return "%s:%d(%s)" % func_name


def func_strip_path(func_name):
    filename, line, name = func_name
    return os.path.basename(filename), line, name


def f8(x):
    return "%8.3f" % x


class Stats:
    def __init__(self, *args, stream=None):
        self.stream = stream or sys.stdout
        self.stats = {}
        self.files = []
        self.fcn_list = 0
        self.total_tt = 0
        self.total_calls = 0
        self.prim_calls = 0
        self.max_name_len = 0
        self.top_level = set()
        self.sort_arg_dict = {}
        self.sort_type = ""
        for arg in args:
            self.add(arg)

    def add(self, *arg_list):
        for arg in arg_list:
            if isinstance(arg, Stats):
                other = arg.stats
            elif hasattr(arg, 'create_stats'):
                arg.create_stats()
                other = arg.stats
            else:
                raise TypeError("Cannot create or construct a %r object from %r"
                                % (self.__class__, arg))
            for func, stat in other.items():
                if func in self.stats:
                    old = self.stats[func]
                    callers = dict(old[4])
                    for k, v in stat[4].items():
                        callers[k] = callers.get(k, 0) + v
                    self.stats[func] = (old[0] + stat[0], old[1] + stat[1], old[2] + stat[2],
                                        old[3] + stat[3], callers)
                else:
                    self.stats[func] = stat
        self._totals()
        return self

    def _totals(self):
        self.total_calls = self.prim_calls = 0
        self.total_tt = 0
        self.max_name_len = 0
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            self.total_calls += nc
            self.prim_calls += cc
            self.total_tt += tt
            self.max_name_len = max(self.max_name_len, len(func_std_string(func)))

    def get_sort_arg_defs(self):
        if not self.sort_arg_dict:
            self.sort_arg_dict = dict_ = {}
            bad_list = {}
            for word, tup in _sort_arg_dict_default.items():
                fragment = word
                while fragment:
                    if fragment in dict_:
                        bad_list[fragment] = 0
                        break
                    dict_[fragment] = tup
                    fragment = fragment[:-1]
            for word in bad_list:
                del dict_[word]
        return self.sort_arg_dict

    def sort_stats(self, *field):
        if not field:
            self.fcn_list = 0
            return self
        if len(field) == 1 and isinstance(field[0], int):
            field = [{-1: "stdname", 0: "calls", 1: "time", 2: "cumulative"}[field[0]]]
        elif len(field) >= 2:
            for arg in field[1:]:
                if type(arg) != type(field[0]):
                    raise TypeError("Can't have mixed argument type")
        sort_arg_defs = self.get_sort_arg_defs()
        sort_tuple = ()
        self.sort_type = ""
        connector = ""
        for word in field:
            if isinstance(word, SortKey):
                word = word.value
            sort_tuple = sort_tuple + sort_arg_defs[word][0]
            self.sort_type += connector + sort_arg_defs[word][1]
            connector = ", "
        stats_list = []
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            stats_list.append((cc, nc, tt, ct) + func + (func_std_string(func), func))

        def key(entry):
            return tuple(_Rev(entry[i]) if d < 0 else entry[i] for i, d in sort_tuple)
        stats_list.sort(key=key)
        self.fcn_list = [entry[-1] for entry in stats_list]
        return self

    def reverse_order(self):
        if self.fcn_list:
            self.fcn_list.reverse()
        return self

    def strip_dirs(self):
        newstats = {}
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            newfunc = func_strip_path(func)
            newcallers = {}
            for f, n in callers.items():
                nf = func_strip_path(f)
                newcallers[nf] = newcallers.get(nf, 0) + n
            if newfunc in newstats:
                o = newstats[newfunc]
                newstats[newfunc] = (o[0] + cc, o[1] + nc, o[2] + tt, o[3] + ct, newcallers)
            else:
                newstats[newfunc] = (cc, nc, tt, ct, newcallers)
        self.stats = newstats
        self.fcn_list = 0
        self._totals()
        return self

    def eval_print_amount(self, sel, list, msg):
        new_list = list
        if isinstance(sel, str):
            try:
                rex = re.compile(sel)
            except re.error:
                msg += "   <Invalid regular expression %r>\n" % sel
                return new_list, msg
            new_list = [func for func in list if rex.search(func_std_string(func))]
        else:
            count = len(list)
            if isinstance(sel, float) and 0.0 <= sel < 1.0:
                count = int(count * sel + .5)
                new_list = list[:count]
            elif isinstance(sel, int) and 0 <= sel < count:
                count = sel
                new_list = list[:count]
        if len(list) != len(new_list):
            msg += "   List reduced from %r to %r due to restriction <%r>\n" % (
                len(list), len(new_list), sel)
        return new_list, msg

    def get_print_list(self, sel_list):
        width = self.max_name_len
        if self.fcn_list:
            stat_list = self.fcn_list[:]
            msg = "   Ordered by: " + self.sort_type + '\n'
        else:
            stat_list = list(self.stats.keys())
            msg = "   Random listing order was used\n"
        for selection in sel_list:
            stat_list, msg = self.eval_print_amount(selection, stat_list, msg)
        count = len(stat_list)
        if not stat_list:
            return 0, stat_list
        print(msg, file=self.stream)
        if count < len(self.stats):
            width = 0
            for func in stat_list:
                width = max(width, len(func_std_string(func)))
        return width + 2, stat_list

    def print_stats(self, *amount):
        for filename in self.files:
            print(filename, file=self.stream)
        if self.files:
            print(file=self.stream)
        indent = ' ' * 8
        print(indent, self.total_calls, "function calls", end=' ', file=self.stream)
        if self.total_calls != self.prim_calls:
            print("(%d primitive calls)" % self.prim_calls, end=' ', file=self.stream)
        print("in %.3f seconds" % self.total_tt, file=self.stream)
        print(file=self.stream)
        width, list = self.get_print_list(amount)
        if list:
            self.print_title()
            for func in list:
                self.print_line(func)
            print(file=self.stream)
            print(file=self.stream)
        return self

    def print_title(self):
        print('   ncalls  tottime  percall  cumtime  percall', end=' ', file=self.stream)
        print('filename:lineno(function)', file=self.stream)

    def print_line(self, func):
        cc, nc, tt, ct, callers = self.stats[func]
        c = str(nc)
        if nc != cc:
            c = c + '/' + str(cc)
        print(c.rjust(9), end=' ', file=self.stream)
        print(f8(tt), end=' ', file=self.stream)
        if nc == 0:
            print(' ' * 8, end=' ', file=self.stream)
        else:
            print(f8(tt / nc), end=' ', file=self.stream)
        print(f8(ct), end=' ', file=self.stream)
        if cc == 0:
            print(' ' * 8, end=' ', file=self.stream)
        else:
            print(f8(ct / cc), end=' ', file=self.stream)
        print(func_std_string(func), file=self.stream)


class _Rev:
    """Sorts descending inside an ascending sort key."""
    __slots__ = ('v',)

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return other.v < self.v

    def __eq__(self, other):
        return self.v == other.v
