package vm

import (
	"reflect"
	"sync"
)

// T.__new__ of the built-in types, as CPython's tp_new_wrapper: every
// built-in class that constructs instances has its own __new__, which takes
// the class to instantiate first and refuses one that is not a subclass of
// T (tuple.__new__(list): list is not a subtype of tuple), or whose instances
// T's constructor cannot build (object.__new__(int) is not safe, use
// int.__new__()) — that is when the nearest class without a __new__ written
// in Python constructs instances with another constructor than T's.

// newWrappers holds the __new__ of each class (one value, so identity holds).
var newWrappers sync.Map // *Class → Value

var installNewOnce sync.Once

// installNewWrappers gives the built-in classes of the builtins module
// their own __new__ (called once, when the first interpreter is made:
// their constructors are all set by then).
func installNewWrappers(builtins *Module) {
	installNewOnce.Do(func() {
		for _, name := range builtins.Names() {
			v, _ := builtins.Get(name)
			if c, ok := v.o.(*Class); ok && c.Builtin && (c.ctor != nil || c.isExc) {
				setNewWrapper(c)
			}
		}
	})
}

func setNewWrapper(c *Class) {
	if _, own := c.Dict["__new__"]; own && c != ObjectType {
		return
	}
	w := newWrapperFor(c)
	c.Dict["__new__"] = w
	if c.flat != nil {
		c.flat["__new__"] = w
	}
}

// newWrapperFor returns T.__new__ for the built-in class T.
func newWrapperFor(T *Class) Value {
	if v, ok := newWrappers.Load(T); ok {
		return v.(Value)
	}
	w := NewBuiltin("__new__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) == 0 {
			return Undef, Errorf(TypeError, "%s.__new__(): not enough arguments", T.Name)
		}
		sub, ok := args[0].o.(*Class)
		if !ok || !args[0].isObj() {
			return Undef, Errorf(TypeError, "%s.__new__(X): X is not a type object (%s)", T.Name, args[0].TypeName())
		}
		if !sub.IsSubclass(T) {
			return Undef, Errorf(TypeError, "%s.__new__(%s): %s is not a subtype of %s", T.Name, sub.Name, sub.Name, T.Name)
		}
		static := sub
		for static != nil && hasScriptNew(static) {
			static = solidBase(static)
		}
		if static != nil && !sameCtor(static, T) {
			return Undef, Errorf(TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", T.Name, sub.Name, static.Name)
		}
		if T == ObjectType {
			return objectNew(sub, args[1:], kw)
		}
		var ctorKw []KV
		if sub.IsSubclass(TypeType) {
			// type.__new__(mcls, name, bases, ns, **kw): the class
			// keywords go on to __init_subclass__.
			ctorKw = kw
		}
		rest := args[1:]
		if T == ListType || T == SetType {
			// Their __init__ fills them: __new__ makes an empty one
			// whatever it is given, as in CPython (list.__new__(list, [3])
			// is []).
			rest = nil
		}
		return T.findCtor()(t, sub, rest, ctorKw)
	})
	v, _ := newWrappers.LoadOrStore(T, w)
	return v.(Value)
}

// objectNew is object.__new__(cls, ...): arguments are an error unless cls
// takes them in an __init__ of its own.
func objectNew(cls *Class, args []Value, kw []KV) (Value, error) {
	if len(args) > 0 || len(kw) > 0 {
		if hasScriptNew(cls) || !sameCtor(cls, ObjectType) {
			return Undef, Errorf(TypeError, "object.__new__() takes exactly one argument (the type to instantiate)")
		}
		if init, ok := cls.Lookup("__init__"); !ok || isObjectInit(init) {
			return Undef, Errorf(TypeError, "%s() takes no arguments", cls.Name)
		}
	}
	return Obj(NewInstance(cls)), nil
}

func isObjectInit(v Value) bool {
	b, ok := v.o.(*Builtin)
	return ok && v.isObj() && b.owner == ObjectType
}

// hasScriptNew: instances of c are made by a __new__ written in Python
// (its own or inherited) — CPython's slot_tp_new.
func hasScriptNew(c *Class) bool {
	nw, ok := c.Lookup("__new__")
	return ok && isScriptFunction(nw)
}

// solidBase is the base c's instances are laid out as (CPython's tp_base).
func solidBase(c *Class) *Class {
	if len(c.Bases) == 0 {
		return nil
	}
	for _, b := range c.Bases {
		if b.base != ObjectType && b.base != nil {
			return b
		}
	}
	return c.Bases[0]
}

// sameCtor: a and b construct instances with the same Go constructor.
func sameCtor(a, b *Class) bool {
	fa, fb := a.findCtor(), b.findCtor()
	if fa == nil || fb == nil {
		return fa == nil && fb == nil
	}
	return reflect.ValueOf(fa).Pointer() == reflect.ValueOf(fb).Pointer()
}
