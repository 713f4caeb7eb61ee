package runtime

import (
	"unsafe"

	"github.com/asylang/asy/vm"
)

type futState uint8

const (
	statePending futState = iota
	stateCancelled
	stateFinished
)

func (s futState) String() string {
	switch s {
	case stateCancelled:
		return "CANCELLED"
	case stateFinished:
		return "FINISHED"
	}
	return "PENDING"
}

// Future is asyncio.Future: a result that will arrive later. Tasks embed it.
// A suspended task keeps its Task and the future it waits for, so the
// fields are ordered to leave no padding and the flags share one word.
type Future struct {
	loop      *Loop
	result    vm.Value
	exc       *vm.Instance
	callbacks []futCallback
	// waiter is the task awaiting the future when it was the first to
	// register (its wakeup then runs before callbacks[0]): the common case
	// of one task per future costs no callback slice and no closure.
	waiter *Task
	// cancelledExc is the CancelledError that cancelled a task (re-raised by result()).
	cancelledExc *vm.Instance
	// self is the script-visible object (the Future itself, or the Task wrapping it).
	self  vm.Object
	state futState
	// blocking is Python's _asyncio_future_blocking: set when yielded by await.
	blocking bool
	// logTraceback: an exception was set and nobody retrieved it yet.
	logTraceback bool
	// fromExecutor marks run_in_executor's future while an observer
	// watches (so a timeline can say a task waits for a thread).
	fromExecutor bool
	// timer marks the Future of a TimerFuture: completing it cancels the timer.
	timer bool
	// hooked marks the Future of a hookedFuture: completing it runs onDone.
	hooked bool
	// gatherMark is Gather's scratch mark for finding repeated children.
	gatherMark bool
}

type futCallback struct {
	goFn func(f *Future)
	// script is the callable receiving the future (a pointer: 16-byte
	// entries); with goFn set it is instead the name reprs show (a str).
	script *vm.Value
}

// FutureType is asyncio.Future.
var FutureType *vm.Class

// NewFuture makes a pending future on loop.
func NewFuture(loop *Loop) *Future {
	f := &Future{loop: loop}
	f.self = f
	return f
}

func (f *Future) Class() *vm.Class { return FutureType }

// FromExecutor reports a run_in_executor future made while an observer watched.
func (f *Future) FromExecutor() bool { return f.fromExecutor }

// Loop returns the future's loop.
func (f *Future) Loop() *Loop { return f.loop }

// Done reports whether the future has a result, an exception or was cancelled.
func (f *Future) Done() bool { return f.state != statePending }

// Cancelled reports whether the future was cancelled.
func (f *Future) Cancelled() bool { return f.state == stateCancelled }

func (f *Future) value() vm.Value { return vm.Obj(f.self) }

// SetResult completes the future.
func (f *Future) SetResult(v vm.Value) error {
	if f.state != statePending {
		return vm.NewError(InvalidStateError, "invalid state")
	}
	f.result = v
	f.state = stateFinished
	f.scheduleCallbacks()
	return nil
}

// SetException fails the future.
func (f *Future) SetException(exc *vm.Instance) error {
	if f.state != statePending {
		return vm.NewError(InvalidStateError, "invalid state")
	}
	if exc.Class().IsSubclass(vm.StopIteration) {
		return vm.Errorf(vm.TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future")
	}
	f.exc = exc
	f.state = stateFinished
	f.logTraceback = true
	f.scheduleCallbacks()
	return nil
}

// Cancel cancels a pending future.
func (f *Future) Cancel(msg vm.Value) bool {
	f.logTraceback = false
	if f.state != statePending {
		return false
	}
	f.state = stateCancelled
	f.result = msg // a cancelled future has no result: the slot keeps the message
	f.scheduleCallbacks()
	return true
}

// makeCancelledError builds the CancelledError a cancelled future raises.
func (f *Future) makeCancelledError() *vm.Instance {
	if f.cancelledExc != nil {
		e := f.cancelledExc
		f.cancelledExc = nil
		return e
	}
	if f.result.IsUndef() || f.result.IsNone() {
		return vm.NewInstance(CancelledError)
	}
	return vm.NewException(CancelledError, f.result)
}

// Result returns the result or the error (CancelledError, the exception, or
// InvalidStateError when pending).
func (f *Future) Result() (vm.Value, error) {
	switch f.state {
	case stateCancelled:
		return vm.Undef, f.makeCancelledError()
	case statePending:
		return vm.Undef, vm.NewError(InvalidStateError, "Result is not set.")
	}
	f.logTraceback = false
	if f.exc != nil {
		return vm.Undef, f.exc
	}
	return f.result, nil
}

// Exception returns the exception (None when there is none).
func (f *Future) Exception() (vm.Value, error) {
	switch f.state {
	case stateCancelled:
		return vm.Undef, f.makeCancelledError()
	case statePending:
		return vm.Undef, vm.NewError(InvalidStateError, "Exception is not set.")
	}
	f.logTraceback = false
	if f.exc != nil {
		return vm.Obj(f.exc), nil
	}
	return vm.None, nil
}

// AddDoneCallback registers a Go callback; it is scheduled with call_soon
// when the future completes (or right away if it is done).
func (f *Future) AddDoneCallback(fn func(*Future)) {
	if f.state != statePending {
		f.loop.callSoonFut(fn, f)
		return
	}
	f.callbacks = append(f.callbacks, futCallback{goFn: fn})
}

// addNamedCallback is AddDoneCallback for a Go callback standing for one of
// CPython's Python-coded ones: reprs show name (a str value) for it.
func (f *Future) addNamedCallback(fn func(*Future), name *vm.Value) {
	if f.state != statePending {
		f.loop.callSoonFut(fn, f)
		return
	}
	f.callbacks = append(f.callbacks, futCallback{goFn: fn, script: name})
}

// addScriptCallback registers a script callable.
func (f *Future) addScriptCallback(cb vm.Value) {
	if f.state != statePending {
		f.loop.CallSoon(func() { f.runScriptCallback(cb) })
		return
	}
	f.callbacks = append(f.callbacks, futCallback{script: &cb})
}

func (f *Future) runScriptCallback(cb vm.Value) {
	if _, err := f.loop.t.Call(cb, []vm.Value{f.value()}, nil); err != nil {
		f.loop.callbackError(err, "Exception in callback")
	}
}

// removeScriptCallback removes every registration of cb, returning the count.
func (f *Future) removeScriptCallback(t *vm.Thread, cb vm.Value) int {
	kept := f.callbacks[:0]
	n := 0
	for _, c := range f.callbacks {
		if c.goFn == nil {
			if eq, _ := t.Equal(*c.script, cb); eq {
				n++
				continue
			}
		}
		kept = append(kept, c)
	}
	f.callbacks = kept
	return n
}

func (f *Future) scheduleCallbacks() {
	if f.hooked {
		h := (*hookedFuture)(unsafe.Pointer(f))
		if fn := h.onDone; fn != nil {
			h.onDone = nil
			fn()
		}
	}
	if f.timer {
		// Like CPython's `finally: h.cancel()` in sleep: a cancelled sleep
		// drops its timer at once.
		(*TimerFuture)(unsafe.Pointer(f)).h.Cancel()
	}
	if w := f.waiter; w != nil {
		f.waiter = nil
		f.loop.ready.push(readyItem{task: w, fut: f})
	}
	cbs := f.callbacks
	f.callbacks = nil
	for _, c := range cbs {
		c := c
		if c.goFn != nil {
			f.loop.callSoonFut(c.goFn, f)
		} else {
			f.loop.CallSoon(func() { f.runScriptCallback(*c.script) })
		}
	}
}

// addWaiter registers task t's wakeup as a done callback: in the waiter
// slot when it is the first, else as a callback entry.
func (f *Future) addWaiter(t *Task) {
	if f.waiter == nil && len(f.callbacks) == 0 && f.state == statePending {
		f.waiter = t
		return
	}
	f.AddDoneCallback(t.wakeup)
}

// hasCallbacks reports whether any done callback is registered.
func (f *Future) hasCallbacks() bool { return f.waiter != nil || len(f.callbacks) > 0 }

// Await makes the iterator that `await fut` drives.
func (f *Future) Await(t *vm.Thread) (vm.Value, error) {
	return vm.Obj(&futureIter{f: f}), nil
}

// futureIter is Future.__await__: it yields the future once (the task then
// waits for it) and returns its result when resumed.
type futureIter struct {
	f       *Future
	yielded bool
}

var futureIterType = vm.NewNativeClass("FutureIter", "_asyncio", nil, nil)

func (*futureIter) Class() *vm.Class { return futureIterType }

func (it *futureIter) Send(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	f := it.f
	if !it.yielded && f.state == statePending {
		it.yielded = true
		f.blocking = true
		return f.value(), false, nil
	}
	if f.state == statePending {
		return vm.Undef, false, vm.Errorf(vm.RuntimeError, "await wasn't used with future")
	}
	r, err := f.Result()
	return r, true, err
}

// Next lets `yield from fut` / iteration drive it too.
func (it *futureIter) Next(t *vm.Thread) (vm.Value, bool, error) {
	v, done, err := it.Send(t, vm.None)
	if err != nil || done {
		return vm.Undef, false, err
	}
	return v, true, nil
}

// hookedFuture is a Future with a cleanup run synchronously when it
// completes (kept out of Future: every task embeds one).
type hookedFuture struct {
	Future // first: scheduleCallbacks finds onDone from the Future
	onDone func()
}

// NewFutureOnDone makes a pending future on loop that runs onDone
// synchronously when it completes (a Go awaitable's cleanup when the
// awaiting task is cancelled).
func NewFutureOnDone(loop *Loop, onDone func()) *Future {
	h := &hookedFuture{onDone: onDone}
	f := &h.Future
	f.loop = loop
	f.self = f
	f.hooked = true
	return f
}
