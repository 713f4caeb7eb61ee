package asy

import (
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strings"

	"github.com/asylang/asy/vm"
)

// Converting between Go values and script values.
//
// Go → script (arguments to script functions, results of Go functions,
// Options.Globals):
//
//	nil, nil pointer, nil slice/map       None
//	bool                                  bool
//	int…int64, uint…uint64, *big.Int      int (arbitrary precision)
//	float32, float64                      float
//	string                                str
//	[]byte                                bytes
//	slice or array                        list
//	map with string keys                  dict (keys in sorted order)
//	struct, *struct                       dict of its exported fields; a field is named by its
//	                                      `asy:"name"` tag, else its `json:"name"` tag, else
//	                                      its Go name; tag "-" leaves it out
//	Func, Builtin, Async, Go func         callable
//	error                                 raised (as RuntimeError unless it is an *Error)
//	Value                                 itself
//
// Script → Go (what Call and Global return, and the parameters of Go
// functions typed any):
//
//	None → nil; bool → bool; int → int64 (*big.Int when it does not fit);
//	float → float64; str → string; bytes, bytearray → []byte;
//	list, tuple, set, frozenset → []any; dict → map[string]any when every key
//	is a str, else map[any]any; anything else → Value (opaque, can be passed back).
//
// A Go function's typed parameters take the matching script values: ints for
// integer kinds (range-checked), ints or floats for floats, str for string,
// lists for slices, dicts for maps and structs (by the field rule above).

// Value is a script value held by Go: opaque, valid for the interpreter it
// came from.
type Value struct{ v vm.Value }

// String is the value's repr-free description (its type).
func (v Value) String() string { return "<asy " + v.v.TypeName() + ">" }

// toScript converts a Go value for the script.
func toScript(t *vm.Thread, x any) (vm.Value, error) {
	switch x := x.(type) {
	case nil:
		return vm.None, nil
	case Value:
		return x.v, nil
	case vm.Value:
		return x, nil
	case bool:
		return vm.Bool(x), nil
	case int:
		return vm.Int(int64(x)), nil
	case int64:
		return vm.Int(x), nil
	case int32:
		return vm.Int(int64(x)), nil
	case float64:
		return vm.Float(x), nil
	case string:
		return vm.Str(x), nil
	case []byte:
		return vm.Obj(vm.NewBytes(append([]byte(nil), x...))), nil
	case *big.Int:
		if x == nil {
			return vm.None, nil
		}
		return vm.BigInt(new(big.Int).Set(x)), nil
	case []any:
		items := make([]vm.Value, len(x))
		for i, e := range x {
			v, err := toScript(t, e)
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
			v, err := toScript(t, x[k])
			if err != nil {
				return vm.Undef, err
			}
			d.SetStr(k, v)
		}
		return vm.Obj(d), nil
	case *Func:
		return x.value(), nil
	case *Builtin:
		return x.value(), nil
	case *Async:
		return x.value(), nil
	case error:
		return vm.Undef, fmt.Errorf("asy: an error is not a value (return it as the error result): %w", x)
	}
	return reflectToScript(t, reflect.ValueOf(x))
}

func reflectToScript(t *vm.Thread, rv reflect.Value) (vm.Value, error) {
	switch rv.Kind() {
	case reflect.Bool:
		return vm.Bool(rv.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return vm.Int(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > 1<<63-1 {
			return vm.BigInt(new(big.Int).SetUint64(u)), nil
		}
		return vm.Int(int64(u)), nil
	case reflect.Float32, reflect.Float64:
		return vm.Float(rv.Float()), nil
	case reflect.String:
		return vm.Str(rv.String()), nil
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return vm.None, nil
		}
		return toScript(t, rv.Elem().Interface())
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return vm.None, nil
		}
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, rv.Len())
			reflect.Copy(reflect.ValueOf(b), rv)
			return vm.Obj(vm.NewBytes(b)), nil
		}
		items := make([]vm.Value, rv.Len())
		for i := range items {
			v, err := toScript(t, rv.Index(i).Interface())
			if err != nil {
				return vm.Undef, err
			}
			items[i] = v
		}
		return vm.Obj(vm.NewList(items)), nil
	case reflect.Map:
		if rv.IsNil() {
			return vm.None, nil
		}
		if rv.Type().Key().Kind() != reflect.String {
			return vm.Undef, fmt.Errorf("asy: cannot convert %s: map keys must be strings", rv.Type())
		}
		keys := rv.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		d := vm.NewDict()
		for _, k := range keys {
			v, err := toScript(t, rv.MapIndex(k).Interface())
			if err != nil {
				return vm.Undef, err
			}
			d.SetStr(k.String(), v)
		}
		return vm.Obj(d), nil
	case reflect.Struct:
		d := vm.NewDict()
		for _, f := range structFields(rv.Type()) {
			v, err := toScript(t, rv.FieldByIndex(f.index).Interface())
			if err != nil {
				return vm.Undef, err
			}
			d.SetStr(f.name, v)
		}
		return vm.Obj(d), nil
	case reflect.Func:
		fn, err := NewFunc(rv.Interface())
		if err != nil {
			return vm.Undef, err
		}
		return fn.value(), nil
	}
	return vm.Undef, fmt.Errorf("asy: cannot convert a Go %s to a script value", rv.Type())
}

type structField struct {
	name  string
	index []int
}

// structFields lists the exported fields of a struct type by the naming rule.
func structFields(rt reflect.Type) []structField {
	var out []structField
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		if !f.IsExported() {
			continue
		}
		name := f.Name
		tag, ok := f.Tag.Lookup("asy")
		if !ok {
			tag, ok = f.Tag.Lookup("json")
		}
		if ok {
			tag, _, _ = strings.Cut(tag, ",")
			if tag == "-" {
				continue
			}
			if tag != "" {
				name = tag
			}
		}
		out = append(out, structField{name: name, index: f.Index})
	}
	return out
}

// fromScript converts a script value to its natural Go value.
func fromScript(t *vm.Thread, v vm.Value) any {
	switch v.Kind() {
	case vm.KNone, vm.KUndef:
		return nil
	case vm.KBool:
		return v.AsBool()
	case vm.KInt:
		return v.AsInt()
	case vm.KFloat:
		return v.AsFloat()
	}
	switch o := v.AsObj().(type) {
	case *vm.StrObj:
		return o.String()
	case *vm.BigIntObj:
		return o.Big()
	case *vm.Bytes:
		return append([]byte(nil), o.Data()...)
	case *vm.ByteArray:
		return append([]byte(nil), o.Data()...)
	case *vm.List:
		return sliceFromScript(t, o.Items())
	case *vm.Tuple:
		return sliceFromScript(t, o.Items())
	case *vm.Set:
		return sliceFromScript(t, o.Items())
	case *vm.Dict:
		allStr := true
		o.Items(func(k, _ vm.Value) bool {
			_, ok := k.AsObj().(*vm.StrObj)
			allStr = ok
			return ok
		})
		if allStr {
			m := make(map[string]any, o.Len())
			o.Items(func(k, val vm.Value) bool {
				m[k.AsObj().(*vm.StrObj).String()] = fromScript(t, val)
				return true
			})
			return m
		}
		m := make(map[any]any, o.Len())
		o.Items(func(k, val vm.Value) bool {
			key := fromScript(t, k)
			if reflect.TypeOf(key) != nil && !reflect.TypeOf(key).Comparable() {
				key = Value{k}
			}
			m[key] = fromScript(t, val)
			return true
		})
		return m
	}
	return Value{v}
}

func sliceFromScript(t *vm.Thread, items []vm.Value) []any {
	out := make([]any, len(items))
	for i, e := range items {
		out[i] = fromScript(t, e)
	}
	return out
}

// convertArg converts a script value to the Go type rt (a Go function's
// parameter); the error is the TypeError the script sees.
func convertArg(t *vm.Thread, v vm.Value, rt reflect.Type, what string) (reflect.Value, error) {
	bad := func() (reflect.Value, error) {
		return reflect.Value{}, vm.Errorf(vm.TypeError, "%s must be %s, not %s", what, goTypeName(rt), v.TypeName())
	}
	if rt == valueType {
		return reflect.ValueOf(Value{v}), nil
	}
	switch rt.Kind() {
	case reflect.Interface:
		x := fromScript(t, v)
		if x == nil {
			return reflect.Zero(rt), nil
		}
		xv := reflect.ValueOf(x)
		if !xv.Type().AssignableTo(rt) {
			return bad()
		}
		return xv, nil
	case reflect.Bool:
		if !v.IsBool() {
			return bad()
		}
		return reflect.ValueOf(v.AsBool()).Convert(rt), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !v.IsInt() && !v.IsBool() {
			return bad()
		}
		n := v.AsInt()
		if v.IsBool() {
			n = 0
			if v.AsBool() {
				n = 1
			}
		}
		r := reflect.New(rt).Elem()
		if r.OverflowInt(n) {
			return reflect.Value{}, vm.Errorf(vm.OverflowError, "%s out of range for %s", what, rt)
		}
		r.SetInt(n)
		return r, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if !v.IsInt() {
			return bad()
		}
		n := v.AsInt()
		r := reflect.New(rt).Elem()
		if n < 0 || r.OverflowUint(uint64(n)) {
			return reflect.Value{}, vm.Errorf(vm.OverflowError, "%s out of range for %s", what, rt)
		}
		r.SetUint(uint64(n))
		return r, nil
	case reflect.Float32, reflect.Float64:
		switch {
		case v.IsFloat():
			return reflect.ValueOf(v.AsFloat()).Convert(rt), nil
		case v.IsInt():
			return reflect.ValueOf(float64(v.AsInt())).Convert(rt), nil
		}
		return bad()
	case reflect.String:
		s, ok := v.AsObj().(*vm.StrObj)
		if !ok || v.Kind() != vm.KObj {
			return bad()
		}
		return reflect.ValueOf(s.String()).Convert(rt), nil
	case reflect.Slice:
		if rt.Elem().Kind() == reflect.Uint8 {
			switch o := v.AsObj().(type) {
			case *vm.Bytes:
				return reflect.ValueOf(append([]byte(nil), o.Data()...)).Convert(rt), nil
			case *vm.ByteArray:
				return reflect.ValueOf(append([]byte(nil), o.Data()...)).Convert(rt), nil
			}
		}
		var items []vm.Value
		switch o := v.AsObj().(type) {
		case *vm.List:
			items = o.Items()
		case *vm.Tuple:
			items = o.Items()
		default:
			return bad()
		}
		r := reflect.MakeSlice(rt, len(items), len(items))
		for i, e := range items {
			ev, err := convertArg(t, e, rt.Elem(), fmt.Sprintf("%s[%d]", what, i))
			if err != nil {
				return reflect.Value{}, err
			}
			r.Index(i).Set(ev)
		}
		return r, nil
	case reflect.Map:
		d, ok := v.AsObj().(*vm.Dict)
		if !ok || rt.Key().Kind() != reflect.String {
			return bad()
		}
		r := reflect.MakeMapWithSize(rt, d.Len())
		var err error
		d.Items(func(k, val vm.Value) bool {
			ks, ok := k.AsObj().(*vm.StrObj)
			if !ok {
				err = vm.Errorf(vm.TypeError, "%s keys must be str, not %s", what, k.TypeName())
				return false
			}
			var ev reflect.Value
			ev, err = convertArg(t, val, rt.Elem(), fmt.Sprintf("%s[%q]", what, ks.String()))
			if err != nil {
				return false
			}
			r.SetMapIndex(reflect.ValueOf(ks.String()).Convert(rt.Key()), ev)
			return true
		})
		return r, err
	case reflect.Struct:
		d, ok := v.AsObj().(*vm.Dict)
		if !ok {
			return bad()
		}
		r := reflect.New(rt).Elem()
		for _, f := range structFields(rt) {
			fv, ok := d.GetStr(f.name)
			if !ok {
				continue
			}
			ev, err := convertArg(t, fv, rt.FieldByIndex(f.index).Type, what+"."+f.name)
			if err != nil {
				return reflect.Value{}, err
			}
			r.FieldByIndex(f.index).Set(ev)
		}
		return r, nil
	case reflect.Pointer:
		if v.IsNone() {
			return reflect.Zero(rt), nil
		}
		ev, err := convertArg(t, v, rt.Elem(), what)
		if err != nil {
			return reflect.Value{}, err
		}
		p := reflect.New(rt.Elem())
		p.Elem().Set(ev)
		return p, nil
	}
	return bad()
}

var valueType = reflect.TypeOf(Value{})

// goTypeName names a Go parameter type in script terms for error messages.
func goTypeName(rt reflect.Type) string {
	switch rt.Kind() {
	case reflect.Bool:
		return "bool"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "int"
	case reflect.Float32, reflect.Float64:
		return "float"
	case reflect.String:
		return "str"
	case reflect.Slice:
		if rt.Elem().Kind() == reflect.Uint8 {
			return "bytes"
		}
		return "list"
	case reflect.Map, reflect.Struct:
		return "dict"
	}
	return rt.String()
}
