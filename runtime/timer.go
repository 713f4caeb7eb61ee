package runtime

import (
	"unsafe"

	"github.com/asylang/asy/vm"
)

// TimerFuture is a future that a timer completes: asyncio.sleep's future
// and its TimerHandle made as one object, which the awaiting Go awaitable
// embeds. A sleeping task then holds one sleep object instead of a future,
// a handle, two closures and a future iterator.
type TimerFuture struct {
	Future // first: scheduleCallbacks finds the timer from the Future
	h      timerEntry
}

// Aux is a byte the embedder may use (a sleep keeps its flags there).
func (tf *TimerFuture) Aux() uint8 { return tf.h.aux }

// SetAux sets the embedder's byte.
func (tf *TimerFuture) SetAux(b uint8) { tf.h.aux = b }

// Hold stores the result the timer will set (before Arm: the future's
// result slot is free until then, so the sleep needs no field of its own).
func (tf *TimerFuture) Hold(result vm.Value) { tf.result = result }

// Held returns the result given to Hold.
func (tf *TimerFuture) Held() vm.Value { return tf.result }

// HoldDelay stores a delay until Arm (in the handle's deadline slot, so that
// a sleep needs no field of its own); HeldDelay returns it.
func (tf *TimerFuture) HoldDelay(d float64) { tf.h.when = d }

// HeldDelay returns the delay given to HoldDelay.
func (tf *TimerFuture) HeldDelay() float64 { return tf.h.when }

// Arm makes tf a pending future on l that completes with the held result
// delay seconds from now; cancelling it (the awaiting task was cancelled)
// drops the timer at once.
func (tf *TimerFuture) Arm(l *Loop, delay float64) {
	f := &tf.Future
	f.loop = l
	f.kind = kindTimer
	l.seq++
	when := l.Time() + delay
	tf.h = timerEntry{when: when, seq: l.seq, timer: true, kind: handleTimer, aux: tf.h.aux}
	l.timers.push(&tf.h)
	if l.Observer != nil {
		l.Observer.Event(Event{Kind: EvTimer, Time: l.Time(), When: when})
	}
}

// Armed reports whether Arm was called.
func (tf *TimerFuture) Armed() bool { return tf.loop != nil }

// Yield is what `await` on the armed future yields to the task: the future,
// marked as blocking (Future.__await__'s first step).
func (tf *TimerFuture) Yield() vm.Value {
	tf.flags |= futBlocking
	return tf.value()
}

// Finish is the await's second step (Future.__await__ resumed): the
// timer's result, or the CancelledError of a cancelled sleep.
func (tf *TimerFuture) Finish() (vm.Value, bool, error) {
	tf.h.cancel()
	if tf.state == statePending {
		return vm.Undef, false, vm.Errorf(vm.RuntimeError, "await wasn't used with future")
	}
	r, err := tf.Result()
	return r, true, err
}

// timerOf returns the TimerFuture a handleTimer entry is part of (the
// entry needs no pointer back).
func timerOf(h *timerEntry) *TimerFuture {
	return (*TimerFuture)(unsafe.Add(unsafe.Pointer(h), -int(unsafe.Offsetof(TimerFuture{}.h))))
}

// fireTimer completes the future with the result it holds.
func (tf *TimerFuture) fireTimer() {
	if tf.state == statePending {
		tf.SetResult(tf.result)
	}
}
