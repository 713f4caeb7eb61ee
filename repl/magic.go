package repl

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/timeline"
)

// Magic commands at the prompt (a line starting with %, which is never
// valid Python): %tasks lists the live tasks and where each waits;
// %timeline FILE.html writes the timeline of what ran since the session
// started.

// magic runs line if it is a magic command and reports whether it was.
func (s *Session) magic(line string) bool {
	cmd, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
	arg = strings.TrimSpace(arg)
	w := s.it.Stdout
	switch cmd {
	case "%tasks":
		w.WriteString(s.tasksListing())
	case "%timeline":
		if arg == "" {
			s.it.WriteStderr("usage: %timeline FILE.html\n")
			break
		}
		d := s.rec.Build(timeline.BuildOptions{})
		if err := s.rec.WriteFile(arg, "asy session", timeline.BuildOptions{}); err != nil {
			s.it.WriteStderr(fmt.Sprintf("%%timeline: %v\n", err))
			break
		}
		fmt.Fprintf(w, "timeline of %d tasks written to %s\n", len(d.Tasks), filepath.Base(arg))
	default:
		if !strings.HasPrefix(cmd, "%") {
			return false
		}
		s.it.WriteStderr(fmt.Sprintf("unknown command %s (there are %%tasks and %%timeline FILE.html)\n", cmd))
	}
	s.it.Flush()
	return true
}

// tasksListing is %tasks: each unfinished task, its coroutine and state,
// and for a waiting one what it waits for and where.
func (s *Session) tasksListing() string {
	tasks := s.loop.AllTasks()
	if len(tasks) == 0 {
		return "no tasks\n"
	}
	var b strings.Builder
	for _, t := range tasks {
		fmt.Fprintf(&b, "%s (%s): ", t.Name(), t.CoroName())
		wait, ok := timeline.Waiting(t)
		if !ok {
			b.WriteString("ready\n")
			continue
		}
		what := wait.Label
		if wait.Task != nil {
			what = "task " + wait.Task.Name()
		}
		fmt.Fprintf(&b, "waiting for %s", what)
		if wait.Line > 0 {
			fmt.Fprintf(&b, " at %s:%d", wait.File, wait.Line)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// observe attaches the session's timeline recorder (and the front end's
// observer, if any) to its loop.
func (s *Session) observe(l *runtime.Loop, other runtime.Observer) {
	if other == nil {
		l.Observer = s.rec
		return
	}
	l.Observer = both{s.rec, other}
}

type both [2]runtime.Observer

func (b both) Event(e runtime.Event) { b[0].Event(e); b[1].Event(e) }
