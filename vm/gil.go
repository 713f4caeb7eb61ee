package vm

import (
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
	it.kbd.Store(false)
	it.pendingMu.Lock()
	it.pending = nil
	it.pendingMu.Unlock()
	for _, t := range []*Thread{it.main} {
		t.steps = it.cfg.MaxSteps
	}
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
	clear(f.regs[base:f.sp])
	f.sp = base
	nf.back = f
	t.frame = nf
	t.depth++
	if t.prof != nil {
		t.prof.Enter(t, nf)
	}
}

// The common case — no switch due, no step budget — is small enough for
// the compiler to inline into every call site of the dispatch loop.
func (t *Thread) checkpoint() error {
	t.ticks++
	if t.ticks < switchInterval && !t.limited {
		return nil
	}
	return t.checkpointSlow()
}

func (t *Thread) checkpointSlow() error {
	if t.ticks >= switchInterval {
		if err := t.switchNow(); err != nil {
			return err
		}
	}
	if t.limited {
		return t.tick()
	}
	return nil
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
