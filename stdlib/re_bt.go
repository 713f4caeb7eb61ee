package stdlib

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/asylang/asy/vm"
)

// The backtracking engine: patterns RE2 cannot run (backreferences,
// look-around, conditionals, atomic groups, possessive quantifiers) and the
// few matches where RE2 would differ from CPython (a Unicode \b on non-ASCII
// text, '$' before a final newline in a text with others, a non-empty match
// hiding behind an empty one) run on it. It is large (regexp2), so it comes
// from an opt-in extension, modules/rebacktrack, which registers the hidden
// module _re_backtrack; without it such patterns raise re.error.
//
// A backtracking match can take exponential time. It runs first on the
// calling goroutine with a short match timeout; past that it moves to a
// goroutine while the thread waits, releasing the interpreter lock, so that
// a stop (Abort, Ctrl-C) ends the wait at once. The goroutine retries with
// doubling timeouts and gives up at the first one after the stop, so it
// outlives the stop by at most as long as the match had already run.

// ReBacktracker compiles patterns for the backtracking engine.
type ReBacktracker interface {
	// Compile compiles src (regexp2 syntax, groups unnamed) whose matches
	// give up after timeout with ErrReBTTimeout.
	Compile(src string, timeout time.Duration) (ReBTProgram, error)
}

// ReBTProgram is a compiled backtracking pattern.
type ReBTProgram interface {
	// Find searches text from rune index start and fills spans with the
	// rune offsets of each group (-1 when it did not take part).
	Find(text []rune, start int, spans []int) (bool, error)
}

// Errors a ReBTProgram's Find returns (wrapped or not).
var (
	ErrReBTTimeout = errors.New("re: match timed out")
	ErrReBTStack   = errors.New("re: backtracking stack exhausted")
)

var reEngineType = vm.NewNativeClass("engine", "_re_backtrack", nil, nil)

type reEngineBox struct{ e ReBacktracker }

func (*reEngineBox) Class() *vm.Class { return reEngineType }

// ReBacktrackModule is the loader of _re_backtrack, which hands engine e to
// the re module of the interpreters that have the extension.
func ReBacktrackModule(e ReBacktracker) vm.ModuleLoader {
	return func(it *vm.Interp) (*vm.Module, error) {
		m := vm.NewModule("_re_backtrack", "")
		m.Set("engine", vm.Obj(&reEngineBox{e}))
		return m, nil
	}
}

// engine returns the interpreter's backtracking engine, nil without the
// extension (looked up once).
func (st *reModuleState) engine(t *vm.Thread) ReBacktracker {
	st.mu.Lock()
	looked, e := st.btLooked, st.bt
	st.mu.Unlock()
	if looked {
		return e
	}
	if m, err := t.ImportModule("_re_backtrack"); err == nil {
		if v, ok := m.Get("engine"); ok {
			if box, ok := v.AsObj().(*reEngineBox); ok {
				e = box.e
			}
		}
	}
	st.mu.Lock()
	st.btLooked, st.bt = true, e
	st.mu.Unlock()
	return e
}

// The anchorings of a backtracking program: \G is where the search starts.
const (
	reBTSearch = iota
	reBTMatch
	reBTFull
	reBTNonEmpty // a match at the start that is not empty
)

// reBTBase is the first match timeout; each retry doubles it. The clock
// is the wall's, and a retry starts the match over: the first try runs on
// the thread and is not interruptible, but at 100 ms a plain search over a
// long text on a busy machine (30 ms of CPU) timed out and ran again.
const (
	reBTBase      = 250 * time.Millisecond
	reBTMaxLevel  = 30
	reBTLevelKeys = reBTMaxLevel + 1
)

// reBTProg is a pattern's backtracking translation and its compiled
// variants, by anchoring and timeout level.
type reBTProg struct {
	engine ReBacktracker
	body   string
	groups int
	mu     sync.Mutex
	progs  map[int]ReBTProgram
	first  [4]atomic.Pointer[ReBTProgram] // level 0 of each variant, read without the lock
}

func (b *reBTProg) get(variant, level int) (ReBTProgram, error) {
	if level == 0 {
		if p := b.first[variant].Load(); p != nil {
			return *p, nil
		}
	}
	key := variant*reBTLevelKeys + level
	b.mu.Lock()
	defer b.mu.Unlock()
	if p, ok := b.progs[key]; ok {
		return p, nil
	}
	var src string
	switch variant {
	case reBTSearch:
		src = `(?:` + b.body + `)`
	case reBTMatch:
		src = `\G(?:` + b.body + `)`
	case reBTFull:
		src = `\G(?:` + b.body + `)\z`
	default:
		src = `\G(?:` + b.body + `)(?!\G)`
	}
	p, err := b.engine.Compile(src, reBTBase<<level)
	if err != nil {
		return nil, err
	}
	if b.progs == nil {
		b.progs = map[int]ReBTProgram{}
	}
	b.progs[key] = p
	if level == 0 {
		b.first[variant].Store(&p)
	}
	return p, nil
}

// find runs variant over text[:end] from start and returns the spans or nil.
func (b *reBTProg) find(th *vm.Thread, variant int, text []rune, start int) ([]int, error) {
	prog, err := b.get(variant, 0)
	if err != nil {
		return nil, err
	}
	spans := make([]int, 2*(b.groups+1))
	ok, err := prog.Find(text, start, spans)
	if errors.Is(err, ErrReBTTimeout) {
		if err := th.CheckInterrupt(); err != nil {
			return nil, err
		}
		ok, spans, err = b.findSlow(th, variant, text, start)
	}
	if err != nil {
		return nil, reBTError(err)
	}
	if !ok {
		return nil, nil
	}
	return spans, nil
}

type reBTResult struct {
	ok    bool
	spans []int
	err   error
}

// findSlow runs a long match on a goroutine with doubling timeouts while
// the thread waits for it or for a stop.
func (b *reBTProg) findSlow(th *vm.Thread, variant int, text []rune, start int) (bool, []int, error) {
	var stopped atomic.Bool
	done := make(chan reBTResult, 1)
	go func() {
		for level := 1; ; level++ {
			if stopped.Load() {
				done <- reBTResult{err: ErrReBTTimeout}
				return
			}
			prog, err := b.get(variant, min(level, reBTMaxLevel))
			if err != nil {
				done <- reBTResult{err: err}
				return
			}
			spans := make([]int, 2*(b.groups+1))
			ok, err := prog.Find(text, start, spans)
			if errors.Is(err, ErrReBTTimeout) {
				continue
			}
			done <- reBTResult{ok: ok, spans: spans, err: err}
			return
		}
	}()
	for {
		var r reBTResult
		got := false
		err := th.BlockingStop(func(stop <-chan struct{}) {
			select {
			case r = <-done:
				got = true
			case <-stop:
			}
		})
		if err != nil {
			stopped.Store(true)
			return false, nil, err
		}
		if got {
			return r.ok, r.spans, r.err
		}
	}
}

// reBTError turns an engine failure into the Python exception.
func reBTError(err error) error {
	if errors.Is(err, ErrReBTStack) {
		return vm.NewInstance(vm.MemoryError)
	}
	if errors.Is(err, ErrReBTTimeout) {
		return &reEngineErr{err}
	}
	if _, ok := err.(*vm.Instance); ok {
		return err
	}
	return &reEngineErr{err}
}

// reEngineErr is an engine's own failure, raised as re.error.
type reEngineErr struct{ err error }

func (e *reEngineErr) Error() string { return e.err.Error() }
