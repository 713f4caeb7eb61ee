package vm

import (
	"math/big"
	"strings"
	"sync"
	"unicode/utf8"
)

// CPython 3.11's limit on int↔str conversion in bases that are not powers of
// two (CVE-2020-10735): converting a number of more than the limit's decimal
// digits is a ValueError, since the conversion is superlinear. The limit is
// per interpreter (sys.set_int_max_str_digits); 0 means none.

// DefaultIntMaxStrDigits is CPython's default limit.
const DefaultIntMaxStrDigits = 4300

// IntMaxStrDigitsThreshold is the smallest non-zero limit accepted.
const IntMaxStrDigitsThreshold = 640

// IntMaxStrDigits is the interpreter's current limit (0: none).
func (t *Thread) IntMaxStrDigits() int {
	if t == nil || t.interp == nil {
		return DefaultIntMaxStrDigits
	}
	return t.interp.IntMaxStrDigits()
}

// IntMaxStrDigits is sys.get_int_max_str_digits().
func (it *Interp) IntMaxStrDigits() int {
	v := it.intMaxDigits.Load() // stored +1 so that the zero value is "default"
	if v == 0 {
		return DefaultIntMaxStrDigits
	}
	return int(v) - 1
}

// SetIntMaxStrDigits is sys.set_int_max_str_digits (the caller validates).
func (it *Interp) SetIntMaxStrDigits(n int) { it.intMaxDigits.Store(int64(n) + 1) }

// intStrError is the error of str(n) beyond the limit.
func intStrError(limit int) error {
	return Errorf(ValueError, "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", limit)
}

// checkIntStr checks that the decimal form of x fits the limit; it is exact
// (as CPython: more than limit digits, the sign not counted).
func checkIntStr(x *big.Int, limit int) error {
	if limit <= 0 {
		return nil
	}
	// bits*log10(2) digits, give or take one.
	bits := x.BitLen()
	if bits < limit*3 { // 3 bits per digit: fewer than limit digits
		return nil
	}
	if float64(bits-1)*0.30102999566398120 >= float64(limit)+1 {
		return intStrError(limit)
	}
	if len(new(big.Int).Abs(x).String()) > limit {
		return intStrError(limit)
	}
	return nil
}

// IntStr is str(int) under the interpreter's limit.
func (t *Thread) IntStr(x *big.Int) (string, error) {
	if err := checkIntStr(x, t.IntMaxStrDigits()); err != nil {
		return "", err
	}
	return x.String(), nil
}

// validDigits reports whether s (no sign, no underscores) is all digits of base.
func validDigits(s string, base int) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d int
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case c >= 'a' && c <= 'z':
			d = int(c-'a') + 10
		case c >= 'A' && c <= 'Z':
			d = int(c-'A') + 10
		default:
			return false
		}
		if d >= base {
			return false
		}
	}
	return true
}

// parseBigDigits is big.Int.SetString for long decimal strings without its
// quadratic cost: the string is split in halves, value = hi·10^len(lo) + lo,
// so that the work goes into big multiplications (Karatsuba).
func parseBigDigits(s string, base int) (*big.Int, bool) {
	if base != 10 || len(s) < parseSplitMin || strings.ContainsAny(s, "+-") {
		return new(big.Int).SetString(s, base)
	}
	if !validDigits(s, 10) {
		return nil, false
	}
	return parseDecimalDC(s), true
}

const parseSplitMin = 2000

func parseDecimalDC(s string) *big.Int {
	if len(s) < parseSplitMin {
		b, _ := new(big.Int).SetString(s, 10)
		return b
	}
	// Split so that lo's length is a power of two: the powers are cached.
	k := 1
	for k*2 < len(s) {
		k *= 2
	}
	hi := parseDecimalDC(s[:len(s)-k])
	lo := parseDecimalDC(s[len(s)-k:])
	hi.Mul(hi, pow10(k))
	return hi.Add(hi, lo)
}

var pow10Cache sync.Map // int → *big.Int (read-only once stored)

func pow10(k int) *big.Int {
	if v, ok := pow10Cache.Load(k); ok {
		return v.(*big.Int)
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
	pow10Cache.Store(k, p)
	return p
}

// decimalFloatSyntax reports whether s is [sign] digits [. digits] [e [sign]
// digits] with at least one mantissa digit (underscores already removed).
func decimalFloatSyntax(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// quoteTrunc is CPython's %.200R: the repr cut to n characters.
func quoteTrunc(s string, n int) string {
	q := QuoteStr(s)
	if utf8.RuneCountInString(q) <= n {
		return q
	}
	return string([]rune(q)[:n])
}
