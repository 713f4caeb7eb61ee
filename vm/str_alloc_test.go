package vm

import (
	"runtime"
	"strings"
	"testing"
)

// TestPointerFreeStrs: ASCII strs are allocated as pointer-free blocks
// (str_alloc.go), so the collector never scans them: their text must
// survive collections, and nothing may ever hang an ext (a pointer the
// collector would not see) on them.
func TestPointerFreeStrs(t *testing.T) {
	th := New(Config{}).NewThread()
	texts := []string{"ab", "kamilo", strings.Repeat("x", 16), strings.Repeat("y", 17),
		strings.Repeat("z", 33), strings.Repeat("w", 64), strings.Repeat("v", 65),
		strings.Repeat("0123456789", 1000)}
	var strs []*StrObj
	for _, s := range texts {
		strs = append(strs, NewStrBytes([]byte(s), true), NewStrBytes([]byte(s), false),
			NewStrCopy(s), asciiSubstr(s), asciiCaseMap(s, 'u'))
		r, _ := strReplace(NewStr(s+"!"), "!", "?", -1)
		strs = append(strs, r.o.(*StrObj))
		strs = append(strs, concatStr(NewStrCopy(s), NewStrCopy("..")))
	}
	for round := 0; round < 3; round++ {
		// Churn: garbage of the same size classes, then collections.
		for i := 0; i < 20000; i++ {
			_ = NewStrBytes([]byte("garbage text"), true)
		}
		runtime.GC()
		for i, o := range strs {
			want := texts[i/7]
			switch i % 7 {
			case 4:
				want = strings.ToUpper(want)
			case 5:
				want += "?"
			case 6:
				want += ".."
			}
			if o.s != want || o.Len() != len(want) || !o.isASCII() {
				t.Fatalf("str %d: %q (len %d, ascii %v), want %q", i, o.s, o.Len(), o.isASCII(), want)
			}
			// Positional access and slicing must not need the caches
			// only non-ASCII strs keep.
			if _, err := th.GetItem(Obj(o), Int(int64(len(want)-1))); err != nil {
				t.Fatal(err)
			}
			_ = o.substrObj(1, len(want)-1)
			_ = o.runeIndexOf(len(want) / 2)
			_, _ = th.Hash(Obj(o))
			if o.ext != nil && len(want) <= 64 {
				t.Fatalf("str %d (%q) has an ext", i, want)
			}
		}
	}
	// Non-ASCII text keeps the header that may carry caches.
	u := NewStrBytes([]byte("é✓ka"), false)
	if u.isASCII() || u.Len() != 4 || u.RuneAt(1) != '✓' {
		t.Fatalf("non-ASCII str: %q len %d", u.s, u.Len())
	}
}
