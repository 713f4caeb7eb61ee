package vm

// enumerate, zip, map, filter and reversed are classes whose instances are
// Go iterators.
func init() {
	EnumerateType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("enumerate", args, kw, 1, "iterable", "start")
		if err != nil {
			return Undef, err
		}
		it, err := t.Iter(a[0])
		if err != nil {
			return Undef, err
		}
		n := Int(0)
		if !a[1].IsUndef() {
			if !a[1].isIntLike() {
				return Undef, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", a[1].TypeName())
			}
			n = a[1]
		}
		return newPairIterator(EnumerateType, func(t *Thread) (Value, Value, bool, error) {
			v, ok, err := t.Next(it)
			if !ok || err != nil {
				return Undef, Undef, false, err
			}
			i := n
			if n.isInt() && int64(n.n) < 1<<62 {
				n.n++
			} else {
				n, _ = intBinary(binAdd, n, Int(1))
			}
			return i, v, true, nil
		}), nil
	}
	ZipType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		strict := false
		for _, a := range kw {
			if a.Name != "strict" {
				return Undef, Errorf(TypeError, "zip() got an unexpected keyword argument '%s'", a.Name)
			}
			strict, _ = t.Truth(a.Val)
		}
		its := make([]Value, len(args))
		for i, a := range args {
			it, err := t.Iter(a)
			if err != nil {
				return Undef, Errorf(TypeError, "zip argument #%d must support iteration", i+1)
			}
			its[i] = it
		}
		z := &zipState{its: its, strict: strict}
		zip := NewIterator(ZipType, func(t *Thread) (Value, bool, error) {
			if z.done || len(its) == 0 {
				return Undef, false, nil
			}
			if len(its) <= 4 {
				// One allocation: newTupleOf stores short tuples' items
				// beside their header.
				var buf [4]Value
				items := buf[:len(its)]
				if ok, err := z.step(t, items); !ok {
					return Undef, false, err
				}
				return Obj(newTupleOf(items)), true, nil
			}
			items := make([]Value, len(its))
			if ok, err := z.step(t, items); !ok {
				return Undef, false, err
			}
			return Obj(NewTuple(items)), true, nil
		})
		if len(its) == 2 {
			// `for a, b in zip(x, y)` takes the pair without a tuple.
			zip.o.(*funcIter).pair = func(t *Thread) (Value, Value, bool, error) {
				if z.done {
					return Undef, Undef, false, nil
				}
				a, ok, err := t.Next(its[0])
				if !ok || err != nil {
					return Undef, Undef, false, z.stop(t, 0, err)
				}
				b, ok, err := t.Next(its[1])
				if !ok || err != nil {
					return Undef, Undef, false, z.stop(t, 1, err)
				}
				return a, b, true, nil
			}
		}
		return zip, nil
	}
	MapType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if len(args) < 2 {
			return Undef, Errorf(TypeError, "map() must have at least two arguments.")
		}
		fn := args[0]
		its := make([]Value, len(args)-1)
		for i, a := range args[1:] {
			it, err := t.Iter(a)
			if err != nil {
				return Undef, err
			}
			its[i] = it
		}
		var cargs callArgs
		return NewIterator(MapType, func(t *Thread) (Value, bool, error) {
			vals := cargs.take(len(its))
			for i, it := range its {
				v, ok, err := t.Next(it)
				if !ok || err != nil {
					cargs.give(vals)
					return Undef, false, err
				}
				vals[i] = v
			}
			r, err := t.Call(fn, vals, nil)
			cargs.give(vals)
			return r, err == nil, err
		}), nil
	}
	FilterType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "filter expected 2 arguments, got %d", len(args))
		}
		fn := args[0]
		it, err := t.Iter(args[1])
		if err != nil {
			return Undef, err
		}
		var cargs callArgs
		return NewIterator(FilterType, func(t *Thread) (Value, bool, error) {
			for {
				v, ok, err := t.Next(it)
				if !ok || err != nil {
					return Undef, false, err
				}
				keep := v
				if !fn.IsNone() {
					a := cargs.take(1)
					a[0] = v
					keep, err = t.Call(fn, a, nil)
					cargs.give(a)
					if err != nil {
						return Undef, false, err
					}
				}
				b, err := t.Truth(keep)
				if err != nil {
					return Undef, false, err
				}
				if b {
					return v, true, nil
				}
			}
		}), nil
	}
	ReversedType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("reversed", args, 1); err != nil {
			return Undef, err
		}
		v := args[0]
		if m, ok := t.lookupSpecial(v, "__reversed__"); ok {
			return t.callBound(m, v, nil, nil)
		}
		var items []Value
		switch o := v.o.(type) {
		case *List:
			l := o
			i := len(l.items)
			return NewIterator(ReversedType, func(t *Thread) (Value, bool, error) {
				i--
				if i < 0 || i >= len(l.items) {
					i = -1
					return Undef, false, nil
				}
				return l.items[i], true, nil
			}), nil
		case *Tuple:
			items = o.items
		case *Range:
			return Obj(rangeIterOf(o, true)), nil
		case *StrObj:
			for i := 0; i < o.Len(); i++ {
				items = append(items, Obj(o.At(i)))
			}
		case *Dict:
			items = o.Keys()
		case *DictView:
			if o.kind == 0 {
				items = o.d.Keys()
			} else {
				list, _ := t.ToList(v)
				items = list
			}
		default:
			n, err := t.Len(v)
			if err != nil {
				return Undef, Errorf(TypeError, "'%s' object is not reversible", v.TypeName())
			}
			i := n
			return NewIterator(ReversedType, func(t *Thread) (Value, bool, error) {
				i--
				if i < 0 {
					return Undef, false, nil
				}
				r, err := t.GetItem(v, Int(int64(i)))
				return r, err == nil, err
			}), nil
		}
		i := len(items)
		return NewIterator(ReversedType, func(t *Thread) (Value, bool, error) {
			i--
			if i < 0 {
				return Undef, false, nil
			}
			return items[i], true, nil
		}), nil
	}
}

func itoaInt(n int) string { return sprintf("%d", n) }

// Built-in iterators answer it.__next__() and it.__iter__() like CPython's
// (code that drives an iterator by hand, the roundrobin recipe).
func init() {
	builtinObjAttrs["__next__"] = func(t *Thread, obj Value) (Value, bool, error) {
		if _, ok := obj.o.(Iterator); !ok || !obj.isObj() {
			return Undef, false, nil
		}
		return NewBuiltin("__next__", func(t *Thread, args []Value, kw []KV) (Value, error) {
			if err := ExactArgs("__next__", args, 0); err != nil {
				return Undef, err
			}
			v, ok, err := t.Next(obj)
			if err != nil {
				return Undef, err
			}
			if !ok {
				return Undef, NewInstance(StopIteration)
			}
			return v, nil
		}), true, nil
	}
	builtinObjAttrs["__iter__"] = func(t *Thread, obj Value) (Value, bool, error) {
		if _, ok := obj.o.(Iterator); !ok || !obj.isObj() {
			return Undef, false, nil
		}
		return NewBuiltin("__iter__", func(t *Thread, args []Value, kw []KV) (Value, error) {
			if len(kw) > 0 {
				return Undef, Errorf(TypeError, "wrapper __iter__() takes no keyword arguments")
			}
			if err := ExactArgs("__iter__", args, 0); err != nil {
				return Undef, err
			}
			return obj, nil
		}), true, nil
	}
}

// zipState is a zip object's iterators and whether it is exhausted.
type zipState struct {
	its    []Value
	strict bool
	done   bool
}

// step takes the next item of every iterator into out (len(z.its) long).
// ok is false once an iterator is exhausted, and then for good.
func (z *zipState) step(t *Thread, out []Value) (ok bool, err error) {
	if z.done {
		return false, nil
	}
	for i, it := range z.its {
		v, ok, err := t.Next(it)
		if !ok || err != nil {
			return false, z.stop(t, i, err)
		}
		out[i] = v
	}
	return true, nil
}

// stop is the end of a step at iterator i, shared by the tuple and the
// pair paths: its error, or i exhausted, which ends the zip (in strict
// mode with a ValueError unless all the iterators end together).
func (z *zipState) stop(t *Thread, i int, err error) error {
	if err != nil {
		return err
	}
	z.done = true
	if z.strict {
		return z.strictEnd(t, i)
	}
	return nil
}

// strictEnd is zip(strict=True) finding iterator i exhausted: the error
// when the others are not (CPython's messages), or an error of theirs.
func (z *zipState) strictEnd(t *Thread, i int) error {
	plural := func(n int) string {
		if n > 1 {
			return "s 1-" + itoaInt(n)
		}
		return " 1"
	}
	if i > 0 {
		return Errorf(ValueError, "zip() argument %d is shorter than argument%s", i+1, plural(i))
	}
	for j := 1; j < len(z.its); j++ {
		_, more, err := t.Next(z.its[j])
		if err != nil {
			return err
		}
		if more {
			return Errorf(ValueError, "zip() argument %d is longer than argument%s", j+1, plural(j))
		}
	}
	return nil
}

// callArgs is the argument slice an iterator (map, filter) passes to the
// function it calls for every item, reused from item to item: a call does
// not keep its argument slice (the dispatch loop passes its own registers,
// which it reuses at once), so one slice serves them all. A call that
// re-enters the same iterator (the function calls next() on it) finds the
// slice in use and gets a fresh one.
type callArgs struct {
	buf  []Value
	busy bool
}

func (c *callArgs) take(n int) []Value {
	if c.busy || n == 0 || n > 4 {
		return make([]Value, n)
	}
	if c.buf == nil {
		c.buf = make([]Value, 4)
	}
	c.busy = true
	return c.buf[:n]
}

// give takes back a slice from take, cleared so that it holds no item alive.
func (c *callArgs) give(a []Value) {
	clear(a)
	if len(a) > 0 && c.buf != nil && &a[0] == &c.buf[0] {
		c.busy = false
	}
}
