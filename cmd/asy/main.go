// Command asy runs asy scripts. It only wires the packages together.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/asylang/asy"
	"github.com/asylang/asy/repl"
)

const version = "asy 0.1.0 (Python 3.11 compatible)"

const usage = `usage: asy [option] ... [-c cmd | file] [arg] ...
Options:
  -c cmd   program passed in as string
  -h       print this help message and exit (also --help)
  --version print the version and exit
  --clock=virtual  run on a virtual clock: sleeps take no time, runs are deterministic
  --trace  print the event loop's events (tasks, timers) to stderr
  --debug  run asyncio in debug mode: report callbacks and task steps slower than 100 ms
`

func main() {
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
	opts := asy.Options{Stdout: stdout, Stderr: stderr, Stdin: stdin, HandleSignals: true}
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
			opts.Args = append([]string{"-c"}, args[i+2:]...)
			return asy.RunSource("<string>", []byte(args[i+1]), opts)
		case a == "--clock=virtual":
			opts.VirtualClock = true
		case a == "--clock=real":
			opts.VirtualClock = false
		case a == "--trace":
			opts.Trace = true
		case a == "--debug":
			opts.Debug = true
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(stderr, "asy: unknown option %s\n", a)
			io.WriteString(stderr, usage)
			return 2
		default:
			opts.Args = args[i:]
			return asy.RunFile(a, opts)
		}
	}
	if len(opts.Args) == 0 {
		opts.Args = []string{""}
	}
	return repl.Main(opts, version)
}
