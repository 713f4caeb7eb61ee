package vm

// Constructors of the built-in types a script reaches only through
// type(x) or the types module (types.ModuleType, types.MethodType), and the
// refusal for the built-in types CPython cannot instantiate at all.

func init() {
	ModuleType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("module", args, kw, 1, "name", "doc")
		if err != nil {
			return Undef, err
		}
		name, ok := a[0].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "module.__init__() argument 'name' must be str, not %s", a[0].TypeName())
		}
		doc := a[1]
		if doc.IsUndef() {
			doc = None
		}
		m := NewModule(name, "")
		m.Set("__name__", a[0])
		m.Set("__doc__", doc)
		for _, k := range []string{"__package__", "__loader__", "__spec__"} {
			m.Set(k, None)
		}
		return Obj(m), nil
	}
	// NoneType(), type(NotImplemented)() and type(...)() give the singleton.
	for cls, v := range map[*Class]Value{NoneType: None, NotImplementedType: NotImplemented, EllipsisType: Ellipsis} {
		cls, v := cls, v
		cls.ctor = func(t *Thread, _ *Class, args []Value, kw []KV) (Value, error) {
			if len(args) > 0 || len(kw) > 0 {
				return Undef, Errorf(TypeError, "%s takes no arguments", cls.Name)
			}
			return v, nil
		}
	}
	// types.GenericAlias(origin, args): what classmethod(GenericAlias) as a
	// __class_getitem__ calls (queue.Queue[int]).
	GenericAliasType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := NoKwargs("GenericAlias", kw); err != nil {
			return Undef, err
		}
		if err := ExactArgs("GenericAlias", args, 2); err != nil {
			return Undef, err
		}
		return Obj(NewGenericAlias(args[0], args[1])), nil
	}
	MethodType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := NoKwargs("method", kw); err != nil {
			return Undef, err
		}
		if err := ExactArgs("method", args, 2); err != nil {
			return Undef, err
		}
		if !t.IsCallable(args[0]) {
			return Undef, Errorf(TypeError, "first argument must be callable")
		}
		if args[1].IsNone() {
			return Undef, Errorf(TypeError, "instance must not be None")
		}
		return Obj(&BoundMethod{Self: args[1], Fn: args[0]}), nil
	}
}

// cannotCreate is CPython's error for calling a built-in type that has no
// constructor (type(len)(), re.Match()).
func cannotCreate(cls *Class) error {
	name := cls.Name
	if cls.Module != "" && cls.Module != "builtins" {
		name = cls.Module + "." + name
	}
	return Errorf(TypeError, "cannot create '%s' instances", name)
}

// ctorOwner is the class in c's MRO whose constructor c uses (nil: none).
func (c *Class) ctorOwner() *Class {
	for _, k := range c.MRO {
		if k.ctor != nil {
			return k
		}
	}
	return nil
}

// SetCtor gives a native class (and the classes below it without their
// own) a constructor after the class was made.
func SetCtor(c *Class, ctor func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error)) {
	c.ctor = ctor
}

// noKwCtor: the built-in classes whose constructor takes no keyword
// arguments (list(key=1)); subclasses may, through their own __init__.
var noKwCtor = map[*Class]bool{
	ListType: true, TupleType: true, SetType: true, FrozenSetType: true, FloatType: true,
	SliceType: true, ClassMethodType: true, StaticMethodType: true, SuperType: true,
	ReversedType: true, FilterType: true, MapType: true, RangeType: true, BoolType: true,
}
