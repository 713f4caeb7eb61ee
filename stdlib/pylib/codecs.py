# codecs for asy: the codec registry and its helpers over the encodings
# str.encode and bytes.decode implement (UTF-8, UTF-8-SIG, UTF-16/32 with
# their BOMs, Latin-1, ASCII), plus the bytes-to-bytes codecs hex and
# base64 and the str-to-str rot13. Error handlers registered with
# register_error are honoured by the single-byte codecs (ASCII, Latin-1)
# when called through this module.

import binascii as _binascii
import builtins as _builtins

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE",
           "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
           "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
           "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE", "CodecInfo", "Codec",
           "IncrementalEncoder", "IncrementalDecoder", "StreamReader",
           "StreamWriter", "StreamReaderWriter", "StreamRecoder",
           "getencoder", "getdecoder", "getincrementalencoder",
           "getincrementaldecoder", "getreader", "getwriter", "encode",
           "decode", "iterencode", "iterdecode", "strict_errors",
           "ignore_errors", "replace_errors", "xmlcharrefreplace_errors",
           "backslashreplace_errors", "namereplace_errors", "register_error",
           "lookup_error"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
# asy runs on little-endian hosts (amd64, arm64), as the UTF-16/32 codecs assume.
BOM = BOM_UTF16 = BOM_LE
BOM_UTF32 = BOM_UTF32_LE
BOM32_LE, BOM32_BE = BOM_UTF16_LE, BOM_UTF16_BE
BOM64_LE, BOM64_BE = BOM_UTF32_LE, BOM_UTF32_BE


class CodecInfo(tuple):
    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class Codec:
    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    # Keeps the undecoded tail of each chunk for the next call; subclasses
    # define _buffer_decode(input, errors, final) -> (output, consumed).
    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + bytes(input)
        result, consumed = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


# --- error handlers ---------------------------------------------------

def _exc_range(exc):
    if not isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError)):
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)
    if not hasattr(exc, "start"):
        # asy's Unicode errors keep their fields in args only.
        exc.encoding, exc.object, exc.start, exc.end, exc.reason = exc.args
    return exc.start, exc.end


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    return "", _exc_range(exc)[1]


def replace_errors(exc):
    start, end = _exc_range(exc)
    if isinstance(exc, UnicodeDecodeError):
        return "\ufffd", end
    return ("?" if isinstance(exc, UnicodeEncodeError) else "\ufffd") * (end - start), end


def backslashreplace_errors(exc):
    start, end = _exc_range(exc)
    if isinstance(exc, UnicodeDecodeError):
        return "".join("\\x%02x" % b for b in exc.object[start:end]), end
    out = []
    for ch in exc.object[start:end]:
        c = ord(ch)
        out.append("\\x%02x" % c if c <= 0xff else "\\u%04x" % c if c <= 0xffff else "\\U%08x" % c)
    return "".join(out), end


def xmlcharrefreplace_errors(exc):
    start, end = _exc_range(exc)
    if not isinstance(exc, UnicodeEncodeError):
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)
    return "".join("&#%d;" % ord(ch) for ch in exc.object[start:end]), end


def namereplace_errors(exc):
    start, end = _exc_range(exc)
    if not isinstance(exc, UnicodeEncodeError):
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)
    try:
        import unicodedata
        name = unicodedata.name
    except ImportError:
        name = None
    out = []
    for ch in exc.object[start:end]:
        n = name(ch, None) if name else None
        if n is None:
            c = ord(ch)
            out.append("\\x%02x" % c if c <= 0xff else "\\u%04x" % c if c <= 0xffff else "\\U%08x" % c)
        else:
            out.append("\\N{%s}" % n)
    return "".join(out), end


_error_handlers = {
    "strict": strict_errors, "ignore": ignore_errors, "replace": replace_errors,
    "backslashreplace": backslashreplace_errors,
    "xmlcharrefreplace": xmlcharrefreplace_errors, "namereplace": namereplace_errors,
}
# Handlers str.encode/bytes.decode apply themselves for these codecs.
_native_errors = {"strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"}


def register_error(name, error_handler):
    if not isinstance(name, str):
        raise TypeError("register_error() argument 1 must be str, not %s" % type(name).__name__)
    if not callable(error_handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = error_handler


def lookup_error(name):
    if not isinstance(name, str):
        raise TypeError("lookup_error() argument must be str, not %s" % type(name).__name__)
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None


# --- the codecs ---------------------------------------------------------

def _text_arg(fname, s):
    if not isinstance(s, str):
        raise TypeError("%s() argument 1 must be str, not %s" % (fname, type(s).__name__))


def _bytes_arg(data):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(data)


def _single_byte_encode(s, encoding, limit, errors):
    # A script-registered handler: encode up to each bad run, let the
    # handler say what replaces it and where to resume.
    handler = lookup_error(errors)
    out = []
    pos = 0
    n = len(s)
    while pos < n:
        start = pos
        while pos < n and ord(s[pos]) < limit:
            pos += 1
        out.append(s[start:pos].encode("latin-1"))
        if pos >= n:
            break
        end = pos + 1
        while end < n and ord(s[end]) >= limit:
            end += 1
        exc = UnicodeEncodeError(encoding, s, pos, end, "ordinal not in range(%d)" % limit)
        exc.encoding, exc.object, exc.start, exc.end, exc.reason = encoding, s, pos, end, "ordinal not in range(%d)" % limit
        rep, newpos = handler(exc)
        if isinstance(rep, str):
            rep = rep.encode(encoding)
        out.append(bytes(rep))
        pos = newpos if newpos >= 0 else n + newpos
    return b"".join(out)


def _single_byte_decode(b, encoding, errors):
    handler = lookup_error(errors)
    out = []
    pos = 0
    n = len(b)
    while pos < n:
        start = pos
        while pos < n and b[pos] < 0x80:
            pos += 1
        out.append(b[start:pos].decode("ascii"))
        if pos >= n:
            break
        exc = UnicodeDecodeError(encoding, b, pos, pos + 1, "ordinal not in range(128)")
        exc.encoding, exc.object, exc.start, exc.end, exc.reason = encoding, b, pos, pos + 1, "ordinal not in range(128)"
        rep, newpos = handler(exc)
        out.append(rep)
        pos = newpos if newpos >= 0 else n + newpos
    return "".join(out)


def _make_text_codec(name, pyname, limit=None):
    fname = pyname

    def enc(input, errors='strict'):
        _text_arg(fname + "_encode", input)
        if errors is None:
            errors = 'strict'
        if limit is not None and errors not in _native_errors:
            return _single_byte_encode(input, name, limit, errors), len(input)
        return input.encode(name, errors), len(input)

    def dec(input, errors='strict', final=False):
        data = _bytes_arg(input)
        if errors is None:
            errors = 'strict'
        if limit == 128 and errors not in _native_errors:
            return _single_byte_decode(data, name, errors), len(data)
        return data.decode(name, errors), len(data)

    enc.__name__ = fname + "_encode"
    dec.__name__ = fname + "_decode"
    return enc, dec


utf_8_encode, utf_8_decode = _make_text_codec("utf-8", "utf_8")
latin_1_encode, latin_1_decode = _make_text_codec("latin-1", "latin_1", 256)
ascii_encode, ascii_decode = _make_text_codec("ascii", "ascii", 128)
utf_16_encode, utf_16_decode = _make_text_codec("utf-16", "utf_16")
utf_16_le_encode, utf_16_le_decode = _make_text_codec("utf-16-le", "utf_16_le")
utf_16_be_encode, utf_16_be_decode = _make_text_codec("utf-16-be", "utf_16_be")
utf_32_encode, utf_32_decode = _make_text_codec("utf-32", "utf_32")
utf_32_le_encode, utf_32_le_decode = _make_text_codec("utf-32-le", "utf_32_le")
utf_32_be_encode, utf_32_be_decode = _make_text_codec("utf-32-be", "utf_32_be")
_utf_8_sig_encode, _utf_8_sig_decode = _make_text_codec("utf-8-sig", "utf_8_sig")


def _utf8_complete(data):
    # How many leading bytes of data form whole UTF-8 sequences, leaving
    # out a lead byte (and its continuations) cut off at the end.
    n = len(data)
    for back in range(1, min(3, n) + 1):
        c = data[n - back]
        if c & 0xC0 == 0x80:
            continue  # a continuation byte: look further back
        need = 2 if c & 0xE0 == 0xC0 else 3 if c & 0xF0 == 0xE0 else 4 if c & 0xF8 == 0xF0 else 1
        return n - back if need > back else n
    return n


def _incremental_classes(name, encode, decode, unit=None, bom=None):
    class Encoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self._started = False

        def encode(self, input, final=False):
            out = encode(input, self.errors)[0]
            if bom and self._started:
                out = out[len(bom):]
            self._started = True
            return out

        def reset(self):
            self._started = False

        def getstate(self):
            return 0 if self._started else 2

        def setstate(self, state):
            self._started = state == 0

    class Decoder(BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            BufferedIncrementalDecoder.__init__(self, errors)
            self._codec = name

        def reset(self):
            BufferedIncrementalDecoder.reset(self)
            self._codec = name

        def _buffer_decode(self, data, errors, final):
            if final:
                return decode_as(self._codec, data, errors), len(data)
            if unit is None:
                if name == "utf-8-sig" and self._codec == name:
                    if len(data) < 3 and BOM_UTF8.startswith(data):
                        return "", 0
                    self._codec = "utf-8"
                    if data.startswith(BOM_UTF8):
                        return decode_as("utf-8", data[3:_utf8_complete(data)], errors), _utf8_complete(data)
                cut = _utf8_complete(data) if self._codec.startswith("utf-8") else len(data)
                return decode_as(self._codec, data[:cut], errors), cut
            if bom and self._codec == name:
                # The first bytes choose the byte order.
                if len(data) < unit:
                    return "", 0
                self._codec = name + ("-be" if data.startswith(_BOMS[unit][1]) else "-le")
                skip = unit if data[:unit] in _BOMS[unit] else 0
                out, used = self._buffer_decode(data[skip:], errors, final)
                return out, used + skip
            cut = len(data) - len(data) % unit
            if unit == 2 and cut >= 2:
                last = data[cut - 2:cut]
                hi = last[1] if self._codec.endswith("le") else last[0]
                if 0xD8 <= hi <= 0xDB:
                    cut -= 2  # a high surrogate waits for its partner
            return decode_as(self._codec, data[:cut], errors), cut

    return Encoder, Decoder


def decode_as(codec, data, errors):
    return data.decode(codec, errors) if errors in _native_errors else _single_byte_decode(data, codec, errors)


_BOMS = {2: (BOM_UTF16_LE, BOM_UTF16_BE), 4: (BOM_UTF32_LE, BOM_UTF32_BE)}


class StreamWriter(Codec):
    _incremental = None

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self._encoder = None

    def write(self, object):
        # Through an incremental encoder when the codec has one, so a BOM
        # is written once, before the first data.
        if self._incremental is not None:
            if self._encoder is None:
                self._encoder = self._incremental(self.errors)
            data = self._encoder.encode(object)
        else:
            data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        self._encoder = None

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        if offset == 0 and whence == 0:
            self.reset()

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReader(Codec):
    charbuffertype = str

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self._decoder = None
        self._pending = ""

    def _dec(self):
        if self._decoder is None:
            self._decoder = self._incremental(self.errors)
        return self._decoder

    def read(self, size=-1, chars=-1, firstline=False):
        while chars < 0 or len(self._pending) < chars:
            data = self.stream.read() if size < 0 else self.stream.read(size)
            final = not data
            self._pending += self._dec().decode(data or b"", final)
            if final or size < 0:
                break
        if chars < 0:
            out, self._pending = self._pending, ""
        else:
            out, self._pending = self._pending[:chars], self._pending[chars:]
        return out

    def readline(self, size=None, keepends=True):
        while "\n" not in self._pending:
            data = self.stream.read(72)
            self._pending += self._dec().decode(data, not data)
            if not data:
                break
        i = self._pending.find("\n")
        end = len(self._pending) if i < 0 else i + 1
        line, self._pending = self._pending[:end], self._pending[end:]
        return line if keepends else line.rstrip("\r\n")

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self._decoder = None
        self._pending = ""

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reset()

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReaderWriter:
    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reader.reset()

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamRecoder:
    def __init__(self, stream, encode, decode, Reader, Writer, errors='strict'):
        raise NotImplementedError("asy's codecs has no StreamRecoder")


def _stream_classes(encode, decode, incremental_decoder, incremental_encoder=None):
    class Writer(StreamWriter):
        _incremental = incremental_encoder
    Writer.encode = staticmethod(encode)

    class Reader(StreamReader):
        _incremental = incremental_decoder
    Reader.decode = staticmethod(decode)
    return Reader, Writer


def _text_info(name, encode, decode, unit=None, bom=None, codec=None):
    # codec: the name str.encode/bytes.decode know it by, when not name.
    enc_cls, dec_cls = _incremental_classes(codec or name, encode, decode, unit, bom)
    reader, writer = _stream_classes(encode, decode, dec_cls, enc_cls)
    return CodecInfo(encode, decode, reader, writer, enc_cls, dec_cls, name=name)


def _hex_encode(input, errors='strict'):
    return _binascii.b2a_hex(_bytes_arg(input)), len(input)


def _hex_decode(input, errors='strict'):
    return _binascii.a2b_hex(input), len(input)


def _base64_encode(input, errors='strict'):
    # Lines of 76 characters, as base64.encodebytes writes them.
    data = _bytes_arg(input)
    return b"".join(_binascii.b2a_base64(data[i:i + 57]) for i in range(0, len(data), 57)), len(data)


def _base64_decode(input, errors='strict'):
    return _binascii.a2b_base64(input), len(input)


_rot13_table = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")


def _rot13(input, errors='strict'):
    return str.translate(input, _rot13_table), len(input)


def _binary_info(name, encode, decode, is_text=False):
    class Encoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return encode(input, self.errors)[0]

    class Decoder(IncrementalDecoder):
        def decode(self, input, final=False):
            return decode(input, self.errors)[0]

    reader, writer = _stream_classes(encode, decode, Decoder, Encoder)
    return CodecInfo(encode, decode, reader, writer, Encoder, Decoder, name=name,
                     _is_text_encoding=is_text)


_builtin_codecs = {
    "utf_8": lambda: _text_info("utf-8", utf_8_encode, utf_8_decode),
    "utf_8_sig": lambda: _text_info("utf-8-sig", _utf_8_sig_encode, _utf_8_sig_decode),
    "latin_1": lambda: _text_info("iso8859-1", latin_1_encode, latin_1_decode, codec="latin-1"),
    "ascii": lambda: _text_info("ascii", ascii_encode, ascii_decode),
    "utf_16": lambda: _text_info("utf-16", utf_16_encode, utf_16_decode, 2, BOM_UTF16),
    "utf_16_le": lambda: _text_info("utf-16-le", utf_16_le_encode, utf_16_le_decode, 2),
    "utf_16_be": lambda: _text_info("utf-16-be", utf_16_be_encode, utf_16_be_decode, 2),
    "utf_32": lambda: _text_info("utf-32", utf_32_encode, utf_32_decode, 4, BOM_UTF32),
    "utf_32_le": lambda: _text_info("utf-32-le", utf_32_le_encode, utf_32_le_decode, 4),
    "utf_32_be": lambda: _text_info("utf-32-be", utf_32_be_encode, utf_32_be_decode, 4),
    "hex_codec": lambda: _binary_info("hex", _hex_encode, _hex_decode),
    "base64_codec": lambda: _binary_info("base64", _base64_encode, _base64_decode),
    "rot_13": lambda: _binary_info("rot-13", _rot13, _rot13),
}
_aliases = {
    "utf8": "utf_8", "u8": "utf_8", "utf": "utf_8", "cp65001": "utf_8", "utf8_ucs2": "utf_8",
    "utf8_ucs4": "utf_8", "utf_8_sig": "utf_8_sig",
    "latin": "latin_1", "latin1": "latin_1", "l1": "latin_1", "iso8859_1": "latin_1",
    "iso_8859_1": "latin_1", "8859": "latin_1", "cp819": "latin_1", "iso_ir_100": "latin_1",
    "iso_8859_1_1987": "latin_1", "csisolatin1": "latin_1", "ibm819": "latin_1",
    "us_ascii": "ascii", "646": "ascii", "us": "ascii", "iso646_us": "ascii", "cp367": "ascii",
    "ansi_x3.4_1968": "ascii", "ansi_x3_4_1968": "ascii", "ansi_x3.4_1986": "ascii",
    "u16": "utf_16", "utf16": "utf_16", "utf_16le": "utf_16_le", "utf_16be": "utf_16_be",
    "unicodelittleunmarked": "utf_16_le", "unicodebigunmarked": "utf_16_be",
    "u32": "utf_32", "utf32": "utf_32", "utf_32le": "utf_32_le", "utf_32be": "utf_32_be",
    "hex": "hex_codec", "base64": "base64_codec", "base_64": "base64_codec", "rot13": "rot_13",
}

_search_functions = []
_cache = {}


def _normalize(encoding):
    # As CPython's registry: lower case, spaces to underscores.
    return encoding.lower().replace(" ", "_")


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)
        _cache.clear()


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    norm = _normalize(encoding)
    info = _cache.get(norm)
    if info is not None:
        return info
    key = norm.replace("-", "_")
    key = _aliases.get(key, key)
    if key in _builtin_codecs:
        info = _builtin_codecs[key]()
    else:
        for search in _search_functions:
            info = search(norm)
            if info is not None:
                if not isinstance(info, CodecInfo):
                    if not isinstance(info, tuple) or len(info) != 4:
                        raise TypeError("codec search functions must return 4-tuples")
                    info = CodecInfo(*info)
                break
        else:
            raise LookupError("unknown encoding: %s" % encoding)
    _cache[norm] = info
    return info


def encode(obj, encoding='utf-8', errors='strict'):
    info = lookup(encoding)
    try:
        return info.encode(obj, errors)[0]
    except TypeError as e:
        if info._is_text_encoding:
            raise
        raise TypeError("encoding with '%s' codec failed (%s: %s)" % (encoding, type(e).__name__, e)) from e


def decode(obj, encoding='utf-8', errors='strict'):
    info = lookup(encoding)
    try:
        return info.decode(obj, errors)[0]
    except (TypeError, _binascii.Error) as e:
        if info._is_text_encoding:
            raise
        raise type(e)("decoding with '%s' codec failed (%s: %s)" % (encoding, type(e).__name__, e)) from e


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    if encoding is not None and 'b' not in mode:
        # The codec does the text work on a binary file.
        mode = mode + 'b'
    file = _builtins.open(filename, mode, buffering)
    if encoding is None:
        return file
    try:
        info = lookup(encoding)
        srw = StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)
        srw.encoding = encoding
        return srw
    except:
        file.close()
        raise


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    raise NotImplementedError("asy's codecs has no EncodedFile")
