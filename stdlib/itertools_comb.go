package stdlib

import "github.com/asylang/asy/vm"

// itertools: the combinatoric iterators (which materialize their input, as
// in CPython), groupby, tee, and the module itself.

// tupleOf picks pool[i] for each index.
func tupleOf(pool []vm.Value, idx []int) vm.Value {
	items := make([]vm.Value, len(idx))
	for k, i := range idx {
		items[k] = pool[i]
	}
	return vm.Obj(vm.NewTuple(items))
}

// rArg is the r of combinations(): an index, not negative.
func rArg(t *vm.Thread, v vm.Value) (int, error) {
	r, err := t.AsInt64(v)
	if err != nil {
		return 0, err
	}
	if r < 0 {
		return 0, vm.Errorf(vm.ValueError, "r must be non-negative")
	}
	return int(min(r, 1<<40)), nil
}

var productType = newItType("product", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	repeat := int64(1)
	for _, k := range kw {
		if k.Name != "repeat" {
			return vm.Undef, vm.Errorf(vm.TypeError, "'%s' is an invalid keyword argument for product()", k.Name)
		}
		n, err := t.AsInt64(k.Val)
		if err != nil {
			return vm.Undef, err
		}
		if n < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "repeat argument cannot be negative")
		}
		repeat = n
	}
	var pools [][]vm.Value
	for _, a := range args {
		items, err := t.ToList(a)
		if err != nil {
			return vm.Undef, err
		}
		pools = append(pools, items)
	}
	if repeat == 0 {
		pools = nil
	} else {
		base := pools
		for i := int64(1); i < repeat; i++ {
			pools = append(pools, base...)
		}
	}
	n := len(pools)
	var idx []int
	done := false
	for _, p := range pools {
		if len(p) == 0 {
			done = true
		}
	}
	return vm.WrapNative(cls, iterFn(nativeOf(cls), func(t *vm.Thread) (vm.Value, bool, error) {
		if done {
			return vm.Undef, false, nil
		}
		if idx == nil {
			idx = make([]int, n)
		} else {
			// Advance the rightmost index that can move, like an odometer.
			i := n - 1
			for ; i >= 0; i-- {
				idx[i]++
				if idx[i] < len(pools[i]) {
					break
				}
				idx[i] = 0
			}
			if i < 0 {
				done = true
				return vm.Undef, false, nil
			}
		}
		items := make([]vm.Value, n)
		for k, i := range idx {
			items[k] = pools[k][i]
		}
		return vm.Obj(vm.NewTuple(items)), true, nil
	})), nil
})

var permutationsType = newItType("permutations", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("permutations", args, kw, 1, "iterable", "r")
	if err != nil {
		return vm.Undef, err
	}
	pool, err := t.ToList(a[0])
	if err != nil {
		return vm.Undef, err
	}
	n := len(pool)
	r := n
	if !a[1].IsUndef() && !a[1].IsNone() {
		if !a[1].Class().IsSubclass(vm.IntType) {
			return vm.Undef, vm.Errorf(vm.TypeError, "Expected int as r")
		}
		if r, err = rArg(t, a[1]); err != nil {
			return vm.Undef, err
		}
	}
	done := r > n
	var idx, cycles []int
	return vm.WrapNative(cls, iterFn(nativeOf(cls), func(t *vm.Thread) (vm.Value, bool, error) {
		if done {
			return vm.Undef, false, nil
		}
		if idx == nil {
			idx = make([]int, n)
			for i := range idx {
				idx[i] = i
			}
			cycles = make([]int, r)
			for i := range cycles {
				cycles[i] = n - i
			}
			return tupleOf(pool, idx[:r]), true, nil
		}
		for i := r - 1; i >= 0; i-- {
			cycles[i]--
			if cycles[i] == 0 {
				// Rotate idx[i:] left by one and restart this position.
				first := idx[i]
				copy(idx[i:], idx[i+1:])
				idx[n-1] = first
				cycles[i] = n - i
				continue
			}
			j := cycles[i]
			idx[i], idx[n-j] = idx[n-j], idx[i]
			return tupleOf(pool, idx[:r]), true, nil
		}
		done = true
		return vm.Undef, false, nil
	})), nil
})

// newCombType makes combinations or combinations_with_replacement.
func newCombType(name string, repl bool) *vm.Class {
	var cls *vm.Class
	cls = newItType(name, func(t *vm.Thread, sub *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs(name, args, kw, 2, "iterable", "r")
		if err != nil {
			return vm.Undef, err
		}
		pool, err := t.ToList(a[0])
		if err != nil {
			return vm.Undef, err
		}
		r, err := rArg(t, a[1])
		if err != nil {
			return vm.Undef, err
		}
		n := len(pool)
		done := r > n
		if repl {
			done = n == 0 && r > 0
		}
		var idx []int
		return vm.WrapNative(sub, iterFn(nativeOf(sub), func(t *vm.Thread) (vm.Value, bool, error) {
			if done {
				return vm.Undef, false, nil
			}
			if idx == nil {
				idx = make([]int, r)
				if !repl {
					for i := range idx {
						idx[i] = i
					}
				}
				return tupleOf(pool, idx), true, nil
			}
			// The rightmost index not yet at its maximum.
			i := r - 1
			if repl {
				for i >= 0 && idx[i] == n-1 {
					i--
				}
			} else {
				for i >= 0 && idx[i] == i+n-r {
					i--
				}
			}
			if i < 0 {
				done = true
				return vm.Undef, false, nil
			}
			idx[i]++
			for j := i + 1; j < r; j++ {
				if repl {
					idx[j] = idx[i]
				} else {
					idx[j] = idx[j-1] + 1
				}
			}
			return tupleOf(pool, idx), true, nil
		})), nil
	})
	return cls
}

var (
	combinationsType = newCombType("combinations", false)
	combReplType     = newCombType("combinations_with_replacement", true)
)

// groupbyIter follows CPython's groupby: tgtkey is the key of the group
// handed out last, currkey/currvalue the item read ahead (Undef: none), and
// only the newest grouper may read on.
type groupbyIter struct {
	it, keyfunc                vm.Value
	tgtkey, currkey, currvalue vm.Value
	grouper                    *grouperIter
}

type grouperIter struct {
	parent *groupbyIter
	tgtkey vm.Value
}

var groupbyType = newItType("groupby", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("groupby", args, kw, 1, "iterable", "key")
	if err != nil {
		return vm.Undef, err
	}
	it, err := t.Iter(a[0])
	if err != nil {
		return vm.Undef, err
	}
	key := a[1]
	if key.IsUndef() {
		key = vm.None
	}
	return vm.WrapNative(cls, &groupbyIter{it: it, keyfunc: key}), nil
})

var grouperType = newItType("_grouper", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	return vm.Undef, vm.Errorf(vm.TypeError, "cannot create 'itertools._grouper' instances")
})

func (*groupbyIter) Class() *vm.Class { return groupbyType }
func (*grouperIter) Class() *vm.Class { return grouperType }

// step reads the next item and its key; ok is false at the end.
func (g *groupbyIter) step(t *vm.Thread) (bool, error) {
	v, ok, err := t.Next(g.it)
	if !ok || err != nil {
		return false, err
	}
	key := v
	if !g.keyfunc.IsNone() {
		if key, err = t.Call1(g.keyfunc, v); err != nil {
			return false, err
		}
	}
	g.currvalue, g.currkey = v, key
	return true, nil
}

func sameKey(t *vm.Thread, a, b vm.Value) (bool, error) {
	if a.Is(b) {
		return true, nil
	}
	return t.Equal(a, b)
}

func (g *groupbyIter) Next(t *vm.Thread) (vm.Value, bool, error) {
	g.grouper = nil
	for {
		if !g.currkey.IsUndef() {
			if g.tgtkey.IsUndef() {
				break
			}
			eq, err := sameKey(t, g.tgtkey, g.currkey)
			if err != nil {
				return vm.Undef, false, err
			}
			if !eq {
				break
			}
		}
		ok, err := g.step(t)
		if !ok || err != nil {
			return vm.Undef, false, err
		}
	}
	g.tgtkey = g.currkey
	g.grouper = &grouperIter{parent: g, tgtkey: g.tgtkey}
	return vm.Obj(vm.NewTuple([]vm.Value{g.currkey, vm.Obj(g.grouper)})), true, nil
}

func (gr *grouperIter) Next(t *vm.Thread) (vm.Value, bool, error) {
	g := gr.parent
	if g.grouper != gr {
		return vm.Undef, false, nil
	}
	if g.currvalue.IsUndef() {
		ok, err := g.step(t)
		if !ok || err != nil {
			return vm.Undef, false, err
		}
	}
	eq, err := sameKey(t, gr.tgtkey, g.currkey)
	if err != nil || !eq {
		return vm.Undef, false, err
	}
	v := g.currvalue
	g.currvalue, g.currkey = vm.Undef, vm.Undef
	return v, true, nil
}

// Tees made from one iterator share a singly linked list of read-ahead
// values; each holds its own position in it.
type teeLink struct {
	value vm.Value
	next  *teeLink
}

type teeIter struct {
	src  *vm.Value // shared: the source iterator
	link *teeLink
}

var teeType = newItType("_tee", func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("_tee", args, kw, 1, "iterable")
	if err != nil {
		return vm.Undef, err
	}
	it, err := t.Iter(a[0])
	if err != nil {
		return vm.Undef, err
	}
	if ti, ok := it.AsObj().(*teeIter); ok {
		return vm.Obj(ti.copy()), nil
	}
	return vm.Obj(&teeIter{src: &it, link: &teeLink{}}), nil
})

func (*teeIter) Class() *vm.Class { return teeType }

func (ti *teeIter) copy() *teeIter { return &teeIter{src: ti.src, link: ti.link} }

func (ti *teeIter) Next(t *vm.Thread) (vm.Value, bool, error) {
	l := ti.link
	if l.next == nil {
		v, ok, err := t.Next(*ti.src)
		if !ok || err != nil {
			return vm.Undef, false, err
		}
		l.value, l.next = v, &teeLink{}
	}
	ti.link = l.next
	return l.value, true, nil
}

func init() {
	teeType.AddMethod("__copy__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(args[0].AsObj().(*teeIter).copy()), nil
	})
}

func teeFunc(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(kw) > 0 {
		return vm.Undef, vm.Errorf(vm.TypeError, "itertools.tee() takes no keyword arguments")
	}
	if err := vm.RangeArgs("tee", args, 1, 2); err != nil {
		return vm.Undef, err
	}
	n := int64(2)
	if len(args) == 2 {
		var err error
		if n, err = t.AsInt64(args[1]); err != nil {
			return vm.Undef, err
		}
	}
	if n < 0 {
		return vm.Undef, vm.Errorf(vm.ValueError, "n must be >= 0")
	}
	if n == 0 {
		return vm.Obj(vm.NewTuple(nil)), nil
	}
	it, err := t.Iter(args[0])
	if err != nil {
		return vm.Undef, err
	}
	first := it
	if ok, err := t.HasAttr(it, "__copy__"); err != nil {
		return vm.Undef, err
	} else if !ok {
		first = vm.Obj(&teeIter{src: &it, link: &teeLink{}})
	}
	copier, err := t.GetAttr(first, "__copy__")
	if err != nil {
		return vm.Undef, err
	}
	out := []vm.Value{first}
	for i := int64(1); i < n; i++ {
		c, err := t.Call(copier, nil, nil)
		if err != nil {
			return vm.Undef, err
		}
		out = append(out, c)
	}
	return vm.Obj(vm.NewTuple(out)), nil
}

func itertoolsModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("itertools", "")
	for name, cls := range itTypes {
		m.Set(name, vm.Obj(cls))
	}
	m.Set("_tee", vm.Obj(teeType))
	m.Set("_grouper", vm.Obj(grouperType))
	m.Set("tee", vm.NewBuiltin("tee", teeFunc))
	return m, nil
}

func init() { register("itertools", itertoolsModule) }
