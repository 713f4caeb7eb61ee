# gzip for asy, written for asy over its zlib (Go's compress/flate): the
# gzip container (header, CRC-32 and size trailer, several members) is
# read and written here. A GzipFile opened for reading decompresses the
# whole file at its first read and serves it from memory.

import builtins
import io
import os
import struct
import time
import zlib
import _compression

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

READ, WRITE = 1, 2
FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16
_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9
_EOF_MSG = "Compressed file ended before the end-of-stream marker was reached"


class BadGzipFile(OSError):
    """Exception raised in some cases for invalid gzip files."""


def _xfl(level):
    if level == _COMPRESS_LEVEL_BEST:
        return 2
    if level == _COMPRESS_LEVEL_FAST:
        return 4
    return 0


def _header(level, mtime, fname=b"", os_byte=255):
    if mtime is None:
        mtime = time.time()
    flags = FNAME if fname else 0
    head = struct.pack("<BBBBLBB", 0x1f, 0x8b, 8, flags, int(mtime) & 0xffffffff, _xfl(level), os_byte)
    if fname:
        head += fname + b"\000"
    return head


def _skip_header(data, pos):
    """Reads the member header at pos: (position of the deflate data,
    mtime), or None at the end of the data."""
    magic = data[pos:pos + 2]
    if magic == b"":
        return None
    if magic != b"\037\213":
        raise BadGzipFile("Not a gzipped file (%r)" % magic)
    if len(data) < pos + 10:
        raise EOFError(_EOF_MSG)
    method, flag, mtime = struct.unpack("<BBI", data[pos + 2:pos + 8])
    if method != 8:
        raise BadGzipFile("Unknown compression method")
    pos += 10
    if flag & FEXTRA:
        if len(data) < pos + 2:
            raise EOFError(_EOF_MSG)
        (xlen,) = struct.unpack("<H", data[pos:pos + 2])
        pos += 2 + xlen
    for bit in (FNAME, FCOMMENT):
        if flag & bit:
            end = data.find(b"\000", pos)
            if end < 0:
                raise EOFError(_EOF_MSG)
            pos = end + 1
    if flag & FHCRC:
        pos += 2
    if pos > len(data):
        raise EOFError(_EOF_MSG)
    return pos, mtime


def _decompress_members(data):
    """Every member's data, and the mtime of the last one read."""
    data = bytes(data)
    out = []
    pos = 0
    mtime = None
    while True:
        head = _skip_header(data, pos)
        if head is None:
            break
        pos, mtime = head
        d = zlib.decompressobj(-zlib.MAX_WBITS)
        chunk = d.decompress(data[pos:])
        if not d.eof:
            raise EOFError(_EOF_MSG)
        rest = d.unused_data
        if len(rest) < 8:
            raise EOFError(_EOF_MSG)
        crc, isize = struct.unpack("<II", rest[:8])
        if crc != zlib.crc32(chunk):
            raise BadGzipFile("CRC check failed")
        if isize != len(chunk) & 0xffffffff:
            raise BadGzipFile("Incorrect length of data produced")
        out.append(chunk)
        pos = len(data) - len(rest) + 8
        # Zero padding may follow a member.
        while pos < len(data) and data[pos] == 0:
            pos += 1
    return b"".join(out), mtime


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """Compress data in one shot and return the compressed string."""
    data = bytes(data)
    # CPython lets zlib write the header when mtime is 0 (OS byte: Unix).
    head = _header(compresslevel, mtime, os_byte=3 if mtime == 0 else 255)
    body = zlib.compress(data, compresslevel, -zlib.MAX_WBITS)
    return head + body + struct.pack("<II", zlib.crc32(data), len(data) & 0xffffffff)


def decompress(data):
    """Decompress a gzip compressed string in one shot."""
    return _decompress_members(data)[0]


class GzipFile(_compression.MemoryReader):
    """A file object over gzip-compressed data in a file or file object."""

    myfileobj = None

    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST,
                 fileobj=None, mtime=None):
        if mode and ("t" in mode or "U" in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and "b" not in mode:
            mode += "b"
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or "rb")
        if filename is None:
            filename = getattr(fileobj, "name", "")
            if not isinstance(filename, (str, bytes)):
                filename = ""
        else:
            filename = os.fspath(filename)
        if mode is None:
            mode = getattr(fileobj, "mode", "rb")
        if mode.startswith("r"):
            self.mode = READ
        elif mode.startswith(("w", "a", "x")):
            self.mode = WRITE
            self._crc = zlib.crc32(b"")
            self._size = 0
            self._compress = zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS,
                                              zlib.DEF_MEM_LEVEL, 0)
            self._write_mtime = mtime
            self._level = compresslevel
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))
        self.fileobj = fileobj
        self.name = filename
        if self.mode == WRITE:
            self._write_header()

    def _write_header(self):
        fname = os.path.basename(self.name)
        if not isinstance(fname, bytes):
            fname = fname.encode("latin-1")
        if fname.endswith(b".gz"):
            fname = fname[:-3]
        self.fileobj.write(_header(self._level, self._write_mtime, fname))

    def __repr__(self):
        s = repr(self.fileobj)
        return "<gzip " + s[1:-1] + " " + hex(id(self)) + ">"

    @property
    def closed(self):
        return self.fileobj is None

    def _check_not_closed(self):
        if self.fileobj is None:
            raise ValueError("I/O operation on closed file")

    def _check_read(self, what):
        self._check_not_closed()
        if self.mode != READ:
            raise OSError(9, what + "() on write-only GzipFile object")

    def _decompressed(self):
        data, mtime = _decompress_members(self.fileobj.read())
        self.mtime = mtime
        return data

    def write(self, data):
        self._check_not_closed()
        if self.mode != WRITE:
            raise OSError(9, "write() on read-only GzipFile object")
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
            data = bytes(data)
        if length > 0:
            self.fileobj.write(self._compress.compress(data))
            self._size += length
            self._crc = zlib.crc32(data, self._crc)
        return length

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def close(self):
        fileobj = self.fileobj
        if fileobj is None:
            return
        self.fileobj = None
        try:
            if self.mode == WRITE:
                fileobj.write(self._compress.flush())
                fileobj.write(struct.pack("<II", self._crc, self._size & 0xffffffff))
        finally:
            myfileobj = self.myfileobj
            if myfileobj:
                self.myfileobj = None
                myfileobj.close()

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            self.fileobj.write(self._compress.flush(zlib_mode))
            self.fileobj.flush()

    def fileno(self):
        return self.fileobj.fileno()

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def tell(self):
        self._check_not_closed()
        if self.mode == WRITE:
            return self._size
        return self._data().tell()

    def seek(self, offset, whence=io.SEEK_SET):
        self._check_not_closed()
        if self.mode == WRITE:
            if whence == io.SEEK_CUR:
                offset = self._size + offset
            elif whence != io.SEEK_SET:
                raise ValueError("Seek from end not supported")
            if offset < self._size:
                raise OSError("Negative seek in write mode")
            self.write(b"\0" * (offset - self._size))
            return self._size
        return self._data().seek(offset, whence)

    def rewind(self):
        self._check_read("seek")
        self._data().seek(0)

    def __enter__(self):
        self._check_not_closed()
        return self

    def __exit__(self, *exc):
        self.close()


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST,
         encoding=None, errors=None, newline=None):
    """Open a gzip-compressed file in binary or text mode."""
    _compression.check_text_args(mode, encoding, errors, newline)
    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes, os.PathLike)):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")
    if "t" in mode:
        return _compression.TextWrapper(binary_file, encoding, errors, newline)
    return binary_file
