# functools for asy: the commonly used helpers, written for asy.


class partial:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        return f"functools.partial({', '.join(parts)})"

    # Pickling and copying, as CPython's partial: rebuilt from the function,
    # then given its arguments and any other attributes.
    def __reduce__(self):
        extra = {k: v for k, v in self.__dict__.items()
                 if k not in ('func', 'args', 'keywords')}
        return (type(self), (self.func,),
                (self.func, self.args, self.keywords or None, extra or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) != 4:
            raise TypeError("invalid partial state")
        func, args, kwds, extra = state
        if not callable(func) or not isinstance(args, tuple) or (
                kwds is not None and not isinstance(kwds, dict)):
            raise TypeError("invalid partial state")
        self.func = func
        self.args = tuple(args)
        self.keywords = dict(kwds) if kwds else {}
        if extra:
            self.__dict__.update(extra)


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        pass
    elif callable(maxsize) and isinstance(typed, bool):
        pass
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating(user_function):
        if not callable(user_function):
            raise TypeError('the first argument must be callable')
        cache = {}
        order = []
        hits = misses = 0

        def wrapper(*args, **kwds):
            nonlocal hits, misses
            key = args
            if kwds:
                key = args + (_kwmark,) + tuple(sorted(kwds.items()))
            if key in cache:
                hits += 1
                if maxsize is not None:
                    order.remove(key)
                    order.append(key)
                return cache[key]
            misses += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            if maxsize is not None:
                order.append(key)
                if len(order) > maxsize:
                    del cache[order.pop(0)]
            return result

        def cache_info():
            return f"CacheInfo(hits={hits}, misses={misses}, maxsize={maxsize}, currsize={len(cache)})"

        def cache_clear():
            nonlocal hits, misses
            cache.clear()
            order.clear()
            hits = misses = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, user_function)

    if callable(maxsize) and not isinstance(maxsize, int):
        func, maxsize = maxsize, 128
        return decorating(func)
    return decorating


_kwmark = object()


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


def cmp_to_key(mycmp):
    class K:
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


def total_ordering(cls):
    """Fill in the rich comparisons a class lacks from the one it defines
    (__lt__, __le__, __gt__ or __ge__) and __eq__."""
    roots = {op for op in ('__lt__', '__le__', '__gt__', '__ge__')
             if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)  # CPython's preference: __lt__ over the others

    def _not(x):
        return x if x is NotImplemented else not x

    derived = {
        '__lt__': {
            '__gt__': lambda self, other: _gt_from_lt(self, other),
            '__le__': lambda self, other: _le_from_lt(self, other),
            '__ge__': lambda self, other: _not(self.__lt__(other)),
        },
        '__le__': {
            '__ge__': lambda self, other: _ge_from_le(self, other),
            '__lt__': lambda self, other: _lt_from_le(self, other),
            '__gt__': lambda self, other: _not(self.__le__(other)),
        },
        '__gt__': {
            '__lt__': lambda self, other: _lt_from_gt(self, other),
            '__ge__': lambda self, other: _ge_from_gt(self, other),
            '__le__': lambda self, other: _not(self.__gt__(other)),
        },
        '__ge__': {
            '__le__': lambda self, other: _le_from_ge(self, other),
            '__gt__': lambda self, other: _gt_from_ge(self, other),
            '__lt__': lambda self, other: _not(self.__ge__(other)),
        },
    }
    for name, fn in derived[root].items():
        if name not in roots:
            fn.__name__ = name
            setattr(cls, name, fn)
    return cls


def _gt_from_lt(self, other):
    r = self.__lt__(other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _le_from_lt(self, other):
    r = self.__lt__(other)
    if r is NotImplemented:
        return r
    return r or self == other


def _ge_from_le(self, other):
    r = self.__le__(other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _lt_from_le(self, other):
    r = self.__le__(other)
    if r is NotImplemented:
        return r
    return r and self != other


def _lt_from_gt(self, other):
    r = self.__gt__(other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _ge_from_gt(self, other):
    r = self.__gt__(other)
    if r is NotImplemented:
        return r
    return r or self == other


def _le_from_ge(self, other):
    r = self.__ge__(other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _gt_from_ge(self, other):
    r = self.__ge__(other)
    if r is NotImplemented:
        return r
    return r and self != other


_NOT_FOUND = object()


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
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        cache = instance.__dict__
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val


def singledispatch(func):
    """Dispatch on the type of the first argument, along its MRO."""
    registry = {object: func}

    def dispatch(cls):
        for klass in cls.__mro__:
            if klass in registry:
                return registry[klass]
        return func

    def register(cls, f=None):
        if f is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            # @register with an annotated first parameter
            f = cls
            ann = getattr(f, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {f!r}. "
                    "Use either `@register(some_class)` or plain `@register` "
                    "on an annotated function.")
            cls = next(iter(ann.values()))
        registry[cls] = f
        return f

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
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
        return self.dispatcher.register(cls, method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method


class partialmethod:
    """partial for methods: the bound instance comes first."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("{!r} is not callable or a descriptor".format(func))
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)


