package fmath

import (
	"math"
	"testing"
)

// FuzzPow checks Pow against math.Pow (a few ulps off at worst, more for
// huge exponents) for any pair: the same special values, and the same
// finite values to within math.Pow's error.
func FuzzPow(f *testing.F) {
	for _, c := range [][2]float64{{8, 1.0 / 3}, {-2, 3}, {0, -1}, {1e-310, 0.5}, {1.0000001, 1e12}, {-8, 1.0 / 3}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, x, y float64) {
		if x != 0 && math.Abs(x) < 0x1p-1022 {
			return // Go's math.Log and math.Pow are wrong on subnormals (amd64)
		}
		got, want := Pow(x, y), math.Pow(x, y)
		switch {
		case math.IsNaN(want):
			if !math.IsNaN(got) {
				t.Fatalf("Pow(%v, %v) = %v, want NaN", x, y, got)
			}
		case math.IsInf(want, 0) || want == 0 || math.Abs(want) < 0x1p-1000 || math.Abs(want) > 0x1p1000:
			// near the ends of the range math.Pow's error can cross them
			if math.Abs(want) > 0x1p-1000 && math.Abs(want) < 0x1p1000 || math.IsInf(want, 0) && !math.IsInf(got, 0) && math.Abs(got) < 0x1p1000 {
				t.Fatalf("Pow(%v, %v) = %v, want %v", x, y, got, want)
			}
		default:
			// math.Pow's error grows with |y| (repeated squaring)
			if math.Abs(got-want) > math.Abs(want)*(0x1p-40+math.Abs(y)*0x1p-48) {
				t.Fatalf("Pow(%v, %v) = %v, want %v", x, y, got, want)
			}
		}
	})
}
