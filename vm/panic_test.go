package vm_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/asylang/asy/vm"
)

// A Go builtin that panics — with a runtime error or any other value —
// raises SystemError in the script (catchable, with a traceback) instead
// of taking the host down, and the interpreter goes on.
func TestBuiltinPanicIsException(t *testing.T) {
	var out bytes.Buffer
	it := vm.New(vm.Config{Stdout: &out, Stderr: &out})
	m := it.MainModule("test.py")
	var nilMap map[int]int
	m.Set("plain", vm.NewBuiltin("plain", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		panic("boom")
	}))
	m.Set("runtime_err", vm.NewBuiltin("runtime_err", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		nilMap[1] = 1
		return vm.None, nil
	}))
	src := `
for f in (plain, runtime_err):
    try:
        f()
    except SystemError as e:
        print(e)
print(sum(range(4)))
# Panics below Go code that called back into the script: sorted's key is
# the panicking built-in, or a script function that calls it.
for key in (plain, lambda x: runtime_err(), lambda x: [y for y in sorted([1, 2], key=plain)]):
    try:
        sorted([2, 1], key=key)
    except SystemError as e:
        print("nested", e)
def gen():
    yield 1
    plain()
try:
    print(list(gen()))
except SystemError as e:
    print("generator", e)
print(sorted([2, 1]))
plain()
`
	code, err := it.CompileModule(m, "test.py", []byte(src), false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = it.MainThread().RunCode(code, m)
	it.Flush()
	want := "plain(): internal error: panic: boom\nruntime_err(): internal error: assignment to entry in nil map\n6\n" +
		"nested plain(): internal error: panic: boom\n" +
		"nested runtime_err(): internal error: assignment to entry in nil map\n" +
		"nested plain(): internal error: panic: boom\n" +
		"generator plain(): internal error: panic: boom\n[1, 2]\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
	exc := vm.AsException(err)
	if exc == nil || exc.Class() != vm.SystemError || !strings.Contains(it.MainThread().FormatException(exc), `File "test.py", line 23, in <module>`) {
		t.Errorf("uncaught: %v", err)
	}
}
