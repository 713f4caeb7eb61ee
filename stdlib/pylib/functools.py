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


WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
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
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def lru_cache(maxsize=128, typed=False):
    def decorating(user_function):
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
    def lt(self, other):
        return not (self == other) and not self.__gt__(other) if '__gt__' in cls.__dict__ and '__lt__' not in cls.__dict__ else NotImplemented
    if '__lt__' in cls.__dict__:
        if '__gt__' not in cls.__dict__:
            cls.__gt__ = lambda self, other: not (self < other) and self != other
        if '__le__' not in cls.__dict__:
            cls.__le__ = lambda self, other: self < other or self == other
        if '__ge__' not in cls.__dict__:
            cls.__ge__ = lambda self, other: not (self < other)
    return cls
