package vm

// setOp implements | & - ^ for sets; the result has the left operand's type.
func setOp(t *Thread, op int, a, b Value, inplace bool) (Value, bool, error) {
	x, _ := asSet(a)
	y, ok := asSet(b)
	if !ok {
		return Undef, false, nil
	}
	if _, frozen := a.o.(*FrozenSet); frozen {
		inplace = false // a frozenset is never changed: u |= t rebinds u to a new one
	}
	out, err := setAlgebra(t, op, x, y, inplace)
	if err != nil || out == nil {
		return Undef, out != nil || err != nil, err
	}
	if inplace {
		if _, isSet := a.o.(*Set); isSet {
			if out != x {
				// CPython swaps the bodies; pop's finger is not part of them.
				finger := x.finger
				*x = *out
				x.finger = finger
			}
			return a, true, nil
		}
	}
	if _, frozen := a.o.(*FrozenSet); frozen {
		return Obj(&FrozenSet{s: out}), true, nil
	}
	return Obj(out), true, nil
}

// setAlgebra computes | & - ^ with CPython's algorithms (which decide the
// iteration order of the result). Loops over an operand's slots re-read
// its table at each step: a key's __eq__ may change it.
func setAlgebra(t *Thread, op int, x, y *Set, inplace bool) (*Set, error) {
	switch op {
	case binOr:
		if x == y {
			if inplace {
				return x, nil
			}
			return x.copySet(), nil // CPython's set_or: s | s is a copy, not a merge into it
		}
		out := x
		if !inplace {
			out = x.copyOwn(y.used)
		}
		return out, out.merge(t, y)
	case binAnd:
		if x == y {
			return x.copySet(), nil // as CPython's set_intersection
		}
		out := NewSet()
		big, small := x, y
		if y.Len() > x.Len() {
			big, small = y, x
		}
		for i, e := small.nextActive(0); e != nil; i, e = small.nextActive(i + 1) {
			key, h := e.key, e.hash
			j, err := big.find(t, key, h)
			if err != nil {
				return nil, err
			}
			if j >= 0 {
				if err := out.addHashed(t, key, h); err != nil {
					return nil, err
				}
			}
		}
		return out, nil
	case binSub:
		if inplace && x == y {
			x.Clear() // CPython clears: s -= s leaves a fresh table, not dummies
			return x, nil
		}
		if inplace || x.Len()>>2 > y.Len() {
			out := x
			if !inplace {
				out = x.copySet()
			}
			for i, e := y.nextActive(0); e != nil; i, e = y.nextActive(i + 1) {
				if j, _ := out.find(t, e.key, e.hash); j >= 0 {
					out.deleteSlot(uint64(j))
				}
			}
			out.dropDummies()
			return out, nil
		}
		out := NewSet()
		for i, e := x.nextActive(0); e != nil; i, e = x.nextActive(i + 1) {
			key, h := e.key, e.hash
			j, err := y.find(t, key, h)
			if err != nil {
				return nil, err
			}
			if j < 0 {
				if err := out.addHashed(t, key, h); err != nil {
					return nil, err
				}
			}
		}
		return out, nil
	case binXor:
		if inplace && x == y {
			x.Clear()
			return x, nil
		}
		target, src := x, y
		if !inplace {
			target, src = y.copySet(), x
		}
		for i, e := src.nextActive(0); e != nil; i, e = src.nextActive(i + 1) {
			key, h := e.key, e.hash
			j, err := target.find(t, key, h)
			if err != nil {
				return nil, err
			}
			if j >= 0 {
				target.deleteSlot(uint64(j))
			} else if err := target.addHashed(t, key, h); err != nil {
				return nil, err
			}
		}
		return target, nil
	}
	return nil, nil
}
