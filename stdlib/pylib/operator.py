# operator for asy: Python's operators as functions, plus the callable
# getters (itemgetter, attrgetter, methodcaller), with CPython's names,
# reprs and error messages.
#
# The expression operators are one table of positional-only lambdas, named
# and exported (with their __dunder__ aliases) in one pass; the in-place
# ones need an augmented assignment statement, so they are small defs.

__all__ = ['abs', 'add', 'and_', 'attrgetter', 'call', 'concat', 'contains', 'countOf',
           'delitem', 'eq', 'floordiv', 'ge', 'getitem', 'gt', 'iadd', 'iand',
           'iconcat', 'ifloordiv', 'ilshift', 'imatmul', 'imod', 'imul',
           'index', 'indexOf', 'inv', 'invert', 'ior', 'ipow', 'irshift',
           'is_', 'is_not', 'isub', 'itemgetter', 'itruediv', 'ixor', 'le',
           'length_hint', 'lshift', 'lt', 'matmul', 'methodcaller', 'mod',
           'mul', 'ne', 'neg', 'not_', 'or_', 'pos', 'pow', 'rshift',
           'setitem', 'sub', 'truediv', 'truth', 'xor']

_builtin_abs = abs


# Published functions that CPython exports without a __dunder__ twin
# (countOf, indexOf and length_hint have none either; they are not published).
_no_dunder = {'truth', 'is_', 'is_not'}


def _publish(name, fn, *aliases):
    # Binds fn under its public name and, unless _no_dunder says otherwise,
    # the __dunder__ spelling (and_ -> __and__), so both are one object.
    fn.__name__ = fn.__qualname__ = name
    if name not in _no_dunder:
        aliases += ('__%s__' % name.rstrip('_'),)
    for n in (name,) + aliases:
        globals()[n] = fn


_expressions = {
    # comparisons and identity
    'lt': lambda a, b, /: a < b,
    'le': lambda a, b, /: a <= b,
    'eq': lambda a, b, /: a == b,
    'ne': lambda a, b, /: a != b,
    'ge': lambda a, b, /: a >= b,
    'gt': lambda a, b, /: a > b,
    'is_': lambda a, b, /: a is b,
    'is_not': lambda a, b, /: a is not b,
    'not_': lambda a, /: not a,
    'truth': lambda a, /: bool(a),
    # arithmetic and bitwise
    'add': lambda a, b, /: a + b,
    'sub': lambda a, b, /: a - b,
    'mul': lambda a, b, /: a * b,
    'matmul': lambda a, b, /: a @ b,
    'truediv': lambda a, b, /: a / b,
    'floordiv': lambda a, b, /: a // b,
    'mod': lambda a, b, /: a % b,
    'pow': lambda a, b, /: a ** b,
    'lshift': lambda a, b, /: a << b,
    'rshift': lambda a, b, /: a >> b,
    'and_': lambda a, b, /: a & b,
    'or_': lambda a, b, /: a | b,
    'xor': lambda a, b, /: a ^ b,
    'neg': lambda a, /: -a,
    'inv': lambda a, /: ~a,
    'invert': lambda a, /: ~a,
    'pos': lambda a, /: +a,
    'abs': lambda a, /: _builtin_abs(a),
    # containers
    'contains': lambda a, b, /: b in a,
    'getitem': lambda a, b, /: a[b],
}
for _name, _fn in _expressions.items():
    _publish(_name, _fn)
del _name, _fn, _expressions


def setitem(a, b, c, /):
    a[b] = c


def delitem(a, b, /):
    del a[b]


def call(*args, **kwargs):
    # The callable is taken from args so that a missing one gets CPython's
    # wording rather than a missing-parameter message.
    if not args:
        raise TypeError('call expected at least 1 argument, got 0')
    return args[0](*args[1:], **kwargs)


for _fn in (setitem, delitem, call):
    _publish(_fn.__name__, _fn)


def index(a, /):
    # Builtin ints here carry no __index__ attribute, so they are answered
    # directly; user classes go through their own __index__.
    if isinstance(a, int):
        return int(a)
    hook = getattr(type(a), '__index__', None)
    if hook is None:
        raise TypeError(f"'{type(a).__name__}' object cannot be interpreted as an integer")
    return hook(a)


_publish('index', index)

# CPython asks the sequence protocol, which mappings, sets and numbers lack.
_not_sequences = (dict, set, frozenset, int, float, complex, type(None))


def _check_concatenable(a):
    if isinstance(a, _not_sequences) or not hasattr(a, '__getitem__'):
        raise TypeError(f"'{type(a).__name__}' object can't be concatenated")


def concat(a, b, /):
    _check_concatenable(a)
    return a + b


_publish('concat', concat)


def _positions(seq, item):
    # Indexes where seq holds item (identity first, then equality, so a NaN
    # finds itself), with the message `in` gives for a non-iterable.
    try:
        items = iter(seq)
    except TypeError:
        raise TypeError(f"argument of type '{type(seq).__name__}' is not iterable") from None
    for pos, x in enumerate(items):
        if x is item or x == item:
            yield pos


def countOf(a, b, /):
    return sum(1 for _ in _positions(a, b))


def indexOf(a, b, /):
    for pos in _positions(a, b):
        return pos
    raise ValueError('sequence.index(x): x not in sequence')


def length_hint(obj, default=0, /):
    default = index(default)
    try:
        return len(obj)
    except TypeError:
        pass
    hook = getattr(type(obj), '__length_hint__', None)
    if hook is None:
        return default
    try:
        hint = hook(obj)
    except TypeError:
        return default
    if hint is NotImplemented:
        return default
    if not isinstance(hint, int):
        raise TypeError(f'__length_hint__ must be an integer, not {type(hint).__name__}')
    if hint < 0:
        raise ValueError('__length_hint__() should return >= 0')
    return hint


# In-place forms: the statement falls back to the binary operator when the
# left operand has no in-place method, exactly as CPython's do.

def iadd(a, b, /):
    a += b
    return a


def isub(a, b, /):
    a -= b
    return a


def imul(a, b, /):
    a *= b
    return a


def imatmul(a, b, /):
    a @= b
    return a


def itruediv(a, b, /):
    a /= b
    return a


def ifloordiv(a, b, /):
    a //= b
    return a


def imod(a, b, /):
    a %= b
    return a


def ipow(a, b, /):
    a **= b
    return a


def ilshift(a, b, /):
    a <<= b
    return a


def irshift(a, b, /):
    a >>= b
    return a


def iand(a, b, /):
    a &= b
    return a


def ior(a, b, /):
    a |= b
    return a


def ixor(a, b, /):
    a ^= b
    return a


def iconcat(a, b, /):
    _check_concatenable(a)
    a += b
    return a


for _fn in (iadd, isub, imul, imatmul, itruediv, ifloordiv, imod, ipow,
            ilshift, irshift, iand, ior, ixor, iconcat):
    _publish(_fn.__name__, _fn)
del _fn


class _Getter:
    # What the three callables share: called with exactly one object and no
    # keywords, shown as operator.NAME(args...), pickled as NAME(*args).
    # _spec holds the constructor's arguments, _get does the work.
    __slots__ = ('_spec', '_get')

    def __call__(self, *args, **kwargs):
        if kwargs:
            raise TypeError(f'{type(self).__name__}() takes no keyword arguments')
        if len(args) != 1:
            raise TypeError(f'{type(self).__name__} expected 1 argument, got {len(args)}')
        return self._get(args[0])

    def _shown(self):
        return [repr(a) for a in self._spec]

    def __repr__(self):
        return 'operator.%s(%s)' % (type(self).__name__, ', '.join(self._shown()))

    def __reduce__(self):
        return type(self), self._spec


def _one_or_tuple(fns):
    # A getter of one thing returns it; of several, a tuple of them.
    if len(fns) == 1:
        return fns[0]
    return lambda obj: tuple([f(obj) for f in fns])


def _no_keywords(name, kwargs):
    if kwargs:
        raise TypeError(f'{name}() takes no keyword arguments')


def _at_least_one(name, args):
    if not args:
        raise TypeError(f'{name} expected 1 argument, got 0')


class itemgetter(_Getter):
    __slots__ = ()

    def __init__(self, *items, **kwargs):
        _no_keywords('itemgetter', kwargs)
        _at_least_one('itemgetter', items)
        self._spec = items
        self._get = _one_or_tuple([lambda obj, k=k: obj[k] for k in items])


def _attribute_path(dotted):
    # 'a.b.c' -> a function following the chain of attributes.
    names = dotted.split('.')

    def follow(obj):
        for name in names:
            obj = getattr(obj, name)
        return obj
    if len(names) == 1:
        name = names[0]
        return lambda obj: getattr(obj, name)
    return follow


class attrgetter(_Getter):
    __slots__ = ()

    def __init__(self, *attrs, **kwargs):
        _no_keywords('attrgetter', kwargs)
        _at_least_one('attrgetter', attrs)
        if not all(isinstance(a, str) for a in attrs):
            raise TypeError('attribute name must be a string')
        self._spec = attrs
        self._get = _one_or_tuple([_attribute_path(a) for a in attrs])


class methodcaller(_Getter):
    # _spec is (name, *args); the keyword arguments live in _kwargs.
    __slots__ = ('_kwargs',)

    def __init__(self, *args, **kwargs):
        if not args:
            raise TypeError('methodcaller needs at least one argument, the method name')
        if not isinstance(args[0], str):
            raise TypeError('method name must be a string')
        self._spec = args
        self._kwargs = kwargs
        name, rest = args[0], args[1:]
        self._get = lambda obj: getattr(obj, name)(*rest, **kwargs)

    def _shown(self):
        return super()._shown() + ['%s=%r' % kv for kv in self._kwargs.items()]

    def __reduce__(self):
        if not self._kwargs:
            return type(self), self._spec
        # The keywords ride on a partial of the class, as CPython's do.
        from functools import partial
        return partial(type(self), self._spec[0], **self._kwargs), self._spec[1:]
