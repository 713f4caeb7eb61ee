package stdlib

import (
	"github.com/asylang/asy/vm"
)

// array.array's methods and operators.

func (a *arrayObj) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	switch name {
	case "typecode":
		return vm.Str(string(a.code)), true, nil
	case "itemsize":
		return vm.Int(int64(a.size)), true, nil
	}
	return vm.Undef, false, nil
}

func arrSelf(args []vm.Value) *arrayObj {
	a, _ := args[0].AsObj().(*arrayObj)
	return a
}

type arrMethod func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error)

func addArrayMethod(name string, min, max int, fn arrMethod) {
	arrayType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a := arrSelf(args)
		if a == nil {
			return vm.Undef, vm.Errorf(vm.TypeError, "descriptor '%s' requires a 'array.array' object", name)
		}
		if len(kw) > 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "array.%s() takes no keyword arguments", name)
		}
		n := len(args) - 1
		if n < min || n > max {
			switch {
			case max == 0:
				return vm.Undef, vm.Errorf(vm.TypeError, "array.%s() takes no arguments (%d given)", name, n)
			case min == max:
				return vm.Undef, vm.Errorf(vm.TypeError, "array.%s() takes exactly one argument (%d given)", name, n)
			default:
				return vm.Undef, vm.Errorf(vm.TypeError, "%s expected at most %d arguments, got %d", name, max, n)
			}
		}
		return fn(t, a, args[1:])
	})
}

// extendFrom appends an iterable's items (an array only of the same code).
func (a *arrayObj) extendFrom(t *vm.Thread, v vm.Value) error {
	if o, ok := v.AsObj().(*arrayObj); ok {
		if o.code != a.code {
			return vm.Errorf(vm.TypeError, "can only extend with array of same kind")
		}
		if err := a.checkResize(t, len(a.data)+len(o.data)); err != nil {
			return err
		}
		a.data = append(a.data, o.data...)
		return nil
	}
	vals, err := t.ToList(v)
	if err != nil {
		return err
	}
	return a.appendValues(t, vals)
}

func (a *arrayObj) find(t *vm.Thread, v vm.Value) (int, error) {
	for i := 0; i < a.Len(); i++ {
		eq, err := t.Equal(a.get(i), v)
		if err != nil {
			return 0, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

func arrayRepeat(t *vm.Thread, a *arrayObj, nv vm.Value) (*arrayObj, error) {
	n, ok, err := t.IndexOf(nv)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, nil
	}
	if n < 0 {
		n = 0
	}
	if n > 0 && int64(len(a.data))*n > 1<<31 {
		return nil, vm.Errorf(vm.MemoryError, "")
	}
	d := make([]byte, 0, int64(len(a.data))*n)
	for i := int64(0); i < n; i++ {
		d = append(d, a.data...)
	}
	return a.clone(d), nil
}

func init() {
	arrayType.FullName = "array.array"
	arrayType.Dunders = true
	arrayType.Dict["__hash__"] = vm.None
	addArrayMethod("append", 1, 1, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		return vm.None, a.appendValues(t, args)
	})
	addArrayMethod("extend", 1, 1, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		return vm.None, a.extendFrom(t, args[0])
	})
	addArrayMethod("fromlist", 1, 1, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		l, ok := args[0].AsObj().(*vm.List)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "arg must be list")
		}
		vals, err := t.ToList(vm.Obj(l))
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, a.appendValues(t, vals)
	})
	addArrayMethod("insert", 2, 2, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		i, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		b, err := arrayPack(t, a.code, args[1])
		if err != nil {
			return vm.Undef, err
		}
		n := int64(a.Len())
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		if err := a.checkResize(t, len(a.data)+a.size); err != nil {
			return vm.Undef, err
		}
		p := int(i) * a.size
		a.data = append(a.data[:p], append(b, a.data[p:]...)...)
		return vm.None, nil
	})
	addArrayMethod("pop", 0, 1, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		i := int64(-1)
		if len(args) == 1 {
			var err error
			if i, err = t.AsInt64(args[0]); err != nil {
				return vm.Undef, err
			}
		}
		n := int64(a.Len())
		if n == 0 {
			return vm.Undef, vm.Errorf(vm.IndexError, "pop from empty array")
		}
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return vm.Undef, vm.Errorf(vm.IndexError, "pop index out of range")
		}
		if err := a.checkResize(t, len(a.data)-a.size); err != nil {
			return vm.Undef, err
		}
		v := a.get(int(i))
		p := int(i) * a.size
		a.data = append(a.data[:p], a.data[p+a.size:]...)
		return v, nil
	})
	addArrayMethod("remove", 1, 1, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		i, err := a.find(t, args[0])
		if err != nil {
			return vm.Undef, err
		}
		if i < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "array.remove(x): x not in array")
		}
		if err := a.checkResize(t, len(a.data)-a.size); err != nil {
			return vm.Undef, err
		}
		p := i * a.size
		a.data = append(a.data[:p], a.data[p+a.size:]...)
		return vm.None, nil
	})
	addArrayMethod("index", 1, 3, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		lo, hi := 0, a.Len()
		norm := func(v vm.Value) (int, error) {
			x, err := t.AsInt64(v)
			if err != nil {
				return 0, err
			}
			if x < 0 {
				x += int64(a.Len())
				if x < 0 {
					x = 0
				}
			}
			if x > int64(a.Len()) {
				x = int64(a.Len())
			}
			return int(x), nil
		}
		var err error
		if len(args) > 1 {
			if lo, err = norm(args[1]); err != nil {
				return vm.Undef, err
			}
		}
		if len(args) > 2 {
			if hi, err = norm(args[2]); err != nil {
				return vm.Undef, err
			}
		}
		for i := lo; i < hi; i++ {
			eq, err := t.Equal(a.get(i), args[0])
			if err != nil {
				return vm.Undef, err
			}
			if eq {
				return vm.Int(int64(i)), nil
			}
		}
		return vm.Undef, vm.Errorf(vm.ValueError, "array.index(x): x not in array")
	})
	addArrayMethod("count", 1, 1, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		c := 0
		for i := 0; i < a.Len(); i++ {
			eq, err := t.Equal(a.get(i), args[0])
			if err != nil {
				return vm.Undef, err
			}
			if eq {
				c++
			}
		}
		return vm.Int(int64(c)), nil
	})
	addArrayMethod("reverse", 0, 0, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		n := a.Len()
		d := make([]byte, 0, len(a.data))
		for i := n - 1; i >= 0; i-- {
			d = append(d, a.raw(i)...)
		}
		a.data = d
		return vm.None, nil
	})
	addArrayMethod("byteswap", 0, 0, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		for i := 0; i < a.Len(); i++ {
			r := a.raw(i)
			for x, y := 0, len(r)-1; x < y; x, y = x+1, y-1 {
				r[x], r[y] = r[y], r[x]
			}
		}
		return vm.None, nil
	})
	addArrayMethod("tobytes", 0, 0, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		return vm.Obj(vm.NewBytes(append([]byte(nil), a.data...))), nil
	})
	addArrayMethod("frombytes", 1, 1, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		b, ok := vm.BufferData(args[0])
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", args[0].TypeName())
		}
		return vm.None, a.frombytes(t, append([]byte(nil), b...))
	})
	addArrayMethod("tolist", 0, 0, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		return vm.Obj(vm.NewList(a.items())), nil
	})
	addArrayMethod("buffer_info", 0, 0, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(int64(vm.IdentityHash(a) & 0xffffffffffff)), vm.Int(int64(a.Len()))})), nil
	})
	addArrayMethod("__add__", 1, 1, func(t *vm.Thread, a *arrayObj, args []vm.Value) (vm.Value, error) {
		o, ok := args[0].AsObj().(*arrayObj)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "can only append array (not \"%s\") to array", args[0].TypeName())
		}
		if o.code != a.code {
			return vm.Undef, vm.Errorf(vm.TypeError, "bad argument type for built-in operation")
		}
		return vm.Obj(a.clone(append(append([]byte(nil), a.data...), o.data...))), nil
	})
	arrayType.AddMethod("__iadd__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a := arrSelf(args)
		o, ok := args[1].AsObj().(*arrayObj)
		if !ok {
			return vm.NotImplemented, nil
		}
		if err := a.extendFrom(t, vm.Obj(o)); err != nil {
			return vm.Undef, err
		}
		return args[0], nil
	})
	arrayType.AddMethod("__imul__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a := arrSelf(args)
		r, err := arrayRepeat(t, a, args[1])
		if err != nil || r == nil {
			if r == nil && err == nil {
				return vm.NotImplemented, nil
			}
			return vm.Undef, err
		}
		if err := a.checkResize(t, len(r.data)); err != nil {
			return vm.Undef, err
		}
		a.data = r.data
		return args[0], nil
	})
	mul := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		r, err := arrayRepeat(t, arrSelf(args), args[1])
		if err != nil {
			return vm.Undef, err
		}
		if r == nil {
			return vm.NotImplemented, nil
		}
		return vm.Obj(r), nil
	}
	arrayType.AddMethod("__mul__", mul)
	arrayType.AddMethod("__rmul__", mul)
}

func arrayModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("array", "")
	m.Set("array", vm.Obj(arrayType))
	m.Set("ArrayType", vm.Obj(arrayType))
	m.Set("typecodes", vm.Str(arrayTypecodes))
	return m, nil
}

func init() { register("array", arrayModule) }

// HashErr makes arrays unhashable (vm.ErrHasher).
func (a *arrayObj) HashErr(t *vm.Thread) (uint64, error) {
	return 0, vm.Errorf(vm.TypeError, "unhashable type: 'array.array'")
}
