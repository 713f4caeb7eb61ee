package stdlib

import (
	"math"
	"math/big"
	"sync"

	"github.com/cockroachdb/apd/v3"
)

// sqrt, exp, ln, log10 and power, correctly rounded as CPython's are
// (exp, ln and log10 always round half-even; power follows the rounding of
// the context). exp and ln are evaluated in fixed point with a bound on
// the error, at growing precision until the bound no longer straddles a
// rounding boundary (Ziv's method): their values are irrational except at
// 0 and 1, so the loop ends.

// bigOf converts an apd coefficient to math/big.
func bigOf(b *apd.BigInt) *big.Int { return b.MathBigInt() }

var mathTen = big.NewInt(10)

func bigPow10(n int64) *big.Int {
	if n < int64(len(bigTenPowers)) {
		return bigTenPowers[n]
	}
	return new(big.Int).Exp(mathTen, big.NewInt(n), nil)
}

// fixedOf is |d| in fixed point with scale s: floor(|d| * 10**s).
func fixedOf(d *apd.Decimal, s int64) *big.Int {
	v := bigOf(&d.Coeff)
	if e := int64(d.Exponent) + s; e >= 0 {
		return v.Mul(v, bigPow10(e))
	} else {
		return v.Quo(v, bigPow10(-e))
	}
}

// atanhInv is atanh(1/n) with scale s (error below 1 unit).
func atanhInv(n int64, s int64) *big.Int {
	const guard = 6
	one := bigPow10(s + guard)
	term := new(big.Int).Quo(one, big.NewInt(n))
	sum := new(big.Int).Set(term)
	n2 := big.NewInt(n * n)
	t := new(big.Int)
	for k := int64(1); ; k++ {
		term.Quo(term, n2)
		if term.Sign() == 0 {
			break
		}
		sum.Add(sum, t.Quo(term, big.NewInt(2*k+1)))
	}
	return sum.Quo(sum, bigPow10(guard))
}

// The constants ln 2 and ln 10 in fixed point, kept at the largest scale
// computed so far.
var lnConsts struct {
	sync.Mutex
	scale     int64
	ln2, ln10 *big.Int
}

func lnConstants(s int64) (ln2, ln10 *big.Int) {
	lnConsts.Lock()
	defer lnConsts.Unlock()
	if lnConsts.scale < s {
		w := s + 10
		a3 := atanhInv(3, w)
		a9 := atanhInv(9, w)
		l2 := new(big.Int).Lsh(a3, 1)
		l10 := new(big.Int).Mul(l2, big.NewInt(3))
		l10.Add(l10, new(big.Int).Lsh(a9, 1))
		lnConsts.scale, lnConsts.ln2, lnConsts.ln10 = w, l2, l10
	}
	d := bigPow10(lnConsts.scale - s)
	return new(big.Int).Quo(lnConsts.ln2, d), new(big.Int).Quo(lnConsts.ln10, d)
}

// zivRound rounds the value known to lie within (a ± b) * 10**e (a signed)
// half-even to the context, when both ends round alike: ok false asks for
// more precision (unless last: then a is taken as it is). The result is
// inexact by construction.
func zivRound(c *decCtx, r *apd.Decimal, a *big.Int, b int64, e int64, last bool) (uint32, bool, error) {
	if last {
		b = 0
	}
	var lo, hi apd.Decimal
	lv := new(big.Int).Sub(a, big.NewInt(b))
	hv := new(big.Int).Add(a, big.NewInt(b))
	if lv.Sign() != hv.Sign() || lv.Sign() == 0 && !last {
		return 0, false, nil
	}
	for _, p := range []struct {
		d *apd.Decimal
		v *big.Int
	}{{&lo, lv}, {&hi, hv}} {
		p.d.Negative = p.v.Sign() < 0
		p.d.Coeff.SetMathBigInt(new(big.Int).Abs(p.v))
		if _, err := c.fix(p.d, e, rndHalfEven); err != nil {
			return 0, false, err
		}
	}
	if lo.Form != hi.Form || lo.Exponent != hi.Exponent || lo.Coeff.Cmp(&hi.Coeff) != 0 {
		return 0, false, nil
	}
	r.Negative = a.Sign() < 0
	r.Coeff.SetMathBigInt(new(big.Int).Abs(a))
	st, err := c.fix(r, e, rndHalfEven)
	st |= dfInexact | dfRounded
	if st&dfSubnormal != 0 {
		st |= dfUnderflow
	}
	return st, true, err
}

// decExp is e**x.
func decExp(c *decCtx, r, x *apd.Decimal) (uint32, error) {
	if st, done := c.nanOperands(r, x); done {
		return st, nil
	}
	if x.Form == apd.Infinite {
		if x.Negative {
			*r = apd.Decimal{}
			return 0, nil
		}
		setInf(r, false)
		return 0, nil
	}
	if x.Coeff.Sign() == 0 {
		r.Form, r.Negative, r.Exponent = apd.Finite, false, 0
		r.Coeff.SetInt64(1)
		return 0, nil
	}
	p := c.prec
	adj := adjusted(x)
	if adj <= -(p + 2) {
		// |x| is below half a unit in the last place of 1.
		r.Form, r.Negative = apd.Finite, false
		r.Coeff.Set(tenPow(p - 1))
		return dfInexact | dfRounded, setExponent(r, -(p - 1))
	}
	// Far out of range: the result over- or underflows whatever its digits.
	if adj >= 18 || float64(adj) > math.Log10(float64(max(c.emax, -c.etiny())+10)*2.31)+1 {
		var big1 apd.Decimal
		big1.Coeff.SetInt64(1)
		if x.Negative {
			return c.fix(&big1, c.etiny()-1, rndHalfEven)
		}
		return c.fix(&big1, c.emax+1, rndHalfEven)
	}
	xf, _ := decToFloat(&decObj{d: *x})
	kdigits := int64(math.Log10(math.Abs(xf)/2.3+1)) + 2
	for w, try := p+10, 0; ; w, try = w+max(20, w/2), try+1 {
		s := w + kdigits + 3
		xs := fixedOf(x, s)
		_, l10 := lnConstants(s)
		// k = x / ln 10 rounded; r = x - k ln 10 lies within ±1.2.
		k := new(big.Int).Quo(new(big.Int).Add(new(big.Int).Lsh(xs, 1), l10), new(big.Int).Lsh(l10, 1))
		if x.Negative {
			k.Neg(k)
			xs.Neg(xs)
		}
		rs := new(big.Int).Sub(xs, new(big.Int).Mul(k, l10))
		// Taylor series of exp(r) at scale s.
		one := bigPow10(s)
		sum := new(big.Int).Set(one)
		term := new(big.Int).Set(one)
		n := int64(1)
		for ; ; n++ {
			term.Mul(term, rs)
			term.Quo(term, one)
			term.Quo(term, big.NewInt(n))
			if term.Sign() == 0 {
				break
			}
			sum.Add(sum, term)
		}
		st, ok, err := zivRound(c, r, sum, 2*n+20, k.Int64()-s, try > 30)
		if err != nil || ok {
			return st, err
		}
	}
}

// decLn is the natural logarithm (log10: the base-10 one).
func decLn(c *decCtx, r, x *apd.Decimal, log10 bool) (uint32, error) {
	if st, done := c.nanOperands(r, x); done {
		return st, nil
	}
	if x.Form == apd.Finite && x.Coeff.Sign() == 0 {
		setInf(r, true)
		return 0, nil
	}
	if x.Negative {
		setNaN(r)
		return dfInvalidOperation, nil
	}
	if x.Form == apd.Infinite {
		setInf(r, false)
		return 0, nil
	}
	// Exact results: ln 1 = 0, log10(10**k) = k.
	coeff := bigOf(&x.Coeff)
	nd := numDigits(&x.Coeff)
	if coeff.Cmp(bigPow10(nd-1)) == 0 {
		a := adjusted(x)
		if a == 0 || log10 {
			*r = apd.Decimal{}
			r.Coeff.SetInt64(a)
			if a < 0 {
				r.Coeff.SetInt64(-a)
				r.Negative = true
			}
			return 0, nil
		}
	}
	a := adjusted(x)
	// Digits lost to cancellation when x is close to 1.
	lead := int64(0)
	if a == 0 || a == -1 {
		var one, diff apd.Decimal
		one.Coeff.SetInt64(1)
		wide := &decCtx{prec: nd + 2, round: rndHalfEven, emin: decMinEmin, emax: decMaxEmax}
		if _, err := decAdd(wide, &diff, x, &one, true); err != nil {
			return 0, err
		}
		if diff.Coeff.Sign() != 0 {
			lead = max(0, -adjusted(&diff))
		}
	}
	adigits := int64(math.Log10(math.Abs(float64(a))+1)) + 2
	for w, try := c.prec+10, 0; ; w, try = w+max(20, w/2), try+1 {
		s := w + lead + adigits + 3
		one := bigPow10(s)
		// m = x / 10**a in [1, 10), then m / 2**j near 1.
		m := fixedOf(&apd.Decimal{Coeff: x.Coeff, Exponent: int32(int64(x.Exponent) - a)}, s)
		j := int64(math.Round(log10Mantissa(x) * math.Log2(10)))
		m.Rsh(m, uint(j))
		// ln m' = 2 atanh(z), z = (m'-1)/(m'+1)
		num := new(big.Int).Sub(m, one)
		den := new(big.Int).Add(m, one)
		z := new(big.Int).Quo(new(big.Int).Mul(num, one), den)
		z2 := new(big.Int).Quo(new(big.Int).Mul(z, z), one)
		sum := new(big.Int).Set(z)
		term := new(big.Int).Set(z)
		n := int64(1)
		for ; ; n++ {
			term.Mul(term, z2)
			term.Quo(term, one)
			if term.Sign() == 0 {
				break
			}
			sum.Add(sum, new(big.Int).Quo(term, big.NewInt(2*n+1)))
		}
		sum.Lsh(sum, 1)
		l2, l10 := lnConstants(s)
		sum.Add(sum, new(big.Int).Mul(big.NewInt(j), l2))
		sum.Add(sum, new(big.Int).Mul(big.NewInt(a), l10))
		errb := 2*n + 2*j + 2*abs64(a) + 20
		if log10 {
			sum.Mul(sum, one)
			sum.Quo(sum, l10)
			errb += 4
		}
		st, ok, err := zivRound(c, r, sum, errb, -s, try > 30)
		if err != nil || ok {
			return st, err
		}
	}
}

// log10Mantissa is log10 of d's coefficient read as d.ddd…, in [0, 1).
func log10Mantissa(d *apd.Decimal) float64 {
	digits := coeffDigits(d)
	if len(digits) > 17 {
		digits = digits[:17]
	}
	f := 0.0
	for _, ch := range digits {
		f = f*10 + float64(ch-'0')
	}
	return math.Log10(f) - float64(len(digits)-1)
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// decSqrt is the square root: exact results come with the ideal exponent
// (half the operand's, rounded down), others rounded half-even.
func decSqrt(c *decCtx, r, x *apd.Decimal) (uint32, error) {
	if st, done := c.nanOperands(r, x); done {
		return st, nil
	}
	if x.Form == apd.Finite && x.Coeff.Sign() == 0 {
		r.Form, r.Negative = apd.Finite, x.Negative
		r.Coeff.SetInt64(0)
		return c.fix(r, int64(x.Exponent)>>1, rndHalfEven)
	}
	if x.Negative {
		setNaN(r)
		return dfInvalidOperation, nil
	}
	if x.Form == apd.Infinite {
		setInf(r, false)
		return 0, nil
	}
	// Scale the coefficient by an even power of ten so that its root has
	// prec+1 digits; the root's exponent is half the operand's.
	prec := c.prec + 1
	nd := numDigits(&x.Coeff)
	e := int64(x.Exponent) >> 1
	v := bigOf(&x.Coeff)
	var l int64
	if x.Exponent&1 != 0 {
		v.Mul(v, mathTen)
		l = nd>>1 + 1
	} else {
		l = (nd + 1) >> 1
	}
	shift := prec - l
	exact := true
	if shift >= 0 {
		v.Mul(v, bigPow10(2*shift))
	} else {
		var rem big.Int
		v.QuoRem(v, bigPow10(-2*shift), &rem)
		exact = rem.Sign() == 0
	}
	e -= shift
	n := new(big.Int).Sqrt(v)
	exact = exact && new(big.Int).Mul(n, n).Cmp(v) == 0
	if exact {
		if shift >= 0 {
			n.Quo(n, bigPow10(shift))
		} else {
			n.Mul(n, bigPow10(-shift))
		}
		e += shift
	} else if new(big.Int).Mod(n, big.NewInt(5)).Sign() == 0 {
		n.Add(n, big.NewInt(1))
	}
	r.Form, r.Negative = apd.Finite, false
	r.Coeff.SetMathBigInt(n)
	return c.fix(r, e, rndHalfEven)
}

// isIntegral reports a finite integer value (1.0 is one).
func isIntegral(d *apd.Decimal) bool {
	if d.Form != apd.Finite {
		return false
	}
	if d.Exponent >= 0 || d.Coeff.Sign() == 0 {
		return true
	}
	if int64(-d.Exponent) >= numDigits(&d.Coeff) {
		return false
	}
	var q, m apd.BigInt
	shiftDown(&q, &m, &d.Coeff, int64(-d.Exponent))
	return m.Sign() == 0
}

// intValue is an integral d as a big.Int (its magnitude).
func intValue(d *apd.Decimal) *big.Int {
	v := bigOf(&d.Coeff)
	if d.Exponent > 0 {
		return v.Mul(v, bigPow10(int64(d.Exponent)))
	}
	return v.Quo(v, bigPow10(int64(-d.Exponent)))
}

// decPower is x ** y in the context.
func decPower(c *decCtx, r, x, y *apd.Decimal) (uint32, error) {
	if st, done := c.nanOperands(r, x, y); done {
		return st, nil
	}
	yInt := isIntegral(y)
	neg := false
	if yInt && x.Negative && y.Coeff.Sign() != 0 {
		neg = intValue(y).Bit(0) == 1
	}
	setTriple := func(coeff int64, exp int64) (uint32, error) {
		*r = apd.Decimal{Negative: neg}
		r.Coeff.SetInt64(coeff)
		return 0, setExponent(r, exp)
	}
	xZero := x.Form == apd.Finite && x.Coeff.Sign() == 0
	yZero := y.Form == apd.Finite && y.Coeff.Sign() == 0
	switch {
	case xZero:
		if yZero {
			setNaN(r)
			return dfInvalidOperation, nil
		}
		if y.Negative {
			setInf(r, neg)
			return 0, nil
		}
		return setTriple(0, 0)
	case x.Negative && !yInt:
		setNaN(r)
		return dfInvalidOperation, nil
	case y.Form == apd.Infinite:
		var one apd.Decimal
		one.Coeff.SetInt64(1)
		cmp := cmpDec(x, &one)
		if cmp == 0 {
			return powerOfOne(c, r, neg, c.prec-1, dfInexact|dfRounded)
		}
		if y.Negative {
			cmp = -cmp
		}
		if cmp < 0 {
			return setTriple(0, 0)
		}
		setInf(r, neg)
		return 0, nil
	case x.Form == apd.Infinite:
		if yZero {
			return setTriple(1, 0)
		}
		if y.Negative {
			return setTriple(0, 0)
		}
		setInf(r, neg)
		return 0, nil
	case yZero:
		return setTriple(1, 0)
	}
	// |x| == 1: a one with as many zeros as the exponent asks for.
	var one apd.Decimal
	one.Coeff.SetInt64(1)
	if cmpMag(x, &one) == 0 {
		if !yInt {
			return powerOfOne(c, r, neg, c.prec-1, dfInexact|dfRounded)
		}
		if y.Negative {
			return setTriple(1, 0)
		}
		shift := new(big.Int).Mul(intValue(y), big.NewInt(-int64(x.Exponent)))
		var st uint32
		if !shift.IsInt64() || shift.Int64() > c.prec-1 {
			shift.SetInt64(c.prec - 1)
			st = dfRounded
		}
		return powerOfOne(c, r, neg, shift.Int64(), st)
	}
	if st, done, err := powerBounds(c, r, x, y, neg); done {
		return st, err
	}
	if yInt {
		return powerInt(c, r, x, y, neg)
	}
	return powerReal(c, r, x, y)
}

// powerOfOne sets r to 1 with shift zeros after the point.
func powerOfOne(c *decCtx, r *apd.Decimal, neg bool, shift int64, st uint32) (uint32, error) {
	*r = apd.Decimal{Negative: neg}
	r.Coeff.Set(tenPow(shift))
	return st, setExponent(r, -shift)
}

// powerBounds settles x**y that certainly over- or underflows, with
// libmpdec's test (whose bounds decide which results go through the
// rounding of 1E(Emax+1) or 1E(Etiny-1) rather than being computed):
// digits(limit) < lb(log10|log10 x|) + adjusted(y).
func powerBounds(c *decCtx, r, x, y *apd.Decimal, neg bool) (uint32, bool, error) {
	expDigits := func(n int64) int64 { return int64(len(itoa64(abs64(n)))) }
	t := adjusted(x)
	var zeta int64
	switch {
	case t > 0:
		zeta = expDigits(t) - 1
	case t < -1:
		zeta = expDigits(t+1) - 1
	default:
		var one, diff apd.Decimal
		one.Coeff.SetInt64(1)
		wide := &decCtx{prec: numDigits(&x.Coeff) + 3, round: rndHalfEven, emin: decMinEmin, emax: decMaxEmax}
		if _, err := decAdd(wide, &diff, x, &one, true); err != nil {
			return 0, true, err
		}
		if diff.Coeff.Sign() == 0 {
			return 0, false, nil
		}
		zeta = adjusted(&diff) - 1
		if t == 0 {
			zeta--
		}
	}
	theta := adjusted(y)
	*r = apd.Decimal{Negative: neg}
	r.Coeff.SetInt64(1)
	if (t < 0) == y.Negative {
		if expDigits(c.emax) < zeta+theta {
			st, err := c.fix(r, c.emax+1, c.round)
			return st, true, err
		}
	} else if expDigits(c.etiny()) < zeta+theta {
		st, err := c.fix(r, c.etiny()-1, c.round)
		return st, true, err
	}
	return 0, false, nil
}

// powerInt is x ** n for an integer n: repeated squaring at a working
// precision a few digits above the context's (as libmpdec does), then one
// rounding to the context.
func powerInt(c *decCtx, r, x, y *apd.Decimal, neg bool) (uint32, error) {
	wc := c.copy()
	wc.prec += numDigits(&y.Coeff) + int64(y.Exponent) + 2
	wc.round = rndHalfEven
	wc.clamp = 0
	var st uint32
	var base apd.Decimal
	base.Set(x)
	base.Negative = false
	if y.Negative {
		wc.prec++
		var one apd.Decimal
		one.Coeff.SetInt64(1)
		s, err := decDiv(wc, &base, &one, x)
		if err != nil {
			return 0, err
		}
		base.Negative = false
		st |= s
	}
	n := intValue(y)
	var acc apd.Decimal
	acc.Set(&base)
	var work uint32
	for i := n.BitLen() - 2; i >= 0; i-- {
		s, err := decMul(wc, &acc, &acc, &acc)
		if err != nil {
			return 0, err
		}
		work |= s
		if n.Bit(i) == 1 {
			s, err := decMul(wc, &acc, &acc, &base)
			if err != nil {
				return 0, err
			}
			work |= s
		}
		if acc.Form != apd.Finite || acc.Coeff.Sign() == 0 && work&dfClamped != 0 {
			break
		}
	}
	st |= work
	*r = acc
	r.Negative = neg
	if r.Form == apd.Infinite {
		r.Form = apd.Finite
		r.Coeff.SetInt64(1)
		s, err := c.fix(r, c.emax+c.prec+10, c.round)
		return st | s, err
	}
	s, err := c.fix(r, int64(r.Exponent), c.round)
	return st | s, err
}

// powerReal is x ** y for a non-integer y: exp(y * ln x) at a working
// precision well above the context's, then rounded to it; always inexact.
func powerReal(c *decCtx, r, x, y *apd.Decimal) (uint32, error) {
	wp := max(numDigits(&x.Coeff), c.prec) + 4 + 19
	wc := &decCtx{prec: wp, round: rndHalfEven, emin: decMinEmin, emax: decMaxEmax}
	var l, m apd.Decimal
	var work uint32
	s, err := decLn(wc, &l, x, false)
	if err != nil {
		return 0, err
	}
	work |= s
	if s, err = decMul(wc, &m, &l, y); err != nil {
		return 0, err
	}
	work |= s
	if s, err = decExp(wc, r, &m); err != nil {
		return 0, err
	}
	work |= s
	st := work&(dfIEEEInvalid|dfDivisionByZero) | dfInexact | dfRounded
	var one apd.Decimal
	one.Coeff.SetInt64(1)
	switch {
	case r.Form == apd.Finite && cmpDec(r, &one) == 0:
		_, err := powerOfOne(c, r, false, c.prec-1, 0)
		return st, err
	case r.Form == apd.Infinite:
		r.Form = apd.Finite
		r.Coeff.SetInt64(1)
		s, err := c.fix(r, c.emax+c.prec+10, c.round)
		return st | s, err
	}
	s, err = c.fix(r, int64(r.Exponent), c.round)
	return st | s, err
}
