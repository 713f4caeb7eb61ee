"""configparser: INI-style configuration files, with CPython 3.11's parsing rules,
interpolation, mapping protocol, output format and error messages."""

from collections.abc import MutableMapping
from collections import ChainMap as _ChainMap
import functools
import io
import os
import re
import sys
import warnings

__all__ = ["NoSectionError", "DuplicateOptionError", "DuplicateSectionError",
           "NoOptionError", "InterpolationError", "InterpolationDepthError",
           "InterpolationMissingOptionError", "InterpolationSyntaxError",
           "ParsingError", "MissingSectionHeaderError",
           "ConfigParser", "SafeConfigParser", "RawConfigParser",
           "Interpolation", "BasicInterpolation", "ExtendedInterpolation",
           "LegacyInterpolation", "SectionProxy", "ConverterMapping",
           "DEFAULTSECT", "MAX_INTERPOLATION_DEPTH"]

_default_dict = dict
DEFAULTSECT = "DEFAULT"
MAX_INTERPOLATION_DEPTH = 10



# --- exceptions ---
# Every error's str() and repr() are its message attribute; args hold the
# constructor's arguments, and the fields they name are attributes too.

class Error(Exception):
    """The base of every configparser error; str() is its message."""

    def __init__(self, msg=''):
        self.message = msg
        Exception.__init__(self, msg)

    def __repr__(self):
        return self.message

    __str__ = __repr__


def _settle(err, message, args, **fields):
    Error.__init__(err, message)
    for name, value in fields.items():
        setattr(err, name, value)
    err.args = args


def _while_reading(source, lineno, what, tail):
    # "While reading from 'f.ini' [line  3]: section 's' already exists",
    # or just "Section 's' already exists" when no source is known.
    if source is None:
        return f"{what.capitalize()} {tail}"
    where = f"While reading from {source!r}"
    if lineno is not None:
        where += f" [line {lineno:2d}]"
    return f"{where}: {what} {tail}"


class NoSectionError(Error):
    """A section named in a call does not exist."""

    def __init__(self, section):
        _settle(self, f"No section: {section!r}", (section,), section=section)


class DuplicateSectionError(Error):
    """A section appears twice (in one source, or in add_section)."""

    def __init__(self, section, source=None, lineno=None):
        _settle(self, _while_reading(source, lineno, "section", f"{section!r} already exists"),
                (section, source, lineno), section=section, source=source, lineno=lineno)


class DuplicateOptionError(Error):
    """An option appears twice in one section of one source."""

    def __init__(self, section, option, source=None, lineno=None):
        tail = f"{option!r} in section {section!r} already exists"
        _settle(self, _while_reading(source, lineno, "option", tail), (section, option, source, lineno),
                section=section, option=option, source=source, lineno=lineno)


class NoOptionError(Error):
    """An option named in a call does not exist in its section."""

    def __init__(self, option, section):
        _settle(self, f"No option {option!r} in section: {section!r}", (option, section),
                option=option, section=section)


class InterpolationError(Error):
    """Base class for the errors of expanding references in values."""

    def __init__(self, option, section, msg):
        _settle(self, msg, (option, section, msg), option=option, section=section)


class InterpolationMissingOptionError(InterpolationError):
    """A reference names an option that does not exist."""

    def __init__(self, option, section, rawval, reference):
        msg = ("Bad value substitution: option {!r} in section {!r} contains "
               "an interpolation key {!r} which is not a valid option name. "
               "Raw value: {!r}".format(option, section, reference, rawval))
        _settle(self, msg, (option, section, rawval, reference),
                option=option, section=section, reference=reference)


class InterpolationSyntaxError(InterpolationError):
    """A value uses the interpolation syntax wrongly."""


class InterpolationDepthError(InterpolationError):
    """References nest deeper than MAX_INTERPOLATION_DEPTH."""

    def __init__(self, option, section, rawval):
        msg = ("Recursion limit exceeded in value substitution: option {!r} "
               "in section {!r} contains an interpolation key which "
               "cannot be substituted in {} steps. Raw value: {!r}"
               "".format(option, section, MAX_INTERPOLATION_DEPTH, rawval))
        _settle(self, msg, (option, section, rawval), option=option, section=section)


class ParsingError(Error):
    """Lines of a source that are not headers, options or comments.

    One error collects every such line of a read (see append and errors).
    """

    def __init__(self, source=None, filename=None):
        # filename is the pre-3.2 spelling of source.
        if filename and source:
            raise ValueError("Cannot specify both `filename' and `source'. Use `source'.")
        if not filename and not source:
            raise ValueError("Required argument `source' not given.")
        source = source or filename
        _settle(self, f"Source contains parsing errors: {source!r}", (source,), source=source, errors=[])

    @property
    def filename(self):
        """Deprecated alias of source."""
        warnings.warn("The 'filename' attribute will be removed in Python 3.12. "
                      "Use 'source' instead.", DeprecationWarning, stacklevel=2)
        return self.source

    @filename.setter
    def filename(self, value):
        warnings.warn("The 'filename' attribute will be removed in Python 3.12. "
                      "Use 'source' instead.", DeprecationWarning, stacklevel=2)
        self.source = value

    def append(self, lineno, line):
        self.errors.append((lineno, line))
        self.message += '\n\t[line %2d]: %s' % (lineno, line)


class MissingSectionHeaderError(ParsingError):
    """An option (or other text) comes before the first section header."""

    def __init__(self, filename, lineno, line):
        msg = f"File contains no section headers.\nfile: {filename!r}, line: {lineno:d}\n{line!r}"
        _settle(self, msg, (filename, lineno, line), source=filename, lineno=lineno, line=line)


_UNSET = object()


# --- interpolation ---

class Interpolation:
    """No interpolation: every hook hands the value back unchanged.

    The base class of the interpolations; a parser calls before_get,
    before_set, before_read and before_write around its values."""

    def before_get(self, parser, section, option, value, defaults):
        return value

    def before_set(self, parser, section, option, value):
        return value

    def before_read(self, parser, section, option, value):
        return value

    def before_write(self, parser, section, option, value):
        return value


class _SigilInterpolation(Interpolation):
    """What BasicInterpolation and ExtendedInterpolation share: a value is
    text in which a sigil character starts either a doubled sigil (the
    character itself) or a reference matched by _KEYCRE; a subclass says
    where a reference points (_resolve)."""

    _SIGIL = _OPEN = _KEYCRE = None

    def before_get(self, parser, section, option, value, defaults):
        out = []
        self._expand(parser, option, section, value, defaults, out, 1)
        return ''.join(out)

    def before_set(self, parser, section, option, value):
        # With the escapes and the well-formed references taken out, any
        # sigil left is a syntax error.
        sigil = self._SIGIL
        leftover = self._KEYCRE.sub('', value.replace(sigil + sigil, ''))
        at = leftover.find(sigil)
        if at >= 0:
            raise ValueError("invalid interpolation syntax in %r at position %d" % (value, at))
        return value

    def _expand(self, parser, option, section, text, mapping, out, depth):
        # The error messages quote the option's raw value.
        raw = parser.get(section, option, raw=True, fallback=text)
        if depth > MAX_INTERPOLATION_DEPTH:
            raise InterpolationDepthError(option, section, raw)
        if not text:
            return  # an empty value, or None under allow_no_value
        sigil = self._SIGIL
        pos = 0
        while pos < len(text):
            at = text.find(sigil, pos)
            if at < 0:
                out.append(text[pos:])
                break
            out.append(text[pos:at])
            follower = text[at + 1:at + 2]
            if follower == sigil:
                out.append(sigil)
                pos = at + 2
                continue
            if follower != self._OPEN:
                raise InterpolationSyntaxError(option, section,
                    "%r must be followed by %r or %r, found: %r" % (sigil, sigil, self._OPEN, text[at:]))
            ref = self._KEYCRE.match(text, at)
            if ref is None:
                raise InterpolationSyntaxError(option, section,
                    "bad interpolation variable reference %r" % text[at:])
            pos = ref.end()
            value, option2, section2, mapping2 = self._resolve(
                parser, option, section, mapping, raw, ref.group(1), text[pos:])
            if sigil in value:
                self._expand(parser, option2, section2, value, mapping2, out, depth + 1)
            else:
                out.append(value)


class BasicInterpolation(_SigilInterpolation):
    """%(name)s references to options of the same section or DEFAULT; %% is a percent sign."""

    _SIGIL, _OPEN = "%", "("
    _KEYCRE = re.compile(r"%\(([^)]+)\)s")

    def _resolve(self, parser, option, section, mapping, raw, name, after):
        key = parser.optionxform(name)
        try:
            return mapping[key], option, section, mapping
        except KeyError:
            raise InterpolationMissingOptionError(option, section, raw, key) from None


class ExtendedInterpolation(_SigilInterpolation):
    """${name} and ${section:name} references (zc.buildout's syntax); $$ is a dollar sign."""

    _SIGIL, _OPEN = "$", "{"
    _KEYCRE = re.compile(r"\$\{([^}]+)\}")

    def _resolve(self, parser, option, section, mapping, raw, name, after):
        parts = name.split(':')
        if len(parts) > 2:
            # CPython quotes what follows the reference here.
            raise InterpolationSyntaxError(option, section, "More than one ':' found: %r" % (after,))
        try:
            if len(parts) == 1:
                other, key = section, parser.optionxform(parts[0])
                value = mapping[key]
            else:
                other, key = parts[0], parser.optionxform(parts[1])
                value = parser.get(other, key, raw=True)
        except (KeyError, NoSectionError, NoOptionError):
            raise InterpolationMissingOptionError(option, section, raw, name) from None
        # A nested value is expanded against its section's options alone
        # (not the vars of the get that started it), as CPython does.
        return value, key, other, dict(parser.items(other, raw=True))


class LegacyInterpolation(Interpolation):
    """The pre-3.2 interpolation (deprecated): %(name)s references are
    filled in by the % operator, round after round, so a value may also
    contain other %-format directives."""

    _REF = re.compile(r"%\(([^)]*)\)s")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        warnings.warn(
            "LegacyInterpolation has been deprecated since Python 3.2 "
            "and will be removed from the configparser module in Python 3.13. "
            "Use BasicInterpolation or ExtendedInterpolation instead.",
            DeprecationWarning, stacklevel=2)

    def before_get(self, parser, section, option, value, vars):
        text = value
        for _ in range(MAX_INTERPOLATION_DEPTH):
            if not text or "%(" not in text:
                return text
            # Names go through optionxform first, so %(Name)s finds name.
            text = self._REF.sub(lambda m: "%%(%s)s" % parser.optionxform(m.group(1)), text)
            try:
                text = text % vars
            except KeyError as e:
                raise InterpolationMissingOptionError(option, section, value, e.args[0]) from None
        if text and "%(" in text:
            raise InterpolationDepthError(option, section, value)
        return text


# --- reading: one line at a time ---

def _inline_comment_at(line, prefixes):
    # Where an inline comment starts, or -1. A prefix counts only at the
    # start of the line or right after white space. CPython looks at the
    # first occurrence of every prefix, then the second of each, and so on,
    # stopping at the first round in which any occurrence counts (the
    # leftmost of that round wins); this keeps that exact choice.
    best_round, best_at = None, -1
    for prefix in prefixes:
        at, rounds = line.find(prefix), 1
        while at > 0 and not line[at - 1].isspace():
            at, rounds = line.find(prefix, at + 1), rounds + 1
        if at < 0:
            continue
        if best_round is None or (rounds, at) < (best_round, best_at):
            best_round, best_at = rounds, at
    return best_at


class _Reader:
    """The state of one read: the section and option being filled, the
    indentation that continues a value, what this source has defined (for
    strict duplicate checks) and the ParsingError gathering bad lines."""

    def __init__(self, parser, source):
        self.parser = parser
        self.source = source
        self.section = None   # name of the current section
        self.options = None   # its option dict (values are lists of lines)
        self.option = None    # the option a continuation line would extend
        self.indent = 0
        self.seen = set()     # section names and (section, option) pairs
        self.error = None

    def feed(self, lineno, line):
        p = self.parser
        cut = _inline_comment_at(line, p._inline_comment_prefixes) if p._inline_comment_prefixes else -1
        stripped = line.strip()
        if any(stripped.startswith(prefix) for prefix in p._comment_prefixes):
            cut = 0
        text = (line if cut < 0 else line[:cut]).strip()
        if not text:
            if not p._empty_lines_in_values:
                self.indent = sys.maxsize  # a blank line ends any value
            elif cut < 0 and self._extendable():
                # Blank lines inside a value are kept (trailing ones are
                # trimmed when values are joined); commented ones are not.
                self.options[self.option].append('')
            return
        first = p.NONSPACECRE.search(line)
        indent = first.start() if first else 0
        if self.options is not None and self.option and indent > self.indent:
            self.options[self.option].append(text)
            return
        self.indent = indent
        header = p.SECTCRE.match(text)
        if header:
            self._open_section(header.group('header'), lineno)
        elif self.options is None:
            raise MissingSectionHeaderError(self.source, lineno, line)
        else:
            self._option_line(text, lineno, line)

    def _extendable(self):
        return (self.options is not None and self.option
                and self.options[self.option] is not None)

    def _open_section(self, name, lineno):
        p = self.parser
        if name in p._sections:
            if p._strict and name in self.seen:
                raise DuplicateSectionError(name, self.source, lineno)
            self.seen.add(name)
            self.options = p._sections[name]
        elif name == p.default_section:
            self.options = p._defaults
        else:
            self.options = p._new_section(name)
            self.seen.add(name)
        self.section = name
        self.option = None

    def _option_line(self, text, lineno, line):
        p = self.parser
        found = p._optcre.match(text)
        if not found:
            self._bad(lineno, line)
            return
        name, value = found.group('option', 'value')
        if not name:
            # Reported, but (as CPython does) still stored under ''.
            self._bad(lineno, line)
        name = p.optionxform(name.rstrip())
        if p._strict and (self.section, name) in self.seen:
            raise DuplicateOptionError(self.section, name, self.source, lineno)
        self.seen.add((self.section, name))
        self.options[name] = None if value is None else [value.strip()]
        self.option = name

    def _bad(self, lineno, line):
        if self.error is None:
            self.error = ParsingError(self.source)
        self.error.append(lineno, repr(line))


# --- parsers ---

class RawConfigParser(MutableMapping):
    """The INI parser itself; values are returned as stored (no interpolation)."""

    # Regular expressions for the reader; subclasses may replace them.
    _SECT_TMPL = r"\[(?P<header>.+)\]"
    _OPT_TMPL = r"(?P<option>.*?)\s*(?P<vi>{delim})\s*(?P<value>.*)$"
    _OPT_NV_TMPL = r"(?P<option>.*?)\s*(?:(?P<vi>{delim})\s*(?P<value>.*))?$"
    _DEFAULT_INTERPOLATION = Interpolation()
    SECTCRE = re.compile(_SECT_TMPL)
    OPTCRE = re.compile(_OPT_TMPL.format(delim="=|:"))
    OPTCRE_NV = re.compile(_OPT_NV_TMPL.format(delim="=|:"))
    NONSPACECRE = re.compile(r"\S")
    BOOLEAN_STATES = {'1': True, 'yes': True, 'true': True, 'on': True,
                      '0': False, 'no': False, 'false': False, 'off': False}

    def __init__(self, defaults=None, dict_type=_default_dict,
                 allow_no_value=False, *, delimiters=('=', ':'),
                 comment_prefixes=('#', ';'), inline_comment_prefixes=None,
                 strict=True, empty_lines_in_values=True,
                 default_section=DEFAULTSECT,
                 interpolation=_UNSET, converters=_UNSET):
        self._dict = dict_type
        self._sections = dict_type()
        self._defaults = dict_type()
        self._converters = ConverterMapping(self)
        self._proxies = dict_type()
        self._proxies[default_section] = SectionProxy(self, default_section)
        self._delimiters = tuple(delimiters)
        template = self._OPT_NV_TMPL if allow_no_value else self._OPT_TMPL
        if delimiters == ('=', ':'):
            self._optcre = self.OPTCRE_NV if allow_no_value else self.OPTCRE
        else:
            self._optcre = re.compile(template.format(delim="|".join(map(re.escape, delimiters))))
        self._comment_prefixes = tuple(comment_prefixes or ())
        self._inline_comment_prefixes = tuple(inline_comment_prefixes or ())
        self._strict = strict
        self._allow_no_value = allow_no_value
        self._empty_lines_in_values = empty_lines_in_values
        self.default_section = default_section
        if interpolation is _UNSET:
            interpolation = self._DEFAULT_INTERPOLATION
        elif interpolation is None:
            interpolation = Interpolation()
        if not isinstance(interpolation, Interpolation):
            raise TypeError(
                f"interpolation= must be None or an instance of Interpolation;"
                f" got an object of type {type(interpolation)}")
        self._interpolation = interpolation
        if converters is not _UNSET:
            self._converters.update(converters)
        if defaults:
            self._read_defaults(defaults)

    # --- sections and options ---

    def defaults(self):
        return self._defaults

    def sections(self):
        """Section names, in the order they were added (DEFAULT excluded)."""
        return list(self._sections)

    def add_section(self, section):
        """Create an empty section; it must not exist yet, nor be DEFAULT."""
        if section == self.default_section:
            raise ValueError('Invalid section name: %r' % section)
        if section in self._sections:
            raise DuplicateSectionError(section)
        self._new_section(section)

    def _new_section(self, name):
        # A section is its option dict plus the proxy that parser[name] gives.
        options = self._sections[name] = self._dict()
        self._proxies[name] = SectionProxy(self, name)
        return options

    def has_section(self, section):
        """Whether section exists (DEFAULT never does, for this question)."""
        return section in self._sections

    def _options_of(self, section):
        # The dict holding section's own options (DEFAULT's for DEFAULT, or
        # for a false name); NoSectionError otherwise.
        if not section or section == self.default_section:
            return self._defaults
        try:
            return self._sections[section]
        except KeyError:
            raise NoSectionError(section) from None

    def options(self, section):
        """Option names of section, its own first, then DEFAULT's."""
        try:
            own = self._sections[section]
        except KeyError:
            raise NoSectionError(section) from None
        return list({**own, **self._defaults})

    def has_option(self, section, option):
        """Whether option is in section or in DEFAULT (False for a missing section)."""
        if not section or section == self.default_section:
            return self.optionxform(option) in self._defaults
        if section not in self._sections:
            return False
        option = self.optionxform(option)
        return option in self._sections[section] or option in self._defaults

    def set(self, section, option, value=None):
        """Set an option's value (None only makes sense with allow_no_value)."""
        if value:
            value = self._interpolation.before_set(self, section, option, value)
        self._options_of(section)[self.optionxform(option)] = value

    def remove_option(self, section, option):
        """Delete an option; returns whether it existed."""
        own = self._options_of(section)
        option = self.optionxform(option)
        if option not in own:
            return False
        del own[option]
        return True

    def remove_section(self, section):
        """Delete a section; returns whether it existed."""
        if section not in self._sections:
            return False
        del self._sections[section]
        del self._proxies[section]
        return True

    def optionxform(self, optionstr):
        return optionstr.lower()

    # --- reading ---

    def read(self, filenames, encoding=None):
        """Read and parse the named files, skipping those that cannot be
        opened; returns the names that were read."""
        if isinstance(filenames, (str, bytes, os.PathLike)):
            filenames = [filenames]
        done = []
        for name in filenames:
            try:
                with open(name, encoding=encoding) as fp:
                    self._read(fp, name)
            except OSError:
                continue
            done.append(os.fspath(name) if isinstance(name, os.PathLike) else name)
        return done

    def read_file(self, f, source=None):
        """Read lines from an iterable of str; source names it in errors
        (default: f.name, or '<???>')."""
        if source is None:
            source = getattr(f, 'name', '<???>')
        self._read(f, source)

    def read_string(self, string, source='<string>'):
        """Read configuration from a string."""
        self.read_file(io.StringIO(string), source)

    def read_dict(self, dictionary, source='<dict>'):
        """Read sections from a mapping of section name -> mapping of options.
        Names and values are turned into strings (None values stay None)."""
        seen = set()
        for section, options in dictionary.items():
            section = str(section)
            try:
                self.add_section(section)
            except (DuplicateSectionError, ValueError):
                # Existing sections (and DEFAULT) are merged into, unless
                # this same mapping named them twice.
                if self._strict and section in seen:
                    raise
            seen.add(section)
            for option, value in options.items():
                option = self.optionxform(str(option))
                if value is not None:
                    value = str(value)
                if self._strict and (section, option) in seen:
                    raise DuplicateOptionError(section, option, source)
                seen.add((section, option))
                self.set(section, option, value)

    def readfp(self, fp, filename=None):
        """Deprecated spelling of read_file(fp, source=filename)."""
        warnings.warn(
            "This method will be removed in Python 3.12. "
            "Use 'parser.read_file()' instead.",
            DeprecationWarning, stacklevel=2)
        self.read_file(fp, source=filename)

    def _read(self, fp, fpname):
        reader = _Reader(self, fpname)
        for lineno, line in enumerate(fp, start=1):
            reader.feed(lineno, line)
        self._finish_values()
        if reader.error is not None:
            raise reader.error

    def _finish_values(self):
        # Multi-line values are read as lists of lines; join them (dropping
        # trailing blank lines) and give the interpolation its look.
        for section, options in [(self.default_section, self._defaults), *self._sections.items()]:
            for option, value in options.items():
                if isinstance(value, list):
                    value = '\n'.join(value).rstrip()
                options[option] = self._interpolation.before_read(self, section, option, value)

    def _read_defaults(self, defaults):
        self.read_dict({self.default_section: defaults})

    # --- getting values ---

    def _unify_values(self, section, vars):
        """The lookup order for section: vars, then the section, then DEFAULT."""
        if section in self._sections:
            own = self._sections[section]
        elif section == self.default_section:
            own = {}
        else:
            raise NoSectionError(section)
        given = {}
        for key, value in (vars or {}).items():
            given[self.optionxform(key)] = None if value is None else str(value)
        return _ChainMap(given, own, self._defaults)

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        """An option's value, interpolated unless raw; vars override the
        section and DEFAULT. fallback is returned instead of raising
        NoSectionError/NoOptionError."""
        try:
            chain = self._unify_values(section, vars)
        except NoSectionError:
            if fallback is _UNSET:
                raise
            return fallback
        option = self.optionxform(option)
        if option not in chain:
            if fallback is _UNSET:
                raise NoOptionError(option, section)
            return fallback
        value = chain[option]
        if raw or value is None:
            return value
        return self._interpolation.before_get(self, section, option, value, chain)

    def _get_conv(self, section, option, conv, *, raw=False, vars=None,
                  fallback=_UNSET, **kwargs):
        # get() then conv(); fallback covers only a missing section/option,
        # never a value conv rejects.
        try:
            value = self.get(section, option, raw=raw, vars=vars, **kwargs)
        except (NoSectionError, NoOptionError):
            if fallback is _UNSET:
                raise
            return fallback
        return conv(value)

    def _converter(self, name, default):
        # A converter set in converters under a built-in name replaces it.
        return self._converters._data.get(name) or default

    def getint(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, self._converter('int', int),
                              raw=raw, vars=vars, fallback=fallback, **kwargs)

    def getfloat(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, self._converter('float', float),
                              raw=raw, vars=vars, fallback=fallback, **kwargs)

    def getboolean(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, self._converter('boolean', self._convert_to_boolean),
                              raw=raw, vars=vars, fallback=fallback, **kwargs)

    def _convert_to_boolean(self, value):
        state = self.BOOLEAN_STATES.get(value.lower())
        if state is None:
            raise ValueError('Not a boolean: %s' % value)
        return state

    def __getattr__(self, name):
        # get<name> for a converter added through converters (the built-in
        # ones are the methods above).
        conv = self.__dict__.get('_converters')
        if conv is not None and name.startswith('get') and conv._data.get(name[3:]) is not None:
            getter = functools.partial(self._get_conv, conv=conv._data[name[3:]])
            getter.converter = conv._data[name[3:]]
            return getter
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def items(self, section=_UNSET, raw=False, vars=None):
        """Without section: (name, SectionProxy) pairs, DEFAULT first. With
        it: (option, value) pairs of the section and DEFAULT, vars applied."""
        if section is _UNSET:
            return super().items()
        chain = self._defaults.copy()
        if section in self._sections:
            chain.update(self._sections[section])
        elif section != self.default_section:
            raise NoSectionError(section)
        names = list(chain)
        for key, value in (vars or {}).items():
            chain[self.optionxform(key)] = value
        if raw:
            return [(name, chain[name]) for name in names]
        return [(name, self._interpolation.before_get(self, section, name, chain[name], chain))
                for name in names]

    # --- writing ---

    def write(self, fp, space_around_delimiters=True):
        """Write the configuration in .ini format to the text file fp."""
        delimiter = self._delimiters[0]
        if space_around_delimiters:
            delimiter = f" {delimiter} "
        blocks = [(self.default_section, self._defaults)] if self._defaults else []
        blocks.extend(self._sections.items())
        for name, options in blocks:
            fp.write(f"[{name}]\n")
            for key, value in options.items():
                value = self._interpolation.before_write(self, name, key, value)
                if value is None and self._allow_no_value:
                    fp.write(key + "\n")
                else:
                    # Continuation lines are indented so they read back.
                    fp.write(key + delimiter + str(value).replace("\n", "\n\t") + "\n")
            fp.write("\n")

    def _validate_value_types(self, *, section="", option="", value=""):
        if not isinstance(section, str):
            raise TypeError("section names must be strings")
        if not isinstance(option, str):
            raise TypeError("option keys must be strings")
        if (not self._allow_no_value or value) and not isinstance(value, str):
            raise TypeError("option values must be strings")

    @property
    def converters(self):
        return self._converters

    # --- the mapping of section name -> SectionProxy ---

    def __getitem__(self, key):
        if key != self.default_section and key not in self._sections:
            raise KeyError(key)
        return self._proxies[key]

    def __setitem__(self, key, value):
        # Assigning a mapping replaces the section's options (assigning a
        # section its own proxy changes nothing).
        if key in self and self[key] is value:
            return
        if key == self.default_section:
            self._defaults.clear()
        elif key in self._sections:
            self._sections[key].clear()
        self.read_dict({key: value})

    def __delitem__(self, key):
        if key == self.default_section:
            raise ValueError("Cannot remove the default section.")
        if key not in self._sections:
            raise KeyError(key)
        self.remove_section(key)

    def __contains__(self, key):
        return key == self.default_section or key in self._sections

    def __len__(self):
        return 1 + len(self._sections)

    def __iter__(self):
        yield self.default_section
        yield from self._sections

    def popitem(self):
        """Remove and return the first section's (name, proxy); DEFAULT stays."""
        for name in self.sections():
            proxy = self[name]
            del self[name]
            return name, proxy
        raise KeyError


class ConfigParser(RawConfigParser):
    """RawConfigParser with BasicInterpolation, accepting only str names and values."""

    _DEFAULT_INTERPOLATION = BasicInterpolation()

    def set(self, section, option, value=None):
        """Set an option (names and values must be str)."""
        self._validate_value_types(option=option, value=value)
        super().set(section, option, value)

    def add_section(self, section):
        """Create a new section (its name must be a str)."""
        self._validate_value_types(section=section)
        super().add_section(section)

    def _read_defaults(self, defaults):
        # defaults= values are stored as given, not checked for syntax.
        saved, self._interpolation = self._interpolation, Interpolation()
        try:
            self.read_dict({self.default_section: defaults})
        finally:
            self._interpolation = saved


class SafeConfigParser(ConfigParser):
    """Deprecated old name of ConfigParser."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        warnings.warn(
            "The SafeConfigParser class has been renamed to ConfigParser "
            "in Python 3.2. This alias will be removed in Python 3.12."
            " Use ConfigParser directly instead.",
            DeprecationWarning, stacklevel=2)


class SectionProxy(MutableMapping):
    """One section of a parser seen as a mapping of option -> value
    (DEFAULT's options included); it holds no data of its own."""

    def __init__(self, parser, name):
        self._parser = parser
        self._name = name

    def __repr__(self):
        return f"<Section: {self._name}>"

    @property
    def parser(self):
        return self._parser

    @property
    def name(self):
        return self._name

    def __getitem__(self, key):
        if not self._parser.has_option(self._name, key):
            raise KeyError(key)
        return self._parser.get(self._name, key)

    def __setitem__(self, key, value):
        self._parser._validate_value_types(option=key, value=value)
        return self._parser.set(self._name, key, value)

    def __delitem__(self, key):
        # Only the section's own options can go, not inherited defaults.
        if not (self._parser.has_option(self._name, key)
                and self._parser.remove_option(self._name, key)):
            raise KeyError(key)

    def __contains__(self, key):
        return self._parser.has_option(self._name, key)

    def _names(self):
        if self._name == self._parser.default_section:
            return list(self._parser.defaults())
        return self._parser.options(self._name)

    def __len__(self):
        return len(self._names())

    def __iter__(self):
        return iter(self._names())

    def get(self, option, fallback=None, *, raw=False, vars=None, _impl=None, **kwargs):
        """The option's value, or fallback (None) when it is missing."""
        read = _impl or self._parser.get
        return read(self._name, option, raw=raw, vars=vars, fallback=fallback, **kwargs)

    def __getattr__(self, name):
        # get<conv> for each of the parser's converters, built-in or added.
        if name.startswith('get') and name[3:] in self._parser._converters._data:
            return functools.partial(self.get, _impl=getattr(self._parser, name))
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


class ConverterMapping(MutableMapping):
    """A parser's converters by name: each gives the parser and its section
    proxies a get<name>() method. The built-in int, float and boolean map
    to None (their methods are the parser's own)."""

    GETTERCRE = re.compile(r"^get(?P<name>.+)$")

    def __init__(self, parser):
        self._parser = parser
        self._data = {}
        for attr in dir(parser):
            found = self.GETTERCRE.match(attr)
            if found and callable(getattr(parser, attr)):
                self._data[found.group('name')] = None

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise ValueError('Incompatible key: {} (type: {})'
                             ''.format(key, type(key)))
        if not key:
            raise ValueError('Incompatible key: cannot use "" as a name')
        self._data[key] = value

    def __delitem__(self, key):
        if not isinstance(key, str) or not key:
            raise KeyError(key)
        del self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)
