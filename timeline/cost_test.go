package timeline_test

import (
	"io"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/asylang/asy"
	"github.com/asylang/asy/timeline"
)

// A run that is all task switches: the worst case for recording (every
// step and suspension is an event, and the steps do almost nothing).
const switchy = `import asyncio

async def worker(lock, q):
    for i in range(20):
        await asyncio.sleep(0)
        async with lock:
            pass
        await q.put(i)
        await q.get()

async def main():
    lock, q = asyncio.Lock(), asyncio.Queue(1)
    await asyncio.gather(*[worker(lock, q) for _ in range(500)])

asyncio.run(main())
`

func runSwitchy(b testing.TB, rec *timeline.Recorder) {
	opts := asy.Options{Stdout: io.Discard, Stderr: io.Discard, VirtualClock: true}
	if rec != nil {
		opts.Observers = []any{rec}
	}
	if code := asy.RunSource("switchy.py", []byte(switchy), opts); code != 0 {
		b.Fatalf("status %d", code)
	}
}

func BenchmarkRunPlain(b *testing.B) {
	for i := 0; i < b.N; i++ {
		runSwitchy(b, nil)
	}
}

func BenchmarkRunRecorded(b *testing.B) {
	for i := 0; i < b.N; i++ {
		runSwitchy(b, timeline.NewRecorder(true))
	}
}

func BenchmarkRunRecordedAndWritten(b *testing.B) {
	for i := 0; i < b.N; i++ {
		rec := timeline.NewRecorder(true)
		runSwitchy(b, rec)
		timeline.WriteHTML(io.Discard, rec.Build(timeline.BuildOptions{}), "switchy")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Recording (and writing the page) costs less than the run itself: the
// CPU time of a recorded run is under 2× a plain one (min of 5 each).
// Timing on a shared machine: run with ASY_TIMELINE_COST=1.
func TestRecordingCost(t *testing.T) {
	if os.Getenv("ASY_TIMELINE_COST") == "" {
		t.Skip("set ASY_TIMELINE_COST=1 to measure")
	}
	best := func(f func()) time.Duration {
		m := time.Duration(1 << 62)
		for i := 0; i < 5; i++ {
			c := cpuTime()
			f()
			if d := cpuTime() - c; d < m {
				m = d
			}
		}
		return m
	}
	plain := best(func() { runSwitchy(t, nil) })
	recorded := best(func() {
		rec := timeline.NewRecorder(true)
		runSwitchy(t, rec)
		timeline.WriteHTML(io.Discard, rec.Build(timeline.BuildOptions{}), "switchy")
	})
	ratio := float64(recorded) / float64(plain)
	t.Logf("plain %v, recorded and written %v: %.2f×", plain, recorded, ratio)
	if ratio >= 2 {
		t.Errorf("recording costs %.2f× the run", ratio)
	}
}
