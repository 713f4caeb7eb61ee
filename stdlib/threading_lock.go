package stdlib

import (
	"fmt"
	"math"
	"sync"

	"github.com/asylang/asy/vm"
)

// threading.Lock and threading.RLock. Both queue contended acquirers on
// waiters (threading_wait.go), so a blocked thread releases the interpreter
// lock and counts as idle for the virtual clock; release hands the lock
// straight to the oldest waiter still waiting, which keeps hand-over order
// first-come first-served and never wakes a thread only to lose the race.

var (
	tlockType = vm.NewNativeClass("lock", "_thread", nil, newTLock)
	rlockType = vm.NewNativeClass("RLock", "_thread", nil, newRLock)
)

// timeoutMax is threading.TIMEOUT_MAX on 64-bit CPython.
const timeoutMax = 9223372036.0

type lockCore struct {
	mu     sync.Mutex
	locked bool
	queue  []*waiter
}

// acquire takes the lock, waiting up to timeout seconds (negative: forever)
// when blocking. A stop ends the wait with its exception.
func (l *lockCore) acquire(t *vm.Thread, blocking bool, timeout float64) (bool, error) {
	l.mu.Lock()
	if !l.locked {
		l.locked = true
		l.mu.Unlock()
		return true, nil
	}
	if !blocking {
		l.mu.Unlock()
		return false, nil
	}
	w := newWaiter()
	l.queue = append(l.queue, w)
	l.mu.Unlock()
	woken, err := w.wait(t, timeout)
	if err != nil {
		if woken {
			l.release() // handed over as the stop came: pass it on
		}
		l.dequeue(w)
		return false, err
	}
	if woken {
		return true, nil // handed over by release
	}
	l.dequeue(w)
	return false, nil
}

// dequeue takes w, which gave up, off the wait queue.
func (l *lockCore) dequeue(w *waiter) {
	l.mu.Lock()
	for i, q := range l.queue {
		if q == w {
			l.queue = append(l.queue[:i], l.queue[i+1:]...)
			break
		}
	}
	l.mu.Unlock()
}

// release unlocks, or passes the lock to the oldest live waiter.
func (l *lockCore) release() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.locked {
		return false
	}
	for len(l.queue) > 0 {
		w := l.queue[0]
		l.queue = l.queue[1:]
		if w.wake() {
			return true // still locked, now by w's thread
		}
	}
	l.locked = false
	return true
}

func (l *lockCore) isLocked() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.locked
}

// tlock is threading.Lock (_thread.lock).
type tlock struct{ core lockCore }

func (*tlock) Class() *vm.Class { return tlockType }

func newTLock(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) > 0 || len(kw) > 0 {
		return vm.Undef, vm.Errorf(vm.TypeError, "lock() takes no arguments")
	}
	return vm.Obj(&tlock{}), nil
}

func (l *tlock) Repr(t *vm.Thread) (string, error) {
	state := "unlocked"
	if l.core.isLocked() {
		state = "locked"
	}
	return fmt.Sprintf("<%s _thread.lock object at %p>", state, l), nil
}

// rlock is threading.RLock: the owning thread may acquire it again; it is
// free once released as many times as acquired. owner and count change only
// in the owner's thread under the interpreter lock.
type rlock struct {
	core  lockCore
	owner *vm.Thread
	count int
}

func (*rlock) Class() *vm.Class { return rlockType }

func newRLock(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	return vm.WrapNative(cls, &rlock{}), nil
}

func (r *rlock) Repr(t *vm.Thread) (string, error) {
	state, owner := "unlocked", int64(0)
	if r.count > 0 {
		state = "locked"
		owner = currentThread(r.owner).ident
	}
	return fmt.Sprintf("<%s _thread.RLock object owner=%d count=%d at %p>", state, owner, r.count, r), nil
}

// acquireArgs parses (blocking=True, timeout=-1) with CPython's checks and
// returns blocking and the timeout (negative: none).
func acquireArgs(t *vm.Thread, args []vm.Value, kw []vm.KV) (bool, float64, error) {
	a, err := vm.UnpackArgs("acquire", args, kw, 0, "blocking", "timeout")
	if err != nil {
		return false, 0, err
	}
	blocking := true
	if !a[0].IsUndef() {
		if blocking, err = t.Truth(a[0]); err != nil {
			return false, 0, err
		}
	}
	timeout := -1.0
	if !a[1].IsUndef() {
		if a[1].IsNone() {
			return false, 0, vm.Errorf(vm.TypeError, "'NoneType' object cannot be interpreted as an integer")
		}
		if timeout, err = vm.AsFloat(a[1]); err != nil {
			return false, 0, err
		}
	}
	if !blocking && timeout != -1 {
		return false, 0, vm.Errorf(vm.ValueError, "can't specify a timeout for a non-blocking call")
	}
	if timeout < 0 && timeout != -1 {
		return false, 0, vm.Errorf(vm.ValueError, "timeout value must be positive")
	}
	if timeout > timeoutMax || math.IsNaN(timeout) {
		return false, 0, vm.Errorf(vm.OverflowError, "timeout value is too large")
	}
	return blocking, timeout, nil
}

func init() {
	l := tlockType.AddMethod
	lk := func(args []vm.Value) *tlock { return args[0].AsObj().(*tlock) }
	acquire := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		blocking, timeout, err := acquireArgs(t, args[1:], kw)
		if err != nil {
			return vm.Undef, err
		}
		ok, err := lk(args).core.acquire(t, blocking, timeout)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Bool(ok), nil
	}
	l("acquire", acquire)
	l("acquire_lock", acquire)
	l("__enter__", acquire)
	release := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if !lk(args).core.release() {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "release unlocked lock")
		}
		return vm.None, nil
	}
	l("release", release)
	l("release_lock", release)
	l("__exit__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		_, err := release(t, args[:1], nil)
		return vm.False, err
	})
	locked := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(lk(args).core.isLocked()), nil
	}
	l("locked", locked)
	l("locked_lock", locked)

	r := rlockType.AddMethod
	rk := func(args []vm.Value) *rlock { return args[0].AsObj().(*rlock) }
	racquire := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		blocking, timeout, err := acquireArgs(t, args[1:], kw)
		if err != nil {
			return vm.Undef, err
		}
		k := rk(args)
		if k.count > 0 && k.owner == t {
			k.count++
			return vm.True, nil
		}
		ok, err := k.core.acquire(t, blocking, timeout)
		if err != nil || !ok {
			return vm.False, err
		}
		k.owner, k.count = t, 1
		return vm.True, nil
	}
	r("acquire", racquire)
	r("__enter__", racquire)
	rrelease := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		k := rk(args)
		if k.count == 0 || k.owner != t {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "cannot release un-acquired lock")
		}
		k.count--
		if k.count == 0 {
			k.owner = nil
			k.core.release()
		}
		return vm.None, nil
	}
	r("release", rrelease)
	r("__exit__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		_, err := rrelease(t, args[:1], nil)
		return vm.False, err
	})
	// Condition's protocol: wait releases the whole recursion and restores it.
	r("_is_owned", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		k := rk(args)
		return vm.Bool(k.count > 0 && k.owner == t), nil
	})
	r("_release_save", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		k := rk(args)
		if k.count == 0 || k.owner != t {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "cannot release un-acquired lock")
		}
		state := vm.Obj(vm.NewTuple([]vm.Value{vm.Int(int64(k.count)), vm.Int(currentThread(t).ident)}))
		k.owner, k.count = nil, 0
		k.core.release()
		return state, nil
	})
	r("_acquire_restore", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "_acquire_restore() takes exactly one argument")
		}
		items, err := t.ToList(args[1])
		if err != nil {
			return vm.Undef, err
		}
		if len(items) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "_acquire_restore() argument must be a (count, owner) pair")
		}
		n, err := vm.AsFloat(items[0])
		if err != nil {
			return vm.Undef, err
		}
		k := rk(args)
		if _, err := k.core.acquire(t, true, -1); err != nil {
			return vm.Undef, err
		}
		k.owner, k.count = t, int(n)
		return vm.None, nil
	})
}
