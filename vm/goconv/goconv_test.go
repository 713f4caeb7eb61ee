package goconv_test

import (
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/asylang/asy/vm"
	"github.com/asylang/asy/vm/goconv"
)

// The scalar rows go both ways and give back what they took; other values
// have no scalar row.
func TestScalarRoundTrip(t *testing.T) {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	for _, x := range []any{nil, true, false, int64(-7), 2.5, "h\u00e9", []byte{}, []byte{0, 255}, huge} {
		v, ok := goconv.ScalarValue(x)
		if !ok {
			t.Fatalf("ScalarValue(%#v): no row", x)
		}
		back, ok := goconv.Scalar(v)
		if !ok || !reflect.DeepEqual(back, x) && !(x != nil && reflect.TypeOf(x) == reflect.TypeOf(huge) && back.(*big.Int).Cmp(huge) == 0) {
			t.Errorf("%#v → %s → %#v", x, v.TypeName(), back)
		}
	}
	if b, _ := goconv.Scalar(vm.Obj(vm.NewBytes(nil))); b == nil || len(b.([]byte)) != 0 {
		t.Errorf("empty bytes → %#v, want a non-nil empty slice", b)
	}
	if _, ok := goconv.Scalar(vm.Obj(vm.NewList(nil))); ok {
		t.Error("a list has a scalar row")
	}
	if v, _ := goconv.ScalarValue(uint64(1 << 63)); v.Kind() != vm.KObj {
		t.Errorf("uint64 2**63 is not a big int: %v", v.TypeName())
	}
}

// Containers convert item by item through the layer's hooks; a value
// without a row goes to Opaque, or is a TypeError without one.
func TestContainersAndLayer(t *testing.T) {
	it := vm.New(vm.Config{})
	th := it.MainThread()
	d := vm.NewDict()
	d.SetStr("a", vm.Obj(vm.NewTuple([]vm.Value{vm.Int(1), vm.None})))
	d.SetStr("f", vm.Obj(vm.NewBuiltin("f", nil)))
	layer := &goconv.Layer{Opaque: func(t *vm.Thread, v vm.Value) (any, error) { return "opaque " + v.TypeName(), nil }}
	got, err := goconv.ToGo(th, vm.Obj(d), layer)
	want := map[string]any{"a": []any{int64(1), nil}, "f": "opaque builtin_function_or_method"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ToGo = %#v, %v; want %#v", got, err, want)
	}
	if _, err := goconv.ToGo(th, vm.Obj(d), nil); err == nil || !strings.Contains(err.Error(), "cannot convert 'builtin_function_or_method'") {
		t.Errorf("ToGo without Opaque: err = %v", err)
	}
	v, err := goconv.ToScript(th, map[string]any{"k": []any{int64(2), "s"}, "p": &struct{ X int }{3}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := th.Repr(v)
	if r != "{'k': [2, 's'], 'p': {'X': 3}}" {
		t.Errorf("ToScript → %s", r)
	}
	if _, err := goconv.ToType(th, vm.Str("x"), reflect.TypeOf([]int{}), "arg", nil); err == nil || !strings.HasSuffix(err.Error(), "arg must be list, not str") {
		t.Errorf("ToType error = %v", err)
	}
	if _, err := goconv.ToType(th, vm.Int(300), reflect.TypeOf(int8(0)), "arg", nil); err == nil || !strings.Contains(err.Error(), "out of range for int8") {
		t.Errorf("ToType overflow = %v", err)
	}
}
