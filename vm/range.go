package vm

import (
	"fmt"
	"math"
	"math/big"
)

// Range is an immutable range(start, stop, step). Ranges whose bounds, step
// and length fit in int64 (step > MinInt64) keep them inline, so that loops
// over them allocate nothing; any other range (range(10**30)) keeps them as
// big ints in big, and the inline fields are unused.
type Range struct {
	start, stop, step int64
	big               *bigRange
}

// bigRange is a range with some part beyond int64; n is its length.
type bigRange struct{ start, stop, step, n *big.Int }

func (*Range) Class() *Class { return RangeType }

// Len is the number of elements of a small range (see lenBig for any).
func (r *Range) Len() int64 {
	if r.big != nil {
		if r.big.n.IsInt64() {
			return r.big.n.Int64()
		}
		return math.MaxInt64
	}
	return int64(r.lenU64())
}

// lenU64 is the length of an inline range; it may exceed MaxInt64, which
// newRange does not keep inline.
func (r *Range) lenU64() uint64 {
	if r.step > 0 && r.start < r.stop {
		return (uint64(r.stop-r.start)-1)/uint64(r.step) + 1
	}
	if r.step < 0 && r.start > r.stop {
		return (uint64(r.start-r.stop)-1)/uint64(-r.step) + 1
	}
	return 0
}

// parts returns start, stop, step and the length as big ints.
func (r *Range) parts() (start, stop, step, n *big.Int) {
	if r.big != nil {
		return r.big.start, r.big.stop, r.big.step, r.big.n
	}
	return big.NewInt(r.start), big.NewInt(r.stop), big.NewInt(r.step), big.NewInt(r.Len())
}

// newRangeBig makes range(start, stop, step) (step != 0), inline when it fits.
func newRangeBig(start, stop, step *big.Int) *Range {
	n := rangeLen(start, stop, step)
	if start.IsInt64() && stop.IsInt64() && step.IsInt64() && n.IsInt64() && step.Int64() != math.MinInt64 {
		return &Range{start: start.Int64(), stop: stop.Int64(), step: step.Int64()}
	}
	return &Range{big: &bigRange{start: start, stop: stop, step: step, n: n}}
}

// rangeLen is the number of elements of range(start, stop, step).
func rangeLen(start, stop, step *big.Int) *big.Int {
	lo, hi, st := start, stop, step
	if step.Sign() < 0 {
		lo, hi, st = stop, start, new(big.Int).Neg(step)
	}
	if lo.Cmp(hi) >= 0 {
		return new(big.Int)
	}
	// (hi - lo - 1) // st + 1
	d := new(big.Int).Sub(hi, lo)
	d.Sub(d, big.NewInt(1))
	d.Quo(d, st)
	return d.Add(d, big.NewInt(1))
}

// at is the i-th element (0 <= i < n).
func (r *Range) at(i *big.Int) Value {
	start, _, step, _ := r.parts()
	v := new(big.Int).Mul(i, step)
	return BigInt(v.Add(v, start))
}

// bigIndex converts an int-like value (int, bool, __index__) to a big int.
func (t *Thread) bigIndex(v Value) (*big.Int, bool, error) {
	if b, ok := v.o.(*BigIntObj); ok {
		return b.v, true, nil
	}
	if inst, ok := v.o.(*Instance); ok {
		if m, ok := t.lookupSpecial(v, "__index__"); ok {
			r, err := t.callBound(m, v, nil, nil)
			if err != nil {
				return nil, true, err
			}
			if !r.isIntLike() {
				return nil, true, Errorf(TypeError, "__index__ returned non-int (type %s)", r.TypeName())
			}
			return r.bigOf(), true, nil
		}
		if !inst.Payload().IsUndef() && inst.Payload().isIntLike() {
			return inst.Payload().bigOf(), true, nil
		}
		return nil, false, nil
	}
	if v.isInt() || v.isBool() {
		return big.NewInt(int64(v.n)), true, nil
	}
	return nil, false, nil
}

func newRange(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
	if err := NoKwargs("range", kw); err != nil {
		return Undef, err
	}
	if len(args) == 0 {
		return Undef, Errorf(TypeError, "range expected at least 1 argument, got 0")
	}
	if len(args) > 3 {
		return Undef, Errorf(TypeError, "range expected at most 3 arguments, got %d", len(args))
	}
	// The common case: int64 bounds.
	small := true
	var n [3]int64
	for i, a := range args {
		if !a.isInt() && !a.isBool() {
			small = false
			break
		}
		n[i] = int64(a.n)
	}
	if small {
		r := &Range{start: 0, stop: n[0], step: 1}
		switch len(args) {
		case 2:
			r = &Range{start: n[0], stop: n[1], step: 1}
		case 3:
			if n[2] == 0 {
				return Undef, Errorf(ValueError, "range() arg 3 must not be zero")
			}
			r = &Range{start: n[0], stop: n[1], step: n[2]}
		}
		if r.step != math.MinInt64 && r.lenU64() <= math.MaxInt64 {
			return Obj(r), nil
		}
	}
	var b [3]*big.Int
	for i, a := range args {
		x, ok, err := t.bigIndex(a)
		if err != nil {
			return Undef, err
		}
		if !ok {
			return Undef, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", a.TypeName())
		}
		b[i] = x
	}
	switch len(args) {
	case 1:
		return Obj(newRangeBig(new(big.Int), b[0], big.NewInt(1))), nil
	case 2:
		return Obj(newRangeBig(b[0], b[1], big.NewInt(1))), nil
	}
	if b[2].Sign() == 0 {
		return Undef, Errorf(ValueError, "range() arg 3 must not be zero")
	}
	return Obj(newRangeBig(b[0], b[1], b[2])), nil
}

// rangeLenOf is len(range): CPython's error when it exceeds a C ssize_t.
func rangeLenOf(r *Range) (int, error) {
	if r.big != nil && !r.big.n.IsInt64() {
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	return int(r.Len()), nil
}

func (r *Range) truth() bool {
	if r.big != nil {
		return r.big.n.Sign() > 0
	}
	return r.Len() > 0
}

// getItem is r[key] for an index or a slice.
func (t *Thread) rangeGetItem(r *Range, key Value) (Value, error) {
	if s, ok := key.o.(*SliceObj); ok {
		return t.rangeSlice(r, s)
	}
	if r.big == nil && (key.isInt() || key.isBool()) {
		i, n := int64(key.n), r.Len()
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Undef, Errorf(IndexError, "range object index out of range")
		}
		return Int(r.start + i*r.step), nil
	}
	i, ok, err := t.bigIndex(key)
	if err != nil {
		return Undef, err
	}
	if !ok {
		return Undef, Errorf(TypeError, "range indices must be integers or slices, not %s", key.TypeName())
	}
	_, _, _, n := r.parts()
	if i.Sign() < 0 {
		i = new(big.Int).Add(i, n)
	}
	if i.Sign() < 0 || i.Cmp(n) >= 0 {
		return Undef, Errorf(IndexError, "range object index out of range")
	}
	return r.at(i), nil
}

// rangeSlice is r[s]: the range of the selected elements.
func (t *Thread) rangeSlice(r *Range, s *SliceObj) (Value, error) {
	start, _, step, n := r.parts()
	a, b, c, err := t.bigSliceIndices(s, n)
	if err != nil {
		return Undef, err
	}
	lo := new(big.Int).Mul(a, step)
	lo.Add(lo, start)
	hi := new(big.Int).Mul(b, step)
	hi.Add(hi, start)
	return Obj(newRangeBig(lo, hi, new(big.Int).Mul(step, c))), nil
}

// bigSliceIndices is slice.indices(n) in big ints (CPython's
// _PySlice_GetLongIndices): bounds are clipped, nothing overflows.
func (t *Thread) bigSliceIndices(s *SliceObj, n *big.Int) (start, stop, step *big.Int, err error) {
	bad := Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
	step = big.NewInt(1)
	if !s.step.IsNone() {
		x, ok, err := t.bigIndex(s.step)
		if err != nil {
			return nil, nil, nil, err
		}
		if !ok {
			return nil, nil, nil, bad
		}
		if x.Sign() == 0 {
			return nil, nil, nil, Errorf(ValueError, "slice step cannot be zero")
		}
		step = x
	}
	neg := step.Sign() < 0
	lower, upper := new(big.Int), n
	if neg {
		lower = big.NewInt(-1)
		upper = new(big.Int).Add(n, lower)
	}
	conv := func(v Value, def *big.Int) (*big.Int, error) {
		if v.IsNone() {
			return def, nil
		}
		x, ok, err := t.bigIndex(v)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, bad
		}
		x = new(big.Int).Set(x)
		if x.Sign() < 0 {
			x.Add(x, n)
			if x.Cmp(lower) < 0 {
				x.Set(lower)
			}
		} else if x.Cmp(upper) > 0 {
			x.Set(upper)
		}
		return x, nil
	}
	defStart, defStop := lower, upper
	if neg {
		defStart, defStop = upper, lower
	}
	if start, err = conv(s.start, defStart); err != nil {
		return nil, nil, nil, err
	}
	if stop, err = conv(s.stop, defStop); err != nil {
		return nil, nil, nil, err
	}
	return start, stop, step, nil
}

// rangeContains is `item in r`: arithmetic for ints, comparison otherwise.
func rangeContains(t *Thread, r *Range, item Value) (bool, error) {
	if r.big == nil && (item.isInt() || item.isBool()) {
		x := int64(item.n)
		if r.step > 0 {
			if x < r.start || x >= r.stop {
				return false, nil
			}
		} else if x > r.start || x <= r.stop {
			return false, nil
		}
		// The differences fit in uint64 even when they overflow int64.
		if r.step > 0 {
			return uint64(x-r.start)%uint64(r.step) == 0, nil
		}
		return uint64(r.start-x)%uint64(-r.step) == 0, nil
	}
	if x, ok := exactInt(item); ok {
		return r.containsInt(x), nil
	}
	found := false
	err := r.each(t, func(v Value) (bool, error) {
		eq, err := t.Equal(v, item)
		found = eq
		return eq, err
	})
	return found, err
}

// exactInt is an int or bool (not a subclass, whose == may differ).
func exactInt(v Value) (*big.Int, bool) {
	switch v.kind() {
	case KInt, KBool:
		return big.NewInt(int64(v.n)), true
	case KObj:
		if b, ok := v.o.(*BigIntObj); ok {
			return b.v, true
		}
	}
	return nil, false
}

func (r *Range) containsInt(x *big.Int) bool {
	start, stop, step, _ := r.parts()
	if step.Sign() > 0 {
		if x.Cmp(start) < 0 || x.Cmp(stop) >= 0 {
			return false
		}
	} else if x.Cmp(start) > 0 || x.Cmp(stop) <= 0 {
		return false
	}
	d := new(big.Int).Sub(x, start)
	return d.Rem(d, step).Sign() == 0
}

// each calls f on the elements in order until it returns true or an error.
// Each element counts as a loop iteration (Ctrl-C, step limits, other threads).
func (r *Range) each(t *Thread, f func(Value) (bool, error)) error {
	start, _, step, n := r.parts()
	v := new(big.Int).Set(start)
	for i := new(big.Int); i.Cmp(n) < 0; i.Add(i, big.NewInt(1)) {
		if err := t.checkpoint(); err != nil {
			return err
		}
		stop, err := f(BigInt(new(big.Int).Set(v)))
		if err != nil || stop {
			return err
		}
		v.Add(v, step)
	}
	return nil
}

// rangeEqual: ranges are equal when they hold the same elements.
func rangeEqual(x, y *Range) bool {
	xs, _, xst, xn := x.parts()
	ys, _, yst, yn := y.parts()
	if xn.Cmp(yn) != 0 {
		return false
	}
	if xn.Sign() == 0 {
		return true
	}
	if xs.Cmp(ys) != 0 {
		return false
	}
	return xn.Cmp(big.NewInt(1)) == 0 || xst.Cmp(yst) == 0
}

// hash is CPython's: that of (len, start, step), with None for the parts
// that do not matter (start and step of an empty range, step of one element).
func (t *Thread) rangeHash(r *Range) (uint64, error) {
	start, _, step, n := r.parts()
	parts := []Value{BigInt(n), None, None}
	if n.Sign() != 0 {
		parts[1] = BigInt(start)
		if n.Cmp(big.NewInt(1)) != 0 {
			parts[2] = BigInt(step)
		}
	}
	return t.Hash(Obj(NewTuple(parts)))
}

func (r *Range) repr() string {
	start, stop, step, _ := r.parts()
	if step.Cmp(big.NewInt(1)) == 0 {
		return fmt.Sprintf("range(%s, %s)", start, stop)
	}
	return fmt.Sprintf("range(%s, %s, %s)", start, stop, step)
}

// bigRangeIter iterates a big range (either direction).
type bigRangeIter struct {
	cur, step *big.Int
	left      *big.Int // elements still to come
}

func (*bigRangeIter) Class() *Class { return LongRangeIterType }
func (it *bigRangeIter) Next(t *Thread) (Value, bool, error) {
	if it.left.Sign() <= 0 {
		return Undef, false, nil
	}
	v := BigInt(new(big.Int).Set(it.cur))
	it.cur.Add(it.cur, it.step)
	it.left.Sub(it.left, big.NewInt(1))
	return v, true, nil
}

// rangeIterOf is iter(r), or reversed(r) when reverse.
func rangeIterOf(r *Range, reverse bool) Object {
	if r.big == nil {
		n := r.Len()
		if reverse {
			return &rangeIter{cur: r.start + (n-1)*r.step, step: -r.step, n: n}
		}
		return &rangeIter{cur: r.start, step: r.step, n: n}
	}
	start, _, step, n := r.parts()
	if !reverse {
		return &bigRangeIter{cur: new(big.Int).Set(start), step: step, left: new(big.Int).Set(n)}
	}
	last := new(big.Int).Sub(n, big.NewInt(1))
	last.Mul(last, step)
	last.Add(last, start)
	return &bigRangeIter{cur: last, step: new(big.Int).Neg(step), left: new(big.Int).Set(n)}
}

func init() {
	prop := func(name string, get func(start, stop, step *big.Int) *big.Int) {
		RangeType.Dict[name] = Obj(&Property{fget: NewBuiltin(name, func(t *Thread, args []Value, kw []KV) (Value, error) {
			r := args[0].o.(*Range)
			if r.big == nil {
				switch name {
				case "start":
					return Int(r.start), nil
				case "stop":
					return Int(r.stop), nil
				}
				return Int(r.step), nil
			}
			return BigInt(get(r.big.start, r.big.stop, r.big.step)), nil
		})})
	}
	prop("start", func(a, b, c *big.Int) *big.Int { return a })
	prop("stop", func(a, b, c *big.Int) *big.Int { return b })
	prop("step", func(a, b, c *big.Int) *big.Int { return c })
	m := RangeType.AddMethod
	m("count", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "range.count() takes exactly one argument (%d given)", len(args)-1)
		}
		r := args[0].o.(*Range)
		if x, ok := exactInt(args[1]); ok {
			if r.containsInt(x) {
				return Int(1), nil
			}
			return Int(0), nil
		}
		count := 0
		err := r.each(t, func(v Value) (bool, error) {
			eq, err := t.Equal(v, args[1])
			if eq {
				count++
			}
			return false, err
		})
		return Int(int64(count)), err
	})
	m("index", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "range.index() takes exactly one argument (%d given)", len(args)-1)
		}
		r := args[0].o.(*Range)
		if x, ok := exactInt(args[1]); ok {
			if !r.containsInt(x) {
				s, err := t.Repr(args[1])
				if err != nil {
					return Undef, err
				}
				return Undef, Errorf(ValueError, "%s is not in range", s)
			}
			start, _, step, _ := r.parts()
			d := new(big.Int).Sub(x, start)
			return BigInt(d.Quo(d, step)), nil
		}
		i, found := int64(0), false
		err := r.each(t, func(v Value) (bool, error) {
			eq, err := t.Equal(v, args[1])
			if eq {
				found = true
			} else {
				i++
			}
			return eq, err
		})
		if err != nil {
			return Undef, err
		}
		if !found {
			return Undef, Errorf(ValueError, "sequence.index(x): x not in sequence")
		}
		return Int(i), nil
	})
	m("__reversed__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 1 {
			return Undef, Errorf(TypeError, "range.__reversed__() takes no arguments (%d given)", len(args)-1)
		}
		return Obj(rangeIterOf(args[0].o.(*Range), true)), nil
	})
	m("__len__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := wrapperArgs(args, 0); err != nil {
			return Undef, err
		}
		n, err := rangeLenOf(args[0].o.(*Range))
		return Int(int64(n)), err
	})
	m("__getitem__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := wrapperArgs(args, 1); err != nil {
			return Undef, err
		}
		return t.rangeGetItem(args[0].o.(*Range), args[1])
	})
	m("__contains__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := wrapperArgs(args, 1); err != nil {
			return Undef, err
		}
		ok, err := rangeContains(t, args[0].o.(*Range), args[1])
		return Bool(ok), err
	})
	m("__iter__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := wrapperArgs(args, 0); err != nil {
			return Undef, err
		}
		return Obj(rangeIterOf(args[0].o.(*Range), false)), nil
	})
}

// wrapperArgs checks the arguments (after self) of a slot wrapper such as
// __len__, in CPython's words.
func wrapperArgs(args []Value, n int) error {
	if len(args)-1 != n {
		return Errorf(TypeError, "expected %d argument%s, got %d", n, plural(n), len(args)-1)
	}
	return nil
}
