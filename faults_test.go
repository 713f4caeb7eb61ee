package asy_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/asylang/asy"
)

// Fault injection: a Go function that panics — a runtime error or a plain
// panic, called from the main thread, a thread or a task — becomes a
// Python exception with a traceback (catchable by the script), and the
// interpreter keeps working afterwards.
func TestGoPanicsBecomeExceptions(t *testing.T) {
	var nilMap map[string]int
	in := mustNew(t, asy.Options{Grants: asy.Capabilities{Threads: -1}, Globals: map[string]any{
		"builtin_runtime": asy.NewBuiltin("builtin_runtime", func(ctx context.Context, a *asy.Args) (any, error) {
			nilMap["x"] = 1
			return nil, nil
		}),
		"builtin_plain": asy.NewBuiltin("builtin_plain", func(ctx context.Context, a *asy.Args) (any, error) {
			panic("boom")
		}),
		"func_panics": func(n int) int {
			return []int{}[n]
		},
	}})
	// Uncaught: the run ends with the exception and a traceback that
	// names the script line.
	for _, name := range []string{"builtin_runtime", "builtin_plain", "func_panics"} {
		err := in.Exec(context.Background(), "faults.py", "x = 1\n"+name+"(3)\n")
		var e *asy.Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: err = %v", name, err)
		}
		if !strings.Contains(e.Traceback, "File \"faults.py\", line 2, in <module>") || !strings.Contains(e.Message, "panic") {
			t.Errorf("%s: %s: %s\n%s", name, e.Type, e.Message, e.Traceback)
		}
	}
	// Caught, in the main thread, a thread and a task; then the interpreter
	// still runs code.
	err := in.Exec(context.Background(), "faults.py", `
import asyncio, threading
caught = []
def call(f):
    try:
        f(0)
    except Exception as e:
        caught.append(type(e).__name__)
for f in (builtin_runtime, builtin_plain, func_panics):
    call(f)
    th = threading.Thread(target=call, args=(f,))
    th.start()
    th.join()
async def main():
    call(builtin_plain)
asyncio.run(main())
total = sum(range(10))
`)
	if err != nil {
		t.Fatal(err)
	}
	caught, _ := in.Global("caught")
	if got, ok := caught.([]any); !ok || len(got) != 7 {
		t.Errorf("caught %v", caught)
	}
	if total, _ := in.Global("total"); total != int64(45) {
		t.Errorf("after the panics: total = %v", total)
	}
}
