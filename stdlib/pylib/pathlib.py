# pathlib for asy: POSIX paths only. A path is kept as its root ('', '/' or
# '//', which POSIX lets mean something special) and its list of names;
# everything printed is rebuilt from those, as CPython does. Filesystem
# calls go through os / os.path / open(), so a hermetic interpreter refuses
# them with os's PermissionError.

import os
import os.path
import fnmatch as _fnmatch
import io

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]


def _split(text):
    # CPython keeps exactly two leading slashes, collapses three or more,
    # and drops '.' components and empty ones.
    if text.startswith("/"):
        if text.startswith("//") and not text.startswith("///"):
            root = "//"
        else:
            root = "/"
    else:
        root = ""
    names = [x for x in text.split("/") if x and x != "."]
    return root, names


def _arg_text(a):
    if isinstance(a, PurePath):
        return None
    if isinstance(a, str):
        return a
    a2 = os.fspath(a) if hasattr(type(a), "__fspath__") else a
    if isinstance(a2, str):
        return a2
    raise TypeError("argument should be a str object or an os.PathLike object returning str, not %r" % (type(a2),))


def _parse(args):
    root = ""
    names = []
    for a in args:
        if isinstance(a, PurePath):
            r, n = a._root, a._names
        else:
            r, n = _split(_arg_text(a))
        if r:
            # An absolute piece discards everything before it.
            root, names = r, list(n)
        else:
            names.extend(n)
    return root, names


class _Parents:
    # The immutable sequence path.parents: logical ancestors, nearest first.
    def __init__(self, path):
        self._path = path
        self._n = len(path._names)

    def __len__(self):
        return self._n

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            # (range slicing rather than slice.indices, which asy lacks)
            return tuple(self[i] for i in range(self._n)[idx])
        if idx >= self._n or idx < -self._n:
            raise IndexError(idx)
        if idx < 0:
            idx += self._n
        p = self._path
        return p._make(p._root, p._names[:self._n - idx - 1])

    def __iter__(self):
        for i in range(self._n):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    __slots__ = ("_root", "_names", "_str", "_hash")

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        self = object.__new__(cls)
        self._root, self._names = _parse(args)
        self._str = None
        self._hash = None
        return self

    def __init__(self, *args):
        pass

    def _make(self, root, names):
        p = object.__new__(type(self))
        p._root = root
        p._names = list(names)
        p._str = None
        p._hash = None
        return p

    def __reduce__(self):
        return (type(self), tuple(self.parts))

    # --- text forms ---

    def __str__(self):
        if self._str is None:
            s = self._root + "/".join(self._names)
            self._str = s or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(str(self)) if hasattr(os, "fsencode") else str(self).encode("utf-8")

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        from urllib.parse import quote_from_bytes
        return "file://" + quote_from_bytes(bytes(self))

    # --- comparison: paths of the same flavour compare by their parts ---

    def _key(self):
        return ([self._root] if self._root else []) + self._names

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(tuple(self._key()))
        return self._hash

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    # --- joining ---

    def _join(self, args):
        root, names = _parse((self,) + tuple(args))
        return self._make(root, names)

    def joinpath(self, *args):
        return self._join(args)

    def __truediv__(self, key):
        try:
            return self._join((key,))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            root, names = _parse((key, self))
        except TypeError:
            return NotImplemented
        return self._make(root, names)

    # --- components ---

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        return tuple(self._key())

    @property
    def name(self):
        return self._names[-1] if self._names else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._names:
            return self
        return self._make(self._root, self._names[:-1])

    @property
    def parents(self):
        return _Parents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or "/" in name or name == ".":
            raise ValueError("Invalid name %r" % (name,))
        return self._make(self._root, self._names[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix or (suffix and suffix[0] != ".") or suffix == ".":
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        if old:
            name = name[:-len(old)] + suffix
        else:
            name = name + suffix
        return self._make(self._root, self._names[:-1] + [name])

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        mine = self._key()
        oroot, onames = _parse(other)
        theirs = ([oroot] if oroot else []) + onames
        n = len(theirs)
        if (self._root if n == 0 else mine[:n] != theirs):
            shown = oroot + "/".join(onames)
            raise ValueError("{!r} is not in the subpath of {!r}"
                             " OR one path is relative and the other is absolute."
                             .format(str(self), shown or "."))
        return self._make("", mine[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, path_pattern):
        proot, pnames = _split(path_pattern)
        if not proot and not pnames:
            raise ValueError("empty pattern")
        if proot:
            if proot != self._root or len(pnames) != len(self._names):
                return False
        elif len(pnames) > len(self._names):
            return False
        for name, pat in zip(reversed(self._names), reversed(pnames)):
            if not _fnmatch.fnmatchcase(name, pat):
                return False
        return True


class PurePosixPath(PurePath):
    __slots__ = ()


class PureWindowsPath(PurePath):
    __slots__ = ()

    def __new__(cls, *args):
        raise NotImplementedError("asy's pathlib supports POSIX paths only")


def _has_magic(s):
    return "*" in s or "?" in s or "[" in s


class _StatResult:
    # What os.stat would give: the fields asy can fill.
    def __init__(self, kind, size, mtime):
        self.st_size = size
        self.st_mtime = mtime
        if kind == "dir":
            self.st_mode = 0o040755
        elif kind == "link":
            self.st_mode = 0o120777
        else:
            self.st_mode = 0o100644

    def __repr__(self):
        return "os.stat_result(st_mode=%d, st_size=%d, st_mtime=%r)" % (self.st_mode, self.st_size, self.st_mtime)


class Path(PurePath):
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        self = object.__new__(cls)
        self._root, self._names = _parse(args)
        self._str = None
        self._hash = None
        return self

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser("~"))

    def absolute(self):
        if self._root:
            return self
        return self._make(*_parse((os.getcwd(), self)))

    def resolve(self, strict=False):
        s = os.path.realpath(str(self))
        if strict and not os.path.exists(s):
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return self._make(*_split(s))

    def expanduser(self):
        if not self._root and self._names and self._names[0][:1] == "~":
            home = os.path.expanduser(self._names[0])
            if home[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            root, names = _split(home)
            return self._make(root, names + self._names[1:])
        return self

    def samefile(self, other_path):
        other = other_path if isinstance(other_path, PurePath) else Path(other_path)
        self.stat()
        other.stat()
        return os.path.realpath(str(self)) == os.path.realpath(str(other))

    # --- queries ---

    def stat(self, *, follow_symlinks=True):
        st = os._stat(str(self), follow_symlinks)
        if st is None:
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return _StatResult(*st)

    def lstat(self):
        return self.stat(follow_symlinks=False)

    def exists(self):
        return os.path.exists(str(self))

    def is_file(self):
        return os.path.isfile(str(self))

    def is_dir(self):
        return os.path.isdir(str(self))

    def is_symlink(self):
        return os.path.islink(str(self))

    def is_mount(self):
        return str(self.resolve()) == "/"

    def is_socket(self):
        return False

    def is_fifo(self):
        return False

    def is_block_device(self):
        return False

    def is_char_device(self):
        return False

    # --- directories ---

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self._make(self._root, self._names + [name])

    def _child(self, name):
        return self._make(self._root, self._names + [name])

    def _walk_dirs(self):
        # self and every directory below it, parents before children
        # (symlinked directories are not entered, as CPython's glob).
        yield self
        try:
            names = os.listdir(str(self))
        except (PermissionError, FileNotFoundError, NotADirectoryError):
            return
        for name in names:
            child = self._child(name)
            if os.path.isdir(str(child)) and not os.path.islink(str(child)):
                yield from child._walk_dirs()

    def _select(self, pats):
        if not pats:
            yield self
            return
        pat, rest = pats[0], pats[1:]
        if pat == "**":
            seen = set()
            for d in self._walk_dirs():
                for p in d._select(rest):
                    if p not in seen:
                        seen.add(p)
                        yield p
        elif _has_magic(pat):
            try:
                names = os.listdir(str(self))
            except (PermissionError, FileNotFoundError, NotADirectoryError):
                return
            match = _fnmatch._compiled(pat)
            for name in names:
                if match(name) is None:
                    continue
                child = self._child(name)
                if rest and not os.path.isdir(str(child)):
                    continue
                yield from child._select(rest)
        else:
            child = self._child(pat)
            if rest:
                if os.path.isdir(str(child)):
                    yield from child._select(rest)
            elif os.path.lexists(str(child)):
                yield child

    def glob(self, pattern):
        root, pats = _split(pattern)
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if not pats:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        yield from self._select(pats)

    def rglob(self, pattern):
        root, pats = _split(pattern)
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        yield from self._select(["**"] + pats)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(str(self), mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            # exist_ok forgives an existing directory, never a file.
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        os.rmdir(str(self))

    def unlink(self, missing_ok=False):
        try:
            os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def touch(self, mode=0o666, exist_ok=True):
        if os.path.lexists(str(self)):
            if not exist_ok:
                raise FileExistsError(17, "File exists", str(self))
            return
        open(str(self), "a").close()

    def rename(self, target):
        os.rename(str(self), os.fspath(target) if isinstance(target, PurePath) else target)
        return self.__class__(target)

    def replace(self, target):
        os.replace(str(self), os.fspath(target) if isinstance(target, PurePath) else target)
        return self.__class__(target)

    # --- file contents ---

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        if "b" in mode:
            return open(str(self), mode, buffering)
        return open(str(self), mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None):
        with self.open("r", encoding=encoding, errors=errors) as f:
            return f.read()

    def read_bytes(self):
        with self.open("rb") as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % type(data).__name__)
        with self.open("w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        if isinstance(data, bytearray):  # (asy has no memoryview)
            data = bytes(data)
        elif not isinstance(data, bytes):
            raise TypeError("memoryview: a bytes-like object is required, not '%s'" % type(data).__name__)
        with self.open("wb") as f:
            return f.write(data)


class PosixPath(Path, PurePosixPath):
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("cannot instantiate %r on your system" % (cls.__name__,))
