"""unittest._diffs: the texts of TestCase's longer failure messages.

Each *_mismatch function returns the message for two values that differ
(None or '' when they do not); the *_diff functions the ndiff shown after
it, which TestCase cuts to maxDiff.
"""

import difflib
import pprint
from collections import Counter

from unittest.util import (safe_repr, _common_shorten_repr,
                           _count_diff_all_purpose, _count_diff_hashable)

__unittest = True

# What indexing a sequence-like object may raise besides returning an item.
_INDEX_ERRORS = (TypeError, IndexError, NotImplementedError)


def _item(seq, i):
    """(True, seq[i]), or (False, None) when seq cannot be indexed at i."""
    try:
        return True, seq[i]
    except _INDEX_ERRORS:
        return False, None


def _length(seq):
    try:
        return len(seq)
    except (TypeError, NotImplementedError):
        return None


def sequence_mismatch(seq1, seq2, seq_type):
    kind = 'sequence' if seq_type is None else seq_type.__name__
    n1, n2 = _length(seq1), _length(seq2)
    if n1 is None:
        return f'First {kind} has no length.    Non-sequence?'
    if n2 is None:
        return f'Second {kind} has no length.    Non-sequence?'
    if seq1 == seq2:
        return None
    text = '%ss differ: %s != %s\n' % ((kind.capitalize(),) + _common_shorten_repr(seq1, seq2))
    first_difference = None
    for i in range(min(n1, n2)):
        ok1, a = _item(seq1, i)
        ok2, b = _item(seq2, i) if ok1 else (True, None)
        if not (ok1 and ok2):
            first_difference = f'\nUnable to index element {i} of {"first" if not ok1 else "second"} {kind}\n'
            break
        if a != b:
            first_difference = '\nFirst differing element %d:\n%s\n%s\n' % (
                (i,) + _common_shorten_repr(a, b))
            break
    if first_difference is not None:
        text += first_difference
    elif n1 == n2 and seq_type is None and type(seq1) != type(seq2):
        # Same items in sequences of different types: equal enough.
        return None
    if n1 != n2:
        which, longer, common = ('First', seq1, n2) if n1 > n2 else ('Second', seq2, n1)
        text += f'\n{which} {kind} contains {abs(n1 - n2)} additional elements.\n'
        ok, extra = _item(longer, common)
        if ok:
            # CPython says "First extra element" whichever side is longer.
            text += f'First extra element {common}:\n{safe_repr(extra)}\n'
        else:
            text += f'Unable to index element {common} of {which.lower()} {kind}\n'
    return text


def pformat_diff(a, b):
    return '\n' + '\n'.join(difflib.ndiff(pprint.pformat(a).splitlines(),
                                          pprint.pformat(b).splitlines()))


def text_diff(first, second):
    lines1 = first.splitlines(keepends=True)
    lines2 = second.splitlines(keepends=True)
    if len(lines1) == 1 and first.strip('\r\n') == first:
        # One line without an ending: give both sides one, so that the
        # diff's "?" hint lines sit on lines of their own.
        lines1, lines2 = [first + '\n'], [second + '\n']
    return '\n' + ''.join(difflib.ndiff(lines1, lines2))


def set_mismatch(set1, set2, fail):
    """The items only in one of the sets; a set1 or set2 that is not a set
    fails at once through fail (inside the handler, so the report chains
    the TypeError or AttributeError)."""
    only = []
    for label, this, other in (('first', set1, set2), ('second', set2, set1)):
        try:
            only.append(this.difference(other))
        except TypeError as e:
            fail('invalid type when attempting set difference: %s' % e)
        except AttributeError as e:
            fail('%s argument does not support set difference: %s' % (label, e))
    only1, only2 = only
    if not (only1 or only2):
        return None
    lines = []
    for heading, items in (('Items in the first set but not the second:', only1),
                           ('Items in the second set but not the first:', only2)):
        if items:
            lines.append(heading)
            lines.extend(map(repr, items))
    return '\n'.join(lines)


def count_mismatch(first, second):
    """'First has N, Second has M:  elem' lines for the elements whose
    counts differ between the lists first and second ('' for none)."""
    try:
        counts1, counts2 = Counter(first), Counter(second)
    except TypeError:
        found = _count_diff_all_purpose(first, second)  # unhashable elements
    else:
        if counts1 == counts2:
            return ''
        found = _count_diff_hashable(first, second)
    return '\n'.join('First has %d, Second has %d:  %r' % m for m in found)


def subset_mismatch(subset, dictionary):
    missing, wrong = [], []
    for key, value in subset.items():
        if key not in dictionary:
            missing.append(safe_repr(key))
        elif value != dictionary[key]:
            wrong.append(f'{safe_repr(key)}, expected: {safe_repr(value)}, '
                         f'actual: {safe_repr(dictionary[key])}')
    parts = []
    if missing:
        parts.append('Missing: ' + ','.join(missing))
    if wrong:
        parts.append('Mismatched values: ' + ','.join(wrong))
    return '; '.join(parts) or None
