package fmath

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

func TestExpLogCorrectlyRounded(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	logu := func(a, b float64) float64 { return math.Exp(math.Log(a) + rng.Float64()*(math.Log(b)-math.Log(a))) }
	n := 800
	if testing.Short() {
		n = 300
	}
	ln2, ln10 := bigLn2(), bigLn(bf(10))
	round := roundBig
	r := &reporter{t: t}
	check := r.check
	for i := 0; i < n; i++ {
		var x float64
		switch i % 3 {
		case 0:
			x = rng.Float64()*1454 - 745
		case 1:
			x = rng.Float64()*10 - 5
		default:
			x = (rng.Float64() - 0.5) * 1e-6
		}
		if x > 709.7 {
			x = 709
		}
		check("Exp", x, Exp(x), round(bigExp(bf(x))))
		e2 := x * 1.44
		check("Exp2", e2, Exp2(e2), round(bigExp(new(big.Float).SetPrec(refPrec).Mul(bf(e2), ln2))))

		switch i % 3 {
		case 0:
			x = logu(1e-300, 1e300)
		case 1:
			x = 0.5 + rng.Float64()*1.5
		default:
			x = 1 + (rng.Float64()-0.5)*1e-8
		}
		l := bigLn(bf(x))
		check("Log", x, Log(x), round(l))
		check("Log2", x, Log2(x), round(new(big.Float).SetPrec(refPrec).Quo(l, ln2)))
		check("Log10", x, Log10(x), round(new(big.Float).SetPrec(refPrec).Quo(l, ln10)))
	}
	for k := -1074; k < 1024; k++ {
		check("Log2", math.Ldexp(1, k), Log2(math.Ldexp(1, k)), float64(k))
	}
	p := 1.0
	for k := 0; k <= 22; k++ {
		check("Log10", p, Log10(p), float64(k))
		p *= 10
	}
	for _, x := range []float64{math.Inf(1), math.Inf(-1), math.NaN(), 0, -1, 1, 709.8, -746, 1000, 2000, -2000, math.SmallestNonzeroFloat64} {
		for _, f := range []struct {
			name     string
			got, ref func(float64) float64
		}{{"Exp", Exp, math.Exp}, {"Log", Log, math.Log}, {"Log2", Log2, math.Log2}, {"Log10", Log10, math.Log10}, {"Exp2", Exp2, math.Exp2}} {
			g, w := f.got(x), f.ref(x)
			if !(g == w || math.IsNaN(g) && math.IsNaN(w)) && (math.IsInf(w, 0) || math.IsNaN(w) || w == 0 || w == 1) {
				t.Errorf("%s(%v) = %v, want %v", f.name, x, g, w)
			}
		}
	}
	r.done(n)
}

func TestSinhCoshCorrectlyRounded(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	r := &reporter{t: t}
	for i := 0; i < 600; i++ {
		var x float64
		switch i % 3 {
		case 0:
			x = rng.Float64()*1420 - 710
		case 1:
			x = rng.Float64()*6 - 3
		default:
			x = math.Ldexp(rng.Float64()-0.5, -rng.Intn(30))
		}
		e := bigExp(bf(x))
		em := new(big.Float).SetPrec(refPrec).Quo(bf(1), e)
		s, _ := new(big.Float).SetPrec(refPrec).Sub(e, em).Float64()
		c, _ := new(big.Float).SetPrec(refPrec).Add(e, em).Float64()
		s, c = s/2, c/2 // exact halvings (no subnormal results here)
		if gs, gc := Sinh(x), Cosh(x); gs != s || gc != c {
			r.fail("x=%x: Sinh %x Cosh %x, want %x %x", x, gs, gc, s, c)
		}
	}
	r.done(600)
	for _, x := range []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 711, -711, 1e300} {
		for _, f := range []struct {
			name     string
			got, ref func(float64) float64
		}{{"Sinh", Sinh, math.Sinh}, {"Cosh", Cosh, math.Cosh}} {
			g, w := f.got(x), f.ref(x)
			if math.Float64bits(g) != math.Float64bits(w) && !(math.IsNaN(g) && math.IsNaN(w)) {
				t.Errorf("%s(%v) = %v, want %v", f.name, x, g, w)
			}
		}
	}
}
