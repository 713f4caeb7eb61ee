package vm

// Inline caches for attribute instructions.
//
// Each LOAD_ATTR, LOAD_METHOD and STORE_ATTR instruction has one attrCache
// entry remembering what the last receiver's class resolved the name to,
// keyed by the class and its version (bumped by any change to the class or an
// ancestor, see Class.invalidate), and — for instances — the instance layout
// (shape) and the slot the name has in it. A hit reads or writes the slot
// directly; a miss takes the full lookup (descriptors, __getattribute__,
// __getattr__, __slots__ and metaclasses keep their meaning) and refills.

// attrCache remembers one instruction's last lookup.
type attrCache struct {
	cls *Class
	ver uint32
	// plain says v is neither a property nor another data descriptor and the
	// class has no script __getattribute__, so the instance's own attributes
	// come first (loads).
	plain bool
	// idx is the name's slot in shape, or -1 when instances of that layout
	// lack it (shape nil: nothing cached for instances yet).
	idx   int32
	shape *shape
	// next is, for a store that adds the name, the layout after it (nil:
	// the store overwrites slot idx).
	next *shape
	// slot is, when the name is a __slots__ member, its index + 1.
	slot int32
	// dataVer is the class's dataVer when v, if plain data, was read.
	dataVer uint32
	// v is the class attribute (Undef: none).
	v Value
	// prop is set when v is a property whose getter the dispatch loop may
	// run as a frame of its own (the class has no __getattr__ that an
	// AttributeError from the getter would have to reach, and no script
	// __getattribute__).
	prop *Property
}

// attrCache returns the (primary) cache entry of the instruction at pc.
//
// Each instruction has two entries, so that a site that sees two classes —
// a base class method running on instances of two subclasses, the commonest
// polymorphism — hits for both instead of refilling on every alternation: a
// fill moves the primary entry to the alternate one (attrEntry finds either).
func (c *Code) attrCache(pc int) *attrCache {
	if c.attrCaches == nil {
		c.attrCaches = make([]attrCache, 2*c.numCaches)
	}
	return &c.attrCaches[2*c.cacheSlot[pc]]
}

// attrEntry returns the entry of the instruction at pc that is valid for
// cls (hit), else the primary entry.
func (c *Code) attrEntry(pc int, cls *Class) (ce *attrCache, hit bool) {
	ce = c.attrCache(pc)
	if ce.cls == cls && ce.ver == cls.version {
		return ce, true
	}
	alt := &c.attrCaches[2*c.cacheSlot[pc]+1]
	if alt.cls == cls && alt.ver == cls.version {
		return alt, true
	}
	return ce, false
}

// refill returns the primary entry of the instruction at pc ready to be
// refilled for cls: an entry for another class moves to the alternate slot.
func (c *Code) refill(pc int, cls *Class) *attrCache {
	ce := c.attrCache(pc)
	if ce.cls != nil && ce.cls != cls {
		c.attrCaches[2*c.cacheSlot[pc]+1] = *ce
	}
	return ce
}

// numberAttrCaches gives every attribute instruction its entry (at compile
// time, so that the bound copies of shared code share the numbering);
// other instructions share entry 0, which they never use.
func (c *Code) numberAttrCaches() {
	slots := make([]int32, len(c.Ops))
	n := int32(1)
	for pc, ins := range c.Ops {
		switch Opcode(ins & 0xff) {
		case OpLoadAttr, OpLoadMethod, OpStoreAttr:
			slots[pc] = n
			n++
		case OpLoadGlobal, OpStoreGlobal, OpDeleteGlobal:
			c.hasGlobalOps = true
		}
	}
	c.numCaches = n
	c.cacheSlot = slots
}

// fillAttrCache records how cls resolves name, for the load at pc.
func (c *Code) fillAttrCache(pc int, cls *Class, name string) {
	ce := c.refill(pc, cls)
	v, found := cls.Lookup(name)
	plain := true
	slot := int32(0)
	var prop *Property
	if found && v.isObj() {
		switch d := v.o.(type) {
		case *Property:
			plain = false
			if _, hasGetattr := cls.Lookup("__getattr__"); !hasGetattr {
				prop = d
			}
		case *Instance:
			_, hasSet := d.cls.Lookup("__set__")
			_, hasGet := d.cls.Lookup("__get__")
			plain = !hasSet && !hasGet
		case *StaticMethod, *ClassMethod:
			plain = false
		case *member:
			plain = false
			slot = int32(d.index) + 1
		}
	}
	if ga, ok := cls.Lookup("__getattribute__"); ok && isScriptFunction(ga) {
		plain, slot, prop = false, 0, nil
	}
	*ce = attrCache{cls: cls, ver: cls.version, dataVer: cls.dataVer, v: v, plain: plain, slot: slot, prop: prop}
	if !found {
		ce.v = Undef
	}
}

// instSlot returns the slot of ce's name in inst's layout (-1: absent),
// refreshing the entry's layout when inst has another one. For instances
// with dict storage it reports -2: the caller looks in the dict.
func (ce *attrCache) instSlot(inst *Instance, name string) int32 {
	sh := inst.attrs.shape
	if sh == nil {
		return -2
	}
	if ce.shape != sh {
		ce.shape, ce.idx = sh, int32(sh.find(name))
	}
	return ce.idx
}

// loadAttrCached is the fast path of LOAD_ATTR on an instance whose class
// entry matches: ok=false sends the caller to the full lookup.
func (ce *attrCache) loadAttr(inst *Instance, self Value, name string) (Value, bool) {
	switch i := ce.instSlot(inst, name); {
	case i >= 0:
		return inst.attrs.vals[i], true
	case i == -2:
		if v, ok := inst.attrs.get(name); ok {
			return v, true
		}
	}
	if fn, ok := ce.v.o.(*Function); ok {
		return Obj(&BoundMethod{Self: self, Fn: Obj(fn)}), true
	}
	if isPlainData(ce.v) {
		// Plain data on the class reads as it is — its current value: a
		// class may change such values without a version bump (setAttr),
		// but not without a dataVer bump.
		if ce.dataVer == inst.cls.dataVer {
			return ce.v, true
		}
		v, ok := inst.cls.Lookup(name)
		if ok && isPlainData(v) {
			ce.v, ce.dataVer = v, inst.cls.dataVer
		}
		return v, ok
	}
	return Undef, false
}

// storeCacheable reports whether STORE_ATTR of name on instances of cls is
// a plain write of the instance's own attribute (no data descriptor,
// __setattr__, slots or exception fields involved), so a cached layout
// transition may replace the full store.
func storeCacheable(cls *Class, name string) bool {
	if cls.hasSlots || cls.isExc || cls.noDict || cls.Builtin || isDunder(name) {
		return false
	}
	if _, custom := setattrOverride(cls); custom {
		return false
	}
	if attr, ok := cls.Lookup(name); ok && attr.isObj() {
		switch d := attr.o.(type) {
		case *Property, *member:
			return false
		case *Instance:
			if _, ok := d.cls.Lookup("__set__"); ok {
				return false
			}
			if _, ok := d.cls.Lookup("__delete__"); ok {
				return false
			}
		}
	}
	return true
}

// slotStore returns the member a store of name on instances of cls writes
// directly (no script __setattr__, not an exception class).
func slotStore(cls *Class, name string) (*member, bool) {
	if !cls.hasSlots || cls.isExc || cls.Builtin {
		return nil, false
	}
	if _, custom := setattrOverride(cls); custom {
		return nil, false
	}
	if attr, ok := cls.Lookup(name); ok && attr.isObj() {
		if m, ok := attr.o.(*member); ok {
			return m, true
		}
	}
	return nil, false
}

// setattrOverride returns the __setattr__ a class (or a base) defines in
// place of object's built-in one: then every attribute store calls it.
func setattrOverride(cls *Class) (Value, bool) {
	sa, ok := cls.Lookup("__setattr__")
	if !ok {
		return Undef, false
	}
	_, builtin := sa.o.(*Builtin)
	return sa, !builtin || !sa.isObj()
}

func isDunder(name string) bool {
	return len(name) > 4 && name[:2] == "__" && name[len(name)-2:] == "__"
}

// fillStoreCache records, after a full store of name on inst that found the
// instance in layout before, how to repeat it on that layout.
func (c *Code) fillStoreCache(pc int, inst *Instance, before *shape, name string) {
	ce := c.refill(pc, inst.cls)
	*ce = attrCache{}
	if m, ok := slotStore(inst.cls, name); ok {
		*ce = attrCache{cls: inst.cls, ver: inst.cls.version, slot: int32(m.index) + 1}
		return
	}
	after := inst.attrs.shape
	if before == nil || after == nil || !storeCacheable(inst.cls, name) {
		return
	}
	idx := after.find(name)
	switch {
	case after == before && idx >= 0:
		*ce = attrCache{cls: inst.cls, ver: inst.cls.version, shape: before, idx: int32(idx)}
	case len(after.names) == len(before.names)+1 && idx == len(before.names):
		*ce = attrCache{cls: inst.cls, ver: inst.cls.version, shape: before, idx: int32(idx), next: after}
	}
}

// storeAttr is the fast path of STORE_ATTR: it reports false when the entry
// does not match inst.
func (ce *attrCache) storeAttr(inst *Instance, v Value) bool {
	if ce.cls != inst.cls || ce.ver != inst.cls.version {
		return false
	}
	if ce.slot > 0 {
		inst.attrs.slotSet(int(ce.slot-1), v)
		return true
	}
	if ce.shape != inst.attrs.shape || ce.shape == nil {
		return false
	}
	m := &inst.attrs
	if ce.next == nil {
		m.vals[ce.idx] = v
		return true
	}
	if len(m.vals) == cap(m.vals) {
		grown := make([]Value, len(m.vals), max(4, 2*cap(m.vals)))
		copy(grown, m.vals)
		m.vals = grown
	}
	m.vals = append(m.vals, v)
	m.shape = ce.next
	if n := len(m.vals); n > inst.cls.attrHint {
		inst.cls.attrHint = n
	}
	return true
}
