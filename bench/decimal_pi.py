# decimal arithmetic: digits of pi by Machin's formula (arctangent series in Decimal at a
# raised context precision), then money-style sums with quantize and rounding modes.
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, getcontext


def arctan_inverse(x, eps):
    """arctan(1/x), summed until a term drops below eps."""
    x = Decimal(x)
    x2 = x * x
    power = 1 / x
    total = power
    n = 1
    sign = -1
    while True:
        power /= x2
        n += 2
        term = power / n
        if term < eps:
            return total
        total += sign * term
        sign = -sign


def pi_digits(digits):
    getcontext().prec = digits + 10
    eps = Decimal(f"1e-{digits + 5}")
    value = 16 * arctan_inverse(5, eps) - 4 * arctan_inverse(239, eps)
    return str(value)[: digits + 1]


def ledger(n):
    getcontext().prec = 28
    cent = Decimal("0.01")
    total = Decimal(0)
    taxed = Decimal(0)
    rate = Decimal("0.0725")
    for i in range(n):
        price = Decimal(i % 1000) / 7 + Decimal("0.005")
        total += price.quantize(cent, rounding=ROUND_HALF_UP)
        taxed += (price * (1 + rate)).quantize(cent, rounding=ROUND_HALF_EVEN)
    return total, taxed


text = pi_digits(1000)
print(text[:50])
print(text[-20:], len(text), sum(int(c) for c in text if c.isdigit()))
print(*ledger(160000))
