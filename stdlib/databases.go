package stdlib

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync"

	"github.com/asylang/asy/vm"
)

// Databases an embedder hands to its scripts, by name, and hermetic mode.
// A script opens a handed-in database with the usual call —
// sqlite3.connect("orders") — and never sees where it lives or its
// credentials.

type databasesKey struct{}
type hermeticKey struct{}
type openConnsKey struct{}
type runLifeKey struct{}

// runLife bounds the Go goroutines of an interpreter's run (GoAwait): their
// context is cancelled by EndRun, which waits for them before
// closing the connections they use.
type runLife struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

var runLifeMu sync.Mutex

func runLifeOf(it *vm.Interp) *runLife {
	runLifeMu.Lock()
	defer runLifeMu.Unlock()
	if v, ok := it.Ext(runLifeKey{}); ok && v != nil {
		return v.(*runLife)
	}
	l := &runLife{}
	l.ctx, l.cancel = context.WithCancel(context.Background())
	it.SetExt(runLifeKey{}, l)
	return l
}

// dbCloser is a connection EndRun closes.
type dbCloser interface{ close() error }

// trackConn lists a connection so that none outlives the interpreter.
func trackConn(it *vm.Interp, c dbCloser) { vm.Track[dbCloser](it, openConnsKey{}, c) }

// EndRun ends what an interpreter's scripts left going: Go goroutines of
// awaitables see their context cancelled and are waited for, then every
// database connection left open is closed —
// uncommitted work is discarded, as the databases themselves do when a
// client goes away, and handed-in pools get their connections back.
func EndRun(it *vm.Interp) {
	runLifeMu.Lock()
	if v, ok := it.Ext(runLifeKey{}); ok && v != nil {
		l := v.(*runLife)
		l.cancel()
		runLifeMu.Unlock()
		// Goroutines still running see their context cancelled and return;
		// they never need the interpreter lock, so it may stay held.
		l.wg.Wait()
		runLifeMu.Lock()
		it.SetExt(runLifeKey{}, nil)
	}
	runLifeMu.Unlock()
	for _, c := range vm.TakeTracked[dbCloser](it, openConnsKey{}) {
		c.close()
	}
}

// HandDatabase makes db available to the interpreter's scripts under name.
// For sqlite3 and aiosqlite, db is a *sql.DB opened with the
// modernc.org/sqlite driver ("sqlite"); for asyncpg, a *pgxpool.Pool
// (asyncpg.connect(name) acquires one of its connections).
func HandDatabase(it *vm.Interp, name string, db any) {
	m := map[string]any{}
	if old, ok := it.Ext(databasesKey{}); ok {
		for k, v := range old.(map[string]any) {
			m[k] = v
		}
	}
	m[name] = db
	it.SetExt(databasesKey{}, m)
}

// SetHermetic cuts the interpreter's modules off the host: connecting to a
// database that was not handed in raises PermissionError.
func SetHermetic(it *vm.Interp) { it.SetExt(hermeticKey{}, true) }

type stoppableKey struct{}

// SetStoppable says the interpreter's runs can be stopped from outside (an
// embedder's context or time limit): database statements then run under
// its StopContext, at the price of the driver watching each one.
func SetStoppable(it *vm.Interp) { it.SetExt(stoppableKey{}, true) }

func stoppable(it *vm.Interp) bool {
	_, ok := it.Ext(stoppableKey{})
	return ok
}

// inheritRestrictions gives a process pool worker's interpreter its
// parent's hermetic mode and handed-in databases.
func inheritRestrictions(parent, child *vm.Interp) {
	for _, key := range []any{hermeticKey{}, databasesKey{}, stoppableKey{}} {
		if v, ok := parent.Ext(key); ok {
			child.SetExt(key, v)
		}
	}
}

func handedDatabase(it *vm.Interp, name string) (any, bool) {
	m, ok := it.Ext(databasesKey{})
	if !ok {
		return nil, false
	}
	db, ok := m.(map[string]any)[name]
	return db, ok
}

// checkHostAccess refuses, in hermetic mode, a database that lives on the
// host (a file; ":memory:" touches nothing).
func checkHostAccess(it *vm.Interp, path string) error {
	if _, hermetic := it.Ext(hermeticKey{}); !hermetic || path == ":memory:" {
		return nil
	}
	return vm.NewException(vm.PermissionError, vm.Str(fmt.Sprintf("hermetic interpreter: database %q was not handed in", path)))
}

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
	return &dbConn{handed: conn, stmts: map[string]driver.Stmt{}}, nil
}
