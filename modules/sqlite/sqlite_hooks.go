package sqlite

import (
	"sync"

	"modernc.org/libc"
	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/asylang/asy/vm"
)

// Connection.set_authorizer, set_progress_handler and set_trace_callback.
//
// A connection has one authorizer slot in SQLite: a hermetic interpreter's
// guard (sqlite_guard.go) and the script's authorizer share it through
// connAuthorize, which asks the guard first, so the script's own
// authorizer cannot let through what the guard refuses.

// installAuthorizer puts connAuthorize in the connection's slot, or
// empties it when neither the guard nor the script needs it (c.mu held or
// the connection idle).
func (c *dbConn) installAuthorizer() error {
	h, err := c.handle()
	if err != nil {
		return err
	}
	liveConns.Store(h.db, c)
	if !c.guard.on && (c.hooks == nil || c.hooks.auth.IsUndef()) {
		sqlite3lib.Xsqlite3_set_authorizer(h.tls, h.db, 0, 0)
		return nil
	}
	if rc := sqlite3lib.Xsqlite3_set_authorizer(h.tls, h.db, cFunc(connAuthorize), h.db); rc != sqlite3lib.SQLITE_OK {
		return errMisuse
	}
	return nil
}

func connOf(db uintptr) *dbConn {
	if v, ok := liveConns.Load(db); ok {
		return v.(*dbConn)
	}
	return nil
}

// cStr converts an optional C string argument (NULL: None).
func cStr(p uintptr) vm.Value {
	if p == 0 {
		return vm.None
	}
	return vm.Str(libc.GoString(p))
}

// connAuthorize is the authorizer callback.
func connAuthorize(tls *libc.TLS, db uintptr, action int32, z1, z2, z3, z4 uintptr) int32 {
	c := connOf(db)
	if c == nil {
		return sqlite3lib.SQLITE_DENY
	}
	if c.guard.on {
		str := func(p uintptr) string {
			if p == 0 {
				return ""
			}
			return libc.GoString(p)
		}
		if rc := c.guard.authorize(action, str(z1), str(z2), str(z3), str(z4)); rc != sqlite3lib.SQLITE_OK {
			return rc
		}
	}
	h := c.hooks
	if h == nil || h.auth.IsUndef() {
		return sqlite3lib.SQLITE_OK
	}
	rc := int32(sqlite3lib.SQLITE_DENY)
	ran := h.callScript(func(t *vm.Thread) {
		v, err := t.Call(h.auth, []vm.Value{vm.Int(int64(action)), cStr(z1), cStr(z2), cStr(z3), cStr(z4)}, nil)
		if err != nil {
			callbackTraceback(t, h.auth, err)
			return
		}
		// An int is passed on (SQLite itself calls a code other than OK,
		// DENY or IGNORE an authorizer malfunction); anything else denies.
		if v.Kind() == vm.KInt && v.AsInt() == int64(int32(v.AsInt())) {
			rc = int32(v.AsInt())
		} else if v.Kind() == vm.KBool {
			rc = 0
			if v.AsBool() {
				rc = 1
			}
		}
	})
	if !ran {
		return sqlite3lib.SQLITE_OK // asy's own statements (closing)
	}
	return rc
}

// connProgress is the progress handler: a true result (or an exception)
// interrupts the statement; so does a stop of the run.
func connProgress(tls *libc.TLS, db uintptr) int32 {
	c := connOf(db)
	if c == nil || c.hooks == nil {
		return 0
	}
	h := c.hooks
	if h.stop != nil && h.stop.Err() != nil {
		return 1
	}
	if h.progress.IsUndef() {
		return 0
	}
	rc := int32(0)
	h.callScript(func(t *vm.Thread) {
		v, err := t.Call(h.progress, nil, nil)
		if err != nil {
			callbackTraceback(t, h.progress, err)
			rc = 1
			return
		}
		if ok, err := t.Truth(v); err != nil || ok {
			rc = 1
		}
	})
	return rc
}

// connTrace is the trace callback (SQLITE_TRACE_STMT): the statement's
// text with its parameters bound, as CPython passes it.
func connTrace(tls *libc.TLS, mask uint32, db, stmt, x uintptr) int32 {
	c := connOf(db)
	if c == nil || c.hooks == nil || c.hooks.trace.IsUndef() {
		return 0
	}
	h := c.hooks
	text := ""
	if p := sqlite3lib.Xsqlite3_expanded_sql(tls, stmt); p != 0 {
		text = libc.GoString(p)
		sqlite3lib.Xsqlite3_free(tls, p)
	} else {
		text = libc.GoString(sqlite3lib.Xsqlite3_sql(tls, stmt))
	}
	h.callScript(func(t *vm.Thread) {
		if _, err := t.Call(h.trace, []vm.Value{vm.Str(text)}, nil); err != nil {
			callbackTraceback(t, h.trace, err)
		}
	})
	return 0
}

// setProgress installs or removes (fn None) the progress handler (c.mu held).
func (c *dbConn) setProgress(fn vm.Value, n int32) error {
	h, err := c.scriptHooks()
	if err != nil {
		return err
	}
	if fn.IsNone() {
		h.progress = vm.Undef
		sqlite3lib.Xsqlite3_progress_handler(c.h.tls, c.h.db, 0, 0, 0)
		return nil
	}
	h.progress, h.progressN = fn, n
	sqlite3lib.Xsqlite3_progress_handler(c.h.tls, c.h.db, n, cFunc(connProgress), c.h.db)
	return nil
}

// setTrace installs or removes (fn None) the trace callback (c.mu held).
func (c *dbConn) setTrace(fn vm.Value) error {
	h, err := c.scriptHooks()
	if err != nil {
		return err
	}
	if fn.IsNone() {
		h.trace = vm.Undef
		sqlite3lib.Xsqlite3_trace_v2(c.h.tls, c.h.db, 0, 0, 0)
		return nil
	}
	h.trace = fn
	sqlite3lib.Xsqlite3_trace_v2(c.h.tls, c.h.db, sqlite3lib.SQLITE_TRACE_STMT, cFunc(connTrace), c.h.db)
	return nil
}

// setAuthorizer installs or removes (fn None) the script's authorizer.
func (c *dbConn) setAuthorizer(fn vm.Value) error {
	if c.handed != nil {
		// The host's connection may carry the host's own authorizer,
		// which could not be put back.
		return errHandedAuthorizer
	}
	h, err := c.scriptHooks()
	if err != nil {
		return err
	}
	h.auth = fn
	if fn.IsNone() {
		h.auth = vm.Undef
	}
	return c.installAuthorizer()
}

// callbackTracebacks holds the interpreters where
// sqlite3.enable_callback_tracebacks(True) was called.
var callbackTracebacks sync.Map

// callbackTraceback prints an exception a callback raised, when the script
// asked for that, as CPython's unraisable-exception hook does.
func callbackTraceback(t *vm.Thread, fn vm.Value, err error) {
	if on, ok := callbackTracebacks.Load(t.Interp()); !ok || !on.(bool) {
		return
	}
	exc, ok := err.(*vm.Instance)
	if !ok {
		return
	}
	r, rerr := t.Repr(fn)
	if rerr != nil {
		r = "<object>"
	}
	t.Interp().WriteStderr("Exception ignored in: " + r + "\n" + t.FormatException(exc))
}
