package vm

func listSelf(args []Value) *List { return args[0].o.(*List) }

func init() {
	m := ListType.AddMethod
	m("__init__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := NoKwargs("list", kw); err != nil {
			return Undef, err
		}
		if err := RangeArgs("list", args[1:], 0, 1); err != nil {
			return Undef, err
		}
		var items []Value
		if len(args) == 2 {
			var err error
			if items, err = t.ToList(args[1]); err != nil {
				return Undef, err
			}
			items = append([]Value(nil), items...)
		}
		listSelf(args).items = items
		return None, nil
	})
	m("append", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("list.append", args[1:], 1); err != nil {
			return Undef, Errorf(TypeError, "list.append() takes exactly one argument (%d given)", len(args)-1)
		}
		l := listSelf(args)
		if err := t.GrowCheck(len(l.items), cap(l.items), SizeValue); err != nil {
			return Undef, err
		}
		l.items = appendValue(l.items, args[1])
		return None, nil
	})
	m("extend", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "list.extend() takes exactly one argument (%d given)", len(args)-1)
		}
		l := listSelf(args)
		items, err := t.ToList(args[1])
		if err != nil {
			return Undef, err
		}
		if err := t.CheckAlloc(int64(len(l.items))+int64(len(items)), SizeValue); err != nil {
			return Undef, err
		}
		l.items = append(l.items, items...)
		return None, nil
	})
	m("insert", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 3 {
			return Undef, Errorf(TypeError, "insert expected 2 arguments, got %d", len(args)-1)
		}
		l := listSelf(args)
		i, err := t.AsInt64(args[1])
		if err != nil {
			return Undef, err
		}
		n := int64(len(l.items))
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		l.items = append(l.items, Undef)
		copy(l.items[i+1:], l.items[i:])
		l.items[i] = args[2]
		return None, nil
	})
	m("pop", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("pop", args[1:], 0, 1); err != nil {
			return Undef, err
		}
		l := listSelf(args)
		if len(l.items) == 0 {
			return Undef, Errorf(IndexError, "pop from empty list")
		}
		i := int64(len(l.items) - 1)
		if len(args) == 2 {
			var err error
			if i, err = t.AsInt64(args[1]); err != nil {
				return Undef, err
			}
			if i < 0 {
				i += int64(len(l.items))
			}
			if i < 0 || i >= int64(len(l.items)) {
				return Undef, Errorf(IndexError, "pop index out of range")
			}
		}
		v := l.items[i]
		copy(l.items[i:], l.items[i+1:])
		l.items[len(l.items)-1] = Undef
		l.items = l.items[:len(l.items)-1]
		return v, nil
	})
	m("remove", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "list.remove() takes exactly one argument (%d given)", len(args)-1)
		}
		l := listSelf(args)
		for i, v := range l.items {
			eq, err := t.keyEqual(v, args[1])
			if err != nil {
				return Undef, err
			}
			if eq {
				copy(l.items[i:], l.items[i+1:])
				l.items[len(l.items)-1] = Undef
				l.items = l.items[:len(l.items)-1]
				return None, nil
			}
		}
		return Undef, Errorf(ValueError, "list.remove(x): x not in list")
	})
	m("index", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("index", args[1:], 1, 3); err != nil {
			return Undef, err
		}
		l := listSelf(args)
		lo, hi := 0, len(l.items)
		if len(args) > 2 {
			s := &SliceObj{start: args[2], stop: None, step: None}
			if len(args) > 3 {
				s.stop = args[3]
			}
			a, b, _, err := t.sliceIndices(s, int64(len(l.items)))
			if err != nil {
				return Undef, err
			}
			lo, hi = int(a), int(b)
		}
		for i := lo; i < hi && i < len(l.items); i++ {
			eq, err := t.keyEqual(l.items[i], args[1])
			if err != nil {
				return Undef, err
			}
			if eq {
				return Int(int64(i)), nil
			}
		}
		s, err := t.Repr(args[1])
		if err != nil {
			return Undef, err
		}
		return Undef, Errorf(ValueError, "%s is not in list", s)
	})
	m("count", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "list.count() takes exactly one argument (%d given)", len(args)-1)
		}
		n := 0
		for _, v := range listSelf(args).items {
			eq, err := t.keyEqual(v, args[1])
			if err != nil {
				return Undef, err
			}
			if eq {
				n++
			}
		}
		return Int(int64(n)), nil
	})
	m("sort", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) > 1 {
			return Undef, Errorf(TypeError, "sort() takes no positional arguments")
		}
		a, err := unpackArgs("sort", nil, kw, 0, "key", "reverse")
		if err != nil {
			return Undef, err
		}
		rev := false
		if !a[1].IsUndef() {
			rev, _ = t.Truth(a[1])
		}
		l := listSelf(args)
		items := l.items
		l.items = nil // CPython empties the list while sorting
		err = t.sortValues(items, a[0], rev)
		// A key or comparison that stored into the list: its changes are
		// dropped and, unless the sort failed already, reported.
		modified := l.items != nil
		l.items = items
		if err == nil && modified {
			err = Errorf(ValueError, "list modified during sort")
		}
		return None, err
	})
	m("reverse", func(t *Thread, args []Value, kw []KV) (Value, error) {
		s := listSelf(args).items
		for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
			s[i], s[j] = s[j], s[i]
		}
		return None, nil
	})
	m("copy", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Obj(NewList(append([]Value(nil), listSelf(args).items...))), nil
	})
	m("clear", func(t *Thread, args []Value, kw []KV) (Value, error) {
		listSelf(args).items = nil
		return None, nil
	})
	m("__len__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Int(int64(len(listSelf(args).items))), nil
	})
	m("__getitem__", func(t *Thread, args []Value, kw []KV) (Value, error) { return t.GetItem(args[0], args[1]) })
	m("__setitem__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return None, t.SetItem(args[0], args[1], args[2])
	})
	m("__contains__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		r, err := t.Contains(args[0], args[1])
		return Bool(r), err
	})
	m("__iter__", func(t *Thread, args []Value, kw []KV) (Value, error) { return t.Iter(args[0]) })

	tm := TupleType.AddMethod
	tm("index", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("index", args[1:], 1, 3); err != nil {
			return Undef, err
		}
		items := args[0].o.(*Tuple).items
		lo, hi := 0, len(items)
		if len(args) > 2 { // tuple.index(x, start, stop) clamps like a slice
			s := &SliceObj{start: args[2], stop: None, step: None}
			if len(args) > 3 {
				s.stop = args[3]
			}
			a, b, _, err := t.sliceIndices(s, int64(len(items)))
			if err != nil {
				return Undef, err
			}
			lo, hi = int(a), max(int(a), int(b))
		}
		for i, v := range items[lo:hi] {
			i += lo
			eq, err := t.keyEqual(v, args[1])
			if err != nil {
				return Undef, err
			}
			if eq {
				return Int(int64(i)), nil
			}
		}
		return Undef, Errorf(ValueError, "tuple.index(x): x not in tuple")
	})
	tm("count", func(t *Thread, args []Value, kw []KV) (Value, error) {
		n := 0
		for _, v := range args[0].o.(*Tuple).items {
			eq, err := t.keyEqual(v, args[1])
			if err != nil {
				return Undef, err
			}
			if eq {
				n++
			}
		}
		return Int(int64(n)), nil
	})
	tm("__len__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Int(int64(len(args[0].o.(*Tuple).items))), nil
	})
	tm("__getitem__", func(t *Thread, args []Value, kw []KV) (Value, error) { return t.GetItem(args[0], args[1]) })
}
