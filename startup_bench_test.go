package asy

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"
)

// BenchmarkNewExec measures what an embedder pays for a fresh interpreter
// running a one-line script.
func BenchmarkNewExec(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	defer reportCPU(b, cpuClock())
	for i := 0; i < b.N; i++ {
		in, err := New(Options{Stdout: io.Discard, Stderr: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		if err := in.Exec(ctx, "main.py", "x = 1"); err != nil {
			b.Fatal(err)
		}
		in.Close()
	}
}

// BenchmarkNewAsyncioRun is a fresh interpreter importing asyncio and
// running a small coroutine.
func BenchmarkNewAsyncioRun(b *testing.B) {
	ctx := context.Background()
	prog, err := Compile("main.py", []byte(`import asyncio

async def main():
    await asyncio.sleep(0)
    return 42

x = asyncio.run(main())
`))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	defer reportCPU(b, cpuClock())
	for i := 0; i < b.N; i++ {
		in, err := New(Options{Stdout: io.Discard, Stderr: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		if err := in.Run(ctx, prog); err != nil {
			b.Fatal(err)
		}
		in.Close()
	}
}

// BenchmarkManyInterpreters keeps 10,000 interpreters alive at once, each
// running asyncio.run with a task asleep on its event loop, and reports the
// memory (live heap and goroutine stacks) each one holds.
func BenchmarkManyInterpreters(b *testing.B) {
	n := 10000
	if testing.Short() {
		n = 500
	}
	prog, err := Compile("main.py", []byte(`import asyncio

async def sleeper():
    await asyncio.sleep(3600)

async def main():
    task = asyncio.get_running_loop().create_task(sleeper())
    await asyncio.sleep(0)
    ready()
    await task

asyncio.run(main())
`))
	if err != nil {
		b.Fatal(err)
	}
	// What every interpreter shares (the stdlib's compiled code) is made
	// before measuring.
	warm, _ := New(Options{Stdout: io.Discard})
	if err := warm.Exec(context.Background(), "warm.py", "import asyncio"); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		// The last round's interpreters are let go (their stop timers fire).
		time.Sleep(2 * stopGrace)
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		ctx, cancel := context.WithCancel(context.Background())
		var started, done sync.WaitGroup
		started.Add(n)
		done.Add(n)
		errs := make(chan error, n)
		for j := 0; j < n; j++ {
			in, err := New(Options{Stdout: io.Discard, Stderr: io.Discard,
				Globals: map[string]any{"ready": func() { started.Done() }}})
			if err != nil {
				b.Fatal(err)
			}
			go func() {
				defer done.Done()
				errs <- in.Run(ctx, prog)
				in.Close()
			}()
		}
		started.Wait()
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		stack := int64(after.StackInuse) - int64(before.StackInuse)
		b.ReportMetric(float64(heap+stack)/float64(n), "bytes/interp")
		b.ReportMetric(float64(stack)/float64(n), "stack-bytes/interp")
		cancel()
		done.Wait()
		close(errs)
		for err := range errs {
			if !errors.Is(err, context.Canceled) {
				b.Fatalf("run ended with %v, want the context's cancellation", err)
			}
		}
		b.StartTimer()
	}
}
