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
		{"Future", unsafe.Sizeof(Future{}), 64},
		{"Task", unsafe.Sizeof(Task{}), 112},
		{"TimerFuture", unsafe.Sizeof(TimerFuture{}), 88},
		{"Handle", unsafe.Sizeof(Handle{}), 32},
		{"readyItem", unsafe.Sizeof(readyItem{}), 24},
	} {
		if c.size > c.max {
			t.Errorf("%s is %d bytes, more than %d", c.name, c.size, c.max)
		}
	}
}
