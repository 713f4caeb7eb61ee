package goconv

import (
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"time"

	"github.com/asylang/asy/vm"
)

// Layer is a user's own mappings over the table. Its hooks are asked for
// every value, nested ones included (a list's items, a dict's values), so
// a driver's types convert inside containers too.
type Layer struct {
	// FromGo converts a Go value before the table is asked; ok=false
	// leaves it to the table.
	FromGo func(t *vm.Thread, x any) (v vm.Value, ok bool, err error)
	// ToGo converts a script value before the table is asked; ok=false
	// leaves it to the table.
	ToGo func(t *vm.Thread, v vm.Value) (x any, ok bool, err error)
	// Opaque is the Go value of a script value the table has no row for;
	// nil: a TypeError.
	Opaque func(t *vm.Thread, v vm.Value) (any, error)
	// ToType converts a script value to the Go type rt before the table
	// is asked; ok=false leaves it to the table.
	ToType func(t *vm.Thread, v vm.Value, rt reflect.Type) (rv reflect.Value, ok bool)
}

// Scalar is the table's row for None, bool, int, float, str, bytes and
// bytearray (exact types): nil, bool, int64 or *big.Int, float64, string,
// []byte (a fresh copy, never nil). ok=false for any other value. It is
// the drivers' hot path: no hooks, no allocation but the bytes copy.
func Scalar(v vm.Value) (x any, ok bool) {
	switch v.Kind() {
	case vm.KNone:
		return nil, true
	case vm.KBool:
		return v.AsBool(), true
	case vm.KInt:
		return v.AsInt(), true
	case vm.KFloat:
		return v.AsFloat(), true
	case vm.KObj:
		switch o := v.AsObj().(type) {
		case *vm.StrObj:
			return o.String(), true
		case *vm.BigIntObj:
			return o.Big(), true
		case *vm.Bytes:
			return Blob(o.Data()), true
		case *vm.ByteArray:
			return Blob(o.Data()), true
		}
	}
	return nil, false
}

// Blob copies b; an empty one stays a non-nil empty slice (SQLite binds it
// as a zero-length BLOB, not NULL).
func Blob(b []byte) []byte {
	out := make([]byte, len(b))
	copy(out, b)
	return out
}

// ScalarValue is Scalar's inverse, for the Go types of the table's scalar
// rows: nil, bool, every int and uint kind, float32/64, string, []byte (copied)
// and *big.Int (copied; nil is None). ok=false for any other type.
func ScalarValue(x any) (v vm.Value, ok bool) {
	switch x := x.(type) {
	case nil:
		return vm.None, true
	case bool:
		return vm.Bool(x), true
	case int:
		return vm.Int(int64(x)), true
	case int64:
		return vm.Int(x), true
	case int32:
		return vm.Int(int64(x)), true
	case int16:
		return vm.Int(int64(x)), true
	case int8:
		return vm.Int(int64(x)), true
	case uint8:
		return vm.Int(int64(x)), true
	case uint16:
		return vm.Int(int64(x)), true
	case uint32:
		return vm.Int(int64(x)), true
	case uint:
		return uintValue(uint64(x)), true
	case uint64:
		return uintValue(x), true
	case float64:
		return vm.Float(x), true
	case float32:
		return vm.Float(float64(x)), true
	case string:
		return vm.Str(x), true
	case []byte:
		return vm.Obj(vm.NewBytes(Blob(x))), true
	case *big.Int:
		if x == nil {
			return vm.None, true
		}
		return vm.BigInt(new(big.Int).Set(x)), true
	}
	return vm.Undef, false
}

func uintValue(u uint64) vm.Value {
	if u > 1<<63-1 {
		return vm.BigInt(new(big.Int).SetUint64(u))
	}
	return vm.Int(int64(u))
}

// ToScript converts a Go value by the table, l's FromGo first.
func ToScript(t *vm.Thread, x any, l *Layer) (vm.Value, error) {
	if l != nil && l.FromGo != nil {
		if v, ok, err := l.FromGo(t, x); ok || err != nil {
			return v, err
		}
	}
	if v, ok := ScalarValue(x); ok {
		return v, nil
	}
	switch x := x.(type) {
	case vm.Value:
		return x, nil
	case time.Time:
		return Datetime(t, x, true)
	case []any:
		items := make([]vm.Value, len(x))
		for i, e := range x {
			v, err := ToScript(t, e, l)
			if err != nil {
				return vm.Undef, err
			}
			items[i] = v
		}
		return vm.Obj(vm.NewList(items)), nil
	case map[string]any:
		d := vm.NewDict()
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v, err := ToScript(t, x[k], l)
			if err != nil {
				return vm.Undef, err
			}
			d.SetStr(k, v)
		}
		return vm.Obj(d), nil
	case error:
		return vm.Undef, fmt.Errorf("asy: an error is not a value (return it as the error result): %w", x)
	}
	return reflectToScript(t, reflect.ValueOf(x), l)
}

// ToGo converts a script value to its natural Go value by the table, l's
// ToGo first and its Opaque for what the table has no row for.
func ToGo(t *vm.Thread, v vm.Value, l *Layer) (any, error) {
	if l != nil && l.ToGo != nil {
		if x, ok, err := l.ToGo(t, v); ok || err != nil {
			return x, err
		}
	}
	if x, ok := Scalar(v); ok {
		return x, nil
	}
	switch o := v.AsObj().(type) {
	case *vm.List:
		return sliceToGo(t, o.Items(), l)
	case *vm.Tuple:
		return sliceToGo(t, o.Items(), l)
	case *vm.Set:
		return sliceToGo(t, o.Items(), l)
	case *vm.Dict:
		return dictToGo(t, o, l)
	case *vm.Instance:
		if tm, ok, err := TimeOf(t, v); ok || err != nil {
			return tm, err
		}
	}
	return opaque(t, v, l)
}

func opaque(t *vm.Thread, v vm.Value, l *Layer) (any, error) {
	if l != nil && l.Opaque != nil {
		return l.Opaque(t, v)
	}
	return nil, vm.Errorf(vm.TypeError, "cannot convert '%s' object to a Go value", v.TypeName())
}

func sliceToGo(t *vm.Thread, items []vm.Value, l *Layer) ([]any, error) {
	out := make([]any, len(items))
	for i, e := range items {
		x, err := ToGo(t, e, l)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

func dictToGo(t *vm.Thread, d *vm.Dict, l *Layer) (any, error) {
	allStr := true
	d.Items(func(k, _ vm.Value) bool {
		_, ok := k.AsObj().(*vm.StrObj)
		allStr = ok
		return ok
	})
	var err error
	if allStr {
		m := make(map[string]any, d.Len())
		d.Items(func(k, val vm.Value) bool {
			m[k.AsObj().(*vm.StrObj).String()], err = ToGo(t, val, l)
			return err == nil
		})
		return m, err
	}
	m := make(map[any]any, d.Len())
	d.Items(func(k, val vm.Value) bool {
		var key, x any
		if key, err = ToGo(t, k, l); err != nil {
			return false
		}
		if rt := reflect.TypeOf(key); rt != nil && !rt.Comparable() {
			if key, err = opaque(t, k, l); err != nil {
				return false
			}
		}
		x, err = ToGo(t, val, l)
		m[key] = x
		return err == nil
	})
	return m, err
}
