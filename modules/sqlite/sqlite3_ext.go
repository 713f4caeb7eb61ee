package sqlite

import (
	"context"
	"errors"

	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/asylang/asy/vm"
)

// The Connection methods that register script callables with SQLite
// (functions, aggregates, collations, authorizer, progress and trace
// callbacks), and the module's SQLITE_* constants.

var (
	errMisuse           = errors.New("bad parameter or other API misuse")
	errHandedAuthorizer = errors.New("set_authorizer is not available on a connection the host handed in")
)

// withDB runs f holding the connection (waiting for it with the
// interpreter lock released; a callback of the connection's running
// statement holds it already).
func (c *sqliteConn) withDB(t *vm.Thread, f func() error) error {
	if err := c.check(); err != nil {
		return err
	}
	ctx := &threadCtx{Context: context.Background(), t: t, held: true}
	var nested bool
	t.Blocking(func() { nested = c.db.enter(ctx) })
	defer c.db.leave(nested)
	if c.db.closed {
		return c.check()
	}
	return f()
}

// rcError is the exception for SQLite result code rc from an API call.
func (c *sqliteConn) rcError(t *vm.Thread, rc int32, fallback string) error {
	if fallback != "" {
		return vm.NewException(sqliteOperationalError, vm.Str(fallback))
	}
	if rc == sqlite3lib.SQLITE_MISUSE {
		return vm.NewException(sqliteProgrammingError, vm.Str(errMisuse.Error()))
	}
	msg := goText(sqlite3lib.Xsqlite3_errmsg(c.db.h.tls, c.db.h.db), -1)
	return vm.NewException(sqliteOperationalError, vm.Str(msg))
}

// oneArg unpacks the one argument of fname, worded as Argument Clinic does.
func oneArg(fname, param string, args []vm.Value, kw []vm.KV) ([]vm.Value, error) {
	if len(args) == 0 && len(kw) == 0 {
		return nil, vm.Errorf(vm.TypeError, "%s() missing required argument '%s' (pos 1)", fname, param)
	}
	return vm.UnpackArgs(fname, args, kw, 1, param)
}

func nameArg(fname, param string, v vm.Value) (string, error) {
	s, ok := v.StrOf()
	if !ok {
		return "", vm.Errorf(vm.TypeError, "%s() argument '%s' must be str, not %s", fname, param, v.TypeName())
	}
	return s, nil
}

func nargArg(t *vm.Thread, v vm.Value) (int32, error) {
	n, err := t.AsInt64(v)
	if err != nil {
		return 0, err
	}
	if n != int64(int32(n)) {
		return 0, vm.Errorf(vm.OverflowError, "Python int too large to convert to C int")
	}
	return int32(n), nil
}

// createFunc is create_function, create_aggregate and create_window_function.
func (c *sqliteConn) createFunc(t *vm.Thread, kind udfKind, fname string, names []string, args []vm.Value, kw []vm.KV) error {
	npos := 3
	if kind == udfScalar && len(args) > 3 {
		return vm.Errorf(vm.TypeError, "create_function() takes exactly 3 positional arguments (%d given)", len(args))
	}
	a, err := vm.UnpackArgs(fname, args, kw, npos, names...)
	if err != nil {
		return err
	}
	name, err := nameArg(fname, names[0], a[0])
	if err != nil {
		return err
	}
	narg, err := nargArg(t, a[1])
	if err != nil {
		return err
	}
	deterministic := false
	if kind == udfScalar && !a[3].IsUndef() {
		if deterministic, err = t.Truth(a[3]); err != nil {
			return err
		}
	}
	return c.withDB(t, func() error {
		if _, err := c.db.scriptHooks(); err != nil {
			return vm.NewException(sqliteNotSupported, vm.Str(err.Error()))
		}
		rc := c.db.register(&udf{c: c.db, name: name, narg: narg, kind: kind, fn: a[2]}, deterministic)
		if rc == sqlite3lib.SQLITE_OK {
			return nil
		}
		switch kind {
		case udfScalar:
			return c.rcError(t, rc, "Error creating function")
		case udfAggregate:
			return c.rcError(t, rc, "Error creating aggregate")
		}
		return c.rcError(t, rc, "")
	})
}

func init() {
	m := sqliteConnType.AddMethod
	conn := func(args []vm.Value) *sqliteConn { return args[0].AsObj().(*sqliteConn) }
	m("create_function", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, conn(args).createFunc(t, udfScalar, "create_function", []string{"name", "narg", "func", "deterministic"}, args[1:], kw)
	})
	m("create_aggregate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, conn(args).createFunc(t, udfAggregate, "create_aggregate", []string{"name", "n_arg", "aggregate_class"}, args[1:], kw)
	})
	m("create_window_function", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("create_window_function", kw); err != nil {
			return vm.Undef, err
		}
		if len(args) != 4 {
			return vm.Undef, vm.Errorf(vm.TypeError, "create_window_function expected 3 arguments, got %d", len(args)-1)
		}
		return vm.None, conn(args).createFunc(t, udfWindow, "create_window_function", []string{"name", "num_params", "aggregate_class"}, args[1:], nil)
	})
	m("create_collation", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		c := conn(args)
		a, err := vm.UnpackArgs("create_collation", args[1:], kw, 2, "name", "callable")
		if err != nil {
			return vm.Undef, err
		}
		name, err := nameArg("create_collation", "1", a[0])
		if err != nil {
			return vm.Undef, vm.Errorf(vm.TypeError, "create_collation() argument 1 must be str, not %s", a[0].TypeName())
		}
		if !a[1].IsNone() && !t.IsCallable(a[1]) {
			return vm.Undef, vm.Errorf(vm.TypeError, "parameter must be callable")
		}
		return vm.None, c.withDB(t, func() error {
			if _, err := c.db.scriptHooks(); err != nil {
				return vm.NewException(sqliteNotSupported, vm.Str(err.Error()))
			}
			if rc := c.db.register(&udf{c: c.db, name: name, kind: udfCollation, fn: a[1]}, false); rc != sqlite3lib.SQLITE_OK {
				return c.rcError(t, rc, "")
			}
			return nil
		})
	})
	m("set_authorizer", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		c := conn(args)
		a, err := oneArg("set_authorizer", "authorizer_callback", args[1:], kw)
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, c.withDB(t, func() error {
			if err := c.db.setAuthorizer(a[0]); err != nil {
				return vm.NewException(sqliteNotSupported, vm.Str(err.Error()))
			}
			return nil
		})
	})
	m("set_progress_handler", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		c := conn(args)
		a, err := vm.UnpackArgs("set_progress_handler", args[1:], kw, 2, "progress_handler", "n")
		if err != nil {
			return vm.Undef, err
		}
		n, err := nargArg(t, a[1])
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, c.withDB(t, func() error {
			if err := c.db.setProgress(a[0], n); err != nil {
				return vm.NewException(sqliteNotSupported, vm.Str(err.Error()))
			}
			return nil
		})
	})
	m("set_trace_callback", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		c := conn(args)
		a, err := oneArg("set_trace_callback", "trace_callback", args[1:], kw)
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, c.withDB(t, func() error {
			if err := c.db.setTrace(a[0]); err != nil {
				return vm.NewException(sqliteNotSupported, vm.Str(err.Error()))
			}
			return nil
		})
	})
}

// setModuleExtras adds the module-level names of this file to m.
func setModuleExtras(m *vm.Module) {
	for name, v := range sqliteConstants {
		m.Set("SQLITE_"+name, vm.Int(int64(v)))
	}
	m.Set("enable_callback_tracebacks", vm.NewBuiltin("enable_callback_tracebacks", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("enable_callback_tracebacks", args, kw, 1, "enable")
		if err != nil {
			return vm.Undef, err
		}
		on, err := t.AsInt64(a[0])
		if err != nil {
			return vm.Undef, err
		}
		callbackTracebacks.Store(t.Interp(), on != 0)
		return vm.None, nil
	}))
	m.Set("complete_statement", vm.NewBuiltin("complete_statement", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("complete_statement", args, kw, 1, "statement")
		if err != nil {
			return vm.Undef, err
		}
		s, ok := a[0].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "complete_statement() argument 'statement' must be str, not %s", a[0].TypeName())
		}
		return vm.Bool(sqlComplete(s)), nil
	}))
}

// sqliteConstants are the SQLITE_* names sqlite3 exports (without the
// prefix): authorizer actions and results, result codes, limits.
var sqliteConstants = map[string]int{
	"ABORT": 4, "ABORT_ROLLBACK": 516, "ALTER_TABLE": 26, "ANALYZE": 28, "ATTACH": 24, "AUTH": 23,
	"AUTH_USER": 279, "BUSY": 5, "BUSY_RECOVERY": 261, "BUSY_SNAPSHOT": 517, "BUSY_TIMEOUT": 773,
	"CANTOPEN": 14, "CANTOPEN_CONVPATH": 1038, "CANTOPEN_DIRTYWAL": 1294, "CANTOPEN_FULLPATH": 782,
	"CANTOPEN_ISDIR": 526, "CANTOPEN_NOTEMPDIR": 270, "CANTOPEN_SYMLINK": 1550, "CONSTRAINT": 19,
	"CONSTRAINT_CHECK": 275, "CONSTRAINT_COMMITHOOK": 531, "CONSTRAINT_FOREIGNKEY": 787,
	"CONSTRAINT_FUNCTION": 1043, "CONSTRAINT_NOTNULL": 1299, "CONSTRAINT_PINNED": 2835,
	"CONSTRAINT_PRIMARYKEY": 1555, "CONSTRAINT_ROWID": 2579, "CONSTRAINT_TRIGGER": 1811,
	"CONSTRAINT_UNIQUE": 2067, "CONSTRAINT_VTAB": 2323, "CORRUPT": 11, "CORRUPT_INDEX": 779,
	"CORRUPT_SEQUENCE": 523, "CORRUPT_VTAB": 267, "CREATE_INDEX": 1, "CREATE_TABLE": 2,
	"CREATE_TEMP_INDEX": 3, "CREATE_TEMP_TABLE": 4, "CREATE_TEMP_TRIGGER": 5, "CREATE_TEMP_VIEW": 6,
	"CREATE_TRIGGER": 7, "CREATE_VIEW": 8, "CREATE_VTABLE": 29, "DELETE": 9, "DENY": 1, "DETACH": 25,
	"DONE": 101, "DROP_INDEX": 10, "DROP_TABLE": 11, "DROP_TEMP_INDEX": 12, "DROP_TEMP_TABLE": 13,
	"DROP_TEMP_TRIGGER": 14, "DROP_TEMP_VIEW": 15, "DROP_TRIGGER": 16, "DROP_VIEW": 17,
	"DROP_VTABLE": 30, "EMPTY": 16, "ERROR": 1, "ERROR_MISSING_COLLSEQ": 257, "ERROR_RETRY": 513,
	"ERROR_SNAPSHOT": 769, "FORMAT": 24, "FULL": 13, "FUNCTION": 31, "IGNORE": 2, "INSERT": 18,
	"INTERNAL": 2, "INTERRUPT": 9, "IOERR": 10, "IOERR_ACCESS": 3338, "IOERR_AUTH": 7178,
	"IOERR_BEGIN_ATOMIC": 7434, "IOERR_BLOCKED": 2826, "IOERR_CHECKRESERVEDLOCK": 3594,
	"IOERR_CLOSE": 4106, "IOERR_COMMIT_ATOMIC": 7690, "IOERR_CONVPATH": 6666, "IOERR_CORRUPTFS": 8458,
	"IOERR_DATA": 8202, "IOERR_DELETE": 2570, "IOERR_DELETE_NOENT": 5898, "IOERR_DIR_CLOSE": 4362,
	"IOERR_DIR_FSYNC": 1290, "IOERR_FSTAT": 1802, "IOERR_FSYNC": 1034, "IOERR_GETTEMPPATH": 6410,
	"IOERR_LOCK": 3850, "IOERR_MMAP": 6154, "IOERR_NOMEM": 3082, "IOERR_RDLOCK": 2314,
	"IOERR_READ": 266, "IOERR_ROLLBACK_ATOMIC": 7946, "IOERR_SEEK": 5642, "IOERR_SHMLOCK": 5130,
	"IOERR_SHMMAP": 5386, "IOERR_SHMOPEN": 4618, "IOERR_SHMSIZE": 4874, "IOERR_SHORT_READ": 522,
	"IOERR_TRUNCATE": 1546, "IOERR_UNLOCK": 2058, "IOERR_VNODE": 6922, "IOERR_WRITE": 778,
	"LIMIT_ATTACHED": 7, "LIMIT_COLUMN": 2, "LIMIT_COMPOUND_SELECT": 4, "LIMIT_EXPR_DEPTH": 3,
	"LIMIT_FUNCTION_ARG": 6, "LIMIT_LENGTH": 0, "LIMIT_LIKE_PATTERN_LENGTH": 8, "LIMIT_SQL_LENGTH": 1,
	"LIMIT_TRIGGER_DEPTH": 10, "LIMIT_VARIABLE_NUMBER": 9, "LIMIT_VDBE_OP": 5,
	"LIMIT_WORKER_THREADS": 11, "LOCKED": 6, "LOCKED_SHAREDCACHE": 262, "LOCKED_VTAB": 518,
	"MISMATCH": 20, "MISUSE": 21, "NOLFS": 22, "NOMEM": 7, "NOTADB": 26, "NOTFOUND": 12, "NOTICE": 27,
	"NOTICE_RECOVER_ROLLBACK": 539, "NOTICE_RECOVER_WAL": 283, "OK": 0, "OK_LOAD_PERMANENTLY": 256,
	"OK_SYMLINK": 512, "PERM": 3, "PRAGMA": 19, "PROTOCOL": 15, "RANGE": 25, "READ": 20, "READONLY": 8,
	"READONLY_CANTINIT": 1288, "READONLY_CANTLOCK": 520, "READONLY_DBMOVED": 1032,
	"READONLY_DIRECTORY": 1544, "READONLY_RECOVERY": 264, "READONLY_ROLLBACK": 776, "RECURSIVE": 33,
	"REINDEX": 27, "ROW": 100, "SAVEPOINT": 32, "SCHEMA": 17, "SELECT": 21, "TOOBIG": 18,
	"TRANSACTION": 22, "UPDATE": 23, "WARNING": 28, "WARNING_AUTOINDEX": 284,
}
