package sqlite

import (
	"context"
	"database/sql/driver"
	"fmt"
	"unsafe"

	"modernc.org/libc"
	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/asylang/asy/vm/goconv"
)

// The per-row path of bulk inserts: a cached INSERT/UPDATE/DELETE with ?
// parameters runs on SQLite's C API directly — bind, step, reset — rather
// than through the driver's ExecContext, which looks every parameter up by
// name, copies each text and blob into a fresh C allocation and frees it,
// and builds a result object. Texts and blobs are copied into one buffer
// the connection keeps and bound SQLITE_STATIC: SQLite reads them during
// the step, and every parameter is bound again before the next one.
// Anything unusual (a named or numbered parameter, a shared-cache lock to
// wait for) goes the driver's way.

var stmtPstmt fieldIndex

// stmtHandle reads the sqlite3_stmt* of a driver statement compiled from
// one SQL statement (0 if unknown).
func stmtHandle(st driver.Stmt) uintptr {
	if p := driverField[uintptr](st, "stmt", "pstmt", &stmtPstmt); p != nil {
		return *p
	}
	return 0
}

// argBuf is a connection's C buffer for text and blob parameters.
type argBuf struct {
	p    uintptr
	size int
}

// reserve makes room for n bytes; the old buffer, which bindings of the
// last statement may still point into, is freed (they are all bound anew
// before SQLite reads them again).
func (b *argBuf) reserve(tls *libc.TLS, n int) bool {
	if n <= b.size && b.p != 0 {
		return true
	}
	size := max(n, 2*b.size, 256)
	p := libc.Xmalloc(tls, libc.Tsize_t(size))
	if p == 0 {
		return false
	}
	if b.p != 0 {
		libc.Xfree(tls, b.p)
	}
	b.p, b.size = p, size
	return true
}

func (b *argBuf) free(tls *libc.TLS) {
	if b.p != 0 {
		libc.Xfree(tls, b.p)
		b.p, b.size = 0, 0
	}
}

// bindFast binds args to st's sqlite3_stmt* for a run on the C API; 0
// (and no error) leaves st to the driver (nothing was bound).
func (c *dbConn) bindFast(h capi, st driver.Stmt, args []sqlArg) (uintptr, error) {
	if c.fastSt != st { // the same statement row after row: look at it once
		c.fastSt, c.fastP, c.fastNamed = st, stmtHandle(st), false
		c.fastCols = nil
		if c.fastP != 0 && h.db != 0 {
			c.fastN = int(sqlite3lib.Xsqlite3_bind_parameter_count(h.tls, c.fastP))
			for i := 1; i <= c.fastN; i++ {
				if sqlite3lib.Xsqlite3_bind_parameter_name(h.tls, c.fastP, int32(i)) != 0 {
					c.fastNamed = true // ?NNN, :name: the driver's way
				}
			}
		}
	}
	pstmt := c.fastP
	if pstmt == 0 || h.db == 0 || c.fastN != len(args) || c.fastNamed {
		return 0, nil
	}
	need := 1 // never a NULL pointer for an empty text or blob
	for _, a := range args {
		if a.name != "" {
			return 0, nil
		}
		need += len(a.s) + len(a.b)
	}
	if !c.args.reserve(h.tls, need) {
		return 0, nil
	}
	off := c.args.p
	for i, a := range args {
		idx := int32(i + 1)
		var rc int32
		switch a.kind {
		case argNull:
			rc = sqlite3lib.Xsqlite3_bind_null(h.tls, pstmt, idx)
		case argInt:
			rc = sqlite3lib.Xsqlite3_bind_int64(h.tls, pstmt, idx, a.n)
		case argFloat:
			rc = sqlite3lib.Xsqlite3_bind_double(h.tls, pstmt, idx, a.float())
		case argText:
			copy(unsafe.Slice((*byte)(cPtr(off)), len(a.s)), a.s)
			rc = sqlite3lib.Xsqlite3_bind_text(h.tls, pstmt, idx, off, int32(len(a.s)), 0)
			off += uintptr(len(a.s))
		case argBlob:
			copy(unsafe.Slice((*byte)(cPtr(off)), len(a.b)), a.b)
			rc = sqlite3lib.Xsqlite3_bind_blob(h.tls, pstmt, idx, off, int32(len(a.b)), 0)
			off += uintptr(len(a.b))
		}
		if rc != sqlite3lib.SQLITE_OK {
			return pstmt, driverError(h, rc)
		}
	}
	return pstmt, nil
}

// execFast runs the DML statement st with positional args on the C API;
// done=false leaves it to the driver (nothing was run).
func (c *dbConn) execFast(h capi, st driver.Stmt, args []sqlArg) (done bool, changed, lastID int64, err error) {
	pstmt, err := c.bindFast(h, st, args)
	if pstmt == 0 {
		return false, 0, 0, nil
	}
	if err != nil {
		return true, 0, 0, err
	}
	rc := sqlite3lib.Xsqlite3_step(h.tls, pstmt)
	for rc == sqlite3lib.SQLITE_ROW {
		rc = sqlite3lib.Xsqlite3_step(h.tls, pstmt)
	}
	switch rc {
	case sqlite3lib.SQLITE_DONE:
		changed = int64(sqlite3lib.Xsqlite3_changes(h.tls, h.db))
		lastID = sqlite3lib.Xsqlite3_last_insert_rowid(h.tls, h.db)
	case sqliteLockedSharedCache:
		// The driver waits for the other connection (unlock_notify); the
		// statement changed nothing yet.
		sqlite3lib.Xsqlite3_reset(h.tls, pstmt)
		return false, 0, 0, nil
	default:
		err = driverError(h, rc)
	}
	sqlite3lib.Xsqlite3_reset(h.tls, pstmt)
	return true, changed, lastID, err
}

// sqliteLockedSharedCache is SQLITE_LOCKED_SHAREDCACHE.
const sqliteLockedSharedCache = sqlite3lib.SQLITE_LOCKED | 1<<8

// driverError is the error the driver makes of result code rc, as
// sqliteErrorClass reads it.
func driverError(h capi, rc int32) error {
	str := libc.GoString(sqlite3lib.Xsqlite3_errstr(h.tls, rc))
	suffix := ""
	if rc == sqlite3lib.SQLITE_BUSY {
		suffix = " (SQLITE_BUSY)"
	}
	text := fmt.Sprintf("%s (%v)%s", str, rc, suffix)
	if msg := libc.GoString(sqlite3lib.Xsqlite3_errmsg(h.tls, h.db)); msg != str {
		text = fmt.Sprintf("%s: %s (%v)%s", str, msg, rc, suffix)
	}
	return &rcError{rc: rc, msg: driverMsg(text)}
}

// queryFast runs st, a statement that is not DML, with positional args on
// the C API into res: its column names and rows as the driver's path
// makes them (int64, float64, string, a copied []byte, nil; a DATE or
// TIMESTAMP column's text as stored, which the driver would parse and
// run turn back). done=false leaves it to the driver (nothing was run).
func (c *dbConn) queryFast(h capi, st driver.Stmt, args []sqlArg, res *dbResult) (done bool, err error) {
	pstmt, err := c.bindFast(h, st, args)
	if pstmt == 0 {
		return false, nil
	}
	if err != nil {
		return true, err
	}
	tls := h.tls
	rc := sqlite3lib.Xsqlite3_step(tls, pstmt)
	if rc == sqliteLockedSharedCache {
		sqlite3lib.Xsqlite3_reset(tls, pstmt)
		return false, nil // the driver waits for the other connection
	}
	n := int(sqlite3lib.Xsqlite3_column_count(tls, pstmt))
	if n > 0 {
		res.cols = c.columnNames(tls, pstmt, n)
	}
	for rc == sqlite3lib.SQLITE_ROW {
		vals := make([]any, n)
		for i := range vals {
			col := int32(i)
			switch sqlite3lib.Xsqlite3_column_type(tls, pstmt, col) {
			case sqlite3lib.SQLITE_INTEGER:
				vals[i] = sqlite3lib.Xsqlite3_column_int64(tls, pstmt, col)
			case sqlite3lib.SQLITE_FLOAT:
				vals[i] = sqlite3lib.Xsqlite3_column_double(tls, pstmt, col)
			case sqlite3lib.SQLITE_TEXT:
				p := sqlite3lib.Xsqlite3_column_text(tls, pstmt, col)
				vals[i] = goText(p, int(sqlite3lib.Xsqlite3_column_bytes(tls, pstmt, col)))
			case sqlite3lib.SQLITE_BLOB:
				p := sqlite3lib.Xsqlite3_column_blob(tls, pstmt, col)
				b := []byte{} // an empty BLOB is b'', not None
				if p != 0 {
					b = goconv.Blob(unsafe.Slice((*byte)(cPtr(p)), int(sqlite3lib.Xsqlite3_column_bytes(tls, pstmt, col))))
				}
				vals[i] = b
			default:
				vals[i] = nil
			}
		}
		res.rows = append(res.rows, vals)
		rc = sqlite3lib.Xsqlite3_step(tls, pstmt)
	}
	if rc != sqlite3lib.SQLITE_DONE {
		err = driverError(h, rc)
	}
	sqlite3lib.Xsqlite3_reset(tls, pstmt)
	return true, err
}

// columnNames are the result columns' names of pstmt, those of the last
// run when they are the same (a statement's names change only when SQLite
// prepares it again after a schema change).
func (c *dbConn) columnNames(tls *libc.TLS, pstmt uintptr, n int) []string {
	same := len(c.fastCols) == n
	for i := 0; same && i < n; i++ {
		p := sqlite3lib.Xsqlite3_column_name(tls, pstmt, int32(i))
		same = p != 0 && cStringIs(p, c.fastCols[i])
	}
	if same {
		return c.fastCols
	}
	names := make([]string, n)
	for i := range names {
		names[i] = goText(sqlite3lib.Xsqlite3_column_name(tls, pstmt, int32(i)), -1)
	}
	c.fastCols = names
	return names
}

// cStringIs tells whether the NUL-terminated string at p is s.
func cStringIs(p uintptr, s string) bool {
	b := unsafe.Slice((*byte)(cPtr(p)), len(s)+1)
	return string(b[:len(s)]) == s && b[len(s)] == 0
}

// txStmt is a prepared BEGIN, COMMIT or ROLLBACK and its sqlite3_stmt*.
type txStmt struct {
	st driver.Stmt
	p  uintptr
}

// beginSQL is the BEGIN that opens a transaction at isolation level iso
// (constants: no new string a transaction).
func beginSQL(iso string) string {
	switch iso {
	case "":
		return "BEGIN "
	case "DEFERRED":
		return "BEGIN DEFERRED"
	case "IMMEDIATE":
		return "BEGIN IMMEDIATE"
	case "EXCLUSIVE":
		return "BEGIN EXCLUSIVE"
	}
	return "BEGIN " + iso
}

// execTx runs q, a BEGIN, COMMIT or ROLLBACK of the legacy transaction
// control (c.mu held), from a statement the connection keeps prepared and
// on the C API: a loop that commits every row runs these as often as its
// INSERTs, and the driver's exec compiles each one anew. A run inside a
// callback (nested), a handed-in connection and one with a script's
// authorizer — which CPython consults as it compiles each BEGIN and
// COMMIT — go the driver's way.
func (c *dbConn) execTx(ctx context.Context, q string, nested bool) error {
	h := c.h
	if nested || c.raw == nil || h.db == 0 || c.hooks != nil && !c.hooks.auth.IsUndef() {
		return c.execRaw(ctx, q)
	}
	ts, ok := c.txStmts[q]
	if !ok {
		st, err := c.raw.(driver.ConnPrepareContext).PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		if ts = (txStmt{st, stmtHandle(st)}); ts.p == 0 {
			st.Close()
			return c.execRaw(ctx, q)
		}
		if c.txStmts == nil {
			c.txStmts = map[string]txStmt{}
		}
		c.txStmts[q] = ts
	}
	rc := sqlite3lib.Xsqlite3_step(h.tls, ts.p)
	for rc == sqlite3lib.SQLITE_ROW {
		rc = sqlite3lib.Xsqlite3_step(h.tls, ts.p)
	}
	var err error
	switch rc {
	case sqlite3lib.SQLITE_DONE:
	case sqliteLockedSharedCache:
		// The driver waits for the other connection (unlock_notify).
		sqlite3lib.Xsqlite3_reset(h.tls, ts.p)
		return c.execRaw(ctx, q)
	default:
		err = driverError(h, rc)
	}
	sqlite3lib.Xsqlite3_reset(h.tls, ts.p)
	return err
}
