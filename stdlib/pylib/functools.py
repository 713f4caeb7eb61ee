"""functools for asy: partial application, caching, wrappers, orderings and dispatch.

Written for asy from the behaviour of CPython 3.11's module; public names,
attributes and messages are CPython's.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']


# ---- partial ----

class _ReadOnly:
    """A read-only member, refusing assignment with the message of CPython's C members."""

    def __init__(self, slot, doc):
        self.slot = slot
        self.__doc__ = doc

    def __get__(self, obj, owner=None):
        return self if obj is None else getattr(obj, self.slot)

    def __set__(self, obj, value):
        raise AttributeError("readonly attribute")

    def __delete__(self, obj):
        raise AttributeError("readonly attribute")


class partial:
    """A callable that calls func with some arguments already supplied."""

    __slots__ = ('_func', '_args', '_keywords', '__dict__', '__weakref__')

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, *given = args
        if not callable(func):
            raise TypeError("the first argument must be callable")
        # A plain partial of a partial calls the inner function directly.
        if isinstance(func, partial) and type(func).__call__ is partial.__call__ and not func.__dict__:
            given = list(func._args) + given
            keywords = {**func._keywords, **keywords}
            func = func._func
        self = object.__new__(cls)
        self._func, self._args, self._keywords = func, tuple(given), keywords
        return self

    func = _ReadOnly('_func', "function object to use in future partial calls")
    args = _ReadOnly('_args', "tuple of arguments to future partial calls")
    keywords = _ReadOnly('_keywords', "dictionary of keyword arguments to future partial calls")

    def __call__(self, /, *args, **keywords):
        if self._keywords:
            keywords = {**self._keywords, **keywords}
        return self._func(*self._args, *args, **keywords)

    def __repr__(self):
        shown = [repr(self._func)] + [repr(a) for a in self._args]
        shown += [f"{k}={v!r}" for k, v in self._keywords.items()]
        name = 'functools.partial' if type(self) is partial else type(self).__qualname__
        return f"{name}({', '.join(shown)})"

    # Copying and pickling rebuild the object from its function, then restore the
    # arguments and any attributes a script added.
    def __reduce__(self):
        return (type(self), (self._func,),
                (self._func, self._args, self._keywords or None, self.__dict__ or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) != 4:
            raise TypeError("invalid partial state")
        func, args, keywords, extra = state
        if (not callable(func) or not isinstance(args, tuple)
                or (keywords is not None and not isinstance(keywords, dict))):
            raise TypeError("invalid partial state")
        self._func, self._args, self._keywords = func, tuple(args), dict(keywords or {})
        self.__dict__.clear()
        if extra:
            self.__dict__.update(extra)


class partialmethod:
    """partial for methods: the instance (or class) it is reached through comes first."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("{!r} is not callable or a descriptor".format(func))
        if isinstance(func, partialmethod):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func, self.args, self.keywords = func, args, keywords

    def __repr__(self):
        shown = [repr(self.func)] + [repr(a) for a in self.args]
        shown += [f"{k}={v!r}" for k, v in self.keywords.items()]
        return f"{type(self).__module__}.{type(self).__qualname__}({', '.join(shown)})"

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            return self.func(cls_or_self, *self.args, *args, **{**self.keywords, **keywords})
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        getter = getattr(self.func, "__get__", None)
        if getter is not None:
            bound = getter(obj, cls)
            if bound is not self.func:
                # a method (or classmethod, ...) bound to obj: supply our arguments to it
                result = partial(bound, *self.args, **self.keywords)
                try:
                    result.__self__ = bound.__self__
                except AttributeError:
                    pass
                return result
        return self._make_unbound_method().__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


# ---- reduce ----

_MISSING = object()


def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial]): fold iterable from the left with
    function(accumulated, item)."""
    if kwargs:
        raise TypeError("reduce() takes no keyword arguments")
    if not 2 <= len(args) <= 3:
        bound = 'least 2' if len(args) < 2 else 'most 3'
        raise TypeError(f"reduce expected at {bound} arguments, got {len(args)}")
    function, sequence, initial = (args + (_MISSING,))[:3]
    try:
        items = iter(sequence)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    value = initial
    if value is _MISSING:
        for value in items:
            break
        else:
            raise TypeError("reduce() of empty iterable with no initial value")
    for item in items:
        value = function(value, item)
    return value


# ---- wrappers ----

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the assigned attributes it has, merge the
    updated dicts, and point __wrapped__ at it."""
    for name in assigned:
        value = getattr(wrapped, name, _MISSING)
        if value is not _MISSING:
            setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # set last, so that a __wrapped__ copied from wrapped's __dict__ is replaced
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# ---- caches ----

_cache_info_type = None


def _cache_info(hits, misses, maxsize, currsize):
    global _cache_info_type
    if _cache_info_type is None:
        from collections import namedtuple
        _cache_info_type = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])
    return _cache_info_type(hits, misses, maxsize, currsize)


class _KeywordsFollow:
    """Separates positional arguments from keyword items in a cache key."""
    __slots__ = ()


_KEYWORDS_FOLLOW = _KeywordsFollow()
_SELF_KEYED = {int, str}


def _cache_key(args, kwds, typed):
    # One int or str argument is its own key, so the common case builds no tuple.
    if not kwds and not typed and len(args) == 1 and type(args[0]) in _SELF_KEYED:
        return args[0]
    key = args
    if kwds:
        key += (_KEYWORDS_FOLLOW,) + tuple(part for item in kwds.items() for part in item)
    if typed:
        key += tuple(type(a) for a in args) + tuple(type(v) for v in kwds.values())
    return key


def _cached(user_function, maxsize, typed):
    """The wrapper lru_cache returns: a dict in recency order (oldest first) holds the
    results; maxsize None means unbounded, 0 means nothing is kept."""
    if not callable(user_function):
        raise TypeError('the first argument must be callable')
    results = {}
    counts = [0, 0]  # hits, misses

    def wrapper(*args, **kwds):
        key = _cache_key(args, kwds, typed)
        if key in results:
            counts[0] += 1
            value = results[key]
            if maxsize is not None:
                del results[key]  # now the most recent
                results[key] = value
            return value
        counts[1] += 1
        value = user_function(*args, **kwds)
        # a recursive call may have stored the key meanwhile: keep that entry
        if maxsize != 0 and key not in results:
            if maxsize is not None and len(results) >= maxsize:
                del results[next(iter(results))]
            results[key] = value
        return value

    def cache_info():
        """Report cache statistics"""
        return _cache_info(counts[0], counts[1], maxsize, len(results))

    def cache_clear():
        """Clear the cache and cache statistics"""
        results.clear()
        counts[:] = [0, 0]

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return update_wrapper(wrapper, user_function)


def lru_cache(maxsize=128, typed=False):
    """Keep the results of the last maxsize distinct calls (all of them when None)."""
    if callable(maxsize) and isinstance(typed, bool):
        # used bare, as @lru_cache
        return _cached(maxsize, 128, typed)
    if isinstance(maxsize, int):
        maxsize = max(maxsize, 0)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _cached(user_function, maxsize, typed)
    return decorating_function


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return _cached(user_function, None, False)


_UNSET = object()


class cached_property:
    """A property computed once per instance and then kept in its __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = getattr(func, '__doc__', None)

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            store = instance.__dict__
        except AttributeError:
            raise TypeError(f"No '__dict__' attribute on {type(instance).__name__!r} "
                            f"instance to cache {name!r} property.") from None
        value = store.get(name, _UNSET)
        if value is _UNSET:
            value = self.func(instance)
            try:
                store[name] = value
            except TypeError:
                raise TypeError(f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                                f"does not support item assignment for caching {name!r} property.") from None
        return value

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


# ---- orderings ----

class KeyWrapper:
    """What cmp_to_key returns: called with a value, it wraps it so that comparisons
    go through the old-style cmp function."""

    __slots__ = ('_cmp', 'obj')

    def __hash__(self):
        # CPython's C type is named with its module in this message
        raise TypeError("unhashable type: 'functools.KeyWrapper'")

    def __init__(self, cmp, obj=None):
        self._cmp = cmp
        self.obj = obj

    def __call__(self, obj):
        return KeyWrapper(self._cmp, obj)

    def _order(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError("other argument must be K instance")
        return self._cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._order(other) < 0

    def __le__(self, other):
        return self._order(other) <= 0

    def __eq__(self, other):
        return self._order(other) == 0

    def __ne__(self, other):
        return self._order(other) != 0

    def __gt__(self, other):
        return self._order(other) > 0

    def __ge__(self, other):
        return self._order(other) >= 0


KeyWrapper.__module__ = 'functools'


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function"""
    return KeyWrapper(mycmp)


# Each ordering as the outcomes (Less, Equal, Greater) for which it holds.
_OUTCOMES = {'__lt__': 'L', '__le__': 'LE', '__gt__': 'G', '__ge__': 'GE'}


def _derive(root, target):
    """target's method in terms of root's, with == or != to split the one outcome that
    root's answer leaves open. Returns root's own falsy result where CPython does."""
    holds = set(_OUTCOMES[root])
    wanted = set(_OUTCOMES[target])

    def decide(possible):
        if possible <= wanted:
            return 'yes'
        if not possible & wanted:
            return 'no'
        return 'eq' if 'E' in possible & wanted else 'ne'

    when_true = decide(holds)
    when_false = decide(set('LEG') - holds)

    def method(self, other):
        answer = getattr(type(self), root)(self, other)
        if answer is NotImplemented:
            return answer
        rule = when_true if answer else when_false
        if rule == 'yes':
            return answer if answer else True
        if rule == 'no':
            return False if answer else answer
        if rule == 'eq':
            return self == other
        return self != other
    method.__name__ = target
    method.__qualname__ = f'_{target.strip("_")}_from_{root.strip("_")}'
    return method


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    defined = [name for name in _OUTCOMES
               if getattr(cls, name, None) is not getattr(object, name, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    # CPython's choice of root when several are defined: the greatest name
    root = max(defined)
    for name in _OUTCOMES:
        if name not in defined:
            setattr(cls, name, _derive(root, name))
    return cls


# ---- single dispatch ----

def _dispatch_target(cls, registry):
    """The implementation registered for the nearest class of cls's MRO; abstract
    classes cls only registers with (virtual subclasses) come before object."""
    for klass in cls.__mro__:
        if klass in registry and klass is not object:
            return registry[klass]
    virtual = [k for k in registry if k is not object and issubclass(cls, k)]
    # the most specific: one that is a subclass of all the others
    for k in virtual:
        if all(issubclass(k, other) for other in virtual):
            return registry[k]
    if virtual:
        return registry[virtual[0]]
    return registry[object]


def _union_members(cls):
    """The classes of an X | Y union (types.UnionType, where asy has it), else None."""
    import types
    union = getattr(types, 'UnionType', None)
    if union is not None and isinstance(cls, union):
        return cls.__args__
    return None


def singledispatch(func):
    """Turn func into a function that dispatches on the type of its first argument."""
    import types
    registry = {object: func}
    chosen = {}  # class -> implementation, until the next register()

    def dispatch(cls):
        impl = chosen.get(cls)
        if impl is None:
            impl = chosen[cls] = _dispatch_target(cls, registry)
        return impl

    def register(cls, func=None):
        if func is None:
            if isinstance(cls, type) or _union_members(cls) is not None:
                return lambda f: register(cls, f)
            annotations = getattr(cls, '__annotations__', None) or {}
            if not annotations:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    "Use either `@register(some_class)` or plain `@register` "
                    "on an annotated function.")
            func = cls
            from typing import get_type_hints
            hints = get_type_hints(func)
            cls = next(iter(hints.values()))
            if not isinstance(cls, type) and _union_members(cls) is None:
                raise TypeError(f"Invalid annotation for {next(iter(hints))!r}. "
                                f"{cls!r} is not a class.")
        members = _union_members(cls)
        for klass in members if members is not None else (cls,):
            registry[klass] = func
        chosen.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = types.MappingProxyType(registry)
    wrapper._clear_cache = chosen.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after self."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch

        def _method(*args, **kwargs):
            return dispatch(args[0].__class__).__get__(obj, cls)(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)
