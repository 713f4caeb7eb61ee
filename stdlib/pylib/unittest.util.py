"""unittest.util: the small pieces failure messages are built from.

Reprs are shortened so that two long values which differ only somewhere in
the middle still show the place where they differ: the shared start is cut
to a few characters around a "[N chars]" marker, and so is an overlong
differing tail.
"""

from collections import namedtuple, Counter
from os.path import commonprefix

__unittest = True

# The budget of a shortened repr and the pieces it keeps (CPython's numbers,
# since failure messages must read the same).
_MAX_LENGTH = 80
_PLACEHOLDER_LEN = 12
_MIN_BEGIN_LEN = 5
_MIN_END_LEN = 5
_MIN_COMMON_LEN = 5
_MIN_DIFF_LEN = 41  # what is left of _MAX_LENGTH once the other pieces are kept


def _shorten(s, prefixlen, suffixlen):
    """s with its middle replaced by a "[N chars]" marker, when that saves
    more than the marker costs."""
    hidden = len(s) - prefixlen - suffixlen
    if hidden <= _PLACEHOLDER_LEN:
        return s
    return f'{s[:prefixlen]}[{hidden} chars]{s[len(s) - suffixlen:]}'


def _common_shorten_repr(*args):
    reprs = [safe_repr(a) for a in args]
    longest = max(map(len, reprs))
    if longest <= _MAX_LENGTH:
        return tuple(reprs)
    shared = commonprefix(reprs)
    cut = len(shared)
    # Room left for the shared start once the longest differing tail and
    # the start's head and marker are paid for.
    room = _MAX_LENGTH - (longest - cut + _MIN_BEGIN_LEN + _PLACEHOLDER_LEN)
    if room > _MIN_COMMON_LEN:
        head = _shorten(shared, _MIN_BEGIN_LEN, room)
        return tuple(head + r[cut:] for r in reprs)
    # Even the tails are too long: shorten both parts to their minimum.
    head = _shorten(shared, _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(head + _shorten(r[cut:], _MIN_DIFF_LEN, _MIN_END_LEN) for r in reprs)


def safe_repr(obj, short=False):
    """repr(obj), falling back on object's repr when obj's own raises;
    with short, cut after _MAX_LENGTH characters."""
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if short and len(text) >= _MAX_LENGTH:
        text = text[:_MAX_LENGTH] + ' [truncated]...'
    return text


def strclass(cls):
    return f'{cls.__module__}.{cls.__qualname__}'


def three_way_cmp(x, y):
    """-1, 0 or 1 as x is less than, equal to or greater than y."""
    return int(x > y) - int(x < y)


def sorted_list_difference(expected, actual):
    """Elements only in expected and elements only in actual, both lists
    sorted; duplicates of a missing element are reported once."""
    missing, unexpected = [], []
    i = j = 0
    while i < len(expected) and j < len(actual):
        e, a = expected[i], actual[j]
        if e == a:
            # Skip the run of this value on both sides.
            while i < len(expected) and expected[i] == e:
                i += 1
            while j < len(actual) and actual[j] == e:
                j += 1
        elif e < a:
            missing.append(e)
            while i < len(expected) and expected[i] == e:
                i += 1
        else:
            unexpected.append(a)
            while j < len(actual) and actual[j] == a:
                j += 1
    missing += expected[i:]
    unexpected += actual[j:]
    return missing, unexpected


def unorderable_list_difference(expected, actual):
    """Like sorted_list_difference for elements that cannot be sorted
    (or hashed): each element of actual cancels one equal element of
    expected. expected is emptied as a side effect, as CPython's does."""
    missing = []
    while expected:
        item = expected.pop()
        if item in actual:
            actual.remove(item)
        else:
            missing.append(item)
    return missing, actual


_Mismatch = namedtuple('Mismatch', 'actual expected value')


def _count_diff_all_purpose(actual, expected):
    """Mismatch(count in actual, count in expected, element) for every
    element whose counts differ, comparing by == only (elements may be
    unhashable); in order of first appearance, actual's elements first."""
    pending_a, pending_e = list(actual), list(expected)
    done = object()  # marks elements already counted

    def take(seq, start, elem):
        n = 0
        for k in range(start, len(seq)):
            if seq[k] is not done and seq[k] == elem:
                seq[k] = done
                n += 1
        return n

    found = []
    for k, elem in enumerate(pending_a):
        if elem is not done:
            na, ne = take(pending_a, k, elem), take(pending_e, 0, elem)
            if na != ne:
                found.append(_Mismatch(na, ne, elem))
    for k, elem in enumerate(pending_e):
        if elem is not done:
            found.append(_Mismatch(0, take(pending_e, k, elem), elem))
    return found


def _count_diff_hashable(actual, expected):
    """_count_diff_all_purpose for hashable elements, by counting."""
    in_a, in_e = Counter(actual), Counter(expected)
    found = [_Mismatch(n, in_e[elem], elem) for elem, n in in_a.items() if n != in_e[elem]]
    found += [_Mismatch(0, n, elem) for elem, n in in_e.items() if elem not in in_a]
    return found
