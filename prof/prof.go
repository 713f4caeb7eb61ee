// Package prof is asy's deterministic profiler: a vm.FrameProfiler that
// counts the calls of every script function (primitive calls apart from
// recursive ones, as CPython's cProfile) and measures the time spent in
// each (tottime) and under each (cumtime). It backs `asy --profile`, the
// cProfile module and pprof output. A thread without a profiler pays a nil
// check per call and return, nothing more.
package prof

import (
	"sync"
	"time"

	"github.com/asylang/asy/vm"
)

// Stat is one function's line of the table.
type Stat struct {
	File  string
	Line  int
	Name  string
	Calls int     // every call (and every resume of a coroutine or generator)
	Prim  int     // calls not made while the function was already running
	Tot   float64 // seconds spent in the function itself
	Cum   float64 // seconds spent in it and what it called
	// Callers counts the calls made from each caller (by its index in the
	// profile's stats); -1 is the top level.
	Callers map[int]int

	code   *vm.Code
	active int
}

type entry struct {
	f     *vm.Frame
	st    int // index into stats
	node  *Node
	start time.Duration
	child time.Duration
}

// Node is a call path: the function at its end, its calls and the time
// spent in it (not in its callees) along this path, for pprof's stacks.
type Node struct {
	Stat     int // index into Stats()
	Calls    int
	Self     time.Duration
	Parent   *Node
	children map[int]*Node
}

func (n *Node) child(i int) *Node {
	c := n.children[i]
	if c == nil {
		if n.children == nil {
			n.children = map[int]*Node{}
		}
		c = &Node{Stat: i, Parent: n}
		n.children[i] = c
	}
	return c
}

// Profiler records while attached to threads (vm.Interp.SetProfiler or
// vm.Thread.SetProfiler). Its methods may be called from several threads,
// each keeping its own stack.
type Profiler struct {
	mu     sync.Mutex
	origin time.Time
	stacks map[*vm.Thread][]entry
	byCode map[*vm.Code]int
	stats  []*Stat
	root   Node          // the call tree's root (no function)
	total  time.Duration // time profiled (between Start and Stop)
	since  time.Duration // when the current recording began (-1: stopped)
}

// New makes a stopped profiler.
func New() *Profiler {
	return &Profiler{origin: time.Now(), stacks: map[*vm.Thread][]entry{}, byCode: map[*vm.Code]int{}, since: -1}
}

func (p *Profiler) now() time.Duration { return time.Since(p.origin) }

// Start begins a recording period (cProfile's enable).
func (p *Profiler) Start() {
	p.mu.Lock()
	if p.since < 0 {
		p.since = p.now()
	}
	p.mu.Unlock()
}

// Stop ends the period: frames still running count up to now, as
// CPython's profiler flushes them on disable.
func (p *Profiler) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	for t, s := range p.stacks {
		for len(s) > 0 {
			s = p.pop(s, now)
		}
		delete(p.stacks, t)
	}
	if p.since >= 0 {
		p.total += now - p.since
		p.since = -1
	}
}

// Enter records a call (vm.FrameProfiler).
func (p *Profiler) Enter(t *vm.Thread, f *vm.Frame) {
	p.mu.Lock()
	code := f.Code()
	i, ok := p.byCode[code]
	if !ok {
		i = len(p.stats)
		p.stats = append(p.stats, &Stat{File: code.Filename, Line: code.FirstLine, Name: code.Name, code: code, Callers: map[int]int{}})
		p.byCode[code] = i
	}
	st := p.stats[i]
	st.Calls++
	if st.active == 0 {
		st.Prim++
	}
	st.active++
	s := p.stacks[t]
	caller, parent := -1, &p.root
	if len(s) > 0 {
		caller, parent = s[len(s)-1].st, s[len(s)-1].node
	}
	st.Callers[caller]++
	node := parent.child(i)
	node.Calls++
	p.stacks[t] = append(s, entry{f: f, st: i, node: node, start: p.now()})
	p.mu.Unlock()
}

// Exit records frame f (and any frame above it) leaving (vm.FrameProfiler).
func (p *Profiler) Exit(t *vm.Thread, f *vm.Frame) {
	p.mu.Lock()
	s := p.stacks[t]
	for k := len(s) - 1; k >= 0; k-- {
		if s[k].f == f {
			now := p.now()
			for len(s) > k {
				s = p.pop(s, now)
			}
			p.stacks[t] = s
			break
		}
	}
	p.mu.Unlock()
}

func (p *Profiler) pop(s []entry, now time.Duration) []entry {
	e := s[len(s)-1]
	s = s[:len(s)-1]
	el := now - e.start
	st := p.stats[e.st]
	st.Tot += (el - e.child).Seconds()
	e.node.Self += el - e.child
	st.active--
	if st.active == 0 {
		st.Cum += el.Seconds()
	}
	if len(s) > 0 {
		s[len(s)-1].child += el
	}
	return s
}

// Stats returns a copy of the table so far (frames still running are not
// counted until they return or Stop).
func (p *Profiler) Stats() []Stat {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Stat, len(p.stats))
	for i, s := range p.stats {
		out[i] = *s
		out[i].Callers = map[int]int{}
		for k, v := range s.Callers {
			out[i].Callers[k] = v
		}
	}
	return out
}

// Total is the time profiled so far.
func (p *Profiler) Total() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.since >= 0 {
		return p.total + p.now() - p.since
	}
	return p.total
}

// Walk calls fn for every call path of the tree (depth first); stop the
// recording first.
func (p *Profiler) Walk(fn func(n *Node)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var walk func(n *Node)
	walk = func(n *Node) {
		for _, c := range n.children {
			fn(c)
			walk(c)
		}
	}
	walk(&p.root)
}
