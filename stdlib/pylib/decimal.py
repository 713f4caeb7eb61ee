# decimal: Decimal, Context and the signals are Go (decimal*.go, on
# cockroachdb/apd); this adds DecimalTuple, the named tuple as_tuple()
# returns, written out so that importing decimal does not load collections.


class DecimalTuple(tuple):
    'DecimalTuple(sign, digits, exponent)'

    __slots__ = ()
    _fields = ('sign', 'digits', 'exponent')
    _field_defaults = {}

    def __new__(cls, sign, digits, exponent):
        return tuple.__new__(cls, (sign, digits, exponent))

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != 3:
            raise TypeError(f'Expected 3 arguments, got {len(result)}')
        return result

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, self._fields, self))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def __repr__(self):
        return f'DecimalTuple(sign={self[0]!r}, digits={self[1]!r}, exponent={self[2]!r})'

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    sign = property(lambda self: self[0], doc='Alias for field number 0')
    digits = property(lambda self: self[1], doc='Alias for field number 1')
    exponent = property(lambda self: self[2], doc='Alias for field number 2')
