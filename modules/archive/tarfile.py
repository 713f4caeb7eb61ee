# tarfile for asy. Headers are Go's archive/tar (stdlib/tarfile.go:
# _read_tar parses an archive in memory, _writer writes one, gzip-compressed
# or not, to a file object). An archive opened for reading is read whole,
# decompressed (gzip and bz2 through asy's modules) and its members kept
# in memory. Files go through the script's open() and os, so the granted
# file system applies; io.BytesIO needs no grant.
#
# Extraction honours 3.11's filters ('data', 'tar', 'fully_trusting' or a
# callable). Without one, asy is safer than CPython 3.11 (which trusts the
# archive fully): members whose path is absolute or leads outside the
# destination are refused as the 'tar' filter refuses them. asy's os has no
# chmod/utime/chown, so modes, times and owners are not restored; links are
# extracted as copies of their target, and device and fifo members are
# skipped.

import builtins
import io
import os
import time
import _compression

__all__ = ["TarFile", "TarInfo", "is_tarfile", "TarError", "ReadError", "CompressionError",
           "StreamError", "ExtractError", "HeaderError", "ENCODING", "USTAR_FORMAT",
           "GNU_FORMAT", "PAX_FORMAT", "DEFAULT_FORMAT", "open", "fully_trusting_filter",
           "data_filter", "tar_filter", "FilterError", "AbsoluteLinkError",
           "OutsideDestinationError", "SpecialFileError", "AbsolutePathError",
           "LinkOutsideDestinationError"]

NUL = b"\0"
BLOCKSIZE = 512
RECORDSIZE = BLOCKSIZE * 20
REGTYPE = b"0"
AREGTYPE = b"\0"
LNKTYPE = b"1"
SYMTYPE = b"2"
CHRTYPE = b"3"
BLKTYPE = b"4"
DIRTYPE = b"5"
FIFOTYPE = b"6"
CONTTYPE = b"7"
GNUTYPE_LONGNAME = b"L"
GNUTYPE_LONGLINK = b"K"
GNUTYPE_SPARSE = b"S"
XHDTYPE = b"x"
XGLTYPE = b"g"
SOLARIS_XHDTYPE = b"X"
USTAR_FORMAT = 0
GNU_FORMAT = 1
PAX_FORMAT = 2
DEFAULT_FORMAT = PAX_FORMAT
ENCODING = "utf-8"
REGULAR_TYPES = (REGTYPE, AREGTYPE, CONTTYPE, GNUTYPE_SPARSE)


class StreamError(TarError):
    """Exception for unsupported operations on stream-like TarFiles."""


class ExtractError(TarError):
    """General exception for extract errors."""


class HeaderError(TarError):
    """Base exception for header errors."""


class FilterError(TarError):
    pass


class AbsolutePathError(FilterError):
    def __init__(self, tarinfo):
        self.tarinfo = tarinfo
        super().__init__(f"member {tarinfo.name!r} has an absolute path")


class OutsideDestinationError(FilterError):
    def __init__(self, tarinfo, path):
        self.tarinfo = tarinfo
        self._path = path
        super().__init__(f"{tarinfo.name!r} would be extracted to {path!r}, "
                         + "which is outside the destination")


class SpecialFileError(FilterError):
    def __init__(self, tarinfo):
        self.tarinfo = tarinfo
        super().__init__(f"{tarinfo.name!r} is a special file")


class AbsoluteLinkError(FilterError):
    def __init__(self, tarinfo):
        self.tarinfo = tarinfo
        super().__init__(f"{tarinfo.name!r} is a link to an absolute path")


class LinkOutsideDestinationError(FilterError):
    def __init__(self, tarinfo, path):
        self.tarinfo = tarinfo
        self._path = path
        super().__init__(f"{tarinfo.name!r} would link to {path!r}, "
                         + "which is outside the destination")


def _within(path, dest):
    """Whether the real path path lies in the real directory dest."""
    return path == dest or path.startswith(dest.rstrip(os.sep) + os.sep)


def _filtered(member, dest_path, for_data):
    """What a filter changes in member, or raises FilterError."""
    changes = {}
    name = member.name
    dest_path = os.path.realpath(dest_path)
    if name.startswith(("/", os.sep)):
        name = changes["name"] = member.path.lstrip("/" + os.sep)
    if os.path.isabs(name):
        raise AbsolutePathError(member)
    target = os.path.realpath(os.path.join(dest_path, name))
    if not _within(target, dest_path):
        raise OutsideDestinationError(member, target)
    mode = member.mode
    if mode is not None:
        mode &= 0o7755
        if for_data:
            if member.isreg() or member.islnk():
                if not mode & 0o100:
                    mode &= ~0o111
                mode |= 0o600
            elif member.isdir() or member.issym():
                mode = None
            else:
                raise SpecialFileError(member)
        if mode != member.mode:
            changes["mode"] = mode
    if for_data:
        for attr in ("uid", "gid", "uname", "gname"):
            if getattr(member, attr) is not None:
                changes[attr] = None
        if member.islnk() or member.issym():
            if os.path.isabs(member.linkname):
                raise AbsoluteLinkError(member)
            if member.issym():
                link = os.path.join(dest_path, os.path.dirname(name), member.linkname)
            else:
                link = os.path.join(dest_path, member.linkname)
            link = os.path.realpath(link)
            if not _within(link, dest_path):
                raise LinkOutsideDestinationError(member, link)
    return changes


def fully_trusting_filter(member, dest_path):
    return member


def tar_filter(member, dest_path):
    changes = _filtered(member, dest_path, False)
    return member.replace(**changes, deep=False) if changes else member


def data_filter(member, dest_path):
    changes = _filtered(member, dest_path, True)
    return member.replace(**changes, deep=False) if changes else member


def _asy_default_filter(member, dest_path):
    """asy's default: CPython 3.11's full trust, except that nothing is
    written outside the destination (checked as the 'tar' filter does)."""
    changes = _filtered(member, dest_path, False)
    if "name" in changes:
        return member.replace(name=changes["name"], deep=False)
    return member


_NAMED_FILTERS = {"fully_trusting": fully_trusting_filter, "tar": tar_filter, "data": data_filter}


def _filemode(mode):
    import zipfile
    return zipfile._filemode(mode)


class TarInfo:
    """Information about one member of a tar archive."""

    def __init__(self, name=""):
        self.name = name
        self.mode = 0o644
        self.uid = 0
        self.gid = 0
        self.size = 0
        self.mtime = 0
        self.chksum = 0
        self.type = REGTYPE
        self.linkname = ""
        self.uname = ""
        self.gname = ""
        self.devmajor = 0
        self.devminor = 0
        self.offset = 0
        self.offset_data = 0
        self.sparse = None
        self.pax_headers = {}
        self._data = None

    @property
    def path(self):
        return self.name

    @path.setter
    def path(self, name):
        self.name = name

    @property
    def linkpath(self):
        return self.linkname

    @linkpath.setter
    def linkpath(self, linkname):
        self.linkname = linkname

    def __repr__(self):
        return "<%s %r at %#x>" % (type(self).__name__, self.name, id(self))

    def replace(self, *, name=..., mtime=..., mode=..., linkname=..., uid=..., gid=...,
                uname=..., gname=..., deep=True):
        import copy
        result = copy.deepcopy(self) if deep else copy.copy(self)
        for attr, value in (("name", name), ("mtime", mtime), ("mode", mode),
                            ("linkname", linkname), ("uid", uid), ("gid", gid),
                            ("uname", uname), ("gname", gname)):
            if value is not ...:
                setattr(result, attr, value)
        return result

    def get_info(self):
        mode = None if self.mode is None else self.mode & 0o7777
        info = {"name": self.name, "mode": mode, "uid": self.uid, "gid": self.gid,
                "size": self.size, "mtime": self.mtime, "chksum": self.chksum,
                "type": self.type, "linkname": self.linkname, "uname": self.uname,
                "gname": self.gname, "devmajor": self.devmajor, "devminor": self.devminor}
        if info["type"] == DIRTYPE and not info["name"].endswith("/"):
            info["name"] += "/"
        return info

    def isfile(self):
        return self.isreg()

    def isreg(self):
        return self.type in REGULAR_TYPES

    def isdir(self):
        return self.type == DIRTYPE

    def issym(self):
        return self.type == SYMTYPE

    def islnk(self):
        return self.type == LNKTYPE

    def ischr(self):
        return self.type == CHRTYPE

    def isblk(self):
        return self.type == BLKTYPE

    def isfifo(self):
        return self.type == FIFOTYPE

    def issparse(self):
        return self.sparse is not None

    def isdev(self):
        return self.type in (CHRTYPE, BLKTYPE, FIFOTYPE)

    def _header(self):
        info = self.get_info()
        return (info["name"], info["linkname"], info["size"], info["mode"] or 0,
                info["uid"] or 0, info["gid"] or 0, info["uname"] or "", info["gname"] or "",
                info["mtime"], info["type"], info["devmajor"], info["devminor"], {})


class ExFileObject(_compression.MemoryReader):
    """A member's data opened by extractfile()."""

    def __init__(self, tarfile, tarinfo):
        self.name = getattr(tarfile.fileobj, "name", None) if tarfile.fileobj is not None else None
        self._content = tarinfo._data or b""
        self._closed = False
        self.mode = "rb"

    def __repr__(self):
        return "<ExFileObject name=%r>" % (self.name,)

    def _decompressed(self):
        return self._content

    @property
    def closed(self):
        return self._closed

    def _check_read(self, what):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def readable(self):
        return True

    def seekable(self):
        return True

    def seek(self, pos, whence=io.SEEK_SET):
        self._check_read("seek")
        return self._data().seek(pos, whence)

    def tell(self):
        self._check_read("tell")
        return self._data().tell()

    def close(self):
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _decompress(data, comp):
    if comp == "gz":
        if data[:2] != b"\037\213":
            raise ReadError("not a gzip file")
        import gzip
        try:
            return gzip.decompress(data)
        except (OSError, EOFError, ValueError) as e:
            raise ReadError("invalid compressed data") from e
        except Exception as e:
            raise ReadError(str(e)) from e
    if comp == "bz2":
        if data[:3] != b"BZh":
            raise ReadError("not a bzip2 file")
        import bz2
        try:
            return bz2.decompress(data)
        except (OSError, EOFError, ValueError) as e:
            raise ReadError("invalid compressed data") from e
    if comp == "xz":
        raise CompressionError("lzma module is not available")
    return data


class TarFile:
    """A tar archive, gzip- or bzip2-compressed or not."""

    debug = 0
    dereference = False
    ignore_zeros = False
    errorlevel = 1
    format = DEFAULT_FORMAT
    encoding = ENCODING
    errors = None
    tarinfo = TarInfo
    fileobject = ExFileObject
    extraction_filter = None

    def __init__(self, name=None, mode="r", fileobj=None, format=None, tarinfo=None,
                 dereference=None, ignore_zeros=None, encoding=None, errors="surrogateescape",
                 pax_headers=None, debug=None, errorlevel=None, copybufsize=None, _comp=""):
        modes = {"r": "rb", "a": "r+b", "w": "wb", "x": "xb"}
        if mode not in modes:
            raise ValueError("mode must be 'r', 'a', 'w' or 'x'")
        self.mode = mode
        self._mode = modes[mode]
        self._extfileobj = fileobj is not None
        if fileobj is None:
            if self.mode == "a" and not os.path.exists(name):
                self.mode = "w"
                self._mode = "wb"
            fileobj = builtins.open(name, self._mode)
        elif name is None and hasattr(fileobj, "name") and isinstance(fileobj.name, (str, bytes)):
            name = fileobj.name
        self.name = os.path.abspath(name) if name is not None and isinstance(name, str) else name
        self.fileobj = fileobj
        if format is not None:
            self.format = format
        if tarinfo is not None:
            self.tarinfo = tarinfo
        if dereference is not None:
            self.dereference = dereference
        if ignore_zeros is not None:
            self.ignore_zeros = ignore_zeros
        if encoding is not None:
            self.encoding = encoding
        self.errors = errors
        self.pax_headers = pax_headers if pax_headers is not None else {}
        if debug is not None:
            self.debug = debug
        if errorlevel is not None:
            self.errorlevel = errorlevel
        self.closed = False
        self.members = []
        self._loaded = False
        self._next = 0
        self._writer = None
        try:
            if self.mode == "r":
                self._load(fileobj.read(), _comp)
            elif self.mode == "a":
                data = fileobj.read()
                end = self._load(data, "") if data else 0
                fileobj.seek(end)
                fileobj.truncate()
                self._writer = _writer(fileobj, "", 9, None)
            else:
                level = getattr(self, "_level", 9)
                gzname = None
                if _comp == "gz" and isinstance(self.name, str):
                    gzname = os.path.basename(self.name)
                    if gzname.endswith(".gz"):
                        gzname = gzname[:-3]
                self._writer = _writer(fileobj, _comp, level, gzname)
        except BaseException:
            if not self._extfileobj:
                fileobj.close()
            self.closed = True
            raise

    def _load(self, data, comp):
        if comp:
            data = _decompress(data, comp)
        if not data:
            raise ReadError("empty file")
        entries, end = _read_tar(data)
        for header, body in entries:
            (name, linkname, size, mode, uid, gid, uname, gname, mtime, typ, devmajor,
             devminor, pax) = header
            ti = self.tarinfo(name.rstrip("/") if typ == DIRTYPE else name)
            ti.linkname, ti.size, ti.mode, ti.uid, ti.gid = linkname, size, mode, uid, gid
            ti.uname, ti.gname, ti.mtime, ti.type = uname, gname, mtime, typ
            ti.devmajor, ti.devminor, ti.pax_headers = devmajor, devminor, pax
            ti._data = body
            self.members.append(ti)
        self._loaded = True
        return end

    @classmethod
    def open(cls, name=None, mode="r", fileobj=None, bufsize=RECORDSIZE, **kwargs):
        if not name and not fileobj:
            raise ValueError("nothing to open")
        if ":" in mode:
            filemode, comptype = mode.split(":", 1)
        elif "|" in mode:
            filemode, comptype = mode.split("|", 1)
        elif mode in ("r", "a", "w", "x"):
            filemode, comptype = mode, ("*" if mode == "r" else "")
        else:
            raise ValueError("undiscernible mode")
        filemode = filemode or "r"
        comptype = comptype or ("" if filemode != "r" or ":" in mode or "|" in mode else "*")
        if comptype not in ("", "*", "gz", "bz2", "xz", "tar"):
            raise CompressionError("unknown compression type %r" % comptype)
        if comptype == "tar":
            comptype = ""
        if filemode not in ("r", "a", "w", "x"):
            raise ValueError("mode must be 'r', 'a', 'w' or 'x'")
        level = kwargs.pop("compresslevel", 9)
        if filemode == "r" and comptype == "*":
            return cls._open_any(name, fileobj, kwargs)
        if comptype == "*":
            raise ValueError("undiscernible mode")
        if filemode == "a" and comptype:
            raise ValueError("mode must be 'r', 'a', 'w' or 'x'")
        if filemode in ("w", "x") and comptype in ("bz2", "xz"):
            raise CompressionError("asy cannot write %s archives (no %s compressor)"
                                   % (comptype, "bzip2" if comptype == "bz2" else "lzma"))
        obj = cls.__new__(cls)
        obj._level = level
        obj.__init__(name, filemode, fileobj, _comp=comptype, **kwargs)
        return obj

    @classmethod
    def _open_any(cls, name, fileobj, kwargs):
        """'r' and 'r:*': the compression is found from the data."""
        opened = None
        if fileobj is None:
            fileobj = opened = builtins.open(name, "rb")
        try:
            pos = fileobj.tell()
            data = fileobj.read()
            fileobj.seek(pos)
        except BaseException:
            if opened is not None:
                opened.close()
            raise
        comp = ""
        errors = []
        for method in ("gz", "bz2", "xz", "tar"):
            try:
                if method == "tar":
                    if not data:
                        raise ReadError("empty file")
                    _read_tar(data)
                elif method == "gz":
                    if not data:
                        raise ReadError("empty file")
                    _decompress(data, "gz")
                elif method == "bz2":
                    _decompress(data, "bz2")
                elif data[:6] == b"\xfd7zXZ\x00":
                    raise CompressionError("lzma module is not available")
                else:
                    raise ReadError("not an lzma file")
                comp = "" if method == "tar" else method
                break
            except (ReadError, CompressionError) as e:
                errors.append((method, e))
        else:
            if opened is not None:
                opened.close()
            msg = "\n".join("- method %s: %r" % (m, e) for m, e in errors)
            raise ReadError("file could not be opened successfully:\n" + msg)
        obj = cls.__new__(cls)
        try:
            obj.__init__(name, "r", fileobj, _comp=comp, **kwargs)
        except BaseException:
            if opened is not None:
                opened.close()
            raise
        if opened is not None:
            obj._extfileobj = False
        return obj

    taropen = gzopen = bz2open = None

    def close(self):
        if self.closed:
            return
        self.closed = True
        try:
            if self._writer is not None:
                self._writer.close()
        finally:
            if not self._extfileobj:
                self.fileobj.close()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, type, value, traceback):
        if type is None:
            self.close()
        else:
            if not self._extfileobj:
                self.fileobj.close()
            self.closed = True

    def _check(self, mode=None):
        if self.closed:
            raise OSError("%s is closed" % type(self).__name__)
        if mode is not None and self.mode not in mode:
            raise OSError("bad operation for mode %r" % self.mode)

    def getmember(self, name):
        for member in reversed(self.members):
            if member.name == name or member.name == name.rstrip("/"):
                return member
        raise KeyError("filename %r not found" % name)

    def getmembers(self):
        self._check()
        self._next = len(self.members)
        return self.members

    def getnames(self):
        return [m.name for m in self.getmembers()]

    def next(self):
        self._check("ra")
        if self._next < len(self.members):
            self._next += 1
            return self.members[self._next - 1]
        return None

    def __iter__(self):
        return iter(self.getmembers())

    def list(self, verbose=True, *, members=None):
        self._check()
        for ti in (self if members is None else members):
            if verbose:
                print(_filemode(ti.mode | (0o040000 if ti.isdir() else 0o100000 if ti.isreg() else 0)),
                      end=" ")
                print("%s/%s" % (ti.uname or ti.uid, ti.gname or ti.gid), end=" ")
                if ti.ischr() or ti.isblk():
                    print("%10s" % ("%d,%d" % (ti.devmajor, ti.devminor)), end=" ")
                else:
                    print("%10d" % ti.size, end=" ")
                print("%d-%02d-%02d %02d:%02d:%02d" % time.localtime(ti.mtime)[:6], end=" ")
            print(ti.name + ("/" if ti.isdir() else ""), end=" ")
            if verbose:
                if ti.issym():
                    print("->", ti.linkname, end=" ")
                if ti.islnk():
                    print("link to", ti.linkname, end=" ")
            print()

    def gettarinfo(self, name=None, arcname=None, fileobj=None):
        self._check("awx")
        if fileobj is not None:
            name = fileobj.name
        name = os.fspath(name)
        if arcname is None:
            arcname = name
        arcname = arcname.replace(os.sep, "/").lstrip("/")
        ti = self.tarinfo(arcname)
        st = os._stat(name, not self.dereference)
        if st is None:
            raise FileNotFoundError(2, "No such file or directory", name)
        kind, size, mtime = st
        ti.mtime = int(mtime)
        ti.uname = ti.gname = ""
        if kind == "dir":
            ti.type, ti.mode, ti.size = DIRTYPE, 0o755, 0
        elif kind == "file":
            ti.type, ti.mode, ti.size = REGTYPE, 0o644, size
        elif kind == "link":
            ti.type, ti.mode, ti.size = SYMTYPE, 0o777, 0
            ti.linkname = os.readlink(name) if hasattr(os, "readlink") else ""
        else:
            return None
        return ti

    def add(self, name, arcname=None, recursive=True, *, filter=None):
        self._check("awx")
        if arcname is None:
            arcname = name
        if self.name is not None and os.path.abspath(name) == self.name:
            return
        tarinfo = self.gettarinfo(name, arcname)
        if tarinfo is None:
            return
        if filter is not None:
            tarinfo = filter(tarinfo)
            if tarinfo is None:
                return
        if tarinfo.isreg():
            with builtins.open(name, "rb") as f:
                self.addfile(tarinfo, f)
        elif tarinfo.isdir():
            self.addfile(tarinfo)
            if recursive:
                for f in sorted(os.listdir(name)):
                    self.add(os.path.join(name, f), os.path.join(arcname, f), recursive,
                             filter=filter)
        else:
            self.addfile(tarinfo)

    def addfile(self, tarinfo, fileobj=None):
        self._check("awx")
        data = b""
        if fileobj is not None:
            data = fileobj.read(tarinfo.size)
            if len(data) != tarinfo.size:
                raise OSError("unexpected end of data")
        elif tarinfo.isreg() and tarinfo.size:
            raise ValueError("fileobj not provided for non zero-size regular file")
        self._writer.add(tarinfo._header(), data)
        tarinfo._data = data
        self.members.append(tarinfo)

    def extractfile(self, member):
        self._check("r")
        tarinfo = self.getmember(member) if isinstance(member, str) else member
        if tarinfo.isreg() or tarinfo.type not in (LNKTYPE, SYMTYPE, DIRTYPE, CHRTYPE, BLKTYPE,
                                                   FIFOTYPE):
            return self.fileobject(self, tarinfo)
        if tarinfo.islnk() or tarinfo.issym():
            return self.extractfile(self._find_link_target(tarinfo))
        return None

    def _find_link_target(self, tarinfo):
        if tarinfo.issym():
            linkname = "/".join(filter(None, (os.path.dirname(tarinfo.name), tarinfo.linkname)))
            limit = None
        else:
            linkname = tarinfo.linkname
            limit = tarinfo
        linkname = os.path.normpath(linkname)
        members = self.members
        if limit is not None:
            # A hard link points back: only members before it count (the
            # member may be a filter's copy, so it is found by name).
            for i in range(len(members) - 1, -1, -1):
                if members[i] is limit or members[i].name == limit.name:
                    members = members[:i]
                    break
        for m in reversed(members):
            if os.path.normpath(m.name) == linkname:
                return m
        raise KeyError("linkname %r not found" % linkname)

    def _get_filter(self, filter):
        if filter is None:
            filter = self.extraction_filter
            if filter is None:
                return _asy_default_filter
            if isinstance(filter, str):
                raise TypeError("String names are not supported for TarFile.extraction_filter. "
                                "Use a function such as tarfile.data_filter directly.")
            return filter
        if callable(filter):
            return filter
        try:
            return _NAMED_FILTERS[filter]
        except KeyError:
            raise ValueError(f"filter {filter!r} not found") from None

    def extractall(self, path=".", members=None, *, numeric_owner=False, filter=None):
        flt = self._get_filter(filter)
        for member in (self.getmembers() if members is None else members):
            tarinfo = flt(member, path)
            if tarinfo is None:
                continue
            self._extract_one(tarinfo, path)

    def extract(self, member, path="", set_attrs=True, *, numeric_owner=False, filter=None):
        flt = self._get_filter(filter)
        tarinfo = self.getmember(member) if isinstance(member, str) else member
        tarinfo = flt(tarinfo, path)
        if tarinfo is not None:
            self._extract_one(tarinfo, path)

    def _extract_one(self, tarinfo, path):
        self._check("r")
        target = os.path.join(path, tarinfo.name)
        upper = os.path.dirname(target)
        if upper and not os.path.exists(upper):
            os.makedirs(upper)
        if tarinfo.isdir():
            os.makedirs(target, exist_ok=True)
        elif tarinfo.islnk() or tarinfo.issym():
            # No os.symlink/os.link in asy: a link becomes a copy of its
            # target, as CPython does where links cannot be made.
            try:
                source = self._find_link_target(tarinfo)
            except KeyError:
                # Non-fatal, as CPython's ExtractError: raised only when
                # errorlevel > 1.
                if self.errorlevel > 1:
                    raise ExtractError("unable to resolve link inside archive") from None
                return
            self._write_file(source, target)
        elif tarinfo.isdev():
            return  # asy cannot make device files or fifos
        else:
            self._write_file(tarinfo, target)

    def _write_file(self, tarinfo, target):
        if tarinfo.isdir():
            os.makedirs(target, exist_ok=True)
            return
        with builtins.open(target, "wb") as f:
            f.write(tarinfo._data or b"")


def is_tarfile(name):
    """Whether name (a path or file object) is a tar archive, compressed or not."""
    try:
        if hasattr(name, "read"):
            pos = name.tell()
            t = open(fileobj=name)
            name.seek(pos)
        else:
            t = open(name)
        t.close()
        return True
    except TarError:
        return False


open = TarFile.open
