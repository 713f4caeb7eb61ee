"""unittest.mock's special methods: which ones a MagicMock configures (and
how they answer before anyone configures them), which may be set, and the
hooks that put them on a mock's own class."""

import sys

from unittest._mockcall import DEFAULT

__unittest = True


def _dunders(words, prefixes=('',)):
    return {'__%s%s__' % (p, w) for w in words.split() for p in prefixes}


# Configured on every MagicMock (unless a spec leaves them out).
_MAGICS = (_dunders('lt le gt ge eq ne getitem setitem delitem len contains iter '
                    'hash str sizeof enter exit divmod rdivmod neg pos abs invert '
                    'complex int float index round trunc floor ceil bool next '
                    'fspath aiter')
           | _dunders('add sub mul matmul truediv floordiv mod lshift rshift and '
                      'xor or pow', ('', 'r', 'i')))
# Supported when set explicitly, never configured by default.
_NON_DEFAULTS = _dunders('get set delete reversed missing reduce reduce_ex '
                         'getinitargs getnewargs getstate setstate getformat '
                         'repr dir subclasses format getnewargs_ex')
_ASYNC_METHOD_MAGICS = _dunders('aenter aexit anext')
_SYNC_MAGICS = _MAGICS | _NON_DEFAULTS
_ALL_MAGICS = _SYNC_MAGICS | _ASYNC_METHOD_MAGICS
_DEFAULT_MAGICS = _MAGICS | _ASYNC_METHOD_MAGICS
_UNSUPPORTED_MAGICS = _dunders('getattr setattr init new prepare instancecheck '
                               'subclasscheck del')

def _is_magic(name):
    return len(name) > 4 and name[:2] == '__' == name[-2:]


def _object_sizeof(obj):
    plain = getattr(object, '__sizeof__', None)
    return plain(obj) if plain is not None else sys.getsizeof(object())


async def _async_items(items):
    for item in items:
        yield item


def _equality(mock, negate):
    # __eq__/__ne__ by identity unless a return value was configured;
    # NotImplemented lets the other operand (ANY, say) decide.
    def compare(other):
        own = getattr(mock, '__ne__' if negate else '__eq__')._st.ret
        if own is not DEFAULT:
            return DEFAULT if negate else own
        if mock is other:
            return not negate
        return NotImplemented
    return compare


def _iteration(mock, name, wrap):
    def start():
        given = getattr(mock, name)._st.ret
        return wrap(iter([] if given is DEFAULT else given))
    return start


# What a special method's mock does before anyone configures it:
# ('return', value), ('compute', f(mock) -> return value) or
# ('effect', f(mock) -> side effect).
_MAGIC_DEFAULTS = {
    '__lt__': ('return', NotImplemented), '__gt__': ('return', NotImplemented),
    '__le__': ('return', NotImplemented), '__ge__': ('return', NotImplemented),
    '__int__': ('return', 1), '__contains__': ('return', False),
    '__len__': ('return', 0), '__exit__': ('return', False),
    '__complex__': ('return', 1j), '__float__': ('return', 1.0),
    '__bool__': ('return', True), '__index__': ('return', 1),
    '__aexit__': ('return', False),
    '__hash__': ('compute', lambda m: object.__hash__(m)),
    '__str__': ('compute', lambda m: object.__str__(m)),
    '__sizeof__': ('compute', _object_sizeof),
    '__fspath__': ('compute', lambda m: '%s/%s/%s' % (type(m).__name__, m._path_name(), id(m))),
    '__eq__': ('effect', lambda m: _equality(m, False)),
    '__ne__': ('effect', lambda m: _equality(m, True)),
    '__iter__': ('effect', lambda m: _iteration(m, '__iter__', iter)),
    '__aiter__': ('effect', lambda m: _iteration(m, '__aiter__', _async_items)),
}


def _apply_magic_default(owner, child, name):
    how, what = _MAGIC_DEFAULTS.get(name, (None, None))
    if how == 'return':
        child.return_value = what
    elif how == 'compute':
        child.return_value = what(owner)
    elif how == 'effect':
        child.side_effect = what(owner)


class _SpecialHook(object):
    # Sits on a mock's own class for a special method. Reading it gives the
    # mock standing for the method (made on first use); implicit calls
    # (len(m), iter(m)...) reach that mock with the operation's arguments.
    # asy calls a non-function class attribute either through __get__ or
    # with the instance in front; the instance is dropped in that case.
    def __init__(self, name, owner, target=None):
        self.name = name
        self.owner = owner
        self.target = target

    def _resolve(self):
        if self.target is not None:
            return self.target
        return self.owner._make_magic(self.name)

    def __get__(self, obj, owner_type=None):
        return self._resolve()

    def __call__(self, /, *args, **kwargs):
        if args and args[0] is self.owner:
            args = args[1:]
        return self._resolve()(*args, **kwargs)


def _function_hook(func):
    # A plain function set as a special method gets the mock as self.
    def hook(inst, /, *args, **kwargs):
        return func(inst, *args, **kwargs)
    return hook


