package vm

import (
	"bytes"
	"testing"
)

// runGlobals runs src as a main module and returns the module.
func runGlobals(t *testing.T, src string) *Module {
	t.Helper()
	var out bytes.Buffer
	it := New(Config{Stdout: &out, Stderr: &out})
	m := it.MainModule("test.py")
	code, err := it.CompileModule(m, "test.py", []byte(src), false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := it.MainThread().RunCode(code, m); err != nil {
		t.Fatal(err)
	}
	return m
}

// A list comprehension whose one loop appends an item per iteration sizes
// its list once from the iterator's length; a filtered or nested one takes
// at most 256 slots at first (it may keep few of the items).
func TestComprehensionListSizing(t *testing.T) {
	m := runGlobals(t, `
src = list(range(3000))
a = [x for x in src]
b = [x for x in range(5000)]
c = [x for x in src if x < 3]
d = [x for x in src for y in (1,)]
e = [x for x in range(100000)]
`)
	for _, c := range []struct {
		name     string
		n, limit int
	}{
		{"a", 3000, 3000}, {"b", 5000, 5000}, {"c", 3, 256}, {"d", 3000, 6000},
		{"e", 100000, 2 * growCheckMin},
	} {
		v, _ := m.Get(c.name)
		l := v.o.(*List)
		if len(l.items) != c.n || cap(l.items) > c.limit {
			t.Errorf("%s: %d items, capacity %d; want %d items, capacity at most %d", c.name, len(l.items), cap(l.items), c.n, c.limit)
		}
	}
}

// A dict comprehension adding an item per iteration sizes its table at the
// first item: filling it allocates no successive tables, where a filtered
// one (which may keep few items) grows as any dict does.
func TestComprehensionDictSizing(t *testing.T) {
	var out bytes.Buffer
	it := New(Config{Stdout: &out, Stderr: &out})
	m := it.MainModule("test.py")
	prep, err := it.CompileModule(m, "test.py", []byte("src = list(range(3000))\nd = {}\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := it.MainThread().RunCode(prep, m); err != nil {
		t.Fatal(err)
	}
	allocs := func(src string) float64 {
		code, err := it.CompileModule(m, "test.py", []byte(src), false)
		if err != nil {
			t.Fatal(err)
		}
		return testing.AllocsPerRun(5, func() {
			if _, err := it.MainThread().RunCode(code, m); err != nil {
				t.Fatal(err)
			}
		})
	}
	sized := allocs("d = {x: x for x in src}\n")
	grown := allocs("d = {x: x for x in src if True}\n")
	if sized+8 > grown {
		t.Errorf("dict comprehension: %v allocations, a filtered one %v: want at least 8 fewer", sized, grown)
	}
	if v, _ := m.Get("d"); v.o.(*Dict).Len() != 3000 {
		t.Errorf("lost items")
	}
}
