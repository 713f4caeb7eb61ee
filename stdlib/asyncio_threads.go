package stdlib

import (
	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The bridges between threads and event loops: loop.call_soon_threadsafe,
// asyncio.run_coroutine_threadsafe (a concurrent.futures.Future for a task
// on another thread's loop), asyncio.wrap_future (an asyncio future for a
// concurrent one) and asyncio.to_thread. Everything that crosses goes
// through Loop.CallSoonThreadsafe, which wakes the loop whether it waits for
// a timer, for a thread or for nothing, and under the virtual clock keeps
// time from moving past the posted call.

// callSoonThreadsafe is loop.call_soon_threadsafe(callback, *args, context=None).
func callSoonThreadsafe(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	for _, a := range kw {
		if a.Name != "context" {
			return vm.Undef, vm.Errorf(vm.TypeError, "call_soon_threadsafe() got an unexpected keyword argument '%s'", a.Name)
		}
	}
	if len(args) < 1 {
		return vm.Undef, vm.Errorf(vm.TypeError, "call_soon_threadsafe() missing 1 required positional argument: 'callback'")
	}
	o := newHandleObj(l, args[0], args[1:])
	h, err := l.CallSoonThreadsafe(o.run)
	if err != nil {
		return vm.Undef, err
	}
	o.h = h
	return vm.Obj(o), nil
}

// namedCallback is a done callback under the name CPython's own has, so
// that future and task reprs list it as CPython does (cb=[…]).
func namedCallback(qualname string, fn func(f *runtime.Future)) vm.Value {
	return vm.NewBuiltin(qualname, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) == 1 {
			if f := futureOf(args[0]); f != nil {
				fn(f)
			}
		}
		return vm.None, nil
	})
}

// runCoroutineThreadsafe is asyncio.run_coroutine_threadsafe(coro, loop):
// from any thread, run coro as a task on loop and return a
// concurrent.futures.Future of its outcome. Cancelling that future cancels
// the task.
func runCoroutineThreadsafe(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("run_coroutine_threadsafe", args, kw, 2, "coro", "loop")
	if err != nil {
		return vm.Undef, err
	}
	if !isCoroutine(a[0]) {
		return vm.Undef, vm.Errorf(vm.TypeError, "A coroutine object is required")
	}
	l, err := asLoop(a[1])
	if err != nil {
		return vm.Undef, err
	}
	coro := a[0]
	dst := newCFFuture(t.Interp())
	_, err = l.CallSoonThreadsafe(func() {
		lt := l.Thread()
		fv, err := ensureFuture(lt, l, coro)
		if err != nil {
			if ok, _ := dst.setRunning(); ok {
				dst.set(lt, vm.Undef, vm.AsException(err))
			}
			l.ReportCallbackError(err, "Exception in callback run_coroutine_threadsafe.<locals>.callback()")
			return
		}
		chainToConcurrent(l, futureOf(fv), dst)
	})
	if err != nil {
		return vm.Undef, err
	}
	return vm.Obj(dst), nil
}

// chainToConcurrent makes dst (a concurrent future) follow src (an asyncio
// future on l), as CPython's _chain_future: src's outcome is copied into
// dst on l's thread, and dst cancelled (from any thread) cancels src.
func chainToConcurrent(l *runtime.Loop, src *runtime.Future, dst *cfFuture) {
	dst.addHook(func(d *cfFuture) {
		if d.isCancelled() {
			l.Post(func() { src.CancelAny(vm.None) })
		}
	})
	src.AddScriptCallback(namedCallback("_chain_future.<locals>._call_set_state", func(src *runtime.Future) {
		lt := l.Thread()
		if src.Cancelled() {
			dst.cancel(lt)
		}
		if ok, _ := dst.setRunning(); !ok {
			return
		}
		v, err := src.Result()
		if err != nil {
			dst.set(lt, vm.Undef, toConcurrentExc(vm.AsException(err)))
			return
		}
		dst.set(lt, v, nil)
	}))
}

// toConcurrentExc is CPython's _convert_future_exc: asyncio's own
// CancelledError becomes concurrent.futures'.
func toConcurrentExc(exc *vm.Instance) *vm.Instance {
	if exc.Class() == runtime.CancelledError {
		return vm.NewException(cfCancelled, exc.ExcArgs()...)
	}
	return exc
}

func (f *cfFuture) isCancelled() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.state == 3
}

// wrapFuture is asyncio.wrap_future(future, *, loop=None): an asyncio future
// on loop that completes with a concurrent future (whichever thread
// finishes it); cancelling it cancels the concurrent future.
func wrapFuture(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("wrap_future", args, kw, 1, "future", "loop")
	if err != nil {
		return vm.Undef, err
	}
	if futureOf(a[0]) != nil {
		return a[0], nil
	}
	src, ok := a[0].AsObj().(*cfFuture)
	if !ok {
		s, _ := t.Repr(a[0])
		return vm.Undef, vm.Errorf(vm.AssertionError, "concurrent.futures.Future is expected, got %s", s)
	}
	l, err := loopArg(t, a[1], getEventLoop)
	if err != nil {
		return vm.Undef, err
	}
	dst := runtime.NewFuture(l)
	dst.AddScriptCallback(namedCallback("_chain_future.<locals>._call_check_cancel", func(dst *runtime.Future) {
		if dst.Cancelled() {
			src.cancel(l.Thread())
		}
	}))
	src.addHook(func(src *cfFuture) {
		// Runs in the thread that finished src: hand the outcome to the loop.
		l.Post(func() {
			if dst.Done() {
				return // cancelled meanwhile
			}
			src.mu.Lock()
			state, v, exc := src.state, src.result, src.exc
			src.mu.Unlock()
			switch {
			case state == 3:
				dst.CancelAny(vm.None)
			case exc != nil:
				dst.SetException(fromConcurrentExc(exc))
			default:
				dst.SetResult(v)
			}
		})
	})
	return vm.Obj(dst), nil
}

// fromConcurrentExc converts concurrent.futures' CancelledError to
// asyncio's, as _convert_future_exc does the other way.
func fromConcurrentExc(exc *vm.Instance) *vm.Instance {
	if exc.Class() == cfCancelled {
		return vm.NewException(runtime.CancelledError, exc.ExcArgs()...)
	}
	return exc
}

// toThreadCoro is asyncio.to_thread(func, *args, **kwargs): CPython's
// coroutine function, here a native coroutine. Like the coroutine it does
// nothing until awaited; its first step submits the call to the loop's
// default executor, run in a copy of the caller's contextvars context.
type toThreadCoro struct {
	vm.CoroutineMark
	fn   vm.Value
	args []vm.Value
	kw   []vm.KV
	iter vm.GoAwaitIter
	done bool
}

var toThreadType = vm.NewNativeClass("coroutine", "builtins", nil, nil)

func (*toThreadCoro) Class() *vm.Class                    { return toThreadType }
func (*toThreadCoro) QualName() string                    { return "to_thread" }
func (c *toThreadCoro) Repr(t *vm.Thread) (string, error) { return coroutineRepr(c), nil }
func (c *toThreadCoro) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	return coroutineAttr(c, name)
}

func (c *toThreadCoro) Send(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	if c.done {
		return vm.Undef, false, errReusedCoroutine()
	}
	if c.iter == nil {
		l, err := runningLoop(t)
		if err != nil {
			c.done = true
			return vm.Undef, false, err
		}
		fut, err := l.RunInExecutorCtx(l.DefaultExecutor(), c.fn, c.args, c.kw, t.Ctx.Copy())
		if err != nil {
			c.done = true
			return vm.Undef, false, err
		}
		it, _ := fut.Await(t)
		c.iter = it.AsObj().(vm.GoAwaitIter)
	}
	v, done, err := c.iter.Send(t, sent)
	c.done = done || err != nil
	return v, done, err
}

func toThread(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) < 1 {
		return vm.Undef, vm.Errorf(vm.TypeError, "to_thread() missing 1 required positional argument: 'func'")
	}
	return t.NewNativeCoroutine(&toThreadCoro{fn: args[0], args: append([]vm.Value(nil), args[1:]...),
		kw: append([]vm.KV(nil), kw...)}), nil
}

func init() {
	addCoroutineMethods(toThreadType)
	loopType.AddMethod("call_soon_threadsafe", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		l := args[0].AsObj().(*loopObj).l
		return callSoonThreadsafe(t, l, args[1:], kw)
	})
}

// EnsureTask is for embedders handing work to a loop (on its thread): v as
// a future when it is awaitable — a coroutine becomes a task on l, a future
// stays itself — or nil when it is a plain value.
func EnsureTask(t *vm.Thread, l *runtime.Loop, v vm.Value) (*runtime.Future, error) {
	if futureOf(v) == nil && !isCoroutine(v) {
		return nil, nil
	}
	fv, err := ensureFuture(t, l, v)
	if err != nil {
		return nil, err
	}
	return futureOf(fv), nil
}
