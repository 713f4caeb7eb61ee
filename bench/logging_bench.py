# logging: a hierarchy of loggers with level filtering, a custom Filter, %-style arguments,
# two handlers with different Formatters writing to StringIO streams, and a LoggerAdapter.
import io
import logging


class EvenOnly(logging.Filter):
    def filter(self, record):
        return record.args is None or not isinstance(record.args, tuple) or record.args[0] % 2 == 0


def setup():
    detail, summary = io.StringIO(), io.StringIO()
    root = logging.getLogger("svc")
    root.setLevel(logging.DEBUG)
    root.propagate = False
    h1 = logging.StreamHandler(detail)
    h1.setFormatter(logging.Formatter("%(levelname)-8s %(name)s:%(funcName)s:%(lineno)d %(message)s"))
    h2 = logging.StreamHandler(summary)
    h2.setLevel(logging.WARNING)
    h2.setFormatter(logging.Formatter("[%(levelname)s] %(name)s | %(message)s"))
    h2.addFilter(EvenOnly())
    root.addHandler(h1)
    root.addHandler(h2)
    logging.getLogger("svc.db").setLevel(logging.INFO)
    return detail, summary


def handle(i, db, http, audit):
    db.debug("query %d skipped", i)
    http.debug("request %d path=%s", i, f"/items/{i % 50}")
    if i % 3 == 0:
        db.info("fetched %d rows for %s", i % 17, "user%d" % (i % 9))
    if i % 10 == 0:
        http.warning("slow request %d took %.1f ms", i, i / 7)
    if i % 25 == 0:
        audit.error("denied %d", i, extra={"user": f"u{i % 4}"})
    if i % 40 == 0:
        audit.info("checkpoint %s", {"i": i, "ok": True})


def main():
    detail, summary = setup()
    db = logging.getLogger("svc.db")
    http = logging.getLogger("svc.http")
    audit = logging.LoggerAdapter(logging.getLogger("svc.audit"), {"component": "audit"})
    for i in range(15000):
        handle(i, db, http, audit)
    quiet = logging.getLogger("svc.quiet")
    quiet.setLevel(logging.ERROR)
    for i in range(30000):
        quiet.info("never shown %d", i)
    d, s = detail.getvalue(), summary.getvalue()
    print(len(d), d.count("\n"), len(s), s.count("\n"))
    print(d.splitlines()[0])
    print(d.splitlines()[-1])
    print(s.splitlines()[-1])


main()
