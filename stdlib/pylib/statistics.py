# statistics for asy.
#
# Every average and spread of mean/variance/stdev is computed exactly: each data
# point becomes an integer ratio, ratios are summed per denominator (so most data
# needs one Fraction addition per distinct denominator, not per point), and only
# the final value is rounded to the data's type. That is why the results print
# the very digits CPython prints. Square roots are taken of the exact fraction
# with round-to-odd integer arithmetic, so they too are correctly rounded.
# The f* and paired functions (fmean, covariance, correlation, linear_regression)
# work in floats with fsum, as CPython's do.

import math
from bisect import bisect_left, bisect_right
from collections import Counter, namedtuple
from decimal import Decimal
from fractions import Fraction, _ratio as _decimal_ratio

__all__ = ["StatisticsError", "correlation", "covariance", "fmean",
           "geometric_mean", "harmonic_mean", "linear_regression", "mean", "median",
           "median_grouped", "median_high", "median_low", "mode", "multimode", "pstdev",
           "pvariance", "quantiles", "stdev", "variance"]


class StatisticsError(ValueError):
    pass


# ---- exact accumulation ----

def _ratio_of(x):
    """x as (numerator, denominator); (x, None) for an infinity or a NaN."""
    if isinstance(x, Decimal):
        getter = _decimal_ratio
    else:
        getter = getattr(x, "as_integer_ratio", None)
    if getter is not None:
        try:
            return getter(x) if getter is _decimal_ratio else getter()
        except (OverflowError, ValueError):
            return x, None
    if hasattr(x, "numerator") and hasattr(x, "denominator"):
        return x.numerator, x.denominator
    raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")


# How two data types combine into the type results are given in. Plain int (and bool)
# always give way; otherwise a subclass beats its base, and then the pairs below give
# way as listed: anything int-like to anything, a Fraction to a float.
_GIVES_WAY = ((int, object), (Fraction, float))


def _combine(T, S):
    if T is S or S is int or S is bool:
        return T
    if T is int or issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    for weak, strong in _GIVES_WAY:
        if issubclass(T, weak) and issubclass(S, strong):
            return S
        if issubclass(S, weak) and issubclass(T, strong):
            return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


class _Exact:
    """Exact running sums of the data points (and, on request, of their squares)."""

    def __init__(self, data, squares=False):
        by_den = {}
        sq_by_den = {}
        kinds = {}
        count = 0
        for x in data:
            kind = type(x)
            if kind not in kinds:
                kinds[kind] = True
            try:
                num, den = x.as_integer_ratio()     # the common case, kept fast
            except (AttributeError, OverflowError, ValueError):
                num, den = _ratio_of(x)
            count += 1
            by_den[den] = by_den.get(den, 0) + num
            if squares:
                sq_by_den[den] = sq_by_den.get(den, 0) + num * num
        self.count = count
        self.kinds = kinds
        if None in by_den:
            # an infinity or a NaN swallows everything else
            self.total = self.squares = by_den[None]
            self.finite = False
            return
        self.finite = True
        self.total = _fraction_sum((num, den) for den, num in by_den.items())
        if squares:
            self.squares = _fraction_sum((num, den * den) for den, num in sq_by_den.items())

    def result_type(self):
        T = int
        for S in self.kinds:
            T = _combine(T, S)
        return T


def _fraction_sum(pairs):
    total = 0
    for num, den in pairs:
        total += Fraction(num, den)
    return total


def _as_type(value, T):
    """The exact value (a Fraction, or a non-finite float) in the data's type T."""
    if type(value) is T:
        return value
    if isinstance(value, Fraction):
        if issubclass(T, Decimal):
            # Decimal will not take a Fraction: divide in the current decimal context
            return T(value.numerator) / T(value.denominator)
        if issubclass(T, int) and value.denominator != 1:
            return float(value)
    return T(value)


def _deviations(data, centre):
    """(result type, exact sum of squared deviations, count) around centre, or
    around the exact mean when centre is None."""
    if centre is not None:
        acc = _Exact((x - centre) * (x - centre) for x in data)
        return acc.result_type(), acc.total, acc.count
    acc = _Exact(data, squares=True)
    T = acc.result_type()
    if acc.count == 0 or not acc.finite:
        return T, acc.total if acc.count else Fraction(0), acc.count
    # sum (x - m)^2 == sum x^2 - (sum x)^2 / n, exactly, with fractions
    return T, acc.squares - acc.total * acc.total / acc.count, acc.count


# ---- square roots, correctly rounded from an exact fraction ----

_SQRT_BITS = 2 * 53 + 3


def _isqrt_round_odd(n, m):
    # isqrt(n/m) with its lowest bit set when inexact: one rounding to float later is exact
    root = math.isqrt(n // m)
    return root | (root * root * m != n)


def _float_sqrt(frac):
    n, m = frac.numerator, frac.denominator
    shift = (n.bit_length() - m.bit_length() - _SQRT_BITS) // 2
    if shift >= 0:
        return float(_isqrt_round_odd(n, m << 2 * shift) << shift)
    return _isqrt_round_odd(n << -2 * shift, m) / (1 << -shift)


def _root(value, T):
    if not isinstance(value, Fraction):
        return math.sqrt(value)            # an infinity or NaN from the data
    if issubclass(T, Decimal):
        return (Decimal(value.numerator) / Decimal(value.denominator)).sqrt()
    return _float_sqrt(value)


# ---- averages ----

def mean(data):
    acc = _Exact(data)
    if not acc.count:
        raise StatisticsError("mean requires at least one data point")
    return _as_type(acc.total / acc.count, acc.result_type())


def _real(x):
    # asy's math.fsum/log take only int and float (CPython's also take anything
    # with __float__, such as Fraction and Decimal)
    return x if isinstance(x, (int, float)) else float(x)


def fmean(data, weights=None):
    values = [_real(x) for x in data]
    if weights is None:
        if not values:
            raise StatisticsError("fmean requires at least one data point")
        return math.fsum(values) / len(values)
    weights = [_real(w) for w in weights]
    weighted = math.fsum(x * w for x, w in zip(values, weights))
    if len(values) != len(weights):
        raise StatisticsError("data and weights must be the same length")
    scale = math.fsum(weights)
    if not scale:
        raise StatisticsError("sum of weights must be non-zero")
    return weighted / scale


def geometric_mean(data):
    try:
        return math.exp(fmean([math.log(_real(x)) for x in data]))
    except (ValueError, StatisticsError):
        raise StatisticsError("geometric mean requires a non-empty dataset "
                              "containing positive numbers") from None


_NEGATIVE_HARMONIC = "harmonic mean does not support negative values"


def harmonic_mean(data, weights=None):
    data = list(data)
    if not data:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if weights is None:
        if len(data) == 1:
            # a single value is its own harmonic mean, if it is a number at all
            only = data[0]
            if not isinstance(only, (int, float, Fraction, Decimal)):
                raise TypeError("unsupported type")
            if only < 0:
                raise StatisticsError(_NEGATIVE_HARMONIC)
            return only
        weights = [1] * len(data)
        weight_sum = len(data)
    else:
        weights = list(weights)
        if len(weights) != len(data):
            raise StatisticsError("Number of weights does not match data size")
        for w in weights:
            if w < 0:
                raise StatisticsError(_NEGATIVE_HARMONIC)
        weight_sum = _Exact(weights).total
    # Reciprocals are checked one by one, in order: a zero met before any negative
    # value makes the mean 0.
    terms = []
    for w, x in zip(weights, data):
        if x < 0:
            raise StatisticsError(_NEGATIVE_HARMONIC)
        try:
            terms.append(w / x if w else 0)
        except ZeroDivisionError:
            return 0
    acc = _Exact(terms)
    if acc.total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _as_type(weight_sum / acc.total, acc.result_type())


# ---- order statistics ----

def _ranked(data):
    ranked = sorted(data)
    if not ranked:
        raise StatisticsError("no median for empty data")
    return ranked, len(ranked) // 2, len(ranked) % 2


def median(data):
    ranked, half, odd = _ranked(data)
    if odd:
        return ranked[half]
    return (ranked[half - 1] + ranked[half]) / 2


def median_low(data):
    ranked, half, odd = _ranked(data)
    return ranked[half if odd else half - 1]


def median_high(data):
    ranked, half, _ = _ranked(data)
    return ranked[half]


def median_grouped(data, interval=1.0):
    ranked, half, _ = _ranked(data)
    middle = ranked[half]
    # the run of values equal to the middle one is the median's class
    below = bisect_left(ranked, middle)
    width = bisect_right(ranked, middle, lo=below) - below
    try:
        interval = float(interval)
        middle = float(middle)
    except ValueError:
        raise TypeError("Value cannot be converted to a float")
    return middle - interval / 2.0 + interval * (len(ranked) / 2 - below) / width


def _tally(data):
    # iter() so that a mapping is counted by its keys, not taken as counts
    return Counter(iter(data))


def mode(data):
    counts = _tally(data)
    if not counts:
        raise StatisticsError("no mode for empty data")
    return max(counts, key=counts.__getitem__)


def multimode(data):
    counts = _tally(data)
    if not counts:
        return []
    top = max(counts.values())
    return [value for value in counts if counts[value] == top]


def _cut_inclusive(i, n, size):
    # cut point i of n over positions 0..size-1: (lower index, weight of the upper)
    return divmod(i * (size - 1), n)


def _cut_exclusive(i, n, size):
    # over positions 1..size, clamped to the data's ends
    scaled = i * (size + 1)
    upper = min(max(scaled // n, 1), size - 1)
    return upper - 1, scaled - upper * n


_CUTS = {"inclusive": _cut_inclusive, "exclusive": _cut_exclusive}


def quantiles(data, *, n=4, method="exclusive"):
    if n < 1:
        raise StatisticsError("n must be at least 1")
    ranked = sorted(data)
    size = len(ranked)
    if size < 2:
        raise StatisticsError("must have at least two data points")
    cut = _CUTS.get(method)
    if cut is None:
        raise ValueError(f"Unknown method: {method!r}")
    points = []
    for i in range(1, n):
        lo, weight = cut(i, n, size)
        points.append((ranked[lo] * (n - weight) + ranked[lo + 1] * weight) / n)
    return points


# ---- spread ----

def _spread(data, centre, sample, who, root):
    # shared body of variance/pvariance/stdev/pstdev: a sample divides by n-1
    T, ss, count = _deviations(data, centre)
    least = 2 if sample else 1
    if count < least:
        what = "two data points" if sample else "one data point"
        raise StatisticsError(f"{who} requires at least {what}")
    value = ss / (count - 1 if sample else count)
    return _root(value, T) if root else _as_type(value, T)


def variance(data, xbar=None):
    return _spread(data, xbar, True, "variance", False)


def pvariance(data, mu=None):
    return _spread(data, mu, False, "pvariance", False)


def stdev(data, xbar=None):
    return _spread(data, xbar, True, "stdev", True)


def pstdev(data, mu=None):
    return _spread(data, mu, False, "pstdev", True)


# ---- two variables ----

def _paired(x, y, who):
    size = len(x)
    if len(y) != size:
        raise StatisticsError(f"{who} requires that both inputs have same number of data points")
    if size < 2:
        raise StatisticsError(f"{who} requires at least two data points")
    return size


def _centred(values, size):
    centre = math.fsum(values) / size
    return centre, [v - centre for v in values]


def _dot(a, b):
    return math.fsum(_real(p * q) for p, q in zip(a, b))


def covariance(x, y, /):
    size = _paired(x, y, "covariance")
    _, dx = _centred(x, size)
    _, dy = _centred(y, size)
    return _dot(dx, dy) / (size - 1)


def correlation(x, y, /):
    size = _paired(x, y, "correlation")
    _, dx = _centred(x, size)
    _, dy = _centred(y, size)
    try:
        return _dot(dx, dy) / math.sqrt(_dot(dx, dx) * _dot(dy, dy))
    except ZeroDivisionError:
        raise StatisticsError("at least one of the inputs is constant")


LinearRegression = namedtuple("LinearRegression", ("slope", "intercept"))


def linear_regression(x, y, /, *, proportional=False):
    size = _paired(x, y, "linear regression")
    if proportional:
        # a line through the origin: no centring
        dx, dy = x, y
    else:
        xbar, dx = _centred(x, size)
        ybar, dy = _centred(y, size)
    try:
        slope = _dot(dx, dy) / _dot(dx, dx)
    except ZeroDivisionError:
        raise StatisticsError("x is constant")
    return LinearRegression(slope=slope, intercept=0.0 if proportional else ybar - slope * xbar)
