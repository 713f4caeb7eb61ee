package vm

import (
	"testing"
	"unsafe"

	"github.com/asylang/asy/parser"
)

// A suspended coroutine keeps its Generator, Frame and registers; each sits
// on a size class of Go's allocator, and a field more moves it up a class
// (16 bytes more per suspended task).
func TestGeneratorObjectSizes(t *testing.T) {
	if n := unsafe.Sizeof(Generator{}); n > 64 {
		t.Errorf("Generator is %d bytes, more than 64", n)
	}
	if n := unsafe.Sizeof(Frame{}); n > 80 {
		t.Errorf("Frame is %d bytes, more than 80", n)
	}
}

// Code without exception handlers gets no spare stack registers: its
// linear depth count is exact, and a suspended coroutine keeps them all.
func TestStackSlack(t *testing.T) {
	for _, c := range []struct {
		src   string
		slack int
	}{
		{"async def f(x):\n    await g(x, 1)\n", 0},
		{"def f(x):\n    for i in x:\n        a, b = i\n    return [y for y in x if y]\n", 0},
		{"def f(x):\n    try:\n        return x()\n    except E:\n        pass\n", 2},
		{"def f(x):\n    with x:\n        pass\n", 2},
		{"async def f(x):\n    async with x:\n        pass\n", 2},
		{"def f(x):\n    try:\n        pass\n    finally:\n        x()\n", 2},
	} {
		m, err := parser.Parse("<test>", []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		code, err := CompileProgram("<test>", m, false)
		if err != nil {
			t.Fatal(err)
		}
		var fn *Code
		for _, k := range code.Consts {
			if cc, ok := k.o.(*Code); ok {
				fn = cc
			}
		}
		if fn == nil {
			t.Fatalf("no function code in %q", c.src)
		}
		if got := stackSlack(fn.Ops); got != c.slack {
			t.Errorf("%q: slack %d, want %d", c.src, got, c.slack)
		}
	}
}
