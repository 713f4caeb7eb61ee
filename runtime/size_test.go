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
