package stdlib

import (
	_ "embed"

	"github.com/asylang/asy/vm"
)

// Parts of asyncio written in the script language that most scripts never
// touch run in the asyncio module the first time one of their names is
// reached, not at every `import asyncio`: building their classes and
// functions was a quarter of what a fresh interpreter spent on a small
// asyncio.run. asyncio_lib.py's _LAZY maps those names to their source;
// its module __getattr__ calls _load_lazy(source, name), and libFunc
// reaches them through it too.

var (
	//go:embed asyncio_net_lib.py
	asyncioNetLib string
	//go:embed asyncio_graph_lib.py
	asyncioGraphLib string
)

// lazyLibs are the sources by file name.
var lazyLibs = map[string]string{
	"<asyncio_net>":   asyncioNetLib,
	"<asyncio_graph>": asyncioGraphLib,
}

// lazyKey marks a source as run in an interpreter (vm.Interp.Ext).
type lazyKey struct{ file string }

// loadLazyBuiltin is asyncio._load_lazy(source, name): it runs source in
// the asyncio module, once per interpreter (compiled once per process and
// shared, as every library source is), and returns name.
var loadLazyBuiltin = vm.NewBuiltin("_load_lazy", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) != 2 || len(kw) != 0 {
		return vm.Undef, vm.Errorf(vm.TypeError, "_load_lazy() takes exactly 2 arguments (%d given)", len(args)+len(kw))
	}
	file, _ := args[0].StrOf()
	name, _ := args[1].StrOf()
	src, ok := lazyLibs[file]
	if !ok {
		return vm.Undef, vm.Errorf(vm.ValueError, "no lazy asyncio source %s", file)
	}
	m, err := t.ImportModule("asyncio")
	if err != nil {
		return vm.Undef, err
	}
	it := t.Interp()
	if _, done := it.Ext(lazyKey{file}); !done {
		it.SetExt(lazyKey{file}, true)
		if err := t.ExecLibrary(m, file, src); err != nil {
			return vm.Undef, err
		}
	}
	if v, ok := m.Get(name); ok {
		return v, nil
	}
	return vm.Undef, vm.Errorf(vm.AttributeError, "module 'asyncio' has no attribute '%s'", name)
})
