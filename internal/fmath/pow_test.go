package fmath

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

// The reference is an independent 256-bit computation with math/big:
// exp(y ln x) from plain Taylor/atanh series.
const refPrec = 256

// roundBig is the float64 nearest a reference value.
func roundBig(v *big.Float) float64 { f, _ := v.Float64(); return f }

// reporter counts the cases a test finds wrong and reports the first ten
// (a wrong formula usually fails thousands; done gives their number).
type reporter struct {
	t   *testing.T
	bad int
}

func (r *reporter) fail(format string, args ...any) {
	r.bad++
	if r.bad < 10 {
		r.t.Errorf(format, args...)
	}
}

// check compares a function's result with the reference at x.
func (r *reporter) check(name string, x, got, want float64) {
	if got != want {
		r.fail("%s(%x) = %x, want %x", name, x, got, want)
	}
}

func (r *reporter) done(n int) {
	if r.bad > 0 {
		r.t.Errorf("%d of %d wrong", r.bad, n)
	}
}

func bf(v float64) *big.Float { return new(big.Float).SetPrec(refPrec).SetFloat64(v) }

// bigAtanhSeries is 2 * sum s^(2k+1)/(2k+1), i.e. ln((1+s)/(1-s)).
func bigAtanhSeries(s *big.Float) *big.Float {
	w := new(big.Float).SetPrec(refPrec).Mul(s, s)
	sum := new(big.Float).SetPrec(refPrec)
	term := new(big.Float).SetPrec(refPrec).Set(s)
	eps := new(big.Float).SetPrec(refPrec).SetMantExp(big.NewFloat(1), -300)
	for k := int64(0); ; k++ {
		t := new(big.Float).SetPrec(refPrec).Quo(term, new(big.Float).SetInt64(2*k+1))
		sum.Add(sum, t)
		if new(big.Float).Abs(t).Cmp(eps) < 0 {
			break
		}
		term.Mul(term, w)
	}
	return sum.Mul(sum, big.NewFloat(2))
}

func bigLn2() *big.Float {
	return bigAtanhSeries(new(big.Float).SetPrec(refPrec).Quo(bf(1), bf(3)))
}

// bigLn is ln v for v > 0.
func bigLn(v *big.Float) *big.Float {
	m := new(big.Float).SetPrec(refPrec)
	e := v.MantExp(m) // v = m * 2^e, m in [0.5, 1)
	if m.Cmp(bf(math.Sqrt2/2)) < 0 {
		m.SetMantExp(m, 1)
		e--
	}
	num := new(big.Float).SetPrec(refPrec).Sub(m, bf(1))
	den := new(big.Float).SetPrec(refPrec).Add(m, bf(1))
	r := bigAtanhSeries(num.Quo(num, den))
	k := new(big.Float).SetPrec(refPrec).Mul(bigLn2(), new(big.Float).SetInt64(int64(e)))
	return r.Add(r, k)
}

// bigExp is e^z for |z| < 1000.
func bigExp(z *big.Float) *big.Float {
	ln2 := bigLn2()
	q := new(big.Float).SetPrec(refPrec).Quo(z, ln2)
	qf, _ := q.Float64()
	n := math.Round(qf)
	r := new(big.Float).SetPrec(refPrec).Mul(ln2, bf(n))
	r.Sub(z, r)
	r.SetMantExp(r, -20)
	sum := bf(1)
	term := bf(1)
	for k := int64(1); k < 40; k++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetInt64(k))
		sum.Add(sum, term)
	}
	for i := 0; i < 20; i++ {
		sum.Mul(sum, sum)
	}
	return sum.SetMantExp(sum, int(n))
}

func refPow(x, y float64) float64 {
	z := bigLn(bf(x))
	z.Mul(z, bf(y))
	zf, _ := z.Float64()
	if zf > 710 {
		return math.Inf(1)
	}
	if zf < -746 {
		return 0
	}
	r, _ := bigExp(z).Float64()
	return r
}

func TestConstantsAndTables(t *testing.T) {
	ln2 := bigLn2()
	if h, _ := ln2.Float64(); h != ln2Hi {
		t.Fatalf("ln2Hi = %v, want %v", ln2Hi, h)
	}
	lo, _ := new(big.Float).SetPrec(refPrec).Sub(ln2, bf(ln2Hi)).Float64()
	if lo != ln2Lo {
		t.Fatalf("ln2Lo = %v, want %v", ln2Lo, lo)
	}
	tablesOnce.Do(initTables)
	tol := new(big.Float).SetMantExp(big.NewFloat(1), -103)
	check := func(what string, h, l float64, want *big.Float) {
		got := new(big.Float).SetPrec(refPrec).Add(bf(h), bf(l))
		d := new(big.Float).SetPrec(refPrec).Sub(got, want)
		d.Quo(d, want).Abs(d)
		if d.Cmp(tol) > 0 {
			t.Errorf("%s: relative error %v", what, d)
		}
	}
	for j := 0; j < 128; j++ {
		z := new(big.Float).SetPrec(refPrec).Mul(ln2, bf(float64(j)/128))
		check("2^(j/128)", expTab[2*j], expTab[2*j+1], bigExp(z))
	}
	for i := logTabMin; i <= logTabMax; i++ {
		if i == 128 {
			continue
		}
		check("ln(i/128)", logTab[2*(i-logTabMin)], logTab[2*(i-logTabMin)+1], bigLn(bf(float64(i)/128)))
	}
}

// randomPair draws from the ranges where pow is delicate: wide magnitudes,
// x near 1 with huge y, integral and short-fraction y, results near the
// overflow and underflow thresholds.
func randomPair(rng *rand.Rand, i int) (float64, float64) {
	logu := func(a, b float64) float64 { return math.Exp(math.Log(a) + rng.Float64()*(math.Log(b)-math.Log(a))) }
	switch i % 8 {
	case 0:
		return logu(1e-300, 1e300), rng.Float64()*6 - 3
	case 1:
		return rng.Float64() * 10, rng.Float64()*20 - 10
	case 2:
		x := 1 + (rng.Float64()-0.5)*math.Ldexp(1, -rng.Intn(52))
		return x, logu(1, 1e16) * float64(1-2*rng.Intn(2))
	case 3:
		return rng.Float64() * 100, float64(rng.Intn(81) - 40)
	case 4:
		ys := []float64{1.5, 2.5, 0.25, 1.0 / 3, 2.0 / 3, 0.1, -0.5, -1.0 / 3, 3, 7}
		return rng.Float64() * 4, ys[rng.Intn(len(ys))]
	case 5:
		x := logu(1e-10, 1e10)
		return x, (rng.Float64()*1400 - 700) / math.Max(math.Abs(math.Log(x)), 1e-3)
	case 6:
		x := logu(1.001, 1e5)
		return x, -(700 + rng.Float64()*50) / math.Log(x) // subnormal results
	}
	return 0.5 + rng.Float64()*1.5, rng.Float64()*200 - 100
}

func TestPowCorrectlyRounded(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	n := 1500
	if testing.Short() {
		n = 500
	}
	r := &reporter{t: t}
	for i := 0; i < n; i++ {
		x, y := randomPair(rng, i)
		if got, want := Pow(x, y), refPow(x, y); got != want {
			r.fail("Pow(%x, %x) = %x, want %x", x, y, got, want)
		}
	}
	// Subnormal bases (Go's math.Pow gets these wrong on amd64).
	for i := 0; i < 100; i++ {
		x := math.Ldexp(0.5+rng.Float64()/2, -1022-rng.Intn(52)) // never 0
		y := rng.Float64()*2 - 0.5
		if got, want := Pow(x, y), refPow(x, y); got != want {
			r.fail("Pow(%x, %x) = %x, want %x", x, y, got, want)
		}
	}
	r.done(n + 100)
}

func cube(v int64) *big.Int { b := big.NewInt(v); return new(big.Int).Mul(b, new(big.Int).Mul(b, b)) }

// roundInt is n rounded to float64, ties to even (math/big's rounding).
func roundInt(n *big.Int) float64 { f, _ := new(big.Float).SetInt(n).Float64(); return f }

func TestPowExactAndMidpoints(t *testing.T) {
	cases := []struct{ x, y, want float64 }{
		{8, 1.0 / 3, 2},
		{9, 1.5, 27},
		{1 << 20, 0.25, 32},
		// (2^18-1)^3 has 54 bits, an odd number: a midpoint, rounded to even.
		{float64((1<<18 - 1) * (1<<18 - 1)), 1.5, roundInt(cube(1<<18 - 1))},
		{1<<18 - 1, 3, roundInt(cube(1<<18 - 1))},
		{1<<17 + 1, 3, roundInt(cube(1<<17 + 1))},
		{2, -1075, 0},
		{2, -1074, math.SmallestNonzeroFloat64},
		{0.5, 1074.5, 0}, // 2^-1074.5 is above the midpoint 2^-1075
	}
	// 2^-1074.5 rounds up to the smallest subnormal.
	cases[len(cases)-1].want = math.SmallestNonzeroFloat64
	// exactPow with a 53-bit odd mantissa and an integral y (its root
	// search once counted in floats, which stop advancing at 2^53).
	if got, ok := exactPow(1<<53-1, 3); !ok || got != roundInt(cube(1<<53-1)) {
		t.Errorf("exactPow(2^53-1, 3) = %v, %v", got, ok)
	}
	for _, c := range cases {
		if got := Pow(c.x, c.y); got != c.want {
			t.Errorf("Pow(%v, %v) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}

func TestPowSpecialCases(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1e300, -1e300,
		math.Inf(1), math.Inf(-1), math.NaN(), 1.5, -1.5, 1 << 53, -(1 << 53), 1e-310}
	same := func(a, b float64) bool {
		return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
	}
	for _, x := range vals {
		for _, y := range vals {
			want := math.Pow(x, y)
			if got := Pow(x, y); !same(got, want) && !(math.Abs(want) > 0 && math.Abs(want) < math.Inf(1)) {
				t.Errorf("Pow(%v, %v) = %v, want %v", x, y, got, want)
			}
		}
	}
}

var sink float64

func BenchmarkPow(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	xs, ys := make([]float64, 1024), make([]float64, 1024)
	for i := range xs {
		xs[i], ys[i] = randomPair(rng, i)
	}
	b.Run("fmath", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink += Pow(xs[i&1023], ys[i&1023])
		}
	})
	b.Run("math", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink += math.Pow(xs[i&1023], ys[i&1023])
		}
	})
}
