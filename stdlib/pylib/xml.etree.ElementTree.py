"""xml.etree.ElementTree: the Element tree API, XML parsing and serialization.

Written for asy from CPython 3.11's documented behaviour (its C accelerator's messages for
type errors); the parser is xml.etree._parser (no expat), the path language
xml.etree.ElementPath.
"""

import io
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
        elem = self.makeelement(self.tag, self.attrib)
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
        return self.attrib.keys()

    def items(self):
        return self.attrib.items()

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
    """A qualified name: QName(uri, tag) is '{uri}tag'."""

    def __init__(self, text_or_uri, tag=None):
        if tag:
            text_or_uri = "{%s}%s" % (text_or_uri, tag)
        self.text = text_or_uri

    def __str__(self):
        return self.text

    def __repr__(self):
        return '<%s %r>' % (self.__class__.__name__, self.text)

    def __hash__(self):
        return hash(self.text)

    def _other(self, other):
        return other.text if isinstance(other, QName) else other

    def __le__(self, other):
        return self.text <= self._other(other)

    def __lt__(self, other):
        return self.text < self._other(other)

    def __ge__(self, other):
        return self.text >= self._other(other)

    def __gt__(self, other):
        return self.text > self._other(other)

    def __eq__(self, other):
        return self.text == self._other(other)


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
        close_source = False
        if not hasattr(source, "read"):
            source = open(source, "rb")
            close_source = True
        try:
            if parser is None:
                parser = XMLParser()
            while True:
                data = source.read(65536)
                if not data:
                    break
                parser.feed(data)
            self._root = parser.close()
            return self._root
        finally:
            if close_source:
                source.close()

    def iter(self, tag=None):
        return self._root.iter(tag)

    def _abs_path(self, path):
        if path[:1] == "/":
            path = "." + path
            warnings.warn(
                "This search is broken in 1.3 and earlier, and will be "
                "fixed in a future version.  If you rely on the current "
                "behaviour, change it to %r" % path,
                FutureWarning, stacklevel=3)
        return path

    def find(self, path, namespaces=None):
        return self._root.find(self._abs_path(path), namespaces)

    def findtext(self, path, default=None, namespaces=None):
        return self._root.findtext(self._abs_path(path), default, namespaces)

    def findall(self, path, namespaces=None):
        return self._root.findall(self._abs_path(path), namespaces)

    def iterfind(self, path, namespaces=None):
        return self._root.iterfind(self._abs_path(path), namespaces)

    def write(self, file_or_filename, encoding=None, xml_declaration=None,
              default_namespace=None, method=None, *, short_empty_elements=True):
        if not method:
            method = "xml"
        elif method not in _serialize:
            raise ValueError("unknown method %r" % method)
        parts, encoding = self._parts(file_or_filename, encoding, xml_declaration,
                                      default_namespace, method, short_empty_elements)
        text = "".join(parts)
        if encoding.lower() == "unicode":
            if hasattr(file_or_filename, "write"):
                file_or_filename.write(text)
            else:
                with open(file_or_filename, "w", encoding="utf-8", errors="xmlcharrefreplace") as f:
                    f.write(text)
            return
        data = _encode(text, encoding)
        if hasattr(file_or_filename, "write"):
            file_or_filename.write(data)
        else:
            with open(file_or_filename, "wb") as f:
                f.write(data)

    def _parts(self, file_or_filename, encoding, xml_declaration, default_namespace, method,
               short_empty_elements):
        """The pieces of text a serialization writes, one per write call, and the
        encoding."""
        if not method:
            method = "xml"
        if not encoding:
            encoding = "utf-8" if method == "c14n" else "us-ascii"
        parts = []
        write = parts.append
        unicode_out = encoding.lower() == "unicode"
        if unicode_out:
            declared = getattr(file_or_filename, "encoding", None) or "utf-8"
        else:
            declared = encoding
        if method == "xml" and (xml_declaration or (
                xml_declaration is None and not unicode_out and
                declared.lower() not in ("utf-8", "us-ascii"))):
            write("<?xml version='1.0' encoding='%s'?>\n" % (declared,))
        if method == "text":
            _serialize_text(write, self._root)
        else:
            qnames, namespaces = _namespaces(self._root, default_namespace)
            _serialize[method](write, self._root, qnames, namespaces,
                               short_empty_elements=short_empty_elements)
        return parts, encoding

    def write_c14n(self, file):
        return self.write(file, method="c14n")


def _encode(text, encoding):
    """text in encoding, characters it cannot hold as &#N; references."""
    enc = encoding.lower().replace('_', '-')
    if enc in ('utf-8', 'utf8'):
        return text.encode('utf-8')
    limit = {'us-ascii': 128, 'ascii': 128, 'latin-1': 256, 'latin1': 256,
             'iso-8859-1': 256, 'iso8859-1': 256}.get(enc)
    if limit is not None:
        if not text.isascii() or limit != 128:
            text = ''.join(c if ord(c) < limit else '&#%d;' % ord(c) for c in text)
        return text.encode('latin-1' if limit == 256 else 'ascii')
    out = []
    for c in text:
        try:
            out.append(c.encode(encoding))
        except UnicodeEncodeError:
            out.append(('&#%d;' % ord(c)).encode(encoding))
    return b''.join(out)


# --- serialization ---

def _namespaces(elem, default_namespace=None):
    """The qualified names to write for every tag and attribute name, and the namespaces
    to declare on the root ({uri: prefix})."""
    qnames = {None: None}
    namespaces = {}
    if default_namespace:
        namespaces[default_namespace] = ""

    def add_qname(qname):
        try:
            if qname[:1] == "{":
                uri, tag = qname[1:].rsplit("}", 1)
                prefix = namespaces.get(uri)
                if prefix is None:
                    prefix = _namespace_map.get(uri)
                    if prefix is None:
                        prefix = "ns%d" % len(namespaces)
                    if prefix != "xml":
                        namespaces[uri] = prefix
                if prefix:
                    qnames[qname] = "%s:%s" % (prefix, tag)
                else:
                    qnames[qname] = tag
            else:
                if default_namespace:
                    raise ValueError("cannot use non-qualified names with "
                                     "default_namespace option")
                qnames[qname] = qname
        except TypeError:
            _raise_serialization_error(qname)

    for elem in elem.iter():
        tag = elem.tag
        if isinstance(tag, QName):
            if tag.text not in qnames:
                add_qname(tag.text)
        elif isinstance(tag, str):
            if tag not in qnames:
                add_qname(tag)
        elif tag is not None and tag is not Comment and tag is not PI:
            _raise_serialization_error(tag)
        for key, value in elem.items():
            if isinstance(key, QName):
                key = key.text
            if key not in qnames:
                add_qname(key)
            if isinstance(value, QName) and value.text not in qnames:
                add_qname(value.text)
        text = elem.text
        if isinstance(text, QName) and text.text not in qnames:
            add_qname(text.text)
    return qnames, namespaces


def _write_namespaces(write, namespaces):
    for v, k in sorted(namespaces.items(), key=lambda x: x[1]):
        if k:
            k = ":" + k
        write(" xmlns%s=\"%s\"" % (k, _escape_attrib(v)))


def _serialize_xml(write, elem, qnames, namespaces, short_empty_elements, **kwargs):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % text)
    elif tag is ProcessingInstruction:
        write("<?%s?>" % text)
    else:
        tag = qnames[tag.text if isinstance(tag, QName) else tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for e in elem:
                _serialize_xml(write, e, qnames, None, short_empty_elements=short_empty_elements)
        else:
            write("<" + tag)
            items = list(elem.items())
            if items or namespaces:
                if namespaces:
                    _write_namespaces(write, namespaces)
                for k, v in items:
                    if isinstance(k, QName):
                        k = k.text
                    if isinstance(v, QName):
                        v = qnames[v.text]
                    else:
                        v = _escape_attrib(v)
                    write(" %s=\"%s\"" % (qnames[k], v))
            if text or len(elem) or not short_empty_elements:
                write(">")
                if text:
                    write(_escape_cdata(text))
                for e in elem:
                    _serialize_xml(write, e, qnames, None,
                                   short_empty_elements=short_empty_elements)
                write("</" + tag + ">")
            else:
                write(" />")
    if elem.tail:
        write(_escape_cdata(elem.tail))


HTML_EMPTY = {"area", "base", "basefont", "br", "col", "embed", "frame", "hr",
              "img", "input", "isindex", "link", "meta", "param", "source",
              "track", "wbr"}


def _serialize_html(write, elem, qnames, namespaces, **kwargs):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % _escape_cdata(text))
    elif tag is ProcessingInstruction:
        write("<?%s?>" % _escape_cdata(text))
    else:
        tag = qnames[tag.text if isinstance(tag, QName) else tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for e in elem:
                _serialize_html(write, e, qnames, None)
        else:
            write("<" + tag)
            items = list(elem.items())
            if items or namespaces:
                if namespaces:
                    _write_namespaces(write, namespaces)
                for k, v in items:
                    if isinstance(k, QName):
                        k = k.text
                    if isinstance(v, QName):
                        v = qnames[v.text]
                    else:
                        v = _escape_attrib_html(v)
                    write(" %s=\"%s\"" % (qnames[k], v))
            write(">")
            ltag = tag.lower()
            if text:
                if ltag == "script" or ltag == "style":
                    write(text)
                else:
                    write(_escape_cdata(text))
            for e in elem:
                _serialize_html(write, e, qnames, None)
            if ltag not in HTML_EMPTY:
                write("</" + tag + ">")
    if elem.tail:
        write(_escape_cdata(elem.tail))


def _serialize_text(write, elem):
    for part in elem.itertext():
        write(part)
    if elem.tail:
        write(elem.tail)


_serialize = {"xml": _serialize_xml, "html": _serialize_html, "text": _serialize_text}


def register_namespace(prefix, uri):
    """Register the prefix written for uri's names."""
    if re.match(r"ns\d+$", prefix):
        raise ValueError("Prefix format reserved for internal use")
    for k, v in list(_namespace_map.items()):
        if k == uri or v == prefix:
            del _namespace_map[k]
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


def _raise_serialization_error(text):
    raise TypeError("cannot serialize %r (type %s)" % (text, type(text).__name__))


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
        _raise_serialization_error(text)


def _escape_cdata(text):
    return _escaped(text, _CDATA_ESCAPES)


def _escape_attrib(text):
    return _escaped(text, _ATTRIB_ESCAPES)


def _escape_attrib_html(text):
    return _escaped(text, _HTML_ATTRIB_ESCAPES)


def tostring(element, encoding=None, method=None, *, xml_declaration=None,
             default_namespace=None, short_empty_elements=True):
    """The element and its subtree as XML: bytes (us-ascii) unless encoding="unicode"."""
    stream = io.StringIO() if encoding == 'unicode' else io.BytesIO()
    ElementTree(element).write(stream, encoding, xml_declaration=xml_declaration,
                               default_namespace=default_namespace, method=method,
                               short_empty_elements=short_empty_elements)
    return stream.getvalue()


def tostringlist(element, encoding=None, method=None, *, xml_declaration=None,
                 default_namespace=None, short_empty_elements=True):
    if method and method not in _serialize:
        raise ValueError("unknown method %r" % method)
    parts, encoding = ElementTree(element)._parts(
        io.StringIO() if encoding == 'unicode' else io.BytesIO(), encoding, xml_declaration,
        default_namespace, method, short_empty_elements)
    if encoding.lower() == "unicode":
        return parts
    return [_encode(p, encoding) for p in parts]


def dump(elem):
    """Write the element tree or structure to sys.stdout (for debugging)."""
    if not isinstance(elem, ElementTree):
        elem = ElementTree(elem)
    elem.write(sys.stdout, encoding="unicode")
    tail = elem.getroot().tail
    if not tail or tail[-1] != "\n":
        sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    """Indent the tree in place for pretty printing: whitespace-only text and tails are
    replaced by a newline and the indentation of the next element."""
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError(f"Initial indentation level must be >= 0, got {level}")
    if not len(tree):
        return
    indentations = ["\n" + level * space]

    def _indent_children(elem, level):
        child_level = level + 1
        try:
            child_indentation = indentations[child_level]
        except IndexError:
            child_indentation = indentations[level] + space
            indentations.append(child_indentation)
        if not elem.text or not elem.text.strip():
            elem.text = child_indentation
        for child in elem:
            if len(child):
                _indent_children(child, child_level)
            if not child.tail or not child.tail.strip():
                child.tail = child_indentation
        if not child.tail.strip():
            child.tail = indentations[level]

    _indent_children(tree, 0)


# --- parsing ---

def parse(source, parser=None):
    """Parse a file (a path or a file object) into an ElementTree."""
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


def XML(text, parser=None):
    """Parse XML from a string (or bytes) and return the root element."""
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    return parser.close()


fromstring = XML


def fromstringlist(sequence, parser=None):
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    for text in sequence:
        parser.feed(text)
    return parser.close()


def XMLID(text, parser=None):
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    tree = parser.close()
    ids = {}
    for elem in tree.iter():
        id = elem.get("id")
        if id:
            ids[id] = elem
    return tree, ids


class TreeBuilder:
    """Builds an element tree from start/end/data/comment/pi calls."""

    def __init__(self, element_factory=None, *, comment_factory=None, pi_factory=None,
                 insert_comments=False, insert_pis=False):
        self._data = []
        self._elem = []
        self._last = None
        self._root = None
        self._tail = None
        if comment_factory is None:
            comment_factory = Comment
        self._comment_factory = comment_factory
        self.insert_comments = insert_comments
        if pi_factory is None:
            pi_factory = ProcessingInstruction
        self._pi_factory = pi_factory
        self.insert_pis = insert_pis
        if element_factory is None:
            element_factory = Element
        self._factory = element_factory

    def close(self):
        assert len(self._elem) == 0, "missing end tags"
        assert self._root is not None, "missing toplevel element"
        return self._root

    def _flush(self):
        if self._data:
            if self._last is not None:
                text = "".join(self._data)
                if self._tail:
                    assert self._last.tail is None, "internal error (tail)"
                    self._last.tail = text
                else:
                    assert self._last.text is None, "internal error (text)"
                    self._last.text = text
            self._data = []

    def data(self, data):
        self._data.append(data)

    def start(self, tag, attrs):
        self._flush()
        self._last = elem = self._factory(tag, attrs)
        if self._elem:
            self._elem[-1].append(elem)
        elif self._root is None:
            self._root = elem
        self._elem.append(elem)
        self._tail = 0
        return elem

    def end(self, tag):
        self._flush()
        self._last = self._elem.pop()
        assert self._last.tag == tag, \
            "end tag mismatch (expected %s, got %s)" % (self._last.tag, tag)
        self._tail = 1
        return self._last

    def comment(self, text):
        return self._handle_single(self._comment_factory, self.insert_comments, text)

    def pi(self, target, text=None):
        return self._handle_single(self._pi_factory, self.insert_pis, target, text)

    def _handle_single(self, factory, insert, *args):
        elem = factory(*args)
        if insert:
            self._flush()
            self._last = elem
            if self._elem:
                self._elem[-1].append(elem)
            self._tail = 1
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

    def __init__(self, events=None, *, _parser=None):
        self._events_queue = []
        self._parser = _parser or XMLParser(target=TreeBuilder())
        if events is None:
            events = ("end",)
        events = tuple(events)
        for e in events:
            if e not in ("start", "end", "comment", "pi", "start-ns", "end-ns"):
                raise ValueError("unknown event %r" % e)
        self._parser._events = (self._events_queue, events)

    def feed(self, data):
        if self._parser is None:
            raise ValueError("feed() called after end of stream")
        if data:
            try:
                self._parser.feed(data)
            except SyntaxError as exc:
                self._events_queue.append(exc)

    def _close_and_return_root(self):
        root = self._parser.close()
        self._parser = None
        return root

    def close(self):
        self._close_and_return_root()

    def read_events(self):
        events = self._events_queue
        while events:
            event = events.pop(0)
            if isinstance(event, Exception):
                raise event
            yield event

    def flush(self):
        pass


class _IterParseIterator:
    def __init__(self, source, events, parser):
        self._close_source = False
        if not hasattr(source, "read"):
            source = open(source, "rb")
            self._close_source = True
        self._source = source
        self._pull = XMLPullParser(events=events, _parser=parser)
        self.root = None
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        try:
            while True:
                for event in self._pull.read_events():
                    return event
                if self._done:
                    raise StopIteration
                data = self._source.read(16 * 1024)
                if data:
                    self._pull.feed(data)
                else:
                    self.root = self._pull._close_and_return_root()
                    self._done = True
        except BaseException:
            if self._close_source:
                self._source.close()
                self._close_source = False
            raise


def iterparse(source, events=None, parser=None):
    """Parse a file incrementally, yielding (event, element) pairs; the iterator's root
    attribute is the root element once it is exhausted."""
    return _IterParseIterator(source, events, parser)
