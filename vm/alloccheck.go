package vm

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
)

// Allocation size checks.
//
// Why: Go has no recoverable out-of-memory. A script that asks for a
// terabyte ('x'.ljust(10**12), bytes(10**12), [None]*2**30) would make the
// Go runtime abort the whole host process, where CPython raises MemoryError.
// So every allocation whose size a script controls asks CheckAlloc first, and
// loops that grow a container from an iterator ask GrowCheck when they grow.
//
// The limit is per object, not per process: a single object larger than
// allocLimit bytes (Go's bytes, not CPython's) is refused with MemoryError.
// The default is a sixteenth of the machine's memory, between 1 and 8 GiB
// (a growing container briefly holds its old and new storage).
// Where the interpreter is known, Thread.CheckAlloc and Thread.GrowCheck
// also charge a large allocation to its Config.MaxMemory before it is
// made, so one huge object cannot overshoot the budget ahead of the
// periodic check (memlimit.go).

var allocLimit atomic.Int64

func init() { allocLimit.Store(defaultAllocLimit()) }

// allocChargeMin keeps MaxMemory's charge off the path of small
// allocations (the periodic check sees those).
const allocChargeMin = 1 << 20

// SetAllocLimit sets the largest single allocation, in bytes, a script may
// request (0 or less restores the default). It returns the previous limit.
func SetAllocLimit(n int64) int64 {
	if n <= 0 {
		n = defaultAllocLimit()
	}
	return allocLimit.Swap(n)
}

// AllocLimit reports the current per-object limit in bytes.
func AllocLimit() int64 { return allocLimit.Load() }

// CheckAlloc reports MemoryError when n items of size bytes each would exceed
// the allocation limit (or overflow). n < 0 counts as 0.
func CheckAlloc(n, size int64) error {
	if n <= 0 || size <= 0 {
		return nil
	}
	lim := allocLimit.Load()
	if n > lim/size {
		return memoryError()
	}
	return nil
}

// CheckAlloc is the package-level CheckAlloc plus, for an interpreter with
// a MaxMemory, a charge of a large allocation against it.
func (t *Thread) CheckAlloc(n, size int64) error {
	if err := CheckAlloc(n, size); err != nil {
		return err
	}
	// A nil Thread (the package-level checks) charges nothing.
	if t != nil && t.interp.cfg.MaxMemory > 0 && n > 0 && size > 0 && n*size >= allocChargeMin {
		return t.interp.chargeMemory(int(n * size))
	}
	return nil
}

// GrowCheck is the package-level GrowCheck, charged as Thread.CheckAlloc
// (the package-level one is this with a nil Thread).
func (t *Thread) GrowCheck(length, capacity int, size int64) error {
	if length < capacity || length < growCheckMin {
		return nil
	}
	return t.CheckAlloc(int64(length)*2, size)
}

// CheckAlloc2 is CheckAlloc for a sum of two counts (a + b items of size),
// safe against overflow of the sum.
func CheckAlloc2(a, b, size int64) error {
	if a < 0 {
		a = 0
	}
	if b < 0 {
		b = 0
	}
	if a > (1<<62) || b > (1<<62) {
		return memoryError()
	}
	return CheckAlloc(a+b, size)
}

// GrowCheck is for loops that append: it costs a comparison until the slice
// is about to reallocate past growCheckMin items, then asks CheckAlloc for the
// doubled size.
func GrowCheck(length, capacity int, size int64) error {
	var noInterp *Thread
	return noInterp.GrowCheck(length, capacity, size)
}

const growCheckMin = 1 << 16

// Sizes, in Go bytes, of the items of containers, for CheckAlloc.
const (
	SizeValue = 24 // a Value (list and tuple items)
	SizeByte  = 1
)

func memoryError() error { return Errorf(MemoryError, "") }

// defaultAllocLimit: a sixteenth of physical memory, clamped to [1, 8] GiB.
// ASY_MAXALLOC (bytes) overrides it, for tests and small machines.
func defaultAllocLimit() int64 {
	const gib = 1 << 30
	if v, err := strconv.ParseInt(os.Getenv("ASY_MAXALLOC"), 10, 64); err == nil && v > 0 {
		return v
	}
	total := memTotal()
	if total <= 0 {
		return 2 * gib
	}
	lim := total / 16
	if lim < gib {
		lim = gib
	}
	if lim > 8*gib {
		lim = 8 * gib
	}
	return lim
}

// memTotal reads MemTotal from /proc/meminfo (Linux); 0 when unknown.
func memTotal() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			fields := strings.Fields(rest)
			if len(fields) == 0 {
				return 0
			}
			kb, err := strconv.ParseInt(fields[0], 10, 64)
			if err != nil {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}

// replaceSize checks the result of replacing count (all when < 0)
// occurrences of old by nw in s.
func replaceSize(s, old, nw string, count int) error {
	return replaceSizeN(len(s), len(old), len(nw), count, func() int { return strings.Count(s, old) })
}

// replaceSizeN is replaceSize given lengths; occurrences is only called
// when the result can be longer than the input.
func replaceSizeN(s, old, nw, count int, occurrences func() int) error {
	if nw <= old {
		return nil
	}
	n := int64(occurrences())
	if count >= 0 && int64(count) < n {
		n = int64(count)
	}
	return CheckAlloc2(int64(s), n*int64(nw-old), 1)
}
