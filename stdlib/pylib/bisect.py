# bisect for asy: binary search in sorted sequences.
#
# What callers can observe, and so is kept as CPython's C module has it:
# which items are probed (the midpoint (lo + hi) // 2 of the live range),
# that only "<" is called and on which side (x < item when looking for the
# right edge, item < x for the left edge), that key= sees the probed items
# and never x itself, and how lo/hi are read (hi None or -1 means "to the
# end"; lo/hi go through __index__).
#
# All four functions go through _search: the right-edge search asks "does
# x come before the probe?", the left-edge one its mirror "does the probe
# come before x?". Its four loops are written out rather than passed a
# comparison, since searching is hot.

from operator import index as _index


def _lo_index(lo):
    if type(lo) is not int:
        lo = _index(lo)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    return lo


def _hi_index(a, hi):
    if hi is None:
        return len(a)
    if type(hi) is not int:
        # hi has its own converter in CPython, hence its own message.
        if not isinstance(hi, int) and not hasattr(type(hi), '__index__'):
            raise TypeError(f"argument should be integer or None, not '{type(hi).__name__}'")
        hi = _index(hi)
    return len(a) if hi == -1 else hi


def _search(a, x, lo, hi, key, right):
    lo = _lo_index(lo)
    hi = _hi_index(a, hi)
    if right:
        if key is None:
            while lo < hi:
                mid = (lo + hi) // 2
                if x < a[mid]:
                    hi = mid
                else:
                    lo = mid + 1
        else:
            while lo < hi:
                mid = (lo + hi) // 2
                if x < key(a[mid]):
                    hi = mid
                else:
                    lo = mid + 1
    elif key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Index where x would go in sorted a, after any items equal to it."""
    return _search(a, x, lo, hi, key, True)


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Index where x would go in sorted a, before any items equal to it."""
    return _search(a, x, lo, hi, key, False)


# The insorts search with key(x) but insert x itself. The search comes
# first, so its errors win over a missing insert method.

def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted a, after any items equal to it."""
    at = _search(a, x if key is None else key(x), lo, hi, key, True)
    a.insert(at, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted a, before any items equal to it."""
    at = _search(a, x if key is None else key(x), lo, hi, key, False)
    a.insert(at, x)


bisect = bisect_right
insort = insort_right
