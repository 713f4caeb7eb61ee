"""html.parser: a tolerant HTML tokenizer with CPython's HTMLParser interface.

The scanner is written by hand (asy's re has no lookaround); it follows the rules CPython's
tolerant regular expressions encode, so handlers see the same calls for the same input,
malformed input included.
"""

import re
from html import unescape

__all__ = ['HTMLParser']

# The module-level patterns CPython's html.parser exposes (scripts sometimes reuse them);
# the tokenizer below uses most of them, endendtag is kept only as an attribute.
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


def _attr_value(value):
    """An attribute's value as handle_starttag receives it: unquoted and decoded."""
    if value is None:
        return None
    if value[:1] in ('"', "'") and value[-1:] == value[:1]:
        value = value[1:-1]
    return unescape(value) if value else value


class HTMLParser:
    """A push tokenizer for HTML: feed() it text in any number of pieces and it calls
    the handle_* hooks (start and end tags, text, comments, references, declarations)
    as soon as each piece of markup is complete. Subclasses override the hooks."""

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
        self.rawdata += data
        self.goahead(0)

    def close(self):
        self.goahead(1)

    def getpos(self):
        return self.lineno, self.offset

    def updatepos(self, i, j):
        # Move the (line, column) position over rawdata[i:j]; returns j.
        if j > i:
            text = self.rawdata
            last_nl = text.rfind("\n", i, j)
            if last_nl < 0:
                self.offset += j - i
            else:
                self.lineno += text.count("\n", i, j)
                self.offset = j - last_nl - 1
        return j

    def get_starttag_text(self):
        return self._starttag_text

    def set_cdata_mode(self, elem):
        # Inside <script>/<style> only the matching end tag is markup.
        name = elem.lower()
        self.cdata_elem = name
        self.interesting = re.compile(r'</\s*%s\s*>' % name, re.I)

    def clear_cdata_mode(self):
        self.cdata_elem = None
        self.interesting = interesting_normal

    def _decoding(self):
        return self.convert_charrefs and not self.cdata_elem

    def _data(self, text):
        self.handle_data(unescape(text) if self._decoding() else text)

    # --- the main loop ---

    def goahead(self, end):
        """Hand every complete piece of rawdata to the hooks; keep the unfinished tail
        in rawdata for the next feed(). With end true (close()), flush what is left."""
        raw = self.rawdata
        size = len(raw)
        pos = 0
        while pos < size:
            stop = self._text_stop(raw, pos)
            if stop < 0:
                break
            if stop > pos:
                self._data(raw[pos:stop])
                pos = self.updatepos(pos, stop)
                if pos == size:
                    break
            if raw[pos] == '<':
                nxt, more = self._at_markup(raw, pos, end)
            else:
                nxt, more = self._at_reference(raw, pos, end)
            pos = self.updatepos(pos, nxt)
            if not more:
                break
        if end and pos < size and not self.cdata_elem:
            self._data(raw[pos:])
            pos = self.updatepos(pos, size)
        self.rawdata = raw[pos:]

    def _text_stop(self, raw, pos):
        """Where the text starting at pos ends (the next markup), or -1 to wait for more."""
        if self._decoding():
            # Text is decoded as a whole, so only '<' ends it; a reference cut off by the
            # end of the buffer (no white space or ';' after the last '&') must wait.
            lt = raw.find('<', pos)
            if lt >= 0:
                return lt
            amp = raw.rfind('&', max(pos, len(raw) - 34))
            if amp >= 0 and not _wait_for_ref.search(raw, amp):
                return -1
            return len(raw)
        m = self.interesting.search(raw, pos)
        if m:
            return m.start()
        return -1 if self.cdata_elem else len(raw)

    # markup kinds by opener, tried in order after the start-tag test
    _OPENERS = (("</", "parse_endtag"), ("<!--", "parse_comment"), ("<?", "parse_pi"),
                ("<!", "parse_html_declaration"))

    def _at_markup(self, raw, pos, end):
        """Parse the markup at raw[pos] == '<': (next position, whether to go on)."""
        parse = None
        if starttagopen.match(raw, pos):
            parse = self.parse_starttag
        else:
            for opener, name in self._OPENERS:
                if raw.startswith(opener, pos):
                    parse = getattr(self, name)
                    break
        if parse is None:
            # a '<' that opens nothing is text, unless it is the last character
            if pos + 1 == len(raw):
                return pos, False
            self.handle_data("<")
            return pos + 1, True
        nxt = parse(pos)
        if nxt >= 0:
            return nxt, True
        if not end:
            return pos, False
        # Unfinished markup at close(): it becomes text, through the next '>' (or up
        # to the next '<', or just the '<' itself).
        gt = raw.find('>', pos + 1)
        if gt >= 0:
            nxt = gt + 1
        else:
            nxt = raw.find('<', pos + 1)
            if nxt < 0:
                nxt = pos + 1
        self._data(raw[pos:nxt])
        return nxt, True

    def _at_reference(self, raw, pos, end):
        """A reference at raw[pos] == '&' when references are not decoded."""
        numeric = raw.startswith("&#", pos)
        m = (charref if numeric else entityref).match(raw, pos)
        if m:
            # the pattern took one character past the name: give it back unless ';'
            nxt = m.end()
            if raw[nxt - 1] != ';':
                nxt -= 1
            if numeric:
                self.handle_charref(m.group()[2:-1])
            else:
                self.handle_entityref(m.group(1))
            return nxt, True
        if numeric:
            if ";" in raw[pos:]:
                self.handle_data(raw[pos:pos + 2])
                return pos + 2, False
            return pos, False
        m = incomplete.match(raw, pos)
        if m:
            # a name may still be coming: wait. At close(), when the input ends
            # with '&' and one more character, CPython drops the '&' and the
            # character is flushed as text ('x &a' gives 'x ', 'a').
            if end and m.end() == len(raw):
                return pos + 1, False
            return pos, False
        if pos + 1 == len(raw):
            return pos, False
        self.handle_data("&")
        return pos + 1, True

    # --- markup ---

    def parse_html_declaration(self, i):
        raw = self.rawdata
        if raw.startswith('<!--', i):
            return self.parse_comment(i)
        if raw.startswith('<![', i):
            return self.parse_marked_section(i)
        if raw[i + 2:i + 9].lower() == 'doctype':
            close = raw.find('>', i + 9)
            if close >= 0:
                self.handle_decl(raw[i + 2:close])
                return close + 1
            return -1
        return self.parse_bogus_comment(i)

    def _closed_by(self, i, skip, closer, hook, report=1):
        """Markup opened at i whose body starts skip characters in and ends where the
        pattern closer matches: pass the body to hook, return the position after it."""
        raw = self.rawdata
        m = closer.search(raw, i + skip)
        if m is None:
            return -1
        if report:
            hook(raw[i + skip:m.start()])
        return m.end()

    def parse_bogus_comment(self, i, report=1):
        return self._closed_by(i, 2, piclose, self.handle_comment, report)

    def parse_comment(self, i, report=1):
        return self._closed_by(i, 4, commentclose, self.handle_comment, report)

    def parse_pi(self, i):
        return self._closed_by(i, 2, piclose, self.handle_pi)

    # marked sections: keyword -> how the section closes
    _SECTION_CLOSERS = {"temp": _markedsectionclose, "cdata": _markedsectionclose,
                        "ignore": _markedsectionclose, "include": _markedsectionclose,
                        "rcdata": _markedsectionclose, "if": _msmarkedsectionclose,
                        "else": _msmarkedsectionclose, "endif": _msmarkedsectionclose}

    def parse_marked_section(self, i, report=1):
        keyword, after = self._scan_name(i + 3, i)
        if after < 0:
            return after
        closer = self._SECTION_CLOSERS.get(keyword)
        if closer is None:
            raise AssertionError('unknown status keyword %r in marked section'
                                 % self.rawdata[i + 3:after])
        return self._closed_by(i, 3, closer, self.unknown_decl, report)

    def _scan_name(self, i, declstartpos):
        # A declaration keyword at i: (lowercased name, position after it and its
        # trailing space), or (None, -1) when the buffer ends before it is known.
        raw = self.rawdata
        if i == len(raw):
            return None, -1
        m = _declname.match(raw, i)
        if m is None:
            self.updatepos(declstartpos, i)
            raise AssertionError("expected name token at %r"
                                 % raw[declstartpos:declstartpos + 20])
        if m.end() == len(raw):
            return None, -1
        return m.group().strip().lower(), m.end()

    def check_for_whole_start_tag(self, i):
        """The end of the start tag at i if it is complete, -1 if more input is needed."""
        raw = self.rawdata
        p = _tagname_end(raw, i + 1)
        while p < len(raw) and (raw[p] == '/' or raw[p].isspace()):
            p += 1
        attr = _scan_attr(raw, p)
        while attr is not None:
            p = attr[2]
            attr = _scan_attr(raw, p)
        p = _skip_space(raw, p)
        follow = raw[p:p + 1]
        if follow == ">":
            return p + 1
        if follow == "/":
            return p + 2 if raw[p + 1:p + 2] == ">" else -1
        if not follow or follow in _LETTERS or follow in "=/":
            return -1     # the tag may still be growing
        return p if p > i else i + 1

    def parse_starttag(self, i):
        self._starttag_text = None
        endpos = self.check_for_whole_start_tag(i)
        if endpos < 0:
            return endpos
        raw = self.rawdata
        self._starttag_text = raw[i:endpos]
        name_end = _tagname_end(raw, i + 1)
        tag = raw[i + 1:name_end].lower()
        self.lasttag = tag
        attrs = []
        p = _skip_seps(raw, name_end)
        while p < endpos:
            attr = _scan_attr(raw, p)
            if attr is None:
                break
            name, value, p = attr
            attrs.append((name.lower(), _attr_value(value)))
        closing = raw[p:endpos].strip()
        if closing == ">":
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        elif closing == "/>":
            self.handle_startendtag(tag, attrs)
        else:
            # junk before the '>': the whole tag is text
            self.handle_data(raw[i:endpos])
        return endpos

    def parse_endtag(self, i):
        raw = self.rawdata
        gt = raw.find('>', i + 1)
        if gt < 0:
            return -1
        after = gt + 1
        m = endtagfind.match(raw, i)
        name = m.group(1).lower() if m else None
        if self.cdata_elem is not None and name != self.cdata_elem:
            # inside <script>/<style> any other end tag is text
            self.handle_data(raw[i:after])
            return after
        if name is None:
            # a sloppy end tag: </ junk>, </>, or a name followed by attributes
            if not raw[i + 2:i + 3] or raw[i + 2] not in _LETTERS:
                return i + 3 if raw.startswith('</>', i) else self.parse_bogus_comment(i)
            stop = _tagname_end(raw, i + 2)
            self.handle_endtag(raw[i + 2:stop].lower())
            return raw.find('>', _skip_seps(raw, stop)) + 1
        self.handle_endtag(name)
        self.clear_cdata_mode()
        return after

    # --- hooks, for subclasses to override ---

    def handle_startendtag(self, tag, attrs):
        # <tag/>: by default a start tag immediately closed
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
