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
plain()
`
	code, err := it.CompileModule(m, "test.py", []byte(src), false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = it.MainThread().RunCode(code, m)
	it.Flush()
	want := "plain(): internal error: panic: boom\nruntime_err(): internal error: assignment to entry in nil map\n6\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
	exc := vm.AsException(err)
	if exc == nil || exc.Class() != vm.SystemError || !strings.Contains(it.MainThread().FormatException(exc), `File "test.py", line 8, in <module>`) {
		t.Errorf("uncaught: %v", err)
	}
}
