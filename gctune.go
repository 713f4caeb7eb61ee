package asy

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// TuneGC sets the Go garbage collector up for an interpreter's heap, for
// programs (like the asy command) whose process is mostly the interpreter.
//
// Why: a script allocates many short-lived objects (frames of coroutines,
// instances, strings) while its live heap is often only a few megabytes. With
// Go's default GOGC=100 the collector then runs every few megabytes of
// allocation, and profiles of object- and coroutine-heavy scripts showed 30–40 %
// of the time in GC work and write barriers. TuneGC keeps GOGC=100's
// proportional rule for big heaps but never lets the heap goal fall below
// minHeap: after each collection it reads the live heap and sets the GC
// percentage so that the next goal is max(2×live, minHeap) (gcPercentFor).
// The extra memory is bounded by minHeap.
//
// An explicit GOGC or GOMEMLIMIT in the environment wins: TuneGC then does
// nothing. Embedders that share the process with other work should decide
// themselves whether to call it.
func TuneGC(minHeap uint64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	tuneOnce.Do(func() {
		tuner := &gcTuner{minHeap: minHeap, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}}
		// Before the first collection Go's goal is 4 MB × GOGC/100.
		tuner.percent = min(max(int(minHeap*100/(4<<20)), 100), 2000)
		debug.SetGCPercent(tuner.percent)
		tuner.arm()
	})
}

var tuneOnce sync.Once

// gcTuner re-tunes after every collection: a finalizer on a fresh sentinel
// object runs once per GC cycle.
type gcTuner struct {
	minHeap uint64
	percent int
	sample  []metrics.Sample
}

type gcSentinel struct{ _ [16]byte }

func (g *gcTuner) arm() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		metrics.Read(g.sample)
		live, goal := sampleUint(g.sample[0]), sampleUint(g.sample[1])
		p := gcPercentFor(live, goal, g.percent, g.minHeap)
		if os.Getenv("ASY_GCDEBUG") != "" {
			println("gc live", live, "goal", goal, "percent", g.percent, "->", p)
		}
		if p != g.percent {
			g.percent = p
			debug.SetGCPercent(p)
		}
		g.arm()
	})
}

func sampleUint(s metrics.Sample) uint64 {
	if s.Value.Kind() == metrics.KindUint64 {
		return s.Value.Uint64()
	}
	return 0
}

// gcPercentFor returns the GC percentage giving a heap goal of
// max(2×live, minHeap), given that percent gave goal for this live heap.
// Go's goal is live + base×percent/100 where base is the live heap plus
// the stacks and globals the collector scans, so base is measured from the
// goal rather than assumed to be the live heap (that assumption made a
// 1.5 MB heap's goal 80 MB instead of 48: a big heap touches fresh memory
// and page faults where a small one reuses cache-warm spans). The result is
// capped so that a nearly empty heap does not get an absurd percentage.
func gcPercentFor(live, goal uint64, percent int, minHeap uint64) int {
	const floor, ceiling = 100, 2000
	base := live
	if goal > live && percent > 0 {
		base = max(live, (goal-live)*100/uint64(percent))
	}
	if base == 0 || live*2 >= minHeap {
		return floor
	}
	p := int((minHeap - live) * 100 / base)
	return min(max(p, floor), ceiling)
}
