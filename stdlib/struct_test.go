package stdlib

import (
	"math"
	"testing"
)

// The parser's sizes and offsets are the layout contract: native '@'
// aligns every item to its size as on x86-64 Linux, the standard modes
// pack tightly with 4-byte longs.
func TestStructFormatParse(t *testing.T) {
	for _, c := range []struct {
		format string
		size   int
		nargs  int
		offs   []int
	}{
		{"@bhiqd", 24, 5, []int{0, 2, 4, 8, 16}},
		{"<bhiqd", 23, 5, []int{0, 1, 3, 7, 15}},
		{"cxi", 8, 2, []int{0, 1, 4}},
		{"i0q", 8, 1, []int{0, 8}},
		{"=lL", 8, 2, []int{0, 4}},
		{"lL", 16, 2, []int{0, 8}},
		{"3s2p?", 6, 3, []int{0, 3, 5}},
		{" 2h \t4x i", 12, 3, []int{0, 4, 8}},
		{"", 0, 0, nil},
		{">e3f", 14, 4, []int{0, 2}},
		{"nNP", 24, 3, []int{0, 8, 16}},
	} {
		sf, err := parseStructFormat(c.format)
		if err != nil {
			t.Errorf("%q: %v", c.format, err)
			continue
		}
		if sf.size != c.size || sf.nargs != c.nargs {
			t.Errorf("%q: size %d nargs %d, want %d %d", c.format, sf.size, sf.nargs, c.size, c.nargs)
		}
		for i, off := range c.offs {
			if i >= len(sf.items) || sf.items[i].offset != off {
				t.Errorf("%q: item %d offset wrong (items %+v), want %d", c.format, i, sf.items, off)
				break
			}
		}
	}
	for _, bad := range []string{"z", "<n", "!P", "3", "<2 h", "99999999999999999999999q"} {
		if _, err := parseStructFormat(bad); err == nil {
			t.Errorf("%q: parsed, want struct.error", bad)
		}
	}
}

// floatToHalf rounds half to even and overflows past 65504 as CPython.
func TestHalfFloat(t *testing.T) {
	for _, c := range []struct {
		x    float64
		bits uint16
	}{{1.5, 0x3e00}, {65504, 0x7bff}, {65519, 0x7bff}, {6e-8, 0x0001}, {math.Copysign(0, -1), 0x8000}, {1e-9, 0}} {
		if got, err := floatToHalf(c.x); err != nil || got != c.bits {
			t.Errorf("%v: %#04x %v, want %#04x", c.x, got, err, c.bits)
		}
		if back := halfToFloat(c.bits); c.x >= 1 && back != c.x && c.x != 65519 {
			t.Errorf("%#04x back to %v, want %v", c.bits, back, c.x)
		}
	}
	if _, err := floatToHalf(65520); err == nil {
		t.Error("65520 packed, want OverflowError")
	}
}
