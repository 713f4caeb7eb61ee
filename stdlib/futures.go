package stdlib

import (
	"sync"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// concurrent.futures: thread pools whose futures can be waited on from any
// thread (with the interpreter lock released while waiting).

var (
	cfFutureType = vm.NewNativeClass("Future", "concurrent.futures._base", nil, func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("Future", args, 0); err != nil {
			return vm.Undef, err
		}
		return vm.Obj(newCFFuture(t.Interp())), nil
	})
	cfInvalidState = vm.NewExceptionClass("InvalidStateError", "concurrent.futures._base", vm.Exception)
	cfExecutorType = vm.NewNativeClass("ThreadPoolExecutor", "concurrent.futures.thread", nil, newThreadPoolExecutor)
	cfTimeoutError = vm.TimeoutError
	cfCancelled    = vm.NewExceptionClass("CancelledError", "concurrent.futures._base", vm.Exception)
)

// cfFuture is a thread-safe future. Fields are guarded by mu; done is
// closed when the future completes.
type cfFuture struct {
	mu        sync.Mutex
	state     int // 0 pending, 1 running, 2 finished, 3 cancelled
	result    vm.Value
	exc       *vm.Instance
	done      chan struct{}
	callbacks []vm.Value
	// hooks are Go done callbacks (asyncio's chaining), run like callbacks.
	hooks   []func(f *cfFuture)
	waiters []*waiter
	it      *vm.Interp
}

// waitAny blocks until one of futs is done or timeout passes. The futures
// wake the waiter themselves, in the finishing thread and before that
// thread tells the virtual clock it is done, so a thread driving virtual
// time never sees "all threads asleep" between a future finishing and its
// waiter's wake-up; a worker thread waiting leaves the clock free to move.
func waitAny(t *vm.Thread, futs []*cfFuture, timeout float64) error {
	a := newWaiter()
	for _, f := range futs {
		f.mu.Lock()
		if f.state >= 2 {
			a.wake()
		} else {
			f.waiters = append(f.waiters, a)
		}
		f.mu.Unlock()
	}
	_, err := a.wait(t, timeout)
	for _, f := range futs {
		f.mu.Lock()
		for i, w := range f.waiters {
			if w == a {
				f.waiters = append(f.waiters[:i], f.waiters[i+1:]...)
				break
			}
		}
		f.mu.Unlock()
	}
	return err
}

// complete moves f to a final state, closes done, wakes waiters and hands
// back the done callbacks for the caller to run once f.mu is released.
func (f *cfFuture) complete(state int) cfCallbacks {
	f.state = state
	close(f.done)
	for _, w := range f.waiters {
		w.wake()
	}
	f.waiters = nil
	cbs := cfCallbacks{f.callbacks, f.hooks}
	f.callbacks, f.hooks = nil, nil
	return cbs
}

type cfCallbacks struct {
	script []vm.Value
	hooks  []func(f *cfFuture)
}

// runCallbacks runs done callbacks in the completing thread, as CPython
// does; Go hooks go first (they only hand work to an event loop).
func (f *cfFuture) runCallbacks(t *vm.Thread, cbs cfCallbacks) {
	for _, h := range cbs.hooks {
		h(f)
	}
	for _, cb := range cbs.script {
		t.Call(cb, []vm.Value{vm.Obj(f)}, nil)
	}
}

// addHook registers a Go done callback; it runs at once (on the calling
// goroutine) when f is already done.
func (f *cfFuture) addHook(h func(f *cfFuture)) {
	f.mu.Lock()
	if f.state < 2 {
		f.hooks = append(f.hooks, h)
		f.mu.Unlock()
		return
	}
	f.mu.Unlock()
	h(f)
}

// setRunning is set_running_or_notify_cancel(): false for a cancelled
// future, true (now running) for a pending one.
func (f *cfFuture) setRunning() (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch f.state {
	case 3:
		return false, nil
	case 0:
		f.state = 1
		return true, nil
	}
	return false, vm.Errorf(vm.RuntimeError, "Future in unexpected state")
}

func (*cfFuture) Class() *vm.Class { return cfFutureType }

func newCFFuture(it *vm.Interp) *cfFuture { return &cfFuture{done: make(chan struct{}), it: it} }

func (f *cfFuture) Repr(t *vm.Thread) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	states := []string{"pending", "running", "finished", "cancelled"}
	s := "<Future at 0x0 state=" + states[f.state]
	if f.state == 2 {
		if f.exc != nil {
			s += " raised " + f.exc.Class().Name
		} else {
			s += " returned " + f.result.TypeName()
		}
	}
	return s + ">", nil
}

// finish completes the future (lock held by the caller's goroutine: the
// interpreter lock, so callbacks can run script code).
func (f *cfFuture) finish(t *vm.Thread, v vm.Value, err error) {
	f.mu.Lock()
	if f.state >= 2 {
		f.mu.Unlock()
		return
	}
	if err != nil {
		f.exc = vm.AsException(err)
	} else {
		f.result = v
	}
	cbs := f.complete(2)
	f.mu.Unlock()
	f.runCallbacks(t, cbs)
}

// set is set_result/set_exception: like finish, but a future already done
// is CPython's InvalidStateError.
func (f *cfFuture) set(t *vm.Thread, v vm.Value, exc *vm.Instance) error {
	f.mu.Lock()
	if f.state >= 2 {
		f.mu.Unlock()
		s, _ := f.Repr(t)
		state := "FINISHED"
		if f.state == 3 {
			state = "CANCELLED"
		}
		return vm.Errorf(cfInvalidState, "%s: %s", state, s)
	}
	if exc != nil {
		f.exc = exc
	} else {
		f.result = v
	}
	cbs := f.complete(2)
	f.mu.Unlock()
	f.runCallbacks(t, cbs)
	return nil
}

// wait blocks until done or timeout (negative: forever), releasing the
// interpreter lock; under the virtual clock the main thread drives time
// forward while it waits.
func (f *cfFuture) wait(t *vm.Thread, timeout float64) (bool, error) {
	if err := waitAny(t, []*cfFuture{f}, timeout); err != nil {
		return false, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.state >= 2, nil
}

// waitDone waits for done; a stop ends the wait with its exception.
func waitDone(t *vm.Thread, done chan struct{}, timeout float64) (bool, error) {
	if runtime.WaitDriving(t, done, timeout) {
		return true, nil
	}
	return false, t.CheckInterrupt()
}

// cancel is Future.cancel(): a future not yet running becomes cancelled; it
// reports whether the future is cancelled now.
func (f *cfFuture) cancel(t *vm.Thread) bool {
	f.mu.Lock()
	if f.state != 0 {
		cancelled := f.state == 3
		f.mu.Unlock()
		return cancelled
	}
	cbs := f.complete(3)
	f.mu.Unlock()
	f.runCallbacks(t, cbs)
	return true
}

func (f *cfFuture) outcome() (vm.Value, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.state == 3 {
		return vm.Undef, vm.NewInstance(cfCancelled)
	}
	if f.exc != nil {
		return vm.Undef, f.exc
	}
	return f.result, nil
}

func timeoutArg(v vm.Value) (float64, error) {
	if v.IsUndef() || v.IsNone() {
		return -1, nil
	}
	return vm.AsFloat(v)
}

func init() {
	// The methods are Python functions in CPython: a wrong argument count
	// gets a Python call's words.
	noArgs := map[string]bool{"done": true, "running": true, "cancelled": true, "cancel": true,
		"set_running_or_notify_cancel": true}
	m := func(name string, f vm.BuiltinFunc) {
		cfFutureType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if noArgs[name] {
				if len(kw) > 0 {
					return vm.Undef, vm.Errorf(vm.TypeError, "Future.%s() got an unexpected keyword argument '%s'", name, kw[0].Name)
				}
				if len(args) != 1 {
					return vm.Undef, vm.Errorf(vm.TypeError, "Future.%s() takes 1 positional argument but %d were given", name, len(args))
				}
			}
			return f(t, args, kw)
		})
	}
	self := func(args []vm.Value) *cfFuture { return args[0].AsObj().(*cfFuture) }
	m("result", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("result", args[1:], kw, 0, "timeout")
		if err != nil {
			return vm.Undef, err
		}
		to, err := timeoutArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		f := self(args)
		if ok, err := f.wait(t, to); err != nil || !ok {
			if err != nil {
				return vm.Undef, err
			}
			return vm.Undef, vm.NewInstance(cfTimeoutError)
		}
		return f.outcome()
	})
	m("exception", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("exception", args[1:], kw, 0, "timeout")
		if err != nil {
			return vm.Undef, err
		}
		to, err := timeoutArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		f := self(args)
		if ok, err := f.wait(t, to); err != nil || !ok {
			if err != nil {
				return vm.Undef, err
			}
			return vm.Undef, vm.NewInstance(cfTimeoutError)
		}
		_, err = f.outcome()
		if err != nil {
			if vm.IsInstanceOf(err, cfCancelled) {
				return vm.Undef, err
			}
			return vm.Obj(vm.AsException(err)), nil
		}
		return vm.None, nil
	})
	m("done", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f := self(args)
		f.mu.Lock()
		defer f.mu.Unlock()
		return vm.Bool(f.state >= 2), nil
	})
	m("running", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f := self(args)
		f.mu.Lock()
		defer f.mu.Unlock()
		return vm.Bool(f.state == 1), nil
	})
	m("cancelled", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f := self(args)
		f.mu.Lock()
		defer f.mu.Unlock()
		return vm.Bool(f.state == 3), nil
	})
	m("cancel", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(self(args).cancel(t)), nil
	})
	m("set_result", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("set_result", args[1:], kw, 1, "result")
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, self(args).set(t, a[0], nil)
	})
	m("set_exception", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("set_exception", args[1:], kw, 1, "exception")
		if err != nil {
			return vm.Undef, err
		}
		exc, _ := a[0].AsObj().(*vm.Instance)
		if exc == nil || !exc.Class().IsSubclass(vm.BaseException) {
			return vm.Undef, vm.Errorf(vm.TypeError, "exceptions must derive from BaseException")
		}
		return vm.None, self(args).set(t, vm.Undef, exc)
	})
	m("set_running_or_notify_cancel", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		ok, err := self(args).setRunning()
		return vm.Bool(ok), err
	})
	m("add_done_callback", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) > 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "Future.add_done_callback() takes 2 positional arguments but %d were given", len(args))
		}
		fn, err := oneParam("Future.add_done_callback", "fn", args[1:], kw)
		if err != nil {
			return vm.Undef, err
		}
		args = []vm.Value{args[0], fn}
		f := self(args)
		f.mu.Lock()
		if f.state < 2 {
			f.callbacks = append(f.callbacks, args[1])
			f.mu.Unlock()
			return vm.None, nil
		}
		f.mu.Unlock()
		_, err = t.Call(args[1], []vm.Value{args[0]}, nil)
		return vm.None, err
	})

	e := cfExecutorType.AddMethod
	pool := func(args []vm.Value) *cfExecutor { return args[0].AsObj().(*cfExecutor) }
	e("submit", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "submit expected at least 1 argument, got 0")
		}
		f, err := pool(args).submit(t, args[1], args[2:], kw)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(f), nil
	})
	e("map", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 3 {
			return vm.Undef, vm.Errorf(vm.TypeError, "map() missing required arguments")
		}
		p := pool(args)
		var lists [][]vm.Value
		for _, it := range args[2:] {
			items, err := t.ToList(it)
			if err != nil {
				return vm.Undef, err
			}
			lists = append(lists, items)
		}
		n := -1
		for _, l := range lists {
			if n < 0 || len(l) < n {
				n = len(l)
			}
		}
		futs := make([]*cfFuture, 0, n)
		for i := 0; i < n; i++ {
			call := make([]vm.Value, len(lists))
			for j := range lists {
				call[j] = lists[j][i]
			}
			f, err := p.submit(t, args[1], call, nil)
			if err != nil {
				return vm.Undef, err
			}
			futs = append(futs, f)
		}
		i := 0
		return vm.NewIterator(vm.MapType, func(t *vm.Thread) (vm.Value, bool, error) {
			if i >= len(futs) {
				return vm.Undef, false, nil
			}
			f := futs[i]
			i++
			if _, err := f.wait(t, -1); err != nil {
				return vm.Undef, false, err
			}
			v, err := f.outcome()
			return v, err == nil, err
		}), nil
	})
	e("shutdown", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("shutdown", args[1:], kw, 0, "wait", "cancel_futures")
		if err != nil {
			return vm.Undef, err
		}
		wait := a[0].IsUndef() || a[0].AsBool() || a[0].Kind() != vm.KBool
		cancel := !a[1].IsUndef() && a[1].Kind() == vm.KBool && a[1].AsBool()
		return vm.None, pool(args).shutdown(t, wait, cancel)
	})
	e("__enter__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return args[0], nil })
	e("__exit__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.False, pool(args).shutdown(t, true, false)
	})
}

// cfExecutor is ThreadPoolExecutor.
type cfExecutor struct {
	pool *runtime.ThreadPool
	it   *vm.Interp
}

func (*cfExecutor) Class() *vm.Class { return cfExecutorType }

func newThreadPoolExecutor(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("ThreadPoolExecutor", args, kw, 0, "max_workers", "thread_name_prefix", "initializer", "initargs")
	if err != nil {
		return vm.Undef, err
	}
	max := 0
	if !a[0].IsUndef() && !a[0].IsNone() {
		n, err := t.AsInt64(a[0])
		if err != nil {
			return vm.Undef, err
		}
		if n <= 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "max_workers must be greater than 0")
		}
		max = int(n)
	}
	prefix, _ := a[1].StrOf()
	return vm.Obj(&cfExecutor{pool: runtime.NewThreadPool(t.Interp(), max, prefix), it: t.Interp()}), nil
}

func (e *cfExecutor) submit(t *vm.Thread, fn vm.Value, args []vm.Value, kw []vm.KV) (*cfFuture, error) {
	f := newCFFuture(e.it)
	job := &runtime.Job{Fn: fn, Args: append([]vm.Value(nil), args...), Kw: kw,
		Start: func() bool {
			f.mu.Lock()
			defer f.mu.Unlock()
			if f.state == 3 {
				return false
			}
			f.state = 1
			return true
		}}
	job.Done = func(v vm.Value, err error) { f.finish(t.Interp().MainThread(), v, err) }
	job.Cancel = func() { f.cancel(t.Interp().MainThread()) }
	if err := e.pool.Submit(job); err != nil {
		return nil, err
	}
	return f, nil
}

func (e *cfExecutor) shutdown(t *vm.Thread, wait, cancel bool) error {
	e.pool.ShutdownCancel(false, cancel)
	if wait {
		done := make(chan struct{})
		go func() { e.pool.Shutdown(true); close(done) }()
		_, err := waitDone(t, done, -1)
		return err
	}
	return nil
}

// asCompleted yields futures as they finish (concurrent.futures.as_completed).
func asCompleted(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("as_completed", args, kw, 1, "fs", "timeout")
	if err != nil {
		return vm.Undef, err
	}
	to, err := timeoutArg(a[1])
	if err != nil {
		return vm.Undef, err
	}
	items, err := t.ToList(a[0])
	if err != nil {
		return vm.Undef, err
	}
	var pending []*cfFuture
	seen := map[*cfFuture]bool{}
	for _, v := range items {
		f, ok := v.AsObj().(*cfFuture)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "as_completed() needs concurrent futures, got %s", v.TypeName())
		}
		if !seen[f] {
			seen[f] = true
			pending = append(pending, f)
		}
	}
	clock := runtime.ClockOf(t.Interp())
	deadline := clock.Now() + to
	total := len(pending)
	return vm.NewIterator(vm.MapType, func(t *vm.Thread) (vm.Value, bool, error) {
		if len(pending) == 0 {
			return vm.Undef, false, nil
		}
		for {
			for i, f := range pending {
				select {
				case <-f.done:
					pending = append(pending[:i], pending[i+1:]...)
					return vm.Obj(f), true, nil
				default:
				}
			}
			remaining := -1.0
			if to >= 0 {
				remaining = deadline - clock.Now()
				if remaining <= 0 {
					return vm.Undef, false, vm.Errorf(cfTimeoutError, "%d (of %d) futures unfinished", len(pending), total)
				}
			}
			if err := waitAny(t, pending, remaining); err != nil {
				return vm.Undef, false, err
			}
		}
	}), nil
}

// cfWait is concurrent.futures.wait(fs, timeout=None, return_when=ALL_COMPLETED).
func cfWait(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("wait", args, kw, 1, "fs", "timeout", "return_when")
	if err != nil {
		return vm.Undef, err
	}
	to, err := timeoutArg(a[1])
	if err != nil {
		return vm.Undef, err
	}
	when := "ALL_COMPLETED"
	if !a[2].IsUndef() {
		when, _ = a[2].StrOf()
	}
	items, err := t.ToList(a[0])
	if err != nil {
		return vm.Undef, err
	}
	var futs []*cfFuture
	for _, v := range items {
		f, ok := v.AsObj().(*cfFuture)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "wait() needs concurrent futures, got %s", v.TypeName())
		}
		futs = append(futs, f)
	}
	satisfied := func() bool {
		ndone := 0
		for _, f := range futs {
			select {
			case <-f.done:
				ndone++
				if when == "FIRST_COMPLETED" {
					return true
				}
				if when == "FIRST_EXCEPTION" {
					f.mu.Lock()
					failed := f.exc != nil
					f.mu.Unlock()
					if failed {
						return true
					}
				}
			default:
			}
		}
		return ndone == len(futs)
	}
	clock := runtime.ClockOf(t.Interp())
	deadline := clock.Now() + to
	for !satisfied() {
		remaining := -1.0
		if to >= 0 {
			remaining = deadline - clock.Now()
			if remaining <= 0 {
				break
			}
		}
		var pending []*cfFuture
		for _, f := range futs {
			select {
			case <-f.done:
			default:
				pending = append(pending, f)
			}
		}
		if err := waitAny(t, pending, remaining); err != nil {
			return vm.Undef, err
		}
	}
	done, notDone := vm.NewSet(), vm.NewSet()
	for i, f := range futs {
		select {
		case <-f.done:
			done.Add(t, items[i])
		default:
			notDone.Add(t, items[i])
		}
	}
	return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(done), vm.Obj(notDone)})), nil
}

func concurrentModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("concurrent", "")
	return m, nil
}

func futuresModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("concurrent.futures", "")
	m.Set("__name__", vm.Str("concurrent.futures"))
	m.Set("ThreadPoolExecutor", vm.Obj(cfExecutorType))
	m.Set("Future", vm.Obj(cfFutureType))
	m.Set("ProcessPoolExecutor", vm.Obj(ppExecutorType))
	m.Set("TimeoutError", vm.Obj(cfTimeoutError))
	m.Set("CancelledError", vm.Obj(cfCancelled))
	m.Set("InvalidStateError", vm.Obj(cfInvalidState))
	m.Set("as_completed", vm.NewBuiltin("as_completed", asCompleted))
	m.Set("wait", vm.NewBuiltin("wait", cfWait))
	m.Set("FIRST_COMPLETED", vm.Str("FIRST_COMPLETED"))
	m.Set("FIRST_EXCEPTION", vm.Str("FIRST_EXCEPTION"))
	m.Set("ALL_COMPLETED", vm.Str("ALL_COMPLETED"))
	return m, nil
}

func init() {
	register("concurrent", concurrentModule)
	register("concurrent.futures", futuresModule)
}
