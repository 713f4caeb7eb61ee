# pickle for asy: the pickler is in _pickle.py (as CPython's is its _pickle
# accelerator); this file holds the unpickler, which reads protocols 0-5.

import sys
from struct import unpack as _unpack
from _pickle import (PickleError, PicklingError, UnpicklingError, Pickler,
                     dump, dumps, HIGHEST_PROTOCOL, DEFAULT_PROTOCOL)
import _pickle

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "PickleBuffer",
           "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]
bytes_types = (bytes, bytearray)


class PickleBuffer:
    # Out-of-band buffers (protocol 5): a wrapper around a bytes-like object.
    def __init__(self, buffer):
        self._buf = buffer

    def raw(self):
        return memoryview(self._buf)

    def release(self):
        pass


# Python 2 names a pickle of protocol 0-2 may hold, and their Python 3 places
# (fix_imports).
_MODULE_FROM_PY2 = {v: k for k, v in _pickle._MODULE_TO_PY2.items()
                    if k not in ('_functools', '_pickle')}
_MODULE_FROM_PY2.update({'UserDict': 'collections', 'UserList': 'collections',
                         'UserString': 'collections', 'StringIO': 'io',
                         'cStringIO': 'io', 'cPickle': 'pickle'})
_NAME_FROM_PY2 = {}
for _k, _v in _pickle._NAME_TO_PY2.items():
    if _v[0] == 'exceptions' and _v[1] != _k[1]:
        continue
    _NAME_FROM_PY2[_v] = _k
_NAME_FROM_PY2[('__builtin__', 'basestring')] = ('builtins', 'str')
_NAME_FROM_PY2[('exceptions', 'StandardError')] = ('builtins', 'Exception')
del _k, _v


def _codecs_encode(obj, encoding='utf-8', errors='strict'):
    return obj.encode(encoding, errors)


class _Mark:
    pass


_mark = _Mark()


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


class _Reader:
    # The bytes being read: a whole buffer (loads) or a file, read a frame
    # at a time when the pickle is framed.
    def __init__(self, data=None, file=None):
        self.data = data if data is not None else b''
        self.pos = 0
        self.file = file
        if file is not None:
            self._read = file.read
            self._readline = file.readline
            self._readinto = getattr(file, 'readinto', None)
        self.in_frame = False

    def read(self, n):
        pos = self.pos
        end = pos + n
        if end <= len(self.data):
            self.pos = end
            return self.data[pos:end]
        if self.file is None or self.in_frame and pos < len(self.data):
            raise UnpicklingError("pickle data was truncated")
        rest = self.data[pos:]
        self.data = b''
        self.pos = 0
        self.in_frame = False
        more = self._read(n - len(rest))
        if len(more) != n - len(rest):
            raise UnpicklingError("pickle data was truncated")
        return rest + more

    def opcode(self):
        pos = self.pos
        if pos < len(self.data):
            self.pos = pos + 1
            return self.data[pos]
        if self.file is None:
            raise EOFError("Ran out of input")
        self.data = b''
        self.pos = 0
        self.in_frame = False
        b = self._read(1)
        if not b:
            raise EOFError("Ran out of input")
        return b[0]

    def readline(self):
        data = self.data
        i = data.find(b'\n', self.pos)
        if i >= 0:
            line = data[self.pos:i + 1]
            self.pos = i + 1
            return line
        if self.file is None or self.in_frame:
            raise UnpicklingError("pickle data was truncated")
        rest = data[self.pos:]
        self.data = b''
        self.pos = 0
        line = rest + self._readline()
        if not line.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return line

    def frame(self, n):
        if self.file is None:
            if self.pos + n > len(self.data):
                raise UnpicklingError("pickle data was truncated")
            return
        if self.pos < len(self.data):
            raise UnpicklingError("beginning of a new frame before end of current frame")
        data = self._read(n)
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        self.data = data
        self.pos = 0
        self.in_frame = True


class Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding='ASCII', errors='strict',
                 buffers=None):
        try:
            file.read
            file.readline
        except AttributeError:
            raise TypeError("file must have 'read' and 'readline' attributes") from None
        self._file = file
        self._data = None
        self.encoding = encoding
        self.errors = errors
        self.fix_imports = fix_imports
        self._buffers = iter(buffers) if buffers is not None else None
        self.memo = {}
        self.proto = 0

    def load(self):
        if not hasattr(self, '_file'):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % (type(self).__name__,))
        if self._data is not None:
            r = _Reader(data=self._data)
        else:
            r = _Reader(file=self._file)
        self._r = r
        self.stack = []
        self.metastack = []
        self.proto = 0
        read_op = r.opcode
        dispatch = _dispatch
        try:
            while True:
                op = read_op()
                f = dispatch.get(op)
                if f is None:
                    raise UnpicklingError(_bad_key(op))
                f(self)
        except _Stop as stop:
            return stop.value
        finally:
            if self._data is None and r.pos < len(r.data) and hasattr(self._file, 'seek'):
                # Give back what was read ahead of the STOP.
                try:
                    self._file.seek(r.pos - len(r.data), 1)
                except Exception:
                    pass

    # -- helpers --

    def _pop_mark(self):
        items = self.stack
        if not self.metastack:
            raise UnpicklingError("could not find MARK")
        self.stack = self.metastack.pop()
        return items

    def _pop(self):
        if not self.stack:
            self._underflow()
        return self.stack.pop()

    def _top(self):
        if not self.stack:
            self._underflow()
        return self.stack[-1]

    def _underflow(self):
        if self.metastack:
            raise UnpicklingError("unexpected MARK found")
        raise UnpicklingError("unpickling stack underflow")

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            if (module, name) in _NAME_FROM_PY2:
                module, name = _NAME_FROM_PY2[(module, name)]
            elif module in _MODULE_FROM_PY2:
                module = _MODULE_FROM_PY2[module]
        if module == '_codecs' and name == 'encode':
            return _codecs_encode
        mod = _pickle._import(module)
        try:
            if self.proto >= 4:
                return _pickle._getattribute(mod, name)[0]
            return getattr(mod, name)
        except AttributeError:
            raise AttributeError("Can't get attribute %r on %r" % (name, mod)) from None

    def _decode_str8(self, data):
        if self.encoding == 'bytes':
            return data
        return data.decode(self.encoding, self.errors)


def _bad_key(op):
    ch = chr(op)
    if ch == "'":
        return 'invalid load key, "\'".'
    if 0x20 <= op < 0x7f:
        return "invalid load key, '%s'." % ch
    return "invalid load key, '\\x%02x'." % op


def _int_line(line):
    try:
        return int(line)
    except ValueError:
        raise ValueError("could not convert string to int") from None


# -- the opcodes --

def _proto(u):
    proto = u._r.read(1)[0]
    if proto > HIGHEST_PROTOCOL:
        raise ValueError("unsupported pickle protocol: %d" % proto)
    u.proto = proto


def _frame(u):
    n = _unpack('<Q', u._r.read(8))[0]
    u._r.frame(n)


def _stop(u):
    raise _Stop(u._pop())


def _persid(u):
    pid = u._r.readline()[:-1]
    try:
        pid = pid.decode('ascii')
    except UnicodeDecodeError:
        raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings") from None
    u.stack.append(_persistent_load(u, pid))


def _binpersid(u):
    _persistent_loader(u)
    u.stack.append(_persistent_load(u, u._pop()))


def _persistent_loader(u):
    load = getattr(u, 'persistent_load', None)
    if load is None:
        raise UnpicklingError("A load persistent id instruction was encountered,\n"
                              "but no persistent_load function was specified.")
    return load


def _persistent_load(u, pid):
    return _persistent_loader(u)(pid)


def _none(u):
    u.stack.append(None)


def _false(u):
    u.stack.append(False)


def _true(u):
    u.stack.append(True)


def _int(u):
    data = u._r.readline()
    if data == b'00\n':
        val = False
    elif data == b'01\n':
        val = True
    else:
        val = _int_line(data)
    u.stack.append(val)


def _binint(u):
    u.stack.append(_unpack('<i', u._r.read(4))[0])


def _binint1(u):
    u.stack.append(u._r.read(1)[0])


def _binint2(u):
    u.stack.append(_unpack('<H', u._r.read(2))[0])


def _long(u):
    line = u._r.readline()[:-1]
    if line.endswith(b'L'):
        line = line[:-1]
    u.stack.append(_int_line(line))


def _long1(u):
    n = u._r.read(1)[0]
    u.stack.append(int.from_bytes(u._r.read(n), 'little', signed=True))


def _long4(u):
    n = _unpack('<i', u._r.read(4))[0]
    if n < 0:
        raise UnpicklingError("LONG pickle has negative byte count")
    u.stack.append(int.from_bytes(u._r.read(n), 'little', signed=True))


def _float(u):
    u.stack.append(float(u._r.readline()[:-1]))


def _binfloat(u):
    u.stack.append(_unpack('>d', u._r.read(8))[0])


def _string(u):
    data = u._r.readline()[:-1]
    if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
        data = data[1:-1]
    else:
        raise UnpicklingError("the STRING opcode argument must be quoted")
    u.stack.append(u._decode_str8(_unescape_bytes(data)))


_ESCAPES = {'n': '\n', 'r': '\r', 't': '\t', '\\': '\\', "'": "'", '"': '"',
            'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v', '0': '\0'}


def _unescape_bytes(data):
    # Python 2's repr() escapes, as the STRING opcode carries them.
    s = data.decode('latin-1')
    if '\\' not in s:
        return data
    out = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == '\\' and i + 1 < len(s):
            nxt = s[i + 1]
            if nxt == "x" and i + 3 < len(s):
                out.append(chr(int(s[i + 2:i + 4], 16)))
                i += 4
                continue
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
                continue
        out.append(ch)
        i += 1
    return ''.join(out).encode('latin-1')


def _binstring(u):
    n = _unpack('<i', u._r.read(4))[0]
    if n < 0:
        raise UnpicklingError("BINSTRING pickle has negative byte count")
    u.stack.append(u._decode_str8(u._r.read(n)))


def _short_binstring(u):
    n = u._r.read(1)[0]
    u.stack.append(u._decode_str8(u._r.read(n)))


def _binbytes(u):
    n = _unpack('<I', u._r.read(4))[0]
    u.stack.append(bytes(u._r.read(n)))


def _short_binbytes(u):
    n = u._r.read(1)[0]
    u.stack.append(bytes(u._r.read(n)))


def _binbytes8(u):
    n = _unpack('<Q', u._r.read(8))[0]
    u.stack.append(bytes(u._r.read(n)))


def _bytearray8(u):
    n = _unpack('<Q', u._r.read(8))[0]
    u.stack.append(bytearray(u._r.read(n)))


def _next_buffer(u):
    if u._buffers is None:
        raise UnpicklingError("pickle stream refers to out-of-band data "
                              "but no *buffers* argument was given")
    try:
        buf = next(u._buffers)
    except StopIteration:
        raise UnpicklingError("not enough out-of-band buffers") from None
    u.stack.append(buf)


def _readonly_buffer(u):
    buf = u._top()
    if isinstance(buf, bytearray):
        u.stack[-1] = bytes(buf)


def _unicode(u):
    data = u._r.readline()[:-1]
    u.stack.append(_raw_unicode_unescape(data))


def _raw_unicode_unescape(data):
    s = data.decode('latin-1')
    if '\\' not in s:
        return s
    out = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == '\\' and i + 1 < n and s[i + 1] in 'uU':
            width = 4 if s[i + 1] == 'u' else 8
            digits = s[i + 2:i + 2 + width]
            if len(digits) == width and all(c in '0123456789abcdefABCDEF' for c in digits):
                out.append(chr(int(digits, 16)))
                i += 2 + width
                continue
        out.append(ch)
        i += 1
    return ''.join(out)


def _binunicode(u):
    n = _unpack('<I', u._r.read(4))[0]
    u.stack.append(str(u._r.read(n), 'utf-8', 'surrogatepass'))


def _short_binunicode(u):
    n = u._r.read(1)[0]
    u.stack.append(str(u._r.read(n), 'utf-8', 'surrogatepass'))


def _binunicode8(u):
    n = _unpack('<Q', u._r.read(8))[0]
    u.stack.append(str(u._r.read(n), 'utf-8', 'surrogatepass'))


def _tuple(u):
    items = u._pop_mark()
    u.stack.append(tuple(items))


def _empty_tuple(u):
    u.stack.append(())


def _tuple1(u):
    u.stack.append((u._pop(),))


def _tuple2(u):
    if len(u.stack) < 2:
        u._underflow()
    b = u.stack.pop()
    a = u.stack.pop()
    u.stack.append((a, b))


def _tuple3(u):
    if len(u.stack) < 3:
        u._underflow()
    c = u.stack.pop()
    b = u.stack.pop()
    a = u.stack.pop()
    u.stack.append((a, b, c))


def _empty_list(u):
    u.stack.append([])


def _empty_dict(u):
    u.stack.append({})


def _empty_set(u):
    u.stack.append(set())


def _frozenset(u):
    items = u._pop_mark()
    u.stack.append(frozenset(items))


def _list(u):
    items = u._pop_mark()
    u.stack.append(items)


def _dict(u):
    items = u._pop_mark()
    u.stack.append({items[i]: items[i + 1] for i in range(0, len(items) - 1, 2)})


def _instantiate(u, cls, args):
    if args or not isinstance(cls, type) or hasattr(cls, '__getinitargs__'):
        try:
            value = cls(*args)
        except TypeError as err:
            raise TypeError("in constructor for %s: %s" % (cls.__name__, err))
    else:
        value = cls.__new__(cls)
    u.stack.append(value)


def _inst(u):
    module = u._r.readline()[:-1].decode('ascii')
    name = u._r.readline()[:-1].decode('ascii')
    cls = u.find_class(module, name)
    _instantiate(u, cls, u._pop_mark())


def _obj(u):
    args = u._pop_mark()
    if not args:
        raise UnpicklingError("unpickling stack underflow")
    cls = args.pop(0)
    _instantiate(u, cls, args)


def _newobj(u):
    args = u._pop()
    cls = u._pop()
    if not isinstance(cls, type):
        raise UnpicklingError("NEWOBJ class argument isn't a type object")
    if not isinstance(args, tuple):
        raise UnpicklingError("NEWOBJ expected an arg tuple.")
    u.stack.append(cls.__new__(cls, *args))


def _newobj_ex(u):
    kwargs = u._pop()
    args = u._pop()
    cls = u._pop()
    if not isinstance(cls, type):
        raise UnpicklingError("NEWOBJ_EX class argument must be a type, not %s"
                              % type(cls).__name__)
    u.stack.append(cls.__new__(cls, *args, **kwargs))


def _global(u):
    encoding = 'utf-8' if u.proto >= 3 else 'ascii'
    module = u._r.readline()[:-1].decode(encoding)
    name = u._r.readline()[:-1].decode(encoding)
    u.stack.append(u.find_class(module, name))


def _stack_global(u):
    name = u._pop()
    module = u._pop()
    if type(name) is not str or type(module) is not str:
        raise UnpicklingError("STACK_GLOBAL requires str")
    u.stack.append(u.find_class(module, name))


def _ext(u, code):
    import copyreg
    obj = copyreg._extension_cache.get(code, _mark)
    if obj is not _mark:
        u.stack.append(obj)
        return
    key = copyreg._inverted_registry.get(code)
    if not key:
        if code <= 0:
            raise UnpicklingError("EXT specifies code <= 0")
        raise ValueError("unregistered extension code %d" % code)
    obj = u.find_class(*key)
    copyreg._extension_cache[code] = obj
    u.stack.append(obj)


def _ext1(u):
    _ext(u, u._r.read(1)[0])


def _ext2(u):
    _ext(u, _unpack('<H', u._r.read(2))[0])


def _ext4(u):
    _ext(u, _unpack('<i', u._r.read(4))[0])


def _reduce(u):
    args = u._pop()
    func = u._pop()
    if not isinstance(args, tuple):
        raise UnpicklingError("REDUCE argument must be a tuple")
    fix = _byte_constructors().get(func)
    if fix is not None and args and (isinstance(args[0], (bytes, str)) or func is _tz_class()):
        u.stack.append(fix(func, *args))
        return
    u.stack.append(func(*args))


def _pop_op(u):
    if u.stack:
        u.stack.pop()
    elif u.metastack:
        u._pop_mark()
    else:
        raise UnpicklingError("unpickling stack underflow")


def _pop_mark_op(u):
    u._pop_mark()


def _dup(u):
    u.stack.append(u._top())


def _memo_get(u, idx):
    try:
        u.stack.append(u.memo[idx])
    except KeyError:
        raise UnpicklingError("Memo value not found at index %d" % idx) from None


def _get(u):
    _memo_get(u, _int_line(u._r.readline()))


def _binget(u):
    _memo_get(u, u._r.read(1)[0])


def _long_binget(u):
    _memo_get(u, _unpack('<I', u._r.read(4))[0])


def _put(u):
    idx = _int_line(u._r.readline())
    if idx < 0:
        raise ValueError("negative PUT argument")
    u.memo[idx] = u._top()


def _binput(u):
    u.memo[u._r.read(1)[0]] = u._top()


def _long_binput(u):
    idx = _unpack('<I', u._r.read(4))[0]
    u.memo[idx] = u._top()


def _memoize(u):
    u.memo[len(u.memo)] = u._top()


def _append(u):
    value = u._pop()
    lst = u._top()
    if type(lst) is list:
        lst.append(value)
    else:
        lst.append(value)


def _appends(u):
    items = u._pop_mark()
    lst = u._top()
    if type(lst) is list:
        lst.extend(items)
        return
    extend = getattr(lst, 'extend', None)
    if extend is not None:
        extend(items)
        return
    for item in items:
        lst.append(item)


def _setitem(u):
    if len(u.stack) < 3:
        u._underflow()
    value = u.stack.pop()
    key = u.stack.pop()
    u.stack[-1][key] = value


def _setitems(u):
    items = u._pop_mark()
    d = u._top()
    for i in range(0, len(items) - 1, 2):
        d[items[i]] = items[i + 1]


def _additems(u):
    items = u._pop_mark()
    s = u._top()
    # One add at a time: the order CPython's unpickler leaves the set in.
    add = s.add
    for item in items:
        add(item)


def _build(u):
    state = u._pop()
    inst = u._top()
    setstate = getattr(inst, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        if not isinstance(state, dict):
            raise UnpicklingError("state is not a dictionary")
        d = inst.__dict__
        intern = sys.intern
        for k, v in state.items():
            if type(k) is str:
                d[intern(k)] = v
            else:
                d[k] = v
    if slotstate:
        if not isinstance(slotstate, dict):
            raise UnpicklingError("slot state is not a dictionary")
        for k, v in slotstate.items():
            setattr(inst, k, v)


def _mark_op(u):
    u.metastack.append(u.stack)
    u.stack = []


_dispatch = {
    0x80: _proto, 0x95: _frame, ord('.'): _stop, ord('P'): _persid, ord('Q'): _binpersid,
    ord('N'): _none, 0x88: _true, 0x89: _false, ord('I'): _int, ord('J'): _binint,
    ord('K'): _binint1, ord('M'): _binint2, ord('L'): _long, 0x8a: _long1, 0x8b: _long4,
    ord('F'): _float, ord('G'): _binfloat, ord('S'): _string, ord('T'): _binstring,
    ord('U'): _short_binstring, ord('B'): _binbytes, ord('C'): _short_binbytes,
    0x8e: _binbytes8, 0x96: _bytearray8, 0x97: _next_buffer, 0x98: _readonly_buffer,
    ord('V'): _unicode, ord('X'): _binunicode, 0x8c: _short_binunicode, 0x8d: _binunicode8,
    ord('t'): _tuple, ord(')'): _empty_tuple, 0x85: _tuple1, 0x86: _tuple2, 0x87: _tuple3,
    ord(']'): _empty_list, ord('}'): _empty_dict, 0x8f: _empty_set, 0x91: _frozenset,
    ord('l'): _list, ord('d'): _dict, ord('i'): _inst, ord('o'): _obj, 0x81: _newobj,
    0x92: _newobj_ex, ord('c'): _global, 0x93: _stack_global, 0x82: _ext1, 0x83: _ext2,
    0x84: _ext4, ord('R'): _reduce, ord('0'): _pop_op, ord('1'): _pop_mark_op,
    ord('2'): _dup, ord('g'): _get, ord('h'): _binget, ord('j'): _long_binget,
    ord('p'): _put, ord('q'): _binput, ord('r'): _long_binput, 0x94: _memoize,
    ord('a'): _append, ord('e'): _appends, ord('s'): _setitem, ord('u'): _setitems,
    0x90: _additems, ord('b'): _build, ord('('): _mark_op,
}


# -- datetime's classes, which CPython rebuilds from packed bytes --

def _byte_constructors():
    dt = sys.modules.get('datetime')
    if dt is None:
        return {}
    return {dt.datetime: _load_datetime, dt.date: _load_date, dt.time: _load_time,
            dt.timezone: _load_timezone}


def _tz_class():
    dt = sys.modules.get('datetime')
    return dt.timezone if dt is not None else None


def _load_timezone(cls, offset, *name):
    # timezone(timedelta(0)) is timezone.utc in CPython.
    if not name and not offset:
        return cls.utc
    return cls(offset, *name)


def _state_bytes(state):
    if isinstance(state, str):
        state = state.encode('latin-1')
    return state


def _load_date(cls, state, *rest):
    b = _state_bytes(state)
    if len(b) != 4:
        return cls(state, *rest)
    return cls(b[0] * 256 + b[1], b[2], b[3])


def _load_datetime(cls, state, tzinfo=None):
    b = _state_bytes(state)
    if len(b) != 10:
        return cls(state, tzinfo)
    month = b[2]
    fold = 0
    if month > 127:
        month -= 128
        fold = 1
    args = (b[0] * 256 + b[1], month, b[3], b[4], b[5], b[6],
            (b[7] << 16) | (b[8] << 8) | b[9], tzinfo)
    return cls(*args, fold=1) if fold else cls(*args)


def _load_time(cls, state, tzinfo=None):
    b = _state_bytes(state)
    if len(b) != 6:
        return cls(state, tzinfo)
    hour = b[0]
    fold = 0
    if hour > 127:
        hour -= 128
        fold = 1
    args = (hour, b[1], b[2], (b[3] << 16) | (b[4] << 8) | b[5], tzinfo)
    return cls(*args, fold=1) if fold else cls(*args)


# -- the module functions --

class _BytesFile:
    # What loads() hands the Unpickler: the data itself, read in place.
    def read(self, n=-1):
        return b''

    def readline(self):
        return b''


def load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding, errors=errors,
                     buffers=buffers).load()


def loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    if encoding == 'ASCII' and errors == 'strict' and buffers is None:
        # Plain data is read by the Go unpickler; anything else
        # (NotImplemented back) by the Unpickler below, from the start.
        value = _pickle._loads_fast(data if type(data) is bytes else bytes(data))
        if value is not NotImplemented:
            return value
    u = Unpickler(_BytesFile(), fix_imports=fix_imports, encoding=encoding,
                  errors=errors, buffers=buffers)
    u._data = bytes(data)
    return u.load()


Unpickler.__module__ = '_pickle'
_pickle.Unpickler = Unpickler
_pickle.load = load
_pickle.loads = loads
