package stdlib

import (
	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// asyncio.Handle and asyncio.TimerHandle: what call_soon, call_later,
// call_at and call_soon_threadsafe return.

var (
	handleType      = vm.NewNativeClass("Handle", "asyncio", nil, nil)
	timerHandleType = vm.NewNativeClass("TimerHandle", "asyncio", handleType, nil)
)

// handleObj is a scheduled script callback. cb and args stay for the repr
// (CPython's shows them until the handle is cancelled).
type handleObj struct {
	h     *runtime.Handle
	l     *runtime.Loop
	cb    vm.Value
	args  []vm.Value
	timer bool
}

func newHandleObj(l *runtime.Loop, cb vm.Value, args []vm.Value) *handleObj {
	return &handleObj{l: l, cb: cb, args: append([]vm.Value(nil), args...)}
}

func (o *handleObj) Class() *vm.Class {
	if o.timer {
		return timerHandleType
	}
	return handleType
}

// run calls the callback on the loop's thread; an exception is reported as
// CPython's default exception handler reports it.
func (o *handleObj) run() {
	t := o.l.Thread()
	if _, err := t.Call(o.cb, o.args, nil); err != nil {
		what := "Exception in callback " + runtime.FormatCallback(t, o.cb, o.args)
		o.l.ReportError(what, err, runtime.ContextItem{Key: "handle", Value: vm.Obj(o)})
	}
}

// Repr is <Handle f(1) at file:line>, <TimerHandle when=… f() at …>,
// <Handle cancelled>.
func (o *handleObj) Repr(t *vm.Thread) (string, error) {
	s := "<" + o.Class().Name
	cancelled := o.h != nil && o.h.Cancelled()
	if cancelled {
		s += " cancelled"
	}
	if o.timer {
		when, _ := t.Repr(vm.Float(o.h.When()))
		s += " when=" + when
	}
	if !cancelled {
		s += " " + runtime.FormatCallback(t, o.cb, o.args)
	}
	return s + ">", nil
}

func init() {
	self := func(args []vm.Value) *handleObj { return args[0].AsObj().(*handleObj) }
	handleType.AddMethod("cancel", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		self(args).h.Cancel()
		return vm.None, nil
	})
	handleType.AddMethod("cancelled", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(self(args).h.Cancelled()), nil
	})
	timerHandleType.AddMethod("when", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Float(self(args).h.When()), nil
	})
}
