# fractions for asy: exact rationals kept in lowest terms with a positive
# denominator. Mixed arithmetic follows CPython: with ints and Fractions the
# result is exact, with floats (or complex) the Fraction is converted first.
# Hashes agree with equal ints and floats (CPython's modular hash).

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


def _nd(x):
    # (numerator, denominator) of an int or Fraction (asy's int has no
    # .numerator/.denominator attributes).
    if isinstance(x, int):
        return int(x), 1
    return x._numerator, x._denominator


def _is_rational(x):
    return isinstance(x, (int, Fraction))


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
    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, (float, Decimal)):
                self._numerator, self._denominator = _ratio(numerator)
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            (n1, d1), (n2, d2) = _nd(numerator), _nd(denominator)
            numerator, denominator = n1 * d2, n2 * d1
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = int(numerator)
        self._denominator = int(denominator)
        return self

    def __init__(self, *args, **kwargs):
        # Nothing to do (all in __new__); defined because asy refuses
        # arguments to a subclass whose base has only __new__.
        pass

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, int):
            dec = Decimal(int(dec))
        elif not isinstance(dec, Decimal):
            raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)" % (cls.__name__, dec, type(dec).__name__))
        return cls(*_ratio(dec))

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        # Best approximation with a bounded denominator: walk the continued
        # fraction convergents, then pick the closer of the last convergent
        # and the best semiconvergent.
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # --- arithmetic on two Fractions (or ints seen as n/1) ---

    @staticmethod
    def _add(a, b):
        return Fraction(a.numerator * b.denominator + b.numerator * a.denominator,
                        a.denominator * b.denominator)

    @staticmethod
    def _sub(a, b):
        return Fraction(a.numerator * b.denominator - b.numerator * a.denominator,
                        a.denominator * b.denominator)

    @staticmethod
    def _mul(a, b):
        return Fraction(a.numerator * b.numerator, a.denominator * b.denominator)

    @staticmethod
    def _div(a, b):
        # Cross-cancel first so the error message for a zero divisor names
        # the same numerator CPython's does.
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction(n, d, _normalize=False)

    @staticmethod
    def _floordiv(a, b):
        return (a.numerator * b.denominator) // (a.denominator * b.numerator)

    @staticmethod
    def _divmod(a, b):
        da, db = a.denominator, b.denominator
        q, r = divmod(a.numerator * db, da * b.numerator)
        return q, Fraction(r, da * db)

    @staticmethod
    def _mod(a, b):
        da, db = a.denominator, b.denominator
        return Fraction((a.numerator * db) % (b.numerator * da), da * db)

    def _forward(self, other, exact, inexact):
        if isinstance(other, int):
            return exact(self, Fraction(int(other)))
        if isinstance(other, Fraction):
            return exact(self, other)
        if isinstance(other, float):
            return inexact(float(self), other)
        if isinstance(other, complex):
            return inexact(complex(float(self)), other)  # (asy: complex() ignores __complex__)
        return NotImplemented

    def _reverse(self, other, exact, inexact):
        if isinstance(other, int):
            return exact(Fraction(int(other)), self)
        if isinstance(other, float):
            return inexact(other, float(self))
        if isinstance(other, complex):
            return inexact(other, complex(float(self)))
        return NotImplemented

    def __add__(a, b):
        return a._forward(b, Fraction._add, lambda x, y: x + y)

    def __radd__(b, a):
        return b._reverse(a, Fraction._add, lambda x, y: x + y)

    def __sub__(a, b):
        return a._forward(b, Fraction._sub, lambda x, y: x - y)

    def __rsub__(b, a):
        return b._reverse(a, Fraction._sub, lambda x, y: x - y)

    def __mul__(a, b):
        return a._forward(b, Fraction._mul, lambda x, y: x * y)

    def __rmul__(b, a):
        return b._reverse(a, Fraction._mul, lambda x, y: x * y)

    def __truediv__(a, b):
        return a._forward(b, Fraction._div, lambda x, y: x / y)

    def __rtruediv__(b, a):
        return b._reverse(a, Fraction._div, lambda x, y: x / y)

    def __floordiv__(a, b):
        if isinstance(b, complex):
            return NotImplemented
        return a._forward(b, Fraction._floordiv, lambda x, y: x // y)

    def __rfloordiv__(b, a):
        if isinstance(a, complex):
            return NotImplemented
        return b._reverse(a, Fraction._floordiv, lambda x, y: x // y)

    def __divmod__(a, b):
        if isinstance(b, complex):
            return NotImplemented
        return a._forward(b, Fraction._divmod, divmod)

    def __rdivmod__(b, a):
        if isinstance(a, complex):
            return NotImplemented
        return b._reverse(a, Fraction._divmod, divmod)

    def __mod__(a, b):
        if isinstance(b, complex):
            return NotImplemented
        return a._forward(b, Fraction._mod, lambda x, y: x % y)

    def __rmod__(b, a):
        if isinstance(a, complex):
            return NotImplemented
        return b._reverse(a, Fraction._mod, lambda x, y: x % y)

    def __pow__(a, b):
        # An integral exponent keeps the result exact; anything else goes
        # through float (or complex).
        if isinstance(b, (int, Fraction)):
            bn, bd = _nd(b)
            if bd == 1:
                power = bn
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
                if a._numerator >= 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power, _normalize=False)
                return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power, _normalize=False)
            return float(a) ** float(b)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, int):
            return Fraction(a) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        return a.__int__()

    def __index__(a):
        raise TypeError("'Fraction' object cannot be interpreted as an integer")

    def __float__(a):
        return a._numerator / a._denominator

    def __complex__(a):
        return complex(float(a))

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            # Round half to even.
            d = self._denominator
            floor, rem = divmod(self._numerator, d)
            if rem * 2 < d:
                return floor
            if rem * 2 > d:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            # The denominator is a multiple of the modulus.
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, (int, Fraction)):
            return (a._numerator, a._denominator) == _nd(b)
        if isinstance(b, complex):
            # (asy's complex has no .real/.imag yet: then fall back.)
            imag = getattr(b, "imag", None)
            if imag is None:
                return NotImplemented
            if imag == 0:
                b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == Fraction.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            n, d = _nd(other)
            return op(self._numerator * d, self._denominator * n)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, Fraction.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, lambda x, y: x < y)

    def __gt__(a, b):
        return a._richcmp(b, lambda x, y: x > y)

    def __le__(a, b):
        return a._richcmp(b, lambda x, y: x <= y)

    def __ge__(a, b):
        return a._richcmp(b, lambda x, y: x >= y)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
