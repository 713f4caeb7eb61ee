"""unittest helpers: short reprs for failure messages, class names, and
the element-count differences assertCountEqual reports."""

from collections import namedtuple, Counter

__unittest = True

_MAX_LENGTH = 80
_PLACEHOLDER_LEN = 12
_MIN_BEGIN_LEN = 5
_MIN_END_LEN = 5
_MIN_COMMON_LEN = 5
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN + _MIN_COMMON_LEN +
                               _PLACEHOLDER_LEN + _MIN_END_LEN)


def _shorten(s, prefixlen, suffixlen):
    skip = len(s) - prefixlen - suffixlen
    if skip > _PLACEHOLDER_LEN:
        return '%s[%d chars]%s' % (s[:prefixlen], skip, s[len(s) - suffixlen:])
    return s


def _commonprefix(strs):
    lo, hi = min(strs), max(strs)
    n = 0
    while n < len(lo) and lo[n] == hi[n]:
        n += 1
    return lo[:n]


def _common_shorten_repr(*args):
    # Reprs that fit stay whole; long ones keep their common start (cut
    # short) and the part that differs.
    args = tuple(safe_repr(a) for a in args)
    maxlen = max(len(a) for a in args)
    if maxlen <= _MAX_LENGTH:
        return args
    prefix = _commonprefix(args)
    n = len(prefix)
    common_len = _MAX_LENGTH - (maxlen - n + _MIN_BEGIN_LEN + _PLACEHOLDER_LEN)
    if common_len > _MIN_COMMON_LEN:
        prefix = _shorten(prefix, _MIN_BEGIN_LEN, common_len)
        return tuple(prefix + s[n:] for s in args)
    prefix = _shorten(prefix, _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(prefix + _shorten(s[n:], _MIN_DIFF_LEN, _MIN_END_LEN) for s in args)


def safe_repr(obj, short=False):
    try:
        result = repr(obj)
    except Exception:
        result = object.__repr__(obj)
    if not short or len(result) < _MAX_LENGTH:
        return result
    return result[:_MAX_LENGTH] + ' [truncated]...'


def strclass(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


_Mismatch = namedtuple('Mismatch', 'actual expected value')


def _count_diff_all_purpose(actual, expected):
    # Unhashable elements: count by equality, first-seen order.
    s, t = list(actual), list(expected)
    gone = object()
    result = []
    for i, elem in enumerate(s):
        if elem is gone:
            continue
        ns = nt = 0
        for j in range(i, len(s)):
            if s[j] == elem:
                ns += 1
                s[j] = gone
        for j, other in enumerate(t):
            if other == elem:
                nt += 1
                t[j] = gone
        if ns != nt:
            result.append(_Mismatch(ns, nt, elem))
    for i, elem in enumerate(t):
        if elem is gone:
            continue
        nt = 0
        for j in range(i, len(t)):
            if t[j] == elem:
                nt += 1
                t[j] = gone
        result.append(_Mismatch(0, nt, elem))
    return result


def _count_diff_hashable(actual, expected):
    s, t = Counter(actual), Counter(expected)
    result = []
    for elem, ns in s.items():
        nt = t.get(elem, 0)
        if ns != nt:
            result.append(_Mismatch(ns, nt, elem))
    for elem, nt in t.items():
        if elem not in s:
            result.append(_Mismatch(0, nt, elem))
    return result
