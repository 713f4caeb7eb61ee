# TaskGroup trees: every node opens a TaskGroup for its children; some leaves fail, and the
# ExceptionGroups that climb the tree are split with except* by the nodes above.
import asyncio


class LeafError(Exception):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


async def leaf(key):
    await asyncio.sleep(0)
    if key % 997 == 13:
        raise LeafError(key)
    return key % 11


async def subtree(depth, key, fanout):
    if depth == 0:
        return await leaf(key)
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(subtree(depth - 1, key * fanout + k, fanout)) for k in range(fanout)]
    return sum(t.result() for t in tasks)


async def guarded(depth, key, fanout, failures):
    try:
        return await subtree(depth, key, fanout)
    except* LeafError as group:
        failures.extend(e.key for e in _leaves(group))
    return -1


def _leaves(group):
    for e in group.exceptions:
        if isinstance(e, BaseExceptionGroup):
            yield from _leaves(e)
        else:
            yield e


async def main():
    failures = []
    async with asyncio.TaskGroup() as tg:
        roots = [tg.create_task(guarded(4, root, 4, failures)) for root in range(48)]
    values = [r.result() for r in roots]
    print("ok roots", sum(v >= 0 for v in values), "sum", sum(v for v in values if v >= 0))
    print("failed", len(failures), sorted(failures)[:5])
    deep_failures = []
    async with asyncio.timeout(30):
        print("deep", await guarded(12, 1, 2, deep_failures), sorted(deep_failures))
        print("deep", await subtree(9, 10, 2))


asyncio.run(main())
