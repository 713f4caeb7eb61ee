# Float-heavy loops: the spectral norm of the matrix A[i][j] = 1 / ((i+j)(i+j+1)/2 + i + 1)
# by power iteration on A^T A, and an escape-time count over a grid of complex numbers.


def a(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(v):
    n = len(v)
    return [sum(a(i, j) * v[j] for j in range(n)) for i in range(n)]


def times_transposed(v):
    n = len(v)
    return [sum(a(j, i) * v[j] for j in range(n)) for i in range(n)]


def spectral_norm(n, rounds):
    u = [1.0] * n
    for _ in range(rounds):
        v = times_transposed(times(u))
        u = times_transposed(times(v))
    vbv = sum(x * y for x, y in zip(u, v))
    vv = sum(x * x for x in v)
    return (vbv / vv) ** 0.5


def escape_counts(size, limit):
    inside = 0
    total_iters = 0
    for py in range(size):
        ci = 2.0 * py / size - 1.0
        for px in range(size):
            cr = 2.5 * px / size - 2.0
            zr = zi = 0.0
            k = 0
            while k < limit and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                k += 1
            total_iters += k
            if k == limit:
                inside += 1
    return inside, total_iters


print(f"{spectral_norm(280, 6):.9f}")
print(*escape_counts(200, 80))
