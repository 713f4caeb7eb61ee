# aiosqlite for asy: the same API as the Python package, built the way it is
# built — each connection owns one worker thread that runs its sqlite3 calls
# in order — on asy's thread pool executor. sqlite3 releases the interpreter
# lock while SQLite works, so several connections really run at once.

import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from sqlite3 import (Error, Warning, DatabaseError, DataError, IntegrityError,
                     InterfaceError, InternalError, NotSupportedError,
                     OperationalError, ProgrammingError, Row, sqlite_version)

__version__ = "0.17.0"

_connection_count = 0


class _Job:
    """One call run on a connection's worker thread."""

    def __init__(self, fn, args):
        self.fn, self.args = fn, args
        self.started = self.finished = False

    def run(self):
        self.started = True
        try:
            return self.fn(*self.args)
        finally:
            self.finished = True


class Result:
    """What execute() and cursor() return: awaitable, and an async context
    manager that closes the cursor on exit."""

    __slots__ = ("_coro", "_obj")

    def __init__(self, coro):
        self._coro = coro
        self._obj = None

    def send(self, value):
        return self._coro.send(value)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._obj = await self._coro
        return self._obj

    async def __aexit__(self, exc_type, exc, tb):
        if isinstance(self._obj, Cursor):
            await self._obj.close()


class Cursor:
    def __init__(self, conn, cursor):
        self.iter_chunk_size = conn._iter_chunk_size
        self._conn = conn
        self._cursor = cursor

    def __aiter__(self):
        return self._fetch_chunked()

    async def _fetch_chunked(self):
        while True:
            rows = await self.fetchmany(self.iter_chunk_size)
            if not rows:
                return
            for row in rows:
                yield row

    async def _execute(self, fn, *args):
        return await self._conn._execute(fn, *args)

    async def execute(self, sql, parameters=None):
        if parameters is None:
            parameters = []
        await self._execute(self._cursor.execute, sql, parameters)
        return self

    async def executemany(self, sql, parameters):
        await self._execute(self._cursor.executemany, sql, parameters)
        return self

    async def executescript(self, sql_script):
        await self._execute(self._cursor.executescript, sql_script)
        return self

    async def fetchone(self):
        return await self._execute(self._cursor.fetchone)

    async def fetchmany(self, size=None):
        if size is None:
            size = self.arraysize
        return await self._execute(self._cursor.fetchmany, size)

    async def fetchall(self):
        return await self._execute(self._cursor.fetchall)

    async def close(self):
        await self._execute(self._cursor.close)

    @property
    def rowcount(self):
        return self._cursor.rowcount

    @property
    def lastrowid(self):
        return self._cursor.lastrowid

    @property
    def arraysize(self):
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value):
        self._cursor.arraysize = value

    @property
    def description(self):
        return self._cursor.description

    @property
    def row_factory(self):
        return self._cursor.row_factory

    @row_factory.setter
    def row_factory(self, factory):
        self._cursor.row_factory = factory

    @property
    def connection(self):
        return self._cursor.connection

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()


class Connection:
    def __init__(self, connector, iter_chunk_size):
        global _connection_count
        _connection_count += 1
        self._connector = connector
        self._iter_chunk_size = iter_chunk_size
        self._connection = None
        self._running = False
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=f"aiosqlite-{_connection_count}")

    @property
    def _conn(self):
        if self._connection is None:
            raise ValueError("no active connection")
        return self._connection

    async def _execute(self, fn, *args):
        if not self._running or self._connection is None:
            raise ValueError("Connection closed")
        loop = asyncio.get_running_loop()
        job = _Job(fn, args)
        try:
            return await loop.run_in_executor(self._executor, job.run)
        except asyncio.CancelledError:
            # A cancelled task (wait_for, timeout()) stops its statement on
            # the worker rather than leaving it to run on; one still queued
            # is simply not run. The result is dropped either way.
            if job.started and not job.finished:
                self._connection.interrupt()
            raise

    async def _connect(self):
        if self._connection is None:
            self._running = True
            loop = asyncio.get_running_loop()
            try:
                self._connection = await loop.run_in_executor(self._executor, self._connector)
                self._connection._asy_interruptible()
            except BaseException:
                self._running = False
                self._executor.shutdown(wait=False)
                raise
        return self

    def __await__(self):
        return self._connect().__await__()

    async def __aenter__(self):
        return await self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def cursor(self):
        return Result(self._cursor())

    async def _cursor(self):
        return Cursor(self, await self._execute(self._conn.cursor))

    async def commit(self):
        await self._execute(self._conn.commit)

    async def rollback(self):
        await self._execute(self._conn.rollback)

    async def close(self):
        try:
            await self._execute(self._conn.close)
        finally:
            self._running = False
            self._connection = None
            self._executor.shutdown(wait=False)

    def execute(self, sql, parameters=None):
        return Result(self._execute_cursor("execute", sql, [] if parameters is None else parameters))

    def executemany(self, sql, parameters):
        return Result(self._execute_cursor("executemany", sql, parameters))

    def executescript(self, sql_script):
        return Result(self._execute_cursor("executescript", sql_script))

    async def _execute_cursor(self, method, *args):
        cursor = await self._execute(getattr(self._conn, method), *args)
        return Cursor(self, cursor)

    async def execute_insert(self, sql, parameters=None):
        def run():
            cursor = self._conn.execute(sql, [] if parameters is None else parameters)
            cursor.execute("SELECT last_insert_rowid()")
            return cursor.fetchone()
        return await self._execute(run)

    async def execute_fetchall(self, sql, parameters=None):
        def run():
            return self._conn.execute(sql, [] if parameters is None else parameters).fetchall()
        return await self._execute(run)

    @property
    def in_transaction(self):
        return self._conn.in_transaction

    @property
    def isolation_level(self):
        return self._conn.isolation_level

    @isolation_level.setter
    def isolation_level(self, value):
        self._conn.isolation_level = value

    @property
    def row_factory(self):
        return self._conn.row_factory

    @row_factory.setter
    def row_factory(self, factory):
        self._conn.row_factory = factory

    @property
    def text_factory(self):
        return self._conn.text_factory

    @text_factory.setter
    def text_factory(self, factory):
        self._conn.text_factory = factory

    # Callbacks registered here run on the connection's worker thread, where
    # its statements run.
    async def create_function(self, name, num_params, func, deterministic=False):
        await self._execute(lambda: self._conn.create_function(name, num_params, func, deterministic=deterministic))

    async def set_progress_handler(self, handler, n):
        await self._execute(self._conn.set_progress_handler, handler, n)

    async def set_trace_callback(self, handler):
        await self._execute(self._conn.set_trace_callback, handler)

    async def iterdump(self):
        for line in await self._execute(lambda: list(self._conn.iterdump())):
            yield line

    async def backup(self, target, *, pages=0, progress=None, name="main", sleep=0.250):
        if isinstance(target, Connection):
            target = target._conn
        await self._execute(lambda: self._conn.backup(target, pages=pages, progress=progress, name=name, sleep=sleep))

    async def interrupt(self):
        return self._conn.interrupt()

    @property
    def total_changes(self):
        return self._conn.total_changes


def connect(database, *, iter_chunk_size=64, loop=None, **kwargs):
    def connector():
        return sqlite3.connect(database, **kwargs)
    return Connection(connector, iter_chunk_size)
