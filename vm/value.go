package vm

import (
	"math"
	"math/big"
)

// Kind tells how a Value's payload is stored.
type Kind uint8

const (
	// KUndef is the zero Value: an unbound local or an empty slot. Scripts never see it.
	KUndef Kind = iota
	KNone
	KBool  // n is 0 or 1
	KInt   // n holds an int64 (ints outside int64 are *BigInt objects)
	KFloat // n holds float64 bits
	KObj   // o holds the object
)

// Value is one Python value. Small scalars are stored inline so that
// arithmetic on them never allocates; the struct is copied by value.
type Value struct {
	k Kind
	n uint64
	o Object
}

// Object is any heap value. Class reports its Python type.
type Object interface {
	Class() *Class
}

var (
	None  = Value{k: KNone}
	True  = Value{k: KBool, n: 1}
	False = Value{k: KBool, n: 0}
	// Undef marks unbound slots.
	Undef = Value{}
)

// Int makes an int Value.
func Int(i int64) Value { return Value{k: KInt, n: uint64(i)} }

// Float makes a float Value.
func Float(f float64) Value { return Value{k: KFloat, n: math.Float64bits(f)} }

// Bool makes a bool Value.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// Obj wraps a heap object.
func Obj(o Object) Value { return Value{k: KObj, o: o} }

// Str makes a str Value.
func Str(s string) Value { return Value{k: KObj, o: NewStr(s)} }

// BigInt makes an int Value from a big.Int, normalising to the inline form when it fits.
func BigInt(b *big.Int) Value {
	if b.IsInt64() {
		return Int(b.Int64())
	}
	return Value{k: KObj, o: &BigIntObj{v: b}}
}

func (v Value) Kind() Kind       { return v.k }
func (v Value) IsNone() bool     { return v.k == KNone }
func (v Value) IsUndef() bool    { return v.k == KUndef }
func (v Value) IsInt() bool      { return v.k == KInt }
func (v Value) IsFloat() bool    { return v.k == KFloat }
func (v Value) IsBool() bool     { return v.k == KBool }
func (v Value) AsInt() int64     { return int64(v.n) }
func (v Value) AsFloat() float64 { return math.Float64frombits(v.n) }
func (v Value) AsBool() bool     { return v.n != 0 }

// AsObj returns the heap object, or nil for inline values.
func (v Value) AsObj() Object { return v.o }

// Class returns the Python type of v.
func (v Value) Class() *Class {
	switch v.k {
	case KNone:
		return NoneType
	case KBool:
		return BoolType
	case KInt:
		return IntType
	case KFloat:
		return FloatType
	case KObj:
		return v.o.Class()
	}
	return NoneType
}

// TypeName is the name Python uses in error messages ('int', 'NoneType', 'Foo').
func (v Value) TypeName() string {
	c := v.Class()
	if c.FullName != "" {
		return c.FullName
	}
	return c.Name
}

// dunderNative reports a Go object whose native class opted into dunder
// dispatch (Class.Dunders).
func dunderNative(v Value) bool {
	if v.k != KObj {
		return false
	}
	c := v.o.Class()
	return c.Dunders && c.Builtin
}

// Is reports Python identity (`is`).
func (v Value) Is(w Value) bool {
	if v.k != w.k {
		return false
	}
	if v.k == KObj {
		if a, ok := v.o.(*StrObj); ok {
			// Interned-like semantics for equal short strings is CPython's
			// implementation detail; identity of distinct objects stays distinct.
			b, ok := w.o.(*StrObj)
			return ok && a == b
		}
		return v.o == w.o
	}
	return v.n == w.n
}

// isIntLike reports whether v is an int or bool (bool is a subclass of int).
func (v Value) isIntLike() bool {
	if v.k == KInt || v.k == KBool {
		return true
	}
	if v.k == KObj {
		_, ok := v.o.(*BigIntObj)
		return ok
	}
	return false
}

// bigOf returns v (an int-like value) as a big.Int (a fresh one for inline ints).
func (v Value) bigOf() *big.Int {
	switch v.k {
	case KInt, KBool:
		return big.NewInt(int64(v.n))
	case KObj:
		if b, ok := v.o.(*BigIntObj); ok {
			return b.v
		}
	}
	return nil
}

// StrOf returns the Go string of a str Value, and whether v is a str.
func (v Value) StrOf() (string, bool) {
	if v.k == KObj {
		switch o := v.o.(type) {
		case *StrObj:
			return o.s, true
		case *Instance:
			// An instance of a str subclass is a str wherever one is wanted.
			if s, ok := o.payload.o.(*StrObj); ok && o.payload.k == KObj {
				return s.s, true
			}
		}
	}
	return "", false
}
