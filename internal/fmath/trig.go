package fmath

import (
	"math"
	"math/big"
	"sync"
)

// Sin, Cos and Tan are correctly rounded except with probability around
// 2^-45 per random argument, as glibc's are in practice (Go's lose up to
// a few units in the last place, and more near multiples of pi/2).
//
// x = n*pi/2 + r with |r| <= pi/4 (a four-double pi/2 for |x| < 2^26,
// math/big's 2/pi beyond), then r = j/32 + t with |t| <= 1/64 and
// sin(r), cos(r) from a table of sin and cos of j/32 and short series in t.

var (
	trigOnce, hugeOnce sync.Once
	// halfPi is pi/2 as four doubles, each the rounding of the rest.
	halfPi [4]float64
	// twoOverPi is 2/pi to 1400 bits, for arguments too large for halfPi.
	twoOverPi *big.Float
	// sinTab[j], cosTab[j] = sin(j/32), cos(j/32) for j = 0..26, as
	// double-doubles (hi, lo interleaved).
	sinTab, cosTab [2 * 27]float64
	// Double-double series coefficients.
	inv6, inv120, inv24 [2]float64
)

// bigAtanInv is atan(1/k) = sum (-1)^i / ((2i+1) k^(2i+1)) to prec bits.
func bigAtanInv(k int64, prec uint) *big.Float {
	sum := new(big.Float).SetPrec(prec)
	pow := new(big.Float).SetPrec(prec).Quo(big.NewFloat(1), new(big.Float).SetInt64(k))
	k2 := new(big.Float).SetPrec(prec).SetInt64(k * k)
	eps := new(big.Float).SetMantExp(big.NewFloat(1), -int(prec)-8)
	for i := int64(0); ; i++ {
		term := new(big.Float).SetPrec(prec).Quo(pow, new(big.Float).SetInt64(2*i+1))
		if i%2 == 0 {
			sum.Add(sum, term)
		} else {
			sum.Sub(sum, term)
		}
		if term.Cmp(eps) < 0 {
			return sum
		}
		pow.Quo(pow, k2)
	}
}

// bigPi is pi to prec bits by Machin's formula,
// pi/4 = 4 atan(1/5) - atan(1/239).
func bigPi(prec uint) *big.Float {
	pi := new(big.Float).SetPrec(prec).Mul(bigAtanInv(5, prec), big.NewFloat(16))
	return pi.Sub(pi, new(big.Float).SetPrec(prec).Mul(bigAtanInv(239, prec), big.NewFloat(4)))
}

func initTrig() {
	rest := bigPi(300)
	rest.Quo(rest, big.NewFloat(2))
	for i := range halfPi {
		halfPi[i], _ = rest.Float64()
		rest.Sub(rest, new(big.Float).SetFloat64(halfPi[i]))
	}

	inv6[0], inv6[1] = ddDivInt(1, 6)
	inv120[0], inv120[1] = ddDivInt(1, 120)
	inv24[0], inv24[1] = ddDivInt(1, 24)
	// Taylor series of sin and cos at a = j/32 < 0.82, 30 terms each.
	for j := 0; j <= 26; j++ {
		a := float64(j) / 32 // exact
		sh, sl := 0.0, 0.0
		ch, cl := 0.0, 0.0
		th, tl := 1.0, 0.0 // a^k / k!
		for k := 0; k <= 40; k++ {
			switch k % 4 {
			case 0:
				ch, cl = ddAdd(ch, cl, th, tl)
			case 1:
				sh, sl = ddAdd(sh, sl, th, tl)
			case 2:
				ch, cl = ddAdd(ch, cl, -th, -tl)
			case 3:
				sh, sl = ddAdd(sh, sl, -th, -tl)
			}
			th, tl = ddMul(th, tl, a, 0)
			qh, ql := ddDivInt(1, float64(k+1))
			th, tl = ddMul(th, tl, qh, ql)
		}
		sinTab[2*j], sinTab[2*j+1] = sh, sl
		cosTab[2*j], cosTab[2*j+1] = ch, cl
	}
}

// reduce returns n mod 4 and r = x - n*pi/2 (|r| <= pi/4 or a hair more)
// as a double-double, for finite x.
func reduce(x float64) (int, float64, float64) {
	ax := math.Abs(x)
	if ax <= math.Pi/4 {
		return 0, x, 0
	}
	if ax < 1<<26 {
		n := math.RoundToEven(x * (2 / math.Pi))
		a, ae := twoProd(n, halfPi[0])
		t := x - a // exact: x and a are within a factor of 2
		s1, s1e := twoSum(t, -ae)
		b, be := twoProd(n, halfPi[1])
		s2, s2e := twoSum(s1, -b)
		c, ce := twoProd(n, halfPi[2])
		s3, s3e := twoSum(s2, -c)
		low := s1e + s2e + s3e - be - ce - n*halfPi[3]
		rh, rl := twoSum(s3, low)
		return int(int64(n) & 3), rh, rl
	}
	// Payne-Hanek by brute force: x*2/pi with enough bits that its
	// fraction keeps ~150 of them.
	hugeOnce.Do(func() {
		const prec = 1400
		twoOverPi = new(big.Float).SetPrec(prec).Quo(big.NewFloat(2), bigPi(prec))
	})
	_, e := math.Frexp(ax)
	p := new(big.Float).SetPrec(uint(e)+200).Mul(new(big.Float).SetFloat64(x), twoOverPi)
	ni, _ := new(big.Float).Add(p, big.NewFloat(0.5)).Int(nil) // toward zero
	if p.Sign() < 0 && new(big.Float).SetInt(ni).Cmp(new(big.Float).Add(p, big.NewFloat(0.5))) > 0 {
		ni.Sub(ni, big.NewInt(1)) // floor(p + 0.5)
	}
	f := new(big.Float).SetPrec(uint(e)+200).Sub(p, new(big.Float).SetInt(ni))
	fh, _ := f.Float64()
	fl, _ := f.Sub(f, new(big.Float).SetFloat64(fh)).Float64()
	rh, rl := ddMul(fh, fl, halfPi[0], halfPi[1])
	n := int(new(big.Int).And(ni, big.NewInt(3)).Int64())
	return n, rh, rl
}

// sinCosDD returns sin(r) and cos(r) as double-doubles for |r| < 0.8.
func sinCosDD(rh, rl float64) (sh, sl, ch, cl float64) {
	neg := rh < 0
	if neg {
		rh, rl = -rh, -rl
	}
	j := int(rh*32 + 0.5)
	th, tl := twoSum(rh-float64(j)/32, rl) // rh - j/32 is exact
	wh, wl := ddMul(th, tl, th, tl)

	// sin t = t + t w (-1/6 + w (1/120 + w q)), q the rest in floats.
	q := -1.0/5040 + wh*(1.0/362880+wh*(-1.0/39916800))
	ah, al := ddAddBig(inv120[0], inv120[1], wh*q, 0)
	ah, al = ddMul(ah, al, wh, wl)
	ah, al = ddAddBig(-inv6[0], -inv6[1], ah, al)
	ah, al = ddMul(ah, al, wh, wl)
	ah, al = ddMul(ah, al, th, tl)
	st, stl := ddAddBig(th, tl, ah, al)

	// cos t - 1 = w (-1/2 + w (1/24 + w q)).
	q = -1.0/720 + wh*(1.0/40320+wh*(-1.0/3628800+wh*(1.0/479001600)))
	ah, al = ddAddBig(inv24[0], inv24[1], wh*q, 0)
	ah, al = ddMul(ah, al, wh, wl)
	ah, al = ddAddBig(-0.5, 0, ah, al)
	ct, ctl := ddMul(ah, al, wh, wl)

	if j == 0 {
		sh, sl = st, stl
		ch, cl = ddAddBig(1, 0, ct, ctl)
	} else {
		sa, sal := sinTab[2*j], sinTab[2*j+1]
		ca, cal := cosTab[2*j], cosTab[2*j+1]
		// sin(a+t) = sin a + (sin a (cos t - 1) + cos a sin t)
		ph, pl := ddMul(sa, sal, ct, ctl)
		qh, ql := ddMul(ca, cal, st, stl)
		ph, pl = ddAdd(ph, pl, qh, ql)
		sh, sl = ddAdd(sa, sal, ph, pl)
		// cos(a+t) = cos a + (cos a (cos t - 1) - sin a sin t)
		ph, pl = ddMul(ca, cal, ct, ctl)
		qh, ql = ddMul(sa, sal, st, stl)
		ph, pl = ddAdd(ph, pl, -qh, -ql)
		ch, cl = ddAdd(ca, cal, ph, pl)
	}
	if neg {
		sh, sl = -sh, -sl
	}
	return
}

func trig(x float64) (n int, sh, sl, ch, cl float64) {
	trigOnce.Do(initTrig)
	tablesOnce.Do(initTables)
	n, rh, rl := reduce(x)
	sh, sl, ch, cl = sinCosDD(rh, rl)
	return
}

// Sin is the sine of x (radians).
func Sin(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return math.Sin(x) // ±0, NaN
	}
	n, sh, _, ch, _ := trig(x)
	switch n {
	case 0:
		return sh
	case 1:
		return ch
	case 2:
		return -sh
	}
	return -ch
}

// Cos is the cosine of x (radians).
func Cos(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN()
	}
	if x == 0 {
		return 1
	}
	n, sh, _, ch, _ := trig(x)
	switch n {
	case 0:
		return ch
	case 1:
		return -sh
	case 2:
		return -ch
	}
	return sh
}

// Tan is the tangent of x (radians).
func Tan(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return math.Tan(x)
	}
	n, sh, sl, ch, cl := trig(x)
	if n&1 == 1 {
		// tan(r + pi/2) = -cos r / sin r
		sh, sl, ch, cl = -ch, -cl, sh, sl
	}
	q := sh / ch
	// (s - q c) / c, the remainder to double-double accuracy
	p, pe := twoProd(q, ch)
	rem := ((sh - p) - pe + sl - q*cl) / ch
	return q + rem
}
