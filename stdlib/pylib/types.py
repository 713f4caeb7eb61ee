# types: the types of built-in objects, found the way CPython's types.py
# finds them (by taking the type of an example), plus SimpleNamespace.

def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(__import__("sys"))
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
GenericAlias = type(list[int])


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_co = _c()
CoroutineType = type(_co)
_co.close()


async def _ag():
    yield 1


AsyncGeneratorType = type(_ag())
del _f, _C, _g, _c, _co, _ag


class SimpleNamespace:
    """An attribute bag: SimpleNamespace(a=1).a, with a readable repr."""

    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        self.__dict__.update(dict(mapping_or_iterable))
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__ if type(self) is not SimpleNamespace else 'namespace'}({items})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


SimpleNamespace.__module__ = "types"


from _types import mappingproxy as MappingProxyType


def new_class(name, bases=(), kwds=None, exec_body=None):
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    meta = (kwds or {}).get("metaclass", type)
    return meta(name, tuple(bases), ns)


def coroutine(func):
    """Make a generator function's generators awaitable (CPython's
    CO_ITERABLE_COROUTINE); async functions are returned unchanged."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    import _types
    if func.__class__ is FunctionType:
        if func.__code__.co_flags & 0x180:  # already a coroutine function
            return func
        if _types._mark_iterable_coroutine(func):
            return func

    def wrapped(*args, **kwargs):
        return func(*args, **kwargs)
    wrapped.__name__ = getattr(func, '__name__', 'wrapped')
    wrapped.__qualname__ = getattr(func, '__qualname__', 'wrapped')
    wrapped.__doc__ = getattr(func, '__doc__', None)
    return wrapped
