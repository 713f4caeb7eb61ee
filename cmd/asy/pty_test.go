//go:build linux || darwin

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// terminal drives asy through a real pseudo-terminal, as a user would.
type terminal struct {
	t    *testing.T
	f    *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	seen int // output consumed by expect
}

func (term *terminal) read() {
	buf := make([]byte, 4096)
	for {
		n, err := term.f.Read(buf)
		term.mu.Lock()
		term.out.Write(buf[:n])
		term.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// expect waits until want appears in the output after what was already
// matched, and returns the text up to and including it.
func (term *terminal) expect(want string) string {
	term.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		s := term.out.String()[term.seen:]
		term.mu.Unlock()
		if i := strings.Index(s, want); i >= 0 {
			term.seen += i + len(want)
			return s[:i+len(want)]
		}
		time.Sleep(10 * time.Millisecond)
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	term.t.Fatalf("waiting for %q; the terminal shows:\n%s", want, term.out.String()[term.seen:])
	return ""
}

func (term *terminal) send(s string) {
	term.t.Helper()
	if _, err := term.f.Write([]byte(s)); err != nil {
		term.t.Fatal(err)
	}
}

func TestREPLOnTerminal(t *testing.T) {
	home := t.TempDir()
	cmd := exec.Command(asyBin)
	cmd.Env = append(os.Environ(), "HOME="+home, "TERM=xterm")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer f.Close()
	term := &terminal{t: t, f: f}
	go term.read()

	term.expect("asyncio REPL")
	term.expect(">>> ")
	term.send("21 * 2\r")
	term.expect("42")
	term.expect(">>> ")

	// A multi-line block: continuation prompts until an empty line.
	term.send("for i in range(3):\r")
	term.expect("... ")
	term.send("    print('row', i)\r")
	term.expect("... ")
	term.send("\r")
	term.expect("row 2")
	term.expect(">>> ")

	// Top-level await, and a task that keeps running between prompts.
	term.send("import asyncio\r")
	term.expect(">>> ")
	term.send("async def work():\r")
	term.expect("... ")
	term.send("    await asyncio.sleep(0.2)\r")
	term.expect("... ")
	term.send("    return 'worked'\r")
	term.expect("... ")
	term.send("\r")
	term.expect(">>> ")
	term.send("t = asyncio.create_task(work())\r")
	term.expect(">>> ")
	time.Sleep(300 * time.Millisecond) // the task finishes while the prompt waits
	term.send("t.done(), await t\r")
	term.expect("(True, 'worked')")
	term.expect(">>> ")

	// Ctrl-C cancels the statement being awaited; the session goes on.
	term.send("await asyncio.sleep(30)\r")
	time.Sleep(300 * time.Millisecond)
	start := time.Now()
	term.send("\x03")
	term.expect("KeyboardInterrupt")
	term.expect(">>> ")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Ctrl-C took %v to stop the await", d)
	}
	// Ctrl-C at the prompt drops the line being typed.
	term.send("this is not python")
	term.send("\x03")
	term.expect("KeyboardInterrupt")
	term.expect(">>> ")
	term.send("'after ctrl-c'\r")
	term.expect("'after ctrl-c'")
	term.expect(">>> ")

	// Tab completion of attributes.
	term.send("asyncio.gath\t")
	term.expect("asyncio.gather")
	term.send("\x15") // Ctrl-U clears the line
	term.send("exit()\r")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("asy exited with %v", err)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("asy did not exit after exit()")
	}
	hist, err := os.ReadFile(filepath.Join(home, ".asy_history"))
	if err != nil || !strings.Contains(string(hist), "21 * 2") {
		t.Errorf("history not kept in ~/.asy_history: %v %q", err, hist)
	}
}

// TestInspectOnTerminal: `asy -i FILE` on a terminal runs the file, then
// the session goes on in its globals without the banner.
func TestInspectOnTerminal(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "setup.py")
	if err := os.WriteFile(script, []byte("answer = 6 * 7\nprint('setup done')\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(asyBin, "-i", script)
	cmd.Env = append(os.Environ(), "HOME="+dir, "TERM=xterm")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer f.Close()
	term := &terminal{t: t, f: f}
	go term.read()
	if shown := term.expect(">>> "); !strings.Contains(shown, "setup done") || strings.Contains(shown, "asyncio REPL") {
		t.Errorf("before the first prompt: %q", shown)
	}
	term.send("answer + 1\r")
	term.expect("43")
	term.expect(">>> ")
	term.send("exit(3)\r")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
			t.Errorf("asy exited with %v, want status 3", err)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("asy did not exit after exit(3)")
	}
}
