package vm

import (
	"math/rand"
	"testing"
)

// TestSurrogateStrs checks that a str built from code points that include
// lone surrogates reads them back one by one through every positional path
// (length, indexing, slicing, byte offsets, iteration), and that the
// 'surrogatepass' codecs round-trip it.
func TestSurrogateStrs(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pick := []rune{'a', 'Z', ' ', 0xe9, 0x3b1, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0x1f600, 0x10ffff}
	th := New(Config{}).MainThread()
	for n := 0; n < 300; n++ {
		rs := make([]rune, rng.Intn(80))
		for i := range rs {
			rs[i] = pick[rng.Intn(len(pick))]
		}
		text := RunesString(rs)
		if got := RuneCount(text); got != len(rs) {
			t.Fatalf("RuneCount(%q) = %d, want %d", text, got, len(rs))
		}
		s := NewStr(text)
		if s.Len() != len(rs) {
			t.Fatalf("Len(%q) = %d, want %d", text, s.Len(), len(rs))
		}
		back := Runes(text)
		for i, r := range rs {
			if back[i] != r || s.RuneAt(i) != r {
				t.Fatalf("%q: code point %d is %U/%U, want %U", text, i, back[i], s.RuneAt(i), r)
			}
			if s.runeIndexOf(s.byteOffset(i)) != i {
				t.Fatalf("%q: offset of %d does not map back", text, i)
			}
		}
		if len(rs) > 2 {
			lo, hi := rng.Intn(len(rs)/2), len(rs)/2+rng.Intn(len(rs)/2)
			sub := s.substrObj(lo, hi)
			if sub.s != RunesString(rs[lo:hi]) || sub.Len() != hi-lo {
				t.Fatalf("%q[%d:%d] = %q", text, lo, hi, sub.s)
			}
		}
		k := rng.Intn(len(rs) + 1)
		x, y := NewStr(RunesString(rs[:k])), NewStr(RunesString(rs[k:]))
		x.Len()
		y.Len()
		if xy := concatStr(x, y); xy.Len() != len(rs) || xy.s != text || len(rs) > 0 && xy.RuneAt(len(rs)-1) != rs[len(rs)-1] {
			t.Fatalf("%q + %q: len %d", x.s, y.s, xy.Len())
		}
		i := 0
		err := th.Iterate(Obj(s), func(v Value) error {
			c, _ := v.StrOf()
			if r, _ := DecodeRune(c); r != rs[i] {
				t.Fatalf("%q: iteration %d gave %U, want %U", text, i, r, rs[i])
			}
			i++
			return nil
		})
		if err != nil || i != len(rs) {
			t.Fatalf("%q: iterated %d of %d (%v)", text, i, len(rs), err)
		}
		for _, enc := range []string{"utf-8", "utf-16-le", "utf-16-be", "utf-32"} {
			b, err := EncodeStr(text, enc, "surrogatepass")
			if err != nil {
				t.Fatalf("%s encode %q: %v", enc, text, err)
			}
			if enc == "utf-8" && string(b) != text {
				t.Fatalf("utf-8 surrogatepass of %q is %q", text, b)
			}
			// UTF-16 joins a high surrogate followed by a low one.
			if enc != "utf-16-le" && enc != "utf-16-be" {
				d, err := DecodeBytes(b, enc, "surrogatepass")
				if err != nil || d != text {
					t.Fatalf("%s round trip of %q gave %q (%v)", enc, text, d, err)
				}
			}
		}
		_, err = EncodeStr(text, "utf-8", "strict")
		if (err != nil) != HasSurrogate(text) {
			t.Fatalf("strict utf-8 of %q: %v", text, err)
		}
	}
}

// FuzzCodecs decodes arbitrary bytes with every codec and handler (no
// panic), and checks that 'surrogateescape' gives back the bytes it read.
func FuzzCodecs(f *testing.F) {
	for _, s := range []string{"", "abc", "\xff\xfe", "\xed\xa0\x80", "h\xc3\xa9\xe2\x82", "\x00\xd8a\x00", "\xf0\x9f\x98"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, enc := range []string{"utf-8", "utf-8-sig", "ascii", "latin-1", "utf-16", "utf-16-be", "utf-32", "utf-32-le"} {
			for _, errs := range []string{"strict", "replace", "ignore", "backslashreplace", "surrogateescape", "surrogatepass"} {
				s, err := DecodeBytes(b, enc, errs)
				if err != nil {
					continue
				}
				if n := NewStr(s).Len(); n != len(Runes(s)) {
					t.Fatalf("%s/%s of %q: Len %d, %d runes", enc, errs, b, n, len(Runes(s)))
				}
				EncodeStr(s, enc, errs)
			}
		}
		s, err := DecodeBytes(b, "utf-8", "surrogateescape")
		if err != nil {
			t.Fatalf("surrogateescape decode of %q: %v", b, err)
		}
		back, err := EncodeStr(s, "utf-8", "surrogateescape")
		if err != nil || string(back) != string(b) {
			t.Fatalf("surrogateescape round trip of %q gave %q (%v)", b, back, err)
		}
	})
}
