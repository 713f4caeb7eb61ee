package vm

// attrMap holds an instance's attributes in insertion order (vars(obj)
// and __dict__ list them as Python does).
//
// Instances of a class share layouts (hidden classes): a shape maps each
// attribute name to a slot index, and the instance keeps only its values, in
// slot order. Instances that get the same attributes in the same order share
// one shape, so an instruction's inline cache can remember "with this shape,
// x is slot 1" and read the value without hashing or comparing names (see
// attrCache). Shapes form a tree per class, grown by transitions.
//
// Once a script asks for obj.__dict__ (or deletes an attribute, or gives an
// instance very many), the attributes move into a real dict: from then on that
// dict is the storage, so obj.__dict__['x'] = 1 and __dict__.update(...) change
// the object, as in Python; shape is then nil and caches miss.
type attrMap struct {
	shape *shape
	vals  []Value
	// ext holds what few instances need, so that the rest stay small.
	ext *attrExt
}

type attrExt struct {
	dict *Dict // the storage once __dict__ was asked for
	// slots holds the values of __slots__ attributes (by member.index),
	// which are not part of the instance's __dict__.
	slots []Value
	// exc holds exception state when the class derives from BaseException.
	exc *ExcState
	// payload holds the built-in part of instances of classes derived from
	// list, dict, etc. (Undef for plain objects).
	payload Value
}

// dictStore is the dict storage (nil while the shape holds the attributes).
func (m *attrMap) dictStore() *Dict {
	if m.ext == nil {
		return nil
	}
	return m.ext.dict
}

// slotVals are the __slots__ values (nil when there are none).
func (m *attrMap) slotVals() []Value {
	if m.ext == nil {
		return nil
	}
	return m.ext.slots
}

func (m *attrMap) extra() *attrExt {
	if m.ext == nil {
		m.ext = &attrExt{}
	}
	return m.ext
}

// shape is one instance layout: names[i] is the attribute in slot i. Shapes
// are immutable except for their transition tables, which only grow; they
// belong to one class (one interpreter) and change under its lock.
type shape struct {
	names []string
	index map[string]int // built for shapes with more than smallAttrs names
	// Transitions to the shape with one more name: most shapes have one.
	nextName string
	next     *shape
	more     map[string]*shape
}

const (
	smallAttrs = 8
	// maxShapeAttrs bounds a layout: an instance used as a bag of many
	// names switches to dict storage instead of growing the shape tree.
	maxShapeAttrs = 64
)

func (s *shape) find(name string) int {
	if s.index != nil {
		if i, ok := s.index[name]; ok {
			return i
		}
		return -1
	}
	for i, k := range s.names {
		if k == name {
			return i
		}
	}
	return -1
}

// with returns the shape that adds name after s's names.
func (s *shape) with(name string) *shape {
	if s.next != nil && s.nextName == name {
		return s.next
	}
	if n, ok := s.more[name]; ok {
		return n
	}
	names := make([]string, len(s.names)+1)
	copy(names, s.names)
	names[len(s.names)] = name
	n := &shape{names: names}
	if len(names) > smallAttrs {
		n.index = make(map[string]int, len(names))
		for i, k := range names {
			n.index[k] = i
		}
	}
	if s.next == nil {
		s.nextName, s.next = name, n
	} else {
		if s.more == nil {
			s.more = map[string]*shape{}
		}
		s.more[name] = n
	}
	return n
}

// Slot values live by index (member.index); Undef marks an unset slot.
func (m *attrMap) slotGet(i int) (Value, bool) {
	if slots := m.slotVals(); i < len(slots) && !slots[i].IsUndef() {
		return slots[i], true
	}
	return Undef, false
}

func (m *attrMap) slotSet(i int, v Value) {
	x := m.extra()
	if i >= len(x.slots) {
		grown := make([]Value, i+1)
		copy(grown, x.slots)
		x.slots = grown
	}
	x.slots[i] = v
}

func (m *attrMap) slotDel(i int) bool {
	_, ok := m.slotGet(i)
	if ok {
		m.ext.slots[i] = Undef
	}
	return ok
}

// asDict switches to dict storage and returns the dict.
func (m *attrMap) asDict() *Dict {
	if d := m.dictStore(); d != nil {
		return d
	}
	d := NewDict()
	m.each(func(k string, v Value) { d.SetStr(k, v) })
	m.shape, m.vals = nil, nil
	m.extra().dict = d
	return d
}

// find returns name's slot (shape storage only), or -1.
func (m *attrMap) find(name string) int {
	if m.shape == nil {
		return -1
	}
	return m.shape.find(name)
}

func (m *attrMap) get(name string) (Value, bool) {
	if d := m.dictStore(); d != nil {
		return d.GetStr(name)
	}
	if i := m.find(name); i >= 0 {
		return m.vals[i], true
	}
	return Undef, false
}

func (m *attrMap) set(name string, v Value) {
	if d := m.dictStore(); d != nil {
		d.SetStr(name, v)
		return
	}
	if m.shape == nil {
		m.shape = &shape{} // an instance made without NewInstance: a private root
	}
	if i := m.shape.find(name); i >= 0 {
		m.vals[i] = v
		return
	}
	if len(m.vals) >= maxShapeAttrs {
		m.asDict().SetStr(name, v)
		return
	}
	m.shape = m.shape.with(name)
	if len(m.vals) == cap(m.vals) {
		grown := make([]Value, len(m.vals), max(4, 2*cap(m.vals)))
		copy(grown, m.vals)
		m.vals = grown
	}
	m.vals = append(m.vals, v)
}

func (m *attrMap) del(name string) bool {
	if m.dictStore() == nil {
		if m.find(name) < 0 {
			return false
		}
		m.asDict() // layouts only grow: a deletion moves to dict storage
	}
	_, ok, _ := m.ext.dict.Delete(nil, Str(name))
	return ok
}

func (m *attrMap) each(fn func(name string, v Value)) {
	if d := m.dictStore(); d != nil {
		d.Items(func(k, v Value) bool {
			if s, ok := k.StrOf(); ok {
				fn(s, v)
			}
			return true
		})
		return
	}
	if m.shape == nil {
		return
	}
	for i, k := range m.shape.names {
		fn(k, m.vals[i])
	}
}
