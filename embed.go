package asy

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/asylang/asy/parser"
	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Program is a parsed and checked script. It is immutable: one Program can
// be run many times, by many interpreters, from many goroutines at once.
type Program struct {
	file          string
	src           []byte
	code          *vm.Code // bound to no module: each Run binds its own copy
	topLevelAwait bool
}

// Compile parses and checks src (named filename in tracebacks). A syntax
// error comes back as an *Error whose Traceback is what Python prints.
// Files named *.asy may use await at top level; others follow Python's rule.
func Compile(filename string, src []byte) (*Program, error) {
	mod, err := parser.Parse(filename, src)
	if err != nil {
		return nil, syntaxError(err)
	}
	p := &Program{file: filename, src: src, topLevelAwait: strings.HasSuffix(filename, ".asy")}
	// The compiled code depends on the source alone, so it is made once
	// here, and the compiler's checks (await outside async, bad nonlocal…)
	// happen now: a Program that compiled runs.
	if p.code, err = vm.CompileProgram(filename, mod, p.topLevelAwait); err != nil {
		return nil, syntaxError(vm.WithSource(err, src))
	}
	return p, nil
}

// Filename is the name the program was compiled under.
func (p *Program) Filename() string { return p.file }

// Error is a script exception that reached Go.
type Error struct {
	Type      string // the exception's class name, e.g. "ValueError"
	Message   string // str() of the exception
	Traceback string // the whole report as Python prints it on stderr
}

func (e *Error) Error() string {
	if e.Message == "" {
		return e.Type
	}
	return e.Type + ": " + e.Message
}

// Errors a run can end with besides a script exception (test with errors.Is).
var (
	// ErrStepLimit: the run executed more than Options.MaxSteps loop
	// iterations and calls (counted per thread).
	ErrStepLimit = errors.New("asy: instruction limit exceeded")
	// ErrTimeLimit: the run took longer than Options.MaxDuration.
	ErrTimeLimit = errors.New("asy: run time limit exceeded")
)

// Interpreter is one independent instance of the language: its modules,
// globals, output writers and limits. Its methods must not be called from
// several goroutines at once — except CallSoon, CallOnLoop and AcceptCalls,
// meant for goroutines calling into a running script; separate
// Interpreters run fully in parallel.
type Interpreter struct {
	opts Options
	it   *vm.Interp
	main *vm.Module
	// observer watches every event loop (Options.Trace, Options.Observers).
	observer runtime.Observer

	// runCtx is the context of the current Run/Call: Go functions receive
	// it and Go-side awaitables derive theirs from it.
	runCtx  context.Context
	stopMu  sync.Mutex
	stopErr error
	runGen  uint64 // counts runs, so a late stop cannot hit the next one
}

type interpKey struct{}

// New makes an interpreter. Options.Globals are installed in __main__.
func New(opts Options) (*Interpreter, error) { return newInterpreter(opts, ".") }

// newInterpreter is every interpreter's start-up — New's, RunSource's and
// the REPL's: root is the main script's directory.
func newInterpreter(opts Options, root string) (*Interpreter, error) {
	in := &Interpreter{opts: opts.normalized()}
	it, observer, err := newInterp(in.opts, root)
	if err != nil {
		return nil, err
	}
	in.it, in.observer = it, observer
	stdlib.SetStoppable(in.it) // a Run's context can stop it anywhere
	in.it.SetExt(interpKey{}, in)
	in.main = in.it.MainModule("__main__")
	in.main.Set("__file__", vm.None)
	in.runCtx = context.Background()
	t := in.it.MainThread()
	in.it.Acquire()
	defer in.it.Release()
	for name, g := range opts.Globals {
		v, err := globalValue(t, name, g)
		if err != nil {
			return nil, fmt.Errorf("asy: global %q: %w", name, err)
		}
		in.main.Set(name, v)
	}
	return in, nil
}

// globalValue converts an Options.Globals entry; Go funcs take the key as name.
func globalValue(t *vm.Thread, name string, g any) (vm.Value, error) {
	switch g.(type) {
	case *Func, *Builtin, *Async, nil:
	default:
		if isFunc(g) {
			f, err := NewFunc(g)
			if err != nil {
				return vm.Undef, err
			}
			f.name = name
			return f.value(), nil
		}
	}
	return toScript(t, g)
}

// fsName maps an import path to a name in an fs.FS (slash-separated, relative).
func fsName(name string) string {
	return strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(name, "\\", "/")), "/")
}

// Run executes p in this interpreter's __main__ module (globals persist
// between runs). Cancelling ctx cancels the script's tasks — each sees
// CancelledError at its await — and stops its loops; Run then returns an
// error wrapping ctx.Err(). A script exception comes back as *Error.
func (in *Interpreter) Run(ctx context.Context, p *Program) error {
	return in.enter(ctx, func(t *vm.Thread) error {
		in.it.AddSource(p.file, p.src)
		// Process pool workers load what ran in __main__, as a worker
		// process imports the main script.
		stdlib.RecordMainSource(in.it, p.file, p.src, p.topLevelAwait)
		in.main.Set("__file__", vm.Str(p.file))
		v, err := t.RunCode(p.code, in.main)
		if err == nil && p.code.Flags&vm.FlagCoroutine != 0 {
			// Top-level await: the module body is the main task of an implicit asyncio.run.
			_, err = stdlib.RunCoroutine(t, v.AsObj().(*vm.Generator))
		}
		return err
	})
}

// Exec compiles and runs src in __main__ (a shortcut for Compile and Run).
func (in *Interpreter) Exec(ctx context.Context, filename, src string) error {
	p, err := Compile(filename, []byte(src))
	if err != nil {
		return err
	}
	return in.Run(ctx, p)
}

// Global returns a global of __main__ converted to Go (see convert.go's
// table); ok is false when it is not defined.
func (in *Interpreter) Global(name string) (v any, ok bool) {
	in.it.Acquire()
	defer in.it.Release()
	x, ok := in.main.Get(name)
	if !ok || x.IsUndef() {
		return nil, false
	}
	return fromScript(in.it.MainThread(), x), true
}

// SetGlobal defines a global of __main__ (Go funcs become callables).
func (in *Interpreter) SetGlobal(name string, v any) error {
	in.it.Acquire()
	defer in.it.Release()
	x, err := globalValue(in.it.MainThread(), name, v)
	if err != nil {
		return err
	}
	in.main.Set(name, x)
	return nil
}

// Call calls the script function (or any callable) bound to a global name
// with Go arguments and returns its result in Go. An async function runs to
// completion on a fresh event loop, as asyncio.run would run it.
func (in *Interpreter) Call(ctx context.Context, name string, args ...any) (any, error) {
	var result any
	err := in.enter(ctx, func(t *vm.Thread) error {
		fn, ok := in.main.Get(name)
		if !ok || fn.IsUndef() {
			return vm.Errorf(vm.NameError, "name '%s' is not defined", name)
		}
		argv := make([]vm.Value, len(args))
		for i, a := range args {
			v, err := toScript(t, a)
			if err != nil {
				return err
			}
			argv[i] = v
		}
		r, err := t.Call(fn, argv, nil)
		if err != nil {
			return err
		}
		if g, ok := r.AsObj().(*vm.Generator); ok && g.IsCoroutine() {
			if r, err = stdlib.RunCoroutine(t, g); err != nil {
				return err
			}
		}
		result = fromScript(t, r)
		return nil
	})
	return result, err
}

// Close ends whatever the scripts left going — Go-side awaitables, thread
// pools, database connections (uncommitted work is discarded) — and flushes
// output. Until then they live on between runs, so a connection a script
// opened in Run serves the functions Go calls later.
func (in *Interpreter) Close() error {
	in.it.Acquire()
	// Nothing of the scripts' outlives Close: threads and pool workers
	// still running code raise RunAborted at their next step or wait.
	in.it.Abort("the interpreter was closed")
	in.endScripts(false, "")
	in.it.ResetAbort()
	in.it.Flush()
	in.it.Release()
	return nil
}

// enter runs body holding the interpreter lock, with ctx and the limits
// armed, and turns what it returns into the API's errors.
func (in *Interpreter) enter(ctx context.Context, body func(t *vm.Thread) error) (err error) {
	if ctx == nil {
		ctx = context.Background()
	}
	runCtx, cancel := context.WithCancel(ctx)
	in.it.Acquire()
	in.runCtx = runCtx
	in.stopMu.Lock()
	in.stopErr = nil
	in.runGen++
	gen := in.runGen
	in.stopMu.Unlock()
	stopWatch := context.AfterFunc(ctx, func() { in.stop(gen, fmt.Errorf("asy: run stopped: %w", context.Cause(ctx))) })
	var timer *time.Timer
	if d := in.opts.MaxDuration; d > 0 {
		timer = time.AfterFunc(d, func() { in.stop(gen, ErrTimeLimit) })
	}
	defer func() {
		stopWatch()
		if timer != nil {
			timer.Stop()
		}
		cancel() // Go-side awaitables of this run stop now
		in.stopMu.Lock()
		stopErr := in.stopErr
		in.stopMu.Unlock()
		if _, aborted := in.it.Aborted(); stopErr != nil || aborted {
			// A stopped run leaves nothing behind, and at once: no grace
			// period once the main thread is out.
			if stopErr != nil {
				in.it.Abort(stopErr.Error())
			}
			in.endScripts(false, "")
		} else {
			// Threads end with the run (daemon threads too, as at the
			// exit of CPython); pools and connections live on until Close.
			stdlib.EndThreads(in.it.MainThread(), endWait)
		}
		in.it.Flush()
		in.it.Release()
		in.stopMu.Lock()
		in.runGen++ // a stop still in flight now finds a stale generation
		in.it.ResetAbort()
		in.stopMu.Unlock()
	}()
	err = body(in.it.MainThread())
	if err == nil {
		// The run is over when its non-daemon threads are, as a CPython
		// program's (still under the limits).
		stdlib.JoinThreads(in.it.MainThread())
	}
	// A stopped run reports why even when the script got to its end (the
	// stop came where nothing looked, or a process pool worker went over
	// its step budget).
	in.stopMu.Lock()
	if in.stopErr == nil && ctx.Err() != nil {
		// The context ended but its watcher has not stopped the run yet:
		// whatever the script saw of it (a Go function returning ctx.Err()),
		// the run ends with the context's error, every time.
		in.stopErr = fmt.Errorf("asy: run stopped: %w", context.Cause(ctx))
	}
	stopped := in.stopErr
	in.stopMu.Unlock()
	if stopped != nil {
		return stopped
	}
	if msg, ok := in.it.Aborted(); ok && strings.Contains(msg, "instruction limit") {
		return ErrStepLimit
	}
	if err == nil {
		return nil
	}
	return in.scriptError(err)
}

// stop ends the current run from any goroutine: the running event loop
// cancels its main task (tasks see CancelledError at their awaits), and
// script code still running after a grace period is aborted outright.
func (in *Interpreter) stop(gen uint64, reason error) {
	in.stopMu.Lock()
	defer in.stopMu.Unlock()
	if in.stopErr != nil || in.runGen != gen {
		return
	}
	in.stopErr = reason
	in.it.Interrupt()
	time.AfterFunc(stopGrace, func() {
		in.stopMu.Lock()
		defer in.stopMu.Unlock()
		if in.runGen == gen {
			in.it.Abort(reason.Error())
		}
	})
}

// stopGrace is how long cancelled tasks get to clean up before the run is
// aborted.
const stopGrace = 100 * time.Millisecond

func (in *Interpreter) scriptError(err error) error {
	exc := vm.AsException(err)
	if se := exc.SyntaxInfo(); se != nil && len(exc.Traceback()) == 0 {
		return &Error{Type: se.Kind, Message: se.Msg, Traceback: formatSyntaxError(se)}
	}
	t := in.it.MainThread()
	msg, _ := t.StrOf(vm.Obj(exc))
	return &Error{Type: exc.Class().Name, Message: msg, Traceback: t.FormatException(exc)}
}

func syntaxError(err error) error {
	var se *parser.SyntaxError
	if errors.As(err, &se) {
		return &Error{Type: se.Kind, Message: se.Msg, Traceback: formatSyntaxError(se)}
	}
	return err
}
