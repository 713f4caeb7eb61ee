package vm

// Exported helpers for native modules (stdlib) that work on values at the
// level CPython's C accelerators do: code point ↔ byte positions of a str,
// the built-in part of a subclass instance, float repr.

// ByteOffset converts a code point index (0 <= i <= Len()) to a byte
// offset into String() (O(1) for ASCII; cached checkpoints otherwise).
func (s *StrObj) ByteOffset(i int) int { return s.byteOffset(i) }

// RuneIndex converts a byte offset at a code point boundary of String() to
// a code point index.
func (s *StrObj) RuneIndex(off int) int { return s.runeIndexOf(off) }

// IsASCII reports whether every code point is ASCII (measured once).
func (s *StrObj) IsASCII() bool { return s.isASCII() }

// HasSurrogates reports whether s holds an encoded lone surrogate (then its
// bytes are not valid UTF-8; measured once).
func (s *StrObj) HasSurrogates() bool { s.isASCII(); return s.surr }

// NewStrKnown makes a str whose code point length the caller has counted
// (ascii: every byte < 0x80), so it is never measured again.
func NewStrKnown(s string, length int, ascii bool) *StrObj {
	o := newStrMeasured(s, length, ascii)
	if !ascii && length > 0 && HasSurrogate(s) {
		o.surr = true
	}
	return o
}

// FloatRepr is repr() of a float.
func FloatRepr(f float64) string { return floatRepr(f) }

// AppendFloatRepr appends repr() of a float to dst.
func AppendFloatRepr(dst []byte, f float64) []byte { return appendFloatRepr(dst, f) }

// Payload returns the built-in part of an instance of a subclass of a
// built-in type (the str of a str subclass, the tuple of a namedtuple...).
func Payload(v Value) (Value, bool) {
	if inst, ok := v.o.(*Instance); ok && !inst.Payload().IsUndef() {
		return inst.Payload(), true
	}
	return Undef, false
}

// InheritsMethod reports whether v's special method name is its built-in
// base type's own (not overridden by a script class), or absent.
func (t *Thread) InheritsMethod(v Value, name string) bool { return t.nativeSlot(v, name) }
