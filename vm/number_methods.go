package vm

import (
	"math"
	"math/big"
	"math/bits"
)

// Methods of int and float that scripts call on numbers.

func init() {
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
		if v.k == KInt || v.k == KBool {
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
