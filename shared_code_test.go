package asy

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// Interpreters running in parallel share compiled code (one Program, the
// stdlib's script modules) and the builtins; each must see only its own
// state. Run under -race this also checks that sharing writes nothing.
func TestParallelInterpretersShareCode(t *testing.T) {
	prog, err := Compile("main.py", []byte(`import asyncio, collections, dataclasses, enum, functools, json, re

s = 'héllo wörld ünïcode'
assert s[4] == 'o' and s[-1] == 'e' and len(s) == 19, s
counts = collections.Counter(s)

class Color(enum.Enum):
    RED = 1
    GREEN = 2

@dataclasses.dataclass
class P:
    x: int
    y: int = 0

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

async def work(i):
    await asyncio.sleep(0)
    return P(i, fib(15)).y + i

async def main():
    return sum(await asyncio.gather(*(work(i) for i in range(5))))

total = asyncio.run(main())
print(ident, total, Color.GREEN.name, counts['l'], json.dumps({'k': [1, 2]}), re.sub(r'o+', '0', 'foo'))
builtins_len = len
import builtins
builtins.shadow = ident
`))
	if err != nil {
		t.Fatal(err)
	}
	const workers, runs = 4, 3
	var wg sync.WaitGroup
	errs := make(chan error, workers*runs)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < runs; r++ {
				var out strings.Builder
				id := fmt.Sprintf("w%dr%d", w, r)
				in, err := New(Options{Stdout: &out, Globals: map[string]any{"ident": id}})
				if err != nil {
					errs <- err
					return
				}
				if err := in.Run(context.Background(), prog); err != nil {
					errs <- err
					return
				}
				// builtins changed by one interpreter stay its own.
				if err := in.Exec(context.Background(), "check.py", "assert shadow == ident, shadow"); err != nil {
					errs <- err
				}
				in.Close()
				want := id + ` 3060 GREEN 3 {"k": [1, 2]} f0` + "\n"
				if out.String() != want {
					errs <- fmt.Errorf("output %q, want %q", out.String(), want)
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// A fresh interpreter sees the builtins unchanged.
	in, _ := New(Options{})
	defer in.Close()
	if err := in.Exec(context.Background(), "fresh.py", "import builtins\nassert not hasattr(builtins, 'shadow')"); err != nil {
		t.Error(err)
	}
}
