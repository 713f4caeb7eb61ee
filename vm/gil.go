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

// Interrupt delivers Ctrl-C: the OnInterrupt hook (the event loop cancels
// its main task) if one is set, else KeyboardInterrupt is raised in the main
// thread at its next loop iteration. Safe to call from any goroutine.
func (it *Interp) Interrupt() {
	if h := it.Hooks.OnInterrupt; h != nil && h() {
		return
	}
	it.interrupted.Store(true)
}

// maybeSwitch yields the lock if another thread waits for it, and raises a
// pending KeyboardInterrupt on the main thread.
func (t *Thread) maybeSwitch() error {
	t.ticks++
	if t.ticks < switchInterval {
		return nil
	}
	t.ticks = 0
	if t.interp.interrupted.Load() && t == t.interp.main {
		t.interp.interrupted.Store(false)
		return NewInstance(KeyboardInterrupt)
	}
	if t.interp.gil.waiting.Load() == 0 {
		return nil
	}
	t.interp.gilRelease()
	runtime.Gosched()
	t.interp.gilAcquire()
	return nil
}
