package stdlib

import (
	"math/big"
	"math/bits"
	"unsafe"

	"github.com/cockroachdb/apd/v3"
)

// Direct access to the words apd keeps inline in a BigInt. Every
// coefficient that fits in 128 bits lives in a BigInt's two inline words
// (with no big.Int behind it); apd's own accessors go through a temporary
// big.Int for each call (IsUint64, Bits, SetBytes), which costs more than
// the 128-bit arithmetic of decimal_small.go itself. apdWords mirrors
// BigInt's layout; init checks the mirror against apd's accessors on
// values of each kind, and turns the direct access off (falling back to
// the accessors) if apd's layout ever differs.
type apdWords struct {
	inner  *big.Int
	inline [2]big.Word
}

var apdDirect = func() bool {
	if bits.UintSize != 64 || unsafe.Sizeof(apd.BigInt{}) != unsafe.Sizeof(apdWords{}) {
		return false
	}
	var b apd.BigInt
	w := (*apdWords)(unsafe.Pointer(&b))
	b.SetUint64(0x1234567890abcdef)
	if w.inner != nil || w.inline != [2]big.Word{0x1234567890abcdef, 0} {
		return false
	}
	b.SetBytes([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	if w.inner != nil || w.inline != [2]big.Word{0x090a0b0c0d0e0f10, 0x0102030405060708} {
		return false
	}
	b.SetInt64(-5) // a negative value keeps a sentinel in inner
	if w.inner == nil {
		return false
	}
	b.SetBytes(make([]byte, 17)) // fits inline again
	b.SetBytes([]byte{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	if w.inner == nil || b.BitLen() != 129 {
		return false
	}
	// Words written directly read back through apd's accessors.
	var c apd.BigInt
	cw := (*apdWords)(unsafe.Pointer(&c))
	c.SetBytes([]byte{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}) // a big.Int behind it
	cw.inner, cw.inline = nil, [2]big.Word{7, 3}
	want := new(big.Int).Lsh(big.NewInt(3), 64)
	want.Add(want, big.NewInt(7))
	if c.MathBigInt().Cmp(want) != 0 || c.Sign() != 1 || c.IsUint64() {
		return false
	}
	cw.inner, cw.inline = nil, [2]big.Word{9, 0}
	return c.IsUint64() && c.Uint64() == 9 && c.Sign() == 1
}()

// words128 reads a non-negative coefficient held inline; ok is false for
// anything else (a longer one, or direct access off).
func words128(b *apd.BigInt) (u128, bool) {
	w := (*apdWords)(unsafe.Pointer(b))
	if !apdDirect || w.inner != nil {
		return u128{}, false
	}
	return u128{uint64(w.inline[1]), uint64(w.inline[0])}, true
}

// setWords128 stores v as b's inline words, dropping any big.Int behind
// b (apd's own state for a value that fits); false when direct access is
// off.
func setWords128(b *apd.BigInt, v u128) bool {
	if !apdDirect {
		return false
	}
	w := (*apdWords)(unsafe.Pointer(b))
	w.inner = nil
	w.inline = [2]big.Word{big.Word(v.lo), big.Word(v.hi)}
	return true
}
