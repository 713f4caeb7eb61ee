package stdlib

import (
	"github.com/asylang/asy/prof"
	"github.com/asylang/asy/vm"
)

// _asyprof is the native half of cProfile (CPython's _lsprof): a profiler
// attached to the thread that enables it. pylib/cProfile.py and
// pylib/pstats.py build the Profile class and the statistics on top.

var asyprofType = vm.NewNativeClass("Profiler", "_asyprof", nil, nil)

type asyprofHandle struct {
	p    *prof.Profiler
	prev vm.FrameProfiler // the thread's profiler before enable (asy --profile)
	on   bool
}

func (*asyprofHandle) Class() *vm.Class { return asyprofType }

func asyprofModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("_asyprof", "")
	handle := func(name string, args []vm.Value) (*asyprofHandle, error) {
		if len(args) != 1 {
			return nil, vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
		}
		h, ok := args[0].AsObj().(*asyprofHandle)
		if !ok {
			return nil, vm.Errorf(vm.TypeError, "%s() argument must be a profiler", name)
		}
		return h, nil
	}
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	fn("new", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(&asyprofHandle{p: prof.New()}), nil
	})
	fn("enable", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		h, err := handle("enable", args)
		if err != nil || h.on {
			return vm.None, err
		}
		h.on, h.prev = true, t.Profiler()
		h.p.Start()
		t.SetProfiler(h.p)
		return vm.None, nil
	})
	fn("disable", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		h, err := handle("disable", args)
		if err != nil || !h.on {
			return vm.None, err
		}
		h.on = false
		t.SetProfiler(h.prev)
		h.p.Stop()
		return vm.None, nil
	})
	// stats(p): [(file, line, name, ncalls, primitive, tottime, cumtime, {caller: calls})]
	fn("stats", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		h, err := handle("stats", args)
		if err != nil {
			return vm.Undef, err
		}
		stats := h.p.Stats()
		key := func(s *prof.Stat) vm.Value {
			return vm.Obj(vm.NewTuple([]vm.Value{vm.Str(s.File), vm.Int(int64(s.Line)), vm.Str(s.Name)}))
		}
		var out []vm.Value
		for i := range stats {
			s := &stats[i]
			callers := vm.NewDict()
			for c, n := range s.Callers {
				if c >= 0 {
					if err := callers.Set(t, key(&stats[c]), vm.Int(int64(n))); err != nil {
						return vm.Undef, err
					}
				}
			}
			out = append(out, vm.Obj(vm.NewTuple([]vm.Value{vm.Str(s.File), vm.Int(int64(s.Line)), vm.Str(s.Name),
				vm.Int(int64(s.Calls)), vm.Int(int64(s.Prim)), vm.Float(s.Tot), vm.Float(s.Cum), vm.Obj(callers)})))
		}
		return vm.Obj(vm.NewList(out)), nil
	})
	return m, nil
}

func init() { register("_asyprof", asyprofModule) }
