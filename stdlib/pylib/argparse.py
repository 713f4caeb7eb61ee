# argparse for asy: command-line parsing that behaves, prints and fails the
# way CPython's argparse does (python3's output is the reference).
#
# How it is put together:
#   * HelpFormatter records a tree of blocks (text, usage, action, section)
#     and renders it only in format_help, once the widest invocation — which
#     fixes the help column — is known.
#   * Parsing first classifies each command-line word as an option ('O'),
#     an argument ('A') or the '--' marker ('-'). Every nargs value is a
#     shape over those letters (_lengths lists how many letters an action can
#     take); _fit shares the letters among actions, each one taking as many
#     as it can while the ones after it still fit.
#   * The bookkeeping of one parse (what was seen, the leftovers) lives in a
#     _Pass object; the parser itself keeps no per-parse state.
# Public names, signatures, attribute names and messages follow CPython's,
# since programs rely on them.

import os as _os
import re as _re
import sys as _sys

__all__ = ["ArgumentParser", "ArgumentError", "ArgumentTypeError", "BooleanOptionalAction",
           "FileType", "HelpFormatter", "ArgumentDefaultsHelpFormatter",
           "RawDescriptionHelpFormatter", "RawTextHelpFormatter", "MetavarTypeHelpFormatter",
           "Namespace", "Action", "ONE_OR_MORE", "OPTIONAL", "PARSER", "REMAINDER", "SUPPRESS",
           "ZERO_OR_MORE"]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
PARSER = "A..."
REMAINDER = "..."
_UNRECOGNIZED_ARGS_ATTR = "_unrecognized_args"

# A word that reads as a negative number is an argument, unless the parser
# has options that look like negative numbers themselves.
_NEGATIVE = _re.compile(r"^-\d+$|^-\d*\.\d+$")
# Runs of ASCII whitespace, folded to one blank before text is wrapped.
_BLANKS = _re.compile(r"[ \t\n\r\f\v]+")
_BLANK_LINES = _re.compile(r"\n\n\n+")


def _plural(one, many, n):
    return one if n == 1 else many


class _AttributeHolder:
    """repr() as Name(positional..., key=value, ..., **{odd keys})."""

    def __repr__(self):
        shown = [repr(value) for value in self._get_args()]
        odd = {}
        for key, value in self._get_kwargs():
            if key.isidentifier():
                shown.append("%s=%r" % (key, value))
            else:
                odd[key] = value
        if odd:
            shown.append("**" + repr(odd))
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


def _copy_items(items):
    # append/extend build a new list, so a default list is never changed.
    if items is None:
        return []
    if type(items) is list:
        return list(items)
    import copy
    return copy.copy(items)


def _joined(parts):
    return "".join(p for p in parts if p and p is not SUPPRESS)


# ---------------------------------------------------------------- help output


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


# ---------------------------------------------------------------- errors


def _get_action_name(argument):
    """How messages name an argument: its option strings, metavar, dest or
    choices, the first of those it has."""
    if argument is None:
        return None
    if argument.option_strings:
        return "/".join(argument.option_strings)
    for name in (argument.metavar, argument.dest):
        if name not in (None, SUPPRESS):
            return name
    if argument.choices:
        return "{" + ",".join(argument.choices) + "}"
    return None


class ArgumentError(Exception):
    """An error about one argument (or none), raised while parsing."""

    def __init__(self, argument, message):
        self.argument_name = _get_action_name(argument)
        self.message = message
        super().__init__(argument, message)

    def __str__(self):
        if self.argument_name is None:
            return "%s" % (self.message,)
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """Raised by type= converters for a message of their own."""


# ---------------------------------------------------------------- actions


_ACTION_FIELDS = ("option_strings", "dest", "nargs", "const", "default", "type", "choices",
                  "required", "help", "metavar")


class Action(_AttributeHolder):
    """What to do when an argument is met; subclasses define __call__."""

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def _get_kwargs(self):
        return [(field, getattr(self, field)) for field in _ACTION_FIELDS]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError(".__call__() not defined")


class BooleanOptionalAction(Action):
    """--flag sets True, the added --no-flag sets False."""

    def __init__(self, option_strings, dest, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        flags = []
        for flag in option_strings:
            flags.append(flag)
            if flag.startswith("--"):
                flags.append("--no-" + flag[2:])
        super().__init__(flags, dest, nargs=0, default=default, type=type, choices=choices,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith("--no-"))

    def format_usage(self):
        return " | ".join(self.option_strings)


def _refuse_nargs(kind, nargs, const, advice):
    # store and append need values to work with; const only goes with "?".
    if nargs == 0:
        raise ValueError("nargs for %s actions must be != 0; %s" % (kind, advice))
    if const is not None and nargs != OPTIONAL:
        raise ValueError("nargs must be %r to supply const" % OPTIONAL)


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        _refuse_nargs("store", nargs, const, "if you have nothing to store, actions such as "
                      "store true or store const may be more appropriate")
        super().__init__(option_strings, dest, nargs=nargs, const=const, default=default, type=type,
                         choices=choices, required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        super().__init__(option_strings, dest, const=True, default=default, required=required, help=help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        super().__init__(option_strings, dest, const=False, default=default, required=required, help=help)


class _AppendAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        _refuse_nargs("append", nargs, const, "if arg strings are not supplying the value to "
                      "append, the append const action may be more appropriate")
        super().__init__(option_strings, dest, nargs=nargs, const=const, default=default, type=type,
                         choices=choices, required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, (getattr(namespace, self.dest, None) or 0) + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        formatter = parser._get_formatter()
        formatter.add_text(self.version if self.version is not None else parser.version)
        parser._print_message(formatter.format_help(), _sys.stdout)
        parser.exit()


class _ExtendAction(_AppendAction):
    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.extend(values)
        setattr(namespace, self.dest, items)


class _SubParsersAction(Action):
    """The sub-command positional: its first word picks a parser, which
    parses the words after it into the same namespace."""

    class _ChoicesPseudoAction(Action):
        # Stands for one sub-command in the help listing.
        def __init__(self, name, aliases, help):
            metavar = name
            if aliases:
                metavar += " (%s)" % ", ".join(aliases)
            super().__init__([], name, help=help, metavar=metavar)

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False,
                 help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        super().__init__(option_strings, dest, nargs=PARSER, choices=self._name_parser_map,
                         required=required, help=help, metavar=metavar)

    def add_parser(self, name, **kwargs):
        if kwargs.get("prog") is None:
            kwargs["prog"] = "%s %s" % (self._prog_prefix, name)
        aliases = kwargs.pop("aliases", ())
        if name in self._name_parser_map:
            raise ArgumentError(self, "conflicting subparser: %s" % name)
        for alias in aliases:
            if alias in self._name_parser_map:
                raise ArgumentError(self, "conflicting subparser alias: %s" % alias)
        if "help" in kwargs:
            self._choices_actions.append(self._ChoicesPseudoAction(name, aliases, kwargs.pop("help")))
        parser = self._parser_class(**kwargs)
        for key in (name, *aliases):
            self._name_parser_map[key] = parser
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        name, rest = values[0], values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, name)
        chosen = self._name_parser_map.get(name)
        if chosen is None:
            raise ArgumentError(self, "unknown parser %(parser_name)r (choices: %(choices)s)" % {
                "parser_name": name, "choices": ", ".join(self._name_parser_map)})
        # A fresh namespace, so the sub-parser's own defaults win over the
        # parent's.
        sub_namespace, leftovers = chosen.parse_known_args(rest, None)
        for key, value in vars(sub_namespace).items():
            setattr(namespace, key, value)
        if leftovers:
            vars(namespace).setdefault(_UNRECOGNIZED_ARGS_ATTR, []).extend(leftovers)


class FileType:
    """type= factory opening the named file ('-' is stdin or stdout)."""

    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._bufsize = bufsize
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == "-":
            if "r" in self._mode:
                stream = _sys.stdin
            elif any(c in self._mode for c in "wax"):
                stream = _sys.stdout
            else:
                raise ValueError('argument "-" with mode %r' % self._mode)
            return getattr(stream, "buffer", stream) if "b" in self._mode else stream
        try:
            return open(string, self._mode, self._bufsize, self._encoding, self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        shown = [repr(v) for v in (self._mode, self._bufsize) if v != -1]
        shown += ["%s=%r" % kv for kv in (("encoding", self._encoding), ("errors", self._errors))
                  if kv[1] is not None]
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))


class Namespace(_AttributeHolder):
    """The parse result: one attribute per destination."""

    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


# ---------------------------------------------------------------- matching nargs


def _core_length_ok(nargs, n):
    # Whether n argument words (markers not counted) suit this nargs.
    if nargs is None:
        return n == 1
    if nargs == OPTIONAL:
        return n <= 1
    if nargs == ZERO_OR_MORE:
        return True
    if nargs == ONE_OR_MORE:
        return n >= 1
    if nargs == SUPPRESS:
        return n == 0
    return isinstance(nargs, int) and n == nargs


def _lengths(action, letters, at):
    """How many of letters[at:] `action` can take, longest first. Options
    never take the '--' marker; positionals may (it is dropped later). Only
    REMAINDER and PARSER swallow option words."""
    rest = letters[at:]
    positional = not action.option_strings
    nargs = action.nargs
    if nargs == REMAINDER or nargs == PARSER:
        limit = len(rest) if positional else _find(rest, "-")
        if nargs == REMAINDER:
            return range(limit, -1, -1)
        lead = 1 if positional and rest[:1] == "-" else 0
        if rest[lead:lead + 1] != "A":
            return ()
        return range(limit, lead, -1)
    limit = _find(rest, "O") if positional else min(_find(rest, "O"), _find(rest, "-"))
    dash = rest.find("-", 0, limit)
    return (n for n in range(limit, -1, -1)
            if _core_length_ok(nargs, n - (1 if 0 <= dash < n else 0)))


def _find(text, letter):
    k = text.find(letter)
    return len(text) if k < 0 else k


def _fit(actions, letters):
    """Counts for `actions` consuming letters from the start, each taking as
    many as it can while the later ones still fit; None if they cannot."""
    known = {}

    def fits(i, at):
        if i == len(actions):
            return True
        key = i * (len(letters) + 1) + at
        if key not in known:
            known[key] = any(fits(i + 1, at + n) for n in _lengths(actions[i], letters, at))
        return known[key]

    counts, at = [], 0
    for i, action in enumerate(actions):
        n = next((n for n in _lengths(action, letters, at) if fits(i + 1, at + n)), None)
        if n is None:
            return None
        counts.append(n)
        at += n
    return counts


_NARGS_ERRORS = {None: "expected one argument", OPTIONAL: "expected at most one argument",
                 ONE_OR_MORE: "expected at least one argument"}


# ---------------------------------------------------------------- containers


_ACTION_REGISTRY = {
    None: _StoreAction, "store": _StoreAction, "store_const": _StoreConstAction,
    "store_true": _StoreTrueAction, "store_false": _StoreFalseAction, "append": _AppendAction,
    "append_const": _AppendConstAction, "count": _CountAction, "help": _HelpAction,
    "version": _VersionAction, "parsers": _SubParsersAction, "extend": _ExtendAction,
}


def _identity(string):
    return string


class _ActionsContainer:
    """What parsers and argument groups share: adding arguments, defaults,
    the registries and conflict handling."""

    def __init__(self, description, prefix_chars, argument_default, conflict_handler):
        if conflict_handler not in ("error", "resolve"):
            raise ValueError("invalid conflict_resolution value: %r" % conflict_handler)
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._registries = {"action": dict(_ACTION_REGISTRY), "type": {None: _identity}}
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}

    def register(self, registry_name, value, object):
        self._registries.setdefault(registry_name, {})[value] = object

    def _registry_get(self, registry_name, value, default=None):
        return self._registries[registry_name].get(value, default)

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        """add_argument(dest, ..., name=value, ...) or
        add_argument(option_string, option_string, ..., name=value, ...)"""
        if not args or len(args) == 1 and args[0][0] not in self.prefix_chars:
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            spec = self._positional_spec(*args, **kwargs)
        else:
            spec = self._optional_spec(args, kwargs)
        if "default" not in spec:
            if spec["dest"] in self._defaults:
                spec["default"] = self._defaults[spec["dest"]]
            elif self.argument_default is not None:
                spec["default"] = self.argument_default
        kind = spec.pop("action", None)
        action_class = self._registry_get("action", kind, kind)
        if not callable(action_class):
            raise ValueError('unknown action "%s"' % (action_class,))
        action = action_class(**spec)
        convert = self._registry_get("type", action.type, action.type)
        if not callable(convert):
            raise ValueError("%r is not callable" % (convert,))
        if convert is FileType:
            raise ValueError("%r is a FileType class object, instance of it must be passed" % (convert,))
        if hasattr(self, "_get_formatter"):
            # Rendering the arguments once catches a metavar tuple that does
            # not match nargs now rather than in the middle of --help.
            try:
                self._get_formatter()._format_args(action, None)
            except TypeError:
                raise ValueError("length of metavar tuple does not match nargs")
        return self._add_action(action)

    def _positional_spec(self, dest, **kwargs):
        if "required" in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        nargs = kwargs.get("nargs")
        # A positional is required unless it may be absent ("?", or "*" with
        # a default).
        if nargs not in (OPTIONAL, ZERO_OR_MORE) or nargs == ZERO_OR_MORE and "default" not in kwargs:
            kwargs["required"] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _optional_spec(self, flags, kwargs):
        chars = self.prefix_chars
        for flag in flags:
            if flag[0] not in chars:
                raise ValueError("invalid option string %(option)r: must start with a character "
                                 "%(prefix_chars)r" % {"option": flag, "prefix_chars": chars})
        kwargs = dict(kwargs)
        dest = kwargs.pop("dest", None)
        if dest is None:
            # --foo-bar gives foo_bar; the first long option wins over short ones.
            longs = [f for f in flags if len(f) > 1 and f[1] in chars]
            dest = (longs or flags)[0].lstrip(chars)
            if not dest:
                raise ValueError("dest= is required for options like %r" % flags[-1])
            dest = dest.replace("-", "_")
        return dict(kwargs, dest=dest, option_strings=list(flags))

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        self._resolve_conflicts(action)
        self._actions.append(action)
        action.container = self
        for flag in action.option_strings:
            self._option_string_actions[flag] = action
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _add_container_actions(self, container):
        # Copy a parent parser's arguments, each into the group of the same
        # title here (made if missing), mutually exclusive groups anew.
        by_title = {}
        for group in self._action_groups:
            if group.title in by_title:
                raise ValueError("cannot merge actions - two groups are named %r" % (group.title,))
            by_title[group.title] = group
        home = {}
        for group in container._action_groups:
            if group.title not in by_title:
                by_title[group.title] = self.add_argument_group(
                    title=group.title, description=group.description,
                    conflict_handler=group.conflict_handler)
            for action in group._group_actions:
                home[action] = by_title[group.title]
        for group in container._mutually_exclusive_groups:
            twin = self.add_mutually_exclusive_group(required=group.required)
            for action in group._group_actions:
                home[action] = twin
        for action in container._actions:
            home.get(action, self)._add_action(action)

    def _resolve_conflicts(self, action):
        clashes = [(flag, self._option_string_actions[flag]) for flag in action.option_strings
                   if flag in self._option_string_actions]
        if not clashes:
            return
        if self.conflict_handler == "error":
            message = _plural("conflicting option string: %s", "conflicting option strings: %s", len(clashes))
            raise ArgumentError(action, message % ", ".join(flag for flag, _ in clashes))
        # "resolve": the newer argument takes the option strings over; an
        # older one left with none disappears.
        for flag, older in clashes:
            older.option_strings.remove(flag)
            self._option_string_actions.pop(flag, None)
            if not older.option_strings:
                older.container._remove_action(older)


class _ArgumentGroup(_ActionsContainer):
    def __init__(self, container, title=None, description=None, **kwargs):
        for key in ("conflict_handler", "prefix_chars", "argument_default"):
            kwargs.setdefault(key, getattr(container, key))
        super().__init__(description=description, **kwargs)
        self.title = title
        self._group_actions = []
        # A group adds to its parser's tables, so the parser knows them.
        self._registries = container._registries
        self._actions = container._actions
        self._option_string_actions = container._option_string_actions
        self._defaults = container._defaults
        self._mutually_exclusive_groups = container._mutually_exclusive_groups

    def _add_action(self, action):
        super()._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        super()._remove_action(action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError("mutually exclusive arguments must be optional")
        self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)


# ---------------------------------------------------------------- parsing


class _Pass:
    """One parse of a list of words into a namespace."""

    def __init__(self, parser, namespace, words):
        self.parser = parser
        self.namespace = namespace
        self.words = words
        self.extras = []
        self.seen = set()
        self.given = set()          # actions that got a non-default value
        self.waiting = parser._get_positional_actions()
        letters = []
        self.options = {}           # word index -> (action, option string, attached value)
        for i, word in enumerate(words):
            if word == "--":
                # Everything after the marker is an argument.
                letters.append("-" + "A" * (len(words) - i - 1))
                break
            hit = parser._parse_optional(word)
            if hit is None:
                letters.append("A")
            else:
                self.options[i] = hit
                letters.append("O")
        self.letters = "".join(letters)

    def run(self):
        words = self.words
        marks = sorted(self.options)
        at = k = 0
        while True:
            while k < len(marks) and marks[k] < at:
                k += 1
            if k == len(marks):
                break
            option_at = marks[k]
            if at < option_at:
                # Positionals first; what they leave before the option is
                # extra.
                end = self.fill_positionals(at)
                if end > at:
                    at = end
                    continue
                self.extras.extend(words[at:option_at])
                at = option_at
            at = self.take_option(at)
        at = self.fill_positionals(at)
        self.extras.extend(words[at:])
        self.finish()
        return self.namespace, self.extras

    def fill_positionals(self, at):
        parser = self.parser
        counts = parser._match_arguments_partial(self.waiting, self.letters[at:])
        for action, n in zip(self.waiting, counts):
            self.take(action, self.words[at:at + n])
            at += n
        del self.waiting[:len(counts)]
        return at

    def take_option(self, at):
        parser = self.parser
        action, flag, attached = self.options[at]
        if action is None:
            self.extras.append(self.words[at])
            return at + 1
        # The actions run only once the whole word is understood.
        todo = []
        end = at + 1
        while attached is not None:
            n = parser._match_argument(action, "A")
            if n == 1:
                todo.append((action, [attached], flag))
                break
            if n == 0 and flag[1] not in parser.prefix_chars and attached != "":
                # "-xyz": -x takes nothing, so "yz" holds more one-letter
                # options.
                todo.append((action, [], flag))
                flag = flag[0] + attached[0]
                following = parser._option_string_actions.get(flag)
                if following is None:
                    raise ArgumentError(action, "ignored explicit argument %r" % attached)
                action, attached = following, attached[1:] or None
                continue
            raise ArgumentError(action, "ignored explicit argument %r" % attached)
        else:
            # Nothing attached: the option takes words after it.
            n = parser._match_argument(action, self.letters[at + 1:])
            todo.append((action, self.words[at + 1:at + 1 + n], flag))
            end += n
        for action, values, flag in todo:
            self.take(action, values, flag)
        return end

    def take(self, action, words, flag=None):
        self.seen.add(action)
        value = self.parser._get_values(action, words)
        if value is not action.default:
            self.given.add(action)
            for group in self.parser._mutually_exclusive_groups:
                if action in group._group_actions:
                    for other in group._group_actions:
                        if other is not action and other in self.given:
                            raise ArgumentError(action, "not allowed with argument %s" % _get_action_name(other))
        if value is not SUPPRESS:
            action(self.parser, self.namespace, value, flag)

    def finish(self):
        parser, namespace = self.parser, self.namespace
        missing = []
        for action in parser._actions:
            if action in self.seen:
                continue
            if action.required:
                missing.append(_get_action_name(action))
            elif (isinstance(action.default, str) and hasattr(namespace, action.dest)
                  and getattr(namespace, action.dest) is action.default):
                # A string default goes through type= like a given value,
                # but only when it is used.
                setattr(namespace, action.dest, parser._get_value(action, action.default))
        if missing:
            parser.error("the following arguments are required: %s" % ", ".join(missing))
        for group in parser._mutually_exclusive_groups:
            if group.required and not any(a in self.given for a in group._group_actions):
                names = [_get_action_name(a) for a in group._group_actions if a.help is not SUPPRESS]
                parser.error("one of the arguments %s is required" % " ".join(names))


class _Saved:
    """Sets attributes for the length of a with block, then puts the old
    values back."""

    def __init__(self, changes):
        self.changes = changes          # (object, attribute, temporary value)
        self.old = []

    def __enter__(self):
        for obj, name, value in self.changes:
            self.old.append((obj, name, getattr(obj, name)))
            setattr(obj, name, value)
        return self

    def __exit__(self, *exc):
        for obj, name, value in reversed(self.old):
            setattr(obj, name, value)
        return False


class ArgumentParser(_AttributeHolder, _ActionsContainer):
    """Turns command-line words into a Namespace; prints usage and help."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True,
                 allow_abbrev=True, exit_on_error=True):
        super().__init__(description=description, prefix_chars=prefix_chars,
                         argument_default=argument_default, conflict_handler=conflict_handler)
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv and _sys.argv[0] else "asy"
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._positionals = self.add_argument_group("positional arguments")
        self._optionals = self.add_argument_group("options")
        self._subparsers = None
        if add_help:
            lead = "-" if "-" in prefix_chars else prefix_chars[0]
            self.add_argument(lead + "h", lead * 2 + "help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(getattr(parent, "_defaults", {}))

    def _get_kwargs(self):
        return [(key, getattr(self, key)) for key in
                ("prog", "usage", "description", "formatter_class", "conflict_handler", "add_help")]

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error("cannot have multiple subparser arguments")
        kwargs.setdefault("parser_class", type(self))
        if "title" in kwargs or "description" in kwargs:
            self._subparsers = self.add_argument_group(kwargs.pop("title", "subcommands"),
                                                       kwargs.pop("description", None))
        else:
            self._subparsers = self._positionals
        if kwargs.get("prog") is None:
            # Sub-parsers' prog: this parser's usage without its options.
            formatter = self._get_formatter()
            formatter.add_usage(self.usage, self._get_positional_actions(),
                                self._mutually_exclusive_groups, "")
            kwargs["prog"] = formatter.format_help().strip()
        kind = kwargs.pop("action", "parsers")
        action_class = self._registry_get("action", kind, kind)
        action = action_class(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    def _add_action(self, action):
        group = self._optionals if action.option_strings else self._positionals
        group._add_action(action)
        return action

    def _get_optional_actions(self):
        return [a for a in self._actions if a.option_strings]

    def _get_positional_actions(self):
        return [a for a in self._actions if not a.option_strings]

    # --- entry points

    def parse_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: %s" % " ".join(extras))
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        args = _sys.argv[1:] if args is None else list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if (action.dest is not SUPPRESS and action.default is not SUPPRESS
                    and not hasattr(namespace, action.dest)):
                setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        if self.exit_on_error:
            try:
                namespace, args = self._parse_known_args(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse_known_args(args, namespace)
        if hasattr(namespace, _UNRECOGNIZED_ARGS_ATTR):
            args.extend(getattr(namespace, _UNRECOGNIZED_ARGS_ATTR))
            delattr(namespace, _UNRECOGNIZED_ARGS_ATTR)
        return namespace, args

    def _parse_known_args(self, arg_strings, namespace):
        if self.fromfile_prefix_chars is not None:
            arg_strings = self._read_args_from_files(arg_strings)
        return _Pass(self, namespace, arg_strings).run()

    def parse_intermixed_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_intermixed_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: %s" % " ".join(extras))
        return namespace

    def parse_known_intermixed_args(self, args=None, namespace=None):
        # Two passes: options first, with every positional switched off so
        # its words are left over; then the leftovers as positionals, with
        # nothing required of the options any more.
        positionals = self._get_positional_actions()
        swallowing = [a for a in positionals if a.nargs in (PARSER, REMAINDER)]
        if swallowing:
            raise TypeError("parse_intermixed_args: positional arg with nargs=%s" % swallowing[0].nargs)
        for group in self._mutually_exclusive_groups:
            if any(a in positionals for a in group._group_actions):
                raise TypeError("parse_intermixed_args: positional in mutuallyExclusiveGroup")
        # Errors show the whole usage, not the one with positionals off.
        usage = self.usage if self.usage is not None else self.format_usage()[len("usage: "):]
        with _Saved([(self, "usage", usage)]):
            off = [(a, key, SUPPRESS) for a in positionals for key in ("nargs", "default")]
            with _Saved(off):
                namespace, rest = self.parse_known_args(args, namespace)
                for action in positionals:
                    if getattr(namespace, action.dest, None) == []:
                        from warnings import warn
                        warn("Do not expect %s in %s" % (action.dest, namespace))
                        delattr(namespace, action.dest)
            relaxed = [(a, "required", False) for a in self._get_optional_actions()]
            relaxed += [(g, "required", False) for g in self._mutually_exclusive_groups]
            with _Saved(relaxed):
                return self.parse_known_args(rest, namespace)

    def _read_args_from_files(self, arg_strings):
        # "@file" stands for the arguments in the file, one per line (see
        # convert_arg_line_to_args), expanded recursively.
        expanded = []
        for word in arg_strings:
            if not word or word[0] not in self.fromfile_prefix_chars:
                expanded.append(word)
                continue
            try:
                with open(word[1:]) as f:
                    lines = f.read().splitlines()
            except OSError as err:
                self.error(str(err))
            inner = [arg for line in lines for arg in self.convert_arg_line_to_args(line)]
            expanded.extend(self._read_args_from_files(inner))
        return expanded

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]

    # --- matching

    def _match_argument(self, action, arg_strings_pattern):
        n = next(iter(_lengths(action, arg_strings_pattern, 0)), None)
        if n is None:
            message = _NARGS_ERRORS.get(action.nargs)
            if message is None:
                message = _plural("expected %s argument", "expected %s arguments", action.nargs) % action.nargs
            raise ArgumentError(action, message)
        return n

    def _match_arguments_partial(self, actions, arg_strings_pattern):
        # As many of the positionals as can take their words, from the first.
        for count in range(len(actions), 0, -1):
            counts = _fit(actions[:count], arg_strings_pattern)
            if counts is not None:
                return counts
        return []

    def _parse_optional(self, arg_string):
        """(action, option string, attached value) for an option word;
        (None, word, None) for an unknown option; None for an argument."""
        word = arg_string
        if not word or word[0] not in self.prefix_chars:
            return None
        table = self._option_string_actions
        if word in table:
            return table[word], word, None
        if len(word) == 1:
            return None
        flag, eq, value = word.partition("=")
        if eq and flag in table:
            return table[flag], flag, value
        matches = self._get_option_tuples(word)
        if len(matches) > 1:
            self.error("ambiguous option: %(option)s could match %(matches)s" % {
                "option": word, "matches": ", ".join(m[1] for m in matches)})
        if matches:
            return matches[0]
        if _NEGATIVE.match(word) and not any(_NEGATIVE.match(f) for f in table):
            return None
        if " " in word:
            return None
        return None, word, None

    def _get_option_tuples(self, option_string):
        # The options a word could abbreviate: "--pre[=value]" any long
        # option starting so (if allow_abbrev); "-xrest" the option "-x"
        # with "rest" attached, or a longer single-dash option.
        table = self._option_string_actions
        if option_string[1] in self.prefix_chars:
            if not self.allow_abbrev:
                return []
            stem, eq, value = option_string.partition("=")
            value = value if eq else None
            return [(table[f], f, value) for f in table if f.startswith(stem)]
        head, tail = option_string[:2], option_string[2:]
        found = []
        for flag in table:
            if flag == head:
                found.append((table[flag], flag, tail))
            elif flag.startswith(option_string):
                found.append((table[flag], flag, None))
        return found

    # --- values

    def _get_values(self, action, arg_strings):
        nargs = action.nargs
        if nargs not in (PARSER, REMAINDER) and "--" in arg_strings:
            arg_strings = list(arg_strings)
            arg_strings.remove("--")
        if not arg_strings and nargs == OPTIONAL:
            # "?" with nothing: an option gets const, a positional its default.
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._get_value(action, value)
                self._check_value(action, value)
            return value
        if not arg_strings and nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else arg_strings
            self._check_value(action, value)
            return value
        if len(arg_strings) == 1 and nargs in (None, OPTIONAL):
            value = self._get_value(action, arg_strings[0])
            self._check_value(action, value)
            return value
        if nargs == SUPPRESS:
            return SUPPRESS
        values = [self._get_value(action, s) for s in arg_strings]
        # A sub-command checks only its name; REMAINDER checks nothing.
        checked = values[:1] if nargs == PARSER else [] if nargs == REMAINDER else values
        for value in checked:
            self._check_value(action, value)
        return values

    def _get_value(self, action, arg_string):
        convert = self._registry_get("type", action.type, action.type)
        if not callable(convert):
            raise ArgumentError(action, "%r is not callable" % (convert,))
        try:
            return convert(arg_string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, "__name__", repr(action.type))
            raise ArgumentError(action, "invalid %s value: %r" % (name, arg_string))

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (
                value, ", ".join(repr(choice) for choice in action.choices)))

    # --- output

    def format_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        return formatter.format_help()

    def format_help(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def print_usage(self, file=None):
        self._print_message(self.format_usage(), _sys.stdout if file is None else file)

    def print_help(self, file=None):
        self._print_message(self.format_help(), _sys.stdout if file is None else file)

    def _print_message(self, message, file=None):
        if not message:
            return
        try:
            (file or _sys.stderr).write(message)
        except (AttributeError, OSError):
            pass

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        """Print the usage and the message to stderr and exit with status 2."""
        self.print_usage(_sys.stderr)
        self.exit(2, "%(prog)s: error: %(message)s\n" % {"prog": self.prog, "message": message})
