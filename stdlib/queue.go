package stdlib

import (
	"sync"
	"time"

	asyrt "github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The native part of queue: a one-shot waiter the Python-written condition
// variable in pylib/queue.py parks threads on. threading has no Condition,
// and a waiting thread must release the interpreter lock and, under the
// virtual clock, tell the clock it is blocked (not running) so that time can
// move on while it waits for a producer that sleeps.

var qWaiterType = vm.NewNativeClass("_Waiter", "queue", nil, newQWaiter)

type qWaiter struct {
	mu     sync.Mutex
	ch     chan struct{}
	set    bool
	parked *asyrt.VirtualClock // the clock told this waiter is not running
}

func (*qWaiter) Class() *vm.Class { return qWaiterType }

func newQWaiter(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	return vm.Obj(&qWaiter{ch: make(chan struct{})}), nil
}

// wake marks the waiter set. A parked waiter counts as running again before
// its channel closes, so a thread driving virtual time never sees every
// thread idle between the wake-up and the waiter resuming.
func (w *qWaiter) wake() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.set {
		return
	}
	w.set = true
	if w.parked != nil {
		w.parked.AddRunning(1)
		w.parked = nil
	}
	close(w.ch)
}

// wait blocks until wake or timeout seconds (negative: none) and reports
// whether the waiter was woken.
func (w *qWaiter) wait(t *vm.Thread, timeout float64) bool {
	it := t.Interp()
	w.mu.Lock()
	if w.set {
		w.mu.Unlock()
		return true
	}
	vc, virtual := asyrt.ClockOf(it).(*asyrt.VirtualClock)
	switch {
	case !virtual:
		w.mu.Unlock()
		ok := false
		t.Blocking(func() {
			if timeout < 0 {
				<-w.ch
				ok = true
				return
			}
			timer := time.NewTimer(time.Duration(timeout * float64(time.Second)))
			defer timer.Stop()
			select {
			case <-w.ch:
				ok = true
			case <-timer.C:
			}
		})
		return ok
	case t == it.MainThread():
		// The main thread drives virtual time while it waits.
		w.mu.Unlock()
		return asyrt.WaitDriving(t, w.ch, timeout)
	case timeout < 0:
		// A worker waiting without a deadline is idle, not running.
		w.parked = vc
		w.mu.Unlock()
		vc.AddRunning(-1)
		t.Blocking(func() { <-w.ch })
		return true
	default:
		// A worker with a deadline sleeps on the clock until it, so time
		// can reach the deadline. (Woken early, its clock sleeper stays
		// registered until virtual time passes the deadline.)
		w.mu.Unlock()
		timer := make(chan struct{})
		go func() { vc.Sleep(timeout); close(timer) }()
		ok := false
		t.Blocking(func() {
			select {
			case <-w.ch:
				ok = true
			case <-timer:
			}
		})
		return ok
	}
}

func init() {
	m := qWaiterType.AddMethod
	self := func(args []vm.Value) *qWaiter { return args[0].AsObj().(*qWaiter) }
	m("wait", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("wait", args[1:], kw, 0, "timeout")
		if err != nil {
			return vm.Undef, err
		}
		to, err := timeoutArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		return vm.Bool(self(args).wait(t, to)), nil
	})
	m("set", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		self(args).wake()
		return vm.None, nil
	})
	m("is_set", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		w := self(args)
		w.mu.Lock()
		defer w.mu.Unlock()
		return vm.Bool(w.set), nil
	})
	register("queue", func(it *vm.Interp) (*vm.Module, error) {
		m := vm.NewModule("queue", "")
		m.Set("_Waiter", vm.Obj(qWaiterType))
		return m, nil
	})
}
