package fmath

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

func TestHypotCorrectlyRounded(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	r := &reporter{t: t}
	for i := 0; i < 2000; i++ {
		x := math.Exp(rng.Float64()*60-30) * float64(1-2*rng.Intn(2))
		y := math.Exp(rng.Float64()*60-30) * float64(1-2*rng.Intn(2))
		switch i % 4 {
		case 1:
			x, y = math.Ldexp(x, -1040), math.Ldexp(y, -1040) // subnormal results
		case 2:
			x, y = math.Ldexp(x, 990), math.Ldexp(y, 990) // squares overflow
		}
		bx, by := new(big.Float).SetPrec(300).SetFloat64(x), new(big.Float).SetPrec(300).SetFloat64(y)
		s := new(big.Float).SetPrec(300).Mul(bx, bx)
		s.Add(s, new(big.Float).SetPrec(300).Mul(by, by)).Sqrt(s)
		want, _ := s.Float64()
		if got := Hypot(x, y); got != want {
			r.fail("Hypot(%x, %x) = %x, want %x", x, y, got, want)
		}
	}
	r.done(2000)
	inf, nan := math.Inf(1), math.NaN()
	for _, c := range [][3]float64{{inf, nan, inf}, {nan, -inf, inf}, {0, -3, 3}, {-0.0, 0, 0}, {math.MaxFloat64, math.MaxFloat64, inf}, {3, 4, 5}} {
		if got := Hypot(c[0], c[1]); got != c[2] {
			t.Errorf("Hypot(%v, %v) = %v, want %v", c[0], c[1], got, c[2])
		}
	}
}
