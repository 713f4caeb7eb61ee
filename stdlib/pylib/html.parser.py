"""html.parser: a tolerant HTML tokenizer with CPython's HTMLParser interface.

The scanner is written by hand (asy's re has no lookaround); it follows the rules CPython's
tolerant regular expressions encode, so handlers see the same calls for the same input,
malformed input included.
"""

import re
from html import unescape

__all__ = ['HTMLParser']

interesting_normal = re.compile('[&<]')
incomplete = re.compile('&[a-zA-Z#]')
entityref = re.compile('&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]')
charref = re.compile('&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]')
starttagopen = re.compile('<[a-zA-Z]')
piclose = re.compile('>')
commentclose = re.compile(r'--\s*>')
endendtag = re.compile('>')
endtagfind = re.compile(r'</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>')
_wait_for_ref = re.compile(r'[\s;]')
_declname = re.compile(r'[a-zA-Z][-_.a-zA-Z0-9]*\s*')
_markedsectionclose = re.compile(r']\s*]\s*>')
_msmarkedsectionclose = re.compile(r']\s*>')

_TAGNAME_STOP = '\t\n\r\f />\x00'
_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'


def _tagname_end(raw, p):
    """The end of a tag name starting at p (a letter), as [a-zA-Z][^\\t\\n\\r\\f />\\x00]*."""
    n = len(raw)
    p += 1
    while p < n and raw[p] not in _TAGNAME_STOP:
        p += 1
    return p


def _skip_seps(raw, p):
    """Skip (?:\\s|/(?!>))*: white space, and slashes not closing the tag."""
    n = len(raw)
    while p < n:
        c = raw[p]
        if c.isspace() or (c == '/' and raw[p + 1:p + 2] != '>'):
            p += 1
        else:
            break
    return p


def _skip_space(raw, p):
    n = len(raw)
    while p < n and raw[p].isspace():
        p += 1
    return p


def _scan_attr(raw, k):
    """One attribute at k: (name, has_value, raw_value, end), or None when none starts
    there. An attribute name must follow a quote, white space or a slash."""
    n = len(raw)
    if k >= n or k == 0:
        return None
    before = raw[k - 1]
    if not (before in '\'"/' or before.isspace()):
        return None
    c = raw[k]
    if c.isspace() or c in '/>':
        return None
    p = k + 1
    while p < n and not raw[p].isspace() and raw[p] not in '/=>':
        p += 1
    name = raw[k:p]
    value = None
    # value: \s*=+\s*('...'|"..."|bare), with the regex's backtracking when a quote is unclosed
    s1 = _skip_space(raw, p)
    if s1 < n and raw[s1] == '=':
        e = s1
        while e < n and raw[e] == '=':
            e += 1
        s2 = _skip_space(raw, e)
        q = raw[s2:s2 + 1]
        vend = -1
        if q in ('"', "'"):
            close = raw.find(q, s2 + 1)
            if close >= 0:
                vstart, vend = s2, close + 1
            elif s2 > e:
                vstart = vend = s2 - 1          # an empty bare value before the last space
            elif e - s1 >= 2:
                vstart = e - 1                  # the last '=' starts a bare value
                vend = vstart
                while vend < n and raw[vend] != '>' and not raw[vend].isspace():
                    vend += 1
        else:
            vstart = vend = s2
            while vend < n and raw[vend] != '>' and not raw[vend].isspace():
                vend += 1
        if vend >= 0:
            value = raw[vstart:vend]
            p = vend
    return name, value, _skip_seps(raw, p)


class HTMLParser:
    """Find tags and other markup and call handler functions.

    Feed text with feed() (as much as you like, in pieces); tags, data, comments and
    references go to the handle_* methods, which subclasses override."""

    CDATA_CONTENT_ELEMENTS = ("script", "style")
    _starttag_text = None

    def __init__(self, *, convert_charrefs=True):
        self.convert_charrefs = convert_charrefs
        self.reset()

    def reset(self):
        self.rawdata = ''
        self.lasttag = '???'
        self.interesting = interesting_normal
        self.cdata_elem = None
        self.lineno = 1
        self.offset = 0

    def feed(self, data):
        self.rawdata = self.rawdata + data
        self.goahead(0)

    def close(self):
        self.goahead(1)

    def getpos(self):
        return self.lineno, self.offset

    def updatepos(self, i, j):
        if i >= j:
            return j
        rawdata = self.rawdata
        nlines = rawdata.count("\n", i, j)
        if nlines:
            self.lineno = self.lineno + nlines
            pos = rawdata.rindex("\n", i, j)
            self.offset = j - (pos + 1)
        else:
            self.offset = self.offset + j - i
        return j

    def get_starttag_text(self):
        return self._starttag_text

    def set_cdata_mode(self, elem):
        self.cdata_elem = elem.lower()
        self.interesting = re.compile(r'</\s*%s\s*>' % self.cdata_elem, re.I)

    def clear_cdata_mode(self):
        self.interesting = interesting_normal
        self.cdata_elem = None

    def _data(self, text):
        if self.convert_charrefs and not self.cdata_elem:
            self.handle_data(unescape(text))
        else:
            self.handle_data(text)

    def goahead(self, end):
        rawdata = self.rawdata
        i = 0
        n = len(rawdata)
        while i < n:
            if self.convert_charrefs and not self.cdata_elem:
                j = rawdata.find('<', i)
                if j < 0:
                    # A reference may be cut at the end of what was fed: wait for more
                    # text unless the last & is followed by a space or a semicolon.
                    amppos = rawdata.rfind('&', max(i, n - 34))
                    if amppos >= 0 and not _wait_for_ref.search(rawdata, amppos):
                        break
                    j = n
            else:
                m = self.interesting.search(rawdata, i)
                if m:
                    j = m.start()
                else:
                    if self.cdata_elem:
                        break
                    j = n
            if i < j:
                self._data(rawdata[i:j])
            i = self.updatepos(i, j)
            if i == n:
                break
            if rawdata.startswith('<', i):
                if starttagopen.match(rawdata, i):
                    k = self.parse_starttag(i)
                elif rawdata.startswith("</", i):
                    k = self.parse_endtag(i)
                elif rawdata.startswith("<!--", i):
                    k = self.parse_comment(i)
                elif rawdata.startswith("<?", i):
                    k = self.parse_pi(i)
                elif rawdata.startswith("<!", i):
                    k = self.parse_html_declaration(i)
                elif (i + 1) < n:
                    self.handle_data("<")
                    k = i + 1
                else:
                    break
                if k < 0:
                    if not end:
                        break
                    k = rawdata.find('>', i + 1)
                    if k < 0:
                        k = rawdata.find('<', i + 1)
                        if k < 0:
                            k = i + 1
                    else:
                        k += 1
                    self._data(rawdata[i:k])
                i = self.updatepos(i, k)
            elif rawdata.startswith("&#", i):
                m = charref.match(rawdata, i)
                if m:
                    self.handle_charref(m.group()[2:-1])
                    k = m.end()
                    if not rawdata.startswith(';', k - 1):
                        k = k - 1
                    i = self.updatepos(i, k)
                    continue
                if ";" in rawdata[i:]:  # bail by consuming '&#'
                    self.handle_data(rawdata[i:i + 2])
                    i = self.updatepos(i, i + 2)
                break
            elif rawdata.startswith('&', i):
                m = entityref.match(rawdata, i)
                if m:
                    self.handle_entityref(m.group(1))
                    k = m.end()
                    if not rawdata.startswith(';', k - 1):
                        k = k - 1
                    i = self.updatepos(i, k)
                    continue
                m = incomplete.match(rawdata, i)
                if m:
                    if end and m.group() == rawdata[i:]:
                        i = self.updatepos(i, i + 1)
                    break
                elif (i + 1) < n:
                    self.handle_data("&")
                    i = self.updatepos(i, i + 1)
                else:
                    break
            else:
                raise AssertionError("interesting.search() lied")
        if end and i < n and not self.cdata_elem:
            self._data(rawdata[i:n])
            i = self.updatepos(i, n)
        self.rawdata = rawdata[i:]

    # --- markup ---

    def parse_html_declaration(self, i):
        rawdata = self.rawdata
        if rawdata[i:i + 4] == '<!--':
            return self.parse_comment(i)
        if rawdata[i:i + 3] == '<![':
            return self.parse_marked_section(i)
        if rawdata[i:i + 9].lower() == '<!doctype':
            gtpos = rawdata.find('>', i + 9)
            if gtpos == -1:
                return -1
            self.handle_decl(rawdata[i + 2:gtpos])
            return gtpos + 1
        return self.parse_bogus_comment(i)

    def parse_bogus_comment(self, i, report=1):
        rawdata = self.rawdata
        pos = rawdata.find('>', i + 2)
        if pos == -1:
            return -1
        if report:
            self.handle_comment(rawdata[i + 2:pos])
        return pos + 1

    def parse_comment(self, i, report=1):
        rawdata = self.rawdata
        m = commentclose.search(rawdata, i + 4)
        if not m:
            return -1
        if report:
            self.handle_comment(rawdata[i + 4:m.start()])
        return m.end()

    def parse_marked_section(self, i, report=1):
        rawdata = self.rawdata
        name, j = self._scan_name(i + 3, i)
        if j < 0:
            return j
        if name in {"temp", "cdata", "ignore", "include", "rcdata"}:
            m = _markedsectionclose.search(rawdata, i + 3)
        elif name in {"if", "else", "endif"}:
            m = _msmarkedsectionclose.search(rawdata, i + 3)
        else:
            raise AssertionError('unknown status keyword %r in marked section' % rawdata[i + 3:j])
        if not m:
            return -1
        if report:
            self.unknown_decl(rawdata[i + 3:m.start()])
        return m.end()

    def _scan_name(self, i, declstartpos):
        rawdata = self.rawdata
        n = len(rawdata)
        if i == n:
            return None, -1
        m = _declname.match(rawdata, i)
        if m:
            s = m.group()
            if i + len(s) == n:
                return None, -1
            return s.strip().lower(), m.end()
        self.updatepos(declstartpos, i)
        raise AssertionError("expected name token at %r" % rawdata[declstartpos:declstartpos + 20])

    def parse_pi(self, i):
        rawdata = self.rawdata
        m = piclose.search(rawdata, i + 2)
        if not m:
            return -1
        self.handle_pi(rawdata[i + 2:m.start()])
        return m.end()

    def check_for_whole_start_tag(self, i):
        rawdata = self.rawdata
        j = _tagname_end(rawdata, i + 1)
        # optional [\s/]* then attributes, then \s*
        p = j
        while p < len(rawdata) and (rawdata[p].isspace() or rawdata[p] == '/'):
            p += 1
        while True:
            a = _scan_attr(rawdata, p)
            if a is None:
                break
            p = a[2]
        j = _skip_space(rawdata, p)
        nxt = rawdata[j:j + 1]
        if nxt == ">":
            return j + 1
        if nxt == "/":
            if rawdata.startswith("/>", j):
                return j + 2
            return -1
        if nxt == "":
            return -1
        if nxt in _LETTERS or nxt in "=/":
            return -1
        if j > i:
            return j
        return i + 1

    def parse_starttag(self, i):
        self._starttag_text = None
        endpos = self.check_for_whole_start_tag(i)
        if endpos < 0:
            return endpos
        rawdata = self.rawdata
        self._starttag_text = rawdata[i:endpos]
        attrs = []
        k = _tagname_end(rawdata, i + 1)
        self.lasttag = tag = rawdata[i + 1:k].lower()
        k = _skip_seps(rawdata, k)
        while k < endpos:
            a = _scan_attr(rawdata, k)
            if a is None:
                break
            name, value, k = a
            if value is not None:
                if value[:1] == '\'' == value[-1:] or value[:1] == '"' == value[-1:]:
                    value = value[1:-1]
                if value:
                    value = unescape(value)
            attrs.append((name.lower(), value))
        end = rawdata[k:endpos].strip()
        if end not in (">", "/>"):
            self.handle_data(rawdata[i:endpos])
            return endpos
        if end.endswith('/>'):
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        return endpos

    def parse_endtag(self, i):
        rawdata = self.rawdata
        m = endendtag.search(rawdata, i + 1)
        if not m:
            return -1
        gtpos = m.end()
        m = endtagfind.match(rawdata, i)
        if not m:
            if self.cdata_elem is not None:
                self.handle_data(rawdata[i:gtpos])
                return gtpos
            if not (rawdata[i + 2:i + 3] and rawdata[i + 2] in _LETTERS):
                if rawdata[i:i + 3] == '</>':
                    return i + 3
                return self.parse_bogus_comment(i)
            e = _tagname_end(rawdata, i + 2)
            tagname = rawdata[i + 2:e].lower()
            gtpos = rawdata.find('>', _skip_seps(rawdata, e))
            self.handle_endtag(tagname)
            return gtpos + 1
        elem = m.group(1).lower()
        if self.cdata_elem is not None:
            if elem != self.cdata_elem:
                self.handle_data(rawdata[i:gtpos])
                return gtpos
        self.handle_endtag(elem)
        self.clear_cdata_mode()
        return gtpos

    # --- handlers, overridden by subclasses ---

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_data(self, data):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass
