package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/chzyer/readline"

	"github.com/asylang/asy"
)

// Banner is printed when a terminal session starts.
const Banner = "asy %s — asyncio REPL: `await` works at the prompt; exit() or Ctrl-D leaves.\n"

// Main runs a REPL: with line editing, history and completion when stdin
// is a terminal, else reading the stream as a session without prompts (so
// `printf 'x = 1\nx + 1\n' | asy` prints 2). It returns the exit status.
func Main(opts asy.Options, version string) int {
	stdin := os.Stdin
	if opts.Stdin != nil {
		if f, ok := opts.Stdin.(*os.File); ok {
			stdin = f
		} else {
			return RunStream(opts, opts.Stdin)
		}
	}
	if !readline.IsTerminal(int(stdin.Fd())) {
		return RunStream(opts, stdin)
	}
	return runTerminal(opts, version, stdin)
}

// start runs a session's loop on its own goroutine.
func start(opts asy.Options) (s *Session, wait func() int) {
	opts.Stdin = strings.NewReader("") // input() has no stdin of its own in a REPL
	s = NewSession(opts)
	started := make(chan struct{})
	done := make(chan int, 1)
	go func() { done <- s.Run(started) }()
	<-started
	// Ctrl-C while a statement runs interrupts it; the session goes on.
	sigs := make(chan os.Signal, 1)
	if opts.HandleSignals {
		signal.Notify(sigs, os.Interrupt)
		go func() {
			for range sigs {
				s.Interrupt()
			}
		}()
	}
	return s, func() int {
		code := <-done
		signal.Stop(sigs)
		return code
	}
}

// RunStream runs a prompt-less session over the lines of r.
func RunStream(opts asy.Options, r io.Reader) int {
	s, wait := start(opts)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	pending := false
	for sc.Scan() {
		switch s.Feed(strings.TrimRight(sc.Text(), "\r"), false) {
		case Exit:
			return wait()
		case More:
			pending = true
		default:
			pending = false
		}
	}
	if pending {
		// End of input finishes a block the way an empty line would.
		if s.Feed("", false) == Exit {
			return wait()
		}
	}
	s.Feed("", true)
	return wait()
}

func runTerminal(opts asy.Options, version string, stdin *os.File) int {
	out := opts.Stdout
	if out == nil {
		out = os.Stdout
	}
	errw := opts.Stderr
	if errw == nil {
		errw = os.Stderr
	}
	s, wait := start(opts)
	history := ""
	if home, err := os.UserHomeDir(); err == nil {
		history = filepath.Join(home, ".asy_history")
	}
	rl, err := readline.NewEx(&readline.Config{
		Prompt:            ">>> ",
		HistoryFile:       history,
		AutoComplete:      &completer{s: s},
		InterruptPrompt:   "^C",
		EOFPrompt:         "",
		Stdin:             stdin,
		Stdout:            out,
		Stderr:            errw,
		HistorySearchFold: true,
	})
	if err != nil {
		fmt.Fprintln(errw, "asy:", err)
		s.Feed("", true)
		return wait()
	}
	defer rl.Close()
	fmt.Fprintf(out, Banner, version)
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
			s.Feed("", true)
			break
		}
		switch s.Feed(line, false) {
		case Exit:
			return wait()
		case More:
			pending = true
		default:
			pending = false
		}
	}
	return wait()
}
