package stdlib

import (
	goruntime "runtime"

	"github.com/asylang/asy/vm"
)

// gc is honest about what a Go collector can tell: collect() runs Go's
// collector (and returns 0, the unreachable cycles it cannot count);
// enable/disable only record the script's wish — Go's collector is shared
// by every interpreter in the process and always runs; is_tracked answers
// as CPython does (containers and instances are, atoms are not).
type gcKey struct{}

func gcModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("gc", "")
	disabled := func() bool { v, ok := it.Ext(gcKey{}); return ok && v.(bool) }
	fn := func(name string, min, max int, f func(t *vm.Thread, args []vm.Value) (vm.Value, error)) {
		m.Set(name, vm.NewBuiltin(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if err := vm.NoKwargs("gc."+name, kw); err != nil {
				return vm.Undef, err
			}
			if err := vm.RangeArgs(name, args, min, max); err != nil {
				return vm.Undef, err
			}
			return f(t, args)
		}))
	}
	fn("enable", 0, 0, func(t *vm.Thread, args []vm.Value) (vm.Value, error) {
		it.SetExt(gcKey{}, false)
		return vm.None, nil
	})
	fn("disable", 0, 0, func(t *vm.Thread, args []vm.Value) (vm.Value, error) {
		it.SetExt(gcKey{}, true)
		return vm.None, nil
	})
	fn("isenabled", 0, 0, func(t *vm.Thread, args []vm.Value) (vm.Value, error) {
		return vm.Bool(!disabled()), nil
	})
	fn("collect", 0, 1, func(t *vm.Thread, args []vm.Value) (vm.Value, error) {
		t.Blocking(goruntime.GC)
		return vm.Int(0), nil
	})
	fn("get_count", 0, 0, func(t *vm.Thread, args []vm.Value) (vm.Value, error) {
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(0), vm.Int(0), vm.Int(0)})), nil
	})
	fn("get_threshold", 0, 0, func(t *vm.Thread, args []vm.Value) (vm.Value, error) {
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(700), vm.Int(10), vm.Int(10)})), nil
	})
	fn("set_threshold", 1, 3, func(t *vm.Thread, args []vm.Value) (vm.Value, error) {
		for _, a := range args {
			if _, err := t.AsInt64(a); err != nil {
				return vm.Undef, err
			}
		}
		return vm.None, nil
	})
	fn("is_tracked", 1, 1, func(t *vm.Thread, args []vm.Value) (vm.Value, error) {
		return vm.Bool(gcTracked(args[0])), nil
	})
	fn("is_finalized", 1, 1, func(t *vm.Thread, args []vm.Value) (vm.Value, error) {
		return vm.False, nil
	})
	m.Set("garbage", vm.Obj(vm.NewList(nil)))
	m.Set("callbacks", vm.Obj(vm.NewList(nil)))
	return m, nil
}

// gcTracked: CPython tracks objects that can hold references (lists,
// dicts, instances, functions...), not atoms (None, numbers, str, bytes).
func gcTracked(v vm.Value) bool {
	if v.IsNone() || v.IsUndef() {
		return false
	}
	switch v.AsObj().(type) {
	case nil:
		return false // an int, float or bool held inline
	case *vm.StrObj, *vm.Bytes, *vm.BigIntObj:
		return false
	case *vm.Dict:
		// A dict holding only atoms is untracked until something that can
		// hold references goes in (CPython's MAINTAIN_TRACKING).
		d := v.AsObj().(*vm.Dict)
		tracked := false
		d.Items(func(k, x vm.Value) bool {
			tracked = gcTracked(k) || gcTracked(x)
			return !tracked
		})
		return tracked
	}
	return true
}

func init() { register("gc", gcModule) }
