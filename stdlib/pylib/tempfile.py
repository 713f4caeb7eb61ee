# tempfile for asy. Claiming a fresh name is native (stdlib/tempfile.go:
# _create(kind, dir, prefix, suffix) -> (fd or None, path), str arguments
# only, O_EXCL / mkdir with retries); this file settles the defaults and
# bytes arguments, and builds the file and directory objects on top.

import os as _os
import shutil as _shutil
from types import GenericAlias as _GenericAlias

__all__ = ["NamedTemporaryFile", "TemporaryFile", "TemporaryDirectory",
           "mkstemp", "mkdtemp", "mktemp", "gettempdir", "gettempprefix",
           "gettempdirb", "gettempprefixb", "TMP_MAX", "template", "tempdir"]

template = "tmp"
tempdir = None

# Where gettempdir looks, in order: these variables, these system places,
# and last the working directory.
_DIR_VARIABLES = ('TMPDIR', 'TEMP', 'TMP')
_SYSTEM_DIRS = ('/tmp', '/var/tmp', '/usr/tmp')


def _search_order():
    order = [value for value in map(_os.getenv, _DIR_VARIABLES) if value]
    order.extend(_SYSTEM_DIRS)
    try:
        order.append(_os.getcwd())
    except OSError:
        order.append(_os.curdir)
    return order


def _pick_tempdir():
    order = _search_order()
    for candidate in order:
        if candidate != _os.curdir:
            candidate = _os.path.abspath(candidate)
        if _os.path.isdir(candidate):
            return candidate
    raise FileNotFoundError(2, "No usable temporary directory found in %s" % order)


def _tempdir():
    # The module-level tempdir is the cache, and scripts may set it.
    global tempdir
    if tempdir is None:
        tempdir = _pick_tempdir()
    return tempdir


def gettempdir():
    return _os.fsdecode(_tempdir())


def gettempdirb():
    return _os.fsencode(_tempdir())


def gettempprefix():
    return _os.fsdecode(template)


def gettempprefixb():
    return _os.fsencode(template)


def _check_name_parts(prefix, suffix):
    # Names are prefix + random part + suffix; anything but str fails on
    # that concatenation with the TypeError CPython's would raise.
    if not (isinstance(prefix, str) and isinstance(suffix, str)):
        prefix + '' + suffix


def _claim(kind, prefix, suffix, dir):
    # Creates the file or directory. Returns (fd or None, path as created,
    # convert), where convert turns a str path into what the caller gets
    # back: bytes when any argument was bytes (all of them must then be).
    if dir is not None:
        dir = _os.fspath(dir)
    given = [part for part in (prefix, suffix, dir) if part is not None]
    as_bytes = any(isinstance(part, bytes) for part in given)
    if as_bytes and not all(isinstance(part, bytes) for part in given):
        raise TypeError("Can't mix bytes and non-bytes in path components.")
    prefix, suffix, dir = [part if part is None or not as_bytes else _os.fsdecode(part)
                           for part in (prefix, suffix, dir)]
    prefix = template if prefix is None else prefix
    suffix = '' if suffix is None else suffix
    _check_name_parts(prefix, suffix)
    fd, path = _create(kind, gettempdir() if dir is None else dir, prefix, suffix)
    return fd, path, (_os.fsencode if as_bytes else str)


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    # text makes no difference on POSIX.
    fd, path, convert = _claim("file", prefix, suffix, dir)
    return fd, convert(_os.path.abspath(path))


def mkdtemp(suffix=None, prefix=None, dir=None):
    _, path, convert = _claim("dir", prefix, suffix, dir)
    return convert(path)


def mktemp(suffix="", prefix=template, dir=None):
    # Unsafe by design (the name may be taken before use), as in CPython:
    # the name is claimed to be sure it is free, then given up.
    _check_name_parts(prefix, suffix)
    fd, path = _create("file", gettempdir() if dir is None else dir, prefix, suffix)
    _os.close(fd)
    _os.unlink(path)
    return path


class _TemporaryFileWrapper:
    # What NamedTemporaryFile returns: the open file's attributes show
    # through, and closing (or leaving the with block) removes the file
    # when delete is set. A second close does nothing.

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._open = True

    def __getattr__(self, attr):
        # Only reached for what the wrapper itself lacks.
        file = self.__dict__.get('file')
        if file is None:
            raise AttributeError(attr)
        return getattr(file, attr)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self.close()
        return result

    def close(self):
        if not self._open:
            return
        self._open = False
        try:
            self.file.close()
        finally:
            if self.delete:
                _os.unlink(self.name)

    def __iter__(self):
        return iter(self.file)


def _open_claimed(fd, name, mode, buffering, encoding, newline, errors):
    # The file object over a claimed descriptor, named after its path; if
    # open() refuses (a bad mode, say), the descriptor is closed.
    try:
        return open(name, mode, buffering, encoding=encoding, errors=errors,
                    newline=newline, opener=lambda path, flags: fd)
    except BaseException:
        _os.close(fd)
        raise


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None,
                       newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None):
    fd, path, convert = _claim("file", prefix, suffix, dir)
    path = convert(_os.path.abspath(path))
    try:
        file = _open_claimed(fd, path, mode, buffering, encoding, newline, errors)
    except BaseException:
        _os.unlink(path)
        raise
    return _TemporaryFileWrapper(file, path, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None,
                  newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    # Unlinked at once: the file lives as long as its descriptor, and its
    # name is that descriptor.
    fd, path, _ = _claim("file", prefix, suffix, dir)
    try:
        _os.unlink(path)
        return open(fd, mode, buffering, encoding=encoding, errors=errors, newline=newline)
    except BaseException:
        _os.close(fd)
        raise


class TemporaryDirectory:
    # A directory removed, with everything in it, by cleanup() or at the
    # end of the with block (which binds the directory's name).

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        # Once the directory is gone (removed here or by someone else)
        # there is nothing left to do.
        if _os.path.lexists(self.name):
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)

    __class_getitem__ = classmethod(_GenericAlias)
