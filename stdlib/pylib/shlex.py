# shlex for asy: split, quote and join with POSIX shell rules (the common
# uses; the shlex class's incremental lexer is not provided).

__all__ = ["split", "quote", "join"]

_safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./-_")


def quote(s):
    if not s:
        return "''"
    if all(c in _safe for c in s):
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def join(split_command):
    return " ".join(quote(arg) for arg in split_command)


def split(s, comments=False, posix=True):
    if s is None:
        raise ValueError("s argument must not be None")
    words, cur, have = [], [], False
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c.isspace():
            if have:
                words.append("".join(cur))
                cur, have = [], False
            i += 1
        elif c == "#" and comments:
            # A comment ends the word it interrupts and runs to the line's end.
            if have:
                words.append("".join(cur))
                cur, have = [], False
            while i < n and s[i] != "\n":
                i += 1
        elif c == "\\":
            if i + 1 >= n:
                raise ValueError("No escaped character")
            cur.append(s[i + 1])
            have = True
            i += 2
        elif c == "'":
            j = s.find("'", i + 1)
            if j < 0:
                raise ValueError("No closing quotation")
            cur.append(s[i + 1:j])
            have = True
            i = j + 1
        elif c == '"':
            i += 1
            while True:
                if i >= n:
                    raise ValueError("No closing quotation")
                c = s[i]
                if c == '"':
                    i += 1
                    break
                if c == "\\" and i + 1 < n and s[i + 1] in '"\\$`\n':
                    cur.append(s[i + 1])
                    i += 2
                    continue
                cur.append(c)
                i += 1
            have = True
        else:
            cur.append(c)
            have = True
            i += 1
    if have:
        words.append("".join(cur))
    return words
