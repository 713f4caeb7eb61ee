package stdlib

import (
	"os"
	goruntime "runtime"
	"strings"
	"syscall"

	asyrt "github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The native half of platform: the kernel's uname fields. pylib/platform.py
// shapes them into CPython's API. asy answers for itself where CPython would
// describe CPython: python_implementation() is 'asy', python_compiler()
// names the Go toolchain. A hermetic interpreter sees neutral values
// instead of the host's (neutralUname).

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

// neutralUname is what a hermetic script sees: the system and machine asy
// was built for (which the script could tell anyway), no host name, kernel
// release or version.
func neutralUname() []vm.Value {
	system := goruntime.GOOS
	switch system {
	case "darwin":
		system = "Darwin"
	default:
		system = strings.ToUpper(system[:1]) + system[1:]
	}
	machine := goruntime.GOARCH
	switch machine {
	case "amd64":
		machine = "x86_64"
	case "arm64":
		machine = "aarch64"
	case "386":
		machine = "i686"
	}
	return []vm.Value{vm.Str(system), vm.Str("localhost"), vm.Str(""), vm.Str(""), vm.Str(machine)}
}

func platformModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("platform", "")
	hermetic := !asyrt.GrantsOf(it).HostInfo
	m.Set("_uname", vm.NewBuiltin("_uname", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if hermetic {
			return vm.Obj(vm.NewTuple(neutralUname())), nil
		}
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
