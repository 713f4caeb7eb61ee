package sqlite

import (
	"fmt"
	"strings"

	"github.com/asylang/asy/vm"
)

// sqliteRow is sqlite3.Row: a tuple whose items can also be reached by
// column name (case-insensitively), with keys().
type sqliteRow struct {
	cols []string
	vals []vm.Value
}

func (*sqliteRow) Class() *vm.Class { return sqliteRowType }

func (r *sqliteRow) Repr(t *vm.Thread) (string, error) {
	return fmt.Sprintf("<sqlite3.Row object at %p>", r), nil
}

func (r *sqliteRow) Len() int { return len(r.vals) }

// newSQLiteRow is sqlite3.Row(cursor, values).
func newSQLiteRow(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(kw) != 0 {
		return vm.Undef, vm.Errorf(vm.TypeError, "Row() takes no keyword arguments")
	}
	if len(args) != 2 {
		return vm.Undef, vm.Errorf(vm.TypeError, "Row expected 2 arguments, got %d", len(args))
	}
	cur, ok := args[0].AsObj().(*sqliteCursor)
	if !ok {
		return vm.Undef, vm.Errorf(vm.TypeError, "Row() argument 1 must be sqlite3.Cursor, not %s", args[0].TypeName())
	}
	tup, ok := args[1].AsObj().(*vm.Tuple)
	if !ok {
		return vm.Undef, vm.Errorf(vm.TypeError, "Row() argument 2 must be tuple, not %s", args[1].TypeName())
	}
	var cols []string
	if cur.res != nil {
		cols = cur.res.cols
	}
	return vm.Obj(&sqliteRow{cols: cols, vals: tup.Items()}), nil
}

func (r *sqliteRow) item(t *vm.Thread, key vm.Value) (vm.Value, error) {
	if s, ok := key.StrOf(); ok {
		for i, c := range r.cols {
			if strings.EqualFold(c, s) {
				return r.vals[i], nil
			}
		}
		return vm.Undef, vm.Errorf(vm.IndexError, "No item with that key")
	}
	switch key.Kind() {
	case vm.KInt, vm.KBool:
	default:
		switch key.AsObj().(type) {
		case *vm.SliceObj, *vm.BigIntObj:
		default:
			if key.Kind() != vm.KObj || !isIntSubclass(key) {
				return vm.Undef, vm.Errorf(vm.IndexError, "Index must be int or string")
			}
		}
	}
	return t.GetItem(vm.Obj(vm.NewTuple(r.vals)), key)
}

func init() {
	m := sqliteRowType.AddMethod
	row := func(args []vm.Value) *sqliteRow { return args[0].AsObj().(*sqliteRow) }
	m("keys", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		keys := make([]vm.Value, len(row(args).cols))
		for i, c := range row(args).cols {
			keys[i] = vm.Str(c)
		}
		return vm.Obj(vm.NewList(keys)), nil
	})
	m("__getitem__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return row(args).item(t, args[1])
	})
	m("__len__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(len(row(args).vals))), nil
	})
	m("__iter__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return t.Iter(vm.Obj(vm.NewTuple(row(args).vals)))
	})
	m("__hash__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return t.CallMethod(vm.Obj(vm.NewTuple(row(args).vals)), "__hash__")
	})
}

func isIntSubclass(v vm.Value) bool {
	c := v.Class()
	return c != nil && c.IsSubclass(vm.IntType)
}

// HashErr is hash(row): the columns' and the values' hashes combined, so
// equal rows hash alike.
func (r *sqliteRow) HashErr(t *vm.Thread) (uint64, error) {
	h, err := t.Hash(vm.Obj(vm.NewTuple(r.vals)))
	if err != nil {
		return 0, err
	}
	for _, c := range r.cols {
		for i := 0; i < len(c); i++ {
			h = h*1000003 ^ uint64(c[i])
		}
	}
	return h, nil
}

// GetItem is row[i], row[a:b] or row["name"].
func (r *sqliteRow) GetItem(t *vm.Thread, key vm.Value) (vm.Value, error) { return r.item(t, key) }

// Iter iterates the values.
func (r *sqliteRow) Iter(t *vm.Thread) (vm.Value, error) {
	return t.Iter(vm.Obj(vm.NewTuple(r.vals)))
}

// Compare implements == and != (rows are equal when their columns and
// values are).
func (r *sqliteRow) Compare(t *vm.Thread, op int, other vm.Value) (bool, bool, error) {
	b, ok := other.AsObj().(*sqliteRow)
	if !ok || (op != vm.CmpEQ && op != vm.CmpNE) {
		return false, false, nil
	}
	eq := strings.Join(r.cols, "\x00") == strings.Join(b.cols, "\x00")
	if eq {
		var err error
		if eq, err = t.Equal(vm.Obj(vm.NewTuple(r.vals)), vm.Obj(vm.NewTuple(b.vals))); err != nil {
			return false, true, err
		}
	}
	return eq == (op == vm.CmpEQ), true, nil
}
