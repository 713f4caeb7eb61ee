package vm

import (
	"sync"
)

// Class is a Python type: a built-in one (int, list, ValueError...) or one
// defined by a script. Built-in classes are package-level singletons filled in
// by init functions and never mutated afterwards, so interpreters can share them.
type Class struct {
	Name    string
	Module  string // "builtins" for built-in types, "__main__" or the module name otherwise
	Bases   []*Class
	MRO     []*Class
	Dict    map[string]Value
	Builtin bool // instances are Go objects; attributes cannot be set on the class
	// Dunders marks a native class whose special methods (Go builtins in
	// Dict: __add__, __bool__, __float__...) the interpreter calls for the
	// operators and conversions, as it does a script class's — a numeric
	// type written in Go (decimal.Decimal). Set before the class is shared.
	Dunders bool
	// keyOrder is the order names entered Dict (the class body's, then
	// setattr's): Dict is a Go map, and __dict__ and __set_name__ follow
	// definition order as CPython's do. Deleted names are skipped on use.
	keyOrder []string
	// FullName, when set, is the type name error messages show
	// ('decimal.Decimal', CPython's tp_name), where Name is __name__.
	FullName string

	// ctor builds an instance when the class (or a subclass, for exceptions) is called.
	// nil for classes whose instances are plain *Instance.
	ctor func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error)
	// isExc is set for BaseException and all its subclasses.
	isExc bool
	// base is the nearest built-in class in the MRO (object for plain classes),
	// which decides how instances are laid out.
	base *Class

	// flat caches the MRO-resolved attributes. Built-in classes fill it once
	// (they never change after init; sync.Once keeps concurrent interpreters
	// race-free); script classes rebuild it after any change to their own or
	// an ancestor's dict.
	flat     map[string]Value
	flatOnce sync.Once
	// dunders holds flat's entries for the special methods Go code looks
	// up on every operation (see dunderID), filled with flat.
	dunders    *[numDunders]Value
	subclasses []*Class
	// meta is the metaclass when it is not type (class E(metaclass=M)).
	meta *Class
	// noDict: __slots__ without '__dict__' all the way up — instances
	// accept only their slots. hasSlots: some class in the MRO has slot
	// members (attribute stores then check for one).
	noDict, hasSlots bool
	// nslots counts the slot values instances of the class hold (its own
	// and its bases'); ownSlots those the class itself declares.
	nslots, ownSlots int
	// version changes whenever the resolved attributes may have changed;
	// per-instruction attribute caches compare it.
	version uint32
	// dataVer changes when a plain data attribute of the class or an
	// ancestor is rebound without a version change (Animal.count += 1, see
	// setAttr): caches holding such a value compare it.
	dataVer uint32
	// root is the empty instance layout, where its instances' shapes start;
	// attrHint is the most attributes an instance has had, so that new
	// instances get their value storage in one allocation.
	root     *shape
	attrHint int
	// init caches plainInit's answer for initVer (valid when initSet).
	init    *Function
	initVer uint32
	initSet bool
}

// KV is one keyword argument.
type KV struct {
	Name string
	Val  Value
}

func (c *Class) Class() *Class {
	if c.meta != nil {
		return c.meta
	}
	return TypeType
}

// metaMethod finds name on the class's metaclass when a script defines it
// there (type's own methods are not returned: the caller's default applies).
func (c *Class) metaMethod(name string) (Value, bool) {
	if c.meta == nil {
		return Undef, false
	}
	for _, k := range c.meta.MRO {
		if k == TypeType {
			break
		}
		if v, ok := k.Dict[name]; ok {
			return v, true
		}
	}
	return Undef, false
}

// derivedMeta is the most derived metaclass among bases (nil for type), as
// CPython picks a class's metaclass when none is given.
func derivedMeta(bases []*Class) *Class {
	var winner *Class
	for _, b := range bases {
		if m := b.meta; m != nil && (winner == nil || m.IsSubclass(winner)) {
			winner = m
		}
	}
	return winner
}

// Lookup finds name along the MRO. It does not bind.
func (c *Class) Lookup(name string) (Value, bool) {
	if c.Builtin {
		c.flatOnce.Do(c.buildFlat)
	} else if c.flat == nil {
		c.buildFlat()
	}
	v, ok := c.flat[name]
	return v, ok
}

func (c *Class) buildFlat() {
	n := 0
	for _, k := range c.MRO {
		n += len(k.Dict)
	}
	flat := make(map[string]Value, n)
	for i := len(c.MRO) - 1; i >= 0; i-- {
		for name, v := range c.MRO[i].Dict {
			flat[name] = v
		}
	}
	tab := new([numDunders]Value)
	for i, name := range dunderNames {
		tab[i] = flat[name]
	}
	c.flat, c.dunders = flat, tab
}

// dunderID names a special method that the interpreter's Go code looks up
// on each comparison, hash or len of an instance: lookupDunder answers from
// an array filled with the resolved-attribute map, not by hashing the name.
type dunderID uint8

// The comparison ids come first, in cmpLT… order, so cmpDunderID is a cast.
const (
	dunderLt dunderID = iota
	dunderLe
	dunderEq
	dunderNe
	dunderGt
	dunderGe
	dunderHash
	dunderLen
	dunderBool
	dunderIter
	dunderNext
	dunderContains
	dunderGetitem
	numDunders
)

var dunderNames = [numDunders]string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
	"__hash__", "__len__", "__bool__", "__iter__", "__next__", "__contains__", "__getitem__"}

// lookupDunder is Lookup(dunderNames[id]).
func (c *Class) lookupDunder(id dunderID) (Value, bool) {
	if c.Builtin {
		c.flatOnce.Do(c.buildFlat)
	} else if c.flat == nil {
		c.buildFlat()
	}
	v := c.dunders[id]
	return v, !v.IsUndef()
}

// invalidate drops the attribute caches of c and every class deriving from it.
func (c *Class) invalidate() {
	if c.Builtin {
		return
	}
	c.flat, c.dunders = nil, nil
	c.version++
	for _, s := range c.subclasses {
		s.invalidate()
	}
}

// IsSubclass reports whether c is base or derives from it.
func (c *Class) IsSubclass(base *Class) bool {
	if c == base {
		return true
	}
	for _, k := range c.MRO {
		if k == base {
			return true
		}
	}
	return false
}

// QualName is what repr shows: "int" for built-ins, "__main__.Foo"
// otherwise, with the class's __qualname__ ("__main__.Outer.Inner",
// "__main__.f.<locals>.Local") as in CPython.
func (c *Class) QualName() string {
	if c.Module == "builtins" || c.Module == "" {
		return c.Name
	}
	name := c.Name
	if q, ok := c.Dict["__qualname__"]; ok {
		if s, ok := q.StrOf(); ok {
			name = s
		}
	}
	return c.Module + "." + name
}

// newBuiltinClass makes a built-in class deriving from bases (none only for object).
func newBuiltinClass(name string, bases ...*Class) *Class {
	// Built-in classes use single inheritance, so the MRO is the chain of
	// bases. (Built without computeMRO to keep package initialisation acyclic.)
	c := &Class{Name: name, Module: "builtins", Dict: map[string]Value{}, Builtin: true, base: nil}
	c.base = c
	c.MRO = []*Class{c}
	if len(bases) > 0 {
		c.Bases = bases
		c.MRO = append(c.MRO, bases[0].MRO...)
		c.isExc = bases[0].isExc
	}
	return c
}

// computeMRO is C3 linearisation, as Python does it.
func computeMRO(c *Class) ([]*Class, error) {
	for i, b := range c.Bases {
		for _, x := range c.Bases[:i] {
			if x == b {
				return nil, Errorf(TypeError, "duplicate base class %s", b.Name)
			}
		}
	}
	var seqs [][]*Class
	for _, b := range c.Bases {
		seqs = append(seqs, append([]*Class(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Class(nil), c.Bases...))
	out := []*Class{c}
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
				break
			}
		}
		if empty {
			return out, nil
		}
		var cand *Class
	search:
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			head := s[0]
			for _, t := range seqs {
				for _, x := range t[min(1, len(t)):] {
					if x == head {
						continue search
					}
				}
			}
			cand = head
			break
		}
		if cand == nil {
			names := ""
			for i, b := range c.Bases {
				if i > 0 {
					names += ", "
				}
				names += b.Name
			}
			return nil, Errorf(TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s", names)
		}
		out = append(out, cand)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == cand {
				seqs[i] = s[1:]
			}
		}
	}
}

// Instance is an object of a script-defined class.
type Instance struct {
	cls   *Class
	attrs attrMap
}

// exc is the exception state of instances of BaseException's subclasses
// (nil for other objects). It lives in the side struct with the payload so
// that plain objects, the common case, stay small.
func (i *Instance) exc() *ExcState {
	if i.attrs.ext == nil {
		return nil
	}
	return i.attrs.ext.exc
}

// setPayload sets the built-in part of an instance of a subclass of a
// built-in or native class.
func (i *Instance) setPayload(v Value) { i.attrs.extra().payload = v }

func (i *Instance) Class() *Class { return i.cls }

// NewInstance makes a bare instance of cls.
func NewInstance(cls *Class) *Instance {
	var inst *Instance
	// Built-in classes are shared by every interpreter in the process, so
	// their instances (exceptions raised by Go code, object()) start from a
	// private layout; script classes share theirs.
	if !cls.Builtin {
		if cls.root == nil {
			cls.root = &shape{}
		}
		switch {
		case cls.nslots > 0 && cls.nslots <= 4 && cls.attrHint == 0 && !cls.isExc:
			inst = newSlottedInstance(cls)
		case cls.attrHint > 0:
			inst = newInstanceWithStore(cls, cls.attrHint)
		default:
			inst = &Instance{cls: cls}
		}
		inst.attrs.shape = cls.root
		if cls.nslots > 0 && inst.attrs.ext == nil {
			inst.attrs.ext = &attrExt{slots: make([]Value, cls.nslots)}
		}
	} else {
		inst = &Instance{cls: cls}
	}
	if cls.isExc {
		// An exception's side struct and state come in one allocation.
		x := &excExt{state: ExcState{args: emptyTuple}}
		if inst.attrs.ext != nil {
			x.ext = *inst.attrs.ext
		}
		x.ext.exc = &x.state
		inst.attrs.ext = &x.ext
	}
	return inst
}

// excExt is the side struct of an exception instance with its state.
type excExt struct {
	ext   attrExt
	state ExcState
}

// instanceWith is an instance allocated together with the storage for its
// attribute values: one allocation per object instead of two.
type instanceWith[S any] struct {
	inst  Instance
	store S
}

// newInstanceWithStore makes an instance of cls whose attribute storage
// holds at least n values (the class's attrHint) in the same allocation.
func newInstanceWithStore(cls *Class, n int) *Instance {
	switch {
	case n <= 1:
		return instanceWithStore(cls, func(s *[1]Value) []Value { return s[:0] })
	case n <= 2:
		return instanceWithStore(cls, func(s *[2]Value) []Value { return s[:0] })
	case n <= 4:
		return instanceWithStore(cls, func(s *[4]Value) []Value { return s[:0] })
	case n <= 8:
		return instanceWithStore(cls, func(s *[8]Value) []Value { return s[:0] })
	}
	inst := &Instance{cls: cls}
	inst.attrs.vals = make([]Value, 0, n)
	return inst
}

// instanceWithStore allocates an instance and its storage S together; vals
// gives the empty value slice over the storage.
func instanceWithStore[S any](cls *Class, vals func(*S) []Value) *Instance {
	p := &instanceWith[S]{inst: Instance{cls: cls}}
	p.inst.attrs.vals = vals(&p.store)
	return &p.inst
}

// slottedInstance is an instance of a class with a few __slots__ and no
// other attributes, allocated with its side struct and slot values: one
// allocation per object instead of three.
type slottedInstance[S any] struct {
	inst  Instance
	ext   attrExt
	slots S
}

func newSlottedInstance(cls *Class) *Instance {
	switch cls.nslots {
	case 1:
		return slottedWith(cls, func(s *[1]Value) []Value { return s[:] })
	case 2:
		return slottedWith(cls, func(s *[2]Value) []Value { return s[:] })
	case 3:
		return slottedWith(cls, func(s *[3]Value) []Value { return s[:] })
	}
	return slottedWith(cls, func(s *[4]Value) []Value { return s[:] })
}

func slottedWith[S any](cls *Class, slots func(*S) []Value) *Instance {
	p := &slottedInstance[S]{inst: Instance{cls: cls}}
	p.ext.slots = slots(&p.slots)[:cls.nslots]
	p.inst.attrs.ext = &p.ext
	return &p.inst
}

// Payload is the built-in part of an instance of a script subclass of a
// built-in or native class (Undef for plain instances).
func (i *Instance) Payload() Value {
	if i.attrs.ext == nil {
		return Undef
	}
	return i.attrs.ext.payload
}

// Attr returns an instance attribute from its own dict.
func (i *Instance) Attr(name string) (Value, bool) {
	return i.attrs.get(name)
}

// EachAttr calls fn for the instance's own attributes (its __dict__), in
// insertion order, without switching the instance to dict storage.
func (i *Instance) EachAttr(fn func(name string, v Value)) { i.attrs.each(fn) }

// SetAttr sets an attribute in the instance dict.
func (i *Instance) SetAttr(name string, v Value) {
	i.attrs.set(name, v)
	if n := len(i.attrs.vals); n > i.cls.attrHint && !i.cls.Builtin {
		i.cls.attrHint = n
	}
}
