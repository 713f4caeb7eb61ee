package timeline

import (
	"fmt"
	"strings"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// describe says what a task suspended on, interned for the recording.
func (r *Recorder) describe(t *runtime.Task, fut *runtime.Future) (label, line, obj, other int32) {
	w := waitOf(t, fut)
	obj, other = -1, -1
	if w.obj != nil {
		obj = r.object(w.obj)
	}
	if w.Task != nil {
		other = r.taskLane(w.Task)
	}
	return r.label(w.Label), int32(w.Line), obj, other
}

// Wait is what a suspended task waits for.
type Wait struct {
	Label string // sleep, sleep(0), Lock.acquire, Queue.get, task, gather, executor, future…
	File  string // the innermost script frame's file and line
	Line  int
	Task  *runtime.Task // the awaited task, for "task"
	obj   vm.Object     // the awaited lock, event… (a library method's self)
}

// Waiting says what task t waits for now (ok false when it is not
// suspended on anything: ready to run, running or done).
func Waiting(t *runtime.Task) (w Wait, ok bool) {
	fut := t.Waiting()
	if fut == nil {
		return Wait{}, false
	}
	return waitOf(t, fut), true
}

// waitOf reads the frame chain only, never running script code, so
// recording stays cheap: the library function just inside the innermost
// script frame (asyncio's Lock.acquire, wait_for…) names what the script
// awaits, else the awaited object's kind does.
func waitOf(t *runtime.Task, fut *runtime.Future) (w Wait) {
	var (
		libQual string
		libSelf vm.Value
		inner   *vm.Frame
		public  bool
	)
	if c := t.Coro(); c != nil {
		inner = c.InnermostFrame()
		// The innermost public library function is the best name
		// (Lock.acquire rather than the __aenter__ calling it), else the outermost.
		for f := inner; f != nil; f = f.Back() {
			if isLibrary(f.Code().Filename) {
				q := f.Code().QualName
				if !public || libQual == "" {
					libQual, libSelf = q, f.FirstLocal()
				}
				if !public && !strings.HasPrefix(q[strings.LastIndexByte(q, '.')+1:], "_") {
					public = true
				}
				continue
			}
			w.File, w.Line = f.Code().Filename, f.Line()
			break
		}
	}
	if fut == nil {
		w.Label = "sleep(0)"
		return w
	}
	switch self := fut.Self().(type) {
	case *runtime.Task:
		w.Label, w.Task = "task", self
		return w
	case *runtime.GatheringFuture:
		w.Label = "gather"
		return w
	}
	if fut.FromExecutor() {
		w.Label = "executor"
		return w
	}
	// A public library function names the wait best, then a native
	// awaitable (Queue.get, sleep), then a private library helper.
	if libQual != "" && public {
		w.Label = libQual
		if strings.Contains(libQual, ".") && libSelf.Kind() == vm.KObj {
			w.obj = libSelf.AsObj()
		}
		return w
	}
	w.Label = "future"
	if libQual != "" {
		w.Label = libQual
	}
	if inner != nil {
		if aw := inner.Awaiting(); aw.Kind() == vm.KObj {
			switch a := aw.AsObj().(type) {
			case interface{ QualName() string }:
				w.Label = a.QualName()
			default:
				if a.Class().Name == "_Sleep" {
					w.Label = "sleep"
				}
			}
		}
	}
	return w
}

// isLibrary tells asy's own library code (<asyncio>, <cProfile>…) from
// script code (files, and the REPL's <stdin>, -c's <string>).
func isLibrary(filename string) bool {
	return strings.HasPrefix(filename, "<") && filename != "<stdin>" && filename != "<string>"
}

// object interns a short description of an awaited object (a lock, a
// queue): its class and identity, as the default repr shows them.
func (r *Recorder) object(o vm.Object) int32 {
	i, ok := r.objIdx[o]
	if !ok {
		i = int32(len(r.objs))
		r.objs = append(r.objs, fmt.Sprintf("<%s object at %p>", o.Class().Name, o))
		r.objIdx[o] = i
	}
	return i
}

// callableName names an executor job's function.
func callableName(fn vm.Value) string {
	if fn.Kind() != vm.KObj {
		return "job"
	}
	switch f := fn.AsObj().(type) {
	case *vm.Builtin:
		return f.Name
	case *vm.BoundMethod:
		return callableName(f.Fn)
	case interface{ QualName() string }:
		return f.QualName()
	case interface{ Name() string }:
		return f.Name()
	}
	return fn.AsObj().Class().Name
}
