# string for asy: the character-class constants, capwords, and Template.
# Template scans its text by hand (no regular expression), accepting what
# CPython's default pattern accepts:
#   $$ -> escaped, $identifier -> named, ${identifier} -> braced,
#   any other $ -> invalid.
# A subclass may change delimiter; idpattern/pattern overrides (regexes)
# are not supported. Formatter is str.format's machinery with hooks, over
# the parser in _string.

import _string

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_id_start = frozenset('_' + ascii_letters)
_id_rest = frozenset('_' + ascii_letters + digits)


def _ident_end(text, i):
    # End of the (ASCII) identifier starting at i, or i when there is none.
    n = len(text)
    if i < n and text[i] in _id_start:
        i += 1
        while i < n and text[i] in _id_rest:
            i += 1
    return i


class _Match:
    __slots__ = ('kind', 'start', 'end', 'name')

    def __init__(self, kind, start, end, name):
        self.kind = kind      # 'escaped', 'named', 'braced' or 'invalid'
        self.start = start    # where the delimiter starts
        self.end = end        # just past the placeholder
        self.name = name


_sentinel_dict = {}


class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # Yields a _Match for every delimiter occurrence, left to right.
        text = self.template
        delim = self.delimiter
        dl = len(delim)
        i = 0
        while True:
            start = text.find(delim, i)
            if start < 0:
                return
            j = start + dl
            if text.startswith(delim, j):
                yield _Match('escaped', start, j + dl, None)
                i = j + dl
                continue
            end = _ident_end(text, j)
            if end > j:
                yield _Match('named', start, end, text[j:end])
                i = end
                continue
            if text.startswith('{', j):
                end = _ident_end(text, j + 1)
                if end > j + 1 and text.startswith('}', end):
                    yield _Match('braced', start, end + 1, text[j + 1:end])
                    i = end + 1
                    continue
            # The invalid group matches the empty string after the delimiter.
            yield _Match('invalid', start, j, None)
            i = j

    def _invalid(self, m):
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % _line_and_column(self.template, m.end))

    def _render(self, convert):
        text = self.template
        out = []
        pos = 0
        for m in self._scan():
            out.append(text[pos:m.start])
            out.append(convert(m))
            pos = m.end
        out.append(text[pos:])
        return ''.join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        lookup = _lookup(mapping, kws)

        def convert(m):
            if m.kind == 'named' or m.kind == 'braced':
                return '%s' % (lookup(m.name),)
            if m.kind == 'escaped':
                return self.delimiter
            self._invalid(m)

        return self._render(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        lookup = _lookup(mapping, kws)

        def convert(m):
            if m.kind == 'named' or m.kind == 'braced':
                try:
                    return '%s' % (lookup(m.name),)
                except KeyError:
                    return self.template[m.start:m.end]
            return self.delimiter

        return self._render(convert)

    def is_valid(self):
        for m in self._scan():
            if m.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for m in self._scan():
            if m.name is not None and m.name not in ids:
                ids.append(m.name)
        return ids


def _line_and_column(text, offset):
    # Where offset falls, counting from 1 and with every line break
    # str.splitlines knows; the column is measured up to and including
    # offset's own character, so a break just before it ends the
    # previous line rather than starting a new one.
    lines = text[:offset].splitlines(True)
    if not lines:
        return 1, 1
    return len(lines), len(lines[-1])


def _lookup(mapping, kws):
    # The placeholder-name -> value function of a substitution. Keywords
    # shadow the mapping, as CPython's ChainMap(kws, mapping) does; with
    # no mapping passed, only the keywords count.
    if not kws:
        return lambda name: mapping[name]
    if mapping is _sentinel_dict:
        return lambda name: kws[name]
    return lambda name: kws[name] if name in kws else mapping[name]


class Formatter:
    # vformat expands a format string field by field through the hooks
    # below (parse, get_field, get_value, convert_field, format_field,
    # check_unused_args), which subclasses override.

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used = set()
        text = _Expansion(self, args, kwargs, used).expand(format_string, 2)
        self.check_unused_args(used, args, kwargs)
        return text

    def parse(self, format_string):
        return _string.formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        # The object a field names, and the argument it came from.
        first, accessors = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attribute, key in accessors:
            obj = getattr(obj, key) if is_attribute else obj[key]
        return obj, first

    def get_value(self, key, args, kwargs):
        return args[key] if isinstance(key, int) else kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        convert = _conversions.get(conversion)
        if convert is None:
            raise ValueError("Unknown conversion specifier {0!s}".format(conversion))
        return convert(value)


_conversions = {None: lambda value: value, 's': str, 'r': repr, 'a': ascii}

_SWITCHED = 'cannot switch from manual field specification to automatic field numbering'


class _Expansion:
    # One vformat call. Fields are numbered automatically ("{}") or by hand
    # ("{0}"), never both; nested specs share the numbering of the field
    # they belong to, and nest at most two deep.

    def __init__(self, formatter, args, kwargs, used):
        self.formatter = formatter
        self.args = args
        self.kwargs = kwargs
        self.used = used
        self.next_auto = 0  # None once a field was numbered by hand

    def number(self, name):
        if name == '':
            if self.next_auto is None:
                raise ValueError(_SWITCHED)
            self.next_auto += 1
            return str(self.next_auto - 1)
        if name.isdigit():
            if self.next_auto:
                raise ValueError(_SWITCHED)
            self.next_auto = None
        return name

    def expand(self, text, depth):
        if depth < 0:
            raise ValueError('Max string recursion exceeded')
        fmt = self.formatter
        out = []
        for literal, name, spec, conversion in fmt.parse(text):
            out.append(literal)
            if name is None:
                continue
            obj, key = fmt.get_field(self.number(name), self.args, self.kwargs)
            self.used.add(key)
            obj = fmt.convert_field(obj, conversion)
            out.append(fmt.format_field(obj, self.expand(spec, depth - 1)))
        return ''.join(out)
