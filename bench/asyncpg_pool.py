# asyncpg: a pool of 10 connections serving 10,000 gathered fetchval calls.
# Needs the server the tests use: postgresql://postgres@127.0.0.1:54329/postgres.
import asyncio
import asyncpg


async def main():
    pool = await asyncpg.create_pool("postgresql://postgres@127.0.0.1:54329/postgres", min_size=10, max_size=10)
    values = await asyncio.gather(*(pool.fetchval("SELECT $1::int + 1", i) for i in range(10000)))
    print(len(values), sum(values))
    await pool.close()


asyncio.run(main())
