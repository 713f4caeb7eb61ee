package goconv

import (
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/asylang/asy/vm"
)

// The reflection half of the table: any Go slice, array, map, struct and
// pointer to script values, and script values to a Go type.

func reflectToScript(t *vm.Thread, rv reflect.Value, l *Layer) (vm.Value, error) {
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
		return ToScript(t, rv.Elem().Interface(), l)
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
			v, err := ToScript(t, rv.Index(i).Interface(), l)
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
			v, err := ToScript(t, rv.MapIndex(k).Interface(), l)
			if err != nil {
				return vm.Undef, err
			}
			d.SetStr(k.String(), v)
		}
		return vm.Obj(d), nil
	case reflect.Struct:
		d := vm.NewDict()
		for _, f := range structFields(rv.Type()) {
			v, err := ToScript(t, rv.FieldByIndex(f.index).Interface(), l)
			if err != nil {
				return vm.Undef, err
			}
			d.SetStr(f.name, v)
		}
		return vm.Obj(d), nil
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

// ToType converts a script value to the Go type rt (a Go function's
// parameter, named what in errors); the error is the TypeError the script
// sees. l's ToType is asked first, l's ToGo and Opaque serve interface types.
func ToType(t *vm.Thread, v vm.Value, rt reflect.Type, what string, l *Layer) (reflect.Value, error) {
	bad := func() (reflect.Value, error) {
		return reflect.Value{}, vm.Errorf(vm.TypeError, "%s must be %s, not %s", what, TypeName(rt), v.TypeName())
	}
	if l != nil && l.ToType != nil {
		if rv, ok := l.ToType(t, v, rt); ok {
			return rv, nil
		}
	}
	if rt == timeType {
		tm, ok, err := TimeOf(t, v)
		if err != nil {
			return reflect.Value{}, err
		}
		if !ok {
			return bad()
		}
		return reflect.ValueOf(tm), nil
	}
	switch rt.Kind() {
	case reflect.Interface:
		x, err := ToGo(t, v, l)
		if err != nil {
			return reflect.Value{}, err
		}
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
			ev, err := ToType(t, e, rt.Elem(), fmt.Sprintf("%s[%d]", what, i), l)
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
			ev, err = ToType(t, val, rt.Elem(), fmt.Sprintf("%s[%q]", what, ks.String()), l)
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
			ev, err := ToType(t, fv, rt.FieldByIndex(f.index).Type, what+"."+f.name, l)
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
		ev, err := ToType(t, v, rt.Elem(), what, l)
		if err != nil {
			return reflect.Value{}, err
		}
		p := reflect.New(rt.Elem())
		p.Elem().Set(ev)
		return p, nil
	}
	return bad()
}

var timeType = reflect.TypeOf(time.Time{})

// TypeName names a Go parameter type in script terms for error messages.
func TypeName(rt reflect.Type) string {
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
	case reflect.Map:
		return "dict"
	case reflect.Struct:
		if rt == timeType {
			return "datetime"
		}
		return "dict"
	}
	return rt.String()
}
