package runtime

import (
	"sync"
	"sync/atomic"
	"time"
)

// Pending network I/O: a socket a task reads, a listening server, a write
// still draining — something outside the interpreter that may deliver to
// the loop (through Post) at any moment, or never.
//
// It is not "busy" work (a Go awaitable computing a result, which holds
// virtual time still until it posts) and not "every task asleep": a loop
// with pending I/O and nothing ready waits for it, so the deadlock report
// does not fire while a socket can still deliver. Under the virtual clock,
// time then passes in real time up to the next timer: a wait_for on a read
// times out only after the peer really stayed silent that long; a post
// arriving first wakes the loop with virtual time unmoved.

// ioState is a loop's pending-I/O count and, under the virtual clock, the
// real-time deadline standing for the next timer while I/O is pending.
type ioState struct {
	n int64 // atomic
	// deadlineFor is the timer (loop time) the real deadline stands for.
	deadlineFor float64
	deadline    time.Time
}

// HoldIO records one source of pending I/O (a socket being read, a
// listener accepting, a write in progress) on l, from any goroutine, until
// the returned release is called (once; later calls do nothing). Releasing
// wakes the loop so that an idle one looks again (it may now be deadlocked,
// or its virtual clock free to jump).
func (l *Loop) HoldIO() (release func()) {
	atomic.AddInt64(&l.io.n, 1)
	var once sync.Once
	return func() {
		once.Do(func() {
			atomic.AddInt64(&l.io.n, -1)
			l.poke()
		})
	}
}

// PendingIO reports how many I/O holds l has.
func (l *Loop) PendingIO() int { return int(atomic.LoadInt64(&l.io.n)) }

// ioWaitVirtual is the virtual-clock wait of a main-thread loop that has
// pending I/O and a timer at next: it waits in real time for a post until
// the timer's time has passed, then moves the clock to it. It reports
// whether the clock moved (false: woken for another reason, look again).
func (l *Loop) ioWaitVirtual(vc *VirtualClock, next float64) bool {
	if l.io.deadlineFor != next || l.io.deadline.IsZero() {
		d := next - vc.Now()
		if d < 0 {
			d = 0
		}
		l.io.deadlineFor, l.io.deadline = next, time.Now().Add(time.Duration(d*float64(time.Second)))
	}
	left := time.Until(l.io.deadline)
	if left > 0 {
		tm := time.NewTimer(left)
		fired := false
		l.t.Blocking(func() {
			select {
			case <-l.wake:
			case <-tm.C:
				fired = true
			}
		})
		tm.Stop()
		if !fired {
			return false
		}
	}
	l.io.deadline = time.Time{}
	vc.AdvanceTo(next)
	return true
}
