package fmath

import "math"

// Hypot is sqrt(x*x + y*y) correctly rounded (but for ~2^-100-close
// calls), as glibc's hypot; math.Hypot's special cases.
func Hypot(x, y float64) float64 {
	x, y = math.Abs(x), math.Abs(y)
	if x == 0 || y == 0 || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Hypot(x, y)
	}
	if x < y {
		x, y = y, x
	}
	// Scale so that x is in [0.5, 1): squares neither overflow nor lose
	// bits to underflow (y*y too small to matter is still far above 0).
	_, e := math.Frexp(x)
	x, y = math.Ldexp(x, -e), math.Ldexp(y, -e)
	if y < 0x1p-600 {
		return math.Ldexp(x, e) // y*y/2 is far below half an ulp of x
	}
	ah, al := twoProd(x, x)
	bh, bl := twoProd(y, y)
	sh, sl := ddAdd(ah, al, bh, bl)
	rh, rl := ddSqrt(sh, sl)
	if e > -1020 {
		return math.Ldexp(rh, e)
	}
	return scale(rh, rl, e) // a subnormal result rounds once, from the double-double
}
