"""unittest.mock's vocabulary of calls: sentinel/DEFAULT, ANY, the call
records (_Call, call) and _CallList. unittest.mock re-exports them."""

import pprint

__unittest = True


class _SentinelObject(object):
    # One named marker; identity is what matters, the name is for reprs.
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'sentinel.' + self.name

    def __reduce__(self):
        return 'sentinel.' + self.name


class _Sentinel(object):
    """Unique named objects: sentinel.name is always the same object."""

    def __init__(self):
        self._made = {}

    def __getattr__(self, name):
        if name == '__bases__':
            # Keeps sentinel from looking like a class to introspection.
            raise AttributeError
        made = self._made.get(name)
        if made is None:
            made = self._made[name] = _SentinelObject(name)
        return made

    def __reduce__(self):
        return 'sentinel'


sentinel = _Sentinel()
DEFAULT = sentinel.DEFAULT


class _ANY(object):
    """Equal to everything."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        return '<ANY>'


ANY = _ANY()


def _format_call_signature(name, args, kwargs):
    shown = [repr(a) for a in args]
    shown.extend('%s=%r' % pair for pair in kwargs.items())
    return name + '(' + ', '.join(shown) + ')'


def _unpack(value):
    """The (name, args, kwargs) a call-like tuple of 0 to 3 items stands
    for; a lone or leading string is a name, a tuple positional arguments,
    anything else keyword arguments. None when it is no call at all."""
    size = len(value)
    if size == 3:
        return tuple(value)
    if size == 0:
        return '', (), {}
    if size == 2:
        head, tail = value
        if not isinstance(head, str):
            return '', head, tail
        return (head, tail, {}) if isinstance(tail, tuple) else (head, (), tail)
    if size == 1:
        (only,) = value
        if isinstance(only, str):
            return only, (), {}
        return ('', only, {}) if isinstance(only, tuple) else ('', (), only)
    return None


class _Call(tuple):
    """A call: (args, kwargs) as recorded in call_args, (name, args, kwargs)
    in mock_calls. `call` builds expected ones: call.name(...), call(...)."""

    def __new__(cls, value=(), name='', parent=None, two=False, from_kall=True):
        label, args, kwargs = _unpack(value)
        return tuple.__new__(cls, (args, kwargs) if two else (label, args, kwargs))

    def __init__(self, value=(), name=None, parent=None, two=False, from_kall=True):
        # _path: the dotted name a chain built from `call` has reached
        # (None for `call` itself); _up: the link before it; _made_by_call:
        # False for the attribute steps of a chain, which are not calls.
        self._path = name
        self._up = parent
        self._made_by_call = from_kall

    def _triple(self):
        return ('',) + tuple(self) if len(self) == 2 else tuple(self)

    def __eq__(self, other):
        try:
            theirs = _unpack(other)
        except TypeError:
            return NotImplemented
        if theirs is None:
            return False
        # Chains compare link by link: call.a(1).b() differs from call.a(2).b().
        mine_up = self.__dict__.get('_up')
        their_up = getattr(other, '__dict__', {}).get('_up') if isinstance(other, _Call) else None
        if mine_up and their_up and mine_up != their_up:
            return False
        name, args, kwargs = self._triple()
        if name and theirs[0] != name:
            return False
        return (theirs[1], theirs[2]) == (args, kwargs)

    def __ne__(self, other):
        same = self.__eq__(other)
        return same if same is NotImplemented else not same

    __hash__ = None

    def __call__(self, /, *args, **kwargs):
        if self._path is None:
            return _Call(('', args, kwargs), name='()')
        return _Call((self._path, args, kwargs), name=self._path + '()', parent=self)

    def __getattr__(self, attr):
        if attr[:2] == '__' == attr[-2:]:
            raise AttributeError(attr)
        if self._path is None:
            return _Call(name=attr, from_kall=False)
        return _Call(name=self._path + '.' + attr, parent=self, from_kall=False)

    def __getattribute__(self, attr):
        # tuple's count and index would hide call.count(...) and friends.
        if attr in ('count', 'index'):
            raise AttributeError
        return tuple.__getattribute__(self, attr)

    @property
    def args(self):
        return self._triple()[1]

    @property
    def kwargs(self):
        return self._triple()[2]

    def __repr__(self):
        if not self._made_by_call:
            path = self._path or 'call'
            return 'call' + path if path.startswith('()') else path
        name, args, kwargs = self._triple()
        if not name:
            prefix = 'call'
        elif name.startswith('()'):
            prefix = 'call' + name
        else:
            prefix = 'call.' + name
        return _format_call_signature(prefix, args, kwargs)

    def call_list(self):
        """The calls along a chain, e.g. call.a(1).b(2) gives
        [call.a(1), call.a().b(2)]."""
        links = []
        node = self
        while node is not None:
            if node._made_by_call:
                links.append(node)
            node = node._up
        links.reverse()
        return _CallList(links)


call = _Call(from_kall=False)


class _CallList(list):
    """A list of calls; `in` also finds a list of calls as a contiguous run."""

    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        width = len(value)
        return any(self[start:start + width] == value
                   for start in range(len(self) - width + 1))

    def __repr__(self):
        return pprint.pformat(list(self))
