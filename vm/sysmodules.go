package vm

import "sort"

// sys.modules is a dict scripts may change: assigning an entry makes
// `import name` give that object, deleting one makes the next import run
// the module again, None blocks the import. Until sys is imported the
// interpreter's own table (it.modules) is all there is; from then on the
// dict is the truth and it.modules a cache of the *Module entries.

// SysModules returns the dict that is sys.modules, made on first use from
// the modules loaded so far.
func (it *Interp) SysModules() *Dict {
	if it.sysModules == nil {
		d := NewDict()
		names := make([]string, 0, len(it.modules))
		for n := range it.modules {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			d.SetStr(n, Obj(it.modules[n]))
		}
		it.sysModules = d
	}
	return it.sysModules
}

// lookupModule is sys.modules[name]: any object a script put there.
func (it *Interp) lookupModule(name string) (Value, bool) {
	if d := it.sysModules; d != nil {
		v, ok := d.GetStr(name)
		if !ok {
			delete(it.modules, name)
		}
		return v, ok
	}
	m, ok := it.modules[name]
	if !ok {
		return Undef, false
	}
	return Obj(m), true
}

// loadedModule is sys.modules[name] when that is a module.
func (it *Interp) loadedModule(name string) (*Module, bool) {
	v, ok := it.lookupModule(name)
	if !ok {
		return nil, false
	}
	m, isMod := v.o.(*Module)
	return m, isMod && v.isObj()
}

func (it *Interp) setModule(name string, m *Module) {
	it.modules[name] = m
	if d := it.sysModules; d != nil {
		d.SetStr(name, Obj(m))
	}
}

func (it *Interp) delModule(name string) {
	delete(it.modules, name)
	if d := it.sysModules; d != nil {
		d.Delete(nil, Str(name))
	}
}
