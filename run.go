package asy

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Options configure an interpreter. The first group is what an embedder
// sets; the second is what a command-line front end (the asy command) sets,
// and embedders leave it zero.
type Options struct {
	// What an embedder sets.
	//
	// Stdout and Stderr receive the script's output (nil: the process's);
	// Stdin is what it reads (nil: nothing).
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader
	// Globals are installed in __main__ by New: Go values (converted as
	// convert.go documents) and Go functions (any func, or Func, Builtin,
	// Async values), by name.
	Globals map[string]any
	// Modules, when set, is where `import name` finds name.py / name.asy
	// (and packages' __init__.py); otherwise imports read the granted files.
	Modules fs.FS
	// Grants are what of the host scripts may use; the zero value grants
	// nothing (see Capabilities). Process pool workers inherit them.
	Grants Capabilities
	// Extensions are the opt-in module sets scripts may import besides the
	// core (e.g. sqlite.Extension from github.com/asylang/asy/modules/sqlite).
	Extensions []Extension
	// Databases are handed to scripts by name: sqlite3.connect(name) and
	// aiosqlite.connect(name) open a connection of a *sql.DB (modernc.org/sqlite
	// driver) given here, and the script never sees where it lives. Without
	// granted files (and network, for asyncpg) these are the only databases
	// a script can open.
	Databases map[string]any
	// MaxSteps bounds the loop iterations and calls the run may make, all
	// its threads and process pool workers together (0: no limit); the run
	// then ends with ErrStepLimit.
	MaxSteps int64
	// MaxMemory bounds, in bytes, the memory a script's objects take (0: no
	// limit); going over raises MemoryError in the script. It is an
	// estimate: the objects the interpreter reaches (globals, running
	// frames, and what containers, instances and closures hold), sized by
	// their lengths, measured when allocation since the last measurement
	// could have taken it over — so a script may go up to about a quarter
	// over before it fails.
	MaxMemory int64
	// MaxDuration bounds a run's wall time (0: no limit); the run then ends
	// with ErrTimeLimit.
	MaxDuration time.Duration
	// VirtualClock runs on simulated time: sleeps return at once and runs are deterministic.
	VirtualClock bool

	// What a command-line front end (the asy command, package repl) sets;
	// embedders leave it zero.
	//
	// Args are sys.argv (Args[0] is the script name).
	Args []string
	// TopLevelAwait lets the module body use await (the default for .asy files).
	TopLevelAwait bool
	// Trace prints the event loop's events to stderr.
	Trace bool
	// Debug runs asyncio.run in debug mode (slow callbacks are reported).
	Debug bool
	// HandleSignals turns Ctrl-C (SIGINT) into KeyboardInterrupt, or into
	// cancelling the main task of asyncio.run, as CPython does.
	HandleSignals bool
	// Observers watch the run for a front end's tools: a *timeline.Recorder
	// (github.com/asylang/asy/timeline) sees the events of every event
	// loop, a *prof.Profiler (github.com/asylang/asy/prof) every script
	// call; so does any value with their Event or frame methods. New
	// fails for a value that observes nothing.
	Observers []any
}

// RunFile runs the script at path as __main__ and returns the process exit
// status Python would have: 0, 1 after an uncaught exception (its traceback
// printed to stderr), or the code given to sys.exit. Files ending in .asy may
// use await at top level.
func RunFile(path string, opts Options) int {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return runDirectory(path, opts)
	}
	file, src, ok := OpenScript(path, &opts)
	if !ok {
		return 2
	}
	return RunSource(file, src, opts)
}

// OpenScript reads the script at path for RunFile or a front end: it
// returns the name the script knows itself by and its source, or prints
// CPython's can't-open message to stderr and returns ok false. A .asy file
// gets opts.TopLevelAwait.
func OpenScript(path string, opts *Options) (file string, src []byte, ok bool) {
	// Like CPython 3.9+, the main script's code knows itself by an absolute
	// path (the working directory joined to the path as given, not cleaned),
	// so tracebacks and warnings print what python3 prints.
	file = path
	if !filepath.IsAbs(path) {
		if cwd, err := os.Getwd(); err == nil {
			file = cwd + string(filepath.Separator) + path
		}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		reason := "[Errno 2] No such file or directory"
		if errors.Is(err, fs.ErrPermission) {
			reason = "[Errno 13] Permission denied"
		}
		fmt.Fprintf(stderrOf(*opts), "asy: can't open file '%s': %s\n", file, reason)
		return "", nil, false
	}
	if strings.HasSuffix(path, ".asy") {
		opts.TopLevelAwait = true
	}
	return file, src, true
}

// RunSource runs src as the __main__ module named file. Options apply as
// for New (Grants, Modules, MaxSteps, MaxDuration); a stopped run ends
// with RunAborted printed and status 1.
func RunSource(file string, src []byte, opts Options) int {
	in, err := newInterpreter(opts, filepath.Dir(file))
	if err != nil {
		fmt.Fprintf(stderrOf(opts), "asy: %v\n", err)
		return 2
	}
	return in.runProgram(src, func() (*vm.Module, error) { return in.it.MainModule(file), nil })
}

// normalized fills in defaults: stdin is empty unless given (the host's
// stdin is the asy command's to pass).
func (opts Options) normalized() Options {
	if opts.Stdin == nil {
		opts.Stdin = strings.NewReader("")
	}
	return opts
}

// sourceFiles is how the interpreter reads source files for imports (and
// namespace packages): from Options.Modules when set, else from the
// granted files (g), else nowhere. Modules holds the files of the main
// script's directory, root.
func sourceFiles(opts Options, g *runtime.Grants, root string) (readFile func(string) ([]byte, error), isDir func(string) bool) {
	fsys := opts.Modules
	switch {
	case fsys != nil:
	case g.Files.Host:
		return func(name string) ([]byte, error) { return hostReadFile(name) }, func(name string) bool {
			st, err := os.Stat(name)
			return err == nil && st.IsDir()
		}
	case g.Files.Root != nil:
		fsys, root = g.Files.Root.FS(), g.Files.Dir
	case g.Files.FS != nil:
		fsys, root = g.Files.FS, "/"
	default:
		return func(string) ([]byte, error) { return nil, fs.ErrNotExist }, func(string) bool { return false }
	}
	name := func(path string) string {
		if r, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(r, "..") {
			path = r
		}
		return fsName(path)
	}
	readFile = func(path string) ([]byte, error) { return fs.ReadFile(fsys, name(path)) }
	isDir = func(path string) bool {
		st, err := fs.Stat(fsys, name(path))
		return err == nil && st.IsDir()
	}
	return readFile, isDir
}

func stderrOf(opts Options) io.Writer {
	if opts.Stderr != nil {
		return opts.Stderr
	}
	return os.Stderr
}

// hostReadFile reads source files from the host (imports outside hermetic mode).
var hostReadFile = os.ReadFile

// newInterp makes the interpreter for opts (normalized) whose main script
// is in directory root, and the observer of its loops (nil: none). It
// fails when a granted directory cannot be opened.
func newInterp(opts Options, root string) (it *vm.Interp, observer runtime.Observer, err error) {
	g, err := opts.Grants.grants()
	if err != nil {
		return nil, nil, err
	}
	mods, err := moduleLoaders(opts)
	if err != nil {
		return nil, nil, err
	}
	readFile, isDir := sourceFiles(opts, g, root)
	it = vm.New(vm.Config{
		Stdout:    opts.Stdout,
		Stderr:    opts.Stderr,
		Stdin:     opts.Stdin,
		Argv:      opts.Args,
		Modules:   mods,
		Path:      pythonPath(opts, g),
		ReadFile:  readFile,
		IsDir:     isDir,
		MaxSteps:  opts.MaxSteps,
		MaxMemory: opts.MaxMemory,
	})
	runtime.SetGrants(it, g)
	switch {
	case opts.VirtualClock:
		runtime.SetClock(it, runtime.NewVirtualClock())
	case !g.RealClock:
		runtime.SetClock(it, runtime.NewUndatedClock())
	}
	for name, db := range opts.Databases {
		stdlib.HandDatabase(it, name, db)
	}
	if opts.Debug {
		stdlib.SetDebug(it)
	}
	var obs observers
	if opts.Trace {
		obs = append(obs, &traceObserver{it: it})
	}
	for _, o := range opts.Observers {
		switch o := o.(type) {
		case runtime.Observer:
			obs = append(obs, o)
		case vm.FrameProfiler:
			it.SetProfiler(o)
		default:
			return nil, nil, fmt.Errorf("asy: Options.Observers: a %T observes nothing", o)
		}
	}
	switch len(obs) {
	case 0:
		return it, nil, nil
	case 1:
		observer = obs[0]
	default:
		observer = obs
	}
	// Every loop asyncio.run makes; an interactive session's too.
	stdlib.SetObserver(it, observer)
	return it, observer, nil
}

// observers hands each event to several observers.
type observers []runtime.Observer

func (os observers) Event(e runtime.Event) {
	for _, o := range os {
		o.Event(e)
	}
}

// traceObserver prints loop events to stderr, one line each.
type traceObserver struct{ it *vm.Interp }

func (o *traceObserver) Event(e runtime.Event) {
	var b strings.Builder
	fmt.Fprintf(&b, "[%10.6f] %-15s", e.Time, e.Kind)
	if e.Task != nil {
		fmt.Fprintf(&b, " %s", e.Task.Name())
		if c := e.Task.Coro(); c != nil {
			fmt.Fprintf(&b, " (%s)", e.Task.CoroName())
			if e.Kind == runtime.EvTaskSuspended {
				// The innermost frame of script code, not asyncio's library.
				for f := c.InnermostFrame(); f != nil; f = f.Back() {
					if !strings.HasPrefix(f.Code().Filename, "<") {
						fmt.Fprintf(&b, " at line %d", f.Line())
						break
					}
				}
			}
		}
	}
	if e.Kind == runtime.EvTimer {
		fmt.Fprintf(&b, " due %.6f", e.When)
	}
	if e.Detail != "" {
		fmt.Fprintf(&b, " %s", e.Detail)
	}
	b.WriteString("\n")
	o.it.WriteStderr(b.String())
}

// trackedCoroutine is what the never-awaited warning needs of a script
// coroutine or a native one (asyncio.sleep()).
type trackedCoroutine interface {
	Awaited() bool
	QualName() string
	Origin() *vm.Origin
}

// coroutineTracker lists the coroutines made and maybe not yet awaited, in
// creation order. Most are awaited as soon as they are made, and the list
// forgets them as it goes, so that it holds the unawaited and not every
// sleep ever made.
type coroutineTracker[T interface{ Awaited() bool }] struct {
	made runtime.ChunkList[T]
	// limit is the length at which the list drops its awaited entries.
	limit int
	// replaced counts the entries overwritten since the last compaction.
	replaced int
}

func (c *coroutineTracker[T]) add(v T) {
	// `await asyncio.sleep(1)`: when the newest entry has been awaited, v
	// takes its place.
	if p := c.made.Last(); p != nil && (*p).Awaited() {
		*p = v
		// A long list whose coroutines have since been awaited (a gather
		// of a hundred thousand, now running and making sleeps that only
		// replace each other) would otherwise keep its length until the
		// next push past the limit: replacements worth a quarter of the
		// list pay for a pass over it.
		if c.replaced++; c.made.Len() > 1024 && c.replaced*4 >= c.made.Len() {
			c.compact()
		}
		return
	}
	c.made.Push(v)
	if c.made.Len() >= max(c.limit, 4096) {
		c.compact()
	}
}

// compact forgets the awaited entries; the limit follows the length, so
// that compactions stay amortised.
func (c *coroutineTracker[T]) compact() {
	c.made.Keep(func(v T) bool { return !v.Awaited() })
	c.limit, c.replaced = c.made.Len()*2, 0
}

// trackCoroutines records where each coroutine is created; the returned
// function prints CPython's never-awaited warning for those nobody ran.
func trackCoroutines(it *vm.Interp) func() {
	var tracker coroutineTracker[trackedCoroutine]
	// Coroutines made at one line share one Origin (a pointer per
	// coroutine rather than a string and a line); the table stops growing
	// at a bound, past which origins are simply not shared.
	origins := map[vm.Origin]*vm.Origin{}
	originAt := func(file string, line int) *vm.Origin {
		key := vm.Origin{File: file, Line: line}
		if o := origins[key]; o != nil {
			return o
		}
		o := new(vm.Origin) // not &key: that would allocate on every call
		*o = key
		if len(origins) < 1<<14 {
			origins[key] = o
		}
		return o
	}
	origin := func(t *vm.Thread) *vm.Origin {
		// Without a script frame (created by Go code), CPython says "sys:1".
		if f := t.Frame(); f != nil {
			return originAt(f.Code().Filename, f.Line())
		}
		return originAt("sys", 1)
	}
	it.Hooks.OnCoroutine = func(t *vm.Thread, g *vm.Generator) {
		g.SetOrigin(origin(t))
		tracker.add(g)
	}
	it.Hooks.OnNativeCoroutine = func(t *vm.Thread, c vm.NativeCoroutine) {
		c.SetOrigin(origin(t))
		tracker.add(c)
	}
	it.Hooks.OnCoroutineReleased = func(t *vm.Thread, g *vm.Generator) {
		if f := t.Frame(); f != nil {
			g.SetOrigin(originAt(f.Code().Filename, f.Line()))
		}
	}
	return func() {
		for _, c := range tracker.made.All() {
			if c.Awaited() {
				continue
			}
			if g, ok := c.(*vm.Generator); ok && g.Finished() {
				continue
			}
			file, line := "sys", 1
			if o := c.Origin(); o != nil {
				file, line = o.File, o.Line
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", file, line, c.QualName())
			if src := it.SourceLine(file, line); src != "" {
				fmt.Fprintf(&b, "  %s\n", src)
			}
			b.WriteString("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n")
			it.WriteStderr(b.String())
		}
	}
}

// reportError prints an uncaught exception as CPython does and returns the
// exit status. Under -i (inspect), SystemExit too prints its traceback.
func reportError(it *vm.Interp, err error, inspect bool) int {
	exc := vm.AsException(err)
	t := it.MainThread()
	if vm.IsInstanceOf(exc, vm.SystemExit) && !inspect {
		return systemExitCode(it, exc)
	}
	if se := exc.SyntaxInfo(); se != nil && len(exc.Traceback()) == 0 {
		it.WriteStderr(formatSyntaxError(se))
		return 1
	}
	it.WriteStderr(t.FormatException(exc))
	if vm.IsInstanceOf(exc, vm.KeyboardInterrupt) {
		return 130
	}
	return 1
}

// systemExitCode interprets SystemExit's argument: None → 0, an int → itself,
// anything else is printed to stderr and gives 1.
func systemExitCode(it *vm.Interp, exc *vm.Instance) int {
	args := exc.ExcArgs()
	if len(args) == 0 || args[0].IsNone() {
		return 0
	}
	if args[0].Kind() == vm.KInt || args[0].Kind() == vm.KBool {
		return int(args[0].AsInt()) & 0xff
	}
	s, err := it.MainThread().StrOf(args[0])
	if err != nil {
		s = "<exit code>"
	}
	it.WriteStderr(s + "\n")
	return 1
}
