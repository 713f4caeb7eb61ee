# glob for asy: pathname patterns (*, ?, [...], ** with recursive=True)
# matched with fnmatch over os.listdir/os.scandir-free walks. Results are in
# directory-listing order, as CPython's (which does not sort either).

import os
import fnmatch

__all__ = ["glob", "iglob", "escape", "has_magic"]


def has_magic(s):
    return any(c in s for c in "*?[")


def _is_hidden(name):
    return name.startswith(".")


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    base = root_dir if root_dir is not None else ""
    absolute = pathname.startswith("/")
    parts = [p for p in pathname.split("/") if p]
    start = "/" if absolute else ""
    for path in _expand(base, start, parts, recursive, include_hidden):
        yield path


def _listdir(base, d):
    full = os.path.join(base, d) if base else (d or ".")
    if not full:
        full = "."
    try:
        return os.listdir(full)
    except OSError:
        return []


def _exists(base, p):
    return os.path.lexists(os.path.join(base, p) if base else p) if hasattr(os.path, "lexists") \
        else os.path.exists(os.path.join(base, p) if base else p)


def _isdir(base, p):
    return os.path.isdir(os.path.join(base, p) if base else p)


def _expand(base, prefix, parts, recursive, hidden):
    if not parts:
        if prefix and _exists(base, prefix.rstrip("/") or "/"):
            yield prefix.rstrip("/") if prefix != "/" else prefix
        return
    head, rest = parts[0], parts[1:]
    join = (lambda name: prefix + name) if (prefix == "" or prefix.endswith("/")) else (lambda name: prefix + "/" + name)
    if recursive and head == "**":
        if rest:
            # ** then more: this directory and every directory below it.
            for d in _walk_dirs(base, prefix, hidden):
                yield from _expand(base, d, rest, recursive, hidden)
        else:
            # A final ** matches the directory itself and everything below.
            if prefix:
                yield prefix
            yield from _walk_all(base, prefix, hidden)
        return
    if not has_magic(head):
        name = join(head)
        if rest:
            if _isdir(base, name):
                yield from _expand(base, name + "/", rest, recursive, hidden)
        elif _exists(base, name):
            yield name
        return
    for entry in _listdir(base, prefix):
        if _is_hidden(entry) and not hidden and not head.startswith("."):
            continue
        if fnmatch.fnmatch(entry, head):
            name = join(entry)
            if rest:
                if _isdir(base, name):
                    yield from _expand(base, name + "/", rest, recursive, hidden)
            else:
                yield name


def _walk_dirs(base, prefix, hidden):
    yield prefix
    for entry in _listdir(base, prefix):
        if _is_hidden(entry) and not hidden:
            continue
        name = (prefix + entry) if (prefix == "" or prefix.endswith("/")) else prefix + "/" + entry
        if _isdir(base, name):
            yield from _walk_dirs(base, name + "/", hidden)


def _walk_all(base, prefix, hidden):
    for entry in _listdir(base, prefix):
        if _is_hidden(entry) and not hidden:
            continue
        name = (prefix + entry) if (prefix == "" or prefix.endswith("/")) else prefix + "/" + entry
        yield name
        if _isdir(base, name):
            yield from _walk_all(base, name + "/", hidden)


def escape(pathname):
    drive, rest = "", pathname
    out = []
    for c in rest:
        out.append("[" + c + "]" if c in "*?[" else c)
    return drive + "".join(out)
