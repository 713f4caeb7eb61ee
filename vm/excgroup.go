package vm

import "fmt"

// Exception groups (PEP 654): BaseExceptionGroup(message, exceptions).
func init() {
	// ExceptionGroup derives from both BaseExceptionGroup and Exception
	// (newBuiltinClass makes single-inheritance chains only).
	ExceptionGroup.Bases = []*Class{BaseExceptionGroup, Exception}
	ExceptionGroup.MRO = []*Class{ExceptionGroup, BaseExceptionGroup, Exception, BaseException, ObjectType}
	BaseExceptionGroup.ctor = newExceptionGroup // ExceptionGroup's too
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
	args := inst.exc().args.items
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
		if !ok || inst.exc() == nil {
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
	inst.exc().args = NewTuple([]Value{args[0], args[1]})
	return Obj(inst), nil
}

// groupSplit splits a group by a class/tuple of classes or a predicate, as
// BaseExceptionGroup.split does.
func (t *Thread) groupSplit(g *Instance, cond Value) (rest, match Value, err error) {
	m, err := t.splitMatcher(cond)
	if err != nil {
		return Undef, Undef, err
	}
	return t.splitRecursive(g, m, true, true)
}

// splitMatcher turns split's argument into a test of one exception.
func (t *Thread) splitMatcher(cond Value) (func(*Instance) (bool, error), error) {
	isExcClass := func(v Value) bool {
		c, ok := v.o.(*Class)
		return ok && v.isObj() && c.isExc
	}
	byType := isExcClass(cond)
	if tp, ok := cond.o.(*Tuple); ok {
		byType = true
		for _, c := range tp.items {
			if !isExcClass(c) {
				byType = false
			}
		}
	} else if !byType && (t.IsCallable(cond) && !isClassValue(cond)) {
		return func(e *Instance) (bool, error) {
			r, err := t.Call(cond, []Value{Obj(e)}, nil)
			if err != nil {
				return false, err
			}
			return t.Truth(r)
		}, nil
	}
	if !byType {
		return nil, Errorf(TypeError, "expected a function, exception type or tuple of exception types")
	}
	return func(e *Instance) (bool, error) { return t.excMatches(Obj(e), cond) }, nil
}

func isClassValue(v Value) bool {
	_, ok := v.o.(*Class)
	return ok && v.isObj()
}

// splitRecursive is CPython's exceptiongroup_split_recursive: an exception
// the matcher accepts goes whole to the match side; a group (that
// groupsMatch allows to match as a whole only when it may) is split leaf by
// leaf and its parts rebuilt with derive(), keeping the original's metadata.
func (t *Thread) splitRecursive(e *Instance, m func(*Instance) (bool, error), groupsMatch, wantRest bool) (rest, match Value, err error) {
	rest, match = None, None
	isGroup := e.cls.IsSubclass(BaseExceptionGroup)
	if groupsMatch || !isGroup {
		ok, err := m(e)
		if err != nil {
			return Undef, Undef, err
		}
		if ok {
			return None, Obj(e), nil
		}
	}
	if !isGroup {
		if wantRest {
			rest = Obj(e)
		}
		return rest, None, nil
	}
	if err := t.enterRecursion(); err != nil {
		return Undef, Undef, err
	}
	defer t.leaveRecursion()
	var ms, rs []Value
	_, excs := groupParts(e)
	for _, x := range excs {
		r, mm, err := t.splitRecursive(x.o.(*Instance), m, groupsMatch, wantRest)
		if err != nil {
			return Undef, Undef, err
		}
		if !mm.IsNone() {
			ms = append(ms, mm)
		}
		if !r.IsNone() {
			rs = append(rs, r)
		}
	}
	if match, err = t.groupSubset(e, ms); err != nil {
		return Undef, Undef, err
	}
	if wantRest {
		if rest, err = t.groupSubset(e, rs); err != nil {
			return Undef, Undef, err
		}
	}
	return rest, match, nil
}

// groupSubset is orig.derive(excs) carrying orig's traceback, cause,
// context and notes (None for no excs).
func (t *Thread) groupSubset(orig *Instance, excs []Value) (Value, error) {
	if len(excs) == 0 {
		return None, nil
	}
	v, err := t.CallMethod(Obj(orig), "derive", Obj(NewList(excs)))
	if err != nil {
		return Undef, err
	}
	ng, ok := v.o.(*Instance)
	if !ok || !v.isObj() || !ng.cls.IsSubclass(BaseExceptionGroup) {
		return Undef, Errorf(TypeError, "derive must return an instance of BaseExceptionGroup")
	}
	// The parts share the traceback entries but not the slice's spare
	// capacity, so a part that travels further appends to its own copy.
	tb := orig.exc().traceback
	ng.exc().traceback = tb[:len(tb):len(tb)]
	ng.exc().cause, ng.exc().context = orig.exc().cause, orig.exc().context
	if orig.exc().notes != nil {
		ng.exc().notes = append([]string(nil), orig.exc().notes...)
	}
	return v, nil
}

// ---- except* ----

// exceptStarSplit is the test of one except* clause (CPython's
// CHECK_EG_MATCH): it splits what is still unhandled (None once everything
// was) into the part the clause handles — always a group; a naked exception
// is wrapped in ExceptionGroup(”, [exc]) — and the rest.
func (t *Thread) exceptStarSplit(excv, cls Value) (rest, match Value, err error) {
	if err := checkExceptStarType(cls); err != nil {
		return Undef, Undef, err
	}
	if excv.IsNone() {
		return None, None, nil
	}
	exc := excv.o.(*Instance)
	ok, err := t.excMatches(excv, cls)
	if err != nil {
		return Undef, Undef, err
	}
	isGroup := exc.cls.IsSubclass(BaseExceptionGroup)
	switch {
	case ok && isGroup:
		return None, excv, nil
	case ok:
		grp := NewInstance(ExceptionGroup)
		if !exc.cls.IsSubclass(Exception) {
			grp = NewInstance(BaseExceptionGroup)
		}
		grp.exc().args = NewTuple([]Value{Str(""), Obj(NewTuple([]Value{excv}))})
		return None, Obj(grp), nil
	case !isGroup:
		return excv, None, nil
	}
	pair, err := t.CallMethod(excv, "split", cls)
	if err != nil {
		return Undef, Undef, err
	}
	tp, ok := pair.o.(*Tuple)
	if !ok || !pair.isObj() || len(tp.items) != 2 {
		return Undef, Undef, Errorf(TypeError, "%s.split must return a 2-tuple, got %s", exc.cls.Name, pair.TypeName())
	}
	return tp.items[1], tp.items[0], nil
}

// checkExceptStarType: except* takes exception classes, but no group class.
func checkExceptStarType(cls Value) error {
	items := []Value{cls}
	if tp, ok := cls.o.(*Tuple); ok {
		items = tp.items
	}
	for _, c := range items {
		k, ok := c.o.(*Class)
		if !ok || !c.isObj() || !k.isExc {
			return Errorf(TypeError, "catching classes that do not inherit from BaseException is not allowed")
		}
	}
	for _, c := range items {
		if c.o.(*Class).IsSubclass(BaseExceptionGroup) {
			return Errorf(TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.")
		}
	}
	return nil
}

// prepReraiseStar computes what propagates after the except* clauses ran
// (CPython's _PyExc_PrepReraiseStar). excs holds what the clauses raised,
// then the unhandled rest (None entries are skipped). Parts of orig that
// come back unchanged — a bare `raise`, the rest — are put back in orig's
// shape; new exceptions are grouped with them in ExceptionGroup(”, ...).
func (t *Thread) prepReraiseStar(origv Value, excs []Value) (Value, error) {
	orig := origv.o.(*Instance)
	if !orig.cls.IsSubclass(BaseExceptionGroup) {
		// A naked exception: at most one clause ran.
		for _, e := range excs {
			if !e.IsNone() {
				return e, nil
			}
		}
		return None, nil
	}
	var raised, reraised []Value
	for _, e := range excs {
		if e.IsNone() {
			continue
		}
		if sameExcMetadata(e.o.(*Instance), orig) {
			reraised = append(reraised, e)
		} else {
			raised = append(raised, e)
		}
	}
	keep := map[*Instance]bool{}
	for _, e := range reraised {
		collectLeaves(e.o.(*Instance), keep)
	}
	byID := func(e *Instance) (bool, error) { return keep[e], nil }
	_, back, err := t.splitRecursive(orig, byID, false, false)
	if err != nil {
		return Undef, err
	}
	if len(raised) == 0 {
		return back, nil
	}
	if !back.IsNone() {
		raised = append(raised, back)
	}
	if len(raised) == 1 {
		return raised[0], nil
	}
	return newExceptionGroup(t, BaseExceptionGroup, []Value{Str(""), Obj(NewList(raised))}, nil)
}

// sameExcMetadata: e is orig or a split of it that was re-raised as it is
// (same traceback, cause and context).
func sameExcMetadata(e, orig *Instance) bool {
	a, b := e.exc().traceback, orig.exc().traceback
	if len(a) != len(b) || len(a) > 0 && &a[0] != &b[0] {
		return false
	}
	return sameValue(e.exc().cause, orig.exc().cause) && sameValue(e.exc().context, orig.exc().context)
}

func sameValue(a, b Value) bool {
	if a.isObj() || b.isObj() {
		return a.kind() == b.kind() && a.o == b.o
	}
	noneish := func(v Value) bool { return v.IsUndef() || v.IsNone() }
	return noneish(a) && noneish(b)
}

// collectLeaves adds the non-group exceptions inside e (or e itself).
func collectLeaves(e *Instance, into map[*Instance]bool) {
	if !e.cls.IsSubclass(BaseExceptionGroup) {
		into[e] = true
		return
	}
	_, excs := groupParts(e)
	for _, x := range excs {
		if inst, ok := x.o.(*Instance); ok {
			collectLeaves(inst, into)
		}
	}
}
