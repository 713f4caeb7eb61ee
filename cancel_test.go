package asy_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/asylang/asy"
)

// A run whose context times out ends with the context's error every time,
// even when a Go awaitable returns ctx.Err() first and the script never
// sees the stop (issue 12, item 5: the race once surfaced as RuntimeError).
func TestCancelIsExact(t *testing.T) {
	wait, err := asy.NewAsync(func(ctx context.Context) error {
		<-ctx.Done()
		return ctx.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	prog, err := asy.Compile("main.py", []byte(`
import asyncio
async def main():
    await wait()
asyncio.run(main())
`))
	if err != nil {
		t.Fatal(err)
	}
	n := 200
	if testing.Short() {
		n = 50
	}
	var in *asy.Interpreter
	for i := range n {
		if i%25 == 0 {
			// Mostly one interpreter (a stopped run leaves it usable), and
			// now and then a fresh one whose first run also imports asyncio.
			if in != nil {
				in.Close()
			}
			in = mustNew(t, asy.Options{Globals: map[string]any{"wait": wait.Named("wait")}})
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(i%4)*time.Millisecond)
		err = in.Run(ctx, prog)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("run %d ended with %v, want context.DeadlineExceeded", i, err)
		}
	}
}

// A Go awaitable that returns ctx.Err() because its task was cancelled is
// seen by the script as CancelledError, not as a Go error.
func TestGoAwaitableCancelledIsCancelledError(t *testing.T) {
	wait, _ := asy.NewAsync(func(ctx context.Context) error {
		<-ctx.Done()
		return ctx.Err()
	})
	var out strings.Builder
	in := mustNew(t, asy.Options{Stdout: &out, Globals: map[string]any{"wait": wait.Named("wait")}})
	for i := range 50 {
		out.Reset()
		err := in.Exec(context.Background(), "main.py", `
import asyncio
async def main():
    t = asyncio.ensure_future(wait())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")
    except BaseException as e:
        print("wrong", type(e).__name__, e)
asyncio.run(main())
`)
		if err != nil {
			t.Fatal(err)
		}
		if out.String() != "cancelled\n" {
			t.Fatalf("run %d printed %q", i, out.String())
		}
	}
}
