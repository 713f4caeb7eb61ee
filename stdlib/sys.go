package stdlib

import (
	"math"
	"sort"

	"github.com/asylang/asy/vm"
)

func sysModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("sys", "")
	argv := it.Config().Argv
	items := make([]vm.Value, len(argv))
	for i, a := range argv {
		items[i] = vm.Str(a)
	}
	if len(items) == 0 {
		items = []vm.Value{vm.Str("")}
	}
	m.Set("argv", vm.Obj(vm.NewList(items)))
	m.Set("stdout", vm.Obj(it.NewTextFile("stdout", false)))
	m.Set("stderr", vm.Obj(it.NewTextFile("stderr", true)))
	m.Set("stdin", vm.Obj(&stdinFile{it: it}))
	m.Set("__stdout__", vm.Obj(it.NewTextFile("stdout", false)))
	m.Set("__stderr__", vm.Obj(it.NewTextFile("stderr", true)))
	m.Set("version", vm.Str("3.11.7 (asy 0.1.0)"))
	m.Set("version_info", vm.Obj(vm.NewTuple([]vm.Value{vm.Int(3), vm.Int(11), vm.Int(7), vm.Str("final"), vm.Int(0)})))
	m.Set("platform", vm.Str("linux"))
	m.Set("byteorder", vm.Str("little"))
	m.Set("maxsize", vm.Int(1<<63-1))
	// Where imports look: the main script's directory, then PYTHONPATH's
	// entries. asy's own library is built in, so it has no directory here.
	path := []vm.Value{vm.Str(it.SysPath0())}
	for _, d := range it.Config().Path {
		path = append(path, vm.Str(d))
	}
	m.Set("path", vm.Obj(vm.NewList(path)))
	m.Set("executable", vm.Str("asy"))
	// All of asy's library is built in: no module of it is a file.
	names := make([]string, 0, len(it.Config().Modules)+1)
	for n := range it.Config().Modules {
		names = append(names, n)
	}
	names = append(names, "builtins")
	sort.Strings(names)
	builtinNames := make([]vm.Value, len(names))
	for i, n := range names {
		builtinNames[i] = vm.Str(n)
	}
	m.Set("builtin_module_names", vm.Obj(vm.NewTuple(builtinNames)))
	// sys.modules is the interpreter's table of modules itself (see
	// vm/sysmodules.go): changing it changes what imports find.
	m.Set("modules", vm.Obj(it.SysModules()))
	m.Set("_getframe", vm.NewBuiltin("_getframe", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.RangeArgs("_getframe", args, 0, 1); err != nil {
			return vm.Undef, err
		}
		depth := int64(0)
		if len(args) == 1 {
			var err error
			if depth, err = t.AsInt64(args[0]); err != nil {
				return vm.Undef, err
			}
		}
		return t.GetFrame(int(depth))
	}))
	m.Set("getsizeof", vm.NewBuiltin("getsizeof", sysGetsizeof))
	m.Set("exc_info", vm.NewBuiltin("exc_info", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("exc_info", args, 0); err != nil {
			return vm.Undef, err
		}
		exc := t.HandledException()
		if exc == nil {
			return vm.Obj(vm.NewTuple([]vm.Value{vm.None, vm.None, vm.None})), nil
		}
		tb, err := t.GetAttr(vm.Obj(exc), "__traceback__")
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(exc.Class()), vm.Obj(exc), tb})), nil
	}))
	m.Set("exception", vm.NewBuiltin("exception", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if exc := t.HandledException(); exc != nil {
			return vm.Obj(exc), nil
		}
		return vm.None, nil
	}))
	m.Set("exit", vm.NewBuiltin("exit", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.RangeArgs("exit", args, 0, 1); err != nil {
			return vm.Undef, err
		}
		return vm.Undef, vm.NewException(vm.SystemExit, args...)
	}))
	m.Set("getrecursionlimit", vm.NewBuiltin("getrecursionlimit", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("getrecursionlimit", args, 0); err != nil {
			return vm.Undef, err
		}
		return vm.Int(int64(t.Interp().RecursionLimit())), nil
	}))
	m.Set("setrecursionlimit", vm.NewBuiltin("setrecursionlimit", setRecursionLimit))
	m.Set("get_int_max_str_digits", vm.NewBuiltin("get_int_max_str_digits", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) > 0 || len(kw) > 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "sys.get_int_max_str_digits() takes no arguments (%d given)", len(args)+len(kw))
		}
		return vm.Int(int64(t.IntMaxStrDigits())), nil
	}))
	m.Set("set_int_max_str_digits", vm.NewBuiltin("set_int_max_str_digits", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("set_int_max_str_digits", args, kw, 1, "maxdigits")
		if err != nil {
			return vm.Undef, err
		}
		n, err := t.AsCInt(a[0])
		if err != nil {
			return vm.Undef, err
		}
		if n != 0 && n < vm.IntMaxStrDigitsThreshold {
			return vm.Undef, vm.Errorf(vm.ValueError, "maxdigits must be 0 or larger than %d", vm.IntMaxStrDigitsThreshold)
		}
		t.Interp().SetIntMaxStrDigits(int(n))
		return vm.None, nil
	}))
	m.Set("intern", vm.NewBuiltin("intern", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("sys.intern", args, 1); err != nil {
			return vm.Undef, err
		}
		if _, ok := args[0].StrOf(); !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "intern() argument must be str, not %s", args[0].TypeName())
		}
		if args[0].Class() != vm.StrType {
			return vm.Undef, vm.Errorf(vm.TypeError, "can't intern %s", args[0].TypeName())
		}
		return args[0], nil
	}))
	return m, nil
}

func init() { register("sys", sysModule) }

// setRecursionLimit is sys.setrecursionlimit: the limit is a C int of at
// least 1 and above the current depth (which counts this call, as CPython's).
func setRecursionLimit(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(kw) > 0 {
		return vm.Undef, vm.Errorf(vm.TypeError, "sys.setrecursionlimit() takes no keyword arguments")
	}
	if len(args) != 1 {
		return vm.Undef, vm.Errorf(vm.TypeError, "sys.setrecursionlimit() takes exactly one argument (%d given)", len(args))
	}
	tooBig := vm.Errorf(vm.OverflowError, "Python int too large to convert to C int")
	n, err := t.AsInt64(args[0])
	if err != nil {
		if vm.IsInstanceOf(err, vm.IndexError) {
			return vm.Undef, tooBig
		}
		return vm.Undef, err
	}
	if n > math.MaxInt32 || n < math.MinInt32 {
		return vm.Undef, tooBig
	}
	if n < 1 {
		return vm.Undef, vm.Errorf(vm.ValueError, "recursion limit must be greater or equal than 1")
	}
	if depth := t.Depth() + 1; int64(depth) >= n {
		return vm.Undef, vm.Errorf(vm.RecursionError, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, depth)
	}
	t.Interp().SetRecursionLimit(int(n))
	return vm.None, nil
}
