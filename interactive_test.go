package asy_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asylang/asy"
	"github.com/asylang/asy/timeline"
)

// syncBuffer is a bytes.Buffer safe to read while the session's goroutine writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (w *syncBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

func startInteractive(t *testing.T, opts asy.Options, iopts asy.InteractiveOptions) (*asy.Interpreter, *asy.Interactive, *syncBuffer) {
	t.Helper()
	out := &syncBuffer{}
	opts.Stdout, opts.Stderr = out, out
	in, err := asy.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close() })
	return in, in.StartInteractive(iopts), out
}

// Exec returns the exception instead of printing it; the session goes on
// with its globals, and Go reads them after the session.
func TestInteractiveExec(t *testing.T) {
	in, s, out := startInteractive(t, asy.Options{VirtualClock: true}, asy.InteractiveOptions{})
	ctx := context.Background()
	if err := s.Exec(ctx, "import asyncio\nx = 6\nx * 7\nawait asyncio.sleep(1)\ny = _"); err != nil {
		t.Fatal(err)
	}
	err := s.Exec(ctx, "{}['k']")
	var e *asy.Error
	if !errors.As(err, &e) || e.Type != "KeyError" || !strings.Contains(e.Traceback, `File "<stdin>", line 1, in <module>`) {
		t.Fatalf("error %v (%#v)", err, e)
	}
	err = s.Exec(ctx, "if x:\n  pass\n else: pass")
	if !errors.As(err, &e) || e.Type != "IndentationError" {
		t.Fatalf("syntax error: %v", err)
	}
	if got := out.String(); got != "42\n" {
		t.Errorf("output %q, want the echo alone", got)
	}
	if code := s.End(); code != 0 {
		t.Errorf("status %d", code)
	}
	if err := s.Exec(ctx, "x"); err == nil || s.Feed("x") != asy.Exited {
		t.Errorf("the session goes on after End: %v", err)
	}
	if y, ok := in.Global("y"); !ok || y != int64(42) {
		t.Errorf("y = %v (%T)", y, y)
	}
	// The interpreter runs on after the session, its globals and event
	// loops working as before it.
	if err := in.Exec(ctx, "main.py", "loop = asyncio.get_event_loop()\nz = y + loop.run_until_complete(asyncio.sleep(0, 1))\n"); err != nil {
		t.Fatal(err)
	}
	if err := in.Exec(ctx, "main.asy", "await asyncio.sleep(1)\nassert asyncio.get_running_loop() is not loop\n"); err != nil {
		t.Fatal(err)
	}
	if z, _ := in.Global("z"); z != int64(43) {
		t.Errorf("z = %v", z)
	}
}

// Cancelling Exec's context interrupts the statement as Ctrl-C does —
// plain code and an awaited statement alike — and the session goes on.
func TestInteractiveExecCancel(t *testing.T) {
	_, s, _ := startInteractive(t, asy.Options{}, asy.InteractiveOptions{})
	for _, src := range []string{"while True: pass", "import asyncio\nawait asyncio.sleep(3600)"} {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		err := s.Exec(ctx, src)
		cancel()
		var e *asy.Error
		if !errors.As(err, &e) || e.Type != "KeyboardInterrupt" {
			t.Fatalf("%q: %v", src, err)
		}
	}
	if err := s.Exec(context.Background(), "z = 1"); err != nil {
		t.Fatal(err)
	}
	// A finished statement is not interrupted by its context's end.
	ctx, cancel := context.WithCancel(context.Background())
	if err := s.Exec(ctx, "n = 0"); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := s.Exec(context.Background(), "for i in range(200000): n += 1"); err != nil {
		t.Fatalf("a late cancel hit the next statement: %v", err)
	}
	if code := s.End(); code != 0 {
		t.Errorf("status %d", code)
	}
}

// Globals set from Go survive into the session; the script runs first
// (its failure is printed, the session goes on with its globals and without
// its __file__), and % lines go to the Command hook.
func TestInteractiveScriptAndCommand(t *testing.T) {
	var commands []string
	in, s, out := startInteractive(t, asy.Options{Globals: map[string]any{"base": 10}}, asy.InteractiveOptions{
		ScriptFile: "/tmp/setup.asy",
		Script:     []byte("import asyncio\nawait asyncio.sleep(0)\nv = base + 1\nraise ValueError('late')\n"),
		Command: func(line string, stdout, stderr io.Writer) {
			commands = append(commands, line)
			fmt.Fprintf(stdout, "ran %s\n", line)
		},
	})
	_ = in
	for _, line := range []string{"v", "'__file__' in globals()", "  %hello world", "x = [", "%notcommand]", "x"} {
		s.Feed(line)
	}
	s.End()
	want := "Traceback (most recent call last):\n" +
		"  File \"/tmp/setup.asy\", line 4, in <module>\n" +
		"    raise ValueError('late')\n" +
		"ValueError: late\n" +
		"11\nFalse\nran %hello world\n"
	got := out.String()
	if !strings.HasPrefix(got, want) || !slices.Equal(commands, []string{"%hello world"}) {
		t.Fatalf("output:\n%s\ncommands %q", got, commands)
	}
	// "%notcommand]" continued the list: a syntax error, not a command.
	if !strings.Contains(got[len(want):], "SyntaxError") {
		t.Errorf("output after the commands:\n%s", got[len(want):])
	}
}

// exit() in a task that the session's loop runs ends the session with
// its status; the statements' tasks left running are cancelled by End.
func TestInteractiveExitFromTask(t *testing.T) {
	_, s, out := startInteractive(t, asy.Options{VirtualClock: true}, asy.InteractiveOptions{})
	for _, line := range []string{
		"import asyncio, sys",
		"async def later():",
		"    await asyncio.sleep(5)",
		"    sys.exit(4)",
		"",
		"t = asyncio.create_task(later())",
	} {
		if s.Feed(line) == asy.Exited {
			t.Fatalf("ended at %q:\n%s", line, out)
		}
	}
	if got := s.Feed("await asyncio.sleep(10)"); got != asy.Exited {
		t.Errorf("outcome %v after exit in a task", got)
	}
	if code := s.End(); code != 4 {
		t.Errorf("status %d, want 4\n%s", code, out)
	}
}

// Complete lists names and attributes without running anything but dir().
func TestInteractiveComplete(t *testing.T) {
	_, s, _ := startInteractive(t, asy.Options{Globals: map[string]any{"config_path": "x"}}, asy.InteractiveOptions{})
	s.Exec(context.Background(), "import asyncio\nclass Box:\n    value = 1\n    _hidden = 2\n")
	cases := map[string][]string{
		"conf":        {"config_path"},
		"Box.":        {"value"},
		"Box._h":      {"_hidden"},
		"asyncio.gat": {"gather"},
		"nosuch.x":    nil,
		"whi":         {"while"},
	}
	for word, want := range cases {
		if got := s.Complete(word); !slices.Equal(got, want) {
			t.Errorf("Complete(%q) = %q, want %q", word, got, want)
		}
	}
	s.End()
}

// Options.Observers watch every loop — an interactive session's too — and
// New refuses a value that observes nothing.
func TestObservers(t *testing.T) {
	if _, err := asy.New(asy.Options{Observers: []any{42}}); err == nil || !strings.Contains(err.Error(), "int observes nothing") {
		t.Errorf("New with an int observer: %v", err)
	}
	rec := timeline.NewRecorder(true)
	_, s, out := startInteractive(t, asy.Options{VirtualClock: true, Observers: []any{rec}}, asy.InteractiveOptions{})
	for _, line := range []string{"import asyncio", "t = asyncio.create_task(asyncio.sleep(5), name='sleeper')", "await asyncio.sleep(1)"} {
		s.Feed(line)
	}
	var names []string
	for _, task := range rec.Pending() {
		names = append(names, task.Name())
	}
	if !slices.Equal(names, []string{"sleeper"}) {
		t.Errorf("pending tasks %q\n%s", names, out)
	}
	s.End()
	if p := rec.Pending(); len(p) != 0 || len(rec.Build(timeline.BuildOptions{}).Tasks) != 2 { // sleeper and the awaited statement
		t.Errorf("after End: %d pending, %d recorded", len(p), len(rec.Build(timeline.BuildOptions{}).Tasks))
	}
}
