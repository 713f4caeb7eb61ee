# copy for asy: shallow and deep copies.
#
# CPython drives both through __reduce_ex__(4); here the builtin types have
# no reduce methods, so _reduce() builds the tuple CPython's default would
# give (object.__reduce_ex__ with protocol 4, or the type's own __reduce__)
# and _reconstruct() consumes it the same way. A class that defines
# __reduce_ex__ or __reduce__ itself is still honoured.

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def _func():
    pass


class _C:
    def _m(self):
        pass


_FunctionType = type(_func)
_BuiltinFunctionType = type(len)
_MethodType = type(_C()._m)
_NoneType = type(None)

from copyreg import dispatch_table as _registered_reductions

try:
    from _collections import deque as _deque
except ImportError:
    _deque = None


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


# Immutable values are their own copies.
_atomic = (_NoneType, type(Ellipsis), type(NotImplemented), int, float, bool, complex,
           bytes, str, type, range, slice, property, _BuiltinFunctionType, _FunctionType)


def _copy_immutable(x):
    return x


_copy_dispatch = {t: _copy_immutable for t in _atomic}
_copy_dispatch[tuple] = _copy_immutable
_copy_dispatch[frozenset] = _copy_immutable
_copy_dispatch[list] = lambda x: x.copy()
_copy_dispatch[dict] = lambda x: x.copy()
_copy_dispatch[set] = lambda x: x.copy()
_copy_dispatch[bytearray] = lambda x: bytearray(x)


def copy(x):
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _own_method(cls, name):
    # A reduce method some class in the MRO defines, as opposed to object's.
    meth = getattr(cls, name, None)
    if meth is None or meth is getattr(object, name, None):
        return None
    return meth


def _reduce(x):
    cls = type(x)
    # A reduction registered with copyreg.pickle wins, as in CPython.
    meth = _registered_reductions.get(cls)
    if meth is not None:
        return meth(x)
    meth = _own_method(cls, '__reduce_ex__')
    if meth is not None:
        return meth(x, 4)
    meth = _own_method(cls, '__reduce__')
    if meth is not None:
        return meth(x)

    if _deque is not None and isinstance(x, _deque):
        return (cls, (), _state(x), iter(x))
    if isinstance(x, BaseException):
        return (cls, x.args, _state(x))
    if isinstance(x, (set, frozenset)):
        return (cls, (list(x),), _state(x))
    if isinstance(x, bytearray):
        return (cls, (bytes(x),), _state(x))

    if (not hasattr(x, '__dict__') and not _slotnames(cls)
            and not isinstance(x, (list, dict, tuple, int, float, complex, str, bytes))):
        raise TypeError(f"cannot pickle '{cls.__name__}' object")

    getnewargs = getattr(cls, '__getnewargs_ex__', None)
    if getnewargs is not None:
        args, kwargs = getnewargs(x)
        if kwargs:
            return (_newobj_ex, (cls, tuple(args), dict(kwargs)), _state(x),
                    _listitems(x), _dictitems(x))
        args = tuple(args)
    else:
        getnewargs = getattr(cls, '__getnewargs__', None)
        if getnewargs is not None:
            args = tuple(getnewargs(x))
        else:
            # The builtin bases' own __getnewargs__: the value as the base type.
            args = ()
            # (Slicing, not str(x): str() of a str subclass is unreliable here.)
            if isinstance(x, (str, bytes)):
                args = (x[:],)
            else:
                for base in (tuple, int, float, complex):
                    if isinstance(x, base):
                        args = (base(x),)
                        break
    return (_newobj, (cls,) + args, _state(x), _listitems(x), _dictitems(x))


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _listitems(x):
    return iter(x) if isinstance(x, list) else None


def _dictitems(x):
    return iter(x.items()) if isinstance(x, dict) else None


def _slotnames(cls):
    # The slot attributes of cls and its bases (copyreg._slotnames).
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        names.extend(n for n in slots if n not in ('__dict__', '__weakref__'))
    return names


def _state(x):
    getstate = getattr(type(x), '__getstate__', None)
    if getstate is not None and getstate is not getattr(object, '__getstate__', None):
        return getstate(x)
    try:
        d = x.__dict__
    except AttributeError:
        d = None
    slots = {}
    for name in _slotnames(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (d if d else None, slots)
    return d if d else None


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                # Written attribute by attribute: the instance's __dict__
                # must not go through a user __setattr__.
                for key, value in state.items():
                    object.__setattr__(y, key, value)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    y = _deepcopy_one(x, memo)
    # Objects that are their own copy are not memoized.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


# (Named deepcopy so that argument errors read as CPython's.)
_deepcopy_py = deepcopy


def _deepcopy_one(x, memo):
    # The copy of one object not yet in the memo (the memo is not updated
    # for x itself). _copy's Go deepcopy calls this for what it does not
    # handle itself.
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    return y


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A cycle back to this tuple already made (and memoized) its copy.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_method(x, memo):
    return getattr(deepcopy(x.__self__, memo), x.__func__.__name__)


_deepcopy_dispatch = {t: _deepcopy_atomic for t in _atomic}
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[_MethodType] = _deepcopy_method


def _keep_alive(x, memo):
    # CPython keeps the originals alive in the memo, under the memo's own
    # id, so their ids cannot be reused while the memo is in use.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


try:
    from _copy import deepcopier as _deepcopier
except ImportError:
    pass
else:
    # The common cases in Go, the rest through the functions above.
    deepcopy = _deepcopier(_deepcopy_py, _deepcopy_one, _registered_reductions)
