package stdlib

import (
	"sync"

	"github.com/asylang/asy/vm"
)

// registry maps module names to loaders; each module's file registers itself
// in an init function.
var registry = map[string]vm.ModuleLoader{}

func register(name string, l vm.ModuleLoader) { registry[name] = l }

// Modules returns the loaders of every stdlib module, by import name. The
// map is made once and shared by every interpreter: callers must not
// change it.
func Modules() map[string]vm.ModuleLoader { return allModules() }

var allModules = sync.OnceValue(func() map[string]vm.ModuleLoader {
	out := make(map[string]vm.ModuleLoader, len(registry))
	for k, v := range registry {
		out[k] = v
	}
	for k, v := range pylibLoaders(registry) {
		out[k] = v
	}
	return out
})

func init() {
	register("asyncio", asyncioModule)
}
