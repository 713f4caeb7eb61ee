package vm

import (
	"math/big"
	"sync"
)

// IndexOf converts an index value (int, bool or __index__) to an int.
func (t *Thread) IndexOf(v Value) (int64, bool, error) {
	switch v.kind() {
	case KInt, KBool:
		return int64(v.n), true, nil
	case KObj:
		switch o := v.o.(type) {
		case *BigIntObj:
			return 0, true, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
		case *Instance:
			if m, ok := t.lookupSpecial(v, "__index__"); ok {
				r, err := t.callBound(m, v, nil, nil)
				if err != nil {
					return 0, true, err
				}
				return t.IndexOf(r)
			}
			// An int subclass (IntEnum, bool-like flags) indexes as its value.
			if !o.Payload().IsUndef() && o.Payload().isIntLike() {
				return t.IndexOf(o.Payload())
			}
		}
	}
	return 0, false, nil
}

// sliceIndices resolves a slice against a length, as slice.indices does.
func (t *Thread) sliceIndices(s *SliceObj, n int64) (start, stop, step int64, err error) {
	step = 1
	if !s.step.IsNone() {
		var ok bool
		step, ok, err = t.sliceArg(s.step)
		if err != nil {
			return
		}
		if !ok {
			err = Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
			return
		}
		if step == 0 {
			err = Errorf(ValueError, "slice step cannot be zero")
			return
		}
	}
	lower, upper := int64(0), n
	if step < 0 {
		lower, upper = -1, n-1
	}
	conv := func(v Value, def int64) (int64, error) {
		if v.IsNone() {
			return def, nil
		}
		x, ok, err := t.sliceArg(v)
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
		}
		return clampSliceIndex(x, n, lower, upper), nil
	}
	if step < 0 {
		start, err = conv(s.start, upper)
		if err != nil {
			return
		}
		stop, err = conv(s.stop, lower)
	} else {
		start, err = conv(s.start, lower)
		if err != nil {
			return
		}
		stop, err = conv(s.stop, upper)
	}
	return
}

// clampSliceIndex resolves a slice bound x against length n: a negative
// one counts from the end, and the result stays within [lower, upper].
func clampSliceIndex(x, n, lower, upper int64) int64 {
	if x < 0 {
		return max(x+n, lower)
	}
	return min(x, upper)
}

// sliceArg converts a slice bound, clamping huge ints.
func (t *Thread) sliceArg(v Value) (int64, bool, error) {
	if b, ok := v.o.(*BigIntObj); ok {
		if b.v.Sign() < 0 {
			return -1 << 62, true, nil
		}
		return 1 << 62, true, nil
	}
	return t.IndexOf(v)
}

// sliceLen is the number of elements selected.
func sliceLen(start, stop, step int64) int64 {
	if step < 0 {
		if stop < start {
			return (start-stop-1)/(-step) + 1
		}
	} else if start < stop {
		return (stop-start-1)/step + 1
	}
	return 0
}

// sliceSeq is seq[lo:hi] for an exact list, tuple or str and bounds that
// are ints or None (ok false otherwise: the general path decides).
func sliceSeq(seq, lo, hi Value) (Value, bool) {
	var items []Value
	var str *StrObj
	tuple := false
	switch o := seq.o.(type) {
	case *List:
		items = o.items
	case *Tuple:
		items, tuple = o.items, true
	case *StrObj:
		str = o
	default:
		return Undef, false
	}
	n := int64(len(items))
	if str != nil {
		n = int64(str.Len())
	}
	bound := func(v Value, def int64) (int64, bool) {
		if v.IsNone() {
			return def, true
		}
		if !v.isInt() {
			return 0, false
		}
		return clampSliceIndex(int64(v.n), n, 0, n), true
	}
	start, ok1 := bound(lo, 0)
	stop, ok2 := bound(hi, n)
	if !ok1 || !ok2 {
		return Undef, false
	}
	stop = max(stop, start)
	if str != nil {
		if start == 0 && stop == n {
			return seq, true // the whole str is the str itself, as in CPython
		}
		return Obj(str.substrObj(int(start), int(stop))), true
	}
	if tuple {
		if start == 0 && stop == n {
			return seq, true // a tuple's full slice is the tuple, as in CPython
		}
		return Obj(newTupleOf(items[start:stop])), true
	}
	return Obj(NewList(append([]Value(nil), items[start:stop]...))), true
}

func sliceItems(items []Value, start, stop, step int64) []Value {
	n := sliceLen(start, stop, step)
	out := make([]Value, n)
	for i := int64(0); i < n; i++ {
		out[i] = items[start+i*step]
	}
	return out
}

// seqIndex normalises a sequence index or raises IndexError "<what> index out of range".
func (t *Thread) seqIndex(idx Value, n int, what string) (int, error) {
	i, ok, err := t.IndexOf(idx)
	if err != nil {
		if IsInstanceOf(err, IndexError) {
			return 0, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
		}
		return 0, err
	}
	if !ok {
		return 0, Errorf(TypeError, "%s indices must be integers or slices, not %s", what, idx.TypeName())
	}
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, Errorf(IndexError, "%s index out of range", what)
	}
	return int(i), nil
}

// isDictGetItem reports whether m is dict.__getitem__ itself, which a dict
// subclass inherits unless it defines its own.
func isDictGetItem(m Value) bool { return m == dictItemMethods().get }

// isDictSetItem reports whether m is dict.__setitem__ itself.
func isDictSetItem(m Value) bool { return m == dictItemMethods().set }

// dictItemMethods are dict's own __getitem__ and __setitem__, looked up
// once (d[k] on every defaultdict or Counter asks; the class map costs a
// string hash each time).
var dictItemMethods = sync.OnceValue(func() (m struct{ get, set Value }) {
	m.get, _ = DictType.Lookup("__getitem__")
	m.set, _ = DictType.Lookup("__setitem__")
	return m
})

// dictSubclassItem is d[key] for an instance of a dict subclass: a missing
// key goes to the class's __missing__ (defaultdict, Counter), as in CPython.
func (t *Thread) dictSubclassItem(obj Value, inst *Instance, d *Dict, key Value) (Value, error) {
	v, ok, err := d.Get(t, key)
	if err != nil || ok {
		return v, err
	}
	if missing, ok := inst.cls.Lookup("__missing__"); ok {
		return t.callBound(missing, obj, []Value{key}, nil)
	}
	return Undef, keyError(key)
}

// GetItem is obj[key].
func (t *Thread) GetItem(obj, key Value) (Value, error) {
	if obj.isObj() {
		switch o := obj.o.(type) {
		case *List:
			if key.isInt() {
				i := int64(key.n)
				if i < 0 {
					i += int64(len(o.items))
				}
				if i >= 0 && i < int64(len(o.items)) {
					return o.items[i], nil
				}
				return Undef, Errorf(IndexError, "list index out of range")
			}
			if s, ok := key.o.(*SliceObj); ok {
				a, b, c, err := t.sliceIndices(s, int64(len(o.items)))
				if err != nil {
					return Undef, err
				}
				return Obj(NewList(sliceItems(o.items, a, b, c))), nil
			}
			i, err := t.seqIndex(key, len(o.items), "list")
			if err != nil {
				return Undef, err
			}
			return o.items[i], nil
		case *Tuple:
			if s, ok := key.o.(*SliceObj); ok {
				a, b, c, err := t.sliceIndices(s, int64(len(o.items)))
				if err != nil {
					return Undef, err
				}
				if a == 0 && b == int64(len(o.items)) && c == 1 {
					return obj, nil // the whole tuple is the tuple itself
				}
				return Obj(NewTuple(sliceItems(o.items, a, b, c))), nil
			}
			i, err := t.seqIndex(key, len(o.items), "tuple")
			if err != nil {
				return Undef, err
			}
			return o.items[i], nil
		case *StrObj:
			if s, ok := key.o.(*SliceObj); ok {
				a, b, c, err := t.sliceIndices(s, int64(o.Len()))
				if err != nil {
					return Undef, err
				}
				if c == 1 {
					if a >= b {
						return Str(""), nil
					}
					if a == 0 && b == int64(o.Len()) {
						return obj, nil // the whole str is the str itself
					}
					return Obj(o.substrObj(int(a), int(b))), nil
				}
				n := sliceLen(a, b, c)
				if o.isASCII() {
					bs := make([]byte, n)
					for i := int64(0); i < n; i++ {
						bs[i] = o.s[a+i*c]
					}
					return Obj(newStrMeasured(string(bs), int(n), true)), nil
				}
				rs := make([]rune, n)
				runes := o.Runes()
				for i := int64(0); i < n; i++ {
					rs[i] = runes[a+i*c]
				}
				return Str(RunesString(rs)), nil
			}
			i, err := t.seqIndex(key, o.Len(), "string")
			if err != nil {
				return Undef, err
			}
			return Obj(o.At(i)), nil
		case *Dict:
			v, ok, err := o.Get(t, key)
			if err != nil {
				return Undef, err
			}
			if !ok {
				return Undef, keyError(key)
			}
			return v, nil
		case *Range:
			return t.rangeGetItem(o, key)
		case *Bytes:
			if s, ok := key.o.(*SliceObj); ok {
				a, b, c, err := t.sliceIndices(s, int64(len(o.b)))
				if err != nil {
					return Undef, err
				}
				n := sliceLen(a, b, c)
				out := make([]byte, n)
				for i := int64(0); i < n; i++ {
					out[i] = o.b[a+i*c]
				}
				return Obj(NewBytes(out)), nil
			}
			i, err := t.seqIndex(key, len(o.b), "index")
			if err != nil {
				return Undef, err
			}
			return Int(int64(o.b[i])), nil
		case *Instance:
			if seqPayload(o) && t.nativeSlot(obj, "__getitem__") {
				return t.GetItem(o.Payload(), key)
			}
			if m, ok := t.lookupSpecialID(obj, dunderGetitem); ok {
				if d, isDict := o.Payload().o.(*Dict); isDict && isDictGetItem(m) {
					return t.dictSubclassItem(obj, o, d, key)
				}
				return t.callBound(m, obj, []Value{key}, nil)
			}
			if !o.Payload().IsUndef() {
				return t.GetItem(o.Payload(), key)
			}
		case *Class:
			if m, ok := o.metaMethod("__getitem__"); ok {
				return t.callBound(m, obj, []Value{key}, nil)
			}
			if m, ok := o.Lookup("__class_getitem__"); ok {
				// Implicitly a class method, as in CPython.
				if cm, isCM := m.o.(*ClassMethod); isCM {
					m = cm.fn
				}
				return t.Call(m, []Value{obj, key}, nil)
			}
			if o.Builtin {
				// list[int], dict[str, int]: a types.GenericAlias.
				return Obj(NewGenericAlias(obj, key)), nil
			}
		case ItemGetter:
			return o.GetItem(t, key)
		}
	}
	if _, isCls := obj.o.(*Class); isCls {
		return Undef, Errorf(TypeError, "type '%s' is not subscriptable", obj.o.(*Class).Name)
	}
	return Undef, Errorf(TypeError, "'%s' object is not subscriptable", obj.TypeName())
}

// ItemGetter is implemented by Go objects supporting obj[key].
type ItemGetter interface {
	GetItem(t *Thread, key Value) (Value, error)
}

// ItemSetter is implemented by Go objects supporting obj[key] = v.
type ItemSetter interface {
	SetItem(t *Thread, key, v Value) error
}

// ItemDeleter is implemented by Go objects supporting del obj[key].
type ItemDeleter interface {
	DelItem(t *Thread, key Value) error
}

// keyError makes KeyError(key).
func keyError(key Value) error {
	e := NewInstance(KeyError)
	e.exc().args = NewTuple([]Value{key})
	return e
}

// SetItem is obj[key] = v.
func (t *Thread) SetItem(obj, key, v Value) error {
	if obj.isObj() {
		switch o := obj.o.(type) {
		case *List:
			if s, ok := key.o.(*SliceObj); ok {
				return t.listSetSlice(o, s, v)
			}
			i, err := t.seqIndex(key, len(o.items), "list assignment")
			if err != nil {
				return err
			}
			o.items[i] = v
			return nil
		case *Dict:
			return o.Set(t, key, v)
		case *Instance:
			if m, ok := t.lookupSpecial(obj, "__setitem__"); ok {
				if d, isDict := o.Payload().o.(*Dict); isDict && isDictSetItem(m) {
					return d.Set(t, key, v) // a dict subclass that keeps dict's own
				}
				_, err := t.callBound(m, obj, []Value{key, v}, nil)
				return err
			}
			if !o.Payload().IsUndef() {
				return t.SetItem(o.Payload(), key, v)
			}
		case *ByteArray:
			return t.byteArraySetItem(o, key, v)
		}
		if s, ok := obj.o.(ItemSetter); ok {
			return s.SetItem(t, key, v)
		}
		if dunderNative(obj) {
			if m, ok := t.lookupSpecial(obj, "__setitem__"); ok {
				_, err := t.callBound(m, obj, []Value{key, v}, nil)
				return err
			}
		}
	}
	return Errorf(TypeError, "'%s' object does not support item assignment", obj.TypeName())
}

func (t *Thread) listSetSlice(l *List, s *SliceObj, v Value) error {
	a, b, c, err := t.sliceIndices(s, int64(len(l.items)))
	if err != nil {
		return err
	}
	var items []Value
	if v.isObj() && v.o == Object(l) {
		items = append([]Value(nil), l.items...)
	} else if in, ok := t.seqItems(v); ok {
		items = in // another list or tuple: read in place, not copied
	} else {
		items, err = t.ToList(v)
		if err != nil {
			if IsInstanceOf(err, TypeError) {
				return Errorf(TypeError, "can only assign an iterable")
			}
			return err
		}
	}
	if c == 1 {
		if b < a {
			b = a
		}
		if int64(len(items)) == b-a {
			copy(l.items[a:b], items)
			return nil
		}
		tail := append([]Value(nil), l.items[b:]...)
		l.items = append(append(l.items[:a], items...), tail...)
		return nil
	}
	n := sliceLen(a, b, c)
	if int64(len(items)) != n {
		return Errorf(ValueError, "attempt to assign sequence of size %d to extended slice of size %d", len(items), n)
	}
	for i := int64(0); i < n; i++ {
		l.items[a+i*c] = items[i]
	}
	return nil
}

// DelItem is del obj[key].
func (t *Thread) DelItem(obj, key Value) error {
	if obj.isObj() {
		switch o := obj.o.(type) {
		case *List:
			if s, ok := key.o.(*SliceObj); ok {
				a, b, c, err := t.sliceIndices(s, int64(len(o.items)))
				if err != nil {
					return err
				}
				n := sliceLen(a, b, c)
				if n == 0 {
					return nil
				}
				if c < 0 {
					a, c = a+(n-1)*c, -c
				}
				// The dropped indices are a, a+c, ..., a+(n-1)*c.
				out := o.items[:0]
				for i, x := range o.items {
					if j := int64(i) - a; j < 0 || j%c != 0 || j/c >= n {
						out = append(out, x)
					}
				}
				clear(o.items[len(out):])
				o.items = out
				return nil
			}
			i, err := t.seqIndex(key, len(o.items), "list assignment")
			if err != nil {
				return err
			}
			copy(o.items[i:], o.items[i+1:])
			o.items[len(o.items)-1] = Undef
			o.items = o.items[:len(o.items)-1]
			return nil
		case *Dict:
			_, ok, err := o.Delete(t, key)
			if err != nil {
				return err
			}
			if !ok {
				return keyError(key)
			}
			return nil
		case *Instance:
			if m, ok := t.lookupSpecial(obj, "__delitem__"); ok {
				_, err := t.callBound(m, obj, []Value{key}, nil)
				return err
			}
			if !o.Payload().IsUndef() {
				return t.DelItem(o.Payload(), key)
			}
		case *ByteArray:
			return t.byteArrayDelItem(o, key)
		}
		if d, ok := obj.o.(ItemDeleter); ok {
			return d.DelItem(t, key)
		}
		if dunderNative(obj) {
			if m, ok := t.lookupSpecial(obj, "__delitem__"); ok {
				_, err := t.callBound(m, obj, []Value{key}, nil)
				return err
			}
		}
	}
	return Errorf(TypeError, "'%s' object doesn't support item deletion", obj.TypeName())
}

var _ = big.NewInt
