package vm

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/asylang/asy/parser"
)

// SyntaxErrorFrom converts a parser error into a Python SyntaxError instance.
func SyntaxErrorFrom(err error) error {
	se, ok := err.(*parser.SyntaxError)
	if !ok {
		return err
	}
	cls := SyntaxErrorType
	switch se.Kind {
	case "IndentationError":
		cls = IndentationError
	case "TabError":
		cls = TabError
	case "MemoryError":
		// The parser's nesting limit (CPython: "parser stack overflow").
		return NewError(MemoryError, "")
	}
	inst := NewError(cls, se.Msg)
	inst.exc().syntax = se
	return inst
}

// SyntaxInfo returns the parser error behind a SyntaxError instance, if any.
func (i *Instance) SyntaxInfo() *parser.SyntaxError {
	if i.exc() == nil {
		return nil
	}
	return i.exc().syntax
}

// RunCode runs a compiled module body in m on this thread (synchronously).
func (t *Thread) RunCode(code *Code, m *Module) (Value, error) {
	code = code.Bind(m)
	fn := &Function{code: code, name: code.Name, qualname: code.Name, module: m}
	if code.Flags&FlagCoroutine != 0 {
		// A module with top-level await: the caller (runtime) must drive it.
		return t.makeGenerator(fn, nil, nil)
	}
	return t.Call(Obj(fn), nil, nil)
}

// CompileModule parses and compiles a file for module m.
func (it *Interp) CompileModule(m *Module, file string, src []byte, topLevelAwait bool) (*Code, error) {
	it.AddSource(file, src)
	if m.Name == "__main__" {
		it.mainSrc = src
	}
	mod, err := parser.ParseLimited(file, src, it.IntMaxStrDigits())
	if err != nil {
		return nil, SyntaxErrorFrom(err)
	}
	for _, w := range mod.Warnings {
		// CPython's warnings.showwarning format (no source line when there
		// is none to show, as for -c and stdin scripts).
		msg := fmt.Sprintf("%s:%d: SyntaxWarning: %s\n", file, w.Line, w.Msg)
		if line := strings.TrimSpace(it.sourceLine(file, w.Line)); line != "" {
			msg += "  " + line + "\n"
		}
		it.WriteStderr(msg)
	}
	code, err := Compile(file, mod, m, topLevelAwait)
	if err != nil {
		return nil, SyntaxErrorFrom(WithSource(err, src))
	}
	return code, nil
}

// WithSource completes a compiler SyntaxError with its source line; CPython
// underlines the whole offending statement for these errors.
func WithSource(err error, src []byte) error {
	se, ok := err.(*parser.SyntaxError)
	if !ok || se.Text != "" || se.Line < 1 {
		return err
	}
	lines := strings.Split(string(src), "\n")
	if se.Line <= len(lines) {
		se.Text = strings.TrimRight(lines[se.Line-1], "\r")
		if se.Col < 1 {
			se.Col = len(se.Text) - len(strings.TrimLeft(se.Text, " \t")) + 1
		}
		end := strings.TrimRight(se.Text, " \t")
		if i := strings.Index(end, "#"); i >= 0 {
			end = strings.TrimRight(end[:i], " \t")
		}
		if se.EndCol <= se.Col {
			se.EndCol = len(end) + 1
		}
	}
	return se
}

// MainModule makes the __main__ module for a script file and remembers its
// directory for imports.
func (it *Interp) MainModule(file string) *Module {
	m := NewModule("__main__", file)
	m.Set("__name__", Str("__main__"))
	m.Set("__file__", Str(file))
	m.Set("__doc__", None)
	// Run as a script, the main module is in no package: relative imports fail.
	m.Set("__package__", None)
	m.Set("__spec__", None)
	it.setModule("__main__", m)
	it.mainDir = filepath.Dir(file)
	if strings.HasPrefix(file, "<") {
		// -c and stdin scripts, the REPL: imports come from the working
		// directory, and modules know themselves by absolute paths.
		if wd, err := os.Getwd(); err == nil {
			it.mainDir = wd
		}
	}
	it.mainFile = file
	return m
}

// ModuleMain makes the __main__ module for `-m name`: the module's file
// runs as __main__ with the spec and package of name (so relative imports
// work), and top-level imports start from dir (the working directory).
func (it *Interp) ModuleMain(name, file, dir string) *Module {
	m := it.MainModule(file)
	pkg := ""
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		pkg = name[:i]
	}
	m.Set("__package__", Str(pkg))
	m.Set("__spec__", Obj(newModuleSpec(name, pkg, file, nil)))
	it.mainDir = dir
	return m
}

// SysPath0 is sys.path[0] as CPython sets it: the main script's directory,
// or "" (the working directory) for -c and stdin scripts, the REPL and
// embedders.
func (it *Interp) SysPath0() string {
	if strings.HasPrefix(it.mainFile, "<") || it.mainDir == "." {
		return ""
	}
	return it.mainDir
}

// MainFile is the main script's path ("" before MainModule).
func (it *Interp) MainFile() string { return it.mainFile }

// MainSource returns the main script's source text (as recorded for tracebacks).
func (it *Interp) MainSource() []byte { return it.mainSrc }

// ForkMain prepares, in a fresh interpreter, the main script as module
// "__mp_main__" (so its `if __name__ == "__main__":` block does not run),
// as a process pool's worker does.
func (it *Interp) ForkMain(file string, src []byte) (*Module, error) {
	m := NewModule("__mp_main__", file)
	m.Set("__name__", Str("__mp_main__"))
	m.Set("__file__", Str(file))
	it.setModule("__mp_main__", m)
	it.setModule("__main__", m)
	it.mainDir = filepath.Dir(file)
	code, err := it.CompileModule(m, file, src, false)
	if err != nil {
		return nil, err
	}
	if _, err := it.main.RunCode(code, m); err != nil {
		return nil, err
	}
	return m, nil
}
