# String scanning (index/slice/iterate/find on ASCII and non-ASCII text),
# unpacking lists and tuples, and namedtuple use (hash, iterate, compare,
# unpack, attribute access).
from collections import namedtuple


def scan(text):
    # A hand-written tokenizer in the style of a JSON scanner: s[i], slices.
    n = len(text)
    i = 0
    words = 0
    digits = 0
    while i < n:
        c = text[i]
        if c.isdigit():
            j = i
            while j < n and text[j].isdigit():
                j += 1
            digits += len(text[i:j])
            i = j
        elif c.isalpha():
            j = i
            while j < n and text[j].isalpha():
                j += 1
            words += 1
            i = j
        else:
            i += 1
    return words, digits


def finds(text, sub):
    count = 0
    pos = text.find(sub)
    while pos >= 0:
        count += 1
        pos = text.find(sub, pos + 1)
    return count


def chars(text):
    total = 0
    for ch in text:
        total += ord(ch)
    return total


def unpack_lists(rows):
    total = 0
    for row in rows:
        a, b, c = row
        total += a + b - c
    return total


def unpack_tuples(rows):
    total = 0
    for row in rows:
        a, b, c = row
        total += a * 2 + b - c
    return total


def unpack_star(rows):
    total = 0
    for row in rows:
        a, *rest = row
        total += a + len(rest)
    return total


Point = namedtuple("Point", "x y z")


def use_namedtuples(points):
    seen = set()
    total = 0
    for p in points:
        x, y, z = p
        total += x + p.y + p[2]
        seen.add(p)
        for v in p:
            total += v
        if p == (x, y, z):
            total += 1
    ordered = sorted(points[:2000])
    return total, len(seen), ordered[0], 5 in points[0]


ascii_text = " ".join(f"word{i} {i * 7919 % 100003}" for i in range(20000))
uni_text = " ".join(f"mot{i}é {i * 31 % 9973}ü" for i in range(10000))
print(scan(ascii_text), scan(uni_text))
print(finds(ascii_text, "9"), finds(uni_text, "é"))
print(chars(ascii_text), chars(uni_text))

lists = [[i, i + 1, i % 7] for i in range(100000)]
tuples = [(i, i + 1, i % 7) for i in range(100000)]
for _ in range(3):
    print(unpack_lists(lists), unpack_tuples(tuples), unpack_star(lists))

points = [Point(i % 1000, i % 37, i % 11) for i in range(50000)]
print(use_namedtuples(points))
