package asy_test

import (
	"context"
	"os"
	goruntime "runtime"
	"runtime/pprof"
	"testing"

	"github.com/asylang/asy"
)

// The task-memory benchmarks run a script that parks 100,000 tasks and
// calls before() and during() (Go functions that collect and read the live
// heap) around the moment they are all suspended; profile() writes the
// heap profile then when ASY_TASKHEAP_PROFILE names a file. They report
// the live heap per suspended task.
const memTasks = 100_000

// BenchmarkSuspendedTaskMemory: the tasks wait on one Event.
func BenchmarkSuspendedTaskMemory(b *testing.B) {
	benchTaskMemory(b, `
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
}

// BenchmarkSleepingTaskMemory: bench/tasks_sleep_once.py's workload, the
// coroutines gathered and each parked in asyncio.sleep. A probe task
// measures once every worker has started its sleep (the loop runs all
// ready tasks before it looks at the timers, so they are all suspended).
func BenchmarkSleepingTaskMemory(b *testing.B) {
	benchTaskMemory(b, `
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
}

func benchTaskMemory(b *testing.B, script string) {
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
		err = in.Exec(context.Background(), "tasks.py", script)
		in.Close()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(during.HeapAlloc-before.HeapAlloc)/memTasks, "B/task")
	}
}
