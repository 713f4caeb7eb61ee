package stdlib

import (
	"math"

	"github.com/asylang/asy/internal/fmath"
	"github.com/asylang/asy/vm"
)

// The remaining distributions of random: the same algorithms as CPython's
// random.py (so a seeded generator gives the same numbers), on the
// Mersenne Twister core.

func (r *randomObj) gamma(alpha, beta float64) (float64, error) {
	if alpha <= 0.0 || beta <= 0.0 {
		return 0, vm.Errorf(vm.ValueError, "gammavariate: alpha and beta must be > 0.0")
	}
	switch {
	case alpha > 1.0:
		// Cheng's rejection algorithm GB.
		ainv := math.Sqrt(2.0*alpha - 1.0)
		bbb := alpha - fmath.Log(4.0)
		ccc := alpha + ainv
		sgMagic := 1.0 + fmath.Log(4.5)
		for {
			u1 := r.mt.random()
			if !(1e-7 < u1 && u1 < 0.9999999) {
				continue
			}
			u2 := 1.0 - r.mt.random()
			v := fmath.Log(u1/(1.0-u1)) / ainv
			x := alpha * fmath.Exp(v)
			z := u1 * u1 * u2
			rr := bbb + ccc*v - x
			if rr+sgMagic-4.5*z >= 0.0 || rr >= fmath.Log(z) {
				return x * beta, nil
			}
		}
	case alpha == 1.0:
		return -fmath.Log(1.0-r.mt.random()) * beta, nil
	default:
		// alpha < 1: Ahrens–Dieter GS.
		var x float64
		for {
			u := r.mt.random()
			b := (math.E + alpha) / math.E
			p := b * u
			if p <= 1.0 {
				x = fmath.Pow(p, 1.0/alpha)
			} else {
				x = -fmath.Log((b - p) / alpha)
			}
			u1 := r.mt.random()
			if p > 1.0 {
				if u1 <= fmath.Pow(x, alpha-1.0) {
					break
				}
			} else if u1 <= fmath.Exp(-x) {
				break
			}
		}
		return x * beta, nil
	}
}

// normal is normalvariate's Kinderman–Monahan ratio method.
func (r *randomObj) normal(mu, sigma float64) float64 {
	magic := 4 * fmath.Exp(-0.5) / math.Sqrt(2.0)
	var z float64
	for {
		u1 := r.mt.random()
		u2 := 1.0 - r.mt.random()
		z = magic * (u1 - 0.5) / u2
		if z*z/4.0 <= -fmath.Log(u2) {
			break
		}
	}
	return mu + z*sigma
}

func init() {
	m := randomType.AddMethod
	two := func(name, a, b string, args []vm.Value, kw []vm.KV) (float64, float64, error) {
		v, err := vm.UnpackArgs(name, args[1:], kw, 2, a, b)
		if err != nil {
			return 0, 0, err
		}
		x, err := vm.AsFloat(v[0])
		if err != nil {
			return 0, 0, err
		}
		y, err := vm.AsFloat(v[1])
		return x, y, err
	}
	// randbytes(n) is getrandbits(n*8) as n little-endian bytes, as CPython.
	m("randbytes", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		v, err := vm.UnpackArgs("randbytes", args[1:], kw, 1, "n")
		if err != nil {
			return vm.Undef, err
		}
		n, err := t.AsSsize(v[0])
		if err != nil {
			return vm.Undef, err
		}
		// CPython passes n*8 to getrandbits as a C int.
		if n > math.MaxInt32/8 || n < math.MinInt32/8 {
			return vm.Undef, vm.Errorf(vm.OverflowError, "Python int too large to convert to C int")
		}
		if n < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "number of bits must be non-negative")
		}
		out := make([]byte, n)
		if n > 0 {
			b := randSelf(args).mt.getrandbits(int(n) * 8).Bytes() // big-endian
			for i := range b {
				out[i] = b[len(b)-1-i]
			}
		}
		return vm.Obj(vm.NewBytes(out)), nil
	})
	m("gammavariate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, b, err := two("gammavariate", "alpha", "beta", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		g, err := randSelf(args).gamma(a, b)
		return vm.Float(g), err
	})
	m("betavariate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, b, err := two("betavariate", "alpha", "beta", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		r := randSelf(args)
		y, err := r.gamma(a, 1.0)
		if err != nil || y == 0 {
			return vm.Float(0), err
		}
		z, err := r.gamma(b, 1.0)
		return vm.Float(y / (y + z)), err
	})
	m("lognormvariate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		mu, sigma, err := two("lognormvariate", "mu", "sigma", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Float(fmath.Exp(randSelf(args).normal(mu, sigma))), nil
	})
	m("paretovariate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		v, err := vm.UnpackArgs("paretovariate", args[1:], kw, 1, "alpha")
		if err != nil {
			return vm.Undef, err
		}
		alpha, err := vm.AsFloat(v[0])
		if err != nil {
			return vm.Undef, err
		}
		u := 1.0 - randSelf(args).mt.random()
		return vm.Float(fmath.Pow(u, -1.0/alpha)), nil
	})
	m("weibullvariate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		alpha, beta, err := two("weibullvariate", "alpha", "beta", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		u := 1.0 - randSelf(args).mt.random()
		return vm.Float(alpha * fmath.Pow(-fmath.Log(u), 1.0/beta)), nil
	})
	m("vonmisesvariate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		mu, kappa, err := two("vonmisesvariate", "mu", "kappa", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		r := randSelf(args)
		if kappa <= 1e-6 {
			return vm.Float(2 * math.Pi * r.mt.random()), nil
		}
		s := 0.5 / kappa
		rr := s + math.Sqrt(1.0+s*s)
		var z float64
		for {
			u1 := r.mt.random()
			z = fmath.Cos(math.Pi * u1)
			d := z / (rr + z)
			u2 := r.mt.random()
			if u2 < 1.0-d*d || u2 <= (1.0-d)*fmath.Exp(d) {
				break
			}
		}
		q := 1.0 / rr
		f := (q + z) / (1.0 + q*z)
		var theta float64
		if r.mt.random() > 0.5 {
			theta = math.Mod(mu+fmath.Acos(f), 2*math.Pi)
		} else {
			theta = math.Mod(mu-fmath.Acos(f), 2*math.Pi)
		}
		if theta < 0 {
			theta += 2 * math.Pi // Python's % takes the divisor's sign
		}
		return vm.Float(theta), nil
	})
}
