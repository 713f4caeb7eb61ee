package stdlib

import (
	"path/filepath"
	"strings"

	"github.com/asylang/asy/vm"
)

// The native part of warnings: who called warn(). CPython reads this from
// sys._getframe and the frame's globals; asy's frames are not script
// objects, so _caller walks the thread's frames here.

// frameModuleName is the __name__ of the module a frame's code belongs to,
// found from its file name (frames do not expose their globals).
func frameModuleName(it *vm.Interp, file string) string {
	if file == it.MainFile() {
		return "__main__"
	}
	for name, m := range it.LoadedModules() {
		if m.File == file && file != "" {
			return name
		}
	}
	if strings.HasPrefix(file, "<") && strings.HasSuffix(file, ">") {
		return strings.Trim(file, "<>")
	}
	return strings.TrimSuffix(filepath.Base(file), ".py")
}

func warningsModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("warnings", "")
	// _caller(skip_file, stacklevel) → (filename, lineno, module, line) of
	// the stacklevel-th frame outwards from the caller of warn(), frames of
	// skip_file (warnings itself) not counted; None beyond the outermost.
	m.Set("_caller", vm.NewBuiltin("_caller", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_caller", args, 2); err != nil {
			return vm.Undef, err
		}
		skip, _ := args[0].StrOf()
		level, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		for f := t.Frame(); f != nil; f = f.Back() {
			c := f.Code()
			if c == nil || c.Filename == skip {
				continue
			}
			if c.Filename == "<abc>" && c.QualName == "ABCMeta.__call__" {
				// CPython's type.__call__ is C: instantiating an ABC adds
				// no frame there, so a warning from __init__ with
				// stacklevel=2 names the line that made the instance.
				continue
			}
			if level--; level <= 0 {
				line := t.Interp().SourceLine(c.Filename, f.Line())
				return vm.Obj(vm.NewTuple([]vm.Value{vm.Str(c.Filename), vm.Int(int64(f.Line())),
					vm.Str(frameModuleName(t.Interp(), c.Filename)), vm.Str(line)})), nil
			}
		}
		return vm.None, nil
	}))
	return m, nil
}

func init() { register("warnings", warningsModule) }
