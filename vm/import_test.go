package vm_test

import (
	"testing"

	"github.com/asylang/asy/vm"
)

// A native package whose loader imports its own native submodule (as
// collections does collections.abc) runs once, whichever is imported first.
func TestNativeSubmoduleOfLoadingParent(t *testing.T) {
	for _, first := range []string{"pkg", "pkg.sub"} {
		runs := map[string]int{}
		cfg := vm.Config{Modules: map[string]vm.ModuleLoader{
			"pkg": func(it *vm.Interp) (*vm.Module, error) {
				runs["pkg"]++
				m := vm.NewModule("pkg", "")
				sub, err := it.MainThread().ImportModule("pkg.sub")
				if err != nil {
					return nil, err
				}
				m.Set("sub", vm.Obj(sub))
				return m, nil
			},
			"pkg.sub": func(it *vm.Interp) (*vm.Module, error) {
				runs["pkg.sub"]++
				m := vm.NewModule("pkg.sub", "")
				m.Set("X", vm.Int(1))
				return m, nil
			},
		}}
		out, err := run(t, "import "+first+"\nimport pkg.sub\nprint(pkg.sub.X)", cfg)
		if err != nil || out != "1\n" {
			t.Fatalf("import %s first: %q %v", first, out, err)
		}
		if runs["pkg"] != 1 || runs["pkg.sub"] != 1 {
			t.Errorf("import %s first: loaders ran %v", first, runs)
		}
	}
}
