package stdlib

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Character classes of the translator: [...] sets, \d \s \w and their
// negations, as sorted code-point ranges spelled out for the engines.

// category returns the code-point set of \d \s \w or their negations.
func (ps *reParser) category(c rune, flags int) reRanges {
	ascii := ps.asciiRules(flags)
	var set reRanges
	switch c {
	case 'd', 'D':
		if ascii {
			set = reRanges{{'0', '9'}}
		} else {
			set = reUniDigit
		}
	case 's', 'S':
		if ascii {
			set = reRanges{{'\t', '\r'}, {' ', ' '}}
		} else {
			set = reUniSpace
		}
	case 'w', 'W':
		if ascii {
			set = reRanges{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
		} else {
			set = reUniWord
		}
	}
	if c == 'D' || c == 'S' || c == 'W' {
		return set.complement()
	}
	return set
}

// class parses [...] (ps.i is just after '[').
func (ps *reParser) class(flags int, start int) (string, error) {
	negate := false
	if ps.peek() == '^' {
		negate = true
		ps.i++
	}
	first := ps.i
	var set reRanges
	for {
		if ps.i >= len(ps.p) {
			return "", &reSyntaxError{"unterminated character set", start}
		}
		itemStart := ps.i
		c := ps.p[ps.i]
		ps.i++
		if c == ']' && itemStart != first {
			break
		}
		var lo rune
		isChar := true
		var cat reRanges
		if c == '\\' {
			if ps.i >= len(ps.p) {
				return "", &reSyntaxError{"bad escape (end of pattern)", itemStart}
			}
			e := ps.p[ps.i]
			ps.i++
			switch {
			case strings.ContainsRune("dDsSwW", e):
				isChar = false
				cat = ps.category(e, flags)
			case e >= '1' && e <= '7':
				v := e - '0'
				for k := 0; k < 2 && ps.i < len(ps.p) && ps.p[ps.i] >= '0' && ps.p[ps.i] <= '7'; k++ {
					v = v*8 + ps.p[ps.i] - '0'
					ps.i++
				}
				if v > 0o377 {
					return "", &reSyntaxError{fmt.Sprintf("octal escape value \\%s outside of range 0-0o377", string(ps.p[itemStart+1:ps.i])), itemStart}
				}
				lo = v
			default:
				r, err := ps.charEscape(e, itemStart, true)
				if err != nil {
					return "", err
				}
				lo = r
			}
		} else {
			lo = c
		}
		// A range "a-z" (a '-' just before ']' is literal).
		if ps.peek() == '-' && ps.i+1 < len(ps.p) && ps.p[ps.i+1] != ']' {
			ps.i++
			hiStart := ps.i
			h := ps.p[ps.i]
			ps.i++
			var hi rune
			hiIsChar := true
			if h == '\\' {
				if ps.i >= len(ps.p) {
					return "", &reSyntaxError{"bad escape (end of pattern)", hiStart}
				}
				e := ps.p[ps.i]
				ps.i++
				if strings.ContainsRune("dDsSwW", e) {
					hiIsChar = false
				} else if e >= '1' && e <= '7' {
					v := e - '0'
					for k := 0; k < 2 && ps.i < len(ps.p) && ps.p[ps.i] >= '0' && ps.p[ps.i] <= '7'; k++ {
						v = v*8 + ps.p[ps.i] - '0'
						ps.i++
					}
					hi = v
				} else {
					r, err := ps.charEscape(e, hiStart, true)
					if err != nil {
						return "", err
					}
					hi = r
				}
			} else {
				hi = h
			}
			if !isChar || !hiIsChar || hi < lo {
				return "", &reSyntaxError{fmt.Sprintf("bad character range %s-%s", string(ps.p[itemStart:hiStart-1]), string(ps.p[hiStart:ps.i])), itemStart}
			}
			set = append(set, [2]rune{lo, hi})
			continue
		}
		if ps.peek() == '-' && ps.i+1 >= len(ps.p) {
			return "", &reSyntaxError{"unterminated character set", start}
		}
		if isChar {
			set = append(set, [2]rune{lo, lo})
		} else {
			set = append(set, cat...)
		}
	}
	return ps.emitClass(set.normalize(), negate, flags), nil
}

// emitClass spells a code-point set as a Go class.
func (ps *reParser) emitClass(set reRanges, negate bool, flags int) string {
	fold := flags&reIGNORECASE != 0
	if fold && ps.asciiRules(flags) {
		set = set.asciiFold()
		fold = false
	}
	var b strings.Builder
	if fold {
		b.WriteString("(?i:")
	}
	if len(set) == 0 {
		if negate {
			b.WriteString(`(?s:.)`)
		} else {
			b.WriteString(`[^\x00-\x{10ffff}]`)
		}
	} else {
		b.WriteByte('[')
		if negate {
			b.WriteByte('^')
		}
		for _, r := range set {
			b.WriteString(reLit(r[0]))
			if r[1] != r[0] {
				b.WriteByte('-')
				b.WriteString(reLit(r[1]))
			}
		}
		b.WriteByte(']')
	}
	if fold {
		b.WriteByte(')')
	}
	return b.String()
}

// reRanges is a set of code points as sorted inclusive ranges.
type reRanges [][2]rune

func (r reRanges) normalize() reRanges {
	if len(r) == 0 {
		return r
	}
	s := append(reRanges(nil), r...)
	sort.Slice(s, func(i, j int) bool { return s[i][0] < s[j][0] })
	out := reRanges{s[0]}
	for _, x := range s[1:] {
		last := &out[len(out)-1]
		if x[0] <= last[1]+1 {
			if x[1] > last[1] {
				last[1] = x[1]
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

func (r reRanges) complement() reRanges {
	r = r.normalize()
	var out reRanges
	next := rune(0)
	for _, x := range r {
		if x[0] > next {
			out = append(out, [2]rune{next, x[0] - 1})
		}
		next = x[1] + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, [2]rune{next, unicode.MaxRune})
	}
	return out
}

// asciiFold adds the other case of every ASCII letter in the set.
func (r reRanges) asciiFold() reRanges {
	out := append(reRanges(nil), r...)
	for _, x := range r {
		for _, span := range [][3]rune{{'a', 'z', -32}, {'A', 'Z', 32}} {
			lo, hi := max(x[0], span[0]), min(x[1], span[1])
			if lo <= hi {
				out = append(out, [2]rune{lo + span[2], hi + span[2]})
			}
		}
	}
	return out.normalize()
}

func reTableRanges(tabs ...*unicode.RangeTable) reRanges {
	var out reRanges
	for _, t := range tabs {
		for _, r := range t.R16 {
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				if r.Stride == 1 {
					out = append(out, [2]rune{rune(r.Lo), rune(r.Hi)})
					break
				}
				out = append(out, [2]rune{c, c})
			}
		}
		for _, r := range t.R32 {
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				if r.Stride == 1 {
					out = append(out, [2]rune{rune(r.Lo), rune(r.Hi)})
					break
				}
				out = append(out, [2]rune{c, c})
			}
		}
	}
	return out.normalize()
}

// Python 3's Unicode classes for str patterns: \d is category Nd, \w is
// str.isalnum() or '_' (categories L* and N*), \s is str.isspace().
var (
	reUniDigit = reTableRanges(unicode.Nd)
	reUniWord  = append(reTableRanges(unicode.L, unicode.N), [2]rune{'_', '_'}).normalize()
	reUniSpace = reRanges{{'\t', '\r'}, {0x1c, 0x20}, {0x85, 0x85}, {0xa0, 0xa0}, {0x1680, 0x1680},
		{0x2000, 0x200a}, {0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x205f}, {0x3000, 0x3000}}
)

// reIsUniWord reports whether c is a word character under Unicode rules.
func reIsUniWord(c rune) bool {
	return c == '_' || unicode.IsLetter(c) || unicode.IsNumber(c)
}
