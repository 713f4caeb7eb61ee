"""urllib.parse: splitting, joining and quoting URLs (RFC 3986, as CPython 3.11 does it)."""

import collections as _collections

__all__ = ['urlparse', 'urlunparse', 'urljoin', 'urldefrag', 'urlsplit', 'urlunsplit',
           'urlencode', 'parse_qs', 'parse_qsl', 'quote', 'quote_plus', 'quote_from_bytes',
           'unquote', 'unquote_plus', 'unquote_to_bytes', 'DefragResult', 'ParseResult',
           'SplitResult', 'DefragResultBytes', 'ParseResultBytes', 'SplitResultBytes']

# Which schemes take part in relative resolution, have a netloc, and so on. These lists are
# public (scripts append their own schemes), so their names and contents are CPython's.
uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp',
                 'mms', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms',
               'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'rsync', 'svn',
               'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtsps',
               'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']
non_hierarchical = ['gopher', 'hdl', 'mailto', 'news', 'telnet', 'wais', 'imap', 'snews', 'sip', 'sips']
uses_query = ['', 'http', 'wais', 'imap', 'https', 'shttp', 'mms', 'gopher', 'rtsp', 'rtsps',
              'rtspu', 'sip', 'sips']
uses_fragment = ['', 'ftp', 'hdl', 'http', 'gopher', 'news', 'nntp', 'wais', 'https', 'shttp',
                 'snews', 'file', 'prospero']

_LOWER = 'abcdefghijklmnopqrstuvwxyz'
scheme_chars = _LOWER + _LOWER.upper() + '0123456789+-.'

# What the WHATWG URL standard strips from both ends, and the characters it drops anywhere.
_C0_OR_SPACE = ''.join(chr(i) for i in range(33))
_DROPPED = str.maketrans('', '', '\t\r\n')
_HEX = '0123456789ABCDEFabcdef'


# --- str or bytes ---
# Every function works on str. Bytes arguments are decoded as ASCII on the way in and the
# result is encoded back on the way out; mixing the two is an error.

def _ascii_out(result):
    # result is a str or one of the str result tuples, which both have encode()
    return result.encode('ascii', 'strict')


def _same(result):
    return result


def _as_text(*values):
    """(the values as str..., a function that turns a str result back into the callers' type)."""
    want_str = isinstance(values[0], str)
    for v in values[1:]:
        if v and isinstance(v, str) is not want_str:
            raise TypeError("Cannot mix str and non-str arguments")
    if want_str:
        return values + (_same,)
    decoded = tuple(v.decode('ascii', 'strict') if v else '' for v in values)
    return decoded + (_ascii_out,)


# --- result tuples ---

def _authority(netloc):
    """(user, password, host, port) of a netloc; absent parts are None (host is '' then)."""
    userinfo, at, hostport = netloc.rpartition('@')
    user = password = None
    if at:
        user, colon, rest = userinfo.partition(':')
        if colon:
            password = rest
    before, bracket, inside = hostport.partition('[')
    if bracket:
        host, _, after = inside.partition(']')
        port = after.partition(':')[2]
    else:
        host, _, port = before.partition(':')
    return user, password, host, port or None


class _NetlocParts:
    """username, password, hostname and port, read from the netloc field on each access."""
    __slots__ = ()

    def _parts(self):
        netloc = self.netloc
        if isinstance(netloc, str):
            return _authority(netloc)
        # bytes: work on a latin-1 view so every byte maps to one character and back
        return tuple(None if p is None else p.encode('latin-1')
                     for p in _authority(netloc.decode('latin-1')))

    @property
    def username(self):
        return self._parts()[0]

    @property
    def password(self):
        return self._parts()[1]

    @property
    def hostname(self):
        host = self._parts()[2]
        if not host:
            return None
        # the zone of a scoped IPv6 address keeps its case
        name, pct, zone = host.partition('%' if isinstance(host, str) else b'%')
        return name.lower() + pct + zone

    @property
    def port(self):
        text = self._parts()[3]
        if text is None:
            return None
        if not (text.isdigit() and text.isascii()):
            raise ValueError(f"Port could not be cast to integer value as {text!r}")
        number = int(text)
        if number > 65535:
            raise ValueError("Port out of range 0-65535")
        return number


class _StrResult:
    __slots__ = ()

    def encode(self, encoding='ascii', errors='strict'):
        return self._twin(*[field.encode(encoding, errors) for field in self])


class _BytesResult:
    __slots__ = ()

    def decode(self, encoding='ascii', errors='strict'):
        return self._twin(*[field.decode(encoding, errors) for field in self])


def _defrag_geturl(self):
    if not self.fragment:
        return self.url
    return self.url + ('#' if isinstance(self.url, str) else b'#') + self.fragment


def _result_pair(name, fields, geturl, netloc):
    """The str result class name and its bytes twin nameBytes, both namedtuples of fields."""
    tuple_base = _collections.namedtuple(name, fields)
    extra = (_NetlocParts,) if netloc else ()
    made = []
    for suffix, kind in (('', _StrResult), ('Bytes', _BytesResult)):
        ns = {'__slots__': (), 'geturl': geturl, '__module__': __name__,
              '__qualname__': name + suffix}
        made.append(type(name + suffix, (tuple_base,) + extra + (kind,), ns))
    text_cls, bytes_cls = made
    text_cls._twin, bytes_cls._twin = bytes_cls, text_cls
    return text_cls, bytes_cls


DefragResult, DefragResultBytes = _result_pair(
    'DefragResult', 'url fragment', _defrag_geturl, False)
SplitResult, SplitResultBytes = _result_pair(
    'SplitResult', 'scheme netloc path query fragment', lambda self: urlunsplit(self), True)
ParseResult, ParseResultBytes = _result_pair(
    'ParseResult', 'scheme netloc path params query fragment', lambda self: urlunparse(self), True)


# --- hosts in brackets ---

def _ipv4_ok(s):
    fields = s.split('.')
    return len(fields) == 4 and all(
        f.isascii() and f.isdigit() and len(f) <= 3 and int(f) <= 255 and (f == '0' or f[0] != '0')
        for f in fields)


def _ipv6_ok(s):
    s = s.partition('%')[0]
    if not s:
        return False
    if '.' in s:
        # a trailing dotted quad stands for the last two groups
        head, _, quad = s.rpartition(':')
        if not _ipv4_ok(quad):
            return False
        s = head + ':0:0'
    gaps = s.count('::')
    if gaps > 1:
        return False
    if gaps:
        left, _, right = s.partition('::')
        groups = (left.split(':') if left else []) + (right.split(':') if right else [])
        if len(groups) > 7:
            return False
    else:
        groups = s.split(':')
        if len(groups) != 8:
            return False
    return all(0 < len(g) <= 4 and all(c in _HEX for c in g) for g in groups)


def _check_bracketed_host(hostname):
    # An IPv6 literal, or an IPvFuture one (v<hex>.<chars>).
    if hostname[:1] == 'v':
        dot = hostname.find('.')
        if dot < 2 or dot == len(hostname) - 1 or any(c not in _HEX for c in hostname[1:dot]):
            raise ValueError("IPvFuture address is invalid")
    elif _ipv4_ok(hostname):
        raise ValueError("An IPv4 address cannot be in brackets")
    elif not _ipv6_ok(hostname):
        raise ValueError(f"{hostname!r} does not appear to be an IPv4 or IPv6 address")


def _check_netloc_brackets(netloc):
    opens, closes = '[' in netloc, ']' in netloc
    if opens != closes:
        raise ValueError("Invalid IPv6 URL")
    if opens:
        _check_bracketed_host(netloc.partition('[')[2].partition(']')[0])


# --- splitting and joining ---

def _leading_scheme(url):
    """(scheme, rest) when url starts with a scheme and a colon, else ('', url)."""
    colon = url.find(':')
    if colon <= 0 or not (url[0].isascii() and url[0].isalpha()):
        return '', url
    candidate = url[:colon]
    if candidate.strip(scheme_chars):
        return '', url
    return candidate.lower(), url[colon + 1:]


def _cut(s, sep):
    """(before, after) of the first sep in s, or (s, '') without one."""
    before, found, after = s.partition(sep)
    return (before, after) if found else (s, '')


def urlsplit(url, scheme='', allow_fragments=True):
    url, scheme, back = _as_text(url, scheme)
    url = url.lstrip(_C0_OR_SPACE).translate(_DROPPED)
    scheme = scheme.strip(_C0_OR_SPACE).translate(_DROPPED)
    found, url = _leading_scheme(url)
    scheme = found or scheme
    netloc = ''
    if url.startswith('//'):
        end = len(url)
        for stop in '/?#':
            at = url.find(stop, 2)
            if 0 <= at < end:
                end = at
        netloc, url = url[2:end], url[end:]
        _check_netloc_brackets(netloc)
    fragment = ''
    if allow_fragments:
        url, fragment = _cut(url, '#')
    path, query = _cut(url, '?')
    return back(SplitResult(scheme, netloc, path, query, fragment))


def _split_params(path):
    # params follow the first ';' of the last path segment
    semi = path.find(';', max(path.rfind('/'), 0))
    if semi < 0:
        return path, ''
    return path[:semi], path[semi + 1:]


def urlparse(url, scheme='', allow_fragments=True):
    url, scheme, back = _as_text(url, scheme)
    parts = urlsplit(url, scheme, allow_fragments)
    path, params = parts.path, ''
    if parts.scheme in uses_params and ';' in path:
        path, params = _split_params(path)
    return back(ParseResult(parts.scheme, parts.netloc, path, params, parts.query, parts.fragment))


def urlunsplit(components):
    scheme, netloc, path, query, fragment, back = _as_text(*components)
    pieces = []
    if scheme:
        pieces += [scheme, ':']
    if netloc or (scheme and scheme in uses_netloc and not path.startswith('//')):
        pieces += ['//', netloc or '']
        if path and not path.startswith('/'):
            pieces.append('/')
    pieces.append(path)
    for mark, value in (('?', query), ('#', fragment)):
        if value:
            pieces += [mark, value]
    return back(''.join(pieces))


def urlunparse(components):
    scheme, netloc, path, params, query, fragment, back = _as_text(*components)
    if params:
        path = path + ';' + params
    return back(urlunsplit((scheme, netloc, path, query, fragment)))


def _resolve_path(base_path, ref_path):
    """The path of a relative reference ref_path resolved against base_path."""
    if ref_path.startswith('/'):
        segments = ref_path.split('/')
    else:
        # the base's directory: everything up to its last '/' ('/' for an empty base path)
        directory = base_path[:base_path.rfind('/') + 1] if base_path else '/'
        segments = (directory + ref_path).split('/')
        # empty segments inside a merged path collapse (CPython's rule, not RFC 3986's)
        segments[1:-1] = [s for s in segments[1:-1] if s]
    kept = []
    for seg in segments:
        if seg == '..':
            if kept:
                kept.pop()
        elif seg != '.':
            kept.append(seg)
    if segments[-1] in ('.', '..'):
        kept.append('')  # a trailing dot segment names a directory
    return '/'.join(kept) or '/'


def urljoin(base, url, allow_fragments=True):
    """Resolve url against base (RFC 3986 section 5.2)."""
    if not base:
        return url
    if not url:
        return base
    base, url, back = _as_text(base, url)
    b = urlparse(base, '', allow_fragments)
    r = urlparse(url, b.scheme, allow_fragments)
    if r.scheme != b.scheme or r.scheme not in uses_relative:
        return back(url)
    if r.scheme in uses_netloc and r.netloc:
        return back(urlunparse(r))
    netloc = b.netloc if r.scheme in uses_netloc else r.netloc
    if not r.path and not r.params:
        # only a query and/or fragment: the base's path (and query, unless replaced) stays
        joined = (r.scheme, netloc, b.path, b.params, r.query or b.query, r.fragment)
    else:
        joined = (r.scheme, netloc, _resolve_path(b.path, r.path), r.params, r.query, r.fragment)
    return back(urlunparse(joined))


def urldefrag(url):
    url, back = _as_text(url)
    if '#' not in url:
        return back(DefragResult(url, ''))
    parts = urlparse(url)
    return back(DefragResult(urlunparse(parts._replace(fragment='')), parts.fragment))


# --- quoting ---

_UNRESERVED = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~')
_IS_HEX = frozenset(_HEX.encode())


def unquote_to_bytes(string):
    if not string:
        string.split  # an AttributeError for non-strings, as CPython
        return b''
    raw = string.encode('utf-8') if isinstance(string, str) else bytes(string)
    first, *rest = raw.split(b'%')
    if not rest:
        return raw
    out = bytearray(first)
    for chunk in rest:
        if len(chunk) >= 2 and chunk[0] in _IS_HEX and chunk[1] in _IS_HEX:
            out.append(int(chunk[:2], 16))
            out += chunk[2:]
        else:
            out += b'%' + chunk
    return bytes(out)


def unquote(string, encoding='utf-8', errors='replace'):
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        string.split
        return string
    encoding = encoding or 'utf-8'
    errors = errors or 'replace'
    # ASCII runs (literal characters and %XX bytes together) are decoded as one byte string;
    # other characters pass through.
    out = []
    pending = bytearray()
    i, n = 0, len(string)
    while i < n:
        c = string[i]
        if c == '%' and i + 2 < n and string[i + 1] in _HEX and string[i + 2] in _HEX:
            pending.append(int(string[i + 1:i + 3], 16))
            i += 3
            continue
        if c.isascii():
            pending.append(ord(c))
        else:
            if pending:
                out.append(pending.decode(encoding, errors))
                pending = bytearray()
            out.append(c)
        i += 1
    if pending:
        out.append(pending.decode(encoding, errors))
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    return unquote(string.replace('+', ' '), encoding, errors)


def quote(string, safe='/', encoding=None, errors=None):
    if not isinstance(string, str):
        for label, given in (('encoding', encoding), ('errors', errors)):
            if given is not None:
                raise TypeError(f"quote() doesn't support '{label}' for bytes")
        return quote_from_bytes(string, safe)
    if not string:
        return string
    return quote_from_bytes(string.encode(encoding or 'utf-8', errors or 'strict'), safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    space = ' ' if isinstance(string, str) else b' '
    if isinstance(string, (str, bytes)) and space not in string:
        return quote(string, safe, encoding, errors)
    # spaces survive quoting as safe characters and then become '+'
    plus_safe = safe + (' ' if isinstance(safe, str) else b' ')
    return quote(string, plus_safe, encoding, errors).replace(' ', '+')


def quote_from_bytes(bs, safe='/'):
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    extra = safe.encode('ascii', 'ignore') if isinstance(safe, str) else bytes(b for b in safe if b < 128)
    keep = _UNRESERVED.union(extra)
    return ''.join(chr(b) if b in keep else '%%%02X' % b for b in bs)


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    if hasattr(query, "items"):
        pairs = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence "
                            "or mapping object") from err
        pairs = query

    def enc(x):
        if isinstance(x, bytes):
            return quote_via(x, safe)
        return quote_via(str(x), safe, encoding, errors)

    def values(v):
        # with doseq, a sized non-string value contributes one field per element
        if doseq and not isinstance(v, (str, bytes)):
            try:
                len(v)
            except TypeError:
                pass
            else:
                return v
        return (v,)

    return '&'.join(enc(k) + '=' + enc(item) for k, v in pairs for item in values(v))


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False,
              encoding='utf-8', errors='replace', max_num_fields=None, separator='&'):
    qs, back = _as_text(qs)
    separator, _ = _as_text(separator)
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    fields = qs.split(separator) if qs else []
    if max_num_fields is not None and max_num_fields < len(fields):
        raise ValueError('Max number of fields exceeded')

    def decoded(text):
        return back(unquote(text.replace('+', ' '), encoding=encoding, errors=errors))

    pairs = []
    for field in fields:
        if not field and not strict_parsing:
            continue
        name, eq, value = field.partition('=')
        if not eq:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
        if value or keep_blank_values:
            pairs.append((decoded(name), decoded(value)))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False,
             encoding='utf-8', errors='replace', max_num_fields=None, separator='&'):
    grouped = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding=encoding,
                                 errors=errors, max_num_fields=max_num_fields, separator=separator):
        grouped.setdefault(name, []).append(value)
    return grouped
