# dataclasses for asy: @dataclass and its helpers, with CPython 3.11's
# rules and messages.
#
# How it works here: _collect_fields gathers the Field objects (bases first,
# then the class's own annotations); _MethodSource accumulates the source
# text of every method the class needs and compiles them all with ONE exec,
# so generated methods are ordinary functions (their signatures and call
# errors, "Point.__init__() missing 1 required positional argument: 'y'",
# are the interpreter's) and class creation stays cheap. asdict and astuple
# share one recursive walker.

import copy as _copy
import types as _types

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


# --- sentinels --------------------------------------------------------------

class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _NamedSentinel:
    # Shows its name: the field kinds appear in Field's repr, and the
    # factory marker is the default __init__'s signature displays.
    __slots__ = ('_label',)

    def __init__(self, label):
        self._label = label

    def __repr__(self):
        return self._label


_HAS_DEFAULT_FACTORY = _NamedSentinel('<factory>')
_FIELD = _NamedSentinel('_FIELD')
_FIELD_CLASSVAR = _NamedSentinel('_FIELD_CLASSVAR')
_FIELD_INITVAR = _NamedSentinel('_FIELD_INITVAR')

_EMPTY_METADATA = _types.MappingProxyType({})


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        shown = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return f'dataclasses.InitVar[{shown}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


def _slot_repr(class_name, attrs):
    # Field and _DataclassParams print as Name(attr=value,...) with no spaces.
    def __repr__(self):
        return class_name + '(' + ','.join(
            f'{a}={getattr(self, a)!r}' for a in attrs) + ')'
    return __repr__


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash',
                 'init', 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = self.type = self._field_type = None
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.hash, self.compare = init, repr, hash, compare
        self.metadata = (_EMPTY_METADATA if metadata is None
                         else _types.MappingProxyType(metadata))
        self.kw_only = kw_only

    __repr__ = _slot_repr('Field', ('name', 'type', 'default', 'default_factory',
                                    'init', 'repr', 'hash', 'compare', 'metadata',
                                    'kw_only', '_field_type'))

    def __set_name__(self, owner, name):
        # A descriptor used as a default learns its name as it would have
        # without the field() wrapper.
        hook = getattr(type(self.default), '__set_name__', None)
        if hook is not None:
            hook(self.default, owner, name)

    __class_getitem__ = classmethod(_types.GenericAlias)

    # What __init__ does with this field, for _MethodSource.
    def _needs_value(self):
        return self.default is MISSING and self.default_factory is MISSING


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init, self.repr, self.eq = init, repr, eq
        self.order, self.unsafe_hash, self.frozen = order, unsafe_hash, frozen

    __repr__ = _slot_repr('_DataclassParams', __slots__)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


# --- reading the class body -------------------------------------------------

def _annotation_kind(annotation):
    """_FIELD, _FIELD_CLASSVAR or _FIELD_INITVAR for an annotation, which
    may be an object or (under postponed evaluation) a string."""
    if isinstance(annotation, str):
        head = annotation.split('[', 1)[0]
        if head in ('ClassVar', 'typing.ClassVar'):
            return _FIELD_CLASSVAR
        if head in ('InitVar', 'dataclasses.InitVar'):
            return _FIELD_INITVAR
        return _FIELD
    if annotation is InitVar or isinstance(annotation, InitVar):
        return _FIELD_INITVAR
    if getattr(annotation, '_name', None) == 'ClassVar' \
            or getattr(getattr(annotation, '__origin__', None), '_name', None) == 'ClassVar':
        return _FIELD_CLASSVAR
    return _FIELD


def _marks_kw_only(annotation):
    if isinstance(annotation, str):
        return annotation in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return annotation is KW_ONLY


def _is_mutable_default(value):
    # CPython refuses any unhashable default; asy's list, dict and set still
    # answer __hash__ through object, so they are named too.
    return (isinstance(value, (list, dict, set, bytearray))
            or getattr(type(value), '__hash__', 0) is None)


def _make_field(cls, name, annotation, kw_only_default):
    # Looked up through the MRO: a base's class attribute is a default too.
    value = getattr(cls, name, MISSING)
    f = value if isinstance(value, Field) else field(default=value)
    f.name, f.type = name, annotation
    f._field_type = kind = _annotation_kind(annotation)
    if kind is _FIELD_CLASSVAR:
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
        return f
    if kind is _FIELD_INITVAR and f.default_factory is not MISSING:
        raise TypeError(f'field {f.name} cannot have a default factory')
    if f.kw_only is MISSING:
        f.kw_only = kw_only_default
    if kind is _FIELD and _is_mutable_default(f.default):
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _collect_fields(cls, kw_only):
    """All fields of cls in order, the inherited ones first (a redefinition
    keeps its base's position); also whether any dataclass base is frozen
    (None when there is no dataclass base)."""
    collected = {}
    frozen_bases = None
    for base in reversed(cls.__mro__[1:]):
        inherited = base.__dict__.get('__dataclass_fields__')
        if inherited is None:
            continue
        collected.update(inherited)
        frozen_bases = bool(frozen_bases) or base.__dataclass_params__.frozen

    annotations = cls.__dict__.get('__annotations__', {})
    marker_seen = False
    for name, annotation in annotations.items():
        if _marks_kw_only(annotation):
            if marker_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY '
                                'has already been specified')
            marker_seen = kw_only = True
            continue
        f = _make_field(cls, name, annotation, kw_only)
        collected[name] = f
        # The class attribute becomes the plain default (or goes away),
        # never the Field object itself.
        if isinstance(cls.__dict__.get(name), Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    return collected, frozen_bases


# --- generating methods -------------------------------------------------------

class _MethodSource:
    """Source text of a class's generated methods plus the values they
    refer to; build() compiles them together and names them after cls."""

    def __init__(self, qualname):
        self.qualname = qualname
        self.values = {}
        self.chunks = []
        self.names = []

    def value(self, key, obj):
        self.values[key] = obj
        return key

    def add(self, name, params, body):
        lines = '\n'.join('  ' + line for line in body)
        self.chunks.append(f' def {name}({", ".join(params)}):\n{lines}')
        self.names.append(name)

    def build(self):
        if not self.names:
            return {}
        keys = list(self.values)
        source = (f'def __create_fn__({", ".join(keys)}):\n'
                  + '\n'.join(self.chunks)
                  + f'\n return ({", ".join(self.names)},)\n')
        # pprint recognises a generated __repr__ by the maker's name
        # (__create_fn__, as CPython calls its own) in the functions' globals.
        scope = {}
        exec(source, scope)
        made = scope['__create_fn__'](**self.values)
        for fn in made:
            fn.__qualname__ = f'{self.qualname}.{fn.__name__}'
        return dict(zip(self.names, made))


def _attrs_tuple(obj, flds):
    return '(' + ''.join(f'{obj}.{f.name},' for f in flds) + ')'


def _write_init(src, all_fields, frozen, slots, has_post_init):
    init_fields = [f for f in all_fields if f.init]
    defaulted = None
    for f in init_fields:
        if not f.kw_only:
            if not f._needs_value():
                defaulted = f
            elif defaulted is not None:
                raise TypeError(f'non-default argument {f.name!r} '
                                'follows default argument')
    me = '__dataclass_self__' if 'self' in (f.name for f in all_fields) else 'self'
    src.value('__dataclass_factory_marker__', _HAS_DEFAULT_FACTORY)
    if frozen:
        src.value('__dataclass_object_setattr__', object.__setattr__)

    def param(f):
        if f.default is not MISSING:
            return f'{f.name}=' + src.value(f'__dataclass_dflt_{f.name}__', f.default)
        if f.default_factory is not MISSING:
            return f'{f.name}=__dataclass_factory_marker__'
        return f.name

    params = [me] + [param(f) for f in init_fields if not f.kw_only]
    keyword_only = [param(f) for f in init_fields if f.kw_only]
    if keyword_only:
        params += ['*'] + keyword_only

    body = []
    for f in all_fields:
        if f._field_type is _FIELD_INITVAR:
            continue
        if f.default_factory is not MISSING:
            make = src.value(f'__dataclass_factory_{f.name}__', f.default_factory) + '()'
            value = (f'{make} if {f.name} is __dataclass_factory_marker__ else {f.name}'
                     if f.init else make)
        elif f.init:
            value = f.name
        elif f.default is not MISSING and slots:
            # No class attribute can hold the default beside a slot.
            value = src.value(f'__dataclass_dflt_{f.name}__', f.default)
        else:
            continue            # the class attribute (if any) serves
        if frozen:
            body.append(f'__dataclass_object_setattr__({me},{f.name!r},{value})')
        else:
            body.append(f'{me}.{f.name}={value}')
    if has_post_init:
        passed = ','.join(f.name for f in all_fields if f._field_type is _FIELD_INITVAR)
        body.append(f'{me}.__post_init__({passed})')
    src.add('__init__', params, body or ['pass'])


def _write_repr(src, flds):
    running = src.value('__dataclass_repr_running__', set())
    inner = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in flds)
    src.add('__repr__', ['self'], [
        'key = id(self)',
        f'if key in {running}:',
        "  return '...'",
        f'{running}.add(key)',
        'try:',
        f'  return self.__class__.__qualname__ + f"({inner})"',
        'finally:',
        f'  {running}.discard(key)'])


def _write_comparison(src, name, op, flds):
    src.add(name, ['self', 'other'], [
        'if other.__class__ is self.__class__:',
        f'  return {_attrs_tuple("self", flds)}{op}{_attrs_tuple("other", flds)}',
        'return NotImplemented'])


def _write_frozen_guards(src, cls, flds):
    src.value('__dataclass_cls__', cls)
    src.value('__dataclass_frozen_error__', FrozenInstanceError)
    guarded = 'type(self) is __dataclass_cls__'
    if flds:
        guarded += ' or name in {' + ', '.join(repr(f.name) for f in flds) + '}'
    for name, params, verb in (('__setattr__', ('self', 'name', 'value'), 'assign to'),
                               ('__delattr__', ('self', 'name'), 'delete')):
        src.add(name, params, [
            f'if {guarded}:',
            f'  raise __dataclass_frozen_error__(f"cannot {verb} field {{name!r}}")',
            f'super(__dataclass_cls__, self).{name}({", ".join(params[1:])})'])


def _hash_plan(cls, unsafe_hash, eq, frozen):
    """'add' (generate __hash__), 'none' (set it to None) or 'keep', by the
    rules CPython documents for @dataclass."""
    own = cls.__dict__.get('__hash__', MISSING)
    # __hash__ = None put there by the class statement because the body
    # defines __eq__ is not an explicit choice of the user's.
    explicit = not (own is MISSING or (own is None and '__eq__' in cls.__dict__))
    if unsafe_hash:
        if explicit:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        return 'add'
    if not eq or explicit:
        return 'keep'
    return 'add' if frozen else 'none'


_ORDERING = (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>='))


def _format_annotation(t):
    # As inspect.signature shows annotations in the generated __doc__.
    if getattr(t, '__module__', None) == 'typing':
        return repr(t).replace('typing.', '')
    if isinstance(t, _types.GenericAlias):
        return str(t)
    if isinstance(t, type):
        return t.__qualname__ if t.__module__ == 'builtins' else f'{t.__module__}.{t.__qualname__}'
    return repr(t)


def _signature_doc(cls, all_fields):
    def shown(f):
        text = f'{f.name}: {_format_annotation(f.type)}'
        if f.default is not MISSING:
            return f'{text} = {f.default!r}'
        return text + ' = <factory>' if f.default_factory is not MISSING else text
    # Parameters in __init__'s order: positional ones, then keyword-only.
    positional = [shown(f) for f in all_fields if f.init and not f.kw_only]
    keyword = [shown(f) for f in all_fields if f.init and f.kw_only]
    return f'{cls.__name__}({", ".join(positional + (["*"] + keyword if keyword else []))})'


def _add_slots(cls, field_names, frozen):
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    inherited = set()
    for base in cls.__mro__[1:-1]:
        slots = base.__dict__.get('__slots__', ())
        inherited.update((slots,) if isinstance(slots, str) else slots)
    namespace = {k: v for k, v in cls.__dict__.items()
                 if k not in field_names and k not in ('__dict__', '__weakref__')}
    namespace['__slots__'] = tuple(n for n in field_names if n not in inherited)
    qualname = cls.__qualname__
    new_cls = type(cls)(cls.__name__, cls.__bases__, namespace)
    new_cls.__qualname__ = qualname
    if frozen:
        # The default pickling/copy protocol would go through the blocked
        # __setattr__; state travels as a tuple of field values instead.
        names = tuple(field_names)

        def __getstate__(self):
            return tuple(getattr(self, n) for n in names)

        def __setstate__(self, state):
            for n, v in zip(names, state):
                object.__setattr__(self, n, v)

        for fn in (__getstate__, __setstate__):
            fn.__qualname__ = f'{qualname}.{fn.__name__}'
            if fn.__name__ not in namespace:
                setattr(new_cls, fn.__name__, fn)
    return new_cls


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots):
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)
    all_fields, frozen_bases = _collect_fields(cls, kw_only)
    if frozen_bases is not None and frozen_bases != bool(frozen):
        raise TypeError('cannot inherit non-frozen dataclass from a frozen one'
                        if frozen_bases else
                        'cannot inherit frozen dataclass from a non-frozen one')
    cls.__dataclass_fields__ = all_fields
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    hash_plan = _hash_plan(cls, unsafe_hash, eq, frozen)

    init_fields = [f for f in all_fields.values() if f._field_type is not _FIELD_CLASSVAR]
    data = [f for f in all_fields.values() if f._field_type is _FIELD]
    compared = [f for f in data if f.compare]
    own = cls.__dict__
    if slots:
        cls = _add_slots(cls, [f.name for f in data], frozen)

    src = _MethodSource(cls.__qualname__)
    if init:
        _write_init(src, init_fields, frozen, slots, hasattr(cls, '__post_init__'))
    if repr:
        _write_repr(src, [f for f in data if f.repr])
    if eq:
        _write_comparison(src, '__eq__', '==', compared)
    if order:
        for name, op in _ORDERING:
            _write_comparison(src, name, op, compared)
    if frozen:
        _write_frozen_guards(src, cls, data)
    if hash_plan == 'add':
        hashed = [f for f in data if (f.compare if f.hash is None else f.hash)]
        src.add('__hash__', ['self'], [f'return hash({_attrs_tuple("self", hashed)})'])

    for name, fn in src.build().items():
        if name == '__hash__':
            cls.__hash__ = fn
        elif name not in own:
            setattr(cls, name, fn)
        elif name in ('__lt__', '__le__', '__gt__', '__ge__'):
            raise TypeError(f'Cannot overwrite attribute {name} '
                            f'in class {cls.__name__}. Consider using '
                            'functools.total_ordering')
        elif name in ('__setattr__', '__delattr__'):
            raise TypeError(f'Cannot overwrite attribute {name} '
                            f'in class {cls.__name__}')
    if hash_plan == 'none':
        cls.__hash__ = None

    if not getattr(cls, '__doc__', None):
        try:
            cls.__doc__ = _signature_doc(cls, init_fields)
        except (TypeError, ValueError):
            pass
    if match_args and '__match_args__' not in own:
        cls.__match_args__ = tuple(f.name for f in init_fields if f.init and not f.kw_only)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots)
    return wrap if cls is None else wrap(cls)


# --- helpers on dataclasses ---------------------------------------------------

def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in found.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def is_dataclass(obj):
    return hasattr(obj if isinstance(obj, type) else type(obj), '__dataclass_fields__')


def _unpack(obj, pack):
    """Recursive copy behind asdict/astuple: `pack` turns a dataclass
    instance's (name, converted value) pairs into the result."""
    if _is_dataclass_instance(obj):
        return pack([(f.name, _unpack(getattr(obj, f.name), pack)) for f in fields(obj)])
    kind = type(obj)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        # A namedtuple is rebuilt from positional arguments.
        return kind(*[_unpack(v, pack) for v in obj])
    if isinstance(obj, (list, tuple)):
        return kind(_unpack(v, pack) for v in obj)
    if isinstance(obj, dict):
        return kind((_unpack(k, pack), _unpack(v, pack)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _unpack(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _unpack(obj, lambda pairs: tuple_factory([v for _, v in pairs]))


_KEYWORDS = frozenset(
    'False None True and as assert async await break class continue def del '
    'elif else except finally for from global if import in is lambda '
    'nonlocal not or pass raise return try while with yield'.split())


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    body = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, annotation = item, 'typing.Any'
        elif len(item) in (2, 3):
            name, annotation = item[0], item[1]
            if len(item) == 3:
                body[name] = item[2]
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if name in _KEYWORDS:
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in annotations:
            raise TypeError(f'Field name duplicated: {name!r}')
        annotations[name] = annotation
    body['__annotations__'] = annotations
    cls = _types.new_class(cls_name, bases, {}, lambda ns: ns.update(body))
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
        elif f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
