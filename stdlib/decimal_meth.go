package stdlib

import (
	"math/big"

	"github.com/asylang/asy/vm"
	"github.com/cockroachdb/apd/v3"
)

// The methods of Decimal and Context. Most operations exist twice, as in
// CPython: x.sqrt(context=None) and ctx.sqrt(x); defineOp registers both
// from one function.

// decFunc is an operation on converted operands in a context.
type decFunc func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error)

func selfDec(args []vm.Value) *decObj {
	d, _ := decOf(args[0])
	return d
}

// defineOp registers x.name(params..., context=None) on Decimal (when
// onDecimal) and ctx.name(x, params...) on Context.
func defineOp(name string, params []string, onDecimal bool, fn decFunc) {
	if onDecimal {
		names := append(append([]string{}, params...), "context")
		decimalType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := decUnpack(args[1:], kw, len(params), names...)
			if err != nil {
				return vm.Undef, err
			}
			c, err := ctxArg(t, a[len(params)])
			if err != nil {
				return vm.Undef, err
			}
			ops := []*decObj{selfDec(args)}
			for _, v := range a[:len(params)] {
				d, err := decArg(v)
				if err != nil {
					return vm.Undef, err
				}
				ops = append(ops, d)
			}
			return fn(t, c, ops)
		})
	}
	defineCtxOp(name, len(params)+1, fn)
}

// defineCtxOp registers ctx.name(x, ...) taking n Decimal operands.
func defineCtxOp(name string, n int, fn decFunc) {
	decContextType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(kw) > 0 {
			// CPython's message names the method alone (its C methods take
			// METH_VARARGS).
			return vm.Undef, vm.NoKwargs(name, kw)
		}
		if len(args)-1 != n {
			if n == 1 {
				return vm.Undef, vm.Errorf(vm.TypeError, "Context.%s() takes exactly one argument (%d given)", name, len(args)-1)
			}
			return vm.Undef, vm.Errorf(vm.TypeError, "function takes exactly %d arguments (%d given)", n, len(args)-1)
		}
		c := args[0].AsObj().(*decCtx)
		ops := make([]*decObj, n)
		for i, v := range args[1:] {
			d, err := decArg(v)
			if err != nil {
				return vm.Undef, err
			}
			ops[i] = d
		}
		return fn(t, c, ops)
	})
}

// op2 adapts an operator to a decFunc.
func op2(op decOp2) decFunc {
	return func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
		r := &decObj{}
		cond, err := op(c, &r.d, &ops[0].d, &ops[1].d)
		return c.finish(r, cond, err)
	}
}

// decArgs holds bound arguments (a Context takes the most: eight).
type decArgs [8]vm.Value

// decUnpack binds arguments as CPython's decimal methods do, with their
// messages (they name no function).
// The result is a fixed array (no allocation per call); unused slots are
// Undef.
func decUnpack(args []vm.Value, kw []vm.KV, required int, names ...string) (out decArgs, err error) {
	if len(args) > len(names) {
		return out, vm.Errorf(vm.TypeError, "function takes at most %d argument%s (%d given)", len(names), plural(len(names)), len(args))
	}
	copy(out[:], args)
	for _, k := range kw {
		i := 0
		for i < len(names) && names[i] != k.Name {
			i++
		}
		if i == len(names) {
			return out, vm.Errorf(vm.TypeError, "'%s' is an invalid keyword argument for this function", k.Name)
		}
		if !out[i].IsUndef() {
			return out, vm.Errorf(vm.TypeError, "argument for function given by name ('%s') and position (%d)", k.Name, i+1)
		}
		out[i] = k.Val
	}
	for i := 0; i < required; i++ {
		if out[i].IsUndef() {
			return out, vm.Errorf(vm.TypeError, "function missing required argument '%s' (pos %d)", names[i], i+1)
		}
	}
	return out, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// roundingArg is an optional rounding argument (None: the context's).
func roundingArg(v vm.Value, c *decCtx) (int, error) {
	if v.IsUndef() || v.IsNone() {
		return c.round, nil
	}
	return parseRounding(v)
}

func initDecimalMethods() {
	t := decimalType
	t.Dunders = true
	t.FullName = "decimal.Decimal"
	m := t.AddMethod
	binary := func(name, rname string, op decOp2) {
		m(name, decBinary(op, false))
		m(rname, decBinary(op, true))
	}
	binary("__add__", "__radd__", opAdd)
	binary("__sub__", "__rsub__", opSub)
	binary("__mul__", "__rmul__", opMul)
	binary("__truediv__", "__rtruediv__", opDiv)
	binary("__floordiv__", "__rfloordiv__", opDivInt)
	binary("__mod__", "__rmod__", opRem)
	m("__rpow__", decBinary(opPow, true))
	m("__pow__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, " expected at least 1 argument, got %d", len(args)-1) // sic: CPython 3.11 words it with a leading space
		}
		if len(args) > 3 {
			return vm.Undef, vm.Errorf(vm.TypeError, " expected at most 2 arguments, got %d", len(args)-1)
		}
		if len(args) == 3 && !args[2].IsNone() {
			x, _ := decOf(args[0])
			y, ok1 := decOperand(args[1])
			z, ok2 := decOperand(args[2])
			if !ok1 || !ok2 {
				return vm.NotImplemented, nil
			}
			return decPowMod(curCtx(t), x, y, z)
		}
		return decBinary(opPow, false)(t, args[:2], kw)
	})
	divmod := func(reflected bool) vm.BuiltinFunc {
		return func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(args) != 2 {
				return vm.Undef, vm.Errorf(vm.TypeError, "expected 1 argument, got %d", len(args)-1)
			}
			x, _ := decOf(args[0])
			y, ok := decOperand(args[1])
			if !ok {
				return vm.NotImplemented, nil
			}
			if reflected {
				x, y = y, x
			}
			return decDivmod(curCtx(t), x, y)
		}
	}
	m("__divmod__", divmod(false))
	m("__rdivmod__", divmod(true))
	m("__neg__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return decPlusMinus(curCtx(t), selfDec(args), true)
	})
	m("__pos__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return decPlusMinus(curCtx(t), selfDec(args), false)
	})
	m("__abs__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return decAbs(curCtx(t), selfDec(args))
	})
	m("__bool__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		x := selfDec(args)
		return vm.Bool(x.d.Form != apd.Finite || !x.d.IsZero()), nil
	})
	for _, c := range []struct {
		name string
		op   int
	}{{"__eq__", vm.CmpEQ}, {"__ne__", vm.CmpNE}, {"__lt__", vm.CmpLT}, {"__le__", vm.CmpLE}, {"__gt__", vm.CmpGT}, {"__ge__", vm.CmpGE}} {
		op := c.op
		m(c.name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(args) != 2 {
				return vm.Undef, vm.Errorf(vm.TypeError, "expected 1 argument, got %d", len(args)-1)
			}
			r, ok, err := decRichCompare(t, op, selfDec(args), args[1])
			if err != nil {
				return vm.Undef, err
			}
			if !ok {
				return vm.NotImplemented, nil
			}
			return vm.Bool(r), nil
		})
	}
	m("__hash__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		h, err := selfDec(args).HashErr(t)
		return vm.Int(int64(h)), err
	})
	m("__float__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f, err := decToFloat(selfDec(args))
		return vm.Float(f), err
	})
	m("__complex__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f, err := decToFloat(selfDec(args))
		if err != nil {
			return vm.Undef, err
		}
		return t.Call(vm.Obj(vm.ComplexType), []vm.Value{vm.Float(f)}, nil)
	})
	toInt := func(name string, mode int) {
		m(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return decToInt(selfDec(args), mode, "integer")
		})
	}
	toInt("__int__", rndDown)
	toInt("__trunc__", rndDown)
	toInt("__floor__", rndFloor)
	toInt("__ceil__", rndCeiling)
	m("__round__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.RangeArgs("__round__", args[1:], 0, 1); err != nil {
			return vm.Undef, err
		}
		x := selfDec(args)
		if len(args) == 1 || args[1].IsNone() {
			return decToInt(x, rndHalfEven, "integer")
		}
		n, ok := intOf(args[1])
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "optional arg must be an integer")
		}
		nb := vm.AsBig(n)
		if !nb.IsInt64() || nb.Int64() > 1<<31-1 || nb.Int64() < -(1<<31) {
			return vm.Undef, errDecLimit()
		}
		c := curCtx(t)
		q := &decObj{}
		q.d.SetFinite(1, int32(-nb.Int64()))
		return decQuantize(c, x, q, c.round)
	})
	m("__format__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.RangeArgs("__format__", args[1:], 1, 2); err != nil {
			return vm.Undef, err
		}
		spec, ok := args[1].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "format spec must be a string")
		}
		s, err := decFormat(t, selfDec(args), spec)
		return vm.Str(s), err
	})
	m("__str__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s, err := selfDec(args).Str(t)
		return vm.Str(s), err
	})
	m("__repr__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s, err := selfDec(args).Repr(t)
		return vm.Str(s), err
	})
	same := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return args[0], nil }
	m("__copy__", same)
	m("__deepcopy__", same)
	m("__reduce__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s, _ := selfDec(args).Str(t)
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(args[0].Class()), vm.Obj(vm.NewTuple([]vm.Value{vm.Str(s)}))})), nil
	})
	t.AddClassMethod("from_float", func(th *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "from_float() takes exactly one argument (%d given)", len(args)-1)
		}
		var r *decObj
		if i, ok := intOf(args[1]); ok {
			r = &decObj{}
			setDecInt(&r.d, i)
		} else if args[1].Kind() == vm.KFloat || isFloatSubclass(args[1]) {
			f, _ := vm.AsFloat(floatPayload(args[1]))
			r = decFromFloat(f)
		} else {
			return vm.Undef, vm.Errorf(vm.TypeError, "argument must be int or float")
		}
		if cls, ok := args[0].AsObj().(*vm.Class); ok && cls != decimalType {
			return th.Call(args[0], []vm.Value{vm.Obj(r)}, nil)
		}
		return vm.Obj(r), nil
	})
	// m0 adds a method that takes no arguments.
	m0 := func(name string, fn vm.BuiltinFunc) {
		m(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(args) > 1 || len(kw) > 0 {
				return vm.Undef, vm.Errorf(vm.TypeError, "Decimal.%s() takes no arguments (%d given)", name, len(args)-1+len(kw))
			}
			return fn(t, args, kw)
		})
	}
	self := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return args[0], nil }
	t.AddProperty("real", self)
	t.AddProperty("imag", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return decInt(0), nil })
	m0("conjugate", self)
	m0("adjusted", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		x := selfDec(args)
		if x.d.Form != apd.Finite {
			return vm.Int(0), nil
		}
		return vm.Int(adjusted(&x.d)), nil
	})
	m0("as_tuple", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return decAsTuple(t, selfDec(args))
	})
	m0("as_integer_ratio", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		x := selfDec(args)
		switch x.d.Form {
		case apd.NaN, apd.NaNSignaling:
			return vm.Undef, vm.Errorf(vm.ValueError, "cannot convert NaN to integer ratio")
		case apd.Infinite:
			return vm.Undef, vm.Errorf(vm.OverflowError, "cannot convert Infinity to integer ratio")
		}
		n, d := x.d.Coeff.MathBigInt(), big.NewInt(1)
		if x.d.Exponent >= 0 {
			n.Mul(n, pow10(int64(x.d.Exponent)))
		} else {
			d = new(big.Int).Set(pow10(-int64(x.d.Exponent)))
			g := new(big.Int).GCD(nil, nil, n, d)
			if g.Sign() != 0 {
				n.Quo(n, g)
				d.Quo(d, g)
			}
		}
		if x.d.Negative {
			n.Neg(n)
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.BigInt(n), vm.BigInt(d)})), nil
	})
	initDecimalOps()
}

// decAsTuple is DecimalTuple(sign, digits, exponent).
func decAsTuple(t *vm.Thread, x *decObj) (vm.Value, error) {
	sign := vm.Int(0)
	if x.d.Negative {
		sign = vm.Int(1)
	}
	var digits []vm.Value
	var exp vm.Value
	switch x.d.Form {
	case apd.Infinite:
		digits, exp = []vm.Value{vm.Int(0)}, vm.Str("F")
	case apd.NaN, apd.NaNSignaling:
		exp = vm.Str("n")
		if x.d.Form == apd.NaNSignaling {
			exp = vm.Str("N")
		}
		if x.d.Coeff.Sign() != 0 {
			for _, ch := range coeffDigits(&x.d) {
				digits = append(digits, vm.Int(int64(ch-'0')))
			}
		}
	default:
		for _, ch := range coeffDigits(&x.d) {
			digits = append(digits, vm.Int(int64(ch-'0')))
		}
		exp = vm.Int(int64(x.d.Exponent))
	}
	tup := vm.Obj(vm.NewTuple(digits))
	if s := decState(t); s.mod != nil {
		if cls, ok := s.mod.Get("DecimalTuple"); ok {
			return t.Call(cls, []vm.Value{sign, tup, exp}, nil)
		}
	}
	return vm.Obj(vm.NewTuple([]vm.Value{sign, tup, exp})), nil
}

func boolOp(fn func(c *decCtx, x *decObj) bool) decFunc {
	return func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
		return vm.Bool(fn(c, ops[0])), nil
	}
}

// initDecimalOps registers the operations both classes share.
func initDecimalOps() {
	ctxOnly := []struct {
		name string
		op   decOp2
	}{{"add", opAdd}, {"subtract", opSub}, {"multiply", opMul}, {"divide", opDiv},
		{"divide_int", opDivInt}, {"remainder", opRem}}
	for _, o := range ctxOnly {
		defineCtxOp(o.name, 2, op2(o.op))
	}
	defineCtxOp("divmod", 2, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
		return decDivmod(c, ops[0], ops[1])
	})
	defineCtxOp("plus", 1, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
		return decPlusMinus(c, ops[0], false)
	})
	defineCtxOp("minus", 1, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
		return decPlusMinus(c, ops[0], true)
	})
	defineCtxOp("abs", 1, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
		return decAbs(c, ops[0])
	})
	defineCtxOp("copy_decimal", 1, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
		return vm.Obj(ops[0]), nil
	})
	defineCtxOp("to_sci_string", 1, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
		return vm.Str(string(appendDecString(nil, &ops[0].d, c.capitals == 1, false))), nil
	})
	for _, fn := range []string{"exp", "ln", "log10", "sqrt"} {
		fn := fn
		defineOp(fn, nil, true, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
			return decMath(c, ops[0], fn)
		})
	}
	unary := func(name string, f func(c *decCtx, x *decObj) (vm.Value, error)) {
		defineOp(name, nil, true, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
			return f(c, ops[0])
		})
	}
	unary("normalize", decNormalize)
	unary("logb", decLogb)
	unary("next_plus", func(c *decCtx, x *decObj) (vm.Value, error) { return decNext(c, x, true) })
	unary("next_minus", func(c *decCtx, x *decObj) (vm.Value, error) { return decNext(c, x, false) })
	unary("logical_invert", func(c *decCtx, x *decObj) (vm.Value, error) { return decLogical(c, x, nil, '~') })
	unary("number_class", func(c *decCtx, x *decObj) (vm.Value, error) { return vm.Str(decNumberClass(c, x)), nil })
	unary("to_eng_string", func(c *decCtx, x *decObj) (vm.Value, error) {
		return vm.Str(string(appendDecString(nil, &x.d, c.capitals == 1, true))), nil
	})
	unary("copy_abs", func(c *decCtx, x *decObj) (vm.Value, error) {
		r := &decObj{}
		r.d.Set(&x.d)
		r.d.Negative = false
		return vm.Obj(r), nil
	})
	unary("copy_negate", func(c *decCtx, x *decObj) (vm.Value, error) {
		r := &decObj{}
		r.d.Set(&x.d)
		r.d.Negative = !x.d.Negative
		return vm.Obj(r), nil
	})
	unary("canonical", func(c *decCtx, x *decObj) (vm.Value, error) { return vm.Obj(x), nil })
	binary := func(name string, f func(c *decCtx, x, y *decObj) (vm.Value, error)) {
		defineOp(name, []string{"other"}, true, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
			return f(c, ops[0], ops[1])
		})
	}
	binary("compare", func(c *decCtx, x, y *decObj) (vm.Value, error) { return decCompareValue(c, x, y, false) })
	binary("compare_signal", func(c *decCtx, x, y *decObj) (vm.Value, error) { return decCompareValue(c, x, y, true) })
	binary("compare_total", func(c *decCtx, x, y *decObj) (vm.Value, error) {
		return decInt(int64(cmpTotal(&x.d, &y.d))), nil
	})
	binary("compare_total_mag", func(c *decCtx, x, y *decObj) (vm.Value, error) {
		return decInt(int64(cmpTotal(absOf(&x.d), absOf(&y.d)))), nil
	})
	binary("copy_sign", func(c *decCtx, x, y *decObj) (vm.Value, error) {
		r := &decObj{}
		r.d.Set(&x.d)
		r.d.Negative = y.d.Negative
		return vm.Obj(r), nil
	})
	binary("max", func(c *decCtx, x, y *decObj) (vm.Value, error) { return decMaxMin(c, x, y, true, false) })
	binary("min", func(c *decCtx, x, y *decObj) (vm.Value, error) { return decMaxMin(c, x, y, false, false) })
	binary("max_mag", func(c *decCtx, x, y *decObj) (vm.Value, error) { return decMaxMin(c, x, y, true, true) })
	binary("min_mag", func(c *decCtx, x, y *decObj) (vm.Value, error) { return decMaxMin(c, x, y, false, true) })
	binary("next_toward", decNextToward)
	binary("remainder_near", decRemainderNear)
	binary("scaleb", decScaleb)
	binary("rotate", func(c *decCtx, x, y *decObj) (vm.Value, error) { return decRotateShift(c, x, y, true) })
	binary("shift", func(c *decCtx, x, y *decObj) (vm.Value, error) { return decRotateShift(c, x, y, false) })
	binary("logical_and", func(c *decCtx, x, y *decObj) (vm.Value, error) { return decLogical(c, x, y, '&') })
	binary("logical_or", func(c *decCtx, x, y *decObj) (vm.Value, error) { return decLogical(c, x, y, '|') })
	binary("logical_xor", func(c *decCtx, x, y *decObj) (vm.Value, error) { return decLogical(c, x, y, '^') })
	binary("same_quantum", func(c *decCtx, x, y *decObj) (vm.Value, error) {
		xs, ys := x.d.Form != apd.Finite, y.d.Form != apd.Finite
		if xs || ys {
			return vm.Bool(xs && ys && (isNaN(&x.d) == isNaN(&y.d))), nil
		}
		return vm.Bool(x.d.Exponent == y.d.Exponent), nil
	})
	defineOp("fma", []string{"other", "third"}, true, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
		return decFma(c, ops[0], ops[1], ops[2])
	})
	// Predicates: no context on the Decimal method, except is_normal and
	// is_subnormal, which need Emin.
	preds := []struct {
		name string
		f    func(c *decCtx, x *decObj) bool
	}{
		{"is_canonical", func(c *decCtx, x *decObj) bool { return true }},
		{"is_finite", func(c *decCtx, x *decObj) bool { return x.d.Form == apd.Finite }},
		{"is_infinite", func(c *decCtx, x *decObj) bool { return x.d.Form == apd.Infinite }},
		{"is_nan", func(c *decCtx, x *decObj) bool { return isNaN(&x.d) }},
		{"is_qnan", func(c *decCtx, x *decObj) bool { return x.d.Form == apd.NaN }},
		{"is_snan", func(c *decCtx, x *decObj) bool { return x.d.Form == apd.NaNSignaling }},
		{"is_signed", func(c *decCtx, x *decObj) bool { return x.d.Negative }},
		{"is_zero", func(c *decCtx, x *decObj) bool { return x.d.Form == apd.Finite && x.d.IsZero() }},
	}
	for _, p := range preds {
		p := p
		decimalType.AddMethod(p.name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(args) > 1 {
				return vm.Undef, vm.Errorf(vm.TypeError, "Decimal.%s() takes no arguments (%d given)", p.name, len(args)-1)
			}
			return vm.Bool(p.f(nil, selfDec(args))), nil
		})
		defineCtxOp(p.name, 1, boolOp(p.f))
	}
	normal := func(c *decCtx, x *decObj) bool {
		return x.d.Form == apd.Finite && !x.d.IsZero() && adjusted(&x.d) >= c.emin
	}
	subnormal := func(c *decCtx, x *decObj) bool {
		return x.d.Form == apd.Finite && !x.d.IsZero() && adjusted(&x.d) < c.emin
	}
	defineOp("is_normal", nil, true, boolOp(normal))
	defineOp("is_subnormal", nil, true, boolOp(subnormal))
	decimalType.AddMethod("radix", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) > 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "Decimal.radix() takes no arguments (%d given)", len(args)-1)
		}
		return decInt(10), nil
	})
	decContextType.AddMethod("radix", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return decInt(10), nil
	})
	// quantize and the integral roundings take a rounding too.
	decimalType.AddMethod("quantize", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := decUnpack(args[1:], kw, 1, "exp", "rounding", "context")
		if err != nil {
			return vm.Undef, err
		}
		c, err := ctxArg(t, a[2])
		if err != nil {
			return vm.Undef, err
		}
		y, err := decArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		mode, err := roundingArg(a[1], c)
		if err != nil {
			return vm.Undef, err
		}
		return decQuantize(c, selfDec(args), y, mode)
	})
	defineCtxOp("quantize", 2, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
		return decQuantize(c, ops[0], ops[1], c.round)
	})
	for _, ti := range []struct {
		name  string
		exact bool
	}{{"to_integral", false}, {"to_integral_value", false}, {"to_integral_exact", true}} {
		ti := ti
		decimalType.AddMethod(ti.name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := decUnpack(args[1:], kw, 0, "rounding", "context")
			if err != nil {
				return vm.Undef, err
			}
			c, err := ctxArg(t, a[1])
			if err != nil {
				return vm.Undef, err
			}
			mode, err := roundingArg(a[0], c)
			if err != nil {
				return vm.Undef, err
			}
			return decToIntegral(c, selfDec(args), mode, ti.exact)
		})
		defineCtxOp(ti.name, 1, func(t *vm.Thread, c *decCtx, ops []*decObj) (vm.Value, error) {
			return decToIntegral(c, ops[0], c.round, ti.exact)
		})
	}
	decContextType.AddMethod("power", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := decUnpack(args[1:], kw, 2, "a", "b", "modulo")
		if err != nil {
			return vm.Undef, err
		}
		c := args[0].AsObj().(*decCtx)
		var ops [3]*decObj
		for i, v := range a {
			if v.IsUndef() || v.IsNone() {
				continue
			}
			if ops[i], err = decArg(v); err != nil {
				return vm.Undef, err
			}
		}
		if ops[2] != nil {
			return decPowMod(c, ops[0], ops[1], ops[2])
		}
		return op2(opPow)(t, c, ops[:2])
	})
}
