package stdlib

import (
	"os"
	goruntime "runtime"
	"syscall"

	"github.com/asylang/asy/vm"
)

// The native half of platform: the kernel's uname fields. pylib/platform.py
// shapes them into CPython's API. asy answers for itself where CPython would
// describe CPython: python_implementation() is 'asy', python_compiler()
// names the Go toolchain.

func utsString(f [65]int8) string {
	b := make([]byte, 0, len(f))
	for _, c := range f {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return string(b)
}

func platformModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("platform", "")
	m.Set("_uname", vm.NewBuiltin("_uname", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		var u syscall.Utsname
		if err := syscall.Uname(&u); err != nil {
			return vm.Undef, osError(err, "")
		}
		node := utsString(u.Nodename)
		if node == "" {
			node, _ = os.Hostname()
		}
		return vm.Obj(vm.NewTuple([]vm.Value{
			vm.Str(utsString(u.Sysname)), vm.Str(node), vm.Str(utsString(u.Release)),
			vm.Str(utsString(u.Version)), vm.Str(utsString(u.Machine)),
		})), nil
	}))
	m.Set("_go_version", vm.Str(goruntime.Version()))
	return m, nil
}

func init() { register("platform", platformModule) }
