package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/chzyer/readline"

	"github.com/asylang/asy"
)

// Banner is printed when a session starts, after the version.
const Banner = "%s — asyncio REPL: `await` works at the prompt; exit() or Ctrl-D leaves.\n"

// Config says how the command starts a session.
type Config struct {
	Version string  // for the banner
	Script  *Script // run first, as python3 -i FILE does (no banner then)
	Quiet   bool    // no banner (-q)
}

// Main runs a REPL and returns the exit status: with line editing, history
// and completion when stdin is a terminal, else reading the stream as
// python3 -i does, with the banner and prompts on stderr (so
// `printf 'x = 1\nx + 1\n' | asy -i` prints 2 on stdout).
func Main(opts asy.Options, cfg Config) int {
	stdin := os.Stdin
	if opts.Stdin != nil {
		if f, ok := opts.Stdin.(*os.File); ok {
			stdin = f
		} else {
			return runStream(opts, opts.Stdin, cfg, true)
		}
	}
	if !IsTerminal(stdin) {
		return runStream(opts, stdin, cfg, true)
	}
	return runTerminal(opts, cfg, stdin)
}

// IsTerminal reports whether r is a terminal (where a session gets line
// editing, and where the command without a file starts one).
func IsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && readline.IsTerminal(int(f.Fd()))
}

// RunStream runs a session over the lines of r, without banner or prompts.
func RunStream(opts asy.Options, r io.Reader) int {
	return runStream(opts, r, Config{Quiet: true}, false)
}

// runStream feeds the lines of r to a session; with prompts, it writes the
// banner and the prompts to stderr, as python3 -i does over a pipe.
func runStream(opts asy.Options, r io.Reader, cfg Config, prompts bool) int {
	errw := opts.Stderr
	if errw == nil {
		errw = os.Stderr
	}
	prompt := func(string) {}
	if prompts {
		prompt = func(p string) { io.WriteString(errw, p) }
	}
	s := start(opts, cfg.Script)
	if prompts && cfg.Script == nil && !cfg.Quiet {
		fmt.Fprintf(errw, Banner, cfg.Version)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	pending := false
	for {
		if pending {
			prompt("... ")
		} else {
			prompt(">>> ")
		}
		if !sc.Scan() {
			prompt("\n")
			if !pending {
				break
			}
			// End of input finishes a block the way an empty line would.
			if s.Feed("") == asy.Exited {
				return s.End()
			}
			pending = false
			continue
		}
		switch s.Feed(strings.TrimRight(sc.Text(), "\r")) {
		case asy.Exited:
			return s.End()
		case asy.More:
			pending = true
		default:
			pending = false
		}
	}
	return s.End()
}

func runTerminal(opts asy.Options, cfg Config, stdin *os.File) int {
	out := opts.Stdout
	if out == nil {
		out = os.Stdout
	}
	errw := opts.Stderr
	if errw == nil {
		errw = os.Stderr
	}
	s := start(opts, cfg.Script)
	history := ""
	if home, err := os.UserHomeDir(); err == nil {
		history = filepath.Join(home, ".asy_history")
	}
	rl, err := readline.NewEx(&readline.Config{
		Prompt:            ">>> ",
		HistoryFile:       history,
		AutoComplete:      &completer{s: s.Interactive},
		InterruptPrompt:   "^C",
		EOFPrompt:         "",
		Stdin:             stdin,
		Stdout:            out,
		Stderr:            errw,
		HistorySearchFold: true,
	})
	if err != nil {
		fmt.Fprintln(errw, "asy:", err)
		return s.End()
	}
	defer rl.Close()
	if cfg.Script == nil && !cfg.Quiet {
		fmt.Fprintf(out, Banner, cfg.Version)
	}
	pending := false
	for {
		if pending {
			rl.SetPrompt("... ")
		} else {
			rl.SetPrompt(">>> ")
		}
		line, err := rl.Readline()
		if errors.Is(err, readline.ErrInterrupt) {
			// Ctrl-C at the prompt drops what was typed and the block in progress.
			if pending {
				s.Reset()
				pending = false
			}
			fmt.Fprintln(errw, "KeyboardInterrupt")
			continue
		}
		if err != nil { // io.EOF: Ctrl-D
			fmt.Fprintln(out)
			break
		}
		switch s.Feed(line) {
		case asy.Exited:
			return s.End()
		case asy.More:
			pending = true
		default:
			pending = false
		}
	}
	return s.End()
}
