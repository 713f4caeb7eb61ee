# json.encoder for asy: JSONEncoder as CPython's. encode() and one-shot
# iterencode() run the native Go encoder (_json.make_encoder), indented
# output included; iterencode() called directly yields the same chunks
# CPython's pure-Python encoder does.

from _json import encode_basestring_ascii, encode_basestring, make_encoder as _make_encoder

__all__ = ['JSONEncoder']

INFINITY = float('inf')


class JSONEncoder(object):
    """Encodes Python values as JSON; subclass it and override default()
    to encode other types (json.dumps(obj, cls=MyEncoder))."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable value for o, or raise TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        """The JSON text of o."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o, in pieces."""
        markers = {} if self.check_circular else None
        encoder = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        if _one_shot:
            return _make_encoder(markers, self.default, encoder, indent, self.key_separator,
                                 self.item_separator, self.sort_keys, self.skipkeys,
                                 self.allow_nan)(o, 0)
        return _Chunks(markers, self.default, encoder, indent, self.key_separator,
                       self.item_separator, self.sort_keys, self.skipkeys,
                       self.allow_nan).value(o, 0)


class _Chunks:
    # The chunked encoder behind a direct iterencode() call: its pieces are
    # CPython's (a container's opening and each item's separator travel
    # with the scalar that follows them).

    def __init__(self, markers, default, encoder, indent, key_sep, item_sep, sort_keys,
                 skipkeys, allow_nan):
        self.markers, self.default, self.encoder, self.indent = markers, default, encoder, indent
        self.key_sep, self.item_sep, self.sort_keys = key_sep, item_sep, sort_keys
        self.skipkeys, self.allow_nan = skipkeys, allow_nan

    def floatstr(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant: ' + repr(o))
        return text

    def scalar(self, o):
        # The text of a str/None/bool/int/float, or None for anything else.
        if isinstance(o, str):
            return self.encoder(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self.floatstr(o)
        return None

    def enter(self, o):
        if self.markers is not None:
            if id(o) in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[id(o)] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def value(self, o, level):
        text = self.scalar(o)
        if text is not None:
            yield text
        elif isinstance(o, (list, tuple)):
            yield from self.array(o, level)
        elif isinstance(o, dict):
            yield from self.object(o, level)
        else:
            self.enter(o)
            yield from self.value(self.default(o), level)
            self.leave(o)

    def opening(self, bracket, level):
        # (first chunk, separator between items, closing indent, level)
        if self.indent is None:
            return bracket, self.item_sep, '', level
        level += 1
        pad = '\n' + self.indent * level
        return bracket + pad, self.item_sep + pad, '\n' + self.indent * (level - 1), level

    def array(self, lst, level):
        if not lst:
            yield '[]'
            return
        self.enter(lst)
        buf, sep, closing, level = self.opening('[', level)
        first = True
        for v in lst:
            if not first:
                buf = sep
            first = False
            text = self.scalar(v)
            if text is not None:
                yield buf + text
            else:
                yield buf
                yield from self.value(v, level)
        if closing:
            yield closing
        yield ']'
        self.leave(lst)

    def key(self, k):
        if isinstance(k, str):
            return k
        if isinstance(k, float):
            return self.floatstr(k)
        if k is True:
            return 'true'
        if k is False:
            return 'false'
        if k is None:
            return 'null'
        if isinstance(k, int):
            return int.__repr__(k)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not {k.__class__.__name__}')

    def object(self, dct, level):
        if not dct:
            yield '{}'
            return
        self.enter(dct)
        opening, sep, closing, level = self.opening('{', level)
        yield '{'
        if opening != '{':
            yield opening[1:]
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for k, v in items:
            k = self.key(k)
            if k is None:
                continue
            if not first:
                yield sep
            first = False
            yield self.encoder(k)
            yield self.key_sep
            text = self.scalar(v)
            if text is not None:
                yield text
            else:
                yield from self.value(v, level)
        if closing:
            yield closing
        yield '}'
        self.leave(dct)
