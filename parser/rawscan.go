package parser

import (
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// scanRaw is the token layer written out by hand: it cuts the raw token
// that starts s and returns its type and byte length, exactly as rawLexer's
// rules would (first rule that matches wins; rawscan_test.go checks the two
// agree on every script in testdata and under fuzzing). participle's rule
// lexer runs Go regexps and made lexing about half of the cost of a small
// New+Exec; this is one pass over the bytes. s must not be empty.
func scanRaw(s string) (lexer.TokenType, int) {
	c := s[0]
	switch {
	case c == ' ' || c == '\t' || c == '\f':
		i := 1
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f') {
			i++
		}
		return tySpace, i
	case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		return tyName, scanNameRest(s, 1)
	case c >= utf8.RuneSelf:
		r, n := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) {
			return tyName, scanNameRest(s, n)
		}
		return tyChar, n
	case c == '\n':
		return tyNL, 1
	case '0' <= c && c <= '9':
		return tyNumber, scanNumberRule(s)
	case c == '.' && len(s) > 1 && '0' <= s[1] && s[1] <= '9':
		return tyNumber, scanNumberRule(s)
	case c == '\'' || c == '"':
		if n := scanString(s); n > 0 {
			return tyString, n
		}
		if len(s) >= 3 && s[1] == c && s[2] == c {
			return tyOpenQuote, 3
		}
		return tyOpenQuote, 1
	case c == '#':
		i := 1
		for i < len(s) && s[i] != '\n' {
			i++
		}
		return tyComment, i
	case c == '\\':
		if len(s) > 1 && s[1] == '\n' {
			return tyContinuation, 2
		}
		return tyBackslash, 1
	}
	if n := scanOp(s); n > 0 {
		return tyOp, n
	}
	_, n := utf8.DecodeRuneInString(s)
	return tyChar, n
}

// scanNameRest continues a name from byte i: letters, digits (Nd), marks
// (Mn, Mc) and underscores.
func scanNameRest(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Nd, r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r) {
			return i
		}
		i += n
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHexOrUnderscore(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' || c == '_'
}

// scanNumberRule follows the Number rule: a 0x/0o/0b prefix and hex digits, or
// digits with an optional fraction, exponent and j suffix.
func scanNumberRule(s string) int {
	if len(s) >= 2 && s[0] == '0' {
		switch s[1] {
		case 'x', 'X', 'o', 'O', 'b', 'B':
			i := 2
			for i < len(s) && isHexOrUnderscore(s[i]) {
				i++
			}
			return i
		}
	}
	digitsOrUnderscore := func(i int) int {
		for i < len(s) && (isDigit(s[i]) || s[i] == '_') {
			i++
		}
		return i
	}
	var i int
	if s[0] == '.' {
		i = digitsOrUnderscore(2) // the caller saw a digit after the dot
	} else {
		i = digitsOrUnderscore(1)
		if i < len(s) && s[i] == '.' {
			i = digitsOrUnderscore(i + 1)
		}
	}
	// An exponent counts only when a digit follows e, e+ or e-.
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			i = digitsOrUnderscore(j + 1)
		}
	}
	if i < len(s) && (s[i] == 'j' || s[i] == 'J') {
		i++
	}
	return i
}

// scanString follows the String rule and returns the length of the string
// literal starting s, or 0 when the rule does not match. A triple-quoted
// string ends at the first unescaped triple quote; a one-quote string may
// not hold a raw newline. When a triple-quoted string is not closed, the
// rule's next alternative matches the empty string of its first two quotes.
// (The regexp's lazy (\\.|.)*? could also end a triple-quoted string at a
// quote a backslash escapes; Python does not, and neither does this.)
func scanString(s string) int {
	q := s[0]
	if len(s) >= 3 && s[1] == q && s[2] == q {
		for i := 3; i < len(s); {
			switch {
			case s[i] == '\\' && i+1 < len(s):
				i += 2
			case s[i] == q && i+2 < len(s) && s[i+1] == q && s[i+2] == q:
				return i + 3
			default:
				i++
			}
		}
		return 2 // '' then a third quote: the wrapper reopens it
	}
	for i := 1; i < len(s); {
		switch s[i] {
		case '\\':
			if i+1 >= len(s) {
				return 0
			}
			i += 2
		case q:
			return i + 1
		case '\n':
			return 0
		default:
			i++
		}
	}
	return 0
}

// scanOp matches the Op rule: the longest operator starting s, 0 if none.
func scanOp(s string) int {
	if len(s) >= 3 {
		switch s[:3] {
		case "**=", "//=", ">>=", "<<=", "...":
			return 3
		}
	}
	if len(s) >= 2 {
		switch s[:2] {
		case "!=", "**", "//", ">>", "<<", "<=", ">=", "==", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=":
			return 2
		}
	}
	switch s[0] {
	case '-', '+', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']', '{', '}', ',', ':', ';', '.', '=', '!':
		return 1
	}
	return 0
}
