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
//
// A Value is three words: o says what kind of value it is and n holds a
// scalar's payload. o is nil for Undef, one of the zero-size tag types
// below for None, bool, int and float (so testing a kind is one compare of
// the interface's type word, and storing a scalar needs no allocation and
// no pointer), and the object itself otherwise. A kind byte beside o would
// make the struct 32 bytes: every list, tuple, dict, set and register
// array would be a third larger.
type Value struct {
	o Object
	n uint64
}

// Object is any heap value. Class reports its Python type.
type Object interface {
	Class() *Class
}

// The kind tags of inline values. They are never seen outside Value.o.
type (
	noneTag  struct{}
	boolTag  struct{}
	intTag   struct{}
	floatTag struct{}
)

func (noneTag) Class() *Class  { return NoneType }
func (boolTag) Class() *Class  { return BoolType }
func (intTag) Class() *Class   { return IntType }
func (floatTag) Class() *Class { return FloatType }

var (
	None  = Value{o: noneTag{}}
	True  = Value{o: boolTag{}, n: 1}
	False = Value{o: boolTag{}, n: 0}
	// Undef marks unbound slots.
	Undef = Value{}
)

// Int makes an int Value.
func Int(i int64) Value { return Value{o: intTag{}, n: uint64(i)} }

// Float makes a float Value.
func Float(f float64) Value { return Value{o: floatTag{}, n: math.Float64bits(f)} }

// Bool makes a bool Value.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// Obj wraps a heap object.
func Obj(o Object) Value { return Value{o: o} }

// Str makes a str Value.
func Str(s string) Value { return Value{o: NewStr(s)} }

// BigInt makes an int Value from a big.Int, normalising to the inline form when it fits.
func BigInt(b *big.Int) Value {
	if b.IsInt64() {
		return Int(b.Int64())
	}
	return Value{o: &BigIntObj{v: b}}
}

// Kind reports how v is stored.
func (v Value) Kind() Kind { return v.kind() }

func (v Value) kind() Kind {
	switch v.o.(type) {
	case nil:
		return KUndef
	case intTag:
		return KInt
	case floatTag:
		return KFloat
	case boolTag:
		return KBool
	case noneTag:
		return KNone
	}
	return KObj
}

func (v Value) isNone() bool  { _, ok := v.o.(noneTag); return ok }
func (v Value) isBool() bool  { _, ok := v.o.(boolTag); return ok }
func (v Value) isInt() bool   { _, ok := v.o.(intTag); return ok }
func (v Value) isFloat() bool { _, ok := v.o.(floatTag); return ok }

// isObj reports a heap object (not Undef, not an inline scalar).
func (v Value) isObj() bool {
	switch v.o.(type) {
	case nil, intTag, floatTag, boolTag, noneTag:
		return false
	}
	return true
}

func (v Value) IsNone() bool     { return v.isNone() }
func (v Value) IsUndef() bool    { return v.o == nil }
func (v Value) IsInt() bool      { return v.isInt() }
func (v Value) IsFloat() bool    { return v.isFloat() }
func (v Value) IsBool() bool     { return v.isBool() }
func (v Value) AsInt() int64     { return int64(v.n) }
func (v Value) AsFloat() float64 { return math.Float64frombits(v.n) }
func (v Value) AsBool() bool     { return v.n != 0 }

// AsObj returns the heap object, or nil for inline values.
func (v Value) AsObj() Object {
	if v.isObj() {
		return v.o
	}
	return nil
}

// Class returns the Python type of v.
func (v Value) Class() *Class {
	if v.o == nil {
		return NoneType
	}
	return v.o.Class()
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
	if !v.isObj() {
		return false
	}
	c := v.o.Class()
	return c.Dunders && c.Builtin
}

// Is reports Python identity (`is`).
func (v Value) Is(w Value) bool {
	if v.kind() != w.kind() {
		return false
	}
	if v.isObj() {
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
	if v.isInt() || v.isBool() {
		return true
	}
	if v.isObj() {
		_, ok := v.o.(*BigIntObj)
		return ok
	}
	return false
}

// bigOf returns v (an int-like value) as a big.Int (a fresh one for inline ints).
func (v Value) bigOf() *big.Int {
	switch v.kind() {
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
	if v.isObj() {
		switch o := v.o.(type) {
		case *StrObj:
			return o.s, true
		case *Instance:
			// An instance of a str subclass is a str wherever one is wanted.
			if s, ok := o.Payload().o.(*StrObj); ok {
				return s.s, true
			}
		}
	}
	return "", false
}
