// Command asy runs asy scripts. It only wires the packages together.
package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"

	"github.com/asylang/asy"
	"github.com/asylang/asy/modules/archive"
	"github.com/asylang/asy/modules/asyncpg"
	"github.com/asylang/asy/modules/rebacktrack"
	"github.com/asylang/asy/modules/sqlite"
	asyssl "github.com/asylang/asy/modules/ssl"
	"github.com/asylang/asy/modules/tzdata"
	"github.com/asylang/asy/modules/unicodedata"
	"github.com/asylang/asy/repl"
)

const version = "asy 0.1.0 (Python 3.11 compatible)"

const usage = `usage: asy [option] ... [-c cmd | file | -] [arg] ...
Without a file, asy starts the interactive session (an asyncio REPL) when
stdin is a terminal; otherwise it reads stdin whole and runs it as a script.
Options:
  -c cmd   program passed in as string (terminates option list)
  -m mod   run library module as a script (terminates option list)
  -i       inspect interactively after running the script or -c command;
           forces a session even when stdin is not a terminal (the banner
           and prompts then go to stderr)
  -q       don't print the banner when the session starts
  -h       print this help message and exit (also --help)
  -V       print the version and exit (also --version)
  --clock=virtual  run on a virtual clock: sleeps take no time, runs are deterministic
  --trace  print the event loop's events (tasks, timers) to stderr
  --debug  run asyncio in debug mode: report callbacks and task steps slower than 100 ms
  --timeline FILE.html  write a picture of what the tasks did (see README, "Seeing a run")
  --profile  print each script function's calls and times (as python -m cProfile)
  --profile=FILE.pprof  write them as a pprof profile instead (go tool pprof)
  --dump-tasks[=S]  print the tasks and what each awaits (a tree) to stderr at
           loop time S (default 1) without stopping; Ctrl-\ (SIGQUIT) does it any time
Arguments:
  file     program read from a script file (.py, or .asy: top-level await allowed)
  -        program read from stdin (the default when stdin is not a terminal)
  arg ...  arguments passed to the program in sys.argv[1:]
`

func main() {
	// The process is the interpreter: a heap goal of at least 24 MB (see
	// asy.TuneGC). Measured on the object, coroutine and generator benchmarks,
	// 16–32 MB run fastest; 48 MB was 10–17 % slower (fresh pages and cache
	// misses instead of reused spans).
	asy.TuneGC(24 << 20)
	// A closed stdout (asy script | head -1) makes writes fail with EPIPE,
	// which print raises as BrokenPipeError, as CPython (which ignores
	// SIGPIPE) does, instead of the Go runtime killing the process.
	signal.Ignore(syscall.SIGPIPE)
	// ASY_CPUPROFILE=file writes a CPU profile of the run (for go tool pprof).
	if path := os.Getenv("ASY_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			pprof.StartCPUProfile(f)
			code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	// ASY_MEMPROFILE=file writes a heap profile (peak retained allocations).
	if path := os.Getenv("ASY_MEMPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
	}
	os.Exit(code)
}

// run is the whole command: args exclude the program name; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// The command grants scripts the whole host, as python3 has it.
	opts := asy.Options{Stdout: stdout, Stderr: stderr, Stdin: stdin, HandleSignals: true,
		Grants: asy.AllCapabilities(), Extensions: []asy.Extension{sqlite.Extension, asyncpg.Extension, archive.Extension, rebacktrack.Extension, unicodedata.Extension, tzdata.Extension, asyssl.Extension}}
	cfg := repl.Config{Version: version}
	interactive := false
	// What runs: a file, a -c command, stdin ("-"), or by default a session
	// on a terminal and stdin as a script otherwise.
	var command, file, module, timelinePath string
	dumpAt := -1.0
	profilePath, profiling := "", false
	haveCommand, fromStdin := false, false
options:
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-h" || a == "--help":
			io.WriteString(stdout, usage)
			return 0
		case a == "--version" || a == "-V":
			fmt.Fprintln(stdout, version)
			return 0
		case a == "-c":
			if i+1 >= len(args) {
				fmt.Fprintln(stderr, "Argument expected for the -c option")
				io.WriteString(stderr, usage)
				return 2
			}
			command, haveCommand = args[i+1], true
			opts.Args = append([]string{"-c"}, args[i+2:]...)
			break options
		case a == "-m":
			// As python3 -m: the module runs as __main__; the rest are its arguments.
			if i+1 >= len(args) {
				fmt.Fprintln(stderr, "Argument expected for the -m option")
				io.WriteString(stderr, usage)
				return 2
			}
			module = args[i+1]
			opts.Args = append([]string{"-m"}, args[i+2:]...)
			break options
		case a == "-i":
			interactive = true
		case a == "-q":
			cfg.Quiet = true
		case a == "--clock=virtual":
			opts.VirtualClock = true
		case a == "--clock=real":
			opts.VirtualClock = false
		case a == "--trace":
			opts.Trace = true
		case a == "--debug":
			opts.Debug = true
		case a == "--dump-tasks" || strings.HasPrefix(a, "--dump-tasks="):
			dumpAt = 1
			if v, ok := strings.CutPrefix(a, "--dump-tasks="); ok {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil || f < 0 {
					fmt.Fprintf(stderr, "asy: --dump-tasks wants seconds, not %q\n", v)
					return 2
				}
				dumpAt = f
			}
		case a == "--profile" || strings.HasPrefix(a, "--profile="):
			profilePath, profiling = strings.TrimPrefix(strings.TrimPrefix(a, "--profile"), "="), true
		case a == "--timeline" || strings.HasPrefix(a, "--timeline="):
			if v, ok := strings.CutPrefix(a, "--timeline="); ok {
				timelinePath = v
			} else if i+1 < len(args) {
				i++
				timelinePath = args[i]
			}
			if timelinePath == "" {
				fmt.Fprintln(stderr, "asy: --timeline needs a file name")
				return 2
			}
		case a == "-":
			fromStdin = true
			opts.Args = args[i:]
			break options
		case strings.HasPrefix(a, "-"):
			fmt.Fprintf(stderr, "asy: unknown option %s\n", a)
			io.WriteString(stderr, usage)
			return 2
		default:
			file = a
			opts.Args = args[i:]
			break options
		}
	}
	if timelinePath != "" {
		defer startTimeline(&opts, timelinePath, file)()
	}
	defer startDumper(&opts, dumpAt)()
	if profiling {
		defer startProfile(&opts, profilePath)()
	}
	switch {
	case haveCommand && interactive:
		cfg.Script = &repl.Script{File: "<string>", Src: []byte(command)}
		return repl.Main(opts, cfg)
	case haveCommand:
		return asy.RunSource("<string>", []byte(command), opts)
	case module != "":
		return asy.RunModule(module, opts)
	case file != "" && interactive:
		// As python3 -i, a file that cannot be read still leaves the session.
		sopts := opts
		if name, src, ok := asy.OpenScript(file, &sopts); ok {
			cfg.Script = &repl.Script{File: name, Src: src}
		}
		return repl.Main(opts, cfg)
	case file != "":
		return asy.RunFile(file, opts)
	}
	if len(opts.Args) == 0 {
		opts.Args = []string{""}
	}
	if interactive || (!fromStdin && repl.IsTerminal(stdin)) {
		return repl.Main(opts, cfg)
	}
	// A script on stdin is read whole and run as the module <stdin>.
	src, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintf(stderr, "asy: can't read stdin: %v\n", err)
		return 2
	}
	return asy.RunSource("<stdin>", src, opts)
}
