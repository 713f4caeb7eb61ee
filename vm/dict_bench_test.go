package vm

import (
	"strconv"
	"testing"
)

// The dict's own costs, without the dispatch loop or the method-call path
// around them (compare with CPython's ns per operation in a loop).

// BenchmarkDictSetIntGrow: d[i] = i for 200k new int keys, growth included.
func BenchmarkDictSetIntGrow(b *testing.B) {
	t := New(Config{}).NewThread()
	const n = 200000
	b.ReportAllocs()
	for r := 0; r < b.N; r += n {
		d := NewDict()
		for i := 0; i < n; i++ {
			if err := d.Set(t, Int(int64(i)), Int(int64(i))); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDictSetStrSmall: build many small dicts of str keys (a record each).
func BenchmarkDictSetStrSmall(b *testing.B) {
	t := New(Config{}).NewThread()
	keys := []Value{Str("name"), Str("age"), Str("city"), Str("score"), Str("tags"), Str("id")}
	b.ReportAllocs()
	for r := 0; r < b.N; r += len(keys) {
		d := NewDict()
		for i, k := range keys {
			if err := d.Set(t, k, Int(int64(i))); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkDictGetStr(b *testing.B) {
	t := New(Config{}).NewThread()
	d := NewDict()
	keys := make([]Value, 1000)
	for i := range keys {
		keys[i] = Str("key" + strconv.Itoa(i))
		d.Set(t, keys[i], Int(int64(i)))
	}
	// Equal strings, distinct objects: as keys read from input are.
	probe := make([]Value, len(keys))
	for i := range probe {
		probe[i] = Str("key" + strconv.Itoa(i))
		t.Hash(probe[i])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok, _ := d.Get(t, probe[i%len(probe)]); !ok {
			b.Fatal("missing")
		}
	}
}

func BenchmarkDictGetInt(b *testing.B) {
	t := New(Config{}).NewThread()
	d := NewDict()
	for i := 0; i < 1000; i++ {
		d.Set(t, Int(int64(i*7)), Int(int64(i)))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok, _ := d.Get(t, Int(int64(i%1000*7))); !ok {
			b.Fatal("missing")
		}
	}
}

// BenchmarkDictItemsPair: one step of `for k, v in d.items()` (nextPair).
func BenchmarkDictItemsPair(b *testing.B) {
	t := New(Config{}).NewThread()
	d := NewDict()
	const n = 1 << 16
	for i := 0; i < n; i++ {
		d.Set(t, Int(int64(i)), Int(int64(i)))
	}
	var it Value
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i&(n-1) == 0 {
			it = Obj(&dictIter{d: d, kind: 2, size: d.Len()})
		}
		if _, _, ok, handled, err := nextPair(t, it); !ok || !handled || err != nil {
			b.Fatal(ok, handled, err)
		}
	}
}
