package fmath

import (
	"math"
	"sync"
)

// Atan, Asin and Acos are correctly rounded except with probability around
// 2^-45 per random argument, as glibc's are in practice.
//
// atan(v) for |v| <= 1 is atan(c) + atan(u) with c = j/128 the grid point
// nearest v and u = (v-c)/(1+vc), |u| < 2^-7.9, from a table of atan(c)
// and a short series; |v| > 1 uses pi/2 - atan(1/v). asin and acos go
// through atan with sqrt(1-x^2) = sqrt((1-x)(1+x)) in double-double.

var (
	atanOnce sync.Once
	atanTab  [2 * 129]float64 // atan(j/128), hi and lo interleaved
	inv7     [2]float64
)

func initAtan() {
	trigOnce.Do(initTrig)
	tablesOnce.Do(initTables)
	inv7[0], inv7[1] = ddDivInt(1, 7)
	for j := 1; j <= 128; j++ {
		// Halve the angle three times, atan(c) = 2 atan(c / (1 + sqrt(1+c^2))),
		// to bring it under 0.1, then sum the series (34 terms).
		vh, vl := float64(j)/128, 0.0
		for k := 0; k < 3; k++ {
			sh, sl := ddMul(vh, vl, vh, vl)
			sh, sl = ddAdd(1, 0, sh, sl)
			sh, sl = ddSqrt(sh, sl)
			sh, sl = ddAdd(1, 0, sh, sl)
			vh, vl = ddDiv(vh, vl, sh, sl)
		}
		wh, wl := ddMul(vh, vl, vh, vl)
		ah, al := 0.0, 0.0
		for k := 34; k >= 0; k-- {
			ch, cl := ddDivInt(1, float64(2*k+1))
			if k%2 == 1 {
				ch, cl = -ch, -cl
			}
			ah, al = ddMul(ah, al, wh, wl)
			ah, al = ddAdd(ah, al, ch, cl)
		}
		ah, al = ddMul(ah, al, vh, vl)
		atanTab[2*j], atanTab[2*j+1] = 8*ah, 8*al
	}
}

// ddDiv is (ah+al)/(bh+bl).
func ddDiv(ah, al, bh, bl float64) (float64, float64) {
	q := ah / bh
	p, pe := twoProd(q, bh)
	r := ((ah - p) - pe + al - q*bl) / bh
	return fastTwoSum(q, r)
}

// atanDD is atan(vh+vl) for vh >= 0 (finite), as a double-double.
func atanDD(vh, vl float64) (float64, float64) {
	big := vh > 1
	if big {
		vh, vl = ddDiv(1, 0, vh, vl)
	}
	j := int(vh*128 + 0.5)
	c := float64(j) / 128
	nh, nl := twoSum(vh-c, vl) // vh - c is exact
	p, pe := twoProd(vh, c)
	dh, dl := fastTwoSum(1, p)
	dl += pe + vl*c
	uh, ul := ddDiv(nh, nl, dh, dl)

	// atan u = u (1 - w/3 + w^2/5 - w^3/7 + ...), w = u^2 < 2^-15.8;
	// from w^3/7 on plain floats suffice.
	wh, wl := ddMul(uh, ul, uh, ul)
	q := -1.0/7 + wh*(1.0/9+wh*(-1.0/11+wh*(1.0/13)))
	th, tl := ddAddBig(fifth[0], fifth[1], wh*q, 0)
	th, tl = ddMul(th, tl, wh, wl)
	th, tl = ddAddBig(-third[0], -third[1], th, tl)
	th, tl = ddMul(th, tl, wh, wl)
	th, tl = ddMul(th, tl, uh, ul)
	rh, rl := ddAddBig(uh, ul, th, tl)
	if j != 0 {
		rh, rl = ddAddBig(atanTab[2*j], atanTab[2*j+1], rh, rl)
	}
	if big {
		rh, rl = ddAdd(halfPi[0], halfPi[1], -rh, -rl)
	}
	return rh, rl
}

// Atan is the arctangent of x.
func Atan(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return math.Atan(x) // ±0, NaN, ±pi/2
	}
	atanOnce.Do(initAtan)
	h, _ := atanDD(math.Abs(x), 0)
	return math.Copysign(h, x)
}

// sqrt1mx2 is sqrt(1-x^2) for 0 <= x < 1 as a double-double.
func sqrt1mx2(x float64) (float64, float64) {
	ah, al := twoSum(1, -x)
	bh, bl := twoSum(1, x)
	ph, pl := ddMul(ah, al, bh, bl)
	return ddSqrt(ph, pl)
}

// Asin is the arcsine of x, NaN outside [-1, 1].
func Asin(x float64) float64 {
	ax := math.Abs(x)
	if x == 0 || !(ax < 1) {
		return math.Asin(x) // ±0, NaN, ±pi/2 (rounded) at ±1
	}
	atanOnce.Do(initAtan)
	sh, sl := sqrt1mx2(ax)
	vh, vl := ddDiv(ax, 0, sh, sl)
	h, _ := atanDD(vh, vl)
	return math.Copysign(h, x)
}

// Acos is the arccosine of x, NaN outside [-1, 1].
func Acos(x float64) float64 {
	ax := math.Abs(x)
	if !(ax < 1) {
		return math.Acos(x) // 0 at 1, pi at -1, NaN
	}
	atanOnce.Do(initAtan)
	if ax <= 0.5 {
		// pi/2 - asin x
		sh, sl := sqrt1mx2(ax)
		vh, vl := ddDiv(ax, 0, sh, sl)
		h, l := atanDD(vh, vl)
		if x < 0 {
			h, l = -h, -l
		}
		h, _ = ddAdd(halfPi[0], halfPi[1], -h, -l)
		return h
	}
	// atan(sqrt(1-x^2)/|x|), or pi minus it for x < 0
	sh, sl := sqrt1mx2(ax)
	vh, vl := ddDiv(sh, sl, ax, 0)
	h, l := atanDD(vh, vl)
	if x < 0 {
		h, _ = ddAdd(2*halfPi[0], 2*halfPi[1], -h, -l)
	}
	return h
}

// Atan2 is the angle of the point (x, y), with math.Atan2's (C99's)
// special cases for zeros, infinities and NaN.
func Atan2(y, x float64) float64 {
	if y == 0 || x == 0 || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Atan2(y, x)
	}
	atanOnce.Do(initAtan)
	ay, ax := math.Abs(y), math.Abs(x)
	swap := ay > ax
	num, den := ay, ax
	if swap {
		num, den = ax, ay
	}
	_, e := math.Frexp(den)
	if math.Ldexp(num, -e) < 0x1p-500 {
		// atan(r) = r to far more than 53 bits; the dd quotient's
		// remainder would underflow, the plain one is correctly rounded.
		if !swap && x > 0 {
			return math.Copysign(ay/ax, y)
		}
	}
	vh, vl := ddDiv(math.Ldexp(num, -e), 0, math.Ldexp(den, -e), 0)
	ah, al := atanDD(vh, vl)
	if swap {
		ah, al = ddAdd(halfPi[0], halfPi[1], -ah, -al)
	}
	if x < 0 {
		ah, al = ddAdd(2*halfPi[0], 2*halfPi[1], -ah, -al)
	}
	return math.Copysign(ah, y)
}
