// Package front is how the asy command's REPL (package repl) reaches the
// VM of an interpreter that asy.New built — start-up stays in one place,
// and the root package's exported API shows no VM types. Package asy fills
// these in at init.
package front

import (
	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

var (
	// VM returns the VM of an *asy.Interpreter, its __main__ made the
	// module of file (the REPL's is "<stdin>").
	VM func(in any, file string) (*vm.Interp, *vm.Module)
	// RunInspect runs src as the body of m before an interactive session
	// goes on with its globals, as `python3 -i` does; it returns the status
	// the script's failure would have given. The caller holds the lock.
	RunInspect func(it *vm.Interp, m *vm.Module, src []byte, topLevelAwait bool) int
	// ExitStatus is the process status a SystemExit asks for.
	ExitStatus func(it *vm.Interp, err error) int
	// Observer and SetObserver read and set the event observer of an
	// *asy.Options (a timeline recorder, --dump-tasks); SetProfiler its
	// profiler (--profile).
	Observer    func(opts any) runtime.Observer
	SetObserver func(opts any, o runtime.Observer)
	SetProfiler func(opts any, p vm.FrameProfiler)
)
