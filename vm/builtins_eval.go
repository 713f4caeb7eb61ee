package vm

import "github.com/asylang/asy/parser"

// eval and exec compile source at run time into the calling frame's module.
// Locals of an enclosing function are not visible (a documented limitation);
// a dict passed as globals is used as a fresh module's namespace.
func init() {
	builtinFuncs["eval"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		src, mod, sync, err := t.evalArgs("eval", args)
		if err != nil {
			return Undef, err
		}
		e, err := parser.ParseExpr("<string>", []byte(src))
		if err != nil {
			return Undef, SyntaxErrorFrom(err)
		}
		code, err := CompileExpr("<string>", e, mod)
		if err != nil {
			return Undef, SyntaxErrorFrom(err)
		}
		r, err := t.RunCode(code, mod)
		sync()
		return r, err
	}
	builtinFuncs["exec"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		src, mod, sync, err := t.evalArgs("exec", args)
		if err != nil {
			return Undef, err
		}
		m, err := parser.Parse("<string>", []byte(src))
		if err != nil {
			return Undef, SyntaxErrorFrom(err)
		}
		code, err := Compile("<string>", m, mod, false)
		if err != nil {
			return Undef, SyntaxErrorFrom(err)
		}
		_, err = t.RunCode(code, mod)
		sync()
		return None, err
	}
}

// evalArgs returns the source, the module to run in, and a function that
// copies the module's globals back into a globals dict argument.
func (t *Thread) evalArgs(name string, args []Value) (string, *Module, func(), error) {
	if len(args) == 0 || len(args) > 3 {
		return "", nil, nil, Errorf(TypeError, "%s expected at most 3 arguments, got %d", name, len(args))
	}
	src, ok := args[0].StrOf()
	if !ok {
		return "", nil, nil, Errorf(TypeError, "%s() arg 1 must be a string, bytes or code object", name)
	}
	var mod *Module
	if t.frame != nil {
		mod = t.frame.module
	}
	sync := func() {}
	if len(args) >= 2 && !args[1].IsNone() {
		d, ok := args[1].o.(*Dict)
		if !ok {
			return "", nil, nil, Errorf(TypeError, "globals must be a dict")
		}
		mod = NewModule("__main__", "")
		d.Items(func(k, v Value) bool {
			if s, ok := k.StrOf(); ok {
				mod.Set(s, v)
			}
			return true
		})
		sync = func() {
			for _, n := range mod.Names() {
				v, _ := mod.Get(n)
				d.SetStr(n, v)
			}
		}
	}
	if mod == nil {
		mod = NewModule("__main__", "")
	}
	return src, mod, sync, nil
}
