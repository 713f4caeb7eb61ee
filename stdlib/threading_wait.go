package stdlib

import (
	"sync"
	"time"

	asyrt "github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// waiter is the one thing every blocking primitive of threading (and queue)
// parks a thread on: a one-shot event with an optional deadline. Waiting
// releases the interpreter lock and keeps the virtual clock's books right,
// which is why Lock, Condition, Event, Semaphore, Barrier, join and queue
// all go through it:
//
//   - The main thread drives virtual time while it waits (WaitDriving).
//   - A worker waiting without a deadline is blocked, not running: it leaves
//     the clock's running count, so time can move on for the threads that
//     sleep, and the waker puts it back before it continues.
//   - A worker waiting with a deadline sleeps on the clock until then (it
//     stays in the running count, as a thread in time.sleep does), so time
//     can reach the deadline; the waker cancels that sleep, which leaves no
//     stale deadline for time to jump to.
//
// The outcome is decided once, under mu: woken (wake came first) or timed
// out. wake reports which, so a lock handing itself over or a condition
// notifying never spends a wake-up on a waiter that already gave up.
type waiter struct {
	mu      sync.Mutex
	ch      chan struct{}
	state   int                 // waitPending, waitWoken or waitTimedOut
	parked  *asyrt.VirtualClock // worker without deadline: left the running count
	clock   *asyrt.VirtualClock // worker with deadline: sleeping on this clock…
	sleeper *asyrt.Sleeper      // …as this sleeper
}

const (
	waitPending = iota
	waitWoken
	waitTimedOut
)

var waiterType = vm.NewNativeClass("_Waiter", "_thread", nil, func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	return vm.Obj(newWaiter()), nil
})

func (*waiter) Class() *vm.Class { return waiterType }

func newWaiter() *waiter { return &waiter{ch: make(chan struct{})} }

// wake wakes the waiter unless it already timed out (or was woken) and
// reports whether this call woke it. A blocked worker counts as running
// again before its channel closes, so no thread driving virtual time sees
// every thread idle between the wake-up and the waiter resuming.
func (w *waiter) wake() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.state != waitPending {
		return false
	}
	w.state = waitWoken
	if w.parked != nil {
		w.parked.AddRunning(1)
		w.parked = nil
	}
	if w.sleeper != nil {
		w.clock.CancelSleep(w.sleeper)
		w.sleeper = nil
	}
	close(w.ch)
	return true
}

// timeOut settles a pending wait as timed out; it reports whether the wait
// was woken after all (a wake that beat the timeout wins).
func (w *waiter) timeOut() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.state == waitPending {
		w.state = waitTimedOut
		w.sleeper = nil
	}
	return w.state == waitWoken
}

func (w *waiter) isSet() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.state == waitWoken
}

// wait blocks t until wake or until timeout seconds pass (negative: no
// deadline) and reports whether it was woken. Zero only polls. A stop
// (the embedder's Abort, Ctrl-C in the main thread) ends the wait at once
// with the exception it raises; the wait is then settled as timed out
// unless a wake came first.
func (w *waiter) wait(t *vm.Thread, timeout float64) (bool, error) {
	it := t.Interp()
	w.mu.Lock()
	if w.state != waitPending {
		w.mu.Unlock()
		return w.state == waitWoken, nil
	}
	if timeout == 0 {
		w.mu.Unlock()
		return w.timeOut(), nil
	}
	vc, virtual := asyrt.ClockOf(it).(*asyrt.VirtualClock)
	var err error
	switch {
	case !virtual:
		w.mu.Unlock()
		err = t.BlockingStop(func(stop <-chan struct{}) {
			if timeout < 0 {
				select {
				case <-w.ch:
				case <-stop:
				}
				return
			}
			timer := time.NewTimer(time.Duration(timeout * float64(time.Second)))
			defer timer.Stop()
			select {
			case <-w.ch:
			case <-timer.C:
			case <-stop:
			}
		})
	case t == it.MainThread():
		// The main thread is not in the running count: it drives time
		// (and WaitDriving returns early for a stop).
		w.mu.Unlock()
		asyrt.WaitDriving(t, w.ch, timeout)
		err = t.CheckInterrupt()
	case timeout < 0:
		w.parked = vc
		w.mu.Unlock()
		// Should wake have run already, it added the unit back first: the
		// count is briefly one too high, which only delays time, never
		// lets it jump past a running thread.
		vc.AddRunning(-1)
		err = t.BlockingStop(func(stop <-chan struct{}) {
			select {
			case <-w.ch:
			case <-stop:
			}
		})
		if err != nil {
			w.abandon()
		}
	default:
		s := vc.StartSleep(vc.Now() + timeout)
		w.clock, w.sleeper = vc, s
		w.mu.Unlock()
		err = t.BlockingStop(func(stop <-chan struct{}) {
			select {
			case <-w.ch:
			case <-s.Done():
			case <-stop:
			}
		})
		if err != nil {
			w.abandon()
		}
	}
	// On a stop, woken still tells whether a wake came first (a lock was
	// handed over: the caller gives it back).
	return w.timeOut(), err
}

// abandon settles a wait a stop ended: a parked worker counts as running
// again and a deadline sleep is cancelled, as wake would have done.
func (w *waiter) abandon() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.state != waitPending {
		return
	}
	w.state = waitTimedOut
	if w.parked != nil {
		w.parked.AddRunning(1)
		w.parked = nil
	}
	if w.sleeper != nil {
		w.clock.CancelSleep(w.sleeper)
		w.sleeper = nil
	}
}

func init() {
	m := waiterType.AddMethod
	self := func(args []vm.Value) *waiter { return args[0].AsObj().(*waiter) }
	m("wait", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("wait", args[1:], kw, 0, "timeout")
		if err != nil {
			return vm.Undef, err
		}
		to, err := timeoutArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		if to < 0 && !a[0].IsUndef() && !a[0].IsNone() {
			to = 0 // a negative timeout polls, like Lock.acquire(False)
		}
		ok, err := self(args).wait(t, to)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Bool(ok), nil
	})
	m("set", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(self(args).wake()), nil
	})
	m("is_set", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(self(args).isSet()), nil
	})
}
