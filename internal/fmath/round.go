package fmath

import (
	"math"
	"math/big"
	"math/bits"
)

// Pow is x**y with C99's (and math.Pow's) special cases, correctly rounded
// except when x**y lies within about 2^-90 relative of the midpoint between
// two float64s without being that midpoint, which random inputs hit with
// probability around 2^-37. Exact midpoints (3**(1.5) style: x**y with 54
// significant bits) are detected and rounded to even.
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case y == 1:
		return x
	case y == 2:
		return x * x // one rounding of the exact square
	case y == -1:
		return 1 / x
	case y == 0.5 && x > 0 && x <= math.MaxFloat64:
		return math.Sqrt(x) // the correctly rounded x**0.5
	case x == 0 || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0):
		return math.Pow(x, y) // exact special values
	}
	neg := false
	if x < 0 {
		if y != math.Trunc(y) {
			return math.NaN()
		}
		x = -x
		neg = math.Abs(y) < 1<<53 && int64(y)&1 == 1
	}
	r := powPositive(x, y)
	if neg {
		r = -r
	}
	return r
}

// powPositive is x**y for finite x > 0, x != 1, finite y != 0.
func powPositive(x, y float64) float64 {
	tablesOnce.Do(initTables)
	lh, ll := logDD(x)
	zh, zl := twoProd(y, lh)
	switch {
	case zh > 710: // x**y > 2^1024
		return math.Inf(1)
	case zh < -746: // x**y < 2^-1076: rounds to 0
		return 0
	}
	zl += y * ll
	zh, zl = fastTwoSum(zh, zl)
	ph, pl, k := expDD(zh, zl)
	// Bound on the error of ph+pl: the log's relative error times |z|
	// plus the exp's own; generous, since it only decides when to look
	// for an exact midpoint.
	tol := (math.Abs(zh) + 1) * 0x1p-96

	if k > -1022 {
		// Normal result (or overflow): ph is already ph+pl rounded to 53
		// bits, and scaling by 2^k is exact.
		half := halfULP(ph, pl < 0)
		if math.Abs(math.Abs(pl)-half) <= tol*ph {
			if r, ok := exactPow(x, y); ok {
				return r
			}
		}
		return math.Ldexp(ph, k)
	}
	// Subnormal result: round ph+pl scaled to units of 2^-1074 to an
	// integer, in one step (rounding ph first would round twice).
	sc := k + 1074
	vh, vl := math.Ldexp(ph, sc), math.Ldexp(pl, sc)
	n := math.RoundToEven(vh)
	d := (vh - n) + vl
	if math.Abs(math.Abs(d)-0.5) <= tol*vh+0x1p-200 {
		if r, ok := exactPow(x, y); ok {
			return r
		}
	}
	switch {
	case d > 0.5:
		n++
	case d < -0.5:
		n--
	}
	return math.Ldexp(n, -1074)
}

// halfULP is half the gap from v > 0 to its neighbour below (down) or
// above: the distance from v to the rounding boundary on that side.
func halfULP(v float64, down bool) float64 {
	b := math.Float64bits(v)
	e := int(b>>52) - 1023
	if down && b&(1<<52-1) == 0 {
		e-- // v is a power of two: the gap below is half the gap above
	}
	return math.Ldexp(1, e-53)
}

// exactPow returns x**y when it is exactly representable in a few
// hundred bits, rounded to float64 (ties to even), for finite x > 0.
// x = o * 2^a with o odd. If o == 1, x**y = 2^(a*y). Otherwise x**y is a
// dyadic rational only if y = p/q with q a power of two and o = t^q; a
// float64 midpoint has at most 54 significant bits, so t >= 3 bounds
// q <= 32 and p <= 34q, and y < 0 never gives one.
func exactPow(x, y float64) (float64, bool) {
	b := math.Float64bits(x)
	bexp := int(b >> 52)
	mant := b & (1<<52 - 1)
	if bexp == 0 {
		bexp = 1
	} else {
		mant |= 1 << 52
	}
	tz := bits.TrailingZeros64(mant)
	o := mant >> tz
	a := bexp - 1075 + tz
	if o == 1 {
		e := float64(a) * y
		if e != math.Trunc(e) || math.Abs(e) > 2000 {
			return 0, false
		}
		return math.Ldexp(1, int(e)), true
	}
	y32 := y * 32
	if y <= 0 || y > 34 || y32 != math.Trunc(y32) {
		return 0, false
	}
	p, q := int64(y32), int64(32)
	for q > 1 && p%2 == 0 {
		p /= 2
		q /= 2
	}
	if int64(a)*p%q != 0 {
		return 0, false
	}
	// t = the q-th root of o, if it is an integer (integer loop: near
	// 2^53 a float64 counter would not advance).
	ob := new(big.Int).SetUint64(o)
	var t *big.Int
	if q == 1 {
		t = ob
	} else {
		t0 := int64(math.Round(math.Pow(float64(o), 1/float64(q)))) // o < 2^53: t0 < 2^27
		for c := t0 - 1; c <= t0+1; c++ {
			if c < 2 {
				continue
			}
			cb := big.NewInt(c)
			if new(big.Int).Exp(cb, big.NewInt(q), nil).Cmp(ob) == 0 {
				t = cb
				break
			}
		}
	}
	if t == nil || t.BitLen()*int(p) > 4000 {
		return 0, false
	}
	num := new(big.Int).Exp(t, big.NewInt(p), nil)
	f := new(big.Float).SetInt(num) // exact: precision grows to fit
	f.SetMantExp(f, int(int64(a)*p/q))
	r, _ := f.Float64()
	return r, true
}
