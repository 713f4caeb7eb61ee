package vm

import (
	"path/filepath"
	"strings"
)

// importName implements IMPORT_NAME: native modules first, then script files
// (NAME.py or NAME.asy) next to the main script.
func (t *Thread) importName(name string, fromlist Value, level int, from *Module) (Value, error) {
	if level > 0 {
		// Relative imports resolve against the importing module's directory.
		name = strings.TrimPrefix(name, ".")
	}
	parts := strings.Split(name, ".")
	var top, leaf *Module
	for i := range parts {
		full := strings.Join(parts[:i+1], ".")
		m, err := t.interp.loadModule(t, full, from)
		if err != nil {
			return Undef, err
		}
		if i == 0 {
			top = m
		} else if parent := leaf; parent != nil {
			if _, ok := parent.Get(parts[i]); !ok {
				parent.Set(parts[i], Obj(m))
			}
		}
		leaf = m
	}
	if fromlist.IsNone() {
		return Obj(top), nil
	}
	return Obj(leaf), nil
}

// loadModule returns a cached module or loads it.
func (it *Interp) loadModule(t *Thread, name string, from *Module) (*Module, error) {
	if m, ok := it.modules[name]; ok {
		return m, nil
	}
	if name == "builtins" {
		return it.builtins, nil
	}
	if l, ok := it.loaders[name]; ok {
		m, err := l(it)
		if err != nil {
			return nil, err
		}
		it.modules[name] = m
		return m, nil
	}
	dir := it.mainDir
	if from != nil && from.File != "" {
		dir = filepath.Dir(from.File)
	}
	rel := strings.ReplaceAll(name, ".", string(filepath.Separator))
	for _, ext := range []string{".py", ".asy"} {
		path := filepath.Join(dir, rel+ext)
		src, err := it.cfg.ReadFile(path)
		if err != nil {
			continue
		}
		m := NewModule(name, path)
		m.Set("__name__", Str(name))
		m.Set("__file__", Str(path))
		it.modules[name] = m
		if err := it.execSource(t, m, path, src, false); err != nil {
			delete(it.modules, name)
			return nil, err
		}
		return m, nil
	}
	init := filepath.Join(dir, rel, "__init__.py")
	initSrc, initErr := it.cfg.ReadFile(init)
	if initErr == nil || it.cfg.IsDir(filepath.Join(dir, rel)) {
		m := NewModule(name, filepath.Join(dir, rel))
		m.Set("__name__", Str(name))
		it.modules[name] = m
		if initErr == nil {
			if err := it.execSource(t, m, init, initSrc, false); err != nil {
				delete(it.modules, name)
				return nil, err
			}
		}
		return m, nil
	}
	e := NewError(ModuleNotFoundError, "No module named '"+name+"'")
	return nil, e
}

// execSource parses, compiles and runs src as the body of module m.
func (it *Interp) execSource(t *Thread, m *Module, file string, src []byte, topLevelAwait bool) error {
	code, err := it.CompileModule(m, file, src, topLevelAwait)
	if err != nil {
		return err
	}
	_, err = t.RunCode(code, m)
	return err
}

// importFrom implements IMPORT_FROM.
func (t *Thread) importFrom(modv Value, name string) (Value, error) {
	v, ok, err := t.getAttr(modv, name)
	if err != nil && !IsInstanceOf(err, AttributeError) {
		return Undef, err
	}
	if ok {
		return v, nil
	}
	if m, isMod := modv.o.(*Module); isMod && modv.k == KObj {
		// A submodule: from pkg import sub
		if sub, err := t.interp.loadModule(t, m.Name+"."+name, m); err == nil {
			return Obj(sub), nil
		}
		loc := "unknown location"
		if m.File != "" {
			loc = m.File
		}
		return Undef, Errorf(ImportError, "cannot import name '%s' from '%s' (%s)", name, m.Name, loc)
	}
	return Undef, Errorf(ImportError, "cannot import name '%s'", name)
}

// importStar implements `from m import *`.
func (t *Thread) importStar(modv Value, into *Module) error {
	m, ok := modv.o.(*Module)
	if !ok {
		return Errorf(TypeError, "import * needs a module")
	}
	if all, ok := m.Get("__all__"); ok {
		return t.Iterate(all, func(n Value) error {
			s, _ := n.StrOf()
			v, err := t.importFrom(modv, s)
			if err != nil {
				return err
			}
			into.Set(s, v)
			return nil
		})
	}
	for _, n := range m.Names() {
		if strings.HasPrefix(n, "_") {
			continue
		}
		v, _ := m.Get(n)
		into.Set(n, v)
	}
	return nil
}

// ImportModule imports a module by name (as `import name` would).
func (t *Thread) ImportModule(name string) (*Module, error) {
	return t.interp.loadModule(t, name, nil)
}
