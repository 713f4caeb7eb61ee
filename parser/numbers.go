package parser

import "fmt"

// scanNumber checks the numeric literal starting at src[start] the way
// CPython's tokenizer reads it, so that a malformed literal gets CPython's
// message and caret. It returns where the literal ends, or the error with
// the caret (or caret range) CPython prints.
func scanNumber(src string, start int) (end int, bad *badNumber) {
	i := start
	at := func(j int) byte {
		if j < len(src) {
			return src[j]
		}
		return 0
	}
	isDec := func(c byte) bool { return c >= '0' && c <= '9' }
	// decimalTail reads digits with single underscores between them.
	decimalTail := func() bool {
		for {
			for isDec(at(i)) {
				i++
			}
			if at(i) != '_' {
				return true
			}
			i++
			if !isDec(at(i)) {
				return false
			}
		}
	}
	// CPython's caret goes under the character before its read position.
	fail := func(m string) (int, *badNumber) { return i, &badNumber{from: i - 1, msg: m} }
	// endOf accepts the literal unless an identifier character touches it;
	// before the keywords that may follow a number CPython only warns.
	endOf := func(kind string) (int, *badNumber) {
		c := at(i)
		keyword := false
		switch c {
		case 'a':
			keyword = hasAt(src, i+1, "nd")
		case 'e':
			keyword = hasAt(src, i+1, "lse")
		case 'f':
			keyword = hasAt(src, i+1, "or")
		case 'i':
			c2 := at(i + 1)
			keyword = c2 == 'f' || c2 == 'n' || c2 == 's'
		case 'o':
			keyword = hasAt(src, i+1, "r")
		case 'n':
			keyword = hasAt(src, i+1, "ot")
		}
		if keyword {
			return i, &badNumber{warning: true, msg: "invalid " + kind + " literal"}
		}
		if isIdentStart(c) || isDec(c) || c >= 0x80 {
			return fail("invalid " + kind + " literal")
		}
		return i, nil
	}
	// radix reads 0x/0o/0b digits.
	radix := func(kind string, ok func(byte) bool) (int, *badNumber) {
		i += 2
		for {
			if at(i) == '_' {
				i++
			}
			if !ok(at(i)) {
				if kind != "hexadecimal" && isDec(at(i)) {
					i++
					return fail(fmt.Sprintf("invalid digit '%c' in %s literal", src[i-1], kind))
				}
				return fail("invalid " + kind + " literal")
			}
			for ok(at(i)) {
				i++
			}
			if at(i) != '_' {
				break
			}
		}
		if kind != "hexadecimal" && isDec(at(i)) {
			i++
			return fail(fmt.Sprintf("invalid digit '%c' in %s literal", src[i-1], kind))
		}
		return endOf(kind)
	}
	// exponentAndImaginary reads what may follow the integer and fraction.
	exponentAndImaginary := func() (int, *badNumber) {
		if c := at(i); c == 'e' || c == 'E' {
			e := i
			i++
			if c := at(i); c == '+' || c == '-' {
				i++
				if !isDec(at(i)) {
					return fail("invalid decimal literal")
				}
			} else if !isDec(at(i)) {
				// "1else": the e belongs to what follows, if anything may.
				i = e
				return endOf("decimal")
			}
			if !decimalTail() {
				return fail("invalid decimal literal")
			}
		}
		if c := at(i); c == 'j' || c == 'J' {
			i++
			return endOf("imaginary")
		}
		return endOf("decimal")
	}
	fraction := func() (int, *badNumber) {
		// i is just past the '.'.
		if isDec(at(i)) && !decimalTail() {
			return fail("invalid decimal literal")
		}
		return exponentAndImaginary()
	}

	if at(i) == '.' {
		i++
		return fraction()
	}
	if at(i) == '0' {
		switch at(i + 1) {
		case 'x', 'X':
			return radix("hexadecimal", func(c byte) bool { return isDec(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' })
		case 'o', 'O':
			return radix("octal", func(c byte) bool { return c >= '0' && c <= '7' })
		case 'b', 'B':
			return radix("binary", func(c byte) bool { return c == '0' || c == '1' })
		}
		i++
		for {
			if at(i) == '_' {
				i++
				if !isDec(at(i)) {
					return fail("invalid decimal literal")
				}
			}
			if at(i) != '0' {
				break
			}
			i++
		}
		nonzero, firstNonzero := false, i
		if isDec(at(i)) {
			nonzero = true
			if !decimalTail() {
				return fail("invalid decimal literal")
			}
		}
		switch c := at(i); {
		case c == '.':
			i++
			return fraction()
		case c == 'e' || c == 'E' || c == 'j' || c == 'J':
			return exponentAndImaginary()
		case nonzero:
			// Old-style octal: the carets run from the literal's start
			// up to the first non-zero digit.
			return i, &badNumber{from: start, to: firstNonzero, msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"}
		}
		return endOf("decimal")
	}
	if !decimalTail() {
		return fail("invalid decimal literal")
	}
	if at(i) == '.' {
		i++
		return fraction()
	}
	return exponentAndImaginary()
}

// badNumber is a malformed literal: the caret goes under src[from]; a
// non-zero to ends a range of carets (exclusive). A warning is a literal
// CPython accepts with a SyntaxWarning.
type badNumber struct {
	from, to int
	msg      string
	warning  bool
}

func hasAt(s string, i int, word string) bool {
	return i+len(word) <= len(s) && s[i:i+len(word)] == word
}
