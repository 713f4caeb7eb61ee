package stdlib

import (
	"strings"

	"github.com/asylang/asy/vm"
)

// collections: deque (a ring buffer in Go), plus the small helpers scripts
// use most.

var dequeType = vm.NewNativeClass("deque", "collections", nil, newDeque)

type deque struct {
	buf    []vm.Value
	head   int
	n      int
	maxlen int // -1: unbounded
	// state counts changes, so that an iterator notices the deque changed
	// under it (CPython: "deque mutated during iteration").
	state uint64
}

func (*deque) Class() *vm.Class { return dequeType }

func (d *deque) Len() int { return d.n }

func (d *deque) at(i int) vm.Value { return d.buf[(d.head+i)%len(d.buf)] }

func (d *deque) grow() {
	size := len(d.buf) * 2
	if size == 0 {
		size = 8
	}
	nb := make([]vm.Value, size)
	for i := 0; i < d.n; i++ {
		nb[i] = d.at(i)
	}
	d.buf, d.head = nb, 0
}

func (d *deque) pushRight(v vm.Value) {
	if d.maxlen == 0 {
		return
	}
	if d.maxlen > 0 && d.n == d.maxlen {
		d.popLeft()
	}
	if d.n == len(d.buf) {
		d.grow()
	}
	d.buf[(d.head+d.n)%len(d.buf)] = v
	d.state++
	d.n++
}

func (d *deque) pushLeft(v vm.Value) {
	if d.maxlen == 0 {
		return
	}
	if d.maxlen > 0 && d.n == d.maxlen {
		d.popRight()
	}
	if d.n == len(d.buf) {
		d.grow()
	}
	d.head = (d.head - 1 + len(d.buf)) % len(d.buf)
	d.buf[d.head] = v
	d.state++
	d.n++
}

// deleteAt closes the gap at index i by moving the shorter side, so that
// removing near either end is O(1): asyncio's waiter queues remove the
// woken future, which is nearly always the first.
func (d *deque) deleteAt(i int) {
	size := len(d.buf)
	if i < d.n/2 {
		for j := i; j > 0; j-- {
			d.buf[(d.head+j)%size] = d.buf[(d.head+j-1)%size]
		}
		d.buf[d.head] = vm.Undef
		d.head = (d.head + 1) % size
	} else {
		for j := i; j < d.n-1; j++ {
			d.buf[(d.head+j)%size] = d.buf[(d.head+j+1)%size]
		}
		d.buf[(d.head+d.n-1)%size] = vm.Undef
	}
	d.n--
}

func (d *deque) popLeft() vm.Value {
	v := d.buf[d.head]
	d.buf[d.head] = vm.Undef
	d.state++
	d.head = (d.head + 1) % len(d.buf)
	d.n--
	return v
}

func (d *deque) popRight() vm.Value {
	i := (d.head + d.n - 1) % len(d.buf)
	v := d.buf[i]
	d.buf[i] = vm.Undef
	d.state++
	d.n--
	return v
}

func (d *deque) items() []vm.Value {
	out := make([]vm.Value, d.n)
	for i := range out {
		out[i] = d.at(i)
	}
	return out
}

func (d *deque) Repr(t *vm.Thread) (string, error) {
	parts := make([]string, d.n)
	for i := 0; i < d.n; i++ {
		s, err := t.Repr(d.at(i))
		if err != nil {
			return "", err
		}
		parts[i] = s
	}
	s := "deque([" + strings.Join(parts, ", ") + "]"
	if d.maxlen >= 0 {
		s += ", maxlen=" + itoaS(d.maxlen)
	}
	return s + ")", nil
}

func itoaS(n int) string {
	v := vm.Int(int64(n))
	s, _ := (&vm.Thread{}).Repr(v)
	return s
}

// Iter walks the deque in place (a loop that stops early costs only what it
// visits); changing the deque meanwhile is an error, as in CPython.
func (d *deque) Iter(t *vm.Thread) (vm.Value, error) {
	i, state := 0, d.state
	return vm.NewIterator(vm.SeqIterType, func(t *vm.Thread) (vm.Value, bool, error) {
		if d.state != state {
			return vm.Undef, false, vm.Errorf(vm.RuntimeError, "deque mutated during iteration")
		}
		if i >= d.n {
			return vm.Undef, false, nil
		}
		i++
		return d.at(i - 1), true, nil
	}), nil
}

func (d *deque) GetItem(t *vm.Thread, key vm.Value) (vm.Value, error) {
	i, err := d.index(t, key)
	if err != nil {
		return vm.Undef, err
	}
	return d.at(i), nil
}

// index resolves a script index (negative from the end) or raises
// deque's IndexError.
func (d *deque) index(t *vm.Thread, key vm.Value) (int, error) {
	i, ok, err := t.IndexOf(key)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, vm.Errorf(vm.TypeError, "sequence index must be integer, not '%s'", key.TypeName())
	}
	if i < 0 {
		i += int64(d.n)
	}
	if i < 0 || i >= int64(d.n) {
		return 0, vm.Errorf(vm.IndexError, "deque index out of range")
	}
	return int(i), nil
}

// SetItem is d[i] = v.
func (d *deque) SetItem(t *vm.Thread, key, v vm.Value) error {
	i, err := d.index(t, key)
	if err != nil {
		return err
	}
	d.buf[(d.head+i)%len(d.buf)] = v
	return nil
}

// DelItem is del d[i].
func (d *deque) DelItem(t *vm.Thread, key vm.Value) error {
	i, err := d.index(t, key)
	if err != nil {
		return err
	}
	d.deleteAt(i)
	d.state++
	return nil
}

func newDeque(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("deque", args, kw, 0, "iterable", "maxlen")
	if err != nil {
		return vm.Undef, err
	}
	d := &deque{maxlen: -1}
	if !a[1].IsUndef() && !a[1].IsNone() {
		n, err := t.AsInt64(a[1])
		if err != nil {
			return vm.Undef, err
		}
		if n < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "maxlen must be non-negative")
		}
		d.maxlen = int(n)
	}
	if !a[0].IsUndef() {
		if err := t.Iterate(a[0], func(v vm.Value) error { d.pushRight(v); return nil }); err != nil {
			return vm.Undef, err
		}
	}
	return vm.Obj(d), nil
}

func init() {
	// arity gives each method's argument count (after self), checked
	// before the method runs.
	arity := map[string][2]int{
		"append": {1, 1}, "appendleft": {1, 1}, "pop": {0, 0}, "popleft": {0, 0},
		"extend": {1, 1}, "extendleft": {1, 1}, "clear": {0, 0}, "remove": {1, 1},
		"rotate": {0, 1}, "count": {1, 1}, "__len__": {0, 0}, "__bool__": {0, 0},
	}
	m := func(name string, f vm.BuiltinFunc) {
		n, ok := arity[name]
		if !ok {
			dequeType.AddMethod(name, f)
			return
		}
		dequeType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(kw) > 0 {
				// The name is built only on the error path (a concatenation
				// per call was a sixth of a popleft/append loop's time).
				return vm.Undef, vm.NoKwargs("deque."+name, kw)
			}
			if err := vm.MethodArgs("deque", name, args[1:], n[0], n[1]); err != nil {
				return vm.Undef, err
			}
			return f(t, args, kw)
		})
	}
	self := func(args []vm.Value) *deque { return args[0].AsObj().(*deque) }
	m("append", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		self(args).pushRight(args[1])
		return vm.None, nil
	})
	m("appendleft", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		self(args).pushLeft(args[1])
		return vm.None, nil
	})
	m("pop", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d := self(args)
		if d.n == 0 {
			return vm.Undef, vm.Errorf(vm.IndexError, "pop from an empty deque")
		}
		return d.popRight(), nil
	})
	m("popleft", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d := self(args)
		if d.n == 0 {
			return vm.Undef, vm.Errorf(vm.IndexError, "pop from an empty deque")
		}
		return d.popLeft(), nil
	})
	m("extend", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d := self(args)
		return vm.None, t.Iterate(args[1], func(v vm.Value) error { d.pushRight(v); return nil })
	})
	m("extendleft", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d := self(args)
		return vm.None, t.Iterate(args[1], func(v vm.Value) error { d.pushLeft(v); return nil })
	})
	m("clear", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d := self(args)
		d.buf, d.head, d.n = nil, 0, 0
		d.state++
		return vm.None, nil
	})
	m("remove", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d := self(args)
		for i := 0; i < d.n; i++ {
			eq, err := t.Equal(d.at(i), args[1])
			if err != nil {
				return vm.Undef, err
			}
			if eq {
				d.deleteAt(i)
				d.state++
				return vm.None, nil
			}
		}
		r, err := t.Repr(args[1])
		if err != nil {
			return vm.Undef, err
		}
		return vm.Undef, vm.Errorf(vm.ValueError, "%s is not in deque", r)
	})
	m("rotate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d := self(args)
		n := 1
		if len(args) > 1 {
			k, err := t.AsInt64(args[1])
			if err != nil {
				return vm.Undef, err
			}
			n = int(k)
		}
		if d.n == 0 {
			return vm.None, nil
		}
		n %= d.n
		for ; n > 0; n-- {
			d.pushLeft(d.popRight())
		}
		for ; n < 0; n++ {
			d.pushRight(d.popLeft())
		}
		return vm.None, nil
	})
	m("count", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		c := 0
		for _, v := range self(args).items() {
			eq, err := t.Equal(v, args[1])
			if err != nil {
				return vm.Undef, err
			}
			if eq {
				c++
			}
		}
		return vm.Int(int64(c)), nil
	})
	m("__len__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(self(args).n)), nil
	})
	m("__bool__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(self(args).n > 0), nil
	})
}

func collectionsModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("collections", "")
	m.Set("deque", vm.Obj(dequeType))
	return m, nil
}

// The native part is also importable as _collections (as in CPython), so
// modules that need only deque (asyncio, copy) do not load the Python half.
func init() {
	register("collections", collectionsModule)
	register("_collections", func(it *vm.Interp) (*vm.Module, error) {
		m := vm.NewModule("_collections", "")
		m.Set("deque", vm.Obj(dequeType))
		m.Set("_tuplegetter", vm.NewBuiltin("_tuplegetter", tupleGetter))
		m.Set("_count_elements", vm.NewBuiltin("_count_elements", countElements))
		return m, nil
	})
}

// countElements(mapping, iterable) is Counter.update's counting loop
// (CPython's _collections._count_elements).
func countElements(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(kw) > 0 {
		return vm.Undef, vm.Errorf(vm.TypeError, "_count_elements() takes no keyword arguments")
	}
	if err := vm.ExactArgs("_count_elements", args, 2); err != nil {
		return vm.Undef, err
	}
	return vm.None, t.CountElements(args[0], args[1])
}

// tupleGetter(index) makes the getter of a namedtuple field: the index-th
// item of the tuple, read in Go (CPython's _collections._tuplegetter), so
// p.x costs no Python frame.
func tupleGetter(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("_tuplegetter", args, 1); err != nil {
		return vm.Undef, err
	}
	if !args[0].IsInt() {
		return vm.Undef, vm.Errorf(vm.TypeError, "'%s' object cannot be interpreted as an integer", args[0].TypeName())
	}
	index := int(args[0].AsInt())
	return vm.NewBuiltin("get", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("get", args, 1); err != nil {
			return vm.Undef, err
		}
		items, ok := vm.TupleItems(args[0])
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "descriptor for index '%d' for tuple subclasses doesn't apply to '%s' object", index, args[0].TypeName())
		}
		if index < 0 || index >= len(items) {
			return vm.Undef, vm.Errorf(vm.IndexError, "tuple index out of range")
		}
		return items[index], nil
	}), nil
}

// GetAttr gives deque.maxlen (None when unbounded).
func (d *deque) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	if name == "maxlen" {
		if d.maxlen < 0 {
			return vm.None, true, nil
		}
		return vm.Int(int64(d.maxlen)), true, nil
	}
	return vm.Undef, false, nil
}
