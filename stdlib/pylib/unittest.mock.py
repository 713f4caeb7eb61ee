"""unittest.mock: Mock, MagicMock, AsyncMock, call, patch and friends.

Behaviour (call recording, child mocks, names in reprs, assertion
messages) follows CPython's unittest.mock; unittest._mockpatch holds patch
and mock_open.
"""

__all__ = ('Mock', 'MagicMock', 'AsyncMock', 'NonCallableMock',
           'NonCallableMagicMock', 'PropertyMock', 'patch', 'call', 'ANY',
           'DEFAULT', 'sentinel', 'create_autospec', 'mock_open', 'seal',
           'FILTER_DIR', 'ThreadingMock')

import asyncio
import inspect
import pprint
import sys

from unittest.util import safe_repr

__unittest = True

FILTER_DIR = True


class _SentinelObject(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'sentinel.%s' % self.name

    def __reduce__(self):
        return 'sentinel.%s' % self.name


class _Sentinel(object):
    """Unique named objects: sentinel.name is always the same object."""

    def __init__(self):
        self._sentinels = {}

    def __getattr__(self, name):
        if name == '__bases__':
            raise AttributeError
        return self._sentinels.setdefault(name, _SentinelObject(name))


sentinel = _Sentinel()
DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING
_deleted = sentinel.DELETED


class _ANY(object):
    """Equal to everything."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __hash__(self):
        return 0

    def __repr__(self):
        return '<ANY>'


ANY = _ANY()


def _is_exception(obj):
    return isinstance(obj, BaseException) or (
        isinstance(obj, type) and issubclass(obj, BaseException))


def _callable(obj):
    if isinstance(obj, type):
        return True
    if isinstance(obj, (staticmethod, classmethod)):
        return True
    return callable(obj)


def _format_call_signature(name, args, kwargs):
    parts = [repr(a) for a in args]
    parts += ['%s=%r' % (k, v) for k, v in kwargs.items()]
    return '%s(%s)' % (name, ', '.join(parts))


class _Call(tuple):
    """A recorded or expected call: (name, args, kwargs), or (args, kwargs)
    for call_args. call.name(...) builds expected calls."""

    def __new__(cls, value=(), name='', parent=None, two=False, from_kall=True):
        args = ()
        kwargs = {}
        n = len(value)
        if n == 3:
            name, args, kwargs = value
        elif n == 2:
            first, second = value
            if isinstance(first, str):
                name = first
                if isinstance(second, tuple):
                    args = second
                else:
                    kwargs = second
            else:
                args, kwargs = first, second
        elif n == 1:
            value, = value
            if isinstance(value, str):
                name = value
            elif isinstance(value, tuple):
                args = value
            else:
                kwargs = value
        if two:
            return tuple.__new__(cls, (args, kwargs))
        return tuple.__new__(cls, (name, args, kwargs))

    def __init__(self, value=(), name=None, parent=None, two=False, from_kall=True):
        self._mock_name = name
        self._mock_parent = parent
        self._mock_from_kall = from_kall

    def _parts(self):
        if len(self) == 2:
            args, kwargs = self
            return '', args, kwargs
        return tuple(self)

    def __eq__(self, other):
        try:
            len_other = len(other)
        except TypeError:
            return NotImplemented
        self_name, self_args, self_kwargs = self._parts()
        if (getattr(self, '_mock_parent', None) and getattr(other, '_mock_parent', None)
                and self._mock_parent != other._mock_parent):
            return False
        other_name = ''
        if len_other == 0:
            other_args, other_kwargs = (), {}
        elif len_other == 3:
            other_name, other_args, other_kwargs = other
        elif len_other == 1:
            value, = other
            if isinstance(value, tuple):
                other_args, other_kwargs = value, {}
            elif isinstance(value, str):
                other_name, other_args, other_kwargs = value, (), {}
            else:
                other_args, other_kwargs = (), value
        elif len_other == 2:
            first, second = other
            if isinstance(first, str):
                other_name = first
                if isinstance(second, tuple):
                    other_args, other_kwargs = second, {}
                else:
                    other_args, other_kwargs = (), second
            else:
                other_args, other_kwargs = first, second
        else:
            return False
        if self_name and other_name != self_name:
            return False
        return (other_args, other_kwargs) == (self_args, self_kwargs)

    def __ne__(self, other):
        eq = self.__eq__(other)
        if eq is NotImplemented:
            return eq
        return not eq

    __hash__ = None

    def __call__(self, /, *args, **kwargs):
        if self._mock_name is None:
            return _Call(('', args, kwargs), name='()')
        name = self._mock_name + '()'
        return _Call((self._mock_name, args, kwargs), name=name, parent=self)

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        if self._mock_name is None:
            return _Call(name=attr, from_kall=False)
        return _Call(name='%s.%s' % (self._mock_name, attr), parent=self, from_kall=False)

    def __getattribute__(self, attr):
        if attr in ('count', 'index'):
            raise AttributeError
        return tuple.__getattribute__(self, attr)

    @property
    def args(self):
        return self._parts()[1]

    @property
    def kwargs(self):
        return self._parts()[2]

    def __repr__(self):
        if not self._mock_from_kall:
            name = self._mock_name or 'call'
            if name.startswith('()'):
                name = 'call%s' % name
            return name
        if len(self) == 2:
            name = 'call'
            args, kwargs = self
        else:
            name, args, kwargs = self
            if not name:
                name = 'call'
            elif not name.startswith('()'):
                name = 'call.%s' % name
            else:
                name = 'call%s' % name
        return _format_call_signature(name, args, kwargs)

    def call_list(self):
        vals = []
        thing = self
        while thing is not None:
            if thing._mock_from_kall:
                vals.append(thing)
            thing = thing._mock_parent
        return _CallList(reversed(vals))


call = _Call(from_kall=False)


class _CallList(list):
    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        n = len(value)
        for i in range(0, len(self) - n + 1):
            if self[i:i + n] == value:
                return True
        return False

    def __repr__(self):
        return pprint.pformat(list(self))


# Special methods a MagicMock supports, with what they return by default.
_calculate_return_value = {
    '__hash__': lambda self: object.__hash__(self),
    '__str__': lambda self: object.__str__(self),
    '__sizeof__': lambda self: object.__sizeof__(self),
    '__fspath__': lambda self: f"{type(self).__name__}/{self._extract_mock_name()}/{id(self)}",
}

_return_values = {
    '__lt__': NotImplemented, '__gt__': NotImplemented,
    '__le__': NotImplemented, '__ge__': NotImplemented,
    '__int__': 1, '__contains__': False, '__len__': 0, '__exit__': False,
    '__complex__': 1j, '__float__': 1.0, '__bool__': True, '__index__': 1,
    '__aexit__': False,
}

_sync_magics = set((
    '__lt__ __gt__ __le__ __ge__ __eq__ __ne__ __getitem__ __setitem__ '
    '__delitem__ __len__ __iter__ __contains__ __enter__ __exit__ __int__ '
    '__float__ __complex__ __index__ __bool__ __str__ __hash__ __sizeof__ '
    '__round__ __trunc__ __floor__ __ceil__ __fspath__ __reversed__ '
    '__missing__ __neg__ __pos__ __abs__ __invert__ '
    '__add__ __sub__ __mul__ __truediv__ __floordiv__ __mod__ __pow__ '
    '__lshift__ __rshift__ __and__ __or__ __xor__ __matmul__ __divmod__ '
    '__radd__ __rsub__ __rmul__ __rtruediv__ __rfloordiv__ __rmod__ __rpow__ '
    '__rlshift__ __rrshift__ __rand__ __ror__ __rxor__ __rmatmul__ '
    '__iadd__ __isub__ __imul__ __itruediv__ __ifloordiv__ __imod__ __ipow__ '
    '__ilshift__ __irshift__ __iand__ __ior__ __ixor__ __imatmul__').split())
_async_magics = set(('__aenter__', '__aexit__', '__anext__', '__aiter__'))
_async_method_magics = set(('__aenter__', '__aexit__', '__anext__'))
_all_magics = _sync_magics | _async_magics
_unsupported_magics = set((
    '__getattr__', '__setattr__', '__init__', '__new__', '__prepare__',
    '__instancecheck__', '__subclasscheck__', '__del__'))


def _is_magic(name):
    return name[:2] == '__' == name[-2:] and len(name) > 4


def _get_return_value(mock, name):
    if name in _return_values:
        return _return_values[name]
    if name in _calculate_return_value:
        return _calculate_return_value[name](mock)
    if name == '__eq__':
        def eq(other):
            ret = mock.__eq__._mock_return_value
            if ret is not DEFAULT:
                return ret
            return mock is other
        return eq
    if name == '__ne__':
        def ne(other):
            if mock.__ne__._mock_return_value is not DEFAULT:
                return DEFAULT
            return mock is not other
        return ne
    if name == '__iter__':
        def it():
            ret = mock.__iter__._mock_return_value
            if ret is DEFAULT:
                return iter([])
            return iter(ret)
        return it
    if name == '__aiter__':
        return _AsyncIterator(iter([]))
    return DEFAULT


def _set_return_value(mock, method, name):
    value = _get_return_value(mock, name)
    if value is DEFAULT:
        return
    if name in ('__eq__', '__ne__', '__iter__'):
        method.side_effect = value
    else:
        method.return_value = value


class _AsyncIterator:
    def __init__(self, iterator):
        self.iterator = iterator

    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            return next(self.iterator)
        except StopIteration:
            pass
        raise StopAsyncIteration


def _magic_method(name, target):
    # What goes on the mock's own class for a configured special method:
    # a plain function that calls the mock (or function) set for it.
    def method(self, /, *args, **kw):
        return target(*args, **kw)
    method.__name__ = name
    return method


class _MagicSlot(object):
    # A special method on the mock's own class. Reading it gives the mock
    # that stands for it (made on first use); implicit calls (len(m),
    # iter(m)...) reach that mock with the operation's arguments. asy calls
    # a non-function class attribute either through __get__ or with the
    # instance in front; the instance is dropped here in the second case.
    def __init__(self, name, parent, mock=None):
        self.name = name
        self.parent = parent
        self.mock = mock

    def _target(self):
        if self.mock is None:
            return self.parent._magic_child(self.name)
        return self.mock

    def __get__(self, obj, _type=None):
        return self._target()

    def __call__(self, /, *args, **kwargs):
        if args and args[0] is self.parent:
            args = args[1:]
        return self._target()(*args, **kwargs)


_internal_names = set((
    '_mock_return_value', '_mock_side_effect', '_mock_parent', '_mock_name',
    '_mock_new_name', '_mock_new_parent', '_mock_children', '_mock_wraps',
    '_mock_methods', '_spec_class', '_spec_set', '_mock_sealed', '_spec_asyncs',
    '_mock_unsafe', 'method_calls', 'mock_calls', 'call_args', 'call_args_list',
    'call_count', 'called', 'await_count', 'await_args', 'await_args_list',
    '_mock_delegate', '_spec_signature'))


class Base(object):
    _mock_return_value = DEFAULT
    _mock_side_effect = None

    def __init__(self, /, *args, **kwargs):
        pass


class NonCallableMock(Base):
    """A mock that records what is done to it; attributes are mocks too."""

    def __new__(cls, /, *args, **kw):
        # Each mock gets a class of its own, so that special methods
        # configured on one mock do not leak into others.
        new = type(cls.__name__, (cls,), {'__doc__': cls.__doc__})
        return object.__new__(new)

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None,
                 parent=None, _spec_state=None, _new_name='', _new_parent=None,
                 _spec_as_instance=False, _eat_self=None, unsafe=False, **kwargs):
        if _new_parent is None:
            _new_parent = parent
        d = self.__dict__
        d['_mock_parent'] = parent
        d['_mock_name'] = name
        d['_mock_new_name'] = _new_name
        d['_mock_new_parent'] = _new_parent
        d['_mock_sealed'] = False
        if spec_set is not None:
            spec = spec_set
            spec_set = True
        if _eat_self is None:
            _eat_self = parent is not None
        self._mock_add_spec(spec, spec_set, _spec_as_instance, _eat_self)
        d['_mock_children'] = {}
        d['_mock_wraps'] = wraps
        d['_mock_delegate'] = None
        d['_mock_unsafe'] = unsafe
        d['called'] = False
        d['call_args'] = None
        d['call_count'] = 0
        d['call_args_list'] = _CallList()
        d['mock_calls'] = _CallList()
        d['method_calls'] = _CallList()
        if kwargs:
            self.configure_mock(**kwargs)
        super(NonCallableMock, self).__init__(
            spec, wraps, name, spec_set, parent, _spec_state)

    def attach_mock(self, mock, attribute):
        inner = mock
        inner.__dict__['_mock_parent'] = None
        inner.__dict__['_mock_new_parent'] = None
        inner.__dict__['_mock_name'] = ''
        inner.__dict__['_mock_new_name'] = None
        setattr(self, attribute, mock)

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)

    def _mock_add_spec(self, spec, spec_set, _spec_as_instance=False, _eat_self=False):
        _spec_class = None
        _spec_asyncs = []
        if spec is not None and not isinstance(spec, (list, tuple)) or isinstance(spec, type):
            if isinstance(spec, type):
                _spec_class = spec
            else:
                _spec_class = type(spec)
            for attr in dir(spec):
                try:
                    if inspect.iscoroutinefunction(getattr(spec, attr, None)):
                        _spec_asyncs.append(attr)
                except Exception:
                    pass
            spec = dir(spec)
        elif spec is not None:
            spec = list(spec)
        d = self.__dict__
        d['_spec_class'] = _spec_class
        d['_spec_set'] = spec_set
        d['_mock_methods'] = spec
        d['_spec_asyncs'] = _spec_asyncs

    def __get_return_value(self):
        ret = self._mock_return_value
        if ret is DEFAULT:
            ret = self._get_child_mock(_new_parent=self, _new_name='()')
            self.__dict__['_mock_return_value'] = ret
        return ret

    def __set_return_value(self, value):
        self.__dict__['_mock_return_value'] = value
        _check_and_set_parent(self, value, None, '()')

    return_value = property(__get_return_value, __set_return_value)

    @property
    def __class__(self):
        if self._spec_class is None:
            return type(self)
        return self._spec_class

    def __get_side_effect(self):
        return self.__dict__.get('_mock_side_effect')

    def __set_side_effect(self, value):
        if value is not None and not _callable(value) and not _is_exception(value):
            try:
                value = iter(value)
            except TypeError:
                pass
        self.__dict__['_mock_side_effect'] = value

    side_effect = property(__get_side_effect, __set_side_effect)

    def reset_mock(self, visited=None, *, return_value=False, side_effect=False):
        if visited is None:
            visited = []
        if id(self) in visited:
            return
        visited.append(id(self))
        d = self.__dict__
        d['called'] = False
        d['call_args'] = None
        d['call_count'] = 0
        d['mock_calls'] = _CallList()
        d['call_args_list'] = _CallList()
        d['method_calls'] = _CallList()
        if return_value:
            d['_mock_return_value'] = DEFAULT
        if side_effect:
            d['_mock_side_effect'] = None
        for child in self._mock_children.values():
            if isinstance(child, _SpecState) or child is _deleted:
                continue
            child.reset_mock(visited, return_value=return_value, side_effect=side_effect)
        ret = self._mock_return_value
        if _is_mock(ret) and ret is not self:
            ret.reset_mock(visited)

    def configure_mock(self, /, **kwargs):
        for arg, val in sorted(kwargs.items(), key=lambda entry: entry[0].count('.')):
            args = arg.split('.')
            final = args.pop()
            obj = self
            for entry in args:
                obj = getattr(obj, entry)
            setattr(obj, final, val)

    def __getattr__(self, name):
        if name in _internal_names or name in ('_mock_methods', '_spec_class'):
            raise AttributeError(name)
        methods = self.__dict__.get('_mock_methods')
        if methods is not None:
            if name not in methods or name in _all_magics:
                raise AttributeError("Mock object has no attribute %r" % name)
        elif _is_magic(name):
            raise AttributeError(name)
        if not self.__dict__.get('_mock_unsafe') and (not methods or name not in methods):
            if name.startswith(('assert', 'assret', 'asert', 'aseert', 'assrt')):
                raise AttributeError(
                    f"{name!r} is not a valid assertion. Use a spec "
                    f"for the mock if {name!r} is meant to be an attribute.")
        children = self.__dict__['_mock_children']
        result = children.get(name)
        if result is _deleted:
            raise AttributeError(name)
        if result is None:
            if self.__dict__.get('_mock_sealed'):
                mock_name = self._extract_mock_name() + '.' + name
                raise AttributeError(f'{mock_name!r} object has no attribute {name!r}')
            wraps = None
            if self._mock_wraps is not None:
                wraps = getattr(self._mock_wraps, name)
            result = self._get_child_mock(parent=self, name=name, wraps=wraps,
                                          _new_name=name, _new_parent=self)
            children[name] = result
        return result

    def _extract_mock_name(self):
        names = [self._mock_new_name]
        parent = self._mock_new_parent
        last = self
        dot = '.'
        if names == ['()']:
            dot = ''
        while parent is not None:
            last = parent
            names.append(parent._mock_new_name + dot)
            dot = '.'
            if parent._mock_new_name == '()':
                dot = ''
            parent = parent._mock_new_parent
        names = list(reversed(names))
        first = last._mock_name or 'mock'
        if len(names) > 1:
            if names[1] not in ('()', '().'):
                first += '.'
        names[0] = first
        return ''.join(names)

    def __repr__(self):
        name = self._extract_mock_name()
        name_string = ''
        if name not in ('mock', 'mock.'):
            name_string = ' name=%r' % name
        spec_string = ''
        if self._spec_class is not None:
            spec_string = ' spec_set=%r' if self._spec_set else ' spec=%r'
            spec_string = spec_string % self._spec_class.__name__
        return "<%s%s%s id='%s'>" % (type(self).__name__, name_string, spec_string, id(self))

    def __dir__(self):
        extras = self._mock_methods or []
        from_type = dir(type(self))
        from_dict = list(self.__dict__)
        from_child = [m_name for m_name, m_value in self._mock_children.items()
                      if m_value is not _deleted]
        from_type = [e for e in from_type if not e.startswith('_')]
        from_dict = [e for e in from_dict if not e.startswith('_') or _is_magic(e)]
        return sorted(set(extras + from_type + from_dict + from_child))

    def __setattr__(self, name, value):
        if name in _internal_names:
            self.__dict__[name] = value
            return
        if name in ('return_value', 'side_effect', '__class__'):
            return object.__setattr__(self, name, value)
        if (self._spec_set and self._mock_methods is not None and
                name not in self._mock_methods and name not in self.__dict__):
            raise AttributeError("Mock object has no attribute '%s'" % name)
        if name in _unsupported_magics:
            raise AttributeError('Attempting to set unsupported magic method %r.' % name)
        if name in _all_magics:
            if self._mock_methods is not None and name not in self._mock_methods:
                raise AttributeError("Mock object has no attribute '%s'" % name)
            if not _is_mock(value):
                setattr(type(self), name, _magic_method(name, lambda *a, **k: value(self, *a, **k)))
                self._mock_children[name] = value
            else:
                # The mock itself goes on the class (it is no descriptor:
                # calling the special method calls it without self).
                _check_and_set_parent(self, value, None, name)
                self._mock_children[name] = value
                setattr(type(self), name, _MagicSlot(name, self, value))
            return
        if _is_mock(value) and self._adopt(value, name):
            self._mock_children[name] = value
            return
        if name in self._mock_children and not name.startswith('_'):
            self._mock_children[name] = value
            return
        if self._mock_sealed and not hasattr(self, name):
            mock_name = f'{self._extract_mock_name()}.{name}'
            raise AttributeError(f'Cannot set {mock_name}')
        object.__setattr__(self, name, value)

    def _adopt(self, value, name):
        return _check_and_set_parent(self, value, name, name)

    def __delattr__(self, name):
        if name in _all_magics and name in type(self).__dict__:
            delattr(type(self), name)
            if name not in self.__dict__:
                return
        obj = self._mock_children.get(name, _missing)
        if name in self.__dict__:
            object.__delattr__(self, name)
        elif obj is _deleted:
            raise AttributeError(name)
        if obj is not _missing:
            del self._mock_children[name]
        self._mock_children[name] = _deleted

    def _format_mock_call_signature(self, args, kwargs):
        return _format_call_signature(self._mock_name or 'mock', args, kwargs)

    def _format_mock_failure_message(self, args, kwargs, action='call'):
        message = 'expected %s not found.\nExpected: %s\n  Actual: %s'
        expected_string = self._format_mock_call_signature(args, kwargs)
        call_args = self.call_args
        actual_string = self._format_mock_call_signature(*call_args)
        return message % (action, expected_string, actual_string)

    def _calls_repr(self, prefix="Calls"):
        if not self.mock_calls:
            return ""
        return f"\n{prefix}: {safe_repr(self.mock_calls)}."

    def assert_not_called(self):
        if self.call_count != 0:
            msg = ("Expected '%s' to not have been called. Called %s times.%s"
                   % (self._mock_name or 'mock', self.call_count, self._calls_repr()))
            raise AssertionError(msg)

    def assert_called(self):
        if self.call_count == 0:
            msg = "Expected '%s' to have been called." % (self._mock_name or 'mock')
            raise AssertionError(msg)

    def assert_called_once(self):
        if not self.call_count == 1:
            msg = ("Expected '%s' to have been called once. Called %s times.%s"
                   % (self._mock_name or 'mock', self.call_count, self._calls_repr()))
            raise AssertionError(msg)

    def assert_called_with(self, /, *args, **kwargs):
        if self.call_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            actual = 'not called.'
            error_message = ('expected call not found.\nExpected: %s\n  Actual: %s'
                             % (expected, actual))
            raise AssertionError(error_message)
        expected = _Call((args, kwargs), two=True)
        if self.call_args != expected:
            raise AssertionError(self._format_mock_failure_message(args, kwargs))

    def assert_called_once_with(self, /, *args, **kwargs):
        if not self.call_count == 1:
            msg = ("Expected '%s' to be called once. Called %s times.%s"
                   % (self._mock_name or 'mock', self.call_count, self._calls_repr()))
            raise AssertionError(msg)
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls, any_order=False):
        expected = list(calls)
        all_calls = _CallList(self.mock_calls)
        if not any_order:
            if expected not in all_calls:
                problem = 'Calls not found.'
                raise AssertionError(
                    f'{problem}\n'
                    f'Expected: {_CallList(calls)}'
                    f'{self._calls_repr(prefix="  Actual").rstrip(".")}')
            return
        all_calls = list(all_calls)
        not_found = []
        for kall in expected:
            try:
                all_calls.remove(kall)
            except ValueError:
                not_found.append(kall)
        if not_found:
            raise AssertionError(
                '%r does not contain all of %r in its call list, found %r instead' %
                (self._mock_name or 'mock', tuple(not_found), all_calls))

    def assert_any_call(self, /, *args, **kwargs):
        expected = _Call((args, kwargs), two=True)
        if expected not in self.call_args_list:
            expected_string = self._format_mock_call_signature(args, kwargs)
            raise AssertionError('%s call not found' % expected_string)

    def _get_child_mock(self, /, **kw):
        _new_name = kw.get("_new_name")
        if _new_name in self.__dict__.get('_spec_asyncs', ()):
            return AsyncMock(**kw)
        if self._mock_sealed:
            attribute = f".{kw['name']}" if "name" in kw else "()"
            mock_name = self._extract_mock_name() + attribute
            raise AttributeError(mock_name)
        _type = type(self)
        if issubclass(_type, MagicMock) and _new_name in _async_method_magics:
            klass = AsyncMock
        elif issubclass(_type, AsyncMockMixin):
            if (_new_name in _sync_magics or
                    self._mock_methods and _new_name in self._mock_methods):
                klass = MagicMock
            else:
                klass = AsyncMock
        elif not issubclass(_type, CallableMixin):
            if issubclass(_type, NonCallableMagicMock):
                klass = MagicMock
            else:
                klass = Mock
        else:
            klass = _type.__mro__[1]
        return klass(**kw)


def _check_and_set_parent(parent, value, name, new_name):
    # A mock assigned as an attribute or return value becomes a child (its
    # calls recorded by the parent too), unless it has a parent or a name
    # already, or is the parent itself or one of its ancestors.
    if not _is_mock(value):
        return False
    d = value.__dict__
    if (d.get('_mock_name') or d.get('_mock_new_name') or
            d.get('_mock_parent') is not None or d.get('_mock_new_parent') is not None):
        return False
    p = parent
    while p is not None:
        if p is value:
            return False
        p = p.__dict__.get('_mock_new_parent')
    if new_name:
        d['_mock_new_parent'] = parent
        d['_mock_new_name'] = new_name
    if name:
        d['_mock_parent'] = parent
        d['_mock_name'] = name
    return True


def _is_mock(obj):
    return isinstance(obj, Base) or type(obj).__name__ in ('Mock', 'MagicMock', 'AsyncMock')


class _SpecState(object):
    pass


class CallableMixin(Base):
    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT,
                 wraps=None, name=None, spec_set=None, parent=None,
                 _spec_state=None, _new_name='', _new_parent=None, **kwargs):
        self.__dict__['_mock_return_value'] = return_value
        super(CallableMixin, self).__init__(
            spec, wraps, name, spec_set, parent, _spec_state, _new_name, _new_parent, **kwargs)
        self.side_effect = side_effect

    def _mock_check_sig(self, /, *args, **kwargs):
        pass

    def __call__(self, /, *args, **kwargs):
        self._mock_check_sig(*args, **kwargs)
        self._increment_mock_call(*args, **kwargs)
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, /, *args, **kwargs):
        return self._execute_mock_call(*args, **kwargs)

    def _increment_mock_call(self, /, *args, **kwargs):
        d = self.__dict__
        d['called'] = True
        d['call_count'] = d['call_count'] + 1
        _call = _Call((args, kwargs), two=True)
        d['call_args'] = _call
        d['call_args_list'].append(_call)
        # The call is recorded by every mock up the chain: method_calls
        # follow attribute parents, mock_calls every parent (return values
        # too), each under the name the call has from there.
        do_method_calls = self._mock_parent is not None
        method_call_name = self._mock_name
        mock_call_name = self._mock_new_name
        is_a_call = mock_call_name == '()'
        d['mock_calls'].append(_Call(('', args, kwargs)))
        parent = self._mock_new_parent
        while parent is not None:
            if do_method_calls:
                parent.method_calls.append(_Call((method_call_name, args, kwargs)))
                do_method_calls = parent._mock_parent is not None
                if do_method_calls:
                    method_call_name = parent._mock_name + '.' + method_call_name
            parent.mock_calls.append(_Call((mock_call_name, args, kwargs)))
            if parent._mock_new_name:
                dot = '' if is_a_call else '.'
                is_a_call = parent._mock_new_name == '()'
                mock_call_name = parent._mock_new_name + dot + mock_call_name
            parent = parent._mock_new_parent

    def _execute_mock_call(self, /, *args, **kwargs):
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            elif not _callable(effect):
                result = next(effect)
                if _is_exception(result):
                    raise result
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            return self._mock_wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """A callable mock: calls are recorded and return return_value (a
    mock by default), or what side_effect says."""


class MagicMixin(Base):
    def __init__(self, /, *args, **kw):
        self._mock_set_magics()
        super(MagicMixin, self).__init__(*args, **kw)
        self._mock_set_magics()

    def _mock_set_magics(self):
        these = _all_magics
        methods = self.__dict__.get('_mock_methods')
        if methods is not None:
            these = _all_magics.intersection(methods)
            for entry in _all_magics - these:
                if entry in type(self).__dict__:
                    delattr(type(self), entry)
        these = these - set(type(self).__dict__)
        _type = type(self)
        for entry in these:
            setattr(_type, entry, _MagicSlot(entry, self))

    def _magic_child(self, name):
        # The mock standing for special method name, made on first use.
        children = self.__dict__['_mock_children']
        m = children.get(name)
        if m is None:
            m = self._get_child_mock(name=name, parent=self, _new_name=name, _new_parent=self)
            _set_return_value(self, m, name)
            children[name] = m
            setattr(type(self), name, _MagicSlot(name, self, m))
        return m



class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """A MagicMock that cannot be called."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class MagicMock(MagicMixin, Mock):
    """A Mock with the special methods configured (len() is 0, iteration
    is empty, with-statements work...)."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class AsyncMockMixin(Base):
    def __init__(self, /, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.__dict__['await_count'] = 0
        self.__dict__['await_args'] = None
        self.__dict__['await_args_list'] = _CallList()

    def _mock_call(self, /, *args, **kwargs):
        return self._execute_mock_call_async(*args, **kwargs)

    async def _execute_mock_call_async(self, /, *args, **kwargs):
        _call = _Call((args, kwargs), two=True)
        d = self.__dict__
        d['await_count'] += 1
        d['await_args'] = _call
        d['await_args_list'].append(_call)
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            elif not _callable(effect):
                try:
                    result = next(effect)
                except StopIteration:
                    raise StopAsyncIteration
                if _is_exception(result):
                    raise result
            elif inspect.iscoroutinefunction(effect):
                result = await effect(*args, **kwargs)
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            if inspect.iscoroutinefunction(self._mock_wraps):
                return await self._mock_wraps(*args, **kwargs)
            return self._mock_wraps(*args, **kwargs)
        return self.return_value

    def assert_awaited(self):
        if self.await_count == 0:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to have been awaited.")

    def assert_awaited_once(self):
        if not self.await_count == 1:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to have been awaited once."
                                 f" Awaited {self.await_count} times.")

    def assert_awaited_with(self, /, *args, **kwargs):
        if self.await_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'Expected await: {expected}\nNot awaited')
        expected = _Call((args, kwargs), two=True)
        if self.await_args != expected:
            raise AssertionError(self._format_mock_failure_message(args, kwargs, action='await')
                                 .replace(self._format_mock_call_signature(*self.call_args),
                                          self._format_mock_call_signature(*self.await_args)))

    def assert_awaited_once_with(self, /, *args, **kwargs):
        if not self.await_count == 1:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to have been awaited once."
                                 f" Awaited {self.await_count} times.")
        return self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, /, *args, **kwargs):
        expected = _Call((args, kwargs), two=True)
        if expected not in self.await_args_list:
            expected_string = self._format_mock_call_signature(args, kwargs)
            raise AssertionError('%s await not found' % expected_string)

    def assert_has_awaits(self, calls, any_order=False):
        expected = list(calls)
        all_awaits = list(self.await_args_list)
        if not any_order:
            if expected not in _CallList(all_awaits):
                raise AssertionError(
                    f'Awaits not found.\nExpected: {_CallList(calls)}\n'
                    f'Actual: {self.await_args_list}')
            return
        not_found = []
        for kall in expected:
            try:
                all_awaits.remove(kall)
            except ValueError:
                not_found.append(kall)
        if not_found:
            raise AssertionError('%r not all found in await list' % (tuple(not_found),))

    def assert_not_awaited(self):
        if self.await_count != 0:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to not have been awaited."
                                 f" Awaited {self.await_count} times.")

    def reset_mock(self, /, *args, **kwargs):
        super().reset_mock(*args, **kwargs)
        self.__dict__['await_count'] = 0
        self.__dict__['await_args'] = None
        self.__dict__['await_args_list'] = _CallList()


class AsyncMagicMixin(MagicMixin):
    pass


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    """A mock whose calls return coroutines: awaiting one gives
    return_value (or side_effect's result) and counts an await."""


class NonCallableMockSpec:
    pass


class PropertyMock(Mock):
    """A mock to put on a class as a property: reading calls it with no
    arguments, setting calls it with the value."""

    def _get_child_mock(self, /, **kwargs):
        return MagicMock(**kwargs)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, val):
        self(val)


class ThreadingMock(MagicMock):
    pass


def seal(mock):
    """Stop mock (and its children) from making new attributes."""
    mock.__dict__['_mock_sealed'] = True
    for attr in dir(mock):
        try:
            m = getattr(mock, attr)
        except AttributeError:
            continue
        if not isinstance(m, NonCallableMock):
            continue
        if m._mock_new_parent is mock:
            seal(m)


def create_autospec(spec, spec_set=False, instance=False, _parent=None, _name=None,
                    *, unsafe=False, **kwargs):
    """A mock with spec's attributes (asy checks names, not signatures)."""
    klass = MagicMock
    if inspect.isfunction(spec) or inspect.ismethod(spec):
        klass = AsyncMock if inspect.iscoroutinefunction(spec) else MagicMock
        m = klass(spec=spec, **kwargs)
        return m
    m = klass(spec_set=spec if spec_set else None, spec=None if spec_set else spec,
              name=_name, **kwargs)
    if isinstance(spec, type) and not instance:
        m.return_value = klass(spec=spec)
    return m


from unittest._mockpatch import patch, mock_open, _patch, _patch_dict
