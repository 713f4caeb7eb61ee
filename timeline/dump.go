package timeline

import (
	"fmt"
	"io"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/stdlib"
)

// TaskDumper prints the tree of a loop's tasks and what each awaits (the
// asyncio pstree view) without stopping anything: as an observer
// (asy.Options.Observers) once per loop at loop time At (asy
// --dump-tasks), and for every running loop on DumpRunning (Ctrl-\).
type TaskDumper struct {
	w     io.Writer
	at    float64
	timed map[*runtime.Loop]bool // loops whose timed dump is scheduled (loop threads hold the lock)
}

// NewTaskDumper makes a dumper writing to w; at < 0: no timed dump.
func NewTaskDumper(w io.Writer, at float64) *TaskDumper {
	return &TaskDumper{w: w, at: at, timed: map[*runtime.Loop]bool{}}
}

// Event schedules the timed dump of each new loop (runtime.Observer).
func (d *TaskDumper) Event(e runtime.Event) {
	if d.at < 0 || e.Kind != runtime.EvTaskCreated || e.Task == nil {
		return
	}
	l := e.Task.Loop()
	if !d.timed[l] {
		d.timed[l] = true
		l.CallAt(l.Time()+d.at, func() { d.dump(l) })
	}
}

// DumpRunning dumps every running loop, from any goroutine: each dump runs
// on its loop's thread; a loop closing meanwhile just refuses it.
func (d *TaskDumper) DumpRunning() {
	for _, l := range runtime.RunningLoops() {
		l.Post(func() { d.dump(l) })
	}
}

func (d *TaskDumper) dump(l *runtime.Loop) {
	fmt.Fprintf(d.w, "asy: tasks at loop time %.6f:\n%s", l.Time(), stdlib.DumpTasks(l))
}
