package stdlib

import (
	"fmt"
	"sort"
	"sync"
	"time"

	asyrt "github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The native part of threading: Thread, current_thread/main_thread with
// names, get_ident, enumerate and the default excepthook; the locks are in
// threading_lock.go and the waiter everything blocks on in
// threading_wait.go. Condition, Event, Semaphore, Barrier, Timer and local
// are script code in pylib/threading.py, which runs over this module.
// Script threads are goroutines with their own vm.Thread, running under the
// interpreter lock like executor workers.

var threadType = vm.NewNativeClass("Thread", "threading", nil, newThreadObj)

type threadObj struct {
	self    vm.Value // the script-visible object: o, or a subclass instance carrying it
	name    string
	ident   int64
	target  vm.Value
	args    []vm.Value
	kw      []vm.KV
	started bool
	done    chan struct{}
	daemon  bool
	// external marks threads threading did not start (executor workers):
	// their pools end them, not the shutdown join.
	external bool

	mu       sync.Mutex
	finished bool
	joiners  []*waiter
}

func (*threadObj) Class() *vm.Class { return threadType }

func (o *threadObj) val() vm.Value {
	if o.self.IsUndef() {
		return vm.Obj(o)
	}
	return o.self
}

func (o *threadObj) Repr(t *vm.Thread) (string, error) {
	state := "initial"
	if o.started {
		state = "started"
		select {
		case <-o.done:
			state = "stopped"
		default:
		}
	}
	if o.daemon {
		state += " daemon"
	}
	if o.started {
		return fmt.Sprintf("<%s(%s, %s %d)>", o.val().Class().Name, o.name, state, o.ident), nil
	}
	return fmt.Sprintf("<%s(%s, %s)>", o.val().Class().Name, o.name, state), nil
}

func (o *threadObj) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	switch name {
	case "name":
		return vm.Str(o.name), true, nil
	case "ident", "native_id":
		if !o.started {
			return vm.None, true, nil
		}
		return vm.Int(o.ident), true, nil
	case "daemon":
		return vm.Bool(o.daemon), true, nil
	}
	return vm.Undef, false, nil
}

func (o *threadObj) SetAttr(t *vm.Thread, name string, v vm.Value) error {
	switch name {
	case "name":
		s, err := t.StrOf(v)
		o.name = s
		return err
	case "daemon":
		if o.started {
			return vm.Errorf(vm.RuntimeError, "cannot set daemon status of active thread")
		}
		b, err := t.Truth(v)
		o.daemon = b
		return err
	}
	return vm.Errorf(vm.AttributeError, "'Thread' object has no attribute '%s'", name)
}

// threadState is the per-interpreter registry of names for vm threads.
type threadState struct {
	mu    sync.Mutex
	names map[*vm.Thread]*threadObj
	count int
	main  *threadObj
	// module is this interpreter's threading module: a failing thread calls
	// whatever its excepthook is now.
	module      *vm.Module
	defaultHook vm.Value
}

type threadStateKey struct{}

func threadsOf(it *vm.Interp) *threadState {
	if v, ok := it.Ext(threadStateKey{}); ok {
		return v.(*threadState)
	}
	st := &threadState{names: map[*vm.Thread]*threadObj{}}
	st.main = &threadObj{name: "MainThread", ident: 1, started: true, done: make(chan struct{})}
	st.names[it.MainThread()] = st.main
	it.SetExt(threadStateKey{}, st)
	return st
}

func (st *threadState) nextName() string {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.count++
	return fmt.Sprintf("Thread-%d", st.count)
}

// currentThread returns the threading.Thread object of t, naming executor
// workers after their pool ("ThreadPoolExecutor-0_0" style is approximated
// with the pool prefix or "asyncio" for the default executor).
func currentThread(t *vm.Thread) *threadObj {
	st := threadsOf(t.Interp())
	st.mu.Lock()
	defer st.mu.Unlock()
	if o, ok := st.names[t]; ok {
		return o
	}
	name := fmt.Sprintf("Thread-%d", len(st.names))
	if n, ok := t.Local.(interface{ ThreadName() string }); ok {
		name = n.ThreadName()
	} else if s, ok := asyrt.WorkerName(t); ok {
		name = s
	}
	o := &threadObj{name: name, ident: int64(len(st.names) + 1), started: true, done: make(chan struct{}), external: true}
	st.names[t] = o
	return o
}

// newThreadObj makes a Thread, or the native part of a script subclass. A
// subclass with its own __init__ gets a blank thread: its __init__ passes
// Thread's arguments on through Thread.__init__ (which Timer does).
func newThreadObj(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	o := &threadObj{done: make(chan struct{})}
	o.self = vm.WrapNative(cls, o)
	if init, ok := cls.Lookup("__init__"); ok && !cls.Builtin {
		if _, native := init.AsObj().(*vm.Builtin); !native {
			return o.self, nil
		}
	}
	if err := o.init(t, args, kw); err != nil {
		return vm.Undef, err
	}
	return o.self, nil
}

// init is Thread.__init__(group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None).
func (o *threadObj) init(t *vm.Thread, args []vm.Value, kw []vm.KV) error {
	a, err := vm.UnpackArgs("Thread", args, kw, 0, "group", "target", "name", "args", "kwargs", "daemon")
	if err != nil {
		return err
	}
	if !a[0].IsUndef() && !a[0].IsNone() {
		return vm.Errorf(vm.AssertionError, "group argument must be None for now")
	}
	st := threadsOf(t.Interp())
	o.target = a[1]
	if !a[2].IsUndef() && !a[2].IsNone() {
		o.name, _ = t.StrOf(a[2])
	} else {
		o.name = st.nextName()
		// Since 3.10 CPython appends the target's name: "Thread-1 (work)".
		if !o.target.IsUndef() && !o.target.IsNone() {
			if n, err := t.GetAttr(o.target, "__name__"); err == nil {
				if s, ok := n.StrOf(); ok {
					o.name += " (" + s + ")"
				}
			}
		}
	}
	o.args = nil
	if !a[3].IsUndef() {
		if o.args, err = t.ToList(a[3]); err != nil {
			return err
		}
	}
	o.kw = nil
	if d, ok := a[4].AsObj().(*vm.Dict); ok {
		d.Items(func(k, v vm.Value) bool {
			if s, ok := k.StrOf(); ok {
				o.kw = append(o.kw, vm.KV{Name: s, Val: v})
			}
			return true
		})
	}
	if !a[5].IsUndef() && !a[5].IsNone() {
		o.daemon, _ = t.Truth(a[5])
	}
	return nil
}

// report hands an exception that ended thread o to threading.excepthook
// (CPython ignores SystemExit there).
func (o *threadObj) report(t *vm.Thread, err error) {
	exc := vm.AsException(err)
	if exc.Class().IsSubclass(vm.SystemExit) || exc.Class() == vm.RunAborted {
		return // a stopped run reports its stop once, in the main thread
	}
	it := t.Interp()
	st := threadsOf(it)
	var hook, argsCls vm.Value
	if st.module != nil {
		hook, _ = st.module.Get("excepthook")
		argsCls, _ = st.module.Get("ExceptHookArgs")
	}
	if hook.IsUndef() || hook.Is(st.defaultHook) || argsCls.IsUndef() {
		it.WriteStderr(fmt.Sprintf("Exception in thread %s:\n%s", o.name, t.FormatException(exc)))
		return
	}
	tb, _ := t.GetAttr(vm.Obj(exc), "__traceback__")
	if tb.IsUndef() {
		tb = vm.None
	}
	hargs, err := t.Call(argsCls, []vm.Value{vm.Obj(exc.Class()), vm.Obj(exc), tb, o.val()}, nil)
	if err == nil {
		_, err = t.Call(hook, []vm.Value{hargs}, nil)
	}
	if err != nil {
		it.WriteStderr("Exception in threading.excepthook:\n" + t.FormatException(vm.AsException(err)))
	}
}

// finish marks o ended: joiners count as running again before the thread
// stops counting itself, so virtual time never jumps in between.
func (o *threadObj) finish(it *vm.Interp) {
	o.mu.Lock()
	o.finished = true
	for _, w := range o.joiners {
		w.wake()
	}
	o.joiners = nil
	o.mu.Unlock()
	close(o.done)
	if vc, ok := asyrt.ClockOf(it).(*asyrt.VirtualClock); ok {
		vc.AddRunning(-1)
	}
	asyrt.AddThreads(it, -1)
}

func init() {
	m := threadType.AddMethod
	self := func(args []vm.Value) *threadObj { return args[0].AsObj().(*threadObj) }
	m("__init__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, self(args).init(t, args[1:], kw)
	})
	m("run", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := self(args)
		if !o.target.IsUndef() && !o.target.IsNone() {
			if _, err := t.Call(o.target, o.args, o.kw); err != nil {
				return vm.Undef, err
			}
		}
		return vm.None, nil
	})
	m("start", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := self(args)
		if o.started {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "threads can only be started once")
		}
		it := t.Interp()
		st := threadsOf(it)
		if o.name == "" {
			o.name = st.nextName() // a subclass whose __init__ skipped Thread's
		}
		if !asyrt.TakeThread(it) {
			return vm.Undef, asyrt.ErrNoThread()
		}
		o.started = true
		nt := it.NewThread()
		st.mu.Lock()
		o.ident = int64(len(st.names) + 1)
		st.names[nt] = o
		st.mu.Unlock()
		if vc, ok := asyrt.ClockOf(it).(*asyrt.VirtualClock); ok {
			vc.AddRunning(1)
		}
		asyrt.AddThreads(it, 1) // it may post to a loop (call_soon_threadsafe)
		self := o.val()
		go func() {
			it.Acquire()
			// run is looked up on the object, so subclasses override it.
			_, err := nt.CallMethod(self, "run")
			if err != nil {
				o.report(nt, err)
			}
			it.Release()
			o.finish(it)
			asyrt.ReleaseThread(it)
		}()
		return vm.None, nil
	})
	m("join", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("join", args[1:], kw, 0, "timeout")
		if err != nil {
			return vm.Undef, err
		}
		o := self(args)
		if !o.started {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "cannot join thread before it is started")
		}
		if o == currentThread(t) {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "cannot join current thread")
		}
		to, err := timeoutArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		if to < 0 && !a[0].IsUndef() && !a[0].IsNone() {
			to = 0
		}
		w := newWaiter()
		o.mu.Lock()
		if o.finished {
			o.mu.Unlock()
			return vm.None, nil
		}
		o.joiners = append(o.joiners, w)
		o.mu.Unlock()
		woken, err := w.wait(t, to)
		if !woken {
			o.mu.Lock()
			for i, q := range o.joiners {
				if q == w {
					o.joiners = append(o.joiners[:i], o.joiners[i+1:]...)
					break
				}
			}
			o.mu.Unlock()
		}
		return vm.None, err
	})
	alive := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := self(args)
		if !o.started {
			return vm.False, nil
		}
		select {
		case <-o.done:
			return vm.False, nil
		default:
			return vm.True, nil
		}
	}
	m("is_alive", alive)
	m("getName", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Str(self(args).name), nil
	})
	m("setName", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "setName() takes exactly one argument")
		}
		return vm.None, self(args).SetAttr(t, "name", args[1])
	})
	m("isDaemon", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(self(args).daemon), nil
	})
	m("setDaemon", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "setDaemon() takes exactly one argument")
		}
		return vm.None, self(args).SetAttr(t, "daemon", args[1])
	})
}

// liveThreads lists the threads still running, oldest first.
func liveThreads(t *vm.Thread) []*threadObj {
	st := threadsOf(t.Interp())
	st.mu.Lock()
	defer st.mu.Unlock()
	var out []*threadObj
	for _, o := range st.names {
		select {
		case <-o.done:
		default:
			if o.started {
				out = append(out, o)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ident < out[j].ident })
	return out
}

func threadingModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("threading", "")
	st := threadsOf(it)
	st.module = m
	m.Set("Thread", vm.Obj(threadType))
	m.Set("Lock", vm.Obj(tlockType))
	m.Set("RLock", vm.Obj(rlockType))
	m.Set("_Waiter", vm.Obj(waiterType))
	m.Set("TIMEOUT_MAX", vm.Float(timeoutMax))
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	fn("current_thread", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return currentThread(t).val(), nil
	})
	fn("main_thread", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return threadsOf(t.Interp()).main.val(), nil
	})
	ident := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(currentThread(t).ident), nil
	}
	fn("get_ident", ident)
	fn("get_native_id", ident)
	fn("active_count", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(len(liveThreads(t)))), nil
	})
	fn("enumerate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		var out []vm.Value
		for _, o := range liveThreads(t) {
			out = append(out, o.val())
		}
		return vm.Obj(vm.NewList(out)), nil
	})
	// excepthook(args): the default prints "Exception in thread NAME:" and
	// the traceback, and ignores SystemExit.
	fn("excepthook", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "excepthook() takes exactly one argument (%d given)", len(args))
		}
		h := args[0]
		et, err := t.GetAttr(h, "exc_type")
		if err != nil {
			return vm.Undef, err
		}
		if c, ok := et.AsObj().(*vm.Class); ok && c.IsSubclass(vm.SystemExit) {
			return vm.None, nil
		}
		ev, err := t.GetAttr(h, "exc_value")
		if err != nil {
			return vm.Undef, err
		}
		th, err := t.GetAttr(h, "thread")
		if err != nil {
			return vm.Undef, err
		}
		name := currentThread(t).name
		if !th.IsNone() {
			if n, err := t.GetAttr(th, "name"); err == nil {
				name, _ = t.StrOf(n)
			}
		}
		text := "NoneType: None\n"
		if inst, ok := ev.AsObj().(*vm.Instance); ok {
			text = t.FormatException(inst)
		}
		t.Interp().WriteStderr(fmt.Sprintf("Exception in thread %s:\n%s", name, text))
		return vm.None, nil
	})
	st.defaultHook, _ = m.Get("excepthook")
	m.Set("__excepthook__", st.defaultHook)
	return m, nil
}

func init() { register("threading", threadingModule) }

// JoinThreads waits for the threads a script started and did not mark
// daemon, as CPython does when the main module has finished (its
// threading._shutdown): a script that starts a worker and returns still
// sees the worker's output. The main thread drives the virtual clock
// meanwhile.
func JoinThreads(t *vm.Thread) {
	st := threadsOf(t.Interp())
	for {
		var pending *threadObj
		st.mu.Lock()
		for _, o := range st.names {
			if o == st.main || !o.started || o.daemon || o.external {
				continue
			}
			select {
			case <-o.done:
				continue
			default:
			}
			pending = o
			break
		}
		st.mu.Unlock()
		if pending == nil {
			return
		}
		if !asyrt.WaitDriving(t, pending.done, -1) && t.StopPending() {
			return // stopped (Ctrl-C, Abort): the threads end with the run
		}
	}
}

// EndThreads ends the script threads still running once a run is over
// (daemon threads; every thread when the run was stopped) so none outlives
// it: the interpreter is aborted, so each raises RunAborted at its next
// step or wait, and EndThreads waits for them, the interpreter lock
// released, up to limit. It reports whether it aborted the interpreter.
func EndThreads(t *vm.Thread, limit time.Duration) bool {
	it := t.Interp()
	v, ok := it.Ext(threadStateKey{})
	if !ok {
		return false
	}
	st := v.(*threadState)
	var live []*threadObj
	st.mu.Lock()
	for _, o := range st.names {
		if o == st.main || !o.started || o.external {
			continue
		}
		select {
		case <-o.done:
		default:
			live = append(live, o)
		}
	}
	st.mu.Unlock()
	if len(live) == 0 {
		return false
	}
	_, already := it.Aborted()
	it.Abort("the run ended")
	t.Blocking(func() {
		timer := time.NewTimer(limit)
		defer timer.Stop()
		for _, o := range live {
			select {
			case <-o.done:
			case <-timer.C:
				return
			}
		}
	})
	return !already
}
