# Task trees under asyncio.run: each node gathers its children as tasks, passes work through
# an asyncio.Queue to a pool of workers, and guards a shared tally with an asyncio.Lock.
import asyncio


class Tally:
    def __init__(self):
        self.lock = asyncio.Lock()
        self.count = 0
        self.weight = 0

    async def add(self, weight):
        async with self.lock:
            self.count += 1
            self.weight += weight


async def node(depth, index, tally):
    if depth == 0:
        await asyncio.sleep(0)
        await tally.add(index % 7)
        return index % 7
    children = [asyncio.create_task(node(depth - 1, index * 4 + k, tally)) for k in range(4)]
    results = await asyncio.gather(*children)
    return sum(results) + depth


async def worker(name, queue, done):
    while True:
        job = await queue.get()
        if job is None:
            queue.task_done()
            return
        done.append((name, job * job % 1009))
        if job % 3 == 0:
            await asyncio.sleep(0)
        queue.task_done()


async def pool(jobs, workers):
    queue = asyncio.Queue()
    done = []
    tasks = [asyncio.create_task(worker(f"w{i}", queue, done)) for i in range(workers)]
    for job in range(jobs):
        queue.put_nowait(job)
    for _ in tasks:
        queue.put_nowait(None)
    await queue.join()
    await asyncio.gather(*tasks)
    return len(done), sum(v for _, v in done)


async def main():
    tally = Tally()
    totals = []
    for round_ in range(3):
        totals.append(await node(6, round_, tally))
    print("tree", totals, tally.count, tally.weight)
    print("pool", await pool(40000, 8))
    results = await asyncio.gather(*(asyncio.wait_for(node(3, i, tally), timeout=10) for i in range(50)))
    print("wait_for", sum(results), tally.count)


asyncio.run(main())
