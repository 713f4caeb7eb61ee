package vm

// attrMap holds an instance's attributes in insertion order (vars(obj)
// and __dict__ list them as Python does) with map-speed lookup.
//
// Most objects have a handful of attributes, so small maps are searched
// linearly (attribute names are mostly the compiler's interned strings, and
// Go compares equal-pointer strings without reading them); the hash index
// is built only past smallAttrs entries.
//
// Once a script asks for obj.__dict__, the attributes move into a real
// dict that is handed out: from then on that dict is the storage, so
// obj.__dict__['x'] = 1 and __dict__.update(...) change the object, as in
// Python.
type attrMap struct {
	index map[string]int
	keys  []string // "" marks a deleted slot
	vals  []Value
	dict  *Dict // the storage once __dict__ was asked for
	// slots holds the values of __slots__ attributes, which are not part
	// of the instance's __dict__.
	slots map[string]Value
}

func (m *attrMap) slotGet(name string) (Value, bool) {
	v, ok := m.slots[name]
	return v, ok
}

func (m *attrMap) slotSet(name string, v Value) {
	if m.slots == nil {
		m.slots = map[string]Value{}
	}
	m.slots[name] = v
}

func (m *attrMap) slotDel(name string) bool {
	_, ok := m.slots[name]
	delete(m.slots, name)
	return ok
}

// asDict switches to dict storage and returns the dict.
func (m *attrMap) asDict() *Dict {
	if m.dict == nil {
		d := NewDict()
		m.each(func(k string, v Value) { d.SetStr(k, v) })
		m.index, m.keys, m.vals = nil, nil, nil
		m.dict = d
	}
	return m.dict
}

const smallAttrs = 12

func (m *attrMap) find(name string) int {
	if m.index != nil {
		if i, ok := m.index[name]; ok {
			return i
		}
		return -1
	}
	for i, k := range m.keys {
		if k == name {
			return i
		}
	}
	return -1
}

func (m *attrMap) get(name string) (Value, bool) {
	if m.dict != nil {
		return m.dict.GetStr(name)
	}
	if i := m.find(name); i >= 0 {
		return m.vals[i], true
	}
	return Undef, false
}

func (m *attrMap) set(name string, v Value) {
	if m.dict != nil {
		m.dict.SetStr(name, v)
		return
	}
	if i := m.find(name); i >= 0 {
		m.vals[i] = v
		return
	}
	m.keys = append(m.keys, name)
	m.vals = append(m.vals, v)
	if m.index != nil {
		m.index[name] = len(m.keys) - 1
	} else if len(m.keys) > smallAttrs {
		m.index = make(map[string]int, len(m.keys)*2)
		for i, k := range m.keys {
			if k != "" {
				m.index[k] = i
			}
		}
	}
}

func (m *attrMap) del(name string) bool {
	if m.dict != nil {
		_, ok, _ := m.dict.Delete(nil, Str(name))
		return ok
	}
	i := m.find(name)
	if i < 0 {
		return false
	}
	if m.index != nil {
		delete(m.index, name)
	}
	m.keys[i] = ""
	m.vals[i] = Undef
	return true
}

func (m *attrMap) each(fn func(name string, v Value)) {
	if m.dict != nil {
		m.dict.Items(func(k, v Value) bool {
			if s, ok := k.StrOf(); ok {
				fn(s, v)
			}
			return true
		})
		return
	}
	for i, k := range m.keys {
		if k != "" {
			fn(k, m.vals[i])
		}
	}
}
