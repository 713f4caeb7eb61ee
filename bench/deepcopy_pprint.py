# copy.deepcopy and pprint.pformat of nested structures: a config-like tree of dicts, lists,
# tuples, sets and small objects with shared references (which deepcopy must keep shared),
# copied, mutated, compared and pretty-printed.
import copy
import pprint


class Node:
    def __init__(self, name, weight, children=()):
        self.name = name
        self.weight = weight
        self.children = list(children)

    def __repr__(self):
        return f"Node({self.name!r}, {self.weight})"

    def total(self):
        return self.weight + sum(c.total() for c in self.children)


def config(i):
    shared = {"region": f"r{i % 3}", "limits": [i % 5, i % 7, i % 11]}
    return {
        "id": i,
        "name": f"service-{i}",
        "ports": (8000 + i, 9000 + i),
        "flags": {f"f{k}" for k in range(i % 4)},
        "primary": shared,
        "replica": shared,
        "env": {f"VAR_{k}": str(k * i) for k in range(6)},
        "tree": Node(f"n{i}", i % 10, [Node(f"n{i}.{k}", k) for k in range(3)]),
    }


def main():
    base = [config(i) for i in range(80)]
    copies = 0
    shared_ok = 0
    weight = 0
    for round_ in range(40):
        clone = copy.deepcopy(base)
        copies += 1
        shared_ok += all(c["primary"] is c["replica"] and c["primary"] is not b["primary"] for c, b in zip(clone, base))
        clone[round_]["env"]["VAR_0"] = "changed"
        weight += sum(c["tree"].total() for c in clone)
        assert base[round_]["env"]["VAR_0"] == "0"
    shallow = copy.copy(base[0])
    print(copies, shared_ok, weight, shallow["tree"] is base[0]["tree"])
    plain = [{k: v for k, v in c.items() if k not in ("tree", "flags")} for c in base]
    texts = [pprint.pformat(plain, width=w) for w in (60, 100)]
    texts.append(pprint.pformat(plain, width=80, sort_dicts=False, compact=True))
    print([len(t) for t in texts], [t.count("\n") for t in texts])
    print(texts[0][:160])
    print(pprint.pformat(base[1]["tree"].children), pprint.pformat(sorted(base[3]["flags"])))


main()
