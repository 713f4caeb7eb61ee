# zipfile for asy. The archive structure is Go's archive/zip
# (stdlib/zipfile.go: _read_dir lists the central directory, _writer
# writes members and the directory); member data is read here by seeking
# to its offset and inflating with zlib. Files are opened with the script's
# open(), so the granted file system applies; io.BytesIO needs no grant.
# Not supported: encryption (reading an encrypted member raises
# NotImplementedError), ZIP_LZMA, and writing ZIP_BZIP2.

import binascii
import builtins
import io
import os
import struct
import time
import warnings
import zlib

__all__ = ["BadZipFile", "BadZipfile", "error", "ZIP_STORED", "ZIP_DEFLATED", "ZIP_BZIP2",
           "ZIP_LZMA", "is_zipfile", "ZipInfo", "ZipFile", "PyZipFile", "LargeZipFile"]

ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14
DEFAULT_VERSION = 20
ZIP64_LIMIT = (1 << 31) - 1
ZIP_FILECOUNT_LIMIT = (1 << 16) - 1
ZIP_MAX_COMMENT = (1 << 16) - 1

compressor_names = {0: "store", 1: "shrink", 2: "reduce", 3: "reduce", 4: "reduce", 5: "reduce",
                    6: "implode", 7: "tokenize", 8: "deflate", 9: "deflate64", 10: "implode",
                    12: "bzip2", 14: "lzma", 18: "terse", 19: "lz77", 97: "wavpack", 98: "ppmd"}


def _check_compression(compression):
    if compression in (ZIP_STORED, ZIP_DEFLATED, ZIP_BZIP2):
        return
    if compression == ZIP_LZMA:
        raise RuntimeError("Compression requires the (missing) lzma module")
    raise NotImplementedError("That compression method is not supported")


def _filemode(mode):
    """ls -l's mode string, as stat.filemode makes it."""
    kinds = ((0o140000, "s"), (0o120000, "l"), (0o100000, "-"), (0o060000, "b"),
             (0o040000, "d"), (0o020000, "c"), (0o010000, "p"))
    out = "?"
    for bits, ch in kinds:
        if mode & 0o170000 == bits:
            out = ch
            break
    specials = ((0o4000, 2, "s", "S"), (0o2000, 5, "s", "S"), (0o1000, 8, "t", "T"))
    perms = list("rwxrwxrwx")
    for i in range(9):
        if not mode & (0o400 >> i):
            perms[i] = "-"
    for bit, pos, on, off in specials:
        if mode & bit:
            perms[pos] = on if perms[pos] == "x" else off
    return out + "".join(perms)


class ZipInfo:
    """Information about one member of a ZIP archive."""

    __slots__ = ("orig_filename", "filename", "date_time", "compress_type", "_compresslevel",
                 "comment", "extra", "create_system", "create_version", "extract_version",
                 "reserved", "flag_bits", "volume", "internal_attr", "external_attr",
                 "header_offset", "CRC", "compress_size", "file_size", "_data_offset")

    def __init__(self, filename="NoName", date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        null = filename.find(chr(0))
        if null >= 0:
            filename = filename[:null]
        if os.sep != "/" and os.sep in filename:
            filename = filename.replace(os.sep, "/")
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError("ZIP does not support timestamps before 1980")
        self.compress_type = ZIP_STORED
        self._compresslevel = None
        self.comment = b""
        self.extra = b""
        self.create_system = 3
        self.create_version = DEFAULT_VERSION
        self.extract_version = DEFAULT_VERSION
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.header_offset = 0
        self.CRC = 0
        self.compress_size = 0
        self.file_size = 0
        self._data_offset = None

    def __repr__(self):
        parts = ["<%s filename=%r" % (type(self).__name__, self.filename)]
        if self.compress_type != ZIP_STORED:
            parts.append(" compress_type=%s" % compressor_names.get(self.compress_type, self.compress_type))
        hi, lo = self.external_attr >> 16, self.external_attr & 0xFFFF
        if hi:
            parts.append(" filemode=%r" % _filemode(hi))
        if lo:
            parts.append(" external_attr=%#x" % lo)
        isdir = self.is_dir()
        if not isdir or self.file_size:
            parts.append(" file_size=%r" % self.file_size)
        if (not isdir or self.compress_size) and (self.compress_type != ZIP_STORED
                                                  or self.file_size != self.compress_size):
            parts.append(" compress_size=%r" % self.compress_size)
        return "".join(parts) + ">"

    def is_dir(self):
        return self.filename.endswith("/")

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        if isinstance(filename, os.PathLike):
            filename = os.fspath(filename)
        isdir = os.path.isdir(filename)
        mtime = time.localtime(os.path.getmtime(filename))
        date_time = mtime[0:6]
        if not strict_timestamps and date_time[0] < 1980:
            date_time = (1980, 1, 1, 0, 0, 0)
        elif not strict_timestamps and date_time[0] > 2107:
            date_time = (2107, 12, 31, 23, 59, 59)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(arcname)
        while arcname[0] in (os.sep, os.altsep):
            arcname = arcname[1:]
        if isdir:
            arcname += "/"
        zinfo = cls(arcname, date_time)
        # asy's os has no stat(): regular files get 0o644, directories 0o755.
        if isdir:
            zinfo.external_attr = (0o40755 << 16) | 0x10
            zinfo.file_size = 0
        else:
            zinfo.external_attr = 0o100644 << 16
            zinfo.file_size = os.path.getsize(filename)
        return zinfo

    def _prepare_for_write(self):
        try:
            self.filename.encode("ascii")
        except UnicodeEncodeError:
            self.flag_bits |= 0x800


class ZipExtFile(io.BufferedIOBase):
    """A member opened for reading: its whole content, served from memory."""

    def __init__(self, zinfo, data):
        self._zinfo = zinfo
        self._mem = io.BytesIO(data)
        self.name = zinfo.filename
        self.mode = "r"
        self._closed = False

    def __repr__(self):
        if self._closed:
            return "<%s.%s [closed]>" % (type(self).__module__, type(self).__qualname__)
        s = "<%s.%s name=%r mode=%r" % (type(self).__module__, type(self).__qualname__, self.name, self.mode)
        if self._zinfo.compress_type != ZIP_STORED:
            s += " compress_type=%s" % compressor_names.get(self._zinfo.compress_type,
                                                              self._zinfo.compress_type)
        return s + ">"

    @property
    def closed(self):
        return self._closed

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def read(self, n=-1):
        self._check()
        return self._mem.read(-1 if n is None else n)

    def read1(self, n=-1):
        return self.read(n)

    def peek(self, n=1):
        self._check()
        pos = self._mem.tell()
        out = self._mem.read(max(n, 1))
        self._mem.seek(pos)
        return out

    def readline(self, limit=-1):
        self._check()
        return self._mem.readline(limit)

    def readlines(self, hint=-1):
        self._check()
        return self._mem.readlines(hint)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def seek(self, offset, whence=0):
        self._check()
        return self._mem.seek(offset, whence)

    def tell(self):
        self._check()
        return self._mem.tell()

    def close(self):
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _ZipWriteFile(io.BufferedIOBase):
    """A member opened for writing: collected, then written on close."""

    def __init__(self, zf, zinfo):
        self._zf = zf
        self._zinfo = zinfo
        self._parts = []
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def writable(self):
        return True

    def write(self, data):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        if isinstance(data, (bytes, bytearray)):
            n = len(data)
        else:
            data = memoryview(data)
            n = data.nbytes
        self._parts.append(bytes(data))
        return n

    def close(self):
        if self._closed:
            return
        self._closed = True
        self._zf._writing = False
        self._zf._write_member(self._zinfo, b"".join(self._parts))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _is_zip(fp):
    try:
        size = fp.seek(0, 2)
        _read_dir(fp, size)
        return True
    except BadZipFile:
        return False


def is_zipfile(filename):
    """Whether filename (a path or a file object) is a ZIP archive."""
    try:
        if hasattr(filename, "read"):
            pos = filename.tell()
            try:
                return _is_zip(filename)
            finally:
                filename.seek(pos)
        with builtins.open(filename, "rb") as fp:
            return _is_zip(fp)
    except OSError:
        return False


class ZipFile:
    """A ZIP archive in a file (path or file object), for reading ('r'),
    writing ('w', 'x') or appending ('a')."""

    fp = None
    _writer = None

    def __init__(self, file, mode="r", compression=ZIP_STORED, allowZip64=True,
                 compresslevel=None, *, strict_timestamps=True, metadata_encoding=None):
        if mode not in ("r", "w", "x", "a"):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        _check_compression(compression)
        self._allowZip64 = allowZip64
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self.compression = compression
        self.compresslevel = compresslevel
        self.mode = mode
        self.pwd = None
        self._comment = b""
        self._strict_timestamps = strict_timestamps
        self._writing = False
        self._end = 0
        if isinstance(file, os.PathLike):
            file = os.fspath(file)
        if isinstance(file, str):
            self._filePassed = 0
            self.filename = file
            modes = {"r": "rb", "w": "w+b", "x": "x+b", "a": "r+b"}
            try:
                self.fp = builtins.open(file, modes[mode])
            except FileNotFoundError:
                if mode != "a":
                    raise
                mode = "w"
                self.fp = builtins.open(file, "w+b")
        else:
            self._filePassed = 1
            self.fp = file
            self.filename = getattr(file, "name", None)
        try:
            if mode == "r":
                self._load()
            elif mode in ("w", "x"):
                self._start_writer(self.fp.tell())
            else:
                self._start_append()
        except BaseException:
            fp = self.fp
            self.fp = None
            if not self._filePassed:
                fp.close()
            raise

    def _load(self):
        size = self.fp.seek(0, 2)
        entries, self._comment = _read_dir(self.fp, size)
        for e in entries:
            zinfo = ZipInfo.__new__(ZipInfo)
            (name, zinfo.flag_bits, zinfo.compress_type, zinfo.date_time, zinfo.CRC,
             zinfo.compress_size, zinfo.file_size, zinfo.comment, zinfo.extra,
             zinfo.create_system, zinfo.create_version, zinfo.extract_version, zinfo.reserved,
             zinfo.external_attr, zinfo.header_offset, zinfo._data_offset) = e
            zinfo.orig_filename = name
            zinfo.filename = name
            zinfo._compresslevel = None
            zinfo.volume = 0
            zinfo.internal_attr = 0
            self.filelist.append(zinfo)
            self.NameToInfo[name] = zinfo

    def _start_writer(self, offset):
        self._writer = _writer(self.fp, offset)
        self._end = offset

    def _start_append(self):
        size = self.fp.seek(0, 2)
        try:
            self._load()
        except BadZipFile:
            # Not an archive: a new one goes after what the file holds.
            self._start_writer(size)
            return
        # Go's writer cannot take over an existing central directory, so the
        # members are read and written again, in order, from the first one.
        old = [(z, self._raw(z)) for z in self.filelist]
        start = min([z.header_offset for z in self.filelist], default=None)
        if start is None:
            start = size - 22 - len(self._comment)
        self.fp.seek(start)
        self.fp.truncate()
        self._start_writer(start)
        for zinfo, raw in old:
            self._add(zinfo, raw, None, True)

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __repr__(self):
        result = ["<%s.%s" % (type(self).__module__, type(self).__qualname__)]
        if self.fp is not None:
            if self._filePassed:
                result.append(" file=%r" % self.fp)
            elif self.filename is not None:
                result.append(" filename=%r" % self.filename)
            result.append(" mode=%r" % self.mode)
        else:
            result.append(" [closed]")
        result.append(">")
        return "".join(result)

    @property
    def comment(self):
        return self._comment

    @comment.setter
    def comment(self, comment):
        if not isinstance(comment, bytes):
            raise TypeError("comment: expected bytes, got %s" % type(comment).__name__)
        if len(comment) > ZIP_MAX_COMMENT:
            warnings.warn("Archive comment is too long; truncating to %d bytes" % ZIP_MAX_COMMENT,
                          stacklevel=2)
            comment = comment[:ZIP_MAX_COMMENT]
        self._comment = comment

    def namelist(self):
        return [data.filename for data in self.filelist]

    def infolist(self):
        return self.filelist

    def printdir(self, file=None):
        print("%-46s %19s %12s" % ("File Name", "Modified    ", "Size"), file=file)
        for zinfo in self.filelist:
            date = "%d-%02d-%02d %02d:%02d:%02d" % zinfo.date_time[:6]
            print("%-46s %s %12d" % (zinfo.filename, date, zinfo.file_size), file=file)

    def getinfo(self, name):
        info = self.NameToInfo.get(name)
        if info is None:
            raise KeyError("There is no item named %r in the archive" % name)
        return info

    def setpassword(self, pwd):
        if pwd and not isinstance(pwd, bytes):
            raise TypeError("pwd: expected bytes, got %s" % type(pwd).__name__)
        self.pwd = pwd

    def _raw(self, zinfo):
        """The member's stored (compressed) bytes."""
        if zinfo._data_offset is None:
            self.fp.seek(zinfo.header_offset)
            head = self.fp.read(30)
            if len(head) != 30 or head[:4] != b"PK\003\004":
                raise BadZipFile("Bad magic number for file header")
            n, m = struct.unpack("<HH", head[26:30])
            zinfo._data_offset = zinfo.header_offset + 30 + n + m
        self.fp.seek(zinfo._data_offset)
        raw = self.fp.read(zinfo.compress_size)
        if len(raw) != zinfo.compress_size:
            raise EOFError
        return raw

    def _member_data(self, zinfo):
        if zinfo.flag_bits & 0x1:
            raise NotImplementedError("asy's zipfile cannot read encrypted member %r" % zinfo.filename)
        raw = self._raw(zinfo)
        if zinfo.compress_type == ZIP_STORED or (not raw and zinfo.file_size == 0):
            data = raw
        elif zinfo.compress_type == ZIP_DEFLATED:
            data = zlib.decompress(raw, -15)
        elif zinfo.compress_type == ZIP_BZIP2:
            import bz2
            data = bz2.decompress(raw)
        else:
            raise NotImplementedError("compression type %d (%s)" % (
                zinfo.compress_type, compressor_names.get(zinfo.compress_type, "unknown")))
        if zlib.crc32(data) != zinfo.CRC:
            raise BadZipFile("Bad CRC-32 for file %r" % zinfo.filename)
        return data

    def _info(self, name):
        if isinstance(name, ZipInfo):
            return name
        return self.getinfo(name)

    def read(self, name, pwd=None):
        with self.open(name, "r", pwd) as fp:
            return fp.read()

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        if mode not in {"r", "w"}:
            raise ValueError('open() requires mode "r" or "w"')
        if pwd and not isinstance(pwd, bytes):
            raise TypeError("pwd: expected bytes, got %s" % type(pwd).__name__)
        if pwd and mode == "w":
            raise ValueError("pwd is only supported for reading files")
        if not self.fp:
            raise ValueError("Attempt to use ZIP archive that was already closed")
        if mode == "w":
            if isinstance(name, ZipInfo):
                zinfo = name
            else:
                zinfo = ZipInfo(name)
                zinfo.compress_type = self.compression
                zinfo._compresslevel = self.compresslevel
            return self._open_to_write(zinfo)
        if self._writing:
            raise ValueError("Can't read from the ZIP file while there is an open writing handle "
                             "on it. Close the writing handle before trying to read.")
        zinfo = self._info(name)
        return ZipExtFile(zinfo, self._member_data(zinfo))

    def _open_to_write(self, zinfo):
        if self._writing:
            raise ValueError("Can't write to the ZIP file while there is another write handle open "
                             "on it. Close the first handle before opening another.")
        self._check_writable(zinfo)
        self._writing = True
        return _ZipWriteFile(self, zinfo)

    def _check_writable(self, zinfo):
        if self.mode not in ("w", "x", "a"):
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        _check_compression(zinfo.compress_type)
        if zinfo.filename in self.NameToInfo:
            warnings.warn("Duplicate name: %r" % zinfo.filename, stacklevel=4)

    def _add(self, zinfo, data, level, raw):
        self.fp.seek(self._end)
        zinfo.CRC, zinfo.compress_size, zinfo.file_size, zinfo.header_offset = \
            self._writer.add(zinfo, data, level, raw)
        zinfo._data_offset = (zinfo.header_offset + 30 + len(zinfo.filename.encode("utf-8"))
                              + len(zinfo.extra))
        self._end = self.fp.tell()

    def _write_member(self, zinfo, data):
        if zinfo.compress_type == ZIP_BZIP2:
            import bz2
            bz2.compress(data)  # raises: asy cannot compress bzip2
        if not zinfo.external_attr:
            zinfo.external_attr = 0o600 << 16  # ?rw-------
        zinfo._prepare_for_write()
        level = zinfo._compresslevel
        if level is None:
            level = self.compresslevel
        self._add(zinfo, data, level, False)
        self.filelist.append(zinfo)
        self.NameToInfo[zinfo.filename] = zinfo

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists")
        zinfo = ZipInfo.from_file(filename, arcname, strict_timestamps=self._strict_timestamps)
        if zinfo.is_dir():
            zinfo.compress_size = 0
            zinfo.CRC = 0
            data = b""
        else:
            zinfo.compress_type = self.compression if compress_type is None else compress_type
            zinfo._compresslevel = self.compresslevel if compresslevel is None else compresslevel
            with builtins.open(filename, "rb") as src:
                data = src.read()
        self._check_writable(zinfo)
        self._write_member(zinfo, data)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(zinfo_or_arcname, ZipInfo):
            zinfo = ZipInfo(filename=zinfo_or_arcname, date_time=time.localtime(time.time())[:6])
            zinfo.compress_type = self.compression
            zinfo._compresslevel = self.compresslevel
            if zinfo.filename.endswith("/"):
                zinfo.external_attr = 0o40775 << 16
                zinfo.external_attr |= 0x10
            else:
                zinfo.external_attr = 0o600 << 16
        else:
            zinfo = zinfo_or_arcname
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists.")
        if compress_type is not None:
            zinfo.compress_type = compress_type
        if compresslevel is not None:
            zinfo._compresslevel = compresslevel
        self._check_writable(zinfo)
        self._write_member(zinfo, bytes(data))

    def mkdir(self, zinfo_or_directory_name, mode=511):
        if isinstance(zinfo_or_directory_name, ZipInfo):
            zinfo = zinfo_or_directory_name
            if not zinfo.is_dir():
                raise ValueError("The given ZipInfo does not describe a directory")
        elif isinstance(zinfo_or_directory_name, str):
            directory_name = zinfo_or_directory_name
            if not directory_name.endswith("/"):
                directory_name += "/"
            zinfo = ZipInfo(directory_name)
            zinfo.compress_size = 0
            zinfo.CRC = 0
            zinfo.external_attr = ((0o40000 | mode) & 0xFFFF) << 16
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10
        else:
            raise TypeError("Expected type str or ZipInfo")
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists.")
        self._check_writable(zinfo)
        self._write_member(zinfo, b"")

    def testzip(self):
        for zinfo in self.filelist:
            try:
                self._member_data(zinfo)
            except BadZipFile:
                return zinfo.filename
        return None

    def extract(self, member, path=None, pwd=None):
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        return self._extract_member(member, path, pwd)

    def extractall(self, path=None, members=None, pwd=None):
        if members is None:
            members = self.namelist()
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        for zipinfo in members:
            self._extract_member(zipinfo, path, pwd)

    def _extract_member(self, member, targetpath, pwd):
        """Writes one member under targetpath. Its name is made safe first:
        no drive or leading slash, no '.' or '..' components, so nothing
        lands outside targetpath."""
        if not isinstance(member, ZipInfo):
            member = self.getinfo(member)
        arcname = member.filename.replace("/", os.path.sep)
        if os.path.altsep:
            arcname = arcname.replace(os.path.altsep, os.path.sep)
        parts = [x for x in arcname.split(os.path.sep) if x not in ("", os.path.curdir, os.path.pardir)]
        arcname = os.path.sep.join(parts)
        targetpath = os.path.join(targetpath, arcname)
        targetpath = os.path.normpath(targetpath)
        upperdirs = os.path.dirname(targetpath)
        if upperdirs and not os.path.exists(upperdirs):
            os.makedirs(upperdirs)
        if member.is_dir():
            if not os.path.isdir(targetpath):
                os.mkdir(targetpath)
            return targetpath
        data = self.read(member, pwd)
        with builtins.open(targetpath, "wb") as target:
            target.write(data)
        return targetpath

    def close(self):
        if self.fp is None:
            return
        if self._writing:
            raise ValueError("Can't close the ZIP file while there is an open writing handle on it. "
                             "Close the writing handle before closing the zip.")
        try:
            if self._writer is not None:
                self.fp.seek(self._end)
                self._writer.close(self._comment)
                self.fp.flush()
        finally:
            fp = self.fp
            self.fp = None
            if not self._filePassed:
                fp.close()


class PyZipFile(ZipFile):
    """Not provided by asy (it compiles to CPython bytecode)."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("asy has no PyZipFile: it has no .pyc files to store")
