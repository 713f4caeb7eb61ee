package fmath

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

// bigAtan is atan v at 300 bits: six argument halvings, then the series.
func bigAtan(v *big.Float) *big.Float {
	const prec = 300
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	x := new(big.Float).SetPrec(prec).Set(v)
	for k := 0; k < 6; k++ {
		s := new(big.Float).SetPrec(prec).Mul(x, x)
		s.Add(s, one).Sqrt(s).Add(s, one)
		x.Quo(x, s)
	}
	w := new(big.Float).SetPrec(prec).Mul(x, x)
	sum := new(big.Float).SetPrec(prec)
	term := new(big.Float).SetPrec(prec).Set(x)
	for k := int64(0); k < 80; k++ {
		t := new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetInt64(2*k+1))
		if k%2 == 0 {
			sum.Add(sum, t)
		} else {
			sum.Sub(sum, t)
		}
		term.Mul(term, w)
	}
	return sum.Mul(sum, new(big.Float).SetInt64(64))
}

func TestAtanAsinAcosCorrectlyRounded(t *testing.T) {
	const prec = 300
	pi := agmPi()
	halfPiB := new(big.Float).SetPrec(prec).Quo(pi, big.NewFloat(2))
	rng := rand.New(rand.NewSource(5))
	n := 600
	if testing.Short() {
		n = 300
	}
	round := roundBig
	r := &reporter{t: t}
	check := r.check
	for i := 0; i < n; i++ {
		var x float64
		switch i % 4 {
		case 0:
			x = rng.Float64()*2 - 1
		case 1:
			x = (1 - math.Ldexp(rng.Float64(), -rng.Intn(50))) * float64(1-2*rng.Intn(2))
		case 2:
			x = math.Ldexp(rng.Float64()-0.5, -rng.Intn(60))
		default:
			x = math.Exp(rng.Float64()*600-300) * float64(1-2*rng.Intn(2))
		}
		bx := new(big.Float).SetPrec(prec).SetFloat64(x)
		check("Atan", x, Atan(x), round(bigAtan(bx)))
		if math.Abs(x) < 1 {
			s := new(big.Float).SetPrec(prec).Mul(bx, bx)
			s.Sub(new(big.Float).SetPrec(prec).SetInt64(1), s).Sqrt(s)
			as := bigAtan(new(big.Float).SetPrec(prec).Quo(bx, s))
			check("Asin", x, Asin(x), round(as))
			check("Acos", x, Acos(x), round(new(big.Float).SetPrec(prec).Sub(halfPiB, as)))
		}
	}
	r.done(n)
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1, math.Inf(1), math.Inf(-1), math.NaN()} {
		for _, f := range []struct {
			name     string
			got, ref func(float64) float64
		}{{"Atan", Atan, math.Atan}, {"Asin", Asin, math.Asin}, {"Acos", Acos, math.Acos}} {
			g, w := f.got(x), f.ref(x)
			if math.Float64bits(g) != math.Float64bits(w) && !(math.IsNaN(g) && math.IsNaN(w)) {
				t.Errorf("%s(%v) = %v, want %v", f.name, x, g, w)
			}
		}
	}
	if !math.IsNaN(Asin(2)) || !math.IsNaN(Acos(-2)) {
		t.Errorf("Asin(2), Acos(-2) = %v, %v, want NaN", Asin(2), Acos(-2))
	}
}

func TestAtan2CorrectlyRounded(t *testing.T) {
	const prec = 300
	pi := agmPi()
	rng := rand.New(rand.NewSource(9))
	r := &reporter{t: t}
	for i := 0; i < 400; i++ {
		y := math.Exp(rng.Float64()*40-20) * float64(1-2*rng.Intn(2))
		x := math.Exp(rng.Float64()*40-20) * float64(1-2*rng.Intn(2))
		if i%10 == 0 {
			x = math.Ldexp(x, -1000) // a ratio beyond 2^500, or a subnormal one
		}
		by, bx := new(big.Float).SetPrec(prec).SetFloat64(y), new(big.Float).SetPrec(prec).SetFloat64(x)
		var a *big.Float
		if new(big.Float).Abs(by).Cmp(new(big.Float).Abs(bx)) <= 0 {
			a = bigAtan(new(big.Float).SetPrec(prec).Quo(new(big.Float).Abs(by), new(big.Float).Abs(bx)))
		} else {
			a = bigAtan(new(big.Float).SetPrec(prec).Quo(new(big.Float).Abs(bx), new(big.Float).Abs(by)))
			a.Sub(new(big.Float).SetPrec(prec).Quo(pi, big.NewFloat(2)), a)
		}
		if x < 0 {
			a.Sub(new(big.Float).SetPrec(prec).Set(pi), a)
		}
		if y < 0 {
			a.Neg(a)
		}
		if want, _ := a.Float64(); Atan2(y, x) != want {
			r.fail("Atan2(%x, %x) = %x, want %x", y, x, Atan2(y, x), want)
		}
	}
	r.done(400)
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -1, math.Inf(1), math.Inf(-1), math.NaN()} {
		for _, w := range []float64{0, math.Copysign(0, -1), 1, -1, math.Inf(1), math.Inf(-1), math.NaN()} {
			if g, r := Atan2(v, w), math.Atan2(v, w); math.Float64bits(g) != math.Float64bits(r) && !(math.IsNaN(g) && math.IsNaN(r)) && (v == 0 || w == 0 || math.IsInf(v, 0) || math.IsInf(w, 0) || math.IsNaN(v) || math.IsNaN(w)) {
				t.Errorf("Atan2(%v, %v) = %v, want %v", v, w, g, r)
			}
		}
	}
}
