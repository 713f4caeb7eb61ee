package vm

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// gil is the interpreter lock: only the goroutine holding it runs bytecode
// or touches interpreter objects. A thread releases it around blocking calls
// (Thread.Blocking) and hands it over every switchInterval backward jumps
// when another thread is waiting, as CPython's switch interval does, so a
// busy thread cannot starve the event loop.
type gil struct {
	mu      sync.Mutex
	waiting atomic.Int32
}

// switchInterval is the number of loop iterations between checks for a
// waiting thread (a few milliseconds of bytecode at most).
const switchInterval = 2000

func (it *Interp) gilAcquire() {
	it.gil.waiting.Add(1)
	it.gil.mu.Lock()
	it.gil.waiting.Add(-1)
}

func (it *Interp) gilRelease() { it.gil.mu.Unlock() }

// Acquire takes the interpreter lock for the calling goroutine (embedders
// and executor threads call it before running script code).
func (it *Interp) Acquire() { it.gilAcquire() }

// Release gives the interpreter lock up.
func (it *Interp) Release() { it.gilRelease() }

// SetInterruptHandler installs fn to handle Interrupt (it reports whether it
// did) and returns the previous one; nil removes it. Safe from any goroutine.
func (it *Interp) SetInterruptHandler(fn func() bool) (prev func() bool) {
	var p *func() bool
	if fn != nil {
		p = &fn
	}
	if old := it.onInterrupt.Swap(p); old != nil {
		return *old
	}
	return nil
}

// Interrupt delivers Ctrl-C: the interrupt handler (the event loop cancels
// its main task) if one is set, else KeyboardInterrupt is raised in the main
// thread at its next loop iteration. Safe to call from any goroutine.
func (it *Interp) Interrupt() {
	if h := it.onInterrupt.Load(); h != nil && (*h)() {
		return
	}
	it.kbd.Store(true)
	it.interrupted.Store(true)
	it.signalBlocked()
}

// InterruptSignal returns a channel closed at the next Interrupt or Abort:
// a blocking call (time.sleep) selects on it, then calls CheckInterrupt.
func (it *Interp) InterruptSignal() <-chan struct{} {
	it.sigMu.Lock()
	defer it.sigMu.Unlock()
	if it.sigCh == nil {
		it.sigCh = make(chan struct{})
	}
	return it.sigCh
}

func (it *Interp) signalBlocked() {
	it.sigMu.Lock()
	defer it.sigMu.Unlock()
	if it.sigCh != nil {
		close(it.sigCh)
		it.sigCh = nil
	}
}

// abortSignal returns a channel closed at the next Abort.
func (it *Interp) abortSignal() <-chan struct{} {
	it.sigMu.Lock()
	defer it.sigMu.Unlock()
	if it.abortCh == nil {
		it.abortCh = make(chan struct{})
	}
	return it.abortCh
}

// StopSignal returns the channel a blocking wait of t selects on: closed
// at the next Abort, and for the main thread at the next Ctrl-C too (other
// threads never raise KeyboardInterrupt, so it would only wake them for
// nothing). Take it before checking StopPending, then wait: a stop
// between the two still closes the channel.
func (t *Thread) StopSignal() <-chan struct{} {
	if t == t.interp.main {
		return t.interp.InterruptSignal()
	}
	return t.interp.abortSignal()
}

// StopPending reports whether CheckInterrupt would raise in t now (without
// taking the Ctrl-C).
func (t *Thread) StopPending() bool {
	if !t.interp.interrupted.Load() {
		return false
	}
	return t.interp.aborted.Load() != nil || t == t.interp.main
}

// BlockingStop is Blocking for waits a stop must end: wait runs with the
// interpreter lock released and must return once stop is closed. It
// returns the exception the stop raises in t (RunAborted, or
// KeyboardInterrupt on the main thread), nil when wait ended by itself
// with no stop pending.
func (t *Thread) BlockingStop(wait func(stop <-chan struct{})) error {
	stop := t.StopSignal()
	if err := t.CheckInterrupt(); err != nil {
		return err
	}
	t.Blocking(func() { wait(stop) })
	return t.CheckInterrupt()
}

// CheckInterrupt returns the exception a pending Abort or Ctrl-C raises in
// t now (nil if none).
func (t *Thread) CheckInterrupt() error {
	if !t.interp.interrupted.Load() {
		return nil
	}
	if err := t.interp.abortError(); err != nil {
		return err
	}
	if t == t.interp.main {
		t.interp.interrupted.Store(false)
		if err := t.interp.runPending(t); err != nil {
			return err
		}
		if t.interp.kbd.Swap(false) {
			return NewInstance(KeyboardInterrupt)
		}
	}
	return nil
}

// RunAborted is raised in every thread of an interpreter stopped by Abort
// (the embedder's limits: run time, cancelled context, instruction count).
// No except or finally clause runs for it: it unwinds straight out.
var RunAborted = NewExceptionClass("RunAborted", "builtins", BaseException)

// Abort stops the interpreter: each thread raises RunAborted(msg) at its
// next loop iteration or call, and the exception cannot be caught. Safe to
// call from any goroutine.
func (it *Interp) Abort(msg string) {
	it.aborted.CompareAndSwap(nil, &msg)
	it.interrupted.Store(true) // makes threads look at the flags soon
	it.signalBlocked()
	it.sigMu.Lock()
	if it.abortCh != nil {
		close(it.abortCh)
		it.abortCh = nil
	}
	if it.stopCancel != nil {
		it.stopCancel()
		it.stopCtx, it.stopCancel = nil, nil
	}
	it.sigMu.Unlock()
}

// StopContext returns a context cancelled at the next Abort, for Go calls
// that take one (database statements): they end with the run.
func (it *Interp) StopContext() context.Context {
	it.sigMu.Lock()
	defer it.sigMu.Unlock()
	if it.aborted.Load() != nil {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		return ctx
	}
	if it.stopCtx == nil {
		it.stopCtx, it.stopCancel = context.WithCancel(context.Background())
	}
	return it.stopCtx
}

// Aborted reports the message given to Abort, if it was called.
func (it *Interp) Aborted() (string, bool) {
	if p := it.aborted.Load(); p != nil {
		return *p, true
	}
	return "", false
}

// ResetAbort clears Abort and a pending interrupt (between embedder runs).
func (it *Interp) ResetAbort() {
	it.aborted.Store(nil)
	it.interrupted.Store(false)
	if it.budget == &it.ownBudget { // a shared budget is its owner's to reset
		it.budget.Store(it.cfg.MaxSteps)
	}
	it.main.steps = 0
	it.kbd.Store(false)
	it.pendingMu.Lock()
	it.pending = nil
	it.pendingMu.Unlock()
}

func (it *Interp) abortError() error {
	if p := it.aborted.Load(); p != nil {
		return NewException(RunAborted, Str(*p))
	}
	return nil
}

// checkpoint runs at loop back-edges and script calls: it yields the lock
// to a waiting thread, delivers Ctrl-C and Abort, and spends the step budget.
// callPrologue is what every script call from the dispatch loop pays
// before its frame is pushed: the recursion limit, then a checkpoint (calls
// count like loop iterations, so that recursion without loops still yields
// the lock and sees Abort).
func (t *Thread) callPrologue() error {
	if t.depth >= t.depthLimit() {
		return t.recursionError()
	}
	return t.checkpoint()
}

// pushCall makes nf, called from f, the running frame; the call's callee
// and arguments occupied f's registers [base, f.sp).
func (t *Thread) pushCall(f, nf *Frame, base int) {
	clearRegs(f.regs[base:f.sp])
	f.sp = int32(base)
	nf.back = f
	t.frame = nf
	t.depth++
	if t.prof != nil {
		t.prof.Enter(t, nf)
	}
}

// The common case — no switch due, no step budget, no stop asked — is
// small enough for the compiler to inline into every call site of the
// dispatch loop. The stop flag is read at every checkpoint (one atomic
// load, a plain load on amd64 and arm64), so an Abort or Ctrl-C lands at
// the next loop iteration or call however slow each iteration is.
func (t *Thread) checkpoint() error {
	t.ticks++
	if t.ticks < switchInterval && !t.limited && !t.interp.interrupted.Load() {
		return nil
	}
	return t.checkpointSlow()
}

func (t *Thread) checkpointSlow() error {
	if t.ticks >= switchInterval {
		if err := t.switchNow(); err != nil {
			return err
		}
	} else if t.interp.interrupted.Load() {
		if err := t.CheckInterrupt(); err != nil {
			return err
		}
	}
	if t.limited {
		return t.tick()
	}
	return nil
}

// Poll is the stop check of loops in Go code (builtins consuming
// iterators, sort, join, regex, database row loops) and of Go→script
// calls: it raises a pending Abort or Ctrl-C and spends one step of the
// budget, so sum(range(10**15)) stops under every limit. It never hands
// the interpreter lock over (the caller's Go state may not expect other
// threads to run), and costs one atomic load when nothing is pending.
func (t *Thread) Poll() error {
	if t.interp.interrupted.Load() {
		if err := t.CheckInterrupt(); err != nil {
			return err
		}
	}
	if t.limited {
		return t.tick()
	}
	return nil
}

// PollEvery is Poll for very tight Go loops: it polls on every n-th call
// (i counts the loop's iterations; n a power of two).
func (t *Thread) PollEvery(i, n int) error {
	if i&(n-1) != 0 {
		return nil
	}
	return t.Poll()
}

// maybeSwitch yields the lock if another thread waits for it, and raises a
// pending KeyboardInterrupt on the main thread.
func (t *Thread) maybeSwitch() error {
	t.ticks++
	if t.ticks < switchInterval {
		return nil
	}
	return t.switchNow()
}

// switchNow is maybeSwitch once the interval has passed.
func (t *Thread) switchNow() error {
	t.ticks = 0
	if err := t.CheckInterrupt(); err != nil {
		return err
	}
	if t.interp.gil.waiting.Load() == 0 {
		return nil
	}
	t.interp.gilRelease()
	runtime.Gosched()
	t.interp.gilAcquire()
	return nil
}
