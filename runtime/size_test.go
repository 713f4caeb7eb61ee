package runtime

import (
	"testing"
	"unsafe"
)

// A suspended task keeps its Task, the future it waits on and the ready
// queue's entries; each of these sits on a size class of Go's allocator,
// and a field more moves it up a class (16 bytes more per task). This test
// says so when a change does that.
func TestTaskObjectSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		size, max uintptr
	}{
		{"Future", unsafe.Sizeof(Future{}), 56},
		{"Task", unsafe.Sizeof(Task{}), 96},
		{"TimerFuture", unsafe.Sizeof(TimerFuture{}), 72},
		{"Handle", unsafe.Sizeof(Handle{}), 24},
		{"readyItem", unsafe.Sizeof(readyItem{}), 24},
	} {
		if c.size > c.max {
			t.Errorf("%s is %d bytes, more than %d", c.name, c.size, c.max)
		}
	}
}

// Timers with one deadline run in creation order, also across the wrap of
// the 32-bit sequence number.
func TestTimerSeqWraps(t *testing.T) {
	for _, c := range []struct{ older, newer uint32 }{
		{1, 2}, {0xfffffffe, 0xffffffff}, {0xffffffff, 0}, {0xfffffff0, 5},
	} {
		h := timerHeap{{when: 1, seq: c.older}, {when: 1, seq: c.newer}}
		if !h.Less(0, 1) || h.Less(1, 0) {
			t.Errorf("seq %#x should run before %#x", c.older, c.newer)
		}
	}
	h := timerHeap{{when: 2, seq: 1}, {when: 1, seq: 9}}
	if !h.Less(1, 0) {
		t.Errorf("the earlier deadline should run first whatever the seq")
	}
}

// The ready queue is FIFO across its blocks, whatever the mix of pushes
// and pops, and a drained queue keeps at most two blocks.
func TestReadyRingFIFO(t *testing.T) {
	var r ring
	var model []int
	futs := make([]Future, 3000)
	next := 0
	for round := 0; round < 40; round++ {
		pushes, pops := (round*97)%700, (round*61)%650
		for i := 0; i < pushes && next < len(futs); i++ {
			r.push(readyItem{fut: &futs[next]})
			model = append(model, next)
			next++
		}
		for i := 0; i < pops && len(model) > 0; i++ {
			it := r.pop()
			if it.fut != &futs[model[0]] {
				t.Fatalf("round %d: popped the wrong item", round)
			}
			model = model[1:]
		}
		if r.len() != len(model) {
			t.Fatalf("round %d: len %d, want %d", round, r.len(), len(model))
		}
	}
	for len(model) > 0 {
		if it := r.pop(); it.fut != &futs[model[0]] {
			t.Fatal("draining popped the wrong item")
		}
		model = model[1:]
	}
	if r.head != r.tail || r.len() != 0 {
		t.Errorf("a drained queue should keep one block")
	}
}
