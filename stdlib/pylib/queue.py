# queue for asy: thread-safe queues for code using threads (threading,
# concurrent.futures). Waits go through threading.Condition, whose wait
# releases the interpreter lock and keeps the virtual clock informed.
#
# Every blocking call, put or get, bounded or simple, is the same question
# asked under one lock: "is there room / is there an item?". _wait_for
# answers it once for all of them with the block/timeout rules CPython
# documents (block=False: fail at once; timeout=None: wait forever;
# a negative timeout is an error even when no wait would be needed).

import threading
from collections import deque
from heapq import heappush as _heap_add, heappop as _heap_take
from time import monotonic as _now
from types import GenericAlias as _GenericAlias

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    """A get found nothing to take (non-blocking, or the timeout ran out)."""

    __module__ = '_queue'  # where CPython defines it


class Full(Exception):
    """A put found no room (non-blocking, or the timeout ran out)."""


def _wait_for(cond, ready, block, timeout, failure):
    # Called with cond's lock held; returns once ready() is true.
    if not block:
        if not ready():
            raise failure
        return
    if timeout is None:
        while not ready():
            cond.wait()
        return
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    deadline = _now() + timeout
    while not ready():
        left = deadline - _now()
        if left <= 0.0:
            raise failure
        cond.wait(left)


class Queue:
    """A FIFO queue for threads; maxsize <= 0 means unbounded.

    The storage is self.queue; subclasses change the order by overriding
    _init, _qsize, _put and _get, which always run with self.mutex held.
    """

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        # One lock; three conditions on it, for the three kinds of waiter.
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    __class_getitem__ = classmethod(_GenericAlias)

    # --- storage hooks ---

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    # --- the predicates waiters wait on (mutex held) ---

    def _has_item(self):
        return self._qsize() > 0

    def _has_room(self):
        return self._qsize() < self.maxsize

    def _all_done(self):
        return not self.unfinished_tasks

    # --- public API ---

    def put(self, item, block=True, timeout=None):
        """Add item, waiting for room as block and timeout allow (else Full)."""
        with self.not_full:
            if self.maxsize > 0:
                _wait_for(self.not_full, self._has_room, block, timeout, Full)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return an item, waiting as block and timeout allow (else Empty)."""
        with self.not_empty:
            _wait_for(self.not_empty, self._has_item, block, timeout, Empty)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        """put(item) that raises Full instead of waiting."""
        return self.put(item, block=False)

    def get_nowait(self):
        """get() that raises Empty instead of waiting."""
        return self.get(block=False)

    def task_done(self):
        """Mark one item taken by get() as fully processed (see join)."""
        with self.all_tasks_done:
            left = self.unfinished_tasks - 1
            if left < 0:
                raise ValueError('task_done() called too many times')
            if left == 0:
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = left

    def join(self):
        """Wait until every item ever put has been matched by a task_done()."""
        with self.all_tasks_done:
            self.all_tasks_done.wait_for(self._all_done)

    def qsize(self):
        """The number of items now queued (may change at once)."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """Whether no item is queued right now."""
        with self.mutex:
            return not self._qsize()

    def full(self):
        """Whether a bounded queue is at capacity right now."""
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()


class PriorityQueue(Queue):
    """A Queue that hands out the smallest item first (a heap in a list)."""

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        _heap_add(self.queue, item)

    def _get(self):
        return _heap_take(self.queue)


class LifoQueue(Queue):
    """A Queue that hands out the newest item first (a stack)."""

    def _init(self, maxsize):
        self.queue = []

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking; put never blocks."""

    __module__ = '_queue'  # where CPython defines it

    def __init__(self):
        self._items = deque()
        self._arrived = threading.Condition(threading.Lock())

    __class_getitem__ = classmethod(_GenericAlias)

    def put(self, item, block=True, timeout=None):
        """Add item; block and timeout are accepted and ignored."""
        with self._arrived:
            self._items.append(item)
            self._arrived.notify()

    def put_nowait(self, item):
        """The same as put(item)."""
        self.put(item)

    def get(self, block=True, timeout=None):
        """Remove and return the oldest item, waiting as block and timeout allow."""
        with self._arrived:
            _wait_for(self._arrived, self._items.__len__, block, timeout, Empty)
            return self._items.popleft()

    def get_nowait(self):
        """get() that raises Empty instead of waiting."""
        return self.get(False)

    def empty(self):
        """Whether no item is queued right now."""
        return not self._items

    def qsize(self):
        """The number of items now queued."""
        return len(self._items)
