package vm

// Dict is an insertion-ordered hash map with Python key semantics
// (1, 1.0 and True are the same key; instances hash via __hash__/__eq__).
// Entries live in a slice in insertion order; index is an open-addressing
// table of entry positions. Deleted entries are tombstoned and compacted
// when they pile up.
type Dict struct {
	entries []dictEntry
	index   []int32 // -1 empty, -2 deleted, otherwise entry position
	live    int
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

// NewDict makes an empty dict.
func NewDict() *Dict { return &Dict{} }

// NewDictSized makes an empty dict with room for n items, so filling it
// does not regrow (json objects, dict comprehensions of known size).
func NewDictSized(n int) *Dict {
	d := &Dict{}
	if n > 0 {
		d.entries = make([]dictEntry, 0, n)
		d.live = n // sizes the index as grow() would for n items
		d.grow()
		d.live = 0
	}
	return d
}

// Len is the number of items.
func (d *Dict) Len() int { return d.live }

const (
	slotEmpty   = -1
	slotDeleted = -2
)

// find returns the entry position of key, or -1, and the index slot where it
// would be inserted.
func (d *Dict) find(t *Thread, key Value, h uint64) (int, int, error) {
	if len(d.index) == 0 {
		return -1, -1, nil
	}
	mask := uint64(len(d.index) - 1)
	i := h & mask
	perturb := h
	insertAt := -1
	// A str key (the common case) compares with str entries here, by
	// pointer and then bytes, without the general equality protocol.
	ks, strKey := key.o.(*StrObj)
	for {
		p := d.index[i]
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
		} else {
			e := &d.entries[p]
			if e.hash == h {
				if strKey {
					if es, ok := e.key.o.(*StrObj); ok {
						if es == ks || es.s == ks.s {
							return int(p), int(i), nil
						}
						perturb >>= 5
						i = (i*5 + 1 + perturb) & mask
						continue
					}
				}
				if e.key.Is(key) {
					return int(p), int(i), nil
				}
				eq, err := t.keyEqual(e.key, key)
				if err != nil {
					return -1, -1, err
				}
				if eq {
					return int(p), int(i), nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + 1 + perturb) & mask
	}
}

func (d *Dict) grow() {
	n := 8
	for n*2 < (d.live+1)*3 {
		n *= 2
	}
	n *= 2
	// compact entries
	if d.live != len(d.entries) {
		j := 0
		for _, e := range d.entries {
			if !e.key.IsUndef() {
				d.entries[j] = e
				j++
			}
		}
		clear(d.entries[j:])
		d.entries = d.entries[:j]
	}
	d.index = make([]int32, n)
	for i := range d.index {
		d.index[i] = slotEmpty
	}
	mask := uint64(n - 1)
	for p, e := range d.entries {
		i := e.hash & mask
		perturb := e.hash
		for d.index[i] != slotEmpty {
			perturb >>= 5
			i = (i*5 + 1 + perturb) & mask
		}
		d.index[i] = int32(p)
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
	if slot < 0 || len(d.entries)+1 > len(d.index)*2/3 {
		if len(d.entries) >= growCheckMin {
			if err := CheckAlloc(int64(len(d.entries))*2, 64+8); err != nil {
				return err
			}
		}
		d.grow()
		_, slot, _ = d.find(t, key, h)
	}
	d.index[slot] = int32(len(d.entries))
	d.entries = append(d.entries, dictEntry{key: key, val: val, hash: h})
	d.live++
	d.version++
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
	v := d.entries[p].val
	if d.module != nil {
		if s, ok := key.StrOf(); ok {
			d.module.deleteSlot(s)
		}
	}
	d.entries[p] = dictEntry{}
	d.index[slot] = slotDeleted
	d.live--
	d.version++
	if d.live == 0 {
		d.entries = d.entries[:0]
		d.index = nil
	}
	return v, true, nil
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

// Copy makes a shallow copy.
func (d *Dict) Copy() *Dict {
	n := &Dict{live: d.live}
	n.entries = make([]dictEntry, 0, d.live)
	for _, e := range d.entries {
		if !e.key.IsUndef() {
			n.entries = append(n.entries, e)
		}
	}
	if d.live > 0 {
		n.live = len(n.entries)
		n.grow()
	}
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
			d.Delete(t, e.key)
			return e.key, e.val, true
		}
	}
	return Undef, Undef, false
}
