# Coroutines without an event loop: a recursive `async def` driven by send(None), and a
# four-level await chain whose leaf sometimes suspends to the driver and gets a value back.


class Suspend:
    """An awaitable that suspends once, handing `value` to whoever drives the coroutine."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __await__(self):
        reply = yield self.value
        return reply


async def tree_sum(depth):
    if depth == 0:
        return 1
    left = await tree_sum(depth - 1)
    right = await tree_sum(depth - 1)
    return left + right + depth


async def leaf(i):
    if i % 16 == 0:
        got = await Suspend(i)
        return i if got is None else got
    return i


async def level3(i):
    return await leaf(i) + 1


async def level2(i):
    return await level3(i) * 2


async def level1(i):
    return await level2(i) - 1


async def chain(n):
    total = 0
    for i in range(n):
        total += await level1(i)
    return total


def run_to_end(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value


def drive(coro):
    """Drives coro: a suspended value not divisible by 32 is answered with three times it."""
    suspensions = 0
    reply = None
    try:
        while True:
            value = coro.send(reply)
            suspensions += 1
            reply = value * 3 if value % 32 else None
    except StopIteration as stop:
        return stop.value, suspensions


print("tree", run_to_end(tree_sum(19)))
print("chain", drive(chain(500000)))
