package vm

// Unpacking and the built-in parts of subclasses of built-in types: the
// paths CPython runs in C (UNPACK_SEQUENCE on a list or tuple, iterating
// or testing `in` on a tuple subclass) read the items in place here, with
// no iterator, copy or exception object.

// nativeSlot reports whether the special method name of instance v is a
// built-in type's own (or absent), so the instance's built-in payload can
// serve the protocol directly, as CPython's inherited C slots do.
func (t *Thread) nativeSlot(v Value, name string) bool {
	m, ok := t.lookupSpecial(v, name)
	if !ok {
		return true
	}
	b, isBuiltin := m.o.(*Builtin)
	return isBuiltin && m.isObj() && b.owner != nil
}

// nativeItems returns the items of an instance of a list or tuple subclass
// that iterates as its built-in part (not a copy: read them, do not keep).
func (t *Thread) nativeItems(v Value) ([]Value, bool) {
	inst, ok := v.o.(*Instance)
	if !ok || !v.isObj() || !inst.Payload().isObj() {
		return nil, false
	}
	var items []Value
	switch p := inst.Payload().o.(type) {
	case *Tuple:
		items = p.items
	case *List:
		items = p.items
	default:
		return nil, false
	}
	if !t.nativeSlot(v, "__iter__") {
		return nil, false
	}
	return items, true
}

// seqItems returns the items of a list, tuple, or subclass instance of
// either that iterates as its built-in part, in place.
func (t *Thread) seqItems(v Value) ([]Value, bool) {
	if !v.isObj() {
		return nil, false
	}
	switch o := v.o.(type) {
	case *Tuple:
		return o.items, true
	case *List:
		return o.items, true
	case *Instance:
		return t.nativeItems(v)
	}
	return nil, false
}

// unpackN implements UNPACK_SEQUENCE (before < 0: exactly n items) and
// UNPACK_EX (before items, a list of the rest, after items). The result is
// read at once by the caller (a list's or tuple's own items when no star
// list is needed).
func (t *Thread) unpackN(seq Value, n, before, after int) ([]Value, error) {
	items, inPlace := t.seqItems(seq)
	if !inPlace && seq.isObj() {
		// A set's members come straight from its table: no iterator.
		switch o := seq.o.(type) {
		case *Set:
			items, inPlace = o.Items(), true
		case *FrozenSet:
			items, inPlace = o.s.Items(), true
		}
	}
	if !inPlace {
		it, err := t.Iter(seq)
		if err != nil {
			if err.Error() == "TypeError: '"+seq.TypeName()+"' object is not iterable" {
				return nil, Errorf(TypeError, "cannot unpack non-iterable %s object", seq.TypeName())
			}
			return nil, err
		}
		// Without a star, CPython stops after one item too many (an
		// endless iterator still fails at once).
		limit := -1
		if before < 0 {
			limit = n + 1
		}
		for limit < 0 || len(items) < limit {
			x, ok, err := t.Next(it)
			if err != nil {
				return nil, err
			}
			if !ok {
				break
			}
			items = append(items, x)
		}
	}
	if before < 0 {
		if len(items) > n {
			return nil, Errorf(ValueError, "too many values to unpack (expected %d)", n)
		}
		if len(items) < n {
			return nil, Errorf(ValueError, "not enough values to unpack (expected %d, got %d)", n, len(items))
		}
		return items, nil
	}
	if len(items) < before+after {
		return nil, Errorf(ValueError, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
	}
	out := make([]Value, 0, before+after+1)
	out = append(out, items[:before]...)
	out = append(out, Obj(NewList(append([]Value(nil), items[before:len(items)-after]...))))
	out = append(out, items[len(items)-after:]...)
	return out, nil
}

// The protocol methods CPython's built-in sequence types expose as slot
// wrappers, so that a subclass can call super().__iter__() and the like.
func init() {
	iter := func(t *Thread, args []Value, kw []KV) (Value, error) { return t.Iter(args[0]) }
	contains := func(t *Thread, args []Value, kw []KV) (Value, error) {
		r, err := t.Contains(args[0], args[1])
		return Bool(r), err
	}
	length := func(t *Thread, args []Value, kw []KV) (Value, error) {
		n, err := t.Len(args[0])
		return Int(int64(n)), err
	}
	add := func(c *Class, name string, fn BuiltinFunc) {
		if _, ok := c.Dict[name]; !ok {
			c.AddMethod(name, fn)
		}
	}
	for _, c := range []*Class{TupleType, StrType, SetType, FrozenSetType, RangeType} {
		add(c, "__iter__", iter)
	}
	add(TupleType, "__contains__", contains)
	add(RangeType, "__contains__", contains)
	add(RangeType, "__len__", length)
}

// TupleItems returns the items of a tuple, or of the tuple part of an
// instance of a tuple subclass (in place: read them, do not keep or modify).
func TupleItems(v Value) ([]Value, bool) {
	if !v.isObj() {
		return nil, false
	}
	switch o := v.o.(type) {
	case *Tuple:
		return o.items, true
	case *Instance:
		if tp, ok := o.Payload().o.(*Tuple); ok {
			return tp.items, true
		}
	}
	return nil, false
}

// seqPayload reports whether inst is an instance of a subclass of tuple,
// list or str (whose built-in part answers item access directly).
func seqPayload(inst *Instance) bool {
	if !inst.Payload().isObj() {
		return false
	}
	switch inst.Payload().o.(type) {
	case *Tuple, *List, *StrObj:
		return true
	}
	return false
}

// listTupleItems returns the items of a list or tuple (in place: read them,
// do not keep them). Small enough to inline into the dispatch loop's fast
// path, which must not call out.
func listTupleItems(o Object) ([]Value, bool) {
	switch o := o.(type) {
	case *List:
		return o.items, true
	case *Tuple:
		return o.items, true
	}
	return nil, false
}
