# json for asy: dumps/dump and loads/load with CPython's output (separators,
# indent, sort_keys, ensure_ascii, default) and its error messages.

__all__ = ["dumps", "dump", "loads", "load", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        super().__init__(f"{msg}: line {lineno} column {colno} (char {pos})")
        self.msg, self.doc, self.pos, self.lineno, self.colno = msg, doc, pos, lineno, colno


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _quote(s, ensure_ascii):
    out = ['"']
    for ch in s:
        e = _ESCAPES.get(ch)
        if e is not None:
            out.append(e)
            continue
        n = ord(ch)
        if n < 0x20 or (ensure_ascii and n > 0x7e):
            if n > 0xffff:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
            else:
                out.append("\\u%04x" % n)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _float(f, allow_nan):
    if f != f:
        text = "NaN"
    elif f == float("inf"):
        text = "Infinity"
    elif f == float("-inf"):
        text = "-Infinity"
    else:
        return repr(f)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class _Encoder:
    def __init__(self, skipkeys, ensure_ascii, allow_nan, indent, separators, default, sort_keys):
        if isinstance(indent, int):
            indent = " " * indent
        self.indent = indent
        if separators is None:
            separators = (", ", ": ") if indent is None else (",", ": ")
        self.item_sep, self.key_sep = separators
        self.skipkeys, self.ensure_ascii, self.allow_nan = skipkeys, ensure_ascii, allow_nan
        self.default, self.sort_keys = default, sort_keys
        self.seen = set()

    def encode(self, o, level=0):
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, str):
            return _quote(o, self.ensure_ascii)
        if isinstance(o, int):
            return str(int(o))
        if isinstance(o, float):
            return _float(o, self.allow_nan)
        if isinstance(o, (list, tuple)):
            return self._seq(o, level)
        if isinstance(o, dict):
            return self._dict(o, level)
        if self.default is None:
            raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")
        return self._nested(o, lambda: self.encode(self.default(o), level))

    def _nested(self, o, fn):
        if id(o) in self.seen:
            raise ValueError("Circular reference detected")
        self.seen.add(id(o))
        try:
            return fn()
        finally:
            self.seen.discard(id(o))

    def _wrap(self, open_, items, close, level):
        if not items:
            return open_ + close
        if self.indent is None:
            return open_ + self.item_sep.join(items) + close
        pad = "\n" + self.indent * (level + 1)
        return open_ + pad + (self.item_sep + pad).join(items) + "\n" + self.indent * level + close

    def _seq(self, o, level):
        return self._nested(o, lambda: self._wrap("[", [self.encode(v, level + 1) for v in o], "]", level))

    def _key(self, k):
        if isinstance(k, str):
            return k
        if k is True:
            return "true"
        if k is False:
            return "false"
        if k is None:
            return "null"
        if isinstance(k, int):
            return str(int(k))
        if isinstance(k, float):
            return _float(k, self.allow_nan)
        if self.skipkeys:
            return None
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")

    def _dict(self, o, level):
        def body():
            pairs = o.items()
            if self.sort_keys:
                pairs = sorted(pairs)
            items = []
            for k, v in pairs:
                key = self._key(k)
                if key is None:
                    continue
                items.append(_quote(key, self.ensure_ascii) + self.key_sep + self.encode(v, level + 1))
            return self._wrap("{", items, "}", level)
        return self._nested(o, body)


class JSONEncoder:
    """The encoder dumps uses; subclass it and override default() to encode
    other types (json.dumps(obj, cls=MyEncoder))."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys, self.ensure_ascii, self.check_circular = skipkeys, ensure_ascii, check_circular
        self.allow_nan, self.sort_keys, self.indent = allow_nan, sort_keys, indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        return _Encoder(self.skipkeys, self.ensure_ascii, self.allow_nan, self.indent,
                        (self.item_separator, self.key_separator), self.default,
                        self.sort_keys).encode(o)

    def iterencode(self, o, _one_shot=False):
        yield self.encode(o)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        return _Encoder(skipkeys, ensure_ascii, allow_nan, indent, separators, default, sort_keys).encode(obj)
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


_WS = " \t\n\r"
_NUMBER_CHARS = "0123456789+-.eE"


class _Decoder:
    def __init__(self, doc, object_hook, parse_float, parse_int, object_pairs_hook):
        self.doc = doc
        self.object_hook, self.object_pairs_hook = object_hook, object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int

    def ws(self, i):
        doc = self.doc
        while i < len(doc) and doc[i] in _WS:
            i += 1
        return i

    def value(self, i):
        doc = self.doc
        if i >= len(doc):
            raise JSONDecodeError("Expecting value", doc, i)
        c = doc[i]
        if c == '"':
            return self.string(i + 1)
        if c == "{":
            return self.object(i + 1)
        if c == "[":
            return self.array(i + 1)
        for word, val in (("null", None), ("true", True), ("false", False), ("NaN", float("nan")),
                          ("Infinity", float("inf")), ("-Infinity", float("-inf"))):
            if doc.startswith(word, i):
                return val, i + len(word)
        if c == "-" or c.isdigit():
            return self.number(i)
        raise JSONDecodeError("Expecting value", doc, i)

    def number(self, i):
        doc = self.doc
        j = i
        if doc[j] == "-":
            j += 1
        if j >= len(doc) or not doc[j].isdigit():
            raise JSONDecodeError("Expecting value", doc, i)
        if doc[j] == "0":
            j += 1
        else:
            while j < len(doc) and doc[j].isdigit():
                j += 1
        is_float = False
        if j + 1 < len(doc) and doc[j] == "." and doc[j + 1].isdigit():
            is_float = True
            j += 1
            while j < len(doc) and doc[j].isdigit():
                j += 1
        if j < len(doc) and doc[j] in "eE":
            k = j + 1
            if k < len(doc) and doc[k] in "+-":
                k += 1
            if k < len(doc) and doc[k].isdigit():
                is_float = True
                j = k
                while j < len(doc) and doc[j].isdigit():
                    j += 1
        text = doc[i:j]
        return (self.parse_float(text) if is_float else self.parse_int(text)), j

    def string(self, i):
        doc = self.doc
        start = i - 1
        out = []
        while True:
            if i >= len(doc):
                raise JSONDecodeError("Unterminated string starting at", doc, start)
            c = doc[i]
            if c == '"':
                return "".join(out), i + 1
            if c == "\\":
                i += 1
                if i >= len(doc):
                    raise JSONDecodeError("Unterminated string starting at", doc, start)
                e = doc[i]
                if e == "u":
                    hexs = doc[i + 1:i + 5]
                    if len(hexs) != 4 or any(h not in "0123456789abcdefABCDEF" for h in hexs):
                        raise JSONDecodeError("Invalid \\uXXXX escape", doc, i - 1)
                    n = int(hexs, 16)
                    i += 5
                    if 0xd800 <= n < 0xdc00 and doc[i:i + 2] == "\\u":
                        low = int(doc[i + 2:i + 6], 16)
                        if 0xdc00 <= low < 0xe000:
                            n = 0x10000 + ((n - 0xd800) << 10) + (low - 0xdc00)
                            i += 6
                    out.append(chr(n))
                    continue
                simple = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
                if e not in simple:
                    raise JSONDecodeError("Invalid \\escape", doc, i - 1)
                out.append(simple[e])
                i += 1
                continue
            if ord(c) < 0x20:
                raise JSONDecodeError("Invalid control character at", doc, i)
            out.append(c)
            i += 1

    def object(self, i):
        doc = self.doc
        pairs = []
        i = self.ws(i)
        if i < len(doc) and doc[i] == "}":
            return self.finish(pairs), i + 1
        while True:
            i = self.ws(i)
            if i >= len(doc) or doc[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", doc, i)
            key, i = self.string(i + 1)
            i = self.ws(i)
            if i >= len(doc) or doc[i] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", doc, i)
            i = self.ws(i + 1)
            val, i = self.value(i)
            pairs.append((key, val))
            i = self.ws(i)
            if i < len(doc) and doc[i] == "}":
                return self.finish(pairs), i + 1
            if i >= len(doc) or doc[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i += 1

    def finish(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, i):
        doc = self.doc
        items = []
        i = self.ws(i)
        if i < len(doc) and doc[i] == "]":
            return items, i + 1
        while True:
            i = self.ws(i)
            val, i = self.value(i)
            items.append(val)
            i = self.ws(i)
            if i < len(doc) and doc[i] == "]":
                return items, i + 1
            if i >= len(doc) or doc[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i += 1


class JSONDecoder:
    """The decoder loads uses (json.loads(s, cls=MyDecoder))."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook, self.parse_float, self.parse_int = object_hook, parse_float, parse_int
        self.parse_constant, self.strict, self.object_pairs_hook = parse_constant, strict, object_pairs_hook

    def raw_decode(self, s, idx=0):
        d = _Decoder(s, self.object_hook, self.parse_float, self.parse_int, self.object_pairs_hook)
        return d.value(d.ws(idx))

    def decode(self, s):
        val, i = self.raw_decode(s)
        d = _Decoder(s, None, None, None, None)
        i = d.ws(i)
        if i != len(s):
            raise JSONDecodeError("Extra data", s, i)
        return val


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = s.decode("utf-8")
    if not isinstance(s, str):
        raise TypeError(f"the JSON object must be str, bytes or bytearray, not {type(s).__name__}")
    return (cls or JSONDecoder)(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
                                parse_constant=parse_constant, object_pairs_hook=object_pairs_hook,
                                **kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
