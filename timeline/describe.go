package timeline

import (
	"fmt"
	"strings"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// describe says what a task suspended on: a label (sleep, Lock.acquire,
// Queue.get, task, gather, executor, future…), the script line it waits
// at, the awaited object and the awaited task's lane. It reads the frame
// chain only, never running script code, so recording stays cheap.
func (r *Recorder) describe(t *runtime.Task, fut *runtime.Future) (label, line, obj, other int32) {
	obj, other = -1, -1
	if fut == nil {
		return r.label("sleep(0)"), r.scriptLine(t), obj, other
	}
	var (
		libQual string
		libSelf vm.Value
		inner   *vm.Frame
	)
	if c := t.Coro(); c != nil {
		inner = c.InnermostFrame()
		// The script line is the innermost script frame; the library
		// function just inside it (asyncio's Lock.acquire, wait_for…)
		// names what the script awaits.
		// The innermost public one is the best name (Lock.acquire rather
		// than the __aenter__ calling it), else the outermost.
		public := false
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
			line = int32(f.Line())
			break
		}
	}
	switch self := fut.Self().(type) {
	case *runtime.Task:
		return r.label("task"), line, obj, r.taskLane(self)
	case *runtime.GatheringFuture:
		return r.label("gather"), line, obj, other
	}
	if fut.FromExecutor() {
		return r.label("executor"), line, obj, other
	}
	if libQual != "" {
		if strings.Contains(libQual, ".") && libSelf.Kind() == vm.KObj {
			obj = r.object(libSelf.AsObj())
		}
		return r.label(libQual), line, obj, other
	}
	if inner != nil {
		if aw := inner.Awaiting(); aw.Kind() == vm.KObj {
			switch a := aw.AsObj().(type) {
			case interface{ QualName() string }:
				return r.label(a.QualName()), line, obj, other
			default:
				if n := a.Class().Name; n == "_Sleep" {
					return r.label("sleep"), line, obj, other
				}
			}
		}
	}
	return r.label("future"), line, obj, other
}

// scriptLine is the line of the innermost script frame of t's coroutine.
func (r *Recorder) scriptLine(t *runtime.Task) int32 {
	if c := t.Coro(); c != nil {
		for f := c.InnermostFrame(); f != nil; f = f.Back() {
			if !isLibrary(f.Code().Filename) {
				return int32(f.Line())
			}
		}
	}
	return 0
}

// isLibrary tells asy's own library code (<asyncio>…) from script files.
func isLibrary(filename string) bool { return strings.HasPrefix(filename, "<") }

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
