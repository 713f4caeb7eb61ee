# bz2 for asy over Go's compress/bzip2 (stdlib/bz2.go, _bunzip). Go's
# standard library has no bzip2 compressor, so compress, BZ2Compressor and
# opening for writing raise NotImplementedError; reading works, and a
# BZ2File decompresses the whole file at its first read.

import builtins
import io
import os
import _compression

__all__ = ["BZ2File", "BZ2Compressor", "BZ2Decompressor", "open", "compress", "decompress"]

_EOF_MSG = "Compressed data ended before the end-of-stream marker was reached"
_NO_COMPRESSION = ("asy cannot compress bzip2: Go's standard library (compress/bzip2) "
                   "only decompresses")


def _no_compression():
    raise NotImplementedError(_NO_COMPRESSION)


class BZ2Compressor:
    def __init__(self, compresslevel=9):
        _no_compression()


def compress(data, compresslevel=9):
    """Not available in asy: there is no bzip2 compressor to run."""
    _no_compression()


def decompress(data):
    """Decompress a block of data (any number of concatenated streams)."""
    data = bytes(data)
    if not data:
        return b""
    out, eof, _ = _bunzip(data)
    if not eof:
        raise ValueError(_EOF_MSG)
    return out


class BZ2Decompressor:
    """Incremental decompression. Concatenated streams come out as one (Go
    reads them together); data after the last one is unused_data."""

    def __init__(self):
        self._in = b""
        self._emitted = 0
        self.eof = False
        self.unused_data = b""
        self.needs_input = True

    def decompress(self, data, max_length=-1):
        if self.eof:
            raise EOFError("End of stream already reached")
        self._in += bytes(data)
        if not self._in:
            return b""
        out, eof, unused = _bunzip(self._in)
        new = out[self._emitted:]
        if max_length >= 0 and len(new) > max_length:
            new = new[:max_length]
            self.needs_input = False
        else:
            self.needs_input = not eof
            if eof:
                self.eof = True
                self.unused_data = self._in[unused:]
        self._emitted += len(new)
        return new


class BZ2File(_compression.MemoryReader):
    """A file object over bzip2-compressed data (reading only in asy)."""

    def __init__(self, filename, mode="r", *, compresslevel=9):
        self._fp = None
        self._closefp = False
        if mode in ("", "r", "rb"):
            mode_code = "rb"
        elif mode in ("w", "wb", "x", "xb", "a", "ab"):
            _no_compression()
        else:
            raise ValueError("Invalid mode: %r" % (mode,))
        if isinstance(filename, (str, bytes, os.PathLike)):
            self._fp = builtins.open(filename, mode_code)
            self._closefp = True
        elif hasattr(filename, "read") or hasattr(filename, "write"):
            self._fp = filename
        else:
            raise TypeError("filename must be a str, bytes, file or PathLike object")
        self.name = getattr(self._fp, "name", "")

    def _decompressed(self):
        return decompress(self._fp.read())

    @property
    def closed(self):
        return self._fp is None

    def _check_read(self, what):
        if self._fp is None:
            raise ValueError("I/O operation on closed file")

    def close(self):
        fp = self._fp
        self._fp = None
        if fp is not None and self._closefp:
            fp.close()

    def readable(self):
        self._check_read("readable")
        return True

    def writable(self):
        self._check_read("writable")
        return False

    def seekable(self):
        self._check_read("seekable")
        return True

    def write(self, data):
        self._check_read("write")
        raise io.UnsupportedOperation("File not open for writing")

    def tell(self):
        self._check_read("tell")
        return self._data().tell()

    def seek(self, offset, whence=io.SEEK_SET):
        self._check_read("seek")
        return self._data().seek(offset, whence)

    def fileno(self):
        self._check_read("fileno")
        return self._fp.fileno()

    def __enter__(self):
        self._check_read("__enter__")
        return self

    def __exit__(self, *exc):
        self.close()


def open(filename, mode="rb", compresslevel=9, encoding=None, errors=None, newline=None):
    """Open a bzip2-compressed file in binary or text mode (reading only)."""
    _compression.check_text_args(mode, encoding, errors, newline)
    bz_mode = mode.replace("t", "")
    binary_file = BZ2File(filename, bz_mode, compresslevel=compresslevel)
    if "t" in mode:
        return _compression.TextWrapper(binary_file, encoding, errors, newline)
    return binary_file
