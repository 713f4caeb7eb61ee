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
// Future is kept to 56 bytes (a Task to 96, a sleep to 80, size classes of
// Go's allocator): what few futures have (more than one done callback)
// hangs off a pointer, the script-visible object is derived from kind, an
// exception shares the result's slot, and the flags share a word.
type Future struct {
	loop *Loop
	// result is the result of a finished future; with excSet, the
	// exception of a failed one (state finished) or, for a task cancelled by
	// a CancelledError out of its coroutine (state cancelled), that
	// CancelledError, which the first result() re-raises. A cancelled
	// future's slot otherwise keeps the cancel message, and a pending
	// task's the message of a requested cancel.
	result vm.Value
	// waiter is the first done callback when it is a task's wakeup or a
	// gather's child callback (waiter is then that Task's or
	// GatheringFuture's Future): the common case of one waiter per future
	// costs no callback entry and no closure. It runs before the others.
	waiter *Future
	// more holds the other done callbacks, in registration order.
	more  *[]futCallback
	state futState
	// kind says what embeds the Future (self derives the object from it).
	kind futKind
	// excSet: result holds an exception (see result).
	excSet bool
	flags  futFlags
	// taskID numbers a Task for its default name (Task-<id>); it sits in
	// the Future's spare word so that a suspended Task is 80 bytes.
	taskID uint32
}

// futFlags are a Future's rarer flags, in one byte.
type futFlags uint8

const (
	// futBlocking is Python's _asyncio_future_blocking: set when yielded by await.
	futBlocking futFlags = 1 << iota
	// futLogTraceback: an exception was set and nobody retrieved it yet.
	futLogTraceback
	// futFromExecutor marks run_in_executor's future while an observer
	// watches (so a timeline can say a task waits for a thread).
	futFromExecutor
	// futGatherMark is Gather's scratch mark for finding repeated children.
	futGatherMark
	// futMustCancel is the Task's: a cancel was requested while its
	// coroutine could not take it.
	futMustCancel
)

// exc is the exception result holds (see Future.result), else nil.
func (f *Future) exc() *vm.Instance {
	if !f.excSet {
		return nil
	}
	return f.result.AsObj().(*vm.Instance)
}

// setExc stores exc in the result's slot.
func (f *Future) setExc(exc *vm.Instance) {
	f.result, f.excSet = vm.Obj(exc), true
}

// futKind is what a Future is the first field of.
type futKind uint8

const (
	kindFuture futKind = iota // a plain asyncio.Future
	kindTask                  // a Task
	kindGather                // a GatheringFuture
	kindTimer                 // a TimerFuture: completing it cancels the timer
	kindHooked                // a hookedFuture: completing it runs onDone
)

// self is the script-visible object: the Task or GatheringFuture whose
// first field f is, else the Future itself.
func (f *Future) self() vm.Object {
	switch f.kind {
	case kindTask:
		return (*Task)(unsafe.Pointer(f))
	case kindGather:
		return (*GatheringFuture)(unsafe.Pointer(f))
	}
	return f
}

// task returns the Task f is the first field of (nil for other futures).
func (f *Future) task() *Task {
	if f.kind == kindTask {
		return (*Task)(unsafe.Pointer(f))
	}
	return nil
}

// gather returns the GatheringFuture f is the first field of (or nil).
func (f *Future) gather() *GatheringFuture {
	if f.kind == kindGather {
		return (*GatheringFuture)(unsafe.Pointer(f))
	}
	return nil
}

// failure is the exception a finished future failed with (nil otherwise).
func (f *Future) failure() *vm.Instance {
	if f.state != stateFinished {
		return nil
	}
	return f.exc()
}

// callbacks returns the done callbacks after the waiter.
func (f *Future) callbacks() []futCallback {
	if f.more == nil {
		return nil
	}
	return *f.more
}

// addCallback appends a done callback entry.
func (f *Future) addCallback(c futCallback) {
	if f.more == nil {
		f.more = &[]futCallback{c}
		return
	}
	*f.more = append(*f.more, c)
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
	return &Future{loop: loop}
}

func (f *Future) Class() *vm.Class { return FutureType }

// FromExecutor reports a run_in_executor future made while an observer watched.
func (f *Future) FromExecutor() bool { return f.flags&futFromExecutor != 0 }

// Loop returns the future's loop.
func (f *Future) Loop() *Loop { return f.loop }

// Done reports whether the future has a result, an exception or was cancelled.
func (f *Future) Done() bool { return f.state != statePending }

// Cancelled reports whether the future was cancelled.
func (f *Future) Cancelled() bool { return f.state == stateCancelled }

func (f *Future) value() vm.Value { return vm.Obj(f.self()) }

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
	f.setExc(exc)
	f.state = stateFinished
	f.flags |= futLogTraceback
	f.scheduleCallbacks()
	return nil
}

// Cancel cancels a pending future.
func (f *Future) Cancel(msg vm.Value) bool {
	f.flags &^= futLogTraceback
	if f.state != statePending {
		return false
	}
	f.state = stateCancelled
	f.result = msg // a cancelled future has no result: the slot keeps the message
	f.scheduleCallbacks()
	return true
}

// cancelWithError cancels a pending future (a task) with the CancelledError
// its coroutine raised, which the first result() re-raises.
func (f *Future) cancelWithError(exc *vm.Instance) {
	f.flags &^= futLogTraceback
	if f.state != statePending {
		return
	}
	f.state = stateCancelled
	f.setExc(exc)
	f.scheduleCallbacks()
}

// makeCancelledError builds the CancelledError a cancelled future raises.
func (f *Future) makeCancelledError() *vm.Instance {
	if f.state == stateCancelled && f.excSet {
		e := f.exc()
		f.result, f.excSet = vm.None, false
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
	f.flags &^= futLogTraceback
	if e := f.exc(); e != nil {
		return vm.Undef, e
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
	f.flags &^= futLogTraceback
	if f.excSet {
		return f.result, nil
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
	f.addCallback(futCallback{goFn: fn})
}

// addNamedCallback is AddDoneCallback for a Go callback standing for one of
// CPython's Python-coded ones: reprs show name (a str value) for it.
func (f *Future) addNamedCallback(fn func(*Future), name *vm.Value) {
	if f.state != statePending {
		f.loop.callSoonFut(fn, f)
		return
	}
	f.addCallback(futCallback{goFn: fn, script: name})
}

// addScriptCallback registers a script callable.
func (f *Future) addScriptCallback(cb vm.Value) {
	if f.state != statePending {
		f.loop.CallSoon(func() { f.runScriptCallback(cb) })
		return
	}
	f.addCallback(futCallback{script: &cb})
}

func (f *Future) runScriptCallback(cb vm.Value) {
	if _, err := f.loop.t.Call(cb, []vm.Value{f.value()}, nil); err != nil {
		f.loop.callbackError(err, "Exception in callback")
	}
}

// removeScriptCallback removes every registration of cb, returning the count.
func (f *Future) removeScriptCallback(t *vm.Thread, cb vm.Value) int {
	if f.more == nil {
		return 0
	}
	kept := (*f.more)[:0]
	n := 0
	for _, c := range *f.more {
		if c.goFn == nil {
			if eq, _ := t.Equal(*c.script, cb); eq {
				n++
				continue
			}
		}
		kept = append(kept, c)
	}
	clear((*f.more)[len(kept):])
	*f.more = kept
	return n
}

func (f *Future) scheduleCallbacks() {
	switch f.kind {
	case kindHooked:
		h := (*hookedFuture)(unsafe.Pointer(f))
		if fn := h.onDone; fn != nil {
			h.onDone = nil
			fn()
		}
	case kindTimer:
		// Like CPython's `finally: h.cancel()` in sleep: a cancelled sleep
		// drops its timer at once.
		(*TimerFuture)(unsafe.Pointer(f)).h.cancel()
	}
	if w := f.waiter; w != nil {
		f.waiter = nil
		if t := w.task(); t != nil {
			f.loop.ready.push(wakeupItem(t, f))
		} else {
			f.loop.callSoonFut(w.gather().childDone, f)
		}
	}
	if f.more == nil {
		return
	}
	cbs := *f.more
	f.more = nil
	for _, c := range cbs {
		c := c
		if c.goFn != nil {
			f.loop.callSoonFut(c.goFn, f)
		} else {
			f.loop.CallSoon(func() { f.runScriptCallback(*c.script) })
		}
	}
}

// addWaiter registers w's callback — a task's wakeup or a gather's child
// callback — in the waiter slot when it is the first, else as an entry.
func (f *Future) addWaiter(w *Future) {
	if f.waiter == nil && len(f.callbacks()) == 0 && f.state == statePending {
		f.waiter = w
		return
	}
	if t := w.task(); t != nil {
		f.AddDoneCallback(t.wakeup)
	} else {
		f.addNamedCallback(w.gather().childDone, &gatherCallbackName)
	}
}

// hasCallbacks reports whether any done callback is registered.
func (f *Future) hasCallbacks() bool { return f.waiter != nil || len(f.callbacks()) > 0 }

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
		f.flags |= futBlocking
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
	f.kind = kindHooked
	return f
}
