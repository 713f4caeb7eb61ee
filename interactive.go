package asy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/asylang/asy/parser"
	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Interactive is an interactive session on an Interpreter, modelled on
// `python -m asyncio`: statements come one at a time, as typed at a prompt,
// and one event loop runs for the whole session on its own goroutine, so
// `await` works at top level and tasks created by one statement keep
// running while the next is typed. An expression statement's value is
// printed (sys.displayhook) and kept in `_`, as Python's REPL does.
//
// Feed takes input line by line and says when a statement needs more
// lines (what a prompt shows "... " for); Exec runs a whole piece of
// source; Complete lists completions. Its methods may be called from any
// goroutine, one at a time (Interrupt and Complete at any time).
type Interactive struct {
	in   *Interpreter
	it   *vm.Interp
	main *vm.Module
	loop *runtime.Loop
	opts InteractiveOptions

	buf []string // lines of the statement being entered (loop goroutine only)
	// ending: the loop has stopped for good; statements cancelled now end
	// without a report (loop goroutine only).
	ending bool

	// current is the task running the statement being awaited (for Ctrl-C).
	current     atomic.Pointer[runtime.Task]
	interrupted atomic.Bool

	mu       sync.Mutex
	exitCode int

	ended chan struct{} // closed when the loop has ended
}

// InteractiveOptions say how a session starts.
type InteractiveOptions struct {
	// Script, when not nil, runs in __main__ (named ScriptFile) before the
	// session starts, as with `python3 -i FILE` or `python3 -i -c CMD`: its
	// uncaught exception, SystemExit included, prints a traceback and the
	// session goes on with its globals. A ScriptFile ending in .asy (or
	// Options.TopLevelAwait) lets its body await.
	ScriptFile string
	Script     []byte
	// Command, when set, handles the lines starting with % at the primary
	// prompt (never valid Python): a front end's magic commands. It runs
	// on the session's loop between statements; what it writes to stdout
	// and stderr goes to the interpreter's.
	Command func(line string, stdout, stderr io.Writer)
}

// Outcome is what Feed did with a line, which says what to prompt next.
type Outcome int

const (
	// Ran: the statement ran (or failed, or the line was empty): ">>> ".
	Ran Outcome = iota
	// More: the statement goes on: "... ".
	More
	// Exited: exit(), SystemExit or End ended the session.
	Exited
)

// StartInteractive starts an interactive session in the interpreter's
// __main__ (which keeps the globals set so far; like CPython's REPL's it
// has no __file__). It returns once the script, if any, has run. Until
// End, the interpreter's other methods must not be used. With
// Options.HandleSignals, Ctrl-C interrupts the running statement (see
// Interrupt) and the session goes on.
func (in *Interpreter) StartInteractive(opts InteractiveOptions) *Interactive {
	s := &Interactive{in: in, it: in.it, opts: opts, ended: make(chan struct{})}
	file := "<stdin>"
	if opts.Script != nil {
		file = opts.ScriptFile
	}
	in.it.Acquire()
	s.main = in.mainAs(file)
	if opts.Script == nil {
		s.main.Delete("__file__")
	}
	in.it.Release()
	var stopSignals func()
	if in.opts.HandleSignals {
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, os.Interrupt)
		go func() {
			for range sigs {
				s.Interrupt()
			}
		}()
		stopSignals = func() { signal.Stop(sigs); close(sigs) }
	}
	started := make(chan struct{})
	go func() {
		s.run(started)
		if stopSignals != nil {
			stopSignals()
		}
		close(s.ended)
	}()
	<-started
	return s
}

// mainAs makes __main__ the module of file, keeping the globals Go or
// earlier runs defined (the caller holds the lock).
func (in *Interpreter) mainAs(file string) *vm.Module {
	old := in.main
	in.main = in.it.MainModule(file)
	for _, name := range old.Names() {
		if strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__") {
			continue
		}
		if v, ok := old.Get(name); ok && !v.IsUndef() {
			in.main.Set(name, v)
		}
	}
	return in.main
}

// run is the session's goroutine: the script, then the loop until the end.
func (s *Interactive) run(started chan<- struct{}) {
	it := s.it
	it.Acquire()
	defer it.Release()
	if s.opts.Script != nil {
		tla := s.in.opts.TopLevelAwait || strings.HasSuffix(s.opts.ScriptFile, ".asy")
		s.in.runMain(s.main, s.opts.Script, tla, true)
		s.main.Delete("__file__")
		it.Flush()
	}
	t := it.MainThread()
	s.loop = runtime.NewLoopFor(t)
	if s.in.observer != nil {
		s.loop.Observer = s.in.observer
	}
	runtime.SetEventLoop(t, s.loop)
	stdlib.TrackAsyncGens(it)
	// The next statement can always arrive: the loop waits for it rather
	// than reporting a deadlock when every task is blocked.
	s.loop.KeepAlive(1)
	defer s.loop.KeepAlive(-1)
	// Virtual time moves only while a statement is being awaited.
	s.loop.HoldTime(1)
	prev := it.SetInterruptHandler(s.onInterrupt)
	defer it.SetInterruptHandler(prev)
	close(started)
	for failures := 0; failures < 1000; failures++ {
		err := s.loop.RunForever()
		if err == nil {
			break
		}
		// An exception escaping a callback (SystemExit from a task…).
		if vm.IsInstanceOf(err, vm.SystemExit) {
			s.setExit(systemExitCode(it, vm.AsException(err)))
			break
		}
		s.report(err)
	}
	s.ending = true
	s.loop.CancelAllTasks()
	s.loop.Close()
	// The interpreter goes on (Run, Call, another session) without it.
	runtime.SetEventLoop(t, nil)
	it.Flush()
}

// post runs fn on the session's loop and reports whether it will run (not
// once the session has ended).
func (s *Interactive) post(fn func()) bool {
	select {
	case <-s.ended:
		return false
	default:
	}
	_, err := s.loop.CallSoonThreadsafe(fn)
	return err == nil
}

// await waits for a reply posted to the loop, or for the session's end.
func await[T any](s *Interactive, reply <-chan T, ended T) T {
	select {
	case r := <-reply:
		return r
	case <-s.loop.CloseNotify():
		// What was posted and not run by then never runs.
		select {
		case r := <-reply:
			return r
		default:
			return ended
		}
	}
}

// Feed hands the session one line of input (without its newline) and
// waits until it is consumed: the statement needs more lines, or it ran.
// A simple statement runs when complete; a compound one (def, for, async
// with…) at the empty line that ends it. Errors, syntax errors included,
// are printed to stderr as the REPL prints them.
func (s *Interactive) Feed(line string) Outcome {
	reply := make(chan Outcome, 1)
	if !s.post(func() { s.feed(line, reply) }) {
		return Exited
	}
	return await(s, reply, Exited)
}

// Reset drops a partly entered statement (Ctrl-C at a "... " prompt).
func (s *Interactive) Reset() {
	done := make(chan bool, 1)
	if s.post(func() { s.buf = s.buf[:0]; done <- true }) {
		await(s, done, false)
	}
}

// End ends the session, as the end of input (Ctrl-D) does — tasks still
// running are cancelled — and returns its exit status: 0, or the code
// exit() or SystemExit asked for when that ended it. What else the scripts
// started (threads, pools, connections) lives until Interpreter.Close.
func (s *Interactive) End() int {
	s.post(func() { s.loop.Stop() })
	<-s.ended
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exitCode
}

// Exec runs src — whole statements — in the session as if typed at the
// prompt: expression statements print their values, `await` runs on the
// session's loop. It returns the statement's exception as *Error (nothing
// is printed), a SystemExit included, which ends the session. Cancelling
// ctx interrupts the statement as Ctrl-C does (KeyboardInterrupt).
func (s *Interactive) Exec(ctx context.Context, src string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	reply := make(chan error, 1)
	var running atomic.Bool
	running.Store(true)
	stop := context.AfterFunc(ctx, func() {
		if running.Load() {
			s.Interrupt()
		}
	})
	defer stop()
	ok := s.post(func() {
		s.buf = s.buf[:0]
		mod, err := parser.Parse("<stdin>", []byte(src))
		if err != nil {
			reply <- s.in.scriptError(vm.SyntaxErrorFrom(err))
			return
		}
		s.exec(mod, []byte(src), func(err error) {
			running.Store(false)
			if s.ending {
				reply <- errSessionEnded
				return
			}
			if err == nil {
				reply <- nil
				return
			}
			if vm.IsInstanceOf(err, vm.SystemExit) {
				s.exit(err)
			}
			reply <- s.in.scriptError(err)
		})
	})
	if !ok {
		return errSessionEnded
	}
	return await(s, reply, errSessionEnded)
}

// errSessionEnded: Exec after the session's end.
var errSessionEnded = errors.New("asy: the interactive session has ended")

func (s *Interactive) feed(line string, reply chan<- Outcome) {
	if len(s.buf) == 0 && strings.TrimSpace(line) == "" {
		reply <- Ran
		return
	}
	if len(s.buf) == 0 && s.opts.Command != nil && strings.HasPrefix(strings.TrimSpace(line), "%") {
		s.opts.Command(strings.TrimSpace(line), stdoutWriter{s.it}, stderrWriter{s.it})
		s.it.Flush()
		reply <- Ran
		return
	}
	s.buf = append(s.buf, line)
	src := strings.Join(s.buf, "\n") + "\n"
	mod, err := parser.Parse("<stdin>", []byte(src))
	if err != nil {
		if parser.IsIncomplete(err) && strings.TrimSpace(line) != "" {
			reply <- More
			return
		}
		s.buf = s.buf[:0]
		s.report(vm.SyntaxErrorFrom(err))
		reply <- Ran
		return
	}
	// A compound statement (def, for, if, async with…) may go on with more
	// indented lines: like Python's REPL, it ends at an empty line.
	if n := len(mod.Body); n > 0 && isCompound(mod.Body[n-1]) && strings.TrimSpace(line) != "" {
		reply <- More
		return
	}
	s.buf = s.buf[:0]
	for _, w := range mod.Warnings {
		// CPython's REPL shows compile-time warnings without the source line.
		s.it.WriteStderr(fmt.Sprintf("<stdin>:%d: SyntaxWarning: %s\n", w.Line, w.Msg))
	}
	s.exec(mod, []byte(src), func(err error) {
		defer s.it.Flush()
		switch {
		case s.ending:
			reply <- Exited
		case err == nil:
			reply <- Ran
		case vm.IsInstanceOf(err, vm.SystemExit):
			s.exit(err)
			reply <- Exited
		default:
			s.report(err)
			reply <- Ran
		}
	})
}

func isCompound(st parser.Stmt) bool {
	switch st.(type) {
	case *parser.If, *parser.For, *parser.While, *parser.Try, *parser.With,
		*parser.FuncDef, *parser.ClassDef:
		return true
	}
	return false
}

// exec compiles one input and runs it: directly when it does not await,
// as a task of the session's loop when it does; done gets how it ended.
func (s *Interactive) exec(mod *parser.Module, src []byte, done func(error)) {
	t := s.it.MainThread()
	code, err := vm.CompileInteractive("<stdin>", mod, s.main)
	if err != nil {
		done(vm.SyntaxErrorFrom(vm.WithSource(err, src)))
		return
	}
	v, err := t.RunCode(code, s.main)
	if err != nil || code.Flags&vm.FlagCoroutine == 0 {
		s.it.Flush()
		done(err)
		return
	}
	task := s.loop.NewTask(v.AsObj().(*vm.Generator), "")
	s.current.Store(task)
	s.loop.HoldTime(-1)
	task.AddDoneCallback(func(*runtime.Future) {
		s.loop.HoldTime(1)
		s.current.Store(nil)
		_, err := task.Result()
		if err != nil && s.interrupted.Swap(false) && vm.IsInstanceOf(err, runtime.CancelledError) {
			err = vm.NewInstance(vm.KeyboardInterrupt)
		}
		s.it.Flush()
		done(err)
	})
}

// exit ends the session with the status SystemExit err asks for.
func (s *Interactive) exit(err error) {
	s.setExit(systemExitCode(s.it, vm.AsException(err)))
	s.loop.Stop()
}

func (s *Interactive) setExit(code int) {
	s.mu.Lock()
	s.exitCode = code
	s.mu.Unlock()
}

// report prints an exception as Python's REPL does (the session goes on).
func (s *Interactive) report(err error) {
	s.it.Flush()
	exc := vm.AsException(err)
	if se := exc.SyntaxInfo(); se != nil && len(exc.Traceback()) == 0 {
		s.it.WriteStderr(vm.FormatSyntaxError(se))
		return
	}
	s.it.WriteStderr(s.it.MainThread().FormatException(exc))
}

// onInterrupt handles Ctrl-C while a statement runs: an awaited statement
// is cancelled (and reports KeyboardInterrupt); plain code gets
// KeyboardInterrupt raised where it is.
func (s *Interactive) onInterrupt() bool {
	task := s.current.Load()
	if task == nil {
		return false
	}
	s.interrupted.Store(true)
	s.loop.Post(func() { task.Cancel(vm.None) })
	return true
}

// Interrupt delivers Ctrl-C to the running statement (or the script run
// before the session): an awaited statement is cancelled, plain code gets
// KeyboardInterrupt where it is; either way the session goes on. It may be
// called from any goroutine.
func (s *Interactive) Interrupt() { s.it.Interrupt() }

// stdoutWriter and stderrWriter write to the interpreter's output streams
// (the caller holds the lock).
type stdoutWriter struct{ it *vm.Interp }

func (w stdoutWriter) Write(p []byte) (int, error) { return w.it.Stdout.Write(p) }

type stderrWriter struct{ it *vm.Interp }

func (w stderrWriter) Write(p []byte) (int, error) { w.it.WriteStderr(string(p)); return len(p), nil }
