package asyncpg

import (
	"fmt"
	"strings"

	"github.com/asylang/asy/vm"
)

// asyncpg's exception classes (by SQLSTATE) and its Record type.

var (
	pgMessage        = vm.NewExceptionClass("PostgresMessage", "asyncpg.exceptions._base", vm.Exception)
	pgPostgresError  = vm.NewExceptionClass("PostgresError", "asyncpg.exceptions._base", pgMessage)
	pgInterfaceError = vm.NewExceptionClass("InterfaceError", "asyncpg.exceptions._base", vm.Exception)
	pgInternalClient = vm.NewExceptionClass("InternalClientError", "asyncpg.exceptions._base", vm.Exception)

	// pgClasses maps SQLSTATE codes to classes; a class code "XX000" is the
	// parent of every "XX…" code.
	pgClasses = map[string]*vm.Class{}
	pgOrder   []*vm.Class

	pgRecordType = vm.NewNativeClass("Record", "asyncpg", nil, nil)
)

func init() {
	category := func(code, name string) {
		c := vm.NewExceptionClass(name, "asyncpg.exceptions", pgPostgresError)
		pgClasses[code] = c
		pgOrder = append(pgOrder, c)
	}
	specific := func(code, name string) {
		parent := pgClasses[code[:2]+"000"]
		c := vm.NewExceptionClass(name, "asyncpg.exceptions", parent)
		pgClasses[code] = c
		pgOrder = append(pgOrder, c)
	}
	category("08000", "PostgresConnectionError")
	specific("08003", "ConnectionDoesNotExistError")
	specific("08006", "ConnectionFailureError")
	category("22000", "DataError")
	specific("22012", "DivisionByZeroError")
	specific("22P02", "InvalidTextRepresentationError")
	specific("22003", "NumericValueOutOfRangeError")
	specific("22001", "StringDataRightTruncationError")
	specific("22007", "InvalidDatetimeFormatError")
	specific("22008", "DatetimeFieldOverflowError")
	category("23000", "IntegrityConstraintViolationError")
	specific("23505", "UniqueViolationError")
	specific("23503", "ForeignKeyViolationError")
	specific("23502", "NotNullViolationError")
	specific("23514", "CheckViolationError")
	specific("23P01", "ExclusionViolationError")
	category("25000", "InvalidTransactionStateError")
	specific("25001", "ActiveSQLTransactionError")
	specific("25P02", "InFailedSQLTransactionError")
	specific("25006", "ReadOnlySQLTransactionError")
	category("28000", "InvalidAuthorizationSpecificationError")
	specific("28P01", "InvalidPasswordError")
	category("3D000", "InvalidCatalogNameError")
	category("40000", "TransactionRollbackError")
	specific("40001", "SerializationError")
	specific("40P01", "DeadlockDetectedError")
	category("42000", "SyntaxOrAccessError")
	specific("42601", "PostgresSyntaxError")
	specific("42501", "InsufficientPrivilegeError")
	specific("42703", "UndefinedColumnError")
	specific("42883", "UndefinedFunctionError")
	specific("42P01", "UndefinedTableError")
	specific("42P07", "DuplicateTableError")
	specific("42701", "DuplicateColumnError")
	specific("42804", "DatatypeMismatchError")
	specific("42710", "DuplicateObjectError")
	category("53000", "InsufficientResourcesError")
	specific("53300", "TooManyConnectionsError")
	category("57000", "OperatorInterventionError")
	specific("57014", "QueryCanceledError")
	specific("57P01", "AdminShutdownError")
}

func pgErrorClass(code string) *vm.Class {
	if c, ok := pgClasses[code]; ok {
		return c
	}
	if len(code) == 5 {
		if c, ok := pgClasses[code[:2]+"000"]; ok {
			return c
		}
	}
	return pgPostgresError
}

// pgRecordObj is asyncpg.Record: a read-only row addressed by position or
// column name.
type pgRecordObj struct {
	cols []string
	vals []vm.Value
}

func (*pgRecordObj) Class() *vm.Class { return pgRecordType }

func pgRecord(t *vm.Thread, cols []string, row []any) (vm.Value, error) {
	vals := make([]vm.Value, len(row))
	for i, x := range row {
		v, err := pgValue(t, x)
		if err != nil {
			return vm.Undef, err
		}
		vals[i] = v
	}
	return vm.Obj(&pgRecordObj{cols: cols, vals: vals}), nil
}

func (r *pgRecordObj) Repr(t *vm.Thread) (string, error) {
	var b strings.Builder
	b.WriteString("<Record")
	for i, c := range r.cols {
		s, err := t.Repr(r.vals[i])
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, " %s=%s", c, s)
	}
	b.WriteString(">")
	return b.String(), nil
}

func (r *pgRecordObj) Len() int { return len(r.vals) }

func (r *pgRecordObj) GetItem(t *vm.Thread, key vm.Value) (vm.Value, error) {
	if s, ok := key.StrOf(); ok {
		for i, c := range r.cols {
			if c == s {
				return r.vals[i], nil
			}
		}
		return vm.Undef, vm.NewException(vm.KeyError, key)
	}
	return t.GetItem(vm.Obj(vm.NewTuple(r.vals)), key)
}

func (r *pgRecordObj) Iter(t *vm.Thread) (vm.Value, error) {
	return t.Iter(vm.Obj(vm.NewTuple(r.vals)))
}

func (r *pgRecordObj) Compare(t *vm.Thread, op int, other vm.Value) (bool, bool, error) {
	b, ok := other.AsObj().(*pgRecordObj)
	if !ok || (op != vm.CmpEQ && op != vm.CmpNE) {
		return false, false, nil
	}
	eq, err := t.Equal(vm.Obj(vm.NewTuple(r.vals)), vm.Obj(vm.NewTuple(b.vals)))
	return eq == (op == vm.CmpEQ), true, err
}

func init() {
	m := pgRecordType.AddMethod
	rec := func(args []vm.Value) *pgRecordObj { return args[0].AsObj().(*pgRecordObj) }
	strs := func(ss []string) []vm.Value {
		out := make([]vm.Value, len(ss))
		for i, s := range ss {
			out[i] = vm.Str(s)
		}
		return out
	}
	m("keys", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return t.Iter(vm.Obj(vm.NewTuple(strs(rec(args).cols))))
	})
	m("values", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return t.Iter(vm.Obj(vm.NewTuple(rec(args).vals)))
	})
	m("items", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		r := rec(args)
		items := make([]vm.Value, len(r.cols))
		for i, c := range r.cols {
			items[i] = vm.Obj(vm.NewTuple([]vm.Value{vm.Str(c), r.vals[i]}))
		}
		return t.Iter(vm.Obj(vm.NewTuple(items)))
	})
	m("get", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 2 || len(args) > 3 {
			return vm.Undef, vm.Errorf(vm.TypeError, "get() takes 1 or 2 arguments")
		}
		v, err := rec(args).GetItem(t, args[1])
		if err != nil {
			if len(args) == 3 {
				return args[2], nil
			}
			return vm.None, nil
		}
		return v, nil
	})
	m("__getitem__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return rec(args).GetItem(t, args[1])
	})
	m("__len__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(len(rec(args).vals))), nil
	})
	m("__contains__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		ok, err := rec(args).Contains(t, args[1])
		return vm.Bool(ok), err
	})
}

// Contains is `key in record`: a column name test, as in asyncpg.
func (r *pgRecordObj) Contains(t *vm.Thread, item vm.Value) (bool, error) {
	s, _ := item.StrOf()
	for _, c := range r.cols {
		if c == s {
			return true, nil
		}
	}
	return false, nil
}

// asyncpgNative is the _asyncpg module: the connection core, Record and
// the exception classes (pylib/asyncpg.py builds asyncpg on it).
func asyncpgNative(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("_asyncpg", "")
	m.Set("__name__", vm.Str("asyncpg.exceptions"))
	m.Set("_connect", vm.NewBuiltin("_connect", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		dsn, ok := args[0].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "dsn must be str")
		}
		timeout := 60.0
		if len(args) > 1 && !args[1].IsNone() {
			f, err := vm.AsFloat(args[1])
			if err != nil {
				return vm.Undef, err
			}
			timeout = f
		}
		return pgConnect(t, dsn, timeout)
	}))
	m.Set("Record", vm.Obj(pgRecordType))
	for _, c := range append([]*vm.Class{pgMessage, pgPostgresError, pgInterfaceError, pgInternalClient}, pgOrder...) {
		m.Set(c.Name, vm.Obj(c))
	}
	return m, nil
}
