package stdlib

import (
	"sync"

	"github.com/asylang/asy/vm"
)

// Extensions are modules an interpreter gets only when its embedder opts
// in (asy.Options.Extensions), because they pull large dependencies or
// reach the host: the database drivers in modules/sqlite and
// modules/asyncpg. Such a package registers its loaders here from init, so
// a program that does not import it links none of its code.

var (
	extMu      sync.Mutex
	extensions = map[string]map[string]vm.ModuleLoader{}
)

// RegisterExtension records the module loaders (by import name) of the
// extension called name.
func RegisterExtension(name string, loaders map[string]vm.ModuleLoader) {
	extMu.Lock()
	defer extMu.Unlock()
	extensions[name] = loaders
}

// ExtensionModules returns the loaders of a registered extension.
func ExtensionModules(name string) (map[string]vm.ModuleLoader, bool) {
	extMu.Lock()
	defer extMu.Unlock()
	l, ok := extensions[name]
	return l, ok
}

// ScriptModule makes the loader of a module written in the script language
// (src), run on top of the native module base builds when base is not nil,
// in the same namespace, as pylib's modules are.
func ScriptModule(name string, base vm.ModuleLoader, src string) vm.ModuleLoader {
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
		code, err := it.CompileModule(m, "<"+name+">", []byte(src), false)
		if err != nil {
			return nil, err
		}
		if _, err := it.MainThread().RunCode(code, m); err != nil {
			return nil, err
		}
		return m, nil
	}
}
