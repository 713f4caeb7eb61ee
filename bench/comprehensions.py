# Comprehensions: list, dict and set comprehensions (nested, filtered, with walrus), generator
# expressions into sum/any/all/max, enumerate/zip, and sorting with key functions.


def primes_below(n):
    sieve = [True] * n
    sieve[0] = sieve[1] = False
    for i in range(2, int(n**0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = [False] * len(range(i * i, n, i))
    return [i for i, p in enumerate(sieve) if p]


def table(n):
    rows = [[(r * c) % 13 for c in range(n)] for r in range(n)]
    transposed = [list(col) for col in zip(*rows)]
    diag = [rows[i][i] for i in range(n)]
    return sum(map(sum, rows)), sum(transposed[3]), sum(diag)


def words(n):
    return [f"w{(i * 7919) % 1000:03d}" for i in range(n)]


def rounds(k):
    acc = 0
    for r in range(k):
        ws = words(2000)
        by_first = {w: i for i, w in enumerate(ws) if w[1] != "0"}
        letters = {ch for w in ws for ch in w}
        lengths = {w: len(w) + r for w in by_first}
        evens = [y for x in range(600) if (y := x * x + r) % 2 == 0]
        pairs = [(a, b) for a in range(40) for b in range(a, 40) if (a + b) % 7 == r % 7]
        acc += len(by_first) + len(letters) + sum(lengths.values()) + len(evens) + len(pairs)
        acc += sum(a * b for a, b in pairs) % 1000
        acc += any(w.endswith("99") for w in ws) + all(len(w) == 4 for w in ws)
        acc += max((v for v in by_first.values() if v % 5 == 1), default=0)
        top = sorted(by_first.items(), key=lambda kv: (-kv[1] % 17, kv[0]))[:3]
        acc += sum(v for _, v in top)
    return acc


ps = primes_below(400000)
print(len(ps), ps[-3:], sum(ps) % 1000003)
print(table(250))
print(rounds(150))
