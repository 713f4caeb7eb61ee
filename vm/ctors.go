package vm

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

var sprintf = fmt.Sprintf

// Constructors of the built-in types (what calling int, str, list... does).
func init() {
	ObjectType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if cls == ObjectType && (len(args) > 0 || len(kw) > 0) {
			return Undef, Errorf(TypeError, "object() takes no arguments")
		}
		return Obj(NewInstance(cls)), nil
	}
	ObjectType.AddMethod("__init__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) > 1 || len(kw) > 0 {
			cls := args[0].Class()
			if init, ok := cls.Lookup("__init__"); ok {
				if b, isB := init.o.(*Builtin); isB && b.owner == ObjectType {
					return Undef, Errorf(TypeError, "%s() takes no arguments", cls.Name)
				}
			}
			return Undef, Errorf(TypeError, "object.__init__() takes exactly one argument (the instance to initialize)")
		}
		return None, nil
	})
	ObjectType.AddMethod("__repr__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		v := args[0]
		return Str(fmt.Sprintf("<%s object at %#x>", v.Class().QualName(), identity(v.o))), nil
	})
	ObjectType.AddMethod("__str__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		s, err := t.Repr(args[0])
		return Str(s), err
	})
	ObjectType.AddMethod("__eq__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if args[0].Is(args[1]) {
			return True, nil
		}
		return NotImplemented, nil
	})
	ObjectType.AddMethod("__ne__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		r, err := t.richCompare(cmpEQ, args[0], args[1])
		if err != nil {
			return Undef, err
		}
		b, err := t.Truth(r)
		return Bool(!b), err
	})
	ObjectType.AddMethod("__hash__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Int(int64(identityHash(args[0].o) >> 4)), nil
	})
	ObjectType.AddMethod("__setattr__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		name, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "attribute name must be string, not '%s'", args[1].TypeName())
		}
		if inst, ok := args[0].o.(*Instance); ok {
			return None, inst.setAttrGeneric(name, args[2])
		}
		return None, t.SetAttr(args[0], name, args[2])
	})
	ObjectType.AddMethod("__delattr__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		name, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "attribute name must be string, not '%s'", args[1].TypeName())
		}
		if inst, isInst := args[0].o.(*Instance); isInst {
			return None, inst.delAttr(name)
		}
		return None, t.DelAttr(args[0], name)
	})
	ObjectType.AddMethod("__getattribute__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		name, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "attribute name must be string, not '%s'", args[1].TypeName())
		}
		if inst, isInst := args[0].o.(*Instance); isInst {
			// The generic lookup, without the class's own __getattribute__.
			v, found, err := t.genericInstanceAttr(inst, args[0], name, false)
			if err != nil || found {
				return v, err
			}
			return Undef, t.attrError(args[0], name)
		}
		return t.GetAttr(args[0], name)
	})
	ObjectType.AddMethod("__init_subclass__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return None, nil
	})
	ObjectType.Dict["__new__"] = newWrapperFor(ObjectType) // see tpnew.go

	BaseException.AddMethod("__init__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if inst, ok := args[0].o.(*Instance); ok && inst.exc() != nil {
			inst.exc().setArgs(inst.cls, args[1:])
		}
		return None, nil
	})
	BaseException.AddMethod("with_traceback", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "BaseException.with_traceback() takes exactly one argument (%d given)", len(args)-1)
		}
		if err := args[0].o.(*Instance).exc().setTraceback(args[1]); err != nil {
			return Undef, err
		}
		return args[0], nil
	})
	BaseException.AddMethod("add_note", func(t *Thread, args []Value, kw []KV) (Value, error) {
		inst := args[0].o.(*Instance)
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "add_note() takes exactly one argument (%d given)", len(args)-1)
		}
		s, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "note must be a str, not '%s'", args[1].TypeName())
		}
		inst.exc().notes = append(inst.exc().notes, s)
		return None, nil
	})

	TypeType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		switch len(args) {
		case 1:
			return Obj(args[0].Class()), nil
		case 3:
			name, ok := args[0].StrOf()
			if !ok {
				return Undef, Errorf(TypeError, "type.__new__() argument 1 must be str, not %s", args[0].TypeName())
			}
			tup, ok := args[1].o.(*Tuple)
			if !ok || !args[1].isObj() {
				if inst, isInst := args[1].o.(*Instance); isInst {
					tup, ok = inst.Payload().o.(*Tuple) // a tuple subclass
				}
			}
			if !ok {
				return Undef, Errorf(TypeError, "type.__new__() argument 2 must be tuple, not %s", args[1].TypeName())
			}
			var bases []*Class
			for _, b := range tup.items {
				bc, isCls := b.o.(*Class)
				if !isCls || !b.isObj() {
					// CPython derives the metaclass from type(base) first.
					return Undef, Errorf(TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
				}
				bases = append(bases, bc)
			}
			ns, ok := args[2].o.(*Dict)
			if inst, isInst := args[2].o.(*Instance); isInst {
				// The mapping a __prepare__ returned: a dict subclass.
				ns, ok = inst.Payload().o.(*Dict)
			}
			if !ok {
				return Undef, Errorf(TypeError, "type.__new__() argument 3 must be dict, not %s", args[2].TypeName())
			}
			c, err := NewClass(t, name, bases, ns)
			if err != nil {
				return Undef, err
			}
			// type.__new__(M, ...) from a metaclass M makes an instance of M.
			if cls != TypeType {
				c.meta = cls
			} else {
				c.meta = derivedMeta(c.Bases)
			}
			if m, ok := t.frame.module.Get("__name__"); ok && t.frame != nil {
				if s, ok := m.StrOf(); ok && ns.Len() >= 0 {
					if _, has := ns.GetStr("__module__"); !has {
						c.Module = s
					}
				}
			}
			if err := t.classCreated(c, kw); err != nil {
				return Undef, err
			}
			return Obj(c), nil
		}
		return Undef, Errorf(TypeError, "type() takes 1 or 3 arguments")
	}
	// type.__call__ is what a metaclass's own __call__ reaches through
	// super(): the ordinary construction of an instance.
	TypeType.AddMethod("__call__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		cls, ok := args[0].o.(*Class)
		if !ok || !args[0].isObj() {
			return Undef, Errorf(TypeError, "descriptor '__call__' requires a 'type' object but received a '%s'", args[0].TypeName())
		}
		return t.callClass(cls, args[1:], kw)
	})
	// type.__init__ has nothing to do (type.__new__ built the class), but a
	// metaclass's __init__ calls it through super().
	TypeType.AddMethod("__init__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if n := len(args) - 1; n != 1 && n != 3 {
			return Undef, Errorf(TypeError, "type.__init__() takes 1 or 3 arguments")
		}
		return None, nil
	})
	// type.__prepare__ gives the plain dict a class body runs in.
	TypeType.Dict["__prepare__"] = Obj(&ClassMethod{fn: NewBuiltin("__prepare__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Obj(NewDict()), nil
	})})
	// Reached through super() from a metaclass's own __setattr__/__delattr__.
	TypeType.AddMethod("__setattr__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := MethodArgs("type", "__setattr__", args[1:], 2, 2); err != nil {
			return Undef, err
		}
		cls, ok := args[0].o.(*Class)
		name, isStr := args[1].StrOf()
		if !ok || !isStr || len(args) != 3 {
			return Undef, Errorf(TypeError, "type.__setattr__ expects a type, a str and a value")
		}
		return None, cls.setAttr(name, args[2])
	})
	TypeType.AddMethod("__delattr__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := MethodArgs("type", "__delattr__", args[1:], 1, 1); err != nil {
			return Undef, err
		}
		cls, ok := args[0].o.(*Class)
		name, isStr := args[1].StrOf()
		if !ok || !isStr {
			return Undef, Errorf(TypeError, "type.__delattr__ expects a type and a str")
		}
		return None, cls.delAttr(name)
	})
	TypeType.AddMethod("mro", func(t *Thread, args []Value, kw []KV) (Value, error) {
		c := args[0].o.(*Class)
		items := make([]Value, len(c.MRO))
		for i, k := range c.MRO {
			items[i] = Obj(k)
		}
		return Obj(NewList(items)), nil
	})
	TypeType.AddMethod("__subclasses__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		c := args[0].o.(*Class)
		items := make([]Value, len(c.subclasses))
		for i, s := range c.subclasses {
			items[i] = Obj(s)
		}
		return Obj(NewList(items)), nil
	})

	IntType.ctor = newInt
	BoolType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := NoKwargs("bool", kw); err != nil {
			return Undef, err
		}
		if len(args) == 0 {
			return False, nil
		}
		if len(args) > 1 {
			return Undef, Errorf(TypeError, "bool expected at most 1 argument, got %d", len(args))
		}
		b, err := t.Truth(args[0])
		return Bool(b), err
	}
	FloatType.ctor = newFloat
	StrType.ctor = newStr
	ListType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := NoKwargs("list", kw); err != nil {
			return Undef, err
		}
		if err := RangeArgs("list", args, 0, 1); err != nil {
			return Undef, err
		}
		l := NewList(nil)
		if len(args) == 1 {
			items, err := t.ToList(args[0])
			if err != nil {
				return Undef, err
			}
			l.items = items
		}
		return t.wrapBuiltinSubclass(cls, l), nil
	}
	TupleType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := NoKwargs("tuple", kw); err != nil {
			return Undef, err
		}
		if err := RangeArgs("tuple", args, 0, 1); err != nil {
			return Undef, err
		}
		if len(args) == 0 {
			return t.wrapBuiltinSubclass(cls, emptyTuple), nil
		}
		if tp, ok := args[0].o.(*Tuple); ok && cls == TupleType {
			return Obj(tp), nil
		}
		items, err := t.ToList(args[0])
		if err != nil {
			return Undef, err
		}
		return t.wrapBuiltinSubclass(cls, NewTuple(items)), nil
	}
	DictType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("dict", args, 0, 1); err != nil {
			return Undef, err
		}
		d := NewDict()
		if len(args) == 1 {
			if err := t.DictUpdate(d, args[0]); err != nil {
				return Undef, err
			}
		}
		for _, a := range kw {
			d.SetStr(a.Name, a.Val)
		}
		return t.wrapBuiltinSubclass(cls, d), nil
	}
	SetType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := NoKwargs("set", kw); err != nil {
			return Undef, err
		}
		if err := RangeArgs("set", args, 0, 1); err != nil {
			return Undef, err
		}
		s, err := newSetOf(t, args)
		if err != nil {
			return Undef, err
		}
		return t.wrapBuiltinSubclass(cls, s), nil
	}
	FrozenSetType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("frozenset", args, 0, 1); err != nil {
			return Undef, err
		}
		s, err := newSetOf(t, args)
		if err != nil {
			return Undef, err
		}
		return t.wrapBuiltinSubclass(cls, &FrozenSet{s: s}), nil
	}
	RangeType.ctor = newRange
	// Slices are unhashable in 3.11 (protocol.go), visibly so.
	SliceType.Dict["__hash__"] = None
	SliceType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("slice", args, 1, 3); err != nil {
			return Undef, err
		}
		switch len(args) {
		case 1:
			return Obj(&SliceObj{start: None, stop: args[0], step: None}), nil
		case 2:
			return Obj(&SliceObj{start: args[0], stop: args[1], step: None}), nil
		}
		return Obj(&SliceObj{start: args[0], stop: args[1], step: args[2]}), nil
	}
	PropertyType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("property", args, kw, 0, "fget", "fset", "fdel", "doc")
		if err != nil {
			return Undef, err
		}
		return Obj(&Property{fget: a[0], fset: a[1], fdel: a[2], doc: a[3]}), nil
	}
	// property.__doc__: the doc argument, else the getter's docstring.
	PropertyType.AddProperty("__doc__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		p := args[0].o.(*Property)
		if !p.doc.IsUndef() && !p.doc.IsNone() {
			return p.doc, nil
		}
		if p.fget.IsUndef() || p.fget.IsNone() {
			return None, nil
		}
		d, err := t.GetAttr(p.fget, "__doc__")
		if err != nil {
			if IsInstanceOf(err, AttributeError) {
				return None, nil
			}
			return Undef, err
		}
		return d, nil
	})
	for _, m := range []string{"setter", "getter", "deleter"} {
		m := m
		PropertyType.AddMethod(m, func(t *Thread, args []Value, kw []KV) (Value, error) {
			if err := MethodArgs("property", m, args[1:], 1, 1); err != nil {
				return Undef, err
			}
			p := *args[0].o.(*Property)
			switch m {
			case "setter":
				p.fset = args[1]
			case "getter":
				p.fget = args[1]
			case "deleter":
				p.fdel = args[1]
			}
			return Obj(&p), nil
		})
	}
	// The descriptor protocol, callable from scripts (decorator libraries
	// call fn.__get__(obj, cls) to bind by hand).
	FunctionType.AddMethod("__get__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("__get__", args[1:], 1, 2); err != nil {
			return Undef, err
		}
		if args[1].IsNone() {
			return args[0], nil
		}
		return Obj(&BoundMethod{Self: args[1], Fn: args[0]}), nil
	})
	PropertyType.AddMethod("__get__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("__get__", args[1:], 1, 2); err != nil {
			return Undef, err
		}
		p := args[0].o.(*Property)
		if args[1].IsNone() {
			return args[0], nil
		}
		if p.fget.IsUndef() || p.fget.IsNone() {
			return Undef, Errorf(AttributeError, "property has no getter")
		}
		return t.Call(p.fget, []Value{args[1]}, nil)
	})
	// Attribute lookup binds these two by their Go type; __get__ is for the
	// libraries that bind by hand (functools.partialmethod over a classmethod).
	StaticMethodType.AddMethod("__get__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("__get__", args[1:], 1, 2); err != nil {
			return Undef, err
		}
		return args[0].o.(*StaticMethod).fn, nil
	})
	ClassMethodType.AddMethod("__get__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("__get__", args[1:], 1, 2); err != nil {
			return Undef, err
		}
		owner := None
		if len(args) == 3 {
			owner = args[2]
		}
		if owner.IsNone() {
			if args[1].IsNone() {
				return Undef, Errorf(TypeError, "__get__(None, None) is invalid")
			}
			owner = Obj(args[1].Class())
		}
		return Obj(&BoundMethod{Self: owner, Fn: args[0].o.(*ClassMethod).fn}), nil
	})
	StaticMethodType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("staticmethod", args, 1); err != nil {
			return Undef, err
		}
		return Obj(&StaticMethod{fn: args[0]}), nil
	}
	ClassMethodType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("classmethod", args, 1); err != nil {
			return Undef, err
		}
		return Obj(&ClassMethod{fn: args[0]}), nil
	}
	SuperType.ctor = newSuper
	ComplexType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if len(args) > 2 {
			return Undef, Errorf(TypeError, "complex() takes at most 2 arguments (%d given)", len(args))
		}
		for _, a := range kw {
			switch {
			case a.Name == "real" && len(args) == 0:
				args = append(args, a.Val)
			case a.Name == "imag" && len(args) <= 1:
				if len(args) == 0 {
					args = append(args, Int(0))
				}
				args = append(args, a.Val)
			case a.Name == "real" || a.Name == "imag":
				return Undef, Errorf(TypeError, "argument for complex() given by name ('%s') and position (%d)", a.Name, map[bool]int{true: 1, false: 2}[a.Name == "real"])
			default:
				return Undef, Errorf(TypeError, "'%s' is an invalid keyword argument for complex()", a.Name)
			}
		}
		if len(args) == 2 {
			if _, ok := args[0].StrOf(); ok {
				return Undef, Errorf(TypeError, "complex() can't take second arg if first is a string")
			}
			if _, ok := args[1].StrOf(); ok {
				return Undef, Errorf(TypeError, "complex() second arg can't be a string")
			}
		}
		re, im := 0.0, 0.0
		var err error
		if len(args) > 0 {
			first := args[0]
			if m, ok := t.lookupSpecial(first, "__complex__"); ok {
				if first, err = t.callBound(m, first, nil, nil); err != nil {
					return Undef, err
				}
			}
			if c, ok := first.o.(*Complex); ok {
				re, im = real(c.v), imag(c.v)
			} else if s, ok := first.StrOf(); ok {
				c, err := parseComplexLiteral(s)
				if err != nil {
					return Undef, err
				}
				re, im = real(c), imag(c)
			} else if re, err = t.ToFloat(first); err != nil {
				return Undef, err
			}
		}
		if len(args) > 1 {
			x, err := t.ToFloat(args[1])
			if err != nil {
				return Undef, err
			}
			im += x
		}
		return Obj(&Complex{v: complex(re, im)}), nil
	}
}

// wrapBuiltinSubclass returns a plain built-in object, or an instance of a
// script subclass carrying it as payload.
func (t *Thread) wrapBuiltinSubclass(cls *Class, o Object) Value { return WrapNative(cls, o) }

// WrapNative returns o itself when cls is its native class, or an instance
// of the script subclass cls carrying o as its built-in payload (so a
// native class's constructor supports `class Mine(native)`).
func WrapNative(cls *Class, o Object) Value {
	if cls.Builtin {
		return Obj(o)
	}
	inst := NewInstance(cls)
	inst.setPayload(Obj(o))
	return Obj(inst)
}

// DictUpdate merges a mapping or an iterable of pairs into d (dict(x), d.update(x)).
func (t *Thread) DictUpdate(d *Dict, src Value) error {
	if s, ok := src.o.(*Dict); ok {
		return d.Merge(t, s)
	}
	if ok, _ := t.HasAttr(src, "keys"); ok {
		return t.dictMerge(d, src, false)
	}
	i := 0
	return t.Iterate(src, func(item Value) error {
		pair, err := t.ToList(item)
		if err != nil {
			return Errorf(TypeError, "cannot convert dictionary update sequence element #%d to a sequence", i)
		}
		if len(pair) != 2 {
			return Errorf(ValueError, "dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
		}
		i++
		return d.Set(t, pair[0], pair[1])
	})
}

func newInt(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
	// x is positional-only: base is the one keyword int() takes. CPython
	// counts the arguments, positional and keyword, before matching them.
	for _, k := range kw {
		if k.Name != "base" {
			return Undef, Errorf(TypeError, "'%s' is an invalid keyword argument for int()", k.Name)
		}
	}
	if n := len(args) + len(kw); n > 2 {
		return Undef, Errorf(TypeError, "int() takes at most 2 arguments (%d given)", n)
	}
	a, err := unpackArgs("int", args, kw, 0, "x", "base")
	if err != nil {
		return Undef, err
	}
	x, base := a[0], a[1]
	if x.IsUndef() {
		if !base.IsUndef() {
			return Undef, Errorf(TypeError, "int() missing string argument")
		}
		return Int(0), nil
	}
	var r Value
	if base.IsUndef() {
		r, err = t.toInt(x)
	} else {
		b, err2 := t.AsInt64(base)
		if err2 != nil {
			return Undef, err2
		}
		s, ok := x.StrOf()
		if !ok {
			if bs, isB := x.o.(*Bytes); isB {
				s = string(bs.b)
			} else {
				return Undef, Errorf(TypeError, "int() can't convert non-string with explicit base")
			}
		}
		r, err = parseIntLimited(s, int(b), t.IntMaxStrDigits())
	}
	if err != nil {
		return Undef, err
	}
	if !cls.Builtin {
		inst := NewInstance(cls)
		inst.setPayload(r)
		return Obj(inst), nil
	}
	return r, nil
}

// toInt is int(x) with one argument.
func (t *Thread) toInt(x Value) (Value, error) {
	switch x.kind() {
	case KInt:
		return x, nil
	case KBool:
		return Int(int64(x.n)), nil
	case KFloat:
		return FloatToInt(x.AsFloat())
	}
	switch o := x.o.(type) {
	case *BigIntObj:
		return x, nil
	case *StrObj:
		return parseIntLimited(o.s, 10, t.IntMaxStrDigits())
	case *Bytes:
		return parseIntLimited(string(o.b), 10, t.IntMaxStrDigits())
	case *ByteArray, *MemoryView: // CPython's int() parses any bytes-like object's bytes
		if b, ok := bytesLike(x); ok {
			return parseIntLimited(string(b), 10, t.IntMaxStrDigits())
		}
		return Undef, errReleased()
	default:
		inst, isInst := o.(*Instance)
		if !isInst && !dunderNative(x) {
			break
		}
		for _, m := range []string{"__int__", "__index__", "__trunc__"} {
			if f, ok := t.lookupSpecial(x, m); ok {
				r, err := t.callBound(f, x, nil, nil)
				if err != nil {
					return Undef, err
				}
				if !r.isIntLike() {
					return Undef, Errorf(TypeError, "%s returned non-int (type %s)", m, r.TypeName())
				}
				return r, nil
			}
		}
		if isInst && !inst.Payload().IsUndef() {
			return t.toInt(inst.Payload())
		}
	}
	return Undef, Errorf(TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", x.TypeName())
}

// FloatToInt truncates a float to an int.
func FloatToInt(f float64) (Value, error) {
	if math.IsInf(f, 0) {
		return Undef, Errorf(OverflowError, "cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return Undef, Errorf(ValueError, "cannot convert float NaN to integer")
	}
	f = math.Trunc(f)
	if f >= -9.2e18 && f <= 9.2e18 {
		return Int(int64(f)), nil
	}
	b, _ := new(big.Float).SetFloat64(f).Int(nil)
	return BigInt(b), nil
}

// ParseIntLiteral is int(s, base) for strings, under the default limit on
// decimal digits (DefaultIntMaxStrDigits).
func ParseIntLiteral(s string, base int) (Value, error) {
	return parseIntLimited(s, base, DefaultIntMaxStrDigits)
}

// parseIntLimited is int(s, base) refusing more than limit digits in a base
// that is not a power of two (limit 0: no limit), as CPython 3.11.
func parseIntLimited(s string, base int, limit int) (Value, error) {
	if v, ok := parseSmallDecimal(s, base); ok {
		return v, nil
	}
	orig, given := s, base // errors name the base as given (0 stays 0)
	if base != 0 && (base < 2 || base > 36) {
		return Undef, Errorf(ValueError, "int() base must be >= 2 and <= 36, or 0")
	}
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		neg = s[0] == '-'
		s = s[1:]
	}
	low := strings.ToLower(s)
	prefixBase := 0
	switch {
	case strings.HasPrefix(low, "0x"):
		prefixBase = 16
	case strings.HasPrefix(low, "0o"):
		prefixBase = 8
	case strings.HasPrefix(low, "0b"):
		prefixBase = 2
	}
	if prefixBase != 0 && (base == 0 || base == prefixBase) {
		s = s[2:]
		if strings.HasPrefix(s, "_") {
			s = s[1:]
		}
		base = prefixBase
	}
	if base == 0 {
		base = 10
		if len(s) > 1 && s[0] == '0' && strings.Trim(s, "0_") != "" {
			return Undef, Errorf(ValueError, "invalid literal for int() with base 0: %s", quoteTrunc(orig, 200))
		}
	}
	bad := s == "" || strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") || strings.Contains(s, "__")
	clean := strings.ReplaceAll(s, "_", "")
	if limit > 0 && len(clean) > limit && base&(base-1) != 0 && !bad && validDigits(clean, base) {
		return Undef, Errorf(ValueError, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", limit, len(clean))
	}
	b, ok := parseBigDigits(clean, base)
	if bad || !ok || strings.ContainsAny(clean, "+-") {
		return Undef, Errorf(ValueError, "invalid literal for int() with base %d: %s", given, quoteTrunc(orig, 200))
	}
	if neg {
		b.Neg(b)
	}
	return BigInt(b), nil
}

// parseSmallDecimal is int(s) for the common text: an optional sign and at
// most 18 ASCII decimal digits, nothing else (no space, underscore or
// prefix), in base 10 (or 0 without a leading zero). It fits an int64, so
// no big.Int is made; ok false sends anything else to the general parse.
func parseSmallDecimal(s string, base int) (Value, bool) {
	if base != 10 && base != 0 || s == "" {
		return Undef, false
	}
	i := 0
	if s[0] == '-' || s[0] == '+' {
		i = 1
	}
	digits := s[i:]
	if digits == "" || len(digits) > 18 || base == 0 && len(digits) > 1 && digits[0] == '0' {
		return Undef, false
	}
	var n int64
	for j := 0; j < len(digits); j++ {
		c := digits[j]
		if c < '0' || c > '9' {
			return Undef, false
		}
		n = n*10 + int64(c-'0')
	}
	if s[0] == '-' {
		n = -n
	}
	return Int(n), true
}

// newFloat is float(x), or an instance of a float subclass carrying it.
func newFloat(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
	v, err := floatValue(t, args, kw)
	if err != nil || cls.Builtin {
		return v, err
	}
	inst := NewInstance(cls)
	inst.setPayload(v)
	return Obj(inst), nil
}

func floatValue(t *Thread, args []Value, kw []KV) (Value, error) {
	if err := NoKwargs("float", kw); err != nil {
		return Undef, err
	}
	if err := RangeArgs("float", args, 0, 1); err != nil {
		return Undef, err
	}
	if len(args) == 0 {
		return Float(0), nil
	}
	x := args[0]
	switch x.kind() {
	case KFloat:
		return x, nil
	case KInt, KBool:
		return Float(float64(int64(x.n))), nil
	}
	switch o := x.o.(type) {
	case *BigIntObj:
		f, err := toFloat(x)
		return Float(f), err
	case *StrObj:
		f, err := ParseFloatLiteral(o.s)
		return Float(f), err
	case *Bytes:
		f, err := ParseFloatLiteral(string(o.b))
		if err != nil {
			r, _ := t.Repr(x)
			return Undef, Errorf(ValueError, "could not convert string to float: %s", r)
		}
		return Float(f), nil
	default:
		inst, isInst := o.(*Instance)
		if !isInst && !dunderNative(x) {
			break
		}
		if m, ok := t.lookupSpecial(x, "__float__"); ok {
			return t.callBound(m, x, nil, nil)
		}
		if m, ok := t.lookupSpecial(x, "__index__"); ok {
			r, err := t.callBound(m, x, nil, nil)
			if err != nil {
				return Undef, err
			}
			f, err := toFloat(r)
			return Float(f), err
		}
		if isInst && !inst.Payload().IsUndef() && !inst.cls.isExc {
			// A subclass of str, bytes, int or float converts as its value.
			return floatValue(t, []Value{inst.Payload()}, nil)
		}
	}
	return Undef, Errorf(TypeError, "float() argument must be a string or a real number, not '%s'", x.TypeName())
}

// ParseFloatLiteral is float(s) for strings.
func ParseFloatLiteral(s string) (float64, error) {
	t := strings.TrimSpace(s)
	low := strings.ToLower(t)
	sign := 1.0
	body := low
	if strings.HasPrefix(body, "-") || strings.HasPrefix(body, "+") {
		if body[0] == '-' {
			sign = -1
		}
		body = body[1:]
	}
	switch body {
	case "inf", "infinity":
		return math.Inf(int(sign)), nil
	case "nan":
		// CPython's NaN, keeping the sign of "-nan".
		return math.Copysign(NaN(), sign), nil
	}
	ok := body != "" && !strings.HasPrefix(body, "_") && !strings.HasSuffix(body, "_") && !strings.Contains(body, "__")
	clean := strings.ReplaceAll(t, "_", "")
	if ok && !strings.ContainsAny(body, "xpn") {
		if decimalFloatSyntax(clean) {
			return parseFloatExact(clean)
		}
	}
	return 0, Errorf(ValueError, "could not convert string to float: %s", QuoteStr(s))
}

func newStr(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
	if cls == StrType && len(args) == 1 && len(kw) == 0 {
		if _, ok := args[0].o.(*StrObj); ok {
			// str(s) of an exact str is s itself, as in CPython.
			return args[0], nil
		}
		if args[0].isInt() {
			return Obj(intStr(int64(args[0].n))), nil // one measured allocation
		}
	}
	a, err := unpackArgs("str", args, kw, 0, "object", "encoding", "errors")
	if err != nil {
		return Undef, err
	}
	var s string
	if a[0].IsUndef() {
		s = ""
	} else if !a[1].IsUndef() || !a[2].IsUndef() {
		// str(b, encoding, errors) is b.decode(encoding, errors).
		switch a[0].o.(type) {
		case *Bytes, *ByteArray:
		default:
			return Undef, Errorf(TypeError, "decoding to str: need a bytes-like object, %s found", a[0].TypeName())
		}
		enc, errs := a[1], a[2]
		if enc.IsUndef() {
			enc = Str("utf-8")
		}
		if errs.IsUndef() {
			errs = Str("strict")
		}
		r, err := t.CallMethod(a[0], "decode", enc, errs)
		if err != nil {
			return Undef, err
		}
		if s, err = t.StrOf(r); err != nil {
			return Undef, err
		}
	} else {
		s, err = t.StrOf(a[0])
		if err != nil {
			return Undef, err
		}
	}
	return t.wrapBuiltinSubclass(cls, NewStr(s)), nil
}

// newSuper implements super() and super(cls, obj).
func newSuper(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
	if len(args) == 2 {
		c, ok := args[0].o.(*Class)
		if !ok {
			return Undef, Errorf(TypeError, "super() argument 1 must be a type, not %s", args[0].TypeName())
		}
		if !superAccepts(c, args[1]) {
			return Undef, Errorf(TypeError, "super(type, obj): obj must be an instance or subtype of type")
		}
		return Obj(&Super{cls: c, self: args[1]}), nil
	}
	if len(args) != 0 {
		return Undef, Errorf(TypeError, "super() takes 0 or 2 arguments")
	}
	f := t.frame
	if f == nil {
		return Undef, Errorf(RuntimeError, "super(): no arguments")
	}
	code := f.code
	var classCell *Cell
	for i := 0; i < code.NumFrees; i++ {
		if code.LocalNames[code.FreeStart+i] == "__class__" {
			classCell, _ = f.regs[code.FreeStart+i].o.(*Cell)
		}
	}
	if classCell == nil {
		return Undef, Errorf(RuntimeError, "super(): __class__ cell not found")
	}
	if code.ArgCount == 0 && code.Flags&FlagVarargs == 0 {
		return Undef, Errorf(RuntimeError, "super(): no arguments")
	}
	self := f.regs[0]
	if c, ok := self.o.(*Cell); ok {
		self = c.v
	}
	if code.Flags&FlagVarargs != 0 && code.ArgCount == 0 {
		tp := self.o.(*Tuple)
		if len(tp.items) == 0 {
			return Undef, Errorf(RuntimeError, "super(): no arguments")
		}
		self = tp.items[0]
	}
	k, ok := classCell.v.o.(*Class)
	if !ok {
		return Undef, Errorf(RuntimeError, "super(): empty __class__ cell")
	}
	return Obj(&Super{cls: k, self: self}), nil
}

// superAccepts reports whether obj is an instance of cls or a subclass of
// it, what super(cls, obj) requires.
func superAccepts(cls *Class, obj Value) bool {
	if obj.Class().IsSubclass(cls) {
		return true
	}
	sub, ok := obj.o.(*Class)
	return ok && obj.isObj() && sub.IsSubclass(cls)
}

func parseFloatExact(s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, nil
		}
		return 0, Errorf(ValueError, "could not convert string to float: %s", QuoteStr(s))
	}
	return f, nil
}
