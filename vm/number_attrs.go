package vm

import "strings"

// Attributes of the numeric types that are data, not methods (int's
// numerator, complex's real), and the conversions that honour __float__,
// __complex__ and __bytes__ on script objects.

// ToFloat converts what CPython's float-taking functions accept: ints,
// floats, subclasses of them, and objects with __float__ or __index__.
func (t *Thread) ToFloat(v Value) (float64, error) {
	if f, err := toFloat(v); err == nil {
		return f, nil
	} else if IsInstanceOf(err, OverflowError) {
		return 0, err // an int too large for a float
	}
	if inst, ok := v.o.(*Instance); ok || dunderNative(v) {
		if ok && !inst.Payload().IsUndef() {
			if f, err := toFloat(inst.Payload()); err == nil {
				return f, nil
			}
		}
		for _, name := range []string{"__float__", "__index__"} {
			if m, ok := t.lookupSpecial(v, name); ok {
				r, err := t.callBound(m, v, nil, nil)
				if err != nil {
					return 0, err
				}
				return toFloat(r)
			}
		}
	}
	return 0, Errorf(TypeError, "must be real number, not %s", v.TypeName())
}

func numberProperty(cls *Class, name string, get func(v Value) Value) {
	cls.Dict[name] = Obj(&Property{fget: NewBuiltin(name, func(t *Thread, args []Value, kw []KV) (Value, error) {
		return get(args[0]), nil
	})})
}

func init() {
	self := func(v Value) Value {
		// An int subclass's numerator is the plain int.
		if inst, ok := v.o.(*Instance); ok {
			return inst.Payload()
		}
		if v.isBool() {
			return Int(int64(v.n))
		}
		return v
	}
	numberProperty(IntType, "numerator", self)
	numberProperty(IntType, "real", self)
	numberProperty(IntType, "denominator", func(Value) Value { return Int(1) })
	numberProperty(IntType, "imag", func(Value) Value { return Int(0) })
	IntType.AddMethod("conjugate", func(t *Thread, args []Value, kw []KV) (Value, error) { return self(args[0]), nil })
	numberProperty(FloatType, "real", func(v Value) Value { return Float(floatOf(v)) })
	numberProperty(FloatType, "imag", func(Value) Value { return Float(0) })
	FloatType.AddMethod("conjugate", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Float(floatOf(args[0])), nil
	})
	numberProperty(ComplexType, "real", func(v Value) Value { return Float(real(complexOf(v))) })
	numberProperty(ComplexType, "imag", func(v Value) Value { return Float(imag(complexOf(v))) })
	ComplexType.AddMethod("conjugate", func(t *Thread, args []Value, kw []KV) (Value, error) {
		c := complexOf(args[0])
		return Obj(&Complex{v: complex(real(c), -imag(c))}), nil
	})
	// slice.start/.stop/.step: None where not given.
	sliceField := func(pick func(*SliceObj) Value) func(Value) Value {
		return func(v Value) Value {
			r := pick(v.o.(*SliceObj))
			if r.IsUndef() {
				return None
			}
			return r
		}
	}
	numberProperty(SliceType, "start", sliceField(func(s *SliceObj) Value { return s.start }))
	numberProperty(SliceType, "stop", sliceField(func(s *SliceObj) Value { return s.stop }))
	numberProperty(SliceType, "step", sliceField(func(s *SliceObj) Value { return s.step }))
	SliceType.AddMethod("indices", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("indices", args[1:], 1); err != nil {
			return Undef, err
		}
		n, err := t.AsInt64(args[1])
		if err != nil {
			return Undef, err
		}
		if n < 0 {
			return Undef, Errorf(ValueError, "length should not be negative")
		}
		a, b, c, err := t.sliceIndices(args[0].o.(*SliceObj), n)
		if err != nil {
			return Undef, err
		}
		return Obj(NewTuple([]Value{Int(a), Int(b), Int(c)})), nil
	})
}

func floatOf(v Value) float64 {
	if inst, ok := v.o.(*Instance); ok {
		v = inst.Payload()
	}
	if v.isFloat() {
		return v.AsFloat()
	}
	return NaN()
}

func complexOf(v Value) complex128 {
	if inst, ok := v.o.(*Instance); ok {
		v = inst.Payload()
	}
	if c, ok := v.o.(*Complex); ok {
		return c.v
	}
	return 0
}

// parseComplexLiteral is complex(s): "1+2j", "-3.5j", "(4)", " 2 ".
func parseComplexLiteral(s string) (complex128, error) {
	bad := Errorf(ValueError, "complex() arg is a malformed string")
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if s == "" || strings.ContainsAny(s, " \t\n") {
		return 0, bad
	}
	num := func(x string) (float64, bool) {
		switch x {
		case "", "+":
			return 1, true
		case "-":
			return -1, true
		}
		f, err := ParseFloatLiteral(x)
		return f, err == nil
	}
	if !strings.HasSuffix(s, "j") && !strings.HasSuffix(s, "J") {
		f, err := ParseFloatLiteral(s)
		if err != nil {
			return 0, bad
		}
		return complex(f, 0), nil
	}
	body := s[:len(s)-1]
	// The imaginary part starts at the last sign that is not an exponent's.
	split := -1
	for i := len(body) - 1; i > 0; i-- {
		if (body[i] == '+' || body[i] == '-') && body[i-1] != 'e' && body[i-1] != 'E' {
			split = i
			break
		}
	}
	if split < 0 {
		im, ok := num(body)
		if !ok {
			return 0, bad
		}
		return complex(0, im), nil
	}
	re, err := ParseFloatLiteral(body[:split])
	im, ok := num(body[split:])
	if err != nil || !ok {
		return 0, bad
	}
	return complex(re, im), nil
}
