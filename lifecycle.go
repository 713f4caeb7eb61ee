package asy

import (
	"os"
	"os/signal"
	"time"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// How an interpreter's runs end, in one place. Start-up is newInterpreter
// (embed.go) for every interpreter; then
//   - a program (RunSource, RunModule, a directory) runs by runProgram and
//     ends as a CPython process exits: its non-daemon threads are joined,
//     atexit functions run, and endScripts ends the rest;
//   - Run and Call (enter, embed.go) end their threads; a stopped run, and
//     Close, end the rest with endScripts;
//   - an interactive session (interactive.go) runs its -i script by
//     runMain without an end, and its loop until End; Close ends the rest.

// endWait bounds how long the end of a run or Close waits for threads to
// see the abort (a thread blocked in a Go call that ignores it is left).
const endWait = 2 * time.Second

// runProgram runs src as a program's __main__, which main makes (holding
// the lock; its error is reported as the script's), with the limits and
// Ctrl-C armed, and returns the exit status.
func (in *Interpreter) runProgram(src []byte, main func() (*vm.Module, error)) int {
	it, opts := in.it, in.opts
	defer it.Flush()
	// The main thread runs holding the interpreter lock; blocking calls and
	// the event loop's waits release it for executor threads.
	it.Acquire()
	defer it.Release()
	if d := opts.MaxDuration; d > 0 {
		// Every thread, and every process pool worker, stops where it is.
		timer := time.AfterFunc(d, func() { it.Abort(ErrTimeLimit.Error()) })
		defer timer.Stop()
	}
	defer handleSignals(it, opts)()
	m, err := main()
	if err != nil {
		return reportError(it, err, false)
	}
	return in.runMain(m, src, opts.TopLevelAwait, false)
}

// handleSignals turns Ctrl-C into KeyboardInterrupt while the script runs
// (when opts ask for it); the returned function stops that.
func handleSignals(it *vm.Interp, opts Options) func() {
	if !opts.HandleSignals {
		return func() {}
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	go func() {
		for range sigs {
			it.Interrupt()
		}
	}()
	return func() { signal.Stop(sigs) }
}

// runMain runs src as the body of __main__ module m and prints its
// uncaught exception. A program's run (inspect false) then ends as a
// CPython process exits; under -i (inspect), SystemExit too prints its
// traceback and everything is left going for the session.
func (in *Interpreter) runMain(m *vm.Module, src []byte, topLevelAwait, inspect bool) int {
	it := in.it
	warn := trackCoroutines(it)
	file := it.MainFile()
	stdlib.RecordMainSource(it, file, src, topLevelAwait) // for process pool workers
	code, err := it.CompileModule(m, file, src, topLevelAwait)
	if err != nil {
		return reportError(it, err, inspect)
	}
	t := it.MainThread()
	status := 0
	v, err := t.RunCode(code, m)
	if err == nil {
		if g, ok := v.AsObj().(*vm.Generator); ok && code.Flags&vm.FlagCoroutine != 0 {
			// Top-level await: the module body is the main task of an implicit asyncio.run.
			_, err = stdlib.RunCoroutine(t, g)
		}
	}
	if err != nil {
		status = reportError(it, err, inspect)
	}
	if !inspect {
		stdlib.JoinThreads(t)
		stdlib.RunAtExit(t)
		// Process pools finish the work given them, as CPython's do at
		// exit, unless the run was stopped.
		_, aborted := it.Aborted()
		if msg, ok := in.endScripts(!aborted, "the run ended"); ok && status == 0 {
			// Stopped where no script code saw it (waiting for pool workers).
			it.WriteStderr("RunAborted: " + msg + "\n")
			status = 1
		}
	}
	warn()
	return status
}

// endScripts ends everything the scripts started, the caller holding the
// lock: process pools (finishing the work given them when finish is
// set), Go-side awaitables and database connections (uncommitted work is
// discarded), threads (daemon ones too), then thread pools' workers, once
// the interpreter is aborted with reason (when not already). It returns
// the abort message, if any, from before that abort.
func (in *Interpreter) endScripts(finish bool, reason string) (abortMsg string, aborted bool) {
	it := in.it
	// Process pool workers need the lock to hand their last results over
	// while they are waited for.
	it.Release()
	stdlib.EndProcessPools(it, !finish)
	it.Acquire()
	abortMsg, aborted = it.Aborted()
	stdlib.EndRun(it)
	// Daemon threads and pool workers end with the run, as they do when a
	// CPython process exits (an embedder's process goes on).
	stdlib.EndThreads(it.MainThread(), endWait)
	if reason != "" {
		it.Abort(reason)
	}
	it.Release()
	runtime.EndPools(it, endWait)
	it.Acquire()
	return abortMsg, aborted
}
