package vm

import (
	"math"
	"math/big"
	"strings"
)

// lookupSpecial finds a dunder method on v's class (never the instance dict),
// as Python does for implicit special method calls.
func (t *Thread) lookupSpecial(v Value, name string) (Value, bool) {
	cls := v.Class()
	if cls.Builtin && !cls.Dunders {
		return Undef, false
	}
	return cls.Lookup(name)
}

// lookupSpecialID is lookupSpecial(v, dunderNames[id]).
func (t *Thread) lookupSpecialID(v Value, id dunderID) (Value, bool) {
	cls := v.Class()
	if cls.Builtin && !cls.Dunders {
		return Undef, false
	}
	return cls.lookupDunder(id)
}

// Truth is bool(v).
func (t *Thread) Truth(v Value) (bool, error) {
	switch v.kind() {
	case KNone, KUndef:
		return false, nil
	case KBool, KInt:
		return v.n != 0, nil
	case KFloat:
		return v.AsFloat() != 0, nil
	}
	switch o := v.o.(type) {
	case *StrObj:
		return len(o.s) > 0, nil
	case *List:
		return len(o.items) > 0, nil
	case *Tuple:
		return len(o.items) > 0, nil
	case *Dict:
		return o.Len() > 0, nil
	case *Set:
		return o.Len() > 0, nil
	case *FrozenSet:
		return o.s.Len() > 0, nil
	case *BigIntObj:
		return true, nil
	case *Range:
		return o.truth(), nil
	case *Bytes:
		return len(o.b) > 0, nil
	case *Complex:
		return o.v != 0, nil
	case *Instance:
		if m, ok := t.lookupSpecialID(v, dunderBool); ok {
			r, err := t.callBound(m, v, nil, nil)
			if err != nil {
				return false, err
			}
			if !r.isBool() {
				return false, Errorf(TypeError, "__bool__ should return bool, returned %s", r.TypeName())
			}
			return r.n != 0, nil
		}
		if m, ok := t.lookupSpecialID(v, dunderLen); ok {
			r, err := t.callBound(m, v, nil, nil)
			if err != nil {
				return false, err
			}
			n, err := lenResult(r)
			return n > 0, err
		}
		if !o.Payload().IsUndef() {
			return t.Truth(o.Payload())
		}
	case *DictView:
		return o.d.Len() > 0, nil
	case Lener:
		return o.Len() > 0, nil
	}
	if dunderNative(v) {
		if m, ok := t.lookupSpecialID(v, dunderBool); ok {
			r, err := t.callBound(m, v, nil, nil)
			return r.isBool() && r.n != 0, err
		}
	}
	return true, nil
}

func lenResult(r Value) (int, error) {
	if !r.isInt() && !r.isBool() {
		if _, ok := r.o.(*BigIntObj); ok {
			return 0, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
		}
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", r.TypeName())
	}
	if int64(r.n) < 0 {
		return 0, Errorf(ValueError, "__len__() should return >= 0")
	}
	return int(r.n), nil
}

// Len is len(v).
func (t *Thread) Len(v Value) (int, error) {
	if v.isObj() {
		switch o := v.o.(type) {
		case *StrObj:
			return o.Len(), nil
		case *List:
			return len(o.items), nil
		case *Tuple:
			return len(o.items), nil
		case *Dict:
			return o.Len(), nil
		case *Set:
			return o.Len(), nil
		case *FrozenSet:
			return o.s.Len(), nil
		case *Range:
			return rangeLenOf(o)
		case *Bytes:
			return len(o.b), nil
		case *ByteArray:
			return len(o.b), nil
		case *DictView:
			return o.d.Len(), nil
		case *MemoryView:
			if o.released {
				return 0, errReleased()
			}
			return o.n, nil
		case *Instance:
			if !o.Payload().IsUndef() && t.nativeSlot(v, "__len__") {
				return t.Len(o.Payload())
			}
			if m, ok := t.lookupSpecialID(v, dunderLen); ok {
				r, err := t.callBound(m, v, nil, nil)
				if err != nil {
					return 0, err
				}
				return lenResult(r)
			}
			if !o.Payload().IsUndef() {
				return t.Len(o.Payload())
			}
		case Lener:
			return o.Len(), nil
		case *Class:
			if m, ok := o.metaMethod("__len__"); ok {
				r, err := t.callBound(m, v, nil, nil)
				if err != nil {
					return 0, err
				}
				return lenResult(r)
			}
		}
	}
	return 0, Errorf(TypeError, "object of type '%s' has no len()", v.TypeName())
}

// Lener is implemented by Go objects with a length.
type Lener interface{ Len() int }

const hashModulus = (1 << 61) - 1

// hashInt is Python's hash of an int (reduction modulo 2**61-1, -1 → -2).
func hashInt(x int64) uint64 {
	neg := x < 0
	u := uint64(absI(x))
	if x == math.MinInt64 {
		u = 1 << 63
	}
	h := u % hashModulus
	r := int64(h)
	if neg {
		r = -r
	}
	if r == -1 {
		r = -2
	}
	return uint64(r)
}

func hashBig(b *big.Int) uint64 {
	m := new(big.Int).Mod(new(big.Int).Abs(b), big.NewInt(hashModulus))
	r := m.Int64()
	if b.Sign() < 0 {
		r = -r
	}
	if r == -1 {
		r = -2
	}
	return uint64(r)
}

// hashFloat is Python's hash of a float (equal to the int hash for integral values).
func hashFloat(f float64) uint64 {
	if math.IsInf(f, 0) {
		if f > 0 {
			return 314159
		}
		neg := int64(-314159)
		return uint64(neg)
	}
	if math.IsNaN(f) {
		return 0
	}
	if f == math.Trunc(f) && math.Abs(f) < 1<<63 {
		return hashInt(int64(f))
	}
	// Python's algorithm: reduce the exact binary value modulo 2**61-1.
	m, e := math.Frexp(f)
	sign := uint64(1)
	if m < 0 {
		sign = 0
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(61-uint(e))
	r := int64(x)
	if sign == 0 {
		r = -r
	}
	if r == -1 {
		r = -2
	}
	return uint64(r)
}

// hashString is FNV-1a, computed in place (the hash/fnv object and the
// []byte copy it needs cost two allocations per str hashed).
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h >> 1
}

// Hash is hash(v). t may be nil for values whose hash runs no script code.
func (t *Thread) Hash(v Value) (uint64, error) {
	switch v.kind() {
	case KNone:
		return 0xfca86420, nil
	case KBool, KInt:
		return hashInt(int64(v.n)), nil
	case KFloat:
		return hashFloat(v.AsFloat()), nil
	}
	switch o := v.o.(type) {
	case *Complex:
		// CPython: hash(real) + 1000003 * hash(imag), so 2+0j hashes as 2.
		h := int64(hashFloat(real(o.v))) + 1000003*int64(hashFloat(imag(o.v)))
		if h == -1 {
			h = -2
		}
		return uint64(h), nil
	case *StrObj:
		if !o.hashed {
			o.hash = hashString(o.s)
			o.hashed = true
		}
		return o.hash, nil
	case *BigIntObj:
		return hashBig(o.v), nil
	case *Tuple:
		return t.hashTuple(o, 0)
	case *Bytes:
		return hashString(string(o.b)), nil
	case *Range:
		return t.rangeHash(o)
	case *List, *Dict, *Set, *ByteArray, *SliceObj: // slices are unhashable until 3.12
		return 0, Errorf(TypeError, "unhashable type: '%s'", v.TypeName())
	case *DictView:
		if o.kind != 1 { // keys and items views are set-like, hence unhashable; values views hash by identity
			return 0, Errorf(TypeError, "unhashable type: '%s'", v.TypeName())
		}
	case *Instance:
		if t != nil {
			if m, ok := v.Class().lookupDunder(dunderHash); ok {
				if m.IsNone() {
					return 0, Errorf(TypeError, "unhashable type: '%s'", v.TypeName())
				}
				if _, builtin := m.o.(*Builtin); !builtin {
					r, err := t.callBound(m, v, nil, nil)
					if err != nil {
						return 0, err
					}
					if !r.isIntLike() {
						return 0, Errorf(TypeError, "__hash__ method should return an integer")
					}
					if r.isObj() {
						return hashBig(r.bigOf()), nil
					}
					// CPython keeps what __hash__ returns (but -1, which
					// means error in C).
					if int64(r.n) == -1 {
						return uint64(^uint64(1)), nil
					}
					return uint64(int64(r.n)), nil
				}
			}
			// A subclass of a built-in type hashes as its built-in part.
			if !o.Payload().IsUndef() {
				return t.Hash(o.Payload())
			}
			// A class that defines __eq__ without __hash__ is unhashable.
			if _, ok := v.Class().lookupDunder(dunderEq); ok {
				if _, hasHash := v.Class().lookupDunder(dunderHash); !hasHash {
					return 0, Errorf(TypeError, "unhashable type: '%s'", v.TypeName())
				}
			}
		}
	case *FrozenSet:
		var acc uint64
		for _, k := range o.s.Items() {
			h, _ := t.Hash(k)
			acc ^= (h ^ 89869747) * 3644798167
		}
		return acc, nil
	case Hasher:
		return o.Hash(), nil
	case ErrHasher:
		return o.HashErr(t)
	}
	return identityHash(v.o), nil
}

// Hasher is implemented by Go objects with their own hash.
type Hasher interface{ Hash() uint64 }

// ErrHasher is implemented by Go objects whose hash may fail (a
// signaling NaN Decimal) or is identity-based for some values.
type ErrHasher interface {
	HashErr(t *Thread) (uint64, error)
}

// IdentityHash is the default object hash (by identity).
func IdentityHash(o Object) uint64 { return identityHash(o) }

// keyEqual is == for dict/set keys (identity first).
func (t *Thread) keyEqual(a, b Value) (bool, error) {
	// Two strs (the common key) compare here, without the protocol.
	if a.isObj() && b.isObj() {
		if x, ok := a.o.(*StrObj); ok {
			if y, ok := b.o.(*StrObj); ok {
				return x == y || x.s == y.s, nil
			}
		}
	}
	if a.Is(b) {
		return true, nil
	}
	return t.Equal(a, b)
}

// Iter is iter(v).
func (t *Thread) Iter(v Value) (Value, error) {
	if v.isObj() {
		switch o := v.o.(type) {
		case *List:
			return Obj(&listIter{l: o}), nil
		case *Tuple:
			return Obj(&seqIter{items: o.items, cls: TupleIterType}), nil
		case *Range:
			return Obj(rangeIterOf(o, false)), nil
		case *StrObj:
			return Obj(&strIter{s: o}), nil
		case *Dict:
			return Obj(&dictIter{d: o, kind: 0, size: o.Len()}), nil
		case *DictView:
			return Obj(&dictIter{d: o.d, kind: o.kind, size: o.d.Len()}), nil
		case *Set:
			return Obj(newSetIter(o)), nil
		case *FrozenSet:
			return Obj(newSetIter(o.s)), nil
		case *Bytes:
			items := make([]Value, len(o.b))
			for i, c := range o.b {
				items[i] = Int(int64(c))
			}
			return Obj(&seqIter{items: items, cls: SeqIterType}), nil
		case *Generator:
			if o.kind == FlagGenerator {
				return v, nil
			}
		case Iterator:
			return v, nil
		case *Instance:
			if _, isIt := o.Payload().o.(Iterator); isIt {
				// A subclass of a native iterator class is its own iterator,
				// so that a __next__ it overrides is the one called.
				if m, ok := t.lookupSpecialID(v, dunderIter); ok {
					if b, isB := m.o.(*Builtin); !isB || b.owner == nil || !b.owner.Builtin {
						return t.callBound(m, v, nil, nil)
					}
				}
				return v, nil
			}
			// A subclass of a built-in type that keeps the type's own
			// __iter__ iterates its built-in part (CPython's tp_iter).
			if !o.Payload().IsUndef() && t.nativeSlot(v, "__iter__") {
				return t.Iter(o.Payload())
			}
			if m, ok := t.lookupSpecialID(v, dunderIter); ok {
				r, err := t.callBound(m, v, nil, nil)
				if err != nil {
					return Undef, err
				}
				if !t.isIterator(r) {
					return Undef, Errorf(TypeError, "iter() returned non-iterator of type '%s'", r.TypeName())
				}
				return r, nil
			}
			if _, ok := t.lookupSpecialID(v, dunderGetitem); ok {
				return Obj(&getitemIter{obj: v}), nil
			}
			if !o.Payload().IsUndef() {
				return t.Iter(o.Payload())
			}
		case *Class:
			if m, ok := o.metaMethod("__iter__"); ok {
				return t.callBound(m, v, nil, nil)
			}
		case Iterable:
			return o.Iter(t)
		}
	}
	return Undef, Errorf(TypeError, "'%s' object is not iterable", v.TypeName())
}

// Iterable is implemented by Go objects that can make an iterator.
type Iterable interface {
	Iter(t *Thread) (Value, error)
}

// Iterator is implemented by Go iterators.
type Iterator interface {
	Object
	// Next returns the next item, or ok=false when exhausted.
	Next(t *Thread) (v Value, ok bool, err error)
}

func (t *Thread) isIterator(v Value) bool {
	if !v.isObj() {
		return false
	}
	switch o := v.o.(type) {
	case Iterator:
		return true
	case *Generator:
		return o.kind == FlagGenerator
	case *Instance:
		if _, ok := t.lookupSpecialID(v, dunderNext); ok {
			return true
		}
		_, isIt := o.Payload().o.(Iterator)
		return isIt && o.Payload().isObj()
	}
	return false
}

func (t *Thread) isIterable(v Value) bool {
	_, err := t.Iter(v)
	return err == nil
}

// Next advances an iterator: ok is false at the end. It is where Go loops
// over iterators (sum, any, list(), `in`, zip...) poll for a stop, so an
// endless iterator cannot outlive a limit.
func (t *Thread) Next(it Value) (Value, bool, error) {
	// The commonest iterators first, by concrete type (the Iterator case
	// below looks the type up in an interface table), when Poll has nothing
	// to do (no interrupt, no step limit to count).
	if !t.limited && !t.interp.interrupted.Load() {
		switch o := it.o.(type) {
		case *listIter:
			return o.Next(t)
		case *seqIter:
			return o.Next(t)
		case *rangeIter:
			return o.Next(t)
		case *Generator:
			if o.kind == FlagGenerator {
				return t.genStep(o)
			}
		}
	}
	if err := t.Poll(); err != nil {
		return Undef, false, err
	}
	if it.isObj() {
		if g, ok := it.o.(*Generator); ok {
			if g.kind != FlagGenerator {
				return Undef, false, Errorf(TypeError, "'%s' object is not an iterator", it.TypeName())
			}
			return t.genStep(g)
		}
		switch o := it.o.(type) {
		case Iterator:
			return o.Next(t)
		case *Instance:
			if m, ok := t.lookupSpecialID(it, dunderNext); ok {
				r, err := t.callBound(m, it, nil, nil)
				if err != nil {
					if inst, ok := err.(*Instance); ok && inst.cls.IsSubclass(StopIteration) {
						if len(inst.exc().args.items) > 0 {
							t.stopValue = inst.exc().args.items[0]
						}
						return Undef, false, nil
					}
					return Undef, false, err
				}
				return r, true, nil
			}
			if p, isIt := o.Payload().o.(Iterator); isIt {
				return p.Next(t)
			}
		}
	}
	return Undef, false, Errorf(TypeError, "'%s' object is not an iterator", it.TypeName())
}

// Iterate calls fn for each item of v.
func (t *Thread) Iterate(v Value, fn func(Value) error) error {
	if v.isObj() {
		switch o := v.o.(type) {
		case *List:
			for i := 0; i < len(o.items); i++ {
				if err := t.PollEvery(i, 1024); err != nil {
					return err
				}
				if err := fn(o.items[i]); err != nil {
					return err
				}
			}
			return nil
		case *Tuple:
			for i, x := range o.items {
				if err := t.PollEvery(i, 1024); err != nil {
					return err
				}
				if err := fn(x); err != nil {
					return err
				}
			}
			return nil
		case *Instance:
			if items, ok := t.nativeItems(v); ok {
				for i := 0; i < len(items); i++ {
					if err := t.PollEvery(i, 1024); err != nil {
						return err
					}
					if err := fn(items[i]); err != nil {
						return err
					}
				}
				return nil
			}
		}
	}
	it, err := t.Iter(v)
	if err != nil {
		return err
	}
	if g, ok := it.o.(*Generator); ok && g.kind == FlagGenerator {
		return t.iterateGen(g, fn)
	}
	for i := 0; ; i++ {
		// A native iterator (a range, a dict) runs no script code between
		// items: poll, or a stop would wait for millions of them.
		if err := t.PollEvery(i, 1024); err != nil {
			return err
		}
		x, ok, err := t.Next(it)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := fn(x); err != nil {
			return err
		}
	}
}

// ToList collects the items of any iterable.
func (t *Thread) ToList(v Value) ([]Value, error) {
	if v.isObj() {
		switch o := v.o.(type) {
		case *List:
			return append([]Value(nil), o.items...), nil
		case *Tuple:
			return append([]Value(nil), o.items...), nil
		case *Instance:
			if items, ok := t.nativeItems(v); ok {
				return append([]Value(nil), items...), nil
			}
		case *Range:
			// As CPython, the length is known up front: too long is an
			// error before any item is made.
			n, err := rangeLenOf(o)
			if err != nil {
				return nil, err
			}
			if err := t.CheckAlloc(int64(n), SizeValue); err != nil {
				return nil, err
			}
			out := make([]Value, 0, n)
			err = t.Iterate(v, func(x Value) error {
				out = append(out, x)
				return nil
			})
			return out, err
		case *Set:
			return o.Items(), nil
		case *FrozenSet:
			return o.s.Items(), nil
		case *Dict:
			return o.Keys(), nil
		case *DictView:
			out := make([]Value, 0, o.d.Len())
			o.d.Items(func(k, v Value) bool {
				switch o.kind {
				case 0:
					out = append(out, k)
				case 1:
					out = append(out, v)
				default:
					out = append(out, Obj(newTupleOf([]Value{k, v})))
				}
				return true
			})
			return out, nil
		}
	}
	return t.collect(v)
}

// Container is implemented by Go objects with their own `in` test.
type Container interface {
	Contains(t *Thread, item Value) (bool, error)
}

// Contains is `item in container`.
func (t *Thread) Contains(container, item Value) (bool, error) {
	if container.isObj() {
		switch o := container.o.(type) {
		case *StrObj:
			s, ok := item.StrOf()
			if !ok {
				return false, Errorf(TypeError, "'in <string>' requires string as left operand, not %s", item.TypeName())
			}
			return indexOf(o.s, s) >= 0, nil
		case *List:
			return t.seqContains(o.items, item)
		case *Tuple:
			return t.seqContains(o.items, item)
		case *Bytes, *ByteArray:
			hay, _ := toBytes(t, container)
			if n, ok, _ := t.IndexOf(item); ok && item.isIntLike() {
				if n < 0 || n > 255 {
					return false, Errorf(ValueError, "byte must be in range(0, 256)")
				}
				return strings.IndexByte(string(hay), byte(n)) >= 0, nil
			}
			needle, err := toBytes(t, item)
			if err != nil {
				return false, err
			}
			return strings.Contains(string(hay), string(needle)), nil
		case *Dict:
			_, ok, err := o.Get(t, item)
			return ok, err
		case *Set:
			return o.Has(t, item)
		case *FrozenSet:
			return o.s.Has(t, item)
		case *Range:
			return rangeContains(t, o, item)
		case *DictView:
			switch o.kind {
			case 0:
				_, ok, err := o.d.Get(t, item)
				return ok, err
			case 2:
				return t.dictItemsContain(o.d, item)
			}
		case *Instance:
			if !o.Payload().IsUndef() && t.nativeSlot(container, "__contains__") && t.nativeSlot(container, "__iter__") {
				return t.Contains(o.Payload(), item)
			}
			if m, ok := t.lookupSpecialID(container, dunderContains); ok {
				r, err := t.callBound(m, container, []Value{item}, nil)
				if err != nil {
					return false, err
				}
				return t.Truth(r)
			}
		case Container:
			return o.Contains(t, item)
		case *Class:
			if m, ok := o.metaMethod("__contains__"); ok {
				r, err := t.callBound(m, container, []Value{item}, nil)
				if err != nil {
					return false, err
				}
				return t.Truth(r)
			}
		}
	}
	if _, err := t.Iter(container); err != nil {
		return false, Errorf(TypeError, "argument of type '%s' is not iterable", container.TypeName())
	}
	found := false
	err := t.Iterate(container, func(v Value) error {
		eq, err := t.keyEqual(v, item)
		if err != nil {
			return err
		}
		if eq {
			found = true
			return errStopIterate
		}
		return nil
	})
	if err == errStopIterate {
		err = nil
	}
	return found, err
}

var errStopIterate = &Instance{cls: StopIteration}

func (t *Thread) seqContains(items []Value, x Value) (bool, error) {
	for i := 0; i < len(items); i++ {
		eq, err := t.keyEqual(items[i], x)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

func indexOf(s, sub string) int { return strings.Index(s, sub) }

// hashTuple is CPython's xxHash-based tuple hash, so tuples in sets order as
// in CPython. Nested tuples recurse in Go: each level below the first counts
// against the recursion limit (a bounded depth when t is nil).
func (t *Thread) hashTuple(o *Tuple, depth int) (uint64, error) {
	acc := uint64(2870177450012600261)
	for _, x := range o.items {
		var h uint64
		var err error
		if x.isInt() {
			h = hashInt(int64(x.n)) // the common item, without the Hash call
		} else if sub, ok := x.o.(*Tuple); ok {
			if t != nil {
				if err := t.enterRecursion(); err != nil {
					return 0, err
				}
				h, err = t.hashTuple(sub, depth+1)
				t.leaveRecursion()
			} else if depth >= 1000 {
				return 0, Errorf(RecursionError, "maximum recursion depth exceeded")
			} else {
				h, err = t.hashTuple(sub, depth+1)
			}
		} else {
			h, err = t.Hash(x)
		}
		if err != nil {
			return 0, err
		}
		acc += h * 14029467366897019727
		acc = acc<<31 | acc>>33
		acc *= 11400714785074694791
	}
	acc += uint64(len(o.items)) ^ (2870177450012600261 ^ 3527539)
	if acc == ^uint64(0) {
		return 1546275796, nil
	}
	return acc, nil
}
