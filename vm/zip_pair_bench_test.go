package vm

import "testing"

// BenchmarkZipPairStep: one step of the pair path of zip(x, y) (nextPair),
// without the dispatch loop around it.
func BenchmarkZipPairStep(b *testing.B) {
	t := New(Config{}).NewThread()
	items := make([]Value, 1<<16)
	for i := range items {
		items[i] = Int(int64(i))
	}
	x, y := Obj(NewList(items)), Obj(NewList(items))
	var it Value
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i&(1<<16-1) == 0 {
			b.StopTimer()
			var err error
			if it, err = t.Call(Obj(ZipType), []Value{x, y}, []KV{{Name: "strict", Val: True}}); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		if _, _, ok, handled, err := nextPair(t, it); !ok || !handled || err != nil {
			b.Fatal(ok, handled, err)
		}
	}
}
