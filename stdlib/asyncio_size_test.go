package stdlib

import (
	"testing"
	"unsafe"
)

// A task sleeping in asyncio.sleep keeps its sleep object: 80 bytes is a
// size class of Go's allocator (see runtime's TestTaskObjectSizes).
func TestSleepObjectSize(t *testing.T) {
	if n := unsafe.Sizeof(sleepCoro{}); n > 80 {
		t.Errorf("sleepCoro is %d bytes, more than 80", n)
	}
}
