package stdlib

import (
	"encoding/binary"
	"math/bits"

	"github.com/cockroachdb/apd/v3"
)

// Fast paths for coefficients of up to 128 bits (38 digits: the default
// precision of 28 and money amounts live here). apd's BigInt keeps such
// values inline, but every operation on it goes through math/big, which
// allocates when an intermediate result needs a third word (a 2-word by
// 1-word product does) and costs a few hundred nanoseconds per step. Here
// the same operations are plain 64-bit word arithmetic; whenever a value
// or a condition leaves the common case (overflow of 128 bits, subnormal
// or overflowing results, clamping) the functions report !ok before changing anything and the caller
// takes the general path, so the results are the general path's exactly
// (TestDecimalSmallAgrees compares both on random operands).

// decSmallOff turns the fast paths off (for the tests that compare them
// with the general path).
var decSmallOff bool

type u128 struct{ hi, lo uint64 }

func (v u128) isZero() bool { return v.hi|v.lo == 0 }

func (v u128) cmp(w u128) int {
	switch {
	case v.hi != w.hi:
		if v.hi < w.hi {
			return -1
		}
		return 1
	case v.lo != w.lo:
		if v.lo < w.lo {
			return -1
		}
		return 1
	}
	return 0
}

// add is v + w; ok is false on overflow.
func (v u128) add(w u128) (u128, bool) {
	lo, c := bits.Add64(v.lo, w.lo, 0)
	hi, c := bits.Add64(v.hi, w.hi, c)
	return u128{hi, lo}, c == 0
}

// sub is v - w for v >= w.
func (v u128) sub(w u128) u128 {
	lo, b := bits.Sub64(v.lo, w.lo, 0)
	hi, _ := bits.Sub64(v.hi, w.hi, b)
	return u128{hi, lo}
}

// mul64 is v * m; ok is false on overflow.
func (v u128) mul64(m uint64) (u128, bool) {
	h1, lo := bits.Mul64(v.lo, m)
	h2, l2 := bits.Mul64(v.hi, m)
	hi, c := bits.Add64(h1, l2, 0)
	return u128{hi, lo}, h2 == 0 && c == 0
}

// mul is v * w; ok is false on overflow.
func (v u128) mul(w u128) (u128, bool) {
	switch {
	case v.hi == 0:
		return w.mul64(v.lo)
	case w.hi == 0:
		return v.mul64(w.lo)
	}
	return u128{}, false
}

// divmod is v / d and v % d (d > 0).
func (v u128) divmod(d uint64) (u128, uint64) {
	qhi, r := v.hi/d, v.hi%d
	qlo, r := bits.Div64(r, v.lo, d)
	return u128{qhi, qlo}, r
}

// pow10x128 is 10**n for n <= 38 (the largest power of ten below 2**128).
var pow10x128 = func() (p [39]u128) {
	p[0] = u128{0, 1}
	for i := 1; i < len(p); i++ {
		p[i], _ = p[i-1].mul64(10)
	}
	return
}()

// digits is the number of decimal digits of v (1 for zero).
func (v u128) digits() int64 {
	if v.hi == 0 {
		if v.lo == 0 {
			return 1
		}
		n := int64(bits.Len64(v.lo)) * 1233 >> 12
		if v.lo >= tenPow64[n] {
			n++
		}
		return n
	}
	// As numDigits: the estimate is the digit count or one less.
	n := int64(64+bits.Len64(v.hi)) * 1233 >> 12
	if v.cmp(pow10x128[n]) >= 0 {
		n++
	}
	return n
}

// shiftUp is v * 10**n; ok is false on overflow.
func (v u128) shiftUp(n int64) (u128, bool) {
	switch {
	case n < 20:
		return v.mul64(tenPow64[n])
	case n < 39:
		if v.hi != 0 {
			return u128{}, false
		}
		return pow10x128[n].mul64(v.lo)
	}
	return u128{}, false
}

// get128 reads |b|; ok is false above 128 bits.
func get128(b *apd.BigInt) (u128, bool) {
	if v, ok := words128(b); ok {
		return v, true
	}
	if b.IsUint64() {
		return u128{0, b.Uint64()}, true
	}
	if bits.UintSize != 64 || b.BitLen() > 128 {
		return u128{}, false
	}
	var v u128
	switch w := b.Bits(); len(w) { // the magnitude, also of a negative b
	case 2:
		v.hi = uint64(w[1])
		fallthrough
	case 1:
		v.lo = uint64(w[0])
	}
	return v, true
}

// set128 stores v in a coefficient (apd keeps it inline: SetBytes fills
// the BigInt's own words when they are wide enough).
func set128(b *apd.BigInt, v u128) {
	if setWords128(b, v) {
		return
	}
	if v.hi == 0 {
		b.SetUint64(v.lo)
		return
	}
	b.SetUint64(0)
	var buf [16]byte
	binary.BigEndian.PutUint64(buf[:8], v.hi)
	binary.BigEndian.PutUint64(buf[8:], v.lo)
	b.SetBytes(buf[:])
}

// divPow10 is v / 10**n and v % 10**n (0 < n <= 38).
func (v u128) divPow10(n int64) (q, rem u128) {
	if n < 20 {
		q, r := v.divmod(tenPow64[n])
		return q, u128{0, r}
	}
	// Beyond 64 bits the divisor goes in two steps:
	// v = (q*10**(n-19) + r2)*10**19 + r1.
	q1, r1 := v.divmod(tenPow64[19])
	q, r2 := q1.divmod(tenPow64[n-19])
	rem, _ = u128{0, r2}.mul64(tenPow64[19])
	rem, _ = rem.add(u128{0, r1})
	return q, rem
}

// roundsAway128 is roundsAway for a discarded part rem out of a unit p
// (0 < rem < p), with q the kept digits.
func roundsAway128(mode int, q, rem, p u128, neg bool) bool {
	return roundsAwayBy(mode, neg, q.lo&1 == 1, func() int64 {
		_, last := q.divmod(10)
		return int64(last)
	}, func() int {
		return rem.cmp(p.sub(rem)) // twice rem against p
	})
}

// fix128 is fix for the non-zero coefficient v (to be stored in d):
// ok is false, with d untouched, when the result needs the general path.
func (c *decCtx) fix128(d *apd.Decimal, v u128, exp int64, mode int) (st uint32, ok bool) {
	if v.isZero() {
		return 0, false
	}
	nd := v.digits()
	expMin := nd + exp - c.prec
	etop := c.etop()
	if expMin > etop || expMin < c.etiny() {
		return 0, false
	}
	if exp >= expMin {
		if c.clamp == 1 && exp > etop || exp > maxInt32 || exp < minInt32 {
			return 0, false
		}
		set128(&d.Coeff, v)
		d.Form, d.Exponent = apd.Finite, int32(exp)
		return 0, true
	}
	drop := expMin - exp // < nd <= 39
	q, rem := v.divPow10(drop)
	st = dfRounded
	if !rem.isZero() {
		st |= dfInexact
		if roundsAway128(mode, q, rem, pow10x128[drop], d.Negative) {
			q, _ = q.add(u128{0, 1}) // q < 2**128 / 10: no overflow
			if q.digits() > c.prec {
				q, _ = q.divmod(10)
				expMin++
			}
		}
	}
	if expMin > etop || expMin > maxInt32 || expMin < minInt32 {
		return 0, false
	}
	set128(&d.Coeff, q)
	d.Form, d.Exponent = apd.Finite, int32(expMin)
	return st, true
}

const (
	maxInt32 = 1<<31 - 1
	minInt32 = -1 << 31
)

// finite128 reads the coefficients of two finite operands.
func finite128(x, y *apd.Decimal) (xv, yv u128, ok bool) {
	if decSmallOff || x.Form != apd.Finite || y.Form != apd.Finite {
		return xv, yv, false
	}
	if xv, ok = get128(&x.Coeff); !ok {
		return xv, yv, false
	}
	yv, ok = get128(&y.Coeff)
	return xv, yv, ok
}

// add128 is decAdd for non-zero finite operands whose aligned sum fits.
func add128(c *decCtx, r, x, y *apd.Decimal, sub bool) (uint32, bool) {
	xv, yv, ok := finite128(x, y)
	if !ok || xv.isZero() || yv.isZero() {
		return 0, false
	}
	ex, ey := int64(x.Exponent), int64(y.Exponent)
	exp := min(ex, ey)
	if xv, ok = xv.shiftUp(ex - exp); !ok {
		return 0, false
	}
	if yv, ok = yv.shiftUp(ey - exp); !ok {
		return 0, false
	}
	xneg, yneg := x.Negative, y.Negative != sub
	var s u128
	neg := xneg
	if xneg == yneg {
		if s, ok = xv.add(yv); !ok {
			return 0, false
		}
	} else {
		switch xv.cmp(yv) {
		case 1:
			s = xv.sub(yv)
		case -1:
			s = yv.sub(xv)
			neg = yneg
		default:
			return 0, false // a zero sum: its exponent rules are the general path's
		}
	}
	saved := r.Negative
	r.Negative = neg
	st, ok := c.fix128(r, s, exp, c.round)
	if !ok {
		r.Negative = saved
	}
	return st, ok
}

// mul128 is decMul for finite operands whose product fits.
func mul128(c *decCtx, r, x, y *apd.Decimal) (uint32, bool) {
	xv, yv, ok := finite128(x, y)
	if !ok {
		return 0, false
	}
	p, ok := xv.mul(yv)
	if !ok {
		return 0, false
	}
	saved := r.Negative
	r.Negative = x.Negative != y.Negative
	st, ok := c.fix128(r, p, int64(x.Exponent)+int64(y.Exponent), c.round)
	if !ok {
		r.Negative = saved
	}
	return st, ok
}

// div128 is decDiv for non-zero finite operands with a divisor of up to
// 64 bits and a dividend that fits once scaled to the precision.
func div128(c *decCtx, r, x, y *apd.Decimal) (uint32, bool) {
	xv, yv, ok := finite128(x, y)
	if !ok || xv.isZero() || yv.isZero() || yv.hi != 0 {
		return 0, false
	}
	ideal := int64(x.Exponent) - int64(y.Exponent)
	shift := yv.digits() - xv.digits() + c.prec + 1
	if shift < 0 {
		return 0, false
	}
	num, ok := xv.shiftUp(shift)
	if !ok {
		return 0, false
	}
	exp := ideal - shift
	q, rem := num.divmod(yv.lo)
	if rem != 0 {
		// A last digit of 0 or 5 would hide that the quotient goes on.
		if _, m := q.divmod(5); m == 0 {
			q, _ = q.add(u128{0, 1})
		}
	} else {
		for exp < ideal {
			q10, m := q.divmod(10)
			if m != 0 {
				break
			}
			q = q10
			exp++
		}
	}
	saved := r.Negative
	r.Negative = x.Negative != y.Negative
	st, ok := c.fix128(r, q, exp, c.round)
	if !ok {
		r.Negative = saved
	}
	return st, ok
}

// rescale128 is rescale for a coefficient that fits, when the new one
// does too.
func rescale128(r *apd.BigInt, x *apd.Decimal, exp int64, mode int) (inexact, rounded, ok bool) {
	if decSmallOff {
		return false, false, false
	}
	v, ok := get128(&x.Coeff)
	if !ok {
		return false, false, false
	}
	shift := exp - int64(x.Exponent)
	switch {
	case shift <= 0:
		if v, ok = v.shiftUp(-shift); !ok {
			return false, false, false
		}
	case shift < 39:
		q, rem := v.divPow10(shift)
		rounded = true
		if !rem.isZero() {
			inexact = true
			if roundsAway128(mode, q, rem, pow10x128[shift], x.Negative) {
				q, _ = q.add(u128{0, 1})
			}
		}
		v = q
	default:
		return false, false, false
	}
	set128(r, v)
	return inexact, rounded, true
}

// quantize128 is decQuantize for a non-zero finite x with a coefficient
// that fits, when the result is an ordinary number of the context (not
// subnormal, not clamped, within the precision): then the context's final
// rounding has nothing to do and the result is the rescaled coefficient.
func quantize128(c *decCtx, x, y *apd.Decimal, mode int) (r *decObj, st uint32, ok bool) {
	if decSmallOff || x.Form != apd.Finite || y.Form != apd.Finite {
		return nil, 0, false
	}
	v, ok := get128(&x.Coeff)
	if !ok || v.isZero() {
		return nil, 0, false
	}
	exp := int64(y.Exponent)
	if exp < c.etiny() || exp > c.emax || c.clamp == 1 && exp > c.etop() {
		return nil, 0, false
	}
	if adj := int64(x.Exponent) + v.digits() - 1; adj > c.emax || adj-exp+1 > c.prec {
		return nil, 0, false // InvalidOperation: the general path words it
	}
	switch shift := exp - int64(x.Exponent); {
	case shift <= 0:
		if v, ok = v.shiftUp(-shift); !ok {
			return nil, 0, false
		}
	case shift < 39:
		q, rem := v.divPow10(shift)
		st = dfRounded
		if !rem.isZero() {
			st |= dfInexact
			if roundsAway128(mode, q, rem, pow10x128[shift], x.Negative) {
				q, _ = q.add(u128{0, 1})
			}
		}
		v = q
	default:
		return nil, 0, false
	}
	if v.isZero() {
		return nil, 0, false
	}
	nd := v.digits()
	if adj := exp + nd - 1; nd > c.prec || adj > c.emax || adj < c.emin {
		return nil, 0, false
	}
	r = &decObj{}
	r.d.Negative = x.Negative
	r.d.Exponent = int32(exp)
	set128(&r.d.Coeff, v)
	return r, st, true
}
