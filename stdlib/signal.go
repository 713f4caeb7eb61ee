package stdlib

import (
	"os"
	ossignal "os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The native core of signal (module _signal; pylib/signal.py adds the
// enums), and loop.add_signal_handler/remove_signal_handler.
//
// A handler set with signal.signal runs on the main thread between
// bytecodes, as in CPython: the signal arrives on a goroutine (os/signal)
// and becomes a pending call of the interpreter (vm.AddPendingCall), and
// a loop running on the main thread is poked so the call runs even while
// the loop sleeps. A loop's handler (add_signal_handler) is posted to its
// loop instead, through the thread-safe door.
//
// SIGINT is special: the CLI already turns Ctrl-C into Interp.Interrupt
// (KeyboardInterrupt, or asyncio.run cancelling its main task through the
// interrupt handler). A script's SIGINT handler replaces that interrupt
// handler, so Ctrl-C reaches it by the same road; asyncio.run leaves a
// script's own handler in place, as CPython's Runner does.

func init() { register("_signal", signalCore) }

// sigState is an interpreter's signal dispositions.
type sigState struct {
	mu sync.Mutex
	// handlers holds what signal.signal set: vm.Int 0/1 (SIG_DFL/SIG_IGN) or
	// a callable; absent means the start-up default.
	handlers map[int]vm.Value
	// loops maps a signal to the loop handler add_signal_handler set.
	loops map[int]*loopSignal
	// notify maps a signal to the channel os/signal delivers it on.
	notify map[int]chan os.Signal
	// sigintCustom: SIGINT's disposition is the script's, not the default
	// KeyboardInterrupt (asyncio.run then leaves Ctrl-C alone).
	sigintCustom bool
	alarm        *time.Timer
	alarmAt      time.Time
}

// loopSignal is a handler of loop.add_signal_handler.
type loopSignal struct {
	l       *runtime.Loop
	h       *handleObj
	release func() // the loop's pending-I/O hold: a signal may still come
}

type sigStateKey struct{}

var sigStateMu sync.Mutex

func sigStateOf(it *vm.Interp) *sigState {
	sigStateMu.Lock()
	defer sigStateMu.Unlock()
	if v, ok := it.Ext(sigStateKey{}); ok {
		return v.(*sigState)
	}
	s := &sigState{handlers: map[int]vm.Value{}, loops: map[int]*loopSignal{}, notify: map[int]chan os.Signal{}}
	it.SetExt(sigStateKey{}, s)
	return s
}

// sigintCustom reports whether the script handles SIGINT itself.
func sigintCustom(it *vm.Interp) bool {
	v, ok := it.Ext(sigStateKey{})
	if !ok {
		return false
	}
	s := v.(*sigState)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sigintCustom
}

var defaultIntHandler = vm.NewBuiltin("default_int_handler", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	return vm.Undef, vm.NewInstance(vm.KeyboardInterrupt)
})

// startupDisposition is a signal's handler before any signal.signal: CPython
// ignores SIGPIPE and SIGXFSZ and raises KeyboardInterrupt for SIGINT.
func startupDisposition(sig int) vm.Value {
	switch syscall.Signal(sig) {
	case syscall.SIGINT:
		return defaultIntHandler
	case syscall.SIGPIPE, syscall.SIGXFSZ:
		return vm.Int(1)
	}
	return vm.Int(0)
}

func (s *sigState) current(sig int) vm.Value {
	if s.loops[sig] != nil {
		return sighandlerNoop
	}
	if v, ok := s.handlers[sig]; ok {
		return v
	}
	return startupDisposition(sig)
}

// sighandlerNoop is what getsignal shows for a signal a loop handles.
var sighandlerNoop = vm.NewBuiltin("_sighandler_noop", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	return vm.None, nil
})

func signalArg(t *vm.Thread, v vm.Value) (int, error) {
	n, err := t.AsInt64(v)
	if err != nil {
		return 0, err
	}
	if n < 1 || n >= 65 {
		return 0, vm.Errorf(vm.ValueError, "signal number out of range")
	}
	return int(n), nil
}

// deliver is what happens when sig arrives from the OS (or an alarm).
func (s *sigState) deliver(it *vm.Interp, sig int) {
	s.mu.Lock()
	ls := s.loops[sig]
	s.mu.Unlock()
	if ls != nil {
		ls.l.Post(ls.h.run)
		return
	}
	it.AddPendingCall(func(t *vm.Thread) error { return s.runHandler(t, sig) })
	// A loop asleep on the main thread would not look at pending calls.
	runtime.PostRunning(it, func(l *runtime.Loop) {
		if err := l.Thread().RunPendingCalls(); err != nil {
			l.ReportError("Exception in signal handler", err)
		}
	})
}

// runHandler calls the script's handler for sig on the main thread.
func (s *sigState) runHandler(t *vm.Thread, sig int) error {
	s.mu.Lock()
	h := s.current(sig)
	s.mu.Unlock()
	if _, isInt := sigDisposition(h); isInt {
		return nil // the disposition changed since: nothing to run
	}
	_, err := t.Call(h, []vm.Value{vm.Int(int64(sig)), vm.None}, nil)
	return err
}

// listen routes sig from the OS to deliver (idempotent).
func (s *sigState) listen(it *vm.Interp, sig int) {
	if _, ok := s.notify[sig]; ok {
		return
	}
	ch := make(chan os.Signal, 8)
	s.notify[sig] = ch
	ossignal.Notify(ch, syscall.Signal(sig))
	go func() {
		for range ch {
			s.deliver(it, sig)
		}
	}()
}

func (s *sigState) unlisten(sig int) {
	if ch, ok := s.notify[sig]; ok {
		ossignal.Stop(ch)
		close(ch)
		delete(s.notify, sig)
	}
}

// install puts the disposition h (current(sig) after the change) in force.
func (s *sigState) install(it *vm.Interp, sig int, h vm.Value) {
	if syscall.Signal(sig) == syscall.SIGINT {
		n, isInt := sigDisposition(h)
		switch {
		case h.Is(defaultIntHandler):
			s.sigintCustom = false
			it.SetInterruptHandler(nil)
		case isInt && n == 1:
			s.sigintCustom = true
			it.SetInterruptHandler(func() bool { return true })
		case isInt:
			// SIG_DFL: Ctrl-C ends the process by the signal.
			s.sigintCustom = true
			it.SetInterruptHandler(func() bool {
				ossignal.Reset(os.Interrupt)
				syscall.Kill(os.Getpid(), syscall.SIGINT)
				return true
			})
		default:
			s.sigintCustom = true
			it.SetInterruptHandler(func() bool {
				go s.deliver(it, sig)
				return true
			})
		}
		return
	}
	n, isInt := sigDisposition(h)
	switch {
	case !isInt:
		s.listen(it, sig)
	case n == 1:
		s.unlisten(sig)
		ossignal.Ignore(syscall.Signal(sig))
	default:
		s.unlisten(sig)
		ossignal.Reset(syscall.Signal(sig))
	}
}

func signalCore(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("_signal", "")
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	m.Set("default_int_handler", defaultIntHandler)
	fn("signal", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("signal", args, kw, 2, "signalnum", "handler")
		if err != nil {
			return vm.Undef, err
		}
		sig, err := signalArg(t, a[0])
		if err != nil {
			return vm.Undef, err
		}
		h := a[1]
		if n, isInt := sigDisposition(h); isInt && (n == 0 || n == 1) {
			h = vm.Int(n)
		} else if !t.IsCallable(h) {
			return vm.Undef, vm.Errorf(vm.TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
		}
		if t != t.Interp().MainThread() {
			return vm.Undef, vm.Errorf(vm.ValueError, "signal only works in main thread of the main interpreter")
		}
		if s := syscall.Signal(sig); s == syscall.SIGKILL || s == syscall.SIGSTOP {
			return vm.Undef, osError(syscall.EINVAL, "")
		}
		if err := subprocessAllowed(t.Interp()); err != nil && syscall.Signal(sig) != syscall.SIGINT {
			return vm.Undef, vm.Errorf(vm.PermissionError, "signal handlers are not granted to this interpreter")
		}
		s := sigStateOf(t.Interp())
		s.mu.Lock()
		prev := s.current(sig)
		s.handlers[sig] = h
		if ls := s.loops[sig]; ls != nil {
			delete(s.loops, sig)
			ls.release()
		}
		s.install(t.Interp(), sig, h)
		s.mu.Unlock()
		return prev, nil
	})
	fn("getsignal", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("getsignal", args, kw, 1, "signalnum")
		if err != nil {
			return vm.Undef, err
		}
		sig, err := signalArg(t, a[0])
		if err != nil {
			return vm.Undef, err
		}
		s := sigStateOf(t.Interp())
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.current(sig), nil
	})
	fn("raise_signal", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("raise_signal", args, kw, 1, "signalnum")
		if err != nil {
			return vm.Undef, err
		}
		sig, err := signalArg(t, a[0])
		if err != nil {
			return vm.Undef, err
		}
		it := t.Interp()
		s := sigStateOf(it)
		s.mu.Lock()
		h := s.current(sig)
		ls := s.loops[sig]
		custom := s.sigintCustom
		s.mu.Unlock()
		switch n, isInt := sigDisposition(h); {
		case ls != nil:
			ls.l.Post(ls.h.run)
			return vm.None, nil
		case syscall.Signal(sig) == syscall.SIGINT && !custom:
			// Ctrl-C's road: KeyboardInterrupt, or asyncio.run's handler.
			it.Interrupt()
			return vm.None, t.CheckInterrupt()
		case !isInt:
			// CPython runs the handler before raise_signal returns.
			return vm.None, s.runHandler(t, sig)
		case n == 1:
			return vm.None, nil
		}
		// The default action: the process dies, stops or ignores it.
		if err := subprocessAllowed(it); err != nil {
			return vm.Undef, vm.Errorf(vm.PermissionError, "signalling the process is not granted to this interpreter")
		}
		it.Flush()
		syscall.Kill(os.Getpid(), syscall.Signal(sig))
		time.Sleep(10 * time.Millisecond) // let a fatal signal land
		return vm.None, nil
	})
	fn("strsignal", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("strsignal", args, kw, 1, "signalnum")
		if err != nil {
			return vm.Undef, err
		}
		sig, err := signalArg(t, a[0])
		if err != nil {
			return vm.Undef, err
		}
		if sig >= 34 {
			return vm.Str("Real-time signal " + itoa(sig-34)), nil
		}
		d := syscall.Signal(sig).String()
		if strings.HasPrefix(d, "signal ") {
			return vm.None, nil
		}
		return vm.Str(strings.ToUpper(d[:1]) + d[1:]), nil
	})
	fn("valid_signals", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		set := vm.NewSet()
		for i := 1; i < 65; i++ {
			if i != 32 && i != 33 {
				set.Add(t, vm.Int(int64(i)))
			}
		}
		return vm.Obj(set), nil
	})
	// alarm(seconds): SIGALRM after that many seconds (0 cancels); returns
	// the seconds left of the previous alarm.
	fn("alarm", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("alarm", args, kw, 1, "seconds")
		if err != nil {
			return vm.Undef, err
		}
		secs, err := t.AsInt64(a[0])
		if err != nil {
			return vm.Undef, err
		}
		it := t.Interp()
		if err := subprocessAllowed(it); err != nil {
			return vm.Undef, vm.Errorf(vm.PermissionError, "signal.alarm is not granted to this interpreter")
		}
		s := sigStateOf(it)
		s.mu.Lock()
		defer s.mu.Unlock()
		left := int64(0)
		if s.alarm != nil && s.alarm.Stop() {
			left = int64(time.Until(s.alarmAt).Seconds() + 0.5)
			if left < 1 {
				left = 1
			}
		}
		s.alarm = nil
		if secs > 0 {
			s.alarmAt = time.Now().Add(time.Duration(secs) * time.Second)
			s.alarm = time.AfterFunc(time.Duration(secs)*time.Second, func() {
				syscall.Kill(os.Getpid(), syscall.SIGALRM)
			})
		}
		return vm.Int(left), nil
	})
	return m, nil
}

// sigDisposition reads a disposition: SIG_DFL/SIG_IGN arrive as plain ints
// (pylib/signal.py converts the enum members).
func sigDisposition(v vm.Value) (int64, bool) {
	if v.IsInt() {
		return v.AsInt(), true
	}
	return 0, false
}

// loop.add_signal_handler(sig, callback, *args) and
// loop.remove_signal_handler(sig), with CPython's checks and messages.
func init() {
	checkSig := func(t *vm.Thread, v vm.Value) (int, error) {
		if !v.IsInt() && !v.IsBool() && !v.Class().IsSubclass(vm.IntType) {
			r, _ := t.Repr(v)
			return 0, vm.Errorf(vm.TypeError, "sig must be an int, not %s", r)
		}
		n, err := t.AsInt64(v)
		if err != nil {
			return 0, err
		}
		if n < 1 || n >= 65 || n == 32 || n == 33 {
			return 0, vm.Errorf(vm.ValueError, "invalid signal number %d", n)
		}
		return int(n), nil
	}
	loopType.AddMethod("add_signal_handler", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := args[0].AsObj().(*loopObj)
		args = args[1:]
		if len(args) < 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "add_signal_handler() missing required arguments")
		}
		if len(kw) > 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "add_signal_handler() got an unexpected keyword argument '%s'", kw[0].Name)
		}
		cb := args[1]
		if isCoroutine(cb) || vm.IsCoroutineFunction(cb) {
			return vm.Undef, vm.Errorf(vm.TypeError, "coroutines cannot be used with add_signal_handler()")
		}
		sig, err := checkSig(t, args[0])
		if err != nil {
			return vm.Undef, err
		}
		if err := checkLoopOpen(o.l); err != nil {
			return vm.Undef, err
		}
		it := t.Interp()
		if t != it.MainThread() {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "set_wakeup_fd only works in main thread of the main interpreter")
		}
		if s := syscall.Signal(sig); s == syscall.SIGKILL || s == syscall.SIGSTOP {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "sig %d cannot be caught", sig)
		}
		if err := subprocessAllowed(it); err != nil && syscall.Signal(sig) != syscall.SIGINT {
			return vm.Undef, vm.Errorf(vm.PermissionError, "signal handlers are not granted to this interpreter")
		}
		s := sigStateOf(it)
		s.mu.Lock()
		defer s.mu.Unlock()
		if old := s.loops[sig]; old != nil {
			old.release()
		}
		ls := &loopSignal{l: o.l, h: newHandleObj(o.l, cb, args[2:]), release: o.l.HoldIO()}
		s.loops[sig] = ls
		if syscall.Signal(sig) == syscall.SIGINT {
			s.sigintCustom = true
			it.SetInterruptHandler(func() bool {
				go s.deliver(it, sig)
				return true
			})
		} else {
			s.listen(it, sig)
		}
		return vm.None, nil
	})
	loopType.AddMethod("remove_signal_handler", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "remove_signal_handler() takes exactly one argument (%d given)", len(args)-1)
		}
		sig, err := checkSig(t, args[1])
		if err != nil {
			return vm.Undef, err
		}
		it := t.Interp()
		s := sigStateOf(it)
		s.mu.Lock()
		defer s.mu.Unlock()
		ls := s.loops[sig]
		if ls == nil {
			return vm.False, nil
		}
		delete(s.loops, sig)
		ls.release()
		// Back to the default, as CPython does (default_int_handler for SIGINT).
		var h vm.Value = vm.Int(0)
		if syscall.Signal(sig) == syscall.SIGINT {
			h = defaultIntHandler
		}
		s.handlers[sig] = h
		s.install(it, sig, h)
		return vm.True, nil
	})
}
