package vm

// CountElements is collections' _count_elements(mapping, iterable), the
// loop of Counter.update over an iterable: mapping[elem] = mapping.get(elem, 0) + 1
// for each element. As in CPython, a dict (or a dict subclass whose get and
// __setitem__ are dict's own, such as Counter) is updated in place with one
// hash and one probe per element; any other mapping goes through its get
// and item assignment, so overrides are honoured.
func (t *Thread) CountElements(mapping, iterable Value) error {
	if d := plainCountingDict(mapping); d != nil {
		return t.Iterate(iterable, func(k Value) error { return t.countInto(d, k) })
	}
	get, err := t.GetAttr(mapping, "get")
	if err != nil {
		return err
	}
	return t.Iterate(iterable, func(k Value) error {
		old, err := t.Call(get, []Value{k, Int(0)}, nil)
		if err != nil {
			return err
		}
		n, err := t.binaryOp(binAdd, old, Int(1))
		if err != nil {
			return err
		}
		return t.SetItem(mapping, k, n)
	})
}

// plainCountingDict returns the dict CountElements may update directly:
// mapping itself, or the dict part of a subclass instance that inherits
// dict's get and __setitem__. A module's globals dict writes through to the
// module's slots, so it takes the general path.
func plainCountingDict(mapping Value) *Dict {
	var d *Dict
	switch o := mapping.o.(type) {
	case *Dict:
		d = o
	case *Instance:
		pd, ok := o.Payload().o.(*Dict)
		if !ok || !inheritsDictMethod(o.cls, "get") || !inheritsDictMethod(o.cls, "__setitem__") {
			return nil
		}
		d = pd
	default:
		return nil
	}
	if d.module != nil {
		return nil
	}
	return d
}

// inheritsDictMethod reports whether cls's name is dict's own method.
func inheritsDictMethod(cls *Class, name string) bool {
	m, ok := cls.Lookup(name)
	if !ok {
		return false
	}
	dm, _ := DictType.Lookup(name)
	return m == dm
}

// countInto adds one to d[k] (0 when absent).
func (t *Thread) countInto(d *Dict, k Value) error {
	h, err := t.Hash(k)
	if err != nil {
		return err
	}
	p, _, err := d.find(t, k, h)
	if err != nil {
		return err
	}
	if p < 0 {
		return d.setHashed(t, k, Int(1), h)
	}
	old := d.at(p).val
	if old.isInt() {
		if n := int64(old.n); n < 1<<62 {
			// Nothing ran since find: position p still holds k.
			d.at(p).val = Int(n + 1)
			return nil
		}
	}
	n, err := t.binaryOp(binAdd, old, Int(1))
	if err != nil {
		return err
	}
	// __add__ may have run script code that changed d: store by key.
	return d.setHashed(t, k, n, h)
}
