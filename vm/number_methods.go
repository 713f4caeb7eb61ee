package vm

import (
	"math"
	"math/big"
	"math/bits"
)

// Methods of int and float that scripts call on numbers.

func init() {
	// int.__repr__(x) and float.__repr__(x) are the value's repr even for a
	// subclass that overrides __repr__ (json encodes numbers with them).
	numRepr := func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("__repr__", args[1:], 0); err != nil {
			return Undef, err
		}
		s, err := t.Repr(args[0])
		return Str(s), err
	}
	IntType.AddMethod("__repr__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if args[0].isBool() {
			// int.__repr__(True) is '1': the int part of a bool.
			return numRepr(t, []Value{Int(int64(args[0].n))}, kw)
		}
		return numRepr(t, args, kw)
	})
	BoolType.AddMethod("__repr__", numRepr)
	FloatType.AddMethod("__repr__", numRepr)
	FloatType.AddMethod("is_integer", func(t *Thread, args []Value, kw []KV) (Value, error) {
		f := args[0].AsFloat()
		return Bool(!math.IsInf(f, 0) && !math.IsNaN(f) && f == math.Trunc(f)), nil
	})
	FloatType.AddMethod("as_integer_ratio", func(t *Thread, args []Value, kw []KV) (Value, error) {
		f := args[0].AsFloat()
		if math.IsInf(f, 0) {
			return Undef, Errorf(OverflowError, "cannot convert Infinity to integer ratio")
		}
		if math.IsNaN(f) {
			return Undef, Errorf(ValueError, "cannot convert NaN to integer ratio")
		}
		r := new(big.Rat).SetFloat64(f)
		return Obj(NewTuple([]Value{BigInt(new(big.Int).Set(r.Num())), BigInt(new(big.Int).Set(r.Denom()))})), nil
	})
	IntType.AddMethod("bit_length", func(t *Thread, args []Value, kw []KV) (Value, error) {
		v := args[0]
		if v.isInt() || v.isBool() {
			n := v.AsInt()
			if n < 0 {
				n = -n
			}
			return Int(int64(bits.Len64(uint64(n)))), nil
		}
		return Int(int64(v.bigOf().BitLen())), nil
	})
	IntType.AddMethod("as_integer_ratio", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Obj(NewTuple([]Value{args[0], Int(1)})), nil
	})
}
