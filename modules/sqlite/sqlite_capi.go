package sqlite

import (
	"context"
	"database/sql/driver"
	"errors"
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"

	"modernc.org/libc"
	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/asylang/asy/vm"
)

// The parts of CPython's sqlite3 that database/sql has no words for
// (application functions, collations, the authorizer, progress and trace
// callbacks, backups, blobs) call SQLite's C API, as modernc.org/sqlite
// translates it to Go, on the driver connection's own handle.
//
// Callbacks run on the goroutine running the statement, which released
// the interpreter lock for it: a callback takes the lock back to run
// script code and gives it up again before returning to SQLite. The
// thread whose statement runs is known through the statement's context
// (threadCtx); a callback outside a script's statement (closing the
// connection) runs no script code.

// capi is a driver connection's C handles: the sqlite3* and the C
// runtime state the driver calls it with.
type capi struct {
	db  uintptr
	tls *libc.TLS
}

var errNoHandle = errors.New("the connection is not modernc.org/sqlite's")

// handleOf reads the handles of a modernc.org/sqlite connection (its
// fields db and tls, which the driver does not export).
func handleOf(dc driver.Conn) (capi, error) {
	v := reflect.ValueOf(dc)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return capi{}, errNoHandle
	}
	e := v.Elem()
	if e.Kind() != reflect.Struct || e.Type().PkgPath() != "modernc.org/sqlite" || e.Type().Name() != "conn" {
		return capi{}, errNoHandle
	}
	db, tls := e.FieldByName("db"), e.FieldByName("tls")
	if db.Kind() != reflect.Uintptr || tls.Type() != reflect.TypeOf((*libc.TLS)(nil)) {
		return capi{}, errNoHandle
	}
	return capi{
		db:  *(*uintptr)(unsafe.Pointer(db.UnsafeAddr())),
		tls: *(**libc.TLS)(unsafe.Pointer(tls.UnsafeAddr())),
	}, nil
}

// handle returns c's C handles (cached: they live as long as the connection).
func (c *dbConn) handle() (capi, error) {
	if c.h.db != 0 {
		return c.h, nil
	}
	err := c.withDriver(func(dc driver.Conn) error {
		h, err := handleOf(dc)
		c.h = h
		return err
	})
	return c.h, err
}

// handleFrom is handle for the driver connection at hand (inside withDriver).
func (c *dbConn) handleFrom(dc driver.Conn) capi {
	if c.h.db == 0 {
		c.h, _ = handleOf(dc)
	}
	return c.h
}

// fieldIndex caches where an unexported field of one of the driver's
// types is.
type fieldIndex struct {
	sync.Once
	idx int
	ok  bool
}

// driverField points at the field name, of type T, of x, a pointer to the
// driver's struct typeName; nil if x is not one or has no such field.
func driverField[T any](x any, typeName, name string, fi *fieldIndex) *T {
	v := reflect.ValueOf(x)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	e := v.Elem()
	if e.Type().PkgPath() != "modernc.org/sqlite" || e.Type().Name() != typeName {
		return nil
	}
	fi.Do(func() {
		f, ok := e.Type().FieldByName(name)
		fi.ok = ok && f.Type == reflect.TypeFor[T]() && len(f.Index) == 1
		if fi.ok {
			fi.idx = f.Index[0]
		}
	})
	if !fi.ok {
		return nil
	}
	return (*T)(unsafe.Pointer(e.Field(fi.idx).UnsafeAddr()))
}

var rowsPstmt fieldIndex

// rowsStmt reads the sqlite3_stmt* of the driver's rows (0 if unknown).
func rowsStmt(rows driver.Rows) uintptr {
	if p := driverField[uintptr](rows, "rows", "pstmt", &rowsPstmt); p != nil {
		return *p
	}
	return 0
}

// cFunc converts a function declared at top level to the C function
// pointer SQLite's translated code calls (a pointer to the Go func value).
func cFunc[T any](f T) uintptr {
	return *(*uintptr)(unsafe.Pointer(&struct{ f T }{f}))
}

// cPtr makes a pointer of an address in C memory (SQLite's, outside the
// Go heap), spelled so that vet's unsafeptr check accepts it.
func cPtr(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }

// cString copies s into memory from SQLite's allocator (free with
// sqlite3_free); 0 when out of memory.
func cString(tls *libc.TLS, s string) uintptr {
	p := sqlite3lib.Xsqlite3_malloc(tls, int32(len(s)+1))
	if p == 0 {
		return 0
	}
	if len(s) > 0 {
		copy(unsafe.Slice((*byte)(cPtr(p)), len(s)), s)
	}
	*(*byte)(cPtr(p + uintptr(len(s)))) = 0
	return p
}

// goText reads n bytes at p (a NUL-terminated string when n < 0).
func goText(p uintptr, n int) string {
	if p == 0 {
		return ""
	}
	if n < 0 {
		return libc.GoString(p)
	}
	return string(unsafe.Slice((*byte)(cPtr(p)), n))
}

// liveConns maps a sqlite3* to its dbConn, for callbacks that SQLite hands
// the handle (the authorizer, progress and trace callbacks).
var liveConns sync.Map

// threadCtx is the context of a statement run for script thread t: it
// tells callbacks which thread's script code they run. With a progress
// handler set, Context has no Done channel (the driver would take SQLite's
// only progress-handler slot for cancellation) and the handler watches
// stop instead.
type threadCtx struct {
	context.Context
	t    *vm.Thread
	stop context.Context
	// held: t keeps the interpreter lock while it holds the connection
	// (a quick API call, no statement): callbacks then run no script code.
	held bool
}

// hooks is what a script registered on a connection.
type hooks struct {
	cur        *vm.Thread  // the thread whose statement runs (nil: none)
	inCallback atomic.Bool // script code of a callback runs now
	stop       context.Context

	auth       vm.Value // set_authorizer's callable (Undef: none)
	progress   vm.Value
	progressN  int32
	trace      vm.Value
	funcs      map[uintptr]*udf // registered functions and collations, by id
	collations map[string]bool

	// pending is an exception a collation raised: CPython lets it
	// replace the statement's own outcome.
	pending error
}

// scriptHooks returns c's hooks, made on first use (c.mu held or the
// connection otherwise idle), with c listed for SQLite's callbacks.
func (c *dbConn) scriptHooks() (*hooks, error) {
	if c.hooks != nil {
		return c.hooks, nil
	}
	h, err := c.handle()
	if err != nil {
		return nil, err
	}
	c.hooks = &hooks{auth: vm.Undef, progress: vm.Undef, trace: vm.Undef, funcs: map[uintptr]*udf{}}
	liveConns.Store(h.db, c)
	return c.hooks, nil
}

// enter readies c for a statement run under ctx; nested reports a
// statement that a callback of c's running statement runs (c.mu is held
// already, by the same goroutine). leave must follow.
func (c *dbConn) enter(ctx context.Context) (nested bool) {
	if h := c.hooks; h != nil && h.inCallback.Load() {
		if tc, ok := ctx.(*threadCtx); ok && tc.t == h.cur {
			return true
		}
	}
	c.mu.Lock()
	if h := c.hooks; h != nil {
		if tc, ok := ctx.(*threadCtx); ok && !tc.held {
			h.cur, h.stop = tc.t, tc.stop
		}
	}
	c.arm(ctx) // its error is c.stopped()'s
	return false
}

// heldBy tells whether t runs a callback of c's running statement (so t
// holds c.mu already).
func (c *dbConn) heldBy(t *vm.Thread) bool {
	h := c.hooks
	return h != nil && h.inCallback.Load() && h.cur == t
}

func (c *dbConn) leave(nested bool) {
	if nested {
		return
	}
	if h := c.hooks; h != nil {
		h.cur, h.stop = nil, nil
	}
	c.disarm()
	c.mu.Unlock()
}

// callScript runs f, which calls script code, holding the interpreter lock
// (the statement released it); ok=false when no script statement runs.
func (h *hooks) callScript(f func(t *vm.Thread)) bool {
	t := h.cur
	if t == nil {
		return false
	}
	it := t.Interp()
	it.Acquire()
	was := h.inCallback.Swap(true)
	f(t)
	h.inCallback.Store(was)
	it.Release()
	return true
}

// forget drops c's callbacks as the connection closes (c.mu held).
func (c *dbConn) forgetHooks() {
	if c.h.db == 0 {
		return
	}
	liveConns.Delete(c.h.db)
	h := c.hooks
	if h == nil {
		return
	}
	h.cur = nil
	if c.handed != nil {
		// The connection goes back to the host's pool: it keeps none of
		// the script's callbacks.
		tls, db := c.h.tls, c.h.db
		sqlite3lib.Xsqlite3_progress_handler(tls, db, 0, 0, 0)
		sqlite3lib.Xsqlite3_trace_v2(tls, db, 0, 0, 0)
		for _, f := range h.funcs {
			name := cString(tls, f.name)
			if f.kind == udfCollation {
				sqlite3lib.Xsqlite3_create_collation_v2(tls, db, name, sqlite3lib.SQLITE_UTF8, 0, 0, 0)
			} else {
				sqlite3lib.Xsqlite3_create_function_v2(tls, db, name, f.narg, sqlite3lib.SQLITE_UTF8, 0, 0, 0, 0, 0)
			}
			sqlite3lib.Xsqlite3_free(tls, name)
		}
	}
}
