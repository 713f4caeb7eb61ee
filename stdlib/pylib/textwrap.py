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


class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
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

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _whitespace:
                if c != " ":
                    text = text.replace(c, " ")
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            return _split_hyphenated(text)
        return _split_simple(text)

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _sentence_end(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer cutting just after a hyphen inside the room left.
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks = list(reversed(chunks))
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            # Whitespace at the start of any line but the first is dropped.
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                chunks.pop()
            while chunks:
                size = len(chunks[-1])
                if cur_len + size > width:
                    break
                cur_line.append(chunks.pop())
                cur_len += size
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(len(c) for c in cur_line)
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                cur_line.pop()
            if not cur_line:
                continue
            last_allowed = (self.max_lines is None or len(lines) + 1 < self.max_lines)
            rest_empty = (not chunks or (self.drop_whitespace and len(chunks) == 1
                                         and not chunks[0].strip()))
            if last_allowed or (rest_empty and cur_len <= width):
                lines.append(indent + "".join(cur_line))
                continue
            # Out of lines: end this one with the placeholder, taking words
            # off until it fits, or put it on the previous line.
            placed = False
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + "".join(cur_line))
                    placed = True
                    break
                cur_len -= len(cur_line[-1])
                cur_line.pop()
            if not placed:
                if lines:
                    prev = lines[-1].rstrip()
                    if len(prev) + len(self.placeholder) <= self.width:
                        lines[-1] = prev + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


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
