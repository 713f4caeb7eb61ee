# _pickle for asy: the pickler (pickle.py holds the unpickler and the
# public names). Written from CPython 3.11's observable behaviour: for the
# builtin types the bytes are those python3's pickle.dumps writes, opcode
# for opcode, memo index for memo index, frame for frame.
#
# The memo is keyed by id() and keeps each object alive (as CPython's), so
# an object met twice is written once and fetched back (GET) after that.

import sys
from struct import pack as _pack

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


# PickleError, PicklingError and UnpicklingError come from the Go half of
# this module (pickle_fast.go): the process pool raises the same classes.


_FRAME_TARGET = 64 * 1024   # a frame is closed once it holds this much
_FRAME_MIN = 4              # smaller frames are written without a FRAME opcode
_BATCH = 1000               # items per APPENDS / SETITEMS / ADDITEMS

_NoneType = type(None)
_EllipsisType = type(Ellipsis)
_NotImplementedType = type(NotImplemented)
_singleton_of = {_NoneType: None, _EllipsisType: Ellipsis,
                 _NotImplementedType: NotImplemented}


def _f():
    pass


class _K:
    def _m(self):
        pass


_FunctionType = type(_f)
_MethodType = type(_K()._m)
_BuiltinType = type(len)


class _Global:
    # A global written by name with no object of asy's behind it (CPython's
    # _codecs.encode, which protocols 0-2 use to carry bytes). One instance
    # per name, so the memo finds it again as it would the function.
    def __init__(self, module, name):
        self.module = module
        self.name = name


_codecs_encode = _Global('_codecs', 'encode')

# Python 2 names that protocols 0-2 write for Python 3 ones (fix_imports).
_MODULE_TO_PY2 = {
    'builtins': '__builtin__', 'copyreg': 'copy_reg', 'queue': 'Queue',
    '_thread': 'thread', '_functools': 'functools', 'reprlib': 'repr',
    'socketserver': 'SocketServer', 'configparser': 'ConfigParser',
    'subprocess': 'commands', 'collections.abc': '_abcoll', '_pickle': 'pickle',
}
_NAME_TO_PY2 = {
    ('builtins', 'range'): ('__builtin__', 'xrange'),
    ('builtins', 'chr'): ('__builtin__', 'unichr'),
    ('builtins', 'str'): ('__builtin__', 'unicode'),
    ('builtins', 'int'): ('__builtin__', 'long'),
    ('builtins', 'zip'): ('itertools', 'izip'),
    ('builtins', 'map'): ('itertools', 'imap'),
    ('builtins', 'filter'): ('itertools', 'ifilter'),
    ('functools', 'reduce'): ('__builtin__', 'reduce'),
    ('itertools', 'filterfalse'): ('itertools', 'ifilterfalse'),
    ('itertools', 'zip_longest'): ('itertools', 'izip_longest'),
    ('collections', 'UserDict'): ('UserDict', 'IterableUserDict'),
    ('collections', 'UserList'): ('UserList', 'UserList'),
    ('collections', 'UserString'): ('UserString', 'UserString'),
}
# Python 2 kept its exceptions in the module `exceptions`, with no OSError
# subclasses and no ModuleNotFoundError.
for _n in ('ArithmeticError AssertionError AttributeError BaseException BufferError '
           'BytesWarning DeprecationWarning EOFError EnvironmentError Exception '
           'FloatingPointError FutureWarning GeneratorExit IOError ImportError '
           'ImportWarning IndentationError IndexError KeyError KeyboardInterrupt '
           'LookupError MemoryError NameError NotImplementedError OSError OverflowError '
           'PendingDeprecationWarning ReferenceError RuntimeError RuntimeWarning '
           'StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError '
           'TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError '
           'UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError '
           'Warning ZeroDivisionError').split():
    _NAME_TO_PY2[('builtins', _n)] = ('exceptions', _n)
for _n in ('BrokenPipeError ChildProcessError ConnectionAbortedError ConnectionError '
           'ConnectionRefusedError ConnectionResetError FileExistsError '
           'FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError '
           'PermissionError ProcessLookupError TimeoutError').split():
    _NAME_TO_PY2[('builtins', _n)] = ('exceptions', 'OSError')
_NAME_TO_PY2[('builtins', 'ModuleNotFoundError')] = ('exceptions', 'ImportError')
del _n


def _encode_long(x):
    # Little-endian two's complement in as few bytes as hold the sign.
    n = (x.bit_length() >> 3) + 1
    data = x.to_bytes(n, 'little', signed=True)
    if x < 0 and n > 1 and data[-1] == 0xff and data[-2] & 0x80:
        data = data[:-1]
    return data


def _raw_unicode_escape(s):
    # Protocol 0's UNICODE argument: raw-unicode-escape, with the characters
    # that would break the line-based format escaped as well.
    out = []
    for ch in s:
        c = ord(ch)
        if c >= 0x10000:
            out.append('\\U%08x' % c)
        elif c >= 0x100 or ch in '\\\n\r\x00\x1a':
            out.append('\\u%04x' % c)
        else:
            out.append(ch)
    return ''.join(out).encode('latin-1')


def _getattribute(obj, name):
    # The object at the dotted path name inside obj, and its parent.
    parent = None
    path = name.split('.')
    if '<locals>' in path:
        raise AttributeError("Can't pickle local object %r" % name)
    for sub in path:
        parent = obj
        obj = getattr(obj, sub)
    return obj, parent


def _whichmodule(obj, name):
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    modules = sys.modules.copy()
    if 'builtins' not in modules:
        modules = dict(builtins=_import('builtins'), **modules)
    for module_name, module in modules.items():
        if (module_name == '__main__' or module_name == '__mp_main__'
                or module is None):
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def _import(name):
    # The module name, imported (sys.modules may lack the builtin ones).
    module = sys.modules.get(name)
    if module is not None:
        return module
    module = __import__(name)
    for part in name.split('.')[1:]:
        module = getattr(module, part)
    return module


def _slotnames(cls):
    import copyreg
    return copyreg._slotnames(cls)


def _default_state(obj):
    # object.__getstate__: the instance dict (None when empty), paired with
    # the slot values when there are any.
    getstate = getattr(type(obj), '__getstate__', None)
    if getstate is not None and getstate is not getattr(object, '__getstate__', None):
        return getstate(obj)
    try:
        d = obj.__dict__
    except AttributeError:
        d = None
    state = dict(d) if d else None
    slots = {}
    for name in _slotnames(type(obj)):
        try:
            slots[name] = getattr(obj, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _builtin_base(cls):
    # The nearest base of cls that asy implements natively.
    for base in cls.__mro__:
        if base.__module__ == 'builtins':
            return base
    return object


def _own(cls, name):
    meth = getattr(cls, name, None)
    if meth is None or meth is getattr(object, name, None):
        return None
    return meth


def _reduce(obj, proto):
    # What obj.__reduce_ex__(proto) gives in CPython.
    cls = type(obj)
    meth = _own(cls, '__reduce_ex__')
    if meth is not None:
        return meth(obj, proto)
    meth = _own(cls, '__reduce__')
    if meth is not None:
        return meth(obj)
    rv = _reduce_special(obj, proto)
    if rv is not None:
        return rv
    if isinstance(obj, BaseException):
        d = getattr(obj, '__dict__', None)
        if d:
            return (cls, obj.args, d)
        return (cls, obj.args)
    import copyreg
    base = _builtin_base(cls)
    if base is cls and cls is not object and cls not in (list, dict, tuple):
        raise TypeError("cannot pickle %r object" % cls.__name__)
    if proto < 2:
        if _own(cls, '__getstate__') is None and getattr(obj, '__slots__', None):
            raise TypeError("a class that defines __slots__ without defining "
                            "__getstate__ cannot be pickled")
        if base is object:
            basestate = None
        else:
            basestate = base(obj)
        d = _default_state(obj)
        if d:
            return (copyreg._reconstructor, (cls, base, basestate), d)
        return (copyreg._reconstructor, (cls, base, basestate))
    kwargs = None
    getnewargs = getattr(cls, '__getnewargs_ex__', None)
    if getnewargs is not None:
        args, kwargs = getnewargs(obj)
        args = tuple(args)
        hasargs = True
    else:
        getnewargs = getattr(cls, '__getnewargs__', None)
        if getnewargs is not None:
            args = tuple(getnewargs(obj))
            hasargs = True
        else:
            args = ()
            hasargs = False
            # A subclass of a builtin value type carries that value.
            for b in (str, bytes, int, float, complex, tuple):
                if isinstance(obj, b):
                    args = (b(obj) if b is not str and b is not bytes else obj[:],)
                    hasargs = True
                    break
    state = _default_state(obj)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return (copyreg.__newobj_ex__, (cls, args, kwargs), state, listitems, dictitems)
    return (copyreg.__newobj__, (cls,) + args, state, listitems, dictitems)


class Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        protocol = int(protocol)
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        if file is None:
            self._file_write = None
        else:
            try:
                self._file_write = file.write
            except AttributeError:
                raise TypeError("file must have a 'write' attribute") from None
        self.proto = protocol
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = bool(fix_imports) and protocol < 3
        self.memo = {}
        self._out = bytearray()
        self._frame = bytearray()
        self._framing = False
        self._buffer_callback = buffer_callback
        self._pid = getattr(self, 'persistent_id', None)
        self._gnames = {}

    def clear_memo(self):
        self.memo.clear()
        self._gnames = {}

    def dump(self, obj):
        if not hasattr(self, '_out'):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % (type(self).__name__,))
        self._pid = getattr(self, 'persistent_id', None)
        if self.proto >= 2:
            self._out += b'\x80' + bytes((self.proto,))
        self._framing = self.proto >= 4
        try:
            self.save(obj)
            self._w(b'.')
            self._commit(True)
        except RecursionError as e:
            if str(e) != 'maximum recursion depth exceeded':
                raise
            raise RecursionError('maximum recursion depth exceeded while pickling an object') from None
        finally:
            self._framing = False
        if self._file_write is not None:
            self._file_write(bytes(self._out))
            self._out = bytearray()

    # -- output and frames --

    def _w(self, data):
        if self._framing:
            self._frame += data
        else:
            self._out += data

    def _commit(self, force=False):
        frame = self._frame
        n = len(frame)
        if n == 0 or (n < _FRAME_TARGET and not force):
            return
        if n >= _FRAME_MIN:
            self._out += b'\x95' + _pack('<Q', n)
        self._out += frame
        self._frame = bytearray()
        if self._file_write is not None:
            self._file_write(bytes(self._out))
            self._out = bytearray()

    def _w_payload(self, header, data):
        # Big payloads go between frames, not inside one.
        if self._framing and len(data) >= _FRAME_TARGET:
            self._commit(True)
            self._out += header
            self._out += data
        else:
            self._w(header)
            self._w(data)

    # -- the memo --

    def memoize(self, obj):
        if self.fast:
            return
        idx = len(self.memo)
        self._w(self._put(idx))
        self.memo[id(obj)] = (idx, obj)

    def _put(self, idx):
        if self.proto >= 4:
            return b'\x94'
        if self.bin:
            if idx < 256:
                return b'q' + bytes((idx,))
            return b'r' + _pack('<I', idx)
        return b'p' + repr(idx).encode('ascii') + b'\n'

    def _get(self, idx):
        if self.bin:
            if idx < 256:
                return b'h' + bytes((idx,))
            return b'j' + _pack('<I', idx)
        return b'g' + repr(idx).encode('ascii') + b'\n'

    # -- the dispatcher --

    def save(self, obj, save_persistent_id=True):
        if self._framing and len(self._frame) >= _FRAME_TARGET:
            self._commit()
        if save_persistent_id and self._pid is not None:
            pid = self._pid(obj)
            if pid is not None:
                self._save_pers(pid)
                return
        t = type(obj)
        if obj is None:
            self._w(b'N')
            return
        if t is bool:
            if self.proto >= 2:
                self._w(b'\x88' if obj else b'\x89')
            else:
                self._w(b'I01\n' if obj else b'I00\n')
            return
        if t is int:
            self._save_int(obj)
            return
        if t is float:
            if self.bin:
                self._w(b'G' + _pack('>d', obj))
            else:
                self._w(b'F' + repr(obj).encode('ascii') + b'\n')
            return
        m = self.memo.get(id(obj))
        if m is not None:
            self._w(self._get(m[0]))
            return
        f = _dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        if t is _Global:
            self._save_global_name(obj, obj.module, obj.name, obj.name)
            return
        override = getattr(self, 'reducer_override', None)
        if override is not None:
            rv = override(obj)
            if rv is not NotImplemented:
                self._save_reduced(obj, rv)
                return
        if t is _FunctionType or t is _BuiltinType or isinstance(obj, type):
            if obj is _NoneType or obj is _EllipsisType or obj is _NotImplementedType:
                # Types without a name to look up: type(None) and the like.
                self.save_reduce(type, (_singleton_of[obj],), obj=obj)
                return
            self.save_global(obj)
            return
        if obj is Ellipsis:
            self.save_global(obj, 'Ellipsis')
            return
        if obj is NotImplemented:
            self.save_global(obj, 'NotImplemented')
            return
        table = getattr(self, 'dispatch_table', None)
        if table is None:
            import copyreg
            table = copyreg.dispatch_table
        reducer = table.get(t)
        if reducer is not None:
            rv = reducer(obj)
        elif t is _MethodType:
            rv = (getattr, (obj.__self__, obj.__func__.__name__))
        else:
            rv = _reduce(obj, self.proto)
        self._save_reduced(obj, rv)

    def _save_reduced(self, obj, rv):
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        n = len(rv)
        if not 2 <= n <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        self.save_reduce(*rv, obj=obj)

    def _save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self._w(b'Q')
        else:
            if not isinstance(pid, str) or not pid.isascii():
                raise PicklingError("persistent IDs in protocol 0 must be ASCII strings")
            self._w(b'P' + pid.encode('ascii') + b'\n')

    def _save_int(self, obj):
        if -0x80000000 <= obj <= 0x7fffffff:
            if self.bin:
                if 0 <= obj <= 0xff:
                    self._w(b'K' + bytes((obj,)))
                elif 0 <= obj <= 0xffff:
                    self._w(b'M' + _pack('<H', obj))
                else:
                    self._w(b'J' + _pack('<i', obj))
            else:
                self._w(b'I' + repr(obj).encode('ascii') + b'\n')
            return
        if self.proto >= 2:
            data = _encode_long(obj)
            if len(data) < 256:
                self._w(b'\x8a' + bytes((len(data),)) + data)
            else:
                self._w(b'\x8b' + _pack('<i', len(data)) + data)
            return
        self._w(b'L' + repr(obj).encode('ascii') + b'L\n')

    def _save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode, (obj.decode('latin-1'), _fresh_latin1()), obj=obj)
            return
        n = len(obj)
        if n < 256:
            header = b'C' + bytes((n,))
        elif n <= 0xffffffff:
            header = b'B' + _pack('<I', n)
        else:
            header = b'\x8e' + _pack('<Q', n)
        self._w_payload(header, obj)
        self.memoize(obj)

    def _save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        self._w_payload(b'\x96' + _pack('<Q', len(obj)), bytes(obj))
        self.memoize(obj)

    def _save_str(self, obj):
        if self.bin:
            data = obj.encode('utf-8', 'surrogatepass')
            n = len(data)
            if n < 256 and self.proto >= 4:
                header = b'\x8c' + bytes((n,))
            elif n > 0xffffffff and self.proto >= 4:
                header = b'\x8d' + _pack('<Q', n)
            else:
                header = b'X' + _pack('<I', n)
            self._w_payload(header, data)
        else:
            self._w(b'V' + _raw_unicode_escape(obj) + b'\n')
        self.memoize(obj)

    def _save_tuple(self, obj):
        n = len(obj)
        if n == 0:
            self._w(b')' if self.bin else b'(t')
            return
        save = self.save
        if n <= 3 and self.proto >= 2:
            for item in obj:
                save(item)
            m = self.memo.get(id(obj))
            if m is not None:
                # A cycle through the tuple memoized it meanwhile.
                self._w(b'0' * n + self._get(m[0]))
                return
            self._w(b'\x85\x86\x87'[n - 1:n])
            self.memoize(obj)
            return
        self._w(b'(')
        for item in obj:
            save(item)
        m = self.memo.get(id(obj))
        if m is not None:
            if self.bin:
                self._w(b'1' + self._get(m[0]))
            else:
                self._w(b'0' * (n + 1) + self._get(m[0]))
            return
        self._w(b't')
        self.memoize(obj)

    def _save_list(self, obj):
        self._w(b']' if self.bin else b'(l')
        self.memoize(obj)
        if not obj:
            return
        if self.proto == 0:
            self._batch_appends(iter(obj))
            return
        save = self.save
        if len(obj) == 1:
            save(obj[0])
            self._w(b'a')
            return
        total = 0
        while total < len(obj):
            self._w(b'(')
            count = 0
            while total < len(obj):
                save(obj[total])
                total += 1
                count += 1
                if count == _BATCH:
                    break
            self._w(b'e')

    def _batch_appends(self, items):
        save = self.save
        if self.proto == 0:
            for item in items:
                save(item)
                self._w(b'a')
            return
        while True:
            first = next(items, _end)
            if first is _end:
                return
            item = next(items, _end)
            if item is _end:
                save(first)
                self._w(b'a')
                return
            self._w(b'(')
            save(first)
            n = 1
            while item is not _end:
                save(item)
                n += 1
                if n == _BATCH:
                    break
                item = next(items, _end)
            self._w(b'e')
            if n < _BATCH:
                return

    def _save_dict(self, obj):
        self._w(b'}' if self.bin else b'(d')
        self.memoize(obj)
        if not obj:
            return
        if self.proto == 0:
            self._batch_setitems(iter(obj.items()))
            return
        save = self.save
        size = len(obj)
        if size == 1:
            for k, v in obj.items():
                save(k)
                save(v)
            self._w(b's')
            return
        items = iter(obj.items())
        while True:
            self._w(b'(')
            n = 0
            for k, v in items:
                save(k)
                save(v)
                n += 1
                if n == _BATCH:
                    break
            self._w(b'u')
            if len(obj) != size:
                raise RuntimeError("dictionary changed size during iteration")
            if n != _BATCH:
                return

    def _batch_setitems(self, items):
        save = self.save
        if self.proto == 0:
            for k, v in items:
                save(k)
                save(v)
                self._w(b's')
            return
        while True:
            first = next(items, _end)
            if first is _end:
                return
            item = next(items, _end)
            if item is _end:
                save(first[0])
                save(first[1])
                self._w(b's')
                return
            self._w(b'(')
            save(first[0])
            save(first[1])
            n = 1
            while item is not _end:
                save(item[0])
                save(item[1])
                n += 1
                if n == _BATCH:
                    break
                item = next(items, _end)
            self._w(b'u')
            if n < _BATCH:
                return

    def _save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self._w(b'\x8f')
        self.memoize(obj)
        if not obj:
            return
        size = len(obj)
        items = iter(obj)
        save = self.save
        while True:
            self._w(b'(')
            n = 0
            for item in items:
                save(item)
                n += 1
                if n == _BATCH:
                    break
            self._w(b'\x90')
            if len(obj) != size:
                raise RuntimeError("set changed size during iteration")
            if n != _BATCH:
                return

    def _save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self._w(b'(')
        for item in obj:
            self.save(item)
        m = self.memo.get(id(obj))
        if m is not None:
            self._w(b'1' + self._get(m[0]))
            return
        self._w(b'\x91')
        self.memoize(obj)

    # -- globals --

    def save_global(self, obj, name=None):
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        module_name = _whichmodule(obj, name)
        try:
            module = _import(module_name)
        except ImportError:
            raise PicklingError("Can't pickle %r: import of module %r failed"
                                % (obj, module_name)) from None
        try:
            found, parent = _getattribute(module, name)
        except AttributeError as e:
            if str(e).startswith("Can't pickle local object"):
                raise
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name, module_name)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module_name, name))
        if self.proto < 4 and parent is not module:
            lastname = name.rpartition('.')[2]
            self.save_reduce(getattr, (parent, lastname), obj=obj)
            return
        self._save_global_name(obj, module_name, name, name)

    def _save_global_name(self, obj, module_name, name, display):
        if self.proto >= 4:
            self._save_module_name(module_name)
            self.save(name)
            self._w(b'\x93')
        else:
            if self.fix_imports:
                r = _NAME_TO_PY2.get((module_name, name))
                if r is not None:
                    module_name, name = r
                elif module_name in _MODULE_TO_PY2:
                    module_name = _MODULE_TO_PY2[module_name]
            enc = 'utf-8' if self.proto >= 3 else 'ascii'
            try:
                data = (b'c' + module_name.encode(enc) + b'\n'
                        + name.encode(enc) + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("can't pickle global identifier '%s.%s' using "
                                    "pickle protocol %d" % (module_name, name, self.proto)) from None
            self._w(data)
        self.memoize(obj)

    def _save_module_name(self, s):
        # Module names are interned in CPython, so the same module named
        # twice is one string and comes back from the memo.
        idx = self._gnames.get(s)
        if idx is not None:
            self._w(self._get(idx))
            return
        m = self.memo.get(id(s))
        if m is not None:
            self._w(self._get(m[0]))
            return
        self._save_str(s)
        m = self.memo.get(id(s))
        if m is not None:
            self._gnames[s] = m[0]

    # -- reductions --

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        if not callable(func) and type(func) is not _Global:
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        save = self.save
        fname = getattr(func, '__name__', '')
        if self.proto >= 2 and fname == '__newobj_ex__':
            cls, args, kwargs = args
            if not hasattr(cls, '__new__'):
                raise PicklingError("args[0] from __newobj_ex__ args has no __new__")
            if obj is not None and cls is not type(obj):
                raise PicklingError("args[0] from __newobj_ex__ args has the wrong class")
            if self.proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                self._w(b'\x92')
            else:
                raise PicklingError("asy cannot pickle keyword-only __new__ arguments "
                                    "before protocol 4")
        elif self.proto >= 2 and fname == '__newobj__':
            if not args:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not isinstance(cls, type):
                raise PicklingError("args[0] from __newobj__ args is not a type")
            if obj is not None and cls is not type(obj):
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            save(cls)
            save(args[1:])
            self._w(b'\x81')
        else:
            save(func)
            save(args)
            self._w(b'R')
        if obj is not None:
            m = self.memo.get(id(obj))
            if m is not None:
                self._w(b'0' + self._get(m[0]))
                return
            self.memoize(obj)
        if listitems is not None:
            self._batch_appends(iter(listitems))
        if dictitems is not None:
            self._batch_setitems(iter(dictitems))
        if state is not None:
            if state_setter is None:
                save(state)
                self._w(b'b')
            else:
                save(state_setter)
                save(obj)
                save(state)
                self._w(b'\x86R0')


_end = object()


def _fresh_latin1():
    # CPython builds a new 'latin1' string for every bytes object it writes
    # in protocols 0-2, so the memo never finds it again.
    return ''.join(['latin', '1'])


_dispatch = {
    bytes: Pickler._save_bytes,
    str: Pickler._save_str,
    dict: Pickler._save_dict,
    set: Pickler._save_set,
    frozenset: Pickler._save_frozenset,
    list: Pickler._save_list,
    tuple: Pickler._save_tuple,
    bytearray: Pickler._save_bytearray,
}


def _fast(obj, protocol, buffer_callback):
    # Plain data (builtin containers and scalars) is written by the Go
    # pickler, which agrees byte for byte with the code above; anything
    # else (None back) goes through Pickler.
    if buffer_callback is not None:
        return None
    if protocol is None:
        protocol = DEFAULT_PROTOCOL
    elif type(protocol) is not int:
        return None
    elif protocol < 0:
        protocol = HIGHEST_PROTOCOL
    return _dumps_fast(obj, protocol)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    if hasattr(file, 'write'):
        data = _fast(obj, protocol, buffer_callback)
        if data is not None:
            file.write(data)
            return
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    data = _fast(obj, protocol, buffer_callback)
    if data is not None:
        return data
    p = Pickler(None, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback)
    p.dump(obj)
    return bytes(p._out)


# -- types whose CPython counterparts reduce themselves in C --

def _reduce_special(obj, proto):
    cls = type(obj)
    if cls is complex:
        return (complex, (obj.real, obj.imag))
    if cls is range or cls is slice:
        return (cls, (obj.start, obj.stop, obj.step))
    modname = getattr(cls, '__module__', None)
    if modname == 'datetime':
        return _reduce_datetime(obj, cls, proto)
    if modname == 'collections':
        deque = getattr(sys.modules.get('collections'), 'deque', None)
        if deque is not None and isinstance(obj, deque):
            d = getattr(obj, '__dict__', None) or None
            if obj.maxlen is None:
                args = ()
            else:
                args = ((), obj.maxlen)
            return (cls, args, d, iter(obj))
    enum = sys.modules.get('enum')
    if enum is not None and isinstance(obj, enum.Enum):
        return (cls, (obj._value_,))
    return None


def _reduce_datetime(obj, cls, proto):
    dt = sys.modules['datetime']
    if isinstance(obj, dt.timedelta):
        return (cls, (obj.days, obj.seconds, obj.microseconds))
    if isinstance(obj, dt.timezone):
        offset = obj.utcoffset(None)
        name = obj.tzname(None)
        own = getattr(obj, '_name', _end)
        if own is None or (own is _end and name == _tz_default_name(offset)):
            return (cls, (offset,))
        return (cls, (offset, name))
    if isinstance(obj, dt.datetime):
        us = obj.microsecond
        month = obj.month
        if proto > 3 and getattr(obj, "fold", 0):
            month += 128
        state = bytes((obj.year >> 8, obj.year & 0xff, month, obj.day,
                       obj.hour, obj.minute, obj.second,
                       us >> 16, (us >> 8) & 0xff, us & 0xff))
        if obj.tzinfo is None:
            return (cls, (state,))
        return (cls, (state, obj.tzinfo))
    if isinstance(obj, dt.date):
        return (cls, (bytes((obj.year >> 8, obj.year & 0xff, obj.month, obj.day)),))
    if isinstance(obj, dt.time):
        us = obj.microsecond
        hour = obj.hour
        if proto > 3 and getattr(obj, "fold", 0):
            hour += 128
        state = bytes((hour, obj.minute, obj.second,
                       us >> 16, (us >> 8) & 0xff, us & 0xff))
        if obj.tzinfo is None:
            return (cls, (state,))
        return (cls, (state, obj.tzinfo))
    return None


def _tz_default_name(offset):
    # The name a timezone made without one reports (UTC+01:00...).
    if not offset:
        return 'UTC'
    sign = '-' if offset.days < 0 else '+'
    secs = abs(offset.days * 86400 + offset.seconds)
    hh, rest = divmod(secs, 3600)
    mm, ss = divmod(rest, 60)
    s = 'UTC%s%02d:%02d' % (sign, hh, mm)
    if ss or offset.microseconds:
        s += ':%02d' % ss
        if offset.microseconds:
            s += '.%06d' % offset.microseconds
    return s
