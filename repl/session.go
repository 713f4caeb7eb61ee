package repl

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/asylang/asy"
	"github.com/asylang/asy/internal/front"
	"github.com/asylang/asy/parser"
	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/timeline"
	"github.com/asylang/asy/vm"
)

// Session is the interpreter side of a REPL: one __main__ module and one
// event loop that runs for the whole session, so tasks created at one prompt
// keep running while the user types the next. Lines come in from any
// goroutine through Feed; the loop's goroutine runs them.
type Session struct {
	it   *vm.Interp
	main *vm.Module
	loop *runtime.Loop

	buf []string // lines of the statement being entered

	// current is the task running the statement being awaited (for Ctrl-C).
	current     atomic.Pointer[runtime.Task]
	interrupted atomic.Bool

	mu       sync.Mutex
	exitCode int
	exited   bool

	script *Script // run first, when not nil

	// rec records the timeline since the session started (%timeline);
	// observer is the front end's own (Options.Observer).
	rec      *timeline.Recorder
	observer runtime.Observer
}

// Outcome tells the front end what to prompt next.
type Outcome int

const (
	// Done: the statement ran (or failed); prompt ">>> ".
	Done Outcome = iota
	// More: the statement continues; prompt "... ".
	More
	// Exit: exit() or SystemExit ended the session.
	Exit
)

// Script is what runs in __main__ before the session starts, as with
// `python3 -i FILE` or `python3 -i -c CMD`.
type Script struct {
	File string // the name the script knows itself by ("<string>" for -c)
	Src  []byte
	// TopLevelAwait lets its body await (a .asy file).
	TopLevelAwait bool
}

// NewSession makes the interpreter of a REPL.
func NewSession(opts asy.Options) *Session { return newSession(opts, nil) }

func newSession(opts asy.Options, script *Script) *Session {
	// The interpreter is made as every other, by asy.New.
	in, err := asy.New(opts)
	if err != nil {
		// Only a granted directory that cannot be opened fails, and the
		// REPL's front end grants the host: an empty grant still runs.
		opts.Grants = asy.Capabilities{}
		in, _ = asy.New(opts)
	}
	s := &Session{script: script, observer: front.Observer(&opts), rec: timeline.NewRecorder(opts.VirtualClock)}
	if script != nil {
		s.it, s.main = front.VM(in, script.File)
	} else {
		// The REPL's __main__ has no __file__, as CPython's.
		s.it, s.main = front.VM(in, "<stdin>")
		s.main.Delete("__file__")
	}
	return s
}

// Interp exposes the interpreter (for completion).
func (s *Session) Interp() *vm.Interp { return s.it }

// Main is the session's __main__ module.
func (s *Session) Main() *vm.Module { return s.main }

// Run runs the event loop until Close; lines arrive through Feed meanwhile.
// It returns the session's exit status.
func (s *Session) Run(started chan<- struct{}) int {
	s.it.Acquire()
	defer s.it.Release()
	if s.script != nil {
		// Its failure (SystemExit too) prints a traceback; the session
		// goes on with its globals, without the script's __file__.
		front.RunInspect(s.it, s.main, s.script.Src, s.script.TopLevelAwait)
		s.main.Delete("__file__")
		s.it.Flush()
	}
	t := s.it.MainThread()
	s.loop = runtime.NewLoopFor(t)
	s.observe(s.loop, s.observer)
	runtime.SetEventLoop(t, s.loop)
	stdlib.TrackAsyncGens(s.it)
	// The user's next line can always arrive: the loop waits for it rather
	// than reporting a deadlock when every task is blocked.
	s.loop.KeepAlive(1)
	defer s.loop.KeepAlive(-1)
	// Virtual time moves only while a statement is being awaited.
	s.loop.HoldTime(1)
	prev := s.it.SetInterruptHandler(s.onInterrupt)
	defer s.it.SetInterruptHandler(prev)
	close(started)
	for failures := 0; failures < 1000; failures++ {
		err := s.loop.RunForever()
		if err == nil {
			break
		}
		// An exception escaping a callback (SystemExit from a task…).
		if vm.IsInstanceOf(err, vm.SystemExit) {
			s.setExit(front.ExitStatus(s.it, err))
			break
		}
		s.report(err)
	}
	s.loop.CancelAllTasks()
	s.loop.Close()
	s.it.Flush()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exitCode
}

// Feed hands one input line (without its newline) to the loop and waits
// until it is consumed: either more lines are needed or the statement ran.
// eof ends the session (Ctrl-D or end of input).
func (s *Session) Feed(line string, eof bool) Outcome {
	reply := make(chan Outcome, 1)
	s.loop.Post(func() {
		if eof {
			s.loop.Stop()
			reply <- Exit
			return
		}
		s.feed(line, reply)
	})
	return <-reply
}

// Reset drops a partly entered statement (Ctrl-C at a "... " prompt).
func (s *Session) Reset() {
	done := make(chan struct{})
	s.loop.Post(func() { s.buf = s.buf[:0]; close(done) })
	<-done
}

func (s *Session) feed(line string, reply chan<- Outcome) {
	if len(s.buf) == 0 && strings.TrimSpace(line) == "" {
		reply <- Done
		return
	}
	if len(s.buf) == 0 && s.magic(line) {
		reply <- Done
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
		reply <- Done
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
	s.exec(mod, []byte(src), reply)
}

func isCompound(st parser.Stmt) bool {
	switch st.(type) {
	case *parser.If, *parser.For, *parser.While, *parser.Try, *parser.With,
		*parser.FuncDef, *parser.ClassDef:
		return true
	}
	return false
}

// exec compiles one statement and runs it: directly when it does not
// await, as a task of the session's loop when it does.
func (s *Session) exec(mod *parser.Module, src []byte, reply chan<- Outcome) {
	t := s.it.MainThread()
	code, err := vm.CompileInteractive("<stdin>", mod, s.main)
	if err != nil {
		s.report(vm.SyntaxErrorFrom(vm.WithSource(err, src)))
		reply <- Done
		return
	}
	v, err := t.RunCode(code, s.main)
	if err != nil || code.Flags&vm.FlagCoroutine == 0 {
		reply <- s.finish(err)
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
		reply <- s.finish(err)
	})
}

// finish reports how a statement ended.
func (s *Session) finish(err error) Outcome {
	defer s.it.Flush()
	if err == nil {
		return Done
	}
	if vm.IsInstanceOf(err, vm.SystemExit) {
		s.setExit(front.ExitStatus(s.it, err))
		s.loop.Stop()
		return Exit
	}
	s.report(err)
	return Done
}

func (s *Session) setExit(code int) {
	s.mu.Lock()
	s.exitCode, s.exited = code, true
	s.mu.Unlock()
}

// report prints an exception as Python's REPL does (the session goes on).
func (s *Session) report(err error) {
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
func (s *Session) onInterrupt() bool {
	task := s.current.Load()
	if task == nil {
		return false
	}
	s.interrupted.Store(true)
	s.loop.Post(func() { task.Cancel(vm.None) })
	return true
}

// Interrupt delivers Ctrl-C to the running statement.
func (s *Session) Interrupt() { s.it.Interrupt() }

// Flush writes buffered output.
func (s *Session) Flush() {
	done := make(chan struct{})
	s.loop.Post(func() { s.it.Flush(); close(done) })
	<-done
}
