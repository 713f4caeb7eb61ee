package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	sqlite "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/asylang/asy/vm"
	"github.com/asylang/asy/vm/goconv"
)

// The database side of sqlite3 and aiosqlite: one SQLite connection and
// the statements run on it, in plain Go values so that it can run with the
// interpreter lock released (sqlite3) or on a connection's own goroutine
// (aiosqlite). The script-facing objects are in sqlite3.go and aiosqlite.go.

// dbConn is one open SQLite database connection. Statements go straight to
// the driver (database/sql's pooling and conversions cost more than a
// small INSERT): a connection we open is the driver's own; a handed-in
// *sql.DB lends one of its connections, held for this dbConn's lifetime and
// reached through sql.Conn.Raw.
type dbConn struct {
	mu     sync.Mutex // one statement at a time (aiosqlite's worker and the loop)
	raw    driver.Conn
	handed *sql.Conn
	stmts  map[string]driver.Stmt // prepared statements, like CPython's statement cache
	infos  map[string]stmtInfo    // what each statement's text says (parsed once)

	// intr makes statements interruptible (Connection.interrupt, used by
	// aiosqlite when a task awaiting a statement is cancelled): they run
	// under a context that interrupt cancels. Off until first asked for, so
	// plain statements pay nothing for it.
	intr struct {
		sync.Mutex
		on     atomic.Bool
		ctx    context.Context
		cancel context.CancelFunc
	}

	guard hermeticGuard // what a hermetic interpreter's connection may not do

	watch stopWatch                // ends statements when their context ends (sqlite_stop.go)
	quiet atomic.Pointer[quietCtx] // the driver's context for the last stop context
	h     capi                     // the C handles, once asked for (handle)
	args  argBuf                   // texts and blobs bound by execFast
	// fastSt is the statement execFast ran last, fastP its sqlite3_stmt*
	// (fastSt is kept open by stmts, or held here: never a new one's address).
	fastSt driver.Stmt
	fastP  uintptr
	// fastN is fastSt's parameter count, fastNamed whether any of them has
	// a name (?NNN, :name, @name, $name).
	fastN     int
	fastNamed bool
	fastCols  []string // queryFast's column names of fastSt's last run
	// last is the statement text run last, what it says and its cached
	// prepared statement (nil: not known yet): a loop running one
	// statement row after row finds them without hashing the text twice
	// a row (c.mu held).
	last struct {
		q    string
		ok   bool
		info stmtInfo
		st   driver.Stmt
	}
	// stopBase is the interpreter's StopContext as last asked for: it
	// stays the interpreter's until it ends (Abort), so while it has not
	// ended each statement takes it without the interpreter's lock.
	stopBase atomic.Pointer[stopBase]
	// txStmts are BEGIN, COMMIT and ROLLBACK, prepared once (execTx).
	txStmts map[string]txStmt
	blobs   map[*sqliteBlob]bool // open blobs, closed with the connection
	hooks   *hooks               // the script's callbacks, functions and collations (nil: none)

	closed       bool
	inTx         bool
	isolation    string // "" / "DEFERRED" / "IMMEDIATE" / "EXCLUSIVE"
	autocommit   bool   // isolation_level None: no implicit BEGIN
	detect       int    // detect_types: the results keep what converters need
	lastRowID    int64
	totalChanges int64
	stoppable    bool // stdlib.Stoppable of the interpreter that opened it

	// dbMutex is SQLite's lock of a connection we opened, taken out of
	// its handle while we hold it (see unlockHandle).
	dbMutex uintptr
}

// openDB opens path (":memory:" for a private in-memory database).
func openDB(path string, timeout float64) (*dbConn, error) {
	dsn := path
	if path != ":memory:" && !strings.HasPrefix(path, "file:") {
		dsn = "file:" + path
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	dsn += fmt.Sprintf("%s_pragma=busy_timeout(%d)", sep, int(timeout*1000))
	// Opening fails now, as sqlite3.connect does, when the file cannot be opened.
	raw, err := (&sqlite.Driver{}).Open(dsn)
	if err != nil {
		return nil, err
	}
	c := &dbConn{raw: raw, stmts: map[string]driver.Stmt{}}
	c.unlockHandle()
	return c, nil
}

// unlockHandle takes SQLite's own lock out of a connection we opened.
// The driver opens every connection serialized (SQLITE_OPEN_FULLMUTEX):
// each API call — every bind, step, reset, changes — takes a recursive
// lock, which in the translated C runtime is a few atomics and a Go
// mutex each time, a sixth of a loop of small INSERTs. c.mu already
// serializes every use of the connection (statements, callbacks,
// registrations, blobs, backups), so the handle is put in SQLite's
// multi-thread mode, which is what SQLITE_OPEN_NOMUTEX opens: a NULL
// db->mutex makes sqlite3_mutex_enter a no-op. What is left unlocked are
// reads (in_transaction, total_changes) and sqlite3_interrupt, which
// SQLite allows from any thread. close puts the lock back for
// sqlite3_close to free.
func (c *dbConn) unlockHandle() {
	h, err := c.handle()
	if err != nil || h.db == 0 {
		return
	}
	db := (*sqlite3lib.Tsqlite3)(cPtr(h.db))
	c.dbMutex, db.Fmutex = db.Fmutex, 0
}

// relockHandle undoes unlockHandle before the connection closes.
func (c *dbConn) relockHandle() {
	if c.dbMutex != 0 && c.h.db != 0 {
		(*sqlite3lib.Tsqlite3)(cPtr(c.h.db)).Fmutex = c.dbMutex
		c.dbMutex = 0
	}
}

// withDriver runs f on the driver connection.
func (c *dbConn) withDriver(f func(dc driver.Conn) error) error {
	if c.raw != nil {
		return f(c.raw)
	}
	return c.handed.Raw(func(dc any) error { return f(dc.(driver.Conn)) })
}

// execRaw runs a statement without arguments or results (BEGIN, COMMIT, a script).
func (c *dbConn) execRaw(ctx context.Context, q string) error {
	return c.withDriver(func(dc driver.Conn) error {
		_, err := dc.(driver.ExecerContext).ExecContext(ctx, q, nil)
		return err
	})
}

// stmtCtx is the context a statement of this connection runs under: one
// that a stop of t's interpreter ends when the interpreter is stoppable
// (an embedder's run, a run with a time limit), and one Connection.interrupt
// ends once interruption is on — watched by the connection, not the driver
// (sqlite_stop.go). Otherwise none, as CPython's statements do not stop
// for Ctrl-C either.
func (c *dbConn) stmtCtx(t *vm.Thread) context.Context {
	ctx := c.stopCtx(t)
	if h := c.hooks; h != nil {
		// Callbacks need to know the thread; with a progress handler the
		// handler watches the stop itself (see threadCtx).
		tc := &threadCtx{Context: c.quieted(ctx), t: t, stop: ctx}
		if !h.progress.IsUndef() {
			tc.Context = context.Background()
		}
		return tc
	}
	return c.quieted(ctx)
}

// stopBase is an interpreter's stop context.
type stopBase struct {
	it  *vm.Interp
	ctx context.Context
}

func (c *dbConn) stopCtx(t *vm.Thread) context.Context {
	base := context.Background()
	if c.stoppable {
		it := t.Interp()
		if sb := c.stopBase.Load(); sb != nil && sb.it == it && sb.ctx.Err() == nil {
			base = sb.ctx
		} else {
			base = it.StopContext()
			c.stopBase.Store(&stopBase{it, base})
		}
	}
	if !c.intr.on.Load() {
		return base
	}
	c.intr.Lock()
	defer c.intr.Unlock()
	if c.intr.ctx == nil || c.intr.ctx.Err() != nil {
		c.intr.ctx, c.intr.cancel = context.WithCancel(base)
	}
	return c.intr.ctx
}

// interruptible turns interruption on (before the statements it should reach).
func (c *dbConn) interruptible() {
	c.intr.on.Store(true)
}

// interrupt aborts the statement running now, if any (it fails with
// OperationalError "interrupted"); later statements are not affected.
func (c *dbConn) interrupt() {
	c.intr.Lock()
	defer c.intr.Unlock()
	if c.intr.cancel != nil {
		c.intr.cancel()
		c.intr.ctx, c.intr.cancel = nil, nil
	}
}

// dbResult is what one statement produced.
type dbResult struct {
	cols     []string
	rows     [][]any
	decl     []string   // declared column types (detect_types only)
	raw      [][][]byte // each value's bytes, for converters (detect_types only)
	rowcount int64      // -1 unless DML
	returned int64      // DML with RETURNING: the rows changed (rowcount once all are fetched)
	lastID   int64
}

// errClosedDB is reported as ProgrammingError("Cannot operate on a closed database.").
var errClosedDB = errors.New("Cannot operate on a closed database.")

// dbArgsError carries CPython's wording for a bad parameter count.
type dbArgsError struct{ want, got int }

func (e *dbArgsError) Error() string {
	return fmt.Sprintf("Incorrect number of bindings supplied. The current statement uses %d, and there are %d supplied.", e.want, e.got)
}

var leadingComment = lazyRegexp(`^(\s+|--[^\n]*\n?|/\*(.|\n)*?\*/)*`)

// firstKeyword is the statement's first word, upper-cased.
func firstKeyword(q string) string {
	q = q[len(leadingComment().FindString(q)):]
	end := 0
	for end < len(q) && (q[end] >= 'a' && q[end] <= 'z' || q[end] >= 'A' && q[end] <= 'Z') {
		end++
	}
	return strings.ToUpper(q[:end])
}

func isDML(kw string) bool {
	return kw == "INSERT" || kw == "UPDATE" || kw == "DELETE" || kw == "REPLACE"
}

var returningRe = lazyRegexp(`(?i)\bRETURNING\b`)

// countPlaceholders counts the ? parameters of a statement (?NNN counts as
// its number), skipping literals and comments, as sqlite3_bind_parameter_count
// would report for ? parameters.
func countPlaceholders(q string) (n int, named bool) {
	for i := 0; i < len(q); i++ {
		switch c := q[i]; c {
		case '\'', '"', '`':
			j := strings.IndexByte(q[i+1:], c)
			if j < 0 {
				return n, named
			}
			i += j + 1
		case '[':
			j := strings.IndexByte(q[i+1:], ']')
			if j < 0 {
				return n, named
			}
			i += j + 1
		case '-':
			if i+1 < len(q) && q[i+1] == '-' {
				j := strings.IndexByte(q[i:], '\n')
				if j < 0 {
					return n, named
				}
				i += j
			}
		case '/':
			if i+1 < len(q) && q[i+1] == '*' {
				j := strings.Index(q[i+2:], "*/")
				if j < 0 {
					return n, named
				}
				i += j + 3
			}
		case '?':
			k := i + 1
			for k < len(q) && q[k] >= '0' && q[k] <= '9' {
				k++
			}
			if k > i+1 {
				num, _ := strconv.Atoi(q[i+1 : k])
				if num > n {
					n = num
				}
			} else {
				n++
			}
			i = k - 1
		case ':', '@', '$':
			if i+1 < len(q) && (q[i+1] == '_' || q[i+1] >= 'a' && q[i+1] <= 'z' || q[i+1] >= 'A' && q[i+1] <= 'Z') {
				named = true
				n++
			}
		}
	}
	return n, named
}

// stmtInfo is what exec needs to know about a statement's text.
type stmtInfo struct {
	kw        string // first keyword, upper-case
	dml       bool
	returning bool
	params    int
	named     bool
	nul       bool // the text holds a NUL
	many      bool // more than one statement
}

func (c *dbConn) info(q string) stmtInfo {
	if c.last.ok && q == c.last.q {
		return c.last.info
	}
	in, ok := c.infos[q]
	if !ok {
		in = parseInfo(q)
		if c.infos == nil || len(c.infos) > 1024 {
			c.infos = map[string]stmtInfo{}
		}
		c.infos[q] = in
	}
	c.last.q, c.last.ok, c.last.info, c.last.st = q, true, in, nil
	return in
}

// parseInfo reads what exec needs to know from a statement's text.
func parseInfo(q string) stmtInfo {
	in := stmtInfo{kw: firstKeyword(q)}
	in.dml = isDML(in.kw)
	in.returning = in.dml && returningRe().MatchString(q)
	in.params, in.named = countPlaceholders(q)
	in.nul = strings.IndexByte(q, 0) >= 0
	in.many = skipSQLSpace(sqlTail(q)) != ""
	return in
}

// exec runs one statement with its arguments (nil: none bound).
func (c *dbConn) exec(ctx context.Context, q string, args []sqlArg) (*dbResult, error) {
	return c.execInto(ctx, q, args, nil)
}

// execInto is exec making its result in into (nil: a new one), which the
// per-row path of bulk inserts reuses.
func (c *dbConn) execInto(ctx context.Context, q string, args []sqlArg, into *dbResult) (*dbResult, error) {
	nested := c.enter(ctx)
	defer c.leave(nested)
	if c.closed {
		return nil, errClosedDB
	}
	if err := c.stopped(); err != nil {
		return nil, err
	}
	if !c.guard.on {
		res, err := c.execLocked(ctx, q, args, nested, into)
		return res, c.pendingErr(c.stopErr(err), nested)
	}
	kw := c.info(q).kw
	c.guard.before(q, kw)
	defer c.guard.done()
	res, err := c.execLocked(ctx, q, args, nested, into)
	return res, c.pendingErr(c.guard.refusal(c.stopErr(err), kw), nested)
}

// pendingErr is the exception a collation raised during the statement, in
// place of the statement's outcome (as CPython), else err.
func (c *dbConn) pendingErr(err error, nested bool) error {
	if h := c.hooks; h != nil && h.pending != nil && !nested {
		err, h.pending = h.pending, nil
	}
	return err
}

// execLocked is exec holding c.mu.
func (c *dbConn) execLocked(ctx context.Context, q string, args []sqlArg, nested bool, into *dbResult) (*dbResult, error) {
	info := c.info(q)
	kw := info.kw
	if err := c.checkOne(ctx, q, info); err != nil {
		return nil, err
	}
	if !info.named && info.params != len(args) {
		return nil, &dbArgsError{info.params, len(args)}
	}
	if info.dml && !c.autocommit && !c.inTransaction() {
		// CPython's legacy transaction control: DML opens a transaction.
		if err := c.execTx(ctx, beginSQL(c.isolation), nested); err != nil {
			return nil, err
		}
		c.inTx = true
	}
	res := into
	if res == nil {
		res = new(dbResult)
	}
	*res = dbResult{rowcount: -1}
	if info.returning {
		res.rowcount = 0
	}
	var err error
	if c.raw != nil {
		err = c.run(ctx, c.raw, q, info, args, res, nested) // no closure on the per-row path
	} else {
		err = c.handed.Raw(func(dc any) error { return c.run(ctx, dc.(driver.Conn), q, info, args, res, nested) })
	}
	if err != nil {
		return nil, err
	}
	switch kw {
	case "BEGIN":
		c.inTx = true
	case "COMMIT", "END", "ROLLBACK":
		if kw != "ROLLBACK" || !strings.Contains(strings.ToUpper(q), " TO ") {
			c.inTx = false
		}
	}
	if len(res.cols) == 0 {
		res.cols = nil
	}
	res.lastID = c.lastRowID
	return res, nil
}

// checkOne refuses, as CPython does before running anything, SQL with a
// NUL and several statements (an error in the first one is reported first).
func (c *dbConn) checkOne(ctx context.Context, q string, info stmtInfo) error {
	if info.nul {
		return errNulInSQL
	}
	if !info.many {
		return nil
	}
	// Only the first statement is compiled (the driver compiles statements
	// one by one), so its errors come out here.
	err := c.withDriver(func(dc driver.Conn) error {
		st, err := dc.(driver.ConnPrepareContext).PrepareContext(ctx, q)
		if err == nil {
			st.Close()
		}
		return err
	})
	if err != nil {
		return err
	}
	return errManyStmts
}

// checkMany does executemany's checks, before any parameters are looked
// at: the statement compiles, is only one, and changes the database.
func (c *dbConn) checkMany(ctx context.Context, q string) error {
	nested := c.enter(ctx)
	defer c.leave(nested)
	if c.closed {
		return errClosedDB
	}
	if err := c.stopped(); err != nil {
		return err
	}
	info := c.info(q)
	if c.guard.on {
		c.guard.before(q, info.kw)
		defer c.guard.done()
	}
	if err := c.checkOne(ctx, q, info); err != nil {
		return c.guard.refusal(err, info.kw)
	}
	if err := c.withDriver(func(dc driver.Conn) error {
		st, err := c.prepare(ctx, dc, q, nested)
		if nested && err == nil {
			st.Close()
		}
		return err
	}); err != nil {
		return c.guard.refusal(err, info.kw)
	}
	if sqlReadOnly(q) {
		return errManyNotDML
	}
	return nil
}

// run executes one prepared statement on the driver connection into res.
func (c *dbConn) run(ctx context.Context, dc driver.Conn, q string, info stmtInfo, args []sqlArg, res *dbResult, nested bool) error {
	st, err := c.prepare(ctx, dc, q, nested)
	if err != nil {
		return err
	}
	if nested {
		err = c.runStmt(ctx, dc, st, info, args, res, nested)
		st.Close()
		return err
	}
	return c.runStmt(ctx, dc, st, info, args, res, nested)
}

// runStmt is run with the statement prepared (not deferring its close:
// a function with a defer and this many returns pays for a defer record
// on every run).
func (c *dbConn) runStmt(ctx context.Context, dc driver.Conn, st driver.Stmt, info stmtInfo, args []sqlArg, res *dbResult, nested bool) error {
	if info.dml && !info.returning {
		if !nested && !info.named {
			done, n, id, err := c.execFast(c.handleFrom(dc), st, args)
			if done {
				if err != nil {
					return err
				}
				res.rowcount = n
				c.totalChanges += n
				c.lastRowID = id
				return nil
			}
		}
		r, err := st.(driver.StmtExecContext).ExecContext(ctx, namedValues(args))
		if err != nil {
			return err
		}
		n, _ := r.RowsAffected()
		id, _ := r.LastInsertId()
		res.rowcount = n
		c.totalChanges += n
		c.lastRowID = id // sqlite3_last_insert_rowid: the connection's, whatever the statement
		return nil
	}
	if !info.dml && !nested && !info.named && c.detect == 0 {
		if done, err := c.queryFast(c.handleFrom(dc), st, args, res); done {
			return err
		}
	}
	rows, err := st.(driver.StmtQueryContext).QueryContext(ctx, namedValues(args))
	if err != nil {
		return err
	}
	defer rows.Close()
	res.cols = rows.Columns()
	var h capi
	var pstmt uintptr
	if c.detect != 0 {
		h, pstmt = c.handleFrom(dc), rowsStmt(rows)
		if pstmt != 0 {
			res.decl = make([]string, len(res.cols))
			for i := range res.decl {
				res.decl[i] = goText(sqlite3lib.Xsqlite3_column_decltype(h.tls, pstmt, int32(i)), -1)
			}
		}
	}
	for {
		dest := make([]driver.Value, len(res.cols))
		if err := rows.Next(dest); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		vals := make([]any, len(dest))
		for i, v := range dest {
			switch x := v.(type) {
			case []byte:
				v = goconv.Blob(x) // the driver may reuse its buffer
			case time.Time:
				// The driver parsed the text of a DATE/TIMESTAMP column:
				// CPython gives the text as stored.
				if pstmt == 0 {
					h, pstmt = c.handleFrom(dc), rowsStmt(rows)
				}
				if pstmt != 0 {
					p := sqlite3lib.Xsqlite3_column_text(h.tls, pstmt, int32(i))
					v = goText(p, int(sqlite3lib.Xsqlite3_column_bytes(h.tls, pstmt, int32(i))))
				}
			}
			vals[i] = v
		}
		if res.decl != nil {
			// The bytes converters are given: SQLite's text of each value
			// (none for NULL and empty values, as CPython).
			raw := make([][]byte, len(dest))
			for i := range raw {
				if p := sqlite3lib.Xsqlite3_column_blob(h.tls, pstmt, int32(i)); p != 0 {
					raw[i] = goconv.Blob(unsafe.Slice((*byte)(cPtr(p)), int(sqlite3lib.Xsqlite3_column_bytes(h.tls, pstmt, int32(i)))))
				}
			}
			res.raw = append(res.raw, raw)
		}
		res.rows = append(res.rows, vals)
	}
	if info.returning {
		// The rows an INSERT ... RETURNING changed: CPython's cursor
		// counts them once it has stepped through the results.
		if h := c.handleFrom(dc); h.db != 0 {
			res.returned = int64(sqlite3lib.Xsqlite3_changes64(h.tls, h.db))
			c.lastRowID = int64(sqlite3lib.Xsqlite3_last_insert_rowid(h.tls, h.db))
		}
	}
	return nil
}

// prepare returns the cached prepared statement for q; nested (a
// statement a callback runs while another runs): a new one, which the
// caller closes, since the cached one may be the one running.
func (c *dbConn) prepare(ctx context.Context, dc driver.Conn, q string, nested bool) (driver.Stmt, error) {
	if nested {
		return dc.(driver.ConnPrepareContext).PrepareContext(ctx, q)
	}
	last := c.last.ok && q == c.last.q
	if last && c.last.st != nil {
		return c.last.st, nil
	}
	st, ok := c.stmts[q]
	if !ok {
		var err error
		if st, err = dc.(driver.ConnPrepareContext).PrepareContext(ctx, q); err != nil {
			return nil, err
		}
		if len(c.stmts) >= 128 {
			for k, old := range c.stmts {
				if old == c.last.st {
					c.last.st = nil
				}
				old.Close()
				delete(c.stmts, k)
				break
			}
		}
		c.stmts[q] = st
	}
	if last {
		c.last.st = st
	}
	return st, nil
}

// script runs several statements (executescript): a pending transaction is
// committed first, as CPython does.
func (c *dbConn) script(ctx context.Context, q string) error {
	nested := c.enter(ctx)
	defer c.leave(nested)
	if c.closed {
		return errClosedDB
	}
	if err := c.stopped(); err != nil {
		return err
	}
	if c.inTransaction() {
		if err := c.execTx(ctx, "COMMIT", nested); err != nil {
			return err
		}
		c.inTx = false
	}
	kw := firstKeyword(q)
	if c.guard.on {
		c.guard.before(q, kw)
		defer c.guard.done()
	}
	err := c.pendingErr(c.guard.refusal(c.stopErr(c.execRaw(ctx, q)), kw), nested)
	if h, herr := c.handle(); herr == nil {
		c.lastRowID = int64(sqlite3lib.Xsqlite3_last_insert_rowid(h.tls, h.db))
	}
	up := strings.ToUpper(q)
	if strings.Contains(up, "BEGIN") && !strings.Contains(up, "COMMIT") && !strings.Contains(up, "ROLLBACK") {
		c.inTx = true
	}
	return err
}

// finishTx commits (or rolls back) the open transaction, if any.
func (c *dbConn) finishTx(ctx context.Context, commit bool) error {
	nested := c.enter(ctx)
	defer c.leave(nested)
	if c.closed {
		return errClosedDB
	}
	if err := c.stopped(); err != nil {
		return err
	}
	if !c.inTransaction() {
		return nil
	}
	verb := "ROLLBACK"
	if commit {
		verb = "COMMIT"
	}
	err := c.pendingErr(c.stopErr(c.execTx(ctx, verb, nested)), nested)
	if err == nil || !commit {
		c.inTx = false
	}
	return err
}

// inTransaction tells whether a transaction is open (SQLite's own answer
// when the handle is known, as CPython asks it).
func (c *dbConn) inTransaction() bool {
	if h, err := c.handle(); err == nil {
		return sqlite3lib.Xsqlite3_get_autocommit(h.tls, h.db) == 0
	}
	return c.inTx
}

// changes is sqlite3_total_changes: rows changed since the connection
// opened, by every statement (scripts and triggers too).
func (c *dbConn) changes() int64 {
	if h, err := c.handle(); err == nil {
		return int64(sqlite3lib.Xsqlite3_total_changes64(h.tls, h.db))
	}
	return c.totalChanges
}

// close discards uncommitted work, as closing an SQLite connection does.
func (c *dbConn) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	c.closed = true
	c.endWatch()
	for b := range c.blobs {
		b.closeLocked()
	}
	c.forgetHooks()
	c.withDriver(func(driver.Conn) error {
		for _, st := range c.stmts {
			st.Close()
		}
		c.last.st = nil
		for _, ts := range c.txStmts {
			ts.st.Close()
		}
		c.txStmts = nil
		return nil
	})
	if c.inTransaction() {
		c.execRaw(context.Background(), "ROLLBACK")
	}
	if c.h.tls != nil {
		c.args.free(c.h.tls)
	}
	if c.handed != nil {
		c.guard.release(c.handed)
		return c.handed.Close() // back to the host's pool
	}
	c.relockHandle()
	return c.raw.Close()
}

// driverMsg is SQLite's message in the driver's text of an error:
// modernc formats "<generic text>: <message> (<code>)".
func driverMsg(msg string) string {
	msg = strings.TrimSuffix(msg, " (SQLITE_BUSY)") // the driver's mark after the code
	if i := strings.LastIndex(msg, " ("); i >= 0 && strings.HasSuffix(msg, ")") {
		msg = msg[:i]
	}
	if _, rest, ok := strings.Cut(msg, ": "); ok && rest != "" {
		msg = rest
	}
	return msg
}

// sqliteErrorClass names the sqlite3 exception for a driver error, with
// the message CPython shows (SQLite's own, without the driver's decoration)
// and the extended result code.
func sqliteErrorClass(err error) (class, msg string, code int) {
	var re *rcError
	if errors.As(err, &re) {
		return classOfCode(int(re.rc)), re.msg, int(re.rc)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		code = se.Code()
		return classOfCode(code), driverMsg(se.Error()), code
	}
	var ae *dbArgsError
	if errors.As(err, &ae) || errors.Is(err, errClosedDB) || errors.Is(err, errNulInSQL) ||
		errors.Is(err, errManyStmts) || errors.Is(err, errManyNotDML) {
		return "ProgrammingError", err.Error(), 0
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return "OperationalError", "interrupted", 9
	}
	return "OperationalError", err.Error(), 0
}

// classOfCode names the exception CPython raises for an SQLite result code.
func classOfCode(code int) string {
	switch code & 0xff {
	case 1, 3, 4, 5, 6, 8, 9, 10, 13, 14, 15, 16, 17: // ERROR, PERM, ABORT, BUSY, LOCKED, READONLY, INTERRUPT, IOERR, FULL, CANTOPEN, PROTOCOL, EMPTY, SCHEMA
		return "OperationalError"
	case 7: // NOMEM
		return "MemoryError"
	case 2, 12: // INTERNAL, NOTFOUND
		return "InternalError"
	case 18: // TOOBIG
		return "DataError"
	case 19, 20: // CONSTRAINT, MISMATCH
		return "IntegrityError"
	case 21, 25: // MISUSE, RANGE
		return "ProgrammingError"
	}
	return "DatabaseError" // CORRUPT, AUTH, NOTADB and the rest
}

// sqliteErrorNames are the names of SQLite's (extended) result codes that
// exceptions carry as sqlite_errorname.
var sqliteErrorNames = map[int]string{
	1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 5: "SQLITE_BUSY", 6: "SQLITE_LOCKED",
	8: "SQLITE_READONLY", 9: "SQLITE_INTERRUPT", 10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT",
	13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN", 18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT",
	20: "SQLITE_MISMATCH", 21: "SQLITE_MISUSE", 25: "SQLITE_RANGE", 26: "SQLITE_NOTADB",
	275: "SQLITE_CONSTRAINT_CHECK", 531: "SQLITE_CONSTRAINT_COMMITHOOK",
	787: "SQLITE_CONSTRAINT_FOREIGNKEY", 1043: "SQLITE_CONSTRAINT_FUNCTION",
	1299: "SQLITE_CONSTRAINT_NOTNULL", 1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
	1811: "SQLITE_CONSTRAINT_TRIGGER", 2067: "SQLITE_CONSTRAINT_UNIQUE",
	2323: "SQLITE_CONSTRAINT_VTAB", 2579: "SQLITE_CONSTRAINT_ROWID",
}

// timeText turns a time the driver parsed from a DATE/TIMESTAMP column back
// into the text SQLite stores (CPython returns the text).
func timeText(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	if t.Nanosecond() != 0 {
		return t.Format("2006-01-02 15:04:05.999999999")
	}
	return t.Format("2006-01-02 15:04:05")
}
