# The help layout of argparse (see argparse.py, which re-exports what is
# public here): HelpFormatter records a tree of blocks (text, usage,
# action, section) and renders it only in format_help, once the widest
# invocation — which fixes the help column — is known. Usage is rendered
# as text, then cut into the words that wrapping keeps whole.

import re as _re

# nargs values and the "leave it out" marker, shared with argparse.
SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
PARSER = "A..."
REMAINDER = "..."

# Runs of ASCII whitespace, folded to one blank before text is wrapped.
_BLANKS = _re.compile(r"[ \t\n\r\f\v]+")
_BLANK_LINES = _re.compile(r"\n\n\n+")


def _joined(parts):
    return "".join(p for p in parts if p and p is not SUPPRESS)


class _Section:
    def __init__(self, heading, parent):
        self.heading = heading
        self.parent = parent
        self.blocks = []        # (kind, payload); kind names a _render_* method


def _usage_words(text):
    """Split usage text into the units wrapping keeps whole: a bracketed
    group runs from '[' or '(' to the first run of its closing bracket that
    ends a word; anything else is a blank-separated word."""
    words = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        end = -1
        close = {"[": "]", "(": ")"}.get(text[i])
        if close is not None:
            k = text.find(close, i + 1)
            while k >= 0 and "\n" not in text[i:k]:
                run_end = k
                while run_end < n and text[run_end] == close:
                    run_end += 1
                if run_end == n or text[run_end].isspace():
                    end = run_end
                    break
                k = text.find(close, k + 1)
        if end < 0:
            end = i
            while end < n and not text[end].isspace():
                end += 1
        words.append(text[i:end])
        i = end
    return words


def _pack(words, room, first_col, indent, bare_first=False):
    """Greedy lines of blank-joined words no wider than `room`; the first
    line starts at column first_col, the others after `indent`."""
    lines, line, col = [], [], first_col
    for word in words:
        if line and col + 1 + len(word) > room:
            lines.append(line)
            line, col = [], len(indent)
        col += len(word) + (1 if line else 0)
        line.append(word)
    if line:
        lines.append(line)
    return [("" if bare_first and k == 0 else indent) + " ".join(line) for k, line in enumerate(lines)]


def _tidy_brackets(text):
    # No blank just inside a bracket, and no empty bracket pairs (what is
    # left of a group whose members are all hidden).
    text = _re.sub(r"([\[(]) ", r"\1", text)
    text = _re.sub(r" ([\])])", r"\1", text)
    text = _re.sub(r"[\[(] *[\])]", "", text)
    return text.strip()


def _subactions(action):
    get = getattr(action, "_get_subactions", None)
    return list(get()) if get is not None else []


class HelpFormatter:
    """Lays out usage and help. Subclasses adjust it through the hooks
    _fill_text, _split_lines, _get_help_string and
    _get_default_metavar_for_optional/_positional."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            import shutil
            width = shutil.get_terminal_size().columns - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
        self._action_max_length = 0
        self._root_section = _Section(None, None)
        self._current_section = self._root_section

    def _indent(self):
        self._current_indent += self._indent_increment

    def _dedent(self):
        self._current_indent -= self._indent_increment

    # --- recording

    def _add_block(self, kind, payload):
        self._current_section.blocks.append((kind, payload))

    def start_section(self, heading):
        self._indent()
        section = _Section(heading, self._current_section)
        self._add_block("section", section)
        self._current_section = section

    def end_section(self):
        self._current_section = self._current_section.parent
        self._dedent()

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._add_block("text", text)

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._add_block("usage", (usage, actions, groups, prefix))

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        # The help column depends on the widest invocation of all, choices
        # of a subparser action included.
        widest = max(len(self._format_action_invocation(a)) for a in [action] + _subactions(action))
        self._action_max_length = max(self._action_max_length, widest + self._current_indent)
        self._add_block("action", action)

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    # --- rendering

    def format_help(self):
        text = self._render_section(self._root_section)
        if text:
            text = _BLANK_LINES.sub("\n\n", text).strip("\n") + "\n"
        return text

    def _render_section(self, section):
        nested = section.parent is not None
        if nested:
            self._indent()
        body = _joined([self._render_block(kind, payload) for kind, payload in section.blocks])
        if nested:
            self._dedent()
        if not body:
            return ""
        heading = section.heading
        if heading is None or heading is SUPPRESS:
            title = ""
        else:
            title = "%*s%s:\n" % (self._current_indent, "", heading)
        return _joined(["\n", title, body, "\n"])

    def _render_block(self, kind, payload):
        if kind == "section":
            return self._render_section(payload)
        if kind == "text":
            return self._format_text(payload)
        if kind == "usage":
            return self._format_usage(*payload)
        return self._format_action(payload)

    def _join_parts(self, part_strings):
        return _joined(part_strings)

    def _format_text(self, text):
        if "%(prog)" in text:
            text = text % {"prog": self._prog}
        room = max(self._width - self._current_indent, 11)
        return self._fill_text(text, room, " " * self._current_indent) + "\n\n"

    # --- usage

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = "usage: "
        if usage is not None:
            text = usage % {"prog": self._prog}
        elif not actions:
            text = "%s" % (self._prog,)
        else:
            text = self._usage_lines(actions, groups, prefix)
        return "%s%s\n\n" % (prefix, text)

    def _usage_lines(self, actions, groups, prefix):
        prog = "%s" % (self._prog,)
        optionals = [a for a in actions if a.option_strings]
        positionals = [a for a in actions if not a.option_strings]
        line = " ".join(s for s in (prog, self._format_actions_usage(optionals + positionals, groups)) if s)
        room = self._width - self._current_indent
        if len(prefix) + len(line) <= room:
            return line
        # Too long for one line: wrap the options and the positionals, each
        # starting on a line of their own, keeping bracketed groups whole.
        opt_text = self._format_actions_usage(optionals, groups)
        pos_text = self._format_actions_usage(positionals, groups)
        opt_words, pos_words = _usage_words(opt_text), _usage_words(pos_text)
        # A group with every member hidden leaves a double blank that the
        # words cannot reproduce; CPython fails the same way then.
        assert " ".join(opt_words) == opt_text
        assert " ".join(pos_words) == pos_text
        if len(prefix) + len(prog) <= 0.75 * room:
            # Hang the continuation lines under the first word after prog.
            hang = " " * (len(prefix) + len(prog) + 1)
            lines = _pack([prog] + (opt_words or pos_words), room, len(prefix), hang, bare_first=True)
            if opt_words:
                lines += _pack(pos_words, room, len(hang), hang)
        else:
            # A long prog stands alone; the rest hangs under it.
            hang = " " * len(prefix)
            lines = _pack(opt_words + pos_words, room, len(hang), hang)
            if len(lines) > 1:
                lines = _pack(opt_words, room, len(hang), hang) + _pack(pos_words, room, len(hang), hang)
            lines = [prog] + lines
        return "\n".join(lines)

    def _format_actions_usage(self, actions, groups):
        # A group whose actions sit together, in order, in `actions` shows as
        # one bracketed set of alternatives; otherwise its actions show alone.
        group_at = {}
        for group in groups:
            members = group._group_actions
            if not members:
                raise ValueError(f"empty group {group}")
            if members[0] in actions:
                start = actions.index(members[0])
                if actions[start:start + len(members)] == members:
                    group_at.setdefault(start, group)
        pieces = []
        i = 0
        while i < len(actions):
            group = group_at.get(i)
            if group is None:
                piece = self._usage_piece(actions[i], False)
                if piece is not None:
                    pieces.append(piece)
                i += 1
                continue
            members = group._group_actions
            shown = [p for p in (self._usage_piece(a, True) for a in members) if p is not None]
            if not group.required:
                pieces.append("[" + " | ".join(shown) + "]")
            elif len(shown) > 1:
                pieces.append("(" + " | ".join(shown) + ")")
            else:
                pieces.extend(shown)
            i += len(members)
        return _tidy_brackets(" ".join(pieces))

    def _usage_piece(self, action, grouped):
        if action.help is SUPPRESS:
            return None
        if not action.option_strings:
            piece = self._format_args(action, self._get_default_metavar_for_positional(action))
            if grouped and piece[:1] == "[" and piece[-1:] == "]":
                piece = piece[1:-1]
            return piece
        if action.nargs == 0:
            piece = action.format_usage()
        else:
            piece = action.option_strings[0] + " " + self._format_args(
                action, self._get_default_metavar_for_optional(action))
        if not action.required and not grouped:
            piece = "[" + piece + "]"
        return piece

    # --- one action

    def _format_action(self, action):
        # Help starts in a common column: past the widest invocation, but
        # never beyond max_help_position; longer invocations get a line of
        # their own.
        column = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - column, 11)
        room = column - self._current_indent - 2
        lead = " " * self._current_indent
        invocation = self._format_action_invocation(action)
        first_tab = 0
        if not action.help:
            out = [lead + invocation + "\n"]
        elif len(invocation) <= room:
            out = [lead + invocation.ljust(room) + "  "]
        else:
            out = [lead + invocation + "\n"]
            first_tab = column
        if action.help and action.help.strip():
            text = self._expand_help(action)
            if text:
                lines = self._split_lines(text, help_width)
                out.append(" " * first_tab + lines[0] + "\n")
                out.extend(" " * column + line + "\n" for line in lines[1:])
        elif not out[0].endswith("\n"):
            out.append("\n")
        subs = _subactions(action)
        if subs:
            self._indent()
            out.extend(self._format_action(sub) for sub in subs)
            self._dedent()
        return _joined(out)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            (name,) = self._metavars(action, self._get_default_metavar_for_positional(action), 1)
            return name
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        args = self._format_args(action, self._get_default_metavar_for_optional(action))
        return ", ".join(flag + " " + args for flag in action.option_strings)

    def _metavars(self, action, default_metavar, count):
        if action.metavar is not None:
            name = action.metavar
        elif action.choices is not None:
            name = "{%s}" % ",".join(str(choice) for choice in action.choices)
        else:
            name = default_metavar
        return name if isinstance(name, tuple) else (name,) * count

    def _format_args(self, action, default_metavar):
        # A metavar tuple of the wrong length makes the % below raise
        # TypeError, which add_argument reports.
        nargs = action.nargs
        if nargs == SUPPRESS:
            return ""
        if nargs == REMAINDER:
            return "..."
        if nargs == ZERO_OR_MORE:
            names = self._metavars(action, default_metavar, 1)
            return ("[%s [%s ...]]" if len(names) == 2 else "[%s ...]") % names
        for kind, template in ((None, "%s"), (OPTIONAL, "[%s]"), (ONE_OR_MORE, "%s [%s ...]"),
                               (PARSER, "%s ...")):
            if nargs == kind:
                return template % self._metavars(action, default_metavar, template.count("%s"))
        try:
            slots = ["%s"] * len(range(nargs))
        except TypeError:
            raise ValueError("invalid nargs value") from None
        return " ".join(slots) % self._metavars(action, default_metavar, len(slots))

    def _expand_help(self, action):
        params = dict(vars(action), prog=self._prog)
        for key, value in list(params.items()):
            if value is SUPPRESS:
                del params[key]
            elif hasattr(value, "__name__"):
                params[key] = value.__name__
        if params.get("choices") is not None:
            params["choices"] = ", ".join(str(choice) for choice in params["choices"])
        return self._get_help_string(action) % params

    # --- hooks

    def _split_lines(self, text, width):
        import textwrap
        return textwrap.wrap(_BLANKS.sub(" ", text).strip(), width)

    def _fill_text(self, text, width, indent):
        import textwrap
        return textwrap.fill(_BLANKS.sub(" ", text).strip(), width,
                             initial_indent=indent, subsequent_indent=indent)

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    """Descriptions and epilogs keep their line breaks."""

    def _fill_text(self, text, width, indent):
        return "".join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Argument help keeps its line breaks too."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Adds "(default: ...)" to the help of options and of optional
    positionals."""

    def _get_help_string(self, action):
        text = action.help or ""
        if "%(default)" in text or action.default is SUPPRESS:
            return text
        if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
            text += " (default: %(default)s)"
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    """Names arguments after their type (int, str, ...)."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__
