package vm

import (
	"bufio"
	"context"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
)

// Config configures an interpreter. Zero values are usable defaults.
type Config struct {
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader
	Argv   []string
	// ReadFile loads source files for imports and tracebacks (os.ReadFile when nil).
	ReadFile func(name string) ([]byte, error)
	// IsDir reports whether a directory exists, for packages without an
	// __init__.py (the host's file system when nil).
	IsDir func(name string) bool
	// Modules are native modules importable by name (stdlib registers them).
	// The interpreter reads the map, never changes it, so one map can serve
	// many interpreters.
	Modules map[string]ModuleLoader
	// Path holds the directories searched for modules after the main
	// script's (PYTHONPATH's entries): sys.path[1:] at start.
	Path []string
	// MaxSteps bounds the loop iterations (backward jumps), calls and
	// iterations of Go loops over iterators that all the interpreter's
	// threads may run together; 0 means no limit. Exceeding it aborts the
	// run (RunAborted).
	MaxSteps int64
	// MaxMemory bounds the bytes of objects the interpreter holds (an
	// estimate, see memlimit.go); 0 means no limit. Going over raises
	// MemoryError.
	MaxMemory int64
	// NoInlineCaches turns off the dispatch loop's shortcuts (attribute
	// caches, inline __init__ frames, pooled coroutines) so that tests can
	// check they never change what a program does.
	NoInlineCaches bool
}

// ModuleLoader builds a native module for an interpreter.
type ModuleLoader func(it *Interp) (*Module, error)

// Interp is one interpreter: its modules, builtins and output writers.
// Several Interps may run in one process at once.
type Interp struct {
	cfg    Config
	Stdout *Output
	Stderr io.Writer
	// Stdin reads the standard input (made on first use: StdinReader).
	Stdin    *bufio.Reader
	builtins *Module
	modules  map[string]*Module
	// sysModules is sys.modules once sys is imported (see sysmodules.go).
	sysModules *Dict
	loaders    map[string]ModuleLoader // RegisterModule's, over cfg.Modules (nil until then)
	sources    map[string][]string     // file name → lines, for tracebacks
	mainDir    string                  // directory of the main script, for imports
	mainFile   string
	mainSrc    []byte

	// Hooks lets embedders and the runtime attach behaviour (e.g. await support).
	Hooks Hooks
	// profiler is given to new threads (SetProfiler).
	profiler FrameProfiler

	// ext holds per-interpreter state of higher layers (the clock, the loop
	// policy...), keyed by a type private to the layer.
	ext sync.Map

	gil  gil
	main *Thread
	// interrupted is set by Interrupt (Ctrl-C) and AddPendingCall for the
	// main thread to look at its flags: kbd (raise KeyboardInterrupt) and
	// the pending calls (pending.go).
	interrupted atomic.Bool
	// intMaxDigits is sys.get_int_max_str_digits() (0: no limit).
	intMaxDigits atomic.Int64
	kbd          atomic.Bool
	pendingMu    sync.Mutex
	pending      []func(*Thread) error
	// onInterrupt handles Ctrl-C instead of raising KeyboardInterrupt
	// directly (the running event loop does); see SetInterruptHandler.
	onInterrupt atomic.Pointer[func() bool]
	// sigCh is closed by Interrupt and Abort to wake blocking calls.
	sigMu sync.Mutex
	sigCh chan struct{}
	// abortCh is closed by Abort only (threads other than the main one
	// wait on it).
	abortCh chan struct{}
	// stopCtx is StopContext's context, cancelled by Abort.
	stopCtx    context.Context
	stopCancel context.CancelFunc
	// aborted holds the message of Abort: every thread raises RunAborted.
	aborted atomic.Pointer[string]
	// budget is what is left of Config.MaxSteps, shared by all threads —
	// and by the interpreters of process-pool workers (ShareStepBudget), so
	// a script cannot multiply its budget by starting workers. ownBudget is
	// where it points unless shared.
	budget    *atomic.Int64
	ownBudget atomic.Int64
	// recursionLimit is sys.getrecursionlimit(); 0 means MaxDepth.
	recursionLimit atomic.Int64
	// mem is the state of Config.MaxMemory's check.
	mem memLimit
}

// RecursionLimit is the depth at which calls raise RecursionError
// (sys.getrecursionlimit()).
func (it *Interp) RecursionLimit() int {
	if n := it.recursionLimit.Load(); n > 0 {
		return int(n)
	}
	return MaxDepth
}

// SetRecursionLimit changes the limit (sys.setrecursionlimit, which checks n).
func (it *Interp) SetRecursionLimit(n int) { it.recursionLimit.Store(int64(n)) }

// Hooks are optional callbacks installed by higher layers.
type Hooks struct {
	// OnExit is called before the process would exit (sys.exit) — unused by vm itself.
	OnExit func()
	// OnCoroutine is called for every coroutine object created (never-awaited tracking).
	OnCoroutine func(t *Thread, g *Generator)
	// OnAsyncGenStart is called when an async generator is first iterated
	// (the event loop finalizes unfinished ones when it shuts down).
	OnAsyncGenStart func(t *Thread, g *Generator)
	// OnCoroutineReleased reports that g was released at the current line
	// (where CPython would print the never-awaited warning).
	OnCoroutineReleased func(t *Thread, g *Generator)
	// OnNativeCoroutine is OnCoroutine for Go awaitables standing for
	// coroutines (asyncio.sleep(), Queue.get()).
	OnNativeCoroutine func(t *Thread, c NativeCoroutine)
}

// New makes an interpreter.
func New(cfg Config) *Interp {
	if cfg.Stdout == nil {
		cfg.Stdout = os.Stdout
	}
	if cfg.Stderr == nil {
		cfg.Stderr = os.Stderr
	}
	if cfg.Stdin == nil {
		cfg.Stdin = os.Stdin
	}
	if cfg.ReadFile == nil {
		cfg.ReadFile = os.ReadFile
	}
	if cfg.IsDir == nil {
		cfg.IsDir = func(name string) bool {
			st, err := os.Stat(name)
			return err == nil && st.IsDir()
		}
	}
	it := &Interp{
		cfg:     cfg,
		Stdout:  &Output{w: cfg.Stdout},
		Stderr:  cfg.Stderr,
		modules: map[string]*Module{},
		sources: map[string][]string{},
	}
	it.builtins = sharedBuiltins().shareLayout()
	it.budget = &it.ownBudget
	it.budget.Store(cfg.MaxSteps)
	it.main = newThread(it)
	return it
}

// ShareStepBudget makes it spend parent's step budget (Config.MaxSteps)
// instead of its own: a process-pool worker's steps count against the run
// that started it. Call it before it runs anything.
func (it *Interp) ShareStepBudget(parent *Interp) {
	if parent.cfg.MaxSteps > 0 {
		it.cfg.MaxSteps = parent.cfg.MaxSteps
		it.budget = parent.budget
		it.main.limited = true
	}
}

// StdinReader is the buffered standard input.
func (it *Interp) StdinReader() *bufio.Reader {
	if it.Stdin == nil {
		it.Stdin = bufio.NewReader(it.cfg.Stdin)
	}
	return it.Stdin
}

// sharedBuiltins is the builtins module every interpreter starts from,
// built once: each gets a copy that shares its table until the script
// changes it (Module.own).
var sharedBuiltins = sync.OnceValue(func() *Module {
	m := newBuiltinsModule()
	installNewWrappers(m)
	return m
})

// Config returns the configuration the interpreter was made with.
func (it *Interp) Config() Config { return it.cfg }

// MainThread is the thread that runs the main module.
func (it *Interp) MainThread() *Thread { return it.main }

// Builtins is the builtins module.
func (it *Interp) Builtins() *Module { return it.builtins }

// RegisterModule makes a native module importable.
func (it *Interp) RegisterModule(name string, l ModuleLoader) {
	if it.loaders == nil {
		it.loaders = map[string]ModuleLoader{}
	}
	it.loaders[name] = l
}

// loader is the native loader of a module name.
func (it *Interp) loader(name string) (ModuleLoader, bool) {
	if l, ok := it.loaders[name]; ok {
		return l, true
	}
	l, ok := it.cfg.Modules[name]
	return l, ok
}

// LoadedModules lists the imported modules by name (sys.modules).
func (it *Interp) LoadedModules() map[string]*Module {
	out := make(map[string]*Module, len(it.modules))
	if d := it.sysModules; d != nil {
		d.Items(func(k, v Value) bool {
			if m, ok := v.o.(*Module); ok {
				if s, ok := k.StrOf(); ok {
					out[s] = m
				}
			}
			return true
		})
		return out
	}
	for k, v := range it.modules {
		out[k] = v
	}
	return out
}

// AddModule records an already-built module under name.
func (it *Interp) AddModule(m *Module) { it.setModule(m.Name, m) }

// Flush writes out buffered stdout. Every exit path must call it.
func (it *Interp) Flush() { it.Stdout.Flush() }

// WriteStderr writes to stderr after flushing stdout, so output interleaves as written.
func (it *Interp) WriteStderr(s string) {
	it.Stdout.Flush()
	if HasSurrogate(s) {
		// stderr's error handler is backslashreplace, as CPython's.
		b, _ := EncodeStr(s, "utf-8", "backslashreplace")
		s = string(b)
	}
	io.WriteString(it.Stderr, s)
}

// AddSource records a file's text for tracebacks.
func (it *Interp) AddSource(file string, src []byte) {
	it.sources[file] = strings.Split(string(src), "\n")
}

// SourceLine returns line n of file, stripped, or "" (for warnings and tracebacks).
func (it *Interp) SourceLine(file string, n int) string { return it.sourceLine(file, n) }

// TraceLine is the source line a traceback shows for entry e.
func (it *Interp) TraceLine(e TraceEntry) string {
	return it.codeLine(e.File, e.Line, e.code)
}

// codeLine is line n of file, for code running in its module's globals.
// Like CPython's linecache, when file cannot be read (code compiled from a
// string under a made-up name) the line comes from the source of the
// module whose globals the code runs in; names in <brackets> have none.
func (it *Interp) codeLine(file string, n int, code *Code) string {
	line := it.sourceLine(file, n)
	if line != "" || code == nil || code.module == nil || strings.HasPrefix(file, "<") && strings.HasSuffix(file, ">") {
		return line
	}
	if lines, ok := it.sources[file]; !ok || lines != nil {
		return line // the file exists
	}
	if m := code.module; m.File != "" && m.File != file {
		return it.sourceLine(m.File, n)
	}
	return ""
}

// sourceLine returns line n of file, stripped, or "".
func (it *Interp) sourceLine(file string, n int) string {
	if file == "<string>" || file == "<stdin>" {
		// As in CPython, whose linecache cannot read these back: -c and
		// stdin scripts, exec'd code and the REPL show no source lines.
		return ""
	}
	lines, ok := it.sources[file]
	if !ok {
		data, err := it.cfg.ReadFile(file)
		if err != nil {
			it.sources[file] = nil
			return ""
		}
		lines = strings.Split(string(data), "\n")
		it.sources[file] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[n-1])
}

// Ext returns per-interpreter state stored by a higher layer under key.
func (it *Interp) Ext(key any) (any, bool) { return it.ext.Load(key) }

// SetExt stores per-interpreter state for a higher layer.
func (it *Interp) SetExt(key, v any) { it.ext.Store(key, v) }

// Module returns a loaded module by name.
func (it *Interp) Module(name string) (*Module, bool) {
	return it.loadedModule(name)
}

// trackedList is a per-interpreter list of resources of one kind.
type trackedList[T any] struct {
	mu    sync.Mutex
	items []T
}

// Track adds x to the interpreter's list under key (one list per kind of
// resource: thread pools, database connections), so that what scripts
// leave open can be released with the interpreter. Safe from any goroutine.
func Track[T any](it *Interp, key any, x T) {
	v, _ := it.ext.LoadOrStore(key, &trackedList[T]{})
	l := v.(*trackedList[T])
	l.mu.Lock()
	l.items = append(l.items, x)
	l.mu.Unlock()
}

// TakeTracked empties the list under key and returns what it held.
func TakeTracked[T any](it *Interp, key any) []T {
	v, ok := it.ext.Load(key)
	if !ok {
		return nil
	}
	l := v.(*trackedList[T])
	l.mu.Lock()
	defer l.mu.Unlock()
	items := l.items
	l.items = nil
	return items
}
