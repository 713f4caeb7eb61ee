package stdlib

import (
	"fmt"
	"strings"

	"github.com/asylang/asy/runtime"
)

// DumpTasks draws the loop's unfinished tasks as a tree of who awaits
// whom, each with the script frames it waits in, as CPython 3.14's
// `python -m asyncio pstree` does: a task hangs under the innermost frame
// of the task awaiting it (directly, through gather or as a TaskGroup
// child). It only reads the tasks, so the program goes on. Call it on the
// loop's thread (Loop.Post from elsewhere).
func DumpTasks(l *runtime.Loop) string {
	tasks := l.AllTasks()
	children := map[*runtime.Task][]*runtime.Task{}
	awaited := map[*runtime.Task]bool{}
	for _, t := range tasks {
		for _, w := range awaitingTasks(l, &t.Future, map[*runtime.Future]bool{}) {
			children[w] = append(children[w], t)
			awaited[t] = true
		}
	}
	var b strings.Builder
	seen := map[*runtime.Task]bool{}
	var node func(t *runtime.Task, prefix string, last bool)
	node = func(t *runtime.Task, prefix string, last bool) {
		branch, next := "├── ", "│   "
		if last {
			branch, next = "└── ", "    "
		}
		fmt.Fprintf(&b, "%s%s(T) %s\n", prefix, branch, t.Name())
		prefix += next
		if seen[t] {
			return // a cycle: tasks awaiting each other
		}
		seen[t] = true
		frames := TaskFrames(t)
		// Each frame nests in the one awaiting it; the innermost carries the children.
		for _, f := range frames {
			fmt.Fprintf(&b, "%s└──  %s %s:%d\n", prefix, f.Code().QualName, f.Code().Filename, f.Line())
			prefix += "    "
		}
		kids := children[t]
		for i, c := range kids {
			node(c, prefix, i == len(kids)-1)
		}
	}
	var roots []*runtime.Task
	for _, t := range tasks {
		if !awaited[t] {
			roots = append(roots, t)
		}
	}
	if len(roots) == 0 && len(tasks) > 0 {
		roots = tasks[:1] // everyone awaits someone: start the cycle somewhere
	}
	for _, t := range roots {
		node(t, "", true)
	}
	for _, t := range tasks {
		if !seen[t] {
			node(t, "", true)
		}
	}
	return b.String()
}

// awaitingTasks lists the tasks waiting for f, through gathering futures
// and other futures waiting in between.
func awaitingTasks(l *runtime.Loop, f *runtime.Future, seen map[*runtime.Future]bool) []*runtime.Task {
	if seen[f] {
		return nil
	}
	seen[f] = true
	var out []*runtime.Task
	for _, w := range l.AwaitedBy(f) {
		if t := w.Task(); t != nil {
			out = append(out, t)
			continue
		}
		out = append(out, awaitingTasks(l, w, seen)...)
	}
	return out
}
