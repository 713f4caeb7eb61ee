# Four CPU-bound calls: in a row, then on a ProcessPoolExecutor of 2 workers (isolated
# interpreters, no shared lock). Prints the speedup; about 2.0 on two cores.
import concurrent.futures
import time


def count_primes(n):
    count = 0
    for k in range(2, n):
        d = 2
        while d * d <= k:
            if k % d == 0:
                break
            d += 1
        else:
            count += 1
    return count


def fails(x):
    raise ValueError(f"bad {x}")


if __name__ == "__main__":
    N = 60000
    start = time.perf_counter()
    serial = [count_primes(N) for _ in range(4)]
    t_serial = time.perf_counter() - start
    start = time.perf_counter()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        parallel = list(pool.map(count_primes, [N] * 4))
        f = pool.submit(fails, 3)
        try:
            f.result()
        except ValueError as e:
            print("ValueError from worker:", e)
        try:
            pool.submit(lambda: 1).result()
        except Exception as e:
            print(type(e).__name__, str(e).split(":")[0])
    t_parallel = time.perf_counter() - start
    print(serial == parallel, serial[0])
    print("speedup %.1f" % (t_serial / t_parallel))
