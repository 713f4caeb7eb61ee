package sqlite

import (
	"fmt"
	"strings"
	"time"

	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
	"github.com/asylang/asy/vm/goconv"
)

// sqlite3: CPython's standard module over modernc.org/sqlite (pure Go, no
// cgo). Statements run with the interpreter lock released, as CPython
// releases the GIL, so other threads and the event loop go on meanwhile.

var (
	sqliteError            = vm.NewExceptionClass("Error", "sqlite3", vm.Exception)
	sqliteWarning          = vm.NewExceptionClass("Warning", "sqlite3", vm.Exception)
	sqliteInterfaceError   = vm.NewExceptionClass("InterfaceError", "sqlite3", sqliteError)
	sqliteDatabaseError    = vm.NewExceptionClass("DatabaseError", "sqlite3", sqliteError)
	sqliteDataError        = vm.NewExceptionClass("DataError", "sqlite3", sqliteDatabaseError)
	sqliteOperationalError = vm.NewExceptionClass("OperationalError", "sqlite3", sqliteDatabaseError)
	sqliteIntegrityError   = vm.NewExceptionClass("IntegrityError", "sqlite3", sqliteDatabaseError)
	sqliteInternalError    = vm.NewExceptionClass("InternalError", "sqlite3", sqliteDatabaseError)
	sqliteProgrammingError = vm.NewExceptionClass("ProgrammingError", "sqlite3", sqliteDatabaseError)
	sqliteNotSupported     = vm.NewExceptionClass("NotSupportedError", "sqlite3", sqliteDatabaseError)

	sqliteExceptions = []*vm.Class{sqliteError, sqliteWarning, sqliteInterfaceError, sqliteDatabaseError,
		sqliteDataError, sqliteOperationalError, sqliteIntegrityError, sqliteInternalError,
		sqliteProgrammingError, sqliteNotSupported}

	sqliteConnType   = vm.NewNativeClass("Connection", "sqlite3", nil, nil)
	sqliteCursorType = vm.NewNativeClass("Cursor", "sqlite3", nil, nil)
	sqliteRowType    = vm.NewNativeClass("Row", "sqlite3", nil, newSQLiteRow)
)

// sqliteErr converts a database error into the sqlite3 exception.
func sqliteErr(t *vm.Thread, err error) error {
	if _, ok := err.(*vm.Instance); ok {
		return err
	}
	if stop := t.CheckInterrupt(); stop != nil {
		return stop // the statement was interrupted by the run's stop
	}
	if r, ok := err.(*hermeticRefusal); ok {
		return vm.NewException(vm.PermissionError, vm.Str(r.Error()))
	}
	name, msg, code := sqliteErrorClass(err)
	if name == "MemoryError" {
		return vm.NewException(vm.MemoryError)
	}
	var cls *vm.Class
	for _, c := range sqliteExceptions {
		if c.Name == name {
			cls = c
		}
	}
	exc := vm.NewException(cls, vm.Str(msg))
	if code != 0 {
		t.SetAttr(vm.Obj(exc), "sqlite_errorcode", vm.Int(int64(code)))
		errName, ok := sqliteErrorNames[code]
		if !ok {
			errName = sqliteErrorNames[code&0xff]
		}
		t.SetAttr(vm.Obj(exc), "sqlite_errorname", vm.Str(errName))
	}
	return exc
}

type sqliteConn struct {
	db          *dbConn
	rowFactory  vm.Value
	isolation   vm.Value
	textFactory vm.Value // Undef: str
	detect      int      // detect_types
	types       *typeState
}

func (*sqliteConn) Class() *vm.Class { return sqliteConnType }

type sqliteCursor struct {
	conn       *sqliteConn
	res        *dbResult
	pos        int
	rowcount   int64
	lastrowid  vm.Value
	arraysize  int64
	rowFactory vm.Value
	closed     bool
	// convs are the converters of res's columns (detect_types), found
	// once per result.
	convRes *dbResult
	convs   []vm.Value
	// argBuf is reused for the arguments of each execute (the driver copies
	// what it binds), saving an allocation per row of a bulk insert.
	argBuf []sqlArg
	// own is the result reused for statements that follow one without
	// columns or rows (a bulk insert's), saving an allocation per row.
	own dbResult
}

func (*sqliteCursor) Class() *vm.Class { return sqliteCursorType }

// sqliteConnect is sqlite3.connect(database, timeout=5.0, ...).
func sqliteConnect(t *vm.Thread, args []vm.Value, kw []vm.KV) (*sqliteConn, error) {
	a, err := vm.UnpackArgs("connect", args, kw, 1, "database", "timeout", "detect_types",
		"isolation_level", "check_same_thread", "factory", "cached_statements", "uri")
	if err != nil {
		return nil, err
	}
	path, err := t.StrOf(a[0])
	if b, ok := a[0].AsObj().(*vm.Bytes); ok {
		path, err = string(b.Data()), nil
	}
	if err != nil {
		return nil, err
	}
	timeout := 5.0
	if !a[1].IsUndef() {
		if timeout, err = vm.AsFloat(a[1]); err != nil {
			return nil, err
		}
	}
	var db *dbConn
	if handed, ok := stdlib.HandedDatabase(t.Interp(), path); ok {
		db, err = openHanded(handed)
	} else {
		var file string
		if file, err = stdlib.DatabaseFile(t.Interp(), path); err != nil {
			return nil, err
		}
		t.Blocking(func() { db, err = openDB(file, timeout) })
	}
	if err == nil {
		if stdlib.Guarded(t.Interp()) {
			if err = db.guardHermetic(); err != nil {
				db.close()
			}
		}
	}
	if err != nil {
		return nil, sqliteErr(t, err)
	}
	trackConn(t.Interp(), db)
	c := &sqliteConn{db: db, rowFactory: vm.None, isolation: vm.Str(""), textFactory: vm.Undef, types: typesOf(t.Interp())}
	db.stoppable = stdlib.Stoppable(t.Interp())
	if !a[2].IsUndef() {
		n, err := t.AsInt64(a[2])
		if err != nil {
			db.close()
			return nil, err
		}
		c.detect, db.detect = int(n), int(n)
	}
	// The default adapters come in once datetime is loaded (sqlite_lazy.go).
	if !a[3].IsUndef() {
		if err := c.setIsolation(t, a[3]); err != nil {
			db.close()
			return nil, err
		}
	}
	return c, nil
}

func (c *sqliteConn) setIsolation(t *vm.Thread, v vm.Value) error {
	if v.IsNone() {
		c.db.autocommit = true
		c.isolation = vm.None
		return nil
	}
	s, ok := v.StrOf()
	if !ok {
		return vm.Errorf(vm.TypeError, "isolation_level must be str or None")
	}
	switch up := strings.ToUpper(s); up {
	case "", "DEFERRED", "IMMEDIATE", "EXCLUSIVE":
		c.db.isolation, c.db.autocommit, c.isolation = up, false, vm.Str(up)
		return nil
	}
	return vm.Errorf(vm.ValueError, "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'")
}

// scriptValue converts a column value for the script: goconv's scalar row,
// with a DATE/TIMESTAMP value the driver parsed as its text.
func scriptValue(x any) vm.Value {
	if v, ok := goconv.ScalarValue(x); ok {
		return v
	}
	if tm, ok := x.(time.Time); ok {
		return vm.Str(timeText(tm))
	}
	return vm.Str(fmt.Sprint(x))
}

// run executes one statement on the cursor, the lock released meanwhile.
func (cur *sqliteCursor) run(t *vm.Thread, q string, params vm.Value) error {
	if err := cur.check(); err != nil {
		return err
	}
	var into *dbResult
	if cur.res == nil || cur.res.cols == nil && cur.res.rows == nil {
		into = &cur.own // what it held is in rowcount and lastrowid
	}
	cur.clear()
	args, err := sqlArgsInto(t, cur.conn.types, q, params, cur.argBuf)
	if err != nil {
		return err
	}
	cur.argBuf = args
	// The lock is released around the statement (no closure: this is the
	// per-row path of bulk inserts); exec does not touch script values.
	it := t.Interp()
	it.Release()
	res, err := cur.conn.db.execInto(cur.conn.db.stmtCtx(t), q, args, into)
	it.Acquire()
	if err != nil {
		return sqliteErr(t, err)
	}
	cur.take(res)
	return nil
}

// clear drops the last statement's result as a new one starts: one that
// fails leaves none (no description, no rows, rowcount -1), as in CPython.
func (cur *sqliteCursor) clear() {
	cur.res, cur.pos, cur.rowcount = nil, 0, -1
}

func (cur *sqliteCursor) take(res *dbResult) {
	cur.res, cur.pos = res, 0
	cur.convRes = nil // res may be cur.own again, for another statement
	cur.rowcount = res.rowcount
	cur.lastrowid = vm.Int(res.lastID)
}

func (cur *sqliteCursor) check() error {
	if cur.conn.db.closed {
		return vm.NewException(sqliteProgrammingError, vm.Str("Cannot operate on a closed database."))
	}
	if cur.closed {
		return vm.NewException(sqliteProgrammingError, vm.Str("Cannot operate on a closed cursor."))
	}
	return nil
}

// next returns the next row (as the row factory makes it); ok=false at the end.
func (cur *sqliteCursor) next(t *vm.Thread) (vm.Value, bool, error) {
	if err := cur.check(); err != nil {
		return vm.Undef, false, err
	}
	if cur.res == nil || cur.pos >= len(cur.res.rows) {
		if cur.res != nil && cur.res.returned > 0 {
			cur.rowcount = cur.res.returned
		}
		return vm.Undef, false, nil
	}
	raw := cur.res.rows[cur.pos]
	cur.pos++
	items := make([]vm.Value, len(raw))
	if cur.res.raw != nil {
		if err := cur.convert(t, items); err != nil {
			return vm.Undef, false, err
		}
	} else if !cur.conn.textFactory.IsUndef() {
		for i, x := range raw {
			if s, ok := x.(string); ok {
				v, err := cur.conn.textValue(t, s)
				if err != nil {
					return vm.Undef, false, err
				}
				items[i] = v
			} else {
				items[i] = scriptValue(x)
			}
		}
	} else {
		for i, x := range raw {
			items[i] = scriptValue(x)
		}
	}
	tuple := vm.Obj(vm.NewTuple(items))
	switch {
	case cur.rowFactory.IsNone() || cur.rowFactory.IsUndef():
		return tuple, true, nil
	case cur.rowFactory.AsObj() == vm.Object(sqliteRowType):
		return vm.Obj(&sqliteRow{cols: cur.colNames(), vals: items}), true, nil
	}
	r, err := t.Call(cur.rowFactory, []vm.Value{vm.Obj(cur), tuple}, nil)
	return r, err == nil, err
}

func (cur *sqliteCursor) fetch(t *vm.Thread, n int) (vm.Value, error) {
	var out []vm.Value
	for n < 0 || len(out) < n {
		r, ok, err := cur.next(t)
		if err != nil {
			return vm.Undef, err
		}
		if !ok {
			break
		}
		out = append(out, r)
	}
	return vm.Obj(vm.NewList(out)), nil
}

// colNames are the result's column names as description shows them.
func (cur *sqliteCursor) colNames() []string {
	if cur.conn.detect&2 == 0 {
		return cur.res.cols
	}
	names := make([]string, len(cur.res.cols))
	for i, c := range cur.res.cols {
		names[i] = cur.conn.columnName(c)
	}
	return names
}

// convert makes the script values of the row just taken, with converters
// (detect_types) and text_factory.
func (cur *sqliteCursor) convert(t *vm.Thread, items []vm.Value) error {
	res := cur.res
	if cur.convRes != res {
		cur.convs = make([]vm.Value, len(res.cols))
		for i := range cur.convs {
			fn, err := cur.conn.converterFor(t, res, i)
			if err != nil {
				return err
			}
			cur.convs[i] = fn
		}
		cur.convRes = res
	}
	row := cur.pos - 1
	for i, x := range res.rows[row] {
		var err error
		switch s, isText := x.(string); {
		case !cur.convs[i].IsUndef():
			if b := res.raw[row][i]; b != nil {
				items[i], err = t.Call(cur.convs[i], []vm.Value{vm.Obj(vm.NewBytes(b))}, nil)
			} else {
				items[i] = vm.None
			}
		case isText:
			items[i], err = cur.conn.textValue(t, s)
		default:
			items[i] = scriptValue(x)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (cur *sqliteCursor) description() vm.Value {
	if cur.res == nil || cur.res.cols == nil {
		return vm.None
	}
	items := make([]vm.Value, len(cur.res.cols))
	for i, c := range cur.colNames() {
		items[i] = vm.Obj(vm.NewTuple([]vm.Value{vm.Str(c), vm.None, vm.None, vm.None, vm.None, vm.None, vm.None}))
	}
	return vm.Obj(vm.NewTuple(items))
}

// Next makes a cursor its own iterator.
func (cur *sqliteCursor) Next(t *vm.Thread) (vm.Value, bool, error) { return cur.next(t) }

func (cur *sqliteCursor) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	switch name {
	case "rowcount":
		return vm.Int(cur.rowcount), true, nil
	case "lastrowid":
		return cur.lastrowid, true, nil
	case "description":
		return cur.description(), true, nil
	case "arraysize":
		return vm.Int(cur.arraysize), true, nil
	case "connection":
		return vm.Obj(cur.conn), true, nil
	case "row_factory":
		return cur.rowFactory, true, nil
	}
	return vm.Undef, false, nil
}

func (cur *sqliteCursor) SetAttr(t *vm.Thread, name string, v vm.Value) error {
	switch name {
	case "arraysize":
		n, err := t.AsInt64(v)
		cur.arraysize = n
		return err
	case "row_factory":
		cur.rowFactory = v
		return nil
	}
	return vm.Errorf(vm.AttributeError, "'sqlite3.Cursor' object attribute '%s' is read-only", name)
}

func (c *sqliteConn) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	switch name {
	case "row_factory":
		return c.rowFactory, true, nil
	case "isolation_level":
		return c.isolation, true, nil
	case "in_transaction":
		if err := c.check(); err != nil {
			return vm.Undef, true, err
		}
		return vm.Bool(c.db.inTransaction()), true, nil
	case "text_factory":
		if c.textFactory.IsUndef() {
			return vm.Obj(vm.StrType), true, nil
		}
		return c.textFactory, true, nil
	case "total_changes":
		if err := c.check(); err != nil {
			return vm.Undef, true, err
		}
		return vm.Int(c.db.changes()), true, nil
	}
	return vm.Undef, false, nil
}

func (c *sqliteConn) SetAttr(t *vm.Thread, name string, v vm.Value) error {
	switch name {
	case "row_factory":
		c.rowFactory = v
		return nil
	case "isolation_level":
		return c.setIsolation(t, v)
	case "text_factory":
		c.textFactory = v
		return nil
	}
	return vm.Errorf(vm.AttributeError, "'sqlite3.Connection' object has no attribute '%s'", name)
}

func (c *sqliteConn) newCursor() *sqliteCursor {
	return &sqliteCursor{conn: c, rowcount: -1, lastrowid: vm.None, arraysize: 1, rowFactory: c.rowFactory}
}

func (c *sqliteConn) check() error {
	if c.db.closed {
		return vm.NewException(sqliteProgrammingError, vm.Str("Cannot operate on a closed database."))
	}
	return nil
}

// executemany runs q once per parameter set; rowcount is the sum.
func (cur *sqliteCursor) executemany(t *vm.Thread, q string, seq vm.Value) error {
	if err := cur.check(); err != nil {
		return err
	}
	cur.clear()
	var err error
	t.Blocking(func() { err = cur.conn.db.checkMany(cur.conn.db.stmtCtx(t), q) })
	if err != nil {
		return sqliteErr(t, err)
	}
	total := int64(0)
	dml := isDML(firstKeyword(q))
	// Each row as execute's per-row path runs it: arguments and result in
	// storage reused from row to row, the lock released without a closure.
	ts, it, db := cur.conn.types, t.Interp(), cur.conn.db
	var scratch dbResult
	err = t.Iterate(seq, func(p vm.Value) error {
		args, err := sqlArgsInto(t, ts, q, p, cur.argBuf)
		if err != nil {
			return err
		}
		cur.argBuf = args
		it.Release()
		res, err := db.execInto(db.stmtCtx(t), q, args, &scratch)
		it.Acquire()
		if err != nil {
			return sqliteErr(t, err)
		}
		if res.rowcount > 0 {
			total += res.rowcount
		}
		return nil
	})
	if err != nil {
		return err
	}
	cur.res, cur.pos = &dbResult{rowcount: -1}, 0
	cur.rowcount = -1
	if dml {
		cur.rowcount = total
	}
	return nil
}

func (cur *sqliteCursor) executescript(t *vm.Thread, q string) error {
	if err := cur.check(); err != nil {
		return err
	}
	if strings.IndexByte(q, 0) >= 0 {
		return vm.Errorf(vm.ValueError, "embedded null character")
	}
	var err error
	t.Blocking(func() { err = cur.conn.db.script(cur.conn.db.stmtCtx(t), q) })
	if err != nil {
		return sqliteErr(t, err)
	}
	// CPython's executescript leaves the cursor's last statement, its
	// description, rows and rowcount as they were.
	return nil
}

func strArg(t *vm.Thread, fname string, v vm.Value) (string, error) {
	s, ok := v.StrOf()
	if !ok {
		return "", vm.Errorf(vm.TypeError, "%s() argument 1 must be str, not %s", fname, v.TypeName())
	}
	return vm.HostStr(s)
}

func init() {
	cm := sqliteCursorType.AddMethod
	cur := func(args []vm.Value) *sqliteCursor { return args[0].AsObj().(*sqliteCursor) }
	cm("execute", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		var sqlV, params vm.Value
		if len(kw) == 0 && (len(args) == 2 || len(args) == 3) {
			sqlV, params = args[1], vm.Undef // the common call, without unpacking
			if len(args) == 3 {
				params = args[2]
			}
		} else {
			a, err := vm.UnpackArgs("execute", args[1:], kw, 1, "sql", "parameters")
			if err != nil {
				return vm.Undef, err
			}
			sqlV, params = a[0], a[1]
		}
		q, err := strArg(t, "execute", sqlV)
		if err != nil {
			return vm.Undef, err
		}
		return args[0], cur(args).run(t, q, params)
	})
	cm("executemany", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("executemany", args[1:], kw, 2, "sql", "seq_of_parameters")
		if err != nil {
			return vm.Undef, err
		}
		q, err := strArg(t, "executemany", a[0])
		if err != nil {
			return vm.Undef, err
		}
		return args[0], cur(args).executemany(t, q, a[1])
	})
	cm("executescript", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("executescript", args[1:], kw, 1, "sql_script")
		if err != nil {
			return vm.Undef, err
		}
		q, err := strArg(t, "executescript", a[0])
		if err != nil {
			return vm.Undef, err
		}
		return args[0], cur(args).executescript(t, q)
	})
	cm("fetchone", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		r, ok, err := cur(args).next(t)
		if !ok && err == nil {
			return vm.None, nil
		}
		return r, err
	})
	cm("fetchmany", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("fetchmany", args[1:], kw, 0, "size")
		if err != nil {
			return vm.Undef, err
		}
		n := cur(args).arraysize
		if !a[0].IsUndef() {
			if n, err = t.AsInt64(a[0]); err != nil {
				return vm.Undef, err
			}
		}
		return cur(args).fetch(t, int(n))
	})
	cm("fetchall", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return cur(args).fetch(t, -1)
	})
	cm("close", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		cur(args).closed = true
		return vm.None, nil
	})
	cm("__iter__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return args[0], nil })
	cm("__next__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		r, ok, err := cur(args).next(t)
		if !ok && err == nil {
			return vm.Undef, vm.NewInstance(vm.StopIteration)
		}
		return r, err
	})
	cm("setinputsizes", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return vm.None, nil })
	cm("setoutputsize", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return vm.None, nil })

	m := sqliteConnType.AddMethod
	conn := func(args []vm.Value) *sqliteConn { return args[0].AsObj().(*sqliteConn) }
	m("cursor", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := conn(args).check(); err != nil {
			return vm.Undef, err
		}
		return vm.Obj(conn(args).newCursor()), nil
	})
	forward := func(name string) {
		m(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			c := conn(args)
			if err := c.check(); err != nil {
				return vm.Undef, err
			}
			return t.CallMethod(vm.Obj(c.newCursor()), name, args[1:]...)
		})
	}
	forward("execute")
	forward("executemany")
	forward("executescript")
	m("commit", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, conn(args).finish(t, true)
	})
	m("rollback", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, conn(args).finish(t, false)
	})
	m("close", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		// The lock is released while waiting for the connection: a
		// statement running on another thread may need it for a callback.
		db := conn(args).db
		if db.heldBy(t) {
			// SQLite cannot close a connection from inside its own
			// statement (CPython crashes).
			return vm.Undef, vm.NewException(sqliteProgrammingError, vm.Str("Cannot close the connection from within one of its callbacks."))
		}
		t.Blocking(func() { db.close() })
		return vm.None, nil
	})
	m("interrupt", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := conn(args).check(); err != nil {
			return vm.Undef, err
		}
		conn(args).db.interrupt()
		return vm.None, nil
	})
	// _asy_interruptible: asy's own, for aiosqlite: statements from now on
	// can be interrupted.
	m("_asy_interruptible", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		conn(args).db.interruptible()
		return vm.None, nil
	})
	m("__enter__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return args[0], nil })
	m("__exit__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		c := conn(args)
		ok := len(args) < 2 || args[1].IsNone()
		if err := c.finish(t, ok); err != nil {
			if ok {
				c.finish(t, false)
			}
			return vm.Undef, err
		}
		return vm.False, nil
	})
}

func (c *sqliteConn) finish(t *vm.Thread, commit bool) error {
	if err := c.check(); err != nil {
		return err
	}
	if !c.db.inTransaction() {
		// Nothing to end: CPython asks SQLite, and does nothing either.
		return nil
	}
	var err error
	t.Blocking(func() { err = c.db.finishTx(c.db.stmtCtx(t), commit) })
	if err != nil {
		return sqliteErr(t, err)
	}
	return nil
}

func sqlite3Module(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("sqlite3", "")
	m.Set("__name__", vm.Str("sqlite3"))
	m.Set("connect", vm.NewBuiltin("connect", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		c, err := sqliteConnect(t, args, kw)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(c), nil
	}))
	for _, c := range sqliteExceptions {
		m.Set(c.Name, vm.Obj(c))
	}
	m.Set("Connection", vm.Obj(sqliteConnType))
	m.Set("Cursor", vm.Obj(sqliteCursorType))
	m.Set("Row", vm.Obj(sqliteRowType))
	m.Set("paramstyle", vm.Str("qmark"))
	m.Set("apilevel", vm.Str("2.0"))
	m.Set("threadsafety", vm.Int(3))
	m.Set("version", vm.Str("2.6.0"))
	m.Set("sqlite_version", vm.Str(sqliteVersion()))
	m.Set("PARSE_DECLTYPES", vm.Int(1))
	m.Set("PARSE_COLNAMES", vm.Int(2))
	setModuleExtras(m)
	setTypeNames(it, m)
	return m, nil
}

// sqliteVersion is the linked SQLite's version (sqlite3_libversion, the
// same text as SQLITE_VERSION: no connection needs opening for it).
func sqliteVersion() string { return sqlite3lib.SQLITE_VERSION }
