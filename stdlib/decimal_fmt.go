package stdlib

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/asylang/asy/vm"
	"github.com/cockroachdb/apd/v3"
)

// format(Decimal, spec): [[fill]align][sign][z][0][width][,][.precision][type]
// with types e E f F g G n % or none, rounding with the context's
// rounding. As CPython's C decimal does, it refuses '#' and the '_'
// grouping ("invalid format string"), and the 'n' type uses the C locale.

type decSpec struct {
	fill      string
	align     byte
	sign      byte
	noNegZero bool
	zeropad   bool
	width     int
	comma     bool
	prec      int // -1: none
	typ       byte
}

func errFormat() error { return vm.Errorf(vm.ValueError, "invalid format string") }

func parseDecSpec(spec string) (decSpec, error) {
	s := decSpec{prec: -1}
	isAlign := func(b byte) bool { return b == '<' || b == '>' || b == '=' || b == '^' }
	if r, size := utf8.DecodeRuneInString(spec); size > 0 && size < len(spec) && isAlign(spec[size]) {
		s.fill, s.align = string(r), spec[size]
		spec = spec[size+1:]
	} else if len(spec) > 0 && isAlign(spec[0]) {
		s.align = spec[0]
		spec = spec[1:]
	}
	if len(spec) > 0 && (spec[0] == '+' || spec[0] == '-' || spec[0] == ' ') {
		s.sign = spec[0]
		spec = spec[1:]
	}
	if len(spec) > 0 && spec[0] == 'z' {
		s.noNegZero = true
		spec = spec[1:]
	}
	if len(spec) > 0 && spec[0] == '0' {
		// The '0' flag excludes an alignment, and its width cannot
		// start with another 0.
		if s.align != 0 || len(spec) > 1 && spec[1] == '0' {
			return s, errFormat()
		}
		s.zeropad = true
		spec = spec[1:]
	}
	i := 0
	for i < len(spec) && spec[i] >= '0' && spec[i] <= '9' {
		i++
	}
	if i > 0 {
		w, err := strconv.Atoi(spec[:i])
		if err != nil {
			return s, errFormat()
		}
		s.width = w
		spec = spec[i:]
	}
	if len(spec) > 0 && spec[0] == ',' {
		s.comma = true
		spec = spec[1:]
	}
	if len(spec) > 0 && spec[0] == '.' {
		spec = spec[1:]
		i = 0
		for i < len(spec) && spec[i] >= '0' && spec[i] <= '9' {
			i++
		}
		if i == 0 {
			return s, errFormat()
		}
		p, err := strconv.Atoi(spec[:i])
		if err != nil {
			return s, errFormat()
		}
		s.prec = p
		spec = spec[i:]
	}
	if len(spec) > 1 {
		return s, errFormat()
	}
	if len(spec) == 1 {
		if !strings.ContainsRune("eEfFgGn%", rune(spec[0])) {
			return s, errFormat()
		}
		s.typ = spec[0]
	}
	if s.typ == 'n' && s.comma {
		return s, errFormat()
	}
	if s.fill == "" {
		s.fill = " "
	}
	if s.align == 0 {
		s.align = '>'
	}
	if (s.typ == 'g' || s.typ == 'G' || s.typ == 'n') && s.prec == 0 {
		s.prec = 1
	}
	return s, nil
}

// decFormat formats x by spec.
func decFormat(t *vm.Thread, x *decObj, spec string) (string, error) {
	s, err := parseDecSpec(spec)
	if err != nil {
		return "", err
	}
	c := curCtx(t)
	signOf := func(neg bool) string {
		switch {
		case neg:
			return "-"
		case s.sign == '+':
			return "+"
		case s.sign == ' ':
			return " "
		}
		return ""
	}
	if x.d.Form != apd.Finite {
		// Specials ignore type and precision; a '0' flag pads with spaces.
		body := appendDecString(nil, absOf(&x.d), true, false)
		if s.typ == '%' {
			body = append(body, '%')
		}
		return decAlign(signOf(x.d.Negative), body, s), nil
	}
	typ := s.typ
	if typ == 0 {
		typ = "gG"[c.capitals]
	}
	d := &x.d
	if typ == '%' {
		var p apd.Decimal
		p.Set(d)
		p.Exponent += 2
		d = &p
	}
	var fixed apd.Decimal // the common 'f' result, without an allocation
	if s.prec >= 0 {
		switch typ {
		case 'e', 'E':
			d = roundSignificant(d, int64(s.prec)+1, c.round)
		case 'f', 'F', '%':
			rescaleInto(&fixed, d, -int64(s.prec), c.round)
			d = &fixed
		case 'g', 'G', 'n':
			if numDigits(&d.Coeff) > int64(s.prec) {
				d = roundSignificant(d, int64(s.prec), c.round)
			}
		}
	}
	if d.IsZero() && d.Exponent > 0 && (typ == 'f' || typ == 'F' || typ == '%') {
		r, _, _ := rescale(d, 0, c.round)
		d = &r.d
	}
	neg := d.Negative
	if d.IsZero() && s.noNegZero {
		neg = false
	}
	var store [48]byte
	digits := appendCoeff(store[:0], &d.Coeff)
	left := int64(d.Exponent) + int64(len(digits))
	var dot int64
	switch typ {
	case 'e', 'E':
		dot = 1
		if d.IsZero() && s.prec >= 0 {
			dot = 1 - int64(s.prec)
		}
	case 'f', 'F', '%':
		dot = left
	default:
		dot = 1
		if d.Exponent <= 0 && left > -6 {
			dot = left
		}
	}
	// The integer part's digits (intZeros more after them) and the
	// fraction's (fracZeros before them).
	var intPart, frac []byte
	var intZeros, fracZeros int64
	switch {
	case dot < 0:
		intPart, frac, fracZeros = zeroDigit, digits, -dot
	case dot > int64(len(digits)):
		intPart, intZeros = digits, dot-int64(len(digits))
	default:
		intPart, frac = digits[:dot], digits[dot:]
		if len(intPart) == 0 {
			intPart = zeroDigit
		}
	}
	var tailStore [64]byte
	tail := tailStore[:0]
	if len(frac) > 0 || fracZeros > 0 {
		tail = append(tail, '.')
		tail = appendRepeat(tail, '0', fracZeros)
		tail = append(tail, frac...)
	}
	if exp := left - dot; exp != 0 || typ == 'e' || typ == 'E' {
		if typ == 'E' || typ == 'G' {
			tail = append(tail, 'E')
		} else {
			tail = append(tail, 'e')
		}
		if exp >= 0 {
			tail = append(tail, '+')
		}
		tail = strconv.AppendInt(tail, exp, 10)
	}
	if typ == '%' {
		tail = append(tail, '%')
	}
	sign := signOf(neg)
	minWidth := 0
	if s.zeropad {
		minWidth = s.width - len(tail) - len(sign)
	}
	if intZeros > 0 {
		intPart = appendRepeat(append([]byte(nil), intPart...), '0', intZeros)
	}
	var bodyStore [64]byte
	body := appendGrouped(bodyStore[:0], intPart, s.comma, minWidth)
	body = append(body, tail...)
	return decAlign(sign, body, s), nil
}

var zeroDigit = []byte{'0'}

func appendRepeat(buf []byte, b byte, n int64) []byte {
	for ; n > 0; n-- {
		buf = append(buf, b)
	}
	return buf
}

// roundSignificant rounds a non-zero d to n significant digits.
func roundSignificant(d *apd.Decimal, n int64, mode int) *apd.Decimal {
	if d.IsZero() {
		return d
	}
	adj := adjusted(d)
	r, _, _ := rescale(d, adj+1-n, mode)
	if r.d.Coeff.Sign() != 0 && adjusted(&r.d) != adj {
		r, _, _ = rescale(&r.d, adjusted(&r.d)+1-n, mode)
	}
	return &r.d
}

// appendGrouped appends digits with thousands separators (comma) and
// zeros in front up to minWidth, a separator never leading.
func appendGrouped(buf, digits []byte, comma bool, minWidth int) []byte {
	if !comma {
		buf = appendRepeat(buf, '0', int64(max(minWidth, 1)-len(digits)))
		return append(buf, digits...)
	}
	// The groups go from the right, each reversed, then the whole is
	// turned around.
	start := len(buf)
	for {
		l := min(max(len(digits), minWidth, 1), 3)
		g := digits[max(len(digits)-l, 0):]
		for i := len(g) - 1; i >= 0; i-- {
			buf = append(buf, g[i])
		}
		buf = appendRepeat(buf, '0', int64(l-len(g)))
		digits = digits[:max(len(digits)-l, 0)]
		minWidth -= l
		if len(digits) == 0 && minWidth <= 0 {
			break
		}
		minWidth--
		buf = append(buf, ',')
	}
	for i, j := start, len(buf)-1; i < j; i, j = i+1, j-1 {
		buf[i], buf[j] = buf[j], buf[i]
	}
	return buf
}

// decAlign pads sign+body to the width.
func decAlign(sign string, body []byte, s decSpec) string {
	n := s.width - utf8.RuneCountInString(sign) - utf8.RuneCount(body)
	if n <= 0 {
		if sign == "" {
			return string(body)
		}
		return sign + string(body)
	}
	var b strings.Builder
	b.Grow(len(sign) + len(body) + n*len(s.fill))
	fill := func(k int) {
		for ; k > 0; k-- {
			b.WriteString(s.fill)
		}
	}
	switch s.align {
	case '<':
		b.WriteString(sign)
		b.Write(body)
		fill(n)
	case '=':
		b.WriteString(sign)
		fill(n)
		b.Write(body)
	case '^':
		fill(n / 2)
		b.WriteString(sign)
		b.Write(body)
		fill(n - n/2)
	default:
		fill(n)
		b.WriteString(sign)
		b.Write(body)
	}
	return b.String()
}
