package fmath

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

const trigPrec = 1500

// agmPi is pi by the Gauss-Legendre iteration (independent of the Machin
// series the package uses).
func agmPi() *big.Float {
	nf := func(v float64) *big.Float { return new(big.Float).SetPrec(trigPrec).SetFloat64(v) }
	a, b, t, p := nf(1), new(big.Float).SetPrec(trigPrec).Sqrt(nf(0.5)), nf(0.25), nf(1)
	for i := 0; i < 12; i++ {
		an := new(big.Float).SetPrec(trigPrec).Add(a, b)
		an.Quo(an, nf(2))
		bn := new(big.Float).SetPrec(trigPrec).Mul(a, b)
		bn.Sqrt(bn)
		d := new(big.Float).SetPrec(trigPrec).Sub(a, an)
		d.Mul(d, d).Mul(d, p)
		t.Sub(t, d)
		p.Mul(p, nf(2))
		a, b = an, bn
	}
	s := new(big.Float).SetPrec(trigPrec).Add(a, b)
	s.Mul(s, s)
	return s.Quo(s, new(big.Float).SetPrec(trigPrec).Mul(t, nf(4)))
}

// refSinCos is sin x and cos x rounded to float64, via a 1500-bit
// reduction and 300-bit Taylor series.
func refSinCos(x float64, pi *big.Float) (float64, float64, float64) {
	half := new(big.Float).SetPrec(trigPrec).Quo(pi, big.NewFloat(2))
	q := new(big.Float).SetPrec(trigPrec).Quo(new(big.Float).SetFloat64(x), half)
	qi, _ := new(big.Float).Add(q, big.NewFloat(0.5)).Int(nil)
	if q.Sign() < 0 {
		qi.Sub(qi, big.NewInt(1))
		if c := new(big.Float).SetInt(qi); new(big.Float).Sub(q, c).Cmp(big.NewFloat(1.5)) >= 0 {
			qi.Add(qi, big.NewInt(1))
		}
	}
	r := new(big.Float).SetPrec(trigPrec).Mul(new(big.Float).SetInt(qi), half)
	r.Sub(new(big.Float).SetPrec(trigPrec).SetFloat64(x), r)
	s, c := new(big.Float).SetPrec(300), new(big.Float).SetPrec(300)
	term := new(big.Float).SetPrec(300).SetInt64(1)
	for k := int64(0); k < 80; k++ {
		switch k % 4 {
		case 0:
			c.Add(c, term)
		case 1:
			s.Add(s, term)
		case 2:
			c.Sub(c, term)
		case 3:
			s.Sub(s, term)
		}
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetInt64(k+1))
	}
	switch new(big.Int).And(qi, big.NewInt(3)).Int64() {
	case 1:
		s, c = c, s.Neg(s)
	case 2:
		s, c = s.Neg(s), c.Neg(c)
	case 3:
		s, c = c.Neg(c), s
	}
	sf, _ := s.Float64()
	cf, _ := c.Float64()
	tf, _ := new(big.Float).SetPrec(300).Quo(s, c).Float64()
	return sf, cf, tf
}

func TestTrigCorrectlyRounded(t *testing.T) {
	pi := agmPi()
	Sin(1e300)
	if got := new(big.Float).Quo(big.NewFloat(2), twoOverPi); new(big.Float).Sub(got, pi).Abs(new(big.Float).Sub(got, pi)).Cmp(new(big.Float).SetMantExp(big.NewFloat(1), -1380)) > 0 {
		t.Fatalf("2/pi is wrong")
	}
	rng := rand.New(rand.NewSource(3))
	n := 800
	if testing.Short() {
		n = 300
	}
	r := &reporter{t: t}
	for i := 0; i < n; i++ {
		var x float64
		switch i % 4 {
		case 0:
			x = rng.Float64()*20 - 10
		case 1:
			x = (rng.Float64() - 0.5) * 2e6
		case 2:
			x = math.Exp(rng.Float64()*700) * float64(1-2*rng.Intn(2))
		default:
			x = (rng.Float64() - 0.5) * math.Ldexp(1, -rng.Intn(40))
		}
		s, c, tn := refSinCos(x, pi)
		if gs, gc, gt := Sin(x), Cos(x), Tan(x); gs != s || gc != c || gt != tn {
			r.fail("x=%x: Sin %x Cos %x Tan %x, want %x %x %x", x, gs, gc, gt, s, c, tn)
		}
	}
	r.done(n)
}

func BenchmarkTrigInit(b *testing.B) {
	for i := 0; i < b.N; i++ {
		initTrig()
	}
}

func BenchmarkSin(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	xs := make([]float64, 1024)
	for i := range xs {
		xs[i] = rng.Float64()*20 - 10
	}
	b.Run("fmath", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink += Sin(xs[i&1023])
		}
	})
	b.Run("math", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink += math.Sin(xs[i&1023])
		}
	})
}
