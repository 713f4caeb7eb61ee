"""Differences between sequences: SequenceMatcher, Differ/ndiff,
unified_diff, context_diff and get_close_matches.

The matching algorithm is the one CPython documents (longest matching
block first, then recursively either side; junk and "popular" elements of
b are never starting points of a match), so diffs come out identical to
python3's — unittest's failure messages depend on that.
"""

__all__ = ['get_close_matches', 'ndiff', 'restore', 'SequenceMatcher',
           'Differ', 'IS_CHARACTER_JUNK', 'IS_LINE_JUNK', 'context_diff',
           'unified_diff', 'diff_bytes', 'Match']

from collections import namedtuple as _namedtuple

Match = _namedtuple('Match', 'a b size')


def _ratio(matches, length):
    if length:
        return 2.0 * matches / length
    return 1.0


class SequenceMatcher:
    def __init__(self, isjunk=None, a='', b='', autojunk=True):
        self.isjunk = isjunk
        self.a = self.b = None
        self.autojunk = autojunk
        self.set_seqs(a, b)

    def set_seqs(self, a, b):
        self.set_seq1(a)
        self.set_seq2(b)

    def set_seq1(self, a):
        if a is self.a:
            return
        self.a = a
        self.matching_blocks = self.opcodes = None

    def set_seq2(self, b):
        if b is self.b:
            return
        self.b = b
        self.matching_blocks = self.opcodes = None
        self.fullbcount = None
        self._index_b()

    def _index_b(self):
        # Where each element of b occurs, minus junk and (for long
        # sequences) elements so common that matching on them is noise.
        b = self.b
        where = {}
        for i, elt in enumerate(b):
            where.setdefault(elt, []).append(i)
        self.bjunk = junk = set()
        if self.isjunk is not None:
            for elt in list(where):
                if self.isjunk(elt):
                    junk.add(elt)
                    del where[elt]
        self.bpopular = popular = set()
        n = len(b)
        if self.autojunk and n >= 200:
            limit = n // 100 + 1
            for elt, idxs in list(where.items()):
                if len(idxs) > limit:
                    popular.add(elt)
                    del where[elt]
        self.b2j = where

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        a, b, b2j, isbjunk = self.a, self.b, self.b2j, self.bjunk.__contains__
        if ahi is None:
            ahi = len(a)
        if bhi is None:
            bhi = len(b)
        besti, bestj, bestsize = alo, blo, 0
        # lengths[j]: length of the match ending at a[i-1], b[j].
        lengths = {}
        empty = []
        for i in range(alo, ahi):
            found = {}
            for j in b2j.get(a[i], empty):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = found[j] = lengths.get(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            lengths = found
        # Grow the match with equal non-junk neighbours, then junk ones.
        for junk_side in (False, True):
            while (besti > alo and bestj > blo and
                   isbjunk(b[bestj - 1]) == junk_side and
                   a[besti - 1] == b[bestj - 1]):
                besti, bestj, bestsize = besti - 1, bestj - 1, bestsize + 1
            while (besti + bestsize < ahi and bestj + bestsize < bhi and
                   isbjunk(b[bestj + bestsize]) == junk_side and
                   a[besti + bestsize] == b[bestj + bestsize]):
                bestsize += 1
        return Match(besti, bestj, bestsize)

    def get_matching_blocks(self):
        if self.matching_blocks is not None:
            return self.matching_blocks
        la, lb = len(self.a), len(self.b)
        # The longest match splits the problem in two; each side is matched the same way.
        pending = [(0, la, 0, lb)]
        blocks = []
        while pending:
            alo, ahi, blo, bhi = pending.pop()
            match = self.find_longest_match(alo, ahi, blo, bhi)
            i, j, k = match
            if not k:
                continue
            blocks.append(match)
            if alo < i and blo < j:
                pending.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                pending.append((i + k, ahi, j + k, bhi))
        blocks.sort()
        # Adjacent blocks (one ends where the next starts, in both) become one.
        joined = []
        for i, j, k in blocks:
            if joined:
                pi, pj, pk = joined[-1]
                if pi + pk == i and pj + pk == j:
                    joined[-1] = (pi, pj, pk + k)
                    continue
            joined.append((i, j, k))
        joined.append((la, lb, 0))
        self.matching_blocks = [Match(*block) for block in joined]
        return self.matching_blocks

    def get_opcodes(self):
        if self.opcodes is not None:
            return self.opcodes
        codes = []
        i = j = 0
        for ai, bj, size in self.get_matching_blocks():
            # the gap before each block, then the block itself
            if i < ai or j < bj:
                tag = 'replace' if i < ai and j < bj else ('delete' if i < ai else 'insert')
                codes.append((tag, i, ai, j, bj))
            if size:
                codes.append(('equal', ai, ai + size, bj, bj + size))
            i, j = ai + size, bj + size
        self.opcodes = codes
        return codes

    def get_grouped_opcodes(self, n=3):
        def head(op):  # the first n lines of an equal run
            tag, i1, i2, j1, j2 = op
            return tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)

        def tail(op):  # its last n lines
            tag, i1, i2, j1, j2 = op
            return tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2

        # The trimming below edits the cached opcode list in place, as CPython's does
        # (a script can see it through get_opcodes()).
        codes = self.get_opcodes() or [("equal", 0, 1, 0, 1)]
        if codes[0][0] == 'equal':
            codes[0] = tail(codes[0])
        if codes[-1][0] == 'equal':
            codes[-1] = head(codes[-1])
        group = []
        for op in codes:
            if op[0] == 'equal' and op[2] - op[1] > n + n:
                # a long unchanged run ends one group and starts the next
                group.append(head(op))
                yield group
                group = [tail(op)]
            else:
                group.append(op)
        if not (len(group) == 1 and group[0][0] == 'equal'):
            yield group

    def ratio(self):
        matches = sum(m[-1] for m in self.get_matching_blocks())
        return _ratio(matches, len(self.a) + len(self.b))

    def quick_ratio(self):
        if self.fullbcount is None:
            self.fullbcount = counts = {}
            for elt in self.b:
                counts[elt] = counts.get(elt, 0) + 1
        counts = self.fullbcount
        left = {}
        matches = 0
        for elt in self.a:
            n = left[elt] if elt in left else counts.get(elt, 0)
            left[elt] = n - 1
            if n > 0:
                matches += 1
        return _ratio(matches, len(self.a) + len(self.b))

    def real_quick_ratio(self):
        la, lb = len(self.a), len(self.b)
        return _ratio(min(la, lb), la + lb)

    __class_getitem__ = classmethod(lambda cls, item: cls)


def get_close_matches(word, possibilities, n=3, cutoff=0.6):
    if not n > 0:
        raise ValueError("n must be > 0: %r" % (n,))
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError("cutoff must be in [0.0, 1.0]: %r" % (cutoff,))
    scored = []
    s = SequenceMatcher()
    s.set_seq2(word)
    for x in possibilities:
        s.set_seq1(x)
        if (s.real_quick_ratio() >= cutoff and s.quick_ratio() >= cutoff
                and s.ratio() >= cutoff):
            scored.append((s.ratio(), x))
    scored.sort(reverse=True)
    return [x for score, x in scored[:n]]


def _keep_original_ws(s, tags):
    return ''.join(c if t == " " and c.isspace() else t for c, t in zip(s, tags))


# What each line-level opcode becomes in a delta: (prefix, from a or from b).
_DUMPS = {'delete': ('-', 0), 'insert': ('+', 1), 'equal': (' ', 0)}

# Intraline marks for each character-level opcode: (mark under a, mark under b).
_MARKS = {'replace': ('^', '^'), 'delete': ('-', ''), 'insert': ('', '+'), 'equal': (' ', ' ')}


class Differ:
    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk = linejunk
        self.charjunk = charjunk

    def compare(self, a, b):
        for tag, alo, ahi, blo, bhi in SequenceMatcher(self.linejunk, a, b).get_opcodes():
            if tag == 'replace':
                yield from self._fancy_replace(a, alo, ahi, b, blo, bhi)
            elif tag in _DUMPS:
                prefix, side = _DUMPS[tag]
                yield from self._dump(prefix, *((a, alo, ahi), (b, blo, bhi))[side])
            else:
                raise ValueError('unknown tag %r' % (tag,))

    def _dump(self, tag, x, lo, hi):
        for line in x[lo:hi]:
            yield tag + ' ' + line

    def _plain_replace(self, a, alo, ahi, b, blo, bhi):
        removed = self._dump('-', a, alo, ahi)
        added = self._dump('+', b, blo, bhi)
        # the shorter block comes first
        if bhi - blo < ahi - alo:
            removed, added = added, removed
        yield from removed
        yield from added

    def _closest_pair(self, a, alo, ahi, b, blo, bhi):
        """(i, j, similar): the most similar pair of differing lines, when one reaches a
        ratio of 0.75 (similar is True); else the first identical pair (similar False);
        else None. Ties go to the earliest pair, b's index varying slowest."""
        matcher = SequenceMatcher(self.charjunk)
        best, best_ratio = None, 0.74
        identical = None
        for j in range(blo, bhi):
            matcher.set_seq2(b[j])
            for i in range(alo, ahi):
                if a[i] == b[j]:
                    identical = identical or (i, j, False)
                    continue
                matcher.set_seq1(a[i])
                # the cheap upper bounds first; ratio() only when they allow a win
                if (matcher.real_quick_ratio() > best_ratio
                        and matcher.quick_ratio() > best_ratio):
                    r = matcher.ratio()
                    if r > best_ratio:
                        best, best_ratio = (i, j, True), r
        if best is not None and best_ratio >= 0.75:
            return best
        return identical

    def _fancy_replace(self, a, alo, ahi, b, blo, bhi):
        # Synchronise on the closest pair, mark its differences, and recurse on the
        # blocks before and after it; with no pair the blocks are shown plainly.
        pair = self._closest_pair(a, alo, ahi, b, blo, bhi)
        if pair is None:
            yield from self._plain_replace(a, alo, ahi, b, blo, bhi)
            return
        i, j, similar = pair
        yield from self._fancy_helper(a, alo, i, b, blo, j)
        if similar:
            yield from self._marked_pair(a[i], b[j])
        else:
            yield '  ' + a[i]
        yield from self._fancy_helper(a, i + 1, ahi, b, j + 1, bhi)

    def _marked_pair(self, aline, bline):
        matcher = SequenceMatcher(self.charjunk, aline, bline)
        amarks, bmarks = [], []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            amark, bmark = _MARKS[tag]
            amarks.append(amark * (i2 - i1))
            bmarks.append(bmark * (j2 - j1))
        yield from self._qformat(aline, bline, ''.join(amarks), ''.join(bmarks))

    def _fancy_helper(self, a, alo, ahi, b, blo, bhi):
        if alo < ahi and blo < bhi:
            yield from self._fancy_replace(a, alo, ahi, b, blo, bhi)
        elif alo < ahi:
            yield from self._dump('-', a, alo, ahi)
        elif blo < bhi:
            yield from self._dump('+', b, blo, bhi)

    def _qformat(self, aline, bline, atags, btags):
        for prefix, line, tags in (("- ", aline, atags), ("+ ", bline, btags)):
            yield prefix + line
            guide = _keep_original_ws(line, tags).rstrip()
            if guide:
                yield "? " + guide + "\n"


def IS_LINE_JUNK(line, pat=None):
    if pat is not None:
        return pat(line) is not None
    s = line.strip()
    return s == '' or s == '#'


def IS_CHARACTER_JUNK(ch, ws=" \t"):
    return ch in ws


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    return Differ(linejunk, charjunk).compare(a, b)


def restore(delta, which):
    try:
        tag = {1: "- ", 2: "+ "}[int(which)]
    except KeyError:
        raise ValueError('unknown delta choice (must be 1 or 2): %r'
                         % which) from None
    for line in delta:
        if line[:2] in (tag, "  "):
            yield line[2:]


def _format_range_unified(start, stop):
    # "first,count"; one line is just "first"; an empty range names the line before it
    count = stop - start
    if count == 1:
        return str(start + 1)
    return '%d,%d' % (start + 1 if count else start, count)


def _format_range_context(start, stop):
    # "first,last"; one line (or none, naming the line before) is just "first"
    count = stop - start
    first = start + 1 if count else start
    if count <= 1:
        return str(first)
    return '%d,%d' % (first, first + count - 1)


def _require_text(a, b, labels):
    # Checked up front, as CPython does: the first line of each side, and every label.
    for lines in (a, b):
        if lines and not isinstance(lines[0], str):
            raise TypeError('lines to compare must be str, not %s (%r)'
                            % (type(lines[0]).__name__, lines[0]))
    for label in labels:
        if not isinstance(label, str):
            raise TypeError('all arguments must be str, not: %r' % (label,))


def _hunks(a, b, marks, fromfile, tofile, fromfiledate, tofiledate, n, lineterm):
    """The two file header lines (marks[0] names a, marks[1] b), then each group of
    opcodes, for the unified and context formats to render."""
    _require_text(a, b, (fromfile, tofile, fromfiledate, tofiledate, lineterm))
    groups = SequenceMatcher(None, a, b).get_grouped_opcodes(n)
    for index, group in enumerate(groups):
        if index == 0:
            for mark, name, date in ((marks[0], fromfile, fromfiledate),
                                     (marks[1], tofile, tofiledate)):
                yield '%s %s%s%s' % (mark, name, '\t' + str(date) if date else '', lineterm)
        yield group


def unified_diff(a, b, fromfile='', tofile='', fromfiledate='',
                 tofiledate='', n=3, lineterm='\n'):
    for hunk in _hunks(a, b, ('---', '+++'), fromfile, tofile, fromfiledate, tofiledate, n, lineterm):
        if isinstance(hunk, str):
            yield hunk
            continue
        yield '@@ -%s +%s @@%s' % (_format_range_unified(hunk[0][1], hunk[-1][2]),
                                   _format_range_unified(hunk[0][3], hunk[-1][4]), lineterm)
        for tag, i1, i2, j1, j2 in hunk:
            if tag == 'equal':
                yield from (' ' + line for line in a[i1:i2])
            else:
                # a replacement shows the old lines, then the new ones
                yield from ('-' + line for line in a[i1:i2])
                yield from ('+' + line for line in b[j1:j2])


_CONTEXT_PREFIX = {'insert': '+ ', 'delete': '- ', 'replace': '! ', 'equal': '  '}


def context_diff(a, b, fromfile='', tofile='', fromfiledate='',
                 tofiledate='', n=3, lineterm='\n'):
    # Each side of a hunk is listed only when it has changes of its own.
    sides = ((1, 2, a, 'insert', ('replace', 'delete'), '*** %s ****'),
             (3, 4, b, 'delete', ('replace', 'insert'), '--- %s ----'))
    for hunk in _hunks(a, b, ('***', '---'), fromfile, tofile, fromfiledate, tofiledate, n, lineterm):
        if isinstance(hunk, str):
            yield hunk
            continue
        yield '***************' + lineterm
        for lo, hi, lines, absent, changes, header in sides:
            yield header % _format_range_context(hunk[0][lo], hunk[-1][hi]) + lineterm
            if any(op[0] in changes for op in hunk):
                for op in hunk:
                    if op[0] != absent:
                        yield from (_CONTEXT_PREFIX[op[0]] + line for line in lines[op[lo]:op[hi]])


def diff_bytes(dfunc, a, b, fromfile=b'', tofile=b'', fromfiledate=b'',
               tofiledate=b'', n=3, lineterm=b'\n'):
    """dfunc (unified_diff or context_diff) over bytes: every line and label is
    decoded losslessly as ASCII with surrogateescape, and the result encoded back."""
    def text(x):
        if not isinstance(x, (bytes, bytearray)):
            raise TypeError('all arguments must be bytes, not %s (%r)' % (type(x).__name__, x))
        return x.decode('ascii', 'surrogateescape')
    a, b = [text(x) for x in a], [text(x) for x in b]
    labels = [text(x) for x in (fromfile, tofile, fromfiledate, tofiledate)]
    for line in dfunc(a, b, *labels, n, text(lineterm)):
        yield line.encode('ascii', 'surrogateescape')
