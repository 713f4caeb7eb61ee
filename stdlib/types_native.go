package stdlib

import "github.com/asylang/asy/vm"

// _types holds what types.py cannot say in the script language.
func typesNative(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("_types", "")
	m.Set("mappingproxy", vm.Obj(vm.MappingProxyType))
	// _mark_iterable_coroutine(func) -> bool: types.coroutine on a
	// generator function.
	m.Set("_mark_iterable_coroutine", vm.NewBuiltin("_mark_iterable_coroutine", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_mark_iterable_coroutine", args, 1); err != nil {
			return vm.Undef, err
		}
		return vm.Bool(vm.MarkIterableCoroutine(args[0])), nil
	}))
	return m, nil
}

func init() { register("_types", typesNative) }
