# os for asy: the native module (stdlib/os.go) supplies what needs the host;
# this file adds the helpers CPython writes in Python, and os.path.

import os.path as path
import abc as _abc


def getenv(key, default=None):
    # environ is the script's view of the environment (a snapshot it may edit).
    return environ.get(key, default)


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    fs = getattr(type(p), "__fspath__", None)
    if fs is None:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(p).__name__}")
    r = fs(p)
    if not isinstance(r, (str, bytes)):
        raise TypeError(f"expected {type(p).__name__}.__fspath__() to return str or bytes, not {type(r).__name__}")
    return r


def fsencode(filename):
    # File names are UTF-8; the bytes a decoding could not read come back
    # from the U+DC80..U+DCFF they were escaped to ('surrogateescape').
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


# Any class with __fspath__ counts as a PathLike (pathlib's paths, user
# classes), without registering: the ABC asks the class itself.
class PathLike(_abc.ABC):
    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


def makedirs(name, mode=0o777, exist_ok=False):
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        # "a/b/" splits to ("a/b", ""): the real leaf is in head.
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            # Another creator got there first; that is fine for a parent.
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        # exist_ok forgives only an existing directory, never a file.
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for name in names:
        if path.isdir(path.join(top, name)):
            dirs.append(name)
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
        # The caller may prune dirs in place to steer the walk.
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
    else:
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
        yield top, dirs, nondirs


class stat_result(tuple):
    # Like CPython's structseq: ten items by index (whole-second times),
    # every field by name (float times, *_ns, blksize, blocks, rdev).
    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    _names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
              "st_atime", "st_mtime", "st_ctime")

    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        if len(seq) < 10:
            raise TypeError("os.stat_result() takes an at least 10-sequence (%d-sequence given)" % len(seq))
        self = tuple.__new__(cls, seq[:10])
        extra = seq[10:]
        names = ("st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
                 "st_blksize", "st_blocks", "st_rdev")
        self._extra = {n: extra[i] if i < len(extra) else None for i, n in enumerate(names)}
        for i, n in enumerate(names[:3]):
            if self._extra[n] is None:
                self._extra[n] = seq[7 + i]  # the whole seconds stand in
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._extra["st_atime"])
    st_mtime = property(lambda self: self._extra["st_mtime"])
    st_ctime = property(lambda self: self._extra["st_ctime"])
    st_atime_ns = property(lambda self: self._extra["st_atime_ns"])
    st_mtime_ns = property(lambda self: self._extra["st_mtime_ns"])
    st_ctime_ns = property(lambda self: self._extra["st_ctime_ns"])
    st_blksize = property(lambda self: self._extra["st_blksize"])
    st_blocks = property(lambda self: self._extra["st_blocks"])
    st_rdev = property(lambda self: self._extra["st_rdev"])

    def __repr__(self):
        return "os.stat_result(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(self._names, self))

    def __reduce__(self):
        return (stat_result, (tuple(self),))


def _make_stat(raw):
    mode, ino, dev, nlink, uid, gid, size, at, mt, ct, blksize, blocks, rdev = raw
    return stat_result((mode, ino, dev, nlink, uid, gid, size, at // 10**9, mt // 10**9, ct // 10**9,
                        at / 1e9, mt / 1e9, ct / 1e9, at, mt, ct, blksize, blocks, rdev))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if isinstance(path, int):
        return fstat(path)
    if not isinstance(path, (str, bytes)) and not hasattr(type(path), "__fspath__"):
        raise TypeError("stat: path should be string, bytes, os.PathLike or integer, not %s" % type(path).__name__)
    return _make_stat(_statx(path, follow_symlinks))


def lstat(path, *, dir_fd=None):
    return _make_stat(_statx(path, False))


def fstat(fd):
    return _make_stat(_fstatx(fd))


_S_IFMT, _S_IFDIR, _S_IFREG, _S_IFLNK = 0o170000, 0o040000, 0o100000, 0o120000


class DirEntry:
    # What scandir yields: the name, the joined path, and stat answers
    # asked of the file system on demand (and then remembered).
    __slots__ = ("name", "path", "_stat", "_lstat")

    def __init__(self, top, name):
        self.name = name
        self.path = path.join(top, name)
        self._stat = None
        self._lstat = None

    def __class_getitem__(cls, item):
        return cls

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _kind(self, follow):
        try:
            return self.stat(follow_symlinks=follow).st_mode & _S_IFMT
        except FileNotFoundError:
            return None

    def is_dir(self, *, follow_symlinks=True):
        return self._kind(follow_symlinks) == _S_IFDIR

    def is_file(self, *, follow_symlinks=True):
        return self._kind(follow_symlinks) == _S_IFREG

    def is_symlink(self):
        return self._kind(False) == _S_IFLNK

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % self.name


class _ScandirIterator:
    def __init__(self, top):
        self._top = top
        self._names = iter(listdir(top))

    def __iter__(self):
        return self

    def __next__(self):
        if self._names is None:
            raise StopIteration
        return DirEntry(self._top, next(self._names))

    def close(self):
        self._names = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(path="."):
    if path is None:
        path = "."
    return _ScandirIterator(fspath(path))


def system(command):
    # A shell runs the command (needs the Subprocess grant, as subprocess);
    # the answer is a wait status, the exit code shifted left by 8.
    import subprocess
    rc = subprocess.call(command, shell=True)
    return rc << 8 if rc >= 0 else -rc


class terminal_size(tuple):
    def __new__(cls, sequence):
        seq = tuple(sequence)
        if len(seq) != 2:
            raise TypeError("os.terminal_size() takes a 2-sequence (%d-sequence given)" % len(seq))
        return tuple.__new__(cls, seq)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return "os.terminal_size(columns=%r, lines=%r)" % self


def get_terminal_size(fd=1):
    return terminal_size(_terminal_size(fd))
