"""The XML tokenizer behind xml.etree.ElementTree.XMLParser.

asy has no expat: this is a non-validating XML 1.0 parser with namespaces, written to report
what expat reports — the same handler calls (character data split at line ends and
references, as expat delivers it) and the same errors at the same line and column. It is
incremental: feed() parses every complete token and keeps the rest for the next feed.
"""

import re

_TEXT_END = re.compile('[<&]')
_BAD_CHAR = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
_SPACE = ' \t\r\n'

# expat's error codes (pyexpat.errors.codes)
_CODES = {
    'syntax error': 2, 'no element found': 3, 'not well-formed (invalid token)': 4,
    'unclosed token': 5, 'mismatched tag': 7, 'duplicate attribute': 8,
    'junk after document element': 9, 'undefined entity': 11,
    'reference to invalid character number': 14,
    'XML or text declaration not at start of entity': 17, 'unclosed CDATA section': 20,
    'unbound prefix': 27, 'must not undeclare prefix': 28, 'parsing finished': 36,
}
_INVALID = 'not well-formed (invalid token)'
_XML_NS = 'http://www.w3.org/XML/1998/namespace'
_PREDEFINED = {'lt': '<', 'gt': '>', 'amp': '&', 'quot': '"', 'apos': "'"}


def _name_start(c):
    return c.isalpha() or c == '_' or c == ':' or (ord(c) >= 0xC0 and not c.isspace())


def _name_char(c):
    return c.isalnum() or c in '_:-.' or ord(c) == 0xB7 or (ord(c) >= 0xC0 and not c.isspace())


class _Incomplete(Exception):
    """The buffer ends inside a token: wait for more data."""


class Tokenizer:
    """Drives a handler (XMLParser) with start/end/data/comment/pi/doctype/start_ns/end_ns
    calls. error_class builds the ParseError raised for malformed input."""

    def __init__(self, handler, error_class):
        self._h = handler
        self._error_class = error_class
        self._buf = ''
        self._pos = 0
        self._state = 'prolog'      # prolog, content, epilog
        self._finished = False
        self._stack = []            # (raw name, resolved tag, declared prefixes)
        self._scopes = [{'xml': _XML_NS}]
        self._entities = {}
        self._doctype_seen = False
        self.entity = {}

    # --- errors ---

    def _where(self, pos):
        buf = self._buf
        line = buf.count('\n', 0, pos) + 1
        col = pos - (buf.rfind('\n', 0, pos) + 1)
        return line, col

    def _fail(self, msg, pos):
        line, col = self._where(pos)
        err = self._error_class("%s: line %d, column %d" % (msg, line, col))
        err.code = _CODES.get(msg, 0)
        err.position = (line, col)
        raise err

    # --- driving ---

    def feed(self, text):
        if self._finished:
            self._fail('parsing finished', len(self._buf))
        self._buf += text
        self._run(False)

    def close(self):
        if self._finished:
            self._fail('parsing finished', len(self._buf))
        self._run(True)
        self._finished = True
        if self._state != 'epilog':
            self._fail('no element found', len(self._buf))

    def _run(self, final):
        self._final = final
        buf = self._buf
        n = len(buf)
        while self._pos < n:
            p = self._pos
            try:
                if self._state == 'content':
                    c = buf[p]
                    if c == '<':
                        q = self._markup(p)
                    elif c == '&':
                        q = self._reference(p)
                    else:
                        q = self._text(p)
                else:
                    q = self._outside(p)
            except _Incomplete:
                return
            self._pos = q

    def _need(self, i, start, msg='unclosed token'):
        """Position i is past the end: wait for data, or fail on the final call."""
        if self._final:
            self._fail(msg, start)
        raise _Incomplete

    # --- outside the root element ---

    def _outside(self, p):
        buf = self._buf
        n = len(buf)
        c = buf[p]
        if c in _SPACE:
            while p < n and buf[p] in _SPACE:
                p += 1
            return p
        junk = self._state == 'epilog'
        if c != '<':
            self._fail('junk after document element' if junk else 'syntax error', p)
        if p + 1 >= n:
            self._need(p + 1, p)
        c = buf[p + 1]
        if c == '?':
            return self._pi(p, outside=True)
        if c == '!':
            if buf.startswith('<!--', p):
                return self._comment(p)
            if len(buf) - p < 9 and '<!DOCTYPE'.startswith(buf[p:]):
                self._need(n, p)
            if buf.startswith('<!DOCTYPE', p):
                if junk:
                    self._fail('junk after document element', p)
                if self._doctype_seen:
                    self._fail('syntax error', p)
                return self._doctype(p)
            if '<!--'.startswith(buf[p:p + 4]):
                self._need(n, p)
            self._fail('junk after document element' if junk else _INVALID, p if junk else p + 2)
        if junk:
            self._fail('junk after document element', p)
        if _name_start(c):
            return self._start_tag(p)
        self._fail(_INVALID, p + 1)

    def _doctype(self, p):
        buf = self._buf
        n = len(buf)
        i = p + 9
        while i < n and buf[i] in _SPACE:
            i += 1
        j = i
        while j < n and _name_char(buf[j]):
            j += 1
        if j >= n:
            self._need(j, p)
        name = buf[i:j]
        pubid = system = None
        i = j
        words = []
        subset = None
        while True:
            while i < n and buf[i] in _SPACE:
                i += 1
            if i >= n:
                self._need(i, p)
            c = buf[i]
            if c == '>':
                i += 1
                break
            if c in '"\'':
                close = buf.find(c, i + 1)
                if close < 0:
                    self._need(n, p)
                words.append(buf[i + 1:close])
                i = close + 1
            elif c == '[':
                close = self._internal_subset(i + 1, p)
                subset = buf[i + 1:close]
                i = close + 1
            else:
                j = i
                while j < n and buf[j] not in _SPACE and buf[j] not in '>["\'':
                    j += 1
                if j >= n:
                    self._need(j, p)
                words.append(buf[i:j])
                i = j
        if words and words[0] == 'PUBLIC' and len(words) >= 3:
            pubid, system = words[1], words[2]
        elif words and words[0] == 'SYSTEM' and len(words) >= 2:
            system = words[1]
        self._doctype_seen = True
        self._h._doctype(name, pubid, system)
        return i

    def _internal_subset(self, i, start):
        """Skip the internal subset, remembering <!ENTITY name "value"> declarations; return
        the position of its closing ']'."""
        buf = self._buf
        n = len(buf)
        while True:
            if i >= n:
                self._need(i, start)
            c = buf[i]
            if c == ']':
                return i
            if buf.startswith('<!--', i):
                close = buf.find('-->', i + 4)
                if close < 0:
                    self._need(n, start)
                self._h._comment(buf[i + 4:close])      # expat reports these too
                i = close + 3
            elif buf.startswith('<?', i):
                close = buf.find('?>', i + 2)
                if close < 0:
                    self._need(n, start)
                target, _, data = buf[i + 2:close].partition(' ')
                self._h._pi(target, data.lstrip())
                i = close + 2
            elif c == '<':
                # a declaration or PI: up to the '>' outside quotes
                j = i + 1
                words = []
                while True:
                    if j >= n:
                        self._need(j, start)
                    d = buf[j]
                    if d == '>':
                        break
                    if d in '"\'':
                        close = buf.find(d, j + 1)
                        if close < 0:
                            self._need(n, start)
                        words.append(('q', buf[j + 1:close]))
                        j = close + 1
                    elif d in _SPACE:
                        j += 1
                    else:
                        k = j
                        while k < n and buf[k] not in _SPACE and buf[k] not in '>"\'':
                            k += 1
                        words.append(('w', buf[j:k]))
                        j = k
                if (len(words) >= 3 and words[0] == ('w', '!ENTITY') and words[1][0] == 'w'
                        and words[2][0] == 'q' and words[1][1] != '%'):
                    self._entities.setdefault(words[1][1], words[2][1])
                i = j + 1
            else:
                i += 1

    # --- content ---

    def _text(self, p):
        buf = self._buf
        m = _TEXT_END.search(buf, p)
        end = m.start() if m else len(buf)
        if not self._final and end == len(buf) and buf[end - 1] == '\r':
            end -= 1          # a \r\n may be split across feeds
            if end == p:
                raise _Incomplete
        text = buf[p:end]
        bad = _BAD_CHAR.search(text)
        if bad:
            self._fail(_INVALID, p + bad.start())
        k = text.find(']]>')
        if k >= 0:
            self._fail(_INVALID, p + k + 2)
        self._emit(text)
        return end

    def _emit(self, text):
        """Character data as expat reports it: each line end a call of its own."""
        if '\r' in text:
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        data = self._h._data
        if '\n' not in text:
            data(text)
            return
        parts = text.split('\n')
        last = len(parts) - 1
        for i, part in enumerate(parts):
            if part:
                data(part)
            if i < last:
                data('\n')

    def _reference(self, p, in_attr=False):
        """A reference at p: (replacement text, end)."""
        buf = self._buf
        n = len(buf)
        i = p + 1
        if i >= n:
            self._need(i, p)
        if buf[i] == '#':
            i += 1
            hexa = i < n and buf[i] == 'x'
            if hexa:
                i += 1
            digits = '0123456789abcdefABCDEF' if hexa else '0123456789'
            j = i
            while j < n and buf[j] in digits:
                j += 1
            if j >= n:
                self._need(j, p)
            if buf[j] != ';' or j == i:
                self._fail(_INVALID, j)
            num = int(buf[i:j], 16 if hexa else 10)
            if (num > 0x10FFFF or 0xD800 <= num <= 0xDFFF or num in (0xFFFE, 0xFFFF) or
                    (num < 0x20 and num not in (9, 10, 13))):
                self._fail('reference to invalid character number', p)
            text = chr(num)
            end = j + 1
        elif _name_start(buf[i]):
            j = i + 1
            while j < n and _name_char(buf[j]):
                j += 1
            if j >= n:
                self._need(j, p)
            if buf[j] != ';':
                self._fail(_INVALID, j)
            name = buf[i:j]
            if name in _PREDEFINED:
                text = _PREDEFINED[name]
            elif name in self._entities:
                text = self._expand(name, set())
            elif name in self.entity:
                text = self.entity[name]
            else:
                self._fail('undefined entity', p)
            end = j + 1
        else:
            self._fail(_INVALID, i)
        if in_attr:
            return text, end
        self._h._data(text)
        return end

    def _expand(self, name, active):
        """The replacement text of an internal entity, its own references expanded (an
        entity value is parsed again where it is used)."""
        value = self._entities[name]
        if '&' not in value:
            return value
        active = active | {name}
        out = []
        i = 0
        while True:
            j = value.find('&', i)
            if j < 0:
                out.append(value[i:])
                break
            out.append(value[i:j])
            k = value.find(';', j)
            if k < 0:
                out.append(value[j:])
                break
            ref = value[j + 1:k]
            if ref[:2] == '#x':
                out.append(chr(int(ref[2:], 16)))
            elif ref[:1] == '#':
                out.append(chr(int(ref[1:])))
            elif ref in _PREDEFINED:
                out.append(_PREDEFINED[ref])
            elif ref in self._entities and ref not in active:
                out.append(self._expand(ref, active))
            else:
                out.append(value[j:k + 1])
            i = k + 1
        return ''.join(out)

    def _markup(self, p):
        buf = self._buf
        n = len(buf)
        if p + 1 >= n:
            self._need(p + 1, p)
        c = buf[p + 1]
        if c == '/':
            return self._end_tag(p)
        if c == '?':
            return self._pi(p)
        if c == '!':
            if buf.startswith('<!--', p):
                return self._comment(p)
            if buf.startswith('<![CDATA[', p):
                close = buf.find(']]>', p + 9)
                if close < 0:
                    self._need(n, n, 'unclosed CDATA section')
                text = buf[p + 9:close]
                bad = _BAD_CHAR.search(text)
                if bad:
                    self._fail(_INVALID, p + 9 + bad.start())
                self._emit(text)
                return close + 3
            if n - p < 9 and ('<![CDATA['.startswith(buf[p:]) or '<!--'.startswith(buf[p:])):
                self._need(n, p)
            self._fail(_INVALID, p + 2)
        if _name_start(c):
            return self._start_tag(p)
        self._fail(_INVALID, p + 1)

    def _comment(self, p):
        buf = self._buf
        close = buf.find('--', p + 4)
        if close < 0 or close + 2 >= len(buf):
            self._need(len(buf), p)
        if buf[close + 2] != '>':
            self._fail(_INVALID, close + 2)
        self._h._comment(buf[p + 4:close])
        return close + 3

    def _pi(self, p, outside=False):
        buf = self._buf
        n = len(buf)
        i = p + 2
        if i >= n:
            self._need(i, p)
        if not _name_start(buf[i]):
            self._fail(_INVALID, i)
        j = i
        while j < n and _name_char(buf[j]):
            j += 1
        if j >= n:
            self._need(j, p)
        target = buf[i:j]
        close = buf.find('?>', j)
        if close < 0:
            self._need(n, p)
        if target == 'xml':
            if self._state == 'epilog':
                self._fail('junk after document element', p)
            if p != 0:
                self._fail('XML or text declaration not at start of entity', p)
            return close + 2
        if buf[j] not in _SPACE and close != j:
            self._fail(_INVALID, j)
        k = j
        while k < close and buf[k] in _SPACE:
            k += 1
        self._h._pi(target, buf[k:close])
        return close + 2

    def _qname(self, i):
        """Scan a name at i (a name start character); return its end. A second colon is an
        invalid token, as are a leading or trailing one (namespace processing)."""
        buf = self._buf
        n = len(buf)
        if buf[i] == ':':
            self._fail(_INVALID, i)
        j = i + 1
        colon = -1
        while j < n and _name_char(buf[j]):
            if buf[j] == ':':
                if colon >= 0:
                    self._fail(_INVALID, j)
                colon = j
            j += 1
        if j >= n:
            raise _Incomplete
        if colon == j - 1:
            self._fail(_INVALID, j)
        return j

    def _start_tag(self, p):
        buf = self._buf
        n = len(buf)
        try:
            i = self._qname(p + 1)
        except _Incomplete:
            self._need(n, p)
        name = buf[p + 1:i]
        attrs = []
        seen = set()
        empty = False
        while True:
            if i >= n:
                self._need(i, p)
            c = buf[i]
            if c == '>':
                i += 1
                break
            if c == '/':
                if i + 1 >= n:
                    self._need(i + 1, p)
                if buf[i + 1] != '>':
                    self._fail(_INVALID, i + 1)
                empty = True
                i += 2
                break
            if c not in _SPACE:
                self._fail(_INVALID, i)
            while i < n and buf[i] in _SPACE:
                i += 1
            if i >= n:
                self._need(i, p)
            c = buf[i]
            if c in '>/':
                continue
            if not _name_start(c):
                self._fail(_INVALID, i)
            start = i
            try:
                i = self._qname(i)
            except _Incomplete:
                self._need(n, p)
            aname = buf[start:i]
            while i < n and buf[i] in _SPACE:
                i += 1
            if i >= n:
                self._need(i, p)
            if buf[i] != '=':
                self._fail(_INVALID, i)
            i += 1
            while i < n and buf[i] in _SPACE:
                i += 1
            if i >= n:
                self._need(i, p)
            q = buf[i]
            if q not in '"\'':
                self._fail(_INVALID, i)
            i += 1
            parts = []
            while True:
                if i >= n:
                    self._need(i, p)
                c = buf[i]
                if c == q:
                    i += 1
                    break
                if c == '<':
                    self._fail(_INVALID, i)
                if c == '&':
                    text, i = self._reference(i, in_attr=True)
                    parts.append(text)
                    continue
                if c in '\t\n\r':
                    if c == '\r' and buf[i + 1:i + 2] == '\n':
                        i += 1
                    parts.append(' ')
                else:
                    parts.append(c)
                i += 1
            if aname in seen:
                self._fail('duplicate attribute', start)
            seen.add(aname)
            attrs.append((aname, ''.join(parts)))
        self._open(p, name, attrs, empty)
        return i

    def _open(self, p, name, attrs, empty):
        scope = None
        declared = []
        plain = []
        for aname, value in attrs:
            if aname == 'xmlns' or aname.startswith('xmlns:'):
                prefix = aname[6:]
                if prefix and not value:
                    self._fail('must not undeclare prefix', p)
                if scope is None:
                    scope = dict(self._scopes[-1])
                scope[prefix] = value
                declared.append((prefix, value))
            else:
                plain.append((aname, value))
        if scope is not None:
            self._scopes.append(scope)
        else:
            scope = self._scopes[-1]
            self._scopes.append(scope)
        for prefix, uri in declared:
            self._h._start_ns(prefix, uri)
        tag = self._resolve(name, scope, p, True)
        attrib = {}
        for aname, value in plain:
            key = self._resolve(aname, scope, p, False)
            if key in attrib:
                self._fail('duplicate attribute', p)
            attrib[key] = value
        self._stack.append((name, tag, declared))
        self._state = 'content'
        self._h._start(tag, attrib)
        if empty:
            self._close_element()

    def _resolve(self, name, scope, p, element):
        prefix, colon, local = name.partition(':')
        if colon:
            uri = scope.get(prefix)
            if uri is None:
                self._fail('unbound prefix', p)
            return '{%s}%s' % (uri, local)
        if element:
            uri = scope.get('')
            if uri:
                return '{%s}%s' % (uri, name)
        return name

    def _close_element(self):
        name, tag, declared = self._stack.pop()
        self._scopes.pop()
        self._h._end(tag)
        for prefix, uri in declared:
            self._h._end_ns(prefix)
        if not self._stack:
            self._state = 'epilog'

    def _end_tag(self, p):
        buf = self._buf
        n = len(buf)
        i = p + 2
        if i >= n:
            self._need(i, p)
        if not _name_start(buf[i]):
            self._fail(_INVALID, i)
        try:
            j = self._qname(i)
        except _Incomplete:
            self._need(n, p)
        name = buf[i:j]
        while j < n and buf[j] in _SPACE:
            j += 1
        if j >= n:
            self._need(j, p)
        if buf[j] != '>':
            self._fail(_INVALID, j)
        if name != self._stack[-1][0]:
            self._fail('mismatched tag', i)
        self._close_element()
        return j + 1
