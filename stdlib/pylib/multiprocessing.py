# multiprocessing for asy: the parts scripts reach for to use every core —
# cpu_count, current_process, Pool — on concurrent.futures'
# ProcessPoolExecutor, whose workers are isolated interpreters in this
# process (no fork). As with CPython's spawn start method, functions travel
# by name: pass top-level functions of the main script.

import os
from concurrent.futures import ProcessPoolExecutor

__all__ = ["cpu_count", "current_process", "Pool", "TimeoutError"]

TimeoutError = TimeoutError


def cpu_count():
    return os.cpu_count()


class _Process:
    def __init__(self, name):
        self.name = name
        self.daemon = False

    def __repr__(self):
        return f"<_MainProcess name='{self.name}' parent=None started>"


_main = _Process("MainProcess")


def current_process():
    return _main


class AsyncResult:
    def __init__(self, future, callback=None, error_callback=None):
        self._future = future
        if callback is not None or error_callback is not None:
            def done(f):
                exc = f.exception()
                if exc is None:
                    if callback is not None:
                        callback(f.result())
                elif error_callback is not None:
                    error_callback(exc)
            future.add_done_callback(done)

    def get(self, timeout=None):
        return self._future.result(timeout)

    def wait(self, timeout=None):
        try:
            self._future.result(timeout)
        except BaseException:
            pass

    def ready(self):
        return self._future.done()

    def successful(self):
        if not self._future.done():
            raise ValueError(f"{self!r} not ready")
        return self._future.exception() is None


class Pool:
    """A process pool: map/starmap/imap/apply/apply_async and friends."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if processes is not None and processes < 1:
            raise ValueError("Number of processes must be at least 1")
        self._processes = processes or cpu_count()
        self._ex = ProcessPoolExecutor(self._processes)
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError("Pool not running")

    def map(self, func, iterable, chunksize=None):
        self._check()
        return list(self._ex.map(func, iterable))

    def starmap(self, func, iterable, chunksize=None):
        self._check()
        futures = [self._ex.submit(func, *args) for args in iterable]
        return [f.result() for f in futures]

    def imap(self, func, iterable, chunksize=1):
        self._check()
        return iter(self.map(func, iterable))

    def imap_unordered(self, func, iterable, chunksize=1):
        return self.imap(func, iterable)

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check()
        return AsyncResult(self._ex.submit(func, *args, **kwds), callback, error_callback)

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        self._check()
        items = list(iterable)
        futures = [self._ex.submit(func, x) for x in items]
        return _ListResult(futures, callback, error_callback)

    def close(self):
        self._closed = True

    def terminate(self):
        self._closed = True
        self._ex.shutdown(wait=False, cancel_futures=True)

    def join(self):
        if not self._closed:
            raise ValueError("Pool is still running")
        self._ex.shutdown(wait=True)

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __repr__(self):
        state = "CLOSE" if self._closed else "RUN"
        return f"<multiprocessing.pool.Pool state={state} pool_size={self._processes}>"


class _ListResult:
    # map_async's result: the results of several futures as one list.
    def __init__(self, futures, callback, error_callback):
        self._futures = futures
        self._callback, self._error_callback = callback, error_callback

    def get(self, timeout=None):
        try:
            out = [f.result(timeout) for f in self._futures]
        except BaseException as e:
            if self._error_callback is not None:
                self._error_callback(e)
            raise
        if self._callback is not None:
            self._callback(out)
        return out

    def ready(self):
        return all(f.done() for f in self._futures)

    def wait(self, timeout=None):
        for f in self._futures:
            try:
                f.result(timeout)
            except BaseException:
                pass
