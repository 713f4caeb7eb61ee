# sqlite3: 100,000 inserts in one transaction, then an aggregate select.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL)")
cur = con.cursor()
for i in range(100000):
    cur.execute("INSERT INTO t(name, score) VALUES (?, ?)", (f"name-{i}", i * 0.5))
con.commit()
print(con.execute("SELECT count(*), sum(score), max(length(name)) FROM t").fetchone())
