# fnmatch for asy: shell-style wildcards (*, ?, [seq], [!seq]) matched by
# translating the pattern to a regular expression, as CPython does, so the
# translate() text is CPython's too (the re module here is RE2-based, and the
# translation only uses constructs RE2 accepts when compiled by us).

import os
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def fnmatch(name, pat):
    # POSIX: case matters, so normcase is the identity.
    return fnmatchcase(os.fspath(name), os.fspath(pat))


def _compiled(pat):
    m = _cache.get(pat)
    if m is None:
        if isinstance(pat, bytes):
            text = _translate_core(str(pat, "latin-1"))
            m = re.compile(bytes(text, "latin-1")).match
        else:
            m = re.compile(_translate_core(pat)).match
        if len(_cache) > 256:
            _cache.clear()
        _cache[pat] = m
    return m


def fnmatchcase(name, pat):
    return _compiled(pat)(name) is not None


def filter(names, pat):
    pat = os.fspath(pat)
    match = _compiled(pat)
    return [n for n in names if match(os.fspath(n)) is not None]


def _translate_parts(pat):
    # Returns a list whose items are regex text or the marker None for '*'.
    out = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            # Runs of stars mean the same as one.
            if not out or out[-1] is not None:
                out.append(None)
        elif c == "?":
            out.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                out.append("\\[")
                continue
            stuff = pat[i:j]
            if "-" not in stuff:
                stuff = stuff.replace("\\", "\\\\")
            else:
                # Split on hyphens that are range operators, dropping empty
                # ranges (like z-a) the way CPython does.
                chunks = []
                k = i + 2 if pat[i] == "!" else i + 1
                lo = i
                while True:
                    k = pat.find("-", k, j)
                    if k < 0:
                        break
                    chunks.append(pat[lo:k])
                    lo = k + 1
                    k = k + 3
                chunk = pat[lo:j]
                if chunk:
                    chunks.append(chunk)
                else:
                    chunks[-1] += "-"
                for k in range(len(chunks) - 1, 0, -1):
                    if chunks[k - 1][-1] > chunks[k][0]:
                        chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                        del chunks[k]
                stuff = "-".join(s.replace("\\", "\\\\").replace("-", "\\-") for s in chunks)
            stuff = re.sub(r"([&~|])", r"\\\1", stuff)
            i = j + 1
            if not stuff:
                out.append("(?!)")
            elif stuff == "!":
                out.append(".")
            else:
                if stuff[0] == "!":
                    stuff = "^" + stuff[1:]
                elif stuff[0] in ("^", "["):
                    stuff = "\\" + stuff
                out.append("[" + stuff + "]")
        else:
            out.append(re.escape(c))
    return out


def translate(pat):
    # CPython's exact text: stars between fixed parts become lazy atomic
    # groups "(?>.*?X)"; RE2 cannot compile those, so matching uses
    # _translate_core instead.
    parts = _translate_parts(pat)
    res = []
    i, n = 0, len(parts)
    while i < n and parts[i] is not None:
        res.append(parts[i])
        i += 1
    while i < n:
        i += 1  # the star
        if i == n:
            res.append(".*")
            break
        fixed = []
        while i < n and parts[i] is not None:
            fixed.append(parts[i])
            i += 1
        fixed = "".join(fixed)
        if i == n:
            res.append(".*")
            res.append(fixed)
        else:
            res.append("(?>.*?" + fixed + ")")
    return "(?s:" + "".join(res) + ")\\Z"


def _translate_core(pat):
    # Same language as translate(), in RE2's syntax: RE2 does not backtrack,
    # so a plain ".*" is as fast as the atomic group and matches the same
    # strings.
    res = []
    for p in _translate_parts(pat):
        res.append(".*" if p is None else p)
    body = "".join(res).replace("(?!)", "[^\\s\\S]")
    return "(?s:" + body + ")\\Z"
