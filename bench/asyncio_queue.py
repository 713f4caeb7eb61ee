# A Queue carrying 1,000,000 items between a producer and a consumer.
import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)


async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            break
        total += item
    return total


async def main():
    q = asyncio.Queue(maxsize=100)
    n = 1000000
    _, total = await asyncio.gather(producer(q, n), consumer(q))
    print(total)


asyncio.run(main())
