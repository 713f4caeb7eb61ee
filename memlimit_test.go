package asy

import (
	"context"
	"io"
	"strings"
	"testing"
)

// A script that keeps what it allocates fails with MemoryError once it
// holds more than MaxMemory; one that allocates far more than the limit
// but lets it go runs to its end.
func TestMaxMemory(t *testing.T) {
	const limit = 8 << 20
	cases := []struct {
		name, src string
		fail      bool
	}{
		{"list of strings", "l = []\nwhile True:\n    l.append('x' * 1000 + str(len(l)))\n", true},
		{"dict of lists", "d = {}\nfor i in range(10**7):\n    d[i] = [i] * 10\n", true},
		{"closure", "def f():\n    acc = []\n    def g():\n        acc.append(bytearray(4096))\n    return g\ng = f()\nwhile True:\n    g()\n", true},
		{"in a task", "import asyncio\nasync def main():\n    l = []\n    while True:\n        l.append('y' * 2000 + str(len(l)))\nasyncio.run(main())\n", true},
		// One big object is refused before it is made, not at the next
		// periodic check (the script would have ended by then).
		{"one big bytes", "b = bytes(50_000_000)\nprint('made')\n", true},
		{"one big repeat", "l = [0] * 20_000_000\n", true},
		{"one big pad", "s = 'x'.ljust(40_000_000)\n", true},
		{"doubling str", "s = 'x' * 1000\nwhile True:\n    s = s + s\n", true},
		{"one big join", "s = ''.join(['x' * 1000] * 30_000)\n", true},
		{"holds under the limit", "l = ['x' * 1000 + str(i) for i in range(3000)]\nfor i in range(10**5):\n    pass\nprint(len(l))\n", false},
		{"churn", "for i in range(3000):\n    l = ['x' * 100 + str(j) for j in range(100)]\nprint(len(l))\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out strings.Builder
			in, err := New(Options{Stdout: &out, Stderr: io.Discard, MaxMemory: limit})
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			err = in.Exec(context.Background(), "main.py", c.src)
			if !c.fail {
				if err != nil {
					t.Fatalf("churning script failed: %v", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Type != "MemoryError" {
				t.Fatalf("got %v, want MemoryError", err)
			}
			if !strings.Contains(e.Traceback, "MemoryError") {
				t.Errorf("traceback %q", e.Traceback)
			}
		})
	}
}
