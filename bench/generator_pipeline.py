# Generator pipelines: a source of log-like records flows through filtering, mapping,
# windowing and grouping stages built from generator functions, `yield from`, generator
# expressions, itertools, and a coroutine-style generator fed with send().
import itertools


def records(n, seed):
    state = seed
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        yield i, state % 5, (state >> 8) % 1000


def only_levels(stream, levels):
    for rec in stream:
        if rec[1] in levels:
            yield rec


def scaled(stream, factor):
    for i, level, value in stream:
        yield i, level, value * factor


def windows(stream, size):
    window = []
    for item in stream:
        window.append(item)
        if len(window) == size:
            yield tuple(window)
            window.clear()
    if window:
        yield tuple(window)


def flatten(groups):
    for group in groups:
        yield from group


def running_max():
    best = None
    while True:
        value = yield best
        if best is None or value > best:
            best = value


def pipeline(n, seed):
    stream = scaled(only_levels(records(n, seed), {0, 2, 3}), 3)
    stream = flatten(windows(stream, 7))
    tracker = running_max()
    next(tracker)
    total = 0
    count = 0
    peak = None
    for i, level, value in stream:
        total += value
        count += 1
        peak = tracker.send(value)
    return count, total, peak


def grouped(n, seed):
    keyed = sorted(records(n, seed), key=lambda r: r[1])
    return {level: sum(v for _, _, v in group) for level, group in itertools.groupby(keyed, key=lambda r: r[1])}


def chained(n):
    evens = (x for x in range(n) if x % 2 == 0)
    squares = (x * x for x in evens)
    pairs = zip(squares, itertools.count(1))
    return sum(a % b for a, b in itertools.islice(pairs, n // 3))


print("pipeline", pipeline(500000, 7))
print("grouped", grouped(80000, 11))
print("chained", chained(400000))
