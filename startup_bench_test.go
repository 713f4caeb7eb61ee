package asy

import (
	"context"
	"io"
	"runtime"
	"testing"
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

// BenchmarkManyInterpreters keeps b.N interpreters alive (10,000 for
// -benchtime=10000x), each with a task asleep on its event loop, and
// reports the heap each one holds.
func BenchmarkManyInterpreters(b *testing.B) {
	ctx := context.Background()
	prog, err := Compile("main.py", []byte(`import asyncio

async def sleeper():
    await asyncio.sleep(3600)

async def start():
    global task
    task = asyncio.get_running_loop().create_task(sleeper())
    await asyncio.sleep(0)
`))
	if err != nil {
		b.Fatal(err)
	}
	_ = prog
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ins := make([]*Interpreter, b.N)
	b.ResetTimer()
	for i := range ins {
		in, err := New(Options{Stdout: io.Discard, Stderr: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		if err := in.Run(ctx, prog); err != nil {
			b.Fatal(err)
		}
		ins[i] = in
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(b.N), "bytes/interp")
	runtime.KeepAlive(ins)
	for _, in := range ins {
		in.Close()
	}
}
