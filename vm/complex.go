package vm

import (
	"math"

	"github.com/asylang/asy/internal/fmath"
)

// Complex is a Python complex number (enough for literals and arithmetic).
type Complex struct{ v complex128 }

func (*Complex) Class() *Class { return ComplexType }

func isComplexOperand(v Value) bool {
	if v.isFloat() || v.isIntLike() {
		return true
	}
	_, ok := v.o.(*Complex)
	return ok && v.isObj()
}

func toComplex(v Value) complex128 {
	if c, ok := v.o.(*Complex); ok {
		return c.v
	}
	f, _ := toFloat(v)
	return complex(f, 0)
}

func complexBinary(op int, a, b Value) (Value, bool, error) {
	x, y := toComplex(a), toComplex(b)
	switch op {
	case binAdd:
		return Obj(&Complex{v: x + y}), true, nil
	case binSub:
		return Obj(&Complex{v: x - y}), true, nil
	case binMul:
		return Obj(&Complex{v: x * y}), true, nil
	case binTrueDiv:
		if y == 0 {
			return Undef, true, Errorf(ZeroDivisionError, "complex division by zero")
		}
		return Obj(&Complex{v: x / y}), true, nil
	case binPow:
		if x == 0 && (real(y) < 0 || imag(y) != 0) {
			return Undef, true, Errorf(ZeroDivisionError, "0.0 to a negative or complex power")
		}
		return complexPowResult(complexPow(x, y))
	}
	return Undef, false, nil
}

func complexPow(x, y complex128) complex128 {
	if imag(y) == 0 && real(y) == math.Trunc(real(y)) && math.Abs(real(y)) < 100 {
		n := int(real(y))
		r := complex(1, 0)
		b := x
		neg := n < 0
		if neg {
			n = -n
		}
		for n > 0 {
			if n&1 == 1 {
				r *= b
			}
			b *= b
			n >>= 1
		}
		if neg {
			return 1 / r
		}
		return r
	}
	// CPython's formula (not cmplx.Pow's, which rounds differently):
	// |x|**re(y) and the phase arg(x)*re(y), adjusted for an imaginary
	// exponent, with libm-accurate pow.
	vabs := fmath.Hypot(real(x), imag(x))
	l := fmath.Pow(vabs, real(y))
	at := fmath.Atan2(imag(x), real(x))
	phase := at * real(y)
	if imag(y) != 0 {
		l /= fmath.Exp(at * imag(y))
		phase += imag(y) * fmath.Log(vabs)
	}
	return complex(l*fmath.Cos(phase), l*fmath.Sin(phase))
}

// complexPowResult is a complex power's value, or CPython's OverflowError
// when a part is infinite.
func complexPowResult(c complex128) (Value, bool, error) {
	if math.IsInf(real(c), 0) || math.IsInf(imag(c), 0) {
		return Undef, true, Errorf(OverflowError, "complex exponentiation")
	}
	return Obj(&Complex{v: c}), true, nil
}

func complexRepr(c complex128) string {
	re, im := real(c), imag(c)
	imS := floatReprNoDot(im)
	if re == 0 && !math.Signbit(re) {
		return imS + "j"
	}
	sign := "+"
	if im < 0 || (im == 0 && math.Signbit(im)) || math.IsNaN(im) && false {
		sign = ""
	}
	return "(" + floatReprNoDot(re) + sign + imS + "j)"
}

// floatReprNoDot is repr(float) without a trailing ".0" (complex parts print as 1j, not 1.0j).
func floatReprNoDot(f float64) string {
	s := floatRepr(f)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}
