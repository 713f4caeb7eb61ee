# textwrap for asy. CPython cuts text into chunks with a regular expression
# full of lookbehind/lookahead, which RE2 cannot run, so the chunking here is
# a hand-written scanner that makes the same cuts; the line filling on top
# follows CPython's rules so the breaks come out identical.

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "


def _is_ws(c):
    return c in _whitespace


def _is_word(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    # A word character that is not a digit ([^\d\W]).
    return _is_word(c) and not c.isdecimal()


def _is_word_punct(c):
    return _is_word(c) or c in "!\"'&.,?"


def _at(text, i):
    # Character at i, or '' outside the text (so the tests above fail).
    if 0 <= i < len(text):
        return text[i]
    return ""


def _letter_at(text, i):
    c = _at(text, i)
    return c != "" and _is_letter(c)


def _dash_run_then_word(text, k):
    # True when text[k:] starts with two or more '-' followed by a word char.
    j = k
    while j < len(text) and text[j] == "-":
        j += 1
    return j - k >= 2 and j < len(text) and _is_word(text[j])


def _split_hyphenated(text):
    # Chunks: whitespace runs; em-dashes ("--") between words; words, cut
    # after a hyphen that has letters around it ("long-winded" gives "long-"
    # and "winded"), or before an em-dash.
    chunks = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if _is_ws(c):
            j = i + 1
            while j < n and _is_ws(text[j]):
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        if c == "-" and i > 0 and _is_word_punct(text[i - 1]) and _dash_run_then_word(text, i):
            j = i
            while text[j] == "-":
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        # A word: the shortest stretch of non-space that ends at a place
        # where one of the word endings applies.
        k = i + 1
        while True:
            nxt = _at(text, k)
            if nxt == "-":
                before = (_letter_at(text, k - 2) and _letter_at(text, k - 1)) or (
                    _letter_at(text, k - 3) and _at(text, k - 2) == "-" and _letter_at(text, k - 1))
                after = _letter_at(text, k + 1) and (
                    _letter_at(text, k + 2) or (_at(text, k + 2) == "-" and _letter_at(text, k + 3)))
                if before and after:
                    end = k + 1
                    break
            if nxt == "" or _is_ws(nxt):
                end = k
                break
            if _is_word_punct(text[k - 1]) and _dash_run_then_word(text, k):
                end = k
                break
            k += 1
        chunks.append(text[i:end])
        i = end
    return chunks


def _split_simple(text):
    chunks = []
    i, n = 0, len(text)
    while i < n:
        ws = _is_ws(text[i])
        j = i + 1
        while j < n and _is_ws(text[j]) == ws:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _sentence_end(chunk):
    # [a-z][.!?]["']? at the end of the chunk.
    if chunk and chunk[-1] in "\"'":
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in ".!?" and "a" <= chunk[-2] <= "z"


# Every whitespace character but the space itself, mapped to a space.
_to_space = {ord(c): " " for c in _whitespace if c != " "}


class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        # The options are plain public attributes, read afresh by every wrap().
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- text to chunks -------------------------------------------------

    def _chunks_of(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(_to_space)
        # Only a literal True turns hyphen splitting on (as in CPython).
        cut = _split_hyphenated if self.break_on_hyphens is True else _split_simple
        chunks = cut(text)
        if self.fix_sentence_endings:
            # A single space after a sentence end becomes two; the chunk
            # after a widened gap is never itself a candidate.
            i = 0
            while i + 1 < len(chunks):
                if chunks[i + 1] == " " and _sentence_end(chunks[i]):
                    chunks[i + 1] = "  "
                    i += 1
                i += 1
        return chunks

    # -- chunks to lines ------------------------------------------------

    def _check_sizes(self):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is None:
            return
        # The placeholder must fit on the line it may end up on.
        lead = self.initial_indent if self.max_lines <= 1 else self.subsequent_indent
        if len(lead) + len(self.placeholder.lstrip()) > self.width:
            raise ValueError("placeholder too large for max width")

    def _lines_of(self, chunks):
        self._check_sizes()
        chunks = list(chunks)
        drop = self.drop_whitespace
        cap = self.max_lines
        done = []
        pos, total = 0, len(chunks)
        while pos < total:
            lead = self.subsequent_indent if done else self.initial_indent
            room = self.width - len(lead)
            if drop and done and not chunks[pos].strip():
                pos += 1
            line, used = [], 0
            while pos < total and used + len(chunks[pos]) <= room:
                line.append(chunks[pos])
                used += len(chunks[pos])
                pos += 1
            if pos < total and len(chunks[pos]) > room:
                # A chunk longer than any line: cut it here, or give it a
                # line of its own when long words may not be broken.
                word = chunks[pos]
                if self.break_long_words:
                    cut = _long_word_cut(word, room - used if room >= 1 else 1,
                                         self.break_on_hyphens)
                    line.append(word[:cut])
                    used += len(line[-1])
                    chunks[pos] = word[cut:]
                elif not line:
                    line.append(word)
                    used = len(word)
                    pos += 1
            if drop and line and not line[-1].strip():
                used -= len(line.pop())
            if not line:
                continue
            rest_blank = pos == total or (drop and pos == total - 1 and not chunks[pos].strip())
            if cap is None or len(done) + 1 < cap or (rest_blank and used <= room):
                done.append(lead + "".join(line))
                continue
            self._finish_with_placeholder(done, lead, line, used, room)
            break
        return done

    def _finish_with_placeholder(self, done, lead, line, used, room):
        # Out of lines: drop words from the end of this line until the
        # placeholder fits after a word; failing that, append it to the
        # previous line, or make it a line by itself.
        mark = self.placeholder
        while line:
            if line[-1].strip() and used + len(mark) <= room:
                done.append(lead + "".join(line) + mark)
                return
            used -= len(line.pop())
        if done and len(done[-1].rstrip()) + len(mark) <= self.width:
            done[-1] = done[-1].rstrip() + mark
        else:
            done.append(lead + mark.lstrip())

    # -- public API -----------------------------------------------------

    def wrap(self, text):
        return self._lines_of(self._chunks_of(text))

    def fill(self, text):
        return "\n".join(self.wrap(text))


def _long_word_cut(word, space, hyphens):
    # How much of an over-long word goes on the current line: all the room
    # left, or less so the cut falls just after a hyphen that follows
    # something other than hyphens.
    if hyphens and len(word) > space:
        at = word.rfind("-", 0, space)
        if at > 0 and word[:at].strip("-"):
            return at + 1
    return space


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    if not isinstance(text, str):
        # CPython's dedent runs re.sub on it.
        raise TypeError(f"expected string or bytes-like object, got '{type(text).__name__}'")
    lines = text.split("\n")
    # Lines of only blanks and tabs become empty and do not count.
    for i, line in enumerate(lines):
        if line and line.strip(" \t") == "":
            lines[i] = ""
    margin = None
    for line in lines:
        stripped = line.lstrip(" \t")
        if not stripped:
            continue
        ind = line[:len(line) - len(stripped)]
        if margin is None:
            margin = ind
        elif ind.startswith(margin):
            pass
        elif margin.startswith(ind):
            margin = ind
        else:
            for i in range(min(len(margin), len(ind))):
                if margin[i] != ind[i]:
                    margin = margin[:i]
                    break
    if margin:
        n = len(margin)
        lines = [line[n:] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    out = []
    for line in text.splitlines(True):
        if (line.strip() if predicate is None else predicate(line)):
            out.append(prefix + line)
        else:
            out.append(line)
    return "".join(out)
