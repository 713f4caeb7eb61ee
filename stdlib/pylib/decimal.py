# decimal for asy: Decimal as a sign, an integer coefficient and an
# exponent, with CPython's str/repr, exact +, -, *, division rounded to the
# context precision (28 digits, ROUND_HALF_EVEN), comparisons, quantize.

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"


class DecimalException(ArithmeticError):
    pass


class InvalidOperation(DecimalException):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DecimalTuple(tuple):
    def __new__(cls, sign, digits, exponent):
        return tuple.__new__(cls, (sign, digits, exponent))

    sign = property(lambda self: self[0])
    digits = property(lambda self: self[1])
    exponent = property(lambda self: self[2])

    def __repr__(self):
        return f"DecimalTuple(sign={self[0]}, digits={self[1]!r}, exponent={self[2]!r})"


class Context:
    def __init__(self, prec=28, rounding=ROUND_HALF_EVEN):
        self.prec = prec
        self.rounding = rounding

    def __repr__(self):
        return f"Context(prec={self.prec}, rounding={self.rounding})"


_context = Context()


def getcontext():
    return _context


def _round_int(q, r, d, rounding, negative):
    # q = n // d with remainder r (0 <= r < d): round q by the rule.
    if r == 0:
        return q
    if rounding == ROUND_DOWN:
        return q
    if rounding == ROUND_UP:
        return q + 1
    if rounding == ROUND_CEILING:
        return q if negative else q + 1
    if rounding == ROUND_FLOOR:
        return q + 1 if negative else q
    twice = 2 * r
    if twice > d:
        return q + 1
    if twice < d:
        return q
    if rounding == ROUND_HALF_UP:
        return q + 1
    if rounding == ROUND_HALF_DOWN:
        return q
    return q + (q & 1)


class Decimal:
    __slots__ = ("_sign", "_int", "_exp", "_special")

    def __init__(self, value="0", context=None):
        self._special = None
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = value._sign, value._int, value._exp, value._special
            return
        if isinstance(value, bool):
            value = int(value)
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(value)
            self._exp = 0
            return
        if isinstance(value, float):
            self._from_float(value)
            return
        if isinstance(value, tuple):
            sign, digits, exp = value
            self._sign = sign
            self._int = int("".join(map(str, digits)) or "0")
            self._exp = exp
            return
        if not isinstance(value, str):
            raise TypeError(f"conversion from {type(value).__name__} to Decimal is not supported")
        self._parse(value)

    def _parse(self, text):
        s = text.strip().replace("_", "")
        sign = 0
        if s[:1] in "+-" and s:
            sign = 1 if s[0] == "-" else 0
            s = s[1:]
        low = s.lower()
        if low in ("inf", "infinity"):
            self._sign, self._int, self._exp, self._special = sign, 0, 0, "F"
            return
        if low in ("nan", "snan"):
            self._sign, self._int, self._exp, self._special = sign, 0, 0, "n"
            return
        exp = 0
        if "e" in low:
            low, _, e = low.partition("e")
            try:
                exp = int(e)
            except ValueError:
                raise InvalidOperation([InvalidOperation]) from None
        whole, dot, frac = low.partition(".")
        digits = whole + frac
        if not digits or not digits.isdigit():
            raise InvalidOperation([InvalidOperation])
        self._sign = sign
        self._int = int(digits)
        self._exp = exp - len(frac)

    def _from_float(self, f):
        if f != f:
            self._sign, self._int, self._exp, self._special = 0, 0, 0, "n"
            return
        if f in (float("inf"), float("-inf")):
            self._sign, self._int, self._exp, self._special = int(f < 0), 0, 0, "F"
            return
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        self._sign = 1 if f < 0 or (f == 0 and str(f).startswith("-")) else 0
        self._int = n * 5 ** k
        self._exp = -k

    @classmethod
    def from_float(cls, f):
        return cls(f)

    @classmethod
    def _make(cls, sign, coeff, exp):
        d = object.__new__(cls)
        d._sign, d._int, d._exp, d._special = sign, coeff, exp, None
        return d

    def __str__(self):
        if self._special == "F":
            return "-Infinity" if self._sign else "Infinity"
        if self._special == "n":
            return "NaN"
        digits = str(self._int)
        exp = self._exp
        adjusted = exp + len(digits) - 1
        sign = "-" if self._sign else ""
        if exp <= 0 and adjusted >= -6:
            if exp == 0:
                return sign + digits
            point = len(digits) + exp
            if point > 0:
                return sign + digits[:point] + "." + digits[point:]
            return sign + "0." + "0" * -point + digits
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{sign}{mantissa}E{'+' if adjusted >= 0 else ''}{adjusted}"

    def __repr__(self):
        return f"Decimal('{self}')"

    def __format__(self, spec):
        if not spec:
            return str(self)
        return format(float(self), spec)

    def _check(self, *others):
        for d in (self,) + others:
            if d._special:
                raise InvalidOperation("operation on a special value is not supported")

    def _align(self, other):
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._int * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        return a, b, exp

    def _round_prec(self):
        prec = _context.prec
        digits = len(str(self._int))
        if digits <= prec:
            return self
        drop = digits - prec
        q, r = divmod(self._int, 10 ** drop)
        q = _round_int(q, r, 10 ** drop, _context.rounding, self._sign)
        return Decimal._make(self._sign, q, self._exp + drop)._round_prec()

    @staticmethod
    def _coerce(other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        return None

    def __add__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        self._check(other)
        a, b, exp = self._align(other)
        s = a + b
        sign = 1 if s < 0 or (s == 0 and self._sign and other._sign) else 0
        return Decimal._make(sign, abs(s), exp)._round_prec()

    __radd__ = __add__

    def __neg__(self):
        self._check()
        return Decimal._make(0 if self._sign else 1, self._int, self._exp)

    def __pos__(self):
        return self

    def __abs__(self):
        return Decimal._make(0, self._int, self._exp)

    def __sub__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return self + -other

    def __rsub__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return other - self

    def __mul__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        self._check(other)
        return Decimal._make(self._sign ^ other._sign, self._int * other._int, self._exp + other._exp)._round_prec()

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        self._check(other)
        if other._int == 0:
            if self._int == 0:
                raise InvalidOperation([InvalidOperation])
            raise DivisionByZero([DivisionByZero])
        sign = self._sign ^ other._sign
        ideal = self._exp - other._exp
        if self._int == 0:
            return Decimal._make(sign, 0, ideal)
        # Scale the dividend so the quotient has prec+1 digits, then round.
        prec = _context.prec
        shift = prec + len(str(other._int)) - len(str(self._int)) + 1
        shift = max(shift, 0)
        q, r = divmod(self._int * 10 ** shift, other._int)
        exp = ideal - shift
        if r == 0:
            # Exact: remove trailing zeros down to the ideal exponent.
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
            return Decimal._make(sign, q, exp)._round_prec()
        q = q * 10 + (1 if r else 0)  # a sticky digit keeps half-way cases honest
        exp -= 1
        digits = len(str(q))
        drop = digits - prec
        q2, r2 = divmod(q, 10 ** drop)
        q2 = _round_int(q2, r2, 10 ** drop, _context.rounding, sign)
        return Decimal._make(sign, q2, exp + drop)._round_prec()

    def __rtruediv__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return other / self

    def _cmp(self, other):
        other = self._coerce(other)
        if other is None:
            return None
        self._check(other)
        a, b, _ = self._align(other)
        return (a > b) - (a < b)

    def __eq__(self, other):
        if isinstance(other, float):
            return float(self) == other
        c = self._cmp(other)
        return NotImplemented if c is None else c == 0

    def __lt__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c < 0

    def __le__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c >= 0

    def __hash__(self):
        if self._special:
            return hash(float(self))
        if self._exp >= 0:
            return hash((-1 if self._sign else 1) * self._int * 10 ** self._exp)
        n = self._int
        exp = self._exp
        while exp < 0 and n % 10 == 0:
            n //= 10
            exp += 1
        if exp == 0:
            return hash(-n if self._sign else n)
        return hash((self._sign, n, exp))

    def __bool__(self):
        return self._int != 0 or self._special is not None

    def __float__(self):
        if self._special == "n":
            return float("nan")
        if self._special == "F":
            return float("-inf") if self._sign else float("inf")
        return float(str(self))

    def __int__(self):
        self._check()
        n = self._int * 10 ** self._exp if self._exp >= 0 else self._int // 10 ** -self._exp
        return -n if self._sign else n

    def quantize(self, exp, rounding=None):
        self._check(exp)
        rounding = rounding or _context.rounding
        target = exp._exp
        if target >= self._exp:
            q, r = divmod(self._int, 10 ** (target - self._exp))
            q = _round_int(q, r, 10 ** (target - self._exp), rounding, self._sign)
        else:
            q = self._int * 10 ** (self._exp - target)
        return Decimal._make(self._sign, q, target)

    def __round__(self, n=None):
        # round(d) is an int (half to even); round(d, n) a Decimal with n places.
        if n is None:
            self._check()
            return int(self.quantize(Decimal(1), ROUND_HALF_EVEN))
        return self.quantize(Decimal._make(0, 1, -n), ROUND_HALF_EVEN)

    def __floor__(self):
        self._check()
        q = self.quantize(Decimal(1), ROUND_FLOOR)
        return int(q)

    def __ceil__(self):
        self._check()
        return int(self.quantize(Decimal(1), ROUND_CEILING))

    def __trunc__(self):
        return int(self)

    def as_integer_ratio(self):
        self._check()
        n, d = self._int, 1
        if self._exp >= 0:
            n *= 10 ** self._exp
        else:
            d = 10 ** -self._exp
        from math import gcd
        g = gcd(n, d)
        return (-n // g if self._sign else n // g), d // g

    def as_tuple(self):
        return DecimalTuple(self._sign, tuple(int(c) for c in str(self._int)), self._exp)

    def is_nan(self):
        return self._special == "n"

    def is_infinite(self):
        return self._special == "F"

    def is_signed(self):
        return bool(self._sign)

    def normalize(self):
        self._check()
        n, exp = self._int, self._exp
        if n == 0:
            return Decimal._make(self._sign, 0, 0)
        while n % 10 == 0:
            n //= 10
            exp += 1
        return Decimal._make(self._sign, n, exp)
