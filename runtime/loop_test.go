package runtime

import (
	"testing"
	"time"

	"github.com/asylang/asy/vm"
)

func newTestLoop(t *testing.T) *Loop {
	it := vm.New(vm.Config{})
	vc := NewVirtualClock()
	SetClock(it, vc)
	it.Acquire()
	t.Cleanup(it.Release)
	return NewLoopFor(it.MainThread())
}

// call_soon callbacks run FIFO; timers run in deadline order, FIFO among
// equal deadlines; a cancelled handle never runs; the virtual clock jumps.
func TestLoopOrdering(t *testing.T) {
	l := newTestLoop(t)
	var got []string
	add := func(s string) func() { return func() { got = append(got, s) } }
	l.CallLater(0.2, add("t0.2"))
	l.CallLater(0.1, add("t0.1a"))
	l.CallLater(0.1, add("t0.1b"))
	l.CallSoon(add("soon1"))
	h := l.CallSoon(add("cancelled"))
	h.Cancel()
	l.CallSoon(add("soon2"))
	l.CallLater(0.3, func() { got = append(got, "stop"); l.Stop() })
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	want := []string{"soon1", "soon2", "t0.1a", "t0.1b", "t0.2", "stop"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	if now := l.Time(); now < 0.3 || now > 0.3000001 {
		t.Fatalf("virtual time %v, want 0.3", now)
	}
}

// With nothing scheduled and nothing running, the loop reports a deadlock
// instead of waiting forever.
func TestLoopDeadlock(t *testing.T) {
	l := newTestLoop(t)
	fut := NewFuture(l)
	if _, err := l.RunUntilComplete(fut); err == nil {
		t.Fatal("want a deadlock error")
	}
}

// Sleepers due at the same virtual instant wake one at a time in arrival order.
func TestVirtualClockWakeOrder(t *testing.T) {
	vc := NewVirtualClock()
	order := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func(i int) { vc.Sleep(1); order <- i }(i)
		for vc.Sleepers() != i+1 {
		}
	}
	for i := 0; i < 3; i++ {
		vc.AdvanceTo(1)
		if got := <-order; got != i {
			t.Fatalf("woke %d, want %d", got, i)
		}
	}
}

// A cancelled sleep leaves no deadline behind for time to jump to; a fired
// one cannot be cancelled.
func TestVirtualClockCancelSleep(t *testing.T) {
	vc := NewVirtualClock()
	s := vc.StartSleep(5)
	if w, ok := vc.NextWake(); !ok || w != 5 {
		t.Fatalf("next wake %v %v, want 5", w, ok)
	}
	if !vc.CancelSleep(s) {
		t.Fatal("could not cancel a pending sleep")
	}
	if w, ok := vc.NextWake(); ok {
		t.Fatalf("stale deadline %v", w)
	}
	s = vc.StartSleep(1)
	vc.AdvanceTo(1)
	<-s.Done()
	if vc.CancelSleep(s) {
		t.Fatal("cancelled a sleep that had fired")
	}
}

// A goroutine's CallSoonThreadsafe wakes a loop waiting for nothing; Hold is
// what keeps that loop waiting rather than reporting a deadlock; a closed
// loop refuses posts.
func TestCallSoonThreadsafeWakesIdleLoop(t *testing.T) {
	l := newTestLoop(t)
	release := Hold(l.it)
	fut := NewFuture(l)
	go func() {
		time.Sleep(10 * time.Millisecond)
		l.CallSoonThreadsafe(func() { fut.SetResult(vm.Int(7)) })
	}()
	v, err := l.RunUntilComplete(fut)
	if err != nil || v.AsInt() != 7 {
		t.Fatalf("got %v, %v", v, err)
	}
	release()
	if _, err := l.RunUntilComplete(NewFuture(l)); err == nil {
		t.Fatal("want a deadlock error once released")
	}
	l.Close()
	if _, err := l.CallSoonThreadsafe(func() {}); err == nil {
		t.Fatal("a closed loop accepted a post")
	}
	select {
	case <-l.CloseNotify():
	default:
		t.Fatal("CloseNotify not closed")
	}
}

// A loop forgets finished tasks as it makes new ones (a server making a
// task per request ran out of memory keeping them all), except those whose
// exception nobody retrieved, which it reports at close.
func TestLoopForgetsFinishedTasks(t *testing.T) {
	l := newTestLoop(t)
	th := l.t
	m := th.Interp().MainModule("test.py")
	code, err := th.Interp().CompileModule(m, "test.py", []byte("async def ok():\n    return 1\nasync def bad():\n    raise ValueError\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := th.RunCode(code, m); err != nil {
		t.Fatal(err)
	}
	start := func(name string) *Task {
		fn, _ := m.Get(name)
		coro, err := th.Call(fn, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return l.NewTask(coro.AsObj().(*vm.Generator), "")
	}
	failed := start("bad") // runs with the first of the others; nobody asks for its result
	for i := 0; i < 20000; i++ {
		task := start("ok")
		if _, err := l.RunUntilComplete(&task.Future); err != nil {
			t.Fatal(err)
		}
	}
	if !failed.Done() {
		t.Fatal("the failing task did not run")
	}
	if n := l.tasks.Len(); n > 2048 {
		t.Errorf("the loop keeps %d tasks after 20001 finished", n)
	}
	kept := false
	for _, task := range l.tasks.All() {
		kept = kept || task == failed
	}
	if !kept {
		t.Error("the task with an unretrieved exception was forgotten")
	}
}
