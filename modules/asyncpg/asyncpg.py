# asyncpg for asy: asyncpg's API over the native PostgreSQL core in
# _asyncpg (pgx, one goroutine per query). Connections, transactions and
# pools follow asyncpg's behaviour: one operation at a time per connection,
# `async with conn.transaction()` commits or rolls back, pools hand out
# connections and wait when all are busy.

import asyncio
import _asyncpg
from _asyncpg import *

exceptions = _asyncpg
__version__ = "0.27.0"

_ISOLATION = {"read_committed": "READ COMMITTED", "repeatable_read": "REPEATABLE READ",
              "serializable": "SERIALIZABLE", "read_uncommitted": "READ UNCOMMITTED"}


async def _with_timeout(aw, timeout):
    if timeout is None:
        return await aw
    return await asyncio.wait_for(aw, timeout)


class Transaction:
    def __init__(self, conn, isolation, readonly, deferrable):
        if isolation is not None and isolation not in _ISOLATION:
            raise ValueError(f"isolation is expected to be either of {sorted(_ISOLATION)}, got {isolation!r}")
        self._conn = conn
        self._isolation = isolation
        self._readonly = readonly
        self._deferrable = deferrable
        self._state = "new"
        self._savepoint = None

    async def start(self):
        if self._state != "new":
            raise _asyncpg.InterfaceError(f"cannot start; the transaction is already {self._state}")
        conn = self._conn
        if conn._top_transaction is None:
            query = "BEGIN"
            if self._isolation:
                query += " ISOLATION LEVEL " + _ISOLATION[self._isolation]
            if self._readonly:
                query += " READ ONLY"
            if self._deferrable:
                query += " DEFERRABLE"
            await conn.execute(query + ";")
            conn._top_transaction = self
        else:
            conn._savepoint_count += 1
            self._savepoint = f"asyncpg_savepoint_{conn._savepoint_count}"
            await conn.execute(f"SAVEPOINT {self._savepoint};")
        self._state = "started"

    async def _finish(self, commit):
        if self._state != "started":
            raise _asyncpg.InterfaceError(f"cannot {'commit' if commit else 'rollback'}; the transaction is {self._state}")
        conn = self._conn
        if self._savepoint is None:
            conn._top_transaction = None
            await conn.execute("COMMIT;" if commit else "ROLLBACK;")
        elif commit:
            await conn.execute(f"RELEASE SAVEPOINT {self._savepoint};")
        else:
            await conn.execute(f"ROLLBACK TO {self._savepoint};")
        self._state = "committed" if commit else "rolledback"

    async def commit(self):
        await self._finish(True)

    async def rollback(self):
        await self._finish(False)

    async def __aenter__(self):
        await self.start()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is None:
            await self._finish(True)
        else:
            await self._finish(False)

    def __repr__(self):
        return f"<asyncpg.Transaction state:{self._state} isolation:{self._isolation} at 0x{id(self):x}>"


class Connection:
    def __init__(self, handle):
        self._h = handle
        self._top_transaction = None
        self._savepoint_count = 0
        self._pool = None
        # A pooled connection the server dropped is released back to its
        # pool at once, as asyncpg's pool does; the script's reference is
        # then detached and every call says so.
        self._detached = False

    def _check(self, name):
        if self._detached:
            raise _asyncpg.InterfaceError(
                f"cannot call Connection.{name}(): connection has been released back to the pool")

    async def _op(self, aw, timeout):
        try:
            return await _with_timeout(aw, timeout)
        except _asyncpg.ConnectionDoesNotExistError:
            if self._pool is not None and not self._detached:
                self._detached = True
                self._pool._lost(self)
            raise

    async def execute(self, query, *args, timeout=None):
        self._check("execute")
        return await self._op(self._h._query("execute", query, args), timeout)

    async def executemany(self, command, args, *, timeout=None):
        self._check("executemany")
        return await self._op(self._h._executemany(command, args), timeout)

    async def fetch(self, query, *args, timeout=None, record_class=None):
        self._check("fetch")
        return await self._op(self._h._query("fetch", query, args), timeout)

    async def fetchrow(self, query, *args, timeout=None, record_class=None):
        self._check("fetchrow")
        return await self._op(self._h._query("fetchrow", query, args), timeout)

    async def fetchval(self, query, *args, column=0, timeout=None):
        self._check("fetchval")
        return await self._op(self._h._query("fetchval", query, args, column), timeout)

    def transaction(self, *, isolation=None, readonly=False, deferrable=False):
        self._check("transaction")
        return Transaction(self, isolation, readonly, deferrable)

    def is_in_transaction(self):
        self._check("is_in_transaction")
        return self._h._in_transaction()

    def is_closed(self):
        self._check("is_closed")
        return self._h._is_closed()

    async def close(self, *, timeout=None):
        self._check("close")
        await self._h._close()

    def terminate(self):
        self._check("terminate")
        self._h._terminate()

    def __repr__(self):
        return f"<asyncpg.connection.Connection object at 0x{id(self):x}>"


async def connect(dsn=None, *, host=None, port=None, user=None, password=None,
                  database=None, timeout=60, **kwargs):
    if dsn is None:
        dsn = "postgresql://"
        if user:
            dsn += user
            if password:
                dsn += ":" + password
            dsn += "@"
        dsn += (host or "localhost") + (f":{port}" if port else "") + "/" + (database or "")
    return Connection(await _asyncpg._connect(dsn, timeout))


class _PoolAcquire:
    def __init__(self, pool, timeout):
        self._pool = pool
        self._timeout = timeout
        self._conn = None

    def __await__(self):
        return self._pool._acquire(self._timeout).__await__()

    async def __aenter__(self):
        self._conn = await self._pool._acquire(self._timeout)
        return self._conn

    async def __aexit__(self, exc_type, exc, tb):
        conn, self._conn = self._conn, None
        await self._pool.release(conn)


class Pool:
    def __init__(self, dsn, min_size, max_size, connect_kwargs):
        if max_size <= 0:
            raise ValueError("max_size is expected to be greater than zero")
        if min_size < 0 or min_size > max_size:
            raise ValueError("min_size is expected to be greater or equal to zero and less or equal to max_size")
        self._dsn = dsn
        self._min_size = min_size
        self._max_size = max_size
        self._kwargs = connect_kwargs
        self._idle = []
        self._all = []
        self._opening = 0
        self._cond = None
        self._initialized = False
        self._closed = False

    async def _init(self):
        if self._initialized:
            return self
        self._cond = asyncio.Condition()
        conns = await asyncio.gather(*(connect(self._dsn, **self._kwargs) for _ in range(self._min_size)))
        for c in conns:
            c._pool = self
            self._all.append(c)
            self._idle.append(c)
        self._initialized = True
        return self

    def __await__(self):
        return self._init().__await__()

    async def __aenter__(self):
        await self._init()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def acquire(self, *, timeout=None):
        return _PoolAcquire(self, timeout)

    async def _acquire(self, timeout):
        if self._closed:
            raise _asyncpg.InterfaceError("pool is closed")
        if not self._initialized:
            raise _asyncpg.InterfaceError("pool is not initialized")
        return await _with_timeout(self._get(), timeout)

    async def _get(self):
        async with self._cond:
            while True:
                while self._idle:
                    conn = self._idle.pop()
                    if not conn.is_closed():
                        return conn
                    # the server ended it while idle: replace it
                    self._all.remove(conn)
                if len(self._all) + self._opening < self._max_size:
                    self._opening += 1
                    break
                await self._cond.wait()
        try:
            conn = await connect(self._dsn, **self._kwargs)
        finally:
            self._opening -= 1
        conn._pool = self
        self._all.append(conn)
        return conn

    def _lost(self, connection):
        # the server dropped it: forget it; the next acquire opens another
        if connection in self._all:
            self._all.remove(connection)
        if connection in self._idle:
            self._idle.remove(connection)

    async def release(self, connection, *, timeout=None):
        if connection._detached:
            async with self._cond:
                self._cond.notify()
            return
        if connection._pool is not self:
            raise _asyncpg.InterfaceError("Pool.release() received invalid connection: it does not belong to this pool")
        if connection.is_closed():
            # killed by the server or closed by the script: the pool opens
            # a new one when it is next needed, as asyncpg does
            async with self._cond:
                if connection in self._all:
                    self._all.remove(connection)
                self._cond.notify()
            return
        if connection._top_transaction is not None or connection.is_in_transaction():
            connection._top_transaction = None
            await connection.execute("ROLLBACK;")
        async with self._cond:
            self._idle.append(connection)
            self._cond.notify()

    async def execute(self, query, *args, timeout=None):
        async with self.acquire() as conn:
            return await conn.execute(query, *args, timeout=timeout)

    async def executemany(self, command, args, *, timeout=None):
        async with self.acquire() as conn:
            return await conn.executemany(command, args, timeout=timeout)

    async def fetch(self, query, *args, timeout=None, record_class=None):
        async with self.acquire() as conn:
            return await conn.fetch(query, *args, timeout=timeout)

    async def fetchrow(self, query, *args, timeout=None, record_class=None):
        async with self.acquire() as conn:
            return await conn.fetchrow(query, *args, timeout=timeout)

    async def fetchval(self, query, *args, column=0, timeout=None):
        async with self.acquire() as conn:
            return await conn.fetchval(query, *args, column=column, timeout=timeout)

    def get_size(self):
        return len(self._all)

    def get_idle_size(self):
        return len(self._idle)

    def get_min_size(self):
        return self._min_size

    def get_max_size(self):
        return self._max_size

    async def close(self):
        if self._closed:
            return
        self._closed = True
        conns, self._all, self._idle = self._all, [], []
        await asyncio.gather(*(c.close() for c in conns))

    def terminate(self):
        self._closed = True
        for c in self._all:
            c.terminate()
        self._all, self._idle = [], []

    def is_closing(self):
        return self._closed


def create_pool(dsn=None, *, min_size=10, max_size=10, max_queries=50000,
                max_inactive_connection_lifetime=300.0, setup=None, init=None,
                loop=None, connection_class=None, record_class=None, **connect_kwargs):
    return Pool(dsn, min_size, max_size, connect_kwargs)
