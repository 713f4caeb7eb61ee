package vm

// attrMap holds an instance's attributes in insertion order (vars(obj)
// and __dict__ list them as Python does) with map-speed lookup.
type attrMap struct {
	index map[string]int
	keys  []string // "" marks a deleted slot
	vals  []Value
}

func (m *attrMap) get(name string) (Value, bool) {
	if i, ok := m.index[name]; ok {
		return m.vals[i], true
	}
	return Undef, false
}

func (m *attrMap) set(name string, v Value) {
	if i, ok := m.index[name]; ok {
		m.vals[i] = v
		return
	}
	if m.index == nil {
		m.index = make(map[string]int, 4)
	}
	m.index[name] = len(m.keys)
	m.keys = append(m.keys, name)
	m.vals = append(m.vals, v)
}

func (m *attrMap) del(name string) bool {
	i, ok := m.index[name]
	if !ok {
		return false
	}
	delete(m.index, name)
	m.keys[i] = ""
	m.vals[i] = Undef
	return true
}

func (m *attrMap) each(fn func(name string, v Value)) {
	for i, k := range m.keys {
		if k != "" {
			fn(k, m.vals[i])
		}
	}
}
