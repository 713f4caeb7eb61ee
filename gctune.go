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
		tuner := &gcTuner{minHeap: minHeap, sample: []metrics.Sample{
			{Name: "/gc/heap/live:bytes"}, {Name: "/gc/scan/globals:bytes"}, {Name: "/gc/scan/stack:bytes"}}}
		// Before the first collection Go's goal is 4 MB × (1 + GOGC/100).
		tuner.percent = gcPercentFor(4<<20, 0, minHeap)
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
		var n [3]uint64
		for i, s := range g.sample {
			if s.Value.Kind() == metrics.KindUint64 {
				n[i] = s.Value.Uint64()
			}
		}
		live, roots := n[0], n[1]+n[2]
		p := gcPercentFor(live, roots, g.minHeap)
		if os.Getenv("ASY_GCDEBUG") != "" {
			println("gc live", live, "roots", roots, p)
		}
		if p != g.percent {
			g.percent = p
			debug.SetGCPercent(p)
		}
		g.arm()
	})
}

// gcPercentFor returns the GC percentage giving a heap goal of
// max(2×live, minHeap). Go's goal is the larger of live +
// (live+roots)×percent/100, roots being the scannable globals and stacks,
// and a floor of 4 MB×percent/100; the percentage is the smaller of the two
// that reach minHeap. (A fixed cap of 2000 % used to put that floor at
// 80 MB: every byte over minHeap is a fresh page the kernel faults in, a
// fifth of the CPU time of an allocation-heavy script.)
func gcPercentFor(live, roots, minHeap uint64) int {
	const floor, goMinHeap = 100, 4 << 20
	if live*2 >= minHeap {
		return floor
	}
	p := int(minHeap * 100 / goMinHeap)
	if live > 0 {
		p = min(p, int((minHeap-live)*100/(live+roots)))
	}
	return max(p, floor)
}
