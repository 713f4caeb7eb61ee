# collections for asy. deque (and the _tuplegetter behind namedtuple's
# field properties) are native Go, already in this namespace when this file
# runs; namedtuple, defaultdict, Counter, OrderedDict and ChainMap are
# written here over the ABCs of collections.abc. UserDict, UserList and
# UserString live in _collections_user, loaded on first use.

import sys as _sys
from _collections import _tuplegetter, _count_elements

# `import collections.abc` cannot run here: asy's loader enters a module in
# the module table only once its source has finished running, so importing
# the submodule would load collections again, without end. __import__ with
# a fromlist loads the named module itself and not its parent; the module
# table then holds it, so a later `import collections.abc` finds it.
_collections_abc = __import__('collections.abc', None, None, ['Mapping'])
# As in CPython, where the interpreter's startup has imported it by the
# time a script runs, collections.abc is reachable as an attribute.
abc = _collections_abc

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList',
           'UserString', 'defaultdict', 'deque', 'namedtuple']

# deque is a native class, so it joins its ABC by registration.
_collections_abc.MutableSequence.register(deque)

_NOTHING = object()
_showing = set()


def _reentrant_repr(obj, render, busy='...'):
    # A container that holds itself shows `busy` at the inner occurrence.
    key = id(obj)
    if key in _showing:
        return busy
    _showing.add(key)
    try:
        return render()
    finally:
        _showing.discard(key)


# --- namedtuple ---------------------------------------------------------------

_KEYWORDS = frozenset(
    'False None True and as assert async await break class continue def del '
    'elif else except finally for from global if import in is lambda '
    'nonlocal not or pass raise return try while with yield'.split())


def _acceptable(name):
    return name.isidentifier() and name not in _KEYWORDS


def _vet_names(typename, names, rename):
    """The checked field names: renamed to _<index> where rename allows,
    otherwise CPython's ValueError/TypeError for the first bad one."""
    if rename:
        taken = set()
        for index, name in enumerate(names):
            if not _acceptable(name) or name.startswith('_') or name in taken:
                names[index] = f'_{index}'
            taken.add(name)
    for name in [typename] + names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')
    taken = set()
    for name in names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in taken:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        taken.add(name)
    return tuple(names)


def _compile_new(typename, fields, defaults):
    # __new__ is compiled from source so that its signature, and the
    # TypeErrors of a bad call, are those of an ordinary function. The
    # defaults go into the signature (asy does not read an assigned
    # __defaults__).
    first_default = len(fields) - len(defaults)
    scope = {'__tuple_new__': tuple.__new__, '__builtins__': {},
             '__name__': f'namedtuple_{typename}'}
    params = []
    for index, name in enumerate(fields):
        if index >= first_default:
            scope[f'__default_{index}__'] = defaults[index - first_default]
            name += f'=__default_{index}__'
        params.append(name)
    packed = ''.join(f'{name}, ' for name in fields)
    new = eval(f"lambda _cls, {', '.join(params)}: __tuple_new__(_cls, ({packed}))"
               if fields else "lambda _cls: __tuple_new__(_cls, ())", scope)
    new.__name__ = '__new__'
    return new


def _namedtuple_methods(fields):
    count = len(fields)
    make_tuple = tuple.__new__

    def _make(cls, iterable):
        made = make_tuple(cls, iterable)
        if len(made) != count:
            raise TypeError(f'Expected {count} arguments, got {len(made)}')
        return made

    def _replace(self, /, **kwds):
        values = [kwds.pop(name) if name in kwds else value
                  for name, value in zip(fields, self)]
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return self._make(values)

    def __repr__(self):
        shown = ', '.join([f'{name}={value!r}' for name, value in zip(fields, self)])
        return f'{self.__class__.__name__}({shown})'

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    return (_make, _replace, __repr__, _asdict, __getnewargs__)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    typename = str(typename)
    fields = _vet_names(typename, [str(n) for n in field_names], rename)
    defaults = () if defaults is None else tuple(defaults)
    if len(defaults) > len(fields):
        raise TypeError('Got more default values than field names')

    signature = ', '.join(fields)
    if len(fields) == 1:
        signature += ','            # CPython's docs show "Name(x,)"
    new = _compile_new(typename, fields, defaults)
    new.__doc__ = f'Create new instance of {typename}({signature})'
    body = {
        '__doc__': f'{typename}({signature})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': dict(zip(fields[len(fields) - len(defaults):], defaults)),
        '__new__': new,
        '__match_args__': fields,
    }
    for method in (new,) + _namedtuple_methods(fields):
        method.__qualname__ = f'{typename}.{method.__name__}'
        if method is not new:
            body[method.__name__] = method
    body['_make'] = classmethod(body['_make'])
    for index, name in enumerate(fields):
        # The getter reads the tuple slot natively, like CPython's.
        body[name] = property(_tuplegetter(index), doc=f'Alias for field number {index}')
    result = type(typename, (tuple,), body)

    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        result.__module__ = module
    return result


# --- defaultdict ----------------------------------------------------------------

class defaultdict(dict):
    def __new__(cls, *args, **kwargs):
        return dict.__new__(cls)

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        dict.update(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = made = self.default_factory()
        return made

    def __repr__(self):
        # As CPython's: only the dict part is guarded, so a defaultdict
        # inside itself shows as defaultdict(factory, {...}).
        factory = self.default_factory
        shown = 'None' if factory is None else _reentrant_repr(factory, lambda: repr(factory))
        items = _reentrant_repr(self, lambda: '{' + ', '.join(
            f'{k!r}: {v!r}' for k, v in dict.items(self)) + '}', '{...}')
        return f'{type(self).__name__}({shown}, {items})'

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        factory = self.default_factory
        return type(self), ((factory,) if factory else ()), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = self.copy()
        dict.update(merged, other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = type(self)(self.default_factory, other)
        dict.update(merged, self)
        return merged

    def __ior__(self, other):
        dict.update(self, other)
        return self


# --- Counter ---------------------------------------------------------------------
#
# Binary operators and comparisons treat a missing element as a zero count.
# Each is a rule over the pair of counts, applied to every element of either
# side (this side's first); results keep only positive counts.

def _max_count(a, b):
    return b if a < b else a


def _min_count(a, b):
    return a if a < b else b


def _only_counters(name, method):
    def checked(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return method(self, other)
    checked.__name__, checked.__qualname__ = name, 'Counter.' + name
    return checked


def _count_pairs(left, right):
    for elem in left:
        yield elem, left[elem], right[elem]
    for elem in right:
        if elem not in left:
            yield elem, 0, right[elem]


class Counter(dict):
    """Dict subclass for counting hashable items."""

    def __new__(cls, *args, **kwargs):
        return dict.__new__(cls)

    def __init__(self, iterable=None, /, **kwds):
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        # A stable sort, largest first: equal counts keep first-seen order,
        # which is also what heapq.nlargest gives CPython for n.
        ranked = sorted(self.items(), key=_count_of, reverse=True)
        if n is None:
            return ranked
        return ranked[:n] if n > 0 else []

    def elements(self):
        return (elem for elem, count in self.items() for _ in range(count))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def _tally(self, source, sign):
        if source is None:
            return
        if isinstance(source, _collections_abc.Mapping):
            if sign > 0 and not self:
                dict.update(self, source)    # nothing to add to
                return
            for elem, count in source.items():
                self[elem] = count + self.get(elem, 0) if sign > 0 else self.get(elem, 0) - count
        elif sign > 0:
            _count_elements(self, source)   # the loop in Go, as CPython's is in C
        else:
            for elem in source:
                self[elem] = self.get(elem, 0) - 1

    def update(self, iterable=None, /, **kwds):
        if iterable is not None and not isinstance(iterable, _collections_abc.Mapping):
            _count_elements(self, iterable)   # the common case, without _tally's frame
        else:
            self._tally(iterable, 1)
        if kwds:
            self._tally(kwds, 1)

    def subtract(self, iterable=None, /, **kwds):
        self._tally(iterable, -1)
        if kwds:
            self._tally(kwds, -1)

    def copy(self):
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        # Deleting an absent element is not an error.
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        name = self.__class__.__name__
        if not self:
            return f'{name}()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)      # counts that do not order
        return f'{name}({shown!r})'

    def _merged(self, other, rule):
        result = Counter()
        for elem, mine, theirs in _count_pairs(self, other):
            count = rule(mine, theirs)
            if count > 0:
                result[elem] = count
        return result

    def _all(self, other, test):
        return all(test(mine, theirs) for _, mine, theirs in _count_pairs(self, other))

    __add__ = _only_counters('__add__', lambda self, other: self._merged(other, lambda a, b: a + b))
    __sub__ = _only_counters('__sub__', lambda self, other: self._merged(other, lambda a, b: a - b))
    __or__ = _only_counters('__or__', lambda self, other: self._merged(other, _max_count))
    __and__ = _only_counters('__and__', lambda self, other: self._merged(other, _min_count))
    __eq__ = _only_counters('__eq__', lambda self, other: self._all(other, lambda a, b: a == b))
    __ne__ = _only_counters('__ne__', lambda self, other: not self == other)
    __le__ = _only_counters('__le__', lambda self, other: self._all(other, lambda a, b: a <= b))
    __ge__ = _only_counters('__ge__', lambda self, other: self._all(other, lambda a, b: a >= b))
    __lt__ = _only_counters('__lt__', lambda self, other: self <= other and self != other)
    __gt__ = _only_counters('__gt__', lambda self, other: self >= other and self != other)

    def __pos__(self):
        return Counter()._merged(self, lambda a, b: b)

    def __neg__(self):
        return Counter()._merged(self, lambda a, b: -b)

    def _drop_non_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            dict.__delitem__(self, elem)
        return self

    def _in_place(self, other, rule):
        for elem, theirs in list(other.items()):
            self[elem] = rule(self[elem], theirs)
        return self._drop_non_positive()

    def __iadd__(self, other):
        return self._in_place(other, lambda a, b: a + b)

    def __isub__(self, other):
        return self._in_place(other, lambda a, b: a - b)

    def __ior__(self, other):
        return self._in_place(other, lambda a, b: b if b > a else a)

    def __iand__(self, other):
        # Only this counter's elements can survive an intersection.
        for elem, mine in list(self.items()):
            theirs = other[elem]
            if theirs < mine:
                self[elem] = theirs
        return self._drop_non_positive()


def _count_of(pair):
    return pair[1]


# --- OrderedDict ------------------------------------------------------------------
# asy's dict keeps insertion order, so OrderedDict adds reordering,
# order-sensitive equality, and its own repr and views.

class _OrderedView:
    __slots__ = ()

    def __repr__(self):
        return f'{type(self).__name__}({list(self)!r})'

    def __reversed__(self):
        mapping = self._mapping
        return iter([self._entry(mapping, key) for key in reversed(list(mapping))])


class odict_keys(_OrderedView, _collections_abc.KeysView):
    __slots__ = ()
    _entry = staticmethod(lambda mapping, key: key)


class odict_values(_OrderedView, _collections_abc.ValuesView):
    __slots__ = ()
    _entry = staticmethod(lambda mapping, key: mapping[key])


class odict_items(_OrderedView, _collections_abc.ItemsView):
    __slots__ = ()
    _entry = staticmethod(lambda mapping, key: (key, mapping[key]))


for _view in (odict_keys, odict_values, odict_items):
    _view.__module__ = 'builtins'
del _view


def _fromkeys_by_setitem(cls, iterable, value=None):
    # fromkeys for mapping classes whose __setitem__ must see every key
    # (OrderedDict, UserDict): a new cls() filled one key at a time.
    made = cls()
    for key in iterable:
        made[key] = value
    return made


class OrderedDict(dict):
    """Dictionary that remembers insertion order"""

    def __new__(cls, *args, **kwargs):
        return dict.__new__(cls)

    def __init__(self, other=(), /, **kwds):
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        if isinstance(other, _collections_abc.Mapping) or hasattr(other, 'keys'):
            pairs = [(key, other[key]) for key in other.keys()]
        else:
            pairs = other
        for key, value in pairs:
            self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def move_to_end(self, key, last=True):
        if key not in self:
            raise KeyError(key)
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        # To the front: rebuild the order with the key first.
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        keys = list(dict.keys(self))
        key = keys[-1] if last else keys[0]
        return key, dict.pop(self, key)

    def keys(self):
        return odict_keys(self)

    def values(self):
        return odict_values(self)

    def items(self):
        return odict_items(self)

    def __reversed__(self):
        return reversed(list(dict.keys(self)))

    def __repr__(self):
        name = self.__class__.__name__
        if not self:
            return f'{name}()'
        return _reentrant_repr(self, lambda: f'{name}({list(self.items())!r})')

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            # Between two OrderedDicts the order matters too.
            return list(dict.items(self)) == list(dict.items(other))
        if isinstance(other, dict):
            return dict(dict.items(self)) == dict(dict.items(other))
        return NotImplemented

    def __ne__(self, other):
        same = self.__eq__(other)
        return same if same is NotImplemented else not same

    __hash__ = None

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    fromkeys = classmethod(_fromkeys_by_setitem)

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def pop(self, key, default=_NOTHING):
        if key not in self:
            if default is _NOTHING:
                raise KeyError(key)
            return default
        value = self[key]
        dict.__delitem__(self, key)
        return value

    def __reduce__(self):
        return self.__class__, (), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = self.__class__(self)
        merged.update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = self.__class__(other)
        merged.update(self)
        return merged

    def __ior__(self, other):
        self.update(other)
        return self


# --- ChainMap ------------------------------------------------------------------------
# Lookups search the maps in order; every change goes to the first map.

def _first_map_only(method, message):
    # Errors from the first map are reported as CPython's ChainMap words them.
    def guarded(self, *args):
        try:
            return method(self.maps[0], *args)
        except KeyError:
            raise KeyError(message.format(*args)) from None
    guarded.__name__ = method.__name__
    return guarded


class ChainMap(_collections_abc.MutableMapping):
    """A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                # Not `in`: a mapping's own __missing__ must get its chance.
                return mapping[key]
            except KeyError:
                continue
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def _merged(self):
        # Later maps first, so the earlier ones win and the key order is
        # that of the last map, then the new keys of the ones before it.
        merged = {}
        for mapping in reversed(self.maps):
            merged.update(dict.fromkeys(mapping))
        return merged

    def __len__(self):
        return len(self._merged())

    def __iter__(self):
        return iter(self._merged())

    def __contains__(self, key):
        return any(key in mapping for mapping in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return _reentrant_repr(
            self, lambda: f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})')

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    __delitem__ = _first_map_only(lambda first, key: first.__delitem__(key),
                                  'Key not found in the first mapping: {!r}')
    popitem = _first_map_only(lambda first: first.popitem(),
                              'No keys found in the first mapping.')
    pop = _first_map_only(lambda first, key, *default: first.pop(key, *default),
                          'Key not found in the first mapping: {!r}')

    def clear(self):
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        combined = self.copy()
        combined.maps[0].update(other)
        return combined

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        combined = dict(other)
        for mapping in reversed(self.maps):
            combined.update(mapping)
        return self.__class__(combined)


ChainMap.__module__ = 'collections'


def __getattr__(name):
    # The User* wrappers load on first use: `import collections`, which
    # much of the library does, stays cheap.
    if name in ('UserDict', 'UserList', 'UserString'):
        import _collections_user
        globals()[name] = found = getattr(_collections_user, name)
        return found
    raise AttributeError(f"module 'collections' has no attribute '{name}'")
