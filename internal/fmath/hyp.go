package fmath

import "math"

// Sinh and Cosh are correctly rounded but for ~2^-95-close calls (glibc's
// are in all but about one case in a hundred; Go's miss one in eight),
// from the double-double exp: (e^x ± e^-x)/2, and for |x| < 2^-10 (where
// the difference cancels) sinh's series.

// Cosh is the hyperbolic cosine.
func Cosh(x float64) float64 {
	ax := math.Abs(x)
	if math.IsNaN(x) || math.IsInf(x, 0) || ax < 0x1p-27 {
		return math.Cosh(x) // NaN, +Inf, 1 (x^2/2 is below half an ulp)
	}
	return hyp(ax, 1)
}

// Sinh is the hyperbolic sine.
func Sinh(x float64) float64 {
	ax := math.Abs(x)
	if ax < 0x1p-27 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x // x^3/6 is below half an ulp; ±0, NaN, ±Inf
	}
	if ax < 0x1p-10 {
		// x + x w (1/6 + w (1/120 + w q)), w = x^2 < 2^-20
		tablesOnce.Do(initTables)
		trigOnce.Do(initTrig)
		wh, wl := twoProd(ax, ax)
		q := 1.0/5040 + wh*(1.0/362880+wh*(1.0/39916800))
		ah, al := ddAddBig(inv120[0], inv120[1], wh*q, 0)
		ah, al = ddMul(ah, al, wh, wl)
		ah, al = ddAddBig(inv6[0], inv6[1], ah, al)
		ah, al = ddMul(ah, al, wh, wl)
		ah, al = ddMul(ah, al, ax, 0)
		h, _ := ddAddBig(ax, 0, ah, al)
		return math.Copysign(h, x)
	}
	return math.Copysign(hyp(ax, -1), x)
}

// hyp is (e^x + sign e^-x)/2 for x >= 2^-27.
func hyp(x float64, sign float64) float64 {
	if x > 711 {
		return math.Inf(1)
	}
	tablesOnce.Do(initTables)
	ph, pl, k := expDD(x, 0)
	if x > 40 {
		// e^-x is below 2^-115 of e^x
		return scale(ph, pl, k-1)
	}
	ah, al := math.Ldexp(ph, k), math.Ldexp(pl, k)
	bh, bl := ddRecip(ah, al)
	sh, _ := ddAdd(ah, al, sign*bh, sign*bl)
	return sh / 2
}
