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
		{"Task", unsafe.Sizeof(Task{}), 80},
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
		a, b := &timerEntry{when: 1, seq: c.older}, &timerEntry{when: 1, seq: c.newer}
		if !before(a, b) || before(b, a) {
			t.Errorf("seq %#x should run before %#x", c.older, c.newer)
		}
	}
	if !before(&timerEntry{when: 1, seq: 9}, &timerEntry{when: 2, seq: 1}) {
		t.Errorf("the earlier deadline should run first whatever the seq")
	}
}

// The timer heap pops the earliest (deadline, seq) timer across its
// blocks, with pushes and pops mixed, and gives blocks back as it shrinks.
func TestTimerHeapOrder(t *testing.T) {
	var h timerHeap
	var model []*timerEntry
	var seq uint32 = 0xffffff00 // crosses the wrap on the way
	x := uint32(7)
	rnd := func(n uint32) uint32 { x = x*1664525 + 1013904223; return (x >> 8) % n }
	pop := func() {
		m := 0
		for i, e := range model {
			if before(e, model[m]) {
				m = i
			}
		}
		if e := h.pop(); e != model[m] {
			t.Fatalf("popped %v, want %v", *e, *model[m])
		}
		model = append(model[:m], model[m+1:]...)
	}
	for round := 0; round < 6; round++ {
		for i := 0; i < 3000+round*500; i++ {
			seq++
			e := &timerEntry{when: float64(rnd(50)), seq: seq}
			h.push(e)
			model = append(model, e)
			if rnd(4) == 0 {
				pop()
			}
		}
		for h.len() > 2000 {
			pop()
		}
	}
	for h.len() > 0 {
		pop()
	}
	if len(h.blocks) > 1 {
		t.Errorf("an empty heap keeps %d blocks", len(h.blocks))
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
