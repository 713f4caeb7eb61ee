package stdlib

import (
	"crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"math/big"
	"math/bits"
)

// mt19937 is the Mersenne Twister, seeded exactly as CPython's random
// module seeds it so scripts get the same numbers for the same seed.
type mt19937 struct {
	state [624]uint32
	index int
	// gaussNext holds the second value of a Box–Muller pair (random.gauss).
	gaussNext    float64
	hasGaussNext bool
}

func (m *mt19937) initGenrand(s uint32) {
	m.state[0] = s
	for i := 1; i < 624; i++ {
		m.state[i] = 1812433253*(m.state[i-1]^(m.state[i-1]>>30)) + uint32(i)
	}
	m.index = 624
}

func (m *mt19937) initByArray(key []uint32) {
	m.initGenrand(19650218)
	i, j := 1, 0
	k := 624
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		m.state[i] = (m.state[i] ^ ((m.state[i-1] ^ (m.state[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			m.state[0] = m.state[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = 623; k > 0; k-- {
		m.state[i] = (m.state[i] ^ ((m.state[i-1] ^ (m.state[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			m.state[0] = m.state[623]
			i = 1
		}
	}
	m.state[0] = 0x80000000
	m.index = 624
}

func (m *mt19937) genrand() uint32 {
	if m.index >= 624 {
		const upper, lower = 0x80000000, 0x7fffffff
		for kk := 0; kk < 624; kk++ {
			y := (m.state[kk] & upper) | (m.state[(kk+1)%624] & lower)
			v := m.state[(kk+397)%624] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			m.state[kk] = v
		}
		m.index = 0
	}
	y := m.state[m.index]
	m.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// random is genrand_res53: a float in [0, 1) with 53 random bits.
func (m *mt19937) random() float64 {
	a := m.genrand() >> 5
	b := m.genrand() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// seedBig seeds from a non-negative integer, as random.seed(int) does.
func (m *mt19937) seedBig(n *big.Int) {
	n = new(big.Int).Abs(n)
	var key []uint32
	bs := n.Bytes() // big-endian
	for i := len(bs); i > 0; i -= 4 {
		lo := i - 4
		if lo < 0 {
			lo = 0
		}
		var w uint32
		for _, c := range bs[lo:i] {
			w = w<<8 | uint32(c)
		}
		key = append(key, w)
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	m.initByArray(key)
	m.hasGaussNext = false
}

// seedBytes seeds from str/bytes (version 2: the bytes plus their SHA-512).
func (m *mt19937) seedBytes(b []byte) {
	sum := sha512.Sum512(b)
	all := append(append([]byte(nil), b...), sum[:]...)
	m.seedBig(new(big.Int).SetBytes(all))
}

// seedRandom seeds from the OS (random.seed() / seed(None)).
func (m *mt19937) seedRandom() {
	var buf [2496]byte
	rand.Read(buf[:])
	key := make([]uint32, 624)
	for i := range key {
		key[i] = binary.LittleEndian.Uint32(buf[i*4:])
	}
	m.initByArray(key)
	m.hasGaussNext = false
}

// getrandbits returns k random bits (k >= 0), least significant word first.
func (m *mt19937) getrandbits(k int) *big.Int {
	if k <= 32 {
		return big.NewInt(int64(m.genrand() >> (32 - uint(k))))
	}
	words := (k-1)/32 + 1
	out := new(big.Int)
	for i := 0; i < words; i++ {
		r := m.genrand()
		if k < 32 {
			r >>= 32 - uint(k)
		}
		out.Or(out, new(big.Int).Lsh(big.NewInt(int64(r)), uint(32*i)))
		k -= 32
	}
	return out
}

// randbelow returns a uniform int in [0, n) (n > 0), as _randbelow_with_getrandbits.
func (m *mt19937) randbelow(n *big.Int) *big.Int {
	k := n.BitLen()
	if n.IsInt64() && k <= 32 {
		nn := n.Int64()
		for {
			r := int64(m.genrand() >> (32 - uint(k)))
			if r < nn {
				return big.NewInt(r)
			}
		}
	}
	for {
		r := m.getrandbits(k)
		if r.Cmp(n) < 0 {
			return r
		}
	}
}

// randbelowInt is randbelow for small n.
func (m *mt19937) randbelowInt(n int) int {
	if n <= 0 {
		return 0
	}
	if uint64(n) < 1<<32 {
		// randbelow's draw for n of up to 32 bits, without the big.Int
		// round trip (two allocations per choice or randrange).
		k := uint(bits.Len64(uint64(n)))
		for {
			if r := int(m.genrand() >> (32 - k)); r < n {
				return r
			}
		}
	}
	return int(m.randbelow(big.NewInt(int64(n))).Int64())
}
