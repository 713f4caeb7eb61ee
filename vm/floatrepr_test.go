package vm

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// refFloatRepr is the straightforward layout of repr(float), kept as the
// reference appendFloatRepr must match.
func refFloatRepr(f float64) string {
	s := strconv.FormatFloat(f, 'e', -1, 64)
	neg := ""
	if s[0] == '-' {
		neg, s = "-", s[1:]
	}
	epos := strings.IndexByte(s, 'e')
	e, _ := strconv.Atoi(s[epos+1:])
	digits := strings.Replace(s[:epos], ".", "", 1)
	switch {
	case e < -4 || e >= 16:
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		sign, ae := "+", e
		if e < 0 {
			sign, ae = "-", -e
		}
		es := strconv.Itoa(ae)
		if len(es) < 2 {
			es = "0" + es
		}
		return neg + m + "e" + sign + es
	case e < 0:
		return neg + "0." + strings.Repeat("0", -e-1) + digits
	case len(digits) <= e+1:
		return neg + digits + strings.Repeat("0", e+1-len(digits)) + ".0"
	}
	return neg + digits[:e+1] + "." + digits[e+1:]
}

func TestFloatRepr(t *testing.T) {
	cases := []float64{0, -0.0, 1, -1, 0.1, 1.5, 1e16, 1e15, 123456789.125, 1e-4, 1e-5, 0.00012,
		1.5e300, -2.5e-300, 5e-324, math.MaxFloat64, 2.0 * (1 << 62) * 16, 1 / 3.0, 100, 1e22, 9999999999999998}
	x := 0.7
	for i := 0; i < 2000; i++ {
		x = x*1.37 + 1e-3
		if x > 1e300 {
			x = 1e-300
		}
		cases = append(cases, x, -x, 1/x)
	}
	for _, f := range cases {
		if got, want := floatRepr(f), refFloatRepr(f); got != want {
			t.Errorf("floatRepr(%v) = %q, want %q", f, got, want)
		}
	}
	for f, want := range map[float64]string{math.Inf(1): "inf", math.Inf(-1): "-inf", math.NaN(): "nan"} {
		if got := floatRepr(f); got != want {
			t.Errorf("floatRepr = %q, want %q", got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { appendFloatRepr(make([]byte, 0, 64), 123.456) }); n > 1 {
		t.Errorf("appendFloatRepr allocates %v times", n)
	}
}
