package vm

import "bytes"

// bytearray's mutating methods and the protocols (indexing, iteration,
// comparison, operators) that make a bytearray behave like bytes.

// Len makes a bytearray's truth value its emptiness (Lener).
func (b *ByteArray) Len() int { return len(b.b) }

// GetItem is ba[i] (an int) and ba[a:b:c] (a new bytearray).
func (b *ByteArray) GetItem(t *Thread, key Value) (Value, error) {
	if s, ok := key.o.(*SliceObj); ok {
		lo, hi, step, err := t.sliceIndices(s, int64(len(b.b)))
		if err != nil {
			return Undef, err
		}
		out := make([]byte, sliceLen(lo, hi, step))
		for i := range out {
			out[i] = b.b[lo+int64(i)*step]
		}
		return Obj(&ByteArray{b: out}), nil
	}
	i, err := t.seqIndex(key, len(b.b), "bytearray")
	if err != nil {
		return Undef, err
	}
	return Int(int64(b.b[i])), nil
}

// byteArrayIter iterates a bytearray live: like CPython's, it sees bytes
// appended during the loop.
type byteArrayIter struct {
	ba *ByteArray
	i  int
}

func (*byteArrayIter) Class() *Class { return SeqIterType }

func (it *byteArrayIter) Next(t *Thread) (Value, bool, error) {
	if it.ba == nil || it.i >= len(it.ba.b) {
		it.ba = nil
		return Undef, false, nil
	}
	it.i++
	return Int(int64(it.ba.b[it.i-1])), true, nil
}

// Iter makes bytearrays iterable (Iterable).
func (b *ByteArray) Iter(t *Thread) (Value, error) { return Obj(&byteArrayIter{ba: b}), nil }

// compareBytes compares bytes or bytearray a with other, which may be either
// (bytes == bytearray compares contents). Other types: == is False, ordering
// is NotImplemented; instances are left to their own dunders.
func compareBytes(a []byte, op int, other Value) (bool, bool, error) {
	if _, inst := other.o.(*Instance); inst {
		return false, false, nil
	}
	if _, mv := other.o.(*MemoryView); mv {
		return false, false, nil // memoryview compares itself
	}
	y, ok := bytesLike(other)
	if _, exp := other.o.(BufferExporter); ok && exp && other.isObj() {
		switch other.o.(type) {
		case *Bytes, *ByteArray:
		default:
			ok = false // bytes == array.array is False
		}
	}
	if !ok {
		if op == cmpEQ || op == cmpNE {
			return op == cmpNE, true, nil
		}
		return false, false, nil
	}
	return cmpResult(op, bytes.Compare(a, y)), true, nil
}

// Compare lets bytes compare with bytearrays (RichComparer); bytes with
// bytes is handled before this is reached.
func (b *Bytes) Compare(t *Thread, op int, other Value) (bool, bool, error) {
	return compareBytes(b.b, op, other)
}

// Compare is bytearray's rich comparison (RichComparer).
func (b *ByteArray) Compare(t *Thread, op int, other Value) (bool, bool, error) {
	return compareBytes(b.b, op, other)
}

// assignableBytes converts the right side of ba[a:b] = v: a bytes-like
// object or an iterable of ints in range(256).
func assignableBytes(t *Thread, v Value) ([]byte, error) {
	if b, ok := bytesLike(v); ok {
		return append([]byte{}, b...), nil
	}
	if _, isStr := v.StrOf(); isStr || v.isIntLike() || !t.isIterable(v) {
		return nil, Errorf(TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	}
	return iterBytes(t, v)
}

// iterBytes collects an iterable of ints in range(256).
func iterBytes(t *Thread, v Value) ([]byte, error) {
	var out []byte
	err := t.Iterate(v, func(x Value) error {
		c, err := byteValue(t, x)
		out = append(out, c)
		return err
	})
	return out, err
}

// byteArraySetItem is ba[key] = v.
func (t *Thread) byteArraySetItem(ba *ByteArray, key, v Value) error {
	s, ok := key.o.(*SliceObj)
	if !ok || !key.isObj() {
		i, err := t.seqIndex(key, len(ba.b), "bytearray")
		if err != nil {
			return err
		}
		c, err := byteValue(t, v)
		if err != nil {
			return err
		}
		ba.b[i] = c
		return nil
	}
	src, err := assignableBytes(t, v)
	if err != nil {
		return err
	}
	lo, hi, step, err := t.sliceIndices(s, int64(len(ba.b)))
	if err != nil {
		return err
	}
	if step == 1 {
		hi = max(hi, lo)
		if err := ba.checkResizeTo(t, len(ba.b)-int(hi-lo)+len(src)); err != nil {
			return err
		}
		ba.b = append(append(append([]byte{}, ba.b[:lo]...), src...), ba.b[hi:]...)
		return nil
	}
	if len(src) == 0 {
		// CPython deletes an extended slice assigned b'' (del's path).
		return t.byteArrayDelItem(ba, key)
	}
	n := sliceLen(lo, hi, step)
	if int64(len(src)) != n {
		return Errorf(ValueError, "attempt to assign bytes of size %d to extended slice of size %d", len(src), n)
	}
	for i := int64(0); i < n; i++ {
		ba.b[lo+i*step] = src[i]
	}
	return nil
}

// byteArrayDelItem is del ba[key].
func (t *Thread) byteArrayDelItem(ba *ByteArray, key Value) error {
	s, ok := key.o.(*SliceObj)
	if !ok || !key.isObj() {
		i, err := t.seqIndex(key, len(ba.b), "bytearray")
		if err != nil {
			return err
		}
		if err := ba.checkResize(t); err != nil {
			return err
		}
		ba.b = append(ba.b[:i], ba.b[i+1:]...)
		return nil
	}
	lo, hi, step, err := t.sliceIndices(s, int64(len(ba.b)))
	if err != nil {
		return err
	}
	n := sliceLen(lo, hi, step)
	// An extended slice checks for exports even when empty, as in CPython.
	if n > 0 || step != 1 {
		if err := ba.checkResize(t); err != nil {
			return err
		}
	}
	if step < 0 {
		lo, step = lo+(n-1)*step, -step
	}
	out := ba.b[:0:0]
	next := lo // the next index to drop
	dropped := int64(0)
	for i, c := range ba.b {
		if dropped < n && int64(i) == next {
			dropped++
			next += step
			continue
		}
		out = append(out, c)
	}
	ba.b = out
	return nil
}

// bytesSeqOp is + * % with a bytes or bytearray left operand. The result has
// the left operand's type; a bytearray's += and *= change it in place.
func bytesSeqOp(t *Thread, op int, a, b Value, inplace bool) (Value, bool, error) {
	x := bself(a)
	ba, isBA := a.o.(*ByteArray)
	switch op {
	case binAdd:
		y, ok := bytesLike(b)
		if !ok {
			return Undef, true, Errorf(TypeError, "can't concat %s to %s", b.TypeName(), a.TypeName())
		}
		if err := CheckAlloc(int64(len(x)+len(y)), 1); err != nil {
			return Undef, true, err
		}
		if isBA && inplace {
			if err := ba.checkResizeTo(t, len(ba.b)+len(y)); err != nil {
				return Undef, true, err
			}
			ba.b = append(ba.b, y...)
			return a, true, nil
		}
		return bwrap(a, append(append([]byte{}, x...), y...)), true, nil
	case binMul:
		n, ok, err := repeatCount(t, b, a)
		if !ok {
			return Undef, true, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", b.TypeName())
		}
		if err != nil {
			return Undef, true, err
		}
		if isBA && inplace {
			if err := ba.checkResizeTo(t, len(ba.b)*n); err != nil {
				return Undef, true, err
			}
		}
		out := bytes.Repeat(x, n)
		if isBA && inplace {
			ba.b = out
			return a, true, nil
		}
		return bwrap(a, out), true, nil
	case binMod:
		r, err := bytesPercent(t, NewBytes(x), b)
		if err != nil || !isBA {
			return r, true, err
		}
		return Obj(&ByteArray{b: r.o.(*Bytes).b}), true, nil
	}
	return Undef, false, nil
}

func addByteArrayMethods() {
	// The container dunders, for scripts that call them directly or through
	// super() in a subclass; they go through the same protocol as b[i].
	for _, cls := range []*Class{BytesType, ByteArrayType} {
		cls.AddMethod("__len__", func(t *Thread, args []Value, kw []KV) (Value, error) {
			return Int(int64(len(bself(args[0])))), nil
		})
		cls.AddMethod("__getitem__", func(t *Thread, args []Value, kw []KV) (Value, error) { return t.GetItem(args[0], args[1]) })
		cls.AddMethod("__contains__", func(t *Thread, args []Value, kw []KV) (Value, error) {
			r, err := t.Contains(args[0], args[1])
			return Bool(r), err
		})
		cls.AddMethod("__iter__", func(t *Thread, args []Value, kw []KV) (Value, error) { return t.Iter(args[0]) })
	}
	BytesType.AddMethod("__hash__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		h, err := t.Hash(args[0])
		return Int(int64(h)), err
	})
	// bytearray is mutable, so unhashable, also in its subclasses.
	ByteArrayType.Dict["__hash__"] = None
	ByteArrayType.AddMethod("__setitem__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return None, t.SetItem(args[0], args[1], args[2])
	})
	ByteArrayType.AddMethod("__delitem__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return None, t.DelItem(args[0], args[1])
	})

	ba := func(v Value) *ByteArray { return v.o.(*ByteArray) }
	m := func(spec bMethod, fn func(t *Thread, self Value, a []Value) (Value, error)) {
		addBytesMethod(ByteArrayType, spec, fn)
	}
	m(bMethod{name: "copy", conv: bNoArgs}, func(t *Thread, self Value, a []Value) (Value, error) {
		return Obj(&ByteArray{b: append([]byte{}, ba(self).b...)}), nil
	})
	m(bMethod{name: "clear", conv: bNoArgs}, func(t *Thread, self Value, a []Value) (Value, error) {
		if err := ba(self).checkResizeTo(t, 0); err != nil {
			return Undef, err
		}
		ba(self).b = nil
		return None, nil
	})
	m(bMethod{name: "reverse", conv: bNoArgs}, func(t *Thread, self Value, a []Value) (Value, error) {
		slicesReverse(ba(self).b)
		return None, nil
	})
	m(bMethod{name: "append", conv: bOneArg, min: 1, max: 1}, func(t *Thread, self Value, a []Value) (Value, error) {
		c, err := byteValue(t, a[0])
		if err != nil {
			return Undef, err
		}
		if err := ba(self).checkResize(t); err != nil {
			return Undef, err
		}
		ba(self).b = append(ba(self).b, c)
		return None, nil
	})
	m(bMethod{name: "extend", conv: bOneArg, min: 1, max: 1}, func(t *Thread, self Value, a []Value) (Value, error) {
		var add []byte
		if b, ok := bytesLike(a[0]); ok {
			add = b
		} else {
			if !t.isIterable(a[0]) {
				return Undef, Errorf(TypeError, "can't extend bytearray with %s", a[0].TypeName())
			}
			var err error
			if add, err = iterBytes(t, a[0]); err != nil {
				return Undef, err
			}
		}
		if err := ba(self).checkResizeTo(t, len(ba(self).b)+len(add)); err != nil {
			return Undef, err
		}
		ba(self).b = append(ba(self).b, add...)
		return None, nil
	})
	m(bMethod{name: "insert", conv: bPosOnly, min: 2, max: 2}, func(t *Thread, self Value, a []Value) (Value, error) {
		i, err := t.AsInt64(a[0])
		if err != nil {
			return Undef, err
		}
		c, err := byteValue(t, a[1])
		if err != nil {
			return Undef, err
		}
		b := ba(self)
		n := int64(len(b.b))
		if i < 0 {
			i = max(i+n, 0)
		}
		i = min(i, n)
		if err := b.checkResize(t); err != nil {
			return Undef, err
		}
		b.b = append(b.b[:i], append([]byte{c}, b.b[i:]...)...)
		return None, nil
	})
	m(bMethod{name: "pop", conv: bPosOnly, max: 1}, func(t *Thread, self Value, a []Value) (Value, error) {
		i := int64(-1)
		if !a[0].IsUndef() {
			var err error
			if i, err = t.AsInt64(a[0]); err != nil {
				return Undef, err
			}
		}
		b := ba(self)
		n := int64(len(b.b))
		if n == 0 {
			return Undef, Errorf(IndexError, "pop from empty bytearray")
		}
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Undef, Errorf(IndexError, "pop index out of range")
		}
		if err := b.checkResize(t); err != nil {
			return Undef, err
		}
		c := b.b[i]
		b.b = append(b.b[:i], b.b[i+1:]...)
		return Int(int64(c)), nil
	})
	m(bMethod{name: "remove", conv: bOneArg, min: 1, max: 1}, func(t *Thread, self Value, a []Value) (Value, error) {
		c, err := byteValue(t, a[0])
		if err != nil {
			return Undef, err
		}
		b := ba(self)
		i := bytes.IndexByte(b.b, c)
		if i < 0 {
			return Undef, Errorf(ValueError, "value not found in bytearray")
		}
		if err := b.checkResize(t); err != nil {
			return Undef, err
		}
		b.b = append(b.b[:i], b.b[i+1:]...)
		return None, nil
	})
}
