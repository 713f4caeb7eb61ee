package stdlib

import (
	"strings"

	"github.com/asylang/asy/vm"
)

// The native part of traceback: the frames recorded in an exception and the
// frames of the running thread, as (filename, lineno, name, line) tuples,
// outermost first. Traceback objects are opaque to scripts; the Python side
// reads one by assigning it to a fresh exception's __traceback__ and
// passing that exception here.

// libraryFile reports code compiled from asy's embedded library, whose
// frames tracebacks leave out (as the interpreter's own printing does).
func libraryFile(name string) bool {
	return strings.HasPrefix(name, "<") && strings.HasSuffix(name, ">") && name != "<string>" && name != "<stdin>"
}

func frameTuple(file string, line int, name, src string) vm.Value {
	return vm.Obj(vm.NewTuple([]vm.Value{vm.Str(file), vm.Int(int64(line)), vm.Str(name), vm.Str(src)}))
}

func tracebackModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("traceback", "")
	m.Set("_tb_entries", vm.NewBuiltin("_tb_entries", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_tb_entries", args, 1); err != nil {
			return vm.Undef, err
		}
		inst, ok := args[0].AsObj().(*vm.Instance)
		if !ok || !inst.Class().IsSubclass(vm.BaseException) {
			return vm.Undef, vm.Errorf(vm.TypeError, "_tb_entries() needs an exception, not %s", args[0].TypeName())
		}
		var out []vm.Value
		for _, e := range inst.Traceback() {
			if libraryFile(e.File) {
				continue
			}
			out = append(out, frameTuple(e.File, e.Line, e.Func, t.Interp().TraceLine(e)))
		}
		return vm.Obj(vm.NewList(out)), nil
	}))
	// _stack() lists the calling thread's frames, outermost first, library
	// frames left out.
	m.Set("_stack", vm.NewBuiltin("_stack", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		var out []vm.Value
		for f := t.Frame(); f != nil; f = f.Back() {
			c := f.Code()
			if c == nil || libraryFile(c.Filename) {
				continue
			}
			out = append(out, frameTuple(c.Filename, f.Line(), c.Name, t.Interp().SourceLine(c.Filename, f.Line())))
		}
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
		return vm.Obj(vm.NewList(out)), nil
	}))
	return m, nil
}

func init() { register("traceback", tracebackModule) }
