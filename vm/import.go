package vm

import (
	"path/filepath"
	"strings"
)

// Imports follow importlib's rules: a dotted name imports each parent
// package first; top-level modules are found in the main script's
// directory (sys.path[0]); a package's submodules in its __path__; relative
// names resolve against the importing module's __package__. Native modules
// (stdlib) take precedence by full name.

// importName implements IMPORT_NAME (builtins.__import__).
func (t *Thread) importName(name string, fromlist Value, level int, from *Module) (Value, error) {
	full := name
	if level > 0 {
		var err error
		if full, err = resolveRelative(name, level, from); err != nil {
			return Undef, err
		}
	}
	if v, ok := t.interp.lookupModule(full); ok {
		// Whatever a script put in sys.modules is what the import gives.
		if v.IsNone() {
			return Undef, moduleNotFound(full, "import of "+full+" halted; None in sys.modules")
		}
		if _, isMod := v.o.(*Module); !isMod || !v.isObj() {
			if i := strings.IndexByte(full, '.'); i >= 0 && level == 0 && (fromlist.IsNone() || fromlist.IsUndef()) {
				top, _ := t.interp.lookupModule(full[:i])
				return top, nil
			}
			return v, nil
		}
	}
	m, err := t.interp.importModule(t, full)
	if err != nil {
		return Undef, err
	}
	if v, ok := t.interp.lookupModule(full); ok && v.o != Value(Obj(m)).o && (strings.IndexByte(full, '.') < 0 || !(fromlist.IsNone() || fromlist.IsUndef())) {
		// The module's body put something else in sys.modules for itself.
		return v, nil
	}
	if fromlist.IsNone() || fromlist.IsUndef() {
		if level == 0 {
			// `import a.b.c` binds a.
			if i := strings.IndexByte(full, '.'); i >= 0 {
				if top, ok := t.interp.lookupModule(full[:i]); ok {
					return top, nil
				}
			}
		}
		return Obj(m), nil
	}
	if err := t.handleFromlist(m, fromlist); err != nil {
		return Undef, err
	}
	return Obj(m), nil
}

// resolveRelative turns the name of a relative import (level leading dots)
// into an absolute one, with importlib's errors.
func resolveRelative(name string, level int, from *Module) (string, error) {
	pkg := packageOf(from)
	if pkg == "" {
		return "", Errorf(ImportError, "attempted relative import with no known parent package")
	}
	bits := strings.Split(pkg, ".")
	if len(bits) < level {
		return "", Errorf(ImportError, "attempted relative import beyond top-level package")
	}
	base := strings.Join(bits[:len(bits)-(level-1)], ".")
	if name == "" {
		return base, nil
	}
	return base + "." + name, nil
}

// packageOf is the package a module's relative imports start from: its
// __package__ when that is a string, else computed from __name__ (the
// module itself for a package, its parent otherwise). The main script's
// __package__ is None and its name "__main__", so it has none.
func packageOf(m *Module) string {
	if m == nil {
		return ""
	}
	if v, ok := m.Get("__package__"); ok {
		if s, ok := v.StrOf(); ok {
			return s
		}
	}
	if _, ok := m.Get("__path__"); ok {
		return m.Name
	}
	if i := strings.LastIndexByte(m.Name, '.'); i >= 0 {
		return m.Name[:i]
	}
	return ""
}

// importModule returns the module of a dotted name, importing its parent
// packages first and binding each new submodule as an attribute of its parent.
func (it *Interp) importModule(t *Thread, name string) (*Module, error) {
	if v, ok := it.lookupModule(name); ok {
		if m, isMod := v.o.(*Module); isMod {
			return m, nil
		}
		if v.IsNone() {
			return nil, moduleNotFound(name, "import of "+name+" halted; None in sys.modules")
		}
		// Something else stands in sys.modules for a package: it has no
		// submodules.
		return nil, moduleNotFound(name, "No module named '"+name+"'")
	}
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		m, err := it.loadModule(t, name, nil)
		return m, err
	}
	var m *Module
	if _, native := it.loader(name); native {
		// A native submodule loads before its parent: the parent's own
		// loader may import it (collections does collections.abc) and is not
		// in sys.modules until it returns — then the parent binds it itself.
		var err error
		if m, err = it.loadModule(t, name, nil); err != nil {
			return nil, err
		}
		if it.nativeLoading(name[:i]) {
			return m, nil
		}
	}
	parent, err := it.importModule(t, name[:i])
	if err != nil {
		return nil, err
	}
	child := name[i+1:]
	if m != nil {
		// A native parent may hold the submodule already (os.path).
		if _, has := parent.Get(child); !has {
			parent.Set(child, Obj(m))
		}
		return m, nil
	}
	// Running the parent's __init__ may have imported it already.
	if m, ok := it.loadedModule(name); ok {
		return m, nil
	}
	if m, err = it.loadModule(t, name, parent); err != nil {
		return nil, err
	}
	parent.Set(child, Obj(m))
	return m, nil
}

// loadModule creates and runs a module that is not loaded yet: a native one
// by its full name, else a source file (a package's __init__.py, NAME.py,
// NAME.asy) or a directory without __init__.py (a namespace package).
func (it *Interp) loadModule(t *Thread, name string, parent *Module) (*Module, error) {
	if name == "builtins" {
		return it.builtins, nil
	}
	if l, ok := it.loader(name); ok {
		loading := it.nativeLoads()
		loading[name] = true
		m, err := l(it)
		delete(loading, name)
		if err != nil {
			// A loader may list its module before running its library
			// part (for circular imports): a failed (or stopped) load
			// leaves no half-made module behind, as CPython's import.
			it.delModule(name)
			return nil, err
		}
		it.setModule(name, m)
		return m, nil
	}
	leaf := name
	dirs := it.searchPath()
	if parent != nil {
		leaf = name[strings.LastIndexByte(name, '.')+1:]
		pv, ok := parent.Get("__path__")
		if !ok {
			if f, _ := parent.Get("__file__"); isStr(f) || (parent.File == "" && !stdlibPackages[parent.Name]) {
				return nil, moduleNotFound(name, "No module named '"+name+"'; '"+parent.Name+"' is not a package")
			}
			return nil, moduleNotFound(name, "No module named '"+name+"'")
		}
		dirs = nil
		if l, ok := pv.o.(*List); ok {
			for _, d := range l.items {
				if s, ok := d.StrOf(); ok {
					dirs = append(dirs, s)
				}
			}
		}
	}
	var namespace []string
	for _, dir := range dirs {
		pkgDir := filepath.Join(dir, leaf)
		for _, ext := range []string{".py", ".asy"} {
			init := filepath.Join(pkgDir, "__init__"+ext)
			if src, err := it.cfg.ReadFile(init); err == nil {
				return it.execModule(t, name, init, []string{pkgDir}, src)
			}
		}
		for _, ext := range []string{".py", ".asy"} {
			path := pkgDir + ext
			if src, err := it.cfg.ReadFile(path); err == nil {
				return it.execModule(t, name, path, nil, src)
			}
		}
		if it.cfg.IsDir(pkgDir) {
			namespace = append(namespace, pkgDir)
		}
	}
	if namespace != nil {
		m := NewModule(name, "")
		it.initModuleAttrs(m, "", namespace)
		it.setModule(name, m)
		return m, nil
	}
	return nil, moduleNotFound(name, "No module named '"+name+"'")
}

// stdlibPackages are the packages among the modules asy provides natively
// (CPython's other modules are plain: `import math.x` says math "is not a package").
var stdlibPackages = map[string]bool{
	"asyncio": true, "collections": true, "concurrent": true, "concurrent.futures": true,
	"json": true, "email": true, "http": true, "urllib": true, "xml": true, "xml.etree": true, "logging": true,
	"unittest": true, "importlib": true, "sqlite3": true, "multiprocessing": true,
	"re": true, "html": true, "encodings": true, "zoneinfo": true, "tomllib": true,
	"ctypes": true, "wsgiref": true, "xmlrpc": true, "dbm": true, "curses": true,
}

type nativeLoadsKey struct{}

// nativeLoads is the set of native modules whose loaders are running.
func (it *Interp) nativeLoads() map[string]bool {
	if v, ok := it.Ext(nativeLoadsKey{}); ok {
		return v.(map[string]bool)
	}
	m := map[string]bool{}
	it.SetExt(nativeLoadsKey{}, m)
	return m
}

func (it *Interp) nativeLoading(name string) bool {
	v, ok := it.Ext(nativeLoadsKey{})
	return ok && v.(map[string]bool)[name]
}

// searchPath is where top-level modules are found: sys.path once sys is
// imported (scripts may change it), else the main script's directory. ""
// stands for that directory, as for CPython it stands for the working
// directory of `python3 -c` and stdin scripts.
func (it *Interp) searchPath() []string {
	sys, ok := it.modules["sys"]
	if !ok {
		return append([]string{it.mainDir}, it.cfg.Path...)
	}
	pv, _ := sys.Get("path")
	l, ok := pv.o.(*List)
	if !ok || !pv.isObj() {
		return append([]string{it.mainDir}, it.cfg.Path...)
	}
	dirs := make([]string, 0, len(l.items))
	for _, v := range l.items {
		if s, ok := v.StrOf(); ok {
			if s == "" {
				s = it.mainDir
			}
			dirs = append(dirs, s)
		}
	}
	return dirs
}

// moduleNotFound is ModuleNotFoundError with its name attribute set.
func moduleNotFound(name, msg string) error {
	e := NewError(ModuleNotFoundError, msg)
	e.SetAttr("name", Str(name))
	return e
}

// execModule runs the source of a module (a package when path is not nil)
// under sys.modules[name], removing it again if the body raises.
func (it *Interp) execModule(t *Thread, name, file string, path []string, src []byte) (*Module, error) {
	m := NewModule(name, file)
	spec := it.initModuleAttrs(m, file, path)
	it.setModule(name, m)
	spec.initializing = true
	err := it.execSource(t, m, file, src, false)
	spec.initializing = false
	if err != nil {
		it.delModule(name)
		return nil, err
	}
	// A module may replace itself in sys.modules while it runs; the
	// import gives what is there then.
	if v, ok := it.lookupModule(name); ok {
		if m2, isMod := v.o.(*Module); isMod {
			return m2, nil
		}
	}
	return m, nil
}

// initModuleAttrs sets the attributes importlib gives a module before its
// body runs, in CPython's order.
func (it *Interp) initModuleAttrs(m *Module, file string, path []string) *moduleSpec {
	pkg := m.Name
	if path == nil {
		if i := strings.LastIndexByte(pkg, '.'); i >= 0 {
			pkg = pkg[:i]
		} else {
			pkg = ""
		}
	}
	spec := newModuleSpec(m.Name, pkg, file, path)
	m.Set("__name__", Str(m.Name))
	m.Set("__doc__", None)
	m.Set("__package__", Str(pkg))
	m.Set("__loader__", spec.loader)
	m.Set("__spec__", Obj(spec))
	if path != nil {
		m.Set("__path__", spec.locations)
	}
	if file != "" {
		m.Set("__file__", Str(file))
	} else {
		m.Set("__file__", None) // a namespace package (CPython 3.11 sets None)
	}
	return spec
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

// handleFromlist imports the submodules a `from package import a, b` (or
// `*`, through __all__) names that are not attributes of the package yet,
// as importlib's _handle_fromlist does. A name that is no submodule is left
// for IMPORT_FROM to report.
func (t *Thread) handleFromlist(m *Module, fromlist Value) error {
	if _, isPkg := m.Get("__path__"); !isPkg && !stdlibPackages[m.Name] {
		// (asy's own packages have no __path__: their submodules are
		// built in, `from unittest import mock` loads one.)
		return nil
	}
	var names []string
	err := t.Iterate(fromlist, func(v Value) error {
		s, ok := v.StrOf()
		if !ok {
			return nil
		}
		if s == "*" {
			if all, ok := m.Get("__all__"); ok {
				return t.Iterate(all, func(v Value) error {
					if s, ok := v.StrOf(); ok {
						names = append(names, s)
					}
					return nil
				})
			}
			return nil
		}
		names = append(names, s)
		return nil
	})
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, ok := m.Get(n); ok {
			continue
		}
		sub := m.Name + "." + n
		if _, err := t.interp.importModule(t, sub); err != nil {
			if IsInstanceOf(err, ModuleNotFoundError) {
				if name, ok := AsException(err).Attr("name"); ok {
					if s, _ := name.StrOf(); s == sub {
						continue
					}
				}
			}
			return err
		}
	}
	return nil
}

// importFrom implements IMPORT_FROM: an attribute of the module, else a
// submodule already in sys.modules (a circular import in progress).
func (t *Thread) importFrom(modv Value, name string) (Value, error) {
	v, ok, err := t.getAttr(modv, name)
	if err != nil && !IsInstanceOf(err, AttributeError) {
		return Undef, err
	}
	if ok {
		return v, nil
	}
	m, isMod := modv.o.(*Module)
	if !isMod || !modv.isObj() {
		return Undef, Errorf(ImportError, "cannot import name '%s' from '<unknown module name>' (unknown location)", name)
	}
	if sub, ok := t.interp.lookupModule(m.Name + "." + name); ok {
		return sub, nil
	}
	loc := "unknown location"
	if f, ok := m.Get("__file__"); ok && isStr(f) {
		loc, _ = f.StrOf()
	}
	if spec, ok := m.Get("__spec__"); ok {
		if s, ok := spec.o.(*moduleSpec); ok {
			if s.initializing {
				return Undef, Errorf(ImportError, "cannot import name '%s' from partially initialized module '%s' (most likely due to a circular import) (%s)", name, m.Name, loc)
			}
		}
	}
	return Undef, Errorf(ImportError, "cannot import name '%s' from '%s' (%s)", name, m.Name, loc)
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
			v, err := t.GetAttr(modv, s)
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

// ImportModule imports a module by its absolute dotted name (as `import name` would).
func (t *Thread) ImportModule(name string) (*Module, error) {
	return t.interp.importModule(t, name)
}

func isStr(v Value) bool { _, ok := v.StrOf(); return ok }
