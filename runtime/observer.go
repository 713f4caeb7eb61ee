package runtime

import "github.com/asylang/asy/vm"

// EventKind classifies what the loop reports to an Observer.
type EventKind uint8

const (
	EvTaskCreated EventKind = iota
	EvTaskResumed
	EvTaskSuspended
	EvTaskDone
	EvTimer
	EvCallback
	EvExecutorJob
	// EvThreadBegin and EvThreadEnd bracket a run_in_executor job on its
	// worker thread (Thread names it, Task is the task that submitted it);
	// they come from the worker goroutine, with the interpreter lock held.
	EvThreadBegin
	EvThreadEnd
)

var eventNames = [...]string{"task-created", "task-resumed", "task-suspended", "task-done", "timer", "callback", "executor-job", "thread-begin", "thread-end"}

func (k EventKind) String() string { return eventNames[k] }

// Event is one thing the loop did.
type Event struct {
	Kind   EventKind
	Time   float64
	Task   *Task
	When   float64 // timers: the deadline
	Detail string
	// Awaits is the future a suspended task waits for (nil for sleep(0)).
	Awaits *Future
	// Thread names the worker thread of EvThreadBegin/End; Fn is the job's callable.
	Thread string
	Fn     vm.Value
}

// Observer receives loop events. Attaching none costs a nil check.
type Observer interface {
	Event(e Event)
}
