# weakref for asy. asy's garbage collector is a tracing one with no weak
# references visible to scripts, so every "weak" reference here is strong:
# a referent stays alive while a ref, proxy or weak container holds it,
# entries of WeakValueDictionary/WeakKeyDictionary/WeakSet are never
# dropped by collection, and callbacks and finalize() functions run only
# when called explicitly. The module exists so that code using it runs.

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]

# CPython refuses weak references to these (no __weakref__ slot); keep the
# same TypeError so code probing for weakrefability behaves alike.
_NOT_WEAKREFABLE = (int, float, complex, str, bytes, bool, tuple, list, dict,
                    set, frozenset, type(None), bytearray, type(...),
                    type(NotImplemented), slice, range)


def _check(obj):
    if type(obj) in _NOT_WEAKREFABLE:
        raise TypeError("cannot create weak reference to %r object"
                        % type(obj).__name__)


class ref:
    """A reference to obj; calling it returns obj (always alive in asy)."""

    __slots__ = ("_obj", "__callback__")

    def __init__(self, obj, callback=None):
        _check(obj)
        self._obj = obj
        self.__callback__ = callback

    def __call__(self):
        return self._obj

    def __eq__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        return self._obj == other._obj

    def __ne__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        return not self._obj == other._obj

    def __hash__(self):
        return hash(self._obj)

    def __repr__(self):
        obj = self._obj
        return "<weakref at %#x; to '%s' at %#x>" % (
            id(self), type(obj).__name__, id(obj))

    def __class_getitem__(cls, item):
        return cls


ReferenceType = ref


class WeakMethod(ref):
    """A ref to a bound method: calling it rebuilds the method."""

    __slots__ = ("_meth_type",)

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        self._obj = meth
        self.__callback__ = callback

    def __call__(self):
        return self._obj


def _unwrap_proxy(p):
    return object.__getattribute__(p, "_obj")


# asy does not route every attribute read through a Python-level
# __getattribute__, so the proxy forwards through __getattr__ (reached for
# every name but its own slot).


class ProxyType:
    """A proxy forwarding attribute access and operators to its referent."""

    __slots__ = ("_obj",)

    def __init__(self, obj, callback=None):
        _check(obj)
        object.__setattr__(self, "_obj", obj)

    def __getattr__(self, name):
        return getattr(_unwrap_proxy(self), name)

    def __setattr__(self, name, value):
        setattr(_unwrap_proxy(self), name, value)

    def __delattr__(self, name):
        delattr(_unwrap_proxy(self), name)

    def __repr__(self):
        obj = _unwrap_proxy(self)
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(obj).__name__, id(obj))

    def __str__(self):
        return str(_unwrap_proxy(self))

    def __bool__(self):
        return bool(_unwrap_proxy(self))

    def __len__(self):
        return len(_unwrap_proxy(self))

    def __iter__(self):
        return iter(_unwrap_proxy(self))

    def __getitem__(self, key):
        return _unwrap_proxy(self)[key]

    def __setitem__(self, key, value):
        _unwrap_proxy(self)[key] = value

    def __contains__(self, item):
        return item in _unwrap_proxy(self)

    def __eq__(self, other):
        return _unwrap_proxy(self) == other

    def __call__(self, *args, **kwargs):
        return _unwrap_proxy(self)(*args, **kwargs)


CallableProxyType = ProxyType
ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    return ProxyType(obj, callback)


def getweakrefcount(obj):
    # References are not tracked per object.
    return 0


def getweakrefs(obj):
    return []


class _StrongDict:
    # What WeakValueDictionary and WeakKeyDictionary share: a dict in .data
    # (entries held strongly, as everything in this module) behind the
    # mapping interface; _check_entry vets what may be held "weakly".

    def __init__(self, other=None, /, **kw):
        self.data = {}
        self.update(other, **kw)

    def _check_entry(self, key, value):
        pass

    def __getitem__(self, key):
        return self.data[key]

    def __setitem__(self, key, value):
        self._check_entry(key, value)
        self.data[key] = value

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(list(self.data))

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __or__(self, other):
        c = self.copy()
        c.update(other)
        return c

    def get(self, key, default=None):
        return self.data.get(key, default)

    def keys(self):
        return self.data.keys()

    def values(self):
        return self.data.values()

    def items(self):
        return self.data.items()

    def pop(self, key, *args):
        return self.data.pop(key, *args)

    def popitem(self):
        return self.data.popitem()

    def setdefault(self, key, default=None):
        if key not in self.data:
            self[key] = default
        return self.data[key]

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if hasattr(other, "keys"):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def clear(self):
        self.data.clear()

    def copy(self):
        new = type(self)()
        new.data = dict(self.data)
        return new

    __copy__ = copy


class WeakValueDictionary(_StrongDict):
    """Mapping whose values would be weakly held (here: strongly)."""

    def _check_entry(self, key, value):
        _check(value)

    def itervaluerefs(self):
        return iter([ref(v) for v in self.data.values()])

    def valuerefs(self):
        return [ref(v) for v in self.data.values()]


class WeakKeyDictionary(_StrongDict):
    """Mapping whose keys would be weakly held (here: strongly)."""

    def __init__(self, dict=None):
        super().__init__(dict)

    def _check_entry(self, key, value):
        _check(key)

    def __contains__(self, key):
        try:
            return key in self.data
        except TypeError:
            return False

    def keyrefs(self):
        return [ref(k) for k in self.data]


class WeakSet:
    """Set whose members would be weakly held (here: strongly)."""

    def __init__(self, data=None):
        self.data = set()
        if data is not None:
            self.update(data)

    def __iter__(self):
        return iter(list(self.data))

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        try:
            return item in self.data
        except TypeError:
            return False

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def add(self, item):
        _check(item)
        self.data.add(item)

    def discard(self, item):
        self.data.discard(item)

    def remove(self, item):
        self.data.remove(item)

    def pop(self):
        return self.data.pop()

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self.data)

    __copy__ = copy

    def update(self, other):
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == other.data

    def _items(self, other):
        return other.data if isinstance(other, WeakSet) else set(other)

    def union(self, other):
        return type(self)(self.data | self._items(other))
    __or__ = union

    def intersection(self, other):
        return type(self)(self.data & self._items(other))
    __and__ = intersection

    def difference(self, other):
        return type(self)(self.data - self._items(other))
    __sub__ = difference

    def symmetric_difference(self, other):
        return type(self)(self.data ^ self._items(other))
    __xor__ = symmetric_difference

    def difference_update(self, other):
        self.data -= self._items(other)

    def intersection_update(self, other):
        self.data &= self._items(other)

    def issubset(self, other):
        return self.data <= self._items(other)
    __le__ = issubset

    def issuperset(self, other):
        return self.data >= self._items(other)
    __ge__ = issuperset

    def isdisjoint(self, other):
        return not (self.data & self._items(other))


class finalize:
    """A finalizer for obj: calling it (once) runs func(*args, **kwargs).
    asy never collects obj while the finalizer holds it, so the call only
    happens when made explicitly."""

    __slots__ = ("_obj", "_func", "_args", "_kwargs", "_alive", "atexit")

    def __init__(self, obj, func, /, *args, **kwargs):
        _check(obj)
        self._obj = obj
        self._func = func
        self._args = args
        self._kwargs = kwargs or {}
        self._alive = True
        self.atexit = True

    def __call__(self, _=None):
        """Run the callback unless already called or detached."""
        if self._alive:
            self._alive = False
            return self._func(*self._args, **self._kwargs)

    def detach(self):
        """If alive, mark dead and return (obj, func, args, kwargs)."""
        if self._alive:
            self._alive = False
            return (self._obj, self._func, self._args, self._kwargs)

    def peek(self):
        if self._alive:
            return (self._obj, self._func, self._args, self._kwargs)

    @property
    def alive(self):
        return self._alive

    def __repr__(self):
        if self._alive:
            return "<%s object at %#x; for %r at %#x>" % (
                type(self).__name__, id(self), type(self._obj).__name__, id(self._obj))
        return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
