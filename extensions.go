package asy

import (
	"fmt"

	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Extension is a set of modules an embedder opts into, kept out of every
// interpreter by default because they pull large dependencies or reach the
// host: github.com/asylang/asy/modules/sqlite (sqlite3, aiosqlite) and
// github.com/asylang/asy/modules/asyncpg. Each such package exports its
// Extension; list it in Options.Extensions. The asy command lists all.
type Extension struct{ name string }

// NewExtension names the extension a module package registered under name
// (for those packages: an embedder uses their Extension variables).
func NewExtension(name string) Extension { return Extension{name: name} }

// Name is the extension's name.
func (e Extension) Name() string { return e.name }

// moduleLoaders is the core's modules plus the extensions opts lists.
func moduleLoaders(opts Options) (map[string]vm.ModuleLoader, error) {
	mods := stdlib.Modules() // shared by every interpreter: never written
	if len(opts.Extensions) > 0 {
		own := make(map[string]vm.ModuleLoader, len(mods)+8)
		for name, l := range mods {
			own[name] = l
		}
		mods = own
	}
	for _, e := range opts.Extensions {
		loaders, ok := stdlib.ExtensionModules(e.name)
		if !ok {
			return nil, fmt.Errorf("asy: extension %q is not linked in (import its package)", e.name)
		}
		for name, l := range loaders {
			mods[name] = l
		}
	}
	return mods, nil
}
