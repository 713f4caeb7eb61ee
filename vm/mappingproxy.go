package vm

// mappingproxy: a read-only view of a dict (re's Pattern.groupindex). Reads
// go to the dict; there is no item assignment or deletion.

// MappingProxy is a mappingproxy object over a dict.
type MappingProxy struct{ d *Dict }

var MappingProxyType = newBuiltinClass("mappingproxy", ObjectType)

func (*MappingProxy) Class() *Class { return MappingProxyType }

// NewMappingProxy returns a read-only view of d.
func NewMappingProxy(d *Dict) Value { return Obj(&MappingProxy{d: d}) }

func (p *MappingProxy) Len() int { return p.d.Len() }

func (p *MappingProxy) GetItem(t *Thread, key Value) (Value, error) {
	return t.GetItem(Obj(p.d), key)
}

func (p *MappingProxy) Iter(t *Thread) (Value, error) { return t.Iter(Obj(p.d)) }

func (p *MappingProxy) Contains(t *Thread, item Value) (bool, error) {
	return t.Contains(Obj(p.d), item)
}

func (p *MappingProxy) Repr(t *Thread) (string, error) {
	s, err := t.Repr(Obj(p.d))
	return "mappingproxy(" + s + ")", err
}

// Str is the mapping's str (print shows {'a': 1}).
func (p *MappingProxy) Str(t *Thread) (string, error) { return t.StrOf(Obj(p.d)) }

func (p *MappingProxy) HashErr(t *Thread) (uint64, error) {
	return 0, Errorf(TypeError, "unhashable type: 'mappingproxy'")
}

func (p *MappingProxy) SetItem(t *Thread, key, v Value) error {
	return Errorf(TypeError, "'mappingproxy' object does not support item assignment")
}

func (p *MappingProxy) DelItem(t *Thread, key Value) error {
	return Errorf(TypeError, "'mappingproxy' object does not support item deletion")
}

// Compare: a mappingproxy compares as its mapping.
func (p *MappingProxy) Compare(t *Thread, op int, other Value) (bool, bool, error) {
	if o, ok := other.o.(*MappingProxy); ok {
		other = Obj(o.d)
	}
	r, err := t.compareOp(op, Obj(p.d), other)
	if err != nil {
		return false, true, err
	}
	b, err := t.Truth(r)
	return b, true, err
}

func init() {
	MappingProxyType.Dict["__hash__"] = None
	// mappingproxy(mapping): a live view of a dict (class namespaces,
	// functools' dispatch registry); any other mapping is viewed through a
	// snapshot, as asy's proxy only wraps dicts.
	MappingProxyType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if len(kw) > 0 {
			return Undef, Errorf(TypeError, "mappingproxy() takes no keyword arguments")
		}
		switch {
		case len(args) == 0:
			return Undef, Errorf(TypeError, "mappingproxy() missing required argument 'mapping' (pos 1)")
		case len(args) > 1:
			return Undef, Errorf(TypeError, "mappingproxy() takes at most 1 argument (%d given)", len(args))
		}
		src := args[0]
		if src.isObj() {
			switch o := src.o.(type) {
			case *Dict:
				return NewMappingProxy(o), nil
			case *MappingProxy:
				return NewMappingProxy(o.d), nil
			case *Instance:
				if d, ok := o.Payload().o.(*Dict); ok {
					return NewMappingProxy(d), nil
				}
			}
		}
		_, isList := src.o.(*List)
		_, isTuple := src.o.(*Tuple)
		hasKeys, _ := t.HasAttr(src, "__getitem__")
		if isList || isTuple || !hasKeys || !src.isObj() {
			return Undef, Errorf(TypeError, "mappingproxy() argument must be a mapping, not %s", src.TypeName())
		}
		d := NewDict()
		if err := t.DictUpdate(d, src); err != nil {
			return Undef, err
		}
		return NewMappingProxy(d), nil
	}
	self := func(args []Value) (*MappingProxy, error) {
		if p, ok := args[0].o.(*MappingProxy); ok {
			return p, nil
		}
		return nil, Errorf(TypeError, "descriptor requires a 'mappingproxy' object but received a '%s'", args[0].TypeName())
	}
	for _, name := range []string{"keys", "values", "items", "get", "copy"} {
		name := name
		MappingProxyType.AddMethod(name, func(t *Thread, args []Value, kw []KV) (Value, error) {
			p, err := self(args)
			if err != nil {
				return Undef, err
			}
			return t.CallMethod(Obj(p.d), name, args[1:]...)
		})
	}
}
