package vm

func dictSelf(args []Value) *Dict {
	if inst, ok := args[0].o.(*Instance); ok {
		return inst.Payload().o.(*Dict)
	}
	return args[0].o.(*Dict)
}

func init() {
	// Argument counts are checked by AddMethod (coreMinArgs), but for
	// dict.pop, which needs a key where list.pop and set.pop take none.
	m := func(name string, fn BuiltinFunc) {
		if name == "pop" {
			inner := fn
			fn = func(t *Thread, args []Value, kw []KV) (Value, error) {
				if len(args) < 2 {
					return Undef, Errorf(TypeError, "pop expected at least 1 argument, got 0")
				}
				return inner(t, args, kw)
			}
		}
		DictType.AddMethod(name, fn)
	}
	m("get", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("get", args[1:], 1, 2); err != nil {
			return Undef, err
		}
		v, ok, err := dictSelf(args).Get(t, args[1])
		if err != nil {
			return Undef, err
		}
		if ok {
			return v, nil
		}
		if len(args) == 3 {
			return args[2], nil
		}
		return None, nil
	})
	m("setdefault", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("setdefault", args[1:], 1, 2); err != nil {
			return Undef, err
		}
		d := dictSelf(args)
		v, ok, err := d.Get(t, args[1])
		if err != nil || ok {
			return v, err
		}
		def := None
		if len(args) == 3 {
			def = args[2]
		}
		return def, d.Set(t, args[1], def)
	})
	m("pop", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("pop", args[1:], 1, 2); err != nil {
			return Undef, err
		}
		v, ok, err := dictSelf(args).Delete(t, args[1])
		if err != nil {
			return Undef, err
		}
		if ok {
			return v, nil
		}
		if len(args) == 3 {
			return args[2], nil
		}
		return Undef, keyError(args[1])
	})
	m("popitem", func(t *Thread, args []Value, kw []KV) (Value, error) {
		k, v, ok := dictSelf(args).PopLast(t)
		if !ok {
			return Undef, keyError(Str("popitem(): dictionary is empty"))
		}
		return Obj(newTupleOf([]Value{k, v})), nil
	})
	m("__init__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		// dict.__init__ adds to what is there, as update does.
		if err := RangeArgs("dict", args[1:], 0, 1); err != nil {
			return Undef, err
		}
		d := dictSelf(args)
		if len(args) == 2 {
			if err := t.DictUpdate(d, args[1]); err != nil {
				return Undef, err
			}
		}
		for _, a := range kw {
			d.SetStr(a.Name, a.Val)
		}
		return None, nil
	})
	m("update", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("update", args[1:], 0, 1); err != nil {
			return Undef, err
		}
		d := dictSelf(args)
		if len(args) == 2 {
			if err := t.DictUpdate(d, args[1]); err != nil {
				return Undef, err
			}
		}
		for _, a := range kw {
			d.SetStr(a.Name, a.Val)
		}
		return None, nil
	})
	m("keys", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Obj(&DictView{d: dictSelf(args), kind: 0}), nil
	})
	m("values", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Obj(&DictView{d: dictSelf(args), kind: 1}), nil
	})
	m("items", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Obj(&DictView{d: dictSelf(args), kind: 2}), nil
	})
	m("copy", func(t *Thread, args []Value, kw []KV) (Value, error) { return Obj(dictSelf(args).Copy()), nil })
	m("clear", func(t *Thread, args []Value, kw []KV) (Value, error) {
		dictSelf(args).Clear()
		return None, nil
	})
	m("__len__", func(t *Thread, args []Value, kw []KV) (Value, error) { return Int(int64(dictSelf(args).Len())), nil })
	m("__getitem__", func(t *Thread, args []Value, kw []KV) (Value, error) { return t.GetItem(Obj(dictSelf(args)), args[1]) })
	m("__setitem__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return None, dictSelf(args).Set(t, args[1], args[2])
	})
	m("__delitem__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return None, t.DelItem(Obj(dictSelf(args)), args[1])
	})
	m("__contains__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		_, ok, err := dictSelf(args).Get(t, args[1])
		return Bool(ok), err
	})
	m("__iter__", func(t *Thread, args []Value, kw []KV) (Value, error) { return t.Iter(Obj(dictSelf(args))) })
	DictType.Dict["fromkeys"] = Obj(&ClassMethod{fn: NewBuiltin("fromkeys", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("fromkeys", args[1:], 1, 2); err != nil {
			return Undef, err
		}
		val := None
		if len(args) == 3 {
			val = args[2]
		}
		if c, ok := args[0].o.(*Class); !ok || c != DictType {
			// A subclass: its own constructor and item assignment.
			obj, err := t.Call(args[0], nil, nil)
			if err != nil {
				return Undef, err
			}
			err = t.Iterate(args[1], func(k Value) error { return t.SetItem(obj, k, val) })
			return obj, err
		}
		if src, ok := args[1].o.(*Dict); ok {
			// The keys' stored hashes serve again, as in CPython.
			d := NewDictSized(src.Len())
			for p := 0; p < src.npos(); p++ {
				if e := *src.at(p); !e.key.IsUndef() {
					if err := d.setHashed(t, e.key, val, e.hash); err != nil {
						return Undef, err
					}
				}
			}
			return Obj(d), nil
		}
		d := NewDict()
		err := t.Iterate(args[1], func(k Value) error { return d.Set(t, k, val) })
		return Obj(d), err
	})})

	s := SetType.AddMethod
	setSelf := func(args []Value) *Set {
		switch o := args[0].o.(type) {
		case *Set:
			return o
		case *FrozenSet:
			return o.s
		}
		return nil
	}
	s("__init__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := NoKwargs("set", kw); err != nil {
			return Undef, err
		}
		if err := RangeArgs("set", args[1:], 0, 1); err != nil {
			return Undef, err
		}
		// set_init: cleared first (so s.__init__(s) empties s), then
		// updated as set_update_internal does.
		st := setSelf(args)
		if st.fill != 0 {
			st.Clear()
		}
		if len(args) == 2 {
			return None, st.update(t, args[1])
		}
		return None, nil
	})
	s("add", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "set.add() takes exactly one argument (%d given)", len(args)-1)
		}
		return None, setSelf(args).Add(t, args[1])
	})
	s("remove", func(t *Thread, args []Value, kw []KV) (Value, error) {
		ok, err := setSelf(args).Remove(t, args[1])
		if err == nil && !ok {
			err = keyError(args[1])
		}
		return None, err
	})
	s("discard", func(t *Thread, args []Value, kw []KV) (Value, error) {
		_, err := setSelf(args).Remove(t, args[1])
		return None, err
	})
	s("pop", func(t *Thread, args []Value, kw []KV) (Value, error) {
		v, ok := setSelf(args).Pop()
		if !ok {
			return Undef, keyError(Str("pop from an empty set"))
		}
		return v, nil
	})
	s("clear", func(t *Thread, args []Value, kw []KV) (Value, error) {
		setSelf(args).Clear()
		return None, nil
	})
	setBoth := func(name string, fn func(t *Thread, args []Value, kw []KV) (Value, error)) {
		SetType.AddMethod(name, fn)
		FrozenSetType.AddMethod(name, fn)
	}
	setBoth("copy", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if f, ok := args[0].o.(*FrozenSet); ok {
			return Obj(f), nil
		}
		return Obj(setSelf(args).copySet()), nil
	})
	// The methods taking iterables: setobject.c's algorithms (set_methods.go).
	setBoth("union", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return setUnion(t, args[0], setSelf(args), args[1:])
	})
	newer := func(name string, fn func(t *Thread, xs *Set, others []Value) (*Set, error)) {
		setBoth(name, func(t *Thread, args []Value, kw []KV) (Value, error) {
			out, err := fn(t, setSelf(args), args[1:])
			if err != nil {
				return Undef, err
			}
			return newSetLike(args[0], out), nil
		})
	}
	newer("intersection", setIntersectionMulti)
	newer("difference", setDifferenceMulti)
	newer("symmetric_difference", func(t *Thread, xs *Set, others []Value) (*Set, error) {
		return setSymDiff(t, xs, others[0])
	})
	s("update", func(t *Thread, args []Value, kw []KV) (Value, error) {
		st := setSelf(args)
		for _, o := range args[1:] {
			if err := st.update(t, o); err != nil {
				return Undef, err
			}
		}
		return None, nil
	})
	s("intersection_update", func(t *Thread, args []Value, kw []KV) (Value, error) {
		st := setSelf(args)
		out, err := setIntersectionMulti(t, st, args[1:])
		if err != nil {
			return Undef, err
		}
		st.swapBodies(out)
		return None, nil
	})
	s("difference_update", func(t *Thread, args []Value, kw []KV) (Value, error) {
		st := setSelf(args)
		for _, o := range args[1:] {
			if err := st.differenceUpdate(t, o); err != nil {
				return Undef, err
			}
		}
		return None, nil
	})
	s("symmetric_difference_update", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return None, setSelf(args).symDiffUpdate(t, args[1])
	})
	rel := func(name string, fn func(t *Thread, a, b *Set) (bool, error)) {
		setBoth(name, func(t *Thread, args []Value, kw []KV) (Value, error) {
			// A set or frozenset argument is used as it is; anything else
			// becomes a set first (as setobject.c does).
			o, ok := asSet(args[1])
			if !ok {
				o = NewSet()
				if err := o.update(t, args[1]); err != nil {
					return Undef, err
				}
			}
			r, err := fn(t, setSelf(args), o)
			return Bool(r), err
		})
	}
	rel("issubset", func(t *Thread, a, b *Set) (bool, error) { return t.isSubset(a, b) })
	rel("issuperset", func(t *Thread, a, b *Set) (bool, error) { return t.isSubset(b, a) })
	setBoth("isdisjoint", func(t *Thread, args []Value, kw []KV) (Value, error) {
		r, err := setIsDisjoint(t, args[0], setSelf(args), args[1])
		return Bool(r), err
	})
	setBoth("__len__", func(t *Thread, args []Value, kw []KV) (Value, error) { return Int(int64(setSelf(args).Len())), nil })
	setBoth("__contains__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		r, err := setSelf(args).Has(t, args[1])
		return Bool(r), err
	})

	for _, c := range []*Class{DictKeysType, DictItemsType, DictValuesType} {
		c.AddMethod("__len__", func(t *Thread, args []Value, kw []KV) (Value, error) {
			return Int(int64(args[0].o.(*DictView).d.Len())), nil
		})
	}
	DictKeysType.AddMethod("isdisjoint", func(t *Thread, args []Value, kw []KV) (Value, error) {
		d := args[0].o.(*DictView).d
		disjoint := true
		err := t.Iterate(args[1], func(v Value) error {
			_, ok, err := d.Get(t, v)
			if ok {
				disjoint = false
			}
			return err
		})
		return Bool(disjoint), err
	})
}

// dictItemsContain is (k, v) in d.items(): one lookup of k, then the value
// found == v (anything but a pair is not an item).
func (t *Thread) dictItemsContain(d *Dict, item Value) (bool, error) {
	pair, ok := item.o.(*Tuple)
	if !ok || len(pair.items) != 2 {
		return false, nil
	}
	v, ok, err := d.Get(t, pair.items[0])
	if err != nil || !ok {
		return false, err
	}
	return t.keyEqual(v, pair.items[1])
}
