# json.dumps / json.loads round trips of a nested document of a few thousand
# records (strings with escapes and non-ASCII text, ints, floats, bools,
# None, nested lists and dicts), with the common options.
import json


def make_doc(n):
    records = []
    for i in range(n):
        records.append({
            "id": i,
            "name": f"user {i}",
            "email": f"user{i}@example.com",
            "score": i * 1.25 + 0.1,
            "active": i % 3 == 0,
            "manager": None if i % 5 else i // 5,
            "tags": ["t%d" % (i % 7), "grp-%d" % (i % 13), "caf\u00e9" if i % 4 == 0 else "plain"],
            "note": "line one\nline \"two\"\ttabbed \\ slash" if i % 10 == 0 else "",
            "address": {"street": f"{i} Main St", "city": "Springfield", "zip": "%05d" % (i * 37 % 100000),
                        "geo": [40.0 + i / 1000.0, -75.5 - i / 2000.0]},
            "history": [{"ts": 1600000000 + i * 60 + k, "delta": k - 2} for k in range(4)],
        })
    return {"version": 3, "generated": "2024-01-01T00:00:00Z", "records": records}


def checksum(obj):
    if isinstance(obj, dict):
        return sum(len(k) + checksum(v) for k, v in obj.items()) % 1000000007
    if isinstance(obj, list):
        return sum(checksum(v) * (i + 1) for i, v in enumerate(obj)) % 1000000007
    if isinstance(obj, str):
        return len(obj) + sum(map(ord, obj[:3]))
    if isinstance(obj, bool):
        return 3 if obj else 5
    if isinstance(obj, int):
        return obj % 1000003
    if isinstance(obj, float):
        return int(obj * 1000) % 1000003
    return 7


doc = make_doc(3000)
total = 0
for round_ in range(4):
    text = json.dumps(doc)
    back = json.loads(text)
    assert back == doc
    total += len(text)
    pretty = json.dumps(doc, indent=2, sort_keys=True)
    total += len(json.loads(pretty)["records"])
    compact = json.dumps(doc, separators=(",", ":"), ensure_ascii=False)
    total += len(compact)
    total += checksum(json.loads(compact)) if round_ == 0 else 0
print(total, len(text), len(pretty), len(compact))
