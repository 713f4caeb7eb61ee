package vm_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asylang/asy/parser"
	"github.com/asylang/asy/vm"
)

// run executes src and returns stdout, or the exception's last line.
func run(t testing.TB, src string, cfg vm.Config) (string, error) {
	var out bytes.Buffer
	cfg.Stdout = &out
	cfg.Stderr = &out
	it := vm.New(cfg)
	m := it.MainModule("test.py")
	code, err := it.CompileModule(m, "test.py", []byte(src), false)
	if err != nil {
		return "", err
	}
	_, err = it.MainThread().RunCode(code, m)
	it.Flush()
	return out.String(), err
}

func TestRunsPrograms(t *testing.T) {
	cases := []struct{ src, want string }{
		{"print(1 + 2 * 3)", "7\n"},
		{"def f(n):\n    return n if n < 2 else f(n-1) + f(n-2)\nprint(f(20))", "6765\n"},
		{"x = [i * i for i in range(5) if i % 2]\nprint(x)", "[1, 9]\n"},
		{"def g():\n    yield 1\n    yield 2\nprint(list(g()), sum(g()))", "[1, 2] 3\n"},
		{"class A:\n    def __init__(self, v): self.v = v\n    def __add__(self, o): return A(self.v + o.v)\nprint((A(1) + A(2)).v)", "3\n"},
		{"try:\n    1/0\nexcept ZeroDivisionError as e:\n    print('caught', e)", "caught division by zero\n"},
		{"print(2 ** 100, -7 // 2, 7 % -3, 1e16, 0.1 + 0.2)", "1267650600228229401496703205376 -4 -2 1e+16 0.30000000000000004\n"},
		{"print({3, 1, 2}, {'b': 1, 'a': 2})", "{1, 2, 3} {'b': 1, 'a': 2}\n"},
		{"def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\ni = outer(); i(); print(i())", "2\n"},
		{"print(f'{3.14159:.2f}|{42:>5}|{\"x\"!r}')", "3.14|   42|'x'\n"},
	}
	for _, c := range cases {
		got, err := run(t, c.src, vm.Config{})
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if got != c.want {
			t.Errorf("%q printed %q, want %q", c.src, got, c.want)
		}
	}
}

func TestErrorsAreExceptions(t *testing.T) {
	cases := []struct{ src, want string }{
		{"undefined_name", "NameError: name 'undefined_name' is not defined"},
		{"'a' + 1", "TypeError: can only concatenate str (not \"int\") to str"},
		{"[][0]", "IndexError: list index out of range"},
		{"def f(): return f()\nf()", "RecursionError: maximum recursion depth exceeded"},
		{"len(5)", "TypeError: object of type 'int' has no len()"},
	}
	for _, c := range cases {
		_, err := run(t, c.src, vm.Config{})
		if err == nil || vm.AsException(err).Error() != c.want {
			t.Errorf("%q: got %v, want %s", c.src, err, c.want)
		}
	}
}

func TestStepLimitStopsInfiniteLoop(t *testing.T) {
	_, err := run(t, "while True:\n    pass", vm.Config{MaxSteps: 10000})
	if err == nil || !strings.Contains(err.Error(), "instruction limit exceeded") {
		t.Fatalf("want instruction limit error, got %v", err)
	}
}

// Found by fuzzing: an endless iterator consumed by list() loops in Go, so
// calls spend the step budget too; and no except clause catches the stop.
func TestStepLimitCountsCalls(t *testing.T) {
	for _, src := range []string{
		"class It:\n    def __iter__(self): return self\n    def __next__(self): return 1\nlist(It())",
		"def f(n): return f(n) if n > 900 else n\ntry:\n    while True: f(0)\nexcept BaseException: print('caught')",
	} {
		out, err := run(t, src, vm.Config{MaxSteps: 20000})
		if err == nil || !strings.Contains(err.Error(), "instruction limit exceeded") || out != "" {
			t.Errorf("%q: want an uncatchable instruction limit, got %v %q", src, err, out)
		}
	}
}

func TestInterpretersAreIndependent(t *testing.T) {
	done := make(chan string, 4)
	for i := 0; i < 4; i++ {
		go func() {
			out, err := run(t, "total = 0\nfor i in range(10000):\n    total += i\nprint(total, {3, 1, 2})", vm.Config{})
			if err != nil {
				out = err.Error()
			}
			done <- out
		}()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; got != "49995000 {1, 2, 3}\n" {
			t.Fatalf("got %q", got)
		}
	}
}

// FuzzCompileAndRun: any source either fails to parse/compile with a
// SyntaxError or runs (bounded by a step limit) to a result or a Python
// exception — never a Go panic.
func FuzzCompileAndRun(f *testing.F) {
	files, _ := filepath.Glob("../testdata/core/*.asy")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil && !strings.Contains(string(src), "import") {
			f.Add(src)
		}
	}
	f.Add([]byte("x = [1, 2]\nx[1:] = x\nprint(x, {*x}, x * 2)"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := parser.Parse("f.py", src); err != nil {
			return
		}
		if strings.Contains(string(src), "import") || strings.Contains(string(src), "input") || strings.Contains(string(src), "**") {
			return // keep the fuzzer away from the filesystem, stdin and huge powers
		}
		_, err := run(t, string(src), vm.Config{MaxSteps: 20000})
		if err != nil && vm.AsException(err) == nil {
			t.Fatalf("non-Python error: %v", err)
		}
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("a builtin crashed: %v", err) // see callBuiltin
		}
	})
}

func BenchmarkFib(b *testing.B) {
	src := "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nfib(20)\n"
	for i := 0; i < b.N; i++ {
		if _, err := run(b, src, vm.Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkArithLoop reports allocations: small-int and float arithmetic
// must not allocate per iteration (allocs/op stays constant as n grows).
func BenchmarkArithLoop(b *testing.B) {
	src := "def loop(n):\n    t = 0\n    x = 1.5\n    i = 0\n    while i < n:\n        t += i * 3 % 7\n        x = x * 1.000001 + 0.5\n        i += 1\n    return t\nloop(100000)\n"
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := run(b, src, vm.Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
