# string for asy: the character-class constants, capwords, and Template.
# Template scans its text by hand (no regular expression), accepting what
# CPython's default pattern accepts:
#   $$ -> escaped, $identifier -> named, ${identifier} -> braced,
#   any other $ -> invalid.
# A subclass may change delimiter; idpattern/pattern overrides (regexes)
# are not supported.

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

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
