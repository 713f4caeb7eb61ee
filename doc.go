// Package asy is the embedding API of the asy interpreter: it runs scripts
// written in Python 3 syntax on a stackless bytecode VM with an asyncio-style
// event loop. The command cmd/asy is a thin wrapper around this package.
//
// Compile parses and checks a script once into a Program, which any number
// of Interpreters (made by New) can run, concurrently and independently:
//
//	prog, err := asy.Compile("main.asy", src)
//	in, err := asy.New(asy.Options{Globals: map[string]any{"fetch": fetch}})
//	err = in.Run(ctx, prog)
//
// Scripts call Go through Globals: any Go func (converted automatically, see
// Func), the low-level Builtin, and Async — a Go function that runs in its
// own goroutine and that scripts await like a coroutine. Interpreter.Call
// calls script functions from Go (async ones run to completion) and
// Interpreter.Global reads results back as Go values. While a script runs
// its event loop, other goroutines call into it with Interpreter.CallSoon
// and Interpreter.CallOnLoop (the Go side of loop.call_soon_threadsafe).
//
// A run honours its context (cancelling it cancels the script's tasks and
// the run ends with the context's error), and Options set limits (MaxSteps,
// MaxDuration). Scripts get nothing of the host — files, environment,
// network, threads, the host's date — but what Options.Grants (Capabilities)
// grants, and import only the core modules plus the Extensions listed
// (modules/sqlite, modules/asyncpg). Script exceptions come back as *Error,
// carrying the traceback Python would print.
//
// Interpreter.StartInteractive starts an interactive session, Python's
// prompt without the terminal: statements fed a line at a time, values
// echoed, `await` at top level on an event loop that runs between
// statements, completion. The asy command's REPL (package repl) is one.
//
// RunFile, RunSource and RunModule are what the asy command uses: they run
// a script as a program would, printing tracebacks and returning an exit
// status. Every interpreter starts, and every run ends, by the same code.
package asy
