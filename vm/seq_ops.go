package vm

import "strings"

func init() {
	seqBinaryOp = seqOp
}

// repeatCount converts the int operand of sequence repetition.
func repeatCount(t *Thread, v Value, seq Value) (int, bool, error) {
	if !v.isIntLike() {
		return 0, false, nil
	}
	n, ok, err := t.IndexOf(v)
	if err != nil {
		return 0, true, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
	}
	if !ok {
		return 0, false, nil
	}
	if n < 0 {
		n = 0
	}
	if n > 1<<31 {
		return 0, true, Errorf(MemoryError, "")
	}
	return int(n), true, nil
}

// seqOp implements the operators of str, bytes, list, tuple, dict and sets.
func seqOp(t *Thread, op int, a, b Value, inplace bool) (Value, bool, error) {
	switch x := a.o.(type) {
	case *StrObj:
		switch op {
		case binAdd:
			if y, ok := b.o.(*StrObj); ok && b.k == KObj {
				return Str(x.s + y.s), true, nil
			}
			return Undef, true, Errorf(TypeError, "can only concatenate str (not \"%s\") to str", b.TypeName())
		case binMul:
			n, ok, err := repeatCount(t, b, a)
			if !ok || err != nil {
				if !ok && b.k != KObj || !ok {
					return Undef, true, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", b.TypeName())
				}
				return Undef, true, err
			}
			return Str(strings.Repeat(x.s, n)), true, nil
		case binMod:
			r, err := strPercent(t, x, b)
			return r, true, err
		}
	case *List:
		switch op {
		case binAdd:
			if inplace {
				items, err := t.ToList(b)
				if err != nil {
					if IsInstanceOf(err, TypeError) {
						return Undef, true, Errorf(TypeError, "'%s' object is not iterable", b.TypeName())
					}
					return Undef, true, err
				}
				x.items = append(x.items, items...)
				return a, true, nil
			}
			if y, ok := b.o.(*List); ok && b.k == KObj {
				items := make([]Value, 0, len(x.items)+len(y.items))
				return Obj(NewList(append(append(items, x.items...), y.items...))), true, nil
			}
			return Undef, true, Errorf(TypeError, "can only concatenate list (not \"%s\") to list", b.TypeName())
		case binMul:
			n, ok, err := repeatCount(t, b, a)
			if !ok {
				return Undef, true, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", b.TypeName())
			}
			if err != nil {
				return Undef, true, err
			}
			items := make([]Value, 0, len(x.items)*n)
			for i := 0; i < n; i++ {
				items = append(items, x.items...)
			}
			if inplace {
				x.items = items
				return a, true, nil
			}
			return Obj(NewList(items)), true, nil
		}
	case *Tuple:
		switch op {
		case binAdd:
			if y, ok := b.o.(*Tuple); ok && b.k == KObj {
				items := make([]Value, 0, len(x.items)+len(y.items))
				return Obj(NewTuple(append(append(items, x.items...), y.items...))), true, nil
			}
			return Undef, true, Errorf(TypeError, "can only concatenate tuple (not \"%s\") to tuple", b.TypeName())
		case binMul:
			n, ok, err := repeatCount(t, b, a)
			if !ok {
				return Undef, true, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", b.TypeName())
			}
			if err != nil {
				return Undef, true, err
			}
			items := make([]Value, 0, len(x.items)*n)
			for i := 0; i < n; i++ {
				items = append(items, x.items...)
			}
			return Obj(NewTuple(items)), true, nil
		}
	case *Bytes:
		switch op {
		case binAdd:
			if y, ok := b.o.(*Bytes); ok && b.k == KObj {
				return Obj(NewBytes(append(append([]byte(nil), x.b...), y.b...))), true, nil
			}
			return Undef, true, Errorf(TypeError, "can't concat %s to bytes", b.TypeName())
		case binMul:
			n, ok, err := repeatCount(t, b, a)
			if !ok {
				return Undef, true, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", b.TypeName())
			}
			if err != nil {
				return Undef, true, err
			}
			return Obj(NewBytes([]byte(strings.Repeat(string(x.b), n)))), true, nil
		case binMod:
			r, err := bytesPercent(t, x, b)
			return r, true, err
		}
	case *Dict:
		if op == binOr {
			if y, ok := b.o.(*Dict); ok && b.k == KObj {
				d := x
				if !inplace {
					d = x.Copy()
				}
				var err error
				y.Items(func(k, v Value) bool { err = d.Set(t, k, v); return err == nil })
				return Obj(d), true, err
			}
			if inplace {
				return a, true, t.DictUpdate(x, b)
			}
		}
	case *Set, *FrozenSet:
		return setOp(t, op, a, b, inplace)
	case *DictView:
		if x.kind != 1 {
			s := NewSet()
			if err := t.Iterate(a, func(v Value) error { return s.Add(t, v) }); err != nil {
				return Undef, true, err
			}
			if _, ok := asSet(b); !ok {
				other := NewSet()
				if err := t.Iterate(b, func(v Value) error { return other.Add(t, v) }); err != nil {
					return Undef, false, nil
				}
				b = Obj(other)
			}
			return setOp(t, op, Obj(s), b, false)
		}
	}
	// int * sequence
	if op == binMul && a.isIntLike() && b.k == KObj {
		switch b.o.(type) {
		case *StrObj, *List, *Tuple, *Bytes:
			return seqOp(t, op, b, a, false)
		}
	}
	return Undef, false, nil
}

// setOp implements | & - ^ for sets; the result has the left operand's type.
func setOp(t *Thread, op int, a, b Value, inplace bool) (Value, bool, error) {
	x, _ := asSet(a)
	y, ok := asSet(b)
	if !ok {
		return Undef, false, nil
	}
	var out *Set
	switch op {
	case binOr:
		out = x.copySet()
		if inplace {
			out = x
		}
		for _, k := range y.Items() {
			if err := out.Add(t, k); err != nil {
				return Undef, true, err
			}
		}
	case binAnd:
		out = NewSet()
		for _, k := range x.Items() {
			has, err := y.Has(t, k)
			if err != nil {
				return Undef, true, err
			}
			if has {
				out.Add(t, k)
			}
		}
	case binSub:
		out = NewSet()
		for _, k := range x.Items() {
			has, err := y.Has(t, k)
			if err != nil {
				return Undef, true, err
			}
			if !has {
				out.Add(t, k)
			}
		}
	case binXor:
		out = NewSet()
		for _, k := range x.Items() {
			if has, _ := y.Has(t, k); !has {
				out.Add(t, k)
			}
		}
		for _, k := range y.Items() {
			if has, _ := x.Has(t, k); !has {
				out.Add(t, k)
			}
		}
	default:
		return Undef, false, nil
	}
	if inplace {
		if _, isSet := a.o.(*Set); isSet && out != x {
			x.d = out.d
			return a, true, nil
		}
	}
	if _, frozen := a.o.(*FrozenSet); frozen {
		return Obj(&FrozenSet{s: out}), true, nil
	}
	return Obj(out), true, nil
}

// copySet makes a shallow copy.
func (s *Set) copySet() *Set { return &Set{d: s.d.Copy()} }
