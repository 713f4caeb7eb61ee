"""html: escaping and unescaping of HTML text (html.parser and html.entities are submodules)."""

import re as _re

__all__ = ['escape', 'unescape']


# One pass over the text, each special character mapped to its reference.
_ESCAPES = {ord('&'): '&amp;', ord('<'): '&lt;', ord('>'): '&gt;'}
_ESCAPES_QUOTES = {**_ESCAPES, ord('"'): '&quot;', ord("'"): '&#x27;'}


def escape(s, quote=True):
    """Replace &, < and > (and, when quote is true, both quote characters) by references."""
    return s.translate(_ESCAPES_QUOTES if quote else _ESCAPES)


# Numeric references the HTML5 parser maps to something else (mostly Windows-1252).
_invalid_charrefs = {0x00: '�', 0x0d: '\r', 0x80: '€', 0x81: '\x81', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8d: '\x8d', 0x8e: 'Ž', 0x8f: '\x8f', 0x90: '\x90', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9d: '\x9d', 0x9e: 'ž', 0x9f: 'Ÿ'}

# Code points a numeric reference may not produce (HTML5): they become nothing.
_invalid_codepoints = set(range(0x1, 0x9)) | set(range(0xe, 0x20)) | set(range(0x7f, 0xa0))
_invalid_codepoints |= set(range(0xfdd0, 0xfdf0)) | {0xb}
_invalid_codepoints |= {plane + low for plane in range(0, 0x110000, 0x10000) for low in (0xfffe, 0xffff)}

_charref = _re.compile(r'&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)')
_html5 = None


def _replace_charref(m):
    global _html5
    s = m.group(1)
    if s[0] == '#':
        if s[1] in 'xX':
            num = int(s[2:].rstrip(';'), 16)
        else:
            num = int(s[1:].rstrip(';'))
        if num in _invalid_charrefs:
            return _invalid_charrefs[num]
        if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return '\uFFFD'
        if num in _invalid_codepoints:
            return ''
        return chr(num)
    if _html5 is None:
        from html.entities import html5
        _html5 = html5
    if s in _html5:
        return _html5[s]
    # the longest prefix that names a reference (legacy names need no semicolon)
    for x in range(len(s) - 1, 1, -1):
        if s[:x] in _html5:
            return _html5[s[:x]] + s[x:]
    return '&' + s


def unescape(s):
    """Replace every named and numeric character reference in s by its character(s),
    as an HTML5 parser would."""
    if '&' not in s:
        return s
    return _charref.sub(_replace_charref, s)
