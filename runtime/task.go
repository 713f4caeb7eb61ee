package runtime

import (
	"fmt"
	"math"

	"github.com/asylang/asy/vm"
)

// Task runs a coroutine on the loop: each step resumes the coroutine's
// frame chain until it yields a future to wait for (or a bare yield),
// exactly as CPython's Task.__step does.
type Task struct {
	Future
	coro *vm.Generator
	// extra holds what few tasks have (a name, a shown object); nil
	// otherwise, so that a suspended task stays small.
	extra     *taskExtra
	futWaiter *Future
	// With these fields a Task is 80 bytes, a size class of Go's
	// allocator: a field more costs 16 bytes per suspended task (its id
	// and mustCancel flag live in the Future's spare word).
}

type taskExtra struct {
	// shown is what the task was made from when that is not a script
	// coroutine — asyncio.sleep(), Queue.get(), an async generator's
	// asend(): coro is then a wrapper awaiting it, and repr, get_coro and
	// the deadlock report show it instead (nil otherwise).
	shown vm.Object
	// name is the task's name, "" until given or asked for (Task-<id>).
	name string
	// cancels counts the cancel requests not yet uncancelled (cancelling()).
	cancels int32
	// ctx is the contextvars context the task runs in: a copy of its
	// creator's (nil while empty, as it is in most programs).
	ctx *vm.Context
}

// context returns the contextvars context the task runs in (nil: empty).
func (t *Task) context() *vm.Context {
	if t.extra == nil {
		return nil
	}
	return t.extra.ctx
}

func (t *Task) more() *taskExtra {
	if t.extra == nil {
		t.extra = &taskExtra{}
	}
	return t.extra
}

// shownObj is the object the task was made from when not a script coroutine.
func (t *Task) shownObj() vm.Object {
	if t.extra == nil {
		return nil
	}
	return t.extra.shown
}

// TaskType is asyncio.Task.
var TaskType *vm.Class

func (t *Task) Class() *vm.Class { return TaskType }

// NewTask wraps a coroutine in a task and schedules its first step.
func (l *Loop) NewTask(coro *vm.Generator, name string) *Task {
	task := &Task{coro: coro}
	task.loop = l
	task.kind = kindTask
	if ctx := l.t.Ctx.Copy(); ctx != nil {
		task.more().ctx = ctx
	}
	id := l.reg.taskSeq.Add(1)
	switch {
	case name != "":
		task.more().name = name
	case id > math.MaxUint32:
		// Past the id field's range the name is made now.
		task.more().name = fmt.Sprintf("Task-%d", id)
	default: // Task-<id> when asked for (saves a string per task)
		task.taskID = uint32(id)
	}
	coro.MarkAwaited()
	l.tasks.Push(task)
	if l.tasks.Len() >= l.tasksLimit {
		l.forgetDone()
	}
	l.callSoonStep(task)
	if l.Observer != nil {
		l.Observer.Event(Event{Kind: EvTaskCreated, Time: l.Time(), Task: task})
	}
	return task
}

// SetContext makes the task run in ctx (create_task(coro, context=ctx)).
func (t *Task) SetContext(ctx *vm.Context) { t.more().ctx = ctx }

// Name returns the task's name.
func (t *Task) Name() string {
	x := t.more()
	if x.name == "" {
		x.name = fmt.Sprintf("Task-%d", t.taskID)
	}
	return x.name
}

// Coro returns the task's coroutine (for a task made from a native
// awaitable, the wrapper that drives it).
func (t *Task) Coro() *vm.Generator { return t.coro }

// SetShown records the native awaitable a task's wrapper coroutine awaits,
// for the task's repr, get_coro() and reports.
func (t *Task) SetShown(o vm.Object) { t.more().shown = o }

// ShownCoro is get_coro(): the object the task was made from.
func (t *Task) ShownCoro() vm.Value {
	if shown := t.shownObj(); shown != nil {
		return vm.Obj(shown)
	}
	return vm.Obj(t.coro)
}

// CoroName is the qualified name of the task's coroutine as CPython shows
// it (an object without a name shows as "<TYPE without __name__>").
func (t *Task) CoroName() string {
	shown := t.shownObj()
	if shown == nil {
		return t.coro.QualName()
	}
	if n, ok := shown.(interface{ QualName() string }); ok {
		return n.QualName()
	}
	return "<" + shown.Class().Name + " without __name__>"
}

// Cancel requests cancellation (Task.cancel(msg)).
func (t *Task) Cancel(msg vm.Value) bool {
	t.flags &^= futLogTraceback
	if t.Done() {
		return false
	}
	t.more().cancels++
	if t.futWaiter != nil {
		if t.futWaiter.cancelFuture(msg) {
			return true
		}
	}
	t.flags |= futMustCancel
	t.result = msg // pending: the result slot carries the cancel message
	return true
}

// cancelFuture cancels whatever kind of future f is (a task's Cancel has
// extra logic).
func (f *Future) cancelFuture(msg vm.Value) bool {
	if task := f.task(); task != nil {
		return task.Cancel(msg)
	}
	if g := f.gather(); g != nil {
		return g.CancelWith(msg)
	}
	return f.Cancel(msg)
}

func isCancelledError(exc *vm.Instance) bool {
	return exc != nil && exc.Class().IsSubclass(CancelledError)
}

// step advances the coroutine once.
func (t *Task) step(exc *vm.Instance) {
	l := t.loop
	if t.Done() {
		return
	}
	if t.flags&futMustCancel != 0 {
		if !isCancelledError(exc) {
			exc = t.makeCancelledError()
		}
		t.flags &^= futMustCancel
	}
	t.futWaiter = nil
	prev := l.current
	l.current = t
	if l.Observer != nil {
		l.Observer.Event(Event{Kind: EvTaskResumed, Time: l.Time(), Task: t})
	}
	var throw error
	if exc != nil {
		throw = exc
	}
	// The step runs in the task's context; a first ContextVar.set in it
	// makes the context, which the task keeps.
	prevCtx := l.t.Ctx
	l.t.Ctx = t.context()
	v, done, err := l.t.Resume(t.coro, vm.None, throw)
	if ctx := l.t.Ctx; ctx != nil || t.extra != nil {
		t.more().ctx = ctx
	}
	l.t.Ctx = prevCtx
	l.current = prev
	switch {
	case err != nil:
		inst := vm.AsException(err)
		if isCancelledError(inst) {
			t.cancelWithError(inst) // makeCancelledError re-raises it once

			l.observeDone(t, "cancelled")
			return
		}
		if inst.Class().IsSubclass(vm.KeyboardInterrupt) || inst.Class().IsSubclass(vm.SystemExit) {
			t.SetException(inst)
			t.flags &^= futLogTraceback
			l.fatal = inst
			return
		}
		t.SetException(inst)
		l.observeDone(t, "failed")
	case done:
		if t.flags&futMustCancel != 0 {
			t.flags &^= futMustCancel
			t.Future.Cancel(t.result)
			l.observeDone(t, "cancelled")
			return
		}
		t.SetResult(v)
		l.observeDone(t, "done")
	default:
		t.handleYield(v)
	}
}

// handleYield decides what the task waits for after the coroutine yielded v.
func (t *Task) handleYield(v vm.Value) {
	l := t.loop
	if v.IsNone() {
		// A bare yield (sleep(0)) gives up control for one loop iteration.
		if l.Observer != nil {
			l.Observer.Event(Event{Kind: EvTaskSuspended, Time: l.Time(), Task: t, Detail: "sleep(0)"})
		}
		l.callSoonStep(t)
		return
	}
	fut := asFuture(v)
	if fut == nil {
		s, _ := l.t.Repr(v)
		r, _ := l.t.Repr(vm.Obj(t))
		e := vm.NewError(vm.RuntimeError, fmt.Sprintf("Task got bad yield: %s", s))
		_ = r
		l.CallSoon(func() { t.step(e) })
		return
	}
	if fut.loop != l {
		e := vm.NewError(vm.RuntimeError, "Task got Future attached to a different loop")
		l.CallSoon(func() { t.step(e) })
		return
	}
	if fut.flags&futBlocking == 0 {
		e := vm.NewError(vm.RuntimeError, "yield was used instead of yield from in task")
		l.CallSoon(func() { t.step(e) })
		return
	}
	if fut == &t.Future {
		e := vm.NewError(vm.RuntimeError, "Task cannot await on itself: "+t.reprSelf())
		l.CallSoon(func() { t.step(e) })
		return
	}
	fut.flags &^= futBlocking
	fut.addWaiter(&t.Future)
	t.futWaiter = fut
	if l.Observer != nil {
		detail := "on a future"
		if w := fut.task(); w != nil {
			detail = "on task " + w.Name()
		}
		l.Observer.Event(Event{Kind: EvTaskSuspended, Time: l.Time(), Task: t, Detail: detail, Awaits: fut})
	}
	if t.flags&futMustCancel != 0 {
		if fut.cancelFuture(t.result) {
			t.flags &^= futMustCancel
		}
	}
}

// wakeup is the done callback of the future a task waits for.
func (t *Task) wakeup(fut *Future) {
	if _, err := fut.Result(); err != nil {
		t.step(vm.AsException(err))
		return
	}
	t.step(nil)
}

// Uncancel decrements the pending cancellation count (Task.uncancel()).
func (t *Task) Uncancel() int {
	if t.extra == nil {
		return 0
	}
	if t.extra.cancels > 0 {
		t.extra.cancels--
	}
	return int(t.extra.cancels)
}

// asFuture returns the Future inside a yielded future or task.
func asFuture(v vm.Value) *Future {
	switch o := v.AsObj().(type) {
	case *Future:
		return o
	case *Task:
		return &o.Future
	case futureHolder:
		return o.future()
	}
	return nil
}

// futureHolder is implemented by other future-like objects (gather's future).
type futureHolder interface{ future() *Future }

func (l *Loop) observeDone(t *Task, how string) {
	if l.Observer != nil {
		l.Observer.Event(Event{Kind: EvTaskDone, Time: l.Time(), Task: t, Detail: how})
	}
}

// AsFuture returns the Future inside a future, task or gathering future value (nil otherwise).
func AsFuture(v vm.Value) *Future { return asFuture(v) }

// Task returns the task f is part of (nil for a plain future).
func (f *Future) Task() *Task {
	return f.task()
}
