package vm

import (
	"io"
	"testing"
)

// chargeMemory refuses what would take the interpreter over its limit and
// accepts what fits; without a limit it accepts everything.
func TestChargeMemory(t *testing.T) {
	it := New(Config{Stdout: io.Discard, MaxMemory: 1 << 20})
	if err := it.chargeMemory(4096); err != nil {
		t.Fatalf("small charge: %v", err)
	}
	err := it.chargeMemory(2 << 20)
	if err == nil || !IsInstanceOf(err, MemoryError) {
		t.Fatalf("charge over the limit: got %v, want MemoryError", err)
	}
	free := New(Config{Stdout: io.Discard})
	if err := free.chargeMemory(1 << 40); err != nil {
		t.Fatalf("no limit: %v", err)
	}
}
