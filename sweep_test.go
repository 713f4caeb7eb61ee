package asy

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asylang/asy/stdlib"
)

// lastLineWriter keeps the output and remembers its last complete line, so
// that a Go panic escaping the interpreter can be pinned on the call that
// was made after it.
type lastLineWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	last string
}

func (w *lastLineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	b := bytes.TrimRight(w.buf.Bytes(), "\n")
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 || len(b) > 0 {
		w.last = string(b[i+1:])
	}
	return len(p), nil
}

func (w *lastLineWriter) lastLine() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.last
}

// tail is the end of the output, an unfinished line included.
func (w *lastLineWriter) tail() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := w.buf.Bytes()
	if len(b) > 300 {
		b = b[len(b)-300:]
	}
	return string(b)
}

// TestNoInternalErrors calls every callable reachable from builtins and from
// every stdlib module (enumerated from stdlib.Modules(), not a hand list),
// plus the methods of sample objects of the built-in types, with several
// argument shapes (testdata/sweep/call_everything.py). Each call must end
// in a value or a proper Python exception: a SystemError (how callBuiltin
// and callClass report a Go runtime error: a missing argument check) or a
// Go panic fails the test, naming the call.
func TestNoInternalErrors(t *testing.T) {
	if testing.Short() || os.Getenv("ASY_SWEEP") == "" {
		// Minutes of work (and over its 2-minute budget on a loaded
		// machine since itertools and decimal became native): run it with
		// ASY_SWEEP=1; the core/arg_errors_sweep golden runs always.
		t.Skip("set ASY_SWEEP=1 to call every builtin with junk arguments")
	}
	src, err := os.ReadFile("testdata/sweep/call_everything.py")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range stdlib.Modules() {
		names = append(names, name)
	}
	sort.Strings(names)
	var out lastLineWriter
	var errb bytes.Buffer
	in, err := New(Options{
		Stdout: &out, Stderr: &errb, VirtualClock: true,
		MaxDuration: 2 * time.Minute,
		Globals:     map[string]any{"MODULES": names},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	// A call that hangs in Go code (where MaxDuration cannot stop it) is
	// named with every goroutine's stack.
	watchdog := time.AfterFunc(4*time.Minute, func() {
		buf := make([]byte, 1<<20)
		n := runtime.Stack(buf, true)
		fmt.Fprintf(os.Stderr, "TestNoInternalErrors hung after %q\n%s", out.tail(), buf[:n])
		os.Exit(2)
	})
	defer watchdog.Stop()
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("Go panic after %q: %v", out.lastLine(), r)
			}
		}()
		err = in.Exec(context.Background(), "call_everything.py", string(src))
	}()
	if err != nil {
		t.Fatalf("the sweep stopped after %q: %v\n%s", out.lastLine(), err, errb.String())
	}
	var bad []string
	calls := 0
	sc := bufio.NewScanner(bytes.NewReader(out.buf.Bytes()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(line, "): ") {
			calls++
		}
		if _, res, ok := strings.Cut(line, "): "); ok && (strings.HasPrefix(res, "SystemError") || strings.Contains(res, "internal error")) {
			bad = append(bad, line)
		}
	}
	if out.lastLine() != "done" {
		t.Fatalf("the sweep did not finish: last line %q", out.lastLine())
	}
	if calls < 10000 {
		t.Fatalf("only %d calls made: the sweep lost its reach", calls)
	}
	if len(bad) > 0 {
		t.Errorf("%d calls of %d raised SystemError (a Go runtime error inside a builtin):\n%s",
			len(bad), calls, strings.Join(bad, "\n"))
	}
}
