package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Python's format-spec mini-language for int, float and str:
// [[fill]align][sign][#][0][width][grouping][.precision][type]

type fmtSpec struct {
	fill     rune
	align    byte // 0, '<', '>', '^', '='
	sign     byte // 0, '+', '-', ' '
	alt      bool
	zero     bool
	width    int
	grouping byte // 0, ',', '_'
	prec     int  // -1 when absent
	typ      byte // 0 when absent
}

func parseSpec(s, typeName string) (fmtSpec, error) {
	sp := fmtSpec{fill: ' ', prec: -1}
	orig := s
	fillGiven := false
	if r, size := DecodeRune(s); size > 0 && len(s) > size && strings.IndexByte("<>^=", s[size]) >= 0 {
		sp.fill, sp.align = r, s[size]
		s = s[size+1:]
		fillGiven = true
	} else if len(s) > 0 && strings.IndexByte("<>^=", s[0]) >= 0 {
		sp.align = s[0]
		s = s[1:]
	}
	if len(s) > 0 && strings.IndexByte("+- ", s[0]) >= 0 {
		sp.sign = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == 'z' {
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '#' {
		sp.alt = true
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '0' {
		sp.zero = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && isDigitByte(s[i]) {
		i++
	}
	if i > 0 {
		w, err := strconv.Atoi(s[:i])
		if err != nil {
			return sp, Errorf(ValueError, "Too many decimal digits in format string")
		}
		sp.width = w
		s = s[i:]
	}
	if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
		sp.grouping = s[0]
		s = s[1:]
		if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
			return sp, Errorf(ValueError, "Cannot specify both ',' and '_'.")
		}
	}
	if len(s) > 0 && s[0] == '.' {
		j := 1
		for j < len(s) && isDigitByte(s[j]) {
			j++
		}
		if j == 1 {
			return sp, Errorf(ValueError, "Format specifier missing precision")
		}
		p, err := strconv.Atoi(s[1:j])
		if err != nil {
			return sp, Errorf(ValueError, "Too many decimal digits in format string")
		}
		sp.prec = p
		s = s[j:]
	}
	if len(s) > 1 {
		return sp, Errorf(ValueError, "Invalid format specifier '%s' for object of type '%s'", orig, typeName)
	}
	if len(s) == 1 {
		sp.typ = s[0]
	}
	// A '0' before the width pads with zeros unless a fill is given, and
	// for numbers without an alignment it pads after the sign (as CPython:
	// format(42, "<05") is '42000', format("ab", "05") is 'ab000').
	if sp.zero && !fillGiven {
		sp.fill = '0'
		if sp.align == 0 && typeName != "str" {
			sp.align = '='
		}
	}
	return sp, nil
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// pad applies width/fill/align; numbers default to right alignment and '='
// puts padding between the sign and the digits.
func pad(sign, body string, sp fmtSpec, defaultAlign byte) (string, error) {
	if sp.width <= 0 {
		return sign + body, nil
	}
	n := RuneCount(sign) + RuneCount(body)
	if n >= sp.width {
		return sign + body, nil
	}
	if err := CheckAlloc2(int64(sp.width)*int64(len(RuneString(sp.fill))), int64(len(sign)+len(body)), 1); err != nil {
		return "", err
	}
	return padUnchecked(sign, body, n, sp, defaultAlign), nil
}

// appendAligned appends sign and body with total fills around them as
// align places them: '<' after, '^' split (the extra one after), '='
// between the sign and the body, otherwise before.
func appendAligned[B string | []byte](dst, fill []byte, sign string, body B, total int, align byte) []byte {
	left, mid := total, 0 // fill before the sign; between the sign and the body
	switch align {
	case '<':
		left = 0
	case '^':
		left = total / 2
	case '=':
		left, mid = 0, total
	}
	for i := 0; i < left; i++ {
		dst = append(dst, fill...)
	}
	dst = append(dst, sign...)
	for i := 0; i < mid; i++ {
		dst = append(dst, fill...)
	}
	dst = append(dst, body...)
	for i := left + mid; i < total; i++ {
		dst = append(dst, fill...)
	}
	return dst
}

func padUnchecked(sign, body string, n int, sp fmtSpec, defaultAlign byte) string {
	align := sp.align
	if align == 0 {
		align = defaultAlign
	}
	total := sp.width - n
	// One allocation: the fill, sign, body and trailing fill written in place.
	var fb [utf8.UTFMax]byte
	fill := AppendRune(fb[:0], sp.fill)
	b := make([]byte, 0, len(sign)+len(body)+total*len(fill))
	b = appendAligned(b, fill, sign, body, total, align)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// zeroGroup pads digits with zeros until, grouped, they fill width (the
// separators count), as '0' padding with ',' or '_' does. A grouped string of
// d digits is d + (d-1)/every long, so the digit count is found directly
// rather than by adding one zero at a time.
func zeroGroup(digits string, sep byte, every, width int) (string, error) {
	if err := CheckAlloc(int64(width), 1); err != nil {
		return "", err
	}
	d := len(digits)
	if low := width*every/(every+1) - 2; low > d {
		d = low // still short of width: low*(every+1)/every < width
	}
	for d+(d-1)/every < width {
		d++
	}
	if d > len(digits) {
		digits = strings.Repeat("0", d-len(digits)) + digits
	}
	return group(digits, sep, every), nil
}

// group inserts separators every `every` digits from the right of the integer part.
func group(digits string, sep byte, every int) string {
	if sep == 0 || len(digits) <= every {
		return digits
	}
	var b strings.Builder
	first := len(digits) % every
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += every {
		if b.Len() > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+every])
	}
	return b.String()
}

func signOf(neg bool, sp fmtSpec) string {
	if neg {
		return "-"
	}
	switch sp.sign {
	case '+':
		return "+"
	case ' ':
		return " "
	}
	return ""
}

// limit is the interpreter's int max str digits, for decimal output.
func formatIntSpec(x *big.Int, spec, typeName string, limit int) (string, error) {
	return formatIntOrSmall(x, 0, spec, typeName, limit)
}

// formatIntOrSmall formats x, or small when x is nil (an inline int,
// formatted without a big.Int: f"{i:03d}" in a loop allocates only its
// result).
func formatIntOrSmall(x *big.Int, small int64, spec, typeName string, limit int) (string, error) {
	sp, err := parseSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	if x == nil {
		var scratch [64]byte
		if b, ok := appendIntSimple(scratch[:0], small, sp); ok {
			return string(b), nil
		}
	}
	switch sp.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f := float64(small)
		if x != nil {
			f, _ = new(big.Float).SetInt(x).Float64()
		}
		return formatFloatParsed(f, sp, typeName)
	}
	if sp.prec >= 0 {
		return "", Errorf(ValueError, "Precision not allowed in integer format specifier")
	}
	neg := small < 0
	abs := uint64(small)
	if neg {
		abs = -abs
	}
	var bigAbs *big.Int
	if x != nil {
		neg = x.Sign() < 0
		bigAbs = new(big.Int).Abs(x)
	}
	text := func(base int) string {
		if bigAbs != nil {
			return bigAbs.Text(base)
		}
		return strconv.FormatUint(abs, base)
	}
	var digits, prefix string
	every := 3
	switch sp.typ {
	case 0, 'd', 'n':
		if bigAbs != nil {
			if err := checkIntStr(bigAbs, limit); err != nil {
				return "", err
			}
		}
		digits = text(10)
	case 'b':
		digits, prefix, every = text(2), "0b", 4
	case 'o':
		digits, prefix, every = text(8), "0o", 4
	case 'x':
		digits, prefix, every = text(16), "0x", 4
	case 'X':
		digits, prefix, every = strings.ToUpper(text(16)), "0X", 4
	case 'c':
		if sp.sign != 0 {
			return "", Errorf(ValueError, "Sign not allowed with integer format specifier 'c'")
		}
		if x != nil {
			if !x.IsInt64() {
				return "", Errorf(OverflowError, "Python int too large to convert to C long")
			}
			small = x.Int64()
		}
		if small < 0 || small > 0x10ffff {
			return "", Errorf(OverflowError, "%%c arg not in range(0x110000)")
		}
		return pad("", RuneString(rune(small)), sp, '>') // an int: right-aligned like any number
	default:
		return "", Errorf(ValueError, "Unknown format code '%c' for object of type '%s'", sp.typ, typeName)
	}
	if !sp.alt {
		prefix = ""
	}
	if sp.grouping == ',' && sp.typ != 0 && sp.typ != 'd' {
		return "", Errorf(ValueError, "Cannot specify ',' with '%c'.", sp.typ)
	}
	if sp.align == '=' && sp.fill == '0' && sp.grouping != 0 {
		// zero padding participates in grouping
		sign := signOf(neg, sp)
		width := sp.width - len(sign) - len(prefix)
		g, err := zeroGroup(digits, sp.grouping, every, width)
		return sign + prefix + g, err
	}
	return pad(signOf(neg, sp)+prefix, group(digits, sp.grouping, every), sp, '>')
}

// appendIntSimple appends n formatted with sp when sp asks for decimal
// digits with at most fill, alignment, sign, zero padding and width (the
// common {:5}, {:05d}, {:>6}, {:+d}); ok is false for anything else, which
// formatIntOrSmall handles. One pass, no intermediate strings.
func appendIntSimple(dst []byte, n int64, sp fmtSpec) ([]byte, bool) {
	if sp.typ != 0 && sp.typ != 'd' || sp.grouping != 0 || sp.prec >= 0 || sp.width > 4096 {
		return dst, false
	}
	neg := n < 0
	abs := uint64(n)
	if neg {
		abs = -abs
	}
	var db [20]byte
	digits := strconv.AppendUint(db[:0], abs, 10)
	sign := signOf(neg, sp)
	total := sp.width - len(sign) - len(digits)
	if total <= 0 {
		return append(append(dst, sign...), digits...), true
	}
	var fb [utf8.UTFMax]byte
	fill := AppendRune(fb[:0], sp.fill)
	return appendAligned(dst, fill, sign, digits, total, sp.align), true
}

func formatFloatSpec(f float64, spec, typeName string) (string, error) {
	sp, err := parseSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	return formatFloatParsed(f, sp, typeName)
}

func formatFloatParsed(f float64, sp fmtSpec, typeName string) (string, error) {
	if sp.prec > math.MaxInt32 {
		return "", Errorf(ValueError, "precision too big")
	}
	if err := CheckAlloc(int64(sp.prec), 1); err != nil {
		return "", err
	}
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	var body string
	prec := sp.prec
	switch sp.typ {
	case 'f', 'F', '%':
		if prec < 0 {
			prec = 6
		}
		if sp.typ == '%' {
			a *= 100
		}
		body = strconv.FormatFloat(a, 'f', prec, 64)
		if sp.alt && prec == 0 {
			body += "."
		}
		if sp.typ == '%' {
			body += "%"
		}
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		body = strconv.FormatFloat(a, 'e', prec, 64)
		if sp.alt && prec == 0 {
			body = strings.Replace(body, "e", ".e", 1)
		}
	case 'g', 'G', 'n':
		if prec < 0 {
			prec = 6
		}
		if prec == 0 {
			prec = 1
		}
		body = formatG(a, prec, sp.alt, false)
	case 0:
		if prec < 0 {
			body = floatRepr(a)
		} else {
			if prec == 0 {
				prec = 1
			}
			body = formatG(a, prec, sp.alt, true)
		}
	default:
		return "", Errorf(ValueError, "Unknown format code '%c' for object of type '%s'", sp.typ, typeName)
	}
	if math.IsInf(a, 0) {
		body = "inf"
		if sp.typ == '%' {
			body = "inf%"
		}
	} else if math.IsNaN(a) {
		body = "nan"
		if sp.typ == '%' {
			body = "nan%"
		}
	}
	if sp.typ == 'E' || sp.typ == 'G' || sp.typ == 'F' {
		body = strings.ToUpper(body)
	}
	if sp.grouping != 0 {
		intPart, rest := body, ""
		if i := strings.IndexAny(body, ".e%"); i >= 0 {
			intPart, rest = body[:i], body[i:]
		}
		if sp.align == '=' && sp.fill == '0' {
			sign := signOf(neg, sp)
			width := sp.width - len(sign) - len(rest)
			g, err := zeroGroup(intPart, sp.grouping, 3, width)
			return sign + g + rest, err
		}
		body = group(intPart, sp.grouping, 3) + rest
	}
	return pad(signOf(neg, sp), body, sp, '>')
}

// formatG is Python's 'g' presentation; noneType is the format used when no
// type is given with a precision (always shows a digit after the point when
// using fixed notation... as repr does).
func formatG(a float64, prec int, alt, noneType bool) string {
	if a == 0 {
		exp := 0
		_ = exp
	}
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	ei := strings.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[ei+1:])
	var s string
	if exp >= -4 && exp < prec {
		s = strconv.FormatFloat(a, 'f', prec-1-exp, 64)
		if !alt {
			if strings.Contains(s, ".") {
				s = strings.TrimRight(s, "0")
				s = strings.TrimSuffix(s, ".")
			}
			if noneType && !strings.Contains(s, ".") {
				s += ".0"
			}
		} else if !strings.Contains(s, ".") {
			s += "."
		}
		return s
	}
	mant, ex := e[:ei], e[ei:]
	if !alt && strings.Contains(mant, ".") {
		mant = strings.TrimRight(mant, "0")
		mant = strings.TrimSuffix(mant, ".")
	}
	return mant + ex
}

func formatStrSpec(s, spec string) (string, error) {
	sp, err := parseSpec(spec, "str")
	if err != nil {
		return "", err
	}
	if sp.typ != 0 && sp.typ != 's' {
		return "", Errorf(ValueError, "Unknown format code '%c' for object of type 'str'", sp.typ)
	}
	if sp.sign != 0 {
		return "", Errorf(ValueError, "Sign not allowed in string format specifier")
	}
	if sp.alt {
		return "", Errorf(ValueError, "Alternate form (#) not allowed in string format specifier")
	}
	if sp.grouping != 0 {
		return "", Errorf(ValueError, "Cannot specify '%c' with 's'.", sp.grouping)
	}
	if sp.align == '=' {
		return "", Errorf(ValueError, "'=' alignment not allowed in string format specifier")
	}
	if sp.prec >= 0 && RuneCount(s) > sp.prec {
		s = RunesString(Runes(s)[:sp.prec])
	}
	return pad("", s, sp, '<')
}

func init() {
	formatHook = func(t *Thread, v Value, spec string) (string, bool, error) {
		switch v.kind() {
		case KInt:
			if spec == "" {
				return strconv.FormatInt(int64(v.n), 10), true, nil
			}
			s, err := formatIntOrSmall(nil, int64(v.n), spec, "int", 0)
			return s, true, err
		case KBool:
			if spec == "" {
				s, _ := t.Repr(v)
				return s, true, nil
			}
			s, err := formatIntOrSmall(nil, int64(v.n), spec, "bool", 0)
			return s, true, err
		case KFloat:
			s, err := formatFloatSpec(v.AsFloat(), spec, "float")
			return s, true, err
		case KObj:
			switch o := v.o.(type) {
			case *BigIntObj:
				s, err := formatIntSpec(o.v, spec, "int", t.IntMaxStrDigits())
				return s, true, err
			case *StrObj:
				s, err := formatStrSpec(o.s, spec)
				return s, true, err
			case *Instance:
				if !o.Payload().IsUndef() {
					return formatHook(t, o.Payload(), spec)
				}
			}
		case KNone:
			if spec != "" {
				return "", true, Errorf(TypeError, "unsupported format string passed to NoneType.__format__")
			}
		}
		return "", false, nil
	}
}
