# enum for asy: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.
#
# The metaclass collects members from the finished class namespace (a plain
# dict keeps definition order, so auto() can be resolved there instead of in
# a __prepare__ namespace), builds every member once, and answers the class
# protocol (iteration, len, Color(1), Color['RED']) from three tables:
# _member_names_ (canonical names in order), _member_map_ (every name, aliases
# included) and _value2member_map_.

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'ReprEnum', 'auto', 'unique', 'member', 'nonmember']

_FunctionType = type(lambda: 0)


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Placeholder replaced by _generate_next_value_ when the class is built."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f"auto({self.value!r})"

    # asy builds the class namespace as a plain dict (no __prepare__), so
    # auto() is resolved only after the body ran; an expression such as
    # AB = A | B in the body is kept as a deferred operation until then.
    def __or__(self, other):
        return _AutoOp(lambda a, b: a | b, self, other)

    def __ror__(self, other):
        return _AutoOp(lambda a, b: a | b, other, self)

    def __and__(self, other):
        return _AutoOp(lambda a, b: a & b, self, other)

    def __rand__(self, other):
        return _AutoOp(lambda a, b: a & b, other, self)

    def __xor__(self, other):
        return _AutoOp(lambda a, b: a ^ b, self, other)

    def __rxor__(self, other):
        return _AutoOp(lambda a, b: a ^ b, other, self)

    def __add__(self, other):
        return _AutoOp(lambda a, b: a + b, self, other)

    def __radd__(self, other):
        return _AutoOp(lambda a, b: a + b, other, self)


def _resolved(x):
    if isinstance(x, _AutoOp):
        return x.resolve()
    if isinstance(x, auto):
        return x.value
    return x


class _AutoOp(auto):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right
        self.value = _auto_null

    def resolve(self):
        return self.op(_resolved(self.left), _resolved(self.right))


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


def _is_descriptor(obj):
    # asy's built-in callables do not expose __get__ as an attribute, so the
    # common descriptor types are named explicitly.
    if isinstance(obj, (_FunctionType, property, staticmethod, classmethod)):
        return True
    t = type(obj)
    return hasattr(t, '__get__') or hasattr(t, '__set__') or hasattr(t, '__delete__')


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_private(cls_name, name):
    prefix = '_' + cls_name.lstrip('_') + '__'
    return name.startswith(prefix) and not name.endswith('__')


class mappingproxy:
    """The read-only mapping returned by Color.__members__."""

    __module__ = 'builtins'

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def __eq__(self, other):
        if isinstance(other, _MembersView):
            other = other._mapping
        return self._mapping == other

    def __repr__(self):
        return f"mappingproxy({self._mapping!r})"

    def __str__(self):
        return str(self._mapping)


_MembersView = mappingproxy


def _member_type_of(bases):
    # The data type members derive from: the first non-enum, non-object class
    # in the bases' MROs (int for IntEnum, str for class C(str, Enum)).
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                continue
            return base
    return object


def _find_new(classdict, bases):
    # A __new__ written in the enum class (or an enum base) builds members.
    if '__new__' in classdict:
        return classdict['__new__']
    for chain in bases:
        for base in chain.__mro__:
            if base is Enum or base is object:
                continue
            if isinstance(base, EnumType) and '__new__' in base.__dict__:
                return base.__dict__['__new__']
    return None


def _lookup(bases, name):
    for chain in bases:
        for base in chain.__mro__:
            if name in base.__dict__:
                return base.__dict__[name]
    return None


def _enum_lookup(bases, name):
    for chain in bases:
        for base in chain.__mro__:
            if isinstance(base, EnumType) and name in base.__dict__:
                return base.__dict__[name]
    return None


def _high_bit(value):
    return value.bit_length() - 1


def _is_single_bit(num):
    if num == 0:
        return False
    return num & (num - 1) == 0


class EnumType(type):

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if bases:
            for chain in bases:
                if isinstance(chain, EnumType) and chain._member_names_:
                    raise TypeError(f"<enum {cls!r}> cannot extend {chain!r}")
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        # Split the namespace into members and everything else.
        member_names = []
        raw = {}
        body = {}
        for key, value in classdict.items():
            if key in ignore or key == '_ignore_':
                continue
            if isinstance(value, nonmember):
                body[key] = value.value
            elif isinstance(value, member):
                member_names.append(key)
                raw[key] = value.value
            elif (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value)):
                body[key] = value
            else:
                member_names.append(key)
                raw[key] = value
        # Resolve auto() in definition order.
        gnv = classdict.get('_generate_next_value_')
        if gnv is None:
            gnv = _lookup(bases, '_generate_next_value_')
        if isinstance(gnv, staticmethod):
            gnv = gnv.__func__
        last_values = []
        seen = []
        for key in member_names:
            value = raw[key]
            if isinstance(value, _AutoOp):
                value.value = value.resolve()
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gnv(key, 1, len(seen), last_values[:])
                value = value.value
                raw[key] = value
            if key not in seen:
                seen.append(key)
            last_values.append(value)
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        member_type = _member_type_of(bases)
        body['_member_type_'] = member_type
        # Mixed-in data types keep their own hash (asy does not fall back to
        # int's or str's hash for subclass instances by itself).
        if member_type is not object and '__hash__' not in body:
            body['__hash__'] = _value_hash
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        # The enum classes' own methods win over the data type's (str.__str__
        # would otherwise shadow Enum.__str__ in class C(str, Enum)), and Flag's
        # operators win over int's in IntFlag.
        if member_type is not object:
            special = ['__repr__', '__str__', '__format__', '__reduce_ex__']
            if Flag is not None and issubclass(enum_class, Flag):
                special += ['__or__', '__and__', '__xor__', '__ror__', '__rand__',
                            '__rxor__', '__invert__', '__contains__', '__iter__',
                            '__len__', '__bool__']
            for name in special:
                if name in body:
                    continue
                for base in enum_class.__mro__[1:]:
                    if isinstance(base, EnumType) and name in base.__dict__:
                        type.__setattr__(enum_class, name, base.__dict__[name])
                        break
        new_member = _find_new(classdict, bases)
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        flag_mask = 0
        for key in member_names:
            value = raw[key]
            if isinstance(value, tuple) and member_type is not tuple:
                args = value
            else:
                args = (value,)
            if new_member is not None:
                if isinstance(new_member, staticmethod):
                    new_member = new_member.__func__
                obj = new_member(enum_class, *args)
            elif member_type is object:
                obj = object.__new__(enum_class)
            else:
                obj = member_type.__new__(enum_class, *args)
            if not hasattr(obj, '_value_'):
                if member_type is object:
                    object.__setattr__(obj, '_value_', value)
                else:
                    object.__setattr__(obj, '_value_', member_type(*args))
            value = obj._value_
            # An alias: same value as an earlier member.
            canonical = None
            for name in enum_class._member_names_:
                existing = enum_class._member_map_[name]
                if existing._value_ == value:
                    canonical = existing
                    break
            if canonical is not None:
                type.__setattr__(enum_class, key, canonical)
                enum_class._member_map_[key] = canonical
                continue
            object.__setattr__(obj, '_name_', key)
            object.__setattr__(obj, '__objclass__', enum_class)
            obj.__init__(*args)
            object.__setattr__(obj, '_sort_order_', len(enum_class._member_names_))
            if is_flag and isinstance(value, int) and not _is_single_bit(value):
                # Multi-bit flag members are named aliases of a combination:
                # reachable by name, left out of iteration.
                object.__setattr__(obj, '_is_alias_', True)
            else:
                enum_class._member_names_.append(key)
            if is_flag and isinstance(value, int):
                flag_mask |= value
            enum_class._member_map_[key] = obj
            try:
                enum_class._value2member_map_.setdefault(value, obj)
            except TypeError:
                enum_class._unhashable_values_.append(value)
            type.__setattr__(enum_class, key, obj)
        if is_flag:
            type.__setattr__(enum_class, '_flag_mask_', flag_mask)
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls._lookup_value_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _lookup_value_(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for name in cls._member_map_:
            m = cls._member_map_[name]
            if m._value_ == value:
                return m
        result = None
        exc = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = e
        if isinstance(result, cls):
            return result
        if exc is None and result is not None:
            raise TypeError(f"error in {cls.__name__}._missing_: returned {result!r} instead of None or a valid member")
        ve = ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        if exc is None:
            raise ve
        raise exc

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        # The functional API: Enum('Animal', 'ANT BEE') or a list of names or
        # (name, value) pairs, or a mapping.
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            gnv = _lookup(bases, '_generate_next_value_')
            if isinstance(gnv, staticmethod):
                gnv = gnv.__func__
            pairs = []
            last = []
            for count, name in enumerate(names):
                v = gnv(name, start, count, last[:])
                last.append(v)
                pairs.append((name, v))
            names = pairs
        if isinstance(names, dict):
            names = list(names.items())
        for item in names:
            name, v = item
            classdict[name] = v
        # Named as asked (the class statement's qualname would be the caller's).
        classdict['__qualname__'] = class_name if qualname is None else qualname
        if module is not None:
            classdict['__module__'] = module
        metacls = cls.__class__
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __bool__(cls):
        return True

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        if not isinstance(value, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(value).__qualname__}' and '{cls.__class__.__qualname__}'")
        return False

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @property
    def __members__(cls):
        return _MembersView(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"


EnumMeta = EnumType


def _value_hash(self):
    return hash(self._value_)


class _EnumProperty:
    """name and value of members: read-only, with CPython's message."""

    def __init__(self, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return getattr(instance, '_' + self.name + '_')

    def __set__(self, instance, value):
        raise AttributeError(f"<enum 'Enum'> cannot set attribute {self.name!r}")

    def __delete__(self, instance):
        raise AttributeError(f"<enum 'Enum'> cannot delete attribute {self.name!r}")


Flag = None  # set below; EnumType.__new__ checks it while Enum itself is built


class Enum(metaclass=EnumType):
    """Generic enumeration: subclass it and assign members in the body."""

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            return sorted(last_values)[-1] + 1
        except TypeError:
            pass
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    name = _EnumProperty('name')
    value = _EnumProperty('value')

    def __repr__(self):
        return f"<{self.__class__.__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{self.__class__.__name__}.{self._name_}"

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        names = ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']
        for cls in self.__class__.__mro__:
            if cls is Enum or cls is object:
                break
            for k, v in cls.__dict__.items():
                if not k.startswith('_') and k not in cls._member_map_:
                    names.append(k)
        return sorted(set(names))


class ReprEnum(Enum):
    """Only repr() is Enum's; str() and format() are the data type's."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f"too many arguments for str(): {values!r}")
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f"{values[0]!r} is not a string")
        value = str(*values)
        obj = str.__new__(cls, value)
        object.__setattr__(obj, '_value_', value)
        return obj

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _flag_names(cls, value):
    # Canonical members whose bits are all in value, in definition order.
    names = []
    for name in cls._member_names_:
        m = cls._member_map_[name]
        if m._value_ and m._value_ & value == m._value_:
            names.append(name)
    return names


class Flag(Enum):
    """Members combine with | & ^ ~; combinations are members too."""

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError(f"invalid flag value {last_value!r}") from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        mask = cls._flag_mask_
        member_type = cls._member_type_
        if value < 0:
            value = value & mask if member_type is object else value
        if member_type is object and value & ~mask:
            raise ValueError(f"{cls!r} invalid value {value!r}")
        if member_type is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = member_type.__new__(cls, value)
        object.__setattr__(pseudo, '_value_', value)
        names = _flag_names(cls, value)
        covered = 0
        for n in names:
            covered |= cls._member_map_[n]._value_
        if not names:
            name = None
        elif covered != value:
            rest = value & ~covered
            name = '|'.join(names + [str(rest)])
        else:
            name = '|'.join(names)
        object.__setattr__(pseudo, '_name_', name)
        # Cache so that the same combination is the same object.
        cls._value2member_map_[value] = pseudo
        return pseudo

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"<{cls_name}: {self._value_!r}>"
        return f"<{cls_name}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"{cls_name}({self._value_!r})"
        return f"{cls_name}.{self._name_}"

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(other).__qualname__}' and '{self.__class__.__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for name in self._member_names_:
            m = self._member_map_[name]
            if m._value_ and m._value_ & self._value_ == m._value_:
                yield m

    def __len__(self):
        return len(list(self.__iter__()))

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(self._flag_mask_ & ~self._value_)


class IntFlag(int, ReprEnum, Flag):
    """Flag whose members are also ints."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __invert__(self):
        return self.__class__(self._flag_mask_ & ~self._value_)


def unique(enumeration):
    """Class decorator: refuse aliases (two names for one value)."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m._name_:
            duplicates.append((name, m._name_))
    if duplicates:
        alias_details = ', '.join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {alias_details}")
    return enumeration
