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

// BenchmarkBuiltinCall reports the cost of one call of a built-in function
// or method (ns/call: the loop's own cost, measured by the "empty" case, is
// subtracted by the reader). Each case calls 100,000 times inside a function.
func BenchmarkBuiltinCall(b *testing.B) {
	cases := []struct{ name, stmt string }{
		{"empty", "pass"},
		{"len", "len(l)"},
		{"isinstance", "isinstance(l, list)"},
		{"type", "type(l)"},
		{"dict_get", "d.get('a', 0)"},
		{"list_append_pop", "l.append(1); l.pop()"},
		{"set_new", "set()"},
		{"hash_method", "hash(p)"},
	}
	for _, c := range cases {
		src := `
class P:
    def __hash__(self):
        return 7
def loop(n):
    l = [1, 2, 3]
    d = {'a': 1}
    p = P()
    for i in range(n):
        ` + c.stmt + `
loop(100000)
`
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := run(b, src, vm.Config{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100000, "ns/call")
		})
	}
}
