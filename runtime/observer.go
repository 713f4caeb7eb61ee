package runtime

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
)

var eventNames = [...]string{"task-created", "task-resumed", "task-suspended", "task-done", "timer", "callback", "executor-job"}

func (k EventKind) String() string { return eventNames[k] }

// Event is one thing the loop did.
type Event struct {
	Kind   EventKind
	Time   float64
	Task   *Task
	When   float64 // timers: the deadline
	Detail string
}

// Observer receives loop events. Attaching none costs a nil check.
type Observer interface {
	Event(e Event)
}
