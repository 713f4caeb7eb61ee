package stdlib

import (
	"embed"
	"strings"
	"sync"

	"github.com/asylang/asy/vm"
)

// Modules written in the script language live in pylib/, one file per
// module (pylib/collections.abc.py is collections.abc). A file whose module
// also has a native loader runs on top of it, in the same namespace, so a
// module can be Go where speed matters and Python elsewhere (collections:
// deque in Go, namedtuple in Python). Their sources are read once per
// process and compiled on first import, once per process too
// (vm.Thread.ExecLibrary); each interpreter only runs them.
//
//go:embed pylib/*.py
var pylib embed.FS

// pylibLoaders returns a loader for every pylib module, wrapping native ones.
func pylibLoaders(native map[string]vm.ModuleLoader) map[string]vm.ModuleLoader {
	out := map[string]vm.ModuleLoader{}
	entries, _ := pylib.ReadDir("pylib")
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".py")
		file := "pylib/" + e.Name()
		out[name] = pythonOver(name, native[name], sync.OnceValue(func() string {
			b, _ := pylib.ReadFile(file)
			return string(b)
		}))
	}
	return out
}

// pythonOver runs the source src returns in the module base builds (a
// fresh module when base is nil).
func pythonOver(name string, base vm.ModuleLoader, src func() string) vm.ModuleLoader {
	return func(it *vm.Interp) (*vm.Module, error) {
		var m *vm.Module
		if base != nil {
			var err error
			if m, err = base(it); err != nil {
				return nil, err
			}
		} else {
			m = vm.NewModule(name, "")
		}
		m.Set("__name__", vm.Str(name))
		if err := it.MainThread().ExecLibrary(m, "<"+name+">", src()); err != nil {
			return nil, err
		}
		return m, nil
	}
}

// PylibSource is the source of the script-language module name ("" and
// false when asy has none), for running a library module as __main__ (-m).
func PylibSource(name string) ([]byte, bool) {
	src, err := pylib.ReadFile("pylib/" + name + ".py")
	return src, err == nil
}

// RunAtExit runs the functions registered with atexit, if the script
// imported it (asy.RunFile calls it as the script's run ends).
func RunAtExit(t *vm.Thread) {
	m, ok := t.Interp().LoadedModules()["atexit"]
	if !ok {
		return
	}
	if f, ok := m.Get("_run_exitfuncs"); ok {
		t.Call(f, nil, nil)
	}
}
