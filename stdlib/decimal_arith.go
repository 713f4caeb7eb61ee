package stdlib

import (
	"math"
	"math/bits"
	"sync"
	"sync/atomic"

	"github.com/asylang/asy/vm"
	"github.com/cockroachdb/apd/v3"
)

// The basic arithmetic of the specification on apd's numbers: rounding a
// result to the context ("fix": precision, rounding mode, exponent limits,
// subnormals, clamping), addition, multiplication, division with its
// ideal exponent, and divide-integer/remainder. apd's own Quo keeps every
// digit of an exact quotient (1/4 gives 0.2500000000000000000000000000
// where CPython gives 0.25) and recomputes powers of ten for long numbers;
// these keep CPython's results and a cache of powers of ten.

// tenPowers caches 10**n (immutable once published; grown under tenMu).
var (
	tenPowers atomic.Pointer[[]*apd.BigInt]
	tenMu     sync.Mutex
)

// tenPow is 10**n (n >= 0); the result must not be modified.
func tenPow(n int64) *apd.BigInt {
	if t := tenPowers.Load(); t != nil && n < int64(len(*t)) {
		return (*t)[n]
	}
	if n > 4096 {
		var r apd.BigInt
		r.Exp(apd.NewBigInt(10), apd.NewBigInt(n), nil)
		return &r
	}
	tenMu.Lock()
	defer tenMu.Unlock()
	var old []*apd.BigInt
	if t := tenPowers.Load(); t != nil {
		old = *t
	}
	size := max(int64(len(old))*2, n+1, 64)
	t := make([]*apd.BigInt, size)
	copy(t, old)
	ten := apd.NewBigInt(10)
	for i := len(old); i < len(t); i++ {
		if i == 0 {
			t[i] = apd.NewBigInt(1)
			continue
		}
		t[i] = new(apd.BigInt).Mul(t[i-1], ten)
	}
	tenPowers.Store(&t)
	return t[n]
}

// Read-only small constants.
var (
	bigZero apd.BigInt
	bigOne  = apd.NewBigInt(1)
	bigTen  = apd.NewBigInt(10)
)

// decScratch holds big integers the operations of one context reuse, so
// that long coefficients do not cost fresh storage at every step. Each
// field belongs to one function (fix, decAdd, shrinkAddend, decDiv), so
// that one calling another does not clobber its own.
type decScratch struct {
	fixRem, addA, addB, cutQ, cutR, divNum, divRem apd.BigInt
	cut                                            apd.Decimal
	intArg                                         apd.Decimal // an int operand of BinaryOp
}

func (c *decCtx) scr() *decScratch {
	if c.scratch == nil {
		c.scratch = &decScratch{}
	}
	return c.scratch
}

var tenPow64 = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < 20; i++ {
		p[i] = p[i-1] * 10
	}
	return
}()

// numDigits is the number of decimal digits of |b| (1 for zero).
func numDigits(b *apd.BigInt) int64 {
	if v, ok := words128(b); ok {
		return v.digits()
	}
	if b.IsUint64() {
		u := b.Uint64()
		if u == 0 {
			return 1
		}
		// 1233/4096 is log10(2) closely enough for 64 bits: n is the
		// digit count or one less.
		n := int64(bits.Len64(u)) * 1233 >> 12
		if u >= tenPow64[n] {
			n++
		}
		return n
	}
	if v, ok := get128(b); ok {
		return v.digits()
	}
	// 2**(bl-1) <= |b| < 2**bl: estimate, then settle against powers of ten.
	n := int64(b.BitLen()-1) * 1233 >> 12 // about floor(log10 |b|)
	for n > 0 && b.CmpAbs(tenPow(n)) < 0 {
		n--
	}
	for b.CmpAbs(tenPow(n+1)) >= 0 {
		n++
	}
	return n + 1
}

// shiftDown is q, r = b / 10**n (n >= 0) with fast paths for machine words.
func shiftDown(q, r, b *apd.BigInt, n int64) {
	if n == 0 {
		q.Set(b)
		r.SetInt64(0)
		return
	}
	if n < 20 && b.IsUint64() {
		u, p := b.Uint64(), tenPow64[n]
		q.SetUint64(u / p)
		r.SetUint64(u % p)
		return
	}
	q.QuoRem(b, tenPow(n), r)
}

// shiftUp is b * 10**n.
func shiftUp(z, b *apd.BigInt, n int64) {
	if n == 0 {
		z.Set(b)
		return
	}
	if n < 20 && b.IsUint64() {
		hi, lo := bits.Mul64(b.Uint64(), tenPow64[n])
		if hi == 0 {
			z.SetUint64(lo)
			return
		}
	}
	z.Mul(b, tenPow(n))
}

// roundsAway decides whether the kept digits q (of a number with the sign
// neg) go up by one, given the discarded part r out of a unit d (r > 0).
func roundsAway(mode int, q, r, d *apd.BigInt, neg bool) bool {
	return roundsAwayBy(mode, neg, q.Bit(0) == 1, func() int64 {
		var t, m apd.BigInt
		t.QuoRem(q, apd.NewBigInt(10), &m)
		return m.Int64()
	}, func() int {
		var twice apd.BigInt
		twice.Add(r, r)
		return twice.Cmp(d)
	})
}

// roundsAwayBy is the rule of every rounding mode for a non-zero discarded
// part, shared by the coefficient representations: neg is the sign, odd
// whether the kept digits are odd, lastDigit their last digit (needed by
// ROUND_05UP only) and half the discarded part against half a unit (<0,
// 0, >0; needed by the half modes only).
func roundsAwayBy(mode int, neg, odd bool, lastDigit func() int64, half func() int) bool {
	switch mode {
	case rndUp:
		return true
	case rndDown:
		return false
	case rndCeiling:
		return !neg
	case rndFloor:
		return neg
	case rnd05Up:
		last := lastDigit()
		return last == 0 || last == 5
	}
	h := half()
	switch mode {
	case rndHalfUp:
		return h >= 0
	case rndHalfDown:
		return h > 0
	}
	return h > 0 || h == 0 && odd
}

// fix rounds the finite number in d, whose exponent is exp (wider than
// d.Exponent can hold), to the context with the rounding mode: the
// specification's rounding of every result, with its conditions.
func (c *decCtx) fix(d *apd.Decimal, exp int64, mode int) (uint32, error) {
	d.Form = apd.Finite
	etiny, etop := c.etiny(), c.etop()
	if d.Coeff.Sign() == 0 {
		expMax := c.emax
		if c.clamp == 1 {
			expMax = etop
		}
		n := min(max(exp, etiny), expMax)
		var st uint32
		if n != exp {
			st = dfClamped
		}
		return st, setExponent(d, n)
	}
	nd := numDigits(&d.Coeff)
	expMin := nd + exp - c.prec
	if expMin > etop {
		return dfOverflow | dfInexact | dfRounded, c.overflowTo(d, mode)
	}
	sub := expMin < etiny
	if sub {
		expMin = etiny
	}
	if exp < expMin {
		// The kept digits replace the coefficient in place.
		drop := expMin - exp
		q, r := &d.Coeff, &c.scr().fixRem
		changed := true
		up := false
		if drop > nd {
			// Every digit goes, and they were worth less than half a unit.
			q.SetInt64(0)
			up = roundsAway(mode, q, bigOne, bigTen, d.Negative)
		} else {
			shiftDown(q, r, q, drop)
			if r.Sign() == 0 {
				changed = false
			} else {
				up = roundsAway(mode, q, r, tenPow(drop), d.Negative)
			}
		}
		if up {
			q.Add(q, bigOne)
			if numDigits(q) > c.prec {
				shiftDown(q, r, q, 1)
				expMin++
			}
		}
		var st uint32
		if expMin > etop {
			st = dfOverflow
			if err := c.overflowTo(d, mode); err != nil {
				return 0, err
			}
		} else if err := setExponent(d, expMin); err != nil {
			return 0, err
		}
		if changed && sub {
			st |= dfUnderflow
		}
		if sub {
			st |= dfSubnormal
		}
		if changed {
			st |= dfInexact
		}
		st |= dfRounded
		if d.Form == apd.Finite && d.Coeff.Sign() == 0 {
			st |= dfClamped
		}
		return st, nil
	}
	var st uint32
	if sub {
		st |= dfSubnormal
	}
	if c.clamp == 1 && exp > etop {
		shiftUp(&d.Coeff, &d.Coeff, exp-etop)
		exp = etop
		st |= dfClamped
	}
	return st, setExponent(d, exp)
}

func setExponent(d *apd.Decimal, exp int64) error {
	if exp > math.MaxInt32 || exp < math.MinInt32 {
		return errDecLimit()
	}
	d.Exponent = int32(exp)
	return nil
}

// overflowTo sets d (keeping its sign) to the result of an overflow:
// Infinity, or the largest finite number when the rounding goes toward zero.
func (c *decCtx) overflowTo(d *apd.Decimal, mode int) error {
	toZero := false
	switch mode {
	case rndDown, rnd05Up:
		toZero = true
	case rndCeiling:
		toZero = d.Negative
	case rndFloor:
		toZero = !d.Negative
	}
	if !toZero {
		d.Form = apd.Infinite
		d.Coeff.SetInt64(0)
		d.Exponent = 0
		return nil
	}
	d.Form = apd.Finite
	d.Coeff.Sub(tenPow(c.prec), apd.NewBigInt(1))
	return setExponent(d, c.etop())
}

// fixNaN truncates a NaN's payload to what the context holds.
func (c *decCtx) fixNaN(d *apd.Decimal) {
	keep := c.prec - int64(c.clamp)
	if d.Coeff.Sign() != 0 && numDigits(&d.Coeff) > keep {
		var q apd.BigInt
		q.QuoRem(&d.Coeff, tenPow(keep), &d.Coeff)
	}
}

// nanOperands is the specification's rule for NaN operands: a signaling
// NaN gives InvalidOperation and a quiet NaN with its payload, else the
// first quiet NaN is the result. done is false without NaNs.
func (c *decCtx) nanOperands(r *apd.Decimal, ds ...*apd.Decimal) (st uint32, done bool) {
	for _, d := range ds {
		if d.Form == apd.NaNSignaling {
			r.Set(d)
			r.Form = apd.NaN
			c.fixNaN(r)
			return dfInvalidOperation, true
		}
	}
	for _, d := range ds {
		if d.Form == apd.NaN {
			r.Set(d)
			c.fixNaN(r)
			return 0, true
		}
	}
	return 0, false
}

func setNaN(r *apd.Decimal) {
	r.Form = apd.NaN
	r.Negative = false
	r.Coeff.SetInt64(0)
	r.Exponent = 0
}

func setInf(r *apd.Decimal, neg bool) {
	r.Form = apd.Infinite
	r.Negative = neg
	r.Coeff.SetInt64(0)
	r.Exponent = 0
}

// decAdd is x + y (x - y when sub).
func decAdd(c *decCtx, r, x, y *apd.Decimal, sub bool) (uint32, error) {
	if st, ok := add128(c, r, x, y, sub); ok {
		return st, nil
	}
	if st, done := c.nanOperands(r, x, y); done {
		return st, nil
	}
	yneg := y.Negative != sub
	if x.Form == apd.Infinite {
		if y.Form == apd.Infinite && x.Negative != yneg {
			setNaN(r)
			return dfInvalidOperation, nil
		}
		setInf(r, x.Negative)
		return 0, nil
	}
	if y.Form == apd.Infinite {
		setInf(r, yneg)
		return 0, nil
	}
	xz, yz := x.Coeff.Sign() == 0, y.Coeff.Sign() == 0
	ex, ey := int64(x.Exponent), int64(y.Exponent)
	exp := min(ex, ey)
	// A zero operand contributes its exponent only down to just below the
	// other operand's precision (1 + 0E-999999 builds no million digits).
	if xz && !yz {
		exp = max(exp, ey-c.prec-1)
	} else if yz && !xz {
		exp = max(exp, ex-c.prec-1)
	}
	xneg := x.Negative
	x, y = shrinkAddend(c, x, y)
	ex, ey = int64(x.Exponent), int64(y.Exponent)
	if !xz && !yz {
		exp = min(ex, ey)
	}
	// Align the coefficients (an operand already at the exponent is used
	// as it is).
	s := c.scr()
	align := func(d *apd.Decimal, zero bool, e int64, tmp *apd.BigInt) *apd.BigInt {
		switch {
		case zero:
			return &bigZero
		case e == exp:
			return &d.Coeff
		}
		shiftUp(tmp, &d.Coeff, e-exp)
		return tmp
	}
	a := align(x, xz, ex, &s.addA)
	b := align(y, yz, ey, &s.addB)
	neg := xneg
	if xneg == yneg {
		r.Coeff.Add(a, b)
	} else {
		switch a.Cmp(b) {
		case 1:
			r.Coeff.Sub(a, b)
		case -1:
			r.Coeff.Sub(b, a)
			neg = yneg
		default:
			r.Coeff.SetInt64(0)
			neg = c.round == rndFloor
		}
	}
	r.Negative = neg
	return c.fix(r, exp, c.round)
}

// decMul is x * y.
func decMul(c *decCtx, r, x, y *apd.Decimal) (uint32, error) {
	if st, ok := mul128(c, r, x, y); ok {
		return st, nil
	}
	if st, done := c.nanOperands(r, x, y); done {
		return st, nil
	}
	neg := x.Negative != y.Negative
	if x.Form == apd.Infinite || y.Form == apd.Infinite {
		if x.Form == apd.Finite && x.Coeff.Sign() == 0 || y.Form == apd.Finite && y.Coeff.Sign() == 0 {
			setNaN(r)
			return dfInvalidOperation, nil
		}
		setInf(r, neg)
		return 0, nil
	}
	r.Coeff.Mul(&x.Coeff, &y.Coeff)
	r.Negative = neg
	return c.fix(r, int64(x.Exponent)+int64(y.Exponent), c.round)
}

// decDiv is x / y: exact quotients come with the ideal exponent (the
// difference of the operands'), others rounded to the precision.
func decDiv(c *decCtx, r, x, y *apd.Decimal) (uint32, error) {
	if st, ok := div128(c, r, x, y); ok {
		return st, nil
	}
	if st, done := c.nanOperands(r, x, y); done {
		return st, nil
	}
	neg := x.Negative != y.Negative
	xi, yi := x.Form == apd.Infinite, y.Form == apd.Infinite
	switch {
	case xi && yi:
		setNaN(r)
		return dfInvalidOperation, nil
	case xi:
		setInf(r, neg)
		return 0, nil
	case yi:
		r.Form, r.Negative = apd.Finite, neg
		r.Coeff.SetInt64(0)
		return dfClamped, setExponent(r, c.etiny())
	}
	if y.Coeff.Sign() == 0 {
		if x.Coeff.Sign() == 0 {
			setNaN(r)
			return dfDivisionUndefined, nil
		}
		setInf(r, neg)
		return dfDivisionByZero, nil
	}
	ideal := int64(x.Exponent) - int64(y.Exponent)
	r.Form, r.Negative = apd.Finite, neg
	if x.Coeff.Sign() == 0 {
		r.Coeff.SetInt64(0)
		return c.fix(r, ideal, c.round)
	}
	shift := numDigits(&y.Coeff) - numDigits(&x.Coeff) + c.prec + 1
	exp := ideal - shift
	s := c.scr()
	num, rem := &s.divNum, &s.divRem
	if shift >= 0 {
		shiftUp(num, &x.Coeff, shift)
		r.Coeff.QuoRem(num, &y.Coeff, rem)
	} else {
		shiftUp(num, &y.Coeff, -shift)
		r.Coeff.QuoRem(&x.Coeff, num, rem)
	}
	if rem.Sign() != 0 {
		// A last digit of 0 or 5 would hide that the quotient goes on.
		if modWord(&r.Coeff, 5) == 0 {
			r.Coeff.Add(&r.Coeff, bigOne)
		}
	} else if shift > 0 {
		exp += exactQuotientZeros(&r.Coeff, &x.Coeff, &y.Coeff, shift)
	}
	return c.fix(r, exp, c.round)
}

// exactQuotientZeros strips the trailing zeros of the exact quotient
// q = x*10**shift / y, at most shift of them, and returns how many went.
// The padding makes q end in up to shift zeros; counting them by dividing
// q by ten over and over is quadratic in its length (1/5**k at a precision
// of 1000 digits: 1000 zeros). The count follows from the factors of two
// and five instead: v2(q) from q's bits, v5(q) = v5(x) + shift - v5(y),
// where x and y (stripped coefficients) rarely have many factors of five.
func exactQuotientZeros(q, x, y *apd.BigInt, shift int64) int64 {
	tz := min(trailingZeroBits(q), shift)
	if tz == 0 {
		return 0
	}
	v5y := val5(y, math.MaxInt64)
	if need := tz + v5y - shift; need > 0 {
		tz = min(tz, val5(x, need)+shift-v5y)
	}
	if tz > 0 {
		var m apd.BigInt
		q.QuoRem(q, tenPow(tz), &m)
	}
	return tz
}

// trailingZeroBits is the number of factors of two of b (b != 0).
func trailingZeroBits(b *apd.BigInt) int64 {
	if b.IsUint64() {
		return int64(bits.TrailingZeros64(b.Uint64()))
	}
	return int64(b.TrailingZeroBits())
}

// pow5x64 is 5**n for n <= 27 (the largest power of five in 64 bits).
var pow5x64 = func() (p [28]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 5
	}
	return
}()

// val5 is the number of factors of five of b (b != 0), or limit if that
// is smaller. Up to 27 of them cost one pass of word remainders; only a
// b divisible by 5**27 is divided.
func val5(b *apd.BigInt, limit int64) int64 {
	var n int64
	var tmp, m apd.BigInt
	for n < limit {
		k := min(limit-n, 27)
		if r := modWord(b, pow5x64[k]); r != 0 {
			// 5**j divides b exactly when it divides r (j <= k).
			for r%5 == 0 {
				r /= 5
				n++
			}
			return n
		}
		n += k
		if n < limit {
			tmp.QuoRem(b, apd.NewBigInt(int64(pow5x64[27])), &m)
			b = &tmp
		}
	}
	return limit
}

// modWord is |b| mod d (d > 0), without building a quotient.
func modWord(b *apd.BigInt, d uint64) uint64 {
	if b.IsUint64() {
		return b.Uint64() % d
	}
	if bits.UintSize != 64 {
		var q, m apd.BigInt
		q.QuoRem(b, new(apd.BigInt).SetUint64(d), &m)
		m.Abs(&m)
		return m.Uint64()
	}
	w := b.Bits()
	if d == 5 {
		// 2**64 = 1 (mod 5): the words' sum has b's remainder, and adding
		// costs less than dividing.
		var hi, lo, c uint64
		for _, x := range w {
			lo, c = bits.Add64(lo, uint64(x), 0)
			hi += c
		}
		return (hi%5 + lo%5) % 5
	}
	var r uint64
	for i := len(w) - 1; i >= 0; i-- {
		_, r = bits.Div64(r, uint64(w[i]), d)
	}
	return r
}

// divideInt splits finite x by finite non-zero (or infinite) y into the
// integer quotient q and the remainder r (unrounded); impossible reports a
// quotient longer than the precision.
func divideInt(c *decCtx, q, r, x, y *apd.Decimal) (impossible bool, err error) {
	neg := x.Negative != y.Negative
	ideal := int64(x.Exponent)
	if y.Form == apd.Finite {
		ideal = min(ideal, int64(y.Exponent))
	}
	q.Form, q.Negative, q.Exponent = apd.Finite, neg, 0
	r.Form, r.Negative = apd.Finite, x.Negative
	if y.Form == apd.Infinite || x.Coeff.Sign() == 0 || adjusted(x)-adjusted(y) <= -2 {
		q.Coeff.SetInt64(0)
		shiftUp(&r.Coeff, &x.Coeff, int64(x.Exponent)-ideal)
		return false, setExponent(r, ideal)
	}
	if adjusted(x)-adjusted(y) <= c.prec {
		var a, b apd.BigInt
		shiftUp(&a, &x.Coeff, int64(x.Exponent)-ideal)
		shiftUp(&b, &y.Coeff, int64(y.Exponent)-ideal)
		q.Coeff.QuoRem(&a, &b, &r.Coeff)
		if numDigits(&q.Coeff) <= c.prec || q.Coeff.Sign() == 0 {
			return false, setExponent(r, ideal)
		}
	}
	return true, nil
}

// decDivInt is x // y (the quotient truncated toward zero).
func decDivInt(c *decCtx, r, x, y *apd.Decimal) (uint32, error) {
	if st, done := c.nanOperands(r, x, y); done {
		return st, nil
	}
	neg := x.Negative != y.Negative
	if x.Form == apd.Infinite {
		if y.Form == apd.Infinite {
			setNaN(r)
			return dfInvalidOperation, nil
		}
		setInf(r, neg)
		return 0, nil
	}
	if y.Form == apd.Finite && y.Coeff.Sign() == 0 {
		if x.Coeff.Sign() == 0 {
			setNaN(r)
			return dfDivisionUndefined, nil
		}
		setInf(r, neg)
		return dfDivisionByZero, nil
	}
	var rem apd.Decimal
	impossible, err := divideInt(c, r, &rem, x, y)
	if impossible {
		setNaN(r)
		return dfDivisionImpossible, nil
	}
	return 0, err
}

// decRem is x % y (the remainder has the sign of x).
func decRem(c *decCtx, r, x, y *apd.Decimal) (uint32, error) {
	if st, done := c.nanOperands(r, x, y); done {
		return st, nil
	}
	if x.Form == apd.Infinite {
		setNaN(r)
		return dfInvalidOperation, nil
	}
	if y.Form == apd.Finite && y.Coeff.Sign() == 0 {
		setNaN(r)
		if x.Coeff.Sign() == 0 {
			return dfDivisionUndefined, nil
		}
		return dfInvalidOperation, nil
	}
	var q apd.Decimal
	impossible, err := divideInt(c, &q, r, x, y)
	if err != nil {
		return 0, err
	}
	if impossible {
		setNaN(r)
		return dfDivisionImpossible, nil
	}
	return c.fix(r, int64(r.Exponent), c.round)
}

// decDivmod is divmod(x, y): the integer quotient and the remainder.
func decDivmod(c *decCtx, x, y *decObj) (vm.Value, error) {
	q, r := &decObj{}, &decObj{}
	pair := func(st uint32) (vm.Value, error) {
		if err := c.addStatus(st); err != nil {
			return vm.Undef, err
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(q), vm.Obj(r)})), nil
	}
	if st, done := c.nanOperands(&q.d, &x.d, &y.d); done {
		r.d.Set(&q.d)
		return pair(st)
	}
	neg := x.d.Negative != y.d.Negative
	if x.d.Form == apd.Infinite {
		if y.d.Form == apd.Infinite {
			setNaN(&q.d)
			setNaN(&r.d)
			return pair(dfInvalidOperation)
		}
		setInf(&q.d, neg)
		setNaN(&r.d)
		return pair(dfInvalidOperation)
	}
	if y.d.Form == apd.Finite && y.d.Coeff.Sign() == 0 {
		setNaN(&r.d)
		if x.d.Coeff.Sign() == 0 {
			setNaN(&q.d)
			return pair(dfDivisionUndefined)
		}
		setInf(&q.d, neg)
		return pair(dfDivisionByZero | dfInvalidOperation)
	}
	impossible, err := divideInt(c, &q.d, &r.d, &x.d, &y.d)
	if err != nil {
		return vm.Undef, err
	}
	if impossible {
		setNaN(&q.d)
		setNaN(&r.d)
		return pair(dfDivisionImpossible)
	}
	st, err := c.fix(&r.d, int64(r.d.Exponent), c.round)
	if err != nil {
		return vm.Undef, err
	}
	return pair(st)
}

// decPlusMinus is +x or -x: 0 + x and 0 - x, so a zero comes out
// positive except under ROUND_FLOOR.
func decPlusMinus(c *decCtx, x *decObj, minus bool) (vm.Value, error) {
	r := &decObj{}
	if st, done := c.nanOperands(&r.d, &x.d); done {
		return c.withStatus(r, st)
	}
	r.d.Set(&x.d)
	r.d.Negative = x.d.Negative != minus
	if x.d.Form == apd.Finite && x.d.Coeff.Sign() == 0 && c.round != rndFloor {
		r.d.Negative = false
	}
	if r.d.Form == apd.Infinite {
		return vm.Obj(r), nil
	}
	if v, ok := get128(&r.d.Coeff); ok && !decSmallOff {
		if st, ok := c.fix128(&r.d, v, int64(r.d.Exponent), c.round); ok {
			return c.withStatus(r, st)
		}
	}
	st, err := c.fix(&r.d, int64(r.d.Exponent), c.round)
	if err != nil {
		return vm.Undef, err
	}
	return c.withStatus(r, st)
}

// decAbs is abs(x): minus for negative numbers, plus otherwise.
func decAbs(c *decCtx, x *decObj) (vm.Value, error) {
	return decPlusMinus(c, x, x.d.Negative && !isNaN(&x.d))
}
