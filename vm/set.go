package vm

import "unsafe"

// Set is a mutable set; FrozenSet an immutable one.
//
// The hash table follows CPython's setobject.c (open addressing, 9 linear
// probes then perturbed probing, the same growth rule, the same reuse of
// dummy slots), so a set iterates — and prints — in the order python3
// prints it: iteration walks the table's slots in order.
//
// Unlike CPython, a slot holds a small index, not the entry itself: the
// entries (key and hash, 32 bytes) sit in a separate slice, and a slot is
// 1 byte while the table has at most 256 slots. A 9-element set has a
// 32-slot table, as in CPython, but that is 32 bytes of index plus 9
// entries (~330 bytes) where a table of entries would be 1 KB; building
// small sets, the common case, allocates and touches a third of the
// memory.
//
// A deletion is recorded in the index alone (the slot becomes a dummy), so
// the entries are only ever appended to or reused from a free list, never
// rewritten while another set may see them. That lets copies share them:
// set(s) and s.copy() share s's index too when CPython would copy the
// table as is, and otherwise build just an index (a few bytes) over s's
// entries. A shared index is copied before its first write (idxShared);
// shared entries are never written in place (entsShared), so a deleted
// one stays until the entries are rebuilt (garbage). Copies that are read,
// dropped, restored or pruned by deletions (search and backtracking keep
// such snapshots) cost a small header and maybe an index.
type Set struct {
	idx    unsafe.Pointer // the slots: mask+1 uint8s while mask < setNarrowMax, else uint32s
	ents   []setEntry     // what live slots point at; some may be garbage or free
	used   int            // active entries
	mask   uint32         // table size - 1
	fill   int32          // slots active or dummy: CPython's fill, which decides growth
	finger int32          // where pop() resumes
	free   int32          // 1 + the first free entry (a chain through their hash words), or 0

	idxShared  bool // idx may be another set's too: copy it before writing a slot
	entsShared bool // ents may be another set's too: write no entry a slot points at
}

// A slot holds 0 when it was never used (probing stops there), all ones
// (of its width) for a dummy, which probing passes over and an insertion
// may reuse, else 1 + the index of its entry. A narrow table's entries
// stay below narrowEnts so that the dummy byte is never an entry's; and
// since len(ents) is below the dummy value of either width,
// uint(k-1) < uint(len(ents)) tells a live slot from a free or dummy one.
type setEntry struct {
	key  Value
	hash uint64 // for a free entry, the next free entry's 1+index (or 0)
}

const (
	setMinSize   = 8
	setNarrowMax = 256 // the largest table whose slots are bytes (its fill stays below 154)
	narrowEnts   = 254 // entries a narrow table can point at (255 is the dummy)
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
	p.idx, p.ents, p.mask = unsafe.Pointer(&p.slots[0]), p.room[:0], setMinSize-1
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
	p.idx, p.ents, p.mask = unsafe.Pointer(&p.slots[0]), p.room[:0], setMinSize-1
	return &p.Set
}

// newSetIndex makes an empty set with a table of size slots and no room
// for entries yet: the header and a small index in one allocation.
func newSetIndex(size int) *Set {
	var s *Set
	switch {
	case size == setMinSize:
		p := &struct {
			Set
			slots [setMinSize]uint8
		}{}
		p.idx, s = unsafe.Pointer(&p.slots[0]), &p.Set
	case size <= 32:
		p := &struct {
			Set
			slots [32]uint8
		}{}
		p.idx, s = unsafe.Pointer(&p.slots[0]), &p.Set
	default:
		s = &Set{idx: makeSetIndex(size)}
	}
	s.mask = uint32(size - 1)
	return s
}

// makeSetIndex allocates a zeroed table of size slots.
func makeSetIndex(size int) unsafe.Pointer {
	if size <= setNarrowMax {
		return unsafe.Pointer(unsafe.SliceData(make([]uint8, size)))
	}
	return unsafe.Pointer(unsafe.SliceData(make([]uint32, size)))
}

// slot is table slot i's content (i <= mask): 0 if never used, the dummy
// value, or 1 + an entry index.
func (s *Set) slot(i uint64) int {
	if s.mask < setNarrowMax {
		return int(*(*uint8)(unsafe.Add(s.idx, i)))
	}
	return int(*(*uint32)(unsafe.Add(s.idx, 4*i)))
}

func (s *Set) setSlot(i uint64, k int) {
	if s.mask < setNarrowMax {
		*(*uint8)(unsafe.Add(s.idx, i)) = uint8(k)
	} else {
		*(*uint32)(unsafe.Add(s.idx, 4*i)) = uint32(k)
	}
}

func (s *Set) setDummy(i uint64) {
	if s.mask < setNarrowMax {
		*(*uint8)(unsafe.Add(s.idx, i)) = 0xff
	} else {
		*(*uint32)(unsafe.Add(s.idx, 4*i)) = 0xffffffff
	}
}

// live reports whether slot content k points at an entry (not never-used,
// not a dummy).
func (s *Set) live(k int) bool { return uint(k-1) < uint(len(s.ents)) }

// idxBytes is the size of the table in bytes.
func (s *Set) idxBytes() int {
	if s.mask < setNarrowMax {
		return int(s.mask) + 1
	}
	return 4 * (int(s.mask) + 1)
}

// at is the active entry in slot i, or nil for a free or dummy slot.
func (s *Set) at(i uint64) *setEntry {
	if k := s.slot(i); s.live(k) {
		return &s.ents[k-1]
	}
	return nil
}

// nextActive returns the first slot at or after i that holds an active
// entry, and the entry; past the table, nil. Walking a table in slot order
// is walking the set in iteration order.
func (s *Set) nextActive(i uint64) (uint64, *setEntry) {
	n, ents := uint64(s.mask)+1, s.ents
	if s.mask < setNarrowMax {
		tbl := unsafe.Slice((*uint8)(s.idx), n)
		for ; i < n; i++ {
			if k := int(tbl[i]) - 1; uint(k) < uint(len(ents)) {
				return i, &ents[k]
			}
		}
		return i, nil
	}
	tbl := unsafe.Slice((*uint32)(s.idx), n)
	for ; i < n; i++ {
		if k := int(tbl[i]) - 1; uint(k) < uint(len(ents)) {
			return i, &ents[k]
		}
	}
	return i, nil
}

// storageBytes estimates the memory s holds (for Config.MaxMemory).
func (s *Set) storageBytes() int64 {
	return int64(unsafe.Sizeof(Set{})) + int64(s.idxBytes()) + int64(cap(s.ents))*int64(unsafe.Sizeof(setEntry{}))
}

// Len is the number of elements.
func (s *Set) Len() int { return s.used }

// markShared records that a copy shares s's index and entries. (A frozen
// constant is marked once when bound: copying it then writes nothing, so
// interpreters may copy it at the same time.)
func (s *Set) markShared() {
	if !s.idxShared {
		s.idxShared = true
	}
	if !s.entsShared {
		s.entsShared = true
	}
}

// shareEntries makes s, which has no entries of its own yet, use other's
// (copy-on-write): when other has little garbage, and, for a narrow s,
// few enough entries to point at. It reports whether it did.
func (s *Set) shareEntries(other *Set) bool {
	n := len(other.ents)
	if n > 2*other.used+8 || s.mask < setNarrowMax && n > narrowEnts {
		return false
	}
	if !other.entsShared {
		other.entsShared = true
	}
	s.ents, s.entsShared, s.free = other.ents[:n:n], true, 0
	return true
}

// ownIdx gives s a table of its own before a slot is written, if a copy
// shares it.
func (s *Set) ownIdx() {
	if !s.idxShared {
		return
	}
	s.idxShared = false
	old := s.idx
	s.idx = makeSetIndex(int(s.mask) + 1)
	s.copyIdx(old)
}

// copyIdx copies a table of s's size from src into s's.
func (s *Set) copyIdx(src unsafe.Pointer) {
	n := s.idxBytes()
	copy(unsafe.Slice((*uint8)(s.idx), n), unsafe.Slice((*uint8)(src), n))
}

// newEntry stores an entry and returns 1 + its index: a free one if there
// is one (nothing points at those, so even shared entries may be reused),
// else appended, rebuilding the entries when they are full.
func (s *Set) newEntry(key Value, h uint64) int {
	if k := int(s.free); k != 0 {
		s.free = int32(s.ents[k-1].hash)
		s.ents[k-1] = setEntry{key: key, hash: h}
		return k
	}
	if len(s.ents) == cap(s.ents) {
		s.regrowEntries()
	}
	s.ents = append(s.ents, setEntry{key: key, hash: h})
	return len(s.ents)
}

// regrowEntries makes room for one more entry in full entries: dropping
// the garbage (entries deleted while shared) when it is a quarter of them
// or a narrow table could point no further, else doubling.
func (s *Set) regrowEntries() {
	n := len(s.ents)
	limit := 1<<31 - 2
	if s.mask < setNarrowMax {
		limit = narrowEnts
	}
	if garbage := n - s.used; garbage > 0 && (garbage >= n/4 || n >= limit) {
		s.compactEntries(min(max(2*s.used+2, 8), limit))
		return
	}
	// Half as much again: full entries are mostly a copy's, shared
	// until now, that takes a few more members.
	ne := make([]setEntry, n, min(n+max(n/2, 4), limit))
	copy(ne, s.ents)
	s.ents, s.entsShared = ne, false
}

// compactEntries rebuilds the entries with just the active ones, in room
// for c, renumbering the slots.
func (s *Set) compactEntries(c int) {
	s.ownIdx()
	ne := make([]setEntry, 0, c)
	for i, e := s.nextActive(0); e != nil; i, e = s.nextActive(i + 1) {
		ne = append(ne, *e)
		s.setSlot(i, len(ne))
	}
	s.ents, s.entsShared, s.free = ne, false, 0
}

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
	mask := uint64(s.mask)
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
					s.ownIdx()
					s.setSlot(free, s.newEntry(key, h))
					s.used++
					return nil
				}
				return s.insertAt(slot, key, h)
			}
			if !s.live(k) {
				free, haveFree = slot, true
				continue
			}
			e := &s.ents[k-1]
			if e.hash != h {
				continue
			}
			if e.key.Is(key) {
				return nil
			}
			eq, changed, err := s.equalAt(t, slot, k, key)
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
	if uint64(s.fill+1)*5 >= uint64(s.mask)*3 && s.used >= growCheckMin {
		// This insertion will grow the table: ask first, so that a
		// refused set stays consistent.
		if err := CheckAlloc(int64(s.used)*4, 48); err != nil {
			return err
		}
	}
	s.ownIdx()
	s.setSlot(slot, s.newEntry(key, h))
	s.fill++
	s.used++
	if uint64(s.fill)*5 >= uint64(s.mask)*3 {
		n := s.used * 4
		if s.used > 50000 {
			n = s.used * 2
		}
		s.resize(n)
	}
	return nil
}

// equalAt compares the key of entry k-1, in slot pos, with key by __eq__,
// which may run Python code that changes the set: changed reports that
// the table was rebuilt or the slot's entry replaced meanwhile, so the
// probe must start over (as CPython restarts).
func (s *Set) equalAt(t *Thread, pos uint64, k int, key Value) (eq, changed bool, err error) {
	start := s.ents[k-1].key
	idx, mask := s.idx, s.mask
	eq, err = t.keyEqual(start, key)
	if err != nil || eq {
		return eq, false, err
	}
	changed = s.idx != idx || s.mask != mask || s.slot(pos) != k || !s.live(k) || !s.ents[k-1].key.Is(start)
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
	// Room for twice the members: the table holds up to 3/5 of its size
	// (2.4 times used after a growth) before the next resize.
	s.idx, s.mask = makeSetIndex(size), uint32(size-1)
	s.ents = make([]setEntry, 0, min(2*s.used+1, setMaxFill(size)))
	s.idxShared, s.entsShared, s.free = false, false, 0
	for i, e := old.nextActive(0); e != nil; i, e = old.nextActive(i + 1) {
		s.ents = append(s.ents, *e)
		s.insertClean(e.hash, len(s.ents))
	}
	s.fill = int32(s.used)
}

// insertClean places entry k-1, whose key is known to be absent, into a
// table without dummies.
func (s *Set) insertClean(h uint64, k int) {
	mask := uint64(s.mask)
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
	mask := uint64(s.mask)
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
			if !s.live(k) {
				continue
			}
			e := &s.ents[k-1]
			if e.hash != h {
				continue
			}
			if e.key.Is(key) {
				return int(i + j), nil
			}
			eq, changed, err := s.equalAt(t, i+j, k, key)
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

// deleteSlot turns active slot i into a dummy. Its entry goes on the free
// list, its key dropped, unless a copy may still point at it.
func (s *Set) deleteSlot(i uint64) {
	s.ownIdx()
	k := s.slot(i)
	s.setDummy(i)
	if !s.entsShared {
		s.ents[k-1] = setEntry{hash: uint64(s.free)}
		s.free = int32(k)
	}
	s.used--
}

// Pop removes and returns an element, as set.pop() does.
func (s *Set) Pop() (Value, bool) {
	if s.used == 0 {
		return Undef, false
	}
	mask := uint64(s.mask)
	i := uint64(uint32(s.finger)) & mask
	for s.at(i) == nil {
		i = (i + 1) & mask
	}
	v := s.at(i).key
	s.deleteSlot(i)
	s.finger = int32(i + 1)
	return v, true
}

// Clear removes everything (back to an 8-slot table, as CPython; pop's
// finger stays where it was, as in CPython).
func (s *Set) Clear() {
	*s = Set{idx: makeSetIndex(setMinSize), mask: setMinSize - 1, finger: s.finger}
}

// dropDummies is the end of CPython's set_difference_update: a table more
// than a quarter dummies is rebuilt.
func (s *Set) dropDummies() {
	if uint64(int(s.fill)-s.used) <= uint64(s.mask)/4 {
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
	if uint64(int(s.fill)+other.used)*5 >= uint64(s.mask)*3 {
		s.resize((s.used + other.used) * 2)
	}
	if s.fill == 0 {
		// An empty table takes other's members without comparisons, over
		// other's entries when it can share them. With the same size and
		// no dummies, the copy is the same table.
		s.ownIdx()
		asIs := s.mask == other.mask && int(other.fill) == other.used
		shared := s.shareEntries(other)
		switch {
		case asIs:
			if !shared {
				s.ents = append(s.ents[:0], other.ents...)
			}
			s.copyIdx(other.idx)
		case shared:
			for i, e := other.nextActive(0); e != nil; i, e = other.nextActive(i + 1) {
				s.insertClean(e.hash, other.slot(i))
			}
		default:
			if cap(s.ents) < other.used {
				s.ents = make([]setEntry, 0, other.used)
			}
			for i, e := other.nextActive(0); e != nil; i, e = other.nextActive(i + 1) {
				s.ents = append(s.ents, *e)
				s.insertClean(e.hash, len(s.ents))
			}
		}
		s.used, s.fill = other.used, int32(other.used)
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

// copySet is set(s) / s.copy(). The copy's table has the size CPython's
// set_merge resizes an empty set to; when that is s's size and s has no
// dummies, CPython copies the table as is, and the copy shares s's index
// and entries until either is written. Otherwise the copy gets its own
// index over s's entries (or, with much garbage among them, its own).
func (s *Set) copySet() *Set {
	size := s.copySize()
	if uint64(size-1) == uint64(s.mask) && int(s.fill) == s.used && s.used > 0 {
		s.markShared()
		n := len(s.ents)
		return &Set{idx: s.idx, ents: s.ents[:n:n], mask: s.mask, used: s.used, fill: s.fill, idxShared: true, entsShared: true}
	}
	n := newSetIndex(size)
	n.merge(nil, s)
	return n
}

// copySize is the table size of a copy of s: what CPython's set_merge
// resizes an empty set to for s's members.
func (s *Set) copySize() int {
	size := setMinSize
	if uint64(s.used)*5 >= (setMinSize-1)*3 {
		for size <= s.used*2 {
			size <<= 1
		}
	}
	return size
}

// copyOwn is copySet for a copy that is written at once (x | y): it gets
// entries of its own, with room for extra more unless they would grow the
// table anyway, instead of sharing s's and copying them on the first write.
func (s *Set) copyOwn(extra int) *Set {
	size := s.copySize()
	n := newSetIndex(size)
	if uint64(s.used+extra)*5 >= uint64(size-1)*3 {
		extra = 0
	}
	n.ents = make([]setEntry, 0, s.used+extra)
	if uint64(size-1) == uint64(s.mask) && int(s.fill) == s.used {
		// CPython copies the table as is: the same slots, renumbered.
		n.copyIdx(s.idx)
		for i, e := s.nextActive(0); e != nil; i, e = s.nextActive(i + 1) {
			n.ents = append(n.ents, *e)
			n.setSlot(i, len(n.ents))
		}
	} else {
		for i, e := s.nextActive(0); e != nil; i, e = s.nextActive(i + 1) {
			n.ents = append(n.ents, *e)
			n.insertClean(e.hash, len(n.ents))
		}
	}
	n.used, n.fill = s.used, int32(s.used)
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
	used int  // the set's size when iteration began; -1 once it changed
	loop bool // a for loop's own, recycled when exhausted (loopiter.go)
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
