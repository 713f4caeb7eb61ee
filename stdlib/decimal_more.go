package stdlib

import (
	"math/big"
	"strings"

	"github.com/asylang/asy/vm"
	"github.com/cockroachdb/apd/v3"
)

// The Decimal operations beyond the operators, as the specification
// defines them: quantize, the integral roundings, normalize, logb/scaleb,
// next_*, the comparisons returning Decimals, max/min, remainder_near,
// fma, and the digit-wise rotate/shift/logical operations.

// checkNaNs applies the rule for NaN operands (nanOperands) and returns
// the NaN result; done is false without NaNs.
func checkNaNs(c *decCtx, ds ...*apd.Decimal) (vm.Value, bool, error) {
	anyNaN := false
	for _, d := range ds {
		anyNaN = anyNaN || isNaN(d)
	}
	if !anyNaN {
		return vm.Undef, false, nil
	}
	r := &decObj{}
	st, done := c.nanOperands(&r.d, ds...)
	if !done {
		return vm.Undef, false, nil
	}
	v, err := c.withStatus(r, st)
	return v, true, err
}

// withStatus records st and returns r (unless a trap raises).
func (c *decCtx) withStatus(r *decObj, st uint32) (vm.Value, error) {
	if err := c.addStatus(st); err != nil {
		return vm.Undef, err
	}
	return vm.Obj(r), nil
}

// invalid is the NaN result of an invalid operation (or the condition's
// exception when trapped).
func (c *decCtx) invalid(st uint32) (vm.Value, error) {
	r := &decObj{}
	r.d.Form = apd.NaN
	return c.withStatus(r, st)
}

// fixed is x rounded to the context (the specification's "fix" of a result).
func (c *decCtx) fixed(x *apd.Decimal) (vm.Value, error) {
	r := &decObj{}
	r.d.Set(x)
	if r.d.Form != apd.Finite {
		if isNaN(&r.d) {
			c.fixNaN(&r.d)
		}
		return vm.Obj(r), nil
	}
	st, err := c.fix(&r.d, int64(x.Exponent), c.round)
	return c.finish(r, st, err)
}

func newDec(d *apd.Decimal) vm.Value {
	r := &decObj{}
	r.d.Set(d)
	return vm.Obj(r)
}

func decInt(n int64) vm.Value {
	r := &decObj{}
	r.d.SetInt64(n)
	return vm.Obj(r)
}

// decQuantize is x.quantize(y, rounding): x with y's exponent.
func decQuantize(c *decCtx, x, y *decObj, mode int) (vm.Value, error) {
	if r, st, ok := quantize128(c, &x.d, &y.d, mode); ok {
		return c.withStatus(r, st)
	}
	if v, done, err := checkNaNs(c, &x.d, &y.d); done {
		return v, err
	}
	xi, yi := x.d.Form == apd.Infinite, y.d.Form == apd.Infinite
	if xi || yi {
		if xi && yi {
			return newDec(&x.d), nil
		}
		return c.invalid(dfInvalidOperation)
	}
	exp := int64(y.d.Exponent)
	if exp < c.etiny() || exp > c.emax {
		return c.invalid(dfInvalidOperation)
	}
	if x.d.IsZero() {
		z := &apd.Decimal{Negative: x.d.Negative, Exponent: int32(exp)}
		return c.fixed(z)
	}
	adj := adjusted(&x.d)
	if adj > c.emax || adj-exp+1 > c.prec {
		return c.invalid(dfInvalidOperation)
	}
	r, inexact, rounded := rescale(&x.d, exp, mode)
	if r.d.Coeff.Sign() != 0 && adjusted(&r.d) > c.emax || numDigits(&r.d.Coeff) > c.prec {
		return c.invalid(dfInvalidOperation)
	}
	var st uint32
	if r.d.Coeff.Sign() != 0 && adjusted(&r.d) < c.emin {
		st |= dfSubnormal
	}
	if rounded {
		if inexact {
			st |= dfInexact
		}
		st |= dfRounded
	}
	if err := c.addStatus(st); err != nil {
		return vm.Undef, err
	}
	st, err := c.fix(&r.d, exp, c.round)
	return c.finish(r, st, err)
}

// decToIntegral rounds to an integer (exponent 0); exact records Inexact
// and Rounded as to_integral_exact does.
func decToIntegral(c *decCtx, x *decObj, mode int, exact bool) (vm.Value, error) {
	if v, done, err := checkNaNs(c, &x.d); done {
		return v, err
	}
	if x.d.Form == apd.Infinite || x.d.Exponent >= 0 {
		return newDec(&x.d), nil
	}
	if x.d.IsZero() {
		return vm.Obj(&decObj{d: apd.Decimal{Negative: x.d.Negative}}), nil
	}
	r, inexact, _ := rescale(&x.d, 0, mode)
	if exact {
		st := dfRounded
		if inexact {
			st |= dfInexact
		}
		return c.withStatus(r, st)
	}
	return vm.Obj(r), nil
}

// decNormalize rounds to the context and strips trailing zeros.
func decNormalize(c *decCtx, x *decObj) (vm.Value, error) {
	if v, done, err := checkNaNs(c, &x.d); done {
		return v, err
	}
	fv, err := c.fixed(&x.d)
	if err != nil {
		return vm.Undef, err
	}
	r, _ := decOf(fv)
	if r.d.Form == apd.Infinite {
		return fv, nil
	}
	if r.d.IsZero() {
		return vm.Obj(&decObj{d: apd.Decimal{Negative: r.d.Negative}}), nil
	}
	expMax := c.emax
	if c.clamp == 1 {
		expMax = c.etop()
	}
	coeff := r.d.Coeff.MathBigInt()
	exp := int64(r.d.Exponent)
	ten, m := big.NewInt(10), new(big.Int)
	for exp < expMax {
		q, rem := new(big.Int).QuoRem(coeff, ten, m)
		if rem.Sign() != 0 {
			break
		}
		coeff = q
		exp++
	}
	out := &decObj{}
	out.d.Negative = r.d.Negative
	out.d.Exponent = int32(exp)
	out.d.Coeff.SetMathBigInt(coeff)
	return vm.Obj(out), nil
}

func decLogb(c *decCtx, x *decObj) (vm.Value, error) {
	if v, done, err := checkNaNs(c, &x.d); done {
		return v, err
	}
	if x.d.Form == apd.Infinite {
		return vm.Obj(&decObj{d: apd.Decimal{Form: apd.Infinite}}), nil
	}
	if x.d.IsZero() {
		r := &decObj{d: apd.Decimal{Form: apd.Infinite, Negative: true}}
		return c.withStatus(r, dfDivisionByZero)
	}
	var a apd.Decimal
	a.SetInt64(adjusted(&x.d))
	return c.fixed(&a)
}

// intOperand is y as an int64 when it is an integer with exponent 0
// within [lo, hi] (scaleb, rotate, shift).
func intOperand(y *apd.Decimal, lo, hi int64) (int64, bool) {
	if y.Form != apd.Finite || y.Exponent != 0 || !y.Coeff.IsInt64() {
		return 0, false
	}
	n := y.Coeff.Int64()
	if y.Negative {
		n = -n
	}
	return n, n >= lo && n <= hi
}

func decScaleb(c *decCtx, x, y *decObj) (vm.Value, error) {
	if v, done, err := checkNaNs(c, &x.d, &y.d); done {
		return v, err
	}
	lim := 2 * (c.emax + c.prec)
	n, ok := intOperand(&y.d, -lim, lim)
	if !ok {
		return c.invalid(dfInvalidOperation)
	}
	if x.d.Form == apd.Infinite {
		return newDec(&x.d), nil
	}
	e := int64(x.d.Exponent) + n
	if e > 1<<31-1 || e < -(1<<31) {
		return vm.Undef, errDecLimit()
	}
	var d apd.Decimal
	d.Set(&x.d)
	d.Exponent = int32(e)
	return c.fixed(&d)
}

// decNext is next_plus (up) or next_minus: the closest representable
// number in that direction.
func decNext(c *decCtx, x *decObj, up bool) (vm.Value, error) {
	if v, done, err := checkNaNs(c, &x.d); done {
		return v, err
	}
	if x.d.Form == apd.Infinite {
		if x.d.Negative != up {
			return newDec(&x.d), nil
		}
		r := &decObj{}
		r.d.Coeff.Sub(tenPow(c.prec), apd.NewBigInt(1))
		r.d.Negative = x.d.Negative
		if err := setExponent(&r.d, c.etop()); err != nil {
			return vm.Undef, err
		}
		return vm.Obj(r), nil
	}
	// Round toward the direction; if that changed nothing, add a quantity
	// below the smallest subnormal and round again.
	tc := c.copy()
	tc.round = rndFloor
	if up {
		tc.round = rndCeiling
	}
	r := &decObj{}
	r.d.Set(&x.d)
	if _, err := tc.fix(&r.d, int64(x.d.Exponent), tc.round); err != nil {
		return vm.Undef, err
	}
	if r.d.Form != apd.Finite || cmpDec(&r.d, &x.d) != 0 {
		return vm.Obj(r), nil
	}
	var tiny apd.Decimal
	tiny.Coeff.SetInt64(1)
	tiny.Negative = !up
	if err := setExponent(&tiny, c.etiny()-1); err != nil {
		return vm.Undef, err
	}
	r = &decObj{}
	if _, err := decAdd(tc, &r.d, &x.d, &tiny, false); err != nil {
		return vm.Undef, err
	}
	return vm.Obj(r), nil
}

func decNextToward(c *decCtx, x, y *decObj) (vm.Value, error) {
	if v, done, err := checkNaNs(c, &x.d, &y.d); done {
		return v, err
	}
	cmp := cmpDec(&x.d, &y.d)
	if cmp == 0 {
		r := &decObj{}
		r.d.Set(&x.d)
		r.d.Negative = y.d.Negative
		return vm.Obj(r), nil
	}
	v, err := decNext(c, x, cmp < 0)
	if err != nil {
		return vm.Undef, err
	}
	r, _ := decOf(v)
	var st uint32
	if r.d.Form == apd.Infinite {
		st = dfOverflow | dfInexact | dfRounded
	} else if r.d.IsZero() || adjusted(&r.d) < c.emin {
		st = dfUnderflow | dfSubnormal | dfInexact | dfRounded
		if r.d.IsZero() {
			st |= dfClamped
		}
	}
	return c.withStatus(r, st)
}

func decNumberClass(c *decCtx, x *decObj) string {
	sign := "+"
	if x.d.Negative {
		sign = "-"
	}
	switch {
	case x.d.Form == apd.NaNSignaling:
		return "sNaN"
	case x.d.Form == apd.NaN:
		return "NaN"
	case x.d.Form == apd.Infinite:
		return sign + "Infinity"
	case x.d.IsZero():
		return sign + "Zero"
	case adjusted(&x.d) < c.emin:
		return sign + "Subnormal"
	}
	return sign + "Normal"
}

// decCompareValue is compare (signal: compare_signal, where any NaN is
// invalid): -1, 0 or 1 as a Decimal.
func decCompareValue(c *decCtx, x, y *decObj, signal bool) (vm.Value, error) {
	if signal && (isNaN(&x.d) || isNaN(&y.d)) {
		if v, done, err := checkNaNs(c, &x.d, &y.d); done && err != nil {
			return v, err
		}
		r := &decObj{}
		r.d.Form = apd.NaN
		for _, d := range []*apd.Decimal{&x.d, &y.d} {
			if isNaN(d) {
				r.d.Set(d)
				r.d.Form = apd.NaN
				break
			}
		}
		return c.withStatus(r, dfInvalidOperation)
	}
	if v, done, err := checkNaNs(c, &x.d, &y.d); done {
		return v, err
	}
	return decInt(int64(cmpDec(&x.d, &y.d))), nil
}

// nanKind: 0 a number, 1 a quiet NaN, 2 a signaling one.
func nanKind(d *apd.Decimal) int {
	switch d.Form {
	case apd.NaN:
		return 1
	case apd.NaNSignaling:
		return 2
	}
	return 0
}

// cmpTotal is the specification's total order (compare_total).
func cmpTotal(x, y *apd.Decimal) int {
	if x.Negative != y.Negative {
		if x.Negative {
			return -1
		}
		return 1
	}
	flip := 1
	if x.Negative {
		flip = -1
	}
	xn, yn := nanKind(x), nanKind(y)
	if xn != 0 || yn != 0 {
		if xn == yn {
			return flip * x.Coeff.Cmp(&y.Coeff)
		}
		// NaN above sNaN above every number (mirrored for negatives).
		rank := func(k int) int { return []int{0, 2, 1}[k] }
		if rank(xn) < rank(yn) {
			return -flip
		}
		return flip
	}
	if c := cmpDec(x, y); c != 0 {
		return c
	}
	if x.Form == apd.Infinite {
		return 0
	}
	switch {
	case x.Exponent < y.Exponent:
		return -flip
	case x.Exponent > y.Exponent:
		return flip
	}
	return 0
}

func absOf(d *apd.Decimal) *apd.Decimal {
	var a apd.Decimal
	a.Set(d)
	a.Negative = false
	return &a
}

// decMaxMin is max, min, max_mag, min_mag: a quiet NaN loses to a number.
func decMaxMin(c *decCtx, x, y *decObj, wantMax, mag bool) (vm.Value, error) {
	xn, yn := nanKind(&x.d), nanKind(&y.d)
	if xn != 0 || yn != 0 {
		switch {
		case yn == 1 && xn == 0:
			return c.fixed(&x.d)
		case xn == 1 && yn == 0:
			return c.fixed(&y.d)
		}
		v, _, err := checkNaNs(c, &x.d, &y.d)
		return v, err
	}
	var cmp int
	if mag {
		cmp = cmpDec(absOf(&x.d), absOf(&y.d))
	} else {
		cmp = cmpDec(&x.d, &y.d)
	}
	if cmp == 0 {
		cmp = cmpTotal(&x.d, &y.d)
	}
	// max takes y when x < y; min takes x when x < y.
	pick := x
	if (cmp < 0) == wantMax {
		pick = y
	}
	return c.fixed(&pick.d)
}

func decRemainderNear(c *decCtx, x, y *decObj) (vm.Value, error) {
	if v, done, err := checkNaNs(c, &x.d, &y.d); done {
		return v, err
	}
	if x.d.Form == apd.Infinite {
		return c.invalid(dfInvalidOperation)
	}
	if y.d.IsZero() && y.d.Form == apd.Finite {
		if x.d.IsZero() {
			return c.invalid(dfDivisionUndefined)
		}
		return c.invalid(dfInvalidOperation)
	}
	if y.d.Form == apd.Infinite {
		return c.fixed(&x.d)
	}
	ideal := min(int64(x.d.Exponent), int64(y.d.Exponent))
	if x.d.IsZero() {
		return c.fixed(&apd.Decimal{Negative: x.d.Negative, Exponent: int32(ideal)})
	}
	diff := adjusted(&x.d) - adjusted(&y.d)
	if diff >= c.prec+1 {
		return c.invalid(dfDivisionImpossible)
	}
	if diff <= -2 {
		r, _, _ := rescale(&x.d, ideal, c.round)
		return c.fixed(&r.d)
	}
	a, b := x.d.Coeff.MathBigInt(), y.d.Coeff.MathBigInt()
	if x.d.Exponent >= y.d.Exponent {
		a.Mul(a, pow10(int64(x.d.Exponent)-int64(y.d.Exponent)))
	} else {
		b.Mul(b, pow10(int64(y.d.Exponent)-int64(x.d.Exponent)))
	}
	q, r := new(big.Int).QuoRem(a, b, new(big.Int))
	twice := new(big.Int).Lsh(r, 1)
	twice.Add(twice, big.NewInt(int64(q.Bit(0))))
	if twice.Cmp(b) > 0 {
		r.Sub(r, b)
		q.Add(q, big.NewInt(1))
	}
	if q.Cmp(pow10(c.prec)) >= 0 {
		return c.invalid(dfDivisionImpossible)
	}
	neg := x.d.Negative
	if r.Sign() < 0 {
		neg = !neg
		r.Neg(r)
	}
	out := apd.Decimal{Negative: neg, Exponent: int32(ideal)}
	out.Coeff.SetMathBigInt(r)
	return c.fixed(&out)
}

// decFma is x*y + z with one rounding.
func decFma(c *decCtx, x, y, z *decObj) (vm.Value, error) {
	var prod apd.Decimal
	for _, d := range []*apd.Decimal{&x.d, &y.d} {
		if d.Form == apd.NaNSignaling {
			v, _, err := checkNaNs(c, d)
			return v, err
		}
	}
	switch {
	case x.d.Form == apd.NaN:
		prod.Set(&x.d)
	case y.d.Form == apd.NaN:
		prod.Set(&y.d)
	case x.d.Form == apd.Infinite || y.d.Form == apd.Infinite:
		if x.d.Form == apd.Finite && x.d.IsZero() || y.d.Form == apd.Finite && y.d.IsZero() {
			return c.invalid(dfInvalidOperation)
		}
		setInf(&prod, x.d.Negative != y.d.Negative)
	default:
		prod.Coeff.Mul(&x.d.Coeff, &y.d.Coeff)
		prod.Negative = x.d.Negative != y.d.Negative
		if err := setExponent(&prod, int64(x.d.Exponent)+int64(y.d.Exponent)); err != nil {
			return vm.Undef, err
		}
	}
	r := &decObj{}
	st, err := decAdd(c, &r.d, &prod, &z.d, false)
	return c.finish(r, st, err)
}

// digitsOf is the coefficient padded or cut to exactly n digits.
func digitsOf(d *apd.Decimal, n int64) string {
	s := string(coeffDigits(d))
	if int64(len(s)) < n {
		return strings.Repeat("0", int(n)-len(s)) + s
	}
	return s[int64(len(s))-n:]
}

func fromDigits(neg bool, digits string, exp int32) vm.Value {
	r := &decObj{}
	r.d.Negative = neg
	r.d.Exponent = exp
	if s := strings.TrimLeft(digits, "0"); s != "" {
		setCoeffDigits(&r.d.Coeff, s)
	}
	return vm.Obj(r)
}

// decRotateShift is rotate or shift by y digits within the precision.
func decRotateShift(c *decCtx, x, y *decObj, rotate bool) (vm.Value, error) {
	if v, done, err := checkNaNs(c, &x.d, &y.d); done {
		return v, err
	}
	n, ok := intOperand(&y.d, -c.prec, c.prec)
	if !ok {
		return c.invalid(dfInvalidOperation)
	}
	if x.d.Form == apd.Infinite {
		return newDec(&x.d), nil
	}
	if c.prec > 1<<20 {
		return vm.Undef, errDecLimit()
	}
	s := digitsOf(&x.d, c.prec)
	var out string
	switch {
	case rotate:
		k := n
		if k < 0 {
			k += c.prec
		}
		out = s[k:] + s[:k]
	case n < 0:
		out = s[:int64(len(s))+n]
	default:
		out = s + strings.Repeat("0", int(n))
		out = out[int64(len(out))-c.prec:]
	}
	return fromDigits(x.d.Negative, out, x.d.Exponent), nil
}

// logicalDigits is d's digits when d is a logical operand (finite,
// positive, exponent 0, only 0s and 1s), padded to the precision.
func logicalDigits(c *decCtx, d *apd.Decimal) (string, bool) {
	if d.Form != apd.Finite || d.Negative || d.Exponent != 0 {
		return "", false
	}
	s := string(coeffDigits(d))
	if int64(len(s)) > c.prec || c.prec > 1<<20 {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '0' && s[i] != '1' {
			return "", false
		}
	}
	return digitsOf(d, c.prec), true
}

// decLogical is logical_and/or/xor (op '&', '|', '^') or logical_invert
// (op '~', y nil).
func decLogical(c *decCtx, x, y *decObj, op byte) (vm.Value, error) {
	a, ok := logicalDigits(c, &x.d)
	b := a
	if ok && y != nil {
		b, ok = logicalDigits(c, &y.d)
	}
	if !ok {
		return c.invalid(dfInvalidOperation)
	}
	out := make([]byte, len(a))
	for i := range out {
		p, q := a[i] == '1', b[i] == '1'
		var v bool
		switch op {
		case '&':
			v = p && q
		case '|':
			v = p || q
		case '^':
			v = p != q
		default:
			v = !p
		}
		out[i] = '0'
		if v {
			out[i] = '1'
		}
	}
	return fromDigits(false, string(out), 0), nil
}

// decMath runs exp, ln, log10 or sqrt (decimal_trans.go).
func decMath(c *decCtx, x *decObj, fn string) (vm.Value, error) {
	r := &decObj{}
	var st uint32
	var err error
	switch fn {
	case "exp":
		st, err = decExp(c, &r.d, &x.d)
	case "ln":
		st, err = decLn(c, &r.d, &x.d, false)
	case "log10":
		st, err = decLn(c, &r.d, &x.d, true)
	default:
		st, err = decSqrt(c, &r.d, &x.d)
	}
	return c.finish(r, st, err)
}
