package vm

import (
	"fmt"
	goruntime "runtime"
	"strings"
)

// Call calls any callable from Go and returns its result. Script functions
// run in a nested dispatch loop.
func (t *Thread) Call(fn Value, args []Value, kw []KV) (Value, error) {
	if !fn.isObj() {
		return Undef, Errorf(TypeError, "'%s' object is not callable", fn.TypeName())
	}
	switch o := fn.o.(type) {
	case *Function:
		if o.code.Flags&(FlagGenerator|FlagCoroutine|FlagAsyncGen) != 0 {
			return t.makeGenerator(o, args, kw)
		}
		if t.depth >= t.depthLimit() {
			return Undef, t.recursionError()
		}
		// Calls from Go (an iterator's __next__ driven by list(), a sort
		// key) spend the step budget and see a stop, so no loop escapes.
		if err := t.Poll(); err != nil {
			return Undef, err
		}
		f, err := t.setupFrame(o, args, kw, false)
		if err != nil {
			return Undef, err
		}
		f.goBoundary = true
		f.back = t.frame
		t.frame = f
		t.depth++
		if t.prof != nil {
			t.prof.Enter(t, f)
		}
		return t.execute()
	case *Builtin:
		if o.direct(args) {
			return callBuiltin(t, o, args, kw)
		}
		if o.owner != nil && o.owner != ObjectType {
			// A method taken from its class (list.pop) is a descriptor: it
			// needs an instance of that class first, as in CPython.
			if len(args) == 0 {
				if isSlotName(o.Name) {
					return Undef, Errorf(TypeError, "descriptor '%s' of '%s' object needs an argument", o.Name, o.owner.Name)
				}
				return Undef, Errorf(TypeError, "unbound method %s.%s() needs an argument", o.owner.Name, o.Name)
			}
			if !args[0].Class().IsSubclass(o.owner) {
				if isSlotName(o.Name) {
					return Undef, Errorf(TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", o.Name, o.owner.Name, args[0].TypeName())
				}
				return Undef, Errorf(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", o.Name, o.owner.Name, args[0].TypeName())
			}
		}
		if o.owner == ObjectType && len(args) == 0 && (isSlotName(o.Name) || o.Name == "__format__" || o.Name == "__reduce_ex__") {
			return Undef, Errorf(TypeError, "descriptor '%s' of 'object' object needs an argument", o.Name)
		}
		if len(args) == 2 && o.owner != nil && isCoreType(o.owner) && unwrapsOperand(o.Name) {
			// So does its operand: [1].__eq__(L([1])) compares the lists.
			if inst, ok := args[1].o.(*Instance); ok && !inst.Payload().IsUndef() && !inst.cls.isExc {
				args = []Value{args[0], inst.Payload()}
			}
		}
		if o.owner != nil && len(args) > 0 && args[0].isObj() {
			// A method of a built-in type called on an instance of a script
			// subclass works on the built-in part of it.
			if inst, ok := args[0].o.(*Instance); ok && !inst.Payload().IsUndef() && o.owner != ObjectType && !o.owner.isExc {
				if d, isDict := inst.Payload().o.(*Dict); isDict && o.owner == DictType && o.Name == "__getitem__" && len(args) == 2 && len(kw) == 0 {
					// dict.__getitem__ of a subclass goes to its __missing__.
					return t.dictSubclassItem(args[0], inst, d, args[1])
				}
				full := t.allocRegs(len(args))
				full[0] = inst.Payload()
				copy(full[1:], args[1:])
				r, err := callBuiltin(t, o, full, kw)
				t.freeRegs(full)
				return r, err
			}
		}
		return callBuiltin(t, o, args, kw)
	case *GenericAlias:
		return t.Call(o.origin, args, kw)
	case *BoundMethod:
		return t.callBound(o.Fn, o.Self, args, kw)
	case *Class:
		// A metaclass's __call__ decides what calling the class does
		// (Enum's Color(1) looks a member up instead of making one).
		if call, ok := o.metaMethod("__call__"); ok {
			return t.callBound(call, fn, args, kw)
		}
		return t.callClass(o, args, kw)
	}
	if call, ok := t.lookupSpecial(fn, "__call__"); ok {
		return t.callBound(call, fn, args, kw)
	}
	return Undef, Errorf(TypeError, "'%s' object is not callable", fn.TypeName())
}

// callBound calls a class attribute as a method of self.
func (t *Thread) callBound(method, self Value, args []Value, kw []KV) (Value, error) {
	if fn, ok := method.o.(*Function); ok && len(kw) == 0 {
		if c := fn.code; c.ArgCount == len(args)+1 && c.Flags&(FlagGenerator|FlagCoroutine|FlagAsyncGen|FlagVarargs|FlagVarkw) == 0 && c.KwOnlyCount == 0 {
			// The common case (__eq__, __hash__, __next__ of a script class
			// called by a built-in): self and the arguments go straight into
			// the new frame's registers, without an argument slice.
			return t.callMethodFrame(fn, self, args)
		}
	}
	if method.isObj() {
		// A special method may be a static or class method (__class_getitem__,
		// or a user's @staticmethod __getitem__): bind as the descriptor says.
		switch d := method.o.(type) {
		case *StaticMethod:
			return t.Call(d.fn, args, kw)
		case *ClassMethod:
			self, method = Obj(self.Class()), d.fn
		}
	}
	// Arguments with self in front, on the thread's value stack: callees
	// copy what they keep (the dispatch loop passes its registers the same
	// way), so the storage is given back right after the call.
	full := t.allocRegs(len(args) + 1)
	full[0] = self
	copy(full[1:], args)
	r, err := t.Call(method, full, kw)
	t.freeRegs(full)
	return r, err
}

// CallMethod calls obj.name(args...).
func (t *Thread) CallMethod(obj Value, name string, args ...Value) (Value, error) {
	m, err := t.GetAttr(obj, name)
	if err != nil {
		return Undef, err
	}
	return t.Call(m, args, nil)
}

func (t *Thread) recursionError() error {
	return Errorf(RecursionError, "maximum recursion depth exceeded")
}

// enterRecursion counts a level of recursion in Go code that walks nested
// objects (CPython's Py_EnterRecursiveCall); leaveRecursion undoes it.
func (t *Thread) enterRecursion() error { return t.enterRecursionWhere("") }

// enterRecursionWhere is enterRecursion whose RecursionError says where
// (" while getting the repr of an object").
func (t *Thread) enterRecursionWhere(where string) error {
	if t.depth >= t.depthLimit() {
		return Errorf(RecursionError, "maximum recursion depth exceeded%s", where)
	}
	t.depth++
	return nil
}

func (t *Thread) leaveRecursion() { t.depth-- }

// EnterRecursion is for Go code in other packages that walks nested objects:
// it counts a level against the recursion limit (RecursionError with where
// appended to "maximum recursion depth exceeded"); LeaveRecursion undoes it.
func (t *Thread) EnterRecursion(where string) error { return t.enterRecursionWhere(where) }

// LeaveRecursion undoes EnterRecursion.
func (t *Thread) LeaveRecursion() { t.depth-- }

// setupFrame binds arguments into a new frame for fn. owned frames (for
// generators) get their own registers.
func (t *Thread) setupFrame(fn *Function, args []Value, kw []KV, owned bool) (*Frame, error) {
	code := fn.code
	n := code.NumRegs + code.MaxStack
	f := t.newFrame()
	if owned {
		f.regs = t.ownedRegs(n)
		f.stackOwned = true
	} else {
		f.regs = t.allocRegs(n)
	}
	f.code = code
	f.module = fn.module
	f.sp = int32(code.NumRegs)
	regs := f.regs
	if len(kw) == 0 && len(args) == code.ArgCount && code.Flags&(FlagVarargs|FlagVarkw) == 0 && code.KwOnlyCount == 0 {
		copyRegs(regs, args)
	} else if err := t.bindArgs(fn, regs, args, kw); err != nil {
		t.releaseFrame(f)
		return nil, err
	}
	for _, i := range code.CellSlots {
		regs[i] = Obj(&Cell{v: regs[i]})
	}
	copy(regs[code.FreeStart:], fn.closure)
	return f, nil
}

// bindArgs is the general argument binder (defaults, *args, keywords, **kwargs).
func (t *Thread) bindArgs(fn *Function, regs []Value, args []Value, kw []KV) error {
	code := fn.code
	nargs := code.ArgCount
	name := fn.qualname
	varargIdx, kwStart := -1, nargs
	if code.Flags&FlagVarargs != 0 {
		varargIdx = nargs
		kwStart++
	}
	kwargIdx := -1
	if code.Flags&FlagVarkw != 0 {
		kwargIdx = kwStart + code.KwOnlyCount
	}
	// positional
	np := len(args)
	if np > nargs {
		if varargIdx < 0 {
			return t.tooManyPositional(fn, np, kw)
		}
		regs[varargIdx] = Obj(NewTuple(append([]Value(nil), args[nargs:]...)))
		np = nargs
	} else if varargIdx >= 0 {
		regs[varargIdx] = Obj(emptyTuple)
	}
	copy(regs, args[:np])
	var kwdict *Dict
	if kwargIdx >= 0 {
		kwdict = NewDict()
		regs[kwargIdx] = Obj(kwdict)
	}
	names := code.LocalNames
	var posOnlyAsKw []string
	for _, a := range kw {
		idx := -1
		for i := code.PosOnlyCount; i < nargs; i++ {
			if names[i] == a.Name {
				idx = i
				break
			}
		}
		if idx < 0 {
			for i := kwStart; i < kwStart+code.KwOnlyCount; i++ {
				if names[i] == a.Name {
					idx = i
					break
				}
			}
		}
		if idx < 0 {
			if kwdict != nil {
				kwdict.SetStr(a.Name, a.Val)
				continue
			}
			for i := 0; i < code.PosOnlyCount; i++ {
				if names[i] == a.Name {
					posOnlyAsKw = append(posOnlyAsKw, a.Name)
				}
			}
			if len(posOnlyAsKw) > 0 {
				continue
			}
			return Errorf(TypeError, "%s() got an unexpected keyword argument '%s'", name, a.Name)
		}
		if !regs[idx].IsUndef() {
			return Errorf(TypeError, "%s() got multiple values for argument '%s'", name, a.Name)
		}
		regs[idx] = a.Val
	}
	if len(posOnlyAsKw) > 0 {
		return Errorf(TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'", name, strings.Join(posOnlyAsKw, ", "))
	}
	// defaults
	ndef := len(fn.defaults)
	var missing []string
	for i := 0; i < nargs; i++ {
		if regs[i].IsUndef() {
			if d := i - (nargs - ndef); d >= 0 {
				regs[i] = fn.defaults[d]
			} else {
				missing = append(missing, names[i])
			}
		}
	}
	if len(missing) > 0 {
		return Errorf(TypeError, "%s() missing %d required positional argument%s: %s", name, len(missing), plural(len(missing)), quoteList(missing))
	}
	for i := kwStart; i < kwStart+code.KwOnlyCount; i++ {
		if regs[i].IsUndef() {
			if d, ok := fn.kwdefaults[names[i]]; ok {
				regs[i] = d
			} else {
				missing = append(missing, names[i])
			}
		}
	}
	if len(missing) > 0 {
		return Errorf(TypeError, "%s() missing %d required keyword-only argument%s: %s", name, len(missing), plural(len(missing)), quoteList(missing))
	}
	return nil
}

func (t *Thread) tooManyPositional(fn *Function, given int, kw []KV) error {
	code := fn.code
	ndef := len(fn.defaults)
	var takes string
	if ndef > 0 {
		takes = fmt.Sprintf("from %d to %d positional arguments", code.ArgCount-ndef, code.ArgCount)
	} else {
		takes = fmt.Sprintf("%d positional argument%s", code.ArgCount, plural(code.ArgCount))
	}
	kwonly := 0
	for _, a := range kw {
		for i := code.ArgCount; i < len(code.LocalNames); i++ {
			if code.LocalNames[i] == a.Name {
				kwonly++
			}
		}
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	if kwonly > 0 {
		return Errorf(TypeError, "%s() takes %s but %d positional argument%s (and %d keyword-only argument%s) were given",
			fn.qualname, takes, given, plural(given), kwonly, plural(kwonly))
	}
	return Errorf(TypeError, "%s() takes %s but %d %s given", fn.qualname, takes, given, was)
}

func plural(n int) string { return Plural(n) }

// Plural is "s" unless n is 1, and WasWere "was" or "were": the pieces of
// CPython's argument-count messages, for Go functions that word their own.
func Plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// WasWere: see Plural.
func WasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

// quoteList renders 'a', 'a' and 'b', or 'a', 'b', and 'c' as CPython does.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	switch len(q) {
	case 1:
		return q[0]
	case 2:
		return q[0] + " and " + q[1]
	}
	return strings.Join(q[:len(q)-1], ", ") + ", and " + q[len(q)-1]
}

// makeGenerator calls a generator/coroutine function: binds the arguments
// into a frame the new object owns, without running it.
func (t *Thread) makeGenerator(fn *Function, args []Value, kw []KV) (Value, error) {
	f, err := t.setupFrame(fn, args, kw, true)
	if err != nil {
		return Undef, err
	}
	kind := fn.code.Flags & (FlagGenerator | FlagCoroutine | FlagAsyncGen)
	g := newGenerator(kind, f, fn)
	g.set(genIterableCoroutine, fn.iterableCoroutine)
	if kind == FlagCoroutine && t.interp.Hooks.OnCoroutine != nil {
		t.interp.Hooks.OnCoroutine(t, g)
	}
	return Obj(g), nil
}

// awaitedCoroutine makes the coroutine of an `await f(...)` expression:
// like makeGenerator, but the Generator comes from the thread's pool, is
// marked awaited (so the embedder's never-awaited tracking is skipped) and
// goes back to the pool when it returns to its awaiter (genReturn).
func (t *Thread) awaitedCoroutine(fn *Function, args []Value, kw []KV) (*Generator, error) {
	f, err := t.setupFrame(fn, args, kw, true)
	if err != nil {
		return nil, err
	}
	var g *Generator
	if n := len(t.genPool); n > 0 {
		g = t.genPool[n-1]
		t.genPool[n-1] = nil
		t.genPool = t.genPool[:n-1]
	} else {
		g = new(Generator)
	}
	g.kind, g.frame, g.names = FlagCoroutine, f, namesFor(fn)
	g.awaited = true
	g.set(genPooled, true)
	f.setGen(g)
	return g, nil
}

// callClass instantiates cls: ctor (for built-in bases) or a bare instance,
// then __init__.
func (t *Thread) callClass(cls *Class, args []Value, kw []KV) (Value, error) {
	if len(kw) > 0 && noKwCtor[cls] {
		return Undef, Errorf(TypeError, "%s() takes no keyword arguments", cls.Name)
	}
	if cls == TypeType && len(args) == 1 && len(kw) == 0 {
		return Obj(args[0].Class()), nil
	}
	if cls.Builtin && cls.ctor != nil && cls.Module == "builtins" {
		// set(s), list(it), tuple(it)…: the core classes are Go's alone
		// (no script __new__ can be set on them), so the constructor is
		// the whole call; the general path below finds the same one.
		return callCtor(t, cls.ctor, cls, args, kw)
	}
	if nw, ok := cls.Lookup("__new__"); ok && nw.isObj() {
		if _, isFn := nw.o.(*Function); isFn {
			full := append([]Value{Obj(cls)}, args...)
			inst, err := t.Call(nw, full, kw)
			if err != nil {
				return Undef, err
			}
			if inst.Class().IsSubclass(cls) {
				if err := t.initInstance(cls, inst, args, kw); err != nil {
					return Undef, err
				}
			}
			return inst, nil
		}
	}
	var inst Value
	ctor := cls.findCtor()
	if cls.Builtin && cls != ObjectType && !cls.isExc && cls.ctorOwner() == ObjectType {
		// A built-in class without a constructor of its own: a bare
		// instance would reach its Go methods without the Go object they
		// expect.
		return Undef, cannotCreate(cls)
	}
	if ctor != nil {
		ctorArgs, ctorKw := args, kw
		if !cls.Builtin && initFillsBase(cls) {
			// list, dict and set make an empty object in __new__ and fill it
			// in __init__, so a subclass's own __init__ decides the arguments.
			ctorArgs, ctorKw = nil, nil
		}
		v, err := callCtor(t, ctor, cls, ctorArgs, ctorKw)
		if err != nil {
			return Undef, err
		}
		inst = v
		if cls.Builtin {
			return inst, nil
		}
	} else {
		inst = Obj(NewInstance(cls))
	}
	if err := t.initInstance(cls, inst, args, kw); err != nil {
		return Undef, err
	}
	return inst, nil
}

func isScriptFunction(v Value) bool {
	if sm, ok := v.o.(*StaticMethod); ok {
		v = sm.fn
	}
	_, ok := v.o.(*Function)
	return ok && v.isObj()
}

func (t *Thread) initInstance(cls *Class, inst Value, args []Value, kw []KV) error {
	init, ok := cls.Lookup("__init__")
	if !ok {
		return nil
	}
	if b, builtin := init.o.(*Builtin); builtin && !(initFillsBase(cls) && !cls.Builtin && (b.owner == ListType || b.owner == DictType || b.owner == SetType)) {
		// The constructor of a built-in base already consumed the arguments;
		// object's own __init__ accepts none.
		if b.owner == ObjectType && (cls.base == ObjectType || cls.base == nil) && (len(args) > 0 || len(kw) > 0) {
			// Arguments are fine when a script __new__ (own or inherited) took them.
			if nw, hasNew := cls.Lookup("__new__"); !hasNew || !isScriptFunction(nw) {
				return Errorf(TypeError, "%s() takes no arguments", cls.Name)
			}
		}
		return nil
	}
	r, err := t.callBound(init, inst, args, kw)
	if err != nil {
		return err
	}
	if !r.IsNone() {
		return Errorf(TypeError, "__init__() should return None, not '%s'", r.TypeName())
	}
	return nil
}

// initFillsBase reports classes built on list, dict or set, whose
// __init__ (not the constructor) takes the contents.
func initFillsBase(cls *Class) bool {
	for _, k := range cls.MRO {
		if k == ListType || k == DictType || k == SetType {
			return true
		}
	}
	return false
}

// findCtor returns the constructor of the nearest built-in base with one.
func (c *Class) findCtor() func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
	for _, k := range c.MRO {
		if k.ctor != nil {
			return k.ctor
		}
	}
	return nil
}

// IsCoroutineFunction reports whether v is an `async def` function (or a method of one).
func IsCoroutineFunction(v Value) bool {
	switch o := v.o.(type) {
	case *Function:
		return o.code.Flags&FlagCoroutine != 0
	case *BoundMethod:
		return IsCoroutineFunction(o.Fn)
	}
	return false
}

// isSlotName reports the methods CPython implements as type slots: taken
// from their class, they complain in a slot wrapper's words.
func isSlotName(name string) bool {
	switch name {
	case "__repr__", "__str__", "__hash__", "__len__", "__iter__", "__next__", "__call__",
		"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__bool__", "__init__",
		"__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__",
		"__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__",
		"__rpow__", "__divmod__", "__rdivmod__", "__and__", "__rand__", "__or__", "__ror__",
		"__xor__", "__rxor__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__",
		"__neg__", "__pos__", "__abs__", "__invert__", "__int__", "__float__", "__index__",
		"__iadd__", "__imul__", "__getattribute__", "__setattr__", "__delattr__",
		"__setitem__", "__delitem__", "__get__", "__set__", "__delete__":
		return true
	}
	return false
}

// unwrapsOperand: the methods of the core types that work on the built-in
// part of an operand of a subclass (a C function takes a list subclass as a
// list), where the subclass's own methods do not matter.
func unwrapsOperand(name string) bool {
	switch name {
	case "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
		"__add__", "__radd__", "__mul__", "__rmul__":
		return true
	}
	return false
}

// callBuiltin runs a Go builtin. A Go runtime error inside it is a bug of
// ours (a missing argument check, say), never the script's: it becomes
// SystemError, so that a script cannot crash the program embedding it.
// The fuzz target and the root package's TestNoInternalErrors (which
// calls every builtin with junk arguments) treat these SystemErrors as
// failures. Any other panic (an embedder's builtin calling panic) is
// caught the same way: nothing a builtin does may take the host down.
// direct reports a call of b that needs none of Call's checks: a plain
// function, or a method of a built-in type whose receiver is exactly that
// type (not a subclass instance with a built-in part, not a descriptor
// misuse) and whose operand is not a script instance either (the
// operand-unwrapping methods, see unwrapsOperand).
func (b *Builtin) direct(args []Value) bool {
	if b.owner == nil {
		return true
	}
	if b.owner == ObjectType || len(args) == 0 || args[0].Class() != b.owner {
		return false
	}
	if _, inst := args[0].o.(*Instance); inst {
		return false
	}
	if len(args) == 2 {
		if _, inst := args[1].o.(*Instance); inst {
			return false
		}
	}
	return true
}

func callBuiltin(t *Thread, b *Builtin, args []Value, kw []KV) (v Value, err error) {
	if t.guarded {
		// An execute below recovers panics (eval_guard.go).
		prev := t.inBuiltin
		t.inBuiltin = b.Name
		v, err = b.Fn(t, args, kw)
		t.inBuiltin = prev
		return v, err
	}
	defer func() {
		if r := recover(); r != nil {
			v, err = Undef, internalError(b.Name, r)
		}
	}()
	return b.Fn(t, args, kw)
}

// internalError is the SystemError a Go panic in the builtin name becomes.
func internalError(name string, r any) error {
	if _, ok := r.(goruntime.Error); ok {
		return Errorf(SystemError, "%s(): internal error: %v", name, r)
	}
	return Errorf(SystemError, "%s(): internal error: panic: %v", name, r)
}

// plainInit returns the script __init__ to run when calling c means only
// "make a bare instance, then run __init__": c's metaclass is type, neither
// c nor a base defines __new__ or has a built-in constructor, and __init__
// is an ordinary script function. The dispatch loop then pushes the
// __init__ frame itself instead of recursing through callClass (which
// would cost a Go-level call into a nested dispatch loop per object).
// Returns nil otherwise. The answer is cached per class version.
func (c *Class) plainInit() *Function {
	if c.Builtin {
		return nil // built-in classes are shared by interpreters: nothing cached
	}
	if c.initSet && c.initVer == c.version {
		return c.init
	}
	c.init, c.initVer, c.initSet = c.findPlainInit(), c.version, true
	return c.init
}

func (c *Class) findPlainInit() *Function {
	if c.Builtin || c.meta != nil || c.isExc || c.base != ObjectType {
		return nil
	}
	if nw, ok := c.Lookup("__new__"); ok && (!nw.isObj() || nw.o != ObjectType.Dict["__new__"].o) {
		return nil
	}
	init, ok := c.Lookup("__init__")
	if !ok || !init.isObj() {
		return nil
	}
	fn, ok := init.o.(*Function)
	if !ok || fn.code.Flags&(FlagGenerator|FlagCoroutine|FlagAsyncGen) != 0 {
		return nil
	}
	return fn
}

// plainFrame takes a pooled frame with fresh registers for fn's code; the
// caller puts the arguments in.
func (t *Thread) plainFrame(fn *Function) *Frame {
	code := fn.code
	f := t.newFrame()
	f.regs = t.allocRegs(code.NumRegs + code.MaxStack)
	f.code, f.module = code, fn.module
	f.sp = int32(code.NumRegs)
	return f
}

// callMethodFrame runs fn(self, *args) in a nested dispatch loop; fn takes
// exactly that many positional parameters.
func (t *Thread) callMethodFrame(fn *Function, self Value, args []Value) (Value, error) {
	if t.depth >= t.depthLimit() {
		return Undef, t.recursionError()
	}
	if err := t.Poll(); err != nil {
		return Undef, err
	}
	code := fn.code
	f := t.plainFrame(fn)
	regs := f.regs
	regs[0] = self
	copy(regs[1:], args)
	for _, i := range code.CellSlots {
		regs[i] = Obj(&Cell{v: regs[i]})
	}
	copy(regs[code.FreeStart:], fn.closure)
	f.goBoundary = true
	f.back = t.frame
	t.frame = f
	t.depth++
	if t.prof != nil {
		t.prof.Enter(t, f)
	}
	return t.execute()
}

// callCtor runs the Go constructor of a built-in class under the same
// safety net as callBuiltin.
func callCtor(t *Thread, ctor func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error), cls *Class, args []Value, kw []KV) (v Value, err error) {
	if t.guarded {
		prev := t.inBuiltin
		t.inBuiltin = cls.Name
		v, err = ctor(t, cls, args, kw)
		t.inBuiltin = prev
		return v, err
	}
	defer func() {
		if r := recover(); r != nil {
			v, err = Undef, internalError(cls.Name, r)
		}
	}()
	return ctor(t, cls, args, kw)
}
