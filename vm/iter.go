package vm

import (
	"unicode/utf8"
	"unsafe"
)

// Iterators over the built-in containers. FOR_ITER handles listIter and
// rangeIter inline; the rest go through Next.

type listIter struct {
	l    *List
	i    int
	loop bool // made by GET_ITER for a for loop (see loopiter.go)
}

func (*listIter) Class() *Class { return ListIterType }
func (it *listIter) Next(t *Thread) (Value, bool, error) {
	if it.i < len(it.l.items) {
		v := it.l.items[it.i]
		it.i++
		return v, true, nil
	}
	it.i = 1 << 62
	return Undef, false, nil
}

type seqIter struct {
	items []Value
	i     int
	cls   *Class
	loop  bool // made by GET_ITER for a for loop (see loopiter.go)
}

func (it *seqIter) Class() *Class { return it.cls }
func (it *seqIter) Next(t *Thread) (Value, bool, error) {
	if it.i < len(it.items) {
		v := it.items[it.i]
		it.i++
		return v, true, nil
	}
	return Undef, false, nil
}

type rangeIter struct {
	cur, step int64
	i, n      int64
	loop      bool // made by GET_ITER for a for loop (see loopiter.go)
}

func (*rangeIter) Class() *Class { return RangeIterType }
func (it *rangeIter) Next(t *Thread) (Value, bool, error) {
	if it.i < it.n {
		v := it.cur
		it.cur += it.step
		it.i++
		return Int(v), true, nil
	}
	return Undef, false, nil
}

// strIter walks a str by byte offset, so iterating a non-ASCII str decodes
// each code point once and builds no positional cache.
type strIter struct {
	s   *StrObj
	off int
}

func (*strIter) Class() *Class { return StrIterType }
func (it *strIter) Next(t *Thread) (Value, bool, error) {
	s := it.s.s
	if it.off >= len(s) {
		return Undef, false, nil
	}
	if c := s[it.off]; c < utf8.RuneSelf {
		it.off++
		return Obj(asciiStrs[c]), true, nil
	}
	r, size := utf8.DecodeRuneInString(s[it.off:])
	if size == 1 && r == utf8.RuneError {
		r, size = decodeRuneWide(s[it.off:]) // maybe a surrogate
	}
	it.off += size
	return Obj(runeStr(r)), true, nil
}

type dictIter struct {
	d       *Dict
	pos     int
	kind    int
	version uint64
	size    int // the dict's length when iteration began
}

func (it *dictIter) Class() *Class {
	switch it.kind {
	case 1:
		return DictValueIterType
	case 2:
		return DictItemIterType
	}
	return DictKeyIterType
}

// nextEntry advances to the next live entry.
func (it *dictIter) nextEntry() (*dictEntry, bool, error) {
	if it.d.Len() != it.size {
		it.size = -1
		return nil, false, Errorf(RuntimeError, "dictionary changed size during iteration")
	}
	i, e := it.d.entryAt(it.pos)
	if e == nil {
		it.pos = i
		return nil, false, nil
	}
	it.pos = i + 1
	return e, true, nil
}

func (it *dictIter) Next(t *Thread) (Value, bool, error) {
	e, ok, err := it.nextEntry()
	if !ok {
		return Undef, false, err
	}
	switch it.kind {
	case 1:
		return e.val, true, nil
	case 2:
		return Obj(newTupleOf([]Value{e.key, e.val})), true, nil
	}
	return e.key, true, nil
}

// getitemIter iterates an object with only __getitem__ (the old protocol).
type getitemIter struct {
	obj Value
	i   int64
}

func (*getitemIter) Class() *Class { return SeqIterType }
func (it *getitemIter) Next(t *Thread) (Value, bool, error) {
	if it.i < 0 {
		return Undef, false, nil
	}
	v, err := t.GetItem(it.obj, Int(it.i))
	if err != nil {
		if IsInstanceOf(err, IndexError) || IsInstanceOf(err, StopIteration) {
			it.i = -1
			return Undef, false, nil
		}
		return Undef, false, err
	}
	it.i++
	return v, true, nil
}

// funcIter wraps a Go closure as an iterator (map, filter, zip, ...).
type funcIter struct {
	cls  *Class
	next func(t *Thread) (Value, bool, error)
	// pair, when set, is next for an iterator of 2-tuples without the
	// tuple (see nextPair).
	pair func(t *Thread) (Value, Value, bool, error)
}

func (it *funcIter) Class() *Class { return it.cls }
func (it *funcIter) Next(t *Thread) (Value, bool, error) {
	return it.next(t)
}

// nextPair is the fast path of `for a, b in it`: OpForIter followed by a
// 2-item unpack takes both halves of the next item from iterators whose
// items are 2-tuples (enumerate, dict.items(), two-argument zip) without
// building the tuple. handled is false for other iterators.
func nextPair(t *Thread, it Value) (a, b Value, ok, handled bool, err error) {
	switch o := it.o.(type) {
	case *funcIter:
		if o.pair != nil {
			a, b, ok, err = o.pair(t)
			return a, b, ok, true, err
		}
	case *dictIter:
		if o.kind == 2 {
			e, ok, err := o.nextEntry()
			if !ok {
				return Undef, Undef, false, true, err
			}
			return e.key, e.val, true, true, nil
		}
	}
	return Undef, Undef, false, false, nil
}

// newPairIterator is NewIterator for an iterator of 2-tuples: pair yields
// the halves; the tuple is built only when something else asks for it.
func newPairIterator(cls *Class, pair func(t *Thread) (Value, Value, bool, error)) Value {
	return Obj(&funcIter{cls: cls, pair: pair, next: func(t *Thread) (Value, bool, error) {
		a, b, ok, err := pair(t)
		if !ok {
			return Undef, false, err
		}
		return Obj(newTupleOf([]Value{a, b})), true, nil
	}})
}

// NewIterator makes a Go-implemented iterator of class cls.
func NewIterator(cls *Class, next func(t *Thread) (Value, bool, error)) Value {
	return Obj(&funcIter{cls: cls, next: next})
}

// identityHash hashes an object by address (Go's collector does not move objects).
func identityHash(o Object) uint64 {
	p := (*[2]uintptr)(unsafe.Pointer(&o))[1]
	return uint64(p>>4) | uint64(p)<<60
}

// identity returns an object's address, for id() and default reprs.
func identity(o Object) uintptr {
	return (*[2]uintptr)(unsafe.Pointer(&o))[1]
}

// nextInline is the dispatch loop's FOR_ITER for a str iterator: the next
// character, or Undef when exhausted.
func (it *strIter) nextInline() Value {
	s := it.s.s
	if it.off >= len(s) {
		return Undef
	}
	if c := s[it.off]; c < utf8.RuneSelf {
		it.off++
		return Obj(asciiStrs[c])
	}
	v, _, _ := it.Next(nil)
	return v
}

// nextInline is the dispatch loop's FOR_ITER for a dict iterator: the
// next key, value or (key, value) tuple, or Undef with exhausted set, or
// Undef alone when the dict changed size (Next then raises).
func (it *dictIter) nextInline() (item Value, exhausted bool) {
	if it.d.Len() != it.size {
		return Undef, false
	}
	i, e := it.d.entryAt(it.pos)
	if e == nil {
		it.pos = i
		return Undef, true
	}
	it.pos = i + 1
	switch it.kind {
	case 1:
		return e.val, false
	case 2:
		return Obj(newTupleOf([]Value{e.key, e.val})), false
	}
	return e.key, false
}

// nextPairInline is nextInline for an items() iterator whose pairs are
// unpacked at once: the key and the value without the tuple.
func (it *dictIter) nextPairInline() (k, v Value, exhausted bool) {
	if it.d.Len() != it.size {
		return Undef, Undef, false
	}
	i, e := it.d.entryAt(it.pos)
	if e == nil {
		it.pos = i
		return Undef, Undef, true
	}
	it.pos = i + 1
	return e.key, e.val, false
}
