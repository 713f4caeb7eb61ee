// Package fmath holds floating-point functions whose results must match
// CPython's libm bit for bit where Go's math package is less accurate:
// Pow is correctly rounded in practice (glibc's pow is), Go's math.Pow is
// off by several units in the last place for large exponents.
//
// The functions work in double-double arithmetic: a value is an unevaluated
// sum hi+lo of two float64s with |lo| <= ulp(hi)/2, about 106 significant
// bits. The helpers below are the textbook error-free transformations
// (Knuth's two-sum, Dekker's fast-two-sum, the FMA product residual).
package fmath

import "math"

// twoSum returns s = fl(a+b) and the rounding error e, so s+e == a+b exactly.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return
}

// fastTwoSum is twoSum for |a| >= |b| (or a == 0).
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return
}

// twoProd returns p = fl(a*b) and its exact rounding error.
func twoProd(a, b float64) (p, e float64) {
	p = a * b
	e = math.FMA(a, b, -p)
	return
}

// ddMul is (ah+al)*(bh+bl) to about 2^-104 relative.
func ddMul(ah, al, bh, bl float64) (float64, float64) {
	p, e := twoProd(ah, bh)
	e += ah*bl + al*bh
	return fastTwoSum(p, e)
}

// ddAdd is (ah+al)+(bh+bl); accurate to about 2^-104 of the result unless
// the operands nearly cancel, which the callers avoid by construction.
func ddAdd(ah, al, bh, bl float64) (float64, float64) {
	s, e := twoSum(ah, bh)
	e += al + bl
	return fastTwoSum(s, e)
}

// ddDivInt is a/b for small integers a and b (both exact in a float64),
// as a double-double.
func ddDivInt(a, b float64) (float64, float64) {
	q := a / b
	r := math.FMA(-q, b, a) // exact remainder
	return fastTwoSum(q, r/b)
}

// ddSqrt is the square root of ah+al by one Newton step from math.Sqrt.
func ddSqrt(ah, al float64) (float64, float64) {
	s := math.Sqrt(ah)
	p, e := twoProd(s, s)
	d := ((ah - p) - e + al) / (2 * s)
	return fastTwoSum(s, d)
}

// ddAddBig is ddAdd when |ah| >= |bh| (the Horner steps add a small
// correction to a larger coefficient), one fast-two-sum cheaper.
func ddAddBig(ah, al, bh, bl float64) (float64, float64) {
	s, e := fastTwoSum(ah, bh)
	e += al + bl
	return fastTwoSum(s, e)
}

// ddRecip is 1/(ah+al).
func ddRecip(ah, al float64) (float64, float64) {
	q := 1 / ah
	r := math.FMA(-q, ah, 1) - q*al // 1 - q*(ah+al), to double-double accuracy
	return fastTwoSum(q, r/ah)
}
