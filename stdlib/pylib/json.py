# json for asy: CPython's json API (dumps/dump, loads/load, JSONEncoder,
# JSONDecoder, JSONDecodeError) with its output, options and error
# messages. The work is done in Go (the _json module: a scanner for loads,
# an encoder for dumps), as CPython does it in its C accelerator; the
# classes live in json.decoder and json.encoder, as in CPython.

# __import__ with a fromlist loads the submodule without loading this
# module again (asy enters a module in its table only once it has run).
decoder = __import__('json.decoder', None, None, ['JSONDecoder'])
encoder = __import__('json.encoder', None, None, ['JSONEncoder'])
JSONDecoder = decoder.JSONDecoder
JSONDecodeError = decoder.JSONDecodeError
JSONEncoder = encoder.JSONEncoder

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']

_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()
_JSONEncoder = JSONEncoder
_encode_ascii = encoder.encode_basestring_ascii
_encode_unicode = encoder.encode_basestring
_make_encoder = encoder._make_encoder
_JSONDecoder_decode = JSONDecoder.decode
from _json import decode_document as _decode_document, dumps as _dumps


def _no_default(o):
    raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')


def _plain_encoding(skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent, separators,
                    default, sort_keys, kw):
    return (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None and not sort_keys
            and not kw)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """Serialize obj to a JSON formatted str."""
    if cls is None and not kw and JSONEncoder is _JSONEncoder:
        # What JSONEncoder(...).encode(obj) does, in one native call;
        # None when the arguments need the encoder object's handling.
        text = _dumps(obj, skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators,
                      _no_default if default is None else default, sort_keys)
        if text is not None:
            return text
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
         cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """Serialize obj as a JSON formatted stream to fp (a .write()-supporting
    file-like object)."""
    if _plain_encoding(skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent,
                       separators, default, sort_keys, kw):
        enc = _default_encoder
    else:
        if cls is None:
            cls = JSONEncoder
        enc = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
                  allow_nan=allow_nan, indent=indent, separators=separators, default=default,
                  sort_keys=sort_keys, **kw)
    # An encoder that keeps JSONEncoder's iterencode is written in one piece
    # (the native encoder builds the whole text); one that overrides it is
    # written chunk by chunk, as CPython writes every dump.
    one_shot = type(enc).iterencode is JSONEncoder.iterencode
    for chunk in enc.iterencode(obj, _one_shot=True) if one_shot else enc.iterencode(obj):
        fp.write(chunk)


def detect_encoding(b):
    """The encoding of the JSON bytes b: by BOM, else by where the zero
    bytes of the first characters are (JSON text starts with ASCII)."""
    if b.startswith((b'\x00\x00\xfe\xff', b'\xff\xfe\x00\x00')):
        return 'utf-32'
    if b.startswith((b'\xfe\xff', b'\xff\xfe')):
        return 'utf-16'
    if b.startswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'
    if len(b) >= 4:
        if not b[0]:
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize s (a str, bytes or bytearray holding a JSON document)."""
    if (isinstance(s, str) and cls is None and object_hook is None and parse_int is None
            and parse_float is None and parse_constant is None and object_pairs_hook is None
            and not kw and JSONDecoder.decode is _JSONDecoder_decode):
        # JSONDecoder.decode, in Go (which refuses a leading BOM as below).
        return _decode_document(_default_decoder.scan_once, s, True)
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = s.decode(detect_encoding(s), 'surrogatepass')
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        if JSONDecoder.decode is _JSONDecoder_decode:
            return _decode_document(_default_decoder.scan_once, s)
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize fp (a .read()-supporting file-like object holding a JSON
    document)."""
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)
