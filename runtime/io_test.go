package runtime

import (
	"testing"
	"time"

	"github.com/asylang/asy/vm"
)

// A held I/O source keeps an idle loop waiting instead of reporting a
// deadlock; what it posts completes the future; once released, the next
// idle moment is a deadlock again.
func TestHoldIODefersDeadlock(t *testing.T) {
	l := newTestLoop(t)
	fut := NewFuture(l)
	release := l.HoldIO()
	go func() {
		time.Sleep(20 * time.Millisecond)
		l.Post(func() { fut.SetResult(vm.Int(7)) })
		release()
	}()
	v, err := l.RunUntilComplete(fut)
	if err != nil || v.AsInt() != 7 {
		t.Fatalf("got %v, %v; want 7", v, err)
	}
	if n := l.PendingIO(); n != 0 {
		t.Fatalf("PendingIO = %d after release", n)
	}
	if _, err := l.RunUntilComplete(NewFuture(l)); err == nil {
		t.Fatal("want a deadlock error once the I/O is released")
	}
}

// Under the virtual clock, a timer with I/O pending fires only after its
// time has passed in real time (the peer may deliver first), and virtual
// time then reads exactly the timer's.
func TestHoldIOVirtualTimePassesInRealTime(t *testing.T) {
	l := newTestLoop(t)
	release := l.HoldIO()
	defer release()
	start := time.Now()
	fired := 0.0
	l.CallLater(0.05, func() { fired = l.Time(); l.Stop() })
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < 45*time.Millisecond {
		t.Fatalf("timer fired after %v of real time, want >= 50ms", el)
	}
	if fired < 0.05 || fired > 0.0500001 {
		t.Fatalf("virtual time at the timer %v, want 0.05", fired)
	}
	// A post arriving before the timer wins, and time does not move for it.
	fut := NewFuture(l)
	go func() {
		time.Sleep(10 * time.Millisecond)
		l.Post(func() { fut.SetResult(vm.None) })
	}()
	h := l.CallLater(10, func() {})
	if _, err := l.RunUntilComplete(fut); err != nil {
		t.Fatal(err)
	}
	h.Cancel()
	if now := l.Time(); now != fired {
		t.Fatalf("virtual time moved to %v waiting for I/O; want %v", now, fired)
	}
}
