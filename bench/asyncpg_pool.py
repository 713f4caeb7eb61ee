# asyncpg: a pool of 10 connections serving 10,000 gathered fetchval calls.
# Needs a PostgreSQL server: ASY_TEST_PGDSN, or postgresql://postgres@127.0.0.1:5432/postgres.
import asyncio, os
import asyncpg


async def main():
    pool = await asyncpg.create_pool(os.environ.get("ASY_TEST_PGDSN", "postgresql://postgres@127.0.0.1:5432/postgres"), min_size=10, max_size=10)
    values = await asyncio.gather(*(pool.fetchval("SELECT $1::int + 1", i) for i in range(10000)))
    print(len(values), sum(values))
    await pool.close()


asyncio.run(main())
