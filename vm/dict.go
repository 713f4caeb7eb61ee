package vm

// Dict is an insertion-ordered hash map with Python key semantics
// (1, 1.0 and True are the same key; instances hash via __hash__/__eq__).
//
// The layout follows CPython's compact dict: entries are a dense slice in
// insertion order whose capacity is allocated once per resize (appending
// never reallocates), and index is an open-addressing table of entry
// positions. A dict of at most smallDictMax entries has no index at all:
// lookups scan the entries' hashes, which is as fast as probing for so few
// and saves the table's allocation for the many small dicts (keyword
// arguments, records, json objects). Deleted entries are tombstoned (key
// Undef) and dropped when the next resize compacts the entries, so a
// resize never calls __hash__ again: each entry keeps its hash.
type Dict struct {
	entries []dictEntry
	// index holds entry position+1; 0 is an empty slot (so a new table
	// needs no initialising pass) and slotDeleted a deleted one. nil while
	// the dict is small.
	index []int32
	live  int
	// popped counts the entries popitem cut off the end whose index
	// slots are still marked deleted: they use the table's room until the
	// next resize, like the entries before them.
	popped int
	// version changes on every structural change, so iterators can detect
	// "dictionary changed size during iteration".
	version uint64
	// module is set on a module's globals dict (globals(), __dict__):
	// writes to str keys go through to the module's slots.
	module *Module
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

// find returns the entry position of key (hash h), or -1, and the index
// slot where it would be inserted (-1 when the dict has no index). Script
// code run by __eq__ may change the dict: the lookup then starts over, as
// CPython's does, so the result always describes the dict as it is now.
func (d *Dict) find(t *Thread, key Value, h uint64) (int, int, error) {
	ks, _ := key.o.(*StrObj) // nil unless key is a str
	intKey := key.isInt()
restart:
	if d.index == nil {
		for p := range d.entries {
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
		} else if e := &d.entries[p-1]; e.hash == h {
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
	return p >= len(d.entries) || &d.entries[p] != e || !e.key.Is(stored)
}

// resize reallocates the entries with room for at least need items,
// dropping tombstones, and rebuilds the index from the stored hashes.
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
	entries := make([]dictEntry, 0, capacity)
	for _, e := range d.entries {
		if !e.key.IsUndef() {
			entries = append(entries, e)
		}
	}
	d.entries = entries
	d.index = nil
	d.popped = 0
	if size == 0 {
		return
	}
	d.index = make([]int32, size)
	mask := uint64(size - 1)
	for p := range entries {
		h := entries[p].hash
		i := h & mask
		perturb := h
		for d.index[i] != slotEmpty {
			perturb >>= 5
			i = (i*5 + 1 + perturb) & mask
		}
		d.index[i] = int32(p + 1)
	}
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
	return d.entries[p].val, true, nil
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
		d.entries[p].val = val
		return nil
	}
	if len(d.entries)+d.popped >= cap(d.entries) {
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
	d.entries = append(d.entries, dictEntry{key: key, val: val, hash: h})
	if d.index != nil {
		d.index[slot] = int32(len(d.entries))
	}
	d.live++
	d.version++
	return nil
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
	v := d.entries[p].val
	if d.module != nil {
		if s, ok := key.StrOf(); ok {
			d.module.deleteSlot(s)
		}
	}
	d.entries[p] = dictEntry{}
	if slot >= 0 {
		d.index[slot] = slotDeleted
	}
	d.live--
	d.version++
	if d.live == 0 {
		d.reuse()
	}
	return v, true, nil
}

// deleteAt removes the live entry at position p without hashing or
// comparing its key again (popitem: the key's __hash__ is not called).
func (d *Dict) deleteAt(p int) {
	e := &d.entries[p]
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
	d.version++
	if d.live == 0 {
		d.reuse()
	}
}

// reuse starts an emptied dict over in the same storage.
func (d *Dict) reuse() {
	d.entries = d.entries[:0]
	clear(d.index)
	d.popped = 0
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
	d.index = nil
	d.live = 0
	d.popped = 0
	d.version++
}

// Items calls fn for each item in insertion order; fn may stop by returning false.
func (d *Dict) Items(fn func(k, v Value) bool) {
	for _, e := range d.entries {
		if !e.key.IsUndef() {
			if !fn(e.key, e.val) {
				return
			}
		}
	}
}

// Keys returns the keys in order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.live)
	for _, e := range d.entries {
		if !e.key.IsUndef() {
			out = append(out, e.key)
		}
	}
	return out
}

// entryAt returns the next live entry at or after position i (for iterators).
func (d *Dict) entryAt(i int) (int, *dictEntry) {
	for ; i < len(d.entries); i++ {
		if !d.entries[i].key.IsUndef() {
			return i, &d.entries[i]
		}
	}
	return i, nil
}

// Copy makes a shallow copy (the hashes are copied, not recomputed).
func (d *Dict) Copy() *Dict {
	n := &Dict{}
	if d.live == 0 {
		return n
	}
	if d.live == len(d.entries) {
		// No tombstones: the same layout, index included.
		n.entries = make([]dictEntry, len(d.entries), cap(d.entries))
		copy(n.entries, d.entries)
		if d.index != nil {
			n.index = make([]int32, len(d.index))
			copy(n.index, d.index)
		}
		n.live = d.live
		return n
	}
	n.entries = d.entries
	n.resize(d.live)
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
	for i := len(d.entries) - 1; i >= 0; i-- {
		e := d.entries[i]
		if !e.key.IsUndef() {
			d.deleteAt(i)
			// As CPython: the entries end here, so popping every item
			// does not rescan the tombstones each time.
			if len(d.entries) > i {
				if d.index != nil {
					d.popped += len(d.entries) - i
				}
				d.entries = d.entries[:i]
			}
			return e.key, e.val, true
		}
	}
	return Undef, Undef, false
}
