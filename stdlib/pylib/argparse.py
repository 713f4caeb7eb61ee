# argparse for asy: command-line parsing that behaves, prints and fails the
# way CPython's argparse does (python3's output is the reference).
#
# How it is put together:
#   * The help layout (HelpFormatter and its variants) is in _argparse_help.
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

from _argparse_help import (SUPPRESS, OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE, PARSER, REMAINDER,
                            HelpFormatter, RawDescriptionHelpFormatter, RawTextHelpFormatter,
                            ArgumentDefaultsHelpFormatter, MetavarTypeHelpFormatter)

__all__ = ["ArgumentParser", "ArgumentError", "ArgumentTypeError", "BooleanOptionalAction",
           "FileType", "HelpFormatter", "ArgumentDefaultsHelpFormatter",
           "RawDescriptionHelpFormatter", "RawTextHelpFormatter", "MetavarTypeHelpFormatter",
           "Namespace", "Action", "ONE_OR_MORE", "OPTIONAL", "PARSER", "REMAINDER", "SUPPRESS",
           "ZERO_OR_MORE"]

# The formatters are defined in _argparse_help but belong to this module.
for _cls in (HelpFormatter, RawDescriptionHelpFormatter, RawTextHelpFormatter,
             ArgumentDefaultsHelpFormatter, MetavarTypeHelpFormatter):
    _cls.__module__ = __name__
del _cls

_UNRECOGNIZED_ARGS_ATTR = "_unrecognized_args"

# A word that reads as a negative number is an argument, unless the parser
# has options that look like negative numbers themselves.
_NEGATIVE = _re.compile(r"^-\d+$|^-\d*\.\d+$")


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
