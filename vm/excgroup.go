package vm

import "fmt"

// Exception groups (PEP 654): BaseExceptionGroup(message, exceptions).
func init() {
	BaseExceptionGroup.ctor = newExceptionGroup
	ExceptionGroup.ctor = newExceptionGroup
	for _, c := range []*Class{BaseExceptionGroup} {
		c.AddMethod("__init__", func(t *Thread, args []Value, kw []KV) (Value, error) { return None, nil })
		c.AddMethod("__str__", func(t *Thread, args []Value, kw []KV) (Value, error) {
			inst := args[0].o.(*Instance)
			msg, excs := groupParts(inst)
			n := len(excs)
			return Str(fmt.Sprintf("%s (%d sub-exception%s)", msg, n, plural(n))), nil
		})
		c.AddMethod("derive", func(t *Thread, args []Value, kw []KV) (Value, error) {
			inst := args[0].o.(*Instance)
			msg, _ := groupParts(inst)
			return t.Call(Obj(BaseExceptionGroup), []Value{Str(msg), args[1]}, nil)
		})
		c.AddMethod("subgroup", func(t *Thread, args []Value, kw []KV) (Value, error) {
			_, match, err := t.groupSplit(args[0].o.(*Instance), args[1])
			return match, err
		})
		c.AddMethod("split", func(t *Thread, args []Value, kw []KV) (Value, error) {
			rest, match, err := t.groupSplit(args[0].o.(*Instance), args[1])
			return Obj(NewTuple([]Value{match, rest})), err
		})
	}
	excExtraAttrs["exceptions"] = func(o *Instance) (Value, bool) {
		if !o.cls.IsSubclass(BaseExceptionGroup) {
			return Undef, false
		}
		_, excs := groupParts(o)
		return Obj(NewTuple(excs)), true
	}
	excExtraAttrs["message"] = func(o *Instance) (Value, bool) {
		if !o.cls.IsSubclass(BaseExceptionGroup) {
			return Undef, false
		}
		msg, _ := groupParts(o)
		return Str(msg), true
	}
}

func groupParts(inst *Instance) (string, []Value) {
	args := inst.exc.args.items
	if len(args) < 2 {
		return "", nil
	}
	msg, _ := args[0].StrOf()
	var excs []Value
	switch o := args[1].o.(type) {
	case *List:
		excs = o.items
	case *Tuple:
		excs = o.items
	}
	return msg, excs
}

func newExceptionGroup(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
	if len(args) != 2 {
		return Undef, Errorf(TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(args))
	}
	if _, ok := args[0].StrOf(); !ok {
		return Undef, Errorf(TypeError, "argument 1 must be str, not %s", args[0].TypeName())
	}
	items, err := t.ToList(args[1])
	if err != nil || len(items) == 0 {
		return Undef, Errorf(ValueError, "second argument (exceptions) must be a non-empty sequence")
	}
	allExc := true
	for i, e := range items {
		inst, ok := e.o.(*Instance)
		if !ok || inst.exc == nil {
			return Undef, Errorf(ValueError, "Item %d of second argument (exceptions) is not an exception", i)
		}
		if !inst.cls.IsSubclass(Exception) {
			allExc = false
		}
	}
	if cls == BaseExceptionGroup && allExc {
		cls = ExceptionGroup
	} else if cls.IsSubclass(ExceptionGroup) && !allExc {
		return Undef, Errorf(TypeError, "Cannot nest BaseExceptions in an ExceptionGroup")
	}
	inst := NewInstance(cls)
	inst.exc.args = NewTuple([]Value{args[0], args[1]})
	return Obj(inst), nil
}

// groupSplit splits a group by a class/tuple of classes or a predicate.
func (t *Thread) groupSplit(g *Instance, cond Value) (rest, match Value, err error) {
	matches := func(e Value) (bool, error) {
		if c, ok := cond.o.(*Class); ok && cond.k == KObj {
			return e.Class().IsSubclass(c), nil
		}
		if _, ok := cond.o.(*Tuple); ok && cond.k == KObj {
			return t.excMatches(e, cond)
		}
		r, err := t.Call(cond, []Value{e}, nil)
		if err != nil {
			return false, err
		}
		return t.Truth(r)
	}
	if ok, err := matches(Obj(g)); err != nil || ok {
		return None, Obj(g), err
	}
	msg, excs := groupParts(g)
	var m, r []Value
	for _, e := range excs {
		inst := e.o.(*Instance)
		if inst.cls.IsSubclass(BaseExceptionGroup) {
			rr, mm, err := t.groupSplit(inst, cond)
			if err != nil {
				return Undef, Undef, err
			}
			if !mm.IsNone() {
				m = append(m, mm)
			}
			if !rr.IsNone() {
				r = append(r, rr)
			}
			continue
		}
		ok, err := matches(e)
		if err != nil {
			return Undef, Undef, err
		}
		if ok {
			m = append(m, e)
		} else {
			r = append(r, e)
		}
	}
	mk := func(items []Value) (Value, error) {
		if len(items) == 0 {
			return None, nil
		}
		v, err := newExceptionGroup(t, BaseExceptionGroup, []Value{Str(msg), Obj(NewList(items))}, nil)
		if err != nil {
			return Undef, err
		}
		ng := v.o.(*Instance)
		ng.exc.traceback = g.exc.traceback
		ng.exc.cause, ng.exc.context, ng.exc.notes = g.exc.cause, g.exc.context, g.exc.notes
		return v, nil
	}
	mv, err := mk(m)
	if err != nil {
		return Undef, Undef, err
	}
	rv, err := mk(r)
	return rv, mv, err
}
