package vm

// Set is a mutable set; FrozenSet an immutable one.
//
// The hash table follows CPython's setobject.c (open addressing, 9 linear
// probes then perturbed probing, the same growth rule, the same reuse of
// dummy slots), so a set iterates — and prints — in the order python3
// prints it: iteration walks the table's slots in order.
//
// Unlike CPython, a slot holds a small index, not the entry itself: the
// entries (key and hash, 32 bytes) sit in a dense slice in the order their
// slots were first filled, and a slot is 1 byte while the table has at most
// 256 slots. A 9-element set has a 32-slot table, as in CPython, but that is
// 32 bytes of index plus 9 entries (~330 bytes) where a table of entries
// would be 1 KB; building small sets, the common case, allocates and
// touches a third of the memory.
//
// A copy that CPython makes by copying the table (same size, no dummies)
// shares the table and entries instead, copy-on-write: both sets are
// marked shared, and the first write to either gives it its own storage
// (own). Copies that are read and dropped, or restored unchanged (search
// and backtracking keep such snapshots), then cost one small header.
type Set struct {
	narrow []uint8    // the slots while the table has at most 256 of them
	wide   []uint32   // the slots of a larger table (narrow is nil then)
	ents   []setEntry // one per slot ever filled since the last resize: len is CPython's fill
	mask   uint64     // table size - 1
	used   int        // active entries
	finger int32      // where pop() resumes
	shared bool       // narrow/wide and ents may be another set's too: copy before writing
}

// A slot holds 0 when it was never used (probing stops there), else 1 +
// the index of its entry. An entry whose key is Undef was deleted: its
// slot is a dummy, which probing passes over and an insertion may reuse
// (together with the entry).
type setEntry struct {
	key  Value
	hash uint64
}

const (
	setMinSize   = 8
	setNarrowMax = 256 // the largest table whose slots fit a byte (fill stays below 255)
	linearProbes = 9
	perturbShift = 5
)

func (*Set) Class() *Class { return SetType }

// FrozenSet is an immutable set.
type FrozenSet struct{ s *Set }

func (*FrozenSet) Class() *Class { return FrozenSetType }

// setMaxFill is the fill at which a table of size slots grows: an
// insertion that brings fill*5 to mask*3 resizes.
func setMaxFill(size int) int { return (3*(size-1) + 4) / 5 }

// NewSet makes an empty set. Its 8-slot table and room for the entries
// that fit it are allocated with the Set, in one piece (CPython's
// smalltable): most sets stay small.
func NewSet() *Set {
	p := &struct {
		Set
		slots [setMinSize]uint8
		room  [5]setEntry // setMaxFill(8): the insertion that resizes still lands here first
	}{}
	p.narrow, p.ents, p.mask = p.slots[:], p.room[:0], setMinSize-1
	return &p.Set
}

// newSetFor makes an empty set for a display of n members: a single
// member, the most common, gets room for just its entry.
func newSetFor(n int) *Set {
	if n != 1 {
		return NewSet()
	}
	p := &struct {
		Set
		slots [setMinSize]uint8
		room  [1]setEntry
	}{}
	p.narrow, p.ents, p.mask = p.slots[:], p.room[:0], setMinSize-1
	return &p.Set
}

// newSetTable makes an empty set with a table of size slots and room for
// n entries, the header and a narrow index in one allocation.
func newSetTable(size, n int) *Set {
	if size == setMinSize && n <= 5 {
		return NewSet()
	}
	var s *Set
	switch {
	case size <= 32:
		p := &struct {
			Set
			slots [32]uint8
		}{}
		p.narrow = p.slots[:size]
		s = &p.Set
	case size <= setNarrowMax:
		s = &Set{narrow: make([]uint8, size)}
	default:
		s = &Set{wide: make([]uint32, size)}
	}
	s.mask = uint64(size - 1)
	s.ents = make([]setEntry, 0, n)
	return s
}

// slot is table slot i's content: 0 if never used, else 1 + an entry index.
func (s *Set) slot(i uint64) int {
	if s.narrow != nil {
		return int(s.narrow[i])
	}
	return int(s.wide[i])
}

func (s *Set) setSlot(i uint64, k int) {
	if s.narrow != nil {
		s.narrow[i] = uint8(k)
	} else {
		s.wide[i] = uint32(k)
	}
}

// at is the active entry in slot i, or nil for a free or dummy slot.
func (s *Set) at(i uint64) *setEntry {
	k := s.slot(i)
	if k == 0 {
		return nil
	}
	e := &s.ents[k-1]
	if e.key.IsUndef() {
		return nil
	}
	return e
}

// nextActive returns the first slot at or after i that holds an active
// entry, and the entry; past the table, nil. Walking a table in slot order
// is walking the set in iteration order.
func (s *Set) nextActive(i uint64) (uint64, *setEntry) {
	if tbl := s.narrow; tbl != nil {
		for ; i < uint64(len(tbl)); i++ {
			if k := tbl[i]; k != 0 {
				if e := &s.ents[k-1]; !e.key.IsUndef() {
					return i, e
				}
			}
		}
		return i, nil
	}
	for ; i < uint64(len(s.wide)); i++ {
		if k := s.wide[i]; k != 0 {
			if e := &s.ents[k-1]; !e.key.IsUndef() {
				return i, e
			}
		}
	}
	return i, nil
}

// Len is the number of elements.
func (s *Set) Len() int { return s.used }

func (s *Set) fill() int { return len(s.ents) }

// Add inserts v.
func (s *Set) Add(t *Thread, v Value) error {
	h, err := t.Hash(v)
	if err != nil {
		return err
	}
	return s.addHashed(t, v, h)
}

// addHashed is CPython's set_add_entry. An insertion reuses the last dummy
// slot its probe passed before reaching a free slot, as CPython does.
func (s *Set) addHashed(t *Thread, key Value, h uint64) error {
restart:
	mask := s.mask
	i := h & mask
	perturb := h
	free := uint64(0)
	haveFree := false
	for {
		probes := uint64(0)
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := uint64(0); j <= probes; j++ {
			slot := i + j
			k := s.slot(slot)
			if k == 0 {
				if haveFree {
					s.own()
					s.ents[s.slot(free)-1] = setEntry{key: key, hash: h}
					s.used++
					return nil
				}
				return s.insertAt(slot, key, h)
			}
			e := &s.ents[k-1]
			if e.key.IsUndef() {
				free, haveFree = slot, true
				continue
			}
			if e.hash != h {
				continue
			}
			if e.key.Is(key) {
				return nil
			}
			eq, changed, err := s.equalAt(t, k, key)
			if err != nil {
				return err
			}
			if eq {
				return nil
			}
			if changed {
				goto restart
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// insertAt fills the never-used slot with a new entry, growing the table
// by CPython's rule once fill reaches 3/5 of it.
func (s *Set) insertAt(slot uint64, key Value, h uint64) error {
	if uint64(len(s.ents)+1)*5 >= s.mask*3 && s.used >= growCheckMin {
		// This insertion will grow the table: ask first, so that a
		// refused set stays consistent.
		if err := CheckAlloc(int64(s.used)*4, 48); err != nil {
			return err
		}
	}
	s.own()
	s.ents = append(s.ents, setEntry{key: key, hash: h})
	s.setSlot(slot, len(s.ents))
	s.used++
	if uint64(len(s.ents))*5 >= s.mask*3 {
		n := s.used * 4
		if s.used > 50000 {
			n = s.used * 2
		}
		s.resize(n)
	}
	return nil
}

// equalAt compares the key of entry k-1 with key by __eq__, which may run
// Python code that changes the set: changed reports that the table was
// rebuilt or the entry replaced meanwhile, so the probe must start over
// (as CPython restarts).
func (s *Set) equalAt(t *Thread, k int, key Value) (eq, changed bool, err error) {
	start := s.ents[k-1].key
	ents, mask := s.ents, s.mask
	eq, err = t.keyEqual(start, key)
	if err != nil || eq {
		return eq, false, err
	}
	changed = s.mask != mask || len(s.ents) < k || &s.ents[0] != &ents[0] || !s.ents[k-1].key.Is(start)
	return false, changed, nil
}

// resize rebuilds the table with room for minused elements, reinserting
// active entries in slot order (which decides where they land).
func (s *Set) resize(minused int) {
	size := setMinSize
	for size <= minused {
		size <<= 1
	}
	old := *s
	s.narrow, s.wide, s.shared = nil, nil, false
	if size <= setNarrowMax {
		s.narrow = make([]uint8, size)
	} else {
		s.wide = make([]uint32, size)
	}
	s.mask = uint64(size - 1)
	// Room for twice the members: the table holds up to 3/5 of its size
	// (2.4 times used after a growth) before the next resize.
	s.ents = make([]setEntry, 0, min(2*s.used+1, setMaxFill(size)))
	for i, e := old.nextActive(0); e != nil; i, e = old.nextActive(i + 1) {
		s.ents = append(s.ents, *e)
		s.insertClean(e.hash, len(s.ents))
	}
}

// insertClean places entry k-1, whose key is known to be absent, into a
// table without dummies.
func (s *Set) insertClean(h uint64, k int) {
	mask := s.mask
	i := h & mask
	perturb := h
	for {
		if s.slot(i) == 0 {
			s.setSlot(i, k)
			return
		}
		if i+linearProbes <= mask {
			for j := uint64(1); j <= linearProbes; j++ {
				if s.slot(i+j) == 0 {
					s.setSlot(i+j, k)
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
restart:
	mask := s.mask
	i := h & mask
	perturb := h
	for {
		probes := uint64(0)
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := uint64(0); j <= probes; j++ {
			k := s.slot(i + j)
			if k == 0 {
				return -1, nil
			}
			e := &s.ents[k-1]
			if e.hash != h || e.key.IsUndef() {
				continue
			}
			if e.key.Is(key) {
				return int(i + j), nil
			}
			eq, changed, err := s.equalAt(t, k, key)
			if err != nil {
				return -1, err
			}
			if eq {
				return int(i + j), nil
			}
			if changed {
				goto restart
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
	s.deleteSlot(uint64(i))
	return true, nil
}

// deleteSlot turns active slot i into a dummy.
func (s *Set) deleteSlot(i uint64) {
	s.own()
	s.ents[s.slot(i)-1] = setEntry{}
	s.used--
}

// Pop removes and returns an element, as set.pop() does.
func (s *Set) Pop() (Value, bool) {
	if s.used == 0 {
		return Undef, false
	}
	i := uint64(uint32(s.finger)) & s.mask
	for s.at(i) == nil {
		i = (i + 1) & s.mask
	}
	v := s.at(i).key
	s.deleteSlot(i)
	s.finger = int32(i + 1)
	return v, true
}

// Clear removes everything (back to an 8-slot table, as CPython; pop's
// finger stays where it was, as in CPython).
func (s *Set) Clear() {
	*s = Set{narrow: make([]uint8, setMinSize), mask: setMinSize - 1, finger: s.finger}
}

// dropDummies is the end of CPython's set_difference_update: a table more
// than a quarter dummies is rebuilt.
func (s *Set) dropDummies() {
	if uint64(s.fill()-s.used) <= s.mask/4 {
		return
	}
	if s.used > 50000 {
		s.resize(s.used * 2)
	} else {
		s.resize(s.used * 4)
	}
}

// Items returns the elements in iteration (table) order.
func (s *Set) Items() []Value {
	out := make([]Value, 0, s.used)
	for i, e := s.nextActive(0); e != nil; i, e = s.nextActive(i + 1) {
		out = append(out, e.key)
	}
	return out
}

// itemsReversed stores the elements, which must be exactly len(dst), into
// dst last to first (an unpacking target's register order).
func (s *Set) itemsReversed(dst []Value) {
	n := len(dst)
	for i, e := s.nextActive(0); e != nil && n > 0; i, e = s.nextActive(i + 1) {
		n--
		dst[n] = e.key
	}
}

// merge adds every element of other, as CPython's set_merge does
// (including its fast paths, which decide the resulting table layout).
func (s *Set) merge(t *Thread, other *Set) error {
	if other == s || other.used == 0 {
		return nil
	}
	if uint64(s.fill()+other.used)*5 >= s.mask*3 {
		s.resize((s.used + other.used) * 2)
	}
	if s.fill() == 0 && s.mask == other.mask && other.fill() == other.used {
		// Same size, no dummies: the copy is the same table. Its entries
		// are dense (no deletions), so they copy as one block.
		copy(s.narrow, other.narrow)
		copy(s.wide, other.wide)
		s.ents = append(s.ents[:0], other.ents...)
		s.used = other.used
		return nil
	}
	if s.fill() == 0 {
		if cap(s.ents) < other.used {
			s.ents = make([]setEntry, 0, other.used)
		}
		for i, e := other.nextActive(0); e != nil; i, e = other.nextActive(i + 1) {
			s.ents = append(s.ents, *e)
			s.insertClean(e.hash, len(s.ents))
		}
		s.used = len(s.ents)
		return nil
	}
	// Re-read other's table at each step: __eq__ of a key may change it.
	for i, e := other.nextActive(0); e != nil; i, e = other.nextActive(i + 1) {
		if err := s.addHashed(t, e.key, e.hash); err != nil {
			return err
		}
	}
	return nil
}

// own gives s storage of its own before a write, if a copy shares it.
func (s *Set) own() {
	if !s.shared {
		return
	}
	s.shared = false
	if s.narrow != nil {
		s.narrow = append([]uint8(nil), s.narrow...)
	} else {
		s.wide = append([]uint32(nil), s.wide...)
	}
	s.ents = append([]setEntry(nil), s.ents...)
}

// copySet is set(s) / s.copy(). The copy's table has the size CPython's
// set_merge resizes an empty set to; when that is s's size and s has no
// dummies, CPython copies the table as is, and the copy shares s's storage
// until either is written. Otherwise the copy is built in one right-sized
// table with room for exactly the members.
func (s *Set) copySet() *Set {
	size := setMinSize
	if uint64(s.used)*5 >= (setMinSize-1)*3 {
		for size <= s.used*2 {
			size <<= 1
		}
	}
	if uint64(size-1) == s.mask && s.fill() == s.used && s.used > 0 {
		if !s.shared {
			s.shared = true // a frozen constant is marked already: copying it writes nothing
		}
		n := len(s.ents)
		return &Set{narrow: s.narrow, wide: s.wide, ents: s.ents[:n:n], mask: s.mask, used: s.used, shared: true}
	}
	n := newSetTable(size, s.used)
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
	pos  uint64
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
	return it.step()
}

// step is Next once the size is known unchanged: the next member, or
// exhaustion.
func (it *setIter) step() (Value, bool, error) {
	i, e := it.s.nextActive(it.pos)
	if e == nil {
		it.s = nil
		return Undef, false, nil
	}
	it.pos = i + 1
	return e.key, true, nil
}

// nextInline is the dispatch loop's FOR_ITER: the next member, or Undef
// with exhausted set, or Undef alone when the set changed size (Next then
// raises).
func (it *setIter) nextInline() (item Value, exhausted bool) {
	if it.s == nil {
		return Undef, true
	}
	if it.used != it.s.used {
		return Undef, false
	}
	i, e := it.s.nextActive(it.pos)
	if e == nil {
		it.s = nil
		return Undef, true
	}
	it.pos = i + 1
	return e.key, false
}
