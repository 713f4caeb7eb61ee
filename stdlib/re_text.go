package stdlib

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/asylang/asy/vm"
)

// reText is a subject string as the Go engine sees it: UTF-8 text, with
// the map between Python character offsets and Go byte offsets. A bytes
// subject is decoded as Latin-1 (one code point per byte), so its character
// offsets are byte offsets of the original.
type reText struct {
	val     vm.Value
	s       string
	isBytes bool
	raw     []byte
	starts  []int // byte offset of each character, then len(s); nil when ASCII
	nchars  int
	// so is a non-ASCII str subject: its own cached measure converts
	// offsets, so matching at pos in a long text (a tokenizer's loop) costs
	// no pass over the whole text per call.
	so *vm.StrObj

	nlEnd   int // 1 + the end for which innerNL was computed (0: none)
	innerNL int // last newline before the final character of s[:end]

	wordChecked bool
	uniWord     bool // holds a non-ASCII word character

	rs []rune // the code points, for the backtracking engine (made on first use)

	curB, curC int // the byte offset charOf converted last, and its character index
	// The last conversions charOf made, by character index mod 16, for
	// byteOf to convert back (the zero value, 0 ↔ 0, is right; made on
	// first use).
	pairs *[16][2]int

	engChecked int8 // see engineOK: 1 valid UTF-8, -1 not, 0 not known yet
}

// runes returns the text's code points (a bytes subject's are its bytes).
func (t *reText) runes() []rune {
	if t.rs == nil {
		t.rs = []rune(t.s)
	}
	return t.rs
}

func newReText(v vm.Value) (*reText, bool) {
	if s, ok := v.StrOf(); ok {
		so, _ := v.AsObj().(*vm.StrObj)
		if p, ok := vm.Payload(v); ok {
			so, _ = p.AsObj().(*vm.StrObj)
		}
		if so == nil {
			return newReTextString(v, s, false, nil), true
		}
		t := &reText{val: v, s: s, nchars: so.Len()}
		if !so.IsASCII() {
			t.so = so
		}
		return t, true
	}
	var raw []byte
	switch o := v.AsObj().(type) {
	case *vm.Bytes:
		raw = o.Data()
	case *vm.ByteArray:
		raw = o.Data()
	default:
		return nil, false
	}
	ascii := true
	for _, c := range raw {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return newReTextString(v, string(raw), true, raw), true
	}
	rs := make([]rune, len(raw))
	for i, c := range raw {
		rs[i] = rune(c)
	}
	return newReTextString(v, string(rs), true, raw), true
}

func newReTextString(v vm.Value, s string, isBytes bool, raw []byte) *reText {
	t := &reText{val: v, s: s, isBytes: isBytes, raw: raw}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		t.nchars = len(s)
		return t
	}
	t.starts = make([]int, 0, len(s)+1)
	for i := range s {
		t.starts = append(t.starts, i)
	}
	t.nchars = len(t.starts)
	t.starts = append(t.starts, len(s))
	return t
}

func (t *reText) byteOf(ci int) int {
	if t.so != nil {
		if t.pairs != nil {
			if p := t.pairs[ci&15]; p[0] == ci {
				return p[1]
			}
		}
		return t.so.ByteOffset(ci)
	}
	if t.starts == nil {
		return ci
	}
	return t.starts[ci]
}

func (t *reText) charOf(bi int) int {
	if t.so != nil {
		// Matches come in order: count on from the offset converted last
		// when it is close behind.
		switch {
		case bi >= t.curB && bi-t.curB <= 256:
			t.curC += vm.RuneCount(t.s[t.curB:bi])
		case bi < t.curB && t.curB-bi <= 256:
			t.curC -= vm.RuneCount(t.s[bi:t.curB])
		default:
			t.curC = t.so.RuneIndex(bi)
		}
		t.curB = bi
		if t.pairs == nil {
			t.pairs = new([16][2]int)
		}
		t.pairs[t.curC&15] = [2]int{t.curC, bi}
		return t.curC
	}
	if t.starts == nil {
		return bi
	}
	return sort.SearchInts(t.starts, bi)
}

// slice returns characters [lo, hi) as a str or bytes value.
func (t *reText) slice(lo, hi int) vm.Value {
	if t.isBytes {
		return vm.Obj(vm.NewBytes(append([]byte(nil), t.raw[lo:hi]...)))
	}
	return vm.Str(t.s[t.byteOf(lo):t.byteOf(hi)])
}

func (t *reText) empty() vm.Value {
	if t.isBytes {
		return vm.Obj(vm.NewBytes(nil))
	}
	return vm.Str("")
}

// hasUniWord reports a non-ASCII word character, which RE2's ASCII-only \b
// would misjudge.
func (t *reText) hasUniWord() bool {
	if !t.wordChecked {
		t.wordChecked = true
		if (t.starts != nil || t.so != nil) && !t.isBytes {
			for _, c := range t.s {
				if c >= 0x80 && reIsUniWord(c) {
					t.uniWord = true
					break
				}
			}
		}
	}
	return t.uniWord
}

// Engine variants: how the match is anchored, whether the character before
// the start is given as context, and how a non-MULTILINE '$' is spelled.
const (
	reSearch = iota
	reMatch
	reFull
	reNonEmpty // backtracking engine only: a non-empty match right at pos
)

// reProg holds a translation and its compiled variants. Compiled regexps
// are immutable and safe to share; the map is guarded for threads.
type reProg struct {
	tr       *reTranslation
	needsCtx bool // the pattern looks behind its start (^, \A, \b, \B)
	mu       sync.Mutex
	res      map[int]*regexp.Regexp
	fast     [16]atomic.Pointer[regexp.Regexp] // res without the lock (keys < 16)
	lineSafe atomic.Int32                      // see inLine: 1 yes, -1 no, 0 not known yet

	// The backtracking side: the engine (nil without the extension), the
	// pattern as given to translate it again for that engine when an RE2
	// pattern needs it, and the program, made on first use.
	engine  ReBacktracker
	pat     []rune
	flags   int
	isBytes bool
	bt      *reBTProg
	btErr   error
	// charNames: the code points of the pattern's \N{NAME} escapes.
	charNames map[string]rune

	engState atomic.Pointer[reEngineState] // asy's engine (re_engine.go)
	spare    atomic.Pointer[reExec]        // a search state to reuse
}

func newReProg(tr *reTranslation) *reProg {
	needs := strings.Contains(tr.goSrc, `\A`) || strings.Contains(tr.goSrc, `(?m:^)`) ||
		strings.Contains(tr.goSrc, `\b`) || strings.Contains(tr.goSrc, `\B`)
	return &reProg{tr: tr, needsCtx: needs, res: map[int]*regexp.Regexp{}}
}

// btProg returns the backtracking program (nil, nil without an engine).
func (p *reProg) btProg() (*reBTProg, error) {
	if p.engine == nil {
		return nil, nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bt != nil || p.btErr != nil {
		return p.bt, p.btErr
	}
	body := p.tr.goSrc
	if !p.tr.needBT {
		tr, err := reTranslateForNamed(p.pat, p.flags, p.isBytes, true, p.charNames)
		if err != nil {
			p.btErr = err
			return nil, err
		}
		body = tr.goSrc
	}
	p.bt = &reBTProg{engine: p.engine, body: body, groups: p.tr.groups}
	return p.bt, nil
}

// btExec runs the backtracking engine over characters [pos, end).
func (p *reProg) btExec(th *vm.Thread, t *reText, pos, end, kind int) ([]int, error) {
	bt, err := p.btProg()
	if err != nil {
		return nil, err
	}
	if bt == nil {
		return nil, reNeedEngine(-1)
	}
	variant := reBTSearch
	switch kind {
	case reMatch:
		variant = reBTMatch
	case reFull:
		variant = reBTFull
	case reNonEmpty:
		variant = reBTNonEmpty
	}
	return bt.find(th, variant, t.runes()[:end], pos)
}

// reNeedEngine is the error for a pattern or match only the backtracking
// engine can run, when the interpreter does not have it.
func reNeedEngine(pos int) error {
	return &reSyntaxError{msg: "asy's re needs its backtracking engine for this pattern (backreferences, look-around, " +
		"conditionals, atomic groups, possessive quantifiers, counts above 1000): enable the rebacktrack extension", pos: pos}
}

func (p *reProg) get(kind int, ctx, nl bool) (*regexp.Regexp, error) {
	key := kind * 4
	if ctx {
		key += 2
	}
	if nl {
		key++
	}
	if re := p.fast[key].Load(); re != nil {
		return re, nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if re, ok := p.res[key]; ok {
		return re, nil
	}
	dollar := `\z`
	if nl {
		dollar = `(?m:$)`
	}
	body := strings.ReplaceAll(p.tr.goSrc, reDollarMark, dollar)
	var src string
	if ctx {
		// The context character is consumed before the reported group, so
		// ^, \A and \b at the start see what precedes pos.
		switch kind {
		case reSearch:
			src = `\A(?s:.)(?s:.*?)(` + body + `)`
		case reMatch:
			src = `\A(?s:.)(` + body + `)`
		default:
			src = `\A(?s:.)(` + body + `)\z`
		}
	} else {
		switch kind {
		case reSearch:
			src = `(?:` + body + `)`
		case reMatch:
			src = `\A(?:` + body + `)`
		default:
			src = `\A(?:` + body + `)\z`
		}
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, err
	}
	p.res[key] = re
	p.fast[key].Store(re)
	return re, nil
}

// exec runs the pattern over characters [pos, end) of t and returns the
// character spans of every group (-1 for unmatched), or nil.
func (p *reProg) exec(th *vm.Thread, t *reText, pos, end, kind int) ([]int, error) {
	if spans, ok := p.engineExec(t, pos, end, kind, false, nil); ok {
		return spans, nil
	}
	return p.execOther(th, t, pos, end, kind)
}

// execOther is exec on Go's regexp or the backtracking extension.
func (p *reProg) execOther(th *vm.Thread, t *reText, pos, end, kind int) ([]int, error) {
	if pos > end {
		return nil, nil
	}
	tr := p.tr
	if tr.needBT || (tr.preferBT && p.engine != nil) {
		return p.btExec(th, t, pos, end, kind)
	}
	uniB := tr.uniWordB && t.hasUniWord()
	if (uniB || (tr.nonBoundary && end == 0)) && p.engine != nil {
		return p.btExec(th, t, pos, end, kind)
	}
	if uniB {
		return nil, reRefuse(`\b or \B on a string with non-ASCII letters or digits (RE2 word boundaries are ASCII-only; pass re.ASCII)`, -1)
	}
	bpos, bend := t.byteOf(pos), t.byteOf(end)
	ctx := pos > 0 && p.needsCtx
	base := bpos
	if ctx {
		base = t.byteOf(pos - 1)
	}
	nl := false
	if tr.hasDollar && bend > bpos && t.s[bend-1] == '\n' {
		// Cached per end, so iterating over a long text stays linear.
		if t.nlEnd != bend+1 {
			t.nlEnd, t.innerNL = bend+1, strings.LastIndexByte(t.s[:bend-1], '\n')
		}
		if t.innerNL >= bpos {
			if p.engine != nil {
				return p.btExec(th, t, pos, end, kind)
			}
			return nil, reRefuse(`'$' without MULTILINE on a string that ends in a newline and has others (use \Z or re.MULTILINE)`, -1)
		}
		nl = true
	}
	re, err := p.get(kind, ctx, nl)
	if err != nil {
		return nil, &reEngineErr{err}
	}
	var loc []int
	if kind == reSearch && !reNoLines && p.inLine() && bend-bpos > reWindow {
		loc, base, ctx, err = p.searchLines(t, bpos, bend, base, ctx, re)
		if err != nil {
			return nil, err
		}
	} else {
		loc = re.FindStringSubmatchIndex(t.s[base:bend])
	}
	if loc == nil {
		return nil, nil
	}
	off := 0
	if ctx {
		off = 2
	}
	spans := make([]int, 2*(tr.groups+1))
	for i := range spans {
		b := loc[i+off]
		if b < 0 {
			spans[i] = -1
		} else {
			spans[i] = t.charOf(base + b)
		}
	}
	return spans, nil
}

// next finds the next match at or after pos as CPython iterates: an empty
// match may follow a non-empty one at the same place, but right after an
// empty match (mustAdvance) a match at pos must not be empty. When the best
// match there is empty again, CPython tries the pattern's lower-priority
// non-empty alternatives at pos; RE2 cannot, so that try is the
// backtracking engine's. It is needed only when the pattern has '|' or a
// lazy quantifier: with greedy repeats alone, the empty path is the last
// one tried, so a preferred empty match means there is no other.
func (p *reProg) next(th *vm.Thread, t *reText, pos, end int, mustAdvance bool) ([]int, error) {
	return p.nextInto(th, t, pos, end, mustAdvance, nil)
}

// nextInto is next writing the spans into dst when it has room.
func (p *reProg) nextInto(th *vm.Thread, t *reText, pos, end int, mustAdvance bool, dst []int) ([]int, error) {
	if spans, ok := p.engineExec(t, pos, end, reSearch, mustAdvance, dst); ok {
		return spans, nil
	}
	spans, err := p.execOther(th, t, pos, end, reSearch)
	if err != nil || spans == nil || !mustAdvance || spans[0] != pos || spans[1] != pos {
		return spans, err
	}
	if p.tr.needBT || (p.tr.ambiguous && p.engine != nil) {
		if spans, err = p.btExec(th, t, pos, end, reNonEmpty); err != nil || spans != nil {
			return spans, err
		}
	}
	if pos >= end {
		return nil, nil
	}
	return p.execOther(th, t, pos+1, end, reSearch)
}

// each calls fn for successive matches in [pos, end), as next finds them.
// The spans fn gets are reused for the next match: fn copies them to keep.
func (p *reProg) each(th *vm.Thread, t *reText, pos, end int, fn func(spans []int) (bool, error)) error {
	mustAdvance := false
	var buf []int
	for pos <= end {
		spans, err := p.nextInto(th, t, pos, end, mustAdvance, buf)
		if err != nil || spans == nil {
			return err
		}
		more, err := fn(spans)
		if err != nil || !more {
			return err
		}
		mustAdvance = spans[0] == spans[1]
		pos = spans[1]
		buf = spans
	}
	return nil
}

// reCharLen is the length in characters of a Go string.
func reCharLen(s string) int { return vm.RuneCount(s) }

// reWindow is the first window of a search by lines (see searchLines).
const reWindow = 256

// reNoLines turns searches by lines off (for the test that compares them
// with whole-text searches).
var reNoLines bool

// inLine reports (computing it once) that no match of the pattern can
// hold a newline or depend on the end of the text: it consumes no '\n',
// has no \z and no '$' outside MULTILINE. Such a pattern's matches lie
// within lines, and the text before a newline behaves as the end of a text
// would ((?m:$) matches, \b sees a non-word character after).
func (p *reProg) inLine() bool {
	if v := p.lineSafe.Load(); v != 0 {
		return v > 0
	}
	ok := false
	if !p.tr.hasDollar {
		if re, err := syntax.Parse(p.tr.goSrc, syntax.Perl); err == nil {
			ok = reNoNewline(re)
		}
	}
	if ok {
		p.lineSafe.Store(1)
	} else {
		p.lineSafe.Store(-1)
	}
	return ok
}

func reNoNewline(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpAnyChar, syntax.OpEndText:
		return false
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if r == '\n' {
				return false
			}
		}
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= '\n' && '\n' <= re.Rune[i+1] {
				return false
			}
		}
	}
	for _, sub := range re.Sub {
		if !reNoNewline(sub) {
			return false
		}
	}
	return true
}

// searchLines is a search over bytes [bpos, bend) of a long text for an
// inLine pattern, in windows that end before a newline: the first holds
// reWindow bytes and the rest of its line, each next one twice as many.
// Go runs a short subject on its backtracker, several times faster than
// on its NFA, which it must use on a long one; a window without a match
// moves the search past its newline, which no match can hold. It returns
// the engine's locations and the base and context they are relative to.
func (p *reProg) searchLines(t *reText, bpos, bend, base int, ctx bool, re *regexp.Regexp) ([]int, int, bool, error) {
	cur, w := bpos, reWindow
	for {
		wend := bend
		if cur+w < bend {
			if i := strings.IndexByte(t.s[cur+w:bend], '\n'); i >= 0 {
				wend = cur + w + i
			}
		}
		if loc := re.FindStringSubmatchIndex(t.s[base:wend]); loc != nil || wend == bend {
			return loc, base, ctx, nil
		}
		// On from the character after the newline, which becomes the
		// context when the pattern looks behind.
		cur, w = wend+1, w*2
		base = cur
		if p.needsCtx && !ctx {
			var err error
			if re, err = p.get(reSearch, true, false); err != nil {
				return nil, 0, false, &reEngineErr{err}
			}
			ctx = true
		}
		if ctx {
			base = cur - 1
		}
	}
}
