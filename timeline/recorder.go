package timeline

import (
	"sync"
	"time"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// Segment kinds.
const (
	KindRunning   = 0 // a task step
	KindSuspended = 1 // waiting for something (Label says what)
	KindJob       = 2 // an executor thread running a job
)

// Lane states at the end of the recording.
const (
	StatePending   = "pending"
	StateDone      = "done"
	StateFailed    = "failed"
	StateCancelled = "cancelled"
	StateIdle      = "idle" // a thread lane
)

// seg is one interval of a lane: t on the loop's clock (real or virtual),
// r on the real clock, both in seconds from the recording's start.
type seg struct {
	lane   int32
	kind   uint8
	label  int32 // index into labels (-1: none)
	line   int32
	obj    int32 // index into objs (-1: none)
	other  int32 // the lane awaited (a task) or that submitted the job; -1: none
	t0, t1 float64
	r0, r1 float64
}

// lane is a task or an executor thread.
type lane struct {
	task     *runtime.Task // nil for a thread
	thread   string
	state    string
	open     int32 // index of the open segment, -1 when none
	t0, t1   float64
	steps    int32
	run      float64 // real seconds running
	wait     float64 // clock seconds suspended
	runClock float64 // clock seconds running
}

// Recorder is a runtime.Observer that keeps what every task and executor
// thread did, for a timeline. Events arrive with the interpreter lock held
// (from the loop thread, or from a worker thread for executor jobs); the
// mutex only guards against an embedder reading while a run goes on.
type Recorder struct {
	mu      sync.Mutex
	start   time.Time
	virtual bool
	origin  float64 // the loop clock at the first event
	realAt  float64 // the real clock at the first event
	started bool

	lanes    []lane
	byTask   map[*runtime.Task]int32
	byThread map[string]int32
	segs     []seg

	labels   []string
	labelIdx map[string]int32
	objs     []string
	objIdx   map[vm.Object]int32

	// lastTask caches the lane of the task seen last (resume/suspend pairs).
	lastTask *runtime.Task
	lastLane int32
}

// NewRecorder makes a recorder; virtual says the loop runs on the virtual
// clock (the page then offers both time axes).
func NewRecorder(virtual bool) *Recorder {
	return &Recorder{start: time.Now(), virtual: virtual, byTask: map[*runtime.Task]int32{},
		byThread: map[string]int32{}, labelIdx: map[string]int32{}, objIdx: map[vm.Object]int32{}, lastLane: -1}
}

// Event records one loop event (runtime.Observer).
func (r *Recorder) Event(e runtime.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	real := time.Since(r.start).Seconds()
	if !r.started {
		r.started = true
		r.origin, r.realAt = e.Time, real
	}
	real -= r.realAt
	t := e.Time - r.origin
	if t < 0 {
		t = 0
	}
	switch e.Kind {
	case runtime.EvTaskCreated:
		li := r.taskLane(e.Task)
		// Until its first step the task is scheduled: a suspended segment.
		r.openSeg(li, KindSuspended, r.label("scheduled"), 0, -1, -1, t, real)
	case runtime.EvTaskResumed:
		li := r.taskLane(e.Task)
		ln := &r.lanes[li]
		r.closeSeg(ln, t, real)
		ln.steps++
		r.openSeg(li, KindRunning, -1, 0, -1, -1, t, real)
	case runtime.EvTaskSuspended:
		li := r.taskLane(e.Task)
		ln := &r.lanes[li]
		r.closeSeg(ln, t, real)
		label, line, obj, other := r.describe(e.Task, e.Awaits)
		r.openSeg(li, KindSuspended, label, line, obj, other, t, real)
	case runtime.EvTaskDone:
		li := r.taskLane(e.Task)
		ln := &r.lanes[li]
		r.closeSeg(ln, t, real)
		ln.state = e.Detail
		ln.t1 = t
	case runtime.EvThreadBegin:
		li := r.threadLane(e.Thread)
		ln := &r.lanes[li]
		r.closeSeg(ln, t, real)
		ln.steps++
		other := int32(-1)
		if e.Task != nil {
			other = r.taskLane(e.Task)
		}
		r.openSeg(li, KindJob, r.label(callableName(e.Fn)), 0, -1, other, t, real)
	case runtime.EvThreadEnd:
		li := r.threadLane(e.Thread)
		r.closeSeg(&r.lanes[li], t, real)
		r.lanes[li].t1 = t
	}
}

func (r *Recorder) taskLane(t *runtime.Task) int32 {
	if t == r.lastTask {
		return r.lastLane
	}
	li, ok := r.byTask[t]
	if !ok {
		li = int32(len(r.lanes))
		r.lanes = append(r.lanes, lane{task: t, state: StatePending, open: -1})
		r.byTask[t] = li
	}
	r.lastTask, r.lastLane = t, li
	return li
}

func (r *Recorder) threadLane(name string) int32 {
	li, ok := r.byThread[name]
	if !ok {
		li = int32(len(r.lanes))
		r.lanes = append(r.lanes, lane{thread: name, state: StateIdle, open: -1})
		r.byThread[name] = li
	}
	return li
}

func (r *Recorder) openSeg(li int32, kind uint8, label, line, obj, other int32, t, real float64) {
	ln := &r.lanes[li]
	if ln.open < 0 && ln.steps == 0 && ln.t0 == 0 {
		ln.t0 = t
	}
	ln.open = int32(len(r.segs))
	r.segs = append(r.segs, seg{lane: li, kind: kind, label: label, line: int32(line), obj: obj, other: other, t0: t, t1: t, r0: real, r1: real})
}

func (r *Recorder) closeSeg(ln *lane, t, real float64) {
	if ln.open < 0 {
		return
	}
	s := &r.segs[ln.open]
	s.t1, s.r1 = t, real
	switch s.kind {
	case KindRunning, KindJob:
		ln.run += real - s.r0
		ln.runClock += t - s.t0
	case KindSuspended:
		ln.wait += t - s.t0
	}
	ln.open = -1
}

func (r *Recorder) label(s string) int32 {
	i, ok := r.labelIdx[s]
	if !ok {
		i = int32(len(r.labels))
		r.labels = append(r.labels, s)
		r.labelIdx[s] = i
	}
	return i
}

// Pending returns the tasks recorded as created and not done, in the order
// they were created (a REPL's %tasks). Call it holding the interpreter
// lock (from the loop's thread) to inspect them.
func (r *Recorder) Pending() []*runtime.Task {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []*runtime.Task
	for i := range r.lanes {
		if ln := &r.lanes[i]; ln.task != nil && ln.state == StatePending && !ln.task.Done() {
			out = append(out, ln.task)
		}
	}
	return out
}
