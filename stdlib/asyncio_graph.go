package stdlib

import (
	"strings"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// Call-graph introspection (CPython 3.14's asyncio.graph): the Go side
// answers who awaits a future and which frames a suspended task waits in;
// capture_call_graph, format_call_graph and print_call_graph are
// asyncio_graph_lib.py on top (loaded on first use: asyncio_lazy.go).

func addGraphFuncs(fn func(name string, f vm.BuiltinFunc)) {
	// _awaited_by(fut): the futures and tasks waiting for fut.
	fn("_awaited_by", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := oneParam("_awaited_by", "fut", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		f := futureOf(a)
		if f == nil || f.Loop() == nil {
			return vm.Obj(vm.NewTuple(nil)), nil
		}
		var out []vm.Value
		for _, w := range f.Loop().AwaitedBy(f) {
			out = append(out, vm.Obj(w.Self()))
		}
		return vm.Obj(vm.NewTuple(out)), nil
	})
	// _task_frames(task): frame objects of the coroutines the task's chain
	// runs through, outermost first (asy's own library frames left out).
	fn("_task_frames", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := oneParam("_task_frames", "task", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		task, ok := a.AsObj().(*runtime.Task)
		if !ok || task.Done() {
			return vm.Obj(vm.NewList(nil)), nil
		}
		var out []vm.Value
		for _, f := range TaskFrames(task) {
			out = append(out, t.SuspendedFrame(f))
		}
		return vm.Obj(vm.NewList(out)), nil
	})
	register := func(name string, add bool) {
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := vm.UnpackArgs(name, args, kw, 2, "fut", "waiter")
			if err != nil {
				return vm.Undef, err
			}
			f, w := futureOf(a[0]), futureOf(a[1])
			// As CPython: only when both are asyncio futures.
			if f != nil && w != nil && f.Loop() != nil {
				if add {
					f.Loop().AddAwaitedBy(f, w)
				} else {
					f.Loop().DiscardAwaitedBy(f, w)
				}
			}
			return vm.None, nil
		})
	}
	register("future_add_to_awaited_by", true)
	register("future_discard_from_awaited_by", false)
}

// TaskFrames lists the script frames a suspended task's coroutine chain
// waits in, outermost first.
func TaskFrames(task *runtime.Task) []*vm.Frame {
	var out []*vm.Frame
	for g := task.Coro(); g != nil; g = g.Delegate() {
		f := g.Frame()
		if f == nil {
			break
		}
		if !IsLibraryFile(f.Code().Filename) {
			out = append(out, f)
		}
	}
	return out
}

// IsLibraryFile tells asy's own library code (<asyncio>, pylib modules)
// from script code (files, the REPL's <stdin>, -c's <string>).
func IsLibraryFile(name string) bool {
	return strings.HasPrefix(name, "<") && name != "<stdin>" && name != "<string>"
}
