# The re module's Python layer: the flag constants as RegexFlag values (an
# int subclass printing as "re.IGNORECASE|re.MULTILINE", as CPython 3.11's
# enum.IntFlag does). Matching itself is native (stdlib/re.go).

_FLAG_ORDER = [("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
               ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1),
               ("DEBUG", 128)]
_ALL_FLAGS = 511


class RegexFlag(int):
    __module__ = "re"

    def __repr__(self):
        v = int(self)
        if v == 0:
            return "re.NOFLAG"
        names = []
        for name, bit in _FLAG_ORDER:
            if v & bit:
                names.append("re." + name)
                v &= ~bit
        if v:
            names.append(hex(v))
        return "|".join(names)

    __str__ = __repr__

    def __format__(self, spec):
        if spec:
            return format(int(self), spec)
        return repr(self)

    @property
    def name(self):
        r = repr(self)
        if "0x" in r:
            return None
        return r.replace("re.", "")

    @property
    def value(self):
        return int(self)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(_ALL_FLAGS & ~int(self))


NOFLAG = RegexFlag(0)
ASCII = RegexFlag(256)
IGNORECASE = RegexFlag(2)
LOCALE = RegexFlag(4)
UNICODE = RegexFlag(32)
MULTILINE = RegexFlag(8)
DOTALL = RegexFlag(16)
VERBOSE = RegexFlag(64)
TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)
A = ASCII
I = IGNORECASE
L = LOCALE
U = UNICODE
M = MULTILINE
S = DOTALL
X = VERBOSE
T = TEMPLATE
