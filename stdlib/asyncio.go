package stdlib

import (
	_ "embed"
	"fmt"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The asyncio module: the loop, futures, tasks and sleep are Go
// (runtime/); the combinators (gather, wait, TaskGroup, queues, locks...)
// are asy source in asyncio_lib.py, run into the same module.

//go:embed asyncio_lib.py
var asyncioLib string

var loopType = vm.NewNativeClass("_UnixSelectorEventLoop", "asyncio", nil, nil)

// loopObj is the script-visible event loop. handler is the script's
// exception handler (None: the default); attrs holds attributes scripts
// set on the loop (asyncio_loopapi.go).
type loopObj struct {
	l       *runtime.Loop
	handler vm.Value
	attrs   *vm.Dict
}

func (*loopObj) Class() *vm.Class { return loopType }
func (o *loopObj) Repr(t *vm.Thread) (string, error) {
	return fmt.Sprintf("<_UnixSelectorEventLoop running=%s closed=%s debug=False>", pyBool(o.l.Running()), pyBool(o.l.Closed())), nil
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

type loopKey struct{}

// loopValue returns the unique script object of a loop.
func loopValue(it *vm.Interp, l *runtime.Loop) vm.Value {
	m, _ := it.Ext(loopKey{})
	objs, _ := m.(map[*runtime.Loop]*loopObj)
	if objs == nil {
		objs = map[*runtime.Loop]*loopObj{}
		it.SetExt(loopKey{}, objs)
	}
	o, ok := objs[l]
	if !ok {
		o = &loopObj{l: l, handler: vm.None}
		objs[l] = o
	}
	return vm.Obj(o)
}

func asLoop(v vm.Value) (*runtime.Loop, error) {
	if o, ok := v.AsObj().(*loopObj); ok {
		return o.l, nil
	}
	return nil, vm.Errorf(vm.TypeError, "expected an event loop, got %s", v.TypeName())
}

func init() {
	runtime.FutureType = vm.NewNativeClass("Future", "_asyncio", nil, newFutureCtor)
	runtime.TaskType = vm.NewNativeClass("Task", "_asyncio", runtime.FutureType, newTaskCtor)
	addFutureMethods(runtime.FutureType)
	addTaskMethods(runtime.TaskType)
	addLoopMethods()
}

// runningLoop returns the running loop or the CPython error.
func runningLoop(t *vm.Thread) (*runtime.Loop, error) {
	if l := runtime.RunningLoop(t); l != nil {
		return l, nil
	}
	return nil, vm.Errorf(vm.RuntimeError, "no running event loop")
}

func newFutureCtor(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("Future", args, kw, 0, "loop")
	if err != nil {
		return vm.Undef, err
	}
	l, err := loopArg(t, a[0], getEventLoop)
	if err != nil {
		return vm.Undef, err
	}
	return vm.Obj(runtime.NewFuture(l)), nil
}

func newTaskCtor(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("Task", args, kw, 1, "coro", "loop", "name", "context")
	if err != nil {
		return vm.Undef, err
	}
	l, err := loopArg(t, a[1], getEventLoop)
	if err != nil {
		return vm.Undef, err
	}
	return createTask(t, l, a[0], a[2], a[3])
}

// getEventLoop is asyncio.get_event_loop(): the running loop, else the set
// one, else a new one (with CPython 3.11's behaviour of creating it).
func getEventLoop(t *vm.Thread) (*runtime.Loop, error) {
	if l := runtime.RunningLoop(t); l != nil {
		return l, nil
	}
	if l := runtime.EventLoop(t); l != nil {
		return l, nil
	}
	l := newEventLoop(t)
	runtime.SetEventLoop(t, l)
	return l, nil
}

// createTask wraps a coroutine in a task on l.
func createTask(t *vm.Thread, l *runtime.Loop, coro, name, context vm.Value) (vm.Value, error) {
	g, ok, err := asCoroutine(t, coro)
	if err != nil {
		return vm.Undef, err
	}
	if !ok {
		s, _ := t.Repr(coro)
		return vm.Undef, vm.Errorf(vm.TypeError, "a coroutine was expected, got %s", s)
	}
	if l.Closed() {
		g.MarkAwaited()
		return vm.Undef, vm.Errorf(vm.RuntimeError, "Event loop is closed")
	}
	n := ""
	if !name.IsUndef() && !name.IsNone() {
		s, err := t.StrOf(name)
		if err != nil {
			return vm.Undef, err
		}
		n = s
	}
	task := l.NewTask(g, n)
	if coro.AsObj() != vm.Object(g) {
		task.SetShown(coro.AsObj()) // g wraps a native awaitable: show that
	}
	if !context.IsUndef() && !context.IsNone() {
		co, ok := context.AsObj().(*contextObj)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "an instance of Context was expected, got %s", context.TypeName())
		}
		task.SetContext(co.c)
	}
	return vm.Obj(task), nil
}

// futureOf returns the Future of a Future or Task value.
func futureOf(v vm.Value) *runtime.Future {
	if v.Kind() != vm.KObj {
		return nil
	}
	return runtime.AsFuture(v)
}

func addFutureMethods(c *vm.Class) {
	m := func(name string, fn func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		c.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			f := futureOf(args[0])
			if f == nil {
				return vm.Undef, vm.Errorf(vm.TypeError, "descriptor '%s' requires a Future", name)
			}
			return fn(t, f, args[1:], kw)
		})
	}
	m("result", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return f.Result()
	})
	m("exception", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return f.Exception()
	})
	m("done", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(f.Done()), nil
	})
	m("cancelled", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(f.Cancelled()), nil
	})
	m("cancel", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("cancel", args, kw, 0, "msg")
		if err != nil {
			return vm.Undef, err
		}
		msg := a[0]
		if msg.IsUndef() {
			msg = vm.None
		}
		return vm.Bool(f.CancelAny(msg)), nil
	})
	m("set_result", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "set_result() takes exactly one argument (%d given)", len(args))
		}
		if _, isTask := f.Self().(*runtime.Task); isTask {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "Task does not support set_result operation")
		}
		return vm.None, f.SetResult(args[0])
	})
	m("set_exception", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "set_exception() takes exactly one argument (%d given)", len(args))
		}
		if _, isTask := f.Self().(*runtime.Task); isTask {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "Task does not support set_exception operation")
		}
		exc := args[0]
		if cls, ok := exc.AsObj().(*vm.Class); ok {
			r, err := t.Call(vm.Obj(cls), nil, nil)
			if err != nil {
				return vm.Undef, err
			}
			exc = r
		}
		inst, ok := exc.AsObj().(*vm.Instance)
		if !ok || !inst.Class().IsSubclass(vm.BaseException) {
			return vm.Undef, vm.Errorf(vm.TypeError, "invalid exception object")
		}
		return vm.None, f.SetException(inst)
	})
	m("add_done_callback", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("add_done_callback", args, kw, 1, "fn", "context")
		if err != nil {
			return vm.Undef, err
		}
		f.AddScriptCallback(a[0])
		return vm.None, nil
	})
	m("remove_done_callback", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "remove_done_callback() takes exactly one argument (%d given)", len(args))
		}
		return vm.Int(int64(f.RemoveScriptCallback(t, args[0]))), nil
	})
	m("get_loop", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return loopValue(t.Interp(), f.Loop()), nil
	})
	m("__iter__", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return f.Await(t)
	})
	m("__await__", func(t *vm.Thread, f *runtime.Future, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return f.Await(t)
	})
}

func addTaskMethods(c *vm.Class) {
	m := func(name string, fn func(t *vm.Thread, task *runtime.Task, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		c.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			task, ok := args[0].AsObj().(*runtime.Task)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "descriptor '%s' requires a Task", name)
			}
			return fn(t, task, args[1:], kw)
		})
	}
	m("get_name", func(t *vm.Thread, task *runtime.Task, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Str(task.Name()), nil
	})
	m("set_name", func(t *vm.Thread, task *runtime.Task, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "set_name() takes exactly one argument (%d given)", len(args))
		}
		s, err := t.StrOf(args[0])
		if err != nil {
			return vm.Undef, err
		}
		task.SetName(s)
		return vm.None, nil
	})
	m("get_coro", func(t *vm.Thread, task *runtime.Task, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return task.ShownCoro(), nil
	})
	m("cancelling", func(t *vm.Thread, task *runtime.Task, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(task.Cancelling())), nil
	})
	m("uncancel", func(t *vm.Thread, task *runtime.Task, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(task.Uncancel())), nil
	})
	m("get_stack", func(t *vm.Thread, task *runtime.Task, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(vm.NewList(nil)), nil
	})
}

func addLoopMethods() {
	m := func(name string, fn func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		loopType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return fn(t, args[0].AsObj().(*loopObj).l, args[1:], kw)
		})
	}
	m("time", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Float(l.Time()), nil
	})
	m("is_running", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(l.Running()), nil
	})
	m("is_closed", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(l.Closed()), nil
	})
	m("stop", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		l.Stop()
		return vm.None, nil
	})
	m("close", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := l.Close(); err != nil {
			return vm.Undef, err
		}
		l.ReportUnretrieved()
		return vm.None, nil
	})
	m("get_debug", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(l.Debug()), nil
	})
	m("set_debug", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "set_debug() takes exactly one argument (%d given)", len(args))
		}
		b, err := t.Truth(args[0])
		l.SetDebug(b)
		return vm.None, err
	})
	m("create_future", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(runtime.NewFuture(l)), nil
	})
	m("create_task", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("create_task", args, kw, 1, "coro", "name", "context")
		if err != nil {
			return vm.Undef, err
		}
		return createTask(t, l, a[0], a[1], a[2])
	})
	m("run_until_complete", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "run_until_complete() takes exactly one argument (%d given)", len(args))
		}
		if l.Closed() {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "Event loop is closed")
		}
		if l.Running() {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "This event loop is already running")
		}
		if runtime.RunningLoop(t) != nil {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "Cannot run the event loop while another loop is running")
		}
		l.RunOn(t)
		fv, err := ensureFuture(t, l, args[0])
		if err != nil {
			return vm.Undef, err
		}
		return l.RunUntilComplete(futureOf(fv))
	})
	m("run_forever", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if l.Closed() {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "Event loop is closed")
		}
		if l.Running() {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "This event loop is already running")
		}
		if runtime.RunningLoop(t) != nil {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "Cannot run the event loop while another loop is running")
		}
		l.RunOn(t)
		return vm.None, l.RunForever()
	})
	schedule := func(t *vm.Thread, l *runtime.Loop, when float64, timer bool, args []vm.Value) (vm.Value, error) {
		o := newHandleObj(l, args[0], args[1:])
		if timer {
			o.h = l.CallAt(when, o.run)
			o.timer = true
		} else {
			o.h = l.CallSoon(o.run)
		}
		return vm.Obj(o), nil
	}
	m("call_soon", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "call_soon() missing 1 required positional argument: 'callback'")
		}
		if err := checkLoopOpen(l); err != nil {
			return vm.Undef, err
		}
		return schedule(t, l, 0, false, args)
	})
	m("call_later", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "call_later() missing required arguments")
		}
		d, err := vm.AsFloat(args[0])
		if err != nil {
			return vm.Undef, err
		}
		if err := checkLoopOpen(l); err != nil {
			return vm.Undef, err
		}
		return schedule(t, l, l.Time()+d, true, args[1:])
	})
	m("call_at", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "call_at() missing required arguments")
		}
		w, err := vm.AsFloat(args[0])
		if err != nil {
			return vm.Undef, err
		}
		if err := checkLoopOpen(l); err != nil {
			return vm.Undef, err
		}
		return schedule(t, l, w, true, args[1:])
	})
	m("run_in_executor", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "run_in_executor() missing required arguments")
		}
		if err := checkLoopOpen(l); err != nil {
			return vm.Undef, err
		}
		pool := l.DefaultExecutor()
		if !args[0].IsNone() {
			ex, ok := args[0].AsObj().(*cfExecutor)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "executor must be a ThreadPoolExecutor or None, not %s", args[0].TypeName())
			}
			pool = ex.pool
		}
		fut, err := l.RunInExecutor(pool, args[1], append([]vm.Value(nil), args[2:]...), nil)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(fut), nil
	})
	m("shutdown_asyncgens", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return sleepAwaitable(t, l, 0, vm.None)
	})
	m("shutdown_default_executor", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		// The returned awaitable completes once the default executor's threads
		// have finished (the wait happens here, before it is awaited).
		l.ShutdownDefaultExecutor()
		return sleepAwaitable(t, l, 0, vm.None)
	})
}

func checkLoopOpen(l *runtime.Loop) error {
	if l.Closed() {
		return vm.Errorf(vm.RuntimeError, "Event loop is closed")
	}
	return nil
}

// ensureFuture wraps a coroutine in a task; futures pass through.
func ensureFuture(t *vm.Thread, l *runtime.Loop, v vm.Value) (vm.Value, error) {
	if f := futureOf(v); f != nil {
		return v, nil
	}
	if isCoroutine(v) {
		return createTask(t, l, v, vm.Undef, vm.Undef)
	}
	if ok, _ := t.HasAttr(v, "__await__"); ok {
		// Wrap any awaitable in a coroutine via the library helper.
		wrap, err := libFunc(t, "_wrap_awaitable")
		if err != nil {
			return vm.Undef, err
		}
		coro, err := t.Call(wrap, []vm.Value{v}, nil)
		if err != nil {
			return vm.Undef, err
		}
		return createTask(t, l, coro, vm.Undef, vm.Undef)
	}
	return vm.Undef, vm.Errorf(vm.TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
}

// loopArg resolves an optional loop= argument; when absent, fallback
// supplies the loop (the running one, or get_event_loop's).
func loopArg(t *vm.Thread, v vm.Value, fallback func(*vm.Thread) (*runtime.Loop, error)) (*runtime.Loop, error) {
	if !v.IsUndef() && !v.IsNone() {
		return asLoop(v)
	}
	return fallback(t)
}
