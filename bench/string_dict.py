# Text processing: build a document from a seeded word generator, then count words, index
# lines by word, collect bigrams, reformat records with %, str.format and f-strings, and
# round-trip a CSV-like table through split/join.
from collections import Counter, defaultdict

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "en", "or", "ul", "ty"]


def words(n, seed):
    x = seed
    for _ in range(n):
        x = (x * 48271) % 2147483647
        length = 1 + x % 3
        w = "".join(SYLLABLES[(x >> (4 * k)) % len(SYLLABLES)] for k in range(length))
        if x % 11 == 0:
            w = w.capitalize()
        if x % 17 == 0:
            w += ","
        elif x % 29 == 0:
            w += "."
        yield w


def document(n, seed, per_line):
    line = []
    lines = []
    for w in words(n, seed):
        line.append(w)
        if len(line) == per_line:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


def analyse(text):
    counts = Counter()
    index = defaultdict(set)
    bigrams = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        tokens = [t.strip(",.").lower() for t in line.split()]
        counts.update(tokens)
        for t in tokens:
            index[t].add(lineno)
        for a, b in zip(tokens, tokens[1:]):
            key = a + " " + b
            bigrams[key] = bigrams.get(key, 0) + 1
    return counts, index, bigrams


def table(counts, index):
    rows = []
    for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        lines = index[word]
        rows.append("%s;%d;%s;%s" % (word, n, min(lines), "{:>6}".format(len(lines))))
    parsed = [row.split(";") for row in rows]
    back = "\n".join(";".join(cols) for cols in parsed)
    assert back == "\n".join(rows)
    return parsed


text = document(150000, 12345, 12)
counts, index, bigrams = analyse(text)
parsed = table(counts, index)
print(len(text), len(counts), len(bigrams))
print(counts.most_common(3))
print(max(bigrams.items(), key=lambda kv: (kv[1], kv[0])))
print(parsed[0], parsed[-1])
caps = sum(1 for w in text.split() if w[0].isupper())
print(f"caps={caps} commas={text.count(',')} periods={text.count('.')}")
print(text.replace("ka", "KA").upper().count("KA"), text[:40].title())
