package asy_test

import (
	"context"
	"os"
	goruntime "runtime"
	"runtime/pprof"
	"testing"

	"github.com/asylang/asy"
)

// BenchmarkSuspendedTaskMemory reports the heap each suspended task holds:
// the script parks n tasks on one Event, Go measures the live heap while
// they wait, then releases them.
func BenchmarkSuspendedTaskMemory(b *testing.B) {
	const n = 100_000
	for i := 0; i < b.N; i++ {
		var before, during goruntime.MemStats
		measure := func(into *goruntime.MemStats) func() {
			return func() {
				goruntime.GC()
				goruntime.ReadMemStats(into)
			}
		}
		profile := func() {
			if path := os.Getenv("ASY_TASKHEAP_PROFILE"); path != "" {
				if f, err := os.Create(path); err == nil {
					pprof.Lookup("heap").WriteTo(f, 0)
					f.Close()
				}
			}
		}
		in, err := asy.New(asy.Options{Globals: map[string]any{
			"before": measure(&before), "during": measure(&during), "profile": profile,
		}})
		if err != nil {
			b.Fatal(err)
		}
		err = in.Exec(context.Background(), "tasks.py", `
import asyncio
async def worker(ev, i):
    await ev.wait()
    return i
async def main():
    ev = asyncio.Event()
    before()
    tasks = [asyncio.create_task(worker(ev, i)) for i in range(100000)]
    await asyncio.sleep(0)
    during()
    profile()
    ev.set()
    await asyncio.gather(*tasks)
asyncio.run(main())
`)
		in.Close()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(during.HeapAlloc-before.HeapAlloc)/n, "B/task")
	}
}
