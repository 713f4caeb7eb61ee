# pprint for asy: CPython's layout rules. An object whose one-line repr fits
# in the room left is written as is; otherwise, when its type has a layout,
# it is broken over lines: containers one item per line (or packed, with
# compact=True), long strings and bytes as adjacent literals cut at word or
# 4-byte boundaries.
#
# Vocabulary used below: `indent` is the column the object starts at,
# `allowance` the characters that must still fit after it on its last line
# (closing brackets, a comma), `level` its nesting depth, and `context` the
# ids of the containers being laid out (for recursion markers).

import sys as _sys
import re as _re
import collections as _collections
import dataclasses as _dataclasses
import types as _types

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False,
           sort_dicts=True, underscore_numbers=False):
    """Pretty-print object to stream (sys.stdout by default), with a newline."""
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
            underscore_numbers=False):
    """The pretty-printed text of object."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """pprint() keeping dict insertion order unless told otherwise."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def _one_line(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)


def saferepr(object):
    """repr() that marks recursive structures instead of looping."""
    return _one_line(object)[0]


def isreadable(object):
    """Whether saferepr(object) could be eval()ed back."""
    return _one_line(object)[1]


def isrecursive(object):
    """Whether object contains itself."""
    return _one_line(object)[2]


class _OrderKey:
    # Sorting key that never raises: values that compare are ordered by
    # value, others by their type's name and then by identity.
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        try:
            return self.v < other.v
        except TypeError:
            return (str(type(self.v)), id(self.v)) < (str(type(other.v)), id(other.v))


def _pair_key(pair):
    return _OrderKey(pair[0]), _OrderKey(pair[1])


def _sorted_items(d):
    return sorted(d.items(), key=_pair_key)


def _recursion(object):
    return "<Recursion on %s with id=%s>" % (type(object).__name__, id(object))


def _has_generated_repr(object):
    # A dataclass instance whose __repr__ dataclasses wrote (not the user) is
    # laid out field by field; any other repr is taken as is.
    if isinstance(object, type) or not _dataclasses.is_dataclass(object):
        return False
    if not object.__dataclass_params__.repr:
        return False
    fn = type(object).__repr__
    inner = getattr(fn, "__wrapped__", None)
    if inner is not None and "__create_fn__" in getattr(inner, "__qualname__", ""):
        return True
    # asy's dataclasses builds __repr__ by exec in a namespace of its own.
    return "__create_fn__" in getattr(fn, "__globals__", {})


def _str_pieces(text, width, last_width):
    """The reprs of consecutive pieces of text: whole lines when their repr
    fits, else runs of words packed greedily. The very last piece must fit in
    last_width instead of width."""
    lines = text.splitlines(True)
    final_line = len(lines) - 1
    for n, line in enumerate(lines):
        room = last_width if n == final_line else width
        whole = repr(line)
        if len(whole) <= room:
            yield whole
            continue
        words = _re.findall(r"\S*\s*", line)[:-1]
        final_word = len(words) - 1
        yield from _packed(
            ((word, last_width if (n == final_line and k == final_word) else width)
             for k, word in enumerate(words)), "")


def _packed(pieces, empty):
    """Reprs of runs of consecutive pieces, packed greedily: each (piece, limit)
    joins the current run while the run's repr stays within limit."""
    held = empty
    for piece, limit in pieces:
        if len(repr(held + piece)) <= limit:
            held += piece
            continue
        if held:
            yield repr(held)
        held = piece
    if held:
        yield repr(held)


def _bytes_pieces(data, width, allowance):
    """Reprs of 4-byte groups of data packed greedily; the group holding the
    last bytes must also leave room for allowance."""
    tail_start = len(data) // 4 * 4
    yield from _packed(
        ((data[start:start + 4], width - allowance if start == tail_start else width)
         for start in range(0, len(data), 4)), b"")


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False,
                 sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = _sys.stdout if stream is None else stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    # --- public methods ---

    def pprint(self, object):
        if self._stream is not None:
            self._stream.write(self.pformat(object) + "\n")

    def pformat(self, object):
        out = []
        self._layout(object, out, 0, 0, {}, 0)
        return "".join(out)

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        _, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """(repr, readable, recursive) of object on one line; subclasses may
        override it to change how values print."""
        return self._safe_repr(object, context, maxlevels, level)

    # --- layout ---

    def _line(self, object, context, level):
        return self.format(object, dict(context), self._depth, level)[0]

    def _layout(self, object, out, indent, allowance, context, level):
        key = id(object)
        if key in context:
            out.append(_recursion(object))
            return
        text = self._line(object, context, level)
        if len(text) > self._width - indent - allowance:
            shape = _SHAPES.get(_repr_owner(type(object)))
            if shape is None and _has_generated_repr(object):
                shape = PrettyPrinter._dataclass_shape
            if shape is not None:
                context[key] = 1
                shape(self, object, out, indent, allowance, context, level + 1)
                del context[key]
                return
        out.append(text)

    def _pad(self, out):
        # indent > 1 also pads right after an opening bracket.
        if self._indent_per_level > 1:
            out.append(" " * (self._indent_per_level - 1))

    def _items(self, items, out, indent, allowance, context, level):
        """Values one per line at indent + indent-per-level; with compact=True
        as many one-line reprs per line as fit."""
        self._pad(out)
        indent += self._indent_per_level
        newline = ",\n" + " " * indent
        items = list(items)
        last = len(items) - 1
        room = full = self._width - indent + 1
        sep = ""
        for n, item in enumerate(items):
            if n == last:
                room -= allowance
                full -= allowance
            if self._compact:
                text = self._line(item, context, level)
                need = len(text) + 2
                if room < need:
                    room = full
                    if sep:
                        sep = newline
                if room >= need:
                    room -= need
                    out.append(sep)
                    out.append(text)
                    sep = ", "
                    continue
            out.append(sep)
            sep = newline
            self._layout(item, out, indent, allowance if n == last else 1, context, level)

    def _labelled(self, pairs, out, indent, allowance, context, level, as_keywords):
        """key: value lines of a mapping, or name=value lines of a namespace or
        dataclass (which do not step in, and show recursion as '...')."""
        if not as_keywords:
            indent += self._indent_per_level
        newline = ",\n" + " " * indent
        last = len(pairs) - 1
        for n, (key, value) in enumerate(pairs):
            if as_keywords:
                label = key + "="
            else:
                label = self._line(key, context, level) + ": "
            out.append(label)
            if as_keywords and id(value) in context:
                out.append("...")
            else:
                self._layout(value, out, indent + len(label), allowance if n == last else 1,
                             context, level)
            if n != last:
                out.append(newline)

    def _bracketed(self, items, out, opener, closer, indent, allowance, context, level):
        out.append(opener)
        self._items(items, out, indent, allowance + len(closer), context, level)
        out.append(closer)

    def _mapping(self, pairs, out, opener, closer, indent, allowance, context, level):
        out.append(opener)
        self._pad(out)
        if pairs:
            self._labelled(pairs, out, indent, allowance + len(closer), context, level, False)
        out.append(closer)

    def _dict_pairs(self, d):
        return _sorted_items(d) if self._sort_dicts else list(d.items())

    # --- one shape per type, registered in _SHAPES by the class giving the repr ---

    def _dict_shape(self, d, out, indent, allowance, context, level):
        self._mapping(self._dict_pairs(d) if d else [], out, "{", "}", indent, allowance, context, level)

    def _list_shape(self, seq, out, indent, allowance, context, level):
        self._bracketed(seq, out, "[", "]", indent, allowance, context, level)

    def _tuple_shape(self, seq, out, indent, allowance, context, level):
        self._bracketed(seq, out, "(", ",)" if len(seq) == 1 else ")", indent, allowance, context, level)

    def _set_shape(self, s, out, indent, allowance, context, level):
        if not s:
            out.append(repr(s))
            return
        members = sorted(s, key=_OrderKey)
        if type(s) is set:
            self._bracketed(members, out, "{", "}", indent, allowance, context, level)
        else:
            name = type(s).__name__
            self._bracketed(members, out, name + "({", "})", indent + len(name) + 1, allowance, context, level)

    def _str_shape(self, text, out, indent, allowance, context, level):
        if not text:
            out.append(repr(text))
            return
        outermost = level == 1
        if outermost:
            indent += 1
            allowance += 1
        width = self._width - indent
        pieces = list(_str_pieces(text, width, width - allowance))
        if len(pieces) == 1:
            out.append(pieces[0])
        else:
            self._stacked(pieces, out, indent, outermost)

    def _bytes_shape(self, data, out, indent, allowance, context, level):
        if len(data) <= 4:
            out.append(repr(data))
            return
        outermost = level == 1
        if outermost:
            indent += 1
            allowance += 1
        self._stacked(list(_bytes_pieces(data, self._width - indent, allowance)), out, indent, outermost)

    def _stacked(self, pieces, out, indent, parens):
        # Adjacent literals, one per line, aligned at indent.
        if parens:
            out.append("(")
        out.append(("\n" + " " * indent).join(pieces))
        if parens:
            out.append(")")

    def _bytearray_shape(self, data, out, indent, allowance, context, level):
        out.append("bytearray(")
        self._bytes_shape(bytes(data), out, indent + 10, allowance + 1, context, level + 1)
        out.append(")")

    def _keywords_shape(self, name, pairs, out, indent, allowance, context, level):
        out.append(name + "(")
        self._labelled(pairs, out, indent + len(name) + 1, allowance, context, level, True)
        out.append(")")

    def _namespace_shape(self, ns, out, indent, allowance, context, level):
        name = "namespace" if type(ns) is _types.SimpleNamespace else type(ns).__name__
        self._keywords_shape(name, list(ns.__dict__.items()), out, indent, allowance, context, level)

    def _dataclass_shape(self, obj, out, indent, allowance, context, level):
        pairs = [(f.name, getattr(obj, f.name)) for f in _dataclasses.fields(obj) if f.repr]
        self._keywords_shape(type(obj).__name__, pairs, out, indent, allowance, context, level)

    def _mappingproxy_shape(self, proxy, out, indent, allowance, context, level):
        out.append("mappingproxy(")
        self._layout(proxy.copy(), out, indent + 13, allowance + 1, context, level)
        out.append(")")

    def _ordered_dict_shape(self, d, out, indent, allowance, context, level):
        if not d:
            out.append(repr(d))
            return
        name = type(d).__name__
        out.append(name + "(")
        self._layout(list(d.items()), out, indent + len(name) + 1, allowance + 1, context, level)
        out.append(")")

    def _default_dict_shape(self, d, out, indent, allowance, context, level):
        if not d:
            out.append(repr(d))
            return
        name = type(d).__name__
        indent += len(name) + 1
        out.append("%s(%s,\n%s" % (name, self._line(d.default_factory, context, level), " " * indent))
        self._dict_shape(d, out, indent, allowance + 1, context, level)
        out.append(")")

    def _counter_shape(self, c, out, indent, allowance, context, level):
        if not c:
            out.append(repr(c))
            return
        name = type(c).__name__
        self._mapping(c.most_common(), out, name + "({", "})", indent + len(name) + 1, allowance, context, level)

    def _chain_map_shape(self, cm, out, indent, allowance, context, level):
        maps = cm.maps
        if not maps or (len(maps) == 1 and not maps[0]):
            out.append(repr(cm))
            return
        name = type(cm).__name__
        indent += len(name) + 1
        out.append(name + "(")
        last = len(maps) - 1
        for n, m in enumerate(maps):
            self._layout(m, out, indent, allowance + 1 if n == last else 1, context, level)
            out.append(")" if n == last else ",\n" + " " * indent)

    def _deque_shape(self, dq, out, indent, allowance, context, level):
        if not dq:
            out.append(repr(dq))
            return
        name = type(dq).__name__
        indent += len(name) + 1
        if dq.maxlen is None:
            self._bracketed(dq, out, name + "([", "])", indent, allowance, context, level)
            return
        out.append(name + "([")
        self._items(dq, out, indent, 2, context, level)
        out.append("],\n%smaxlen=%s)" % (" " * indent, self._line(dq.maxlen, context, level)))

    # --- one-line reprs with depth limits and recursion guards ---

    def _safe_repr(self, object, context, maxlevels, level):
        # In Go unless format() is overridden: an overriding format() must
        # see every nested call.
        if _go_safe_repr is not None and type(self).format is _base_format:
            return _go_safe_repr(object, context, maxlevels, level, self._sort_dicts,
                                 self._underscore_numbers, self._safe_repr_py)
        return self._safe_repr_py(object, context, maxlevels, level)

    def _safe_repr_py(self, object, context, maxlevels, level):
        kind = type(object)
        if kind in _SCALARS:
            return repr(object), True, False
        owner = _repr_owner(kind)
        if owner is int:
            if self._underscore_numbers:
                return f"{object:_d}", True, False
            return repr(object), True, False
        frame = _FRAMES.get(owner)
        if frame is None:
            text = repr(object)
            return text, bool(text) and not text.startswith("<"), False
        left, right = frame
        if not object:
            return left + right, True, False
        if owner is tuple and len(object) == 1:
            right = ",)"
        key = id(object)
        if maxlevels and level >= maxlevels:
            return left + "..." + right, False, key in context
        if key in context:
            return _recursion(object), False, True
        context[key] = 1
        readable, recursive = True, False
        parts = []
        level += 1
        if owner is dict:
            for k, v in self._dict_pairs(object):
                ktext, kok, krec = self.format(k, context, maxlevels, level)
                vtext, vok, vrec = self.format(v, context, maxlevels, level)
                parts.append(ktext + ": " + vtext)
                readable = readable and kok and vok
                recursive = recursive or krec or vrec
        else:
            for item in object:
                text, ok, rec = self.format(item, context, maxlevels, level)
                parts.append(text)
                readable = readable and ok
                recursive = recursive or rec
        del context[key]
        return left + ", ".join(parts) + right, readable, recursive


_base_format = PrettyPrinter.format


def _repr_owner(kind):
    # The class whose __repr__ instances of kind print with: a subclass that
    # keeps its base's repr is laid out like the base, one with a repr of its
    # own is printed as that repr. (Looked up by class rather than by
    # comparing __repr__ functions, which built-in types need not have
    # distinct.)
    for k in kind.__mro__:
        if k in _KNOWN or "__repr__" in k.__dict__:
            return k
    return object

_SCALARS = frozenset([str, bytes, bytearray, float, complex, bool, type(None)])

# Brackets of the containers whose one-line repr pprint builds itself.
_FRAMES = {dict: ("{", "}"), list: ("[", "]"), tuple: ("(", ")")}

# Layouts by the class providing an object's repr (see _repr_owner).
_SHAPES = {
    dict: PrettyPrinter._dict_shape,
    list: PrettyPrinter._list_shape,
    tuple: PrettyPrinter._tuple_shape,
    set: PrettyPrinter._set_shape,
    frozenset: PrettyPrinter._set_shape,
    str: PrettyPrinter._str_shape,
    bytes: PrettyPrinter._bytes_shape,
    bytearray: PrettyPrinter._bytearray_shape,
    _types.SimpleNamespace: PrettyPrinter._namespace_shape,
    _types.MappingProxyType: PrettyPrinter._mappingproxy_shape,
    _collections.OrderedDict: PrettyPrinter._ordered_dict_shape,
    _collections.defaultdict: PrettyPrinter._default_dict_shape,
    _collections.Counter: PrettyPrinter._counter_shape,
    _collections.ChainMap: PrettyPrinter._chain_map_shape,
    _collections.deque: PrettyPrinter._deque_shape,
}

_KNOWN = frozenset(_SHAPES) | {int}

try:
    from _pprint import safe_reprer as _safe_reprer
except ImportError:
    _go_safe_repr = None
else:
    _go_safe_repr = _safe_reprer(_sorted_items)
