package stdlib

import "github.com/asylang/asy/vm"

// _copy: the hot core of copy.deepcopy in Go, like CPython's C
// accelerators. pylib/copy.py builds its deepcopy with _copy.deepcopier,
// handing over two Python functions: the whole Python deepcopy (used when
// the call is unusual: a memo that is not a dict, odd arguments) and the
// per-object step for everything Go does not handle itself (hooks,
// __reduce_ex__, subclasses of built-ins, methods...). Go handles the
// atomic types, exact list/tuple/dict/set/frozenset, and instances of plain
// script classes that copy.py would copy through object.__reduce_ex__(4)
// with their __dict__ as the state. The memo stays a real dict keyed by
// id(), with the keep-alive list under id(memo), so __deepcopy__ hooks see
// what they would see in CPython. Instances of a class registered with
// copyreg.pickle go to copy.py, which uses the registered reduction.

type deepcopier struct {
	full       vm.Value // copy._deepcopy_py(x, memo=None)
	one        vm.Value // copy._deepcopy_one(x, memo): y for one object, memo untouched
	registered *vm.Dict // copyreg.dispatch_table
}

func init() {
	register("_copy", func(it *vm.Interp) (*vm.Module, error) {
		m := vm.NewModule("_copy", "")
		m.Set("deepcopier", vm.NewBuiltin("deepcopier", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if err := vm.ExactArgs("deepcopier", args, 3); err != nil {
				return vm.Undef, err
			}
			table, ok := args[2].AsObj().(*vm.Dict)
			if !ok || args[2].Kind() != vm.KObj {
				return vm.Undef, vm.Errorf(vm.TypeError, "deepcopier: the reduction table must be a dict")
			}
			dc := &deepcopier{full: args[0], one: args[1], registered: table}
			return vm.NewBuiltin("deepcopy", dc.call), nil
		}))
		return m, nil
	})
}

func (dc *deepcopier) call(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	var memo vm.Value = vm.None
	switch {
	case len(args) == 1 && len(kw) == 0:
	case len(args) == 2 && len(kw) == 0:
		memo = args[1]
	case len(args) == 1 && len(kw) == 1 && kw[0].Name == "memo":
		memo = kw[0].Val
	default:
		return t.Call(dc.full, args, kw)
	}
	var md *vm.Dict
	if memo.IsNone() {
		md = vm.NewDict()
	} else if d, ok := memo.AsObj().(*vm.Dict); ok && memo.Kind() == vm.KObj {
		md = d
	} else {
		return t.Call(dc.full, args, kw)
	}
	return dc.deep(t, args[0], md)
}

// atomic reports whether v is its own deep copy (copy.py's _atomic types).
func atomicCopy(v vm.Value) bool {
	switch v.Kind() {
	case vm.KNone, vm.KInt, vm.KFloat, vm.KBool:
		return true
	}
	switch v.Class() {
	case vm.StrType, vm.IntType, vm.FloatType, vm.BoolType, vm.ComplexType, vm.BytesType,
		vm.TypeType, vm.RangeType, vm.SliceType, vm.PropertyType, vm.BuiltinFunctionType,
		vm.FunctionType, vm.EllipsisType, vm.NotImplementedType, vm.NoneType:
		return true
	}
	return false
}

func (dc *deepcopier) deep(t *vm.Thread, x vm.Value, memo *vm.Dict) (vm.Value, error) {
	if atomicCopy(x) {
		return x, nil
	}
	d := t.ID(x)
	if y, ok, err := memo.Get(t, d); err != nil || ok {
		return y, err
	}
	var y vm.Value
	var err error
	// Nested containers recurse in Go: counted against the recursion limit,
	// with CPython's wording (its tuple copy fails inside a generator).
	where := " while calling a Python object"
	if _, ok := x.AsObj().(*vm.Tuple); ok {
		where = ""
	}
	if err := t.EnterRecursion(where); err != nil {
		return vm.Undef, err
	}
	defer t.LeaveRecursion()
	switch o := x.AsObj().(type) {
	case *vm.List:
		y, err = dc.list(t, o, d, memo)
	case *vm.Tuple:
		y, err = dc.tuple(t, x, o, d, memo)
	case *vm.Dict:
		y, err = dc.dict(t, o, d, memo)
	case *vm.Set:
		y, err = dc.set(t, o, memo, false)
	case *vm.FrozenSet:
		y, err = dc.set(t, o, memo, true)
	case *vm.Instance:
		if plainCopyable(o) && !dc.hasReduction(t, o) {
			y, err = dc.instance(t, o, d, memo)
		} else {
			y, err = t.Call(dc.one, []vm.Value{x, vm.Obj(memo)}, nil)
		}
	default:
		y, err = t.Call(dc.one, []vm.Value{x, vm.Obj(memo)}, nil)
	}
	if err != nil {
		return vm.Undef, err
	}
	if !y.Is(x) {
		if err := memo.Set(t, d, y); err != nil {
			return vm.Undef, err
		}
		if err := keepAlive(t, x, memo); err != nil {
			return vm.Undef, err
		}
	}
	return y, nil
}

// keepAlive appends x to the list under id(memo), as copy._keep_alive.
func keepAlive(t *vm.Thread, x vm.Value, memo *vm.Dict) error {
	k := t.ID(vm.Obj(memo))
	l, ok, err := memo.Get(t, k)
	if err != nil {
		return err
	}
	if !ok {
		return memo.Set(t, k, vm.Obj(vm.NewList([]vm.Value{x})))
	}
	if lo, isList := l.AsObj().(*vm.List); isList && l.Kind() == vm.KObj {
		lo.Append(x)
		return nil
	}
	_, err = t.CallMethod(l, "append", x)
	return err
}

func (dc *deepcopier) list(t *vm.Thread, x *vm.List, d vm.Value, memo *vm.Dict) (vm.Value, error) {
	y := vm.NewList(make([]vm.Value, 0, len(x.Items())))
	yv := vm.Obj(y)
	if err := memo.Set(t, d, yv); err != nil {
		return vm.Undef, err
	}
	// By index: the list may change under a __deepcopy__ hook, as in CPython.
	for i := 0; i < len(x.Items()); i++ {
		c, err := dc.deep(t, x.Items()[i], memo)
		if err != nil {
			return vm.Undef, err
		}
		y.Append(c)
	}
	return yv, nil
}

func (dc *deepcopier) tuple(t *vm.Thread, xv vm.Value, x *vm.Tuple, d vm.Value, memo *vm.Dict) (vm.Value, error) {
	items := x.Items()
	out := make([]vm.Value, len(items))
	same := true
	for i, a := range items {
		c, err := dc.deep(t, a, memo)
		if err != nil {
			return vm.Undef, err
		}
		out[i] = c
		if !c.Is(a) {
			same = false
		}
	}
	// A cycle back to this tuple already made (and memoized) its copy.
	if y, ok, err := memo.Get(t, d); err != nil || ok {
		return y, err
	}
	if same {
		return xv, nil
	}
	return vm.Obj(vm.NewTuple(out)), nil
}

func (dc *deepcopier) dict(t *vm.Thread, x *vm.Dict, d vm.Value, memo *vm.Dict) (vm.Value, error) {
	y := vm.NewDict()
	yv := vm.Obj(y)
	if err := memo.Set(t, d, yv); err != nil {
		return vm.Undef, err
	}
	n := x.Len()
	var kvs []vm.Value
	x.Items(func(k, v vm.Value) bool {
		kvs = append(kvs, k, v)
		return true
	})
	for i := 0; i < len(kvs); i += 2 {
		k, err := dc.deep(t, kvs[i], memo)
		if err != nil {
			return vm.Undef, err
		}
		v, err := dc.deep(t, kvs[i+1], memo)
		if err != nil {
			return vm.Undef, err
		}
		if err := y.Set(t, k, v); err != nil {
			return vm.Undef, err
		}
		if x.Len() != n {
			return vm.Undef, vm.NewError(vm.RuntimeError, "dictionary changed size during iteration")
		}
	}
	return yv, nil
}

// set copies a set or frozenset the way copy.py's reduce path does: the
// elements are copied first, then the new set is made from them.
func (dc *deepcopier) set(t *vm.Thread, x vm.Object, memo *vm.Dict, frozen bool) (vm.Value, error) {
	var items []vm.Value
	if frozen {
		v, err := t.ToList(vm.Obj(x))
		if err != nil {
			return vm.Undef, err
		}
		items = v
	} else {
		items = x.(*vm.Set).Items()
	}
	s := vm.NewSet()
	for _, a := range items {
		c, err := dc.deep(t, a, memo)
		if err != nil {
			return vm.Undef, err
		}
		if err := s.Add(t, c); err != nil {
			return vm.Undef, err
		}
	}
	if frozen {
		return vm.Obj(vm.NewFrozenSet(s)), nil
	}
	return vm.Obj(s), nil
}

// copyHooks are the names whose presence anywhere in a script class's MRO
// sends its instances down copy.py's general path.
var copyHooks = []string{"__deepcopy__", "__reduce_ex__", "__reduce__", "__getstate__",
	"__setstate__", "__getnewargs_ex__", "__getnewargs__", "__new__", "__getattr__",
	"__getattribute__", "__slots__"}

// plainCopyable reports whether x is an instance of a plain script class
// (only script classes and object in its MRO, no copy hooks, no slots):
// its deep copy is a bare instance given deep copies of its attributes.
func plainCopyable(x *vm.Instance) bool {
	cls := x.Class()
	if cls.Class() != vm.TypeType {
		return false
	}
	for _, c := range cls.MRO {
		if c == vm.ObjectType {
			continue
		}
		if c.Builtin {
			return false
		}
		for _, h := range copyHooks {
			if _, ok := c.Dict[h]; ok {
				return false
			}
		}
	}
	if _, ok := x.Attr("__deepcopy__"); ok {
		return false
	}
	return true
}

// hasReduction reports whether copyreg.pickle registered x's class.
func (dc *deepcopier) hasReduction(t *vm.Thread, x *vm.Instance) bool {
	if dc.registered.Len() == 0 {
		return false
	}
	_, ok, err := dc.registered.Get(t, vm.Obj(x.Class()))
	return ok || err != nil
}

func (dc *deepcopier) instance(t *vm.Thread, x *vm.Instance, d vm.Value, memo *vm.Dict) (vm.Value, error) {
	y := vm.NewInstance(x.Class())
	yv := vm.Obj(y)
	if err := memo.Set(t, d, yv); err != nil {
		return vm.Undef, err
	}
	type attr struct {
		name string
		v    vm.Value
	}
	var attrs []attr
	x.EachAttr(func(name string, v vm.Value) { attrs = append(attrs, attr{name, v}) })
	for _, a := range attrs {
		c, err := dc.deep(t, a.v, memo)
		if err != nil {
			return vm.Undef, err
		}
		y.SetAttr(a.name, c)
	}
	return yv, nil
}
