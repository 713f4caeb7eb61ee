# shutil for asy: CPython's shutil.py logic over os and the native helpers
# in stdlib/shutil.go (_copydata, _copymode, _copystat, _samefile, _isexe,
# _disk_usage). Symbolic links are followed (symlinks=True copies what
# they point to): asy's os has no readlink/symlink yet.

import os
import sys
from collections import namedtuple

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2",
           "copytree", "move", "rmtree", "Error", "SpecialFileError",
           "ExecError", "ignore_patterns", "chown", "which",
           "get_terminal_size", "SameFileError", "disk_usage"]

COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    pass


class ExecError(OSError):
    pass


class ReadError(OSError):
    pass


class RegistryError(Exception):
    pass


def copyfileobj(fsrc, fdst, length=0):
    if not length:
        length = COPY_BUFSIZE
    fsrc_read = fsrc.read
    fdst_write = fdst.write
    while True:
        buf = fsrc_read(length)
        if not buf:
            break
        fdst_write(buf)


def copyfile(src, dst, *, follow_symlinks=True):
    src = os.fspath(src)
    dst = os.fspath(dst)
    if _samefile(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    _copydata(src, dst)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    _copymode(os.fspath(src), os.fspath(dst))


def copystat(src, dst, *, follow_symlinks=True):
    _copystat(os.fspath(src), os.fspath(dst))


def _copy_with(copy_meta, src, dst, follow_symlinks):
    # copy and copy2: the data, then the metadata copy_meta copies; a
    # directory as dst means a file of src's name inside it.
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copy_meta(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy(src, dst, *, follow_symlinks=True):
    return _copy_with(copymode, src, dst, follow_symlinks)


def copy2(src, dst, *, follow_symlinks=True):
    return _copy_with(copystat, src, dst, follow_symlinks)


def ignore_patterns(*patterns):
    """A copytree ignore= callable that leaves out the names matching any of
    the glob patterns."""
    import fnmatch

    def _ignore_patterns(path, names):
        return {name for pattern in patterns for name in fnmatch.filter(names, pattern)}
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    src = os.fspath(src)
    dst = os.fspath(dst)
    names = os.listdir(src)
    if ignore is not None:
        ignored_names = ignore(src, names)
    else:
        ignored_names = set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for name in names:
        if name in ignored_names:
            continue
        srcname = os.path.join(src, name)
        dstname = os.path.join(dst, name)
        try:
            if os.path.isdir(srcname):
                copytree(srcname, dstname, symlinks, ignore, copy_function,
                         ignore_dangling_symlinks, dirs_exist_ok)
            elif os.path.islink(srcname) and not os.path.exists(srcname):
                if not ignore_dangling_symlinks:
                    raise FileNotFoundError(2, "No such file or directory", srcname)
            else:
                copy_function(srcname, dstname)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def _rmtree(path, onerror):
    try:
        names = os.listdir(path)
    except OSError as err:
        onerror(os.listdir, path, err)
        names = []
    for name in names:
        fullname = os.path.join(path, name)
        if os.path.isdir(fullname) and not os.path.islink(fullname):
            _rmtree(fullname, onerror)
        else:
            try:
                os.unlink(fullname)
            except OSError as err:
                onerror(os.unlink, fullname, err)
    try:
        os.rmdir(path)
    except OSError as err:
        onerror(os.rmdir, path, err)


def _lstat(path):
    raise FileNotFoundError(2, "No such file or directory", path)


_lstat.__name__ = "lstat"


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    # onerror receives (function, path, exception) — the exception itself
    # where CPython passes sys.exc_info(); the default re-raises it.
    path = os.fspath(path)
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(func, p, err):
            raise err
    else:
        user = onerror

        def onerror(func, p, err):
            user(func, p, (type(err), err, err.__traceback__))
    try:
        st = os._stat(os.fspath(path), False)
    except OSError as err:  # refused: not granted to the script
        onerror(_lstat, path, err)
        return
    if st is None:
        # CPython's first step is os.lstat(path), which fails here; asy's
        # os has no lstat, so a stand-in of that name is reported.
        try:
            raise FileNotFoundError(2, "No such file or directory", path)
        except FileNotFoundError as err:
            onerror(_lstat, path, err)
        return
    if os.path.islink(path):
        try:
            raise OSError("Cannot call rmtree on a symbolic link")
        except OSError as err:
            onerror(os.path.islink, path, err)
        return
    _rmtree(path, onerror)


def _basename(path):
    sep = os.path.sep + (os.path.altsep or '')
    return os.path.basename(path.rstrip(sep))


def move(src, dst, copy_function=copy2):
    src = os.fspath(src)
    dst = os.fspath(dst)
    real_dst = dst
    if os.path.isdir(dst):
        if _samefile(src, dst):
            os.rename(src, dst)
            return
        real_dst = os.path.join(dst, _basename(src))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.isdir(src):
            if _destinsrc(src, dst):
                raise Error("Cannot move a directory '%s' into itself '%s'." % (src, dst))
            copytree(src, real_dst, copy_function=copy_function, symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst


def _destinsrc(src, dst):
    # Is dst src itself or inside it? Compared as directory prefixes, so that
    # /a/bc is not taken to be inside /a/b.
    def as_dir(p):
        p = os.path.abspath(p)
        return p if p.endswith(os.path.sep) else p + os.path.sep
    return as_dir(dst).startswith(as_dir(src))


_ntuple_diskusage = namedtuple('usage', 'total used free')


def disk_usage(path):
    return _ntuple_diskusage(*_disk_usage(os.fspath(path)))


def chown(path, user=None, group=None):
    raise NotImplementedError("asy's shutil.chown is not implemented")


class terminal_size(tuple):
    # os.terminal_size: a structseq printed as os.terminal_size(...).

    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    @property
    def columns(self):
        return self[0]

    @property
    def lines(self):
        return self[1]

    def __repr__(self):
        return "os.terminal_size(columns=%d, lines=%d)" % (self[0], self[1])


def get_terminal_size(fallback=(80, 24)):
    # COLUMNS/LINES win, then the fallback: asy has no ioctl on the tty.
    size = []
    for variable, default in zip(('COLUMNS', 'LINES'), fallback):
        try:
            value = int(os.environ[variable])
        except (KeyError, ValueError):
            value = 0
        size.append(value if value > 0 else default)
    return terminal_size(size)


def _access_check(fn, mode):
    return os.path.exists(fn) and not os.path.isdir(fn) and (mode != 1 or _isexe(fn))


def which(cmd, mode=1, path=None):
    # mode is os.X_OK (1) by default; other modes only check existence.
    if os.path.dirname(cmd):
        if _access_check(cmd, mode):
            return cmd
        return None
    if path is None:
        path = os.environ.get("PATH", None)
        if path is None:
            path = "/bin:/usr/bin"
    if not path:
        return None
    seen = set()
    for dir in path.split(os.pathsep):
        if dir not in seen:
            seen.add(dir)
            name = os.path.join(dir, cmd)
            if _access_check(name, mode):
                return name
    return None
