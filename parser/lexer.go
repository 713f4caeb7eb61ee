package parser

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// The lexer has two layers. The token layer (rawLexer's rules, run by the
// hand-written scanRaw in rawscan.go) cuts the source into raw tokens (names, numbers, strings, operators, spaces, comments,
// physical newlines); Lexer, a participle lexer.Definition of its own, wraps
// it and does what a regular lexer cannot: it measures indentation into
// INDENT/DEDENT tokens, turns physical newlines into logical NEWLINE tokens
// (none inside brackets, none for blank or comment-only lines), follows
// backslash continuations, and words every lexical error as CPython does.

// The raw token types, numbered as participle numbers the rules of
// rawLexer (rawscan_test.go holds the two equal); scanRaw cuts them.
const (
	tySpace lexer.TokenType = -2 - iota
	tyName
	tyNL
	tyNumber
	tyOp
	tyString
	tyOpenQuote
	tyComment
	tyContinuation
	tyBackslash
	tyChar
)

var rawSymbols = map[string]lexer.TokenType{
	"EOF": lexer.EOF, "Space": tySpace, "Name": tyName, "NL": tyNL, "Number": tyNumber, "Op": tyOp,
	"String": tyString, "OpenQuote": tyOpenQuote, "Comment": tyComment, "Continuation": tyContinuation,
	"Backslash": tyBackslash, "Char": tyChar,
}

// Token types the indentation layer adds to the raw ones.
const (
	IndentToken lexer.TokenType = -100 - iota
	DedentToken
	NewlineToken
)

// Lexer is asy's lexer as a participle lexer.Definition: the raw token types
// (Name, Number, String, Op) plus Indent, Dedent and Newline. A lexical error
// comes back from Next as a *SyntaxError.
var Lexer lexer.Definition = indentDefinition{}

type indentDefinition struct{}

func (indentDefinition) Symbols() map[string]lexer.TokenType {
	m := map[string]lexer.TokenType{"Indent": IndentToken, "Dedent": DedentToken, "Newline": NewlineToken}
	for k, v := range rawSymbols {
		m[k] = v
	}
	return m
}

func (d indentDefinition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexString(filename, string(b))
}

func (indentDefinition) LexString(filename, src string) (lexer.Lexer, error) {
	il := &indentLexer{src: src, file: filename, indents: []int{0}, atLineStart: true}
	il.lineStarts = []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			il.lineStarts = append(il.lineStarts, i+1)
		}
	}
	return il, nil
}

// indentLexer is the indentation layer over the raw tokens.
type indentLexer struct {
	// Raw tokens are cut one physical line at a time
	// (src[chunkStart:chunkEnd], up to rawOff so far), as the rules see
	// one line; a string that spans lines is cut against the rest of the
	// source.
	inChunk              bool
	rawOff               int
	chunkStart, chunkEnd int
	src, file            string
	lineStarts           []int // byte offset where each line begins
	indents              []int
	brackets             []lexer.Token
	atLineStart          bool
	emitted              int             // tokens handed out so far
	last                 lexer.TokenType // type of the last token handed out
	ahead                []lexer.Token   // raw tokens read but not yet used
	out                  []lexer.Token   // tokens ready to hand out
	finished             bool
	err                  *SyntaxError
	warnings             []Warning
}

// Next hands out the next token, or the first lexical error.
func (il *indentLexer) Next() (lexer.Token, error) {
	for len(il.out) == 0 && il.err == nil && !il.finished {
		il.step()
	}
	if il.err != nil {
		return lexer.Token{}, il.err
	}
	if len(il.out) == 0 {
		return lexer.EOFToken(il.posOf(len(il.src))), nil
	}
	t := il.out[0]
	if len(il.out) == 1 {
		il.out = il.out[:0] // reuse the buffer: step refills it
	} else {
		il.out = il.out[1:]
	}
	il.emitted++
	il.last = t.Type
	return t, nil
}

func (il *indentLexer) posOf(off int) lexer.Position {
	line := sort.Search(len(il.lineStarts), func(i int) bool { return il.lineStarts[i] > off })
	return lexer.Position{Filename: il.file, Offset: off, Line: line, Column: off - il.lineStarts[line-1] + 1}
}

// col is the 1-based byte column of a raw token.
func (il *indentLexer) col(t lexer.Token) int { return il.posOf(t.Pos.Offset).Column }

func (il *indentLexer) rawNext() lexer.Token {
	if n := len(il.ahead); n > 0 {
		t := il.ahead[n-1]
		il.ahead = il.ahead[:n-1]
		return t
	}
	for {
		if !il.inChunk {
			from := il.chunkEnd
			if from >= len(il.src) {
				return lexer.EOFToken(il.posOf(len(il.src)))
			}
			end := len(il.src)
			if nl := strings.IndexByte(il.src[from:], '\n'); nl >= 0 {
				end = from + nl + 1
			}
			il.chunkStart, il.chunkEnd, il.rawOff, il.inChunk = from, end, from, true
		}
		if il.rawOff >= il.chunkEnd {
			il.inChunk = false
			continue
		}
		off := il.rawOff
		ty, n := scanRaw(il.src[off:il.chunkEnd])
		il.rawOff += n
		// An empty '' or "" right before a third quote opens a triple-quoted
		// string (the String rule matched the empty string first).
		emptyBeforeQuote := ty == tyString && n == 2 && il.src[off] == il.src[off+1] &&
			off+2 < len(il.src) && il.src[off+2] == il.src[off]
		if ty == tyOpenQuote || emptyBeforeQuote {
			// Not closed on its line: a triple-quoted string, or one
			// continued with a backslash. Lex it against the rest of the
			// source, then go on after it.
			ty, n = scanRaw(il.src[off:])
			il.inChunk, il.chunkEnd = false, off+n
		}
		return lexer.Token{Type: ty, Value: il.src[off : off+n], Pos: il.posOf(off)}
	}
}

func (il *indentLexer) unread(t lexer.Token) { il.ahead = append(il.ahead, t) }

func (il *indentLexer) emit(ty lexer.TokenType, val string, off int) {
	il.out = append(il.out, lexer.Token{Type: ty, Value: val, Pos: il.posOf(off)})
}

func (il *indentLexer) fail(line, col int, kind, msg string) {
	if il.err == nil {
		il.err = &SyntaxError{Kind: kind, Msg: msg, Filename: il.file, Line: line, Col: col, Text: lineText(il.src, line)}
	}
}

func lineText(src string, n int) string {
	lines := strings.Split(src, "\n")
	if n >= 1 && n <= len(lines) {
		return strings.TrimRight(lines[n-1], "\r")
	}
	return ""
}

// step turns the next raw token (or, at the start of a line, the line's
// indentation) into zero or more tokens.
func (il *indentLexer) step() {
	if il.atLineStart && len(il.brackets) == 0 {
		if !il.indentation() {
			il.finish()
			return
		}
		if il.err != nil {
			return
		}
	}
	t := il.rawNext()
	switch t.Type {
	case lexer.EOF:
		il.finish()
	case tySpace, tyComment:
	case tyContinuation:
		if t.Pos.Offset+len(t.Value) >= len(il.src) {
			il.fail(t.Pos.Line, 1, "SyntaxError", "unexpected EOF while parsing")
		}
	case tyBackslash:
		il.fail(t.Pos.Line, il.col(t)+1, "SyntaxError", "unexpected character after line continuation character")
	case tyNL:
		if len(il.brackets) == 0 {
			il.emit(NewlineToken, "", t.Pos.Offset)
			il.atLineStart = true
		}
	case tyName:
		if isStringPrefix(t.Value) {
			// A prefix touching a quote: rb'…', f"…".
			if n := il.rawNext(); (n.Type == tyString || n.Type == tyOpenQuote) && n.Pos.Offset == t.Pos.Offset+len(t.Value) {
				n.Value, n.Pos = t.Value+n.Value, t.Pos
				il.str(n)
				return
			} else {
				il.unread(n)
			}
		}
		il.emit(t.Type, t.Value, t.Pos.Offset)
	case tyString, tyOpenQuote:
		il.str(t)
	case tyNumber:
		end, bad := scanNumber(il.src, t.Pos.Offset)
		if bad != nil && bad.warning {
			il.warnings = append(il.warnings, Warning{Line: t.Pos.Line, Msg: bad.msg})
			bad = nil
		}
		if bad == nil && end != t.Pos.Offset+len(t.Value) {
			// Not expected: the Number rule and CPython's reading disagree.
			bad = &badNumber{from: end - 1, msg: "invalid decimal literal"}
		}
		if bad != nil {
			ls := il.lineStarts[t.Pos.Line-1]
			il.fail(t.Pos.Line, bad.from-ls+1, "SyntaxError", bad.msg)
			if bad.to > 0 {
				il.err.EndCol = bad.to - ls + 1
			}
			return
		}
		il.emit(t.Type, t.Value, t.Pos.Offset)
	case tyOp:
		il.op(t)
	default: // tyChar
		r := []rune(t.Value)[0]
		if r >= 0x80 {
			il.fail(t.Pos.Line, il.col(t), "SyntaxError", "invalid character '"+t.Value+"' (U+"+strings.ToUpper(hex4(r))+")")
		} else if r < 0x20 || r == 0x7f {
			il.fail(t.Pos.Line, il.col(t), "SyntaxError", "invalid non-printable character U+"+strings.ToUpper(hex4(r)))
		} else {
			il.fail(t.Pos.Line, il.col(t), "SyntaxError", "invalid syntax")
		}
	}
}

// str emits a string literal (prefix included) or reports it unterminated.
func (il *indentLexer) str(t lexer.Token) {
	if t.Type == tyOpenQuote {
		il.unterminated(t, strings.HasSuffix(t.Value, `'''`) || strings.HasSuffix(t.Value, `"""`))
		return
	}
	// An empty '' or "" right before a third quote is the opening of a
	// triple-quoted string the String rule could not close.
	end := t.Pos.Offset + len(t.Value)
	if q := t.Value[len(t.Value)-1]; end < len(il.src) && il.src[end] == q && strings.TrimLeft(t.Value, "rRbBuUfF") == string([]byte{q, q}) {
		il.unterminated(t, true)
		return
	}
	il.emit(tyString, t.Value, t.Pos.Offset)
}

// unterminated reports a string literal that starts at t and never ends.
func (il *indentLexer) unterminated(t lexer.Token, triple bool) {
	if triple {
		// CPython counts the lines up to the last one with text on it.
		last := t.Pos.Line + strings.Count(strings.TrimSuffix(il.src[t.Pos.Offset:], "\n"), "\n")
		il.fail(t.Pos.Line, il.col(t), "SyntaxError", "unterminated triple-quoted string literal (detected at line "+itoa(last)+")")
	} else {
		il.fail(t.Pos.Line, il.col(t), "SyntaxError", "unterminated string literal (detected at line "+itoa(t.Pos.Line)+")")
	}
}

var closerOf = map[string]string{"(": ")", "[": "]", "{": "}"}

// CPython's tokenizer limits (MAXLEVEL, MAXINDENT): deeper source is an
// error rather than a deep parse.
const (
	maxBracketDepth = 200
	maxIndentDepth  = 100
)

// op emits an operator, keeping the bracket stack that decides whether a
// newline ends a logical line.
func (il *indentLexer) op(t lexer.Token) {
	line, col := t.Pos.Line, il.col(t)
	switch t.Value {
	case "(", "[", "{":
		if len(il.brackets) >= maxBracketDepth {
			il.fail(line, col, "SyntaxError", "too many nested parentheses")
			return
		}
		il.brackets = append(il.brackets, t)
	case ")", "]", "}":
		if len(il.brackets) == 0 {
			il.fail(line, col, "SyntaxError", "unmatched '"+t.Value+"'")
			return
		}
		open := il.brackets[len(il.brackets)-1]
		if closerOf[open.Value] != t.Value {
			msg := "closing parenthesis '" + t.Value + "' does not match opening parenthesis '" + open.Value + "'"
			if open.Pos.Line != line {
				msg += " on line " + itoa(open.Pos.Line)
			}
			il.fail(line, col, "SyntaxError", msg)
			return
		}
		il.brackets = il.brackets[:len(il.brackets)-1]
	case "!":
		il.fail(line, col, "SyntaxError", "invalid syntax")
		return
	}
	il.emit(tyOp, t.Value, t.Pos.Offset)
}

// indentation measures a new logical line, skipping blank and comment-only
// lines, and emits INDENT or DEDENTs. It returns false at the end of input.
func (il *indentLexer) indentation() bool {
	for {
		t := il.rawNext()
		width, lineOff := 0, t.Pos.Offset
		var space lexer.Token
		if t.Type == tySpace {
			space = t
			for _, c := range t.Value {
				switch c {
				case ' ':
					width++
				case '\t':
					width = (width/8 + 1) * 8
				case '\f':
					width = 0
				}
			}
			t = il.rawNext()
		}
		switch t.Type {
		case lexer.EOF:
			return false
		case tyComment:
			if nl := il.rawNext(); nl.Type == lexer.EOF {
				return false
			}
			continue // the comment's newline
		case tyNL:
			continue
		case tyContinuation:
			il.unread(t)
			il.atLineStart = false
			return true
		}
		il.unread(t)
		il.atLineStart = false
		cur := il.indents[len(il.indents)-1]
		line, col := t.Pos.Line, il.col(t)
		switch {
		case width > cur:
			if il.emitted+len(il.out) == 0 {
				il.fail(line, col, "IndentationError", "unexpected indent")
				il.err.NoCaret = true
				return true
			}
			if len(il.indents) >= maxIndentDepth {
				il.fail(line, 1, "IndentationError", "too many levels of indentation")
				return true
			}
			il.indents = append(il.indents, width)
			il.emit(IndentToken, space.Value, lineOff)
		case width < cur:
			for len(il.indents) > 1 && il.indents[len(il.indents)-1] > width {
				il.indents = il.indents[:len(il.indents)-1]
				il.emit(DedentToken, "", t.Pos.Offset)
			}
			if il.indents[len(il.indents)-1] != width {
				text := strings.TrimRight(lineText(il.src, line), " \t")
				il.fail(line, len(text)+1, "IndentationError", "unindent does not match any outer indentation level")
			}
		}
		return true
	}
}

// finish reports an unclosed bracket, or closes the last logical line and
// every open block.
func (il *indentLexer) finish() {
	il.finished = true
	if n := len(il.brackets); n > 0 {
		b := il.brackets[n-1]
		il.fail(b.Pos.Line, il.col(b), "SyntaxError", "'"+b.Value+"' was never closed")
		return
	}
	end := len(il.src)
	last := il.last
	if n := len(il.out); n > 0 {
		last = il.out[n-1].Type
	}
	if il.emitted+len(il.out) > 0 && last != NewlineToken && last != DedentToken && last != IndentToken {
		il.emit(NewlineToken, "", end)
	}
	for len(il.indents) > 1 {
		il.indents = il.indents[:len(il.indents)-1]
		il.emit(DedentToken, "", end)
	}
	il.emit(lexer.EOF, "", end)
}

// tokKind classifies the tokens the parser reads.
type tokKind uint8

const (
	tEOF tokKind = iota
	tName
	tNumber
	tString // any string literal, including f-strings (prefix kept in val)
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

var kindOf = map[lexer.TokenType]tokKind{
	lexer.EOF: tEOF, tyName: tName, tyNumber: tNumber, tyString: tString, tyOp: tOp,
	NewlineToken: tNewline, IndentToken: tIndent, DedentToken: tDedent,
}

// tokenize lexes a whole file for the parser.
func tokenize(file, src string) ([]token, []Warning, *SyntaxError) {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	if err := checkUTF8(file, src); err != nil {
		return nil, nil, err
	}
	lx, err := indentDefinition{}.LexString(file, src)
	if err != nil {
		return nil, nil, &SyntaxError{Kind: "SyntaxError", Msg: err.Error(), Filename: file, Line: 1, Col: 1}
	}
	il := lx.(*indentLexer)
	toks := make([]token, 0, len(src)/6+16) // about one token per 4–8 bytes of real code
	for {
		t, err := il.Next()
		if err != nil {
			return nil, nil, err.(*SyntaxError)
		}
		val := t.Value
		if t.Type == IndentToken {
			val = ""
		}
		end := il.posOf(t.Pos.Offset + len(t.Value))
		toks = append(toks, token{kind: kindOf[t.Type], val: val,
			pos: Pos{Line: t.Pos.Line, Col: t.Pos.Column}, end: Pos{Line: end.Line, Col: end.Column}})
		if t.Type == lexer.EOF {
			return toks, il.warnings, nil
		}
	}
}

// checkUTF8 refuses source that is not UTF-8, as CPython does (asy supports
// no coding cookies).
func checkUTF8(file, src string) *SyntaxError {
	if utf8.ValidString(src) {
		return nil
	}
	line := 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && size == 1 {
			return &SyntaxError{Kind: "SyntaxError", Filename: file, NoCaret: true,
				Msg: fmt.Sprintf("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; see https://peps.python.org/pep-0263/ for details", src[i], file, line)}
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return nil
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

// isIdentStart reports an ASCII identifier start (the character that makes
// 1abc an invalid decimal literal).
func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
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
