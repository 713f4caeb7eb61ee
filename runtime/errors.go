package runtime

import (
	"fmt"
	"strings"

	"github.com/asylang/asy/vm"
)

// asyncio's exception classes.
var (
	CancelledError    = vm.NewExceptionClass("CancelledError", "asyncio.exceptions", vm.BaseException)
	InvalidStateError = vm.NewExceptionClass("InvalidStateError", "asyncio.exceptions", vm.Exception)
)

// runningLoops maps a thread to its running loop.
func setRunningLoop(t *vm.Thread, l *Loop) {
	st := threadState(t)
	st.running = l
}

// RunningLoop returns the loop running on t, if any.
func RunningLoop(t *vm.Thread) *Loop { return threadState(t).running }

type tstate struct {
	running *Loop
	current *Loop // set_event_loop / get_event_loop
}

func threadState(t *vm.Thread) *tstate {
	if st, ok := t.Local.(*tstate); ok {
		return st
	}
	st := &tstate{}
	t.Local = st
	return st
}

// SetEventLoop is asyncio.set_event_loop.
func SetEventLoop(t *vm.Thread, l *Loop) { threadState(t).current = l }

// EventLoop returns the loop set for t (get_event_loop's fallback).
func EventLoop(t *vm.Thread) *Loop { return threadState(t).current }

// callbackError reports an exception escaping a callback, as the default
// exception handler does.
func (l *Loop) callbackError(err error, what string) { l.ReportError(what, err) }

// deadlock is the error for a loop that can never make progress.
func (l *Loop) deadlock() error {
	var b strings.Builder
	b.WriteString("deadlock: every task waits for something that can never happen")
	for _, t := range l.tasks.All() {
		if t.Done() {
			continue
		}
		// Report the innermost frame of script code (not of asyncio's library).
		where := ""
		for f := t.coro.InnermostFrame(); f != nil; f = f.Back() {
			if !strings.HasPrefix(f.Code().Filename, "<") {
				where = fmt.Sprintf(" at %s:%d", f.Code().Filename, f.Line())
				break
			}
		}
		fmt.Fprintf(&b, "\n  %s (%s) waits%s", t.Name(), t.CoroName(), where)
		if t.futWaiter != nil {
			b.WriteString(" on " + t.futWaiter.reprSelf())
		}
	}
	return vm.NewError(vm.RuntimeError, b.String())
}

// reprSelf is the repr of the future or task.
func (f *Future) reprSelf() string {
	s, err := f.loop.t.Repr(f.value())
	if err != nil {
		return "<Future>"
	}
	return s
}
