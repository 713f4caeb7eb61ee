package vm

// Set is a mutable set; FrozenSet an immutable one. The table follows
// CPython's setobject.c (open addressing, 9 linear probes then perturbed
// probing, the same growth rule), so a set of ints iterates — and prints —
// in the order python3 prints it.
type Set struct {
	table  []setEntry
	fill   int // active + dummy slots
	used   int // active slots
	finger int // where pop() resumes
}

// A setEntry is active when it holds a key; a keyless one is unused
// (hash 0) or a dummy left by a deletion (hash setDummyHash), which probing
// passes over. No state byte: an entry is 40 bytes, not 48.
type setEntry struct {
	key  Value
	hash uint64
}

const setDummyHash = ^uint64(0)

// free reports an entry that was never used (probing stops there).
func (e *setEntry) free() bool { return e.key.IsUndef() && e.hash == 0 }

const (
	setMinSize   = 8
	linearProbes = 9
	perturbShift = 5
)

func (*Set) Class() *Class { return SetType }

// FrozenSet is an immutable set.
type FrozenSet struct{ s *Set }

func (*FrozenSet) Class() *Class { return FrozenSetType }

// NewSet makes an empty set.
// The first table is allocated with the Set, in one piece (CPython's
// smalltable): most sets stay small.
func NewSet() *Set {
	p := &struct {
		Set
		small [setMinSize]setEntry
	}{}
	p.table = p.small[:]
	return &p.Set
}

// Len is the number of elements.
func (s *Set) Len() int { return s.used }

func (s *Set) mask() uint64 { return uint64(len(s.table) - 1) }

// Add inserts v.
func (s *Set) Add(t *Thread, v Value) error {
	h, err := t.Hash(v)
	if err != nil {
		return err
	}
	return s.addHashed(t, v, h)
}

func (s *Set) addHashed(t *Thread, key Value, h uint64) error {
	mask := s.mask()
	i := h & mask
	perturb := h
	free := -1
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := uint64(0); j <= uint64(probes); j++ {
			e := &s.table[i+j]
			switch {
			case e.free():
				if free >= 0 {
					s.table[free] = setEntry{key: key, hash: h}
					s.used++
					return nil
				}
				if uint64(s.fill+1)*5 >= mask*3 && s.used >= growCheckMin {
					// This insertion will grow the table: ask first, so
					// that a refused set stays consistent.
					if err := CheckAlloc(int64(s.used)*4, 48); err != nil {
						return err
					}
				}
				*e = setEntry{key: key, hash: h}
				s.fill++
				s.used++
				if uint64(s.fill)*5 >= mask*3 {
					n := s.used * 4
					if s.used > 50000 {
						n = s.used * 2
					}
					s.resize(n)
				}
				return nil
			case !e.key.IsUndef():
				if e.hash == h {
					if e.key.Is(key) {
						return nil
					}
					eq, err := t.keyEqual(e.key, key)
					if err != nil {
						return err
					}
					if eq {
						return nil
					}
				}
			default: // a dummy
				if free < 0 {
					free = int(i + j)
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// resize rebuilds the table with room for minused elements, reinserting
// active entries in table order.
func (s *Set) resize(minused int) {
	size := setMinSize
	for size <= minused {
		size <<= 1
	}
	old := s.table
	s.table = make([]setEntry, size)
	s.fill = s.used
	for _, e := range old {
		if !e.key.IsUndef() {
			s.insertClean(e.key, e.hash)
		}
	}
}

// insertClean places a key known to be absent into a table without dummies.
func (s *Set) insertClean(key Value, h uint64) {
	mask := s.mask()
	i := h & mask
	perturb := h
	for {
		if s.table[i].free() {
			s.table[i] = setEntry{key: key, hash: h}
			return
		}
		if i+linearProbes <= mask {
			for j := uint64(1); j <= linearProbes; j++ {
				if s.table[i+j].free() {
					s.table[i+j] = setEntry{key: key, hash: h}
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// find returns the slot holding key, or -1.
func (s *Set) find(t *Thread, key Value, h uint64) (int, error) {
	mask := s.mask()
	i := h & mask
	perturb := h
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := uint64(0); j <= uint64(probes); j++ {
			e := &s.table[i+j]
			switch {
			case e.free():
				return -1, nil
			case !e.key.IsUndef():
				if e.hash == h {
					if e.key.Is(key) {
						return int(i + j), nil
					}
					eq, err := t.keyEqual(e.key, key)
					if err != nil {
						return -1, err
					}
					if eq {
						return int(i + j), nil
					}
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// Has reports membership.
func (s *Set) Has(t *Thread, v Value) (bool, error) {
	h, err := t.Hash(v)
	if err != nil {
		return false, err
	}
	i, err := s.find(t, v, h)
	return i >= 0, err
}

// Remove deletes v, reporting whether it was there.
func (s *Set) Remove(t *Thread, v Value) (bool, error) {
	h, err := t.Hash(v)
	if err != nil {
		return false, err
	}
	i, err := s.find(t, v, h)
	if err != nil || i < 0 {
		return false, err
	}
	s.table[i] = setEntry{hash: setDummyHash}
	s.used--
	return true, nil
}

// Pop removes and returns an element, as set.pop() does.
func (s *Set) Pop() (Value, bool) {
	if s.used == 0 {
		return Undef, false
	}
	i := s.finger & (len(s.table) - 1)
	for s.table[i].key.IsUndef() {
		i++
		if i >= len(s.table) {
			i = 0
		}
	}
	v := s.table[i].key
	s.table[i] = setEntry{hash: setDummyHash}
	s.used--
	s.finger = i + 1
	return v, true
}

// Clear removes everything.
func (s *Set) Clear() {
	s.table = make([]setEntry, setMinSize)
	s.fill, s.used, s.finger = 0, 0, 0
}

// Items returns the elements in iteration (table) order.
func (s *Set) Items() []Value {
	out := make([]Value, 0, s.used)
	for _, e := range s.table {
		if !e.key.IsUndef() {
			out = append(out, e.key)
		}
	}
	return out
}

// merge adds every element of other, as CPython's set_merge does
// (including its fast paths, which decide the resulting table layout).
func (s *Set) merge(t *Thread, other *Set) error {
	if other == s || other.used == 0 {
		return nil
	}
	if uint64(s.fill+other.used)*5 >= s.mask()*3 {
		s.resize((s.used + other.used) * 2)
	}
	if s.fill == 0 && len(s.table) == len(other.table) && other.fill == other.used {
		copy(s.table, other.table)
		s.fill, s.used = other.fill, other.used
		return nil
	}
	if s.fill == 0 {
		s.fill, s.used = other.used, other.used
		for _, e := range other.table {
			if !e.key.IsUndef() {
				s.insertClean(e.key, e.hash)
			}
		}
		return nil
	}
	for _, e := range other.table {
		if !e.key.IsUndef() {
			if err := s.addHashed(t, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// copySet is set(s) / s.copy(). The copy's table is allocated once, at
// the size CPython's set_merge resizes an empty set to (the small table
// would be garbage at once).
func (s *Set) copySet() *Set {
	size := setMinSize
	if uint64(s.used)*5 >= (setMinSize-1)*3 {
		for size <= s.used*2 {
			size <<= 1
		}
	}
	var n *Set
	if size == setMinSize {
		n = NewSet()
	} else {
		n = &Set{table: make([]setEntry, size)}
	}
	n.merge(nil, s)
	return n
}

// newSetOf is the set built by set(args...) or frozenset(args...).
func newSetOf(t *Thread, args []Value) (*Set, error) {
	if len(args) == 0 {
		return NewSet(), nil
	}
	if o, ok := asSet(args[0]); ok {
		return o.copySet(), nil
	}
	s := NewSet()
	return s, s.update(t, args[0])
}

// update adds the elements of any iterable (set_update_internal).
func (s *Set) update(t *Thread, it Value) error {
	if o, ok := asSet(it); ok {
		return s.merge(t, o)
	}
	return t.Iterate(it, func(v Value) error { return s.Add(t, v) })
}

// NewFrozenSet wraps s, which the caller must not change afterwards.
func NewFrozenSet(s *Set) *FrozenSet { return &FrozenSet{s: s} }

// Items returns the members in iteration order.
func (f *FrozenSet) Items() []Value { return f.s.Items() }

// setIter walks a set's table live, as CPython's set iterator does: a
// change of size is an error (for good: the iterator stays broken), and
// a change that keeps the size shows through. It copies nothing.
type setIter struct {
	s    *Set // nil once exhausted
	pos  int
	used int // the set's size when iteration began; -1 once it changed
}

func newSetIter(s *Set) *setIter { return &setIter{s: s, used: s.used} }

func (*setIter) Class() *Class { return SetIterType }

func (it *setIter) Next(t *Thread) (Value, bool, error) {
	s := it.s
	if s == nil {
		return Undef, false, nil
	}
	if it.used != s.used {
		it.used = -1
		return Undef, false, Errorf(RuntimeError, "Set changed size during iteration")
	}
	i := it.pos
	for i < len(s.table) && s.table[i].key.IsUndef() {
		i++
	}
	if i >= len(s.table) {
		it.s = nil
		return Undef, false, nil
	}
	it.pos = i + 1
	return s.table[i].key, true, nil
}
