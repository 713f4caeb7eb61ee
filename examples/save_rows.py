# Save 1,000 rows concurrently, then read them back as they complete —
# the database tutorial pattern, on aiosqlite. Runs unchanged under asy
# (`go run ./cmd/asy examples/save_rows.py`) and CPython with aiosqlite.
import asyncio
import aiosqlite

DB = "file:save_rows_demo?mode=memory&cache=shared"
N = 1000


async def save(db, i):
    await db.execute("INSERT INTO model(id, name, value) VALUES (?, ?, ?)", (i, f"model-{i}", i * i))
    return i


async def load(db, i):
    async with db.execute("SELECT id, name, value FROM model WHERE id = ?", (i,)) as cur:
        return await cur.fetchone()


async def main():
    keeper = await aiosqlite.connect(DB, uri=True)
    await keeper.execute("CREATE TABLE model(id INTEGER PRIMARY KEY, name TEXT, value INTEGER)")
    await keeper.commit()

    # 1,000 saves in flight at once; the writer connection's worker thread
    # runs them in order, in one transaction.
    async with aiosqlite.connect(DB, uri=True) as writer:
        saved = await asyncio.gather(*(save(writer, i) for i in range(N)))
        await writer.commit()
    print("saved", len(saved))

    total = 0
    seen = 0
    for fut in asyncio.as_completed([load(keeper, i) for i in range(N)]):
        row_id, name, value = await fut
        assert name == f"model-{row_id}" and value == row_id * row_id
        total += value
        seen += 1
    print("read back", seen, "rows; sum of values", total)
    print(await keeper.execute_fetchall("SELECT count(*), min(id), max(id) FROM model"))
    await keeper.close()


asyncio.run(main())
