# traceback for asy: the frames of exceptions and of the running thread as
# FrameSummary lists, and the report text CPython 3.11 prints for them
# (chains, exception groups drawn as nested boxes, SyntaxError locations),
# minus the ~~^~~ position lines asy's interpreter does not print either.
# The native part (stdlib/traceback.go) supplies the frames:
# _tb_entries(exc) for an exception's traceback, _stack() for the thread,
# both as (filename, lineno, name, line) tuples, outermost first.

import sys

__all__ = ["extract_stack", "extract_tb", "format_exception",
           "format_exception_only", "format_list", "format_stack",
           "format_tb", "print_exc", "format_exc", "print_exception",
           "print_last", "print_stack", "print_tb", "clear_frames",
           "FrameSummary", "StackSummary", "TracebackException",
           "walk_stack", "walk_tb"]

# A frame repeated more often than this in a row is printed this many
# times, then counted in one "[Previous line repeated N more times]" line.
_SHOWN_REPEATS = 3

_CHAIN_TEXT = {
    "cause": "\nThe above exception was the direct cause of the following exception:\n\n",
    "context": "\nDuring handling of the above exception, another exception occurred:\n\n",
}

_GROUP_RULE = "-" * 16
_GROUP_END = "+" + "-" * 36 + "\n"

_unset = object()


def _rows_of_tb(tb):
    # Traceback objects are opaque in asy: the native side reads one through
    # an exception carrying it.
    if tb is None:
        return []
    carrier = BaseException()
    carrier.__traceback__ = tb
    return _tb_entries(carrier)


def _frames(rows):
    return StackSummary(FrameSummary(f, n, name, line=src) for f, n, name, src in rows)


def _cut(rows, limit, keep_outer):
    # limit >= 0 keeps that many frames, counted from the outer end of a
    # traceback (keep_outer) or from the inner end of a stack; a negative
    # limit counts from the other end.
    if limit is None:
        return rows
    if limit < 0:
        limit, keep_outer = -limit, not keep_outer
    if keep_outer:
        return rows[:limit]
    return rows[len(rows) - limit:] if limit else []


def _tb_limit(limit):
    # No explicit limit: sys.tracebacklimit, negative meaning none at all.
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    return limit


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except Exception:
        return f'<{what} {func.__name__}() failed>'


# ---------------------------------------------------------------- frames


class FrameSummary:
    """One frame of a traceback or stack: file, line number, function name
    and the source line."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno",
                 "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None, end_colno=None):
        self.filename, self.lineno, self.name = filename, lineno, name
        self.end_lineno, self.colno, self.end_colno = end_lineno, colno, end_colno
        self._line = line
        self.locals = None
        if locals:
            self.locals = {k: repr(v) for k, v in locals.items()}

    @property
    def line(self):
        return None if self._line is None else self._line.strip()

    def _as_tuple(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __eq__(self, other):
        if isinstance(other, tuple):
            return self._as_tuple() == other
        if not isinstance(other, FrameSummary):
            return NotImplemented
        return (self.filename, self.lineno, self.name, self.locals) == \
            (other.filename, other.lineno, other.name, other.locals)

    def __getitem__(self, pos):
        return self._as_tuple()[pos]

    def __iter__(self):
        return iter(self._as_tuple())

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file %s, line %s in %s>" % (self.filename, self.lineno, self.name)


class StackSummary(list):
    """A list of FrameSummary objects, outermost first."""

    @classmethod
    def from_list(klass, a_list):
        out = StackSummary()
        for item in a_list:
            if not isinstance(item, FrameSummary):
                filename, lineno, name, line = item
                item = FrameSummary(filename, lineno, name, line=line)
            out.append(item)
        return out

    def format_frame_summary(self, frame_summary):
        fs = frame_summary
        text = '  File "%s", line %s, in %s\n' % (fs.filename, fs.lineno, fs.name)
        if fs.line:
            text += "    %s\n" % fs.line.strip()
        for name in sorted(fs.locals or ()):
            text += "    %s = %s\n" % (name, fs.locals[name])
        return text

    def format(self):
        """One string per frame, ready to print; a frame that repeats in a
        row is shown a few times and the rest counted."""
        out = []
        run_key, run = None, 0
        for fs in self:
            key = (fs.filename, fs.lineno, fs.name)
            if key != run_key:
                _note_repeats(out, run)
                run_key, run = key, 0
            run += 1
            if run <= _SHOWN_REPEATS:
                out.append(self.format_frame_summary(fs))
        _note_repeats(out, run)
        return out


def _note_repeats(out, run):
    extra = run - _SHOWN_REPEATS
    if extra > 0:
        out.append("  [Previous line repeated %d more time%s]\n" % (extra, "s" if extra > 1 else ""))


def extract_tb(tb, limit=None):
    """The frames of traceback tb as a StackSummary."""
    return _frames(_cut(_rows_of_tb(tb), _tb_limit(limit), True))


def extract_stack(f=None, limit=None):
    """The frames of the running thread as a StackSummary (asy has no frame
    objects to start from: f is ignored)."""
    return _frames(_cut(_stack(), limit, False))


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    _emit(format_list(extracted_list), file)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_stack(f=None, limit=None):
    return format_list(extract_stack(f, limit))


def print_stack(f=None, limit=None, file=None):
    print_list(extract_stack(f, limit), file=file)


def walk_tb(tb):
    # No frame objects in asy: (None, lineno) pairs still let callers count
    # frames and read their lines.
    return ((None, row[1]) for row in _rows_of_tb(tb))


def walk_stack(f):
    return ((None, row[1]) for row in reversed(_stack()))


def clear_frames(tb):
    pass


def _emit(lines, file):
    out = sys.stderr if file is None else file
    for text in lines:
        print(text, file=out, end="")


# ---------------------------------------------------------------- reports


class _Boxes:
    # How deep the text being produced sits inside exception-group boxes:
    # lines inside a box get "| " after an indent of two spaces per level.
    # close_pending: the innermost box still needs its bottom rule.
    def __init__(self):
        self.depth = 0
        self.close_pending = False

    def indent(self):
        return "  " * self.depth

    def lines(self, texts, margin="|"):
        if isinstance(texts, str):
            texts = (texts,)
        if not self.depth:
            # Outside any box the strings pass unchanged (a frame's two
            # lines stay one item of format_exception's list).
            yield from texts
            return
        head = self.indent() + margin + " "
        for text in texts:
            for line in text.splitlines(True):
                yield head + line


class TracebackException:
    """An exception captured for printing: its type, str(), frames, notes
    and, recursively, its cause, context and group members."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        seen = set() if _seen is None else _seen
        seen.add(id(exc_value))
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.stack = _frames(_cut(_rows_of_tb(exc_traceback), _tb_limit(limit), True))
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, 'exception')
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self._take_syntax_fields(exc_value)
        self.__suppress_context__ = False if exc_value is None else exc_value.__suppress_context__
        self.__cause__ = self.__context__ = None
        self.exceptions = None
        if exc_value is None:
            return

        def wrap(exc):
            if exc is None or id(exc) in seen:
                return None
            return TracebackException(type(exc), exc, exc.__traceback__, limit=limit,
                                      compact=compact, max_group_width=max_group_width,
                                      max_group_depth=max_group_depth, _seen=seen)
        self.__cause__ = wrap(exc_value.__cause__)
        # Compact: a context that would not be printed is not captured.
        if not compact or (self.__cause__ is None and not self.__suppress_context__):
            self.__context__ = wrap(exc_value.__context__)
        if isinstance(exc_value, BaseExceptionGroup):
            # Members are captured even when seen before (as a context).
            self.exceptions = [TracebackException(
                type(e), e, e.__traceback__, limit=limit, compact=compact,
                max_group_width=max_group_width, max_group_depth=max_group_depth,
                _seen=seen) for e in exc_value.exceptions]

    def _take_syntax_fields(self, err):
        self.filename = err.filename
        self.lineno = None if err.lineno is None else str(err.lineno)
        end = getattr(err, "end_lineno", None)
        self.end_lineno = None if end is None else str(end)
        self.text = err.text
        self.offset = err.offset
        self.end_offset = getattr(err, "end_offset", None)
        self.msg = err.msg

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """The closing part of the report: "Type: message" (with a
        SyntaxError's location first) and the notes."""
        cls = self.exc_type
        if cls is None:
            yield "None: %s\n" % self._str
            return
        name = cls.__qualname__
        home = cls.__module__
        if home not in ("__main__", "builtins"):
            name = (home if isinstance(home, str) else "<unknown>") + "." + name
        if issubclass(cls, SyntaxError):
            yield from self._syntax_report(name)
        elif self._str:
            yield "%s: %s\n" % (name, self._str)
        else:
            yield name + "\n"
        yield from self._notes_report()

    def _notes_report(self):
        notes = self.__notes__
        if notes is None:
            return
        from collections.abc import Sequence
        if not isinstance(notes, Sequence):
            # Not a sequence: its repr, with no line end (as 3.11 prints).
            yield _safe_string(notes, '__notes__', func=repr)
            return
        for note in notes:
            for line in _safe_string(note, 'note').split("\n"):
                yield line + "\n"

    def _syntax_report(self, name):
        where = ""
        if self.lineno is not None:
            yield '  File "%s", line %s\n' % (self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            where = " (%s)" % self.filename
        if self.text is not None:
            yield from self._syntax_source()
        yield "%s: %s%s\n" % (name, self.msg or "<no detail available>", where)

    def _syntax_source(self):
        # The offending line without its indentation, and carets under the
        # reported columns (1-based, end exclusive) when they fall on it.
        line = self.text.rstrip("\n")
        body = line.lstrip(" \n\f")
        yield "    %s\n" % body
        if self.offset is None:
            return
        lost = len(line) - len(body)
        start = self.offset
        end = self.end_offset if self.end_offset not in (None, 0) else start
        if end == start or end == -1:
            end = start + 1
        first, past = start - 1 - lost, end - 1 - lost
        if first >= 0:
            pad = "".join(c if c.isspace() else " " for c in body[:first])
            yield "    %s%s\n" % (pad, "^" * (past - first))

    def print(self, *, file=None, chain=True):
        _emit(self.format(chain=chain), file)

    def format(self, *, chain=True, _ctx=None):
        """The report line by line (a frame's two lines come as one string),
        the exceptions it chains to printed first."""
        boxes = _Boxes() if _ctx is None else _ctx
        # Walk the chain inner to outer, then print it outer first.
        links = []
        te, how = self, None
        while te is not None:
            nxt, nxt_how = None, None
            if chain:
                if te.__cause__ is not None:
                    nxt, nxt_how = te.__cause__, "cause"
                elif te.__context__ is not None and not te.__suppress_context__:
                    nxt, nxt_how = te.__context__, "context"
            links.append((te, how))
            te, how = nxt, nxt_how
        links.reverse()
        for i, (te, _) in enumerate(links):
            if i:
                # The previous exception was reached as this one's cause or
                # context: say which before printing this one.
                yield from boxes.lines(_CHAIN_TEXT[links[i - 1][1]])
            if te.exceptions is None:
                yield from te._plain_report(boxes)
            elif boxes.depth > te.max_group_depth:
                yield from boxes.lines("... (max_group_depth is %d)\n" % te.max_group_depth)
            else:
                yield from te._group_report(boxes, chain)

    def _plain_report(self, boxes):
        if self.stack:
            yield from boxes.lines("Traceback (most recent call last):\n")
            yield from boxes.lines(self.stack.format())
        yield from boxes.lines(self.format_exception_only())

    def _group_report(self, boxes, chain):
        outermost = boxes.depth == 0
        if outermost:
            boxes.depth = 1
        if self.stack:
            yield from boxes.lines("Exception Group Traceback (most recent call last):\n",
                                   "+" if outermost else "|")
            yield from boxes.lines(self.stack.format())
        yield from boxes.lines(self.format_exception_only())
        members = self.exceptions
        width = self.max_group_width
        shown = len(members) if len(members) <= width else width + 1
        for i in range(shown):
            last = i == shown - 1
            if last:
                boxes.close_pending = True
            cut = i >= width
            title = "..." if cut else str(i + 1)
            yield "%s%s+%s %s %s\n" % (boxes.indent(), "+-" if i == 0 else "  ",
                                       _GROUP_RULE, title, _GROUP_RULE)
            boxes.depth += 1
            if cut:
                more = len(members) - width
                yield from boxes.lines("and %d more exception%s\n" % (more, "s" if more > 1 else ""))
            else:
                yield from members[i].format(chain=chain, _ctx=boxes)
            if last and boxes.close_pending:
                yield boxes.indent() + _GROUP_END
                boxes.close_pending = False
            boxes.depth -= 1
        if outermost:
            boxes.depth = 0


def _value_and_tb(exc, value, tb):
    if (value is _unset) != (tb is _unset):
        raise ValueError("Both or neither of value and tb must be given")
    if value is not _unset:
        return value, tb
    if exc is None:
        return None, None
    if not isinstance(exc, BaseException):
        raise TypeError(f'Exception expected for value, '
                        f'{type(exc).__name__} found')
    return exc, exc.__traceback__


def format_exception(exc, /, value=_unset, tb=_unset, limit=None, chain=True):
    """The lines print_exception prints, as a list of strings."""
    value, tb = _value_and_tb(exc, value, tb)
    return list(TracebackException(type(value), value, tb, limit=limit, compact=True).format(chain=chain))


def print_exception(exc, /, value=_unset, tb=_unset, limit=None,
                    file=None, chain=True):
    """Print an exception's report (to sys.stderr unless file is given)."""
    _emit(format_exception(exc, value, tb, limit=limit, chain=chain), file)


def format_exception_only(exc, /, value=_unset):
    """Just the "Type: message" part of a report."""
    if value is _unset:
        value = exc
    return list(TracebackException(type(value), value, None, compact=True).format_exception_only())


def format_exc(limit=None, chain=True):
    """The report of the exception being handled, as one string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the report of the exception being handled."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """Print the report of the last uncaught exception (sys.last_value)."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)
