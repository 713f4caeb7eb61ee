package asy

import (
	"context"
	"errors"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Calls from Go goroutines into a running script: the embedding side of
// loop.call_soon_threadsafe and asyncio.run_coroutine_threadsafe. While Run
// (or Call) runs an event loop — the script is inside asyncio.run, awaiting —
// any goroutine may schedule a call of a script function on that loop: an
// HTTP handler, a message consumer or a timer feeding events to a script.
// The call runs on the loop's thread, between the script's own callbacks,
// so it sees and may change the script's state like any callback.

// ErrNoLoop is returned by CallSoon and CallOnLoop when no event loop is
// running in the interpreter, or when the loop closed before the call ran.
var ErrNoLoop = errors.New("asy: no running event loop")

// AcceptCalls tells the interpreter that Go goroutines will call into its
// event loops with CallSoon and CallOnLoop. Until stop is called, a loop
// with nothing left to do waits for them instead of ending the run with a
// deadlock error (a script awaiting a queue that only Go fills). Under the
// virtual clock, time still jumps to the loop's next timer when nothing
// else is ready, so a call arriving later in real time lands at whatever
// virtual time the loop has reached. It may be called from any goroutine.
func (in *Interpreter) AcceptCalls() (stop func()) { return runtime.Hold(in.it) }

// CallSoon schedules a call of the script callable bound to the global
// name, with args converted from Go (see convert.go), on the interpreter's
// running event loop, and returns at once. It is safe to call from any
// goroutine while Run or Call runs the loop (calls from one goroutine run in
// order). A coroutine result runs as a task; an exception is reported on
// the interpreter's stderr as a failing loop callback is. It returns
// ErrNoLoop when no loop runs.
func (in *Interpreter) CallSoon(name string, args ...any) error {
	_, ok := runtime.PostRunning(in.it, func(l *runtime.Loop) {
		t := l.Thread()
		fn, r, err := in.callOnLoop(t, name, args)
		if err == nil {
			_, err = stdlib.EnsureTask(t, l, r)
		}
		if err != nil {
			what := name + "()"
			if !fn.IsUndef() {
				what = runtime.FormatCallback(t, fn, nil)
			}
			l.ReportCallbackError(err, "Exception in callback "+what)
		}
	})
	if !ok {
		return ErrNoLoop
	}
	return nil
}

// CallOnLoop is CallSoon that waits for the outcome: the function's result
// converted to Go, or its exception as *Error. An async function runs as a
// task on the loop and is awaited, as asyncio.run_coroutine_threadsafe
// does; cancelling ctx cancels that task and returns ctx's error. It
// returns ErrNoLoop when no loop runs or the loop closes before the call.
func (in *Interpreter) CallOnLoop(ctx context.Context, name string, args ...any) (any, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	type outcome struct {
		v   any
		err error
	}
	done := make(chan outcome, 1)
	var task *runtime.Future // loop thread only
	l, ok := runtime.PostRunning(in.it, func(l *runtime.Loop) {
		if ctx.Err() != nil {
			done <- outcome{nil, ctx.Err()}
			return
		}
		t := l.Thread()
		_, r, err := in.callOnLoop(t, name, args)
		var fut *runtime.Future
		if err == nil {
			fut, err = stdlib.EnsureTask(t, l, r)
		}
		switch {
		case err != nil:
			done <- outcome{nil, in.scriptError(err)}
		case fut == nil:
			done <- outcome{fromScript(t, r), nil}
		default:
			task = fut
			fut.AddDoneCallback(func(f *runtime.Future) {
				v, err := f.Result()
				if err != nil {
					done <- outcome{nil, in.scriptError(err)}
					return
				}
				done <- outcome{fromScript(t, v), nil}
			})
		}
	})
	if !ok {
		return nil, ErrNoLoop
	}
	select {
	case o := <-done:
		return o.v, o.err
	case <-ctx.Done():
		l.Post(func() {
			if task != nil {
				task.CancelAny(vm.None)
			}
		})
		return nil, ctx.Err()
	case <-l.CloseNotify():
		select {
		case o := <-done:
			return o.v, o.err
		default:
			return nil, ErrNoLoop
		}
	}
}

// callOnLoop looks up and calls a global of __main__ on the loop's thread.
func (in *Interpreter) callOnLoop(t *vm.Thread, name string, args []any) (fn, result vm.Value, err error) {
	fn, ok := in.main.Get(name)
	if !ok || fn.IsUndef() {
		return vm.Undef, vm.Undef, vm.Errorf(vm.NameError, "name '%s' is not defined", name)
	}
	argv := make([]vm.Value, len(args))
	for i, a := range args {
		if argv[i], err = toScript(t, a); err != nil {
			return fn, vm.Undef, err
		}
	}
	result, err = t.Call(fn, argv, nil)
	return fn, result, err
}
