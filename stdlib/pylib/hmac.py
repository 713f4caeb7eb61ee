# hmac for asy: keyed hashing (RFC 2104) over hashlib's objects;
# compare_digest is native (stdlib/hmac.go).
#
# HMAC(K, m) = H((K' ^ opad) + H((K' ^ ipad) + m)), where K' is the key
# hashed first if it is longer than H's block, then zero-padded to a block.
# An HMAC object is therefore a pair of running hashes primed with the two
# padded keys: updates feed the inner one, and a digest finishes a copy of
# the inner one into a copy of the outer one, so digesting never ends the
# object's own state.

import hashlib as _hashlib

# The byte maps that XOR with the outer and inner pad (public in CPython).
trans_5C = bytes(x ^ 0x5C for x in range(256))
trans_36 = bytes(x ^ 0x36 for x in range(256))

# Not known until a digestmod is chosen; kept for API compatibility.
digest_size = None


def _hash_factory(digestmod):
    # digestmod may be a hashlib name, a constructor such as hashlib.sha256,
    # or a module exposing new(); each becomes "call with optional data".
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda data=b'': _hashlib.new(digestmod, data)
    return lambda data=b'': digestmod.new(data)


def _primed(key, factory, fallback_block):
    # The (inner, outer) hashes with their padded keys already fed in, and
    # the block size used.
    inner = factory()
    outer = factory()
    block = getattr(inner, 'block_size', fallback_block)
    if block < 16:
        block = fallback_block
    if len(key) > block:
        key = factory(key).digest()
    padded = bytes(key) + bytes(block - len(key))
    inner.update(bytes(trans_36[b] for b in padded))
    outer.update(bytes(trans_5C[b] for b in padded))
    return inner, outer, block


def _need_buffer(value):
    if isinstance(value, (bytes, bytearray)):
        return value
    try:
        return bytes(memoryview(value))
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(value).__name__}'") from None


class HMAC:
    """RFC 2104 HMAC class; also the type of hmac.new()'s results."""

    blocksize = 64  # the block size assumed for hashes that report none

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r" % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        self._inner, self._outer, self.block_size = _primed(key, _hash_factory(digestmod), self.blocksize)
        self.digest_size = self._inner.digest_size
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return 'hmac-' + self._inner.name

    def update(self, msg):
        """Feed msg (bytes-like) into the MAC."""
        self._inner.update(msg)

    def copy(self):
        """An independent HMAC object in the same state."""
        # Bypasses __init__ (there is no key to re-derive from); the copy is
        # of the same class, subclasses included.
        twin = type(self).__new__(type(self))
        twin.__dict__.update(self.__dict__)
        twin._inner = self._inner.copy()
        twin._outer = self._outer.copy()
        return twin

    def _finished(self):
        outer = self._outer.copy()
        outer.update(self._inner.digest())
        return outer

    def digest(self):
        """The MAC of everything fed so far, as bytes."""
        return self._finished().digest()

    def hexdigest(self):
        """digest() as a string of hex digits."""
        return self._finished().hexdigest()


def new(key, msg=None, digestmod=''):
    """A new HMAC object: key is bytes or bytearray, digestmod names the hash."""
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The MAC of msg under key in one call, as bytes."""
    key = _need_buffer(key)
    msg = _need_buffer(msg)
    inner, outer, _ = _primed(key, _hash_factory(digest), 64)
    inner.update(msg)
    outer.update(inner.digest())
    return outer.digest()
