# The everyday inner loop: a small class with __init__ and methods, Vec.add making a new
# object each call, dict counting with `d[k] = d.get(k, 0) + 1` under f-string keys, str.join.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def cell(self):
        return f"{self.x % 10}:{self.y % 10}"


def walk(n):
    pos = Vec(0, 0)
    step = Vec(1, 2)
    counts = {}
    energy = 0
    for i in range(n):
        pos = pos.add(step)
        if i % 3 == 0:
            step = Vec((step.y + i) % 7 - 3, (step.x * 3 + i) % 5 - 2)
        energy += pos.dot(step)
        key = pos.cell()
        counts[key] = counts.get(key, 0) + 1
    return pos, energy, counts


pos, energy, counts = walk(450000)
print(pos.x, pos.y, energy)
print(",".join(f"{k}={v}" for k, v in sorted(counts.items())[:8]))
print(len(counts), sum(counts.values()), max(counts.values()))
print(" ".join(str(Vec(i, -i).scale(3).dot(Vec(1, 2))) for i in range(5)))
