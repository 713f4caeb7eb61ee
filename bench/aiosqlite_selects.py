# aiosqlite: 1,000 single-row selects gathered on one connection.
import asyncio
import aiosqlite


async def main():
    async with aiosqlite.connect(":memory:") as db:
        await db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)")
        await db.executemany("INSERT INTO t(v) VALUES (?)", [(f"v{i}",) for i in range(1000)])
        await db.commit()

        async def one(i):
            async with db.execute("SELECT v FROM t WHERE id = ?", (i,)) as cur:
                return (await cur.fetchone())[0]

        rows = await asyncio.gather(*(one(i) for i in range(1, 1001)))
        print(len(rows), rows[0], rows[-1])


asyncio.run(main())
