package vm

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/asylang/asy/internal/fmath"
)

// binaryOp evaluates a <op> b (op may carry binopInplace) with Python's rules:
// built-in numeric and sequence types in Go, then the dunder protocol.
func (t *Thread) binaryOp(op int, a, b Value) (Value, error) {
	inplace := op&binopInplace != 0
	op &^= binopInplace
	if x, ok := a.o.(*StrObj); ok && op == binAdd {
		if y, ok := b.o.(*StrObj); ok {
			return t.strAdd(x, y) // str + str, the common non-numeric case
		}
	}
	ai, bi := a.isObj(), b.isObj()
	if ai {
		_, ai = a.o.(*Instance)
	}
	if bi {
		_, bi = b.o.(*Instance)
	}
	if !ai && !bi {
		if r, ok, err := builtinBinary(t, op, a, b, inplace); ok || err != nil {
			return r, err
		}
		if dunderNative(a) || dunderNative(b) {
			if r, done, err := nativeBinary(t, op, a, b); done {
				return r, err
			}
			return t.dunderBinary(op, a, b, inplace)
		}
		return Undef, binopTypeError(op, a, b, inplace)
	}
	return t.dunderBinary(op, a, b, inplace)
}

// BinaryOperator lets a native number (a Dunders class) compute an
// operator without the dunder lookup and call: name is the forward
// dunder ("__add__"), reflected when the object is the right operand.
// ok false means NotImplemented. Its class's __add__ etc. must agree (they
// serve subclasses and explicit calls).
type BinaryOperator interface {
	BinaryOp(t *Thread, name string, other Value, reflected bool) (result Value, ok bool, err error)
}

// nativeBinary tries a BinaryOperator on the left operand, then (for a
// different type) on the right one; done false leaves the dunder path to
// decide (and to word the TypeError).
func nativeBinary(t *Thread, op int, a, b Value) (Value, bool, error) {
	name := binOpDunders[op][0]
	if bo, ok := a.o.(BinaryOperator); ok {
		if r, ok, err := bo.BinaryOp(t, name, b, false); ok || err != nil {
			return r, true, err
		}
	}
	if bo, ok := b.o.(BinaryOperator); ok && (!a.isObj() || a.o.Class() != b.o.Class()) {
		if r, ok, err := bo.BinaryOp(t, name, a, true); ok || err != nil {
			return r, true, err
		}
	}
	return Undef, false, nil
}

// binopTypeError words the failure as CPython does: an augmented
// assignment names its own operator ("+="), and only the plain power
// mentions pow().
func binopTypeError(op int, a, b Value, inplace bool) error {
	sym := binOpNames[op]
	switch {
	case inplace:
		sym += "="
	case op == binPow:
		sym = "** or pow()"
	}
	return Errorf(TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym, a.TypeName(), b.TypeName())
}

// dunderBinary runs __iop__, __op__ and the reflected __rop__ as Python does,
// giving a subclass's reflected method priority.
func (t *Thread) dunderBinary(op int, a, b Value, inplace bool) (Value, error) {
	names := binOpDunders[op]
	if inplace {
		if m, ok := t.lookupSpecial(a, names[2]); ok {
			r, err := t.callBound(m, a, []Value{b}, nil)
			if err != nil || !isNotImplemented(r) {
				return r, err
			}
		}
	}
	ac, bc := a.Class(), b.Class()
	tryReflectedFirst := bc != ac && bc.IsSubclass(ac)
	if tryReflectedFirst {
		if m, ok := t.lookupSpecial(b, names[1]); ok {
			r, err := t.callBound(m, b, []Value{a}, nil)
			if err != nil || !isNotImplemented(r) {
				return r, err
			}
		}
	}
	if m, ok := t.lookupSpecial(a, names[0]); ok {
		r, err := t.callBound(m, a, []Value{b}, nil)
		if err != nil || !isNotImplemented(r) {
			return r, err
		}
	} else if _, isInst := a.o.(*Instance); !isInst || !a.isObj() {
		r, ok, err := builtinBinary(t, op, a, b, inplace)
		if err == nil && ok {
			return r, nil
		}
		if err != nil {
			// A built-in left operand refused ("can only concatenate str"):
			// the right operand's reflected method still gets its turn, and
			// the built-in's message stands if it declines.
			if _, bInst := b.o.(*Instance); !bInst || !b.isObj() || bc == ac || !IsInstanceOf(err, TypeError) {
				return r, err
			}
			if m, found := t.lookupSpecial(b, names[1]); found && !tryReflectedFirst {
				r2, err2 := t.callBound(m, b, []Value{a}, nil)
				if err2 != nil || !isNotImplemented(r2) {
					return r2, err2
				}
			}
			// tuple + a tuple subclass: the built-in part of the right operand.
			if bi := b.o.(*Instance); !bi.Payload().IsUndef() {
				if r2, ok2, err2 := builtinBinary(t, op, a, bi.Payload(), inplace); ok2 && err2 == nil {
					return r2, nil
				}
			}
			return r, err
		}
	}
	// Instances of subclasses of built-in types operate through their built-in part.
	if ai, ok := a.o.(*Instance); ok && !ai.Payload().IsUndef() {
		if r, ok, err := builtinBinary(t, op, ai.Payload(), unwrapPayload(b), inplace); ok || err != nil {
			return r, err
		}
	} else if bi, ok := b.o.(*Instance); ok && !bi.Payload().IsUndef() {
		if r, ok, err := builtinBinary(t, op, a, bi.Payload(), inplace); ok || err != nil {
			return r, err
		}
	}
	if !tryReflectedFirst && bc != ac {
		if m, ok := t.lookupSpecial(b, names[1]); ok {
			r, err := t.callBound(m, b, []Value{a}, nil)
			if err != nil || !isNotImplemented(r) {
				return r, err
			}
		}
	}
	return Undef, binopTypeError(op, a, b, inplace)
}

// builtinBinary handles the built-in types. ok is false when the operand
// types are not supported (the caller then raises TypeError).
func builtinBinary(t *Thread, op int, a, b Value, inplace bool) (Value, bool, error) {
	if a.isIntLike() && b.isIntLike() {
		if op == binMatMul {
			return Undef, false, nil // no int @ int: the caller words the error
		}
		r, err := intBinary(op, a, b)
		return r, true, err
	}
	if (a.isFloat() || a.isIntLike()) && (b.isFloat() || b.isIntLike()) {
		x, err := toFloat(a)
		if err != nil {
			return Undef, true, err
		}
		y, err := toFloat(b)
		if err != nil {
			return Undef, true, err
		}
		r, ok, err := floatBinary(op, x, y)
		return r, ok, err
	}
	if isComplexOperand(a) && isComplexOperand(b) {
		return complexBinary(op, a, b)
	}
	if (a.isObj() || b.isObj()) && seqBinaryOp != nil {
		return seqBinaryOp(t, op, a, b, inplace)
	}
	return Undef, false, nil
}

// seqBinaryOp evaluates operators of the non-numeric built-in types (str,
// bytes, list, tuple, dict, set...): + * % | & - ^. ok=false means the
// operand types are not supported. Set by seq_ops.go.
var seqBinaryOp func(t *Thread, op int, a, b Value, inplace bool) (Value, bool, error)

// toFloat converts an int-like or float value.
func toFloat(v Value) (float64, error) {
	switch v.kind() {
	case KFloat:
		return v.AsFloat(), nil
	case KInt, KBool:
		return float64(int64(v.n)), nil
	}
	if b, ok := v.o.(*BigIntObj); ok {
		f, _ := new(big.Float).SetInt(b.v).Float64()
		if math.IsInf(f, 0) {
			return 0, Errorf(OverflowError, "int too large to convert to float")
		}
		return f, nil
	}
	return 0, Errorf(TypeError, "must be real number, not %s", v.TypeName())
}

func intBinary(op int, a, b Value) (Value, error) {
	if (a.isInt() || a.isBool()) && (b.isInt() || b.isBool()) {
		x, y := int64(a.n), int64(b.n)
		switch op {
		case binAdd:
			r := x + y
			if (r > x) == (y > 0) {
				return Int(r), nil
			}
		case binSub:
			r := x - y
			if (r < x) == (y > 0) {
				return Int(r), nil
			}
		case binMul:
			hi, lo := bits.Mul64(uint64(absI(x)), uint64(absI(y)))
			if hi == 0 && lo < 1<<63 && x != math.MinInt64 && y != math.MinInt64 {
				r := int64(lo)
				if (x < 0) != (y < 0) {
					r = -r
				}
				return Int(r), nil
			}
		case binFloorDiv, binMod:
			if y == 0 {
				if op == binMod {
					return Undef, Errorf(ZeroDivisionError, "integer modulo by zero")
				}
				return Undef, Errorf(ZeroDivisionError, "integer division or modulo by zero")
			}
			if !(x == math.MinInt64 && y == -1) {
				q, m := x/y, x%y
				if m != 0 && (m < 0) != (y < 0) {
					q--
					m += y
				}
				if op == binFloorDiv {
					return Int(q), nil
				}
				return Int(m), nil
			}
		case binTrueDiv:
			if y == 0 {
				return Undef, Errorf(ZeroDivisionError, "division by zero")
			}
			if absI(x) < 1<<53 && absI(y) < 1<<53 {
				return Float(float64(x) / float64(y)), nil
			}
		case binAnd:
			return Int(x & y), nil
		case binOr:
			return Int(x | y), nil
		case binXor:
			return Int(x ^ y), nil
		case binLShift:
			if y < 0 {
				return Undef, Errorf(ValueError, "negative shift count")
			}
			if y < 63 && x == (x<<y)>>y {
				return Int(x << y), nil
			}
		case binRShift:
			if y < 0 {
				return Undef, Errorf(ValueError, "negative shift count")
			}
			if y > 63 {
				y = 63
			}
			return Int(x >> y), nil
		case binPow:
			if y >= 0 {
				if r, ok := powInt64(x, y); ok {
					return Int(r), nil
				}
			}
		}
	}
	return bigBinary(op, a.bigOf(), b.bigOf())
}

func absI(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// powInt64 computes x**y when it fits int64.
func powInt64(x, y int64) (int64, bool) {
	r := int64(1)
	for y > 0 {
		if y&1 == 1 {
			hi, lo := bits.Mul64(uint64(absI(r)), uint64(absI(x)))
			if hi != 0 || lo >= 1<<63 {
				return 0, false
			}
			neg := (r < 0) != (x < 0)
			r = int64(lo)
			if neg {
				r = -r
			}
		}
		y >>= 1
		if y > 0 {
			hi, lo := bits.Mul64(uint64(absI(x)), uint64(absI(x)))
			if hi != 0 || lo >= 1<<63 {
				return 0, false
			}
			x = int64(lo)
		}
	}
	return r, true
}

func bigBinary(op int, x, y *big.Int) (Value, error) {
	r := new(big.Int)
	switch op {
	case binAdd:
		r.Add(x, y)
	case binSub:
		r.Sub(x, y)
	case binMul:
		if err := CheckAlloc(int64(x.BitLen()+y.BitLen())/8, 1); err != nil {
			return Undef, err
		}
		r.Mul(x, y)
	case binFloorDiv, binMod:
		if y.Sign() == 0 {
			if op == binMod {
				return Undef, Errorf(ZeroDivisionError, "integer modulo by zero")
			}
			return Undef, Errorf(ZeroDivisionError, "integer division or modulo by zero")
		}
		q, m := new(big.Int).QuoRem(x, y, new(big.Int))
		if m.Sign() != 0 && (m.Sign() < 0) != (y.Sign() < 0) {
			q.Sub(q, big.NewInt(1))
			m.Add(m, y)
		}
		if op == binFloorDiv {
			return BigInt(q), nil
		}
		return BigInt(m), nil
	case binTrueDiv:
		if y.Sign() == 0 {
			return Undef, Errorf(ZeroDivisionError, "division by zero")
		}
		f, _ := new(big.Rat).SetFrac(x, y).Float64()
		if f == 0 && (x.Sign() < 0) != (y.Sign() < 0) {
			f = math.Copysign(0, -1) // a zero or underflowed quotient keeps its sign, as in CPython
		}
		if math.IsInf(f, 0) {
			return Undef, Errorf(OverflowError, "integer division result too large for a float")
		}
		return Float(f), nil
	case binAnd:
		r.And(x, y)
	case binOr:
		r.Or(x, y)
	case binXor:
		r.Xor(x, y)
	case binLShift:
		if y.Sign() < 0 {
			return Undef, Errorf(ValueError, "negative shift count")
		}
		if x.Sign() == 0 {
			return Int(0), nil
		}
		if !y.IsInt64() {
			// CPython: a shift of more than PY_SSIZE_T_MAX 30-bit digits
			// cannot be represented; a smaller one cannot be allocated.
			if !new(big.Int).Quo(y, big.NewInt(30)).IsInt64() {
				return Undef, Errorf(OverflowError, "too many digits in integer")
			}
			return Undef, memoryError()
		}
		if err := CheckAlloc2(int64(x.BitLen())/8, y.Int64()/8, 1); err != nil {
			return Undef, err
		}
		r.Lsh(x, uint(y.Int64()))
	case binRShift:
		if y.Sign() < 0 {
			return Undef, Errorf(ValueError, "negative shift count")
		}
		if !y.IsInt64() || y.Int64() > 1<<30 {
			if x.Sign() < 0 {
				return Int(-1), nil
			}
			return Int(0), nil
		}
		r.Rsh(x, uint(y.Int64()))
	case binPow:
		if y.Sign() < 0 {
			fx, _ := new(big.Float).SetInt(x).Float64()
			fy, _ := new(big.Float).SetInt(y).Float64()
			if fx == 0 {
				return Undef, Errorf(ZeroDivisionError, "0.0 cannot be raised to a negative power")
			}
			return Float(fmath.Pow(fx, fy)), nil
		}
		if x.CmpAbs(big.NewInt(1)) <= 0 {
			// 0, 1 and -1 to any power, however big: no digits to compute.
			switch {
			case x.Sign() == 0 && y.Sign() != 0:
				return Int(0), nil
			case x.Sign() < 0 && y.Bit(0) == 1:
				return Int(-1), nil
			}
			return Int(1), nil
		}
		if !y.IsInt64() || y.Int64() > 1<<24 {
			return Undef, Errorf(OverflowError, "exponent too large")
		}
		if x.CmpAbs(big.NewInt(1)) > 0 {
			// The result has about (bits of x - 1) * y bits.
			if bl := int64(x.BitLen() - 1); bl > 0 && y.Int64() > 0 {
				if bl > (1<<62)/y.Int64() {
					return Undef, memoryError()
				}
				if err := CheckAlloc(bl*y.Int64()/8, 1); err != nil {
					return Undef, err
				}
			}
		}
		r.Exp(x, y, nil)
	}
	return BigInt(r), nil
}

func floatBinary(op int, x, y float64) (Value, bool, error) {
	switch op {
	case binAdd:
		return Float(x + y), true, nil
	case binSub:
		return Float(x - y), true, nil
	case binMul:
		return Float(x * y), true, nil
	case binTrueDiv:
		if y == 0 {
			return Undef, true, Errorf(ZeroDivisionError, "float division by zero")
		}
		return Float(x / y), true, nil
	case binFloorDiv:
		if y == 0 {
			return Undef, true, Errorf(ZeroDivisionError, "float floor division by zero")
		}
		q, _ := floatDivmod(x, y)
		return Float(q), true, nil
	case binMod:
		if y == 0 {
			return Undef, true, Errorf(ZeroDivisionError, "float modulo")
		}
		_, m := floatDivmod(x, y)
		return Float(m), true, nil
	case binPow:
		if x == 0 && y < 0 && !math.IsInf(y, -1) { // 0.0 ** -inf is inf
			return Undef, true, Errorf(ZeroDivisionError, "0.0 cannot be raised to a negative power")
		}
		if x < 0 && y != math.Trunc(y) && !math.IsInf(x, 0) && !math.IsNaN(y) {
			// A negative finite base to a fractional power: CPython hands
			// it to complex pow.
			return complexPowResult(complexPow(complex(x, 0), complex(y, 0)))
		}
		r := fmath.Pow(x, y) // correctly rounded, as CPython's libm pow
		if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
			return Undef, true, Errorf(OverflowError, "(34, 'Numerical result out of range')")
		}
		return Float(r), true, nil
	}
	return Undef, false, nil
}

// floatDivmod is Python's float divmod (floor semantics, sign of divisor).
func floatDivmod(x, y float64) (float64, float64) {
	m := math.Mod(x, y)
	div := (x - m) / y
	if m != 0 {
		if (y < 0) != (m < 0) {
			m += y
			div -= 1
		}
	} else {
		m = math.Copysign(0, y)
	}
	var q float64
	if div != 0 {
		q = math.Floor(div)
		if div-q > 0.5 {
			q += 1
		}
	} else {
		q = math.Copysign(0, x/y)
	}
	return q, m
}

// unaryOp evaluates -x, +x, ~x.
func (t *Thread) unaryOp(op Opcode, v Value) (Value, error) {
	switch v.kind() {
	case KInt, KBool:
		x := int64(v.n)
		switch op {
		case OpUnaryNeg:
			if x == math.MinInt64 {
				return BigInt(new(big.Int).Neg(big.NewInt(x))), nil
			}
			return Int(-x), nil
		case OpUnaryPos:
			return Int(x), nil
		case OpUnaryInvert:
			return Int(^x), nil
		}
	case KFloat:
		switch op {
		case OpUnaryNeg:
			return Float(-v.AsFloat()), nil
		case OpUnaryPos:
			return v, nil
		}
	case KObj:
		switch o := v.o.(type) {
		case *BigIntObj:
			switch op {
			case OpUnaryNeg:
				return BigInt(new(big.Int).Neg(o.v)), nil
			case OpUnaryPos:
				return v, nil
			case OpUnaryInvert:
				return BigInt(new(big.Int).Not(o.v)), nil
			}
		case *Complex:
			switch op {
			case OpUnaryNeg:
				return Obj(&Complex{v: -o.v}), nil
			case OpUnaryPos:
				return v, nil
			}
		default:
			if _, isInst := o.(*Instance); isInst || dunderNative(v) {
				name := "__invert__"
				switch op {
				case OpUnaryNeg:
					name = "__neg__"
				case OpUnaryPos:
					name = "__pos__"
				}
				if m, ok := t.lookupSpecial(v, name); ok {
					return t.callBound(m, v, nil, nil)
				}
			}
		}
	}
	sym := map[Opcode]string{OpUnaryNeg: "-", OpUnaryPos: "+", OpUnaryInvert: "~"}[op]
	return Undef, Errorf(TypeError, "bad operand type for unary %s: '%s'", sym, v.TypeName())
}

// BinaryOp evaluates a op b for an operator spelled as in source ("+", "//"...).
func (t *Thread) BinaryOp(op string, a, b Value) (Value, error) {
	code, ok := binOps[op]
	if !ok {
		return Undef, Errorf(ValueError, "unknown operator %s", op)
	}
	return t.binaryOp(code, a, b)
}

// unwrapPayload returns the built-in part of an instance of a subclass of a built-in type.
func unwrapPayload(v Value) Value {
	if inst, ok := v.o.(*Instance); ok && !inst.Payload().IsUndef() {
		return inst.Payload()
	}
	return v
}
