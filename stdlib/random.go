package stdlib

import (
	"math"
	"math/big"

	"github.com/asylang/asy/internal/fmath"
	"github.com/asylang/asy/vm"
)

// The random module: random.Random instances wrap an mt19937; the module
// functions are the methods of one hidden instance, as in CPython.

var randomType = vm.NewNativeClass("Random", "random", nil, newRandomObj)

type randomObj struct{ mt mt19937 }

func (*randomObj) Class() *vm.Class { return randomType }

func newRandomObj(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if cls.Builtin {
		// Random.__init__(self, x=None), as CPython's Python half has it.
		if len(args) > 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "Random.__init__() takes from 1 to 2 positional arguments but %d were given", len(args)+1)
		}
		for _, a := range kw {
			if a.Name != "x" || len(args) > 0 {
				return vm.Undef, vm.Errorf(vm.TypeError, "Random.__init__() got an unexpected keyword argument '%s'", a.Name)
			}
			args = []vm.Value{a.Val}
		}
	}
	r := &randomObj{}
	seed := vm.None
	if len(args) > 0 {
		seed = args[0]
	}
	if err := r.seed(t, seed); err != nil {
		return vm.Undef, err
	}
	return vm.Obj(r), nil
}

func (r *randomObj) seed(t *vm.Thread, a vm.Value) error {
	switch {
	case a.IsNone() || a.IsUndef():
		r.mt.seedRandom()
	case vm.IsIntLike(a):
		r.mt.seedBig(vm.AsBig(a))
	case a.Kind() == vm.KFloat:
		h, err := t.Hash(a)
		if err != nil {
			return err
		}
		r.mt.seedBig(big.NewInt(int64(h)))
	default:
		if s, ok := a.StrOf(); ok {
			r.mt.seedBytes([]byte(s))
			return nil
		}
		if b, ok := a.AsObj().(*vm.Bytes); ok {
			r.mt.seedBytes(b.Data())
			return nil
		}
		return vm.Errorf(vm.TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
	}
	return nil
}

func randSelf(args []vm.Value) *randomObj { return args[0].AsObj().(*randomObj) }

// intArg converts randrange arguments: ints, or floats with integral values.
func randInt(t *vm.Thread, v vm.Value, which string) (*big.Int, error) {
	if vm.IsIntLike(v) {
		return vm.AsBig(v), nil
	}
	if v.Kind() == vm.KFloat {
		f := v.AsFloat()
		if f != math.Trunc(f) {
			return nil, vm.Errorf(vm.ValueError, "non-integer %s for randrange()", which)
		}
		iv, err := vm.FloatToInt(f)
		if err != nil {
			return nil, err
		}
		return vm.AsBig(iv), nil
	}
	if b, err := t.IndexBig(v); err == nil {
		return b, nil
	}
	// CPython 3.11 still falls back on int() (with a DeprecationWarning):
	// randrange('x') is int's ValueError.
	iv, err := t.Call(vm.Obj(vm.IntType), []vm.Value{v}, nil)
	if err != nil {
		return nil, err
	}
	if eq, err := t.Equal(iv, v); err != nil || !eq {
		if err != nil {
			return nil, err
		}
		return nil, vm.Errorf(vm.ValueError, "non-integer %s for randrange()", which)
	}
	return vm.AsBig(iv), nil
}

func (r *randomObj) randrange(t *vm.Thread, start, stop, step vm.Value) (vm.Value, error) {
	istart, err := randInt(t, start, "arg 1")
	if err != nil {
		return vm.Undef, err
	}
	if stop.IsUndef() || stop.IsNone() {
		if !step.IsUndef() && !(step.IsInt() && step.AsInt() == 1) {
			return vm.Undef, vm.Errorf(vm.TypeError, "Missing a non-None stop argument")
		}
		if istart.Sign() > 0 {
			return vm.BigInt(r.mt.randbelow(istart)), nil
		}
		return vm.Undef, vm.Errorf(vm.ValueError, "empty range for randrange()")
	}
	istop, err := randInt(t, stop, "stop")
	if err != nil {
		return vm.Undef, err
	}
	width := new(big.Int).Sub(istop, istart)
	istep := big.NewInt(1)
	if !step.IsUndef() {
		if istep, err = randInt(t, step, "step"); err != nil {
			return vm.Undef, err
		}
	}
	if istep.Cmp(big.NewInt(1)) == 0 {
		if width.Sign() > 0 {
			return vm.BigInt(new(big.Int).Add(istart, r.mt.randbelow(width))), nil
		}
		return vm.Undef, vm.Errorf(vm.ValueError, "empty range for randrange() (%s, %s, %s)", istart, istop, width)
	}
	var n *big.Int
	switch istep.Sign() {
	case 1:
		n = new(big.Int).Add(width, istep)
		n.Sub(n, big.NewInt(1))
		n = floorDiv(n, istep)
	case -1:
		n = new(big.Int).Add(width, istep)
		n.Add(n, big.NewInt(1))
		n = floorDiv(n, istep)
	default:
		return vm.Undef, vm.Errorf(vm.ValueError, "zero step for randrange()")
	}
	if n.Sign() <= 0 {
		return vm.Undef, vm.Errorf(vm.ValueError, "empty range for randrange()")
	}
	res := new(big.Int).Mul(istep, r.mt.randbelow(n))
	return vm.BigInt(res.Add(res, istart)), nil
}

func floorDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
	}
	return q
}

func init() {
	m := randomType.AddMethod
	m("__init__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return vm.None, nil })
	m("seed", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("seed", args[1:], kw, 0, "a", "version")
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, randSelf(args).seed(t, a[0])
	})
	m("random", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("Random.random", kw); err != nil {
			return vm.Undef, err
		}
		if err := vm.MethodArgs("Random", "random", args[1:], 0, 0); err != nil {
			return vm.Undef, err
		}
		return vm.Float(randSelf(args).mt.random()), nil
	})
	m("getrandbits", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("Random.getrandbits", kw); err != nil {
			return vm.Undef, err
		}
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "getrandbits() takes exactly one argument (%d given)", len(args)-1)
		}
		k, err := t.AsCInt(args[1])
		if err != nil {
			return vm.Undef, err
		}
		if k < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "number of bits must be non-negative")
		}
		if k == 0 {
			return vm.Int(0), nil
		}
		return vm.BigInt(randSelf(args).mt.getrandbits(int(k))), nil
	})
	m("randrange", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("randrange", args[1:], kw, 1, "start", "stop", "step")
		if err != nil {
			return vm.Undef, err
		}
		return randSelf(args).randrange(t, a[0], a[1], a[2])
	})
	m("randint", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("randint", args[1:], kw, 2, "a", "b")
		if err != nil {
			return vm.Undef, err
		}
		b1, err := t.BinaryOp("+", a[1], vm.Int(1))
		if err != nil {
			return vm.Undef, err
		}
		return randSelf(args).randrange(t, a[0], b1, vm.Undef)
	})
	m("choice", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "choice() missing 1 required positional argument: 'seq'")
		}
		n, err := t.Len(args[1])
		if err != nil {
			return vm.Undef, err
		}
		if n == 0 {
			return vm.Undef, vm.Errorf(vm.IndexError, "Cannot choose from an empty sequence")
		}
		return t.GetItem(args[1], vm.Int(int64(randSelf(args).mt.randbelowInt(n))))
	})
	m("shuffle", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "shuffle() missing 1 required positional argument: 'x'")
		}
		x := args[1]
		n, err := t.Len(x)
		if err != nil {
			return vm.Undef, err
		}
		r := randSelf(args)
		for i := n - 1; i >= 1; i-- {
			j := r.mt.randbelowInt(i + 1)
			a, err := t.GetItem(x, vm.Int(int64(i)))
			if err != nil {
				return vm.Undef, err
			}
			b, err := t.GetItem(x, vm.Int(int64(j)))
			if err != nil {
				return vm.Undef, err
			}
			if err := t.SetItem(x, vm.Int(int64(i)), b); err != nil {
				return vm.Undef, err
			}
			if err := t.SetItem(x, vm.Int(int64(j)), a); err != nil {
				return vm.Undef, err
			}
		}
		return vm.None, nil
	})
	m("sample", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("sample", args[1:], kw, 2, "population", "k", "counts")
		if err != nil {
			return vm.Undef, err
		}
		pop := a[0]
		switch pop.AsObj().(type) {
		case *vm.Set, *vm.FrozenSet, *vm.Dict:
			return vm.Undef, vm.Errorf(vm.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
		}
		items, err := t.ToList(pop)
		if err != nil {
			return vm.Undef, err
		}
		n := len(items)
		k64, err := t.AsInt64(a[1])
		if err != nil {
			return vm.Undef, err
		}
		k := int(k64)
		if k < 0 || k > n {
			return vm.Undef, vm.Errorf(vm.ValueError, "Sample larger than population or is negative")
		}
		r := randSelf(args)
		result := make([]vm.Value, k)
		setsize := 21
		if k > 5 {
			setsize += int(math.Pow(4, math.Ceil(fmath.Log(float64(k*3))/fmath.Log(4))))
		}
		if n <= setsize {
			pool := append([]vm.Value(nil), items...)
			for i := 0; i < k; i++ {
				j := r.mt.randbelowInt(n - i)
				result[i] = pool[j]
				pool[j] = pool[n-i-1]
			}
		} else {
			selected := map[int]bool{}
			for i := 0; i < k; i++ {
				j := r.mt.randbelowInt(n)
				for selected[j] {
					j = r.mt.randbelowInt(n)
				}
				selected[j] = true
				result[i] = items[j]
			}
		}
		return vm.Obj(vm.NewList(result)), nil
	})
	m("uniform", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("uniform", args[1:], kw, 2, "a", "b")
		if err != nil {
			return vm.Undef, err
		}
		x, err := vm.AsFloat(a[0])
		if err != nil {
			return vm.Undef, err
		}
		y, err := vm.AsFloat(a[1])
		if err != nil {
			return vm.Undef, err
		}
		return vm.Float(x + (y-x)*randSelf(args).mt.random()), nil
	})
	m("choices", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("choices", args[1:], kw, 1, "population", "weights", "cum_weights", "k")
		if err != nil {
			return vm.Undef, err
		}
		pop, err := t.ToList(a[0])
		if err != nil {
			return vm.Undef, err
		}
		k := 1
		if !a[3].IsUndef() {
			k64, err := t.AsInt64(a[3])
			if err != nil {
				return vm.Undef, err
			}
			k = int(k64)
		}
		r := randSelf(args)
		n := len(pop)
		out := make([]vm.Value, 0, k)
		if a[2].IsUndef() || a[2].IsNone() {
			if a[1].IsUndef() || a[1].IsNone() {
				for i := 0; i < k; i++ {
					if n == 0 {
						return vm.Undef, vm.Errorf(vm.IndexError, "list index out of range")
					}
					out = append(out, pop[int(math.Floor(r.mt.random()*float64(n)))])
				}
				return vm.Obj(vm.NewList(out)), nil
			}
			ws, err := t.ToList(a[1])
			if err != nil {
				return vm.Undef, err
			}
			var cum []float64
			acc := vm.Int(0)
			for _, w := range ws {
				acc, err = t.BinaryOp("+", acc, w)
				if err != nil {
					return vm.Undef, err
				}
				f, _ := vm.AsFloat(acc)
				cum = append(cum, f)
			}
			return choicesCum(r, pop, cum, k)
		}
		if !(a[1].IsUndef() || a[1].IsNone()) {
			return vm.Undef, vm.Errorf(vm.TypeError, "Cannot specify both weights and cumulative weights")
		}
		cws, err := t.ToList(a[2])
		if err != nil {
			return vm.Undef, err
		}
		cum := make([]float64, len(cws))
		for i, c := range cws {
			cum[i], _ = vm.AsFloat(c)
		}
		return choicesCum(r, pop, cum, k)
	})
	m("gauss", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		mu, sigma, err := muSigma(args, kw, "gauss")
		if err != nil {
			return vm.Undef, err
		}
		r := randSelf(args)
		var z float64
		if r.mt.hasGaussNext {
			z = r.mt.gaussNext
			r.mt.hasGaussNext = false
		} else {
			x2pi := r.mt.random() * 2 * math.Pi
			g2rad := math.Sqrt(-2.0 * fmath.Log(1.0-r.mt.random()))
			z = fmath.Cos(x2pi) * g2rad
			r.mt.gaussNext = fmath.Sin(x2pi) * g2rad
			r.mt.hasGaussNext = true
		}
		return vm.Float(mu + z*sigma), nil
	})
	m("normalvariate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		mu, sigma, err := muSigma(args, kw, "normalvariate")
		if err != nil {
			return vm.Undef, err
		}
		return vm.Float(randSelf(args).normal(mu, sigma)), nil
	})
	m("expovariate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		for _, a := range kw {
			if a.Name != "lambd" || len(args) != 1 {
				return vm.Undef, vm.Errorf(vm.TypeError, "Random.expovariate() got an unexpected keyword argument '%s'", a.Name)
			}
			args = append(args, a.Val)
		}
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "expovariate() missing 1 required positional argument: 'lambd'")
		}
		l, err := vm.AsFloat(args[1])
		if err != nil {
			return vm.Undef, err
		}
		return vm.Float(-fmath.Log(1.0-randSelf(args).mt.random()) / l), nil
	})
	m("triangular", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("triangular", args[1:], kw, 0, "low", "high", "mode")
		if err != nil {
			return vm.Undef, err
		}
		low, high := 0.0, 1.0
		if !a[0].IsUndef() {
			if low, err = vm.AsFloat(a[0]); err != nil {
				return vm.Undef, err
			}
		}
		if !a[1].IsUndef() {
			if high, err = vm.AsFloat(a[1]); err != nil {
				return vm.Undef, err
			}
		}
		u := randSelf(args).mt.random()
		c := 0.5
		if !a[2].IsUndef() && !a[2].IsNone() {
			mode, err := vm.AsFloat(a[2])
			if err != nil {
				return vm.Undef, err
			}
			if high == low {
				return vm.Float(low), nil
			}
			c = (mode - low) / (high - low)
		}
		if u > c {
			u, c = 1.0-u, 1.0-c
			low, high = high, low
		}
		return vm.Float(low + (high-low)*math.Sqrt(u*c)), nil
	})
	m("getstate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 || len(kw) > 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "Random.getstate() takes 1 positional argument but %d were given", len(args))
		}
		r := randSelf(args)
		words := make([]vm.Value, 625)
		for i, w := range r.mt.state {
			words[i] = vm.Int(int64(w))
		}
		words[624] = vm.Int(int64(r.mt.index))
		gn := vm.None
		if r.mt.hasGaussNext {
			gn = vm.Float(r.mt.gaussNext)
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(3), vm.Obj(vm.NewTuple(words)), gn})), nil
	})
	m("setstate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 || len(kw) > 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "Random.setstate() missing 1 required positional argument: 'state'")
		}
		return vm.None, randSelf(args).setState(t, args[1])
	})
}

func muSigma(args []vm.Value, kw []vm.KV, name string) (float64, float64, error) {
	a, err := vm.UnpackArgs(name, args[1:], kw, 0, "mu", "sigma")
	if err != nil {
		return 0, 0, err
	}
	mu, sigma := 0.0, 1.0
	if !a[0].IsUndef() {
		if mu, err = vm.AsFloat(a[0]); err != nil {
			return 0, 0, err
		}
	}
	if !a[1].IsUndef() {
		if sigma, err = vm.AsFloat(a[1]); err != nil {
			return 0, 0, err
		}
	}
	return mu, sigma, nil
}

func choicesCum(r *randomObj, pop []vm.Value, cum []float64, k int) (vm.Value, error) {
	n := len(pop)
	if len(cum) != n {
		return vm.Undef, vm.Errorf(vm.ValueError, "The number of weights does not match the population")
	}
	if n == 0 {
		return vm.Undef, vm.Errorf(vm.IndexError, "list index out of range")
	}
	total := cum[n-1]
	if total <= 0 {
		return vm.Undef, vm.Errorf(vm.ValueError, "Total of weights must be greater than zero")
	}
	hi := n - 1
	out := make([]vm.Value, k)
	for i := range out {
		x := r.mt.random() * total
		// bisect_right(cum, x, 0, hi)
		lo, h := 0, hi
		for lo < h {
			mid := (lo + h) / 2
			if x < cum[mid] {
				h = mid
			} else {
				lo = mid + 1
			}
		}
		out[i] = pop[lo]
	}
	return vm.Obj(vm.NewList(out)), nil
}

func randomModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("random", "")
	inst := &randomObj{}
	inst.mt.seedRandom()
	self := vm.Obj(inst)
	m.Set("Random", vm.Obj(randomType))
	for name, fn := range randomType.Dict {
		if name == "__init__" {
			continue
		}
		m.Set(name, vm.Obj(&vm.BoundMethod{Self: self, Fn: fn}))
	}
	return m, nil
}

func init() { register("random", randomModule) }

// setState is Random.setstate: (version 3 or 2, a tuple of 625 ints,
// gauss_next), checked as CPython checks it.
func (r *randomObj) setState(t *vm.Thread, state vm.Value) error {
	version, err := t.GetItem(state, vm.Int(0))
	if err != nil {
		return err
	}
	v := int64(0)
	for _, want := range []int64{3, 2} {
		eq, err := t.Equal(version, vm.Int(want))
		if err != nil {
			return err
		}
		if eq {
			v = want
			break
		}
	}
	if v == 0 {
		s, err := t.StrOf(version)
		if err != nil {
			return err
		}
		return vm.Errorf(vm.ValueError, "state with version %s passed to Random.setstate() of version 3", s)
	}
	parts, err := t.ToList(state)
	if err != nil {
		return err
	}
	if len(parts) > 3 {
		return vm.Errorf(vm.ValueError, "too many values to unpack (expected 3)")
	}
	if len(parts) < 3 {
		return vm.Errorf(vm.ValueError, "not enough values to unpack (expected 3, got %d)", len(parts))
	}
	tup, ok := parts[1].AsObj().(*vm.Tuple)
	if !ok || parts[1].Kind() != vm.KObj {
		if v == 2 {
			// Version 2 states are converted element by element first.
			if _, err := t.ToList(parts[1]); err != nil {
				return err
			}
		}
		return vm.Errorf(vm.TypeError, "state vector must be a tuple")
	}
	words := tup.Items()
	if len(words) != 625 {
		return vm.Errorf(vm.ValueError, "state vector is the wrong size")
	}
	var words32 [624]uint32
	for i, w := range words {
		b := vm.AsBig(w)
		if b == nil {
			return vm.Errorf(vm.TypeError, "an integer is required")
		}
		if i == 624 { // the index, a C long
			if !b.IsInt64() {
				return vm.Errorf(vm.OverflowError, "Python int too large to convert to C long")
			}
			if b.Sign() < 0 || b.Int64() > 624 {
				return vm.Errorf(vm.ValueError, "invalid state")
			}
			break
		}
		if v == 2 {
			b = new(big.Int).Mod(b, new(big.Int).Lsh(big.NewInt(1), 32))
		}
		if b.Sign() < 0 {
			return vm.Errorf(vm.OverflowError, "can't convert negative value to unsigned int")
		}
		if b.BitLen() > 64 {
			return vm.Errorf(vm.OverflowError, "Python int too large to convert to C unsigned long")
		}
		words32[i] = uint32(b.Uint64())
	}
	r.mt.state = words32
	r.mt.index = int(vm.AsBig(words[624]).Int64())
	r.mt.hasGaussNext = !parts[2].IsNone()
	if r.mt.hasGaussNext {
		r.mt.gaussNext, _ = vm.AsFloat(parts[2])
	}
	return nil
}
