# uuid for asy: the UUID class (from hex, bytes or int; str, repr, hex,
# int, bytes, version, comparisons) and uuid4() from the random module.

import random as _random


class UUID:
    __slots__ = ("int",)

    def __init__(self, hex=None, bytes=None, int=None, version=None):
        if [hex, bytes, int].count(None) != 2:
            raise TypeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given")
        if hex is not None:
            h = hex.replace("urn:", "").replace("uuid:", "").strip("{}").replace("-", "")
            if len(h) != 32:
                raise ValueError("badly formed hexadecimal UUID string")
            int = _int(h, 16)
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError("bytes is not a 16-char string")
            int = _int.from_bytes(bytes, "big") if hasattr(_int, "from_bytes") else _int(bytes.hex(), 16)
        if not 0 <= int < 1 << 128:
            raise ValueError("int is out of range (need a 128-bit value)")
        if version is not None:
            int &= ~(0xc000 << 48)
            int |= 0x8000 << 48
            int &= ~(0xf000 << 64)
            int |= version << 76
        object.__setattr__(self, "int", int)

    # Pickled as CPython's UUID: its int in a state dict.
    def __getstate__(self):
        return {"int": self.int}

    def __setstate__(self, state):
        object.__setattr__(self, "int", state["int"])

    @property
    def hex(self):
        return "%032x" % self.int

    @property
    def bytes(self):
        return _bytes.fromhex(self.hex)

    @property
    def version(self):
        # Only RFC 4122 UUIDs (variant bits 10) have a version.
        if (self.int >> 62) & 0b11 != 0b10:
            return None
        return (self.int >> 76) & 0xf

    def __str__(self):
        h = self.hex
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def __repr__(self):
        return f"{type(self).__name__}('{self}')"

    @property
    def urn(self):
        return "urn:uuid:" + str(self)

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self.int == other.int
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, UUID):
            return self.int < other.int
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, UUID):
            return self.int > other.int
        return NotImplemented

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int


_int = int
_bytes = bytes


def uuid4():
    return UUID(int=_random.getrandbits(128), version=4)


NAMESPACE_DNS = UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_URL = UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
