package vm

import "fmt"

// __slots__: a class that lists its attributes gets a member descriptor for
// each, and its instances refuse other attributes (unless '__dict__' is one
// of the slots or a base without __slots__ gives them a dict), as in
// CPython. Values still live in the instance's attribute map.

// MemberType is the class of slot descriptors.
var MemberType = newBuiltinClass("member_descriptor", ObjectType)

// member is the descriptor a slot name gets in its class.
type member struct {
	name  string
	owner *Class
	index int // where instances keep the value (attrMap.slots)
}

func (*member) Class() *Class { return MemberType }

func (m *member) Repr(t *Thread) (string, error) {
	return fmt.Sprintf("<member '%s' of '%s' objects>", m.name, m.owner.Name), nil
}

// setupSlots installs the descriptors and records whether instances keep a
// dict (cls.noDict). Slot values are stored by index: a class's own slots
// follow those of its bases (cls.nslots counts them all).
func (t *Thread) setupSlots(cls *Class) error {
	var solid []*Class // bases that lay out slots of their own
	for _, b := range cls.MRO[1:] {
		cls.hasSlots = cls.hasSlots || b.hasSlots
		cls.nslots = max(cls.nslots, b.nslots)
		if b.ownSlots > 0 {
			for _, o := range solid {
				if !o.IsSubclass(b) && !b.IsSubclass(o) {
					return Errorf(TypeError, "multiple bases have instance lay-out conflict")
				}
			}
			solid = append(solid, b)
		}
	}
	v, ok := cls.Dict["__slots__"]
	if !ok {
		return nil
	}
	var names []string
	if s, isStr := v.StrOf(); isStr {
		names = []string{s}
	} else {
		items, err := t.ToList(v)
		if err != nil {
			return err
		}
		for _, it := range items {
			s, isStr := it.StrOf()
			if !isStr {
				return Errorf(TypeError, "__slots__ items must be strings, not '%s'", it.TypeName())
			}
			names = append(names, s)
		}
	}
	withDict := false
	for _, n := range names {
		if n == "__dict__" {
			withDict = true
			continue
		}
		if _, clash := cls.Dict[n]; clash {
			return Errorf(ValueError, "'%s' in __slots__ conflicts with class variable", n)
		}
		cls.Dict[n] = Obj(&member{name: n, owner: cls, index: cls.nslots})
		cls.nslots++
		cls.ownSlots++
		cls.hasSlots = true
	}
	// Instances have no dict only if every script class in the MRO has
	// __slots__ without '__dict__'.
	cls.noDict = !withDict
	for _, b := range cls.MRO[1:] {
		if b.Builtin {
			continue
		}
		if _, has := b.Dict["__slots__"]; !has || !b.noDict {
			cls.noDict = false
		}
	}
	return nil
}

// slotAllows reports whether an instance of cls may set attribute name.
func (c *Class) slotAllows(name string) bool {
	if !c.noDict {
		return true
	}
	v, ok := c.Lookup(name)
	if !ok {
		return false
	}
	_, isMember := v.o.(*member)
	return isMember && v.isObj()
}
