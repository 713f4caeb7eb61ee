# Regular expressions over a generated log: tokenizing, findall/finditer,
# sub with templates and callables, split, on ASCII and non-ASCII text.
# The first half's patterns are RE2's (linear time); the second half's need
# the backtracking engine (backreferences, look-around).
import re

words = ["alpha", "beta", "gamma", "délta", "ñandú", "straße", "zeta", "eta", "theta", "iota"]
lines = []
for i in range(6000):
    w = words[i % len(words)]
    lines.append("2024-%02d-%02d %s user%d@host%d.example.com GET /api/v%d/%s?id=%d took %dms %s %s"
                 % (i % 12 + 1, i % 28 + 1, "INFO" if i % 3 else "WARN", i, i % 7, i % 3, w, i * 7,
                    i % 500, w, w if i % 4 == 0 else words[(i + 1) % len(words)]))
text = "\n".join(lines)

# RE2 patterns
date = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
email = re.compile(r"(?P<user>[\w.]+)@(?P<host>[\w.]+)")
print(len(date.findall(text)), len(email.findall(text)))
print(sum(int(m.group(1)) for m in re.finditer(r"took (\d+)ms", text)))
print(len(re.sub(r"\d+", "#", text)), re.subn(r"(\w+)@(\w+)", r"\2 at \1", text)[1])
print(len(re.split(r"\s+", text)), len(re.findall(r"\b[A-Z]{4}\b", text)))
tok = re.compile(r"\s*(?:(\d+)|(\w+)|(.))")
n = 0
for line in lines[:1500]:
    n += len(tok.findall(line))
print(n)
print(len(re.sub(r"[aeiouáéíóú]", lambda m: m.group().upper(), text)))
print(sum(1 for line in lines if re.match(r"\d{4}-\d\d-\d\d WARN", line)))
print(len(re.findall(r"(?i)STRASSE|straße|ñandú", text)))

# backtracking patterns
print(len(re.findall(r"\b(\w+) \1$", text, re.M)))
print(len(re.findall(r"(?<=/api/v)\d(?=/)", text)))
print(len(re.sub(r"(?<=\d)(?=(\d{3})+ms)", ",", text)))
print(len(re.findall(r"(\w)\1", text)))
print(sum(1 for line in lines[:2000] if re.search(r"^(?=.*WARN)(?=.*ñandú)", line)))
