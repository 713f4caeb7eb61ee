package parser

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseNumber converts a numeric literal; the lexer has already checked its
// form (scanNumber), so only the conversion is left.
func (ps *parser) parseNumber(t token) any {
	s := strings.ReplaceAll(t.val, "_", "")
	low := strings.ToLower(s)
	if strings.HasSuffix(low, "j") {
		f, err := strconv.ParseFloat(low[:len(low)-1], 64)
		if err != nil {
			ps.failAt(t.pos, "SyntaxError", "invalid imaginary literal")
		}
		return complex(0, f)
	}
	base := 10
	digits := low
	switch {
	case strings.HasPrefix(low, "0x"):
		base, digits = 16, low[2:]
	case strings.HasPrefix(low, "0o"):
		base, digits = 8, low[2:]
	case strings.HasPrefix(low, "0b"):
		base, digits = 2, low[2:]
	}
	if base == 10 && strings.ContainsAny(low, ".e") {
		f, err := strconv.ParseFloat(low, 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
				ps.failAt(t.pos, "SyntaxError", "invalid decimal literal")
			}
		}
		return f
	}
	if v, err := strconv.ParseInt(digits, base, 64); err == nil {
		return v
	}
	if base == 10 && ps.maxDigits > 0 && len(digits) > ps.maxDigits {
		ps.failRange(t.pos, t.pos.Col+len(t.val), fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", ps.maxDigits, len(digits)))
	}
	b, ok := new(big.Int).SetString(digits, base)
	if !ok {
		ps.failAt(t.pos, "SyntaxError", "invalid "+map[int]string{10: "decimal", 16: "hexadecimal", 8: "octal", 2: "binary"}[base]+" literal")
	}
	return b
}

// strings parses one or more adjacent string literals and concatenates them.
func (ps *parser) strings() Expr {
	first := ps.peek()
	var parts []Expr
	var buf strings.Builder
	isBytes := -1
	isF := false
	var bbuf []byte
	flush := func(p Pos) {
		if buf.Len() > 0 {
			parts = append(parts, &Const{P: p, Value: buf.String()})
			buf.Reset()
		}
	}
	for ps.peek().kind == tString {
		t := ps.next()
		prefix, body, raw := splitLiteral(t.val)
		lp := strings.ToLower(prefix)
		b := strings.Contains(lp, "b")
		if isBytes >= 0 && (isBytes == 1) != b {
			ps.failAt(first.pos, "SyntaxError", "cannot mix bytes and nonbytes literals")
		}
		if b {
			isBytes = 1
			bbuf = append(bbuf, ps.decodeBytes(t, body, raw)...)
			continue
		}
		isBytes = 0
		if strings.Contains(lp, "f") {
			isF = true
			ps.fstringParts(t, body, raw, &parts, &buf)
			continue
		}
		buf.WriteString(ps.decodeStr(t, body, raw))
	}
	if isBytes == 1 {
		return &Const{P: first.pos, Value: bbuf}
	}
	if !isF {
		return &Const{P: first.pos, Value: buf.String()}
	}
	flush(first.pos)
	return &FString{P: first.pos, Parts: parts}
}

// splitLiteral splits a raw literal into prefix, body (without quotes) and rawness.
func splitLiteral(s string) (prefix, body string, raw bool) {
	i := 0
	for i < len(s) && s[i] != '\'' && s[i] != '"' {
		i++
	}
	prefix = s[:i]
	q := s[i:]
	if len(q) >= 6 && (strings.HasPrefix(q, `"""`) || strings.HasPrefix(q, `'''`)) {
		body = q[3 : len(q)-3]
	} else {
		body = q[1 : len(q)-1]
	}
	return prefix, body, strings.ContainsAny(prefix, "rR")
}

func (ps *parser) decodeStr(t token, body string, raw bool) string {
	if raw || !strings.Contains(body, "\\") {
		return body
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			b.WriteByte(c)
			continue
		}
		i++
		c = body[i]
		switch c {
		case '\n':
		case '\\':
			b.WriteByte('\\')
		case '\'':
			b.WriteByte('\'')
		case '"':
			b.WriteByte('"')
		case 'a':
			b.WriteByte(7)
		case 'b':
			b.WriteByte(8)
		case 'f':
			b.WriteByte(12)
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte(11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(body) && j < i+3 && body[j] >= '0' && body[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(body[i:j], 8, 32)
			b.WriteRune(rune(v))
			i = j - 1
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			digits := 0
			for digits < n && i+1+digits < len(body) && isHexDigit(body[i+1+digits]) {
				digits++
			}
			if digits < n {
				// CPython names the bytes from the backslash to the last
				// hex digit it could read.
				ps.failAt(t.pos, "SyntaxError", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated \\%c%s escape", i-1, i+digits, c, strings.Repeat("X", n)))
			}
			v, _ := strconv.ParseUint(body[i+1:i+1+n], 16, 32)
			if v > unicode.MaxRune {
				ps.failAt(t.pos, "SyntaxError", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character", i-1, i+n))
			}
			if v >= 0xD800 && v <= 0xDFFF {
				// A lone surrogate: kept as its 3-byte generalized UTF-8
				// sequence, which vm's str reads as one code point.
				b.WriteByte(0xED)
				b.WriteByte(byte(0x80 | (v>>6)&0x3F))
				b.WriteByte(byte(0x80 | v&0x3F))
			} else {
				b.WriteRune(rune(v))
			}
			i += n
		case 'N':
			// \N{NAME}: only a few common names are supported.
			end := strings.IndexByte(body[i:], '}')
			if end < 0 {
				ps.failAt(t.pos, "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape")
			}
			name := body[i+2 : i+end]
			if r, ok := unicodeNames[strings.ToUpper(name)]; ok {
				b.WriteRune(r)
			} else {
				ps.failAt(t.pos, "SyntaxError", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: unknown Unicode character name", i-1, i+end))
			}
			i += end
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String()
}

var unicodeNames = map[string]rune{
	"BULLET": '•', "EM DASH": '—', "EN DASH": '–', "HORIZONTAL ELLIPSIS": '…', "NO-BREAK SPACE": '\u00a0',
	"GREEK SMALL LETTER ALPHA": 'α', "GREEK SMALL LETTER PI": 'π', "SNOWMAN": '☃', "BLACK STAR": '★',
	"CHECK MARK": '✓', "DEGREE SIGN": '°', "EURO SIGN": '€', "COPYRIGHT SIGN": '©', "RIGHTWARDS ARROW": '→',
}

func (ps *parser) decodeBytes(t token, body string, raw bool) []byte {
	for _, r := range body {
		if r >= 0x80 {
			ps.failAt(t.pos, "SyntaxError", "bytes can only contain ASCII literal characters")
		}
	}
	if raw {
		return []byte(body)
	}
	var out []byte
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			out = append(out, c)
			continue
		}
		i++
		c = body[i]
		switch c {
		case '\n':
		case '\\', '\'', '"':
			out = append(out, c)
		case 'a':
			out = append(out, 7)
		case 'b':
			out = append(out, 8)
		case 'f':
			out = append(out, 12)
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'v':
			out = append(out, 11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(body) && j < i+3 && body[j] >= '0' && body[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(body[i:j], 8, 32)
			out = append(out, byte(v))
			i = j - 1
		case 'x':
			if i+2 >= len(body) || !isHexDigit(body[i+1]) || !isHexDigit(body[i+2]) {
				ps.failAt(t.pos, "SyntaxError", fmt.Sprintf("(value error) invalid \\x escape at position %d", i-1))
			}
			v, _ := strconv.ParseUint(body[i+1:i+3], 16, 8)
			out = append(out, byte(v))
			i += 2
		default:
			out = append(out, '\\', c)
		}
	}
	return out
}

// fstringParts splits an f-string body into literal and replacement-field
// parts, parsing each embedded expression with the expression parser.
func (ps *parser) fstringParts(t token, body string, raw bool, parts *[]Expr, buf *strings.Builder) {
	// Position of the body's first character in the source.
	prefixLen := 0
	for prefixLen < len(t.val) && t.val[prefixLen] != '\'' && t.val[prefixLen] != '"' {
		prefixLen++
	}
	quoteLen := 1
	if strings.HasPrefix(t.val[prefixLen:], `"""`) || strings.HasPrefix(t.val[prefixLen:], `'''`) {
		quoteLen = 3
	}
	bodyPos := Pos{Line: t.pos.Line, Col: t.pos.Col + prefixLen + quoteLen}
	ps.fstringBody(t, body, raw, bodyPos, parts, buf, 0)
}

func (ps *parser) fstringBody(t token, body string, raw bool, bodyPos Pos, parts *[]Expr, buf *strings.Builder, depth int) {
	lit := strings.Builder{}
	flushLit := func() {
		if lit.Len() > 0 {
			buf.WriteString(ps.decodeStr(t, lit.String(), raw))
			lit.Reset()
		}
	}
	i := 0
	for i < len(body) {
		c := body[i]
		if c == '{' {
			if i+1 < len(body) && body[i+1] == '{' {
				lit.WriteByte('{')
				i += 2
				continue
			}
			if depth >= 2 {
				ps.fstringError("f-string: expressions nested too deeply")
			}
			flushLit()
			if buf.Len() > 0 {
				*parts = append(*parts, &Const{P: t.pos, Value: buf.String()})
				buf.Reset()
			}
			end := ps.fieldEnd(t, body, i+1)
			ps.replacementField(t, body[i+1:end], raw, offsetPos(bodyPos, body, i+1), parts, depth)
			i = end + 1
			continue
		}
		if c == '}' {
			if i+1 < len(body) && body[i+1] == '}' {
				lit.WriteByte('}')
				i += 2
				continue
			}
			ps.fstringError("f-string: single '}' is not allowed")
		}
		if c == '\\' && !raw && i+1 < len(body) {
			lit.WriteByte(c)
			lit.WriteByte(body[i+1])
			i += 2
			continue
		}
		lit.WriteByte(c)
		i++
	}
	flushLit()
}

// offsetPos computes the source position of body[i].
func offsetPos(start Pos, body string, i int) Pos {
	p := start
	for j := 0; j < i && j < len(body); {
		r, size := utf8.DecodeRuneInString(body[j:])
		if r == '\n' {
			p.Line++
			p.Col = 1
		} else {
			p.Col++
		}
		j += size
	}
	return p
}

// fieldEnd finds the '}' closing a replacement field starting at i,
// skipping strings and checking brackets as CPython's f-string scanner does.
func (ps *parser) fieldEnd(t token, body string, i int) int {
	var open []byte
	for i < len(body) {
		c := body[i]
		switch c {
		case '\'', '"':
			q := c
			i++
			for i < len(body) && body[i] != q {
				i++
			}
			if i >= len(body) {
				ps.fstringError("f-string: unterminated string")
			}
		case '(', '[', '{':
			if len(open) >= 200 {
				ps.fstringError("f-string: too many nested parenthesis")
			}
			open = append(open, c)
		case ')', ']', '}':
			if c == '}' && len(open) == 0 {
				return i
			}
			if len(open) == 0 {
				ps.fstringError("f-string: unmatched '" + string(c) + "'")
			}
			o := open[len(open)-1]
			if o == '(' && c != ')' || o == '[' && c != ']' || o == '{' && c != '}' {
				ps.fstringError("f-string: closing parenthesis '" + string(c) + "' does not match opening parenthesis '" + string(o) + "'")
			}
			open = open[:len(open)-1]
		case '#':
			ps.fstringError("f-string expression part cannot include '#'")
		case '\\':
			ps.fstringError("f-string expression part cannot include a backslash")
		case '!', ':':
			if len(open) == 0 && !(c == '!' && i+1 < len(body) && body[i+1] == '=') {
				// The conversion or format spec: the expression is over.
				return ps.specEnd(body, i)
			}
		}
		i++
	}
	if len(open) > 0 {
		ps.fstringError("f-string: unmatched '" + string(open[len(open)-1]) + "'")
	}
	ps.fstringError("f-string: expecting '}'")
	return 0
}

// specEnd finds the '}' closing a field whose expression ended at i (a
// '!' or ':'); a format spec may hold nested fields.
func (ps *parser) specEnd(body string, i int) int {
	depth := 0
	for ; i < len(body); i++ {
		switch body[i] {
		case '{':
			depth++
		case '}':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	ps.fstringError("f-string: expecting '}'")
	return 0
}

// fstringError reports a mistake CPython's f-string scanner finds. It has
// no position of its own there: the caret goes under the token after the
// string literals.
func (ps *parser) fstringError(msg string) {
	j := ps.p
	for j < len(ps.toks)-1 && ps.toks[j].kind == tString {
		j++
	}
	t := ps.toks[j]
	if t.kind != tNewline && t.kind != tEOF && t.end.Line == t.pos.Line && t.end.Col > t.pos.Col {
		ps.failRange(t.pos, t.end.Col, msg)
	}
	ps.failAt(t.pos, "SyntaxError", msg)
}

// replacementField parses `expr[=][!conv][:spec]`.
func (ps *parser) replacementField(t token, field string, raw bool, pos Pos, parts *[]Expr, depth int) {
	// Split off the format spec and conversion at the top level.
	exprEnd := len(field)
	bdepth := 0
	for i := 0; i < len(field); i++ {
		c := field[i]
		switch c {
		case '\'', '"':
			q := c
			i++
			for i < len(field) && field[i] != q {
				i++
			}
		case '(', '[', '{':
			bdepth++
		case ')', ']', '}':
			bdepth--
		case '!':
			if bdepth == 0 && (i+1 >= len(field) || field[i+1] != '=') {
				exprEnd = i
				i = len(field)
			}
		case ':':
			if bdepth == 0 {
				exprEnd = i
				i = len(field)
			}
		}
	}
	exprText := field[:exprEnd]
	rest := field[exprEnd:]
	selfDoc := false
	trimmed := strings.TrimRight(exprText, " ")
	if strings.HasSuffix(trimmed, "=") && !strings.HasSuffix(trimmed, "==") && !strings.HasSuffix(trimmed, "!=") &&
		!strings.HasSuffix(trimmed, "<=") && !strings.HasSuffix(trimmed, ">=") {
		selfDoc = true
		exprText = trimmed[:len(trimmed)-1]
	}
	if strings.TrimSpace(exprText) == "" {
		ps.fstringError("f-string: empty expression not allowed")
	}
	e := ps.subExpr(t, exprText, pos)
	fv := &FormattedValue{P: pos, Value: e}
	if strings.HasPrefix(rest, "!") {
		if len(rest) < 2 {
			ps.fstringError("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
		switch rest[1] {
		case 's', 'r', 'a':
			fv.Conv = rune(rest[1])
		default:
			ps.fstringError("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
		rest = rest[2:]
	}
	if strings.HasPrefix(rest, ":") {
		spec := rest[1:]
		var specParts []Expr
		var sbuf strings.Builder
		ps.fstringBody(t, spec, raw, pos, &specParts, &sbuf, depth+1)
		if sbuf.Len() > 0 {
			specParts = append(specParts, &Const{P: pos, Value: sbuf.String()})
		}
		fv.Spec = &FString{P: pos, Parts: specParts}
	} else if rest != "" {
		ps.fstringError("f-string: expecting '}'")
	}
	if selfDoc {
		*parts = append(*parts, &Const{P: pos, Value: field[:exprEnd]})
		if fv.Conv == 0 && fv.Spec == nil {
			fv.Conv = 'r'
		}
	}
	*parts = append(*parts, fv)
}

// subExpr parses an expression embedded in an f-string.
func (ps *parser) subExpr(t token, text string, pos Pos) Expr {
	src := "(" + text + ")"
	toks, _, lerr := tokenize(ps.file, src)
	if lerr != nil {
		lerr.Line = t.pos.Line
		lerr.Text = ps.lineText(t.pos.Line)
		ps.err = lerr
		panic(bailout{})
	}
	// Shift positions into the enclosing source.
	shifted := append([]token(nil), toks...)
	for i := range shifted {
		shiftPos(&shifted[i].pos, pos)
		shiftPos(&shifted[i].end, pos)
	}
	sub := &parser{file: ps.file, src: ps.src, toks: shifted}
	e, err := sub.parseFieldExpr()
	if err != nil {
		// CPython shows a syntax error inside the expression against the
		// parenthesized text it parsed, on the line where it starts: parse
		// again with positions in that text for the message.
		plain := &parser{file: ps.file, src: src, toks: toks}
		if _, perr := plain.parseFieldExpr(); perr != nil {
			perr.Line += pos.Line - 1
			err = perr
		}
		if !strings.HasPrefix(err.Msg, "f-string: ") {
			err.Msg = "f-string: " + err.Msg
		}
		ps.err = err
		panic(bailout{})
	}
	return e
}

// shiftPos moves a position in "(" + expression + ")" to the source,
// where the expression starts at pos.
func shiftPos(p *Pos, pos Pos) {
	if p.Line == 1 {
		p.Col += pos.Col - 2
	}
	p.Line += pos.Line - 1
}

// parseFieldExpr parses the whole token list as one expression.
func (ps *parser) parseFieldExpr() (e Expr, err *SyntaxError) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			e, err = nil, ps.err
		}
	}()
	e = ps.testlistStarExpr()
	for ps.peek().kind == tNewline {
		ps.next()
	}
	if ps.peek().kind != tEOF {
		ps.syntaxError("invalid syntax")
	}
	return e, nil
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
