package vm

import (
	"fmt"
	"sort"
)

// buildClass runs a class body and creates the class (BUILD_CLASS).
func (t *Thread) buildClass(body, name, bases, kwargs Value) (Value, error) {
	fn := body.o.(*Function)
	cname := name.o.(*StrObj).s
	var bs []*Class
	origBases := bases
	resolved := false
	for _, b := range bases.o.(*Tuple).items {
		c, ok := b.o.(*Class)
		if ok && b.isObj() {
			bs = append(bs, c)
			continue
		}
		// PEP 560: a non-class base names its classes (Generic[T] → Generic).
		me, ok := t.lookupSpecial(b, "__mro_entries__")
		if !ok || !b.isObj() {
			return Undef, Errorf(TypeError, "bases must be types")
		}
		r, err := t.callBound(me, b, []Value{bases}, nil)
		if err != nil {
			return Undef, err
		}
		tup, ok := r.o.(*Tuple)
		if !ok || !r.isObj() {
			return Undef, Errorf(TypeError, "__mro_entries__ must return a tuple")
		}
		for _, e := range tup.items {
			c, ok := e.o.(*Class)
			if !ok || !e.isObj() {
				return Undef, Errorf(TypeError, "bases must be types")
			}
			bs = append(bs, c)
		}
		resolved = true
	}
	if resolved {
		items := make([]Value, len(bs))
		for i, c := range bs {
			items[i] = Obj(c)
		}
		bases = Obj(NewTuple(items))
	}
	var metaclass Value
	kw := kwargs.o.(*Dict)
	if v, ok := kw.GetStr("metaclass"); ok {
		metaclass = v
	}
	var kws []KV
	kw.Items(func(k, v Value) bool {
		if s := k.o.(*StrObj).s; s != "metaclass" {
			kws = append(kws, KV{Name: s, Val: v})
		}
		return true
	})
	if metaclass.IsUndef() {
		if m := derivedMeta(bs); m != nil {
			metaclass = Obj(m)
		}
	}
	custom := false
	if mc, isType := metaclass.o.(*Class); !metaclass.IsUndef() && !(isType && mc == TypeType) {
		custom = true
	}
	basesTuple := func() Value {
		items := make([]Value, len(bs))
		for i, b := range bs {
			items[i] = Obj(b)
		}
		return Obj(NewTuple(items))
	}
	ns, err := t.prepareNamespace(metaclass, custom, name, basesTuple, kws)
	if err != nil {
		return Undef, err
	}
	// Run the body with ns as its namespace.
	f, err := t.setupFrame(fn, nil, nil, false)
	if err != nil {
		return Undef, err
	}
	f.setClassNS(ns)
	f.goBoundary = true
	f.back = t.frame
	t.frame = f
	t.depth++
	if t.prof != nil {
		t.prof.Enter(t, f)
	}
	cellv, err := t.execute()
	if err != nil {
		return Undef, err
	}
	if resolved {
		if err := ns.set(t, "__orig_bases__", origBases); err != nil {
			return Undef, err
		}
	}
	if custom {
		v, err := t.Call(metaclass, []Value{name, basesTuple(), ns.value()}, kws)
		if err != nil {
			return Undef, err
		}
		if cell, ok := cellv.o.(*Cell); ok {
			cell.v = v
		}
		return v, nil
	}
	cls, err := NewClass(t, cname, bs, ns.dict)
	if err != nil {
		return Undef, err
	}
	if cell, ok := cellv.o.(*Cell); ok {
		cell.v = Obj(cls)
	}
	if err := t.classCreated(cls, kws); err != nil {
		return Undef, err
	}
	return Obj(cls), nil
}

// prepareNamespace makes the namespace a class body runs in: a fresh dict,
// or what the metaclass's __prepare__ returns (a dict, or a dict subclass
// whose __setitem__ sees each assignment).
func (t *Thread) prepareNamespace(metaclass Value, custom bool, name Value, bases func() Value, kws []KV) (*classNamespace, error) {
	if !custom {
		return &classNamespace{dict: NewDict()}, nil
	}
	prep, err := t.GetAttr(metaclass, "__prepare__")
	if err != nil {
		// A metaclass without __prepare__ (not derived from type) gets a dict.
		return &classNamespace{dict: NewDict()}, nil
	}
	r, err := t.Call(prep, []Value{name, bases()}, kws)
	if err != nil {
		return nil, err
	}
	if r.isObj() {
		switch m := r.o.(type) {
		case *Dict:
			return &classNamespace{dict: m}, nil
		case *Instance:
			if d, ok := m.Payload().o.(*Dict); ok {
				return &classNamespace{dict: d, obj: r}, nil
			}
		}
	}
	return nil, Errorf(TypeError, "%s.__prepare__() must return a mapping, not %s", metaclass.TypeName(), r.TypeName())
}

// classCreated runs what type.__new__ runs once a class exists: the
// __init_subclass__ hook of its nearest base that has one (with the class
// keywords), then __set_name__ on the descriptors in its namespace.
func (t *Thread) classCreated(cls *Class, kws []KV) error {
	if err := t.setNames(cls); err != nil {
		return err
	}
	for _, b := range cls.MRO[1:] {
		if m, ok := b.Dict["__init_subclass__"]; ok {
			fnv := m
			if cm, ok := m.o.(*ClassMethod); ok {
				fnv = cm.fn
			}
			if _, err := t.Call(fnv, []Value{Obj(cls)}, kws); err != nil {
				return err
			}
			break
		}
	}
	return nil
}

// setNames calls __set_name__ on the descriptors of a new class's
// namespace, in definition order, over a snapshot (as type.__new__ does):
// a hook that adds, replaces or deletes class attributes changes neither
// which descriptors are told nor what they were when the class was made.
func (t *Thread) setNames(cls *Class) error {
	keys := cls.OrderedKeys()
	vals := make([]Value, len(keys))
	for i, k := range keys {
		vals[i] = cls.Dict[k]
	}
	for i, v := range vals {
		if inst, ok := v.o.(*Instance); ok {
			if m, ok := inst.cls.Lookup("__set_name__"); ok {
				if _, err := t.Call(m, []Value{v, Obj(cls), Str(keys[i])}, nil); err != nil {
					wrapped := NewError(RuntimeError, fmt.Sprintf("Error calling __set_name__ on '%s' instance '%s' in '%s'", inst.cls.Name, keys[i], cls.Name))
					if cause, ok := err.(*Instance); ok && cause.exc() != nil {
						wrapped.exc().cause = Obj(cause)
						wrapped.exc().context = Obj(cause)
						wrapped.exc().suppressContext = true
					}
					return wrapped
				}
			}
		}
	}
	return nil
}

// OrderedKeys lists the class's own names in the order they were defined
// (names a Go module put in Dict directly come last, sorted).
func (c *Class) OrderedKeys() []string {
	out := make([]string, 0, len(c.Dict))
	seen := make(map[string]bool, len(c.Dict))
	for _, k := range c.keyOrder {
		if _, ok := c.Dict[k]; ok && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	if len(out) < len(c.Dict) {
		var rest []string
		for k := range c.Dict {
			if !seen[k] {
				rest = append(rest, k)
			}
		}
		sort.Strings(rest)
		out = append(out, rest...)
	}
	return out
}

// finalType reports the built-in types CPython does not let a class
// statement extend (no Py_TPFLAGS_BASETYPE).
func finalType(c *Class) bool {
	switch c {
	case NoneType, BoolType, RangeType, SliceType, FunctionType, BuiltinFunctionType, MethodType,
		CellType, GeneratorType, CoroutineType, AsyncGeneratorType, EllipsisType, NotImplementedType,
		CodeType, ListIterType, TupleIterType, StrIterType, RangeIterType, LongRangeIterType,
		DictKeyIterType, DictValueIterType, DictItemIterType, SetIterType, SeqIterType,
		DictKeysType, DictValuesType, DictItemsType, CallIterType:
		return true
	}
	return false
}

// NewClass creates a script class from a namespace dict.
func NewClass(t *Thread, name string, bases []*Class, ns *Dict) (*Class, error) {
	if len(bases) == 0 {
		bases = []*Class{ObjectType}
	}
	for _, b := range bases {
		if finalType(b) {
			return nil, Errorf(TypeError, "type '%s' is not an acceptable base type", b.Name)
		}
	}
	cls := &Class{Name: name, Module: "__main__", Bases: bases, Dict: map[string]Value{}}
	mro, err := computeMRO(cls)
	if err != nil {
		return nil, err
	}
	cls.MRO = mro
	for _, b := range bases {
		if !b.Builtin {
			b.subclasses = append(b.subclasses, cls)
		}
	}
	for _, k := range mro[1:] {
		if k.isExc {
			cls.isExc = true
			break
		}
	}
	var layout *Class
	for _, k := range mro[1:] {
		if k.Builtin && k != ObjectType {
			if layout != nil && !layout.IsSubclass(k) && !k.IsSubclass(layout) && !(layout.isExc && k.isExc) {
				return nil, Errorf(TypeError, "multiple bases have instance lay-out conflict")
			}
			if layout == nil {
				layout = k
			}
		}
	}
	if layout == nil {
		layout = ObjectType
	}
	cls.base = layout
	cls.keyOrder = make([]string, 0, ns.Len())
	ns.Items(func(k, v Value) bool {
		key := k.o.(*StrObj).s
		cls.Dict[key] = v
		cls.keyOrder = append(cls.keyOrder, key)
		return true
	})
	if m, ok := cls.Dict["__module__"]; ok {
		if s, ok := m.StrOf(); ok {
			cls.Module = s
		}
	}
	if q, ok := cls.Dict["__qualname__"]; ok {
		if s, ok := q.StrOf(); ok {
			_ = s
		}
	}
	// A class that defines __eq__ but not __hash__ gets __hash__ = None.
	if _, eq := cls.Dict["__eq__"]; eq {
		if _, h := cls.Dict["__hash__"]; !h {
			cls.Dict["__hash__"] = None
		}
	}
	// __new__ and __init_subclass__ are implicitly static/class methods.
	if v, ok := cls.Dict["__init_subclass__"]; ok {
		if _, isFn := v.o.(*Function); isFn {
			cls.Dict["__init_subclass__"] = Obj(&ClassMethod{fn: v})
		}
	}
	if v, ok := cls.Dict["__class_getitem__"]; ok {
		if _, isFn := v.o.(*Function); isFn {
			cls.Dict["__class_getitem__"] = Obj(&ClassMethod{fn: v})
		}
	}
	if err := t.setupSlots(cls); err != nil {
		return nil, err
	}
	return cls, nil
}

// NewNativeClass makes a class implemented in Go (for stdlib modules).
// Its instances are whatever ctor returns.
func NewNativeClass(name, module string, base *Class, ctor func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error)) *Class {
	if base == nil {
		base = ObjectType
	}
	c := &Class{Name: name, Module: module, Bases: []*Class{base}, Dict: map[string]Value{}, ctor: ctor, Builtin: true}
	c.MRO = append([]*Class{c}, base.MRO...)
	c.base = c
	c.isExc = base.isExc
	setNewWrapper(c)
	return c
}

// NewExceptionClass makes an exception class for a stdlib module (e.g. asyncio.InvalidStateError).
func NewExceptionClass(name, module string, bases ...*Class) *Class {
	cls := &Class{Name: name, Module: module, Bases: bases, Dict: map[string]Value{}}
	mro, err := computeMRO(cls)
	if err != nil {
		panic(err)
	}
	cls.MRO = mro
	cls.isExc = true
	cls.base = bases[0].base
	// Shared by every interpreter, so immutable like the built-in classes.
	cls.Builtin = true
	return cls
}

// AddProperty adds a read-only property computed by a Go getter.
func (c *Class) AddProperty(name string, get BuiltinFunc) {
	c.Dict[name] = Obj(&Property{fget: Obj(&Builtin{Name: name, Fn: get, owner: c}), fset: None, fdel: None, doc: None})
}

// coreMinArgs is how many arguments (after self) methods of the core types
// need at least, by name — the same for every core type that has the
// method. Calling one with fewer raises TypeError before the method runs.
var coreMinArgs = map[string]int{
	"__eq__": 1, "__ne__": 1, "__lt__": 1, "__le__": 1, "__gt__": 1, "__ge__": 1,
	"__add__": 1, "__radd__": 1, "__sub__": 1, "__rsub__": 1, "__mul__": 1, "__rmul__": 1,
	"__truediv__": 1, "__floordiv__": 1, "__mod__": 1, "__rmod__": 1, "__pow__": 1,
	"__and__": 1, "__or__": 1, "__xor__": 1, "__iadd__": 1, "__imul__": 1,
	"__contains__": 1, "__getitem__": 1, "__delitem__": 1, "__setitem__": 2,
	"count": 1, "index": 1, "append": 1, "extend": 1, "insert": 2, "remove": 1, "discard": 1,
	"add": 1, "isdisjoint": 1, "issubset": 1, "issuperset": 1, "removeprefix": 1,
	"removesuffix": 1, "startswith": 1, "endswith": 1, "find": 1, "rfind": 1, "rindex": 1,
	"replace": 2, "join": 1, "setdefault": 1, "get": 1, "difference_update": 0,
	"symmetric_difference": 1, "symmetric_difference_update": 1, "format_map": 1, "translate": 1,
	"zfill": 1, "center": 1, "ljust": 1, "rjust": 1, "partition": 1, "rpartition": 1,
	"__format__": 1, "__setattr__": 2, "__delattr__": 1, "__getattribute__": 1,
}

// isCoreType reports the built-in types coreMinArgs applies to.
func isCoreType(c *Class) bool {
	switch c {
	case ObjectType, ListType, TupleType, DictType, SetType, FrozenSetType, StrType, BytesType,
		ByteArrayType, IntType, FloatType, BoolType, ComplexType:
		return true
	}
	return false
}

// AddClassMethod adds a Go classmethod (its first argument is the class).
func (c *Class) AddClassMethod(name string, fn BuiltinFunc) {
	c.Dict[name] = Obj(&ClassMethod{fn: NewBuiltin(name, fn)})
}

// AddMethod adds a Go method to a class (used while building native classes).
func (c *Class) AddMethod(name string, fn BuiltinFunc) {
	if hasExactArity(c, name) {
		fn = withArity(c, name, fn)
	} else if isCoreType(c) {
		n := coreMinArgs[name]
		max, hasMax := coreMax(c, name)
		kwOK := coreKwMethods[name] || name == "update" && c == DictType
		inner := fn
		fn = func(t *Thread, args []Value, kw []KV) (Value, error) {
			if !kwOK {
				if err := noKwargs(c, name, kw); err != nil {
					return Undef, err
				}
			}
			if hasMax && (len(args)-1 > max || len(args)-1 < n) {
				return Undef, coreArgsError(c, name, args[1:], n, max)
			}
			if n > 0 && len(args)-1 < n {
				return Undef, Errorf(TypeError, "%s expected at least %d argument%s, got %d", name, n, plural(n), len(args)-1)
			}
			return inner(t, args, kw)
		}
	}
	c.Dict[name] = Obj(&Builtin{Name: name, Fn: fn, owner: c})
}
