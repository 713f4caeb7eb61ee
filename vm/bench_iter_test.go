package vm_test

import (
	"testing"

	"github.com/asylang/asy/vm"
)

// BenchmarkZipPair: 200,000 steps of `for a, b in zip(x, y)` (half of them
// strict), the pair path that builds no tuples; allocations per op stay
// those of the setup.
func BenchmarkZipPair(b *testing.B) {
	src := `
def f():
    xs = list(range(20000))
    ys = list(range(20000))
    s = 0
    for i in range(5):
        for a, c in zip(xs, ys):
            s += a - c
        for a, c in zip(xs, ys, strict=True):
            s += a
    return s
assert f() == 999950000
`
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := run(b, src, vm.Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
