package runtime

import "testing"

// ChunkList keeps its entries in order across blocks through pushes,
// replacements of the last entry and compactions, and drops emptied blocks.
func TestChunkList(t *testing.T) {
	var l ChunkList[int]
	var model []int
	for i := 0; i < 3000; i++ {
		if p := l.Last(); p != nil && i%7 == 0 {
			*p = -i
			model[len(model)-1] = -i
			continue
		}
		l.Push(i)
		model = append(model, i)
		if i%1000 == 999 {
			odd := func(v int) bool { return v%2 != 0 }
			l.Keep(odd)
			kept := model[:0]
			for _, v := range model {
				if odd(v) {
					kept = append(kept, v)
				}
			}
			model = kept
		}
	}
	if l.n != len(model) {
		t.Fatalf("len %d, want %d", l.n, len(model))
	}
	for i, v := range l.All() {
		if v != model[i] {
			t.Fatalf("entry %d is %d, want %d", i, v, model[i])
		}
	}
	l.Keep(func(int) bool { return false })
	if l.n != 0 || len(l.blocks) != 0 {
		t.Errorf("an emptied list keeps %d entries in %d blocks", l.n, len(l.blocks))
	}
}
