package sqlite

import (
	"database/sql"
	"strings"

	sqlite "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"
)

// hermeticGuard keeps a hermetic interpreter's SQLite connections off the
// host's files. SQL reaches files through ATTACH (VACUUM INTO attaches its
// target the same way), load_extension() and the pragmas that choose where
// SQLite writes temporary files; the checks are SQLite's own, made while it
// compiles and runs statements, so no spelling of the SQL (comments, case,
// string concatenation, bound parameters) gets around them.
//
//   - A connection the script opened (":memory:") gets an authorizer that
//     refuses ATTACH of anything but ":memory:", load_extension and those
//     pragmas.
//   - A connection the embedder handed in keeps the embedder's own
//     authorizer, if it has one (SQLite holds one per connection and it
//     could not be put back): instead its limit on attached databases is 0
//     while the script holds it, and back to what it was when the
//     connection returns to the embedder's pool. That stops ATTACH and
//     VACUUM INTO; extension loading is off unless the embedder turned it on.
//
// A plain VACUUM attaches a temporary database of SQLite's own: it is let
// through when the statement is nothing but VACUUM [schema].
type hermeticGuard struct {
	on        bool
	refused   string // what the authorizer refused in the statement running
	vacuuming bool   // a plain VACUUM is running
	handed    *sql.Conn
	limited   bool // handed: the attached-database limit is ours, oldLimit the embedder's
	oldLimit  int
}

// hermeticRefusal is a statement a hermetic interpreter may not run
// (raised as PermissionError, like open() of a host file).
type hermeticRefusal struct{ what string }

func (e *hermeticRefusal) Error() string {
	return e.what + " is not available: no file access was granted to this script"
}

// guardHermetic puts the guard on c.
func (c *dbConn) guardHermetic() error {
	g := &c.guard
	g.on = true
	if c.handed == nil {
		return c.installAuthorizer()
	}
	old, err := sqlite.Limit(c.handed, sqlite3lib.SQLITE_LIMIT_ATTACHED, 0)
	if err != nil {
		return err
	}
	g.handed, g.limited, g.oldLimit = c.handed, true, old
	return nil
}

// release gives a handed-in connection its limit back.
func (g *hermeticGuard) release(conn *sql.Conn) {
	if g.limited {
		sqlite.Limit(conn, sqlite3lib.SQLITE_LIMIT_ATTACHED, g.oldLimit)
		g.limited = false
	}
}

// authorize is SQLite's authorizer callback: it runs while SQLite compiles
// a statement (and the statements VACUUM runs inside), on the goroutine
// that runs it, which holds the connection's lock.
func (g *hermeticGuard) authorize(action int32, arg1, arg2, dbName, trigger string) int32 {
	switch action {
	case sqlite3lib.SQLITE_ATTACH:
		// arg1 is the file name when the statement spells it as a literal,
		// else "" (as for VACUUM's own temporary database).
		if arg1 == ":memory:" || arg1 == "" && g.vacuuming {
			return sqlite3lib.SQLITE_OK
		}
		g.refused = "ATTACH"
		return sqlite3lib.SQLITE_DENY
	case sqlite3lib.SQLITE_FUNCTION:
		if strings.EqualFold(arg2, "load_extension") {
			g.refused = "load_extension"
			return sqlite3lib.SQLITE_DENY
		}
	case sqlite3lib.SQLITE_PRAGMA:
		if arg2 != "" && (strings.EqualFold(arg1, "temp_store_directory") || strings.EqualFold(arg1, "data_store_directory")) {
			g.refused = "PRAGMA " + strings.ToLower(arg1)
			return sqlite3lib.SQLITE_DENY
		}
	}
	return sqlite3lib.SQLITE_OK
}

// plainVacuum is a VACUUM statement without INTO (nothing else in the text).
var plainVacuum = lazyRegexp(`(?i)^VACUUM(\s+("[^"]*"|[A-Za-z_][A-Za-z0-9_$]*))?[\s;]*$`)

// before readies the guard for statement q (first keyword kw); done must
// follow when it has run.
func (g *hermeticGuard) before(q, kw string) {
	g.refused = ""
	g.vacuuming = kw == "VACUUM" && plainVacuum().MatchString(skipSQLSpace(q))
	if g.vacuuming && g.limited {
		sqlite.Limit(g.handed, sqlite3lib.SQLITE_LIMIT_ATTACHED, g.oldLimit)
	}
}

func (g *hermeticGuard) done() {
	if g.vacuuming && g.limited {
		sqlite.Limit(g.handed, sqlite3lib.SQLITE_LIMIT_ATTACHED, 0)
	}
	g.vacuuming = false
}

// refusal turns SQLite's refusal of what the guard forbids into a
// hermeticRefusal; other errors pass as they are.
func (g *hermeticGuard) refusal(err error, kw string) error {
	if err == nil || !g.on {
		return err
	}
	what := g.refused
	g.refused = ""
	if what == "" && g.limited && strings.Contains(err.Error(), "too many attached databases") {
		what = "ATTACH"
	}
	if what == "" {
		return err
	}
	if what == "ATTACH" && kw == "VACUUM" {
		what = "VACUUM INTO"
	}
	return &hermeticRefusal{what}
}
