# itertools for asy. Each iterator is a class named as in CPython, so
# type(x).__name__ and isinstance checks work. Most keep their state in a
# private generator; islice, groupby and tee follow CPython's C code step
# by step because callers can observe how far the source was consumed.
#
# Constructors call iter() (or materialize their input) eagerly where
# CPython does, so "'int' object is not iterable" surfaces at the same line.

import sys as _sys

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']


def _index(v):
    # The integer value of v as PyNumber_Index sees it, or raise TypeError.
    if isinstance(v, int):
        return int(v)
    meth = getattr(type(v), '__index__', None)
    if meth is None:
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    return meth(v)


def _nargs(name, args, lo, hi=None):
    n = len(args)
    if hi is None:
        hi = lo
    if lo == hi and n != lo:
        raise TypeError(f"{name} expected {lo} argument{'s' if lo != 1 else ''}, got {n}")
    if n < lo:
        raise TypeError(f'{name} expected at least {lo} arguments, got {n}')
    if n > hi:
        raise TypeError(f'{name} expected at most {hi} arguments, got {n}')


class _GenIter:
    # Base for iterators whose state lives in the generator self._gen.
    __slots__ = ('_gen',)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


def _is_number(v):
    if isinstance(v, (int, float, complex)):
        return True
    t = type(v)
    return hasattr(t, '__index__') or hasattr(t, '__int__') or hasattr(t, '__float__')


class count:
    __slots__ = ('_n', '_step')

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return f'count({self._n!r})'
        return f'count({self._n!r}, {step!r})'


class cycle:
    __slots__ = ('_it', '_saved', '_index')

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is not None:
            try:
                item = next(self._it)
            except StopIteration:
                self._it = None
            else:
                self._saved.append(item)
                return item
        saved = self._saved
        if not saved:
            raise StopIteration
        item = saved[self._index]
        self._index = (self._index + 1) % len(saved)
        return item


_no_object = object()


class repeat:
    __slots__ = ('_object', '_times')

    def __init__(self, object=_no_object, times=None):
        if object is _no_object:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        self._object = object
        if times is not None:
            times = _index(times)
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._object!r})'
        return f'repeat({self._object!r}, {self._times})'


class accumulate(_GenIter):
    __slots__ = ()

    def __init__(self, iterable, func=None, *, initial=None):
        self._gen = self._run(iter(iterable), func, initial)

    @staticmethod
    def _run(it, func, total):
        if total is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        if func is None:
            for element in it:
                total = total + element
                yield total
        else:
            for element in it:
                total = func(total, element)
                yield total


class chain:
    __slots__ = ('_source', '_active')

    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        self = cls.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                # StopIteration here ends the chain.
                self._active = iter(next(self._source))
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


class compress(_GenIter):
    __slots__ = ()

    def __init__(self, data, selectors):
        self._gen = self._run(iter(data), iter(selectors))

    @staticmethod
    def _run(data, selectors):
        for d, s in zip(data, selectors):
            if s:
                yield d


class dropwhile(_GenIter):
    __slots__ = ()

    def __init__(self, *args):
        _nargs('dropwhile', args, 2)
        predicate, iterable = args
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for x in it:
            if not predicate(x):
                yield x
                break
        yield from it


class takewhile(_GenIter):
    __slots__ = ()

    def __init__(self, *args):
        _nargs('takewhile', args, 2)
        predicate, iterable = args
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for x in it:
            if not predicate(x):
                return
            yield x


class filterfalse(_GenIter):
    __slots__ = ()

    def __init__(self, *args):
        _nargs('filterfalse', args, 2)
        predicate, iterable = args
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        if predicate is None:
            predicate = bool
        for x in it:
            if not predicate(x):
                yield x


class starmap(_GenIter):
    __slots__ = ()

    def __init__(self, *args):
        _nargs('starmap', args, 2)
        function, iterable = args
        self._gen = self._run(function, iter(iterable))

    @staticmethod
    def _run(function, it):
        for args in it:
            if type(args) is not tuple:
                args = tuple(args)
            yield function(*args)


_none = object()  # "no key/value yet", since None is a valid key


def _eq(a, b):
    return a is b or a == b


class groupby:
    # tgtkey is the key of the group handed out last, currkey/currvalue the
    # item read ahead; only the newest _grouper may read on.
    __slots__ = ('_it', '_keyfunc', '_tgtkey', '_currkey', '_currvalue', '_currgrouper')

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = _none
        self._currkey = _none
        self._currvalue = _none
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._currgrouper = None
        while True:
            if self._currkey is _none:
                pass
            elif self._tgtkey is _none:
                break
            elif not _eq(self._tgtkey, self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _grouper:
    __slots__ = ('_parent', '_tgtkey')

    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        gb = self._parent
        if gb._currgrouper is not self:
            raise StopIteration
        if gb._currvalue is _none:
            gb._step()
        if not _eq(self._tgtkey, gb._currkey):
            raise StopIteration
        value = gb._currvalue
        gb._currvalue = _none
        gb._currkey = _none
        return value


def _ssize(v):
    # PyNumber_AsSsize_t with its error cleared: -1 for anything unusable.
    try:
        n = _index(v)
    except TypeError:
        return -1
    if n > _sys.maxsize or n < -_sys.maxsize - 1:
        return -1
    return n


_STOP_MSG = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.'


class islice:
    __slots__ = ('_it', '_next', '_stop', '_step', '_cnt')

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError('islice() takes no keyword arguments')
        _nargs('islice', args, 2, 4)
        seq = args[0]
        start = 0
        stop = -1
        step = 1
        if len(args) == 2:
            if args[1] is not None:
                stop = _ssize(args[1])
                if stop == -1:
                    raise ValueError(_STOP_MSG)
        else:
            if args[1] is not None:
                start = _ssize(args[1])
            if args[2] is not None:
                stop = _ssize(args[2])
                if stop == -1:
                    raise ValueError(_STOP_MSG)
        if start < 0 or stop < -1:
            raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
        if len(args) == 4 and args[3] is not None:
            step = _ssize(args[3])
        if step < 1:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(seq)
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._cnt < self._next:
                next(it)
                self._cnt += 1
            if stop != -1 and self._cnt >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        self._next += self._step
        if stop != -1 and self._next > stop:
            # Leaves the items up to stop to be consumed on the next call.
            self._next = stop
        return item


class _tee_link:
    __slots__ = ('value', 'next')

    def __init__(self):
        self.next = None


class _tee:
    # Tees made from one iterator share a singly linked list of read-ahead
    # values; each holds its own position in it.
    __slots__ = ('_it', '_link')

    def __init__(self, iterable):
        if isinstance(iterable, _tee):
            self._it = iterable._it
            self._link = iterable._link
        else:
            self._it = iter(iterable)
            self._link = _tee_link()

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._it)
            link.value = value
            link.next = _tee_link()
        self._link = link.next
        return link.value

    def __copy__(self):
        new = _tee.__new__(_tee)
        new._it = self._it
        new._link = self._link
        return new


def tee(iterable, n=2):
    n = _index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    copier = getattr(type(it), '__copy__', None)
    first = it if copier is not None else _tee(it)
    result = [first]
    for _ in range(1, n):
        result.append(first.__copy__())
    return tuple(result)


class zip_longest(_GenIter):
    __slots__ = ()

    def __init__(self, *iterables, fillvalue=None):
        self._gen = self._run([iter(it) for it in iterables], fillvalue)

    @staticmethod
    def _run(iterators, fillvalue):
        active = len(iterators)
        if not active:
            return
        while True:
            values = []
            for i, it in enumerate(iterators):
                if it is None:
                    values.append(fillvalue)
                    continue
                try:
                    value = next(it)
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    iterators[i] = None
                    value = fillvalue
                values.append(value)
            yield tuple(values)


class product(_GenIter):
    __slots__ = ()

    def __init__(self, *iterables, repeat=1):
        repeat = _index(repeat)
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(pool) for pool in iterables] * repeat
        self._gen = self._run(pools)

    @staticmethod
    def _run(pools):
        n = len(pools)
        for pool in pools:
            if not pool:
                return
        indices = [0] * n
        yield tuple(pool[0] for pool in pools)
        while True:
            # Advance the rightmost index that can move, like an odometer.
            i = n - 1
            while i >= 0:
                indices[i] += 1
                if indices[i] < len(pools[i]):
                    break
                indices[i] = 0
                i -= 1
            if i < 0:
                return
            yield tuple(pools[k][indices[k]] for k in range(n))


def _r_arg(r):
    r = _index(r)
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


class permutations(_GenIter):
    __slots__ = ()

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        if r is not None and not isinstance(r, int):
            raise TypeError('Expected int as r')
        r = len(pool) if r is None else _r_arg(r)
        self._gen = self._run(pool, r)

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            i = r - 1
            while i >= 0:
                cycles[i] -= 1
                if cycles[i] == 0:
                    # Rotate indices[i:] left by one and restart this position.
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[k] for k in indices[:r])
                    break
                i -= 1
            if i < 0:
                return


class combinations(_GenIter):
    __slots__ = ()

    def __init__(self, iterable=_no_object, r=_no_object):
        if iterable is _no_object:
            raise TypeError("combinations() missing required argument 'iterable' (pos 1)")
        if r is _no_object:
            raise TypeError("combinations() missing required argument 'r' (pos 2)")
        pool = tuple(iterable)
        self._gen = self._run(pool, _r_arg(r))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            # The rightmost index not yet at its maximum n - r + i.
            i = r - 1
            while i >= 0 and indices[i] == i + n - r:
                i -= 1
            if i < 0:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_GenIter):
    __slots__ = ()

    def __init__(self, iterable=_no_object, r=_no_object):
        if iterable is _no_object:
            raise TypeError("combinations_with_replacement() missing required argument 'iterable' (pos 1)")
        if r is _no_object:
            raise TypeError("combinations_with_replacement() missing required argument 'r' (pos 2)")
        pool = tuple(iterable)
        self._gen = self._run(pool, _r_arg(r))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            i = r - 1
            while i >= 0 and indices[i] == n - 1:
                i -= 1
            if i < 0:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)


class pairwise(_GenIter):
    __slots__ = ()

    def __init__(self, iterable):
        self._gen = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        try:
            a = next(it)
        except StopIteration:
            return
        for b in it:
            yield (a, b)
            a = b
