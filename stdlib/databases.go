package stdlib

import (
	"context"
	"io"
	"strings"
	"sync"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// Databases an embedder hands to its scripts, by name, and the grants that
// decide which others a script may open.
// A script opens a handed-in database with the usual call —
// sqlite3.connect("orders") — and never sees where it lives or its
// credentials.

type databasesKey struct{}
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

// TrackConn lists a connection (a database module's, an open file) so that
// none outlives the interpreter: EndRun closes it.
func TrackConn(it *vm.Interp, c io.Closer) { vm.Track[io.Closer](it, openConnsKey{}, c) }

// trackConn is TrackConn for this package's own closers.
func trackConn(it *vm.Interp, c interface{ close() error }) { TrackConn(it, closerFunc(c.close)) }

type closerFunc func() error

func (f closerFunc) Close() error { return f() }

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
	for _, c := range vm.TakeTracked[io.Closer](it, openConnsKey{}) {
		c.Close()
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

type stoppableKey struct{}

// SetStoppable says the interpreter's runs can be stopped from outside (an
// embedder's context or time limit): database statements then run under
// its StopContext, at the price of the driver watching each one.
func SetStoppable(it *vm.Interp) { it.SetExt(stoppableKey{}, true) }

// Stoppable reports whether SetStoppable was called (extension modules ask).
func Stoppable(it *vm.Interp) bool {
	_, ok := it.Ext(stoppableKey{})
	return ok
}

// inheritRestrictions gives a process pool worker's interpreter its
// parent's grants and handed-in databases.
func inheritRestrictions(parent, child *vm.Interp) {
	for _, key := range []any{databasesKey{}, stoppableKey{}} {
		if v, ok := parent.Ext(key); ok {
			child.SetExt(key, v)
		}
	}
	runtime.SetGrants(child, runtime.GrantsOf(parent))
}

// HandedDatabase is the database the embedder handed in under name.
func HandedDatabase(it *vm.Interp, name string) (any, bool) {
	m, ok := it.Ext(databasesKey{})
	if !ok {
		return nil, false
	}
	db, ok := m.(map[string]any)[name]
	return db, ok
}

// DatabaseFile is where SQLite finds the database file a script names, as
// the granted files allow (":memory:" touches nothing); a refusal is
// PermissionError. URIs ("file:…?…") need the host's files: their
// parameters could lead anywhere.
func DatabaseFile(it *vm.Interp, path string) (string, error) {
	files := filesOf(it)
	if path == ":memory:" || files.g.Host {
		return path, nil
	}
	if strings.HasPrefix(path, "file:") {
		return "", refusal(errNotGranted, path)
	}
	if err := files.check(path, true); err != nil {
		return "", err
	}
	return files.hostPath(path)
}

// Guarded reports whether the interpreter's SQLite connections need the
// guard that keeps SQL (ATTACH and the like) off the host's files.
func Guarded(it *vm.Interp) bool { return !filesOf(it).g.Host }
