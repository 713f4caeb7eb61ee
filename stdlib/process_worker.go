package stdlib

import (
	"io"
	"strings"
	"sync"

	asyrt "github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// A process pool worker is an interpreter of its own, made as a worker
// process would be: from its parent's configuration — the same hermetic
// mode, module file system, handed-in databases, step limit (per worker,
// as per thread) and clock, and an empty stdin — it loads the programs run
// in the parent's __main__ as __mp_main__. It lives no longer than its
// parent: stopping the parent (a time limit, a cancelled context, the end of
// the run) stops it, and a worker over its step budget stops the parent's
// run, as one of the parent's threads would.

type ppExecutorsKey struct{}
type mainSourcesKey struct{}
type bootstrappingKey struct{}

// mainSource is a program run in an interpreter's __main__.
type mainSource struct {
	file          string
	src           []byte
	topLevelAwait bool
}

var mainSourcesMu sync.Mutex

// RecordMainSource notes a program about to run in the interpreter's
// __main__: process pool workers load the programs in this order (an
// embedded interpreter runs several in one __main__).
func RecordMainSource(it *vm.Interp, file string, src []byte, topLevelAwait bool) {
	mainSourcesMu.Lock()
	defer mainSourcesMu.Unlock()
	var list []mainSource
	if v, ok := it.Ext(mainSourcesKey{}); ok {
		list = v.([]mainSource)
	}
	// A new slice each time: workers read the old one without the lock.
	list = append(list[:len(list):len(list)], mainSource{file, src, topLevelAwait})
	it.SetExt(mainSourcesKey{}, list)
}

func mainSources(it *vm.Interp) []mainSource {
	mainSourcesMu.Lock()
	defer mainSourcesMu.Unlock()
	if v, ok := it.Ext(mainSourcesKey{}); ok {
		return v.([]mainSource)
	}
	return []mainSource{{it.MainFile(), it.MainSource(), strings.HasSuffix(it.MainFile(), ".asy")}}
}

// bootstrapMessage is CPython's error for starting a process while the main
// module is being loaded in a worker: a script without the
// `if __name__ == "__main__":` guard would otherwise start workers without end.
const bootstrapMessage = `
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.`

func bootstrapping(it *vm.Interp) bool {
	v, ok := it.Ext(bootstrappingKey{})
	return ok && v == true
}

// workerInterp makes a worker's interpreter.
func workerInterp(parent *vm.Interp, out io.Writer) *vm.Interp {
	cfg := parent.Config()
	child := vm.New(vm.Config{
		Stdout: out, Stderr: parent.Stderr, Stdin: strings.NewReader(""), Argv: cfg.Argv,
		Modules: cfg.Modules, ReadFile: cfg.ReadFile, IsDir: cfg.IsDir, MaxSteps: cfg.MaxSteps, MaxMemory: cfg.MaxMemory,
	})
	child.ShareStepBudget(parent)
	asyrt.SetClock(child, asyrt.ClockOf(parent))
	inheritRestrictions(parent, child)
	return child
}

// loadMain runs the parent's main programs in the worker as __mp_main__.
func loadMain(parent, child *vm.Interp) (*vm.Module, error) {
	child.SetExt(bootstrappingKey{}, true)
	defer child.SetExt(bootstrappingKey{}, false)
	srcs := mainSources(parent)
	// Named as the parent's main module, so that imports look where the
	// parent's do.
	mod, err := child.ForkMain(parent.MainFile(), nil)
	if err != nil {
		return nil, err
	}
	mod.Set("__file__", vm.Str(srcs[len(srcs)-1].file))
	t := child.MainThread()
	for _, s := range srcs {
		code, err := child.CompileModule(mod, s.file, s.src, s.topLevelAwait)
		if err != nil {
			return nil, err
		}
		v, err := t.RunCode(code, mod)
		if err == nil && code.Flags&vm.FlagCoroutine != 0 {
			_, err = RunCoroutine(t, v.AsObj().(*vm.Generator))
		}
		if err != nil {
			return nil, err
		}
	}
	return mod, nil
}

// watchParent stops child when parent is stopped, until the returned
// function is called.
func watchParent(parent, child *vm.Interp) (stop func()) {
	done := make(chan struct{})
	go func() {
		for {
			sig := parent.InterruptSignal()
			if msg, ok := parent.Aborted(); ok {
				child.Abort(msg)
				return
			}
			select {
			case <-sig:
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

// worker runs jobs in its own interpreter.
func (e *ppExecutor) worker() {
	defer e.wg.Done()
	parent := e.it
	child := workerInterp(parent, e.out)
	e.mu.Lock()
	e.children = append(e.children, child)
	if e.stopped != "" {
		child.Abort(e.stopped)
	}
	e.mu.Unlock()
	defer watchParent(parent, child)()
	child.Acquire()
	defer child.Release()
	defer endWorker(child)
	ct := child.MainThread()
	mod, loadErr := loadMain(parent, child)
	for job := range e.queue {
		var result, excCopy any
		var err error
		_, aborted := child.Aborted()
		if !aborted {
			if err = loadErr; err == nil {
				var fn vm.Value
				var args []vm.Value
				if fn, err = load(ct, plainFunc{job.fn}, mod); err == nil {
					if args, err = loadAll(ct, job.args, mod); err == nil {
						var r vm.Value
						if r, err = ct.Call(fn, args, nil); err == nil {
							result, err = export(ct, r)
						}
					}
				}
			}
			child.Flush()
		}
		abortMsg, aborted := child.Aborted()
		if aborted && strings.Contains(abortMsg, "instruction limit") {
			parent.Abort(abortMsg) // the worker's budget is the run's
		}
		if err != nil && !aborted {
			excCopy, _ = export(ct, vm.Obj(vm.AsException(err)))
		}
		// Deliver into the parent interpreter under its lock.
		parent.Acquire()
		pt := parent.MainThread()
		switch {
		case aborted:
			job.fut.finish(pt, vm.Undef, vm.NewException(vm.RunAborted, vm.Str(abortMsg)))
		case excCopy != nil:
			ev, lerr := load(pt, excCopy, nil)
			if lerr != nil {
				job.fut.finish(pt, vm.Undef, lerr)
			} else if inst, ok := ev.AsObj().(*vm.Instance); ok {
				job.fut.finish(pt, vm.Undef, inst)
			} else {
				job.fut.finish(pt, vm.Undef, vm.Errorf(vm.RuntimeError, "worker failed"))
			}
		case err != nil:
			job.fut.finish(pt, vm.Undef, vm.Errorf(vm.RuntimeError, "worker failed"))
		default:
			v, lerr := load(pt, result, nil)
			job.fut.finish(pt, v, lerr)
		}
		parent.Release()
	}
}

// endWorker ends what the worker's calls left going in its interpreter.
func endWorker(child *vm.Interp) {
	asyrt.ShutdownPools(child)
	child.Release()
	_, aborted := child.Aborted()
	EndProcessPools(child, aborted)
	child.Acquire()
	EndRun(child)
	child.Flush()
}

// EndProcessPools ends the process pools an interpreter's scripts made and
// left running: they take no more work; with stop, their workers are
// stopped where they are and queued work fails, else queued work runs to
// the end first, as CPython's pools finish it at exit. It waits for the
// workers, which need the interpreter lock to hand results over, so the
// caller must not hold it.
func EndProcessPools(it *vm.Interp, stop bool) {
	for _, e := range vm.TakeTracked[*ppExecutor](it, ppExecutorsKey{}) {
		e.mu.Lock()
		if !e.shutdown {
			e.shutdown = true
			close(e.queue)
		}
		if stop && e.stopped == "" {
			e.stopped = "the interpreter was stopped"
			if msg, ok := it.Aborted(); ok {
				e.stopped = msg
			}
			for _, c := range e.children {
				c.Abort(e.stopped)
			}
		}
		e.mu.Unlock()
		e.wg.Wait()
		e.mu.Lock()
		e.children = nil
		e.mu.Unlock()
	}
}
