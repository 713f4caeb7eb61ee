# fractions for asy: exact rationals kept in lowest terms with a positive
# denominator. Mixed arithmetic follows CPython: with ints and other rationals
# the result is exact, with floats (or complex) the Fraction is converted first.
# Hashes agree with equal ints and floats (CPython's modular hash).
#
# The arithmetic dunders are not written out one by one: a table below lists
# each operator with its exact rule on (numerator, denominator) pairs and its
# inexact counterpart, and a loop installs the forward and reflected methods.

import math
from decimal import Decimal

__all__ = ["Fraction"]

_HASH_MODULUS = 2305843009213693951   # 2**61 - 1, CPython's hash modulus
_HASH_INF = 314159


def _ratio(x):
    # float.as_integer_ratio, or the same worked out from a Decimal's digits
    # (asy's Decimal has no as_integer_ratio).
    f = getattr(x, "as_integer_ratio", None)
    if f is not None:
        return f()
    sign, digits, exp = x.as_tuple()
    if exp in ("F",):
        raise OverflowError("cannot convert Infinity to integer ratio")
    if exp in ("n", "N"):
        raise ValueError("cannot convert NaN to integer ratio")
    n = 0
    for dg in digits:
        n = n * 10 + dg
    if sign:
        n = -n
    if exp >= 0:
        return n * 10 ** exp, 1
    d = 10 ** -exp
    g = math.gcd(n, d)
    return n // g, d // g


_numbers = None


def _rational_pair(x):
    """(numerator, denominator) of an exact rational (int, Fraction or any
    numbers.Rational), or None. (asy's int has no .numerator/.denominator.)"""
    global _numbers
    if isinstance(x, int):
        return int(x), 1
    if isinstance(x, Fraction):
        return x._numerator, x._denominator
    if isinstance(x, (float, complex, str, Decimal)):
        return None
    if _numbers is None:
        import numbers as _numbers_module    # late: numbers imports this module
        _numbers = _numbers_module
    if isinstance(x, _numbers.Rational):
        return x.numerator, x.denominator
    return None


def _digits(s, i):
    # Digits with single underscores between them, from i; returns end.
    j = i
    n = len(s)
    while j < n and s[j].isdigit():
        j += 1
        if j < n - 1 and s[j] == "_" and s[j + 1].isdigit():
            j += 1
    return j


def _parse(text):
    # [sign] (num[/denom] | num? . frac? [e exp]) with optional blanks
    # around the whole; returns (numerator, denominator) or None.
    s = text.strip()
    i, n = 0, len(s)
    neg = False
    if i < n and s[i] in "+-":
        neg = s[i] == "-"
        i += 1
    if not (i < n and (s[i].isdigit() or (s[i] == "." and i + 1 < n and s[i + 1].isdigit()))):
        return None
    j = _digits(s, i)
    num_text = s[i:j]
    i = j
    rest = s[i:]
    if rest.startswith("/"):
        k = i + 1
        j = _digits(s, k)
        if j == k or j != n:
            return None
        num = int(num_text)
        den = int(s[k:j])
        return (-num if neg else num), den
    frac_text = ""
    if i < n and s[i] == ".":
        j = _digits(s, i + 1)
        frac_text = s[i + 1:j]
        i = j
    exp = 0
    if i < n and s[i] in "eE":
        k = i + 1
        if k < n and s[k] in "+-":
            k += 1
        j = _digits(s, k)
        if j == k:
            return None
        exp = int(s[i + 1:j])
        i = j
    if i != n:
        return None
    num = int(num_text or "0")
    den = 1
    if frac_text:
        scale = 10 ** len(frac_text.replace("_", ""))
        num = num * scale + int(frac_text)
        den = scale
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return (-num if neg else num), den


class Fraction:
    """A rational number numerator/denominator, always in lowest terms."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            if type(numerator) is int:
                return _raw(cls, numerator, 1)
            pair = _rational_pair(numerator)
            if pair is not None:
                # another rational is taken as it stands
                return _raw(cls, *pair)
            if isinstance(numerator, (float, Decimal)):
                return _raw(cls, *_ratio(numerator))
            if not isinstance(numerator, str):
                raise TypeError("argument should be a string or a Rational instance")
            pair = _parse(numerator)
            if pair is None:
                raise ValueError("Invalid literal for Fraction: %r" % numerator)
            top, bottom = pair
        elif type(numerator) is int and type(denominator) is int:
            top, bottom = numerator, denominator
        else:
            p, q = _rational_pair(numerator), _rational_pair(denominator)
            if p is None or q is None:
                raise TypeError("both arguments should be Rational instances")
            top, bottom = p[0] * q[1], q[0] * p[1]
        if bottom == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % top)
        if _normalize:
            top, bottom = _lowest(top, bottom)
        return _raw(cls, int(top), int(bottom))

    def __init__(self, *args, **kwargs):
        # Nothing to do (all in __new__); defined because asy refuses
        # arguments to a subclass whose base has only __new__.
        pass

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if isinstance(f, float):
            return cls(*f.as_integer_ratio())
        raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                        % (cls.__name__, f, type(f).__name__))

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, int):
            return cls(int(dec))
        if isinstance(dec, Decimal):
            return cls(*_ratio(dec))
        raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)"
                        % (cls.__name__, dec, type(dec).__name__))

    def as_integer_ratio(self):
        return self._numerator, self._denominator

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction whose denominator is at most max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        top, bottom = self._numerator, self._denominator
        if bottom <= max_denominator:
            return Fraction(self)
        # Walk the continued-fraction convergents h/k of top/bottom while their
        # denominators stay within the bound; (h0, k0) trails (h1, k1) by one.
        h0, k0, h1, k1 = 0, 1, 1, 0
        n, d = top, bottom
        while d:
            q, r = divmod(n, d)
            if k0 + q * k1 > max_denominator:
                break
            h0, k0, h1, k1 = h1, k1, h0 + q * h1, k0 + q * k1
            n, d = d, r
        # The best semiconvergent within the bound competes with the last
        # convergent; on a tie the convergent (smaller denominator) wins.
        steps = (max_denominator - k0) // k1
        hs, ks = h0 + steps * h1, k0 + steps * k1
        off_conv = abs(h1 * bottom - k1 * top) * ks
        off_semi = abs(hs * bottom - ks * top) * k1
        if off_conv <= off_semi:
            return Fraction(h1, k1, _normalize=False)
        return Fraction(hs, ks, _normalize=False)

    numerator = property(lambda self: self._numerator)
    denominator = property(lambda self: self._denominator)
    real = property(lambda self: +self)
    imag = property(lambda self: 0)

    def conjugate(self):
        return +self

    def __repr__(self):
        return "%s(%s, %s)" % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator != 1:
            return "%s/%s" % (self._numerator, self._denominator)
        return str(self._numerator)

    # ---- powers ----

    def __pow__(a, b):
        pair = _rational_pair(b)
        if pair is None or pair[1] != 1:
            # a non-integral exponent: the base goes to float
            return float(a) ** (b if pair is None else float(b))
        exp = pair[0]
        top, bottom = a._numerator, a._denominator
        if exp < 0:
            # invert first; the sign must stay on the numerator
            top, bottom, exp = bottom, top, -exp
            if bottom < 0:
                top, bottom = -top, -bottom
        return Fraction(top ** exp, bottom ** exp, _normalize=False)

    def __rpow__(b, a):
        top, bottom = b._numerator, b._denominator
        if bottom == 1 and top >= 0:
            return a ** top
        pair = _rational_pair(a)
        if pair is not None:
            return Fraction(*pair) ** b
        return a ** (top if bottom == 1 else float(b))

    # ---- unary operations and conversions ----

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __int__(a):
        # towards zero
        return a.__ceil__() if a._numerator < 0 else a.__floor__()

    __trunc__ = __int__

    def __index__(a):
        raise TypeError("'Fraction' object cannot be interpreted as an integer")

    def __float__(a):
        return a._numerator / a._denominator

    def __complex__(a):
        return complex(float(a))

    def __round__(self, ndigits=None):
        if ndigits is None:
            return _half_even(self._numerator, self._denominator)
        scale = 10 ** abs(ndigits)
        if ndigits > 0:
            # to a multiple of 1/scale
            return Fraction(_half_even(self._numerator * scale, self._denominator), scale)
        return Fraction(_half_even(self._numerator, self._denominator * scale) * scale)

    def __bool__(a):
        return a._numerator != 0

    # ---- hashing and comparison ----

    def __hash__(self):
        # Equal to hash() of an equal int or float: |n| / d modulo 2**61 - 1,
        # or the infinity hash when d has no inverse modulo it.
        if self._denominator % _HASH_MODULUS:
            inverse = pow(self._denominator, -1, _HASH_MODULUS)
            h = abs(self._numerator) * inverse % _HASH_MODULUS
        else:
            h = _HASH_INF
        if self._numerator < 0:
            h = -h
        return -2 if h == -1 else h

    def __eq__(a, b):
        if type(b) is int:
            return a._denominator == 1 and a._numerator == b
        pair = _rational_pair(b)
        if pair is not None:
            return (a._numerator, a._denominator) == pair
        if isinstance(b, complex):
            # (asy's complex may lack .real/.imag: then let it decide)
            imag = getattr(b, "imag", None)
            if imag is None:
                return NotImplemented
            if imag != 0:
                return False
            b = b.real
        if not isinstance(b, float):
            return NotImplemented
        if b != b or b in (_INF, -_INF):
            return b == 0.0
        return a == Fraction.from_float(b)

    def __reduce__(self):
        return type(self), (self._numerator, self._denominator)

    def __copy__(self):
        # immutable: a plain Fraction is its own copy
        if type(self) is Fraction:
            return self
        return type(self)(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        return self.__copy__()


_INF = float("inf")


def _raw(cls, top, bottom):
    self = object.__new__(cls)
    self._numerator = top
    self._denominator = bottom
    return self


def _lowest(top, bottom):
    g = math.gcd(top, bottom)
    if bottom < 0:
        g = -g
    return top // g, bottom // g


def _half_even(top, bottom):
    """top/bottom (bottom > 0) rounded to the nearest int, ties to even."""
    q, r = divmod(top, bottom)
    twice = 2 * r
    if twice > bottom or (twice == bottom and q % 2):
        q += 1
    return q


# ---- mixed arithmetic, installed from a table ----

def _exact_add(p, q):
    return Fraction(p[0] * q[1] + q[0] * p[1], p[1] * q[1])


def _exact_sub(p, q):
    return Fraction(p[0] * q[1] - q[0] * p[1], p[1] * q[1])


def _exact_mul(p, q):
    return Fraction(p[0] * q[0], p[1] * q[1])


def _exact_div(p, q):
    # Cancel common factors across first (numerators with numerators,
    # denominators with denominators), so that a zero divisor is reported as
    # Fraction(n, 0) with the n CPython names.
    g = math.gcd(p[0], q[0])
    h = math.gcd(p[1], q[1])
    top = (p[0] // g) * (q[1] // h)
    bottom = (q[0] // g) * (p[1] // h)
    if bottom < 0:
        top, bottom = -top, -bottom
    return Fraction(top, bottom, _normalize=False)


def _exact_floordiv(p, q):
    return (p[0] * q[1]) // (p[1] * q[0])


def _exact_mod(p, q):
    return Fraction((p[0] * q[1]) % (q[0] * p[1]), p[1] * q[1])


def _exact_divmod(p, q):
    whole, rest = divmod(p[0] * q[1], p[1] * q[0])
    return whole, Fraction(rest, p[1] * q[1])


def _install(name, exact, inexact):
    def forward(a, b):
        # only ints and Fractions are exact partners here; another kind of
        # rational gets its own reflected method's turn
        if isinstance(b, (int, Fraction)):
            return exact((a._numerator, a._denominator), _rational_pair(b))
        if isinstance(b, float):
            return inexact(float(a), b)
        if isinstance(b, complex):
            return inexact(complex(float(a)), b)   # (asy: complex() ignores __complex__)
        return NotImplemented

    def reflected(b, a):
        pair = _rational_pair(a)
        if pair is not None:
            return exact(pair, (b._numerator, b._denominator))
        if isinstance(a, float):
            return inexact(a, float(b))
        if isinstance(a, complex):
            return inexact(a, complex(float(b)))
        return NotImplemented

    forward.__name__ = "__%s__" % name
    reflected.__name__ = "__r%s__" % name
    setattr(Fraction, forward.__name__, forward)
    setattr(Fraction, reflected.__name__, reflected)


for _name, _exact, _inexact in (
        ("add", _exact_add, lambda x, y: x + y),
        ("sub", _exact_sub, lambda x, y: x - y),
        ("mul", _exact_mul, lambda x, y: x * y),
        ("truediv", _exact_div, lambda x, y: x / y),
        ("floordiv", _exact_floordiv, lambda x, y: x // y),
        ("mod", _exact_mod, lambda x, y: x % y),
        ("divmod", _exact_divmod, divmod)):
    _install(_name, _exact, _inexact)


def _comparison(name, test):
    def compare(a, b):
        pair = _rational_pair(b)
        if pair is not None:
            return test(a._numerator * pair[1], a._denominator * pair[0])
        if isinstance(b, float):
            if b != b or b in (_INF, -_INF):
                return test(0.0, b)        # only the infinity's sign matters
            return test(a, Fraction.from_float(b))
        return NotImplemented
    compare.__name__ = name
    setattr(Fraction, name, compare)


for _name, _test in (("__lt__", lambda x, y: x < y), ("__gt__", lambda x, y: x > y),
                     ("__le__", lambda x, y: x <= y), ("__ge__", lambda x, y: x >= y)):
    _comparison(_name, _test)

del _name, _exact, _inexact, _test
