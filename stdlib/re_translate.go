package stdlib

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/asylang/asy/vm"
)

// Translation of Python's regular-expression syntax to Go's RE2 syntax.
//
// The translator is a small recursive-descent parser over the pattern's code
// points (bytes patterns are read as Latin-1, one code point per byte, and
// matched against subjects decoded the same way). Everything it emits is
// spelled explicitly — classes as code-point ranges, '.' and '^' in the form
// the active flags call for — so Go's own flag handling only matters for case
// folding. Python's error messages and positions (in code points) are
// reproduced for the mistakes both engines reject.
//
// Two targets share the parser: RE2 (Go's regexp, linear time) and BT, the
// syntax of the backtracking engine (regexp2, .NET dialect) that the
// rebacktrack extension supplies. A pattern is translated for RE2 first; a
// construct RE2 cannot run (backreferences, lookaround, conditionals, atomic
// groups, possessive quantifiers, counts above 1000) aborts that pass with
// errReNeedBT and the pattern is translated again for BT
// (re_translate_bt.go). The BT output is RE2-style syntax that regexp2 also
// reads (\x{...}, (?i:...), (?s:.), \A, \z) plus its own constructs; every
// group is emitted unnamed so that numbering is Python's.

// Python's flag values.
const (
	reTEMPLATE   = 1
	reIGNORECASE = 2
	reLOCALE     = 4
	reMULTILINE  = 8
	reDOTALL     = 16
	reUNICODE    = 32
	reVERBOSE    = 64
	reDEBUG      = 128
	reASCII      = 256
)

// reSyntaxError is a pattern error at a code-point position.
type reSyntaxError struct {
	msg string
	pos int
}

func (e *reSyntaxError) Error() string { return fmt.Sprintf("%s at position %d", e.msg, e.pos) }

// reDollarMark stands for a '$' outside MULTILINE mode in the translation;
// it is replaced by \z, or by (?m:$) for subjects ending in their only
// newline (raw NUL never appears otherwise: literals are escaped).
const reDollarMark = "\x00"

// reTranslation is the result of translating one pattern.
type reTranslation struct {
	goSrc     string // with reDollarMark still in place
	hasDollar bool   // the pattern has a '$' outside MULTILINE mode
	uniWordB  bool   // \b or \B under Unicode rules (RE2's are ASCII-only)
	needBT    bool   // only the backtracking engine can run it (goSrc is BT syntax)
	// \B, which never matches in an empty text in CPython (RE2's does)
	nonBoundary bool
	// a repeat that can match empty around a capturing group: RE2 leaves the
	// group with the last non-empty iteration, CPython with the final empty
	// one, so the backtracking engine runs it when there is one
	preferBT  bool
	ambiguous bool // has '|' or a lazy quantifier: an empty best match may hide a non-empty one
	groups    int
	names     map[string]int
	parent    []int // parent[i]: the group enclosing group i (0: none); parent[0] unused
	flags     int   // the pattern's flags, inline global flags included
}

type reParser struct {
	p       []rune
	i       int
	isBytes bool
	flags   int // global flags
	groups  int
	names   map[string]int
	parent  []int
	open    []int // groups being parsed, innermost last
	closed  map[int]bool
	tr      *reTranslation
	// charNames resolves \N{NAME} escapes (nil: every name is undefined).
	charNames map[string]rune

	bt       bool           // emitting for the backtracking engine
	gwidth   map[int][2]int // width of each closed group, for look-behind checks
	lbStart  int            // groups opened before the innermost look-behind (-1: none)
	condRefs map[int]int    // conditional references to check at the end: group -> position
	// a look-behind of varying width, reported after the parse as CPython does
	lbWidthErr bool
}

// reRefuse makes the error for a construct RE2 cannot run.
// asy's re runs on RE2, which has no backtracking.
func reRefuse(what string, pos int) error {
	return &reSyntaxError{msg: "asy's re does not support " + what, pos: pos}
}

// reTranslate translates for RE2 when it can run the pattern, else for the
// backtracking engine (needBT).
func reTranslate(pat []rune, flags int, isBytes bool) (*reTranslation, error) {
	return reTranslateNamed(pat, flags, isBytes, nil)
}

// reTranslateNamed is reTranslate knowing the code points of the \N{NAME}
// escapes in the pattern (charNames: looked up by the caller in the
// unicodedata extension; a name missing from it is undefined).
func reTranslateNamed(pat []rune, flags int, isBytes bool, charNames map[string]rune) (*reTranslation, error) {
	tr, err := reTranslateForNamed(pat, flags, isBytes, false, charNames)
	if err == errReNeedBT {
		tr, err = reTranslateForNamed(pat, flags, isBytes, true, charNames)
		if tr != nil {
			tr.needBT = true
		}
	}
	return tr, err
}

func reTranslateFor(pat []rune, flags int, isBytes, bt bool) (*reTranslation, error) {
	return reTranslateForNamed(pat, flags, isBytes, bt, nil)
}

func reTranslateForNamed(pat []rune, flags int, isBytes, bt bool, charNames map[string]rune) (*reTranslation, error) {
	if err := reCheckTypeFlags(flags, isBytes); err != nil {
		return nil, err
	}
	tr := &reTranslation{names: map[string]int{}, parent: []int{0}}
	ps := &reParser{p: pat, isBytes: isBytes, flags: flags, names: tr.names, parent: []int{0}, closed: map[int]bool{}, tr: tr,
		bt: bt, gwidth: map[int][2]int{}, lbStart: -1, condRefs: map[int]int{}, charNames: charNames}
	// Global inline flags must lead the pattern (3.11 refuses them later);
	// they apply to the whole pattern, so read them before parsing.
	if err := ps.leadingFlags(); err != nil {
		return nil, err
	}
	ps.i = 0
	out, err := ps.alternation(ps.flags, true)
	if err != nil {
		return nil, err
	}
	if ps.i < len(ps.p) {
		// alternation stops only at ')' at top level.
		return nil, &reSyntaxError{"unbalanced parenthesis", ps.i}
	}
	if err := ps.checkCondRefs(); err != nil {
		return nil, err
	}
	if ps.lbWidthErr {
		return nil, &reSyntaxError{"look-behind requires fixed-width pattern", -1}
	}
	if err := reCheckTypeFlags(ps.flags, isBytes); err != nil {
		return nil, err
	}
	tr.goSrc = out.src
	tr.groups = ps.groups
	tr.parent = ps.parent
	f := ps.flags
	if !isBytes && f&reASCII == 0 {
		f |= reUNICODE
	}
	tr.flags = f
	return tr, nil
}

// reCheckTypeFlags is CPython's fix_flags: the ValueErrors for flags that
// do not fit the pattern's type or each other.
func reCheckTypeFlags(flags int, isBytes bool) error {
	if isBytes {
		if flags&reUNICODE != 0 {
			return &reValueError{"cannot use UNICODE flag with a bytes pattern"}
		}
		if flags&reLOCALE != 0 && flags&reASCII != 0 {
			return &reValueError{"ASCII and LOCALE flags are incompatible"}
		}
		return nil
	}
	if flags&reLOCALE != 0 {
		return &reValueError{"cannot use LOCALE flag with a str pattern"}
	}
	if flags&reASCII != 0 && flags&reUNICODE != 0 {
		return &reValueError{"ASCII and UNICODE flags are incompatible"}
	}
	return nil
}

// reValueError is a flags mistake (ValueError in CPython, not re.error).
type reValueError struct{ msg string }

func (e *reValueError) Error() string { return e.msg }

// leadingFlags scans for inline global flags "(?imsx)" and folds them into
// the global flags; the main parse then skips them.
func (ps *reParser) leadingFlags() error {
	for {
		ps.skipVerboseAt(ps.flags)
		if !ps.hasPrefix("(?") || ps.i+2 >= len(ps.p) || !strings.ContainsRune("aiLmsux", ps.p[ps.i+2]) {
			return nil
		}
		j := ps.i + 2
		add := 0
		for j < len(ps.p) && strings.ContainsRune("aiLmsux", ps.p[j]) {
			add |= reFlagOf(ps.p[j])
			j++
		}
		if j >= len(ps.p) || ps.p[j] != ')' {
			return nil // a scoped group "(?i:...)" or an error the parser reports
		}
		if err := ps.checkFlagMix(ps.flags|add, add, j); err != nil {
			return err
		}
		ps.flags |= add
		ps.i = j + 1
	}
}

func (ps *reParser) checkFlagMix(all, add, pos int) error {
	if ps.isBytes && add&reUNICODE != 0 {
		return &reSyntaxError{"bad inline flags: cannot use 'u' flag with a bytes pattern", pos}
	}
	if !ps.isBytes && add&reLOCALE != 0 {
		return &reSyntaxError{"bad inline flags: cannot use 'L' flag with a str pattern", pos}
	}
	// Only one group's own flags are checked here; a clash between groups
	// is the ValueError reported once the whole pattern is read.
	n := 0
	for _, f := range []int{reASCII, reLOCALE, reUNICODE} {
		if add&f != 0 {
			n++
		}
	}
	if n > 1 {
		return &reSyntaxError{"bad inline flags: flags 'a', 'u' and 'L' are incompatible", pos}
	}
	return nil
}

func reFlagOf(c rune) int {
	switch c {
	case 'a':
		return reASCII
	case 'i':
		return reIGNORECASE
	case 'L':
		return reLOCALE
	case 'm':
		return reMULTILINE
	case 's':
		return reDOTALL
	case 'u':
		return reUNICODE
	case 'x':
		return reVERBOSE
	}
	return 0
}

func (ps *reParser) hasPrefix(s string) bool {
	j := ps.i
	for _, c := range s {
		if j >= len(ps.p) || ps.p[j] != c {
			return false
		}
		j++
	}
	return true
}

func (ps *reParser) peek() rune {
	if ps.i < len(ps.p) {
		return ps.p[ps.i]
	}
	return -1
}

// skipVerboseAt skips whitespace and # comments when VERBOSE is on.
func (ps *reParser) skipVerboseAt(flags int) {
	if flags&reVERBOSE == 0 {
		return
	}
	for ps.i < len(ps.p) {
		c := ps.p[ps.i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			ps.i++
		} else if c == '#' {
			for ps.i < len(ps.p) && ps.p[ps.i] != '\n' {
				ps.i++
			}
		} else {
			return
		}
	}
}

// alternation parses branches separated by '|' up to ')' or the end; the
// item's width is the narrowest and widest branch's.
func (ps *reParser) alternation(flags int, top bool) (reItem, error) {
	var branches []string
	var out reItem
	for {
		s, err := ps.sequence(flags)
		if err != nil {
			return reItem{}, err
		}
		if len(branches) == 0 {
			out.lo, out.hi = s.lo, s.hi
		} else {
			out.lo, out.hi = min(out.lo, s.lo), max(out.hi, s.hi)
		}
		branches = append(branches, s.src)
		out.caps = out.caps || s.caps
		if ps.peek() == '|' {
			ps.i++
			ps.tr.ambiguous = true
			continue
		}
		out.src = strings.Join(branches, "|")
		return out, nil
	}
}

// item kinds, for Python's "nothing to repeat" / "multiple repeat" checks.
const (
	reItemNormal = iota
	reItemAnchor
	reItemRepeat
)

type reItem struct {
	src    string
	kind   int
	lo, hi int  // width in characters (hi capped at reWideMax), for look-behind
	caps   bool // holds a capturing group
}

// reWideMax stands for an unbounded width.
const reWideMax = 1 << 40

// reWidthMul and reWidthAdd saturate at reWideMax.
func reWidthMul(a, n int) int {
	if a == 0 || n == 0 {
		return 0
	}
	if a >= reWideMax/n {
		return reWideMax
	}
	return a * n
}

func reWidthAdd(a, b int) int { return min(a+b, reWideMax) }

func (ps *reParser) sequence(flags int) (reItem, error) {
	var items []reItem
	for {
		ps.skipVerboseAt(flags)
		if ps.i >= len(ps.p) {
			break
		}
		c := ps.p[ps.i]
		if c == '|' || c == ')' {
			break
		}
		start := ps.i
		if c == '*' || c == '+' || c == '?' || (c == '{' && ps.isRepeatBrace()) {
			if len(items) == 0 || items[len(items)-1].kind == reItemAnchor {
				return reItem{}, &reSyntaxError{"nothing to repeat", start}
			}
			if items[len(items)-1].kind == reItemRepeat {
				return reItem{}, &reSyntaxError{"multiple repeat", start}
			}
			q, err := ps.quantifier()
			if err != nil {
				return reItem{}, err
			}
			last := &items[len(items)-1]
			if last.caps && last.lo == 0 && (q.max < 0 || q.max > q.min) {
				ps.tr.preferBT = true
			}
			last.src = "(?:" + last.src + ")" + q.src
			if q.possessive {
				last.src = "(?>" + last.src + ")"
			}
			last.lo = reWidthMul(last.lo, q.min)
			if q.max < 0 {
				if last.hi > 0 {
					last.hi = reWideMax
				}
			} else {
				last.hi = reWidthMul(last.hi, q.max)
			}
			last.kind = reItemRepeat
			continue
		}
		it, skip, err := ps.atom(flags)
		if err != nil {
			return reItem{}, err
		}
		if !skip {
			items = append(items, it)
		}
	}
	var b strings.Builder
	var out reItem
	for _, it := range items {
		b.WriteString(it.src)
		out.lo = reWidthAdd(out.lo, it.lo)
		out.hi = reWidthAdd(out.hi, it.hi)
		out.caps = out.caps || it.caps
	}
	out.src = b.String()
	return out, nil
}

// isRepeatBrace reports whether the '{' at ps.i starts {m}, {m,}, {,n} or {m,n}.
func (ps *reParser) isRepeatBrace() bool {
	j := ps.i + 1
	if j < len(ps.p) && ps.p[j] == '}' {
		return false
	}
	for j < len(ps.p) && ps.p[j] >= '0' && ps.p[j] <= '9' {
		j++
	}
	if j < len(ps.p) && ps.p[j] == ',' {
		j++
		for j < len(ps.p) && ps.p[j] >= '0' && ps.p[j] <= '9' {
			j++
		}
	}
	return j < len(ps.p) && ps.p[j] == '}'
}

// reQuant is a parsed quantifier: its Go spelling and its counts (max -1:
// unbounded).
type reQuant struct {
	src        string
	min, max   int
	possessive bool
}

// quantifier reads * + ? or {m,n} and an optional lazy '?' or possessive '+'.
func (ps *reParser) quantifier() (reQuant, error) {
	c := ps.p[ps.i]
	var q string
	qmin, qmax := 0, -1
	if c == '{' {
		brace := ps.i
		ps.i++
		lo, hi := "", ""
		for ps.p[ps.i] >= '0' && ps.p[ps.i] <= '9' {
			lo += string(ps.p[ps.i])
			ps.i++
		}
		comma := false
		if ps.p[ps.i] == ',' {
			comma = true
			ps.i++
			for ps.p[ps.i] >= '0' && ps.p[ps.i] <= '9' {
				hi += string(ps.p[ps.i])
				ps.i++
			}
		} else {
			hi = lo
		}
		ps.i++ // '}'
		min, max := 0, -1
		if lo != "" {
			n, err := strconv.Atoi(lo)
			if err != nil || n >= 1<<32-1 {
				return reQuant{}, &reOverflow{"the repetition number is too large"}
			}
			min = n
		}
		if hi != "" {
			n, err := strconv.Atoi(hi)
			if err != nil || n >= 1<<32-1 {
				return reQuant{}, &reOverflow{"the repetition number is too large"}
			}
			max = n
			if max < min {
				return reQuant{}, &reSyntaxError{"min repeat greater than max repeat", brace + 1}
			}
		}
		if (min > 1000 || max > 1000) && !ps.bt {
			return reQuant{}, errReNeedBT // RE2 refuses counts above 1000
		}
		qmin, qmax = min, max
		switch {
		case !comma:
			q = fmt.Sprintf("{%d}", min)
		case max < 0:
			q = fmt.Sprintf("{%d,}", min)
		default:
			q = fmt.Sprintf("{%d,%d}", min, max)
		}
	} else {
		q = string(c)
		ps.i++
		switch c {
		case '+':
			qmin = 1
		case '?':
			qmax = 1
		}
	}
	out := reQuant{src: q, min: qmin, max: qmax}
	if ps.peek() == '?' {
		ps.i++
		out.src += "?"
		ps.tr.ambiguous = true
	} else if ps.peek() == '+' {
		if !ps.bt {
			return reQuant{}, errReNeedBT
		}
		ps.i++
		out.possessive = true
	}
	return out, nil
}

// reOverflow is CPython's OverflowError for huge repeat counts.
type reOverflow struct{ msg string }

func (e *reOverflow) Error() string { return e.msg }

// atom parses one item; skip is true for things that emit nothing (comments,
// leading global flags already applied).
func (ps *reParser) atom(flags int) (it reItem, skip bool, err error) {
	start := ps.i
	c := ps.p[ps.i]
	ps.i++
	switch c {
	case '.':
		if flags&reDOTALL != 0 {
			return reItem{src: `(?s:.)`, lo: 1, hi: 1}, false, nil
		}
		return reItem{src: `[^\n]`, lo: 1, hi: 1}, false, nil
	case '^':
		if flags&reMULTILINE != 0 {
			return reItem{src: `(?m:^)`, kind: reItemAnchor}, false, nil
		}
		return reItem{src: `\A`, kind: reItemAnchor}, false, nil
	case '$':
		if flags&reMULTILINE != 0 {
			return reItem{src: `(?m:$)`, kind: reItemAnchor}, false, nil
		}
		if ps.bt {
			return reItem{src: `(?=\n?\z)`, kind: reItemAnchor}, false, nil
		}
		ps.tr.hasDollar = true
		return reItem{src: reDollarMark, kind: reItemAnchor}, false, nil
	case '[':
		s, err := ps.class(flags, start)
		return reItem{src: s, lo: 1, hi: 1}, false, err
	case '(':
		return ps.group(flags, start)
	case '\\':
		return ps.escape(flags, start)
	}
	return reItem{src: ps.literal(c, flags), lo: 1, hi: 1}, false, nil
}

// literal emits one code point, case-folded as the flags say.
func (ps *reParser) literal(c rune, flags int) string {
	if flags&reIGNORECASE != 0 {
		if ps.asciiRules(flags) {
			// Python folds only ASCII letters here; Go's (?i) would fold
			// Latin-1 and beyond, so spell the pair out.
			if o := reASCIIOther(c); o != c {
				return "[" + reLit(c) + reLit(o) + "]"
			}
			return reLit(c)
		}
		if unicode.SimpleFold(c) != c {
			return "(?i:" + reLit(c) + ")"
		}
	}
	return reLit(c)
}

func (ps *reParser) asciiRules(flags int) bool { return ps.isBytes || flags&reASCII != 0 }

func reASCIIOther(c rune) rune {
	switch {
	case c >= 'a' && c <= 'z':
		return c - 32
	case c >= 'A' && c <= 'Z':
		return c + 32
	}
	return c
}

// reLit spells a code point for Go: letters and digits as themselves,
// everything else as \x{...} (safe inside and outside classes).
func reLit(c rune) string {
	if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
		return string(c)
	}
	return fmt.Sprintf(`\x{%x}`, c)
}

func (ps *reParser) group(flags int, start int) (reItem, bool, error) {
	capture, atomic := true, false
	name := ""
	inner := flags
	if ps.peek() == '?' {
		ps.i++
		if ps.i >= len(ps.p) {
			return reItem{}, false, &reSyntaxError{"unexpected end of pattern", ps.i}
		}
		c := ps.p[ps.i]
		ps.i++
		switch {
		case c == ':':
			capture = false
		case c == 'P':
			if ps.peek() == '<' {
				ps.i++
				n, err := ps.groupName('>', "missing >, unterminated name")
				if err != nil {
					return reItem{}, false, err
				}
				name = n
			} else if ps.peek() == '=' {
				ps.i++
				npos := ps.i
				n, err := ps.groupName(')', "missing ), unterminated name")
				if err != nil {
					return reItem{}, false, err
				}
				g, ok := ps.names[n]
				if !ok {
					return reItem{}, false, &reSyntaxError{fmt.Sprintf("unknown group name '%s'", n), npos}
				}
				if !ps.closed[g] {
					return reItem{}, false, &reSyntaxError{"cannot refer to an open group", npos}
				}
				return ps.backref(g, flags)
			} else {
				if ps.i >= len(ps.p) {
					return reItem{}, false, &reSyntaxError{"unexpected end of pattern", ps.i}
				}
				return reItem{}, false, &reSyntaxError{"unknown extension ?P" + string(ps.p[ps.i]), ps.i - 1}
			}
		case c == '#':
			for ps.i < len(ps.p) && ps.p[ps.i] != ')' {
				ps.i++
			}
			if ps.i >= len(ps.p) {
				return reItem{}, false, &reSyntaxError{"missing ), unterminated comment", start}
			}
			ps.i++
			return reItem{}, true, nil
		case c == '=' || c == '!':
			return ps.lookaround(flags, start, "(?"+string(c), false)
		case c == '<':
			if ps.peek() == '=' || ps.peek() == '!' {
				ps.i++
				return ps.lookaround(flags, start, "(?<"+string(ps.p[ps.i-1]), true)
			}
			if ps.i >= len(ps.p) {
				return reItem{}, false, &reSyntaxError{"unexpected end of pattern", ps.i}
			}
			return reItem{}, false, &reSyntaxError{"unknown extension ?<" + string(ps.p[ps.i]), start + 1}
		case c == '(':
			return ps.conditional(flags, start)
		case c == '>':
			if !ps.bt {
				return reItem{}, false, errReNeedBT
			}
			capture, atomic = false, true
		case strings.ContainsRune("aiLmsux-", c):
			ps.i--
			f, isGlobal, err := ps.inlineFlags(flags, start)
			if err != nil {
				return reItem{}, false, err
			}
			if isGlobal {
				if start != 0 && !ps.onlyFlagsBefore(start) {
					return reItem{}, false, &reSyntaxError{"global flags not at the start of the expression", start}
				}
				return reItem{}, true, nil // already applied by leadingFlags
			}
			inner = f
			capture = false
		default:
			return reItem{}, false, &reSyntaxError{"unknown extension ?" + string(c), start + 1}
		}
	}
	idx := 0
	if capture {
		ps.groups++
		idx = ps.groups
		parent := 0
		if len(ps.open) > 0 {
			parent = ps.open[len(ps.open)-1]
		}
		ps.parent = append(ps.parent, parent)
		if name != "" {
			if prev, ok := ps.names[name]; ok {
				return reItem{}, false, &reSyntaxError{fmt.Sprintf("redefinition of group name '%s' as group %d; was group %d", name, idx, prev), start + 4}
			}
			ps.names[name] = idx
		}
		ps.open = append(ps.open, idx)
	}
	body, err := ps.alternation(inner, false)
	if err != nil {
		return reItem{}, false, err
	}
	if ps.peek() != ')' {
		return reItem{}, false, &reSyntaxError{"missing ), unterminated subpattern", start}
	}
	ps.i++
	if capture {
		ps.open = ps.open[:len(ps.open)-1]
		ps.closed[idx] = true
		ps.gwidth[idx] = [2]int{body.lo, body.hi}
		return reItem{src: "(" + body.src + ")", lo: body.lo, hi: body.hi, caps: true}, false, nil
	}
	if atomic {
		return reItem{src: "(?>" + body.src + ")", lo: body.lo, hi: body.hi, caps: body.caps}, false, nil
	}
	return reItem{src: "(?:" + body.src + ")", lo: body.lo, hi: body.hi, caps: body.caps}, false, nil
}

// onlyFlagsBefore reports whether everything before pos is global flag groups
// (and VERBOSE whitespace), which leadingFlags has consumed.
func (ps *reParser) onlyFlagsBefore(pos int) bool {
	save := ps.i
	defer func() { ps.i = save }()
	ps.i = 0
	f := ps.flags
	for {
		ps.skipVerboseAt(f)
		if ps.i >= pos {
			return ps.i == pos
		}
		if !ps.hasPrefix("(?") {
			return false
		}
		j := ps.i + 2
		for j < len(ps.p) && strings.ContainsRune("aiLmsux", ps.p[j]) {
			j++
		}
		if j >= len(ps.p) || ps.p[j] != ')' {
			return false
		}
		ps.i = j + 1
	}
}

// inlineFlags reads "aiLmsux-imsx" after "(?" and the ':' or ')' ending
// them. isGlobal is true for "(?flags)".
func (ps *reParser) inlineFlags(flags int, start int) (int, bool, error) {
	add, del := 0, 0
	for ps.i < len(ps.p) && strings.ContainsRune("aiLmsux", ps.p[ps.i]) {
		add |= reFlagOf(ps.p[ps.i])
		ps.i++
	}
	if ps.i >= len(ps.p) {
		return 0, false, &reSyntaxError{"missing -, : or )", ps.i}
	}
	if ps.p[ps.i] == ')' {
		ps.i++
		return flags | add, true, nil
	}
	if ps.p[ps.i] == '-' {
		ps.i++
		if ps.i >= len(ps.p) {
			return 0, false, &reSyntaxError{"missing flag", ps.i}
		}
		for ps.i < len(ps.p) && strings.ContainsRune("aiLmsux", ps.p[ps.i]) {
			f := reFlagOf(ps.p[ps.i])
			if f&(reASCII|reLOCALE|reUNICODE) != 0 {
				return 0, false, &reSyntaxError{"bad inline flags: cannot turn off flags 'a', 'u' and 'L'", ps.i + 1}
			}
			del |= f
			ps.i++
		}
		if del == 0 {
			if ps.i < len(ps.p) && unicode.IsLetter(ps.p[ps.i]) {
				return 0, false, &reSyntaxError{"unknown flag", ps.i}
			}
			return 0, false, &reSyntaxError{"missing flag", ps.i}
		}
		if ps.i >= len(ps.p) {
			return 0, false, &reSyntaxError{"missing :", ps.i}
		}
		if ps.p[ps.i] != ':' {
			if ps.p[ps.i] == ')' {
				return 0, false, &reSyntaxError{"missing :", ps.i}
			}
			return 0, false, &reSyntaxError{"unknown flag", ps.i}
		}
	} else if ps.p[ps.i] != ':' {
		if unicode.IsLetter(ps.p[ps.i]) {
			return 0, false, &reSyntaxError{"unknown flag", ps.i}
		}
		return 0, false, &reSyntaxError{"missing -, : or )", ps.i}
	}
	ps.i++ // ':'
	if add&del != 0 {
		return 0, false, &reSyntaxError{"bad inline flags: flag turned on and off", ps.i - 1}
	}
	if err := ps.checkFlagMix(flags|add, add, ps.i-1); err != nil {
		return 0, false, err
	}
	f := flags | add
	f &^= del
	if add&reASCII != 0 {
		f &^= reUNICODE
	}
	return f, false, nil
}

// groupName reads a group name up to term.
func (ps *reParser) groupName(term rune, unterminated string) (string, error) {
	start := ps.i
	for ps.i < len(ps.p) && ps.p[ps.i] != term {
		ps.i++
	}
	if ps.i >= len(ps.p) {
		if ps.i == start {
			return "", &reSyntaxError{"missing group name", start}
		}
		return "", &reSyntaxError{unterminated, start}
	}
	name := string(ps.p[start:ps.i])
	ps.i++
	if name == "" {
		return "", &reSyntaxError{"missing group name", start}
	}
	if !reIsIdentifier(name) || (ps.isBytes && !reIsASCII(name)) {
		return "", &reSyntaxError{fmt.Sprintf("bad character in group name '%s'", name), start}
	}
	return name, nil
}

func reIsIdentifier(s string) bool {
	for i, c := range s {
		if c == '_' || unicode.IsLetter(c) || (i > 0 && (unicode.IsDigit(c) || unicode.Is(unicode.Mn, c) || unicode.Is(unicode.Mc, c) || unicode.Is(unicode.Pc, c))) {
			continue
		}
		return false
	}
	return s != ""
}

func reIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// escape handles a backslash outside a class.
func (ps *reParser) escape(flags int, start int) (reItem, bool, error) {
	if ps.i >= len(ps.p) {
		return reItem{}, false, &reSyntaxError{"bad escape (end of pattern)", start}
	}
	c := ps.p[ps.i]
	ps.i++
	switch c {
	case 'A':
		return reItem{src: `\A`, kind: reItemAnchor}, false, nil
	case 'Z':
		return reItem{src: `\z`, kind: reItemAnchor}, false, nil
	case 'b', 'B':
		if ps.bt {
			return reItem{src: ps.wordBoundary(c == 'B', flags), kind: reItemAnchor}, false, nil
		}
		if !ps.asciiRules(flags) {
			ps.tr.uniWordB = true
		}
		if c == 'B' {
			ps.tr.nonBoundary = true
		}
		return reItem{src: `\` + string(c), kind: reItemAnchor}, false, nil
	case 'd', 'D', 's', 'S', 'w', 'W':
		set := ps.category(c, flags)
		return reItem{src: ps.emitClass(set, false, flags), lo: 1, hi: 1}, false, nil
	}
	if c >= '1' && c <= '9' {
		// \1..\99 are backreferences, unless three octal digits make an
		// octal escape.
		j := ps.i
		digits := string(c)
		if j < len(ps.p) && ps.p[j] >= '0' && ps.p[j] <= '9' {
			if c <= '7' && ps.p[j] <= '7' && j+1 < len(ps.p) && ps.p[j+1] >= '0' && ps.p[j+1] <= '7' {
				v := (c-'0')*64 + (ps.p[j]-'0')*8 + (ps.p[j+1] - '0')
				ps.i = j + 2
				if v > 0o377 {
					return reItem{}, false, &reSyntaxError{fmt.Sprintf("octal escape value \\%s outside of range 0-0o377", string(ps.p[start+1:ps.i])), start}
				}
				return reItem{src: ps.literal(v, flags), lo: 1, hi: 1}, false, nil
			}
			digits += string(ps.p[j])
			ps.i++
		}
		n, _ := strconv.Atoi(digits)
		if n <= ps.groups && ps.closed[n] {
			return ps.backref(n, flags)
		}
		if n <= ps.groups {
			return reItem{}, false, &reSyntaxError{"cannot refer to an open group", start}
		}
		return reItem{}, false, &reSyntaxError{fmt.Sprintf("invalid group reference %d", n), start + 1}
	}
	r, err := ps.charEscape(c, start, false)
	if err != nil {
		return reItem{}, false, err
	}
	return reItem{src: ps.literal(r, flags), lo: 1, hi: 1}, false, nil
}

// charEscape decodes an escape that stands for one code point (ps.i is just
// after the escape letter c). inClass makes \b a backspace.
func (ps *reParser) charEscape(c rune, start int, inClass bool) (rune, error) {
	switch c {
	case 'a':
		return 7, nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'v':
		return '\v', nil
	case 'b':
		if inClass {
			return '\b', nil
		}
	case 'x':
		return ps.hexEscape(2, start)
	case 'u', 'U':
		if !ps.isBytes {
			if c == 'u' {
				return ps.hexEscape(4, start)
			}
			r, err := ps.hexEscape(8, start)
			if err == nil && r > unicode.MaxRune {
				return 0, &reSyntaxError{fmt.Sprintf("bad escape %s", string(ps.p[start:ps.i])), start}
			}
			return r, err
		}
	case 'N':
		if !ps.isBytes {
			return ps.namedChar(start)
		}
	case '0':
		v := rune(0)
		for k := 0; k < 2 && ps.i < len(ps.p) && ps.p[ps.i] >= '0' && ps.p[ps.i] <= '7'; k++ {
			v = v*8 + ps.p[ps.i] - '0'
			ps.i++
		}
		return v, nil
	}
	if c < 128 && (unicode.IsLetter(c) || (c >= '0' && c <= '9')) {
		return 0, &reSyntaxError{fmt.Sprintf("bad escape \\%c", c), start}
	}
	return c, nil
}

func (ps *reParser) hexEscape(n int, start int) (rune, error) {
	v := rune(0)
	for k := 0; k < n; k++ {
		if ps.i >= len(ps.p) || !strings.ContainsRune("0123456789abcdefABCDEF", ps.p[ps.i]) {
			return 0, &reSyntaxError{fmt.Sprintf("incomplete escape %s", string(ps.p[start:ps.i])), start}
		}
		d, _ := strconv.ParseInt(string(ps.p[ps.i]), 16, 32)
		v = v*16 + rune(d)
		ps.i++
	}
	return v, nil
}

// namedChar reads the {NAME} of a \N escape (ps.i just after the N), with
// sre_parse's errors and positions.
func (ps *reParser) namedChar(start int) (rune, error) {
	if ps.i >= len(ps.p) || ps.p[ps.i] != '{' {
		return 0, &reSyntaxError{"missing {", ps.i}
	}
	ps.i++
	from := ps.i
	for ps.i < len(ps.p) && ps.p[ps.i] != '}' {
		ps.i++
	}
	name := string(ps.p[from:ps.i])
	switch {
	case ps.i >= len(ps.p) && name == "":
		return 0, &reSyntaxError{"missing character name", from}
	case ps.i >= len(ps.p):
		return 0, &reSyntaxError{"missing }, unterminated name", from}
	case name == "":
		return 0, &reSyntaxError{"missing character name", from}
	}
	ps.i++
	r, ok := ps.charNames[name]
	if !ok {
		return 0, &reSyntaxError{fmt.Sprintf("undefined character name %s", vm.QuoteStr(name)), start}
	}
	return r, nil
}

// reCharNames finds the names of the \N{NAME} escapes of a str pattern
// (a superset: an escaped backslash before N is not told apart).
func reCharNames(pat string) []string {
	var names []string
	for {
		i := strings.Index(pat, `\N{`)
		if i < 0 {
			return names
		}
		pat = pat[i+3:]
		j := strings.IndexByte(pat, '}')
		if j < 0 {
			return names
		}
		names = append(names, pat[:j])
		pat = pat[j+1:]
	}
}
