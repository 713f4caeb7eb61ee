package stdlib

import (
	"github.com/asylang/asy/vm"
)

// The native part of inspect: what CPython's inspect reads from a
// function's __code__ (asy's code objects expose no co_* attributes).

// CPython's co_flags bits, so inspect's tests read the same numbers.
const (
	coOptimized      = 0x1
	coNewLocals      = 0x2
	coVarargs        = 0x4
	coVarkeywords    = 0x8
	coGenerator      = 0x20
	coNoFree         = 0x40
	coCoroutine      = 0x80
	coAsyncGenerator = 0x200
)

func codeFlags(c *vm.Code) int64 {
	var f int64
	if c.Flags&(vm.FlagModule|vm.FlagClassBody) == 0 {
		f |= coOptimized | coNewLocals
	}
	if c.Flags&vm.FlagVarargs != 0 {
		f |= coVarargs
	}
	if c.Flags&vm.FlagVarkw != 0 {
		f |= coVarkeywords
	}
	if c.Flags&vm.FlagGenerator != 0 {
		f |= coGenerator
	}
	if c.Flags&vm.FlagCoroutine != 0 {
		f |= coCoroutine
	}
	if c.Flags&vm.FlagAsyncGen != 0 {
		f |= coAsyncGenerator
	}
	if c.NumFrees == 0 && len(c.CellSlots) == 0 {
		f |= coNoFree
	}
	return f
}

func inspectModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("inspect", "")
	// _code_info(fn) → (name, qualname, filename, firstlineno, argcount,
	// posonlyargcount, kwonlyargcount, varnames, flags) for a script
	// function (or a method bound to one), or None for anything else.
	m.Set("_code_info", vm.NewBuiltin("_code_info", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_code_info", args, 1); err != nil {
			return vm.Undef, err
		}
		v := args[0]
		if bm, ok := v.AsObj().(*vm.BoundMethod); ok && v.Kind() == vm.KObj {
			v = bm.Fn
		}
		var c *vm.Code
		switch o := v.AsObj().(type) {
		case *vm.Function:
			if v.Kind() == vm.KObj {
				c = o.Code()
			}
		case *vm.Code:
			if v.Kind() == vm.KObj {
				c = o
			}
		}
		if c == nil {
			return vm.None, nil
		}
		// asy lays out *args before the keyword-only parameters; CPython's
		// co_varnames has positional, keyword-only, *args, **kwargs, then
		// the other locals.
		locals := c.LocalNames[:min(c.NumLocals, len(c.LocalNames))]
		var order []string
		i := 0
		take := func(n int) {
			for ; n > 0 && i < len(locals); n-- {
				order = append(order, locals[i])
				i++
			}
		}
		take(c.ArgCount)
		vararg := ""
		if c.Flags&vm.FlagVarargs != 0 && i < len(locals) {
			vararg = locals[i]
			i++
		}
		take(c.KwOnlyCount)
		if vararg != "" {
			order = append(order, vararg)
		}
		take(len(locals))
		var names []vm.Value
		for _, n := range order {
			names = append(names, vm.Str(n))
		}
		return vm.Obj(vm.NewTuple([]vm.Value{
			vm.Str(c.Name), vm.Str(c.QualName), vm.Str(c.Filename), vm.Int(int64(c.FirstLine)),
			vm.Int(int64(c.ArgCount)), vm.Int(int64(c.PosOnlyCount)), vm.Int(int64(c.KwOnlyCount)),
			vm.Obj(vm.NewTuple(names)), vm.Int(codeFlags(c)),
		})), nil
	}))
	return m, nil
}

func init() { register("inspect", inspectModule) }
