package runtime

import (
	"sort"

	"github.com/asylang/asy/vm"
)

// The loop's exception handler (loop.set_exception_handler and friends).
// Every error the loop reports by itself — an exception escaping a
// callback, a task exception nobody retrieved, a task failing during
// asyncio.run's shutdown — goes through ReportError, which hands it to the
// handler the script installed or else prints it as CPython's
// default_exception_handler logs it: the message, one "key: repr(value)"
// line per context entry in key order, then the traceback.

// ContextItem is an entry of the context dict besides 'message' and
// 'exception' ('future', 'task', 'handle'…).
type ContextItem struct {
	Key   string
	Value vm.Value
}

// ExceptionHandler receives what the loop reports when set (stdlib
// installs it for loop.set_exception_handler); exc may be nil.
type ExceptionHandler func(message string, exc *vm.Instance, items []ContextItem)

// SetExceptionHandler installs h (nil: the default report).
func (l *Loop) SetExceptionHandler(h ExceptionHandler) { l.excHandler = h }

// ReportError reports an error of the loop's own making. KeyboardInterrupt
// and SystemExit are not reported: they end the loop's run.
func (l *Loop) ReportError(message string, err error, items ...ContextItem) {
	var exc *vm.Instance
	if err != nil {
		exc = vm.AsException(err)
		if exc.Class().IsSubclass(vm.KeyboardInterrupt) || exc.Class().IsSubclass(vm.SystemExit) {
			l.fatal = exc
			return
		}
	}
	if l.excHandler != nil {
		l.excHandler(message, exc, items)
		return
	}
	l.DefaultReport(message, exc, items)
}

// DefaultReport is default_exception_handler's output.
func (l *Loop) DefaultReport(message string, exc *vm.Instance, items []ContextItem) {
	if message == "" {
		message = "Unhandled exception in event loop"
	}
	sorted := append([]ContextItem(nil), items...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Key < sorted[j].Key })
	out := message
	for _, it := range sorted {
		r, err := l.t.Repr(it.Value)
		if err != nil {
			r = "<unrepresentable>"
		}
		out += "\n" + it.Key + ": " + r
	}
	out += "\n"
	if exc != nil {
		out += l.t.FormatException(exc)
	}
	l.it.WriteStderr(out)
}

// SlowCallbackDuration is loop.slow_callback_duration (debug mode's
// threshold, 0.1 s by default).
func (l *Loop) SlowCallbackDuration() float64 {
	if l.slowSet {
		return l.slow
	}
	return 0.1
}

// SetSlowCallbackDuration sets loop.slow_callback_duration.
func (l *Loop) SetSlowCallbackDuration(d float64) { l.slow, l.slowSet = d, true }
