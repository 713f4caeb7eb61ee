package stdlib

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"github.com/asylang/asy/vm"
	"github.com/cockroachdb/apd/v3"
)

// decimal: Decimal is a Go object holding an apd.Decimal (sign,
// coefficient, exponent, or a special: Infinity, NaN with its payload,
// sNaN); github.com/cockroachdb/apd implements the General Decimal
// Arithmetic specification CPython's decimal follows. This file builds
// Decimals (from str, int, float, tuple) and prints them; decimal_ops.go
// has the arithmetic, decimal_ctx.go the contexts and signals,
// decimal_fmt.go format(), decimal_more.go the less common methods.
// pylib/decimal.py adds DecimalTuple on top.

var decimalType = vm.NewNativeClass("Decimal", "decimal", nil, newDecimal)

// decObj is a Decimal; never changed after it is made.
type decObj struct{ d apd.Decimal }

func (*decObj) Class() *vm.Class { return decimalType }

// decOf returns the Decimal v is (or carries, for a script subclass).
func decOf(v vm.Value) (*decObj, bool) {
	switch o := v.AsObj().(type) {
	case *decObj:
		return o, true
	case *vm.Instance:
		p := o.Payload()
		d, ok := p.AsObj().(*decObj)
		return d, ok
	}
	return nil, false
}

// intOf returns the int v is (or carries, for a subclass of int).
func intOf(v vm.Value) (vm.Value, bool) {
	if vm.IsIntLike(v) {
		return v, true
	}
	if inst, ok := v.AsObj().(*vm.Instance); ok {
		if p := inst.Payload(); vm.IsIntLike(p) {
			return p, true
		}
	}
	return vm.Undef, false
}

func setDecInt(d *apd.Decimal, v vm.Value) {
	if v.Kind() == vm.KInt || v.Kind() == vm.KBool {
		d.SetInt64(v.AsInt())
		return
	}
	b := vm.AsBig(v)
	d.Form, d.Exponent = apd.Finite, 0
	d.Negative = b.Sign() < 0
	d.Coeff.SetMathBigInt(new(big.Int).Abs(b))
}

// decOperand converts an operand of an operator: a Decimal, or an int
// (exactly); anything else is not ours (NotImplemented).
func decOperand(v vm.Value) (*decObj, bool) {
	if d, ok := decOf(v); ok {
		return d, true
	}
	if i, ok := intOf(v); ok {
		r := &decObj{}
		setDecInt(&r.d, i)
		return r, true
	}
	return nil, false
}

// decArg converts an operand of a method or a Context function: a Decimal
// or an int; anything else is a TypeError.
func decArg(v vm.Value) (*decObj, error) {
	if d, ok := decOperand(v); ok {
		return d, nil
	}
	return nil, vm.Errorf(vm.TypeError, "conversion from %s to Decimal is not supported", v.TypeName())
}

// decFromFloat is the exact value of a float (Decimal(0.1) has 55 digits).
func decFromFloat(f float64) *decObj {
	r := &decObj{}
	switch {
	case math.IsNaN(f):
		r.d.Form = apd.NaN
		r.d.Negative = math.Signbit(f)
		return r
	case math.IsInf(f, 0):
		r.d.Form = apd.Infinite
		r.d.Negative = f < 0
		return r
	}
	r.d.Negative = math.Signbit(f)
	f = math.Abs(f)
	if f == 0 {
		return r
	}
	// f = mant * 2**exp with an odd mantissa.
	bits := math.Float64bits(f)
	exp := int((bits>>52)&0x7ff) - 1075
	mant := bits & (1<<52 - 1)
	if exp == -1075 {
		exp = -1074
	} else {
		mant |= 1 << 52
	}
	for mant&1 == 0 {
		mant >>= 1
		exp++
	}
	c := new(big.Int).SetUint64(mant)
	if exp >= 0 {
		c.Lsh(c, uint(exp))
	} else {
		// mant / 2**k == mant * 5**k / 10**k
		c.Mul(c, new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(-exp)), nil))
		r.d.Exponent = int32(exp)
	}
	r.d.Coeff.SetMathBigInt(c)
	return r
}

// asciiNumber maps a string as CPython's decimal reads one: underscores
// dropped, Unicode digits to ASCII, Unicode spaces to ' ', surrounding
// spaces stripped. ok is false for any other non-ASCII character.
func asciiNumber(s string) (string, bool) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '_' || s[i] == 0 {
			ascii = false
			break
		}
	}
	if !ascii {
		var b strings.Builder
		for _, r := range s {
			switch {
			case r == '_':
			case r > 0 && r <= 127:
				b.WriteRune(r)
			case unicode.IsSpace(r):
				b.WriteByte(' ')
			case unicode.Is(unicode.Nd, r):
				start := r
				for unicode.Is(unicode.Nd, start-1) {
					start--
				}
				b.WriteByte(byte('0' + (r-start)%10))
			default:
				return "", false
			}
		}
		s = b.String()
	}
	// Most strings have nothing to strip: skip Trim, which builds its set
	// of cut characters at every call.
	if s != "" && !decSpace(s[0]) && !decSpace(s[len(s)-1]) {
		return s, true
	}
	return strings.Trim(s, decSpaces), true
}

const decSpaces = " \t\n\r\v\f\x1c\x1d\x1e\x1f\x85"

func decSpace(b byte) bool { return strings.IndexByte(decSpaces, b) >= 0 }

// dfLimit is parseDecimal's status for an exponent CPython accepts but a
// Decimal here cannot hold (see errDecLimit).
const dfLimit = 1 << 31

// parseDecimal reads a numeric string exactly. status is the condition
// a bad string raises (ConversionSyntax), InvalidOperation for an exponent
// beyond CPython's, or dfLimit.
func parseDecimal(s string) (*decObj, uint32) {
	if r := parsePlainDecimal(s); r != nil {
		return r, 0
	}
	s, ok := asciiNumber(s)
	if !ok || s == "" {
		return nil, dfConversionSyntax
	}
	r := &decObj{}
	switch s[0] {
	case '-':
		r.d.Negative = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	low := strings.ToLower(s)
	switch {
	case low == "inf" || low == "infinity":
		r.d.Form = apd.Infinite
		return r, 0
	case strings.HasPrefix(low, "nan") || strings.HasPrefix(low, "snan"):
		r.d.Form = apd.NaN
		payload := low[3:]
		if low[0] == 's' {
			r.d.Form = apd.NaNSignaling
			payload = low[4:]
		}
		if !allDigits(payload) {
			return nil, dfConversionSyntax
		}
		if payload != "" {
			setCoeffDigits(&r.d.Coeff, payload)
		}
		return r, 0
	}
	mant, expPart := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, expPart = s[:i], s[i+1:]
		if expPart == "" {
			return nil, dfConversionSyntax
		}
	}
	intPart, frac := mant, ""
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		intPart, frac = mant[:i], mant[i+1:]
	}
	if intPart+frac == "" || !allDigits(intPart) || !allDigits(frac) {
		return nil, dfConversionSyntax
	}
	exp := int64(0)
	if expPart != "" {
		neg := false
		switch expPart[0] {
		case '-':
			neg = true
			expPart = expPart[1:]
		case '+':
			expPart = expPart[1:]
		}
		if expPart == "" || !allDigits(expPart) {
			return nil, dfConversionSyntax
		}
		expPart = strings.TrimLeft(expPart, "0")
		if len(expPart) > 18 {
			return nil, dfInvalidOperation
		}
		exp, _ = strconv.ParseInt("0"+expPart, 10, 64)
		if neg {
			exp = -exp
		}
	}
	exp -= int64(len(frac))
	if exp > math.MaxInt32 || exp < math.MinInt32 {
		return nil, dfLimit
	}
	r.d.Exponent = int32(exp)
	setCoeffDigits(&r.d.Coeff, intPart+frac)
	return r, 0
}

// parsePlainDecimal reads the common spelling in one pass: an optional
// sign, then at most 19 digits with at most one point among or around
// them, nothing else; nil for anything else (parseDecimal decides).
func parsePlainDecimal(s string) *decObj {
	i, neg := 0, false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, i = s[0] == '-', 1
	}
	var u uint64
	digits, frac, dot := 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			u = u*10 + uint64(c-'0')
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return nil
		}
	}
	if digits == 0 || digits > 19 {
		return nil
	}
	r := &decObj{}
	r.d.Coeff.SetUint64(u)
	r.d.Negative, r.d.Exponent = neg, int32(-frac)
	return r
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func setCoeffDigits(c *apd.BigInt, digits string) {
	if len(digits) <= 19 {
		if u, err := strconv.ParseUint(digits, 10, 64); err == nil {
			c.SetUint64(u)
			return
		}
	}
	c.SetString(digits, 10)
}

// decFromTuple is Decimal((sign, digits, exponent)).
func decFromTuple(t *vm.Thread, v vm.Value) (*decObj, error) {
	items, err := t.ToList(v)
	if err != nil {
		return nil, err
	}
	if len(items) != 3 {
		return nil, vm.Errorf(vm.ValueError, "argument must be a sequence of length 3")
	}
	r := &decObj{}
	sign, ok := intOf(items[0])
	if !ok || (vm.AsBig(sign).Cmp(big.NewInt(0)) != 0 && vm.AsBig(sign).Cmp(big.NewInt(1)) != 0) {
		return nil, vm.Errorf(vm.ValueError, "sign must be an integer with the value 0 or 1")
	}
	r.d.Negative = vm.AsBig(sign).Sign() != 0
	exp := items[2]
	if s, ok := exp.StrOf(); ok {
		switch s {
		case "F":
			r.d.Form = apd.Infinite
		case "n":
			r.d.Form = apd.NaN
		case "N":
			r.d.Form = apd.NaNSignaling
		default:
			return nil, vm.Errorf(vm.ValueError, "string argument in the third position must be 'F', 'n' or 'N'")
		}
	} else if e, ok := intOf(exp); ok {
		b := vm.AsBig(e)
		if !b.IsInt64() || b.Int64() > math.MaxInt32 || b.Int64() < math.MinInt32 {
			return nil, errDecLimit()
		}
		r.d.Exponent = int32(b.Int64())
	} else {
		return nil, vm.Errorf(vm.ValueError, "exponent must be an integer")
	}
	if !isTupleOrList(items[1]) {
		return nil, vm.Errorf(vm.ValueError, "coefficient must be a tuple of digits")
	}
	digits, _ := t.ToList(items[1])
	var b strings.Builder
	for _, dv := range digits {
		di, ok := intOf(dv)
		if !ok || vm.AsBig(di).Sign() < 0 || vm.AsBig(di).Cmp(big.NewInt(9)) > 0 {
			return nil, vm.Errorf(vm.ValueError, "coefficient must be a tuple of digits")
		}
		b.WriteByte(byte('0' + vm.AsBig(di).Int64()))
	}
	if r.d.Form == apd.Infinite {
		return r, nil
	}
	if s := strings.TrimLeft(b.String(), "0"); s != "" {
		setCoeffDigits(&r.d.Coeff, s)
	}
	return r, nil
}

// newDecimal is Decimal(value="0", context=None): exact, whatever the
// context's precision; the context only decides whether a bad string
// raises (ConversionSyntax) and records FloatOperation for floats.
func newDecimal(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := decUnpack(args, kw, 0, "value", "context")
	if err != nil {
		return vm.Undef, err
	}
	if a[1].IsUndef() {
		// Ints and well-formed strings do not need the context.
		v := a[0]
		if v.Kind() == vm.KInt {
			r := &decObj{}
			r.d.SetInt64(v.AsInt())
			return vm.WrapNative(cls, r), nil
		}
		if s, ok := v.StrOf(); ok {
			if r, st := parseDecimal(s); st == 0 {
				return vm.WrapNative(cls, r), nil
			}
		}
	}
	ctx, err := ctxArg(t, a[1])
	if err != nil {
		return vm.Undef, err
	}
	r, err := decConvert(t, ctx, a[0], true)
	if err != nil {
		return vm.Undef, err
	}
	return vm.WrapNative(cls, r), nil
}

// decConvert makes a Decimal from any value Decimal() accepts. signalFloat
// records FloatOperation for a float (Decimal(), not from_float).
func decConvert(t *vm.Thread, ctx *decCtx, v vm.Value, signalFloat bool) (*decObj, error) {
	if v.IsUndef() {
		return &decObj{}, nil
	}
	if d, ok := decOf(v); ok {
		return d, nil
	}
	if i, ok := intOf(v); ok {
		r := &decObj{}
		setDecInt(&r.d, i)
		return r, nil
	}
	if s, ok := v.StrOf(); ok {
		r, st := parseDecimal(s)
		if st == dfLimit {
			return nil, errDecLimit()
		}
		if st != 0 {
			r = &decObj{}
			r.d.Form = apd.NaN
			if err := ctx.addStatus(st); err != nil {
				return nil, err
			}
		}
		return r, nil
	}
	if v.Kind() == vm.KFloat || isFloatSubclass(v) {
		f, _ := vm.AsFloat(floatPayload(v))
		if signalFloat {
			if err := ctx.addStatus(dfFloatOperation); err != nil {
				return nil, err
			}
		}
		return decFromFloat(f), nil
	}
	if isTupleOrList(v) {
		return decFromTuple(t, v)
	}
	return nil, vm.Errorf(vm.TypeError, "conversion from %s to Decimal is not supported", v.TypeName())
}

// isTupleOrList reports a tuple or list (or an instance of a subclass).
func isTupleOrList(v vm.Value) bool {
	if inst, ok := v.AsObj().(*vm.Instance); ok {
		v = inst.Payload()
	}
	switch v.AsObj().(type) {
	case *vm.Tuple, *vm.List:
		return true
	}
	return false
}

func isFloatSubclass(v vm.Value) bool {
	inst, ok := v.AsObj().(*vm.Instance)
	return ok && inst.Payload().Kind() == vm.KFloat
}

func floatPayload(v vm.Value) vm.Value {
	if inst, ok := v.AsObj().(*vm.Instance); ok {
		return inst.Payload()
	}
	return v
}

// coeffDigits is the coefficient as decimal digits.
func coeffDigits(d *apd.Decimal) []byte {
	return appendCoeff(nil, &d.Coeff)
}

// appendCoeff appends the decimal digits of a coefficient; one of up to
// 128 bits goes in two divisions by 10**19 instead of through math/big.
func appendCoeff(buf []byte, b *apd.BigInt) []byte {
	v, ok := get128(b)
	if !ok {
		return b.Append(buf, 10)
	}
	if v.hi == 0 {
		return strconv.AppendUint(buf, v.lo, 10)
	}
	// v = (top*10**19 + mid)*10**19 + low, top < 10**19.
	q, low := v.divmod(tenPow64[19])
	top, mid := q.divmod(tenPow64[19])
	if top.lo != 0 {
		buf = strconv.AppendUint(buf, top.lo, 10)
		buf = appendPadded(buf, mid)
	} else {
		buf = strconv.AppendUint(buf, mid, 10)
	}
	return appendPadded(buf, low)
}

// appendPadded appends n < 10**19 as exactly 19 digits.
func appendPadded(buf []byte, n uint64) []byte {
	var d [19]byte
	for i := len(d) - 1; i >= 0; i-- {
		d[i] = byte('0' + n%10)
		n /= 10
	}
	return append(buf, d[:]...)
}

// appendDecString writes d in scientific (or engineering) notation as the
// specification's to-sci-string / to-eng-string do.
func appendDecString(buf []byte, d *apd.Decimal, caps, eng bool) []byte {
	if d.Negative {
		buf = append(buf, '-')
	}
	switch d.Form {
	case apd.Infinite:
		return append(buf, "Infinity"...)
	case apd.NaN, apd.NaNSignaling:
		if d.Form == apd.NaNSignaling {
			buf = append(buf, 's')
		}
		buf = append(buf, "NaN"...)
		if d.Coeff.Sign() != 0 {
			buf = d.Coeff.Append(buf, 10)
		}
		return buf
	}
	var store [40]byte
	digits := appendCoeff(store[:0], &d.Coeff)
	exp := int64(d.Exponent)
	left := exp + int64(len(digits)) // digits before the point
	var dot int64
	switch {
	case exp <= 0 && left > -6:
		dot = left
	case !eng:
		dot = 1
	case d.Coeff.Sign() == 0:
		dot = floorMod(left+1, 3) - 1
	default:
		dot = floorMod(left-1, 3) + 1
	}
	switch {
	case dot <= 0:
		buf = append(buf, "0."...)
		for i := int64(0); i < -dot; i++ {
			buf = append(buf, '0')
		}
		buf = append(buf, digits...)
	case dot >= int64(len(digits)):
		buf = append(buf, digits...)
		for i := int64(len(digits)); i < dot; i++ {
			buf = append(buf, '0')
		}
	default:
		buf = append(buf, digits[:dot]...)
		buf = append(buf, '.')
		buf = append(buf, digits[dot:]...)
	}
	if left != dot {
		if caps {
			buf = append(buf, 'E')
		} else {
			buf = append(buf, 'e')
		}
		if left-dot >= 0 {
			buf = append(buf, '+')
		}
		buf = strconv.AppendInt(buf, left-dot, 10)
	}
	return buf
}

func floorMod(a, b int64) int64 {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}

func (x *decObj) Str(t *vm.Thread) (string, error) {
	var store [48]byte
	return string(appendDecString(store[:0], &x.d, curCtx(t).capitals == 1, false)), nil
}

func (x *decObj) Repr(t *vm.Thread) (string, error) {
	var store [64]byte
	buf := append(store[:0], "Decimal('"...)
	buf = appendDecString(buf, &x.d, curCtx(t).capitals == 1, false)
	return string(append(buf, "')"...)), nil
}

// Python's hash of numbers: reduction modulo the Mersenne prime 2**61-1,
// so that equal Decimals, ints, floats and Fractions hash alike. The
// arithmetic modulo 2**61-1 works on words (decimal_hash.go).
func (x *decObj) HashErr(t *vm.Thread) (uint64, error) {
	switch x.d.Form {
	case apd.NaNSignaling:
		return 0, vm.Errorf(vm.TypeError, "Cannot hash a signaling NaN value")
	case apd.NaN:
		return vm.IdentityHash(x), nil
	case apd.Infinite:
		if x.d.Negative {
			neg := int64(-314159)
			return uint64(neg), nil
		}
		return 314159, nil
	}
	h := mulModP(coeffModP(&x.d.Coeff), pow10ModP(int64(x.d.Exponent)))
	r := int64(h)
	if x.d.Negative {
		r = -r
	}
	if r == -1 {
		r = -2
	}
	return uint64(r), nil
}
