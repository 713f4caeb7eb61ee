# threading for asy: the synchronisation classes, written over the native
# module (stdlib/threading*.go), whose namespace this file runs in. The
# native side gives Thread, Lock, RLock, get_ident and _Waiter: a one-shot
# event a thread parks on with the interpreter lock released, which also
# tells the virtual clock the thread is blocked (so time moves on for the
# threads that sleep) and counts it as running again the moment it is woken.
# Everything that waits here waits on a _Waiter, through Condition.

from _collections import deque as _deque
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

ThreadError = RuntimeError

_trace_hook = None
_profile_hook = None


# Tracing and profiling are not supported: the hooks are remembered and
# never called.
def settrace(func):
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook


def setprofile(func):
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


def stack_size(size=0):
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    return 0


class ExceptHookArgs:
    # What excepthook receives when a thread's run() raises.
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __iter__(self):
        return iter((self.exc_type, self.exc_value, self.exc_traceback, self.thread))

    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)"
                % (self.exc_type, self.exc_value, self.exc_traceback, self.thread))


_EXPIRED = object()


class _Deadline:
    """A timeout counted down over a loop of waits. next_wait() is how long
    the next wait may last: None without a limit, the whole timeout the first
    time (a first wait always happens, whatever the timeout), then what is
    left, or _EXPIRED once that has run out."""

    __slots__ = ('_timeout', '_end')

    def __init__(self, timeout):
        self._timeout = timeout
        self._end = None

    def next_wait(self):
        if self._timeout is None:
            return None
        if self._end is None:
            self._end = _time() + self._timeout
            return self._timeout
        left = self._end - _time()
        return left if left > 0 else _EXPIRED


def _object_repr(obj, detail):
    kind = type(obj)
    return "<%s.%s at %#x: %s>" % (kind.__module__, kind.__qualname__, id(obj), detail)


def _held_by_someone(lock):
    # A plain Lock has no owner: held by anyone is the best it can tell.
    if lock.acquire(False):
        lock.release()
        return False
    return True


class Condition:
    """A condition variable over a lock (an RLock by default).

    Each waiter parks on its own _Waiter after releasing the lock; notify
    sets the oldest ones. A waiter set before it blocks returns at once, so
    a notify between the release and the wait is never lost.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire, self.release = lock.acquire, lock.release
        # An RLock can give up its whole recursion and take it back, and knows
        # its owner; for a plain Lock, one release/acquire and a probe do.
        self._release_save = getattr(lock, '_release_save', lock.release)
        self._acquire_restore = getattr(lock, '_acquire_restore', lambda saved: lock.acquire())
        self._is_owned = getattr(lock, '_is_owned', lambda: _held_by_someone(lock))
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _require_owner(self, verb):
        if not self._is_owned():
            raise RuntimeError("cannot %s on un-acquired lock" % verb)

    def wait(self, timeout=None):
        self._require_owner("wait")
        waiter = _Waiter()
        self._waiters.append(waiter)
        saved = self._release_save()
        woken = False
        try:
            woken = waiter.wait() if timeout is None else waiter.wait(max(timeout, 0))
            return woken
        finally:
            self._acquire_restore(saved)
            if not woken and waiter in self._waiters:
                # Timed out. A waiter's outcome is settled once, so a notify
                # that came too late woke nobody and went to the next one.
                self._waiters.remove(waiter)

    def wait_for(self, predicate, timeout=None):
        deadline = _Deadline(timeout)
        outcome = predicate()
        while not outcome:
            wait = deadline.next_wait()
            if wait is _EXPIRED:
                break
            self.wait(wait)
            outcome = predicate()
        return outcome

    def notify(self, n=1):
        self._require_owner("notify")
        woken = 0
        while self._waiters and woken < n:
            # set() is False for a waiter that already timed out: skip it.
            if self._waiters.popleft().set():
                woken += 1

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    """A counter: acquire waits while it is zero, release adds to it."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return _object_repr(self, "value=%d" % self._value)

    def acquire(self, blocking=True, timeout=None):
        if timeout is not None and not blocking:
            raise ValueError("can't specify timeout for non-blocking acquire")
        deadline = _Deadline(timeout)
        with self._cond:
            while self._value == 0:
                wait = deadline.next_wait() if blocking else _EXPIRED
                if wait is _EXPIRED:
                    return False
                self._cond.wait(wait)
            self._value -= 1
            return True

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _check_release(self, n):
        pass

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._check_release(n)
            self._value += n
            self._cond.notify(n)


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to go above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        return _object_repr(self, "value=%d/%d" % (self._value, self._initial_value))

    def _check_release(self, n):
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")


class Event:
    """A flag threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        return _object_repr(self, 'set' if self._flag else 'unset')

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            return self._flag or self._cond.wait(timeout)


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Lets `parties` threads wait until all of them have arrived.

    A barrier goes round in cycles. While 'open' it takes arrivals; the last
    arrival runs the action and 'releases' everyone; the last thread to leave
    opens it for the next cycle, so a thread coming round again waits for
    that. reset() marks a cycle in progress as 'resetting' (its waiters fail)
    and abort() or a failed wait leaves it 'broken' until reset().
    """

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._phase = 'open'
        self._inside = 0  # threads between arriving and leaving

    def __repr__(self):
        if self.broken:
            return _object_repr(self, "broken")
        return _object_repr(self, "waiters=%d/%d" % (self.n_waiting, self.parties))

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # a thread from the next cycle waits until this one has emptied
            self._cond.wait_for(lambda: self._phase not in ('released', 'resetting'))
            if self._phase == 'broken':
                raise BrokenBarrierError
            index = self._inside
            self._inside += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                elif not self._cond.wait_for(lambda: self._phase != 'open', timeout):
                    self._break()
                    raise BrokenBarrierError
                elif self._phase != 'released':
                    raise BrokenBarrierError
                return index
            finally:
                self._inside -= 1
                if self._inside == 0 and self._phase in ('released', 'resetting'):
                    self._phase = 'open'
                    self._cond.notify_all()

    def _trip(self):
        try:
            if self._action:
                self._action()
        except BaseException:
            self._break()
            raise
        self._phase = 'released'
        self._cond.notify_all()

    def reset(self):
        with self._cond:
            if not self._inside:
                self._phase = 'open'
            elif self._phase in ('open', 'broken'):
                self._phase = 'resetting'
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._phase = 'broken'
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._inside if self._phase == 'open' else 0

    @property
    def broken(self):
        return self._phase == 'broken'


class Timer(Thread):
    """Call a function after `interval` seconds unless cancelled first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        # finished doubles as the cancel flag: set before the interval ends, it
        # stops the call
        cancelled = self.finished.wait(self.interval)
        if not cancelled:
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class local:
    """Attributes seen only by the thread that set them.

    Each thread gets its own attribute dict, keyed by get_ident(); a
    subclass's __init__ runs again, with the original arguments, the first
    time another thread touches the object.
    """

    def __new__(cls, *args, **kw):
        if (args or kw) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, '_local__impl', ({get_ident(): {}}, args, kw))
        return self

    def __getattribute__(self, name):
        if name.startswith('_local__'):
            return object.__getattribute__(self, name)
        d = _local_dict(self)
        if name == '__dict__':
            return d
        # Data descriptors of the class win over the per-thread dict, the
        # dict wins over everything else, as with an instance dict.
        attr = getattr(type(self), name, _missing)
        if attr is not _missing and hasattr(type(attr), '__set__'):
            return object.__getattribute__(self, name)
        if name in d:
            return d[name]
        if attr is not _missing:
            return object.__getattribute__(self, name)
        raise AttributeError("'%s' object has no attribute '%s'" % (_local_name(self), name))

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError("'%s' object attribute '__dict__' is read-only" % _local_name(self))
        attr = getattr(type(self), name, _missing)
        if attr is not _missing and hasattr(type(attr), '__set__'):
            return object.__setattr__(self, name, value)
        _local_dict(self)[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError("'%s' object attribute '__dict__' is read-only" % _local_name(self))
        d = _local_dict(self)
        if name not in d:
            raise AttributeError(name)
        del d[name]


_missing = object()


def _local_name(obj):
    cls = type(obj)
    return '_thread._local' if cls is local else cls.__name__


def _local_dict(obj):
    dicts, args, kw = object.__getattribute__(obj, '_local__impl')
    key = get_ident()
    d = dicts.get(key)
    if d is None:
        d = {}
        dicts[key] = d
        # The creating thread ran __init__ through the constructor (its
        # dict is made in __new__); any other thread runs it on first use.
        if type(obj).__init__ is not object.__init__:
            type(obj).__init__(obj, *args, **kw)
    return d


currentThread = current_thread
activeCount = active_count
