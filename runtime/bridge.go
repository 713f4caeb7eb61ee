package runtime

import (
	"sync"
	"sync/atomic"

	"github.com/asylang/asy/vm"
)

// The thread-to-loop bridge: what lets a thread other than the loop's —
// a script thread (loop.call_soon_threadsafe, run_coroutine_threadsafe,
// wrap_future) or an embedder's goroutine — hand work to a loop, and what
// the loop must know so that it neither gives up (deadlock report) nor lets
// virtual time run past such work while it may still come.

// interpLoops is an interpreter's bridge state.
type interpLoops struct {
	mu sync.Mutex
	// running are the loops running now, in start order.
	running []*Loop
	// threads counts script threads besides the loops' that may post: live
	// threading.Threads and executor jobs not finished.
	threads int
	// holds counts embedders that said Go goroutines may call in (Hold).
	holds int
	// taskSeq numbers tasks Task-1, Task-2… across the interpreter's loops,
	// as CPython numbers them across the process.
	taskSeq atomic.Int64
}

type loopsKey struct{}

// processLoops are the loops running in the process, of every
// interpreter: a CLI's Ctrl-\ dumps their tasks without watching each run.
var processLoops = struct {
	sync.Mutex
	running map[*Loop]bool
}{running: map[*Loop]bool{}}

// RunningLoops lists the loops running in the process now (of any
// interpreter; for the CLI's task dump). Only Post to them.
func RunningLoops() []*Loop {
	processLoops.Lock()
	defer processLoops.Unlock()
	out := make([]*Loop, 0, len(processLoops.running))
	for l := range processLoops.running {
		out = append(out, l)
	}
	return out
}

var loopsInit sync.Mutex

func loopsOf(it *vm.Interp) *interpLoops {
	if v, ok := it.Ext(loopsKey{}); ok {
		return v.(*interpLoops)
	}
	loopsInit.Lock()
	defer loopsInit.Unlock()
	if v, ok := it.Ext(loopsKey{}); ok {
		return v.(*interpLoops)
	}
	r := &interpLoops{}
	it.SetExt(loopsKey{}, r)
	return r
}

func (r *interpLoops) started(l *Loop) {
	r.mu.Lock()
	r.running = append(r.running, l)
	r.mu.Unlock()
	processLoops.Lock()
	processLoops.running[l] = true
	processLoops.Unlock()
}

func (r *interpLoops) stopped(l *Loop) {
	processLoops.Lock()
	delete(processLoops.running, l)
	processLoops.Unlock()
	r.mu.Lock()
	for i, x := range r.running {
		if x == l {
			r.running = append(r.running[:i], r.running[i+1:]...)
			break
		}
	}
	r.mu.Unlock()
}

// pokeAll wakes every running loop so it looks at its state again.
func (r *interpLoops) pokeAll() {
	r.mu.Lock()
	ls := append([]*Loop(nil), r.running...)
	r.mu.Unlock()
	for _, l := range ls {
		l.poke()
	}
}

// othersMayPost reports whether something besides l's own thread may still
// post to it: a live script thread or an embedder's hold.
func (r *interpLoops) othersMayPost() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.threads > 0 || r.holds > 0
}

func (r *interpLoops) held() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.holds > 0
}

// AddThreads records script threads (threading.Thread, executor jobs)
// starting (+n) or ending (-n). While any runs, a loop on the main thread
// with nothing to do waits for them (they may call call_soon_threadsafe)
// instead of reporting a deadlock; the last one ending lets it look again.
func AddThreads(it *vm.Interp, n int) {
	r := loopsOf(it)
	r.mu.Lock()
	r.threads += n
	r.mu.Unlock()
	if n < 0 {
		r.pokeAll()
	}
}

// Hold says Go goroutines may post to the interpreter's loops at any time
// (an embedder's callbacks): until the returned release is called, a loop
// with nothing to do waits for them instead of reporting a deadlock.
// Release may be called once; later calls do nothing.
func Hold(it *vm.Interp) (release func()) {
	r := loopsOf(it)
	r.mu.Lock()
	r.holds++
	r.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			r.mu.Lock()
			r.holds--
			r.mu.Unlock()
			r.pokeAll()
		})
	}
}

// PostRunning hands fn, from any goroutine, to a running loop of the
// interpreter — the one on the main thread if it runs one, else the most
// recently started — and returns that loop; ok is false when no loop runs
// (or it closed meanwhile). fn runs on the loop's thread, interpreter lock
// held. Should the loop stop and close before it gets to fn, fn never runs:
// wait on the loop's CloseNotify channel to learn of it.
func PostRunning(it *vm.Interp, fn func(l *Loop)) (l *Loop, ok bool) {
	r := loopsOf(it)
	r.mu.Lock()
	for _, x := range r.running {
		if x.t == it.MainThread() {
			l = x
			break
		}
	}
	if l == nil && len(r.running) > 0 {
		l = r.running[len(r.running)-1]
	}
	r.mu.Unlock()
	if l == nil {
		return nil, false
	}
	target := l
	if _, err := l.CallSoonThreadsafe(func() { fn(target) }); err != nil {
		return nil, false
	}
	return l, true
}

// SkipTaskIDs consumes n task numbers, for the tasks CPython creates where
// asy needs none (asyncio.run's shutdown steps), so names stay in step.
func SkipTaskIDs(it *vm.Interp, n int) { loopsOf(it).taskSeq.Add(int64(n)) }

// othersMayPost reports whether another thread may still post to l, so an
// idle l must wait rather than report a deadlock. A loop on a worker
// thread always waits: the main thread may post at any time.
func (l *Loop) othersMayPost() bool {
	return l.t != l.it.MainThread() || l.reg.othersMayPost()
}

// parkState is how an idle loop on a worker thread waits under the virtual
// clock.
type parkState uint8

const (
	parkNone     parkState = iota
	parkIdle               // no timer: out of the clock's running count
	parkSleeping           // sleeping on the clock until its next timer
)

// unpark ends an idle worker loop's wait for a poster (inboxMu held):
// synchronously, so that the poster cannot go on to sleep and let a thread
// driving virtual time see every thread idle and jump past the posted call.
func (l *Loop) unpark() {
	switch l.park {
	case parkIdle:
		l.clock.(*VirtualClock).AddRunning(1)
	case parkSleeping:
		l.clock.(*VirtualClock).CancelSleep(l.parkSleeper)
		l.parkSleeper = nil
	}
	l.park = parkNone
}

// waitWorker is the virtual-clock wait of a loop on a thread other than the
// main one (a threading.Thread running loop.run_forever, an executor job
// calling asyncio.run). That thread counts as running on the clock, so an
// idle loop must not hold time still: with a timer pending it sleeps on the
// clock until the timer is due, as time.sleep would; with none it leaves
// the running count, as a thread blocked without deadline does. Whoever
// drives time (the main thread waiting) then moves it on. A post undoes
// either state synchronously (unpark).
func (l *Loop) waitWorker(vc *VirtualClock) error {
	l.inboxMu.Lock()
	if len(l.inbox) > 0 {
		l.inboxMu.Unlock()
		return nil
	}
	if l.external > 0 || l.holdTime > 0 {
		// Go goroutines at work hold time still: wait for them running.
		l.inboxMu.Unlock()
		l.t.Blocking(func() { <-l.wake })
		return nil
	}
	if l.timers.len() > 0 && l.timers.top().when <= vc.Now() {
		l.inboxMu.Unlock()
		return nil // due already
	}
	var fired <-chan struct{} // nil (never ready) without a timer
	if l.timers.len() > 0 {
		l.park, l.parkSleeper = parkSleeping, vc.StartSleep(l.timers.top().when)
		fired = l.parkSleeper.Done()
	} else {
		l.park = parkIdle
		vc.AddRunning(-1)
	}
	l.inboxMu.Unlock()
	for {
		l.t.Blocking(func() {
			select {
			case <-l.wake:
			case <-fired:
			}
		})
		l.inboxMu.Lock()
		done := l.park == parkNone // a post woke us
		if !done && fired != nil {
			select {
			case <-fired: // time reached the timer
				l.park, l.parkSleeper, done = parkNone, nil, true
			default:
			}
		}
		l.inboxMu.Unlock()
		if done {
			return nil
		}
		// Poked for another reason (a thread started sleeping): keep waiting.
	}
}
