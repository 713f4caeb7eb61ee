package stdlib

import "github.com/asylang/asy/vm"

// deque comparisons: two deques compare as the lists of their items
// (CPython's deque_richcompare); anything else is NotImplemented, so a
// deque equals no list.
func init() {
	// (Dunders: the comparison goes through these methods.)
	dequeType.Dunders = true
	// Mutable and compared by value, so unhashable.
	dequeType.Dict["__hash__"] = vm.None
	asDeque := func(v vm.Value) (*deque, bool) {
		d, ok := v.AsObj().(*deque)
		return d, ok
	}
	cmp := func(name string, f func(t *vm.Thread, a, b vm.Value) (bool, error)) {
		dequeType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if err := vm.MethodArgs("deque", name, args[1:], 1, 1); err != nil {
				return vm.Undef, err
			}
			a, ok := asDeque(args[0])
			b, ok2 := asDeque(args[1])
			if !ok || !ok2 {
				return vm.NotImplemented, nil
			}
			r, err := f(t, vm.Obj(vm.NewList(a.items())), vm.Obj(vm.NewList(b.items())))
			if err != nil {
				return vm.Undef, err
			}
			return vm.Bool(r), nil
		})
	}
	cmp("__eq__", func(t *vm.Thread, a, b vm.Value) (bool, error) { return t.Equal(a, b) })
	cmp("__ne__", func(t *vm.Thread, a, b vm.Value) (bool, error) {
		eq, err := t.Equal(a, b)
		return !eq, err
	})
	cmp("__lt__", func(t *vm.Thread, a, b vm.Value) (bool, error) { return t.Less(a, b) })
	cmp("__le__", func(t *vm.Thread, a, b vm.Value) (bool, error) { return t.LessEqual(a, b) })
	cmp("__gt__", func(t *vm.Thread, a, b vm.Value) (bool, error) { return t.Less(b, a) })
	cmp("__ge__", func(t *vm.Thread, a, b vm.Value) (bool, error) { return t.LessEqual(b, a) })
}

// HashErr: a deque is mutable, so unhashable (the Dict entry above answers
// hasattr and subclasses; this answers hash()).
func (d *deque) HashErr(t *vm.Thread) (uint64, error) {
	return 0, vm.Errorf(vm.TypeError, "unhashable type: 'collections.deque'")
}
