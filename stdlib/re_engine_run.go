package stdlib

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/asylang/asy/vm"
)

// Running reEngineProg (re_engine.go): a recursive backtracking matcher over
// the subject's bytes, cut at endpos as sre cuts it. The straight parts of
// a pattern run in a loop; a choice (alternatives, repeats, groups, which
// must undo what they set when the rest fails) recurses.

// reExec is the state of one search.
type reExec struct {
	s           string
	caps        []int // byte offsets of the groups (-1: unset)
	open        []int // where each group being matched opened
	cnt         []int // iterations done, per loop
	lstart      []int // where the current iteration began, per loop
	start       int   // where the current attempt began
	mustAdvance bool  // a match at start must not be empty
	full        bool  // a match must end at the end
	endAt       int   // the end of the match found
	subEnd      int   // the end of the last look-around or atomic body
	steps       int
	budget      int
	depth       int
	abort       bool // over budget or too deep: the other engines take over
}

// reMaxDepth bounds the recursion (each group, choice and loop iteration
// on the path of a match is a frame); past it the other engines take over.
const reMaxDepth = 20000

// errReBudget: the search gave up (steps or depth); run it elsewhere.
var errReBudget = errors.New("re engine: over budget")

// run searches s (the subject cut at endpos) from byte bpos. kind is
// reSearch, reMatch or reFull; mustAdvance refuses an empty match at bpos.
// It returns the byte offsets of the groups in dst (grown as needed), or
// nil. e is the state to use (kept by the caller between searches).
func (p *reEngineProg) run(e *reExec, s string, bpos, kind int, mustAdvance bool, dst []int) ([]int, error) {
	ng := p.groups + 1
	if cap(e.caps) < 2*ng {
		e.caps, e.open = make([]int, 2*ng), make([]int, ng)
	}
	e.caps, e.open = e.caps[:2*ng], e.open[:ng]
	for i := range e.caps {
		e.caps[i] = -1
	}
	if cap(e.cnt) < p.loops {
		e.cnt, e.lstart = make([]int, p.loops), make([]int, p.loops)
	}
	e.cnt, e.lstart = e.cnt[:p.loops], e.lstart[:p.loops]
	e.s, e.mustAdvance, e.full = s, mustAdvance, kind == reFull
	e.steps, e.budget, e.depth, e.abort = 0, 1<<20+64*(len(s)-bpos), 0, false
	start := bpos
	for {
		if kind == reSearch {
			if p.anchored && start > 0 {
				return nil, nil
			}
			if p.prefix != "" {
				k := strings.Index(s[start:], p.prefix)
				if k < 0 {
					return nil, nil
				}
				start += k
			} else if p.firstOK {
				for start < len(s) && !p.firstB[s[start]] {
					start++
				}
				if start >= len(s) {
					return nil, nil
				}
			}
		}
		e.start = start
		if e.call(p.start, start) {
			if cap(dst) < 2*ng {
				dst = make([]int, 2*ng)
			}
			dst = dst[:2*ng]
			copy(dst, e.caps)
			dst[0], dst[1] = start, e.endAt
			return dst, nil
		}
		if e.abort {
			return nil, errReBudget
		}
		if kind != reSearch || start >= len(s) {
			return nil, nil
		}
		e.mustAdvance = false
		if s[start] < utf8.RuneSelf {
			start++
		} else {
			_, w := utf8.DecodeRuneInString(s[start:])
			start += w
		}
		if e.steps++; e.steps > e.budget {
			return nil, errReBudget
		}
	}
}

// call matches n at i, one recursion deeper.
func (e *reExec) call(n *reNode, i int) bool {
	if e.depth >= reMaxDepth {
		e.abort = true
		return false
	}
	e.depth++
	ok := e.match(n, i)
	e.depth--
	return ok
}

// step counts one backtracking step and reports going over the budget.
func (e *reExec) step() bool {
	e.steps++
	if e.steps > e.budget {
		e.abort = true
	}
	return e.abort
}

func (e *reExec) match(n *reNode, i int) bool {
	s := e.s
	for {
		switch n.op {
		case reOpChar:
			if i >= len(s) {
				return false
			}
			if c := s[i]; c < utf8.RuneSelf {
				if !n.cs.hasASCII(c) {
					return false
				}
				i++
			} else {
				r, w := utf8.DecodeRuneInString(s[i:])
				if !n.cs.has(r) {
					return false
				}
				i += w
			}
		case reOpStr:
			if len(s)-i < len(n.lit) || s[i:i+len(n.lit)] != n.lit {
				return false
			}
			i += len(n.lit)
		case reOpRep:
			return e.rep(n, i)
		case reOpLoop:
			c, st := e.cnt[n.g], e.lstart[n.g]
			e.cnt[n.g] = 0
			ok := e.loopIter(n, i)
			e.cnt[n.g], e.lstart[n.g] = c, st
			return ok
		case reOpLoopTail:
			l := n.loop
			c, st := e.cnt[l.g], e.lstart[l.g]
			if i == st {
				return false // an empty iteration would never end
			}
			e.cnt[l.g] = c + 1
			ok := e.loopIter(l, i)
			e.cnt[l.g], e.lstart[l.g] = c, st
			return ok
		case reOpAlt:
			last := len(n.alts) - 1
			for k, a := range n.alts[:last] {
				if f := n.altFirst[k]; f != nil && (i >= len(s) || !f[s[i]]) {
					continue
				}
				if e.call(a, i) {
					return true
				}
				if e.step() {
					return false
				}
			}
			if f := n.altFirst[last]; f != nil && (i >= len(s) || !f[s[i]]) {
				return false
			}
			n = n.alts[last]
			continue
		case reOpOpen:
			old := e.open[n.g]
			e.open[n.g] = i
			if e.call(n.next, i) {
				return true
			}
			e.open[n.g] = old
			return false
		case reOpClose:
			g := 2 * n.g
			os, oe := e.caps[g], e.caps[g+1]
			e.caps[g], e.caps[g+1] = e.open[n.g], i
			if e.call(n.next, i) {
				return true
			}
			e.caps[g], e.caps[g+1] = os, oe
			return false
		case reOpBackref:
			g := 2 * n.g
			if e.caps[g] < 0 {
				return false
			}
			ref := s[e.caps[g]:e.caps[g+1]]
			if !n.fold {
				if !strings.HasPrefix(s[i:], ref) {
					return false
				}
				i += len(ref)
			} else {
				j, ok := reFoldPrefix(s, i, ref)
				if !ok {
					return false
				}
				i = j
			}
		case reOpAssert:
			if !e.assert(n.kind, i) {
				return false
			}
		case reOpWordB:
			if len(s) == 0 {
				return false
			}
			before, after := false, false
			if i > 0 {
				r, _ := utf8.DecodeLastRuneInString(s[:i])
				before = n.cs.has(r)
			}
			if i < len(s) {
				r, _ := utf8.DecodeRuneInString(s[i:])
				after = n.cs.has(r)
			}
			if (before != after) == n.neg {
				return false
			}
		case reOpLook, reOpAtomic:
			var saved []int
			if n.caps {
				saved = append(saved, e.caps...)
			}
			j, ok := e.sub(n, i)
			if e.abort {
				return false
			}
			if n.neg {
				if ok {
					copy(e.caps, saved)
					return false
				}
			} else if !ok {
				return false
			}
			if n.op == reOpAtomic {
				i = j
			}
			if n.caps && !n.neg {
				if e.call(n.next, i) {
					return true
				}
				copy(e.caps, saved)
				return false
			}
		case reOpCond:
			if e.caps[2*n.g] >= 0 {
				n = n.yes
			} else {
				n = n.no
			}
			continue
		case reOpAccept:
			if (e.full && i != len(s)) || (e.mustAdvance && i == e.start) {
				return false
			}
			e.endAt = i
			return true
		case reOpSubAccept:
			e.subEnd = i
			return true
		}
		n = n.next
	}
}

// sub matches the body of a look-around or atomic group at i and returns
// where it ended.
func (e *reExec) sub(n *reNode, i int) (int, bool) {
	j := i
	if n.behind {
		s := e.s
		for k := 0; k < n.min; k++ {
			if j == 0 {
				return 0, false
			}
			if s[j-1] < utf8.RuneSelf {
				j--
			} else {
				_, w := utf8.DecodeLastRuneInString(s[:j])
				j -= w
			}
		}
	}
	if !e.call(n.sub, j) {
		return 0, false
	}
	return e.subEnd, !n.behind || e.subEnd == i
}

func (e *reExec) assert(kind, i int) bool {
	s := e.s
	switch kind {
	case reAtBegin:
		return i == 0
	case reAtEnd:
		return i == len(s)
	case reAtLineBegin:
		return i == 0 || s[i-1] == '\n'
	case reAtLineEnd:
		return i == len(s) || s[i] == '\n'
	case reAtDollar:
		return i == len(s) || (i == len(s)-1 && s[i] == '\n')
	}
	return false
}

// rep runs a repeat of one character, then the rest of the pattern.
func (e *reExec) rep(n *reNode, i int) bool {
	s, cs, next, nf := e.s, n.cs, n.next, n.nextFirst
	j, k := i, 0
	if n.greedy {
		for (n.max < 0 || k < n.max) && j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if !cs.hasASCII(c) {
					break
				}
				j++
			} else {
				r, w := utf8.DecodeRuneInString(s[j:])
				if !cs.has(r) {
					break
				}
				j += w
			}
			k++
		}
		if k < n.min {
			return false
		}
		for {
			if nf == nil || (j < len(s) && nf[s[j]]) {
				if e.call(next, j) {
					return true
				}
			}
			if k == n.min || e.step() {
				return false
			}
			k--
			if s[j-1] < utf8.RuneSelf {
				j--
			} else {
				_, w := utf8.DecodeLastRuneInString(s[:j])
				j -= w
			}
		}
	}
	for {
		if k >= n.min {
			if nf == nil || (j < len(s) && nf[s[j]]) {
				if e.call(next, j) {
					return true
				}
			}
			if k == n.max || e.step() {
				return false
			}
		}
		if j >= len(s) {
			return false
		}
		if c := s[j]; c < utf8.RuneSelf {
			if !cs.hasASCII(c) {
				return false
			}
			j++
		} else {
			r, w := utf8.DecodeRuneInString(s[j:])
			if !cs.has(r) {
				return false
			}
			j += w
		}
		k++
	}
}

// loopIter is at an iteration boundary of loop n (its count done so far
// in e.cnt): one more iteration, or the rest of the pattern, in the order
// the loop's greed says.
func (e *reExec) loopIter(n *reNode, i int) bool {
	if e.step() {
		return false
	}
	c := e.cnt[n.g]
	if c < n.min {
		e.lstart[n.g] = i
		return e.call(n.sub, i)
	}
	more := n.max < 0 || c < n.max
	if n.greedy {
		if more {
			e.lstart[n.g] = i
			if e.call(n.sub, i) {
				return true
			}
			if e.abort {
				return false
			}
		}
		return e.call(n.next, i)
	}
	if e.call(n.next, i) {
		return true
	}
	if e.abort || !more {
		return false
	}
	e.lstart[n.g] = i
	return e.call(n.sub, i)
}

// reFoldPrefix matches ref at s[i:] ignoring case (as a backreference
// under IGNORECASE) and returns the end.
func reFoldPrefix(s string, i int, ref string) (int, bool) {
	for _, r := range ref {
		if i >= len(s) {
			return 0, false
		}
		c, w := utf8.DecodeRuneInString(s[i:])
		if c != r && unicode.ToLower(c) != unicode.ToLower(r) {
			return 0, false
		}
		i += w
	}
	return i, true
}

// engineProg returns the pattern's program for asy's engine, nil when the
// engine cannot run it (compiled on first use).
func (p *reProg) engineProg() *reEngineProg {
	if v := p.engState.Load(); v != nil {
		return v.prog
	}
	st := &reEngineState{}
	body := p.tr.goSrc
	if !p.tr.needBT {
		if tr, err := reTranslateForNamed(p.pat, p.flags, p.isBytes, true, p.charNames); err == nil {
			body = tr.goSrc
		} else {
			body = ""
		}
	}
	if body != "" {
		if prog, err := reEngineCompile(body, p.tr.groups); err == nil {
			st.prog = prog
		}
	}
	p.engState.Store(st)
	return st.prog
}

type reEngineState struct{ prog *reEngineProg }

// engineExec runs the search on asy's engine; ok is false when it cannot
// (the pattern or subject is not for it, or it gave up), and the other
// engines must.
// The spans go to dst when it has room (nil: a new slice).
func (p *reProg) engineExec(t *reText, pos, end, kind int, mustAdvance bool, dst []int) (spans []int, ok bool) {
	if reNoEngine || pos > end {
		return nil, false
	}
	prog := p.engineProg()
	if prog == nil || !t.engineOK() {
		return nil, false
	}
	bend := t.byteOf(end)
	// One state per pattern is kept for the next search; a search on
	// another thread meanwhile makes its own.
	e := p.spare.Swap(nil)
	if e == nil {
		e = &reExec{}
	}
	caps, err := prog.run(e, t.s[:bend], t.byteOf(pos), kind, mustAdvance, dst)
	e.s = ""
	p.spare.Store(e)
	if err != nil {
		return nil, false
	}
	if caps == nil {
		return nil, true
	}
	if t.starts == nil && t.so == nil {
		return caps, true // ASCII: bytes are characters
	}
	for i, b := range caps {
		if b >= 0 {
			caps[i] = t.charOf(b)
		}
	}
	return caps, true
}

// reNoEngine turns asy's engine off (for tests that compare the engines).
var reNoEngine bool

// engineOK reports whether the subject's bytes are valid UTF-8 (a str with
// a lone surrogate is not), as the engine needs.
func (t *reText) engineOK() bool {
	if t.engChecked == 0 {
		t.engChecked = 1
		switch {
		case t.isBytes || (t.so == nil && t.starts == nil):
		case t.so != nil:
			if t.so.HasSurrogates() {
				t.engChecked = -1
			}
		default:
			if vm.HasSurrogate(t.s) {
				t.engChecked = -1
			}
		}
	}
	return t.engChecked > 0
}
