// Package sqlite is the extension that gives scripts sqlite3 and aiosqlite,
// on the modernc.org/sqlite driver (pure Go). An embedder opts in:
//
//	in, err := asy.New(asy.Options{Extensions: []asy.Extension{sqlite.Extension}})
//
// and a program that does not import this package links no SQLite.
// aiosqlite runs each connection's calls on a worker thread, so scripts
// using it need a thread granted (Capabilities.Threads).
package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	_ "embed"
	"fmt"

	"github.com/asylang/asy"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Extension is what an embedder lists in asy.Options.Extensions.
var Extension = asy.NewExtension("sqlite")

//go:embed aiosqlite.py
var aiosqliteSrc string

// sqlite3Src is the part of sqlite3 written in the script language: the
// DB-API type names and what is a generator in CPython.
const sqlite3Src = `
import time

Binary = memoryview


def DateFromTicks(ticks):
    return __getattr__("Date")(*time.localtime(ticks)[:3])


def TimeFromTicks(ticks):
    return __getattr__("Time")(*time.localtime(ticks)[3:6])


def TimestampFromTicks(ticks):
    return __getattr__("Timestamp")(*time.localtime(ticks)[:6])


version_info = tuple(int(part) for part in version.split("."))
sqlite_version_info = tuple(int(part) for part in sqlite_version.split("."))


def _register_row():
    # Row is a collections.abc.Sequence, as in CPython; if collections.abc
    # is not loaded yet, it registers Row as it loads.
    import sys
    abc = sys.modules.get("collections.abc")
    if abc is not None:
        abc.Sequence.register(Row)


_register_row()
del _register_row


def _iterdump(lines):
    yield from lines
`

func init() {
	stdlib.RegisterExtension("sqlite", map[string]vm.ModuleLoader{
		"sqlite3":   stdlib.ScriptModule("sqlite3", sqlite3Module, sqlite3Src),
		"aiosqlite": stdlib.ScriptModule("aiosqlite", nil, aiosqliteSrc),
	})
}

// trackConn lists a connection so that none outlives the interpreter.
func trackConn(it *vm.Interp, c *dbConn) { stdlib.TrackConn(it, connCloser{c}) }

type connCloser struct{ c *dbConn }

func (c connCloser) Close() error { return c.c.close() }

// openHanded opens a connection of a handed-in *sql.DB (closing it later
// leaves the host's pool open).
func openHanded(db any) (*dbConn, error) {
	sdb, ok := db.(*sql.DB)
	if !ok {
		return nil, fmt.Errorf("the database handed in is a %T, not a *sql.DB", db)
	}
	conn, err := sdb.Conn(context.Background())
	if err != nil {
		return nil, err
	}
	c := &dbConn{handed: conn, stmts: map[string]driver.Stmt{}}
	c.handle() // its handles never change: read them before any thread can
	return c, nil
}
