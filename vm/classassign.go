package vm

import "sort"

// Assigning obj.__class__ and Cls.__bases__, as CPython allows them: between
// classes written in Python whose instances are laid out alike (the same
// built-in base, the same __slots__, a __dict__ or not). Anything else is
// refused with CPython's TypeError.

// setInstanceClass is obj.__class__ = v for an instance.
func (o *Instance) setClass(v Value) error {
	newc, err := classAssignTarget(v)
	if err != nil {
		return err
	}
	if o.cls.Builtin || newc.Builtin {
		return errClassAssignImmutable()
	}
	if !layoutCompatible(o.cls, newc) {
		return Errorf(TypeError, "__class__ assignment: '%s' object layout differs from '%s'", newc.Name, o.cls.Name)
	}
	if o.cls.isExc != newc.isExc {
		return Errorf(TypeError, "__class__ assignment: '%s' object layout differs from '%s'", newc.Name, o.cls.Name)
	}
	o.moveSlots(o.cls, newc)
	o.cls = newc
	return nil
}

// setClassOfValue is v.__class__ = x for values of built-in types.
func setClassOfValue(obj, v Value) error {
	if c, ok := obj.o.(*Class); ok {
		return c.setMeta(v)
	}
	if _, err := classAssignTarget(v); err != nil {
		return err
	}
	return errClassAssignImmutable()
}

// setMeta is Cls.__class__ = M: only between metaclasses written in Python.
func (c *Class) setMeta(v Value) error {
	newm, err := classAssignTarget(v)
	if err != nil {
		return err
	}
	if c.meta == nil || newm.Builtin {
		return errClassAssignImmutable()
	}
	if !newm.IsSubclass(TypeType) || !layoutCompatible(c.meta, newm) {
		return Errorf(TypeError, "__class__ assignment: '%s' object layout differs from '%s'", newm.Name, c.meta.Name)
	}
	c.meta = newm
	c.invalidate()
	return nil
}

func classAssignTarget(v Value) (*Class, error) {
	c, ok := v.o.(*Class)
	if !ok || !v.isObj() {
		return nil, Errorf(TypeError, "__class__ must be set to a class, not '%s' object", v.TypeName())
	}
	return c, nil
}

func errClassAssignImmutable() error {
	return Errorf(TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses")
}

// layoutRoot is the class whose layout c's instances have: c itself when it
// adds something (a __dict__, slots) to its solid base, else that base's
// root. Built-in exceptions share BaseException's layout except the
// families CPython gives fields of their own.
func layoutRoot(c *Class) *Class {
	if c.Builtin {
		for k := c; k != nil; k = solidBase(k) {
			if !k.isExc || ownExcLayout[k.Name] || k == BaseException {
				return k
			}
		}
		return c
	}
	b := solidBase(c)
	if b == nil {
		return c
	}
	slots, hasSlots := c.Dict["__slots__"]
	switch {
	case hasSlots && len(ownSlotNames(c)) == 0 && !slotsHaveDict(slots):
		return layoutRoot(b)
	case !hasSlots && !b.Builtin && !b.noDict:
		return layoutRoot(b)
	}
	return c
}

// ownExcLayout names the built-in exceptions with fields beyond BaseException's.
var ownExcLayout = map[string]bool{
	"OSError": true, "SyntaxError": true, "ImportError": true, "StopIteration": true,
	"SystemExit": true, "UnicodeError": true, "BaseExceptionGroup": true,
	"AttributeError": true, "NameError": true, "UnicodeEncodeError": true,
	"UnicodeDecodeError": true, "UnicodeTranslateError": true,
}

// ownSlotNames are the __slots__ c adds, sorted (as CPython compares them).
func ownSlotNames(c *Class) []string {
	var names []string
	for name, v := range c.Dict {
		if m, ok := v.o.(*member); ok && m.owner == c {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// slotIndexes maps the slot names of c's instances to where they keep them.
func slotIndexes(c *Class) map[string]int {
	out := map[string]int{}
	for _, k := range c.MRO {
		for name, v := range k.Dict {
			if m, ok := v.o.(*member); ok && m.owner == k {
				if _, seen := out[name]; !seen {
					out[name] = m.index
				}
			}
		}
	}
	return out
}

// moveSlots rearranges an instance's slot values for its new class, which
// has the same slots, possibly stored in another order.
func (o *Instance) moveSlots(from, to *Class) {
	slots := o.attrs.slotVals()
	if len(slots) == 0 {
		return
	}
	old, now := slotIndexes(from), slotIndexes(to)
	vals := make([]Value, len(slots))
	for name, i := range old {
		if j, ok := now[name]; ok && i < len(slots) && j < len(vals) {
			vals[j] = slots[i]
		}
	}
	o.attrs.ext.slots = vals
}

func slotsHaveDict(slots Value) bool {
	if s, ok := slots.StrOf(); ok {
		return s == "__dict__"
	}
	items, _ := listTupleItems(slots.o)
	for _, it := range items {
		if s, _ := it.StrOf(); s == "__dict__" {
			return true
		}
	}
	return false
}

// layoutCompatible is CPython's compatible_for_assignment: instances of a
// may become instances of b.
func layoutCompatible(a, b *Class) bool {
	ra, rb := layoutRoot(a), layoutRoot(b)
	if ra == rb {
		return true
	}
	if solidBase(ra) != solidBase(rb) || ra.Builtin || rb.Builtin {
		return false
	}
	return ra.noDict == rb.noDict && equalStrings(ownSlotNames(ra), ownSlotNames(rb))
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// nonGC are the built-in types CPython frees without its cycle collector:
// their subclasses cannot trade bases with the others.
func nonGC(c *Class) bool {
	switch c {
	case ObjectType, IntType, BoolType, FloatType, ComplexType, StrType, BytesType:
		return true
	}
	return false
}

// setBases is Cls.__bases__ = v: the MRO of the class and of every class
// deriving from it is computed again.
func (c *Class) setBases(v Value) error {
	tp, ok := v.o.(*Tuple)
	if !ok || !v.isObj() {
		return Errorf(TypeError, "can only assign tuple to %s.__bases__, not %s", c.Name, v.TypeName())
	}
	if len(tp.items) == 0 {
		return Errorf(TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", c.Name)
	}
	bases := make([]*Class, len(tp.items))
	for i, x := range tp.items {
		b, ok := x.o.(*Class)
		if !ok || !x.isObj() {
			return Errorf(TypeError, "%s.__bases__ must be tuple of classes, not '%s'", c.Name, x.TypeName())
		}
		if b.IsSubclass(c) {
			return Errorf(TypeError, "a __bases__ item causes an inheritance cycle")
		}
		bases[i] = b
	}
	oldBase, newBase := solidBase(c), bestBase(bases)
	if nonGC(oldBase) != nonGC(newBase) {
		return Errorf(TypeError, "__bases__ assignment: '%s' deallocator differs from '%s'", newBase.Name, oldBase.Name)
	}
	if !layoutCompatible(oldBase, newBase) {
		return Errorf(TypeError, "__bases__ assignment: '%s' object layout differs from '%s'", newBase.Name, oldBase.Name)
	}
	old := c.Bases
	c.Bases = bases
	if err := c.recomputeMRO(); err != nil {
		c.Bases = old
		c.recomputeMRO()
		return err
	}
	for _, b := range old {
		b.subclasses = removeClass(b.subclasses, c)
	}
	for _, b := range bases {
		if !b.Builtin {
			b.subclasses = append(b.subclasses, c)
		}
	}
	return nil
}

// bestBase is the base whose layout a class with these bases gets.
func bestBase(bases []*Class) *Class {
	best := bases[0]
	for _, b := range bases {
		if layoutRoot(b) != ObjectType && layoutRoot(best) == ObjectType {
			best = b
		}
	}
	return best
}

// recomputeMRO linearises c again, then every class deriving from it.
func (c *Class) recomputeMRO() error {
	mro, err := computeMRO(c)
	if err != nil {
		return err
	}
	c.MRO = mro
	c.base = ObjectType
	for _, k := range mro[1:] {
		if k.Builtin && k != ObjectType {
			c.base = k
			break
		}
	}
	for _, s := range c.subclasses {
		if err := s.recomputeMRO(); err != nil {
			return err
		}
	}
	c.invalidate()
	return nil
}

func removeClass(list []*Class, c *Class) []*Class {
	out := list[:0]
	for _, x := range list {
		if x != c {
			out = append(out, x)
		}
	}
	return out
}
