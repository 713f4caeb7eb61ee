package vm

import "testing"

// A big list grows by doubling (see growValues): building one item by item
// copies it about once, not four times, and leaves that much garbage.
func TestListGrowthDoubles(t *testing.T) {
	var items []Value
	copies := 0
	for i := 0; i < 100_000; i++ {
		before := cap(items)
		items = appendValue(items, Int(int64(i)))
		if cap(items) != before && before > 0 {
			copies += before
		}
	}
	if len(items) != 100_000 || items[99_999].AsInt() != 99_999 || items[0].AsInt() != 0 {
		t.Fatalf("lost items")
	}
	if copies > 2*100_000 {
		t.Errorf("building 100000 items copied %d", copies)
	}
	if c := cap(appendValue(nil, None)); c != 4 {
		t.Errorf("a first append makes room for %d items, want 4", c)
	}
}
