package sqlite

import (
	"database/sql/driver"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"sync"

	"github.com/asylang/asy/vm"
	"github.com/asylang/asy/vm/goconv"
)

// Statement parameters, converted from script values to what SQLite binds.
// They are kept as sqlArg, not as the driver's NamedValue: boxing each
// string and float into an interface was an allocation per parameter on
// the per-row path of bulk inserts, which binds them itself (execFast).
// The driver's path converts them (namedValues).

// argKind is which SQLite type a parameter binds as.
type argKind uint8

const (
	argNull argKind = iota
	argInt
	argFloat
	argText
	argBlob
)

// sqlArg is one parameter: n holds an int (or a float's bits), s a text,
// b a blob (a copy: the script may change a bytearray while the statement
// runs without the interpreter lock); name is a named parameter's name.
type sqlArg struct {
	kind argKind
	n    int64
	s    string
	b    []byte
	name string
}

func (a sqlArg) float() float64 { return math.Float64frombits(uint64(a.n)) }

// value is a as the driver takes it.
func (a sqlArg) value() driver.Value {
	switch a.kind {
	case argInt:
		return a.n
	case argFloat:
		return a.float()
	case argText:
		return a.s
	case argBlob:
		return a.b
	}
	return nil
}

// namedValues is args as the driver takes them.
func namedValues(args []sqlArg) []driver.NamedValue {
	if args == nil {
		return nil
	}
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		out[i] = driver.NamedValue{Name: a.name, Ordinal: i + 1, Value: a.value()}
	}
	return out
}

// sqlArgs converts statement parameters: a sequence for ? placeholders, a
// mapping for :name ones.
func sqlArgs(t *vm.Thread, ts *typeState, q string, params vm.Value) ([]sqlArg, error) {
	return sqlArgsInto(t, ts, q, params, nil)
}

// sqlArgsInto is sqlArgs reusing buf's storage for positional arguments.
// ts is the interpreter's typeState (the connection keeps it).
func sqlArgsInto(t *vm.Thread, ts *typeState, q string, params vm.Value, buf []sqlArg) ([]sqlArg, error) {
	if params.IsUndef() {
		return nil, nil
	}
	if d, ok := params.AsObj().(*vm.Dict); ok {
		var out []sqlArg
		seen := map[string]bool{}
		for _, m := range namedParamRe().FindAllStringSubmatch(q, -1) {
			name := m[1]
			if seen[name] {
				continue
			}
			seen[name] = true
			v, ok := d.GetStr(name)
			if !ok {
				return nil, vm.NewException(sqliteProgrammingError, vm.Str(fmt.Sprintf("You did not supply a value for binding parameter :%s.", name)))
			}
			x, err := sqlValue(t, ts, v, len(out)+1)
			if err != nil {
				return nil, err
			}
			x.name = name
			out = append(out, x)
		}
		return out, nil
	}
	var items []vm.Value
	switch o := params.AsObj().(type) {
	case *vm.List:
		items = o.Items()
	case *vm.Tuple:
		items = o.Items()
	default:
		if err := t.Iterate(params, func(v vm.Value) error { items = append(items, v); return nil }); err != nil {
			return nil, vm.NewException(sqliteProgrammingError, vm.Str("parameters are of unsupported type"))
		}
	}
	out := buf[:0]
	if cap(out) < len(items) {
		out = make([]sqlArg, len(items))
	}
	out = out[:len(items)]
	for i, v := range items {
		x, err := sqlValue(t, ts, v, i+1)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

// The regular expressions are compiled on first use: every asy process
// links this package, few run SQL.
var namedParamRe = lazyRegexp(`[:@$]([A-Za-z_][A-Za-z0-9_]*)`)

// sqlValue converts one parameter to what SQLite stores: goconv's scalar
// row, with a bool as an integer, a str checked for lone surrogates, an
// int too big for SQLite refused and any other buffer as a BLOB.
func sqlValue(t *vm.Thread, ts *typeState, v vm.Value, n int) (sqlArg, error) {
	adapted := ts != nil && ts.baseAdapted
	if !adapted { // the common kinds, as goconv.Scalar converts them
		switch v.Kind() {
		case vm.KInt:
			return sqlArg{kind: argInt, n: v.AsInt()}, nil
		case vm.KFloat:
			return sqlArg{kind: argFloat, n: int64(math.Float64bits(v.AsFloat()))}, nil
		case vm.KObj:
			if s, ok := v.AsObj().(*vm.StrObj); ok {
				return textArg(s.String())
			}
		}
	}
	if v.Kind() != vm.KInt && v.Kind() != vm.KFloat || adapted {
		var err error
		if v, err = adapt(t, ts, v); err != nil {
			return sqlArg{}, err
		}
	}
	x, ok := goconv.Scalar(v)
	switch y := x.(type) {
	case nil:
		if ok {
			return sqlArg{kind: argNull}, nil
		}
	case bool:
		if y {
			return sqlArg{kind: argInt, n: 1}, nil
		}
		return sqlArg{kind: argInt, n: 0}, nil
	case int64:
		return sqlArg{kind: argInt, n: y}, nil
	case float64:
		return sqlArg{kind: argFloat, n: int64(math.Float64bits(y))}, nil
	case string:
		return textArg(y)
	case []byte:
		return sqlArg{kind: argBlob, b: y}, nil
	case *big.Int:
		return sqlArg{}, vm.Errorf(vm.OverflowError, "Python int too large to convert to SQLite INTEGER")
	}
	if b, isBuf := vm.BufferData(v); isBuf { // memoryview, array: a BLOB, as in CPython
		return sqlArg{kind: argBlob, b: goconv.Blob(b)}, nil
	}
	return sqlArg{}, vm.NewException(sqliteProgrammingError, vm.Str(fmt.Sprintf("Error binding parameter %d: type '%s' is not supported", n, v.TypeName())))
}

// textArg binds s as TEXT: SQLite takes UTF-8, and a lone surrogate is
// refused as CPython does.
func textArg(s string) (sqlArg, error) {
	s, err := vm.HostStr(s)
	if err != nil {
		return sqlArg{}, err
	}
	return sqlArg{kind: argText, s: s}, nil
}

// lazyRegexp compiles expr when first asked for.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
