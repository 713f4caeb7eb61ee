package vm

// The set methods that take any iterables (union, update, intersection…),
// following CPython's setobject.c step for step: the order in which they
// insert and delete decides the resulting table, hence the iteration
// order, and a failure midway leaves what CPython leaves.

// update adds the elements of any iterable (set_update_internal): a set
// merges, an exact dict first grows the table for all its keys at once and
// adds them with their stored hashes, anything else adds item by item.
func (s *Set) update(t *Thread, it Value) error {
	if o, ok := asSet(it); ok {
		return s.merge(t, o)
	}
	if d, ok := it.o.(*Dict); ok && it.isObj() {
		if n := d.Len(); uint64(int(s.fill)+n)*5 >= uint64(s.mask)*3 {
			s.resize((s.used + n) * 2)
		}
		return dictEachHashed(d, func(k Value, h uint64) error { return s.addHashed(t, k, h) })
	}
	return t.Iterate(it, func(v Value) error { return s.Add(t, v) })
}

// dictEachHashed calls fn with each key of d and its hash, by position,
// re-reading d at each step (as _PyDict_Next: fn may change d).
func dictEachHashed(d *Dict, fn func(k Value, h uint64) error) error {
	for p := 0; p < d.npos(); p++ {
		e := d.at(p)
		if e.key.IsUndef() {
			continue
		}
		if err := fn(e.key, e.hash); err != nil {
			return err
		}
	}
	return nil
}

// newSetLike is an empty set of x's base type (make_new_set_basetype).
func newSetLike(x Value, s *Set) Value {
	if _, frozen := x.o.(*FrozenSet); frozen {
		return Obj(&FrozenSet{s: s})
	}
	return Obj(s)
}

// setUnion is set.union(*others): a copy of x updated with each other
// (x itself skipped).
func setUnion(t *Thread, x Value, xs *Set, others []Value) (Value, error) {
	out := xs.copySet()
	for _, o := range others {
		if o.isObj() && o.o == x.o {
			continue
		}
		if err := out.update(t, o); err != nil {
			return Undef, err
		}
	}
	return newSetLike(x, out), nil
}

// setIntersection is set_intersection: a new set of the members of x also
// in other, walking the smaller of two sets, else other's items in order.
func setIntersection(t *Thread, xs *Set, other Value) (*Set, error) {
	if o, ok := asSet(other); ok {
		out, err := setAlgebra(t, binAnd, xs, o, false)
		return out, err
	}
	out := NewSet()
	err := t.Iterate(other, func(v Value) error {
		h, err := t.Hash(v)
		if err != nil {
			return err
		}
		j, err := xs.find(t, v, h)
		if err != nil || j < 0 {
			return err
		}
		return out.addHashed(t, v, h)
	})
	return out, err
}

// setIntersectionMulti is set.intersection(*others) (a copy without any).
func setIntersectionMulti(t *Thread, xs *Set, others []Value) (*Set, error) {
	if len(others) == 0 {
		return xs.copySet(), nil
	}
	res := xs
	for _, o := range others {
		r, err := setIntersection(t, res, o)
		if err != nil {
			return nil, err
		}
		res = r
	}
	return res, nil
}

// differenceUpdate is set_difference_update_internal: discard each member
// of other, then rebuild a table more than a quarter dummies.
func (s *Set) differenceUpdate(t *Thread, other Value) error {
	if o, ok := asSet(other); ok {
		if o == s {
			s.Clear()
			return nil
		}
		for i, e := o.nextActive(0); e != nil; i, e = o.nextActive(i + 1) {
			j, err := s.find(t, e.key, e.hash)
			if err != nil {
				return err
			}
			if j >= 0 {
				s.deleteSlot(uint64(j))
			}
		}
	} else if err := t.Iterate(other, func(v Value) error {
		_, err := s.Remove(t, v)
		return err
	}); err != nil {
		return err
	}
	s.dropDummies()
	return nil
}

// setDifference is set_difference: x's members not in other, by copying
// x and discarding other's when x is much bigger or other is neither a set
// nor a dict, else by walking x.
func setDifference(t *Thread, xs *Set, other Value) (*Set, error) {
	n := -1
	o, isSet := asSet(other)
	d, isDict := other.o.(*Dict)
	isDict = isDict && other.isObj()
	switch {
	case isSet:
		n = o.Len()
	case isDict:
		n = d.Len()
	}
	if n < 0 || xs.Len()>>2 > n {
		out := xs.copySet()
		return out, out.differenceUpdate(t, other)
	}
	if isSet {
		return setAlgebra(t, binSub, xs, o, false)
	}
	out := NewSet()
	for i, e := xs.nextActive(0); e != nil; i, e = xs.nextActive(i + 1) {
		key, h := e.key, e.hash
		_, found, err := d.getHashed(t, key, h)
		if err != nil {
			return nil, err
		}
		if !found {
			if err := out.addHashed(t, key, h); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// setDifferenceMulti is set.difference(*others) (a copy without any).
func setDifferenceMulti(t *Thread, xs *Set, others []Value) (*Set, error) {
	if len(others) == 0 {
		return xs.copySet(), nil
	}
	out, err := setDifference(t, xs, others[0])
	if err != nil {
		return nil, err
	}
	for _, o := range others[1:] {
		if err := out.differenceUpdate(t, o); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// symDiffUpdate is set_symmetric_difference_update: each member of other
// (an exact dict's keys with their hashes, a set's, else those of a new
// set made from other) is discarded from s if there, else added.
func (s *Set) symDiffUpdate(t *Thread, other Value) error {
	toggle := func(key Value, h uint64) error {
		j, err := s.find(t, key, h)
		if err != nil {
			return err
		}
		if j >= 0 {
			s.deleteSlot(uint64(j))
			return nil
		}
		return s.addHashed(t, key, h)
	}
	if d, ok := other.o.(*Dict); ok && other.isObj() {
		return dictEachHashed(d, toggle)
	}
	o, ok := asSet(other)
	if ok && o == s {
		s.Clear()
		return nil
	}
	if !ok {
		o = NewSet()
		if err := o.update(t, other); err != nil {
			return err
		}
	}
	for i, e := o.nextActive(0); e != nil; i, e = o.nextActive(i + 1) {
		if err := toggle(e.key, e.hash); err != nil {
			return err
		}
	}
	return nil
}

// setSymDiff is set.symmetric_difference(other): a new set made from
// other, symmetric-difference-updated with x.
func setSymDiff(t *Thread, xs *Set, other Value) (*Set, error) {
	out := NewSet()
	if err := out.update(t, other); err != nil {
		return nil, err
	}
	return out, out.symDiffUpdate(t, Obj(xs))
}

// swapBodies makes s hold out's table, as CPython's set_swap_bodies does
// for the in-place methods (pop's finger is not part of a body).
func (s *Set) swapBodies(out *Set) {
	if out != s {
		finger := s.finger
		*s = *out
		s.finger = finger
	}
}

// setIsDisjoint is set.isdisjoint(other): the smaller of two exact sets
// walked against the other, else other's items checked one by one,
// stopping at the first common one (an iterator is consumed no further).
func setIsDisjoint(t *Thread, x Value, xs *Set, other Value) (bool, error) {
	if other.isObj() && other.o == x.o {
		return xs.Len() == 0, nil
	}
	if os, ok := asSet(other); ok {
		big, small := xs, os
		if os.Len() > xs.Len() {
			big, small = os, xs
		}
		for i, e := small.nextActive(0); e != nil; i, e = small.nextActive(i + 1) {
			j, err := big.find(t, e.key, e.hash)
			if err != nil || j >= 0 {
				return false, err
			}
		}
		return true, nil
	}
	disjoint := true
	err := t.Iterate(other, func(v Value) error {
		has, err := xs.Has(t, v)
		if err == nil && has {
			disjoint = false
			return errStopIterate
		}
		return err
	})
	if err == errStopIterate {
		err = nil
	}
	return disjoint, err
}
