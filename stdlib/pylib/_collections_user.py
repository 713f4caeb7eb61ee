# collections.UserDict, UserList and UserString for asy: wrappers holding a
# real dict/list/str in .data, meant for subclassing. collections loads this
# module the first time one of them is asked for.
#
# Most methods just forward to .data; UserList and UserString generate those
# forwarders from tables (which results are re-wrapped in the class, which
# arguments are unwrapped first) rather than spelling each one out.

import operator as _operator
import sys as _sys
from collections import _fromkeys_by_setitem

_abc = _sys.modules['collections.abc']


def _unwrapped(value, wrapper):
    # The other operand's raw data when it is one of ours.
    return value.data if isinstance(value, wrapper) else value


def _mark(cls, name, fn):
    fn.__name__ = name
    fn.__qualname__ = f'{cls.__name__}.{name}'
    setattr(cls, name, fn)


class UserDict(_abc.MutableMapping):

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        missing = getattr(self.__class__, '__missing__', None)
        if missing is None:
            raise KeyError(key)
        return missing(self, key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, (UserDict, dict)):
            return self.__class__(self.data | _unwrapped(other, UserDict))
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (UserDict, dict)):
            return self.__class__(_unwrapped(other, UserDict) | self.data)
        return NotImplemented

    def __ior__(self, other):
        self.data |= _unwrapped(other, UserDict)
        return self

    def __copy__(self):
        # A shallow copy with its own data dict, made without running
        # __init__ (a subclass's may need arguments).
        twin = self.__class__.__new__(self.__class__)
        twin.__dict__.update(self.__dict__)
        twin.__dict__['data'] = self.__dict__['data'].copy()
        return twin

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        # copy.copy of the instance with its data out of the way, then the
        # items put back through the (maybe overridden) __setitem__.
        saved, self.data = self.data, {}
        try:
            twin = copy.copy(self)
        finally:
            self.data = saved
        twin.update(self)
        return twin

    fromkeys = classmethod(_fromkeys_by_setitem)


def _on_data(cls_name, name, fn, unwrap=None):
    # A method applying fn to .data (and to the other operand's .data when
    # it is an instance of unwrap).
    if unwrap is None:
        def method(self, *args, **kwargs):
            return fn(self.data, *args, **kwargs)
    else:
        def method(self, other):
            return fn(self.data, other.data if isinstance(other, unwrap()) else other)
    method.__name__, method.__qualname__ = name, f'{cls_name}.{name}'
    return method


def _as_list(other):
    # The other operand of + as a plain list.
    if isinstance(other, UserList):
        return other.data
    return other if isinstance(other, list) else list(other)


def _user_list():
    return UserList


class UserList(_abc.MutableSequence):
    __hash__ = None

    # Comparisons look at the other side's data when it is a UserList.
    __lt__ = _on_data('UserList', '__lt__', _operator.lt, _user_list)
    __le__ = _on_data('UserList', '__le__', _operator.le, _user_list)
    __eq__ = _on_data('UserList', '__eq__', _operator.eq, _user_list)
    __gt__ = _on_data('UserList', '__gt__', _operator.gt, _user_list)
    __ge__ = _on_data('UserList', '__ge__', _operator.ge, _user_list)
    append = _on_data('UserList', 'append', list.append)
    insert = _on_data('UserList', 'insert', list.insert)
    remove = _on_data('UserList', 'remove', list.remove)
    clear = _on_data('UserList', 'clear', list.clear)
    count = _on_data('UserList', 'count', list.count)
    reverse = _on_data('UserList', 'reverse', list.reverse)

    def __init__(self, initlist=None):
        # Always a list of our own, never the one passed in.
        self.data = [] if initlist is None else list(_unwrapped(initlist, UserList))

    def __repr__(self):
        return repr(self.data)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        return self.__class__(self.data + _as_list(other))

    def __radd__(self, other):
        return self.__class__(_as_list(other) + self.data)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        twin = self.__class__.__new__(self.__class__)
        twin.__dict__.update(self.__dict__)
        twin.__dict__['data'] = self.__dict__['data'][:]
        return twin

    def pop(self, i=-1):
        return self.data.pop(i)

    def copy(self):
        return self.__class__(self)

    index = _on_data('UserList', 'index', list.index)
    sort = _on_data('UserList', 'sort', list.sort)

    def extend(self, other):
        self.data.extend(_unwrapped(other, UserList))


def _as_str(other):
    if isinstance(other, UserString):
        return other.data
    return other if isinstance(other, str) else str(other)


class UserString(_abc.Sequence):

    def __init__(self, seq):
        self.data = seq if isinstance(seq, str) else _as_str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __contains__(self, char):
        return _unwrapped(char, UserString) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        return self.__class__(self.data + _as_str(other))

    def __radd__(self, other):
        return self.__class__(_as_str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    def encode(self, encoding='utf-8', errors='strict'):
        # None means the default here, unlike str.encode.
        return self.data.encode('utf-8' if encoding is None else encoding,
                                'strict' if errors is None else errors)

    maketrans = str.maketrans


# str methods whose result is a new string, handed back as the class.
_REWRAPPED = ('capitalize', 'casefold', 'center', 'expandtabs', 'ljust', 'lower',
              'lstrip', 'removeprefix', 'removesuffix', 'replace', 'rjust', 'rstrip',
              'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill')
# str methods whose result (a number, bool, str or list) is returned as is.
_PASSED_ON = ('count', 'endswith', 'find', 'format', 'format_map', 'index', 'isalpha', 'isalnum',
              'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower',
              'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper', 'join',
              'partition', 'rfind', 'rindex', 'rpartition', 'rsplit', 'split',
              'splitlines', 'startswith')
# Those that accept a UserString where str would want a str.
_UNWRAPPING = frozenset(('count', 'find', 'index', 'rfind', 'rindex', 'replace'))


def _string_forwarders():
    for name in ('__eq__', '__lt__', '__le__', '__gt__', '__ge__'):
        def compare(self, other, _op=getattr(_operator, name)):
            return _op(self.data, _unwrapped(other, UserString))
        _mark(UserString, name, compare)
    for names, rewrap in ((_REWRAPPED, True), (_PASSED_ON, False)):
        for name in names:
            method = getattr(str, name)
            if name in _UNWRAPPING:
                def forward(self, *args, _m=method, _rewrap=rewrap, **kwargs):
                    result = _m(self.data, *[_unwrapped(a, UserString) for a in args], **kwargs)
                    return self.__class__(result) if _rewrap else result
            else:
                def forward(self, *args, _m=method, _rewrap=rewrap, **kwargs):
                    result = _m(self.data, *args, **kwargs)
                    return self.__class__(result) if _rewrap else result
            _mark(UserString, name, forward)


_string_forwarders()
del _string_forwarders

for _cls in (UserDict, UserList, UserString):
    _cls.__module__ = 'collections'
del _cls
