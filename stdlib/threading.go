package stdlib

import (
	"fmt"
	"sync"

	asyrt "github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The threading module (the parts scripts use with executors): Thread,
// current_thread/main_thread with names, Lock/RLock and get_ident. Script
// threads are goroutines with their own vm.Thread, running under the
// interpreter lock like executor workers.

var (
	threadType = vm.NewNativeClass("Thread", "threading", nil, newThreadObj)
	tlockType  = vm.NewNativeClass("lock", "_thread", nil, newTLock)
)

type threadObj struct {
	name    string
	ident   int64
	target  vm.Value
	args    []vm.Value
	kw      []vm.KV
	started bool
	done    chan struct{}
	daemon  bool
}

func (*threadObj) Class() *vm.Class { return threadType }

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
	return fmt.Sprintf("<Thread(%s, %s)>", o.name, state), nil
}

func (o *threadObj) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	switch name {
	case "name":
		return vm.Str(o.name), true, nil
	case "ident":
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
	o := &threadObj{name: name, ident: int64(len(st.names) + 1), started: true, done: make(chan struct{})}
	st.names[t] = o
	return o
}

func newThreadObj(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("Thread", args, kw, 0, "group", "target", "name", "args", "kwargs", "daemon")
	if err != nil {
		return vm.Undef, err
	}
	st := threadsOf(t.Interp())
	o := &threadObj{target: a[1], done: make(chan struct{})}
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
	if !a[3].IsUndef() {
		if o.args, err = t.ToList(a[3]); err != nil {
			return vm.Undef, err
		}
	}
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
	return vm.Obj(o), nil
}

// tlock is threading.Lock: acquiring it releases the interpreter lock while waiting.
type tlock struct {
	ch chan struct{}
}

func (*tlock) Class() *vm.Class { return tlockType }

func newTLock(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	return vm.Obj(&tlock{ch: make(chan struct{}, 1)}), nil
}

func init() {
	m := threadType.AddMethod
	self := func(args []vm.Value) *threadObj { return args[0].AsObj().(*threadObj) }
	m("start", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := self(args)
		if o.started {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "threads can only be started once")
		}
		o.started = true
		it := t.Interp()
		st := threadsOf(it)
		nt := it.NewThread()
		st.mu.Lock()
		o.ident = int64(len(st.names) + 1)
		st.names[nt] = o
		st.mu.Unlock()
		if vc, ok := asyrt.ClockOf(it).(*asyrt.VirtualClock); ok {
			vc.AddRunning(1)
		}
		go func() {
			it.Acquire()
			if !o.target.IsUndef() && !o.target.IsNone() {
				if _, err := nt.Call(o.target, o.args, o.kw); err != nil {
					exc := vm.AsException(err)
					it.WriteStderr(fmt.Sprintf("Exception in thread %s:\n%s", o.name, nt.FormatException(exc)))
				}
			}
			it.Release()
			// done closes before the clock hears the thread ended, so a
			// join driving virtual time wakes before time moves on.
			close(o.done)
			if vc, ok := asyrt.ClockOf(it).(*asyrt.VirtualClock); ok {
				vc.AddRunning(-1)
			}
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
		to, err := timeoutArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		asyrt.WaitDriving(t, o.done, to)
		return vm.None, nil
	})
	m("is_alive", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
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
	})
	l := tlockType.AddMethod
	lk := func(args []vm.Value) *tlock { return args[0].AsObj().(*tlock) }
	acquire := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("acquire", args[1:], kw, 0, "blocking", "timeout")
		if err != nil {
			return vm.Undef, err
		}
		k := lk(args)
		select {
		case k.ch <- struct{}{}:
			return vm.True, nil
		default:
		}
		if !a[0].IsUndef() && a[0].Kind() == vm.KBool && !a[0].AsBool() {
			return vm.False, nil
		}
		got := false
		t.Blocking(func() { k.ch <- struct{}{}; got = true })
		return vm.Bool(got), nil
	}
	l("acquire", acquire)
	l("__enter__", acquire)
	release := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		select {
		case <-lk(args).ch:
			return vm.None, nil
		default:
			return vm.Undef, vm.Errorf(vm.RuntimeError, "release unlocked lock")
		}
	}
	l("release", release)
	l("__exit__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		_, err := release(t, args[:1], nil)
		return vm.False, err
	})
	l("locked", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(len(lk(args).ch) > 0), nil
	})
}

func threadingModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("threading", "")
	m.Set("Thread", vm.Obj(threadType))
	m.Set("Lock", vm.Obj(tlockType))
	m.Set("RLock", vm.Obj(tlockType))
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	fn("current_thread", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(currentThread(t)), nil
	})
	fn("main_thread", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(threadsOf(t.Interp()).main), nil
	})
	fn("get_ident", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(currentThread(t).ident), nil
	})
	fn("active_count", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		st := threadsOf(t.Interp())
		st.mu.Lock()
		defer st.mu.Unlock()
		n := 0
		for _, o := range st.names {
			select {
			case <-o.done:
			default:
				n++
			}
		}
		return vm.Int(int64(n)), nil
	})
	return m, nil
}

func init() { register("threading", threadingModule) }
