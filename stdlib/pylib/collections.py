# collections for asy: deque is native Go (already in this namespace); the
# rest is written here in the script language. The abstract base classes of
# collections.abc are defined here too (collections.abc re-exports them), so
# that ChainMap can derive from MutableMapping without a circular import.

import sys as _sys

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'defaultdict', 'deque',
           'namedtuple']

_MARKER = object()


# ---------------------------------------------------------------------------
# Abstract base classes (exported by collections.abc)

def _abstractmethod(func):
    func.__isabstractmethod__ = True
    return func


def _is_abstract(obj):
    return getattr(obj, '__isabstractmethod__', False) is True


def _abstract_names(cls):
    names = []
    for name in dir(cls):
        try:
            value = getattr(cls, name)
        except AttributeError:
            continue
        if _is_abstract(value):
            names.append(name)
    return sorted(names)


def _abc_new(cls, *args, **kwargs):
    # CPython refuses in object.__new__ to instantiate a class that still has
    # abstract methods; asy does it here, in the root ABCs.
    missing = cls.__dict__.get('_abc_missing_names')
    if missing is None:
        missing = _abstract_names(cls)
    if missing:
        s = 's' if len(missing) > 1 else ''
        raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                        f"with abstract method{s} {', '.join(missing)}")
    return object.__new__(cls)


def _check_methods(C, *methods):
    mro = getattr(C, '__mro__', (C,))
    for method in methods:
        for B in mro:
            if method == '__hash__' and B in _UNHASHABLE:
                # asy's built-in containers do not carry __hash__ = None.
                return NotImplemented
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


_UNHASHABLE = (list, dict, set, bytearray)


class ABCMeta(type):
    """Metaclass of the collection ABCs: virtual subclasses (register) and
    subclass hooks. asy applies only its __new__ today; the root ABCs carry
    the rest (register, the abstract-instantiation check) themselves."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        return super().__new__(mcls, name, bases, namespace, **kwargs)

    def __instancecheck__(cls, instance):
        return _abc_isinstance(instance, cls)

    def __subclasscheck__(cls, subclass):
        return _abc_issubclass(subclass, cls)


def _abc_registry(cls):
    reg = cls.__dict__.get('_abc_registry_list')
    if reg is None:
        reg = []
        cls._abc_registry_list = reg
    return reg


def _abc_issubclass(sub, cls):
    if not isinstance(sub, type):
        raise TypeError('issubclass() arg 1 must be a class')
    mro = getattr(sub, '__mro__', (sub,))
    if cls in mro:
        return True
    hook = cls.__dict__.get('__subclasshook__')
    if hook is not None:
        ok = cls.__subclasshook__(sub)
        if ok is not NotImplemented:
            return bool(ok)
    for r in _abc_registry(cls):
        if r is sub or _subclass_of(sub, r):
            return True
    for scls in cls.__dict__.get('_abc_subclasses', ()):
        if scls is not cls and _subclass_of(sub, scls):
            return True
    return False


def _subclass_of(sub, cls):
    if '_abc_missing_names' in cls.__dict__:
        return _abc_issubclass(sub, cls)
    return cls in getattr(sub, '__mro__', (sub,))


def _abc_isinstance(instance, cls):
    return _abc_issubclass(type(instance), cls)


def _init_abc_subclass(cls):
    if '_abc_subclasses' in cls.__dict__:
        return
    names = _abstract_names(cls)
    cls._abc_missing_names = names
    cls.__abstractmethods__ = frozenset(names)
    cls._abc_subclasses = []
    # asy's type.__subclasses__() is always empty: keep the tree here.
    for base in getattr(cls, '__bases__', ()):
        subs = base.__dict__.get('_abc_subclasses')
        if subs is not None:
            subs.append(cls)


def _register(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError('Can only register classes')
    if _abc_issubclass(subclass, cls):
        return subclass
    _abc_registry(cls).append(subclass)
    return subclass


class Hashable(metaclass=ABCMeta):
    __slots__ = ()
    __new__ = _abc_new

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _init_abc_subclass(cls)

    @classmethod
    def register(cls, subclass):
        return _register(cls, subclass)

    @_abstractmethod
    def __hash__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hashable:
            return _check_methods(C, '__hash__')
        return NotImplemented


class Awaitable(metaclass=ABCMeta):
    __slots__ = ()
    __new__ = _abc_new

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _init_abc_subclass(cls)

    @classmethod
    def register(cls, subclass):
        return _register(cls, subclass)

    @_abstractmethod
    def __await__(self):
        yield

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Awaitable:
            return _check_methods(C, '__await__')
        return NotImplemented


class Coroutine(Awaitable):
    __slots__ = ()

    @_abstractmethod
    def send(self, value):
        raise StopIteration

    @_abstractmethod
    def throw(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError('coroutine ignored GeneratorExit')

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Coroutine:
            return _check_methods(C, '__await__', 'send', 'throw', 'close')
        return NotImplemented


class AsyncIterable(metaclass=ABCMeta):
    __slots__ = ()
    __new__ = _abc_new

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _init_abc_subclass(cls)

    @classmethod
    def register(cls, subclass):
        return _register(cls, subclass)

    @_abstractmethod
    def __aiter__(self):
        return AsyncIterator()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncIterable:
            return _check_methods(C, '__aiter__')
        return NotImplemented


class AsyncIterator(AsyncIterable):
    __slots__ = ()

    @_abstractmethod
    async def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncIterator:
            return _check_methods(C, '__anext__', '__aiter__')
        return NotImplemented


class AsyncGenerator(AsyncIterator):
    __slots__ = ()

    async def __anext__(self):
        return await self.asend(None)

    @_abstractmethod
    async def asend(self, value):
        raise StopAsyncIteration

    @_abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            pass
        else:
            raise RuntimeError('asynchronous generator ignored GeneratorExit')

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncGenerator:
            return _check_methods(C, '__aiter__', '__anext__', 'asend', 'athrow', 'aclose')
        return NotImplemented


class Iterable(metaclass=ABCMeta):
    __slots__ = ()
    __new__ = _abc_new

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _init_abc_subclass(cls)

    @classmethod
    def register(cls, subclass):
        return _register(cls, subclass)

    @_abstractmethod
    def __iter__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterable:
            return _check_methods(C, '__iter__')
        return NotImplemented


class Iterator(Iterable):
    __slots__ = ()

    @_abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterator:
            return _check_methods(C, '__iter__', '__next__')
        return NotImplemented


class Reversible(Iterable):
    __slots__ = ()

    @_abstractmethod
    def __reversed__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Reversible:
            return _check_methods(C, '__reversed__', '__iter__')
        return NotImplemented


class Generator(Iterator):
    __slots__ = ()

    def __next__(self):
        return self.send(None)

    @_abstractmethod
    def send(self, value):
        raise StopIteration

    @_abstractmethod
    def throw(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError('generator ignored GeneratorExit')

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Generator:
            return _check_methods(C, '__iter__', '__next__', 'send', 'throw', 'close')
        return NotImplemented


class Sized(metaclass=ABCMeta):
    __slots__ = ()
    __new__ = _abc_new

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _init_abc_subclass(cls)

    @classmethod
    def register(cls, subclass):
        return _register(cls, subclass)

    @_abstractmethod
    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return _check_methods(C, '__len__')
        return NotImplemented


class Container(metaclass=ABCMeta):
    __slots__ = ()
    __new__ = _abc_new

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _init_abc_subclass(cls)

    @classmethod
    def register(cls, subclass):
        return _register(cls, subclass)

    @_abstractmethod
    def __contains__(self, x):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Container:
            return _check_methods(C, '__contains__')
        return NotImplemented


class Collection(Sized, Iterable, Container):
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Collection:
            return _check_methods(C, '__len__', '__iter__', '__contains__')
        return NotImplemented


class Callable(metaclass=ABCMeta):
    __slots__ = ()
    __new__ = _abc_new

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _init_abc_subclass(cls)

    @classmethod
    def register(cls, subclass):
        return _register(cls, subclass)

    @_abstractmethod
    def __call__(self, *args, **kwds):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Callable:
            return _check_methods(C, '__call__')
        return NotImplemented


class Set(Collection):
    __slots__ = ()

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not _is_iterable(other):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not _is_iterable(other):
            return NotImplemented
        chain = [e for s in (self, other) for e in s]
        return self._from_iterable(chain)

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not _is_iterable(other):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self if value not in other)

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not _is_iterable(other):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in other if value not in self)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not _is_iterable(other):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__

    def _hash(self):
        MAX = _sys.maxsize
        MASK = 2 * MAX + 1
        n = len(self)
        h = 1927868237 * (n + 1)
        h &= MASK
        for x in self:
            hx = hash(x)
            h ^= (hx ^ (hx << 16) ^ 89869747) * 3644798167
            h &= MASK
        h ^= (h >> 11) ^ (h >> 25)
        h = h * 69069 + 907133923
        h &= MASK
        if h > MAX:
            h -= MASK + 1
        if h == -1:
            h = 590923713
        return h


class MutableSet(Set):
    __slots__ = ()

    @_abstractmethod
    def add(self, value):
        raise NotImplementedError

    @_abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in list(self):
            if value not in it:
                self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


class Mapping(Collection):
    __slots__ = ()

    @_abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    __reversed__ = None
    __hash__ = None


class MappingView(Sized):
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '{0.__class__.__name__}({0._mapping!r})'.format(self)


class KeysView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


class MutableMapping(Mapping):
    __slots__ = ()

    @_abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @_abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_MARKER):
        try:
            value = self[key]
        except KeyError:
            if default is _MARKER:
                raise
            return default
        else:
            del self[key]
            return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if _is_mapping(other):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class Sequence(Reversible, Collection):
    __slots__ = ()

    @_abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


class ByteString(Sequence):
    __slots__ = ()


class MutableSequence(Sequence):
    __slots__ = ()

    @_abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @_abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @_abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


for _c in (Hashable, Awaitable, AsyncIterable, Iterable, Sized, Container, Callable):
    _init_abc_subclass(_c)
for _c in (Coroutine, AsyncIterator, AsyncGenerator, Iterator, Reversible, Generator,
           Collection, Set, MutableSet, Mapping, MappingView, KeysView, ItemsView,
           ValuesView, MutableMapping, Sequence, ByteString, MutableSequence):
    for _b in _c.__bases__:
        _subs = _b.__dict__.get('_abc_subclasses')
        if _subs is not None and _c not in _subs:
            _subs.append(_c)
del _b, _subs


# Built-in types as virtual subclasses (used once asy honours
# __instancecheck__ on metaclasses; _is_mapping and friends use them now).
def _builtin_registrations():
    class _Probe:
        def method(self):
            pass
    gen = (lambda: (yield))()
    dict_keys = type({}.keys())
    dict_values = type({}.values())
    dict_items = type({}.items())
    regs = [
        (Hashable, [int, float, complex, str, bytes, tuple, frozenset, type(None), bool, type]),
        (Iterable, [list, tuple, str, bytes, dict, set, frozenset, range, dict_keys, dict_values, dict_items, type(gen), deque]),
        (Iterator, [type(gen), type(iter([])), type(iter(())), type(iter('')), type(iter({})), type(iter(range(0))), type(iter(set()))]),
        (Generator, [type(gen)]),
        (Sized, [list, tuple, str, bytes, dict, set, frozenset, range, deque, dict_keys, dict_values, dict_items]),
        (Container, [list, tuple, str, bytes, dict, set, frozenset, range, deque, dict_keys, dict_values, dict_items]),
        (Callable, [type, type(len), type(_check_methods), type(_sys.intern), type([].append), type(gen.send), type(_Probe().method)]),
        (Sequence, [tuple, str, range, list, bytes]),
        (MutableSequence, [list, deque]),
        (Set, [frozenset, set, dict_keys, dict_items]),
        (MutableSet, [set]),
        (Mapping, [dict]),
        (MutableMapping, [dict]),
        (KeysView, [dict_keys]),
        (ValuesView, [dict_values]),
        (ItemsView, [dict_items]),
        (Reversible, [list, tuple, str, range, dict, deque]),
    ]
    for abc, types in regs:
        for t in types:
            if t not in _abc_registry(abc):
                _abc_registry(abc).append(t)
    gen.close()


_builtin_registrations()


def _is_mapping(obj):
    return isinstance(obj, (dict, Mapping)) or _abc_isinstance(obj, Mapping)


def _is_iterable(obj):
    try:
        iter(obj)
    except TypeError:
        return False
    return True


_abc_names = ['Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator',
              'AsyncGenerator', 'Hashable', 'Iterable', 'Iterator', 'Generator',
              'Reversible', 'Sized', 'Container', 'Callable', 'Collection',
              'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView',
              'KeysView', 'ItemsView', 'ValuesView', 'Sequence',
              'MutableSequence', 'ByteString']
_abc_classes = {}
for _n in _abc_names:
    _c = globals()[_n]
    _c.__module__ = 'collections.abc'
    _abc_classes[_n] = _c
_abc_classes['ABCMeta'] = ABCMeta
_abc_classes['_check_methods'] = _check_methods
_abc_classes['_abstractmethod'] = _abstractmethod
del _n, _c


# ---------------------------------------------------------------------------
# Helpers

_repr_running = set()


def _guarded_repr(obj, make):
    # What reprlib.recursive_repr does: '...' for an object already being
    # shown further up.
    key = id(obj)
    if key in _repr_running:
        return '...'
    _repr_running.add(key)
    try:
        return make()
    finally:
        _repr_running.discard(key)


def _plain_dict_repr(d):
    if not d:
        return '{}'
    return '{' + ', '.join(f'{k!r}: {v!r}' for k, v in dict.items(d)) + '}'


# ---------------------------------------------------------------------------
# namedtuple

_KEYWORDS = {
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
}


def _field_property(index):
    def get(self):
        return self[index]
    return property(get, doc=f'Alias for field number {index}')


# asy hashes an instance of a tuple subclass by identity and does not order
# it against tuples; these make a named tuple hash and compare by value, as
# a tuple does.
def _nt_hash(self):
    return hash(tuple(self))


def _nt_eq(self, other):
    if not isinstance(other, tuple):
        return NotImplemented
    return tuple(self) == tuple(other)


def _nt_ne(self, other):
    if not isinstance(other, tuple):
        return NotImplemented
    return tuple(self) != tuple(other)


def _nt_lt(self, other):
    if not isinstance(other, tuple):
        return NotImplemented
    return tuple(self) < tuple(other)


def _nt_le(self, other):
    if not isinstance(other, tuple):
        return NotImplemented
    return tuple(self) <= tuple(other)


def _nt_gt(self, other):
    if not isinstance(other, tuple):
        return NotImplemented
    return tuple(self) > tuple(other)


def _nt_ge(self, other):
    if not isinstance(other, tuple):
        return NotImplemented
    return tuple(self) >= tuple(other)


_tuple_subclass_fixes = {'__hash__': _nt_hash, '__eq__': _nt_eq, '__ne__': _nt_ne, '__lt__': _nt_lt, '__le__': _nt_le,
                         '__gt__': _nt_gt, '__ge__': _nt_ge}


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    names = [str(n) for n in field_names]
    typename = str(typename)

    if rename:
        seen = set()
        for i, name in enumerate(names):
            bad = (not name.isidentifier() or name in _KEYWORDS
                   or name.startswith('_') or name in seen)
            if bad:
                names[i] = f'_{i}'
            seen.add(name)

    for name in [typename] + names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')

    seen = set()
    for name in names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(names):
            raise TypeError('Got more default values than field names')
        first = len(names) - len(defaults)
        for i, value in enumerate(defaults):
            field_defaults[names[first + i]] = value

    fields = tuple(names)
    nfields = len(fields)
    arg_list = ', '.join(fields)
    if nfields == 1:
        arg_list += ','

    # __new__ is compiled from source, so that its signature (and the errors
    # a wrong call raises) is exactly CPython's. Defaults are written into
    # the signature: asy does not read an assigned __defaults__.
    params = ['_cls']
    ns = {'_tuple_new': tuple.__new__, '__builtins__': {},
          '__name__': f'namedtuple_{typename}'}
    first_default = nfields - len(field_defaults)
    for i, name in enumerate(fields):
        if i >= first_default:
            ns[f'_dflt_{i}'] = field_defaults[name]
            params.append(f'{name}=_dflt_{i}')
        else:
            params.append(name)
    tuple_src = '()' if nfields == 0 else f'({arg_list})'
    __new__ = eval(f"lambda {', '.join(params)}: _tuple_new(_cls, {tuple_src})", ns)
    __new__.__name__ = '__new__'
    __new__.__doc__ = f'Create new instance of {typename}({arg_list})'

    tuple_new = tuple.__new__
    repr_fmt = '(' + ', '.join(f'{name}=%r' for name in fields) + ')'

    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if len(result) != nfields:
            raise TypeError(f'Expected {nfields} arguments, got {len(result)}')
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name, value) for name, value in zip(fields, self)])
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def __repr__(self):
        return self.__class__.__name__ + repr_fmt % tuple(self)

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    for method in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = f'{typename}.{method.__name__}'

    namespace = {
        '__doc__': f'{typename}({arg_list})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    namespace.update(_tuple_subclass_fixes)
    for index, name in enumerate(fields):
        namespace[name] = _field_property(index)

    result = type(typename, (tuple,), namespace)

    if module is None:
        getframe = getattr(_sys, '_getframe', None)
        if getframe is not None:
            try:
                module = getframe(1).f_globals.get('__name__', '__main__')
            except (AttributeError, ValueError):
                pass
        else:
            # asy has no sys._getframe: assume the caller is the main script.
            module = '__main__'
    if module is not None:
        result.__module__ = module
    return result


# ---------------------------------------------------------------------------
# defaultdict

class defaultdict(dict):
    def __new__(cls, *args, **kwargs):
        return dict.__new__(cls)

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        dict.update(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self):
        def make():
            factory = self.default_factory
            if factory is None:
                frepr = 'None'
            else:
                frepr = _guarded_repr(factory, lambda: repr(factory))
            return f'{type(self).__name__}({frepr}, {_plain_dict_repr(self)})'
        return _guarded_repr(self, make)

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = (self.default_factory,) if self.default_factory else ()
        return type(self), args, None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        dict.update(new, other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        dict.update(new, self)
        return new

    def __ior__(self, other):
        dict.update(self, other)
        return self


# ---------------------------------------------------------------------------
# Counter

class Counter(dict):
    def __new__(cls, *args, **kwargs):
        return dict.__new__(cls)

    def __init__(self, iterable=None, /, **kwds):
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        # Stable sort, descending: equal counts keep first-seen order (what
        # heapq.nlargest gives CPython).
        ordered = sorted(self.items(), key=_second, reverse=True)
        if n is None:
            return ordered
        if n <= 0:
            return []
        return ordered[:n]

    def elements(self):
        return _elements(self.items())

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        def make():
            if not self:
                return f'{self.__class__.__name__}()'
            try:
                d = dict(self.most_common())
            except TypeError:
                d = dict(self)
            return f'{self.__class__.__name__}({d!r})'
        return _guarded_repr(self, make)

    # Comparisons treat missing elements as zero counts.
    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            n = count + other[elem]
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            n = count - other[elem]
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            n = other_count if count < other_count else count
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            n = count if count < other_count else other_count
            if n > 0:
                result[elem] = n
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            if other_count > self[elem]:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self.items()):
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _second(pair):
    return pair[1]


def _elements(items):
    for elem, count in items:
        for _ in range(count):
            yield elem


# ---------------------------------------------------------------------------
# OrderedDict: asy's dict keeps insertion order, so OrderedDict adds only
# reordering, order-sensitive equality and its own repr and views.

class odict_keys(KeysView):
    __slots__ = ()

    def __repr__(self):
        return f'odict_keys({list(self._mapping)!r})'

    def __reversed__(self):
        return reversed(list(self._mapping))


class odict_values(ValuesView):
    __slots__ = ()

    def __repr__(self):
        return f'odict_values({list(self)!r})'

    def __reversed__(self):
        m = self._mapping
        return iter([m[k] for k in reversed(list(m))])


class odict_items(ItemsView):
    __slots__ = ()

    def __repr__(self):
        return f'odict_items({list(self)!r})'

    def __reversed__(self):
        m = self._mapping
        return iter([(k, m[k]) for k in reversed(list(m))])


for _c in (odict_keys, odict_values, odict_items):
    _c.__module__ = 'builtins'
del _c


class OrderedDict(dict):
    def __new__(cls, *args, **kwargs):
        return dict.__new__(cls)

    def __init__(self, other=(), /, **kwds):
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        if _is_mapping(other):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def move_to_end(self, key, last=True):
        if key not in self:
            raise KeyError(key)
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            key = next(reversed(list(dict.keys(self))))
        else:
            key = next(iter(dict.keys(self)))
        value = dict.pop(self, key)
        return key, value

    def keys(self):
        return odict_keys(self)

    def values(self):
        return odict_values(self)

    def items(self):
        return odict_items(self)

    def __reversed__(self):
        return reversed(list(dict.keys(self)))

    def __repr__(self):
        def make():
            if not self:
                return f'{self.__class__.__name__}()'
            return f'{self.__class__.__name__}({list(self.items())!r})'
        return _guarded_repr(self, make)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return (len(self) == len(other) and list(dict.items(self)) == list(dict.items(other)))
        if isinstance(other, dict):
            return dict(dict.items(self)) == dict(dict.items(other))
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    __hash__ = None

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def pop(self, key, default=_MARKER):
        if key in self:
            value = self[key]
            dict.__delitem__(self, key)
            return value
        if default is _MARKER:
            raise KeyError(key)
        return default

    def __reduce__(self):
        return self.__class__, (), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


# ---------------------------------------------------------------------------
# ChainMap

class ChainMap(MutableMapping):
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                d[key] = None
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return _guarded_repr(self, lambda: f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})')

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


ChainMap.__module__ = 'collections'
