package asy_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asylang/asy"
	"github.com/google/go-cmp/cmp"
)

// The script serves events that only Go goroutines produce: it awaits a
// queue that on_event (called through CallSoon) fills.
const serveSrc = `
import asyncio

seen = []
queue = None
cancelled = []

def on_event(x):
    queue.put_nowait(x)

async def double(x):
    await asyncio.sleep(0.01)
    return x * 2

def fail(msg):
    raise ValueError(msg)

async def forever():
    try:
        await asyncio.Event().wait()
    except asyncio.CancelledError:
        cancelled.append(True)
        raise

def state():
    return {"seen": seen, "cancelled": len(cancelled)}

async def main():
    global queue
    queue = asyncio.Queue()
    ready()
    while (x := await queue.get()) is not None:
        seen.append(x)
    return len(seen)

asyncio.run(main())
`

func runServer(t *testing.T, opts asy.Options) (in *asy.Interpreter, stderr *bytes.Buffer, done <-chan error) {
	t.Helper()
	ready := make(chan struct{})
	var once sync.Once
	stderr = &bytes.Buffer{}
	opts.Stderr = stderr
	opts.Globals = map[string]any{"ready": func() { once.Do(func() { close(ready) }) }}
	in = mustNew(t, opts)
	stop := in.AcceptCalls()
	t.Cleanup(stop)
	errc := make(chan error, 1)
	go func() { errc <- in.Exec(context.Background(), "serve.asy", serveSrc) }()
	select {
	case <-ready:
	case err := <-errc:
		t.Fatalf("script ended early: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("script never got ready")
	}
	return in, stderr, errc
}

// Goroutines call into a running script: CallSoon feeds its queue (many
// goroutines at once, each one's calls in order), CallOnLoop runs functions
// and coroutines and returns their results or exceptions; once the script
// ends, no loop is left to call. Both clocks.
func TestCallIntoRunningLoop(t *testing.T) {
	for _, virtual := range []bool{false, true} {
		t.Run(map[bool]string{false: "real", true: "virtual"}[virtual], func(t *testing.T) {
			in, stderr, done := runServer(t, asy.Options{VirtualClock: virtual})
			ctx := context.Background()

			var wg sync.WaitGroup
			for g := range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range 5 {
						if err := in.CallSoon("on_event", g*100+i); err != nil {
							t.Error(err)
						}
					}
				}()
			}
			wg.Wait()

			r, err := in.CallOnLoop(ctx, "double", 21)
			if err != nil || r != int64(42) {
				t.Fatalf("double(21) = %v, %v", r, err)
			}
			_, err = in.CallOnLoop(ctx, "fail", "boom")
			var se *asy.Error
			if !errors.As(err, &se) || se.Type != "ValueError" || se.Message != "boom" {
				t.Fatalf("fail: %v", err)
			}
			if _, err := in.CallOnLoop(ctx, "nope"); !errors.As(err, &se) || se.Type != "NameError" {
				t.Fatalf("nope: %v", err)
			}
			// A failing CallSoon is reported as a failing callback is.
			if err := in.CallSoon("fail", "from CallSoon"); err != nil {
				t.Fatal(err)
			}

			st, err := in.CallOnLoop(ctx, "state")
			if err != nil {
				t.Fatal(err)
			}
			seen := st.(map[string]any)["seen"].([]any)
			if len(seen) != 20 {
				t.Fatalf("seen %v", seen)
			}
			last := map[int64]int64{}
			for _, v := range seen {
				n := v.(int64)
				if prev, ok := last[n/100]; ok && n <= prev {
					t.Fatalf("goroutine %d's calls out of order: %v", n/100, seen)
				}
				last[n/100] = n
			}

			if err := in.CallSoon("on_event", nil); err != nil {
				t.Fatal(err)
			}
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(stderr.String(), "Exception in callback fail() at serve.asy:") ||
				!strings.Contains(stderr.String(), "ValueError: from CallSoon") {
				t.Errorf("stderr: %s", stderr)
			}
			if err := in.CallSoon("on_event", 1); !errors.Is(err, asy.ErrNoLoop) {
				t.Errorf("after the run: %v", err)
			}
			if _, err := in.CallOnLoop(ctx, "state"); !errors.Is(err, asy.ErrNoLoop) {
				t.Errorf("after the run: %v", err)
			}
		})
	}
}

// Cancelling CallOnLoop's context cancels the task it started.
func TestCallOnLoopCancel(t *testing.T) {
	in, _, done := runServer(t, asy.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := in.CallOnLoop(ctx, "forever"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("forever: %v", err)
	}
	var st any
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		var err error
		if st, err = in.CallOnLoop(context.Background(), "state"); err != nil {
			t.Fatal(err)
		}
		if st.(map[string]any)["cancelled"] == int64(1) {
			break
		}
	}
	if d := cmp.Diff(map[string]any{"seen": []any{}, "cancelled": int64(1)}, st); d != "" {
		t.Errorf("state (-want +got):\n%s", d)
	}
	in.CallSoon("on_event", nil)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// Without AcceptCalls, a script waiting for Go to call in is a deadlock,
// reported rather than hanging.
func TestIdleLoopWithoutAcceptCalls(t *testing.T) {
	in := mustNew(t, asy.Options{VirtualClock: true, Globals: map[string]any{"ready": func() {}}})
	err := in.Exec(context.Background(), "serve.asy", serveSrc)
	var se *asy.Error
	if !errors.As(err, &se) || se.Type != "RuntimeError" || !strings.Contains(se.Message, "deadlock") {
		t.Fatalf("got %v, want a deadlock error", err)
	}
	if err := in.CallSoon("on_event", 1); !errors.Is(err, asy.ErrNoLoop) {
		t.Errorf("no loop: %v", err)
	}
}
