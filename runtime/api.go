package runtime

import (
	"github.com/asylang/asy/vm"
)

// NewLoopFor makes a loop on t using the interpreter's clock.
func NewLoopFor(t *vm.Thread) *Loop {
	return NewLoop(t, ClockOf(t.Interp()))
}

// RunUntilComplete runs the loop until fut is done and returns its result.
func (l *Loop) RunUntilComplete(fut *Future) (vm.Value, error) {
	if l.closed {
		return vm.Undef, vm.Errorf(vm.RuntimeError, "Event loop is closed")
	}
	// A script-level callback under CPython's name, as task reprs show it.
	stopper := vm.NewBuiltin("_run_until_complete_cb", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		l.Stop()
		return vm.None, nil
	})
	fut.addScriptCallback(stopper)
	err := l.RunForever()
	fut.removeScriptCallback(l.t, stopper)
	if err != nil {
		return vm.Undef, err
	}
	if !fut.Done() {
		return vm.Undef, vm.Errorf(vm.RuntimeError, "Event loop stopped before Future completed.")
	}
	return fut.Result()
}

// CancelAllTasks cancels the loop's pending tasks and runs the loop until
// they finish, as asyncio.run does at exit.
func (l *Loop) CancelAllTasks() error {
	var pending []*Task
	for _, t := range l.tasks.All() {
		if !t.Done() {
			pending = append(pending, t)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	for _, t := range pending {
		t.Cancel(vm.None)
	}
	all := NewFuture(l)
	remaining := len(pending)
	for _, t := range pending {
		t.addNamedCallback(func(*Future) {
			remaining--
			if remaining == 0 && !all.Done() {
				all.SetResult(vm.None)
			}
		}, &gatherCallbackName)
	}
	if _, err := l.RunUntilComplete(all); err != nil {
		return err
	}
	for _, t := range pending {
		if t.Cancelled() {
			continue
		}
		if t.excSet {
			t.flags &^= futLogTraceback
			l.ReportError("unhandled exception during asyncio.run() shutdown", t.exc(), ContextItem{"task", t.value()})
		}
	}
	return nil
}

// ReportUnretrieved prints "Task exception was never retrieved" for failed
// tasks whose exception nobody looked at (CPython does it when the task is
// garbage collected; asy does it, deterministically, when the loop closes).
func (l *Loop) ReportUnretrieved() {
	for _, t := range l.tasks.All() {
		if t.flags&futLogTraceback != 0 && t.excSet {
			t.flags &^= futLogTraceback
			l.ReportError("Task exception was never retrieved", t.exc(), ContextItem{"future", t.value()})
		}
	}
}

// CurrentTask is asyncio.current_task().
func (l *Loop) CurrentTask() *Task { return l.current }

// AllTasks lists the loop's unfinished tasks.
func (l *Loop) AllTasks() []*Task {
	var out []*Task
	for _, t := range l.tasks.All() {
		if !t.Done() {
			out = append(out, t)
		}
	}
	return out
}

// forgetDone drops finished tasks from the strong list so that long runs
// don't accumulate them (their results live on in whoever awaited them),
// keeping those with an exception nobody retrieved for ReportUnretrieved.
// The next pass comes when the list has doubled: amortised O(1) a task.
func (l *Loop) forgetDone() {
	l.tasks.Keep(func(t *Task) bool { return !t.Done() || t.flags&futLogTraceback != 0 })
	l.tasksLimit = max(1024, 2*l.tasks.Len())
}

// Cancelled reports whether the handle was cancelled.
func (h *Handle) Cancelled() bool { return h.cancelled }

// When is a timer handle's deadline.
func (h *Handle) When() float64 { return h.when }

// CancelAny cancels a future or task (Task.cancel semantics for tasks).
func (f *Future) CancelAny(msg vm.Value) bool { return f.cancelFuture(msg) }

// AddScriptCallback registers a script callable as a done callback.
func (f *Future) AddScriptCallback(cb vm.Value) { f.addScriptCallback(cb) }

// RemoveScriptCallback removes a script done callback, returning how many were removed.
func (f *Future) RemoveScriptCallback(t *vm.Thread, cb vm.Value) int {
	return f.removeScriptCallback(t, cb)
}

// Self returns the script-visible object (the Future or the Task embedding it).
func (f *Future) Self() vm.Object { return f.self() }

// SetName renames a task.
func (t *Task) SetName(s string) { t.more().name = s }

// Cancelling is the number of pending cancel requests.
func (t *Task) Cancelling() int {
	if t.extra == nil {
		return 0
	}
	return int(t.extra.cancels)
}

// CallbackError reports an exception raised by a scheduled callback.
func (l *Loop) CallbackError(err error, cb vm.Value) {
	s, _ := l.t.Repr(cb)
	l.callbackError(err, "Exception in callback "+s)
}

// ReportCallbackError reports an exception raised by a callback under a
// message of the caller's making ("Exception in callback f()\nhandle: …").
func (l *Loop) ReportCallbackError(err error, message string) { l.callbackError(err, message) }

// TrackAsyncGen records an async generator first iterated on this loop.
func (l *Loop) TrackAsyncGen(g *vm.Generator) { l.asyncgens = append(l.asyncgens, g) }

// UnfinishedAsyncGens returns the tracked async generators that never finished.
func (l *Loop) UnfinishedAsyncGens() []*vm.Generator {
	var out []*vm.Generator
	for _, g := range l.asyncgens {
		if !g.Finished() {
			out = append(out, g)
		}
	}
	l.asyncgens = nil
	return out
}
