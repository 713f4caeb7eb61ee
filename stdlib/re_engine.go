package stdlib

import (
	"errors"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// asy's own matcher: a backtracking engine that runs a pattern as CPython's
// sre does (same priorities, same group and look-around rules), directly on
// the subject's UTF-8 bytes. It reads the backtracking translation of the
// pattern (re_translate_bt.go), whose syntax the translator spells in a few
// fixed forms, and compiles it into linked nodes (re_engine_run.go runs
// them). It is the fast path of both halves: most patterns run several
// times faster on it than on Go's regexp or on regexp2, with no conversion
// of the subject to runes. A construct it does not know, a repeat whose
// body can match empty, or a match that takes too many steps or too deep a
// recursion hands the work back to the engines of re_text.go, whose result
// is the same, so the speed of a pathological pattern stays theirs.

// reNode ops.
const (
	reOpChar      = iota // one character of set cs
	reOpStr              // the literal bytes lit
	reOpRep              // a repeat of one character of cs
	reOpLoop             // a repeat of sub (ends in reOpLoopTail)
	reOpLoopTail         // end of one iteration of loop
	reOpAlt              // alternatives alts, each linked to next
	reOpOpen             // start of group g
	reOpClose            // end of group g
	reOpBackref          // the text of group g again (fold: ignoring case)
	reOpAssert           // a zero-width test (kind)
	reOpWordB            // \b (neg: \B) with word characters cs
	reOpLook             // look-ahead or (behind) look-behind at sub; neg: negative
	reOpAtomic           // sub matched once, never backtracked into
	reOpCond             // (?(g)yes|no)
	reOpAccept           // end of the whole pattern
	reOpSubAccept        // end of a look-around or atomic body
)

// Assertion kinds.
const (
	reAtBegin     = iota // \A
	reAtEnd              // \z
	reAtLineBegin        // (?m:^)
	reAtLineEnd          // (?m:$)
	reAtDollar           // $: the end, or before a final newline
)

type reNode struct {
	op       uint8
	greedy   bool
	neg      bool
	behind   bool
	fold     bool
	caps     bool // a look-around body sets groups
	kind     int
	g        int // group, or the loop's counter slot
	min, max int // repeat counts (max -1: unbounded); look-behind width in min
	cs       *reCharSet
	lit      string
	next     *reNode
	sub      *reNode
	alts     []*reNode
	yes, no  *reNode
	loop     *reNode
	// The bytes the rest can start with (nil: not known): a repeat's
	// next, each alternative.
	nextFirst *[256]bool
	altFirst  []*[256]bool
}

// reCharSet is a set of code points: ASCII in a bitmap, the rest as
// sorted ranges.
type reCharSet struct {
	ascii  [2]uint64
	ranges [][2]rune
}

func (c *reCharSet) hasASCII(b byte) bool { return c.ascii[b>>6]&(1<<(b&63)) != 0 }

func (c *reCharSet) has(r rune) bool {
	if r < 0x80 {
		return r >= 0 && c.hasASCII(byte(r))
	}
	rs := c.ranges
	lo, hi := 0, len(rs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if rs[m][1] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(rs) && rs[lo][0] <= r
}

func (c *reCharSet) add(lo, hi rune) {
	for ; lo <= hi && lo < 0x80; lo++ {
		c.ascii[lo>>6] |= 1 << (lo & 63)
	}
	if lo <= hi {
		c.ranges = append(c.ranges, [2]rune{lo, hi})
	}
}

// single returns the one code point of a one-element set.
func (c *reCharSet) single() (rune, bool) {
	n, r := 0, rune(-1)
	for b := 0; b < 128; b++ {
		if c.hasASCII(byte(b)) {
			n, r = n+1, rune(b)
		}
	}
	for _, x := range c.ranges {
		n += int(x[1]-x[0]) + 1
		r = x[0]
	}
	return r, n == 1
}

// The tree the parser builds, linked into reNodes afterwards.
type reTree struct {
	op       uint8 // reOp* of the node it becomes; reTSeq for a sequence
	items    []*reTree
	cs       *reCharSet
	lit      []rune
	min, max int
	greedy   bool
	neg      bool
	behind   bool
	fold     bool
	kind     int
	g        int
	sub      *reTree
	yes, no  *reTree
}

const reTSeq = 100

// reMaxCount is the largest repeat count the engine takes (widths stay
// far from overflowing).
const reMaxCount = 1 << 16

// errReEngine: the pattern holds something the engine does not run.
var errReEngine = errors.New("re engine: unsupported")

// reEngineProg is a compiled pattern.
type reEngineProg struct {
	start  *reNode
	groups int
	loops  int
	// Where a match can start: anchored at \A only; the first byte in
	// firstB (when firstOK); or the literal prefix.
	anchored bool
	firstOK  bool
	firstB   [256]bool
	prefix   string
}

type reEParser struct {
	s      string
	i      int
	groups int
	loops  int
}

// reEngineCompile compiles a backtracking translation (groups: how many).
func reEngineCompile(src string, groups int) (prog *reEngineProg, err error) {
	ps := &reEParser{s: src}
	t, err := ps.alt(false)
	if err != nil {
		return nil, err
	}
	if ps.i != len(src) {
		return nil, errReEngine
	}
	prog = &reEngineProg{groups: groups}
	prog.start = ps.link(t, &reNode{op: reOpAccept})
	prog.loops = ps.loops
	prog.plan(t)
	return prog, nil
}

func (ps *reEParser) peek() byte {
	if ps.i < len(ps.s) {
		return ps.s[ps.i]
	}
	return 0
}

func (ps *reEParser) alt(fold bool) (*reTree, error) {
	var alts []*reTree
	for {
		s, err := ps.seq(fold)
		if err != nil {
			return nil, err
		}
		alts = append(alts, s)
		if ps.peek() != '|' {
			break
		}
		ps.i++
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &reTree{op: reOpAlt, items: alts}, nil
}

func (ps *reEParser) seq(fold bool) (*reTree, error) {
	t := &reTree{op: reTSeq}
	for ps.i < len(ps.s) {
		c := ps.s[ps.i]
		if c == '|' || c == ')' {
			break
		}
		if c == '*' || c == '+' || c == '?' || c == '{' {
			if len(t.items) == 0 {
				return nil, errReEngine
			}
			last := t.items[len(t.items)-1]
			r, err := ps.quant(last)
			if err != nil {
				return nil, err
			}
			t.items[len(t.items)-1] = r
			continue
		}
		a, err := ps.atom(fold)
		if err != nil {
			return nil, err
		}
		t.items = append(t.items, a)
	}
	return t, nil
}

func (ps *reEParser) quant(sub *reTree) (*reTree, error) {
	for sub.op == reTSeq && len(sub.items) == 1 {
		sub = sub.items[0] // the translator's (?:x) around a repeated item
	}
	c := ps.s[ps.i]
	ps.i++
	r := &reTree{op: reOpLoop, sub: sub, max: -1, greedy: true}
	switch c {
	case '+':
		r.min = 1
	case '?':
		r.max = 1
	case '{':
		j := strings.IndexByte(ps.s[ps.i:], '}')
		if j < 0 {
			return nil, errReEngine
		}
		body := ps.s[ps.i : ps.i+j]
		ps.i += j + 1
		lo, hi, comma := body, body, false
		if k := strings.IndexByte(body, ','); k >= 0 {
			lo, hi, comma = body[:k], body[k+1:], true
		}
		n, err := strconv.Atoi(lo)
		if err != nil {
			return nil, errReEngine
		}
		r.min, r.max = n, n
		if comma {
			r.max = -1
			if hi != "" {
				if r.max, err = strconv.Atoi(hi); err != nil {
					return nil, errReEngine
				}
			}
		}
	}
	if ps.peek() == '?' {
		ps.i++
		r.greedy = false
	}
	if r.min > reMaxCount || r.max > reMaxCount {
		return nil, errReEngine
	}
	if sub.op == reOpChar {
		r.op, r.cs = reOpRep, sub.cs
		return r, nil
	}
	// A body that can match empty makes CPython's rules for ending the
	// loop matter; the other engines have them.
	if lo, _ := sub.width(); lo == 0 {
		return nil, errReEngine
	}
	r.g = ps.loops
	ps.loops++
	return r, nil
}

func (ps *reEParser) atom(fold bool) (*reTree, error) {
	s := ps.s[ps.i:]
	switch {
	case strings.HasPrefix(s, `(?s:.)`):
		ps.i += len(`(?s:.)`)
		cs := &reCharSet{}
		cs.add(0, unicode.MaxRune)
		return &reTree{op: reOpChar, cs: cs}, nil
	case strings.HasPrefix(s, `(?m:^)`):
		ps.i += len(`(?m:^)`)
		return &reTree{op: reOpAssert, kind: reAtLineBegin}, nil
	case strings.HasPrefix(s, `(?m:$)`):
		ps.i += len(`(?m:$)`)
		return &reTree{op: reOpAssert, kind: reAtLineEnd}, nil
	case strings.HasPrefix(s, `(?=\n?\z)`), strings.HasPrefix(s, `(?=\x{a}?\z)`):
		ps.i += strings.IndexByte(s, ')') + 1
		return &reTree{op: reOpAssert, kind: reAtDollar}, nil
	case strings.HasPrefix(s, `\A`):
		ps.i += 2
		return &reTree{op: reOpAssert, kind: reAtBegin}, nil
	case strings.HasPrefix(s, `\z`):
		ps.i += 2
		return &reTree{op: reOpAssert, kind: reAtEnd}, nil
	case strings.HasPrefix(s, `\k<`):
		j := strings.IndexByte(s, '>')
		g, err := strconv.Atoi(s[3:j])
		if err != nil {
			return nil, errReEngine
		}
		ps.i += j + 1
		return &reTree{op: reOpBackref, g: g, fold: fold}, nil
	case strings.HasPrefix(s, `(?:(?<=`) || strings.HasPrefix(s, `(?:(?<!`):
		if t, ok := ps.wordBoundary(); ok {
			return t, nil
		}
	}
	c := s[0]
	switch c {
	case '(':
		return ps.group(fold)
	case '[':
		j := strings.IndexByte(s, ']')
		if j < 0 {
			return nil, errReEngine
		}
		ps.i += j + 1
		return reSetTree(s[:j+1], fold)
	case '\\':
		if strings.HasPrefix(s, `\x{`) {
			j := strings.IndexByte(s, '}')
			ps.i += j + 1
			return reSetTree(s[:j+1], fold)
		}
		return nil, errReEngine
	case '.', '^', '$', '*', '+', '?', '{', '|', ')':
		return nil, errReEngine
	}
	if c >= 0x80 {
		return nil, errReEngine
	}
	ps.i++
	return reSetTree(s[:1], fold)
}

// reSetTree reads one class or literal as Go's parser does (so case
// folding is the same as on RE2's side) and makes it a one-character node.
func reSetTree(src string, fold bool) (*reTree, error) {
	if fold {
		src = "(?i:" + src + ")"
	}
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil, errReEngine
	}
	cs := &reCharSet{}
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) != 1 {
			return nil, errReEngine
		}
		r := re.Rune[0]
		cs.add(r, r)
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				cs.add(f, f)
			}
		}
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			cs.add(re.Rune[i], re.Rune[i+1])
		}
	case syntax.OpAnyChar:
		cs.add(0, unicode.MaxRune)
	case syntax.OpAnyCharNotNL:
		cs.add(0, '\n'-1)
		cs.add('\n'+1, unicode.MaxRune)
	case syntax.OpNoMatch:
	default:
		return nil, errReEngine
	}
	cs.ranges = reRanges(cs.ranges).normalize()
	return &reTree{op: reOpChar, cs: cs}, nil
}

// wordBoundary reads the look-around spelling of \b and \B that
// reParser.wordBoundary emits, as one node.
func (ps *reEParser) wordBoundary() (*reTree, bool) {
	s := ps.s[ps.i:]
	neg := strings.HasPrefix(s, `(?:(?<!`)
	rest := s[len(`(?:(?<=`):]
	j := strings.IndexByte(rest, ']')
	if !strings.HasPrefix(rest, "[") || j < 0 {
		return nil, false
	}
	w := rest[:j+1]
	var want string
	if !neg {
		want = `(?:(?<=` + w + `)(?!` + w + `)|(?<!` + w + `)(?=` + w + `))`
	} else {
		want = `(?:(?<=` + w + `)(?=` + w + `)|(?<!` + w + `)(?!` + w + `)(?:(?<=(?s:.))|(?=(?s:.))))`
	}
	if neg && !strings.HasPrefix(s, `(?:(?<=`) {
		return nil, false
	}
	if !strings.HasPrefix(s, want) {
		return nil, false
	}
	set, err := reSetTree(w, false)
	if err != nil {
		return nil, false
	}
	ps.i += len(want)
	return &reTree{op: reOpWordB, cs: set.cs, neg: neg}, true
}

func (ps *reEParser) group(fold bool) (*reTree, error) {
	s := ps.s[ps.i:]
	var t *reTree
	open := 1
	switch {
	case strings.HasPrefix(s, "(?:"):
		t, open = &reTree{op: reTSeq}, 3
	case strings.HasPrefix(s, "(?>"):
		t, open = &reTree{op: reOpAtomic}, 3
	case strings.HasPrefix(s, "(?="), strings.HasPrefix(s, "(?!"):
		t, open = &reTree{op: reOpLook, neg: s[2] == '!'}, 3
	case strings.HasPrefix(s, "(?<="), strings.HasPrefix(s, "(?<!"):
		t, open = &reTree{op: reOpLook, neg: s[3] == '!', behind: true}, 4
	case strings.HasPrefix(s, "(?i:"):
		ps.i += 4
		sub, err := ps.alt(true)
		if err != nil || ps.peek() != ')' {
			return nil, errReEngine
		}
		ps.i++
		return sub, nil
	case strings.HasPrefix(s, "(?("):
		j := strings.IndexByte(s, ')')
		g, err := strconv.Atoi(s[3:j])
		if err != nil {
			return nil, errReEngine
		}
		ps.i += j + 1
		yes, err := ps.seq(fold)
		if err != nil || ps.peek() != '|' {
			return nil, errReEngine
		}
		ps.i++
		no, err := ps.seq(fold)
		if err != nil || ps.peek() != ')' {
			return nil, errReEngine
		}
		ps.i++
		return &reTree{op: reOpCond, g: g, yes: yes, no: no}, nil
	case strings.HasPrefix(s, "(?"):
		return nil, errReEngine
	default:
		ps.groups++
		t = &reTree{op: reOpOpen, g: ps.groups}
	}
	ps.i += open
	sub, err := ps.alt(fold)
	if err != nil {
		return nil, err
	}
	if ps.peek() != ')' {
		return nil, errReEngine
	}
	ps.i++
	if t.op == reTSeq {
		return sub, nil
	}
	t.sub = sub
	if t.op == reOpLook && t.behind {
		lo, hi := sub.width()
		if lo != hi {
			return nil, errReEngine
		}
		t.min = lo
	}
	return t, nil
}

// width is the least and greatest number of characters t matches (hi -1:
// unbounded or unknown).
func (t *reTree) width() (lo, hi int) {
	switch t.op {
	case reOpChar:
		return 1, 1
	case reOpStr:
		return len(t.lit), len(t.lit)
	case reTSeq:
		for _, it := range t.items {
			a, b := it.width()
			lo += a
			if hi >= 0 {
				if b < 0 {
					hi = -1
				} else {
					hi += b
				}
			}
		}
		return lo, hi
	case reOpAlt:
		for k, it := range t.items {
			a, b := it.width()
			if k == 0 {
				lo, hi = a, b
				continue
			}
			lo = min(lo, a)
			if hi >= 0 && (b < 0 || b > hi) {
				hi = b
			}
		}
		return lo, hi
	case reOpRep, reOpLoop:
		a, b := 1, 1
		if t.op == reOpLoop {
			a, b = t.sub.width()
		}
		lo = a * t.min
		switch {
		case b == 0:
			hi = 0
		case t.max < 0 || b < 0:
			hi = -1
		default:
			hi = b * t.max
		}
		return lo, hi
	case reOpOpen, reOpAtomic:
		return t.sub.width()
	case reOpCond:
		a, b := t.yes.width()
		c, d := t.no.width()
		lo = min(a, c)
		hi = max(b, d)
		if b < 0 || d < 0 {
			hi = -1
		}
		return lo, hi
	case reOpBackref:
		return 0, -1
	}
	return 0, 0 // assertions
}

// link turns tree t, followed by next, into nodes.
func (ps *reEParser) link(t *reTree, next *reNode) *reNode {
	switch t.op {
	case reTSeq:
		items := reMergeLits(t.items)
		for k := len(items) - 1; k >= 0; k-- {
			next = ps.link(items[k], next)
		}
		return next
	case reOpStr:
		return &reNode{op: reOpStr, lit: string(t.lit), next: next}
	case reOpChar:
		return &reNode{op: reOpChar, cs: t.cs, next: next}
	case reOpRep:
		return &reNode{op: reOpRep, cs: t.cs, min: t.min, max: t.max, greedy: t.greedy, next: next,
			nextFirst: reNodeFirstSet(next)}
	case reOpLoop:
		n := &reNode{op: reOpLoop, min: t.min, max: t.max, greedy: t.greedy, g: t.g, next: next}
		n.sub = ps.link(t.sub, &reNode{op: reOpLoopTail, loop: n})
		return n
	case reOpAlt:
		n := &reNode{op: reOpAlt, next: next}
		for _, a := range t.items {
			alt := ps.link(a, next)
			n.alts = append(n.alts, alt)
			n.altFirst = append(n.altFirst, reNodeFirstSet(alt))
		}
		return n
	case reOpOpen:
		return &reNode{op: reOpOpen, g: t.g, next: ps.link(t.sub, &reNode{op: reOpClose, g: t.g, next: next})}
	case reOpBackref:
		return &reNode{op: reOpBackref, g: t.g, fold: t.fold, next: next}
	case reOpAssert:
		return &reNode{op: reOpAssert, kind: t.kind, next: next}
	case reOpWordB:
		return &reNode{op: reOpWordB, cs: t.cs, neg: t.neg, next: next}
	case reOpLook:
		return &reNode{op: reOpLook, neg: t.neg, behind: t.behind, min: t.min, caps: t.sub.hasCaps(),
			sub: ps.link(t.sub, &reNode{op: reOpSubAccept}), next: next}
	case reOpAtomic:
		return &reNode{op: reOpAtomic, caps: t.sub.hasCaps(), sub: ps.link(t.sub, &reNode{op: reOpSubAccept}), next: next}
	case reOpCond:
		return &reNode{op: reOpCond, g: t.g, yes: ps.link(t.yes, next), no: ps.link(t.no, next), next: next}
	}
	panic("re engine: bad tree")
}

func (t *reTree) hasCaps() bool {
	if t == nil {
		return false
	}
	if t.op == reOpOpen {
		return true
	}
	for _, it := range t.items {
		if it.hasCaps() {
			return true
		}
	}
	return t.sub.hasCaps() || t.yes.hasCaps() || t.no.hasCaps()
}

// reMergeLits joins runs of one-code-point sets into literal strings.
func reMergeLits(items []*reTree) []*reTree {
	var out []*reTree
	for _, it := range items {
		if it.op == reOpChar {
			if r, ok := it.cs.single(); ok {
				if k := len(out) - 1; k >= 0 && out[k].op == reOpStr {
					out[k].lit = append(out[k].lit, r)
					continue
				}
				out = append(out, &reTree{op: reOpStr, lit: []rune{r}})
				continue
			}
		}
		out = append(out, it)
	}
	return out
}

// plan finds where matches can start: the first bytes a match can begin
// with, or its literal prefix, or that it is anchored at \A.
func (p *reEngineProg) plan(t *reTree) {
	first := t
	for first.op == reTSeq && len(first.items) > 0 {
		first = first.items[0]
	}
	if first.op == reOpAssert && first.kind == reAtBegin {
		p.anchored = true
		return
	}
	n := p.start
	if n.op == reOpStr {
		p.prefix = n.lit
	}
	var set [256]bool
	if ok, null := reFirst(t, &set); ok && !null {
		p.firstB, p.firstOK = set, true
	}
}

// reFirst adds to set the bytes a match of t can start with. ok is false
// when they are not known; nullable, when t can match empty (then what
// follows it can start the match too).
func reFirst(t *reTree, set *[256]bool) (ok, nullable bool) {
	switch t.op {
	case reOpChar:
		reSetFirstBytes(t.cs, set)
		return true, false
	case reOpStr:
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], t.lit[0])
		set[b[0]] = true
		return true, false
	case reOpAssert, reOpWordB, reOpLook:
		return true, true // zero width: what follows starts the match
	case reTSeq:
		for _, it := range t.items {
			ok, null := reFirst(it, set)
			if !ok || !null {
				return ok, false
			}
		}
		return true, true
	case reOpAlt:
		for _, it := range t.items {
			ok, null := reFirst(it, set)
			if !ok {
				return false, false
			}
			nullable = nullable || null
		}
		return true, nullable
	case reOpRep:
		reSetFirstBytes(t.cs, set)
		return true, t.min == 0
	case reOpLoop:
		ok, null := reFirst(t.sub, set)
		return ok, null || t.min == 0
	case reOpOpen, reOpAtomic:
		return reFirst(t.sub, set)
	case reOpCond:
		ok1, null1 := reFirst(t.yes, set)
		ok2, null2 := reFirst(t.no, set)
		return ok1 && ok2, null1 || null2
	}
	return false, false
}

// reSetFirstBytes adds the UTF-8 lead bytes of the members of cs.
func reSetFirstBytes(cs *reCharSet, set *[256]bool) {
	for b := 0; b < 128; b++ {
		if cs.hasASCII(byte(b)) {
			set[b] = true
		}
	}
	for _, r := range cs.ranges {
		var lo, hi [utf8.UTFMax]byte
		utf8.EncodeRune(lo[:], r[0])
		utf8.EncodeRune(hi[:], r[1])
		for b := int(lo[0]); b <= int(hi[0]); b++ {
			set[b] = true
		}
	}
}

// reNodeFirstSet is the set of bytes a match of the nodes from n can
// start with, nil when not known (or when it can be empty).
func reNodeFirstSet(n *reNode) *[256]bool {
	var set [256]bool
	budget := 64
	if !reNodeFirst(n, &set, &budget) {
		return nil
	}
	return &set
}

func reNodeFirst(n *reNode, set *[256]bool, budget *int) bool {
	if *budget--; *budget < 0 {
		return false
	}
	switch n.op {
	case reOpChar:
		reSetFirstBytes(n.cs, set)
		return true
	case reOpStr:
		set[n.lit[0]] = true
		return true
	case reOpRep:
		reSetFirstBytes(n.cs, set)
		return n.min > 0 || reNodeFirst(n.next, set, budget)
	case reOpOpen, reOpClose, reOpAssert, reOpWordB, reOpLook:
		return reNodeFirst(n.next, set, budget) // zero width
	case reOpAlt:
		for _, a := range n.alts {
			if !reNodeFirst(a, set, budget) {
				return false
			}
		}
		return true
	}
	return false
}
