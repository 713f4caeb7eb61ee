"""xml.etree.ElementTree: the Element tree API, XML parsing and serialization.

Written for asy from CPython 3.11's documented behaviour (its C accelerator's messages for
type errors); the parser is xml.etree._parser (no expat), the path language
xml.etree.ElementPath.
"""

import operator
import re
import sys
import warnings
import contextlib

from xml.etree import ElementPath
from xml.etree._parser import Tokenizer as _Tokenizer

__all__ = [
    "Comment", "dump", "Element", "ElementTree", "fromstring", "fromstringlist",
    "indent", "iselement", "iterparse", "parse", "ParseError", "PI",
    "ProcessingInstruction", "QName", "SubElement", "tostring", "tostringlist",
    "TreeBuilder", "VERSION", "XML", "XMLID", "XMLParser", "XMLPullParser",
    "register_namespace",
]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    """An XML syntax error; code is expat's error number, position (line, column)."""


def iselement(element):
    return hasattr(element, 'tag')


def _type_name(obj):
    return type(obj).__name__


def _check_element(func, argno, obj):
    if not isinstance(obj, Element):
        arg = "argument %d" % argno if argno else "argument"
        raise TypeError("%s() %s must be xml.etree.ElementTree.Element, not %s"
                        % (func, arg, _type_name(obj)))


def _plain_path(path):
    """A path with no path syntax outside braces: matched against child tags directly,
    as CPython's C accelerator does."""
    if path[:2] in ('{}', '{*') or path[-2:] == '}*':
        return False        # wildcards and '{}tag'
    inside = False
    for ch in path:
        if ch == '{':
            inside = True
        elif ch == '}':
            inside = False
        elif not inside and ch in '/*[@.':
            return False
    return True


class Element:
    """An XML element: tag, attrib dict, text, tail, and a list of subelements."""

    tag = None
    attrib = None
    text = None
    tail = None

    def __init__(self, tag, attrib={}, **extra):
        if not isinstance(attrib, dict):
            raise TypeError("Element() argument 2 must be dict, not %s" % _type_name(attrib))
        self.tag = tag
        self.attrib = {**attrib, **extra}
        self._children = []

    def __repr__(self):
        return "<Element %r at %#x>" % (self.tag, id(self))

    def makeelement(self, tag, attrib):
        return self.__class__(tag, attrib)

    def __copy__(self):
        # A shallow copy shares the attrib dict, as CPython's C Element does.
        elem = self.makeelement(self.tag, {})
        elem.attrib = self.attrib
        elem.text = self.text
        elem.tail = self.tail
        elem[:] = self
        return elem

    def __deepcopy__(self, memo):
        import copy
        elem = self.makeelement(copy.deepcopy(self.tag, memo), copy.deepcopy(self.attrib, memo))
        elem.text = copy.deepcopy(self.text, memo)
        elem.tail = copy.deepcopy(self.tail, memo)
        for child in self._children:
            elem._children.append(copy.deepcopy(child, memo))
        return elem

    def __len__(self):
        return len(self._children)

    def __bool__(self):
        return len(self._children) != 0

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._children[index]
        try:
            return self._children[index]
        except IndexError:
            raise IndexError("child index out of range") from None

    def __setitem__(self, index, element):
        if isinstance(index, slice):
            items = list(element)
            for e in items:
                if not isinstance(e, Element):
                    raise TypeError('expected an Element, not "%s"' % _type_name(e))
            self._children[index] = items
            return
        _check_element("__setitem__", 2, element) if not isinstance(element, Element) else None
        try:
            self._children[index] = element
        except IndexError:
            raise IndexError("child assignment index out of range") from None

    def __delitem__(self, index):
        try:
            del self._children[index]
        except IndexError:
            raise IndexError("child assignment index out of range") from None

    def __iter__(self):
        return iter(self._children)

    def append(self, subelement):
        _check_element("append", 0, subelement)
        self._children.append(subelement)

    def extend(self, elements):
        try:
            elements = list(elements)
        except TypeError:
            raise TypeError('expected sequence, not "%s"' % _type_name(elements)) from None
        for element in elements:
            if not isinstance(element, Element):
                raise TypeError('expected an Element, not "%s"' % _type_name(element))
            self._children.append(element)

    def insert(self, index, subelement):
        _check_element("insert", 2, subelement)
        self._children.insert(index, subelement)

    def remove(self, subelement):
        _check_element("remove", 0, subelement)
        for i, e in enumerate(self._children):
            if e is subelement:
                del self._children[i]
                return
        for i, e in enumerate(self._children):
            if e == subelement:
                del self._children[i]
                return
        raise ValueError("list.remove(x): x not in list")

    def find(self, path, namespaces=None):
        if namespaces is None and isinstance(path, str) and _plain_path(path):
            for e in self._children:
                if e.tag == path:
                    return e
            return None
        return ElementPath.find(self, path, namespaces)

    def findtext(self, path, default=None, namespaces=None):
        if namespaces is None and isinstance(path, str) and _plain_path(path):
            for e in self._children:
                if e.tag == path:
                    return e.text or ""
            return default
        return ElementPath.findtext(self, path, default, namespaces)

    def findall(self, path, namespaces=None):
        if namespaces is None and isinstance(path, str) and _plain_path(path):
            return [e for e in self._children if e.tag == path]
        return ElementPath.findall(self, path, namespaces)

    def iterfind(self, path, namespaces=None):
        return ElementPath.iterfind(self, path, namespaces)

    def clear(self):
        self.attrib.clear()
        self._children = []
        self.text = self.tail = None

    def get(self, key, default=None):
        return self.attrib.get(key, default)

    def set(self, key, value):
        self.attrib[key] = value

    def keys(self):
        return list(self.attrib)

    def items(self):
        return list(self.attrib.items())

    def iter(self, tag=None):
        if tag == "*":
            tag = None
        if tag is None or self.tag == tag:
            yield self
        for e in self._children:
            yield from e.iter(tag)

    def itertext(self):
        # CPython's C Element yields the text of comments and PIs too
        t = self.text
        if t:
            yield t
        for e in self._children:
            yield from e.itertext()
            t = e.tail
            if t:
                yield t


def SubElement(parent, tag, attrib={}, **extra):
    if not isinstance(parent, Element):
        raise TypeError("SubElement() argument 1 must be xml.etree.ElementTree.Element, not %s"
                        % _type_name(parent))
    if not isinstance(attrib, dict):
        raise TypeError("SubElement() argument 3 must be dict, not %s" % _type_name(attrib))
    attrib = {**attrib, **extra}
    element = parent.makeelement(tag, attrib)
    parent.append(element)
    return element


def Comment(text=None):
    element = Element(Comment)
    element.text = text
    return element


def ProcessingInstruction(target, text=None):
    element = Element(ProcessingInstruction)
    element.text = target
    if text:
        element.text = element.text + " " + text
    return element


PI = ProcessingInstruction


class QName:
    """A qualified name: QName(uri, tag) is '{uri}tag'. Compares and hashes as its text."""

    def __init__(self, text_or_uri, tag=None):
        self.text = "{%s}%s" % (text_or_uri, tag) if tag else text_or_uri

    def __str__(self):
        return self.text

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.text)

    def __hash__(self):
        return hash(self.text)


def _qname_comparison(op):
    def compare(self, other):
        return op(self.text, other.text if isinstance(other, QName) else other)
    compare.__name__ = "__%s__" % op.__name__
    return compare


for _op in (operator.lt, operator.le, operator.eq, operator.gt, operator.ge):
    setattr(QName, "__%s__" % _op.__name__, _qname_comparison(_op))
del _op


class ElementTree:
    """An element hierarchy, with whole-document reading and writing."""

    def __init__(self, element=None, file=None):
        self._root = element
        if file:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        self._root = element

    def parse(self, source, parser=None):
        with _opened(source) as stream:
            self._root = _parse_chunks(_chunks_of(stream, 65536), parser or XMLParser())
        return self._root

    def iter(self, tag=None):
        return self._root.iter(tag)

    def _relative(self, path):
        # A search on a tree runs from the root element; an absolute path
        # still works (as '.' + path) but warns, as CPython's does.
        if path[:1] != "/":
            return path
        path = "." + path
        warnings.warn("This search is broken in 1.3 and earlier, and will be fixed in a future "
                      "version.  If you rely on the current behaviour, change it to %r" % path,
                      FutureWarning, stacklevel=3)
        return path

    def find(self, path, namespaces=None):
        return self._root.find(self._relative(path), namespaces)

    def findtext(self, path, default=None, namespaces=None):
        return self._root.findtext(self._relative(path), default, namespaces)

    def findall(self, path, namespaces=None):
        return self._root.findall(self._relative(path), namespaces)

    def iterfind(self, path, namespaces=None):
        return self._root.iterfind(self._relative(path), namespaces)

    def write(self, file_or_filename, encoding=None, xml_declaration=None,
              default_namespace=None, method=None, *, short_empty_elements=True):
        text, encoding = _document(self._root, encoding, xml_declaration, default_namespace,
                                   method, short_empty_elements,
                                   getattr(file_or_filename, "encoding", None))
        if encoding.lower() != "unicode":
            # Bytes reach the file in one write, as from CPython's buffer.
            data = _encoded(text, encoding)
            if hasattr(file_or_filename, "write"):
                for chunk in data:
                    file_or_filename.write(chunk)
            else:
                with open(file_or_filename, "wb") as f:
                    f.writelines(data)
        elif hasattr(file_or_filename, "write"):
            for piece in text:
                file_or_filename.write(piece)
        else:
            with open(file_or_filename, "w", encoding="utf-8", errors="xmlcharrefreplace") as f:
                f.write("".join(text))

    def write_c14n(self, file):
        return self.write(file, method="c14n")


@contextlib.contextmanager
def _opened(source):
    """source itself when it is a readable object, else the file it names,
    opened in binary and closed afterwards."""
    if hasattr(source, "read"):
        yield source
        return
    with open(source, "rb") as f:
        yield f


def _chunks_of(stream, size):
    while True:
        chunk = stream.read(size)
        if not chunk:
            return
        yield chunk


def _parse_chunks(chunks, parser=None):
    """Feed every chunk to parser (a new tree-building XMLParser if None) and
    return what its close() returns."""
    if parser is None:
        parser = XMLParser(target=TreeBuilder())
    for chunk in chunks:
        parser.feed(chunk)
    return parser.close()


# --- serialization ---

def _cannot_serialize(value):
    return TypeError("cannot serialize %r (type %s)" % (value, type(value).__name__))


class _Names:
    """The names a serialization writes: 'prefix:local' for each '{uri}local'
    met (in document order), and the xmlns declarations ({uri: prefix}) the
    root element must carry for them."""

    def __init__(self, default_namespace):
        self.written = {None: None}
        self.declared = {}
        self.default = default_namespace
        if default_namespace:
            self.declared[default_namespace] = ""

    def add(self, name):
        if isinstance(name, QName):
            name = name.text
        if name in self.written:
            return
        if not isinstance(name, str):
            raise _cannot_serialize(name)
        if name[:1] != "{":
            if self.default:
                raise ValueError("cannot use non-qualified names with default_namespace option")
            self.written[name] = name
            return
        uri, local = name[1:].rsplit("}", 1)
        prefix = self.declared.get(uri)
        if prefix is None:
            prefix = _namespace_map.get(uri)
            if prefix is None:
                prefix = "ns%d" % len(self.declared)
            if prefix != "xml":          # the xml prefix is never declared
                self.declared[uri] = prefix
        self.written[name] = prefix + ":" + local if prefix else local

    def collect(self, root):
        for elem in root.iter():
            tag = elem.tag
            if isinstance(tag, (str, QName)):
                self.add(tag)
            elif tag is not None and tag is not Comment and tag is not PI:
                raise _cannot_serialize(tag)
            for key, value in elem.items():
                self.add(key)
                if isinstance(value, QName):
                    self.add(value)
            if isinstance(elem.text, QName):
                self.add(elem.text)
        return self

    def __getitem__(self, name):
        return self.written[name.text if isinstance(name, QName) else name]


HTML_EMPTY = {"area", "base", "basefont", "br", "col", "embed", "frame", "hr",
              "img", "input", "isindex", "link", "meta", "param", "source",
              "track", "wbr"}


class _Markup:
    """Writes an element tree as XML or HTML text. put receives the text in
    the pieces tostringlist() returns: a start tag's name, each xmlns
    declaration and attribute, and its close come separately."""

    def __init__(self, put, names, html, short_empty):
        self.put = put
        self.names = names
        self.html = html
        self.short_empty = short_empty
        self.quote = _escape_attrib_html if html else _escape_attrib

    def element(self, elem, xmlns=None):
        put = self.put
        tag, text = elem.tag, elem.text
        if tag is Comment or tag is PI:
            if self.html:
                text = _escape_cdata(text)
            put(("<!--%s-->" if tag is Comment else "<?%s?>") % text)
        elif tag is None:
            # A tag of None writes only the element's content.
            if text:
                put(_escape_cdata(text))
            for kid in elem:
                self.element(kid)
        else:
            name = self.names[tag]
            put("<" + name)
            if xmlns:
                for uri, prefix in sorted(xmlns.items(), key=lambda up: up[1]):
                    put(' xmlns%s="%s"' % (":" + prefix if prefix else "", _escape_attrib(uri)))
            for key, value in list(elem.items()):
                shown = self.names[value] if isinstance(value, QName) else self.quote(value)
                put(' %s="%s"' % (self.names[key], shown))
            if self.html:
                self._html_content(elem, name, text)
            elif text or len(elem) or not self.short_empty:
                put(">")
                if text:
                    put(_escape_cdata(text))
                for kid in elem:
                    self.element(kid)
                put("</" + name + ">")
            else:
                put(" />")
        if elem.tail:
            put(_escape_cdata(elem.tail))

    def _html_content(self, elem, name, text):
        # HTML always closes the start tag, keeps script and style text raw,
        # and has no end tag for void elements.
        put = self.put
        put(">")
        lower = name.lower()
        if text:
            put(text if lower in ("script", "style") else _escape_cdata(text))
        for kid in elem:
            self.element(kid)
        if lower not in HTML_EMPTY:
            put("</" + name + ">")


def _plain_text(put, elem):
    for piece in elem.itertext():
        put(piece)
    if elem.tail:
        put(elem.tail)


_METHODS = ("xml", "html", "text")


def _document(root, encoding, xml_declaration, default_namespace, method,
              short_empty_elements, stream_encoding=None):
    """(pieces of text, encoding) of a serialization; stream_encoding is what
    an XML declaration names for encoding="unicode"."""
    if not method:
        method = "xml"
    elif method not in _METHODS:
        raise ValueError("unknown method %r" % method)
    encoding = encoding or "us-ascii"
    pieces = []
    put = pieces.append
    as_text = encoding.lower() == "unicode"
    if method == "xml" and (xml_declaration or (
            xml_declaration is None and not as_text and encoding.lower() not in ("utf-8", "us-ascii"))):
        put("<?xml version='1.0' encoding='%s'?>\n" % ((stream_encoding or "utf-8") if as_text else encoding))
    if method == "text":
        _plain_text(put, root)
    else:
        names = _Names(default_namespace).collect(root)
        _Markup(put, names, method == "html", short_empty_elements).element(root, names.declared)
    return pieces, encoding


def register_namespace(prefix, uri):
    """Register the prefix written for uri's names."""
    if re.match(r"ns\d+$", prefix):
        raise ValueError("Prefix format reserved for internal use")
    for known_uri, known_prefix in list(_namespace_map.items()):
        if uri == known_uri or prefix == known_prefix:
            del _namespace_map[known_uri]
    _namespace_map[uri] = prefix


_namespace_map = {
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/1999/xhtml": "html",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://schemas.xmlsoap.org/wsdl/": "wsdl",
    "http://www.w3.org/2001/XMLSchema": "xs",
    "http://www.w3.org/2001/XMLSchema-instance": "xsi",
    "http://purl.org/dc/elements/1.1/": "dc",
}


# What each kind of serialized text must escape, in order ("&" first, so
# the entities made by the others are left alone).
_CDATA_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_ATTRIB_ESCAPES = _CDATA_ESCAPES + (("\"", "&quot;"), ("\r", "&#13;"),
                                    ("\n", "&#10;"), ("\t", "&#09;"))
_HTML_ATTRIB_ESCAPES = (("&", "&amp;"), (">", "&gt;"), ("\"", "&quot;"))


def _escaped(text, escapes):
    try:
        for char, entity in escapes:
            if char in text:
                text = text.replace(char, entity)
        return text
    except (TypeError, AttributeError):
        raise _cannot_serialize(text) from None


def _escape_cdata(text):
    return _escaped(text, _CDATA_ESCAPES)


def _escape_attrib(text):
    return _escaped(text, _ATTRIB_ESCAPES)


def _escape_attrib_html(text):
    return _escaped(text, _HTML_ATTRIB_ESCAPES)


def tostring(element, encoding=None, method=None, *, xml_declaration=None,
             default_namespace=None, short_empty_elements=True):
    """The element and its subtree as XML: bytes (us-ascii) unless encoding="unicode"."""
    pieces = tostringlist(element, encoding, method, xml_declaration=xml_declaration,
                          default_namespace=default_namespace,
                          short_empty_elements=short_empty_elements)
    if encoding == "unicode":
        return "".join(pieces)
    if pieces and isinstance(pieces[0], str):
        # "Unicode" spelled otherwise: text written to CPython's bytes buffer.
        raise TypeError("a bytes-like object is required, not 'str'")
    return b"".join(pieces)


def tostringlist(element, encoding=None, method=None, *, xml_declaration=None,
                 default_namespace=None, short_empty_elements=True):
    """tostring() as a list: text in the pieces written; bytes in one piece
    (CPython's buffered writer hands them over whole)."""
    pieces, encoding = _document(element, encoding, xml_declaration, default_namespace,
                                 method, short_empty_elements)
    if encoding.lower() == "unicode":
        return pieces
    return _encoded(pieces, encoding)


def _encoded(pieces, encoding):
    # Nothing written encodes to nothing (no utf-16 BOM either).
    text = "".join(pieces)
    return [text.encode(encoding, "xmlcharrefreplace")] if text else []


def dump(elem):
    """Write the element tree or structure to sys.stdout (for debugging)."""
    tree = elem if isinstance(elem, ElementTree) else ElementTree(elem)
    tree.write(sys.stdout, encoding="unicode")
    if not (tree.getroot().tail or "").endswith("\n"):
        sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    """Indent the tree in place for pretty printing: whitespace-only text and tails are
    replaced by a newline and the indentation of the next element."""
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError(f"Initial indentation level must be >= 0, got {level}")
    if len(tree):
        _indent_below(tree, "\n" + space * level, space)


def _blank(text):
    return not text or text.isspace()


def _indent_below(elem, own, space):
    # own is the newline-and-indentation that leads up to elem's end tag;
    # its children's lines are one step deeper.
    inner = own + space
    if _blank(elem.text):
        elem.text = inner
    for kid in elem:
        if len(kid):
            _indent_below(kid, inner, space)
        if _blank(kid.tail):
            kid.tail = inner
    if kid.tail.isspace():
        kid.tail = own


# --- parsing ---

def parse(source, parser=None):
    """Parse a file (a path or a file object) into an ElementTree."""
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


def XML(text, parser=None):
    """Parse XML from a string (or bytes) and return the root element."""
    return _parse_chunks((text,), parser)


fromstring = XML


def fromstringlist(sequence, parser=None):
    """Parse XML given as a sequence of fragments; return the root element."""
    return _parse_chunks(sequence, parser)


def XMLID(text, parser=None):
    """(root, {id attribute: element}) of an XML string."""
    root = _parse_chunks((text,), parser)
    ids = {}
    for elem in root.iter():
        key = elem.get("id")
        if key:
            ids[key] = elem
    return root, ids


class TreeBuilder:
    """Builds an element tree from start/end/data/comment/pi calls."""

    def __init__(self, element_factory=None, *, comment_factory=None, pi_factory=None,
                 insert_comments=False, insert_pis=False):
        self._make = element_factory or Element
        self._make_comment = comment_factory or Comment
        self._make_pi = pi_factory or ProcessingInstruction
        self.insert_comments = insert_comments
        self.insert_pis = insert_pis
        self._open = []          # elements started and not yet ended
        self._root = None
        self._text = []          # character data not yet attached
        self._previous = None    # the element that data goes into ...
        self._as_tail = False    # ... as its tail (after its end) or its text

    def close(self):
        # Like CPython's C TreeBuilder: no check that every element ended.
        return self._root

    def _attach_text(self):
        if self._text:
            if self._previous is not None:
                joined = "".join(self._text)
                if self._as_tail:
                    self._previous.tail = joined
                else:
                    self._previous.text = joined
            self._text = []

    def _place(self, elem):
        # elem goes in the open element, or becomes the root if it is first.
        if self._open:
            self._open[-1].append(elem)
        elif self._root is None:
            self._root = elem
        else:
            raise ParseError("multiple elements on top level")

    def data(self, data):
        self._text.append(data)

    def start(self, tag, attrs):
        self._attach_text()
        elem = self._make(tag, attrs)
        self._place(elem)
        self._open.append(elem)
        self._previous, self._as_tail = elem, False
        return elem

    def end(self, tag):
        self._attach_text()
        if not self._open:
            raise IndexError("pop from empty stack")
        elem = self._open.pop()
        self._previous, self._as_tail = elem, True
        return elem

    def comment(self, text):
        return self._leaf(self._make_comment(text), self.insert_comments)

    def pi(self, target, text=None):
        return self._leaf(self._make_pi(target, text), self.insert_pis)

    def _leaf(self, elem, insert):
        # Comments and PIs enter the tree only when asked, and only inside it.
        if insert:
            self._attach_text()
            if self._open:
                self._open[-1].append(elem)
            self._previous, self._as_tail = elem, True
        return elem


_DECL_ENCODING = re.compile(rb"^<\?xml[^>]*encoding\s*=\s*['\"]([A-Za-z0-9._-]+)['\"]")


class XMLParser:
    """XML parser driving a target (a TreeBuilder unless given). feed() text or bytes,
    then close() returns what the target's close() returns."""

    def __init__(self, *, target=None, encoding=None):
        if target is None:
            target = TreeBuilder()
        self.target = self._target = target
        self._encoding = encoding
        self._pending = None        # undecoded bytes
        self._names = {}
        self._events = None         # (queue, wanted events) for XMLPullParser
        self.version = "Expat 2.5.0"
        self._tok = _Tokenizer(self, ParseError)
        self.entity = self._tok.entity

    # handler calls from the tokenizer
    def _start(self, tag, attrib):
        t = self._target
        if hasattr(t, 'start'):
            res = t.start(tag, attrib)
            if self._events is not None and 'start' in self._events[1]:
                self._events[0].append(('start', res))

    def _end(self, tag):
        t = self._target
        if hasattr(t, 'end'):
            res = t.end(tag)
            if self._events is not None and 'end' in self._events[1]:
                self._events[0].append(('end', res))

    def _data(self, text):
        t = self._target
        if hasattr(t, 'data'):
            t.data(text)

    def _comment(self, text):
        t = self._target
        if hasattr(t, 'comment'):
            res = t.comment(text)
            if self._events is not None and 'comment' in self._events[1]:
                self._events[0].append(('comment', res))

    def _pi(self, target, text):
        t = self._target
        if hasattr(t, 'pi'):
            res = t.pi(target, text)
            if self._events is not None and 'pi' in self._events[1]:
                self._events[0].append(('pi', res))

    def _doctype(self, name, pubid, system):
        t = self._target
        if hasattr(t, 'doctype'):
            t.doctype(name, pubid, system)

    def _start_ns(self, prefix, uri):
        t = self._target
        if hasattr(t, 'start_ns'):
            t.start_ns(prefix, uri)
        if self._events is not None and 'start-ns' in self._events[1]:
            self._events[0].append(('start-ns', (prefix or '', uri or '')))

    def _end_ns(self, prefix):
        t = self._target
        if hasattr(t, 'end_ns'):
            t.end_ns(prefix)
        if self._events is not None and 'end-ns' in self._events[1]:
            self._events[0].append(('end-ns', None))

    def _decode(self, data, final):
        if self._pending is not None:
            data = self._pending + data
            self._pending = None
        if self._encoding is None:
            if data.startswith(b'\xef\xbb\xbf'):
                data = data[3:]
                self._encoding = 'utf-8'
            elif data[:2] in (b'\xff\xfe', b'\xfe\xff'):
                self._encoding = 'utf-16'
            else:
                m = _DECL_ENCODING.match(data)
                if m:
                    self._encoding = m.group(1).decode('ascii')
                elif b'>' in data or final:
                    self._encoding = 'utf-8'
                else:
                    self._pending = data
                    return ''
        enc = self._encoding
        for cut in range(0, 4):
            if cut > len(data):
                break
            try:
                text = data[:len(data) - cut].decode(enc)
            except UnicodeDecodeError:
                if final:
                    raise
                continue
            except LookupError:
                raise ValueError("multi-byte encodings are not supported") from None
            if cut:
                self._pending = data[len(data) - cut:]
            return text
        return data.decode(enc)

    def feed(self, data):
        """Feed encoded data to the parser."""
        if isinstance(data, (bytes, bytearray)):
            data = self._decode(bytes(data), False)
        elif not isinstance(data, str):
            raise TypeError("a bytes-like object is required, not '%s'" % _type_name(data))
        self._tok.feed(data)

    def close(self):
        """Finish feeding data to the parser; return the target's close() result."""
        if self._pending:
            self._tok.feed(self._decode(b'', True))
        self._tok.close()
        close = getattr(self._target, 'close', None)
        if close is not None:
            return close()
        return None

    def flush(self):
        pass


class XMLPullParser:
    """Non-blocking parsing: feed() data, then read_events() yields (event, object)."""

    _KNOWN_EVENTS = ("start", "end", "comment", "pi", "start-ns", "end-ns")

    def __init__(self, events=None, *, _parser=None):
        wanted = ("end",) if events is None else tuple(events)
        for name in wanted:
            if name not in self._KNOWN_EVENTS:
                raise ValueError("unknown event %r" % name)
        # Events and parse errors wait here, in order, until read_events().
        self._pending = []
        self._parser = _parser or XMLParser(target=TreeBuilder())
        self._parser._events = (self._pending, wanted)

    def feed(self, data):
        if self._parser is None:
            raise ValueError("feed() called after end of stream")
        if not data:
            return
        try:
            self._parser.feed(data)
        except SyntaxError as err:
            # Reported by read_events() after the events before it.
            self._pending.append(err)

    def _finish(self):
        parser, self._parser = self._parser, None
        return parser.close()

    def close(self):
        self._finish()

    def read_events(self):
        queue = self._pending
        while queue:
            item = queue.pop(0)
            if isinstance(item, Exception):
                raise item
            yield item

    def flush(self):
        pass


class _IterParse:
    """What iterparse() returns: an iterator of (event, element) pairs reading
    the source as needed; root is set once the document ends."""

    def __init__(self, source, events, parser):
        self._owns_source = not hasattr(source, "read")
        self._source = open(source, "rb") if self._owns_source else source
        self._pull = XMLPullParser(events=events, _parser=parser)
        self._ended = False
        self.root = None

    def __iter__(self):
        return self

    def _next_event(self):
        while True:
            for event in self._pull.read_events():
                return event
            if self._ended:
                raise StopIteration
            chunk = self._source.read(16 * 1024)
            if chunk:
                self._pull.feed(chunk)
            else:
                self.root = self._pull._finish()
                self._ended = True

    def __next__(self):
        try:
            return self._next_event()
        except BaseException:
            # Done or failed: a file opened here is closed here.
            if self._owns_source:
                self._owns_source = False
                self._source.close()
            raise


def iterparse(source, events=None, parser=None):
    """Parse a file incrementally, yielding (event, element) pairs; the iterator's root
    attribute is the root element once it is exhausted."""
    return _IterParse(source, events, parser)
