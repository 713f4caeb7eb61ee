package stdlib

import (
	"math/bits"

	"github.com/cockroachdb/apd/v3"
)

// Arithmetic modulo P = 2**61-1 (Python's hash modulus for numbers) on
// machine words: hash(Decimal) is coefficient * 10**exponent mod P, with
// 10**-1 the inverse of ten. Since 2**61 = 1 (mod P), reducing a 122-bit
// product is a shift and an add, and a coefficient word at position i
// counts as w * 8**i (2**64 = 8).

const hashP = 1<<61 - 1

// reduceP is hi*2**64 + lo mod P, for hi < 2**61.
func reduceP(hi, lo uint64) uint64 {
	// hi*2**64 + lo = (hi*8 + lo>>61)*2**61 + (lo & P) = hi*8 + lo>>61 + lo&P.
	x := (hi<<3 | lo>>61) + lo&hashP
	for x >= hashP {
		x -= hashP
	}
	return x
}

func mulModP(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return reduceP(hi, lo)
}

// hashInv10 is the inverse of ten modulo P: 10**(P-2).
var hashInv10 = powModP(10, hashP-2)

func powModP(b uint64, e uint64) uint64 {
	r := uint64(1)
	for e > 0 {
		if e&1 == 1 {
			r = mulModP(r, b)
		}
		b = mulModP(b, b)
		e >>= 1
	}
	return r
}

// pow10ModP is 10**e mod P (e may be negative).
func pow10ModP(e int64) uint64 {
	if e >= 0 {
		if e < int64(len(tenPow64)) {
			return tenPow64[e] % hashP
		}
		return powModP(10, uint64(e))
	}
	return powModP(hashInv10, uint64(-e))
}

// coeffModP is |b| mod P.
func coeffModP(b *apd.BigInt) uint64 {
	if v, ok := get128(b); ok {
		return addModP(v.hi%hashP<<3%hashP, v.lo%hashP)
	}
	if bits.UintSize != 64 {
		return modWord(b, hashP)
	}
	w := b.Bits()
	var r uint64
	for i := len(w) - 1; i >= 0; i-- {
		// r*2**64 + w = r*8 + w (mod P); r*8 < 2**64.
		r = addModP(r<<3%hashP, uint64(w[i])%hashP)
	}
	return r
}

// addModP is a + b mod P (a, b < P).
func addModP(a, b uint64) uint64 {
	s := a + b
	if s >= hashP {
		s -= hashP
	}
	return s
}
