package stdlib

import (
	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

type asyncioKey struct{}

// asyncioModule builds the asyncio module for an interpreter.
func asyncioModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("asyncio", "")
	m.Set("__name__", vm.Str("asyncio"))
	it.AddModule(m) // visible to the library code while it runs
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	m.Set("Future", vm.Obj(runtime.FutureType))
	for _, c := range []*vm.Class{queueType, priorityQueueType, lifoQueueType, queueEmptyType, queueFullType} {
		m.Set(c.Name, vm.Obj(c))
	}
	m.Set("Task", vm.Obj(runtime.TaskType))
	m.Set("CancelledError", vm.Obj(runtime.CancelledError))
	m.Set("InvalidStateError", vm.Obj(runtime.InvalidStateError))
	m.Set("TimeoutError", vm.Obj(vm.TimeoutError))
	m.Set("AbstractEventLoop", vm.Obj(loopType))
	m.Set("Handle", vm.Obj(handleType))
	m.Set("TimerHandle", vm.Obj(timerHandleType))

	fn("run", asyncioRun)
	fn("get_running_loop", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("_asyncio.get_running_loop", kw); err != nil {
			return vm.Undef, err
		}
		if len(args) > 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "_asyncio.get_running_loop() takes no arguments (%d given)", len(args))
		}
		l, err := runningLoop(t)
		if err != nil {
			return vm.Undef, err
		}
		return loopValue(t.Interp(), l), nil
	})
	fn("_get_running_loop", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if l := runtime.RunningLoop(t); l != nil {
			return loopValue(t.Interp(), l), nil
		}
		return vm.None, nil
	})
	fn("get_event_loop", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		l, err := getEventLoop(t)
		if err != nil {
			return vm.Undef, err
		}
		return loopValue(t.Interp(), l), nil
	})
	fn("new_event_loop", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return loopValue(t.Interp(), newEventLoop(t)), nil
	})
	fn("set_event_loop", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "set_event_loop() takes exactly one argument (%d given)", len(args))
		}
		if args[0].IsNone() {
			runtime.SetEventLoop(t, nil)
			return vm.None, nil
		}
		l, err := asLoop(args[0])
		if err != nil {
			return vm.Undef, err
		}
		runtime.SetEventLoop(t, l)
		return vm.None, nil
	})
	fn("create_task", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("create_task", args, kw, 1, "coro", "name", "context")
		if err != nil {
			return vm.Undef, err
		}
		l := runtime.RunningLoop(t)
		if l == nil {
			if g, ok := a[0].AsObj().(*vm.Generator); ok {
				g.MarkAwaited()
			}
			return vm.Undef, vm.Errorf(vm.RuntimeError, "no running event loop")
		}
		return createTask(t, l, a[0], a[1], a[2])
	})
	fn("ensure_future", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("ensure_future", args, kw, 1, "coro_or_future", "loop")
		if err != nil {
			return vm.Undef, err
		}
		l, err := loopArg(t, a[1], getEventLoop)
		if err != nil {
			return vm.Undef, err
		}
		return ensureFuture(t, l, a[0])
	})
	fn("current_task", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("current_task", args, kw, 0, "loop")
		if err != nil {
			return vm.Undef, err
		}
		l, err := loopArg(t, a[0], runningLoop)
		if err != nil {
			return vm.Undef, err
		}
		if task := l.CurrentTask(); task != nil {
			return vm.Obj(task), nil
		}
		return vm.None, nil
	})
	fn("all_tasks", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("all_tasks", args, kw, 0, "loop")
		if err != nil {
			return vm.Undef, err
		}
		l, err := loopArg(t, a[0], runningLoop)
		if err != nil {
			return vm.Undef, err
		}
		s := vm.NewSet()
		for _, task := range l.AllTasks() {
			s.Add(t, vm.Obj(task))
		}
		return vm.Obj(s), nil
	})
	fn("iscoroutine", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		obj, err := oneParam("iscoroutine", "obj", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Bool(isCoroutine(obj)), nil
	})
	fn("iscoroutinefunction", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f, err := oneParam("iscoroutinefunction", "func", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Bool(vm.IsCoroutineFunction(f)), nil
	})
	fn("isfuture", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		obj, err := oneParam("isfuture", "obj", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Bool(futureOf(obj) != nil), nil
	})
	fn("_yield_once", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(&yieldOnce{}), nil
	})
	fn("_timer", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		l, err := runningLoop(t)
		if err != nil {
			return vm.Undef, err
		}
		d, err := vm.AsFloat(args[0])
		if err != nil {
			return vm.Undef, err
		}
		return sleepAwaitable(t, l, d, args[1])
	})
	fn("sleep", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) == 1 && len(kw) == 0 { // sleep(delay): no argument slice
			return t.NewNativeCoroutine(newSleep(args[0], vm.None)), nil
		}
		a, err := vm.UnpackArgs("sleep", args, kw, 1, "delay", "result")
		if err != nil {
			return vm.Undef, err
		}
		if a[1].IsUndef() {
			a[1] = vm.None
		}
		return t.NewNativeCoroutine(newSleep(a[0], a[1])), nil
	})
	fn("gather", gather)
	// Runner's Go half (asyncio_lib.py): run a main task with Ctrl-C
	// handling, and finish a loop as asyncio.run does.
	fn("_runner_run", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		l, err := asLoop(args[0])
		if err != nil {
			return vm.Undef, err
		}
		task, ok := args[1].AsObj().(*runtime.Task)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "a Task was expected")
		}
		l.RunOn(t)
		return runMainTask(l, task)
	})
	fn("_finish_loop", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		l, err := asLoop(args[0])
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, finishLoop(t, l)
	})
	fn("to_thread", toThread)
	fn("run_coroutine_threadsafe", runCoroutineThreadsafe)
	fn("wrap_future", wrapFuture)
	addGraphFuncs(fn)
	m.Set("_load_lazy", loadLazyBuiltin)
	if err := it.MainThread().ExecLibrary(m, "<asyncio>", asyncioLib); err != nil {
		return nil, err
	}
	if err := asyncioNetInit(it, m); err != nil {
		return nil, err
	}
	return m, nil
}

// libFunc fetches a helper defined by asyncio_lib.py.
func libFunc(t *vm.Thread, name string) (vm.Value, error) {
	m, err := t.ImportModule("asyncio")
	if err != nil {
		return vm.Undef, err
	}
	if v, ok := m.Get(name); ok {
		return v, nil
	}
	return t.GetAttr(vm.Obj(m), name) // the lazy ones (asyncio_lib.py's __getattr__)
}

// asyncioRun is asyncio.run(main, *, debug=None).
func asyncioRun(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("run", args, kw, 1, "main", "debug")
	if err != nil {
		return vm.Undef, err
	}
	if runtime.RunningLoop(t) != nil {
		if g, ok := a[0].AsObj().(*vm.Generator); ok {
			g.MarkAwaited()
		}
		return vm.Undef, vm.Errorf(vm.RuntimeError, "asyncio.run() cannot be called from a running event loop")
	}
	if !isCoroutine(a[0]) {
		s, _ := t.Repr(a[0])
		return vm.Undef, vm.Errorf(vm.ValueError, "a coroutine was expected, got %s", s)
	}
	g, _, err := asCoroutine(t, a[0]) // a native one (asyncio.sleep()) is wrapped
	if err != nil {
		return vm.Undef, err
	}
	var shown vm.Object
	if a[0].AsObj() != vm.Object(g) {
		shown = a[0].AsObj()
	}
	debug := false
	if !a[1].IsUndef() && !a[1].IsNone() {
		debug, _ = t.Truth(a[1])
	}
	if _, on := t.Interp().Ext(debugKey{}); on {
		debug = true
	}
	return runCoroutine(t, g, shown, debug)
}

type debugKey struct{}

// SetDebug makes every asyncio.run of the interpreter run in debug mode (asy --debug).
func SetDebug(it *vm.Interp) { it.SetExt(debugKey{}, true) }

// RunCoroutine runs g as the main task of a new event loop (see runCoroutine).
func RunCoroutine(t *vm.Thread, g *vm.Generator) (vm.Value, error) {
	_, debug := t.Interp().Ext(debugKey{})
	return runCoroutine(t, g, nil, debug)
}

// runCoroutine runs g as the main task of a new event loop, as asyncio.run
// does: afterwards the remaining tasks are cancelled and the loop closed.
func runCoroutine(t *vm.Thread, g *vm.Generator, shown vm.Object, debug bool) (vm.Value, error) {
	l := newEventLoop(t)
	l.SetDebug(debug)
	if obs, ok := t.Interp().Ext(observerKey{}); ok {
		l.Observer = obs.(runtime.Observer)
	}
	runtime.SetEventLoop(t, l)
	it := t.Interp()
	TrackAsyncGens(it)
	task := l.NewTask(g, "")
	if shown != nil {
		task.SetShown(shown)
	}
	result, runErr := runMainTask(l, task)
	shutdownErr := finishLoop(t, l)
	if runErr != nil {
		return vm.Undef, runErr
	}
	if shutdownErr != nil {
		return vm.Undef, shutdownErr
	}
	return result, nil
}

// runMainTask runs the loop until task is done. Ctrl-C cancels the task,
// as CPython 3.11's Runner does; the run then ends with KeyboardInterrupt
// (asy keeps that even when the task swallowed the cancellation).
func runMainTask(l *runtime.Loop, task *runtime.Task) (vm.Value, error) {
	it := l.Thread().Interp()
	interrupted := false
	// A script that handles SIGINT itself keeps Ctrl-C (CPython's Runner
	// installs its handler only over default_int_handler).
	custom := sigintCustom(it)
	var prevHook func() bool
	if !custom {
		prevHook = it.SetInterruptHandler(func() bool {
			l.Post(func() {
				interrupted = true
				task.Cancel(vm.None)
			})
			return true
		})
	}
	result, runErr := l.RunUntilComplete(&task.Future)
	if !custom && !sigintCustom(it) {
		it.SetInterruptHandler(prevHook)
	}
	if interrupted && (runErr == nil || vm.IsInstanceOf(runErr, runtime.CancelledError)) {
		runErr = vm.NewInstance(vm.KeyboardInterrupt)
	}
	return result, runErr
}

// finishLoop is the end of asyncio.run and Runner.close: the remaining
// tasks are cancelled, async generators and the default executor shut
// down, the loop closed and unretrieved task exceptions reported.
func finishLoop(t *vm.Thread, l *runtime.Loop) error {
	it := t.Interp()
	shutdownErr := l.CancelAllTasks()
	if shutdownErr == nil {
		shutdownErr = shutdownAsyncGens(t, l)
	}
	l.ShutdownDefaultExecutor()
	// CPython runs that shutdown as a task: keep task names in step.
	runtime.SkipTaskIDs(it, 1)
	if runtime.EventLoop(t) == l {
		runtime.SetEventLoop(t, nil)
	}
	l.Close()
	l.ReportUnretrieved()
	return shutdownErr
}

type observerKey struct{}

// SetObserver attaches a loop observer to every loop asyncio.run creates.
func SetObserver(it *vm.Interp, o runtime.Observer) { it.SetExt(observerKey{}, o) }

// yieldOnce is the awaitable behind sleep(0): one bare yield.
type yieldOnce struct{ done bool }

var yieldOnceType = vm.NewNativeClass("_YieldOnce", "asyncio", nil, nil)

func (*yieldOnce) Class() *vm.Class { return yieldOnceType }
func (y *yieldOnce) Send(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	if !y.done {
		y.done = true
		return vm.None, false, nil
	}
	return vm.None, true, nil
}

// sleepAwaitable waits delay seconds on a timer, then returns result.
func sleepAwaitable(t *vm.Thread, l *runtime.Loop, delay float64, result vm.Value) (vm.Value, error) {
	if delay <= 0 {
		return vm.Obj(&yieldOnce{}), nil
	}
	s := &timerSleep{l: l, delay: delay}
	s.fut.Hold(result)
	return vm.Obj(s), nil
}

type timerSleep struct {
	l     *runtime.Loop
	delay float64
	fut   runtime.TimerFuture // holds the result until armed
}

var timerSleepType = vm.NewNativeClass("_Sleep", "asyncio", nil, nil)

func (*timerSleep) Class() *vm.Class { return timerSleepType }

// Send arms the timer and yields its future to the task, then returns the
// result (or raises the CancelledError of a cancelled sleep).
func (s *timerSleep) Send(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	if !s.fut.Armed() {
		s.fut.Arm(s.l, s.delay)
		return s.fut.Yield(), false, nil
	}
	return s.fut.Finish()
}

// sleepCoro is asyncio.sleep(delay, result): CPython's coroutine, here a Go
// awaitable so that a sleeping task costs no extra frame. Like the coroutine
// it does nothing until awaited: the delay is checked and the loop looked up
// on the first step. Its future and timer handle are part of it: a sleep is
// one allocation of 80 bytes, a size class of Go's allocator (its flags live
// in the timer's spare byte, the CoroutineMark's fields are spelled out).
type sleepCoro struct {
	origin *vm.Origin
	// timer is armed on the first step when delay > 0; until then it holds
	// the delay and the result. Its Aux byte holds the sleep's flags.
	timer runtime.TimerFuture
}

// sleepCoro's flags.
const (
	sleepAwaited = 1 << iota
	sleepYielded // sleep(0): the one bare yield happened
	sleepDone
)

func (s *sleepCoro) flag(b uint8) bool { return s.timer.Aux()&b != 0 }
func (s *sleepCoro) set(b uint8)       { s.timer.SetAux(s.timer.Aux() | b) }

// oddSleep is a sleep whose delay is not a number: its first step compares
// it with 0, as CPython's `if delay <= 0` does (and raises its error).
type oddSleep struct {
	sleepCoro
	delay   vm.Value
	checked bool
}

// newSleep makes the coroutine asyncio.sleep(delay, result) returns.
func newSleep(delay, result vm.Value) vm.NativeCoroutine {
	var s *sleepCoro
	var c vm.NativeCoroutine
	switch delay.Kind() {
	case vm.KInt, vm.KFloat, vm.KBool:
		s = &sleepCoro{}
		d, _ := vm.AsFloat(delay)
		s.timer.HoldDelay(d)
		c = s
	default:
		o := &oddSleep{delay: delay}
		s, c = &o.sleepCoro, o
	}
	s.timer.Hold(result)
	return c
}

var sleepCoroType = vm.NewNativeClass("coroutine", "builtins", nil, nil)

func (*sleepCoro) Class() *vm.Class                    { return sleepCoroType }
func (*sleepCoro) QualName() string                    { return "sleep" }
func (s *sleepCoro) Repr(t *vm.Thread) (string, error) { return coroutineRepr(s), nil }
func (s *sleepCoro) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	return coroutineAttr(s, name)
}
func (s *sleepCoro) Awaited() bool          { return s.flag(sleepAwaited) }
func (s *sleepCoro) MarkAwaited()           { s.set(sleepAwaited) }
func (s *sleepCoro) Origin() *vm.Origin     { return s.origin }
func (s *sleepCoro) SetOrigin(o *vm.Origin) { s.origin = o }

func (s *sleepCoro) Send(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	v, done, err := s.step(t, sent)
	if done || err != nil {
		s.set(sleepDone)
	}
	return v, done, err
}

func (s *sleepCoro) step(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	if s.flag(sleepDone) {
		return vm.Undef, false, errReusedCoroutine()
	}
	if s.timer.Armed() {
		return s.timer.Finish()
	}
	if s.flag(sleepYielded) {
		return s.timer.Held(), true, nil
	}
	l, err := runningLoop(t)
	if err != nil {
		return vm.Undef, false, err
	}
	d := s.timer.HeldDelay()
	if d <= 0 {
		s.set(sleepYielded)
		return vm.None, false, nil
	}
	s.timer.Arm(l, d)
	return s.timer.Yield(), false, nil
}

// Send compares the delay with 0 on the first step, then steps the sleep.
func (o *oddSleep) Send(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	if !o.checked && !o.flag(sleepDone) {
		o.checked = true
		le, err := t.LessEqual(o.delay, vm.Int(0))
		if err != nil {
			o.set(sleepDone)
			return vm.Undef, false, err
		}
		d, err := vm.AsFloat(o.delay)
		if err != nil {
			if !le {
				o.set(sleepDone)
				return vm.Undef, false, err
			}
			d = 0
		}
		o.timer.HoldDelay(d)
	}
	return o.sleepCoro.Send(t, sent)
}

func errReusedCoroutine() error {
	return vm.Errorf(vm.RuntimeError, "cannot reuse already awaited coroutine")
}

// addCoroutineMethods gives a native coroutine class the coroutine methods
// scripts call directly: __await__ (the object is its own iterator), send
// and close.
func addCoroutineMethods(c *vm.Class) {
	c.AddMethod("__await__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		args[0].AsObj().(vm.NativeCoroutine).MarkAwaited()
		return args[0], nil
	})
	c.AddMethod("send", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "send() takes exactly one argument (%d given)", len(args)-1)
		}
		nc := args[0].AsObj().(vm.NativeCoroutine)
		nc.MarkAwaited()
		v, done, err := nc.Send(t, args[1])
		if err != nil {
			return vm.Undef, err
		}
		if done {
			return vm.Undef, vm.NewException(vm.StopIteration, v)
		}
		return v, nil
	})
	c.AddMethod("close", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		args[0].AsObj().(vm.NativeCoroutine).MarkAwaited()
		return vm.None, nil
	})
}

func init() {
	for _, c := range []*vm.Class{sleepCoroType, queuePutType, queueGetType, queueJoinType, goAwaitType} {
		addCoroutineMethods(c)
	}
}

// TrackAsyncGens makes the running loop remember the async generators
// scripts start, so that it can finalise them when it shuts down.
func TrackAsyncGens(it *vm.Interp) {
	if it.Hooks.OnAsyncGenStart == nil {
		it.Hooks.OnAsyncGenStart = func(t *vm.Thread, g *vm.Generator) {
			if l := runtime.RunningLoop(t); l != nil {
				l.TrackAsyncGen(g)
			}
		}
	}
}

// gather is asyncio.gather(*aws, return_exceptions=False).
func gather(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	returnExc := false
	for _, a := range kw {
		if a.Name != "return_exceptions" {
			return vm.Undef, vm.Errorf(vm.TypeError, "gather() got an unexpected keyword argument '%s'", a.Name)
		}
		b, err := t.Truth(a.Val)
		if err != nil {
			return vm.Undef, err
		}
		returnExc = b
	}
	var l *runtime.Loop
	if len(args) == 0 {
		var err error
		if l, err = getEventLoop(t); err != nil {
			return vm.Undef, err
		}
		return vm.Obj(runtime.Gather(l, nil, returnExc)), nil
	}
	children := make([]*runtime.Future, 0, len(args))
	// A repeated argument (the same object) shares one future, as in CPython.
	// Futures are remembered in a map; a coroutine seen before is already
	// awaited, and only then is its task looked for (keeping a 100,000-task
	// gather free of a 100,000-entry map).
	var seen map[vm.Object]*runtime.Future
	for i, a := range args {
		if err := t.PollEvery(i, 64); err != nil {
			return vm.Undef, err // a million tasks take seconds to make
		}
		var fut *runtime.Future
		if g, ok := a.AsObj().(*vm.Generator); ok {
			if g.Awaited() {
				for _, c := range children {
					if task := c.Task(); task != nil && task.Coro() == g {
						fut = c
						break
					}
				}
			}
		} else if a.Kind() == vm.KObj && seen != nil {
			fut = seen[a.AsObj()]
		}
		if fut == nil {
			if l == nil {
				if f := futureOf(a); f != nil {
					l = f.Loop()
				} else {
					var err error
					if l, err = getEventLoop(t); err != nil {
						return vm.Undef, err
					}
				}
			}
			fv, err := ensureFuture(t, l, a)
			if err != nil {
				return vm.Undef, err
			}
			fut = futureOf(fv)
			if _, isGen := a.AsObj().(*vm.Generator); !isGen && a.Kind() == vm.KObj {
				if seen == nil {
					seen = map[vm.Object]*runtime.Future{}
				}
				seen[a.AsObj()] = fut
			}
		}
		children = append(children, fut)
	}
	return vm.Obj(runtime.Gather(l, children, returnExc)), nil
}

// shutdownAsyncGens closes async generators that were iterated but never
// finished, as loop.shutdown_asyncgens() does at the end of asyncio.run.
func shutdownAsyncGens(t *vm.Thread, l *runtime.Loop) error {
	gens := l.UnfinishedAsyncGens()
	if len(gens) == 0 {
		// CPython runs loop.shutdown_asyncgens() as a task regardless.
		runtime.SkipTaskIDs(t.Interp(), 1)
		return nil
	}
	fn, err := libFunc(t, "_shutdown_asyncgens")
	if err != nil {
		return err
	}
	items := make([]vm.Value, len(gens))
	for i, g := range gens {
		items[i] = vm.Obj(g)
	}
	coro, err := t.Call(fn, []vm.Value{vm.Obj(vm.NewList(items))}, nil)
	if err != nil {
		return err
	}
	task := l.NewTask(coro.AsObj().(*vm.Generator), "")
	_, err = l.RunUntilComplete(&task.Future)
	return err
}

// newEventLoop makes an event loop and, like CPython's selector loop,
// logs "Using selector: EpollSelector" at DEBUG on the asyncio logger when
// the script uses logging (so a DEBUG-level log prints the same lines).
func newEventLoop(t *vm.Thread) *runtime.Loop {
	l := runtime.NewLoopFor(t)
	if logging, ok := t.Interp().Module("logging"); ok {
		if getLogger, ok := logging.Get("getLogger"); ok {
			if lg, err := t.Call(getLogger, []vm.Value{vm.Str("asyncio")}, nil); err == nil {
				t.CallMethod(lg, "debug", vm.Str("Using selector: %s"), vm.Str("EpollSelector"))
			}
		}
	}
	return l
}

// oneParam binds the one parameter of a function CPython writes in Python
// (asyncio.iscoroutine(obj)), with the errors of a Python call.
func oneParam(fname, param string, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) > 1 {
		return vm.Undef, vm.Errorf(vm.TypeError, "%s() takes 1 positional argument but %d were given", fname, len(args))
	}
	v := vm.Undef
	if len(args) == 1 {
		v = args[0]
	}
	for _, a := range kw {
		if a.Name != param {
			return vm.Undef, vm.Errorf(vm.TypeError, "%s() got an unexpected keyword argument '%s'", fname, a.Name)
		}
		if !v.IsUndef() {
			return vm.Undef, vm.Errorf(vm.TypeError, "%s() got multiple values for argument '%s'", fname, param)
		}
		v = a.Val
	}
	if v.IsUndef() {
		return vm.Undef, vm.Errorf(vm.TypeError, "%s() missing 1 required positional argument: '%s'", fname, param)
	}
	return v, nil
}
