# os.path for asy: POSIX path arithmetic (CPython's posixpath), with the
# filesystem queries going through the native os._stat.

import os

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
devnull = "/dev/null"


def _str(p):
    return os.fspath(p)


def join(a, *p):
    a = _str(a)
    out = a
    for b in p:
        b = _str(b)
        if b.startswith("/"):
            # An absolute component discards everything before it.
            out = b
        elif not out or out.endswith("/"):
            out += b
        else:
            out += "/" + b
    return out


def split(p):
    p = _str(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    # Trailing slashes come off the head unless it is all slashes ("/", "//").
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p):
    p = _str(p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    p = _str(p)
    slash = p.rfind("/")
    dot = p.rfind(".")
    if dot > slash:
        # Leading dots of the file name (".bashrc", "..x") are not an extension.
        start = slash + 1
        while start < dot:
            if p[start] != ".":
                return p[:dot], p[dot:]
            start += 1
    return p, ""


def isabs(p):
    return _str(p).startswith("/")


def normpath(p):
    p = _str(p)
    if p == "":
        return "."
    # POSIX keeps exactly two leading slashes, folds three or more to one.
    initial = 0
    if p.startswith("/"):
        initial = 2 if p.startswith("//") and not p.startswith("///") else 1
    parts = []
    for comp in p.split("/"):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial and not parts) or (parts and parts[-1] == ".."):
            parts.append(comp)
        elif parts:
            parts.pop()
    out = "/".join(parts)
    if initial:
        out = "/" * initial + out
    return out or "."


def abspath(p):
    p = _str(p)
    if not isabs(p):
        p = join(os.getcwd(), p)
    return normpath(p)


def realpath(p):
    # Symlinks are not resolved; enough for the scripts asy runs.
    return abspath(p)


def relpath(p, start=None):
    p = _str(p)
    if not p:
        raise ValueError("no path specified")
    start = curdir if start is None else _str(start)
    sp = [x for x in abspath(start).split("/") if x]
    pp = [x for x in abspath(p).split("/") if x]
    n = 0
    while n < len(sp) and n < len(pp) and sp[n] == pp[n]:
        n += 1
    rel = [pardir] * (len(sp) - n) + pp[n:]
    return join(*rel) if rel else curdir


def expanduser(p):
    p = _str(p)
    if not p.startswith("~"):
        return p
    i = p.find("/", 1)
    if i < 0:
        i = len(p)
    if i == 1:
        home = os.environ.get("HOME")
        if home is None:
            return p
    else:
        # ~user needs the password database, which asy does not read.
        return p
    home = home.rstrip("/")
    return (home + p[i:]) or "/"


def expandvars(p):
    p = _str(p)
    if "$" not in p:
        return p
    out = []
    i = 0
    n = len(p)
    while i < n:
        c = p[i]
        if c != "$":
            out.append(c)
            i += 1
            continue
        if i + 1 < n and p[i + 1] == "{":
            end = p.find("}", i + 2)
            if end < 0:
                out.append(p[i:])
                break
            name = p[i + 2:end]
            nxt = end + 1
        else:
            j = i + 1
            while j < n and (p[j].isalnum() or p[j] == "_"):
                j += 1
            name = p[i + 1:j]
            nxt = j
        if name and name in os.environ:
            out.append(os.environ[name])
        else:
            out.append(p[i:nxt])
        i = nxt if nxt > i + 1 else i + 1
    return "".join(out)


def commonprefix(m):
    if not m:
        return ""
    lo = min(m)
    hi = max(m)
    for i, c in enumerate(lo):
        if c != hi[i]:
            return lo[:i]
    return lo


def _query(p, follow):
    # As CPython's genericpath: a path that cannot be examined (not there,
    # or refused: not granted to the script) is not a file, dir or link.
    p = _str(p)
    try:
        return os._stat(p, follow)
    except OSError:
        return None


def exists(p):
    try:
        return _query(p, True) is not None
    except (TypeError, ValueError):
        return False


def lexists(p):
    return _query(p, False) is not None


def isfile(p):
    st = _query(p, True)
    return st is not None and st[0] == "file"


def isdir(p):
    st = _query(p, True)
    return st is not None and st[0] == "dir"


def islink(p):
    st = _query(p, False)
    return st is not None and st[0] == "link"


def _need(p):
    st = os._stat(_str(p), True)
    if st is None:
        raise FileNotFoundError(2, "No such file or directory", p)
    return st


def getsize(p):
    return _need(p)[1]


def getmtime(p):
    return _need(p)[2]
