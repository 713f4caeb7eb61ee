package repl

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/asylang/asy/timeline"
)

// Magic commands at the prompt (a line starting with %, which is never
// valid Python): %tasks lists the live tasks and where each waits;
// %timeline FILE.html writes the timeline of what ran since the session
// started. They run on the session's loop (asy.InteractiveOptions.Command).

func (s *session) magic(line string, stdout, stderr io.Writer) {
	cmd, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	switch cmd {
	case "%tasks":
		io.WriteString(stdout, s.tasksListing())
	case "%timeline":
		if arg == "" {
			io.WriteString(stderr, "usage: %timeline FILE.html\n")
			break
		}
		d := s.rec.Build(timeline.BuildOptions{})
		if err := s.rec.WriteFile(arg, "asy session", timeline.BuildOptions{}); err != nil {
			fmt.Fprintf(stderr, "%%timeline: %v\n", err)
			break
		}
		fmt.Fprintf(stdout, "timeline of %d tasks written to %s\n", len(d.Tasks), filepath.Base(arg))
	default:
		fmt.Fprintf(stderr, "unknown command %s (there are %%tasks and %%timeline FILE.html)\n", cmd)
	}
}

// tasksListing is %tasks: each unfinished task, its coroutine and state,
// and for a waiting one what it waits for and where.
func (s *session) tasksListing() string {
	tasks := s.rec.Pending()
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
