package stdlib

import (
	"math"
	"math/big"
	"strconv"

	"github.com/asylang/asy/vm"
	"github.com/cockroachdb/apd/v3"
)

// Decimal arithmetic: the operators and conversions, each rounded by the
// current context and recording its conditions there.

// errDecLimit reports an exponent a Decimal cannot hold: apd's Decimal
// keeps it in 32 bits, where CPython allows ±999999999999999999.
func errDecLimit() error {
	return vm.NewException(decInvalidOperation,
		vm.Str("exponent out of range: asy's Decimal holds exponents within ±2**31"))
}

// finish applies the conditions st of an operation (or its error) and
// returns its result.
func (c *decCtx) finish(r *decObj, st uint32, err error) (vm.Value, error) {
	if err != nil {
		return vm.Undef, err
	}
	if st != 0 {
		if err := c.addStatus(st); err != nil {
			return vm.Undef, err
		}
	}
	return vm.Obj(r), nil
}

// decOp2 is a binary operation computing r from x and y in context c,
// returning its conditions.
type decOp2 func(c *decCtx, r, x, y *apd.Decimal) (uint32, error)

var (
	opAdd           = func(c *decCtx, r, x, y *apd.Decimal) (uint32, error) { return decAdd(c, r, x, y, false) }
	opSub           = func(c *decCtx, r, x, y *apd.Decimal) (uint32, error) { return decAdd(c, r, x, y, true) }
	opMul    decOp2 = decMul
	opDiv    decOp2 = decDiv
	opDivInt decOp2 = decDivInt
	opRem    decOp2 = decRem
	opPow    decOp2 = decPower
)

// shrinkAddend cuts the digits of the smaller addend that lie below the
// larger one's precision down to a single sticky digit: the rounded sum is
// the same (the cut part and its replacement are both non-zero and below
// every position the rounding looks at), and the sum is not built with
// digits only to be rounded away (1 + 1E-99999 stays short). Only for an
// addend below a tenth of the other, so that no cancellation can bring
// the cut digits into the result.
func shrinkAddend(c *decCtx, x, y *apd.Decimal) (*apd.Decimal, *apd.Decimal) {
	if x.Form != apd.Finite || y.Form != apd.Finite || x.IsZero() || y.IsZero() {
		return x, y
	}
	xa, ya := adjusted(x), adjusted(y)
	small, big, bigAdj, smallAdj := y, x, xa, ya
	if ya > xa {
		small, big, bigAdj, smallAdj = x, y, ya, xa
	}
	floor := min(int64(big.Exponent), bigAdj-c.prec) - 2
	if smallAdj > bigAdj-2 || int64(small.Exponent) > floor || floor < math.MinInt32 {
		return x, y
	}
	s := c.scr()
	cut := &s.cut
	cut.Form, cut.Negative, cut.Exponent = apd.Finite, small.Negative, int32(floor)
	if drop := floor + 1 - int64(small.Exponent); smallAdj < floor+1 {
		cut.Coeff.SetInt64(1)
	} else {
		shiftDown(&s.cutQ, &s.cutR, &small.Coeff, drop)
		shiftUp(&cut.Coeff, &s.cutQ, 1)
		if s.cutR.Sign() != 0 {
			cut.Coeff.Add(&cut.Coeff, bigOne)
		}
	}
	if small == y {
		return x, cut
	}
	return cut, y
}

// decBinary makes a binary operator's dunder (reflected: other op self).
func decBinary(op decOp2, reflected bool) vm.BuiltinFunc {
	return func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "expected 1 argument, got %d", len(args)-1)
		}
		x, ok := decOf(args[0])
		if !ok {
			return vm.NotImplemented, nil
		}
		y, ok := decOperand(args[1])
		if !ok {
			return vm.NotImplemented, nil
		}
		if reflected {
			x, y = y, x
		}
		c := curCtx(t)
		r := &decObj{}
		st, err := op(c, &r.d, &x.d, &y.d)
		return c.finish(r, st, err)
	}
}

// BinaryOp is the interpreter's direct path to the operators (the
// dunders above serve subclasses and explicit calls). The four common
// operators try their 128-bit paths here first, without the indirect call.
func (x *decObj) BinaryOp(t *vm.Thread, name string, other vm.Value, reflected bool) (vm.Value, bool, error) {
	var op decOp2
	kind := 0
	switch name {
	case "__add__":
		op, kind = opAdd, 1
	case "__sub__":
		op, kind = opSub, 2
	case "__mul__":
		op, kind = opMul, 3
	case "__truediv__":
		op, kind = opDiv, 4
	case "__floordiv__":
		op = opDivInt
	case "__mod__":
		op = opRem
	case "__pow__":
		op = opPow
	default:
		return vm.Undef, false, nil
	}
	c := curCtx(t)
	var y *apd.Decimal
	if d, ok := decOf(other); ok {
		y = &d.d
	} else if i, ok := intOf(other); ok {
		// The context's scratch holds the converted int: no allocation.
		y = &c.scr().intArg
		setDecInt(y, i)
	} else {
		return vm.Undef, false, nil
	}
	a, b := &x.d, y
	if reflected {
		a, b = y, &x.d
	}
	r := &decObj{}
	var st uint32
	done := false
	switch kind {
	case 1, 2:
		st, done = add128(c, &r.d, a, b, kind == 2)
	case 3:
		st, done = mul128(c, &r.d, a, b)
	case 4:
		st, done = div128(c, &r.d, a, b)
	}
	var err error
	if !done {
		st, err = op(c, &r.d, a, b)
	}
	v, err := c.finish(r, st, err)
	return v, true, err
}

// decSign is -1, 0 or 1 (infinities included; not for NaNs).
func decSign(d *apd.Decimal) int {
	if d.Form == apd.Finite && d.Coeff.Sign() == 0 {
		return 0
	}
	if d.Negative {
		return -1
	}
	return 1
}

// adjusted is the exponent of the most significant digit.
func adjusted(d *apd.Decimal) int64 {
	return int64(d.Exponent) + numDigits(&d.Coeff) - 1
}

var bigTenPowers = func() []*big.Int {
	out := make([]*big.Int, 40)
	p := big.NewInt(1)
	for i := range out {
		out[i] = new(big.Int).Set(p)
		p.Mul(p, big.NewInt(10))
	}
	return out
}()

func pow10(n int64) *big.Int {
	if n < int64(len(bigTenPowers)) {
		return bigTenPowers[n]
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(n), nil)
}

// cmpMag compares |x| and |y| (no NaNs), without building numbers longer
// than the operands.
func cmpMag(x, y *apd.Decimal) int {
	xi, yi := x.Form == apd.Infinite, y.Form == apd.Infinite
	if xi || yi {
		switch {
		case xi && yi:
			return 0
		case xi:
			return 1
		}
		return -1
	}
	xz, yz := x.Coeff.Sign() == 0, y.Coeff.Sign() == 0
	if xz || yz {
		switch {
		case xz && yz:
			return 0
		case xz:
			return -1
		}
		return 1
	}
	if x.Exponent == y.Exponent {
		return x.Coeff.Cmp(&y.Coeff)
	}
	ax, ay := adjusted(x), adjusted(y)
	if ax != ay {
		if ax < ay {
			return -1
		}
		return 1
	}
	// Same leading digit position: scale the one with the larger exponent
	// (within 38 digits, as the exponents differ by less than the length).
	if xv, yv, ok := finite128(x, y); ok {
		if x.Exponent > y.Exponent {
			xv, ok = xv.shiftUp(int64(x.Exponent) - int64(y.Exponent))
		} else {
			yv, ok = yv.shiftUp(int64(y.Exponent) - int64(x.Exponent))
		}
		if ok {
			return xv.cmp(yv)
		}
	}
	a, b := x.Coeff.MathBigInt(), y.Coeff.MathBigInt()
	if x.Exponent > y.Exponent {
		a.Mul(a, pow10(int64(x.Exponent)-int64(y.Exponent)))
	} else {
		b.Mul(b, pow10(int64(y.Exponent)-int64(x.Exponent)))
	}
	return a.Cmp(b)
}

// cmpDec compares two non-NaN Decimals numerically.
func cmpDec(x, y *apd.Decimal) int {
	sx, sy := decSign(x), decSign(y)
	if sx != sy {
		if sx < sy {
			return -1
		}
		return 1
	}
	if sx == 0 {
		return 0
	}
	m := cmpMag(x, y)
	if sx < 0 {
		m = -m
	}
	return m
}

func isNaN(d *apd.Decimal) bool { return d.Form == apd.NaN || d.Form == apd.NaNSignaling }

func cmpHolds(op, c int) bool {
	switch op {
	case vm.CmpLT:
		return c < 0
	case vm.CmpLE:
		return c <= 0
	case vm.CmpEQ:
		return c == 0
	case vm.CmpNE:
		return c != 0
	case vm.CmpGT:
		return c > 0
	}
	return c >= 0
}

// decRichCompare is x <op> other: with Decimals and ints; floats;
// complex numbers and Fractions for equality and (Fractions) ordering.
// ok false: NotImplemented.
func decRichCompare(t *vm.Thread, op int, x *decObj, other vm.Value) (bool, bool, error) {
	y, ok := decOf(other)
	var yInt decObj // an int operand converts here, without an allocation
	if !ok {
		var i vm.Value
		if i, ok = intOf(other); ok {
			setDecInt(&yInt.d, i)
			y = &yInt
		}
	}
	if !ok {
		switch {
		case other.Kind() == vm.KFloat || isFloatSubclass(other):
			// Equality with a float only records FloatOperation; an
			// ordering comparison signals it (raises when trapped).
			if op == vm.CmpEQ || op == vm.CmpNE {
				curCtx(t).flags |= dfFloatOperation
			} else if err := curCtx(t).addStatus(dfFloatOperation); err != nil {
				return false, true, err
			}
			f, _ := vm.AsFloat(floatPayload(other))
			y = decFromFloat(f)
		case other.Class() == vm.ComplexType && (op == vm.CmpEQ || op == vm.CmpNE):
			im, err := t.GetAttr(other, "imag")
			if err != nil {
				return false, true, err
			}
			if im.AsFloat() != 0 {
				return op == vm.CmpNE, true, nil
			}
			re, err := t.GetAttr(other, "real")
			if err != nil {
				return false, true, err
			}
			curCtx(t).flags |= dfFloatOperation
			y = decFromFloat(re.AsFloat())
		case isFraction(other):
			return decCompareFraction(t, op, x, other)
		default:
			return false, false, nil
		}
	}
	if isNaN(&x.d) || isNaN(&y.d) {
		c := curCtx(t)
		if op == vm.CmpEQ || op == vm.CmpNE {
			if x.d.Form == apd.NaNSignaling || y.d.Form == apd.NaNSignaling {
				if err := c.addStatus(dfInvalidOperation); err != nil {
					return false, true, err
				}
			}
			return op == vm.CmpNE, true, nil
		}
		if err := c.addStatus(dfInvalidOperation); err != nil {
			return false, true, err
		}
		return false, true, nil
	}
	return cmpHolds(op, cmpDec(&x.d, &y.d)), true, nil
}

// isFraction reports a fractions.Fraction (or a subclass).
func isFraction(v vm.Value) bool {
	inst, ok := v.AsObj().(*vm.Instance)
	if !ok {
		return false
	}
	for _, k := range inst.Class().MRO {
		if k.Name == "Fraction" && k.Module == "fractions" {
			return true
		}
	}
	return false
}

// decCompareFraction compares x with numerator/denominator exactly.
func decCompareFraction(t *vm.Thread, op int, x *decObj, f vm.Value) (bool, bool, error) {
	nv, err := t.GetAttr(f, "numerator")
	if err != nil {
		return false, true, err
	}
	dv, err := t.GetAttr(f, "denominator")
	if err != nil {
		return false, true, err
	}
	if isNaN(&x.d) {
		if op == vm.CmpEQ || op == vm.CmpNE {
			if x.d.Form == apd.NaNSignaling {
				if err := curCtx(t).addStatus(dfInvalidOperation); err != nil {
					return false, true, err
				}
			}
			return op == vm.CmpNE, true, nil
		}
		if err := curCtx(t).addStatus(dfInvalidOperation); err != nil {
			return false, true, err
		}
		return false, true, nil
	}
	if x.d.Form == apd.Infinite {
		return cmpHolds(op, decSign(&x.d)), true, nil
	}
	// x = c * 10**e against n / d: compare c * 10**e * d with n.
	lhs := x.d.Coeff.MathBigInt()
	if x.d.Negative {
		lhs.Neg(lhs)
	}
	lhs.Mul(lhs, vm.AsBig(dv))
	rhs := new(big.Int).Set(vm.AsBig(nv))
	if x.d.Exponent >= 0 {
		lhs.Mul(lhs, pow10(int64(x.d.Exponent)))
	} else {
		rhs.Mul(rhs, pow10(-int64(x.d.Exponent)))
	}
	return cmpHolds(op, lhs.Cmp(rhs)), true, nil
}

func (x *decObj) Compare(t *vm.Thread, op int, other vm.Value) (bool, bool, error) {
	return decRichCompare(t, op, x, other)
}

var floatPow10 = [23]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// smallDecToInt is decToInt in word arithmetic, for a coefficient of up
// to 128 bits whose rounded value fits in an int64 (ok false otherwise).
func smallDecToInt(d *apd.Decimal, mode int) (int64, bool) {
	v, ok := get128(&d.Coeff)
	if !ok || decSmallOff {
		return 0, false
	}
	switch e := int64(d.Exponent); {
	case e >= 0:
		if v, ok = v.shiftUp(e); !ok {
			return 0, false
		}
	case e > -39:
		q, rem := v.divPow10(-e)
		if !rem.isZero() && roundsAway128(mode, q, rem, pow10x128[-e], d.Negative) {
			q, _ = q.add(u128{0, 1})
		}
		v = q
	default:
		return 0, false
	}
	if v.hi != 0 || v.lo > math.MaxInt64 {
		return 0, false
	}
	if d.Negative {
		return -int64(v.lo), true
	}
	return int64(v.lo), true
}

// decToInt converts a finite Decimal to an int, rounding by mode.
func decToInt(x *decObj, mode int, what string) (vm.Value, error) {
	switch x.d.Form {
	case apd.NaN, apd.NaNSignaling:
		return vm.Undef, vm.Errorf(vm.ValueError, "cannot convert NaN to %s", what)
	case apd.Infinite:
		return vm.Undef, vm.Errorf(vm.OverflowError, "cannot convert Infinity to %s", what)
	}
	if n, ok := smallDecToInt(&x.d, mode); ok {
		return vm.Int(n), nil
	}
	if x.d.Exponent == 0 && x.d.Coeff.IsInt64() {
		n := x.d.Coeff.Int64()
		if x.d.Negative {
			n = -n
		}
		return vm.Int(n), nil
	}
	c := x.d.Coeff.MathBigInt()
	if x.d.Exponent > 0 {
		c.Mul(c, pow10(int64(x.d.Exponent)))
	} else {
		c, _ = roundShift(c, -int64(x.d.Exponent), mode, x.d.Negative)
	}
	if x.d.Negative {
		c.Neg(c)
	}
	return vm.BigInt(c), nil
}

// roundShift is c / 10**n rounded by mode (neg: the sign of the number c
// is the magnitude of); inexact tells whether non-zero digits went.
func roundShift(c *big.Int, n int64, mode int, neg bool) (*big.Int, bool) {
	if n <= 0 {
		return new(big.Int).Mul(c, pow10(-n)), false
	}
	d := pow10(n)
	q, r := new(big.Int).QuoRem(c, d, new(big.Int))
	if r.Sign() == 0 {
		return q, false
	}
	if roundUpNeeded(mode, q, r, d, neg) {
		q.Add(q, big.NewInt(1))
	}
	return q, true
}

// roundUpNeeded decides whether q (with the non-zero remainder r of the
// division by d) rounds away from zero.
func roundUpNeeded(mode int, q, r, d *big.Int, neg bool) bool {
	return roundsAwayBy(mode, neg, q.Bit(0) == 1, func() int64 {
		return new(big.Int).Mod(q, big.NewInt(10)).Int64()
	}, func() int {
		return new(big.Int).Lsh(r, 1).Cmp(d)
	})
}

// decToFloat is float(x): through the string, as CPython does.
func decToFloat(x *decObj) (float64, error) {
	switch x.d.Form {
	case apd.NaNSignaling:
		return 0, vm.Errorf(vm.ValueError, "cannot convert signaling NaN to float")
	case apd.NaN:
		if x.d.Negative {
			return math.Copysign(math.NaN(), -1), nil
		}
		return math.NaN(), nil
	case apd.Infinite:
		if x.d.Negative {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	}
	// A coefficient below 2**53 and a power of ten up to 10**22 are both
	// exact floats, so one multiplication or division rounds correctly
	// (as parsing the digits would).
	if v, ok := get128(&x.d.Coeff); ok && v.hi == 0 && v.lo < 1<<53 && x.d.Exponent >= -22 && x.d.Exponent <= 22 {
		f := float64(v.lo)
		if e := x.d.Exponent; e >= 0 {
			f *= floatPow10[e]
		} else {
			f /= floatPow10[-e]
		}
		if x.d.Negative {
			f = -f
		}
		return f, nil
	}
	f, err := strconv.ParseFloat(string(appendDecString(nil, &x.d, true, false)), 64)
	if err != nil && !math.IsInf(f, 0) && f != 0 {
		return 0, err
	}
	return f, nil
}

// rescale is x with exponent exp, rounding by mode (quantize without the
// context's checks); inexact and rounded report dropped digits.
func rescale(x *apd.Decimal, exp int64, mode int) (r *decObj, inexact, rounded bool) {
	r = &decObj{}
	inexact, rounded = rescaleInto(&r.d, x, exp, mode)
	return r, inexact, rounded
}

// rescaleInto is rescale with the result in r (a fresh Decimal).
func rescaleInto(r *apd.Decimal, x *apd.Decimal, exp int64, mode int) (inexact, rounded bool) {
	r.Negative = x.Negative
	r.Exponent = int32(exp)
	q := &r.Coeff
	if inexact, rounded, ok := rescale128(q, x, exp, mode); ok {
		return inexact, rounded
	}
	switch shift := exp - int64(x.Exponent); {
	case shift > numDigits(&x.Coeff)+1:
		// Every digit goes: round 0.000…c as a sticky remainder.
		rounded = true
		if x.Coeff.Sign() != 0 {
			inexact = true
			if roundsAway(mode, q, bigOne, bigTen, x.Negative) {
				q.SetInt64(1)
			}
		}
	case shift > 0:
		rounded = true
		var rem apd.BigInt
		shiftDown(q, &rem, &x.Coeff, shift)
		if rem.Sign() != 0 {
			inexact = true
			if roundsAway(mode, q, &rem, tenPow(shift), x.Negative) {
				q.Add(q, bigOne)
			}
		}
	default:
		shiftUp(q, &x.Coeff, -shift)
	}
	return inexact, rounded
}

// decPowMod is pow(x, y, m): all three integral, the exact x**y mod m
// with the sign of x.
func decPowMod(c *decCtx, x, y, m *decObj) (vm.Value, error) {
	r := &decObj{}
	invalid := func() (vm.Value, error) {
		r.d.Form = apd.NaN
		return c.finish(r, dfInvalidOperation, nil)
	}
	if isNaN(&x.d) || isNaN(&y.d) || isNaN(&m.d) {
		for _, v := range []*decObj{x, y, m} {
			if v.d.Form == apd.NaNSignaling {
				r.d.Set(&v.d)
				r.d.Form = apd.NaN
				return c.finish(r, dfInvalidOperation, nil)
			}
		}
		for _, v := range []*decObj{x, y, m} {
			if v.d.Form == apd.NaN {
				r.d.Set(&v.d)
				return vm.Obj(r), nil
			}
		}
	}
	integral := func(d *apd.Decimal) (*big.Int, bool) {
		if d.Form != apd.Finite {
			return nil, false
		}
		v := d.Coeff.MathBigInt()
		if d.Exponent < 0 {
			q, rem := new(big.Int).QuoRem(v, pow10(-int64(d.Exponent)), new(big.Int))
			if rem.Sign() != 0 {
				return nil, false
			}
			v = q
		} else if d.Exponent > 0 {
			if d.Exponent > 1000 {
				return nil, false
			}
			v.Mul(v, pow10(int64(d.Exponent)))
		}
		if d.Negative {
			v.Neg(v)
		}
		return v, true
	}
	xi, ok1 := integral(&x.d)
	yi, ok2 := integral(&y.d)
	mi, ok3 := integral(&m.d)
	if !ok1 || !ok2 || !ok3 || yi.Sign() < 0 || mi.Sign() == 0 || (xi.Sign() == 0 && yi.Sign() == 0) {
		return invalid()
	}
	mabs := new(big.Int).Abs(mi)
	if int64(len(mabs.String())) > c.prec {
		return invalid()
	}
	res := new(big.Int).Exp(new(big.Int).Abs(xi), yi, mabs)
	r.d.Coeff.SetMathBigInt(res)
	r.d.Negative = xi.Sign() < 0 && yi.Bit(0) == 1
	return vm.Obj(r), nil
}
