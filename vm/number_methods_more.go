package vm

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// nanBits is CPython's Py_NAN: a quiet NaN with no payload. Go's math.NaN()
// is 0x7FF8000000000001, which struct.pack and float.hex would expose, so
// every NaN the interpreter makes from nothing comes from NaN().
const nanBits = 0x7ff8000000000000

// NaN returns CPython's canonical NaN.
func NaN() float64 { return math.Float64frombits(nanBits) }

// clinicArgs binds a call as CPython's Argument Clinic does for parameters
// of which the first maxPos may be positional and the rest are
// keyword-only; the first required ones are mandatory. Unpassed ones are
// Undef.
func clinicArgs(fname string, args []Value, kw []KV, required, maxPos int, names ...string) ([]Value, error) {
	if len(args) > maxPos {
		return nil, Errorf(TypeError, "%s() takes at most %d positional argument%s (%d given)", fname, maxPos, plural(maxPos), len(args))
	}
	out := make([]Value, len(names))
	copy(out, args)
	for _, a := range kw {
		i := -1
		for j, n := range names {
			if n == a.Name {
				i = j
			}
		}
		if i < 0 {
			return nil, Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", a.Name, fname)
		}
		if i < len(args) {
			return nil, Errorf(TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, a.Name, i+1)
		}
		out[i] = a.Val
	}
	for i := 0; i < required; i++ {
		if out[i].IsUndef() {
			return nil, Errorf(TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return out, nil
}

// byteOrderArg is to_bytes/from_bytes's byteorder: true for little-endian.
func byteOrderArg(fname string, v Value) (bool, error) {
	if v.IsUndef() {
		return false, nil
	}
	s, ok := v.StrOf()
	if !ok {
		return false, Errorf(TypeError, "%s() argument 'byteorder' must be str, not %s", fname, v.TypeName())
	}
	switch s {
	case "big":
		return false, nil
	case "little":
		return true, nil
	}
	return false, Errorf(ValueError, "byteorder must be either 'little' or 'big'")
}

// intToBytes is int.to_bytes: v in length bytes, two's complement when signed.
func intToBytes(v *big.Int, length int, little, signed bool) ([]byte, error) {
	if v.Sign() < 0 && !signed {
		return nil, Errorf(OverflowError, "can't convert negative int to unsigned")
	}
	// The representable range is [-2**(8n-1), 2**(8n-1)) signed, [0, 2**8n) unsigned.
	limit := new(big.Int).Lsh(big.NewInt(1), uint(8*length))
	if signed {
		limit.Rsh(limit, 1)
	}
	// CPython lets -1 through into zero bytes too (it drops sign-extension
	// bytes before checking the length).
	tooBig := v.Cmp(limit) >= 0 || signed && new(big.Int).Neg(v).Cmp(limit) > 0
	if length == 0 {
		tooBig = v.Sign() != 0 && !(signed && v.Cmp(big.NewInt(-1)) == 0)
	}
	if tooBig {
		return nil, Errorf(OverflowError, "int too big to convert")
	}
	u := v
	if v.Sign() < 0 {
		u = new(big.Int).Add(v, new(big.Int).Lsh(big.NewInt(1), uint(8*length)))
	}
	out := u.FillBytes(make([]byte, length))
	if little {
		slicesReverse(out)
	}
	return out, nil
}

// floatHex is float.hex, CPython's algorithm: a normalised 1.xxx mantissa
// (0.xxx for subnormals) of 13 hex digits and a binary exponent.
func floatHex(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	sign := ""
	if math.Signbit(x) {
		sign = "-"
	}
	if x == 0 {
		return sign + "0x0.0p+0"
	}
	m, e := math.Frexp(math.Abs(x))
	shift := 1 - max(-1021-e, 0) // DBL_MIN_EXP - e: subnormals keep a 0. mantissa
	m = math.Ldexp(m, shift)
	e -= shift
	const digits = "0123456789abcdef"
	var b strings.Builder
	b.WriteString(sign + "0x")
	d := int(m)
	b.WriteByte(digits[d])
	m -= float64(d)
	b.WriteByte('.')
	for i := 0; i < 13; i++ {
		m *= 16
		d = int(m)
		b.WriteByte(digits[d])
		m -= float64(d)
	}
	return b.String() + "p" + sprintf("%+d", e)
}

// floatFromHex is float.fromhex's parser: [sign] ['0x'] hexdigits ['.'
// hexdigits] ['p' [sign] digits], or inf/infinity/nan, with surrounding
// whitespace. Go's ParseFloat does the correctly rounded conversion once
// the string has been checked against Python's stricter grammar.
func floatFromHex(s string) (float64, error) {
	invalid := Errorf(ValueError, "invalid hexadecimal floating-point string")
	s = strings.TrimFunc(s, isSpaceRune)
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	switch strings.ToLower(s) {
	case "inf", "infinity":
		return math.Inf(1 - 2*boolInt(neg)), nil
	case "nan":
		return math.Copysign(NaN(), float64(1-2*boolInt(neg))), nil
	}
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s = s[2:]
	}
	mant, exp := s, "0"
	if i := strings.IndexAny(s, "pP"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
		e := strings.TrimLeft(exp, "+-")
		if len(exp)-len(e) > 1 || e == "" || strings.Trim(e, "0123456789") != "" {
			return 0, invalid
		}
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart+frac == "" || strings.Trim(intPart+frac, "0123456789abcdefABCDEF") != "" {
		return 0, invalid
	}
	f, err := strconv.ParseFloat("0x"+mant+"p"+exp, 64)
	if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
		if math.IsInf(f, 0) {
			return 0, Errorf(OverflowError, "hexadecimal value too large to represent as a float")
		}
		err = nil // underflow rounds to zero, as in CPython
	}
	if err != nil {
		return 0, invalid
	}
	if neg {
		f = -f
	}
	return f, nil
}

func init() {
	IntType.AddMethod("bit_count", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := (&bMethod{name: "bit_count", conv: bNoArgs}).checkAs("int", args[1:], kw); err != nil {
			return Undef, err
		}
		v := args[0]
		if v.isInt() || v.isBool() {
			u := uint64(v.AsInt())
			if v.AsInt() < 0 {
				u = -u
			}
			return Int(int64(bits.OnesCount64(u))), nil
		}
		n := 0
		for _, w := range new(big.Int).Abs(v.bigOf()).Bits() {
			n += bits.OnesCount(uint(w))
		}
		return Int(int64(n)), nil
	})
	IntType.AddMethod("to_bytes", func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := clinicArgs("to_bytes", args[1:], kw, 0, 2, "length", "byteorder", "signed")
		if err != nil {
			return Undef, err
		}
		length := int64(1)
		if !a[0].IsUndef() {
			if length, err = t.AsInt64(a[0]); err != nil {
				return Undef, err
			}
		}
		little, err := byteOrderArg("to_bytes", a[1])
		if err != nil {
			return Undef, err
		}
		signed := false
		if !a[2].IsUndef() {
			if signed, err = t.Truth(a[2]); err != nil {
				return Undef, err
			}
		}
		if length < 0 {
			return Undef, Errorf(ValueError, "length argument must be non-negative")
		}
		v := args[0].bigOf()
		if length > 1<<24 && v.BitLen() < int(length)*8-8 {
			return Undef, Errorf(MemoryError, "")
		}
		b, err := intToBytes(v, int(length), little, signed)
		if err != nil {
			return Undef, err
		}
		return Obj(NewBytes(b)), nil
	})
	IntType.Dict["from_bytes"] = Obj(&ClassMethod{fn: NewBuiltin("from_bytes", func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := clinicArgs("from_bytes", args[1:], kw, 1, 2, "bytes", "byteorder", "signed")
		if err != nil {
			return Undef, err
		}
		// The argument goes through bytes(), except that bytes(str) and
		// bytes(int) are refused, as PyObject_Bytes does.
		src, ok := bytesLike(a[0])
		if !ok {
			_, isStr := a[0].StrOf()
			if isStr || a[0].isIntLike() {
				if _, hasBytes := t.lookupSpecial(a[0], "__bytes__"); !hasBytes {
					return Undef, Errorf(TypeError, "cannot convert '%s' object to bytes", a[0].TypeName())
				}
			}
			if src, err = newBytesFrom(t, "bytes", a[:1], nil); err != nil {
				return Undef, err
			}
		}
		little, err := byteOrderArg("from_bytes", a[1])
		if err != nil {
			return Undef, err
		}
		signed := false
		if !a[2].IsUndef() {
			if signed, err = t.Truth(a[2]); err != nil {
				return Undef, err
			}
		}
		be := append([]byte{}, src...)
		if little {
			slicesReverse(be)
		}
		v := new(big.Int).SetBytes(be)
		if signed && len(be) > 0 && be[0]&0x80 != 0 {
			v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(8*len(be))))
		}
		switch c, _ := args[0].o.(*Class); c {
		case IntType:
			return BigInt(v), nil
		case BoolType:
			return Bool(v.Sign() != 0), nil
		}
		// A subclass gets cls(value), as in CPython.
		return t.Call(args[0], []Value{BigInt(v)}, nil)
	})})
	FloatType.AddMethod("hex", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := (&bMethod{name: "hex", conv: bNoArgs}).checkAs("float", args[1:], kw); err != nil {
			return Undef, err
		}
		return Str(floatHex(args[0].AsFloat())), nil
	})
	FloatType.Dict["fromhex"] = Obj(&ClassMethod{fn: NewBuiltin("fromhex", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := (&bMethod{name: "fromhex", conv: bOneArg}).checkAs("float", args[1:], kw); err != nil {
			return Undef, err
		}
		s, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "bad argument type for built-in operation")
		}
		f, err := floatFromHex(s)
		if err != nil {
			return Undef, err
		}
		if c, _ := args[0].o.(*Class); c == FloatType {
			return Float(f), nil
		}
		return t.Call(args[0], []Value{Float(f)}, nil)
	})})
}
