package stdlib

import (
	"math"
	"math/big"

	"github.com/asylang/asy/internal/fmath"
	"github.com/asylang/asy/vm"
)

func mathDomain() error { return vm.Errorf(vm.ValueError, "math domain error") }

func floatArg(t *vm.Thread, name string, v vm.Value) (float64, error) {
	f, err := t.ToFloat(v)
	if err != nil {
		if vm.IsInstanceOf(err, vm.OverflowError) {
			return 0, err
		}
		return 0, vm.Errorf(vm.TypeError, "must be real number, not %s", v.TypeName())
	}
	return f, nil
}

func mathModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("math", "")
	m.Set("pi", vm.Float(math.Pi))
	m.Set("e", vm.Float(math.E))
	m.Set("tau", vm.Float(2*math.Pi))
	m.Set("inf", vm.Float(math.Inf(1)))
	m.Set("nan", vm.Float(vm.NaN()))
	// Only isclose and prod take keyword arguments.
	fn := func(name string, f vm.BuiltinFunc) {
		if name != "isclose" && name != "prod" {
			inner := f
			f = func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
				// The name is built only on the error path: a concatenation per
				// call was a fifth of math.sqrt's cost in a float loop.
				if len(kw) > 0 {
					return vm.Undef, vm.NoKwargs("math."+name, kw)
				}
				return inner(t, args, kw)
			}
		}
		m.Set(name, vm.NewBuiltin(name, f))
	}
	unary := func(name string, f func(float64) (float64, error)) {
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Undef, vm.ExactArgs("math."+name, args, 1)
			}
			x, err := floatArg(t, name, args[0])
			if err != nil {
				return vm.Undef, err
			}
			r, err := f(x)
			if err != nil {
				return vm.Undef, err
			}
			if math.IsInf(r, 0) && !math.IsInf(x, 0) {
				return vm.Undef, vm.Errorf(vm.OverflowError, "math range error")
			}
			return vm.Float(r), nil
		})
	}
	domain := func(f func(float64) float64, ok func(float64) bool) func(float64) (float64, error) {
		return func(x float64) (float64, error) {
			if !ok(x) {
				return 0, mathDomain()
			}
			return f(x), nil
		}
	}
	any := func(float64) bool { return true }
	unary("sqrt", domain(math.Sqrt, func(x float64) bool { return x >= 0 || math.IsNaN(x) }))
	unary("exp", domain(fmath.Exp, any))
	unary("exp2", domain(fmath.Exp2, any))
	unary("cbrt", domain(math.Cbrt, any))
	unary("log1p", domain(math.Log1p, func(x float64) bool { return x > -1 }))
	unary("expm1", domain(math.Expm1, any))
	unary("sin", domain(fmath.Sin, func(x float64) bool { return !math.IsInf(x, 0) }))
	unary("cos", domain(fmath.Cos, func(x float64) bool { return !math.IsInf(x, 0) }))
	unary("tan", domain(fmath.Tan, func(x float64) bool { return !math.IsInf(x, 0) }))
	unary("asin", domain(fmath.Asin, func(x float64) bool { return x >= -1 && x <= 1 }))
	unary("acos", domain(fmath.Acos, func(x float64) bool { return x >= -1 && x <= 1 }))
	unary("atan", domain(fmath.Atan, any))
	unary("sinh", domain(fmath.Sinh, any))
	unary("cosh", domain(fmath.Cosh, any))
	unary("tanh", domain(math.Tanh, any))
	unary("fabs", domain(math.Abs, any))
	unary("degrees", domain(func(x float64) float64 { return x * 180 / math.Pi }, any))
	unary("radians", domain(func(x float64) float64 { return x * math.Pi / 180 }, any))
	unary("gamma", domain(math.Gamma, func(x float64) bool { return !(x <= 0 && x == math.Trunc(x)) }))
	unary("lgamma", domain(func(x float64) float64 { r, _ := math.Lgamma(x); return r }, func(x float64) bool { return !(x <= 0 && x == math.Trunc(x)) }))
	unary("erf", domain(math.Erf, any))
	unary("erfc", domain(math.Erfc, any))
	// logOf is CPython's loghelper: an int too big for a float is
	// m * 2**e (m rounded to 53 bits) and its log f(m) + e*f(2).
	logOf := func(t *vm.Thread, name string, v vm.Value, f func(float64) float64) (float64, error) {
		if b := vm.AsBig(v); b != nil && vm.IsIntLike(v) {
			if b.Sign() <= 0 {
				return 0, mathDomain()
			}
			if x, _ := new(big.Float).SetInt(b).Float64(); !math.IsInf(x, 0) {
				return f(x), nil
			}
			mant := new(big.Float).SetPrec(53).SetInt(b)
			e := mant.MantExp(mant)
			m, _ := mant.Float64()
			return f(m) + float64(e)*f(2), nil
		}
		x, err := floatArg(t, name, v)
		if err != nil {
			return 0, err
		}
		if !(x > 0) && !math.IsNaN(x) {
			return 0, mathDomain()
		}
		return f(x), nil
	}
	fn("log", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 1 || len(args) > 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "math.log requires 1 to 2 arguments")
		}
		x, err := logOf(t, "log", args[0], fmath.Log)
		if err != nil {
			return vm.Undef, err
		}
		if len(args) == 2 {
			b, err := logOf(t, "log", args[1], fmath.Log)
			if err != nil {
				return vm.Undef, err
			}
			if b == 0 {
				return vm.Undef, vm.Errorf(vm.ZeroDivisionError, "float division by zero")
			}
			return vm.Float(x / b), nil
		}
		return vm.Float(x), nil
	})
	for _, lf := range []struct {
		name string
		f    func(float64) float64
	}{{"log2", fmath.Log2}, {"log10", fmath.Log10}} {
		lf := lf
		fn(lf.name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Undef, vm.ExactArgs("math."+lf.name, args, 1)
			}
			r, err := logOf(t, lf.name, args[0], lf.f)
			return vm.Float(r), err
		})
	}
	rounding := func(name string, f func(float64) float64, intOp func(*big.Int) *big.Int) {
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Undef, vm.ExactArgs("math."+name, args, 1)
			}
			if vm.IsIntLike(args[0]) {
				return vm.BigInt(vm.AsBig(args[0])), nil
			}
			if args[0].Kind() != vm.KFloat {
				// The type's own __floor__ (Decimal's may raise).
				if m, err := t.GetAttr(vm.Obj(args[0].Class()), "__"+name+"__"); err == nil {
					return t.Call(m, []vm.Value{args[0]}, nil)
				}
			}
			x, err := floatArg(t, name, args[0])
			if err != nil {
				return vm.Undef, err
			}
			return vm.FloatToInt(f(x))
		})
	}
	rounding("floor", math.Floor, nil)
	rounding("ceil", math.Ceil, nil)
	rounding("trunc", math.Trunc, nil)
	fn("pow", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "pow expected 2 arguments, got %d", len(args))
		}
		x, err := floatArg(t, "pow", args[0])
		if err != nil {
			return vm.Undef, err
		}
		y, err := floatArg(t, "pow", args[1])
		if err != nil {
			return vm.Undef, err
		}
		finite := !math.IsInf(x, 0) && !math.IsNaN(x) && !math.IsInf(y, 0) && !math.IsNaN(y)
		if finite && (x == 0 && y < 0 || x < 0 && y != math.Trunc(y)) {
			return vm.Undef, mathDomain()
		}
		r := fmath.Pow(x, y)
		if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
			return vm.Undef, vm.Errorf(vm.OverflowError, "math range error")
		}
		return vm.Float(r), nil
	})
	binary := func(name string, f func(x, y float64) float64) {
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(args) != 2 {
				return vm.Undef, vm.Errorf(vm.TypeError, "%s expected 2 arguments, got %d", name, len(args))
			}
			x, err := floatArg(t, name, args[0])
			if err != nil {
				return vm.Undef, err
			}
			y, err := floatArg(t, name, args[1])
			if err != nil {
				return vm.Undef, err
			}
			return vm.Float(f(x, y)), nil
		})
	}
	binary("atan2", fmath.Atan2)
	binary("copysign", math.Copysign)
	binary("fmod", math.Mod)
	binary("remainder", math.Remainder)
	fn("hypot", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s := 0.0
		for _, a := range args {
			x, err := floatArg(t, "hypot", a)
			if err != nil {
				return vm.Undef, err
			}
			s = math.Hypot(s, x)
		}
		return vm.Float(s), nil
	})
	fn("dist", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("dist", args, 2); err != nil {
			return vm.Undef, err
		}
		p, err := t.ToList(args[0])
		if err != nil {
			return vm.Undef, err
		}
		q, err := t.ToList(args[1])
		if err != nil {
			return vm.Undef, err
		}
		if len(p) != len(q) {
			return vm.Undef, vm.Errorf(vm.ValueError, "both points must have the same number of dimensions")
		}
		s := 0.0
		for i := range p {
			x, err := floatArg(t, "dist", p[i])
			if err != nil {
				return vm.Undef, err
			}
			y, err := floatArg(t, "dist", q[i])
			if err != nil {
				return vm.Undef, err
			}
			s = math.Hypot(s, x-y)
		}
		return vm.Float(s), nil
	})
	pred := func(name string, f func(float64) bool) {
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Undef, vm.ExactArgs("math."+name, args, 1)
			}
			x, err := floatArg(t, name, args[0])
			if err != nil {
				return vm.Undef, err
			}
			return vm.Bool(f(x)), nil
		})
	}
	pred("isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) })
	pred("isinf", func(x float64) bool { return math.IsInf(x, 0) })
	pred("isnan", math.IsNaN)
	// intArgs converts integer arguments (ints, int subclasses, __index__).
	intArgs := func(t *vm.Thread, args []vm.Value) ([]*big.Int, error) {
		out := make([]*big.Int, len(args))
		for i, a := range args {
			b, err := t.IndexBig(a)
			if err != nil {
				return nil, err
			}
			out[i] = b
		}
		return out, nil
	}
	fn("gcd", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		ns, err := intArgs(t, args)
		if err != nil {
			return vm.Undef, err
		}
		g := new(big.Int)
		for _, n := range ns {
			g.GCD(nil, nil, g, new(big.Int).Abs(n))
		}
		return vm.BigInt(g), nil
	})
	fn("lcm", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		ns, err := intArgs(t, args)
		if err != nil {
			return vm.Undef, err
		}
		l := big.NewInt(1)
		for _, n := range ns {
			a := new(big.Int).Abs(n)
			if a.Sign() == 0 {
				return vm.Int(0), nil
			}
			g := new(big.Int).GCD(nil, nil, l, a)
			l.Mul(l, new(big.Int).Quo(a, g))
		}
		return vm.BigInt(l), nil
	})
	fn("factorial", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("math.factorial", args, 1); err != nil {
			return vm.Undef, err
		}
		n, err := t.IndexBig(args[0])
		if err != nil {
			return vm.Undef, err
		}
		return factorial(n)
	})
	fn("comb", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("comb", args, 2); err != nil {
			return vm.Undef, err
		}
		ns, err := intArgs(t, args)
		if err != nil {
			return vm.Undef, err
		}
		n, k := ns[0], ns[1]
		if n.Sign() < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "n must be a non-negative integer")
		}
		if k.Sign() < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "k must be a non-negative integer")
		}
		if k.Cmp(n) > 0 {
			return vm.Int(0), nil
		}
		if nk := new(big.Int).Sub(n, k); nk.Cmp(k) < 0 {
			k = nk // C(n, k) = C(n, n-k): the shorter product
		}
		if !k.IsInt64() {
			return vm.Undef, vm.Errorf(vm.OverflowError, "min(n - k, k) must not exceed %d", int64(math.MaxInt64))
		}
		// C(n, i+1) = C(n, i) * (n-i) / (i+1), exact at every step.
		r := big.NewInt(1)
		for i := int64(0); i < k.Int64(); i++ {
			r.Mul(r, new(big.Int).Sub(n, big.NewInt(i)))
			r.Quo(r, big.NewInt(i+1))
		}
		return vm.BigInt(r), nil
	})
	fn("perm", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.RangeArgs("perm", args, 1, 2); err != nil {
			return vm.Undef, err
		}
		if len(args) == 2 && args[1].IsNone() {
			args = args[:1]
		}
		ns, err := intArgs(t, args)
		if err != nil {
			return vm.Undef, err
		}
		n := ns[0]
		if len(ns) == 1 {
			return factorial(n)
		}
		k := ns[1]
		if n.Sign() < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "n must be a non-negative integer")
		}
		if k.Sign() < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "k must be a non-negative integer")
		}
		if k.Cmp(n) > 0 {
			return vm.Int(0), nil
		}
		if !k.IsInt64() {
			return vm.Undef, vm.Errorf(vm.OverflowError, "k must not exceed %d", int64(math.MaxInt64))
		}
		if n.IsInt64() {
			return vm.BigInt(new(big.Int).MulRange(n.Int64()-k.Int64()+1, n.Int64())), nil
		}
		r := big.NewInt(1)
		for i := int64(0); i < k.Int64(); i++ {
			r.Mul(r, new(big.Int).Sub(n, big.NewInt(i)))
		}
		return vm.BigInt(r), nil
	})
	fn("isqrt", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("math.isqrt", args, 1); err != nil {
			return vm.Undef, err
		}
		ns, err := intArgs(t, args)
		if err != nil {
			return vm.Undef, err
		}
		if ns[0].Sign() < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "isqrt() argument must be nonnegative")
		}
		return vm.BigInt(new(big.Int).Sqrt(ns[0])), nil
	})
	fn("isclose", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) > 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "isclose() takes exactly 2 positional arguments (%d given)", len(args))
		}
		a, err := vm.UnpackArgs("isclose", args, kw, 2, "a", "b", "rel_tol", "abs_tol")
		if err != nil {
			return vm.Undef, err
		}
		x, err := floatArg(t, "isclose", a[0])
		if err != nil {
			return vm.Undef, err
		}
		y, err := floatArg(t, "isclose", a[1])
		if err != nil {
			return vm.Undef, err
		}
		rel, abs := 1e-9, 0.0
		if !a[2].IsUndef() {
			if rel, err = floatArg(t, "isclose", a[2]); err != nil {
				return vm.Undef, err
			}
		}
		if !a[3].IsUndef() {
			if abs, err = floatArg(t, "isclose", a[3]); err != nil {
				return vm.Undef, err
			}
		}
		if rel < 0 || abs < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "tolerances must be non-negative")
		}
		if x == y {
			return vm.True, nil
		}
		if math.IsInf(x, 0) || math.IsInf(y, 0) {
			return vm.False, nil
		}
		d := math.Abs(x - y)
		return vm.Bool(d <= math.Abs(rel*y) || d <= math.Abs(rel*x) || d <= abs), nil
	})
	fn("modf", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("math.modf", args, 1); err != nil {
			return vm.Undef, err
		}
		x, err := floatArg(t, "modf", args[0])
		if err != nil {
			return vm.Undef, err
		}
		i, f := math.Modf(x)
		if math.IsInf(x, 0) {
			f = math.Copysign(0, x) // Go gives NaN; C's modf a signed zero
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Float(f), vm.Float(i)})), nil
	})
	fn("frexp", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("math.frexp", args, 1); err != nil {
			return vm.Undef, err
		}
		x, err := floatArg(t, "frexp", args[0])
		if err != nil {
			return vm.Undef, err
		}
		f, e := math.Frexp(x)
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Float(f), vm.Int(int64(e))})), nil
	})
	fn("ldexp", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("ldexp", args, 2); err != nil {
			return vm.Undef, err
		}
		x, err := floatArg(t, "ldexp", args[0])
		if err != nil {
			return vm.Undef, err
		}
		e := vm.AsBig(args[1])
		if e == nil {
			return vm.Undef, vm.Errorf(vm.TypeError, "Expected an int as second argument to ldexp.")
		}
		// Any exponent beyond ±1e5 is as good as infinite for a float64.
		exp := int64(100000)
		if e.IsInt64() && e.Int64() < exp && e.Int64() > -exp {
			exp = e.Int64()
		} else if e.Sign() < 0 {
			exp = -exp
		}
		r := math.Ldexp(x, int(exp))
		if math.IsInf(r, 0) && !math.IsInf(x, 0) {
			return vm.Undef, vm.Errorf(vm.OverflowError, "math range error")
		}
		return vm.Float(r), nil
	})
	fn("prod", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "prod() takes exactly 1 positional argument (%d given)", len(args))
		}
		a, err := vm.UnpackArgs("prod", args, kw, 1, "iterable", "start")
		if err != nil {
			return vm.Undef, err
		}
		acc := vm.Int(1)
		if !a[1].IsUndef() {
			acc = a[1]
		}
		err = t.Iterate(a[0], func(v vm.Value) error {
			r, err := t.BinaryOp("*", acc, v)
			acc = r
			return err
		})
		return acc, err
	})
	fn("fsum", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("math.fsum", args, 1); err != nil {
			return vm.Undef, err
		}
		// Exact summation: accumulate the finite terms as rationals, round
		// once; infinities and NaNs follow C's rules, as CPython's fsum.
		sum := new(big.Rat)
		special, sawNaN := 0.0, false
		err := t.Iterate(args[0], func(v vm.Value) error {
			x, err := floatArg(t, "fsum", v)
			if err != nil {
				return err
			}
			if math.IsInf(x, 0) || math.IsNaN(x) {
				sawNaN = sawNaN || math.IsNaN(x)
				special += x
				return nil
			}
			sum.Add(sum, new(big.Rat).SetFloat64(x))
			if math.Abs(x) > 1e300 {
				// CPython's running partial sums overflow here.
				if f, _ := sum.Float64(); math.IsInf(f, 0) {
					return vm.Errorf(vm.OverflowError, "intermediate overflow in fsum")
				}
			}
			return nil
		})
		if err != nil {
			return vm.Undef, err
		}
		if special != 0 || math.IsNaN(special) {
			if math.IsNaN(special) && !sawNaN {
				return vm.Undef, vm.Errorf(vm.ValueError, "-inf + inf in fsum")
			}
			return vm.Float(special), nil
		}
		f, _ := sum.Float64()
		if math.IsInf(f, 0) {
			return vm.Undef, vm.Errorf(vm.OverflowError, "intermediate overflow in fsum")
		}
		return vm.Float(f), nil
	})
	return m, nil
}

func init() { register("math", mathModule) }

// factorial is math.factorial of an int (perm(n) too).
func factorial(n *big.Int) (vm.Value, error) {
	if n.Sign() < 0 {
		return vm.Undef, vm.Errorf(vm.ValueError, "factorial() not defined for negative values")
	}
	if !n.IsInt64() {
		return vm.Undef, vm.Errorf(vm.OverflowError, "factorial() argument should not exceed %d", int64(math.MaxInt64))
	}
	return vm.BigInt(new(big.Int).MulRange(1, n.Int64())), nil
}
