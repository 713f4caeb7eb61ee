# json round trips: nested records (dicts, lists, strings with escapes and non-ASCII, ints,
# floats, bools, None) sent one per document like messages, and a batch document dumped in
# compact, indented/sorted, ASCII and raw forms; everything is loaded back and compared.
import json


def record(i):
    return {
        "id": i,
        "name": f"user-{i:05d}",
        "email": f"user{i}@example.org",
        "score": i * 0.125 - 3.5,
        "active": i % 3 != 0,
        "manager": None if i % 7 else i // 7,
        "tags": ["t%d" % (i % k) for k in (2, 3, 5)],
        "note": "line\n\"quoted\" tab\t é ✓" if i % 10 == 0 else "plain",
        "history": [{"day": d, "value": (i * d) % 97} for d in range(i % 4)],
    }


def main():
    # Messages: each record is its own small document, as an API or a queue would send it.
    records = [record(i) for i in range(25000)]
    wire = 0
    same = 0
    for r in records:
        text = json.dumps(r, separators=(",", ":"))
        wire += len(text)
        same += json.loads(text) == r
    print("messages", wire, same)
    # A batch: one document of 100 records in four styles, loaded back.
    batch = records[:100]
    sizes = []
    checks = 0
    for _ in range(2):
        compact = json.dumps(batch, separators=(",", ":"))
        pretty = json.dumps(batch, indent=2, sort_keys=True)
        ascii_only = json.dumps(batch, ensure_ascii=True)
        raw = json.dumps(batch, ensure_ascii=False)
        sizes = [len(compact), len(pretty), len(ascii_only), len(raw)]
        for text in (compact, pretty, ascii_only, raw):
            checks += json.loads(text) == batch
    print("batch", sizes, checks)
    print(json.dumps(records[10], sort_keys=True)[:120])


main()
