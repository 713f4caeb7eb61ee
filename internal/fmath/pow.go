package fmath

import (
	"math"
	"sync"
)

// ln2 as a double-double: ln2Hi is the float64 nearest ln 2, ln2Lo the
// rest (the unit test checks both against a 200-bit series).
const (
	ln2Hi = 6.93147180559945286227e-01
	ln2Lo = 2.319046813846299558e-17
)

// The tables are computed once, on first use, from the double-double
// primitives alone (no libm values), so their accuracy is known: about
// 2^-104 relative.
var (
	tablesOnce sync.Once
	// expTab[j] = 2^(j/128), hi and lo interleaved.
	expTab [2 * 128]float64
	// logTab[i-logTabMin] = ln(i/128) for the grid points i/128 that cover
	// [sqrt(1/2), sqrt(2)), hi and lo interleaved.
	logTab [2 * (logTabMax - logTabMin + 1)]float64
	// Double-double constants of the series.
	third, fifth, sixth, twentyFourth [2]float64
	// 1/ln 2 and 1/ln 10 for Log2 and Log10.
	invLn2, invLn10 [2]float64
)

const (
	logTabMin = 90  // 90/128 < sqrt(1/2)
	logTabMax = 182 // 182/128 > sqrt(2)
)

func initTables() {
	third[0], third[1] = ddDivInt(1, 3)
	fifth[0], fifth[1] = ddDivInt(1, 5)
	sixth[0], sixth[1] = ddDivInt(1, 6)
	twentyFourth[0], twentyFourth[1] = ddDivInt(1, 24)

	// 2^(1/2), 2^(1/4), ..., 2^(1/128) by repeated square roots, then
	// 2^(j/128) as the product of the roots that j's bits select.
	var roots [7][2]float64
	h, l := 2.0, 0.0
	for i := range roots {
		h, l = ddSqrt(h, l)
		roots[i] = [2]float64{h, l}
	}
	for j := 0; j < 128; j++ {
		h, l := 1.0, 0.0
		for b := 0; b < 7; b++ {
			if j&(64>>b) != 0 {
				h, l = ddMul(h, l, roots[b][0], roots[b][1])
			}
		}
		expTab[2*j], expTab[2*j+1] = h, l
	}

	// ln(c) = 2 atanh(s) with s = (c-1)/(c+1), |s| < 0.18: the series
	// sum s^(2k+1)/(2k+1) needs 23 terms for 2^-110.
	for i := logTabMin; i <= logTabMax; i++ {
		sh, sl := ddDivInt(float64(i-128), float64(i+128))
		wh, wl := ddMul(sh, sl, sh, sl)
		ah, al := 0.0, 0.0
		for k := 23; k >= 0; k-- {
			ch, cl := ddDivInt(1, float64(2*k+1))
			ah, al = ddMul(ah, al, wh, wl)
			ah, al = ddAdd(ah, al, ch, cl)
		}
		ah, al = ddMul(ah, al, sh, sl)
		logTab[2*(i-logTabMin)], logTab[2*(i-logTabMin)+1] = 2*ah, 2*al
	}

	invLn2[0], invLn2[1] = ddRecip(ln2Hi, ln2Lo)
	h, l = logDD(10)
	invLn10[0], invLn10[1] = ddRecip(h, l)
}

// logDD returns ln x as a double-double for finite x > 0, to about 2^-103
// relative. x = 2^e * m with m in [sqrt(1/2), sqrt(2)), so x near 1 has
// e == 0 and keeps full relative accuracy; m = c * (1+t) for the grid
// point c = i/128 nearest m, and ln(m/c) = 2 atanh(s) with
// s = (m-c)/(m+c), |s| < 2^-8.4.
func logDD(x float64) (float64, float64) {
	e := 0
	if x < 0x1p-1022 {
		x *= 0x1p54
		e = -54
	}
	b := math.Float64bits(x)
	e += int(b>>52) - 1023
	m := math.Float64frombits(b&(1<<52-1) | 1023<<52)
	if m > math.Sqrt2 {
		m *= 0.5
		e++
	}
	i := int(m*128 + 0.5)
	c := float64(i) / 128
	num := m - c // exact: m and c are within a factor of 2
	dh, dl := twoSum(m, c)
	sh := num / dh
	sl := (math.FMA(-sh, dh, num) - sh*dl) / dh
	sh, sl = fastTwoSum(sh, sl)

	// ln(m/c) = 2s (1 + u), u = w/3 + w^2/5 + ... with w = s^2 < 2^-16.8.
	// Terms from w^3/7 on are below 2^-53 and summed in plain floats.
	wh, wl := ddMul(sh, sl, sh, sl)
	q := 1.0/7 + wh*(1.0/9+wh*(1.0/11+wh*(1.0/13)))
	th, tl := ddAddBig(fifth[0], fifth[1], wh*q, 0)
	th, tl = ddMul(th, tl, wh, wl)
	th, tl = ddAddBig(third[0], third[1], th, tl)
	th, tl = ddMul(th, tl, wh, wl)
	th, tl = ddMul(th, tl, sh, sl)
	vh, vl := ddAddBig(sh, sl, th, tl)
	vh, vl = 2*vh, 2*vl

	if i != 128 {
		vh, vl = ddAddBig(logTab[2*(i-logTabMin)], logTab[2*(i-logTabMin)+1], vh, vl)
	}
	if e != 0 {
		fe := float64(e)
		kh, kl := twoProd(fe, ln2Hi)
		kl += fe * ln2Lo
		kh, kl = fastTwoSum(kh, kl)
		vh, vl = ddAddBig(kh, kl, vh, vl)
	}
	return vh, vl
}

// expDD returns exp(zh+zl) = 2^k * (ph+pl) with ph+pl in [1, 2) (to
// rounding), accurate to about 2^-102 relative, for |zh| < 750.
// z = (128k + j) ln2/128 + r with |r| <= ln2/256, so
// exp(z) = 2^k * 2^(j/128) * exp(r).
func expDD(zh, zl float64) (ph, pl float64, k int) {
	const l128Hi, l128Lo = ln2Hi / 128, ln2Lo / 128
	n := math.RoundToEven(zh * (128 / math.Ln2))
	p, pe := twoProd(n, l128Hi)
	rh := zh - p // exact: zh and p are within a factor of 2 (or p == 0)
	rl := zl - pe - n*l128Lo
	rh, rl = twoSum(rh, rl)

	// exp(r)-1 = r(1 + r(1/2 + r(1/6 + r(1/24 + r(1/120 + ...))))); the
	// terms from r^5/120 (< 2^-49) on are plain floats.
	t := 1.0/120 + rh*(1.0/720+rh*(1.0/5040+rh*(1.0/40320+rh*(1.0/362880+rh*(1.0/3628800)))))
	ah, al := ddAddBig(twentyFourth[0], twentyFourth[1], rh*t, 0)
	ah, al = ddMul(ah, al, rh, rl)
	ah, al = ddAddBig(sixth[0], sixth[1], ah, al)
	ah, al = ddMul(ah, al, rh, rl)
	ah, al = ddAddBig(0.5, 0, ah, al)
	ah, al = ddMul(ah, al, rh, rl)
	ah, al = ddAddBig(1, 0, ah, al)
	ah, al = ddMul(ah, al, rh, rl)

	ni := int(n)
	j := ni & 127
	th, tl := expTab[2*j], expTab[2*j+1]
	ah, al = ddMul(th, tl, ah, al)
	ph, pl = ddAddBig(th, tl, ah, al)
	return ph, pl, ni >> 7
}
