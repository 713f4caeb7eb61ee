"""xml.etree.ElementPath: the XPath subset of Element.find/findall/iterfind/findtext.

Supported: tag, {uri}tag, prefix:tag (with namespaces=), *, {*}tag, {uri}*, {}*, ., .., //,
[@attrib], [@attrib='value'], [@attrib!='value'], [tag], [tag='text'], [.='text'], [n],
[last()], [last()-n].

A path is compiled into a list of steps; each step maps an iterable of elements to an
iterator of elements, and a search chains them lazily from [elem]. Tokens are pulled from
the tokenizer one at a time while compiling, so the first error met left to right is the
one reported, as in CPython.
"""

import re

# The token grammar: an operator (quoted literal, '::', '/', '//', '..', '()', '!=' or a
# single punctuation character) in group 1, or a name (optionally {uri}-qualified) in
# group 2. Whitespace matches with both groups empty; anything else is skipped.
xpath_tokenizer_re = re.compile(
    r"('[^']*'|\"[^\"]*\"|::|//?|\.\.|\(\)|!=|[/.*:\[\]\(\)@=])|"
    r"((?:\{[^}]+\})?[^/\[\]\(\)@!=\s]+)|"
    r"\s+")


def _qualify(name, namespaces, default_uri):
    """name with a prefix: or the default namespace resolved to {uri}."""
    prefix, colon, local = name.partition(":")
    if colon:
        uri = namespaces.get(prefix) if namespaces else None
        if uri is None:
            raise SyntaxError("prefix %r not found in prefix map" % prefix)
        return "{%s}%s" % (uri, local)
    if default_uri:
        return "{%s}%s" % (default_uri, name)
    return name


def xpath_tokenizer(pattern, namespaces=None):
    """(operator, name) pairs of pattern, names resolved against namespaces.

    The default namespace ('' key) applies to element names, never to the
    name right after '@'."""
    default_uri = namespaces.get("") if namespaces else None
    after_at = False
    for op, name in xpath_tokenizer_re.findall(pattern):
        if name and name[0] != "{":
            yield op, _qualify(name, namespaces, None if after_at else default_uri)
            after_at = False
        else:
            yield op, name
            after_at = op == "@"


class _Search:
    """What the steps of one search share: the element searched from, and
    (built on first use by '..' or a position test) a child -> parent map."""

    def __init__(self, root):
        self.root = root
        self._parents = None

    def parent_of(self, elem):
        if self._parents is None:
            self._parents = {kid: node for node in self.root.iter() for kid in node}
        return self._parents.get(elem)


# --- tag tests --------------------------------------------------------------------------

def _tag_test(tag):
    """A predicate on element tags for a name token, wildcards included."""
    if tag[:3] == "{*}" or tag[-2:] == "}*":
        if tag == "{*}*":
            return lambda t: type(t) is str
        if tag == "{}*":
            return lambda t: type(t) is str and t[:1] != "{"
        if tag[:3] == "{*}":
            local = tag[3:]
            qualified_end = "}" + local
            return lambda t: t == local or (type(t) is str and t[:1] == "{" and t.endswith(qualified_end))
        uri_part = tag[:-1]          # "{uri}"
        return lambda t: type(t) is str and t.startswith(uri_part)
    if tag[:2] == "{}":
        tag = tag[2:]                # '{}name' is name in no namespace
    return lambda t: t == tag


# --- steps ------------------------------------------------------------------------------

def _children(test):
    def step(search, elems):
        for elem in elems:
            for kid in elem:
                if test(kid.tag):
                    yield kid
    return step


def _all_children(search, elems):
    for elem in elems:
        yield from elem


def _same(search, elems):
    return elems


def _parents(search, elems):
    # Each parent once, in the order first reached.
    seen = set()
    for elem in elems:
        up = search.parent_of(elem)
        if up is not None and up not in seen:
            seen.add(up)
            yield up


def _descendants(tag):
    if tag != "*" and (tag[:3] == "{*}" or tag[-2:] == "}*"):
        test = _tag_test(tag)
        def step(search, elems):
            for elem in elems:
                for d in elem.iter():
                    if d is not elem and test(d.tag):
                        yield d
    else:
        if tag[:2] == "{}":
            tag = tag[2:]
        def step(search, elems):
            for elem in elems:
                for d in elem.iter(tag):
                    if d is not elem:
                        yield d
    return step


def _filter(keep):
    """A step keeping the elements for which keep(search, elem) is true."""
    def step(search, elems):
        for elem in elems:
            if keep(search, elem):
                yield elem
    return step


def _text_of(elem):
    return "".join(elem.itertext())


_INTEGER = re.compile(r"-?\d+$")


def _at_position(index):
    """Keep an element when it is its parent's index-th child of its tag."""
    def keep(search, elem):
        up = search.parent_of(elem)
        if up is None:
            return False
        same_tag = up.findall(elem.tag)
        try:
            return same_tag[index] is elem
        except IndexError:
            return False
    return _filter(keep)


def _predicate(shape, words):
    """The step for a [...] test. shape spells the test's tokens: '-' a name, "'" a
    quoted literal, other characters the operators themselves; words holds the names
    and literals in order."""
    if shape == "@-":
        key = words[1]
        return _filter(lambda s, e: e.get(key) is not None)
    if shape == "@-='":
        key, value = words[1], words[-1]
        return _filter(lambda s, e: e.get(key) == value)
    if shape == "@-!='":
        # Only elements that have the attribute can differ from the value.
        key, value = words[1], words[-1]
        return _filter(lambda s, e: e.get(key, value) != value)
    first = words[0] if words else ""
    numeric = _INTEGER.match(first) is not None
    if shape == "-" and not numeric:
        return _filter(lambda s, e: e.find(first) is not None)
    if shape in (".='", ".!='"):
        value, want = words[-1], "!" not in shape
        return _filter(lambda s, e: (_text_of(e) == value) is want)
    if shape in ("-='", "-!='") and not numeric:
        value, want = words[-1], "!" not in shape
        return _filter(lambda s, e: any((_text_of(k) == value) is want for k in e.findall(first)))
    if shape == "-":
        if int(first) < 1:
            raise SyntaxError("XPath position >= 1 expected")
        return _at_position(int(first) - 1)
    if shape in ("-()", "-()-"):
        if first != "last":
            raise SyntaxError("unsupported function")
        if shape == "-()":
            return _at_position(-1)
        try:
            offset = int(words[2])
        except ValueError:
            raise SyntaxError("unsupported expression")
        if offset >= 0:
            raise SyntaxError("XPath offset from last() must be negative")
        return _at_position(offset - 1)
    raise SyntaxError("invalid predicate")


# --- compiling --------------------------------------------------------------------------

class _Compiler:
    """Turns a token stream into steps; each handler consumes the tokens of one step."""

    def __init__(self, tokens):
        self._pull = tokens.__next__

    def _child(self, name):
        return _children(_tag_test(name))

    def _star(self, name):
        return _all_children

    def _self(self, name):
        return _same

    def _up(self, name):
        return _parents

    def _deep(self, name):
        op, target = self._pull()
        if op == "*":
            return _descendants("*")
        if op:
            raise SyntaxError("invalid descendant")
        return _descendants(target)

    def _test(self, name):
        shape, words = [], []
        while True:
            try:
                op, word = self._pull()
            except StopIteration:
                # An unclosed '[' leaves no step, and applying it fails as
                # CPython's does (TypeError: 'NoneType' object is not callable).
                return None
            if op == "]":
                break
            if not op and not word:
                continue            # whitespace inside brackets is insignificant
            if op[:1] in ("'", '"'):
                op, word = "'", op[1:-1]
            shape.append(op or "-")
            words.append(word)
        return _predicate("".join(shape), words)

    _handlers = {"": _child, "*": _star, ".": _self, "..": _up, "//": _deep, "[": _test}

    def steps(self):
        out = []
        try:
            op, name = self._pull()
        except StopIteration:
            return out
        while True:
            handler = self._handlers[op]       # an unknown operator raises KeyError(op)
            try:
                out.append(handler(self, name))
            except StopIteration:
                raise SyntaxError("invalid path") from None
            try:
                op, name = self._pull()
                if op == "/":
                    op, name = self._pull()
            except StopIteration:
                return out


_compiled = {}


def _steps_for(path, namespaces):
    key = (path, tuple(sorted(namespaces.items())) if namespaces else None)
    steps = _compiled.get(key)
    if steps is None:
        if path[-1:] == "/":
            path += "*"                        # 'a/' means 'a/*'
        if path[:1] == "/":
            raise SyntaxError("cannot use absolute path on element")
        steps = _Compiler(xpath_tokenizer(path, namespaces)).steps()
        if len(_compiled) >= 100:
            _compiled.clear()
        _compiled[key] = steps
    return steps


def iterfind(elem, path, namespaces=None):
    steps = _steps_for(path, namespaces)
    search = _Search(elem)
    found = iter((elem,)) if steps else iter(())
    for step in steps:
        found = step(search, found)
    return found


def find(elem, path, namespaces=None):
    return next(iterfind(elem, path, namespaces), None)


def findall(elem, path, namespaces=None):
    return list(iterfind(elem, path, namespaces))


def findtext(elem, path, default=None, namespaces=None):
    hit = next(iterfind(elem, path, namespaces), None)
    if hit is None:
        return default
    return hit.text or ""
