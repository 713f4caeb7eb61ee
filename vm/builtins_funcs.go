package vm

import (
	"math"
	"math/big"
	"sort"
	"strings"
)

func init() {
	b := builtinFuncs
	b["sorted"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 1 {
			return Undef, Errorf(TypeError, "sorted expected 1 argument, got %d", len(args))
		}
		a, err := unpackArgs("sorted", nil, kw, 0, "key", "reverse")
		if err != nil {
			return Undef, err
		}
		items, err := t.ToList(args[0])
		if err != nil {
			return Undef, err
		}
		rev := false
		if !a[1].IsUndef() {
			rev, _ = t.Truth(a[1])
		}
		if err := t.sortValues(items, a[0], rev); err != nil {
			return Undef, err
		}
		return Obj(NewList(items)), nil
	}
	minmax := func(name string, wantLess bool) BuiltinFunc {
		return func(t *Thread, args []Value, kw []KV) (Value, error) {
			a, err := unpackArgs(name, nil, kw, 0, "key", "default")
			if err != nil {
				return Undef, err
			}
			key, def := a[0], a[1]
			hasKey := !key.IsUndef() && !key.IsNone()
			if len(args) == 0 {
				return Undef, Errorf(TypeError, "%s expected at least 1 argument, got 0", name)
			}
			if len(args) > 1 && !def.IsUndef() {
				return Undef, Errorf(TypeError, "Cannot specify a default for %s() with multiple positional arguments", name)
			}
			// Items are compared as they come, as in CPython: an iterator's
			// side effects interleave with the comparisons and key calls,
			// and nothing is materialised.
			var best, bestKey Value
			step := func(v Value) error {
				k := v
				if hasKey {
					var err error
					if k, err = t.Call1(key, v); err != nil {
						return err
					}
				}
				if best.IsUndef() {
					best, bestKey = v, k
					return nil
				}
				var better bool
				var err error
				if wantLess {
					better, err = t.Less(k, bestKey)
				} else {
					// max asks item > best, as CPython (which __gt__ runs, and the error text).
					var r Value
					if r, err = t.compareOp(cmpGT, k, bestKey); err == nil {
						better, err = t.Truth(r)
					}
				}
				if err != nil {
					return err
				}
				if better {
					best, bestKey = v, k
				}
				return nil
			}
			if len(args) == 1 {
				err = t.Iterate(args[0], step)
			} else {
				for _, v := range args {
					if err = step(v); err != nil {
						break
					}
				}
			}
			if err != nil {
				return Undef, err
			}
			if best.IsUndef() {
				if !def.IsUndef() {
					return def, nil
				}
				return Undef, Errorf(ValueError, "%s() arg is an empty sequence", name)
			}
			return best, nil
		}
	}
	b["min"] = minmax("min", true)
	b["max"] = minmax("max", false)
	b["sum"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("sum", args, kw, 1, "iterable", "start")
		if err != nil {
			return Undef, err
		}
		acc := Int(0)
		if !a[1].IsUndef() {
			acc = a[1]
			if _, ok := acc.StrOf(); ok {
				return Undef, Errorf(TypeError, "sum() can't sum strings [use ''.join(seq) instead]")
			}
		}
		err = t.Iterate(a[0], func(v Value) error {
			if acc.isInt() && v.isInt() {
				x, y := int64(acc.n), int64(v.n)
				if r := x + y; (r > x) == (y > 0) {
					acc = Int(r)
					return nil
				}
			}
			if acc.isFloat() && v.isFloat() {
				acc = Float(acc.AsFloat() + v.AsFloat())
				return nil
			}
			r, err := t.binaryOp(binAdd, acc, v)
			acc = r
			return err
		})
		return acc, err
	}
	b["abs"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("abs", args, 1); err != nil {
			return Undef, err
		}
		v := args[0]
		switch v.kind() {
		case KInt, KBool:
			x := int64(v.n)
			if x < 0 {
				return t.unaryOp(OpUnaryNeg, Int(x))
			}
			return Int(x), nil
		case KFloat:
			return Float(math.Abs(v.AsFloat())), nil
		}
		switch o := v.o.(type) {
		case *BigIntObj:
			return BigInt(new(big.Int).Abs(o.v)), nil
		case *Complex:
			return Float(math.Hypot(real(o.v), imag(o.v))), nil
		}
		if m, ok := t.lookupSpecial(v, "__abs__"); ok {
			return t.callBound(m, v, nil, nil)
		}
		return Undef, Errorf(TypeError, "bad operand type for abs(): '%s'", v.TypeName())
	}
	b["round"] = builtinRound
	b["divmod"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "divmod expected 2 arguments, got %d", len(args))
		}
		x, y := args[0], args[1]
		if (x.isFloat() || y.isFloat()) && isComplexOperand(x) && isComplexOperand(y) {
			fx, _ := toFloat(x)
			fy, _ := toFloat(y)
			if fy == 0 {
				return Undef, Errorf(ZeroDivisionError, "float divmod()")
			}
			q, r := floatDivmod(fx, fy)
			return Obj(newTupleOf([]Value{Float(q), Float(r)})), nil
		}
		if x.isIntLike() && y.isIntLike() {
			q, err := intBinary(binFloorDiv, x, y)
			if err != nil {
				return Undef, Errorf(ZeroDivisionError, "integer division or modulo by zero")
			}
			r, _ := intBinary(binMod, x, y)
			return Obj(newTupleOf([]Value{q, r})), nil
		}
		// __divmod__ then the other operand's __rdivmod__; NotImplemented from
		// either passes the turn on, as for the binary operators.
		if m, ok := t.lookupSpecial(x, "__divmod__"); ok {
			r, err := t.callBound(m, x, []Value{y}, nil)
			if err != nil || !isNotImplemented(r) {
				return r, err
			}
		}
		if m, ok := t.lookupSpecial(y, "__rdivmod__"); ok && x.Class() != y.Class() {
			r, err := t.callBound(m, y, []Value{x}, nil)
			if err != nil || !isNotImplemented(r) {
				return r, err
			}
		}
		return Undef, Errorf(TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", x.TypeName(), y.TypeName())
	}
	b["pow"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("pow", args, kw, 2, "base", "exp", "mod")
		if err != nil {
			return Undef, err
		}
		if a[2].IsUndef() || a[2].IsNone() {
			return t.binaryOp(binPow, a[0], a[1])
		}
		if dunderNative(a[0]) {
			// A native number with its own three-argument __pow__ (Decimal).
			if m, ok := t.lookupSpecial(a[0], "__pow__"); ok {
				return t.callBound(m, a[0], []Value{a[1], a[2]}, nil)
			}
		}
		if !a[0].isIntLike() || !a[1].isIntLike() || !a[2].isIntLike() {
			return Undef, Errorf(TypeError, "pow() 3rd argument not allowed unless all arguments are integers")
		}
		base, exp, mod := a[0].bigOf(), a[1].bigOf(), a[2].bigOf()
		if mod.Sign() == 0 {
			return Undef, Errorf(ValueError, "pow() 3rd argument cannot be 0")
		}
		bb := new(big.Int).Set(base)
		if exp.Sign() < 0 {
			inv := new(big.Int).ModInverse(new(big.Int).Mod(bb, new(big.Int).Abs(mod)), new(big.Int).Abs(mod))
			if inv == nil {
				return Undef, Errorf(ValueError, "base is not invertible for the given modulus")
			}
			bb = inv
			exp = new(big.Int).Neg(exp)
		}
		r := new(big.Int).Exp(bb, exp, new(big.Int).Abs(mod))
		if mod.Sign() < 0 && r.Sign() != 0 {
			r.Add(r, mod)
		}
		return BigInt(r), nil
	}
	b["any"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("any", args, 1); err != nil {
			return Undef, err
		}
		found := false
		err := t.Iterate(args[0], func(v Value) error {
			tr, err := t.Truth(v)
			if err != nil {
				return err
			}
			if tr {
				found = true
				return errStopIterate
			}
			return nil
		})
		if err == errStopIterate {
			err = nil
		}
		return Bool(found), err
	}
	b["all"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("all", args, 1); err != nil {
			return Undef, err
		}
		ok := true
		err := t.Iterate(args[0], func(v Value) error {
			tr, err := t.Truth(v)
			if err != nil {
				return err
			}
			if !tr {
				ok = false
				return errStopIterate
			}
			return nil
		})
		if err == errStopIterate {
			err = nil
		}
		return Bool(ok), err
	}
	b["iter"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("iter", args, 1, 2); err != nil {
			return Undef, err
		}
		if len(args) == 1 {
			return t.Iter(args[0])
		}
		fn, sentinel := args[0], args[1]
		if !t.IsCallable(fn) {
			return Undef, Errorf(TypeError, "iter(v, w): v must be callable")
		}
		done := false
		return NewIterator(CallIterType, func(t *Thread) (Value, bool, error) {
			if done {
				return Undef, false, nil
			}
			v, err := t.Call(fn, nil, nil)
			if err != nil {
				return Undef, false, err
			}
			eq, err := t.Equal(v, sentinel)
			if err != nil {
				return Undef, false, err
			}
			if eq {
				done = true
				return Undef, false, nil
			}
			return v, true, nil
		}), nil
	}
	b["next"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("next", args, 1, 2); err != nil {
			return Undef, err
		}
		if !t.isIterator(args[0]) {
			return Undef, Errorf(TypeError, "'%s' object is not an iterator", args[0].TypeName())
		}
		t.stopValue = Undef
		v, ok, err := t.Next(args[0])
		if err != nil {
			return Undef, err
		}
		if !ok {
			if len(args) == 2 {
				return args[1], nil
			}
			sv := t.stopValue
			t.stopValue = Undef
			if sv.IsUndef() || sv.IsNone() {
				return Undef, NewInstance(StopIteration)
			}
			return Undef, stopIteration(sv)
		}
		return v, nil
	}
	b["getattr"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("getattr", args, 2, 3); err != nil {
			return Undef, err
		}
		name, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "attribute name must be string, not '%s'", args[1].TypeName())
		}
		if len(args) == 3 {
			// With a default, a plain miss builds no AttributeError.
			v, found, err := t.getAttr(args[0], name)
			if err != nil && IsInstanceOf(err, AttributeError) || err == nil && !found {
				return args[2], nil
			}
			return v, err
		}
		return t.GetAttr(args[0], name)
	}
	b["setattr"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 3 {
			return Undef, Errorf(TypeError, "setattr expected 3 arguments, got %d", len(args))
		}
		name, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "attribute name must be string, not '%s'", args[1].TypeName())
		}
		return None, t.SetAttr(args[0], name, args[2])
	}
	b["hasattr"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "hasattr expected 2 arguments, got %d", len(args))
		}
		name, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "attribute name must be string, not '%s'", args[1].TypeName())
		}
		r, err := t.HasAttr(args[0], name)
		return Bool(r), err
	}
	b["delattr"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "delattr expected 2 arguments, got %d", len(args))
		}
		name, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "attribute name must be string, not '%s'", args[1].TypeName())
		}
		return None, t.DelAttr(args[0], name)
	}
	radix := func(name, prefix string, base int) BuiltinFunc {
		return func(t *Thread, args []Value, kw []KV) (Value, error) {
			if err := ExactArgs(name, args, 1); err != nil {
				return Undef, err
			}
			i, ok, err := t.IndexOf(args[0])
			var n *big.Int
			if err != nil && args[0].isIntLike() {
				n = args[0].bigOf()
			} else if err != nil {
				return Undef, err
			} else if !ok {
				return Undef, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", args[0].TypeName())
			} else {
				n = big.NewInt(i)
			}
			s := new(big.Int).Abs(n).Text(base)
			if n.Sign() < 0 {
				return Str("-" + prefix + s), nil
			}
			return Str(prefix + s), nil
		}
	}
	b["hex"] = radix("hex", "0x", 16)
	b["oct"] = radix("oct", "0o", 8)
	b["bin"] = radix("bin", "0b", 2)
	b["ord"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("ord", args, 1); err != nil {
			return Undef, err
		}
		if s, ok := args[0].StrOf(); ok {
			if r, size := DecodeRune(s); size == len(s) && size > 0 {
				return Int(int64(r)), nil
			}
			return Undef, Errorf(TypeError, "ord() expected a character, but string of length %d found", RuneCount(s))
		}
		if bs, ok := args[0].o.(*Bytes); ok {
			if len(bs.b) != 1 {
				return Undef, Errorf(TypeError, "ord() expected a character, but string of length %d found", len(bs.b))
			}
			return Int(int64(bs.b[0])), nil
		}
		return Undef, Errorf(TypeError, "ord() expected string of length 1, but %s found", args[0].TypeName())
	}
	b["chr"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("chr", args, 1); err != nil {
			return Undef, err
		}
		i, err := t.AsInt64(args[0])
		if err != nil {
			return Undef, err
		}
		if i < 0 || i > 0x10ffff {
			return Undef, Errorf(ValueError, "chr() arg not in range(0x110000)")
		}
		return Obj(runeStr(rune(i))), nil
	}
	b["format"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("format", args, 1, 2); err != nil {
			return Undef, err
		}
		spec := ""
		if len(args) == 2 {
			s, ok := args[1].StrOf()
			if !ok {
				return Undef, Errorf(TypeError, "format() argument 2 must be str, not %s", args[1].TypeName())
			}
			spec = s
		}
		s, err := t.Format(args[0], spec)
		return Str(s), err
	}
	b["ascii"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("ascii", args, 1); err != nil {
			return Undef, err
		}
		s, err := t.Repr(args[0])
		return Str(asciiEscape(s)), err
	}
	// __import__(name) imports like the import statement; without a
	// fromlist it returns the top-level package, as CPython's does.
	b["__import__"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("__import__", args, kw, 1, "name", "globals", "locals", "fromlist", "level")
		if err != nil {
			return Undef, err
		}
		name, ok := a[0].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "__import__() argument 1 must be str, not %s", a[0].TypeName())
		}
		m, err := t.ImportModule(name)
		if err != nil {
			return Undef, err
		}
		if top, _, dotted := strings.Cut(name, "."); dotted {
			if fl, _ := t.Truth(a[3]); a[3].IsUndef() || !fl {
				tm, err := t.ImportModule(top)
				if err != nil {
					return Undef, err
				}
				return Obj(tm), nil
			}
		}
		return Obj(m), nil
	}
	// open is io.open, as in CPython: files are the io module's business,
	// which the embedder's module set provides (and may refuse, hermetic).
	b["open"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		io, err := t.ImportModule("io")
		if err != nil {
			return Undef, err
		}
		open, ok := io.Get("open")
		if !ok {
			return Undef, Errorf(NameError, "name 'open' is not defined")
		}
		return t.Call(open, args, kw)
	}
	b["input"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("input", args, 0, 1); err != nil {
			return Undef, err
		}
		if len(args) == 1 {
			s, err := t.StrOf(args[0])
			if err != nil {
				return Undef, err
			}
			t.interp.Stdout.WriteString(s)
		}
		t.interp.Stdout.Flush()
		var line string
		var err error
		in := t.interp.StdinReader()
		t.Blocking(func() { line, err = in.ReadString('\n') })
		if err != nil && line == "" {
			return Undef, Errorf(EOFError, "EOF when reading a line")
		}
		return Str(strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")), nil
	}
	exit := func(t *Thread, args []Value, kw []KV) (Value, error) {
		e := NewInstance(SystemExit)
		e.exc().args = NewTuple(append([]Value(nil), args...))
		return Undef, e
	}
	b["exit"] = exit
	b["quit"] = exit
	b["vars"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) == 0 {
			return globalsDict(t), nil
		}
		return t.GetAttr(args[0], "__dict__")
	}
	b["globals"] = func(t *Thread, args []Value, kw []KV) (Value, error) { return globalsDict(t), nil }
	b["locals"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if t.frame == nil {
			return globalsDict(t), nil
		}
		return frameLocals(t.frame), nil
	}
	b["dir"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		names := map[string]bool{}
		if len(args) == 0 {
			if f := t.frame; f != nil {
				for _, n := range f.module.Names() {
					names[n] = true
				}
			}
		} else {
			v := args[0]
			if _, isInst := v.o.(*Instance); isInst {
				// A class's __dir__ decides (the list is sorted, as CPython's).
				if m, ok := t.lookupSpecial(v, "__dir__"); ok && isScriptFunction(m) {
					return t.sortedDir(t.callBound(m, v, nil, nil))
				}
			}
			if m, ok := v.o.(*Module); ok {
				// PEP 562: a module's own __dir__ decides (sorted, as CPython's).
				if f, ok := m.Get("__dir__"); ok {
					return t.sortedDir(t.Call(f, nil, nil))
				}
			}
			switch o := v.o.(type) {
			case *Module:
				for _, n := range o.Names() {
					names[n] = true
				}
			case *Class:
				for _, k := range o.MRO {
					for n := range k.Dict {
						names[n] = true
					}
				}
			case *Instance:
				o.attrs.each(func(n string, _ Value) { names[n] = true })
				for _, k := range o.cls.MRO {
					for n := range k.Dict {
						names[n] = true
					}
				}
			default:
				for _, k := range v.Class().MRO {
					for n := range k.Dict {
						names[n] = true
					}
				}
			}
		}
		list := make([]string, 0, len(names))
		for n := range names {
			list = append(list, n)
		}
		sort.Strings(list)
		return strList(list), nil
	}
}

func globalsDict(t *Thread) Value {
	if f := t.frame; f != nil {
		return globalsOf(f.module)
	}
	return Obj(NewDict())
}

// globalsOf is a module's globals dict (globals(), __globals__,
// module.__dict__): live, in step with the module's slots.
func globalsOf(m *Module) Value { return Obj(m.Dict()) }

func builtinRound(t *Thread, args []Value, kw []KV) (Value, error) {
	a, err := unpackArgs("round", args, kw, 1, "number", "ndigits")
	if err != nil {
		return Undef, err
	}
	x, nd := a[0], a[1]
	if x.isObj() {
		if inst, ok := x.o.(*Instance); ok || dunderNative(x) {
			if m, ok := t.lookupSpecial(x, "__round__"); ok {
				if nd.IsUndef() {
					return t.callBound(m, x, nil, nil)
				}
				return t.callBound(m, x, []Value{nd}, nil)
			}
			if inst != nil && !inst.Payload().IsUndef() {
				x = inst.Payload() // an int or float subclass rounds as its value
			}
		}
	}
	if x.isIntLike() {
		if nd.IsUndef() || nd.IsNone() {
			return Int(0).addInt(x), nil
		}
		n, err := t.AsInt64(nd)
		if err != nil {
			return Undef, err
		}
		if n >= 0 {
			return Int(0).addInt(x), nil
		}
		// round to a power of ten, half to even
		v := x.bigOf()
		if float64(-n) > float64(v.BitLen())*0.30103+2 {
			return Int(0), nil // 10**-n is beyond twice |x|: no need to build it
		}
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil)
		q, r := new(big.Int).DivMod(v, p, new(big.Int))
		twice := new(big.Int).Mul(r, big.NewInt(2))
		c := twice.Cmp(p)
		if c > 0 || c == 0 && q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
		return BigInt(q.Mul(q, p)), nil
	}
	if !x.isFloat() {
		return Undef, Errorf(TypeError, "type %s doesn't define __round__ method", x.TypeName())
	}
	f := x.AsFloat()
	if nd.IsUndef() || nd.IsNone() {
		if math.IsInf(f, 0) {
			return Undef, Errorf(OverflowError, "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return Undef, Errorf(ValueError, "cannot convert float NaN to integer")
		}
		return FloatToInt(math.RoundToEven(f))
	}
	if b, ok := nd.o.(*BigIntObj); ok {
		// Beyond any float's digits: unchanged, or a zero of its sign.
		if b.v.Sign() > 0 {
			return Float(f), nil
		}
		return Float(math.Copysign(0, f)), nil
	}
	n, err := t.AsInt64(nd)
	if err != nil {
		return Undef, err
	}
	return Float(roundFloat(f, int(n))), nil
}

// addInt returns x as a plain int value (bool → int).
func (v Value) addInt(x Value) Value {
	if x.isBool() {
		return Int(int64(x.n))
	}
	return x
}

// roundFloat is Python's correctly rounded round(x, n): round half to even
// on the exact decimal expansion of the binary value.
func roundFloat(x float64, n int) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) || x == 0 {
		return x
	}
	if n > 320 {
		return x
	}
	if n < -320 {
		return math.Copysign(0, x)
	}
	r := new(big.Rat).SetFloat64(x)
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(absInt(n))), nil))
	if n >= 0 {
		r.Mul(r, scale)
	} else {
		r.Quo(r, scale)
	}
	// round r to integer, half to even
	num, den := r.Num(), r.Denom()
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	twice := new(big.Int).Mul(new(big.Int).Abs(rem), big.NewInt(2))
	c := twice.Cmp(den)
	if c > 0 || c == 0 && q.Bit(0) == 1 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	res := new(big.Rat).SetInt(q)
	if n >= 0 {
		res.Quo(res, scale)
	} else {
		res.Mul(res, scale)
	}
	f, _ := res.Float64()
	if f == 0 {
		return math.Copysign(0, x)
	}
	return f
}

// sortedDir is dir()'s result from what a __dir__ returned: a sorted list,
// as CPython's.
func (t *Thread) sortedDir(r Value, err error) (Value, error) {
	if err != nil {
		return Undef, err
	}
	items, err := t.ToList(r)
	if err != nil {
		return Undef, err
	}
	if err := t.sortValues(items, None, false); err != nil {
		return Undef, err
	}
	return Obj(NewList(items)), nil
}
