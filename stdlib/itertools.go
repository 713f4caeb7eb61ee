package stdlib

import (
	"math"

	"github.com/asylang/asy/vm"
)

// itertools in Go: every iterator is a native class named as in CPython
// (type(x).__name__, isinstance, error messages), whose instances are Go
// iterators, so a pipeline of them runs without a script-level __next__
// call per item. Constructors call iter() (or materialize their input)
// eagerly where CPython does; items are pulled from the source only as
// needed. This file holds the simple iterators; itertools_comb.go the
// combinatoric ones, groupby and tee.

type itCtor = func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error)

// itTypes lists the classes the module exports, by name.
var itTypes = map[string]*vm.Class{}

// newItType makes an itertools class whose instances are Go iterators. Its
// __next__ lets a script subclass call super().__next__().
func newItType(name string, ctor itCtor) *vm.Class {
	c := vm.NewNativeClass(name, "itertools", nil, ctor)
	c.AddMethod("__next__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("__next__", args[1:], 0); err != nil {
			return vm.Undef, err
		}
		v, ok, err := t.Next(args[0])
		if err != nil {
			return vm.Undef, err
		}
		if !ok {
			return vm.Undef, vm.NewInstance(vm.StopIteration)
		}
		return v, nil
	})
	if name[0] != '_' {
		itTypes[name] = c
	}
	return c
}

// iterFn is an iterator whose state lives in its next closure.
func iterFn(cls *vm.Class, next func(t *vm.Thread) (vm.Value, bool, error)) vm.Object {
	return vm.NewIterator(cls, next).AsObj()
}

func noKw(name string, kw []vm.KV) error { return vm.NoKwargs(name, kw) }

// isNumber is PyNumber_Check: what count() accepts.
func isNumber(v vm.Value) bool {
	switch v.Class() {
	case vm.IntType, vm.BoolType, vm.FloatType, vm.ComplexType:
		return true
	}
	cls := v.Class()
	if cls.IsSubclass(vm.IntType) || cls.IsSubclass(vm.FloatType) || cls.IsSubclass(vm.ComplexType) {
		return true
	}
	for _, n := range []string{"__index__", "__int__", "__float__"} {
		if _, ok := cls.Lookup(n); ok {
			return true
		}
	}
	return false
}

// countIter keeps small ints in Go; anything else (floats, big ints,
// objects) goes through the + operator.
type countIter struct {
	cls       *vm.Class // named in the repr (a subclass's name, as in CPython)
	n, step   vm.Value
	fast      bool // n and step are small ints
	ni, stepi int64
}

var countType = newItType("count", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("count", args, kw, 0, "start", "step")
	if err != nil {
		return vm.Undef, err
	}
	start, step := a[0], a[1]
	if start.IsUndef() {
		start = vm.Int(0)
	}
	if step.IsUndef() {
		step = vm.Int(1)
	}
	if !isNumber(start) || !isNumber(step) {
		return vm.Undef, vm.Errorf(vm.TypeError, "a number is required")
	}
	c := &countIter{cls: cls, n: start, step: step}
	if start.Class() == vm.IntType && step.Class() == vm.IntType {
		si, err1 := t.AsInt64(start)
		st, err2 := t.AsInt64(step)
		if err1 == nil && err2 == nil {
			c.fast, c.ni, c.stepi = true, si, st
		}
	}
	return vm.WrapNative(cls, c), nil
})

func (*countIter) Class() *vm.Class { return countType }

func (c *countIter) Next(t *vm.Thread) (vm.Value, bool, error) {
	if c.fast {
		r := c.ni
		s := r + c.stepi
		if (s > r) == (c.stepi > 0) || c.stepi == 0 {
			c.ni = s
			return vm.Int(r), true, nil
		}
		// Overflow: continue with arbitrary-precision ints.
		c.fast, c.n = false, vm.Int(r)
	}
	r := c.n
	n, err := t.BinaryOp("+", r, c.step)
	if err != nil {
		return vm.Undef, false, err
	}
	c.n = n
	return r, true, nil
}

func (c *countIter) Repr(t *vm.Thread) (string, error) {
	n := c.n
	if c.fast {
		n = vm.Int(c.ni)
	}
	ns, err := t.Repr(n)
	if err != nil {
		return "", err
	}
	if c.step.Class() == vm.IntType || c.step.Class() == vm.BoolType {
		if one, _ := t.Equal(c.step, vm.Int(1)); one {
			return c.cls.Name + "(" + ns + ")", nil
		}
	}
	ss, err := t.Repr(c.step)
	if err != nil {
		return "", err
	}
	return c.cls.Name + "(" + ns + ", " + ss + ")", nil
}

var cycleType = newItType("cycle", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := noKw("cycle", kw); err != nil {
		return vm.Undef, err
	}
	if err := vm.ExactArgs("cycle", args, 1); err != nil {
		return vm.Undef, vm.Errorf(vm.TypeError, "cycle expected 1 argument, got %d", len(args))
	}
	it, err := t.Iter(args[0])
	if err != nil {
		return vm.Undef, err
	}
	var saved []vm.Value
	i, src := 0, it
	return vm.WrapNative(cls, iterFn(nativeOf(cls), func(t *vm.Thread) (vm.Value, bool, error) {
		if !src.IsUndef() {
			v, ok, err := t.Next(src)
			if err != nil {
				return vm.Undef, false, err
			}
			if ok {
				saved = append(saved, v)
				return v, true, nil
			}
			src = vm.Undef
		}
		if len(saved) == 0 {
			return vm.Undef, false, nil
		}
		v := saved[i]
		i = (i + 1) % len(saved)
		return v, true, nil
	})), nil
})

type repeatIter struct {
	cls   *vm.Class // named in the repr
	obj   vm.Value
	times int64 // -1: forever
}

var repeatType = newItType("repeat", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("repeat", args, kw, 1, "object", "times")
	if err != nil {
		return vm.Undef, err
	}
	r := &repeatIter{cls: cls, obj: a[0], times: -1}
	if !a[1].IsUndef() {
		n, err := t.AsInt64(a[1])
		if err != nil {
			return vm.Undef, err
		}
		r.times = max(n, 0)
	}
	return vm.WrapNative(cls, r), nil
})

func (*repeatIter) Class() *vm.Class { return repeatType }

func (r *repeatIter) Next(t *vm.Thread) (vm.Value, bool, error) {
	if r.times == 0 {
		return vm.Undef, false, nil
	}
	if r.times > 0 {
		r.times--
	}
	return r.obj, true, nil
}

func (r *repeatIter) Repr(t *vm.Thread) (string, error) {
	s, err := t.Repr(r.obj)
	if err != nil {
		return "", err
	}
	if r.times < 0 {
		return r.cls.Name + "(" + s + ")", nil
	}
	return r.cls.Name + "(" + s + ", " + itoaS(int(r.times)) + ")", nil
}

// reprMethod gives a class __repr__, so that super().__repr__() works in a
// script subclass.
func reprMethod(c *vm.Class) {
	c.AddMethod("__repr__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s, err := t.Repr(args[0])
		return vm.Str(s), err
	})
}

func init() {
	reprMethod(countType)
	reprMethod(repeatType)
	repeatType.AddMethod("__length_hint__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		r := args[0].AsObj().(*repeatIter)
		if r.times < 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "len() of unsized object")
		}
		return vm.Int(r.times), nil
	})
}

var accumulateType = newItType("accumulate", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) > 2 {
		return vm.Undef, vm.Errorf(vm.TypeError, "accumulate() takes at most 2 positional arguments (%d given)", len(args))
	}
	for _, k := range kw {
		if k.Name != "iterable" && k.Name != "func" && k.Name != "initial" {
			return vm.Undef, vm.Errorf(vm.TypeError, "'%s' is an invalid keyword argument for accumulate()", k.Name)
		}
	}
	a, err := vm.UnpackArgs("accumulate", args, kw, 1, "iterable", "func", "initial")
	if err != nil {
		return vm.Undef, err
	}
	it, err := t.Iter(a[0])
	if err != nil {
		return vm.Undef, err
	}
	fn := a[1]
	if fn.IsUndef() {
		fn = vm.None
	}
	total := a[2]
	if total.IsNone() {
		total = vm.Undef
	}
	initial := !total.IsUndef()
	return vm.WrapNative(cls, iterFn(nativeOf(cls), func(t *vm.Thread) (vm.Value, bool, error) {
		if initial {
			initial = false
			return total, true, nil
		}
		v, ok, err := t.Next(it)
		if !ok || err != nil {
			return vm.Undef, false, err
		}
		if total.IsUndef() {
			total = v
		} else if fn.IsNone() {
			if total, err = t.BinaryOp("+", total, v); err != nil {
				return vm.Undef, false, err
			}
		} else if total, err = t.Call(fn, []vm.Value{total, v}, nil); err != nil {
			return vm.Undef, false, err
		}
		return total, true, nil
	})), nil
})

// chainIter walks its source of iterables one at a time.
type chainIter struct {
	source, active vm.Value // Undef: exhausted / none yet
}

var chainType = newItType("chain", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := noKw("chain", kw); err != nil {
		return vm.Undef, err
	}
	src, _ := t.Iter(vm.Obj(vm.NewTuple(append([]vm.Value(nil), args...))))
	return vm.WrapNative(cls, &chainIter{source: src, active: vm.Undef}), nil
})

func (*chainIter) Class() *vm.Class { return chainType }

func (c *chainIter) Next(t *vm.Thread) (vm.Value, bool, error) {
	for !c.source.IsUndef() || !c.active.IsUndef() {
		if c.active.IsUndef() {
			x, ok, err := t.Next(c.source)
			if err != nil {
				return vm.Undef, false, err
			}
			if !ok {
				c.source = vm.Undef
				return vm.Undef, false, nil
			}
			if c.active, err = t.Iter(x); err != nil {
				c.active = vm.Undef
				return vm.Undef, false, err
			}
		}
		v, ok, err := t.Next(c.active)
		if err != nil {
			return vm.Undef, false, err
		}
		if ok {
			return v, true, nil
		}
		c.active = vm.Undef
	}
	return vm.Undef, false, nil
}

func init() {
	chainType.Dict["from_iterable"] = vm.NewClassMethod(vm.NewBuiltin("from_iterable", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("from_iterable", args[1:], 1); err != nil {
			return vm.Undef, err
		}
		src, err := t.Iter(args[1])
		if err != nil {
			return vm.Undef, err
		}
		return vm.WrapNative(args[0].AsObj().(*vm.Class), &chainIter{source: src, active: vm.Undef}), nil
	}))
}

var compressType = newItType("compress", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) > 2 {
		return vm.Undef, vm.Errorf(vm.TypeError, "compress() takes at most 2 arguments (%d given)", len(args))
	}
	a, err := vm.UnpackArgs("compress", args, kw, 2, "data", "selectors")
	if err != nil {
		return vm.Undef, err
	}
	data, err := t.Iter(a[0])
	if err != nil {
		return vm.Undef, err
	}
	sel, err := t.Iter(a[1])
	if err != nil {
		return vm.Undef, err
	}
	return vm.WrapNative(cls, iterFn(nativeOf(cls), func(t *vm.Thread) (vm.Value, bool, error) {
		for {
			d, ok, err := t.Next(data)
			if !ok || err != nil {
				return vm.Undef, false, err
			}
			s, ok, err := t.Next(sel)
			if !ok || err != nil {
				return vm.Undef, false, err
			}
			keep, err := t.Truth(s)
			if err != nil {
				return vm.Undef, false, err
			}
			if keep {
				return d, true, nil
			}
		}
	})), nil
})

// predArgs checks (predicate, iterable) for dropwhile, takewhile,
// filterfalse and starmap.
func predArgs(t *vm.Thread, name string, args []vm.Value, kw []vm.KV) (vm.Value, vm.Value, error) {
	if err := noKw(name, kw); err != nil {
		return vm.Undef, vm.Undef, err
	}
	if err := vm.ExactArgs(name, args, 2); err != nil {
		return vm.Undef, vm.Undef, err
	}
	it, err := t.Iter(args[1])
	return args[0], it, err
}

func callTruth(t *vm.Thread, fn, v vm.Value) (bool, error) {
	r, err := t.Call1(fn, v)
	if err != nil {
		return false, err
	}
	return t.Truth(r)
}

var dropwhileType = newItType("dropwhile", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	pred, it, err := predArgs(t, "dropwhile", args, kw)
	if err != nil {
		return vm.Undef, err
	}
	dropping := true
	return vm.WrapNative(cls, iterFn(nativeOf(cls), func(t *vm.Thread) (vm.Value, bool, error) {
		for {
			v, ok, err := t.Next(it)
			if !ok || err != nil || !dropping {
				return v, ok, err
			}
			b, err := callTruth(t, pred, v)
			if err != nil {
				return vm.Undef, false, err
			}
			if !b {
				dropping = false
				return v, true, nil
			}
		}
	})), nil
})

var takewhileType = newItType("takewhile", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	pred, it, err := predArgs(t, "takewhile", args, kw)
	if err != nil {
		return vm.Undef, err
	}
	done := false
	return vm.WrapNative(cls, iterFn(nativeOf(cls), func(t *vm.Thread) (vm.Value, bool, error) {
		if done {
			return vm.Undef, false, nil
		}
		v, ok, err := t.Next(it)
		if !ok || err != nil {
			return vm.Undef, false, err
		}
		b, err := callTruth(t, pred, v)
		if err != nil {
			return vm.Undef, false, err
		}
		if !b {
			done = true
			return vm.Undef, false, nil
		}
		return v, true, nil
	})), nil
})

var filterfalseType = newItType("filterfalse", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	pred, it, err := predArgs(t, "filterfalse", args, kw)
	if err != nil {
		return vm.Undef, err
	}
	return vm.WrapNative(cls, iterFn(nativeOf(cls), func(t *vm.Thread) (vm.Value, bool, error) {
		for {
			v, ok, err := t.Next(it)
			if !ok || err != nil {
				return vm.Undef, false, err
			}
			var b bool
			if pred.IsNone() {
				b, err = t.Truth(v)
			} else {
				b, err = callTruth(t, pred, v)
			}
			if err != nil {
				return vm.Undef, false, err
			}
			if !b {
				return v, true, nil
			}
		}
	})), nil
})

var starmapType = newItType("starmap", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	fn, it, err := predArgs(t, "starmap", args, kw)
	if err != nil {
		return vm.Undef, err
	}
	return vm.WrapNative(cls, iterFn(nativeOf(cls), func(t *vm.Thread) (vm.Value, bool, error) {
		v, ok, err := t.Next(it)
		if !ok || err != nil {
			return vm.Undef, false, err
		}
		items, err := t.ToList(v)
		if err != nil {
			return vm.Undef, false, err
		}
		r, err := t.Call(fn, items, nil)
		return r, err == nil, err
	})), nil
})

const isliceStopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."

// ssizeArg is PyNumber_AsSsize_t with its error cleared: -1 for anything
// that is not an index fitting in a Py_ssize_t.
func ssizeArg(t *vm.Thread, v vm.Value) (int64, error) {
	n, ok, err := t.IndexOf(v)
	if !ok {
		return -1, nil
	}
	if err != nil {
		if vm.IsInstanceOf(err, vm.IndexError) || vm.IsInstanceOf(err, vm.OverflowError) {
			return -1, nil
		}
		return 0, err
	}
	return n, nil
}

// isliceIter follows CPython's islice_next step by step, since callers can
// observe how far the source was consumed.
type isliceIter struct {
	it                    vm.Value // Undef once exhausted
	next, stop, step, cnt int64    // stop -1: none
}

var isliceType = newItType("islice", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := noKw("islice", kw); err != nil {
		return vm.Undef, err
	}
	if err := vm.RangeArgs("islice", args, 2, 4); err != nil {
		return vm.Undef, err
	}
	start, stop, step := int64(0), int64(-1), int64(1)
	var err error
	stopArg := args[1]
	if len(args) > 2 {
		stopArg = args[2]
		if !args[1].IsNone() {
			if start, err = ssizeArg(t, args[1]); err != nil {
				return vm.Undef, err
			}
		}
	}
	if !stopArg.IsNone() {
		if stop, err = ssizeArg(t, stopArg); err != nil {
			return vm.Undef, err
		}
		if stop == -1 {
			return vm.Undef, vm.Errorf(vm.ValueError, isliceStopMsg)
		}
	}
	if start < 0 || stop < -1 {
		return vm.Undef, vm.Errorf(vm.ValueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
	}
	if len(args) == 4 && !args[3].IsNone() {
		if step, err = ssizeArg(t, args[3]); err != nil {
			return vm.Undef, err
		}
	}
	if step < 1 {
		return vm.Undef, vm.Errorf(vm.ValueError, "Step for islice() must be a positive integer or None.")
	}
	it, err := t.Iter(args[0])
	if err != nil {
		return vm.Undef, err
	}
	return vm.WrapNative(cls, &isliceIter{it: it, next: start, stop: stop, step: step}), nil
})

func (*isliceIter) Class() *vm.Class { return isliceType }

func (s *isliceIter) Next(t *vm.Thread) (vm.Value, bool, error) {
	if s.it.IsUndef() {
		return vm.Undef, false, nil
	}
	for s.cnt < s.next {
		_, ok, err := t.Next(s.it)
		if err != nil {
			return vm.Undef, false, err
		}
		if !ok {
			s.it = vm.Undef
			return vm.Undef, false, nil
		}
		s.cnt++
	}
	if s.stop != -1 && s.cnt >= s.stop {
		s.it = vm.Undef
		return vm.Undef, false, nil
	}
	v, ok, err := t.Next(s.it)
	if err != nil {
		return vm.Undef, false, err
	}
	if !ok {
		s.it = vm.Undef
		return vm.Undef, false, nil
	}
	s.cnt++
	old := s.next
	if s.next > math.MaxInt64-s.step {
		s.next = math.MaxInt64
	} else {
		s.next += s.step
	}
	if s.next < old || (s.stop != -1 && s.next > s.stop) {
		// Leaves the items up to stop to be consumed on the next call.
		s.next = s.stop
	}
	return v, true, nil
}

var pairwiseType = newItType("pairwise", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := noKw("pairwise", kw); err != nil {
		return vm.Undef, err
	}
	if len(args) != 1 {
		return vm.Undef, vm.Errorf(vm.TypeError, "pairwise expected 1 argument, got %d", len(args))
	}
	it, err := t.Iter(args[0])
	if err != nil {
		return vm.Undef, err
	}
	old := vm.Undef
	return vm.WrapNative(cls, iterFn(nativeOf(cls), func(t *vm.Thread) (vm.Value, bool, error) {
		if it.IsUndef() {
			return vm.Undef, false, nil
		}
		if old.IsUndef() {
			v, ok, err := t.Next(it)
			if !ok || err != nil {
				it = vm.Undef
				return vm.Undef, false, err
			}
			old = v
		}
		v, ok, err := t.Next(it)
		if !ok || err != nil {
			it, old = vm.Undef, vm.Undef
			return vm.Undef, false, err
		}
		pair := vm.Obj(vm.NewTuple([]vm.Value{old, v}))
		old = v
		return pair, true, nil
	})), nil
})

var zipLongestType = newItType("zip_longest", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	fill := vm.None
	for _, k := range kw {
		if k.Name != "fillvalue" {
			return vm.Undef, vm.Errorf(vm.TypeError, "zip_longest() got an unexpected keyword argument")
		}
		fill = k.Val
	}
	its := make([]vm.Value, len(args))
	for i, a := range args {
		it, err := t.Iter(a)
		if err != nil {
			return vm.Undef, err
		}
		its[i] = it
	}
	active := len(its)
	return vm.WrapNative(cls, iterFn(nativeOf(cls), func(t *vm.Thread) (vm.Value, bool, error) {
		if active == 0 {
			return vm.Undef, false, nil
		}
		items := make([]vm.Value, len(its))
		for i, it := range its {
			if it.IsUndef() {
				items[i] = fill
				continue
			}
			v, ok, err := t.Next(it)
			if err != nil {
				active = 0
				return vm.Undef, false, err
			}
			if !ok {
				active--
				its[i] = vm.Undef
				if active == 0 {
					return vm.Undef, false, nil
				}
				v = fill
			}
			items[i] = v
		}
		return vm.Obj(vm.NewTuple(items)), true, nil
	})), nil
})

// nativeOf is the itertools class a (possibly script-subclassed) class
// derives from: what the Go iterator reports as its class.
func nativeOf(cls *vm.Class) *vm.Class {
	for _, c := range cls.MRO {
		if c.Builtin {
			return c
		}
	}
	return cls
}
