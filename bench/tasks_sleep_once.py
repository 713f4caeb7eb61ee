# 100,000 tasks each sleeping once, gathered: time and peak memory per suspended task.
import asyncio


async def worker(i):
    await asyncio.sleep(0.01)
    return i


async def main():
    results = await asyncio.gather(*(worker(i) for i in range(100000)))
    print(len(results), sum(results))


asyncio.run(main())
