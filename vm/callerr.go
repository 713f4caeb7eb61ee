package vm

// Errors of calls with *args and **kwargs, which CPython words with the
// callee's description (_PyObject_FunctionStr): "__main__.f()",
// "print()", "list.append()", or str() of a callable without a name.

// funcStr describes a callable as CPython's call errors name it.
func (t *Thread) funcStr(fn Value) string {
	if bm, ok := fn.o.(*BoundMethod); ok {
		if b, isB := bm.Fn.o.(*Builtin); isB {
			// A built-in method: named by its type and name (a class
			// method, dict.fromkeys, by the class it is bound to).
			if cls, ok := bm.Self.o.(*Class); ok && b.owner == nil {
				return cls.Name + "." + b.Name + "()"
			}
			fn = bm.Fn
		}
	}
	if b, ok := fn.o.(*Builtin); ok {
		if b.owner != nil {
			return b.owner.Name + "." + b.Name + "()"
		}
		if cls, ok := b.Self.o.(*Class); ok {
			return cls.Name + "." + b.Name + "()"
		}
		if !b.Self.IsUndef() {
			if _, isMod := b.Self.o.(*Module); !isMod {
				return b.Self.TypeName() + "." + b.Name + "()"
			}
		}
		return b.Name + "()"
	}
	var q Value
	ok := false
	var err error
	if _, isInst := fn.o.(*Instance); !isInst {
		// An instance has no __qualname__ of its own (its class's is not
		// visible through it), so a callable object is named by str().
		q, ok, err = t.getAttr(fn, "__qualname__")
	}
	if err != nil || !ok {
		s, err := t.StrOf(fn)
		if err != nil {
			return fn.TypeName() + " object"
		}
		return s
	}
	qs, err := t.StrOf(q)
	if err != nil {
		return fn.TypeName() + " object"
	}
	if m, ok, err := t.getAttr(fn, "__module__"); err == nil && ok {
		if ms, isStr := m.o.(*StrObj); isStr && ms.s != "builtins" {
			return ms.s + "." + qs + "()"
		}
	}
	return qs + "()"
}

// listExtendCall marks the LIST_EXTEND of a call's only *argument, whose
// error names the callee (the function sits below the list).
const listExtendCall = 1 << 12

// starArgError is the TypeError for f(*x) when x is not iterable.
func (t *Thread) starArgError(fn, arg Value) error {
	return Errorf(TypeError, "%s argument after * must be an iterable, not %s", t.funcStr(fn), arg.TypeName())
}

// errNotMapping and dupKeyword are dictMerge's errors for f(**m), which
// the call completes with the callee's name (kwargsError).
type notMapping struct{}

func (notMapping) Error() string { return "argument after ** must be a mapping" }

var errNotMapping error = notMapping{}

type dupKeyword struct{ name string }

func (d *dupKeyword) Error() string {
	return "got multiple values for keyword argument '" + d.name + "'"
}

// kwargsError words an error of f(**m) as CPython does.
func (t *Thread) kwargsError(err error, fn, m Value) error {
	switch e := err.(type) {
	case *dupKeyword:
		return Errorf(TypeError, "%s got multiple values for keyword argument '%s'", t.funcStr(fn), e.name)
	}
	if err == errNotMapping {
		return Errorf(TypeError, "%s argument after ** must be a mapping, not %s", t.funcStr(fn), m.TypeName())
	}
	return err
}
