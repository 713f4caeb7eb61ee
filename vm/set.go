package vm

// Set is a mutable set; FrozenSet an immutable one. Both keep their elements
// as the keys of a Dict.
type Set struct{ d *Dict }

func (*Set) Class() *Class { return SetType }

// FrozenSet is an immutable set.
type FrozenSet struct{ s *Set }

func (*FrozenSet) Class() *Class { return FrozenSetType }

// NewSet makes an empty set.
func NewSet() *Set { return &Set{d: NewDict()} }

// Len is the number of elements.
func (s *Set) Len() int { return s.d.Len() }

// Add inserts v.
func (s *Set) Add(t *Thread, v Value) error { return s.d.Set(t, v, None) }

// Has reports membership.
func (s *Set) Has(t *Thread, v Value) (bool, error) {
	_, ok, err := s.d.Get(t, v)
	return ok, err
}

// Remove deletes v, reporting whether it was there.
func (s *Set) Remove(t *Thread, v Value) (bool, error) {
	_, ok, err := s.d.Delete(t, v)
	return ok, err
}

// Items returns the elements in iteration order.
func (s *Set) Items() []Value { return s.d.Keys() }
