package parser

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies tokens.
type tokKind uint8

const (
	tEOF tokKind = iota
	tName
	tNumber
	tString // any string literal, including f-strings (prefix kept in raw)
	tOp
	tNewline
	tIndent
	tDedent
)

type token struct {
	kind tokKind
	val  string // identifier, operator, or the raw literal text
	pos  Pos
	end  Pos
}

// lexer turns source into tokens, tracking indentation: inside brackets
// newlines are ignored; blank and comment-only lines are skipped; a change of
// indentation emits INDENT or DEDENTs.
type lexer struct {
	src         string
	file        string
	i           int
	line        int
	lineStart   int
	indents     []int
	depth       int // bracket nesting
	brackets    []token
	pending     []token
	atLineStart bool
	toks        []token
	err         *SyntaxError
}

func (lx *lexer) fail(line, col int, kind, msg string) {
	if lx.err == nil {
		lx.err = &SyntaxError{Kind: kind, Msg: msg, Filename: lx.file, Line: line, Col: col, Text: lx.lineText(line)}
	}
}

func (lx *lexer) lineText(n int) string {
	lines := strings.Split(lx.src, "\n")
	if n >= 1 && n <= len(lines) {
		return strings.TrimRight(lines[n-1], "\r")
	}
	return ""
}

func (lx *lexer) pos() Pos { return Pos{Line: lx.line, Col: lx.i - lx.lineStart + 1} }

func (lx *lexer) emit(k tokKind, v string, p Pos) {
	lx.toks = append(lx.toks, token{kind: k, val: v, pos: p, end: lx.pos()})
}

// tokenize lexes the whole file.
func tokenize(file, src string) ([]token, *SyntaxError) {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	if !utf8.ValidString(src) {
		// CPython refuses source that is not UTF-8 (we support no coding cookies).
		line := 1
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && size == 1 {
				return nil, &SyntaxError{Kind: "SyntaxError", Filename: file, NoCaret: true,
					Msg: fmt.Sprintf("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; see https://peps.python.org/pep-0263/ for details", src[i], file, line)}
			}
			if r == '\n' {
				line++
			}
			i += size
		}
	}
	lx := &lexer{src: src, file: file, line: 1, indents: []int{0}, atLineStart: true}
	lx.run()
	if lx.err != nil {
		return nil, lx.err
	}
	return lx.toks, nil
}

func (lx *lexer) run() {
	for lx.err == nil {
		if lx.atLineStart && lx.depth == 0 {
			if !lx.indentation() {
				break
			}
			if lx.err != nil {
				return
			}
		}
		if lx.i >= len(lx.src) {
			break
		}
		c := lx.src[lx.i]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			lx.i++
		case c == '#':
			for lx.i < len(lx.src) && lx.src[lx.i] != '\n' {
				lx.i++
			}
		case c == '\\':
			if lx.i+1 < len(lx.src) && lx.src[lx.i+1] == '\n' {
				lx.i += 2
				lx.line++
				lx.lineStart = lx.i
				if lx.i >= len(lx.src) {
					lx.fail(lx.line-1, 1, "SyntaxError", "unexpected EOF while parsing")
				}
			} else {
				p := lx.pos()
				lx.fail(p.Line, p.Col+1, "SyntaxError", "unexpected character after line continuation character")
			}
		case c == '\n':
			if lx.depth == 0 {
				lx.emit(tNewline, "", lx.pos())
				lx.atLineStart = true
			}
			lx.i++
			lx.line++
			lx.lineStart = lx.i
		case isIdentStart(c):
			lx.nameOrString()
		case c >= '0' && c <= '9' || c == '.' && lx.i+1 < len(lx.src) && isDigit(lx.src[lx.i+1]):
			lx.number()
		case c == '"' || c == '\'':
			lx.str(lx.i)
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(lx.src[lx.i:])
			if unicode.IsLetter(r) || r == '_' {
				lx.nameOrString()
			} else {
				p := lx.pos()
				lx.fail(p.Line, p.Col, "SyntaxError", "invalid character '"+string(r)+"' (U+"+strings.ToUpper(hex4(r))+")")
				lx.i += size
			}
		default:
			lx.op()
		}
	}
	if lx.err != nil {
		return
	}
	if lx.depth > 0 {
		b := lx.brackets[len(lx.brackets)-1]
		lx.fail(b.pos.Line, b.pos.Col, "SyntaxError", "'"+b.val+"' was never closed")
		return
	}
	p := lx.pos()
	if n := len(lx.toks); n > 0 && lx.toks[n-1].kind != tNewline && lx.toks[n-1].kind != tDedent && lx.toks[n-1].kind != tIndent {
		lx.emit(tNewline, "", p)
	}
	for len(lx.indents) > 1 {
		lx.indents = lx.indents[:len(lx.indents)-1]
		lx.emit(tDedent, "", p)
	}
	lx.emit(tEOF, "", p)
}

func hex4(r rune) string {
	const digits = "0123456789abcdef"
	s := ""
	for i := 0; i < 4 || r > 0; i++ {
		s = string(digits[r&15]) + s
		r >>= 4
	}
	return s
}

// indentation measures a new logical line; blank/comment lines are skipped.
// It returns false at EOF.
func (lx *lexer) indentation() bool {
	for {
		width := 0
		j := lx.i
		for j < len(lx.src) {
			switch lx.src[j] {
			case ' ':
				width++
			case '\t':
				width = (width/8 + 1) * 8
			case '\f':
				width = 0
			default:
				goto done
			}
			j++
		}
	done:
		if j >= len(lx.src) {
			lx.i = j
			return false
		}
		c := lx.src[j]
		if c == '\n' || c == '#' {
			// blank or comment-only line
			for j < len(lx.src) && lx.src[j] != '\n' {
				j++
			}
			if j >= len(lx.src) {
				lx.i = j
				return false
			}
			lx.i = j + 1
			lx.line++
			lx.lineStart = lx.i
			continue
		}
		if c == '\\' && j+1 < len(lx.src) && lx.src[j+1] == '\n' {
			lx.i = j
			lx.atLineStart = false
			return true
		}
		lx.i = j
		lx.atLineStart = false
		cur := lx.indents[len(lx.indents)-1]
		p := lx.pos()
		switch {
		case width > cur:
			if len(lx.toks) == 0 || lx.toks[len(lx.toks)-1].kind != tNewline {
				lx.fail(p.Line, p.Col, "IndentationError", "unexpected indent")
				lx.err.NoCaret = true
				return true
			}
			lx.indents = append(lx.indents, width)
			lx.emit(tIndent, "", Pos{Line: p.Line, Col: 1})
		case width < cur:
			for len(lx.indents) > 1 && lx.indents[len(lx.indents)-1] > width {
				lx.indents = lx.indents[:len(lx.indents)-1]
				lx.emit(tDedent, "", p)
			}
			if lx.indents[len(lx.indents)-1] != width {
				text := strings.TrimRight(lx.lineText(p.Line), " \t")
				lx.fail(p.Line, len(text)+1, "IndentationError", "unindent does not match any outer indentation level")
			}
		}
		return true
	}
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (lx *lexer) nameOrString() {
	start := lx.i
	p := lx.pos()
	for lx.i < len(lx.src) {
		c := lx.src[lx.i]
		if c < 0x80 {
			if !isIdentChar(c) {
				break
			}
			lx.i++
			continue
		}
		r, size := utf8.DecodeRuneInString(lx.src[lx.i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)) {
			break
		}
		lx.i += size
	}
	word := lx.src[start:lx.i]
	if lx.i < len(lx.src) && (lx.src[lx.i] == '"' || lx.src[lx.i] == '\'') && isStringPrefix(word) {
		lx.str(start)
		return
	}
	lx.emit(tName, word, p)
}

func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

// str lexes a string literal starting at start (the prefix, if any) with the
// quote at lx.i. The token's value is the raw source text of the literal.
func (lx *lexer) str(start int) {
	p := Pos{Line: lx.line, Col: start - lx.lineStart + 1}
	q := lx.src[lx.i]
	triple := strings.HasPrefix(lx.src[lx.i:], string([]byte{q, q, q}))
	startLine := lx.line
	if triple {
		lx.i += 3
	} else {
		lx.i++
	}
	for {
		if lx.i >= len(lx.src) {
			if triple {
				lx.fail(startLine, p.Col, "SyntaxError", "unterminated triple-quoted string literal (detected at line "+itoa(lx.line)+")")
			} else {
				lx.fail(startLine, p.Col, "SyntaxError", "unterminated string literal (detected at line "+itoa(startLine)+")")
			}
			return
		}
		c := lx.src[lx.i]
		if c == '\\' {
			if lx.i+1 < len(lx.src) && lx.src[lx.i+1] == '\n' {
				lx.line++
				lx.lineStart = lx.i + 2
			}
			lx.i += 2
			continue
		}
		if c == '\n' {
			if !triple {
				lx.fail(startLine, p.Col, "SyntaxError", "unterminated string literal (detected at line "+itoa(startLine)+")")
				return
			}
			lx.line++
			lx.lineStart = lx.i + 1
			lx.i++
			continue
		}
		if c == q {
			if !triple {
				lx.i++
				break
			}
			if strings.HasPrefix(lx.src[lx.i:], string([]byte{q, q, q})) {
				lx.i += 3
				break
			}
		}
		lx.i++
	}
	lx.toks = append(lx.toks, token{kind: tString, val: lx.src[start:lx.i], pos: p, end: lx.pos()})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	if neg {
		s = "-" + s
	}
	return s
}

func (lx *lexer) number() {
	start := lx.i
	p := lx.pos()
	s := lx.src
	isHexDigit := func(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
	if s[lx.i] == '0' && lx.i+1 < len(s) && strings.ContainsRune("xXoObB", rune(s[lx.i+1])) {
		lx.i += 2
		for lx.i < len(s) && (isHexDigit(s[lx.i]) || s[lx.i] == '_') {
			lx.i++
		}
	} else {
		for lx.i < len(s) && (isDigit(s[lx.i]) || s[lx.i] == '_') {
			lx.i++
		}
		if lx.i < len(s) && s[lx.i] == '.' {
			lx.i++
			for lx.i < len(s) && (isDigit(s[lx.i]) || s[lx.i] == '_') {
				lx.i++
			}
		}
		if lx.i < len(s) && (s[lx.i] == 'e' || s[lx.i] == 'E') {
			j := lx.i + 1
			if j < len(s) && (s[j] == '+' || s[j] == '-') {
				j++
			}
			if j < len(s) && isDigit(s[j]) {
				lx.i = j
				for lx.i < len(s) && (isDigit(s[lx.i]) || s[lx.i] == '_') {
					lx.i++
				}
			}
		}
		if lx.i < len(s) && (s[lx.i] == 'j' || s[lx.i] == 'J') {
			lx.i++
		}
	}
	if lx.i < len(s) && (isIdentStart(s[lx.i])) {
		lx.fail(p.Line, p.Col+(lx.i-start), "SyntaxError", "invalid decimal literal")
		return
	}
	lx.emit(tNumber, s[start:lx.i], p)
}

var threeCharOps = []string{"**=", "//=", ">>=", "<<=", "...", "!="}
var twoCharOps = []string{"**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":="}

func (lx *lexer) op() {
	p := lx.pos()
	rest := lx.src[lx.i:]
	for _, o := range threeCharOps {
		if strings.HasPrefix(rest, o) && len(o) == 3 {
			lx.i += 3
			lx.emit(tOp, o, p)
			return
		}
	}
	for _, o := range twoCharOps {
		if strings.HasPrefix(rest, o) {
			lx.i += 2
			lx.emit(tOp, o, p)
			return
		}
	}
	c := rest[0]
	if !strings.ContainsRune("+-*/%@&|^~<>()[]{},:;.=!", rune(c)) {
		lx.fail(p.Line, p.Col, "SyntaxError", "invalid syntax")
		lx.i++
		return
	}
	lx.i++
	v := string(c)
	switch c {
	case '(', '[', '{':
		lx.depth++
		lx.brackets = append(lx.brackets, token{val: v, pos: p})
	case ')', ']', '}':
		if lx.depth == 0 {
			lx.fail(p.Line, p.Col, "SyntaxError", "unmatched '"+v+"'")
			return
		}
		open := lx.brackets[len(lx.brackets)-1]
		want := map[string]string{"(": ")", "[": "]", "{": "}"}[open.val]
		if want != v {
			msg := "closing parenthesis '" + v + "' does not match opening parenthesis '" + open.val + "'"
			if open.pos.Line != p.Line {
				msg += " on line " + itoa(open.pos.Line)
			}
			lx.fail(p.Line, p.Col, "SyntaxError", msg)
			return
		}
		lx.depth--
		lx.brackets = lx.brackets[:len(lx.brackets)-1]
	case '!':
		lx.fail(p.Line, p.Col, "SyntaxError", "invalid syntax")
		return
	}
	lx.emit(tOp, v, p)
}
