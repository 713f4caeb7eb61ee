"""unittest.mock: Mock, MagicMock, AsyncMock, call, patch and friends.

A mock keeps its bookkeeping (names, parents, children, spec, return value
and side effect) in one _MockState under `_st`; the call records users read
(called, call_args, mock_calls...) are plain instance attributes. Each mock
gets a class of its own so that special methods configured on one do not
leak to others. Call objects live in unittest._mockcall, the special-method
tables and hooks in unittest._mockmagic, the patchers and mock_open in
unittest._mockpatch.
"""

__all__ = ('Mock', 'MagicMock', 'AsyncMock', 'NonCallableMock',
           'NonCallableMagicMock', 'PropertyMock', 'patch', 'call', 'ANY',
           'DEFAULT', 'sentinel', 'create_autospec', 'mock_open', 'seal',
           'FILTER_DIR')

import inspect
import types

from unittest.util import safe_repr
from unittest._mockcall import (ANY, DEFAULT, _Call, _CallList, _format_call_signature,
                                _Sentinel, _SentinelObject, call, sentinel)
from unittest._mockmagic import (
    _ALL_MAGICS, _ASYNC_METHOD_MAGICS, _DEFAULT_MAGICS, _SYNC_MAGICS, _UNSUPPORTED_MAGICS,
    _SpecialHook, _apply_magic_default, _function_hook, _is_magic)

__unittest = True

FILTER_DIR = True

_MISSING = sentinel.MISSING
_DELETED = sentinel.DELETED


class InvalidSpecError(Exception):
    """Indicates that an invalid value was used as a mock spec."""


_ASSERT_TYPOS = ('assert', 'assret', 'asert', 'aseert', 'assrt')


# --- helpers -------------------------------------------------------------

def _is_mock(obj):
    return isinstance(obj, NonCallableMock)


def _is_exception(obj):
    if isinstance(obj, BaseException):
        return True
    return isinstance(obj, type) and issubclass(obj, BaseException)


def _callable(obj):
    return isinstance(obj, (type, staticmethod, classmethod)) or callable(obj)


def _is_async_obj(obj):
    if _is_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    obj = getattr(obj, '__func__', obj)
    return inspect.iscoroutinefunction(obj) or inspect.isawaitable(obj)


def _as_side_effect(value):
    # Iterables are consumed one item per call, so they become iterators.
    if value is None or _is_exception(value) or _callable(value):
        return value
    try:
        return iter(value)
    except TypeError:
        return value


def _join_path(head, tail):
    # 'a' + 'b' is 'a.b' but 'a' + '()' is 'a()': calls attach directly.
    return head + tail if tail.startswith('()') else head + '.' + tail


def _adopt(parent, value, name, new_name):
    """Make mock `value` a child of parent (so that parent records its
    calls), unless it is named or parented already or is an ancestor."""
    if not _is_mock(value):
        return False
    st = value._st
    if st.name or st.new_name or st.parent is not None or st.new_parent is not None:
        return False
    node = parent
    while node is not None:
        if node is value:
            return False
        node = node._st.new_parent
    if new_name:
        st.new_parent, st.new_name = parent, new_name
    if name:
        st.parent, st.name = parent, name
    return True


class _MockState(object):
    __slots__ = ('name', 'parent', 'new_name', 'new_parent', 'children', 'wraps',
                 'spec_class', 'spec_names', 'spec_set', 'spec_asyncs', 'sealed',
                 'unsafe', 'ret', 'effect', 'signature', 'check_sig', 'autospec')

    def __init__(self):
        self.name = self.parent = self.new_parent = self.wraps = None
        self.new_name = ''
        self.children = {}
        self.spec_class = self.spec_names = None
        self.spec_set = self.sealed = self.unsafe = False
        self.spec_asyncs = ()
        self.ret = DEFAULT
        self.effect = None
        # signature: what recorded calls are matched through (a spec's);
        # check_sig: also enforced on calls (autospec); autospec: the
        # (spec, spec_set, instance) children are autospecced from.
        self.signature = self.check_sig = self.autospec = None


def _signature_of(spec, as_instance=False, eat_self=False):
    # The signature calls to a mock specced on spec must fit: a class is
    # called through __init__ (minus self), other objects through __call__.
    if isinstance(spec, type) and not as_instance:
        spec, eat_self = spec.__init__, True
    elif isinstance(spec, (classmethod, staticmethod)):
        spec = spec.__func__
    elif not isinstance(spec, (types.FunctionType, types.MethodType)):
        spec = getattr(spec, '__call__', None)
        if spec is None:
            return None
    try:
        sig = inspect.signature(spec)
    except (ValueError, TypeError):
        return None
    if eat_self:
        params = list(sig.parameters.values())
        if not params or params[0].kind not in (params[0].POSITIONAL_ONLY,
                                                params[0].POSITIONAL_OR_KEYWORD):
            return None
        sig = sig.replace(parameters=params[1:])
    return sig


def _skips_self(spec, name):
    # Whether autospecced attribute name of a class spec is a plain
    # function (so its first parameter is self); instance specs give bound
    # methods, whose signatures have no self already.
    if not isinstance(spec, type):
        return False
    for klass in spec.__mro__:
        found = vars(klass).get(name, _MISSING)
        if found is not _MISSING:
            return isinstance(found, types.FunctionType)
    return True


def _wants_async(args, kw):
    spec = kw.get('spec_set', kw.get('spec', args[0] if args else None))
    return spec is not None and _is_async_obj(spec)



# --- the mocks -----------------------------------------------------------

class Base(object):
    """The root of every mock class."""


class NonCallableMock(Base):
    """A mock that records what is done to it; attributes are mocks too."""

    def __new__(cls, /, *args, **kw):
        # A class per mock: special methods are looked up on the class.
        bases = (cls,)
        if not issubclass(cls, AsyncMockMixin) and _wants_async(args, kw):
            bases = (AsyncMockMixin, cls)
        own = type(cls.__name__, bases, {'__doc__': cls.__doc__})
        made = object.__new__(own)
        made.__dict__['_st'] = _MockState()
        return made

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None,
                 parent=None, _spec_state=None, _new_name='', _new_parent=None,
                 _spec_as_instance=False, _eat_self=None, unsafe=False, **kwargs):
        st = self._st
        st.name, st.parent = name, parent
        st.new_name = _new_name
        st.new_parent = parent if _new_parent is None else _new_parent
        st.wraps, st.unsafe = wraps, unsafe
        if spec_set is not None:
            spec, spec_set = spec_set, True
        if _eat_self is None:
            _eat_self = parent is not None
        self._mock_add_spec(spec, spec_set, _spec_as_instance, _eat_self)
        self._clear_records()
        self._install_magics()
        if kwargs:
            self.configure_mock(**kwargs)

    def _install_magics(self):
        pass

    def _clear_records(self):
        vars(self).update(called=False, call_args=None, call_count=0,
                          call_args_list=_CallList(), mock_calls=_CallList(),
                          method_calls=_CallList())

    # -- spec --

    def mock_add_spec(self, spec, spec_set=False):
        """Only the attributes of spec (a list of names or an object) may be
        read, and with spec_set only they may be set."""
        self._mock_add_spec(spec, spec_set)
        self._install_magics()

    def _mock_add_spec(self, spec, spec_set, _spec_as_instance=False, _eat_self=False):
        if _is_mock(spec):
            raise InvalidSpecError(f'Cannot spec a Mock object. [object={spec!r}]')
        st = self._st
        st.spec_class, st.spec_asyncs, st.signature = None, (), None
        if spec is not None and type(spec) not in (list, tuple):
            st.spec_class = spec if isinstance(spec, type) else type(spec)
            st.signature = _signature_of(spec, _spec_as_instance, _eat_self)
            names = dir(spec)
            st.spec_asyncs = [n for n in names
                              if inspect.iscoroutinefunction(getattr(spec, n, None))]
            spec = names
        st.spec_names = spec
        st.spec_set = spec_set

    @property
    def __class__(self):
        cls = self._st.spec_class
        return type(self) if cls is None else cls

    # -- return value and side effect --

    @property
    def return_value(self):
        st = self._st
        if st.ret is DEFAULT:
            st.ret = self._get_child_mock(_new_parent=self, _new_name='()')
        return st.ret

    @return_value.setter
    def return_value(self, value):
        self._st.ret = value
        _adopt(self, value, None, '()')

    @property
    def side_effect(self):
        return self._st.effect

    @side_effect.setter
    def side_effect(self, value):
        self._st.effect = _as_side_effect(value)

    # -- naming --

    def _path_name(self):
        """The dotted name reprs show: the root's name, then the attribute
        names and () for return values on the way down to this mock."""
        steps = []
        node = self
        while node._st.new_parent is not None:
            steps.append(node._st.new_name)
            node = node._st.new_parent
        path = node._st.name or 'mock'
        for step in reversed(steps):
            path = _join_path(path, step)
        return path

    def __repr__(self):
        path = self._path_name()
        named = '' if path in ('mock', 'mock.') else ' name=%r' % path
        st = self._st
        spec = ''
        if st.spec_class is not None:
            spec = (' spec_set=%r' if st.spec_set else ' spec=%r') % st.spec_class.__name__
        return "<%s%s%s id='%s'>" % (type(self).__name__, named, spec, id(self))

    def __dir__(self):
        if not FILTER_DIR:
            return object.__dir__(self)
        st = self._st
        names = set(st.spec_names or ())
        names.update(n for n in dir(type(self)) if not n.startswith('_'))
        names.update(n for n in vars(self) if not n.startswith('_') or _is_magic(n))
        names.update(n for n, v in st.children.items() if v is not _DELETED)
        return sorted(names)

    # -- children --

    def _child_class(self, key):
        kind = type(self)
        if issubclass(kind, MagicMock) and key in _ASYNC_METHOD_MAGICS:
            return AsyncMock
        if issubclass(kind, AsyncMockMixin):
            spec_names = self._st.spec_names
            if key in _SYNC_MAGICS or (spec_names and key in spec_names):
                return MagicMock
            return AsyncMock
        if issubclass(kind, CallableMixin):
            return kind.__mro__[1]
        return MagicMock if issubclass(kind, NonCallableMagicMock) else Mock

    def _get_child_mock(self, /, **kw):
        """Make a child (attribute or return value); subclasses override
        this to choose what children are."""
        key = kw.get('_new_name')
        st = self._st
        if key in st.spec_asyncs:
            return AsyncMock(**kw)
        if st.sealed:
            where = '.' + kw['name'] if 'name' in kw else '()'
            raise AttributeError(self._path_name() + where)
        return self._child_class(key)(**kw)

    def __getattr__(self, name):
        if name == '_st' or name in ('_mock_methods', '_mock_unsafe', '_mock_check_sig'):
            raise AttributeError(name)
        st = self._st
        allowed = st.spec_names
        if allowed is not None:
            if name not in allowed or name in _ALL_MAGICS:
                raise AttributeError("Mock object has no attribute %r" % name)
        elif _is_magic(name):
            raise AttributeError(name)
        if not st.unsafe and (not allowed or name not in allowed) \
                and name.startswith(_ASSERT_TYPOS):
            raise AttributeError(
                f"{name!r} is not a valid assertion. Use a spec "
                f"for the mock if {name!r} is meant to be an attribute.")
        child = st.children.get(name, _MISSING)
        if child is _DELETED:
            raise AttributeError(name)
        if child is _MISSING:
            if st.autospec is not None:
                child = self._autospec_child(name)
            else:
                wrapped = None if st.wraps is None else getattr(st.wraps, name)
                child = self._get_child_mock(parent=self, name=name, wraps=wrapped,
                                             _new_name=name, _new_parent=self)
            st.children[name] = child
        return child

    def _autospec_child(self, name):
        spec, spec_set, instance = self._st.autospec
        original = getattr(spec, name)
        if not isinstance(original, (types.FunctionType, types.MethodType)):
            return create_autospec(original, spec_set, instance, self, name)
        kind = AsyncMock if inspect.iscoroutinefunction(original) else MagicMock
        child = kind(parent=self, name=name, _new_name=name, _new_parent=self,
                     spec=original, _eat_self=_skips_self(spec, name))
        child._st.check_sig = child._st.signature
        child.return_value = kind()
        return child

    def _make_magic(self, name):
        made = self._get_child_mock(name=name, parent=self, _new_name=name, _new_parent=self)
        setattr(self, name, made)
        _apply_magic_default(self, made, name)
        return made

    def __setattr__(self, name, value):
        if name in ('return_value', 'side_effect', '_st'):
            return object.__setattr__(self, name, value)
        st = self._st
        spec_names = st.spec_names
        if st.spec_set and spec_names is not None and name not in spec_names \
                and name not in vars(self):
            raise AttributeError("Mock object has no attribute '%s'" % name)
        if name in _UNSUPPORTED_MAGICS:
            raise AttributeError('Attempting to set unsupported magic method %r.' % name)
        if name in _ALL_MAGICS:
            if spec_names is not None and name not in spec_names:
                raise AttributeError("Mock object has no attribute '%s'" % name)
            if _is_mock(value):
                _adopt(self, value, None, name)
                setattr(type(self), name, _SpecialHook(name, self, value))
                st.children[name] = value
            else:
                setattr(type(self), name, _function_hook(value))
                func = value
                value = lambda *args, **kw: func(self, *args, **kw)
        elif name == '__class__':
            st.spec_class = value
            return
        elif _adopt(self, value, name, name):
            st.children[name] = value
        if st.sealed and not hasattr(self, name):
            raise AttributeError(f'Cannot set {self._path_name()}.{name}')
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        kind_dict = type(self).__dict__
        if name in _ALL_MAGICS and name in kind_dict:
            delattr(type(self), name)
            if name not in vars(self):
                return
        children = self._st.children
        known = children.get(name, _MISSING)
        if name in vars(self):
            object.__delattr__(self, name)
        elif known is _DELETED:
            raise AttributeError(name)
        children[name] = _DELETED

    def attach_mock(self, mock, attribute):
        """Make mock the child called attribute: its calls are recorded
        here too, and its name becomes ours plus attribute."""
        st = mock._st
        st.parent = st.new_parent = None
        st.name, st.new_name = '', None
        setattr(self, attribute, mock)

    def configure_mock(self, /, **kwargs):
        """Set attributes from keywords; dotted names reach into children
        ('method.return_value': 3)."""
        for dotted in sorted(kwargs, key=lambda k: k.count('.')):
            *path, last = dotted.split('.')
            obj = self
            for step in path:
                obj = getattr(obj, step)
            setattr(obj, last, kwargs[dotted])

    def reset_mock(self, visited=None, *, return_value=False, side_effect=False):
        """Forget all calls, here and in children (and optionally the
        configured return value and side effect)."""
        seen = set() if visited is None else visited
        if id(self) in seen:
            return
        if isinstance(seen, set):
            seen.add(id(self))
        else:
            seen.append(id(self))
        self._clear_records()
        st = self._st
        if return_value:
            st.ret = DEFAULT
        if side_effect:
            st.effect = None
        for child in list(st.children.values()):
            if _is_mock(child):
                child.reset_mock(seen, return_value=return_value, side_effect=side_effect)
        if _is_mock(st.ret) and st.ret is not self:
            st.ret.reset_mock(seen)

    # -- assertions --

    def _who(self):
        return self._st.name or 'mock'

    def _format_mock_call_signature(self, args, kwargs):
        return _format_call_signature(self._who(), args, kwargs)

    def _format_mock_failure_message(self, args, kwargs, action='call'):
        return 'expected %s not found.\nExpected: %s\n  Actual: %s' % (
            action, self._format_mock_call_signature(args, kwargs),
            self._format_mock_call_signature(*self.call_args))

    def _calls_repr(self, prefix="Calls"):
        if not self.mock_calls:
            return ""
        return f"\n{prefix}: {safe_repr(self.mock_calls)}."

    def _count_failure(self, template):
        raise AssertionError(template % (self._who(), self.call_count, self._calls_repr()))

    def assert_not_called(self):
        """Fail if the mock was called."""
        if self.call_count != 0:
            self._count_failure("Expected '%s' to not have been called. Called %s times.%s")

    def assert_called(self):
        """Fail unless the mock was called."""
        if self.call_count == 0:
            raise AssertionError("Expected '%s' to have been called." % self._who())

    def assert_called_once(self):
        """Fail unless the mock was called exactly once."""
        if self.call_count != 1:
            self._count_failure("Expected '%s' to have been called once. Called %s times.%s")

    def _normalized(self, recorded):
        """recorded as the spec's signature binds it, so that f(1) and
        f(a=1) are the same call; the TypeError when it does not bind."""
        if len(recorded) == 2:
            name, sig = '', self._st.signature
            args, kwargs = recorded
        else:
            name, args, kwargs = recorded
            sig = self._signature_at(name)
        if sig is None:
            return recorded
        try:
            bound = sig.bind(*args, **kwargs)
        except TypeError as exc:
            return exc.with_traceback(None)
        return call(name, bound.args, bound.kwargs)

    def _signature_at(self, dotted):
        # The signature of the child a mock_calls name leads to (the
        # deepest one found on the way).
        sig = self._st.signature
        if not dotted:
            return sig
        sig = None
        children = self._st.children
        for part in dotted.replace('()', '').split('.'):
            child = children.get(part)
            if not _is_mock(child):
                break
            children, sig = child._st.children, child._st.signature
        return sig

    def _expect_last(self, latest, args, kwargs, action):
        expected = self._normalized(_Call((args, kwargs), two=True))
        if not _matches(expected, self._normalized(latest)):
            cause = expected if isinstance(expected, Exception) else None
            raise AssertionError(
                self._format_mock_failure_message(args, kwargs, action=action)) from cause

    def _expect_any(self, history, args, kwargs, what):
        expected = self._normalized(_Call((args, kwargs), two=True))
        cause = expected if isinstance(expected, Exception) else None
        if cause is not None or not any(_matches(expected, self._normalized(c))
                                        for c in history):
            raise AssertionError('%s %s not found' % (
                self._format_mock_call_signature(args, kwargs), what)) from cause

    def _expect_run(self, history, calls, what):
        # calls as a contiguous run of history; the message's first line
        # (and the cause) come back when they are not there.
        expected = [self._normalized(c) for c in calls]
        cause = next((e for e in expected if isinstance(e, Exception)), None)
        if expected in _CallList(self._normalized(c) for c in history):
            return None, None
        if cause is None:
            return '%s not found.' % what.capitalize(), None
        errors = [e if isinstance(e, Exception) else None for e in expected]
        return 'Error processing expected %s.\nErrors: %s' % (what, errors), cause

    def _unmatched(self, history, calls):
        # The calls (normalized) that history lacks, each used once, and
        # what is left of history.
        pool = [self._normalized(c) for c in history]
        expected = [self._normalized(c) for c in calls]
        cause = next((e for e in expected if isinstance(e, Exception)), None)
        return [c for c in expected if not _take(pool, c)], pool, cause

    def assert_called_with(self, /, *args, **kwargs):
        """Fail unless the last call had these arguments."""
        if self.call_args is None:
            raise AssertionError('expected call not found.\nExpected: %s\n  Actual: not called.'
                                 % self._format_mock_call_signature(args, kwargs))
        self._expect_last(self.call_args, args, kwargs, 'call')

    def assert_called_once_with(self, /, *args, **kwargs):
        """Fail unless the mock was called exactly once, with these arguments."""
        if self.call_count != 1:
            self._count_failure("Expected '%s' to be called once. Called %s times.%s")
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls, any_order=False):
        """Fail unless mock_calls holds calls: as a contiguous run in that
        order, or anywhere with any_order."""
        if not any_order:
            problem, cause = self._expect_run(self.mock_calls, list(calls), 'calls')
            if problem is not None:
                raise AssertionError(
                    f'{problem}\nExpected: {_CallList(calls)}'
                    f'{self._calls_repr(prefix="  Actual").rstrip(".")}') from cause
            return
        missing, left, cause = self._unmatched(self.mock_calls, list(calls))
        if missing:
            raise AssertionError(
                '%r does not contain all of %r in its call list, found %r instead'
                % (self._who(), tuple(missing), left)) from cause

    def assert_any_call(self, /, *args, **kwargs):
        """Fail unless some call had these arguments."""
        self._expect_any(self.call_args_list, args, kwargs, 'call')


def _matches(expected, actual):
    # The expected call on the left: its ANYs decide. A call that does not
    # fit the spec's signature (an exception here) matches nothing.
    return not isinstance(expected, BaseException) and expected == actual


def _take(pool, wanted):
    # Remove the first call of pool equal to wanted; False if none is.
    for i, item in enumerate(pool):
        if wanted == item:
            del pool[i]
            return True
    return False


class CallableMixin(Base):
    """What makes a mock callable: calls are recorded, then answered by
    side_effect, return_value or the wrapped object."""

    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT,
                 wraps=None, name=None, spec_set=None, parent=None,
                 _spec_state=None, _new_name='', _new_parent=None, **kwargs):
        self._st.ret = return_value
        super().__init__(spec, wraps, name, spec_set, parent, _spec_state,
                         _new_name, _new_parent, **kwargs)
        self.side_effect = side_effect

    def _mock_check_sig(self, /, *args, **kwargs):
        sig = self._st.check_sig
        if sig is not None:
            sig.bind(*args, **kwargs)

    def __call__(self, /, *args, **kwargs):
        self._mock_check_sig(*args, **kwargs)
        self._record_call(args, kwargs)
        return self._answer(args, kwargs)

    def _record_call(self, args, kwargs):
        d = vars(self)
        d['called'] = True
        d['call_count'] += 1
        d['call_args'] = this = _Call((args, kwargs), two=True)
        d['call_args_list'].append(this)
        d['mock_calls'].append(_Call(('', args, kwargs)))
        # Every mock up the chain records the call under the name it has
        # from there: mock_calls along all parents (return values too),
        # method_calls along attribute parents only.
        node, label = self, self._st.new_name
        while node._st.new_parent is not None:
            up = node._st.new_parent
            up.mock_calls.append(_Call((label, args, kwargs)))
            if up._st.new_name:
                label = _join_path(up._st.new_name, label)
            node = up
        node, label = self, self._st.name
        while node._st.parent is not None:
            up = node._st.parent
            up.method_calls.append(_Call((label, args, kwargs)))
            if up._st.parent is None:
                break
            label = up._st.name + '.' + label
            node = up

    def _effect_result(self, args, kwargs, exhausted=None):
        # DEFAULT when side_effect says nothing (so return_value applies).
        effect = self._st.effect
        if effect is None:
            return DEFAULT
        if _is_exception(effect):
            raise effect
        if _callable(effect):
            return effect(*args, **kwargs)
        try:
            result = next(effect)
        except StopIteration:
            if exhausted is None:
                raise
            raise exhausted
        if _is_exception(result):
            raise result
        return result

    def _answer(self, args, kwargs):
        result = self._effect_result(args, kwargs)
        if result is not DEFAULT:
            return result
        st = self._st
        if st.ret is DEFAULT and st.wraps is not None:
            return st.wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """A callable mock: calls are recorded and return return_value (a
    mock by default), or what side_effect says."""


class MagicMixin(Base):
    """Puts hooks for the special methods (all, or those in the spec) on
    the mock's class; each becomes a configured mock on first use."""

    def _install_magics(self):
        kind = type(self)
        wanted = _DEFAULT_MAGICS
        spec_names = self._st.spec_names
        if spec_names is not None:
            wanted = _DEFAULT_MAGICS.intersection(spec_names)
            for name in _DEFAULT_MAGICS - wanted:
                if name in kind.__dict__:
                    delattr(kind, name)
        for name in wanted - set(kind.__dict__):
            setattr(kind, name, _SpecialHook(name, self))


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """A MagicMock that cannot be called."""


class MagicMock(MagicMixin, Mock):
    """A Mock with the special methods configured (len() is 0, iteration
    is empty, with-statements work...)."""


class AsyncMockMixin(Base):
    """Calls return coroutines; awaiting one records an await and gives
    the answer a plain mock would give."""

    def _clear_records(self):
        super()._clear_records()
        vars(self).update(await_count=0, await_args=None, await_args_list=_CallList())

    def _answer(self, args, kwargs):
        return self._awaited(args, kwargs)

    async def _awaited(self, args, kwargs):
        d = vars(self)
        d['await_count'] += 1
        d['await_args'] = this = _Call((args, kwargs), two=True)
        d['await_args_list'].append(this)
        st = self._st
        effect = st.effect
        result = self._effect_result(args, kwargs, StopAsyncIteration)
        if result is not DEFAULT and inspect.iscoroutinefunction(effect):
            result = await result
        if result is not DEFAULT:
            return result
        if st.ret is DEFAULT and st.wraps is not None:
            if inspect.iscoroutinefunction(st.wraps):
                return await st.wraps(*args, **kwargs)
            return st.wraps(*args, **kwargs)
        return self.return_value

    def _await_count_failure(self, text):
        raise AssertionError(f"Expected {self._who()} {text} Awaited {self.await_count} times.")

    def assert_awaited(self):
        """Fail unless the mock was awaited."""
        if self.await_count == 0:
            raise AssertionError(f"Expected {self._who()} to have been awaited.")

    def assert_awaited_once(self):
        """Fail unless the mock was awaited exactly once."""
        if self.await_count != 1:
            self._await_count_failure("to have been awaited once.")

    def assert_awaited_with(self, /, *args, **kwargs):
        """Fail unless the last await had these arguments."""
        if self.await_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'Expected await: {expected}\nNot awaited')
        self._expect_last(self.await_args, args, kwargs, 'await')

    def assert_awaited_once_with(self, /, *args, **kwargs):
        """Fail unless the mock was awaited exactly once, with these arguments."""
        if self.await_count != 1:
            self._await_count_failure("to have been awaited once.")
        return self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, /, *args, **kwargs):
        """Fail unless some await had these arguments."""
        self._expect_any(self.await_args_list, args, kwargs, 'await')

    def assert_has_awaits(self, calls, any_order=False):
        """Fail unless await_args_list holds calls (in order, or any_order)."""
        if not any_order:
            problem, cause = self._expect_run(self.await_args_list, list(calls), 'awaits')
            if problem is not None:
                raise AssertionError(f'{problem}\nExpected: {_CallList(calls)}\n'
                                     f'Actual: {self.await_args_list}') from cause
            return
        missing, _, cause = self._unmatched(self.await_args_list, list(calls))
        if missing:
            raise AssertionError('%r not all found in await list' % (tuple(missing),)) from cause

    def assert_not_awaited(self):
        """Fail if the mock was awaited."""
        if self.await_count != 0:
            self._await_count_failure("to not have been awaited.")


class AsyncMagicMixin(MagicMixin):
    pass


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    """A mock whose calls return coroutines: awaiting one gives
    return_value (or side_effect's result) and counts an await."""


class PropertyMock(Mock):
    """A mock to put on a class as a property: reading calls it with no
    arguments, setting calls it with the value."""

    def _get_child_mock(self, /, **kwargs):
        return MagicMock(**kwargs)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, val):
        self(val)


def seal(mock):
    """Stop mock (and the children it made) from making new attributes."""
    st = mock._st
    st.sealed = True
    for child in list(st.children.values()) + [st.ret]:
        if _is_mock(child) and child._st.new_parent is mock:
            seal(child)


def _instance_callable(spec):
    # Whether instances of class spec (or spec itself) can be called.
    if not isinstance(spec, type):
        return callable(spec)
    return any('__call__' in vars(base) for base in spec.__mro__ if base is not object)


def _bind_like_function(self, obj, owner=None):
    return self if obj is None else types.MethodType(self, obj)


def create_autospec(spec, spec_set=False, instance=False, _parent=None, _name=None,
                    *, unsafe=False, **kwargs):
    """A mock shaped like spec: its attributes are autospecced in turn (on
    first use), calls must fit spec's signatures, and a class's mock returns
    a mock of an instance. (A function's autospec is a mock here, not a
    function object as in CPython.)"""
    if type(spec) in (list, tuple):
        spec = type(spec)
    if _is_mock(spec):
        raise InvalidSpecError(f'Cannot autospec a Mock object. [object={spec!r}]')
    is_class = isinstance(spec, type)
    options = {'spec_set' if spec_set else 'spec': spec}
    if instance:
        options['_spec_as_instance'] = True
    options.update(kwargs)
    if _is_async_obj(spec):
        kind = AsyncMock
    elif (is_class and instance and not _instance_callable(spec)) or not _callable(spec):
        kind = NonCallableMagicMock
    else:
        kind = MagicMock
    made = kind(parent=_parent, _new_parent=_parent,
                _new_name=_name if _parent is not None else '', name=_name, **options)
    st = made._st
    st.autospec = (spec, spec_set, instance)
    if _callable(spec):
        st.check_sig = st.signature
    if isinstance(spec, types.FunctionType) and _parent is None:
        # Like the function it stands for, it binds when found on a class
        # (patch.object(Class, 'method', autospec=True) gets self).
        type(made).__get__ = _bind_like_function
    if is_class and not instance and 'return_value' not in kwargs:
        made.return_value = create_autospec(spec, spec_set, instance=True,
                                            _name='()', _parent=made)
    return made


from unittest._mockpatch import patch, mock_open, _patch, _patch_dict  # noqa: E402
