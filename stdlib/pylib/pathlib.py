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


def _text_of(arg):
    """A path argument's text: a str, or what its __fspath__ gives (which must be str)."""
    if isinstance(arg, str):
        return arg
    text = os.fspath(arg)     # TypeError for anything not path-like
    if isinstance(text, str):
        return text
    raise TypeError("argument should be a str object or an os.PathLike object "
                    "returning str, not %r" % (type(text),))


def _parse(args):
    """(root, names) of the path the arguments join to; an absolute argument
    discards everything before it."""
    root, names = "", []
    for arg in args:
        if isinstance(arg, PurePath):
            piece_root, piece = arg._root, arg._names
        else:
            piece_root, piece = _split(_text_of(arg))
        if piece_root:
            root, names = piece_root, list(piece)
        else:
            names.extend(piece)
    return root, names


def _new(cls, root, names):
    path = object.__new__(cls)
    path._root = root
    path._names = names
    path._str = None
    path._hash = None
    return path


def _stem_suffix(name):
    """A final component split at its last dot; a leading dot or a trailing
    one does not start a suffix."""
    dot = name.rfind(".")
    if 0 < dot < len(name) - 1:
        return name[:dot], name[dot:]
    return name, ""


class _Parents:
    """path.parents: the logical ancestors, nearest first, as a read-only sequence."""

    def __init__(self, path):
        self._path = path
        self._count = len(path._names)

    def __len__(self):
        return self._count

    def __getitem__(self, idx):
        if type(idx) is slice:
            # (range slicing rather than slice.indices, which asy lacks)
            return tuple(self[i] for i in range(self._count)[idx])
        if not -self._count <= idx < self._count:
            raise IndexError(idx)
        keep = self._count - 1 - idx % self._count
        return self._path._derive(self._path._root, self._path._names[:keep])

    def __iter__(self):
        return (self[i] for i in range(self._count))

    def __repr__(self):
        return "<%s.parents>" % type(self._path).__name__


class PurePath:
    """A filesystem path as text only (no system calls): POSIX rules."""

    __slots__ = ("_root", "_names", "_str", "_hash")

    def __new__(cls, *args):
        return _new(PurePosixPath if cls is PurePath else cls, *_parse(args))

    def __init__(self, *args):
        pass

    def _derive(self, root, names):
        # a path of this one's class
        return _new(type(self), root, list(names))

    def __reduce__(self):
        return type(self), self.parts

    # --- text forms ---

    def __str__(self):
        text = self._str
        if text is None:
            text = self._str = (self._root + "/".join(self._names)) or "."
        return text

    __fspath__ = __str__

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(str(self)) if hasattr(os, "fsencode") else str(self).encode("utf-8")

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.as_posix())

    def as_uri(self):
        if not self._root:
            raise ValueError("relative path can't be expressed as a file URI")
        from urllib.parse import quote_from_bytes
        return "file://" + quote_from_bytes(bytes(self))

    # --- identity: the root (when there is one) and the names ---

    @property
    def parts(self):
        return ((self._root,) if self._root else ()) + tuple(self._names)

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(self.parts)
        return self._hash

    # --- joining ---

    def joinpath(self, *args):
        return self._derive(*_parse((self,) + args))

    def __truediv__(self, key):
        try:
            return self._derive(*_parse((self, key)))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._derive(*_parse((key, self)))
        except TypeError:
            return NotImplemented

    # --- components ---

    drive = property(lambda self: "")
    root = property(lambda self: self._root)
    anchor = property(lambda self: self._root)

    @property
    def name(self):
        return self._names[-1] if self._names else ""

    @property
    def suffix(self):
        return _stem_suffix(self.name)[1]

    @property
    def stem(self):
        return _stem_suffix(self.name)[0]

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        return ["." + piece for piece in name.lstrip(".").split(".")[1:]]

    @property
    def parent(self):
        if self._names:
            return self._derive(self._root, self._names[:-1])
        return self

    @property
    def parents(self):
        return _Parents(self)

    def _renamed(self, name):
        # the same path with another last component
        if not self._names:
            raise ValueError("%r has an empty name" % (self,))
        return self._derive(self._root, self._names[:-1] + [name])

    def with_name(self, name):
        if not self._names:
            raise ValueError("%r has an empty name" % (self,))
        if name in ("", ".") or "/" in name:
            raise ValueError("Invalid name %r" % (name,))
        return self._renamed(name)

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix or suffix == "." or suffix[:1] not in ("", "."):
            raise ValueError("Invalid suffix %r" % (suffix,))
        return self._renamed(_stem_suffix(self.name)[0] + suffix)

    def is_absolute(self):
        return self._root != ""

    def is_reserved(self):
        return False

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        base_root, base_names = _parse(other)
        base = ([base_root] if base_root else []) + base_names
        mine = list(self.parts)
        # an empty base only contains relative paths
        inside = mine[:len(base)] == base if base else not self._root
        if not inside:
            shown = (base_root + "/".join(base_names)) or "."
            raise ValueError("{!r} is not in the subpath of {!r}"
                             " OR one path is relative and the other is absolute."
                             .format(str(self), shown))
        return self._derive("", mine[len(base):])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
        except ValueError:
            return False
        return True

    def match(self, path_pattern):
        pat_root, pats = _split(path_pattern)
        if not (pat_root or pats):
            raise ValueError("empty pattern")
        names = self._names
        # a relative pattern matches from the right; an absolute one the whole path
        if pat_root and (pat_root != self._root or len(pats) != len(names)):
            return False
        if len(pats) > len(names):
            return False
        tail = names[len(names) - len(pats):]
        return all(_fnmatch.fnmatchcase(n, p) for n, p in zip(tail, pats))


def _ordering(name, test):
    # Paths order among themselves (by parts); anything else is not comparable.
    def compare(self, other):
        if isinstance(other, PurePath):
            return test(self.parts, other.parts)
        return NotImplemented
    compare.__name__ = name
    setattr(PurePath, name, compare)


for _name, _test in (("__eq__", lambda a, b: a == b), ("__lt__", lambda a, b: a < b),
                     ("__le__", lambda a, b: a <= b), ("__gt__", lambda a, b: a > b),
                     ("__ge__", lambda a, b: a >= b)):
    _ordering(_name, _test)
del _name, _test


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
    """A path on the real filesystem: PurePath plus the calls that touch it."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        return _new(PosixPath if cls is Path else cls, *_parse(args))

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
        return self._derive(*_parse((os.getcwd(), self)))

    def resolve(self, strict=False):
        real = os.path.realpath(str(self))
        if strict and not os.path.exists(real):
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return self._derive(*_split(real))

    def expanduser(self):
        names = self._names
        if self._root or not names or not names[0].startswith("~"):
            return self
        home = os.path.expanduser(names[0])
        if home.startswith("~"):
            raise RuntimeError("Could not determine home directory.")
        home_root, home_names = _split(home)
        return self._derive(home_root, home_names + names[1:])

    def samefile(self, other_path):
        if not isinstance(other_path, PurePath):
            other_path = Path(other_path)
        for path in (self, other_path):
            path.stat()         # both must exist
        return os.path.realpath(str(self)) == os.path.realpath(str(other_path))

    # --- queries ---

    def stat(self, *, follow_symlinks=True):
        found = os._stat(str(self), follow_symlinks)
        if found is None:
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return _StatResult(*found)

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

    # asy's filesystem layer knows no sockets, FIFOs or device files
    def is_socket(self):
        return False

    is_fifo = is_block_device = is_char_device = is_socket

    # --- directories ---

    def _child(self, name):
        return self._derive(self._root, self._names + [name])

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self._child(name)

    def _listing(self):
        # the names in this directory, or none when it cannot be read
        try:
            return os.listdir(str(self))
        except (PermissionError, FileNotFoundError, NotADirectoryError):
            return []

    def _walk_dirs(self):
        # self and every directory below it, parents before children
        # (symlinked directories are not entered, as CPython's glob).
        yield self
        for name in self._listing():
            child = self._child(name)
            text = str(child)
            if os.path.isdir(text) and not os.path.islink(text):
                yield from child._walk_dirs()

    def _select(self, pats):
        """The paths below self matching the component patterns pats."""
        if not pats:
            yield self
            return
        head, rest = pats[0], pats[1:]
        if head == "**":
            seen = set()
            for folder in self._walk_dirs():
                for found in folder._select(rest):
                    if found not in seen:
                        seen.add(found)
                        yield found
            return
        if _has_magic(head):
            matches = _fnmatch._compiled(head)
            candidates = [self._child(n) for n in self._listing() if matches(n) is not None]
        else:
            candidates = [self._child(head)]
        for child in candidates:
            if rest:
                if os.path.isdir(str(child)):
                    yield from child._select(rest)
            elif _has_magic(head) or os.path.lexists(str(child)):
                yield child

    def _patterns(self, pattern):
        pat_root, pats = _split(pattern)
        if pat_root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        return pats

    def glob(self, pattern):
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        pats = self._patterns(pattern)
        if not pats:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        yield from self._select(pats)

    def rglob(self, pattern):
        yield from self._select(["**"] + self._patterns(pattern))

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        # Missing ancestors (with parents=True) are made first, with the default
        # mode; an ancestor that already is a directory is fine, and exist_ok
        # forgives this path existing as a directory, never as a file.
        todo = [self]
        waited = set()      # depths whose parent was already made: no second try
        while todo:
            target = todo[-1]
            try:
                os.mkdir(str(target), mode if target is self else 0o777)
            except FileNotFoundError:
                if not parents or not target._names or len(todo) in waited:
                    raise
                waited.add(len(todo))
                todo.append(target.parent)
                continue
            except OSError:
                if not (exist_ok or target is not self) or not target.is_dir():
                    raise
            todo.pop()

    def rmdir(self):
        os.rmdir(str(self))

    def unlink(self, missing_ok=False):
        try:
            os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def touch(self, mode=0o666, exist_ok=True):
        if not os.path.lexists(str(self)):
            open(str(self), "a").close()
        elif not exist_ok:
            raise FileExistsError(17, "File exists", str(self))

    def _moved(self, move, target):
        # rename/replace: the new path is built from the target as given
        move(str(self), os.fspath(target))
        return type(self)(target)

    def rename(self, target):
        return self._moved(os.rename, target)

    def replace(self, target):
        return self._moved(os.replace, target)

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
