"""unittest.mock's patchers (patch, patch.object, patch.dict,
patch.multiple) and mock_open.

Both patcher classes share _Patcher: usable as a context manager, through
start()/stop(), or as a decorator of functions, coroutine functions and
classes (whose test methods each get a fresh copy)."""

import builtins
import functools
import inspect
import io
import sys
import types

__unittest = True


def _mock():
    # unittest.mock imports this module while it loads; its names are
    # looked up when a patch is used.
    return sys.modules['unittest.mock']


def _resolve(dotted):
    """The object a dotted name leads to, importing modules on the way."""
    head, *rest = dotted.split('.')
    found = __import__(head)
    reached = head
    for part in rest:
        reached = reached + '.' + part
        if not hasattr(found, part):
            __import__(reached)
        found = getattr(found, part)
    return found


class _Patcher(object):
    _active_patches = []

    def __call__(self, func):
        if isinstance(func, type):
            return self.decorate_class(func)
        return self._decorate(func, inspect.iscoroutinefunction(func))

    def decorate_class(self, klass):
        for attr in dir(klass):
            if not attr.startswith(patch.TEST_PREFIX):
                continue
            method = getattr(klass, attr)
            if callable(method):
                setattr(klass, attr, self.copy()(method))
        return klass

    def start(self):
        """Apply the patch until stop() (or patch.stopall())."""
        applied = self.__enter__()
        _Patcher._active_patches.append(self)
        return applied

    def stop(self):
        """Undo what start() did."""
        if self not in _Patcher._active_patches:
            return None
        _Patcher._active_patches.remove(self)
        return self.__exit__(None, None, None)


class _patch(_Patcher):
    attribute_name = None

    def __init__(self, getter, attribute, new, spec, create, spec_set,
                 autospec, new_callable, kwargs, *, unsafe=False):
        DEFAULT = _mock().DEFAULT
        if new_callable is not None:
            if new is not DEFAULT:
                raise ValueError("Cannot use 'new' and 'new_callable' together")
            if autospec is not None:
                raise ValueError("Cannot use 'autospec' and 'new_callable' together")
        self.getter, self.attribute = getter, attribute
        self.new, self.new_callable = new, new_callable
        self.spec, self.spec_set, self.autospec = spec, spec_set, autospec
        self.create, self.kwargs, self.unsafe = create, kwargs, unsafe
        self.additional_patchers = []
        self.has_local = self.is_started = False

    def copy(self):
        twin = _patch(self.getter, self.attribute, self.new, self.spec, self.create,
                      self.spec_set, self.autospec, self.new_callable, self.kwargs,
                      unsafe=self.unsafe)
        twin.attribute_name = self.attribute_name
        twin.additional_patchers = [p.copy() for p in self.additional_patchers]
        return twin

    def _decorate(self, func, is_async):
        # Stacked @patch decorators share one wrapper: each appends itself
        # to `patchings`, and the mocks are passed innermost first.
        if hasattr(func, 'patchings'):
            func.patchings.append(self)
            return func
        if is_async:
            @functools.wraps(func)
            async def patched(*args, **kwargs):
                entered = []
                try:
                    args, kwargs = _enter_patchings(patched.patchings, args, kwargs, entered)
                    return await func(*args, **kwargs)
                finally:
                    _exit_all(entered)
        else:
            @functools.wraps(func)
            def patched(*args, **kwargs):
                entered = []
                try:
                    args, kwargs = _enter_patchings(patched.patchings, args, kwargs, entered)
                    return func(*args, **kwargs)
                finally:
                    _exit_all(entered)
        patched.patchings = [self]
        return patched

    def get_original(self):
        target = self.getter()
        name = self.attribute
        missing = _mock().DEFAULT
        try:
            return target.__dict__[name], True
        except (AttributeError, KeyError):
            found = getattr(target, name, missing)
        if isinstance(target, types.ModuleType) and _is_builtin_name(name):
            # A module may have open, print... patched in front of builtins.
            self.create = True
        if found is missing and not self.create:
            raise AttributeError("%s does not have the attribute %r" % (target, name))
        return found, False

    def _replacement(self, original):
        """What goes in place of original: a new mock shaped by spec,
        spec_set, autospec and new_callable, or `new` as given."""
        mock = _mock()
        DEFAULT = mock.DEFAULT
        spec = None if self.spec is False else self.spec
        spec_set = None if self.spec_set is False else self.spec_set
        autospec = None if self.autospec is False else self.autospec
        if spec is not None and autospec is not None:
            raise TypeError("Can't specify spec and autospec")
        if (spec is not None or autospec is not None) and spec_set not in (True, None):
            raise TypeError("Can't provide explicit spec_set *and* spec or autospec")
        if autospec is not None:
            if self.new is not DEFAULT:
                raise TypeError("autospec creates the mock for you. Can't specify "
                                "autospec and new.")
            if original is DEFAULT:
                raise TypeError("Can't use 'autospec' with create=True")
            return mock.create_autospec(original if autospec is True else autospec,
                                        spec_set=bool(spec_set), _name=self.attribute,
                                        **self.kwargs)
        if self.new is not DEFAULT:
            if self.kwargs:
                raise TypeError("Can't pass kwargs to a mock we aren't creating")
            return self.new
        # spec=True means "like the original"; spec_set=True turns the
        # chosen spec into a spec_set.
        if spec is True:
            spec = original
        if spec_set is True:
            spec_set = original if spec is None else spec
            spec = None
        shape = spec if spec_set is None else spec_set
        if shape is not None and original is DEFAULT:
            raise TypeError("Can't use 'spec' with create=True")
        options = {}
        if spec is not None:
            options['spec'] = spec
        if spec_set is not None:
            options['spec_set'] = spec_set
        if self.new_callable is not None:
            kind = self.new_callable
        elif shape is not None:
            kind = mock.MagicMock
            if mock._is_async_obj(shape):
                kind = mock.AsyncMock
            elif not _spec_callable(shape):
                kind = mock.NonCallableMagicMock
        else:
            kind = mock.AsyncMock if mock._is_async_obj(original) else mock.MagicMock
        if isinstance(kind, type) and issubclass(kind, mock.NonCallableMock) and self.attribute:
            options['name'] = self.attribute
        options.update(self.kwargs)
        made = kind(**options)
        if shape is not None and isinstance(original, type) and mock._is_mock(made):
            # A patched class returns instances shaped like the class.
            options.pop('name', None)
            if type(shape) not in (list, tuple) and not mock._instance_callable(shape):
                kind = mock.NonCallableMagicMock
            made.return_value = kind(_new_parent=made, _new_name='()', **options)
        return made

    def __enter__(self):
        self.target = self.getter()
        original, local = self.get_original()
        new = self._replacement(original)
        self.temp_original, self.is_local = original, local
        setattr(self.target, self.attribute, new)
        self.is_started = True
        if self.attribute_name is None:
            return new
        # patch.multiple: a dict of the mocks it made, by attribute name.
        DEFAULT = _mock().DEFAULT
        made = {self.attribute_name: new} if self.new is DEFAULT else {}
        for extra in self.additional_patchers:
            got = extra.__enter__()
            if extra.new is DEFAULT:
                made.update(got)
        return made

    def __exit__(self, *exc_info):
        # (Reading is_local first: exiting a patch that is not active fails
        # on it, as in CPython.)
        local = self.is_local
        target, name, original = self.target, self.attribute, self.temp_original
        if local and original is not _mock().DEFAULT:
            setattr(target, name, original)
        else:
            delattr(target, name)
            # Attributes that deleting does not remove from view (inherited
            # ones, or those every object has) get the original back.
            if not self.create and (not hasattr(target, name) or name in _ALWAYS_THERE):
                setattr(target, name, original)
        del self.temp_original, self.is_local, self.target
        self.is_started = False
        for extra in reversed(self.additional_patchers):
            if extra.is_started:
                extra.__exit__(*exc_info)
        return False


_ALWAYS_THERE = ('__doc__', '__module__', '__defaults__', '__annotations__', '__kwdefaults__')


def _is_builtin_name(name):
    return not name.startswith('_') and hasattr(builtins, name)


def _spec_callable(shape):
    if type(shape) in (list, tuple):
        return '__call__' in shape
    return callable(shape)


def _enter_patchings(patchings, args, kwargs, entered):
    extra = []
    DEFAULT = _mock().DEFAULT
    for patching in patchings:
        got = patching.__enter__()
        entered.append(patching)
        if patching.attribute_name is not None:
            kwargs.update(got)
        elif patching.new is DEFAULT:
            extra.append(got)
    return args + tuple(extra), kwargs


def _exit_all(entered):
    info = sys.exc_info()
    for patching in reversed(entered):
        patching.__exit__(*info)


def _patch_object(target, attribute, new=None, spec=None, create=False, spec_set=None,
                  autospec=None, new_callable=None, *, unsafe=False, **kwargs):
    """patch the attribute of an object (rather than of a dotted name)."""
    if type(target) is str:
        raise TypeError(f"{target!r} must be the actual object to be patched, not a str")
    new = _mock().DEFAULT if new is None else new
    return _patch(lambda: target, attribute, new, spec, create, spec_set, autospec,
                  new_callable, kwargs, unsafe=unsafe)


def _patch_multiple(target, spec=None, create=False, spec_set=None,
                    autospec=None, new_callable=None, **kwargs):
    """Patch several attributes of one target at once; used as a decorator
    the mocks made for DEFAULT values come as keyword arguments."""
    if not kwargs:
        raise ValueError('Must supply at least one keyword argument with patch.multiple')
    getter = (lambda: _resolve(target)) if type(target) is str else (lambda: target)
    patchers = []
    for attribute, new in kwargs.items():
        one = _patch(getter, attribute, new, spec, create, spec_set, autospec,
                     new_callable, {})
        one.attribute_name = attribute
        patchers.append(one)
    first = patchers[0]
    first.additional_patchers = patchers[1:]
    return first


def patch(target, new=None, spec=None, create=False, spec_set=None, autospec=None,
          new_callable=None, *, unsafe=False, **kwargs):
    """Replace target ('package.module.name') with new (a MagicMock by
    default) within a with-block or a decorated function or class."""
    try:
        owner, attribute = target.rsplit('.', 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError(f"Need a valid target to patch. You supplied: {target!r}")
    new = _mock().DEFAULT if new is None else new
    return _patch(lambda: _resolve(owner), attribute, new, spec, create, spec_set,
                  autospec, new_callable, kwargs, unsafe=unsafe)


class _patch_dict(_Patcher):
    """Set entries of a dictionary (or clear it) for a block, restoring it
    afterwards."""

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._original = None

    def copy(self):
        return _patch_dict(self.in_dict, self.values, self.clear)

    def _decorate(self, func, is_async):
        if is_async:
            @functools.wraps(func)
            async def patched(*args, **kwargs):
                self._patch_dict()
                try:
                    return await func(*args, **kwargs)
                finally:
                    self._unpatch_dict()
        else:
            @functools.wraps(func)
            def patched(*args, **kwargs):
                self._patch_dict()
                try:
                    return func(*args, **kwargs)
                finally:
                    self._unpatch_dict()
        return patched

    def __enter__(self):
        self._patch_dict()
        return self.in_dict

    def _patch_dict(self):
        if isinstance(self.in_dict, str):
            self.in_dict = _resolve(self.in_dict)
        target = self.in_dict
        self._original = _snapshot(target)
        if self.clear:
            _empty(target)
        _fill(target, self.values)

    def _unpatch_dict(self):
        _empty(self.in_dict)
        _fill(self.in_dict, self._original)

    def __exit__(self, *exc_info):
        if self._original is not None:
            self._unpatch_dict()
        return False


# patch.dict works on any mapping-like object: these fall back to item
# access when it lacks copy/clear/update.

def _snapshot(mapping):
    try:
        return mapping.copy()
    except AttributeError:
        return {key: mapping[key] for key in mapping}


def _empty(mapping):
    try:
        mapping.clear()
    except AttributeError:
        for key in list(mapping):
            del mapping[key]


def _fill(mapping, values):
    try:
        mapping.update(values)
    except AttributeError:
        for key in values:
            mapping[key] = values[key]


def _patch_stopall():
    """Stop every patch started with start()."""
    for active in reversed(_Patcher._active_patches):
        active.stop()


patch.object = _patch_object
patch.dict = _patch_dict
patch.multiple = _patch_multiple
patch.stopall = _patch_stopall
patch.TEST_PREFIX = 'test'


# --- mock_open -------------------------------------------------------------

def _file_names():
    wanted = {'read', 'readline', 'readlines', 'write', 'writelines', 'close', 'flush',
              '__enter__', '__exit__', '__iter__', '__next__', 'seek', 'tell'}
    return sorted(wanted.union(dir(io.TextIOWrapper), dir(io.BytesIO)))


class _FakeFile(object):
    # The data behind a mock_open handle. Each open() starts it afresh;
    # a return_value configured on read/readline/readlines wins over it.
    def __init__(self, data, handle):
        self.data = data
        self.handle = handle
        self.rewind()

    def rewind(self):
        self.stream = io.BytesIO(self.data) if isinstance(self.data, bytes) \
            else io.StringIO(self.data)

    def read(self, *args, **kwargs):
        fixed = self.handle.read.return_value
        return self.stream.read(*args, **kwargs) if fixed is None else fixed

    def readlines(self, *args, **kwargs):
        fixed = self.handle.readlines.return_value
        return self.stream.readlines(*args, **kwargs) if fixed is None else fixed

    def lines(self):
        fixed = self.handle.readline.return_value
        while fixed is not None:
            yield fixed
        yield from self.stream

    def readline_feed(self, *args, **kwargs):
        # An iterator (not a function) as readline's side effect, as in
        # CPython: lines come from iteration, then '' for ever.
        yield from self.lines()
        while True:
            yield self.stream.readline(*args, **kwargs)

    def next_line(self):
        fixed = self.handle.readline.return_value
        return next(self.stream) if fixed is None else fixed


def mock_open(mock=None, read_data=''):
    """A MagicMock standing for open(): the file it returns reads
    read_data (read, readline, readlines, iteration) and records writes."""
    lib = _mock()
    if mock is None:
        mock = lib.MagicMock(name='open', spec=dir(open))
    handle = lib.MagicMock(spec=_file_names())
    fake = _FakeFile(read_data, handle)
    handle.__enter__.return_value = handle
    for method in ('write', 'read', 'readline', 'readlines'):
        getattr(handle, method).return_value = None
    handle.read.side_effect = fake.read
    handle.readlines.side_effect = fake.readlines
    handle.__iter__.side_effect = fake.lines
    handle.__next__.side_effect = fake.next_line
    feed = [fake.readline_feed()]
    handle.readline.side_effect = feed[0]

    def reopen(*args, **kwargs):
        fake.rewind()
        if handle.readline.side_effect == feed[0]:
            feed[0] = fake.readline_feed()
            handle.readline.side_effect = feed[0]
        return lib.DEFAULT

    mock.side_effect = reopen
    mock.return_value = handle
    return mock
