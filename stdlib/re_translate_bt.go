package stdlib

import (
	"errors"
	"fmt"
	"strconv"
)

// The constructs only the backtracking engine runs: backreferences,
// look-ahead and look-behind, conditionals, atomic groups (possessive
// quantifiers are in quantifier), and the Unicode word boundary, which RE2
// spells ASCII-only. In the RE2 pass each of them returns errReNeedBT,
// after the checks CPython makes at that point of its parse.

// errReNeedBT aborts the RE2 pass: the pattern needs the backtracking engine.
var errReNeedBT = errors.New("the pattern needs the backtracking engine")

// backref emits a reference to group g (its text again). The position of
// the error CPython gives for a reference into the look-behind being parsed
// is just after the reference.
func (ps *reParser) backref(g, flags int) (reItem, bool, error) {
	if ps.lbStart >= 0 && g > ps.lbStart {
		return reItem{}, false, &reSyntaxError{"cannot refer to group defined in the same lookbehind subpattern", ps.i}
	}
	if !ps.bt {
		return reItem{}, false, errReNeedBT
	}
	src := `\k<` + strconv.Itoa(g) + `>`
	if flags&reIGNORECASE != 0 {
		src = "(?i:" + src + ")"
	}
	w := ps.gwidth[g]
	return reItem{src: src, lo: w[0], hi: w[1]}, false, nil
}

// lookaround parses the body of (?=...), (?!...), (?<=...) or (?<!...);
// open is the opening as written. A look-behind must have a fixed width;
// CPython finds out only when compiling, after the whole parse, so the
// error waits (ps.lbWidthErr).
func (ps *reParser) lookaround(flags, start int, open string, behind bool) (reItem, bool, error) {
	if !ps.bt {
		return reItem{}, false, errReNeedBT
	}
	saved := ps.lbStart
	if behind && saved < 0 {
		ps.lbStart = ps.groups
	}
	body, err := ps.alternation(flags, false)
	ps.lbStart = saved
	if err != nil {
		return reItem{}, false, err
	}
	if ps.peek() != ')' {
		return reItem{}, false, &reSyntaxError{"missing ), unterminated subpattern", start}
	}
	ps.i++
	if behind && body.lo != body.hi {
		ps.lbWidthErr = true
	}
	return reItem{src: open + body.src + ")", caps: body.caps}, false, nil
}

// conditional parses (?(group)yes|no) after "(?(".
func (ps *reParser) conditional(flags, start int) (reItem, bool, error) {
	nameStart := ps.i
	for ps.i < len(ps.p) && ps.p[ps.i] != ')' {
		ps.i++
	}
	if ps.i >= len(ps.p) {
		if ps.i == nameStart {
			return reItem{}, false, &reSyntaxError{"missing group name", nameStart}
		}
		return reItem{}, false, &reSyntaxError{"missing ), unterminated name", nameStart}
	}
	name := string(ps.p[nameStart:ps.i])
	ps.i++
	if name == "" {
		return reItem{}, false, &reSyntaxError{"missing group name", nameStart}
	}
	var g int
	if reIsIdentifier(name) {
		idx, ok := ps.names[name]
		if !ok {
			return reItem{}, false, &reSyntaxError{fmt.Sprintf("unknown group name '%s'", name), nameStart}
		}
		g = idx
	} else {
		n, err := strconv.Atoi(name)
		if err != nil || !reAllDigits(name) {
			return reItem{}, false, &reSyntaxError{fmt.Sprintf("bad character in group name '%s'", name), nameStart}
		}
		if n == 0 {
			return reItem{}, false, &reSyntaxError{"bad group number", nameStart}
		}
		if n >= 1<<30 {
			return reItem{}, false, &reSyntaxError{fmt.Sprintf("invalid group reference %d", n), nameStart + 1}
		}
		g = n
		// A later group may be named; CPython checks once the parse is over.
		if _, seen := ps.condRefs[g]; !seen {
			ps.condRefs[g] = nameStart
		}
	}
	if ps.lbStart >= 0 && g > ps.lbStart {
		return reItem{}, false, &reSyntaxError{"cannot refer to group defined in the same lookbehind subpattern", ps.i}
	}
	if !ps.bt {
		return reItem{}, false, errReNeedBT
	}
	yes, err := ps.sequence(flags)
	if err != nil {
		return reItem{}, false, err
	}
	var no reItem
	if ps.peek() == '|' {
		ps.i++
		if no, err = ps.sequence(flags); err != nil {
			return reItem{}, false, err
		}
		if ps.peek() == '|' {
			return reItem{}, false, &reSyntaxError{"conditional backref with more than two branches", ps.i}
		}
	}
	if ps.peek() != ')' {
		return reItem{}, false, &reSyntaxError{"missing ), unterminated subpattern", start}
	}
	ps.i++
	src := "(?(" + strconv.Itoa(g) + ")" + yes.src + "|" + no.src + ")"
	return reItem{src: src, lo: min(yes.lo, no.lo), hi: max(yes.hi, no.hi), caps: yes.caps || no.caps}, false, nil
}

func reAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// checkCondRefs reports a conditional on a group the pattern never defines.
func (ps *reParser) checkCondRefs() error {
	first, pos := -1, 0
	for g, p := range ps.condRefs {
		if g > ps.groups && (first < 0 || p < pos) {
			first, pos = g, p
		}
	}
	if first >= 0 {
		return &reSyntaxError{fmt.Sprintf("invalid group reference %d", first), pos}
	}
	return nil
}

// wordBoundary spells \b or \B with look-around on Python's word class
// (Unicode for str patterns, ASCII for bytes and re.ASCII). \B never
// matches in an empty string, as in CPython.
func (ps *reParser) wordBoundary(negate bool, flags int) string {
	w := ps.emitClass(ps.category('w', flags), false, flags&^reIGNORECASE)
	if !negate {
		return `(?:(?<=` + w + `)(?!` + w + `)|(?<!` + w + `)(?=` + w + `))`
	}
	return `(?:(?<=` + w + `)(?=` + w + `)|(?<!` + w + `)(?!` + w + `)(?:(?<=(?s:.))|(?=(?s:.))))`
}
