package vm

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
	size := seqByteSize(seq)
	if size == 0 {
		return 0, true, nil // an empty sequence stays empty, whatever n is
	}
	if err := t.CheckAlloc(n, size); err != nil {
		return 0, true, err
	}
	return int(n), true, nil
}

// seqByteSize is the size in Go bytes of one copy of a repeated sequence.
func seqByteSize(seq Value) int64 {
	switch x := seq.o.(type) {
	case *StrObj:
		return int64(len(x.s))
	case *List:
		return int64(len(x.items)) * SizeValue
	case *Tuple:
		return int64(len(x.items)) * SizeValue
	case *Bytes:
		return int64(len(x.b))
	case *ByteArray:
		return int64(len(x.b))
	}
	return 1
}

// strAdd is str + str.
func (t *Thread) strAdd(x, y *StrObj) (Value, error) {
	if n := len(x.s) + len(y.s); n >= allocChargeMin {
		if err := t.CheckAlloc(int64(n), 1); err != nil {
			return Undef, err
		}
	}
	return Obj(concatStr(x, y)), nil
}

// seqOp implements the operators of str, bytes, list, tuple, dict and sets.
func seqOp(t *Thread, op int, a, b Value, inplace bool) (Value, bool, error) {
	switch x := a.o.(type) {
	case *StrObj:
		switch op {
		case binAdd:
			if y, ok := b.o.(*StrObj); ok {
				r, err := t.strAdd(x, y)
				return r, true, err
			}
			return Undef, true, Errorf(TypeError, "can only concatenate str (not \"%s\") to str", b.TypeName())
		case binMul:
			n, ok, err := repeatCount(t, b, a)
			if !ok || err != nil {
				if !ok && !b.isObj() || !ok {
					return Undef, true, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", b.TypeName())
				}
				return Undef, true, err
			}
			return strRepeat(a, x, n), true, nil
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
				if err := CheckAlloc(int64(len(x.items))+int64(len(items)), SizeValue); err != nil {
					return Undef, true, err
				}
				x.items = append(x.items, items...)
				return a, true, nil
			}
			if y, ok := b.o.(*List); ok {
				if err := CheckAlloc(int64(len(x.items)+len(y.items)), SizeValue); err != nil {
					return Undef, true, err
				}
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
			items := repeatValues(x.items, n)
			if inplace {
				x.items = items
				return a, true, nil
			}
			return Obj(NewList(items)), true, nil
		}
	case *Tuple:
		switch op {
		case binAdd:
			if y, ok := b.o.(*Tuple); ok {
				if err := CheckAlloc(int64(len(x.items)+len(y.items)), SizeValue); err != nil {
					return Undef, true, err
				}
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
			items := repeatValues(x.items, n)
			return Obj(NewTuple(items)), true, nil
		}
	case *Bytes, *ByteArray:
		return bytesSeqOp(t, op, a, b, inplace)
	case *Dict:
		if op == binOr {
			if y, ok := b.o.(*Dict); ok {
				d := x
				if !inplace {
					d = x.Copy()
				}
				return Obj(d), true, d.Merge(t, y)
			}
			if inplace {
				return a, true, t.DictUpdate(x, b)
			}
		}
	case *Set, *FrozenSet:
		if _, view := b.o.(*DictView); !view || inplace {
			return setOp(t, op, a, b, inplace)
		} // else set | keys view: the view's reflected operator below

	case *DictView:
		if x.kind != 1 && (op == binOr || op == binAnd || op == binSub || op == binXor) {
			s := NewSet()
			if err := t.Iterate(a, func(v Value) error { return s.Add(t, v) }); err != nil {
				return Undef, true, err
			}
			if _, ok := asSet(b); !ok {
				other := NewSet()
				if err := t.Iterate(b, func(v Value) error { return other.Add(t, v) }); err != nil {
					return Undef, true, err // set(view) | other: other must be iterable
				}
				b = Obj(other)
			}
			return setOp(t, op, Obj(s), b, false)
		}
	}
	// iterable | keys view (and &, -, ^): the view's operators take either
	// side, turning the other into a set first.
	if bv, ok := b.o.(*DictView); ok && bv.kind != 1 && (op == binOr || op == binAnd || op == binSub || op == binXor) {
		left := NewSet()
		if err := t.Iterate(a, func(v Value) error { return left.Add(t, v) }); err != nil {
			return Undef, true, err
		}
		right := NewSet()
		if err := t.Iterate(b, func(v Value) error { return right.Add(t, v) }); err != nil {
			return Undef, true, err
		}
		return setOp(t, op, Obj(left), Obj(right), false)
	}
	// int * sequence
	if op == binMul && a.isIntLike() && b.isObj() {
		switch b.o.(type) {
		case *StrObj, *List, *Tuple, *Bytes, *ByteArray:
			return seqOp(t, op, b, a, false)
		}
	}
	return Undef, false, nil
}

// repeatValues is n copies of src in one slice (seq * n), copied in
// doubling blocks, so
// [False] * 10**6 costs no per-copy call.
func repeatValues(src []Value, n int) []Value {
	out := make([]Value, len(src)*n)
	if len(out) == 0 {
		return out
	}
	// Doubling block copies (memmove) beat a store per item, which pays a
	// write barrier for the Value's pointer half while the GC runs.
	for k := copy(out, src); k < len(out); {
		k += copy(out[k:], out[:k])
	}
	return out
}
