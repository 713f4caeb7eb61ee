# numbers for asy: the numeric tower of abstract base classes (PEP 3141).
# The built-in numbers, Fraction and Decimal are registered as virtual
# subclasses, so isinstance(x, numbers.Real) and friends answer as in
# CPython; a class deriving from an ABC must supply its abstract methods.
#
# Most of the tower is a list of operations each level requires. They are
# declared from tables below rather than written out one by one: every
# abstract operation is the same stub (it raises NotImplementedError when a
# subclass calls it through super()), and an operator's docstring is its
# expression ("self + other", "other + self", "-self").

from abc import ABCMeta, abstractmethod, update_abstractmethods

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


def _stub(owner, name, operands, doc=None):
    # The operation takes self and `operands` more arguments, as CPython's
    # declarations do: a wrong call is a TypeError, a super() call of a
    # right one NotImplementedError.
    if operands == 0:
        def operation(self):
            raise NotImplementedError
    else:
        def operation(self, other):
            raise NotImplementedError
    operation.__name__ = name
    operation.__qualname__ = owner + "." + name
    operation.__doc__ = doc
    return abstractmethod(operation)


def _split(spec):
    # "__add__:+ __pow__" -> [("__add__", "+"), ("__pow__", None)]
    return [tuple(token.split(":")) if ":" in token else (token, None)
            for token in spec.split()]


def _requires(unary="", binary="", compare="", properties=""):
    """A class decorator: cls requires the `unary` operations, the `binary`
    ones with their reflected r-twins, the `compare` ones (no twins) and
    the read-only `properties`. A "name:symbol" token documents the
    operation by its expression."""
    def declare(cls):
        owner = cls.__name__

        def put(name, operands, expression=None):
            setattr(cls, name, _stub(owner, name, operands, expression))

        for name, symbol in _split(unary):
            put(name, 0, symbol and symbol + "self")
        for name, symbol in _split(binary):
            put(name, 1, symbol and "self %s other" % symbol)
            put("__r" + name[2:], 1, symbol and "other %s self" % symbol)
        for name, symbol in _split(compare):
            put(name, 1)
        for name in properties.split():
            setattr(cls, name, property(_stub(owner, name, 0)))
        return update_abstractmethods(cls)
    return declare


class Number(metaclass=ABCMeta):
    __slots__ = ()
    # Numbers compare by value across types, so no inherited identity hash.
    __hash__ = None


@_requires(unary="__neg__:- __pos__:+ __abs__ conjugate",
           binary="__add__:+ __mul__:* __truediv__ __pow__", compare="__eq__",
           properties="real imag")
class Complex(Number):
    __slots__ = ()

    # Unlike the other abstract operations, it returns None if called.
    @abstractmethod
    def __complex__(self):
        pass

    def __bool__(self):
        return self != 0

    # Subtraction is addition of the negation.
    def __sub__(self, other):
        "self - other"
        return self + -other

    def __rsub__(self, other):
        "other - self"
        return -self + other


@_requires(unary="__float__ __trunc__ __floor__ __ceil__",
           binary="__floordiv__ __mod__:%", compare="__lt__ __le__")
class Real(Complex):
    __slots__ = ()

    @abstractmethod
    def __round__(self, ndigits=None):
        raise NotImplementedError

    def __divmod__(self, other):
        return (self // other, self % other)

    def __rdivmod__(self, other):
        return (other // self, other % self)

    # A real number is a complex one with no imaginary part.
    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self


@_requires(properties="numerator denominator")
class Rational(Real):
    __slots__ = ()

    def __float__(self):
        return int(self.numerator) / int(self.denominator)


@_requires(unary="__int__ __invert__:~",
           binary="__lshift__:<< __rshift__:>> __and__:& __xor__:^ __or__:|")
class Integral(Rational):
    __slots__ = ()

    # Integers take pow()'s third argument.
    @abstractmethod
    def __pow__(self, exponent, modulus=None):
        raise NotImplementedError

    def __index__(self):
        return int(self)

    def __float__(self):
        return float(int(self))

    # An integer is the fraction n/1.
    @property
    def numerator(self):
        return +self

    @property
    def denominator(self):
        return 1


Complex.register(complex)
Real.register(float)
Integral.register(int)

# CPython's Fraction derives from Rational and Decimal registers itself with
# Number; asy's modules do not import numbers, so the tower registers them.
from fractions import Fraction as _Fraction
from decimal import Decimal as _Decimal

Rational.register(_Fraction)
Number.register(_Decimal)
del _Fraction, _Decimal
