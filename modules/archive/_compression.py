# Shared pieces of asy's gzip, bz2 and tarfile (not CPython's module of
# this name, which is private too): a text layer over a binary compressed
# file (asy's io.TextIOWrapper cannot wrap a Python object) and the
# in-memory reader that decompressed data is served from.

import io


def check_text_args(mode, encoding, errors, newline):
    """open()'s argument rules for a compressed file's mode."""
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")


class TextWrapper:
    """Text over a binary file object: reads decode the whole content at
    the first read; writes encode each string as it comes."""

    def __init__(self, raw, encoding=None, errors=None, newline=None):
        self.buffer = raw
        self.encoding = encoding or "UTF-8"
        self.errors = errors or "strict"
        self._newline = newline
        self._text = None

    def _reader(self):
        if self._text is None:
            text = self.buffer.read().decode(self.encoding, self.errors)
            if self._newline is None:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            self._text = io.StringIO(text)
        return self._text

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return False

    def read(self, size=-1):
        self._check()
        return self._reader().read(size)

    def readline(self, size=-1):
        self._check()
        return self._reader().readline(size)

    def readlines(self, hint=-1):
        self._check()
        return self._reader().readlines(hint)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        text = s
        if self._newline not in (None, "", "\n"):
            text = text.replace("\n", self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self.buffer.flush()

    def close(self):
        self.buffer.close()

    def _check(self):
        if self.buffer.closed:
            raise ValueError("I/O operation on closed file.")

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()


class MemoryReader:
    """The read side of a compressed file: decompress() (given by the
    subclass) yields the whole content at the first read, which is then
    served from memory."""

    _mem = None

    def _decompressed(self):
        raise NotImplementedError

    def _data(self):
        if self._mem is None:
            self._mem = io.BytesIO(self._decompressed())
        return self._mem

    def read(self, size=-1):
        self._check_read("read")
        return self._data().read(-1 if size is None else size)

    def read1(self, size=-1):
        return self.read(size)

    def peek(self, n=0):
        self._check_read("peek")
        m = self._data()
        pos = m.tell()
        out = m.read(max(n, 1))
        m.seek(pos)
        return out

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check_read("readline")
        return self._data().readline(-1 if size is None else size)

    def readlines(self, hint=-1):
        self._check_read("readlines")
        return self._data().readlines(hint)

    def __iter__(self):
        self._check_read("readline")
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line
