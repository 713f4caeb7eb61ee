package vm_test

import (
	"testing"

	"github.com/asylang/asy/vm"
)

// Benchmarks of the call machinery; run with -benchmem. Allocations per op
// divided by the calls the script makes tell what one call costs.

// BenchmarkCoroutineChain: 21,891 coroutine calls, each awaited and finishing
// without suspending (driven by send(None), no event loop).
func BenchmarkCoroutineChain(b *testing.B) {
	src := `
async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)
c = fib(20)
try:
    c.send(None)
except StopIteration as e:
    assert e.value == 6765
`
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := run(b, src, vm.Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkObjects: 20,000 instances made through __init__, attribute loads
// and stores at cached sites, method calls.
func BenchmarkObjects(b *testing.B) {
	src := `
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)
v = Vec(0, 0)
for i in range(10000):
    v = v.add(Vec(i, 1))
assert v.x == 49995000 and v.y == 10000
`
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := run(b, src, vm.Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
