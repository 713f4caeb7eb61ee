package vm

import "unsafe"

// Dict is an insertion-ordered hash map with Python key semantics
// (1, 1.0 and True are the same key; instances hash via __hash__/__eq__).
//
// The layout follows CPython's compact dict: entries are stored densely in
// insertion order (each with its hash, so a resize never calls __hash__
// again), and index is an open-addressing table of entry positions, at most
// 2/3 full. Deleted entries are tombstoned (key Undef) and dropped when a
// resize compacts the entries.
//
// A dict of at most smallDictMax entries has no index at all: lookups scan
// the entries' hashes, as fast as probing for so few, and the many small
// dicts (keyword arguments, records, json objects) save the table.
//
// Up to dictChunk entries are one slice whose capacity is fixed at each
// resize, so appending never reallocates. Beyond that the entries continue
// in chunks of dictChunk that are never moved: growing a big dict rebuilds
// only its index (4 bytes a slot) and allocates the chunks it fills, where
// one slice would be copied and its zeroed, twice-too-big successor
// allocated at every doubling (most of the time of filling a big dict).
type Dict struct {
	// entries holds positions [0, dictChunk), the whole dict while it is
	// smaller; cap(entries) is its room until the next resize (dictChunk
	// once big is set).
	entries []dictEntry
	big     *dictChunks
	// index holds entry position+1; 0 is an empty slot (so a new table
	// needs no initialising pass) and slotDeleted a deleted one. nil while
	// the dict is small.
	index []int32
	live  int
	// popped counts the entries popitem cut off the end whose index
	// slots are still marked deleted: they use the table's room until the
	// next resize, like the entries before them.
	popped int
	// module is set on a module's globals dict (globals(), __dict__):
	// writes to str keys go through to the module's slots.
	module *Module
}

// dictChunks holds a big dict's positions from dictChunk on.
type dictChunks struct {
	chunks [][]dictEntry // each of capacity dictChunk; all but the last full
	n      int           // positions in use, the first chunk's included
}

type dictEntry struct {
	key, val Value
	hash     uint64
}

func (*Dict) Class() *Class { return DictType }

const (
	slotEmpty   = 0
	slotDeleted = -1
	// smallDictMax is the most entries a dict holds without an index.
	smallDictMax = 8
	// smallDictFirst is the entries' capacity on the first insertion.
	smallDictFirst = 4
	// dictChunk is the size of a big dict's entry chunks (57 KB).
	dictChunkShift = 10
	dictChunk      = 1 << dictChunkShift
)

// NewDict makes an empty dict.
func NewDict() *Dict { return &Dict{} }

// NewDictSized makes an empty dict with room for n items, so filling it
// does not regrow (json objects, dict comprehensions of known size).
func NewDictSized(n int) *Dict {
	d := &Dict{}
	if n > 0 {
		d.resize(n)
	}
	return d
}

// Len is the number of items.
func (d *Dict) Len() int { return d.live }

// npos is the number of entry positions in use (live and tombstoned).
func (d *Dict) npos() int {
	if d.big != nil {
		return d.big.n
	}
	return len(d.entries)
}

// at is the entry at position p < npos().
func (d *Dict) at(p int) *dictEntry {
	if p < len(d.entries) {
		return &d.entries[p]
	}
	return &d.big.chunks[p>>dictChunkShift-1][p&(dictChunk-1)]
}

// room is how many positions the dict may use before it must resize.
func (d *Dict) room() int {
	if d.index != nil {
		return len(d.index) * 2 / 3
	}
	return cap(d.entries)
}

// push appends e at position npos(); the caller has checked room().
func (d *Dict) push(e dictEntry) {
	if d.big == nil {
		if n := len(d.entries); n < cap(d.entries) {
			// Field by field: append's copy of e went through a stack
			// temporary whose wide reload stalled on the narrow stores
			// that had just written it (half of push's time).
			d.entries = d.entries[:n+1]
			p := &d.entries[n]
			p.key, p.val, p.hash = e.key, e.val, e.hash
			return
		}
		d.big = &dictChunks{n: len(d.entries)}
	}
	b := d.big
	if k := len(b.chunks); k == 0 || len(b.chunks[k-1]) == dictChunk {
		b.chunks = append(b.chunks, make([]dictEntry, 0, dictChunk))
	}
	last := &b.chunks[len(b.chunks)-1]
	*last = append(*last, e)
	b.n++
}

// find returns the entry position of key (hash h), or -1, and the index
// slot where it would be inserted (-1 when the dict has no index). Script
// code run by __eq__ may change the dict: the lookup then starts over, as
// CPython's does, so the result always describes the dict as it is now.
func (d *Dict) find(t *Thread, key Value, h uint64) (int, int, error) {
	ks, _ := key.o.(*StrObj) // nil unless key is a str
	intKey := key.isInt()
restart:
	if d.index == nil {
		for p := range d.entries { // a small dict is all in entries
			e := &d.entries[p]
			if e.hash != h || e.key.IsUndef() {
				continue
			}
			if eq, decided := fastKeyEqual(e.key, key, ks, intKey); decided {
				if eq {
					return p, -1, nil
				}
				continue
			}
			stored := e.key
			eq, ran, err := slowKeyEqual(t, stored, key)
			if err != nil {
				return -1, -1, err
			}
			if ran && d.changedAt(p, e, stored) {
				goto restart
			}
			if eq {
				return p, -1, nil
			}
		}
		return -1, -1, nil
	}
	index := d.index
	mask := uint64(len(index) - 1)
	i := h & mask
	perturb := h
	insertAt := -1
	for {
		p := index[i]
		if p == slotEmpty {
			if insertAt < 0 {
				insertAt = int(i)
			}
			return -1, insertAt, nil
		}
		if p == slotDeleted {
			if insertAt < 0 {
				insertAt = int(i)
			}
		} else if e := d.at(int(p - 1)); e.hash == h {
			eq, decided := fastKeyEqual(e.key, key, ks, intKey)
			if !decided {
				stored := e.key
				var ran bool
				var err error
				eq, ran, err = slowKeyEqual(t, stored, key)
				if err != nil {
					return -1, -1, err
				}
				if ran && d.changedAt(int(p-1), e, stored) {
					goto restart
				}
			}
			if eq {
				return int(p - 1), int(i), nil
			}
		}
		perturb >>= 5
		i = (i*5 + 1 + perturb) & mask
	}
}

// fastKeyEqual compares a stored key with a looked-up one of the same hash
// when both are strs or both ints (the common keys), without the equality
// protocol; decided is false for any other pair. ks is key as a *StrObj
// (nil if it is not one), intKey whether it is an int.
func fastKeyEqual(stored, key Value, ks *StrObj, intKey bool) (eq, decided bool) {
	if ks != nil {
		if es, ok := stored.o.(*StrObj); ok {
			return es == ks || es.s == ks.s, true
		}
	} else if intKey && stored.isInt() {
		return stored.n == key.n, true
	}
	return false, false
}

// slowKeyEqual is stored == key by identity and then the equality
// protocol; ran reports whether script code may have run.
func slowKeyEqual(t *Thread, stored, key Value) (eq, ran bool, err error) {
	if stored.Is(key) {
		return true, false, nil
	}
	eq, err = t.keyEqual(stored, key)
	return eq, true, err
}

// changedAt reports whether the dict changed under a comparison with the
// entry at position p (which was e, holding stored): the entries were
// reallocated or cleared, or that entry no longer holds the key compared.
func (d *Dict) changedAt(p int, e *dictEntry, stored Value) bool {
	return p >= d.npos() || d.at(p) != e || !e.key.Is(stored)
}

// resize makes room for at least need items, dropping tombstones, and
// rebuilds the index from the stored hashes.
func (d *Dict) resize(need int) {
	var size int // index size, 0 for none
	capacity := smallDictFirst
	if need > smallDictFirst {
		capacity = smallDictMax
	}
	if need > smallDictMax {
		// As CPython: a power-of-two table at most 2/3 full.
		size = 16
		for size*2/3 < need {
			size *= 2
		}
		capacity = size * 2 / 3
	}
	if capacity > dictChunk && d.live == d.npos() {
		// Big and without tombstones: the entries stay where they are.
		if d.big == nil && cap(d.entries) < dictChunk {
			first := make([]dictEntry, len(d.entries), dictChunk)
			copy(first, d.entries)
			d.entries = first
		}
	} else {
		old := *d
		d.entries = make([]dictEntry, 0, min(capacity, dictChunk))
		d.big = nil
		for p, n := 0, old.npos(); p < n; p++ {
			if e := old.at(p); !e.key.IsUndef() {
				d.push(*e)
			}
		}
	}
	d.popped = 0
	d.index = nil
	if size == 0 {
		return
	}
	d.index = make([]int32, size)
	for p, n := 0, d.npos(); p < n; p++ {
		d.index[d.freeSlot(d.at(p).hash)] = int32(p + 1)
	}
}

// freeSlot is the first empty or deleted index slot on h's probe path.
func (d *Dict) freeSlot(h uint64) int {
	mask := uint64(len(d.index) - 1)
	i := h & mask
	perturb := h
	for d.index[i] > 0 {
		perturb >>= 5
		i = (i*5 + 1 + perturb) & mask
	}
	return int(i)
}

// Get looks up key.
func (d *Dict) Get(t *Thread, key Value) (Value, bool, error) {
	h, err := t.Hash(key)
	if err != nil {
		return Undef, false, err
	}
	p, _, err := d.find(t, key, h)
	if err != nil || p < 0 {
		return Undef, false, err
	}
	return d.at(p).val, true, nil
}

// GetStr looks up a str key without a thread (str keys never call script code).
func (d *Dict) GetStr(key string) (Value, bool) {
	v, ok, _ := d.Get(nil, Str(key))
	return v, ok
}

// Set inserts or replaces key.
func (d *Dict) Set(t *Thread, key, val Value) error {
	h, err := t.Hash(key)
	if err != nil {
		return err
	}
	return d.setHashed(t, key, val, h)
}

// SetStr sets a str key.
func (d *Dict) SetStr(key string, val Value) { d.Set(nil, Str(key), val) }

func (d *Dict) setHashed(t *Thread, key, val Value, h uint64) error {
	p, slot, err := d.find(t, key, h)
	if err != nil {
		return err
	}
	if d.module != nil {
		if s, ok := key.StrOf(); ok {
			d.module.setSlot(s, val)
		}
	}
	if p >= 0 {
		d.at(p).val = val
		return nil
	}
	if d.npos()+d.popped >= d.room() {
		// Full (tombstones count): make room for twice the live items,
		// as CPython does (a table 3× their number), so a dict filled one
		// key at a time resizes a logarithmic number of times and one that
		// churns (insert one, delete one) is compacted at the same size.
		need := 2 * d.live
		if need <= d.live {
			need = d.live + 1
		}
		if need >= growCheckMin {
			if err := CheckAlloc(int64(need), 56+8); err != nil {
				return err
			}
		}
		d.resize(need)
		if d.index != nil {
			slot = d.freeSlot(h)
		}
	} else if slot < 0 && d.index != nil {
		slot = d.freeSlot(h)
	}
	d.push(dictEntry{key: key, val: val, hash: h})
	if d.index != nil {
		d.index[slot] = int32(d.npos())
	}
	d.live++
	return nil
}

// Delete removes key, reporting whether it was present.
func (d *Dict) Delete(t *Thread, key Value) (Value, bool, error) {
	h, err := t.Hash(key)
	if err != nil {
		return Undef, false, err
	}
	p, slot, err := d.find(t, key, h)
	if err != nil || p < 0 {
		return Undef, false, err
	}
	v := d.at(p).val
	if d.module != nil {
		if s, ok := key.StrOf(); ok {
			d.module.deleteSlot(s)
		}
	}
	*d.at(p) = dictEntry{}
	if slot >= 0 {
		d.index[slot] = slotDeleted
	}
	d.live--
	if d.live == 0 {
		d.reuse()
	}
	return v, true, nil
}

// deleteAt removes the live entry at position p without hashing or
// comparing its key again (popitem: the key's __hash__ is not called).
func (d *Dict) deleteAt(p int) {
	e := d.at(p)
	if d.module != nil {
		if s, ok := e.key.StrOf(); ok {
			d.module.deleteSlot(s)
		}
	}
	if d.index != nil {
		mask := uint64(len(d.index) - 1)
		i := e.hash & mask
		perturb := e.hash
		for d.index[i] != int32(p+1) {
			perturb >>= 5
			i = (i*5 + 1 + perturb) & mask
		}
		d.index[i] = slotDeleted
	}
	*e = dictEntry{}
	d.live--
	if d.live == 0 {
		d.reuse()
	}
}

// reuse starts an emptied dict over in the same storage (its first
// slice; the chunks of a big one are dropped).
func (d *Dict) reuse() {
	d.entries = d.entries[:0]
	d.big = nil
	clear(d.index)
	d.popped = 0
}

// dropFrom cuts the positions from n on, which are all tombstones.
func (d *Dict) dropFrom(n int) {
	if d.index != nil {
		d.popped += d.npos() - n
	}
	if b := d.big; b != nil {
		for b.n > n && len(b.chunks) > 0 {
			last := &b.chunks[len(b.chunks)-1]
			*last = (*last)[:len(*last)-1]
			b.n--
			if len(*last) == 0 {
				b.chunks = b.chunks[:len(b.chunks)-1]
			}
		}
		if len(b.chunks) == 0 {
			d.big = nil
		}
	}
	if n < len(d.entries) {
		d.entries = d.entries[:n]
	}
}

// Clear removes everything.
func (d *Dict) Clear() {
	if d.module != nil {
		for _, k := range d.Keys() {
			if s, ok := k.StrOf(); ok {
				d.module.deleteSlot(s)
			}
		}
	}
	d.entries = nil
	d.big = nil
	d.index = nil
	d.live = 0
	d.popped = 0
}

// Items calls fn for each item in insertion order; fn may stop by returning false.
func (d *Dict) Items(fn func(k, v Value) bool) {
	for p := 0; p < d.npos(); p++ {
		if e := d.at(p); !e.key.IsUndef() {
			if !fn(e.key, e.val) {
				return
			}
		}
	}
}

// Keys returns the keys in order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.live)
	for p, n := 0, d.npos(); p < n; p++ {
		if e := d.at(p); !e.key.IsUndef() {
			out = append(out, e.key)
		}
	}
	return out
}

// entryAt returns the next live entry at or after position i (for iterators).
func (d *Dict) entryAt(i int) (int, *dictEntry) {
	for n := d.npos(); i < n; i++ {
		if e := d.at(i); !e.key.IsUndef() {
			return i, e
		}
	}
	return i, nil
}

// storageBytes is the memory the dict's tables take (for memory limits).
func (d *Dict) storageBytes() int64 {
	n := cap(d.entries)
	if d.big != nil {
		n += len(d.big.chunks) * dictChunk
	}
	return 80 + int64(n)*int64(unsafe.Sizeof(dictEntry{})) + int64(cap(d.index))*4
}

// Copy makes a shallow copy (the hashes are copied, not recomputed).
func (d *Dict) Copy() *Dict {
	n := &Dict{}
	if d.live == 0 {
		return n
	}
	if d.live == len(d.entries) && d.big == nil {
		// Small or middling, without tombstones: the same layout.
		n.entries = make([]dictEntry, len(d.entries), cap(d.entries))
		copy(n.entries, d.entries)
		if d.index != nil {
			n.index = make([]int32, len(d.index))
			copy(n.index, d.index)
		}
		n.live = d.live
		return n
	}
	n.resize(d.live)
	for p, np := 0, d.npos(); p < np; p++ {
		if e := d.at(p); !e.key.IsUndef() {
			n.push(*e)
			if n.index != nil {
				n.index[n.freeSlot(e.hash)] = int32(n.npos())
			}
		}
	}
	n.live = d.live
	return n
}

// setHashedPlain and deletePlain change a str key without writing through
// to the module (the module is the one writing).
func (d *Dict) setHashedPlain(key string, val Value) {
	m := d.module
	d.module = nil
	d.SetStr(key, val)
	d.module = m
}

func (d *Dict) deletePlain(key string) {
	m := d.module
	d.module = nil
	d.Delete(nil, Str(key))
	d.module = m
}

// PopLast removes and returns the last item (dict.popitem).
func (d *Dict) PopLast(t *Thread) (Value, Value, bool) {
	for i := d.npos() - 1; i >= 0; i-- {
		if e := d.at(i); !e.key.IsUndef() {
			k, v := e.key, e.val
			d.deleteAt(i)
			// As CPython: the entries end here, so popping every item
			// does not rescan the tombstones each time.
			if d.live > 0 {
				d.dropFrom(i)
			}
			return k, v, true
		}
	}
	return Undef, Undef, false
}

// getHashed looks up key whose hash h is known (a key stored in another
// dict), so __hash__ is not called again.
func (d *Dict) getHashed(t *Thread, key Value, h uint64) (Value, bool, error) {
	p, _, err := d.find(t, key, h)
	if err != nil || p < 0 {
		return Undef, false, err
	}
	return d.at(p).val, true, nil
}

// Merge is d.update(src) for a dict src. As in CPython, the keys' stored
// hashes are reused (no __hash__ is called), an empty d takes a copy of
// src's tables, and src gaining entries during the update (a key's __eq__
// adding to it) is an error.
func (d *Dict) Merge(t *Thread, src *Dict) error {
	if d.live == 0 && d.module == nil && d != src {
		if src.live > 0 {
			c := src.Copy()
			d.entries, d.big, d.index, d.live, d.popped = c.entries, c.big, c.index, c.live, c.popped
		}
		return nil
	}
	n := src.npos()
	for p := 0; p < n && p < src.npos(); p++ {
		e := *src.at(p)
		if e.key.IsUndef() {
			continue
		}
		if err := d.setHashed(t, e.key, e.val, e.hash); err != nil {
			return err
		}
		if src.npos() != n {
			return Errorf(RuntimeError, "dict mutated during update")
		}
	}
	return nil
}
