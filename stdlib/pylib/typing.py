# typing for asy: the runtime side of type hints.
#
# Hints are only looked at, never enforced, so the objects here exist to be
# printed (their reprs match CPython's: typing.List[int], typing.Optional[str],
# ~T), compared, introspected (__origin__, __args__, get_type_hints) and, for
# the un-subscripted collection aliases, used with isinstance.
#
# asy has no __mro_entries__, so a subscripted alias cannot be a base class;
# Generic[T] and Protocol[T] therefore give back Generic and Protocol
# themselves, which is what a class statement needs. Likewise isinstance()
# accepts only classes, so the un-subscripted aliases (List, Iterable, ...)
# are classes whose metaclass answers isinstance, repr and subscription.

import collections as _collections
import collections.abc as _abc

__all__ = ['Any', 'Optional', 'Union', 'List', 'Dict', 'Set', 'FrozenSet',
           'Tuple', 'Type', 'Callable', 'Iterable', 'Iterator', 'Generator',
           'AsyncIterator', 'AsyncIterable', 'AsyncGenerator', 'Awaitable',
           'Coroutine', 'Sequence', 'MutableSequence', 'Mapping',
           'MutableMapping', 'Deque', 'DefaultDict', 'Counter', 'OrderedDict',
           'ChainMap', 'NoReturn', 'Never', 'Self', 'ClassVar', 'Final',
           'Literal', 'TypeVar', 'Generic', 'Protocol', 'NamedTuple',
           'TypedDict', 'cast', 'overload', 'final', 'no_type_check',
           'get_type_hints', 'get_origin', 'get_args', 'TYPE_CHECKING',
           'Annotated', 'TypeAlias', 'runtime_checkable', 'Hashable', 'Sized',
           'Collection', 'Container', 'Reversible', 'AbstractSet',
           'MutableSet', 'KeysView', 'ItemsView', 'ValuesView', 'ParamSpec',
           'Concatenate', 'NewType', 'Text', 'AnyStr', 'SupportsInt',
           'SupportsFloat', 'SupportsIndex', 'SupportsAbs', 'assert_never',
           'reveal_type', 'ForwardRef', 'Required', 'NotRequired',
           'LiteralString', 'TypeGuard', 'Pattern', 'Match', 'IO', 'TextIO',
           'BinaryIO', 'ContextManager', 'AsyncContextManager']

TYPE_CHECKING = False

_NoneType = type(None)
_FunctionType = type(lambda: 0)


def _type_repr(obj):
    # How an argument shows inside an alias: builtins by bare name, other
    # classes module-qualified, ... as '...', everything else by repr.
    if isinstance(obj, type) and not isinstance(obj, _AliasMeta):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, _FunctionType):
        return obj.__name__
    return repr(obj)


def _type_check(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class _Final:
    pass


class _SpecialForm(_Final):
    """Any, NoReturn, ClassVar, Optional, Union, Literal, ...: named objects
    whose subscription (if any) is done by a getitem function."""

    def __init__(self, name, getitem=None, doc=''):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f'{self} is not subscriptable')
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __reduce__(self):
        return self._name


class _GenericAlias(_Final):
    """A subscripted hint: List[int], Optional[str], Callable[[int], str]."""

    def __init__(self, origin, args, name=None, inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._inst = inst
        params = []
        for a in args:
            for p in _collect_parameters(a):
                if p not in params:
                    params.append(p)
        self.__parameters__ = tuple(params)

    def __repr__(self):
        name = self._name
        if name is None:
            base = _type_repr(self.__origin__)
        else:
            base = 'typing.' + name
        if not self.__args__:
            return f'{base}[()]'
        return f'{base}[{", ".join(_type_repr(a) for a in self.__args__)}]'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and self.__args__ == other.__args__
                and type(self) is type(other))

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __getitem__(self, params):
        # Substitute type variables: Dict[str, T][int] is Dict[str, int].
        if not isinstance(params, tuple):
            params = (params,)
        mapping = dict(zip(self.__parameters__, params))
        new_args = tuple(_subst(a, mapping) for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return _GenericAlias(self.__origin__, args, name=self._name, inst=self._inst)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


def _collect_parameters(a):
    if isinstance(a, TypeVar):
        return [a]
    if isinstance(a, _GenericAlias):
        return list(a.__parameters__)
    if isinstance(a, (list, tuple)):
        out = []
        for x in a:
            out.extend(_collect_parameters(x))
        return out
    return []


def _subst(a, mapping):
    if isinstance(a, TypeVar):
        return mapping.get(a, a)
    if isinstance(a, _GenericAlias) and a.__parameters__:
        return a[tuple(mapping.get(p, p) for p in a.__parameters__)]
    if isinstance(a, list):
        return [_subst(x, mapping) for x in a]
    return a


class _UnionGenericAlias(_GenericAlias):
    def copy_with(self, args):
        return Union[args]

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is _NoneType:
                return f'typing.Optional[{_type_repr(args[0])}]'
        return f'typing.Union[{", ".join(_type_repr(a) for a in args)}]'

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__ if isinstance(a, type))


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f'typing.Callable[..., {_type_repr(args[1])}]'
        params = ', '.join(_type_repr(a) for a in args[:-1])
        return f'typing.Callable[[{params}], {_type_repr(args[-1])}]'

    def copy_with(self, args):
        return _CallableGenericAlias(self.__origin__, args, name='Callable')


class _LiteralGenericAlias(_GenericAlias):
    def __repr__(self):
        return f'typing.Literal[{", ".join(repr(a) for a in self.__args__)}]'

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def __repr__(self):
        meta = ', '.join(repr(m) for m in self.__metadata__)
        return f'typing.Annotated[{_type_repr(self.__origin__)}, {meta}]'

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


# ---------------------------------------------------------------------------
# Special forms

def _any_getitem(self, params):
    raise TypeError(f'{self} is not subscriptable')


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
TypeAlias = _SpecialForm('TypeAlias')
LiteralString = _SpecialForm('LiteralString')


def _single_getitem(self, parameters):
    if isinstance(parameters, tuple):
        if len(parameters) != 1:
            raise TypeError(f'{self} accepts only single type.')
        parameters = parameters[0]
    return _GenericAlias(self, (_type_check(parameters),), name=self._name)


ClassVar = _SpecialForm('ClassVar', _single_getitem)
Final = _SpecialForm('Final', _single_getitem)
TypeGuard = _SpecialForm('TypeGuard', _single_getitem)
Required = _SpecialForm('Required', _single_getitem)
NotRequired = _SpecialForm('NotRequired', _single_getitem)


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        p = _type_check(p)
        if isinstance(p, _UnionGenericAlias):
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in flat:
                flat.append(item)
    if len(flat) == 1:
        return flat[0]
    return _UnionGenericAlias(self, tuple(flat), name='Union')


def _optional_getitem(self, parameters):
    if isinstance(parameters, tuple):
        raise TypeError(f'{self} requires a single type.')
    return Union[parameters, None]


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    uniq = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if not any(item == u and type(item) is type(u) for u in uniq):
                uniq.append(item)
    return _LiteralGenericAlias(self, tuple(uniq), name='Literal')


def _concatenate_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters, name='Concatenate')


Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
Concatenate = _SpecialForm('Concatenate', _concatenate_getitem)


class _AnnotatedForm:
    def __repr__(self):
        return 'typing.Annotated'

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two '
                            'arguments (a type and an annotation).')
        origin = _type_check(params[0])
        metadata = tuple(params[1:])
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        return _AnnotatedAlias(origin, metadata)

    def __call__(self, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')


Annotated = _AnnotatedForm()


# ---------------------------------------------------------------------------
# Type variables

class TypeVar(_Final):
    """A type variable: T = TypeVar('T'); repr ~T (+T covariant, -T
    contravariant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__constraints__ = tuple(_type_check(c) for c in constraints)
        self.__bound__ = _type_check(bound) if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound

    def __repr__(self):
        return '~' + self.__name__

    @property
    def args(self):
        return _ParamSpecPart(self, 'args')

    @property
    def kwargs(self):
        return _ParamSpecPart(self, 'kwargs')


class _ParamSpecPart:
    def __init__(self, origin, kind):
        self.__origin__ = origin
        self.kind = kind

    def __repr__(self):
        return f'{self.__origin__.__name__}.{self.kind}'


AnyStr = TypeVar('AnyStr', bytes, str)
Text = str


# ---------------------------------------------------------------------------
# Aliases of classes: List, Dict, Iterable, ...

class _AliasMeta(type):
    """Metaclass of the un-subscripted aliases (typing.List is a class so that
    isinstance([], typing.List) is accepted)."""

    def __repr__(cls):
        return 'typing.' + cls._name

    def __getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        nparams = cls._nparams
        if nparams >= 0 and len(params) != nparams:
            many = 'many' if len(params) > nparams else 'few'
            raise TypeError(f'Too {many} arguments for {cls!r}; '
                            f'actual {len(params)}, expected {nparams}')
        return _GenericAlias(cls.__origin__, tuple(_type_check(p) for p in params),
                             name=cls._name, inst=cls._inst)

    def __instancecheck__(cls, obj):
        return isinstance(obj, cls.__origin__)

    def __subclasscheck__(cls, sub):
        if isinstance(sub, _AliasMeta):
            sub = sub.__origin__
        return issubclass(sub, cls.__origin__)

    def __call__(cls, *args, **kwargs):
        if not cls._inst:
            raise TypeError(f'Type {cls._name} cannot be instantiated; '
                            f'use {cls.__origin__.__name__}() instead')
        return cls.__origin__(*args, **kwargs)

    def __or__(cls, other):
        return Union[cls, other]

    def __ror__(cls, other):
        return Union[other, cls]


def _alias(origin, nparams, name, inst=True):
    return _AliasMeta(name, (), {'__origin__': origin, '_nparams': nparams,
                                 '_name': name, '_inst': inst,
                                 '__module__': 'typing'})


Hashable = _alias(_abc.Hashable, 0, 'Hashable')
Awaitable = _alias(_abc.Awaitable, 1, 'Awaitable')
Coroutine = _alias(_abc.Coroutine, 3, 'Coroutine')
AsyncIterable = _alias(_abc.AsyncIterable, 1, 'AsyncIterable')
AsyncIterator = _alias(_abc.AsyncIterator, 1, 'AsyncIterator')
Iterable = _alias(_abc.Iterable, 1, 'Iterable')
Iterator = _alias(_abc.Iterator, 1, 'Iterator')
Reversible = _alias(_abc.Reversible, 1, 'Reversible')
Sized = _alias(_abc.Sized, 0, 'Sized')
Container = _alias(_abc.Container, 1, 'Container')
Collection = _alias(_abc.Collection, 1, 'Collection')
AbstractSet = _alias(_abc.Set, 1, 'AbstractSet')
MutableSet = _alias(_abc.MutableSet, 1, 'MutableSet')
Mapping = _alias(_abc.Mapping, 2, 'Mapping')
MutableMapping = _alias(_abc.MutableMapping, 2, 'MutableMapping')
Sequence = _alias(_abc.Sequence, 1, 'Sequence')
MutableSequence = _alias(_abc.MutableSequence, 1, 'MutableSequence')
ByteString = _alias(_abc.ByteString, 0, 'ByteString')
List = _alias(list, 1, 'List', inst=False)
Deque = _alias(_collections.deque, 1, 'Deque')
Set = _alias(set, 1, 'Set', inst=False)
FrozenSet = _alias(frozenset, 1, 'FrozenSet', inst=False)
MappingView = _alias(_abc.MappingView, 1, 'MappingView')
KeysView = _alias(_abc.KeysView, 1, 'KeysView')
ItemsView = _alias(_abc.ItemsView, 2, 'ItemsView')
ValuesView = _alias(_abc.ValuesView, 1, 'ValuesView')
Dict = _alias(dict, 2, 'Dict', inst=False)
DefaultDict = _alias(_collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _alias(_collections.OrderedDict, 2, 'OrderedDict')
Counter = _alias(_collections.Counter, 1, 'Counter')
ChainMap = _alias(_collections.ChainMap, 2, 'ChainMap')
Generator = _alias(_abc.Generator, 3, 'Generator')
AsyncGenerator = _alias(_abc.AsyncGenerator, 2, 'AsyncGenerator')
Type = _alias(type, 1, 'Type')


class _TupleMeta(_AliasMeta):
    def __getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if params == ():
            return _GenericAlias(tuple, (), name='Tuple', inst=False)
        return _GenericAlias(tuple, tuple(p if p is ... else _type_check(p) for p in params),
                             name='Tuple', inst=False)


Tuple = _TupleMeta('Tuple', (), {'__origin__': tuple, '_nparams': -1,
                                 '_name': 'Tuple', '_inst': False,
                                 '__module__': 'typing'})


class _CallableMeta(_AliasMeta):
    def __getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if args is ...:
            flat = (..., _type_check(result))
        elif isinstance(args, list):
            flat = tuple(_type_check(a) for a in args) + (_type_check(result),)
        else:
            raise TypeError(f'Callable[args, result]: args must be a list. Got {args!r}')
        return _CallableGenericAlias(_abc.Callable, flat, name='Callable')

    def __instancecheck__(cls, obj):
        return callable(obj)


Callable = _CallableMeta('Callable', (), {'__origin__': _abc.Callable, '_nparams': 2,
                                          '_name': 'Callable', '_inst': True,
                                          '__module__': 'typing'})


# ---------------------------------------------------------------------------
# Generic and Protocol

class Generic:
    """Base of user generic classes: class Stack(Generic[T]). Stack[int]
    gives an alias that repr's as __main__.Stack[int] and instantiates
    Stack."""

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            # The class statement needs a class here (no __mro_entries__).
            return cls
        return _GenericAlias(cls, tuple(_type_check(p) for p in params))

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)


def _protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base is Protocol or base is Generic:
            continue
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        for attr in base.__dict__:
            if attr.startswith('_abc_') or attr in (
                    '__abstractmethods__', '__annotations__', '__weakref__',
                    '_is_protocol', '_is_runtime_protocol', '__dict__',
                    '__args__', '__slots__', '__next_in_mro__', '__parameters__',
                    '__origin__', '__orig_bases__', '__extra__', '__tree_hash__',
                    '__doc__', '__subclasshook__', '__init__', '__new__',
                    '__module__', '_MutableMapping__marker', '__qualname__',
                    '__init_subclass__', '__class_getitem__', '_gorg',
                    '__protocol_attrs__'):
                continue
            attrs.append(attr)
        for attr in base.__dict__.get('__annotations__', {}):
            attrs.append(attr)
    return attrs


class _ProtocolMeta(type):
    def __instancecheck__(cls, instance):
        if cls.__dict__.get('_is_protocol', False):
            if not cls.__dict__.get('_is_runtime_protocol', False) and cls is not Protocol:
                raise TypeError('Instance and class checks can only be used with '
                                '@runtime_checkable protocols')
            for attr in _protocol_attrs(cls):
                if not hasattr(instance, attr):
                    return False
            return True
        for c in type(instance).__mro__:
            if c is cls:
                return True
        return False


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Structural base: class Closable(Protocol). With @runtime_checkable,
    isinstance checks that the methods are present."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if '_is_protocol' not in cls.__dict__:
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    if not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        f' got {cls!r}')
    cls._is_runtime_protocol = True
    return cls


class SupportsInt(Protocol):
    def __int__(self): ...


class SupportsFloat(Protocol):
    def __float__(self): ...


class SupportsIndex(Protocol):
    def __index__(self): ...


class SupportsAbs(Protocol):
    def __abs__(self): ...


for _p in (SupportsInt, SupportsFloat, SupportsIndex, SupportsAbs):
    _p._is_runtime_protocol = True


class ContextManager(Protocol):
    def __enter__(self): ...

    def __exit__(self, exc_type, exc_value, traceback): ...


class AsyncContextManager(Protocol):
    async def __aenter__(self): ...

    async def __aexit__(self, exc_type, exc_value, traceback): ...


ContextManager._is_runtime_protocol = True
AsyncContextManager._is_runtime_protocol = True


class IO(Generic):
    pass


class TextIO(IO):
    pass


class BinaryIO(IO):
    pass


Pattern = _alias(type(None), 1, 'Pattern')
Match = _alias(type(None), 1, 'Match')


# ---------------------------------------------------------------------------
# NamedTuple and TypedDict

def _make_nmtuple(name, types, defaults=None, module=None):
    fields = [n for n, t in types]
    annotations = {n: _type_check(t) for n, t in types}
    nm_tpl = _collections.namedtuple(name, fields, defaults=defaults or None,
                                     module=module)
    nm_tpl.__annotations__ = annotations
    return nm_tpl


_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults', '_make', '_replace',
                         '_asdict', '_source'})
_special = frozenset({'__module__', '__name__', '__annotations__', '__qualname__',
                      '__doc__'})


class _NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns, **kwargs):
        if not any(b is NamedTuple for b in bases) and ns.get('_root') is not True:
            return super().__new__(cls, typename, bases, ns)
        if ns.get('_root') is True:
            return super().__new__(cls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        default_names = []
        defaults = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
                defaults.append(ns[field_name])
            elif default_names:
                s = 's' if len(default_names) > 1 else ''
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field{s} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, list(types.items()), defaults=defaults,
                               module=ns.get('__module__'))
        # Methods and other class attributes carry over to the tuple class.
        for key in ns:
            if key in _prohibited:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            elif key not in _special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        if '__doc__' in ns and ns['__doc__']:
            nm_tpl.__doc__ = ns['__doc__']
        return nm_tpl

    def __call__(cls, typename, fields=None, /, **kwargs):
        # The functional form: NamedTuple('P', [('x', int), ('y', int)]).
        if fields is None:
            fields = kwargs.items()
        return _make_nmtuple(typename, list(fields))


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        if ns.get('_root') is True:
            return super().__new__(cls, name, bases, ns)
        own = ns.get('__annotations__', {})
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own)
        for k in own:
            (required if total else optional).add(k)
        body = dict(ns)
        body['__annotations__'] = annotations
        body['__required_keys__'] = frozenset(required)
        body['__optional_keys__'] = frozenset(optional)
        body['__total__'] = total
        return super().__new__(cls, name, (dict,), body)

    def __call__(cls, *args, **kwargs):
        # A TypedDict is a plain dict at runtime.
        if cls.__dict__.get('_root') is True and args and isinstance(args[0], str):
            name = args[0]
            fields = args[1] if len(args) > 1 else kwargs
            total = kwargs.get('total', True) if len(args) > 1 else True
            return _TypedDictMeta(name, (), {'__annotations__': dict(fields)}, total=total)
        return dict(*args, **kwargs)

    def __instancecheck__(cls, obj):
        raise TypeError('TypedDict does not support instance and class checks')


class TypedDict(metaclass=_TypedDictMeta):
    _root = True


# ---------------------------------------------------------------------------
# Functions

def cast(typ, val):
    """Tell a type checker val has type typ; at runtime val is returned."""
    return val


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @typing.overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @typing.overload-ed.')


def overload(func):
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except (AttributeError, TypeError):
        pass
    return arg


def no_type_check_decorator(decorator):
    return decorator


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {value}')


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    import sys
    print(f'Runtime type is {type(obj).__name__!r}', file=sys.stderr)
    return obj


class NewType:
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp

    def __repr__(self):
        return f'__main__.{self.__name__}'

    def __call__(self, x):
        return x


def _eval_hint(value, globalns, localns):
    if value is None:
        return _NoneType
    if isinstance(value, ForwardRef):
        value = value.__forward_arg__
    if isinstance(value, str):
        # asy functions carry no __globals__, so names are looked up in the
        # namespaces given, then in typing's own (List, Optional, ...).
        ns = dict(globals())
        if globalns:
            ns.update(globalns)
        value = eval(value, ns, localns) if localns else eval(value, ns)
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            for name, value in ann.items():
                hints[name] = _eval_hint(value, globalns, localns)
    else:
        ann = getattr(obj, '__annotations__', None)
        if ann is None:
            raise TypeError(f'{obj!r} is not a module, class, method, or function.')
        for name, value in ann.items():
            hints[name] = _eval_hint(value, globalns, localns)
    if not include_extras:
        hints = {k: _strip_annotations(v) for k, v in hints.items()}
    return hints


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return t.__origin__
    return t


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _GenericAlias):
        return tp.__origin__
    if isinstance(tp, _AliasMeta):
        return tp.__origin__
    if tp is Generic:
        return Generic
    origin = getattr(tp, '__origin__', None)
    if origin is not None and not isinstance(tp, type):
        return origin
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias):
        args = tp.__args__
        if args and args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    if not isinstance(tp, type):
        args = getattr(tp, '__args__', None)
        if isinstance(args, tuple):
            return args
    return ()
