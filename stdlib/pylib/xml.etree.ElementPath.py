"""xml.etree.ElementPath: the XPath subset of Element.find/findall/iterfind/findtext.

Supported: tag, {uri}tag, prefix:tag (with namespaces=), *, {*}tag, {uri}*, ., .., //,
[@attrib], [@attrib='value'], [@attrib!='value'], [tag], [tag='text'], [.='text'], [n],
[last()], [last()-n].
"""

import re

xpath_tokenizer_re = re.compile(
    r"('[^']*'|\"[^\"]*\"|::|//?|\.\.|\(\)|!=|[/.*:\[\]\(\)@=])|"
    r"((?:\{[^}]+\})?[^/\[\]\(\)@!=\s]+)|"
    r"\s+")


def xpath_tokenizer(pattern, namespaces=None):
    default_namespace = namespaces.get('') if namespaces else None
    parsing_attribute = False
    for token in xpath_tokenizer_re.findall(pattern):
        ttype, tag = token
        if tag and tag[0] != "{":
            if ":" in tag:
                prefix, uri = tag.split(":", 1)
                try:
                    if not namespaces:
                        raise KeyError
                    yield ttype, "{%s}%s" % (namespaces[prefix], uri)
                except KeyError:
                    raise SyntaxError("prefix %r not found in prefix map" % prefix) from None
            elif default_namespace and not parsing_attribute:
                yield ttype, "{%s}%s" % (default_namespace, tag)
            else:
                yield token
            parsing_attribute = False
        else:
            yield token
            parsing_attribute = ttype == "@"


def get_parent_map(context):
    parent_map = context.parent_map
    if parent_map is None:
        context.parent_map = parent_map = {}
        for p in context.root.iter():
            for e in p:
                parent_map[e] = p
    return parent_map


def _is_wildcard_tag(tag):
    return tag[:3] == '{*}' or tag[-2:] == '}*'


def _tag_matcher(tag):
    """A test for element tags matching a wildcard tag."""
    if tag == '{*}*':
        return lambda t: isinstance(t, str)
    if tag == '{}*':
        return lambda t: isinstance(t, str) and t[:1] != '{'
    if tag[:3] == '{*}':
        local = tag[3:]
        suffix = '}' + local
        return lambda t: t == local or (isinstance(t, str) and t[:1] == '{' and t.endswith(suffix))
    if tag[-2:] == '}*':
        ns = tag[:-1]
        return lambda t: isinstance(t, str) and t[:len(ns)] == ns
    raise RuntimeError(f"internal parser error, got {tag}")


def prepare_child(next, token):
    tag = token[1]
    if tag[:2] == '{}':
        tag = tag[2:]       # '{}tag' is tag in no namespace
    if _is_wildcard_tag(tag):
        match = _tag_matcher(tag)

        def select(context, result):
            for elem in result:
                for e in elem:
                    if match(e.tag):
                        yield e
    else:
        def select(context, result):
            for elem in result:
                for e in elem:
                    if e.tag == tag:
                        yield e
    return select


def prepare_star(next, token):
    def select(context, result):
        for elem in result:
            yield from elem
    return select


def prepare_self(next, token):
    def select(context, result):
        yield from result
    return select


def prepare_descendant(next, token):
    token = next()
    if token[0] == "*":
        tag = "*"
    elif not token[0]:
        tag = token[1]
    else:
        raise SyntaxError("invalid descendant")
    if tag[:2] == '{}':
        tag = tag[2:]
    if _is_wildcard_tag(tag):
        match = _tag_matcher(tag)

        def select(context, result):
            for elem in result:
                for e in elem.iter():
                    if e is not elem and match(e.tag):
                        yield e
    else:
        def select(context, result):
            for elem in result:
                for e in elem.iter(tag):
                    if e is not elem:
                        yield e
    return select


def prepare_parent(next, token):
    def select(context, result):
        parent_map = get_parent_map(context)
        seen = {}
        for elem in result:
            if elem in parent_map:
                parent = parent_map[elem]
                if parent not in seen:
                    seen[parent] = None
                    yield parent
    return select


def prepare_predicate(next, token):
    signature = []
    predicate = []
    while True:
        token = next()
        if token[0] == "]":
            break
        if token == ('', ''):
            continue
        if token[0] and token[0][:1] in "'\"":
            token = "'", token[0][1:-1]
        signature.append(token[0] or "-")
        predicate.append(token[1])
    signature = "".join(signature)
    if signature == "@-":
        key = predicate[1]

        def select(context, result):
            for elem in result:
                if elem.get(key) is not None:
                    yield elem
        return select
    if signature == "@-='" or signature == "@-!='":
        key = predicate[1]
        value = predicate[-1]
        equal = signature == "@-='"

        def select(context, result):
            for elem in result:
                if (elem.get(key) == value) == equal:
                    yield elem
        return select
    if signature == "-" and not re.match(r"\-?\d+$", predicate[0]):
        tag = predicate[0]

        def select(context, result):
            for elem in result:
                if elem.find(tag) is not None:
                    yield elem
        return select
    if signature in (".='", ".!='") or (
            signature in ("-='", "-!='") and not re.match(r"\-?\d+$", predicate[0])):
        tag = predicate[0]
        value = predicate[-1]
        equal = signature.endswith("='") and "!" not in signature
        if tag:
            def select(context, result):
                for elem in result:
                    for e in elem.findall(tag):
                        if ("".join(e.itertext()) == value) == equal:
                            yield elem
                            break
        else:
            def select(context, result):
                for elem in result:
                    if ("".join(elem.itertext()) == value) == equal:
                        yield elem
        return select
    if signature == "-" or signature == "-()" or signature == "-()-":
        if signature == "-":
            index = int(predicate[0]) - 1
            if index < 0:
                raise SyntaxError("XPath position >= 1 expected")
        else:
            if predicate[0] != "last":
                raise SyntaxError("unsupported function")
            if signature == "-()-":
                try:
                    index = int(predicate[2]) - 1
                except ValueError:
                    raise SyntaxError("unsupported expression")
                if index > -2:
                    raise SyntaxError("XPath offset from last() must be negative")
            else:
                index = -1

        def select(context, result):
            parent_map = get_parent_map(context)
            for elem in result:
                try:
                    parent = parent_map[elem]
                    elems = list(parent.findall(elem.tag))
                    if elems[index] is elem:
                        yield elem
                except (IndexError, KeyError):
                    pass
        return select
    raise SyntaxError("invalid predicate")


ops = {
    "": prepare_child,
    "*": prepare_star,
    ".": prepare_self,
    "..": prepare_parent,
    "//": prepare_descendant,
    "[": prepare_predicate,
}


class _SelectorContext:
    parent_map = None

    def __init__(self, root):
        self.root = root


def iterfind(elem, path, namespaces=None):
    if path[-1:] == "/":
        path = path + "*"
    if path[:1] == "/":
        raise SyntaxError("cannot use absolute path on element")
    tokens = xpath_tokenizer(path, namespaces)
    next_token = tokens.__next__
    try:
        token = next_token()
    except StopIteration:
        return iter(())
    selector = []
    while True:
        try:
            selector.append(ops[token[0]](next_token, token))
        except StopIteration:
            raise SyntaxError("invalid path") from None
        try:
            token = next_token()
            if token[0] == "/":
                token = next_token()
        except StopIteration:
            break
    context = _SelectorContext(elem)
    result = [elem]
    for select in selector:
        result = select(context, result)
    return result


def find(elem, path, namespaces=None):
    return next(iter(iterfind(elem, path, namespaces)), None)


def findall(elem, path, namespaces=None):
    return list(iterfind(elem, path, namespaces))


def findtext(elem, path, default=None, namespaces=None):
    try:
        elem = next(iter(iterfind(elem, path, namespaces)))
    except StopIteration:
        return default
    return elem.text or ""
