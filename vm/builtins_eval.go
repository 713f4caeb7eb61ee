package vm

import (
	"strings"

	"github.com/asylang/asy/parser"
)

// eval and exec compile source at run time into the calling frame's module.
// Locals of an enclosing function are not visible (a documented limitation);
// a dict passed as globals is used as a fresh module's namespace, and a
// locals mapping is layered over it: names are read from locals first, and
// what the code binds lands in locals, leaving globals as they were.
// CompiledSource is what compile() returns: source checked for syntax now,
// compiled into whichever namespace exec/eval later run it in.
type CompiledSource struct {
	src, filename, mode string
}

func (*CompiledSource) Class() *Class { return CodeType }

// GetAttr gives the code object attributes scripts read from compile()'s result.
func (c *CompiledSource) GetAttr(t *Thread, name string) (Value, bool, error) {
	switch name {
	case "co_filename":
		return Str(c.filename), true, nil
	case "co_name", "co_qualname":
		return Str("<module>"), true, nil
	case "co_firstlineno":
		return Int(1), true, nil
	}
	return Undef, false, nil
}

func (c *CompiledSource) Repr(t *Thread) (string, error) {
	return "<code object <module> at 0x0, file \"" + c.filename + "\", line 1>", nil
}

func init() {
	builtinFuncs["compile"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("compile", args, kw, 3, "source", "filename", "mode", "flags", "dont_inherit", "optimize")
		if err != nil {
			return Undef, err
		}
		src, ok := a[0].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "compile() arg 1 must be a string, bytes or AST object")
		}
		filename, ok := a[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "compile() argument 'filename' must be str, not %s", a[1].TypeName())
		}
		if _, isStr := a[0].o.(*StrObj); isStr && HasSurrogate(src) {
			_, err := EncodeStr(src, "utf-8", "strict")
			return Undef, err
		}
		mode, _ := a[2].StrOf()
		if mode != "eval" && mode != "exec" && mode != "single" {
			return Undef, Errorf(ValueError, "compile() mode must be 'exec', 'eval' or 'single'")
		}
		// Compiled now (into a scratch module) for its syntax errors; exec
		// and eval compile it again into the namespace they run it in.
		if _, err := t.compileSource(src, filename, mode, NewModule("__main__", "")); err != nil {
			return Undef, err
		}
		return Obj(&CompiledSource{src: src, filename: filename, mode: mode}), nil
	}
	builtinFuncs["eval"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		src, file, mod, sync, err := t.evalArgs("eval", args)
		if err != nil {
			return Undef, err
		}
		mode := "eval"
		if c, ok := args[0].o.(*CompiledSource); ok {
			mode = c.mode
		}
		code, err := t.compileSource(src, file, mode, mod)
		if err != nil {
			return Undef, err
		}
		r, err := t.RunCode(code, mod)
		sync()
		if mode != "eval" {
			r = None
		}
		return r, err
	}
	builtinFuncs["exec"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		src, file, mod, sync, err := t.evalArgs("exec", args)
		if err != nil {
			return Undef, err
		}
		mode := "exec"
		if c, ok := args[0].o.(*CompiledSource); ok {
			mode = c.mode
		}
		code, err := t.compileSource(src, file, mode, mod)
		if err != nil {
			return Undef, err
		}
		_, err = t.RunCode(code, mod)
		sync()
		return None, err
	}
}

// compileSource compiles source text given to compile/exec/eval for mod.
// Errors the compiler finds (after parsing) point at the statement, but
// like CPython they carry the source line only when the file exists.
func (t *Thread) compileSource(src, file, mode string, mod *Module) (*Code, error) {
	if strings.IndexByte(src, 0) >= 0 {
		return nil, NewError(SyntaxErrorType, "source code string cannot contain null bytes")
	}
	var code *Code
	var err error
	if mode == "eval" {
		e, perr := parser.ParseExprLimited(file, []byte(src), t.IntMaxStrDigits())
		if perr != nil {
			return nil, SyntaxErrorFrom(perr)
		}
		code, err = CompileExpr(file, e, mod)
	} else {
		m, perr := parser.ParseLimited(file, []byte(src), t.IntMaxStrDigits())
		if perr != nil {
			return nil, SyntaxErrorFrom(perr)
		}
		if mode == "single" {
			// Expression statements print their value, as at a prompt.
			code, err = bound(compileModule(file, m, false, true))(mod)
		} else {
			code, err = Compile(file, m, mod, false)
		}
	}
	if err != nil {
		err = WithSource(err, []byte(src))
		if se, ok := err.(*parser.SyntaxError); ok {
			se.Text = t.interp.sourceLine(file, se.Line)
			se.NoText = se.Text == ""
		}
		return nil, SyntaxErrorFrom(err)
	}
	return code, nil
}

// layerLocals puts locals over mod's globals for the run and returns the
// function that moves what the code bound (new or rebound names, and every
// name locals had) into locals afterwards.
func layerLocals(mod *Module, locals *Dict) func() {
	before := map[string]Value{}
	for _, n := range mod.Names() {
		before[n], _ = mod.Get(n)
	}
	locals.Items(func(k, v Value) bool {
		if s, ok := k.StrOf(); ok {
			mod.Set(s, v)
		}
		return true
	})
	return func() {
		for _, n := range mod.Names() {
			v, _ := mod.Get(n)
			old, had := before[n]
			_, inLocals := locals.GetStr(n)
			if inLocals || !had || old != v {
				locals.SetStr(n, v)
			}
		}
	}
}

// evalArgs returns the source, its file name, the module to run in, and a function that
// copies the module's globals back into a globals dict argument.
func (t *Thread) evalArgs(name string, args []Value) (string, string, *Module, func(), error) {
	if len(args) == 0 || len(args) > 3 {
		return "", "", nil, nil, Errorf(TypeError, "%s expected at most 3 arguments, got %d", name, len(args))
	}
	src, ok := args[0].StrOf()
	file := "<string>"
	if c, isCode := args[0].o.(*CompiledSource); isCode {
		src, file, ok = c.src, c.filename, true
	}
	if _, isStr := args[0].o.(*StrObj); !isStr {
		if b, isBuf := bytesLike(args[0]); isBuf {
			src, ok = string(b), true // source bytes are UTF-8
		}
	}
	if !ok {
		return "", "", nil, nil, Errorf(TypeError, "%s() arg 1 must be a string, bytes or code object", name)
	}
	if _, isStr := args[0].o.(*StrObj); isStr && HasSurrogate(src) {
		// Source text is encoded to UTF-8 first, as CPython does.
		_, err := EncodeStr(src, "utf-8", "strict")
		return "", "", nil, nil, err
	}
	var mod *Module
	if t.frame != nil {
		mod = t.frame.module
	}
	sync := func() {}
	fresh := false // mod was made for this call from a plain globals dict
	if len(args) >= 2 && !args[1].IsNone() {
		d, ok := args[1].o.(*Dict)
		if !ok {
			return "", "", nil, nil, Errorf(TypeError, "globals must be a dict")
		}
		if d.module != nil {
			// A module's own globals dict: run in that module itself.
			mod = d.module
			goto locals
		}
		mod = NewModule("__main__", "")
		fresh = true
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
		// As CPython, the globals dict gets a reference to the builtins.
		if _, ok := d.GetStr("__builtins__"); !ok {
			d.SetStr("__builtins__", Obj(t.interp.builtins))
		}
	}
	if mod == nil {
		mod = NewModule("__main__", "")
	}
locals:
	if len(args) == 3 && !args[2].IsNone() {
		locals, ok := args[2].o.(*Dict)
		if !ok || !args[2].isObj() {
			return "", "", nil, nil, Errorf(TypeError, "locals must be a mapping")
		}
		if !fresh {
			// A real module's globals (the caller's, or a module's own
			// dict): layer the locals over a scratch copy, not the module.
			scratch := NewModule(mod.Name, "")
			for _, n := range mod.Names() {
				v, _ := mod.Get(n)
				scratch.Set(n, v)
			}
			mod = scratch
		}
		sync = layerLocals(mod, locals)
	}
	return src, file, mod, sync, nil
}
