package asy_test

import (
	"context"
	"os"
	goruntime "runtime"
	"runtime/pprof"
	"testing"

	"github.com/asylang/asy"
)

// BenchmarkSleepingTaskMemory reports the heap each task of
// bench/tasks_sleep_once.py holds while it sleeps: 100,000 coroutines
// gathered, each parked in asyncio.sleep. A probe task measures the live
// heap once every worker has started its sleep (the loop runs all ready
// tasks before it looks at the timers, so they are all suspended then).
// ASY_TASKHEAP_PROFILE=file writes the heap profile at that point.
func BenchmarkSleepingTaskMemory(b *testing.B) {
	const n = 100_000
	if os.Getenv("ASY_TASKHEAP_PROFILE") != "" {
		goruntime.MemProfileRate = 1 // exact sizes, not samples
	}
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
async def worker(i):
    await asyncio.sleep(0.5)
    return i
async def probe():
    await asyncio.sleep(0)
    during()
    profile()
async def main():
    before()
    p = asyncio.create_task(probe())
    results = await asyncio.gather(*(worker(i) for i in range(100000)))
    await p
    assert sum(results) == 4999950000
asyncio.run(main())
`)
		in.Close()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(during.HeapAlloc-before.HeapAlloc)/n, "B/task")
	}
}
