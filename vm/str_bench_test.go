package vm

import (
	"strings"
	"testing"
)

// Benchmarks of the str positional paths and of unpacking: each op is one
// s[i] / slice / unpack, and the allocation counts are the point (-benchmem):
// s[i] on ASCII text and on Latin-1 text, and unpacking a list or tuple,
// allocate nothing.

func benchThread() *Thread { return New(Config{}).MainThread() }

var (
	benchASCII = strings.Repeat("the quick brown fox 0123456789 ", 4000)
	benchWide  = strings.Repeat("thé qüick bröwn föx 0123456789 ", 4000)
)

func benchIndex(b *testing.B, text string) {
	t := benchThread()
	s := Obj(NewStr(text))
	n := int64(NewStr(text).Len())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := t.GetItem(s, Int(int64(i)%n)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStrIndexASCII(b *testing.B)  { benchIndex(b, benchASCII) }
func BenchmarkStrIndexLatin1(b *testing.B) { benchIndex(b, benchWide) }

// BenchmarkStrSliceWide slices 8 code points at positions across a long
// non-ASCII str (one allocation: the new str).
func BenchmarkStrSliceWide(b *testing.B) {
	t := benchThread()
	so := NewStr(benchWide)
	s := Obj(so)
	n := int64(so.Len()) - 8
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lo := int64(i*7919) % n
		if _, err := t.GetItem(s, Obj(&SliceObj{start: Int(lo), stop: Int(lo + 8), step: None})); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStrFindWide is s.find(c, start) walking a long non-ASCII str.
func BenchmarkStrFindWide(b *testing.B) {
	t := benchThread()
	so := NewStr(benchWide)
	find, _ := StrType.Lookup("find")
	fn := find.o.(*Builtin).Fn
	args := []Value{Obj(so), Str("ö"), Int(0)}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := fn(t, args, nil)
		if err != nil {
			b.Fatal(err)
		}
		if r.AsInt() < 0 {
			args[2] = Int(0)
		} else {
			args[2] = Int(r.AsInt() + 1)
		}
	}
}

func benchUnpack(b *testing.B, seq Value) {
	t := benchThread()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		items, err := t.unpackN(seq, 3, -1, 0)
		if err != nil || len(items) != 3 {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnpackList(b *testing.B) {
	benchUnpack(b, Obj(NewList([]Value{Int(1), Int(2), Int(3)})))
}

func BenchmarkUnpackTupleSubclass(b *testing.B) {
	t := benchThread()
	cls, err := NewClass(t, "P", []*Class{TupleType}, NewDict())
	if err != nil {
		b.Fatal(err)
	}
	inst, err := t.Call(Obj(cls), []Value{Obj(NewTuple([]Value{Int(1), Int(2), Int(3)}))}, nil)
	if err != nil {
		b.Fatal(err)
	}
	benchUnpack(b, inst)
}

// TestStrIndexAllocs pins the allocation counts the benchmarks show.
func TestStrIndexAllocs(t *testing.T) {
	th := benchThread()
	for _, tc := range []struct {
		text string
		max  float64
	}{{benchASCII, 0}, {benchWide, 0}, {"日本語のテキスト", 1}} {
		s := Obj(NewStr(tc.text))
		n := int64(NewStr(tc.text).Len())
		i := int64(0)
		got := testing.AllocsPerRun(1000, func() {
			th.GetItem(s, Int(i%n))
			i++
		})
		if got > tc.max {
			t.Errorf("s[i] on %.10q: %v allocs, want <= %v", tc.text, got, tc.max)
		}
	}
	l := Obj(NewList([]Value{Int(1), Int(2), Int(3)}))
	if got := testing.AllocsPerRun(1000, func() { th.unpackN(l, 3, -1, 0) }); got != 0 {
		t.Errorf("unpacking a list: %v allocs, want 0", got)
	}
}

// BenchmarkStrAppend is `s += "ab"` repeated: amortized constant time and
// bytes per append (the string grows in place), not a copy of s each time.
func BenchmarkStrAppend(b *testing.B) {
	s := NewStr("")
	y := NewStr("ab")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s = concatStr(s, y)
	}
	if s.Len() != 2*b.N {
		b.Fatal("wrong length")
	}
}
