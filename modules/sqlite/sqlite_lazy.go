package sqlite

import (
	"slices"

	"github.com/asylang/asy/vm"
)

// CPython's sqlite3 imports datetime as it loads (sqlite3.datetime, Date,
// Time, Timestamp, and the default adapters in sqlite3.adapters) and collections.abc (to
// register Row as a Sequence). Both are in the script language here and
// compiling them is most of what `import sqlite3` would cost (about 50 ms
// of CPU, against 2 ms without them), so sqlite3 defers them until
// needed, with the same answers:
//   - datetime, Date, Time, Timestamp and adapters are resolved by the module's
//     __getattr__ (PEP 562), which imports datetime and puts them in the
//     module; dir(sqlite3) lists them all the same.
//   - The default adapters are added as soon as datetime is loaded and a
//     value is adapted or an adapter registered (no date or datetime can
//     exist before), first in the dict, as CPython has them.
//   - Row is registered with collections.abc.Sequence by whichever of
//     sqlite3 and collections.abc loads second (see collections.abc.py).

// lazyNames are the module attributes that need datetime.
var lazyNames = []string{"Date", "Time", "Timestamp", "adapters", "datetime"}

// setLazyNames gives the sqlite3 module its __getattr__ and __dir__.
func setLazyNames(m *vm.Module, s *typeState) {
	m.Set("__getattr__", vm.NewBuiltin("__getattr__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("__getattr__", args, kw, 1, "name")
		if err != nil {
			return vm.Undef, err
		}
		name, _ := a[0].StrOf()
		if slices.Contains(lazyNames, name) {
			if v, ok := m.Get(name); ok { // DateFromTicks asks, to see rebinding
				return v, nil
			}
			if err := s.publish(t, m); err != nil {
				return vm.Undef, err
			}
			if v, ok := m.Get(name); ok {
				return v, nil
			}
		}
		return vm.Undef, vm.Errorf(vm.AttributeError, "module 'sqlite3' has no attribute '%s'", name)
	}))
	m.Set("__dir__", vm.NewBuiltin("__dir__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		var out []vm.Value
		seen := map[string]bool{"__dir__": true} // CPython's has a __getattr__ too
		for _, n := range append(m.Names(), lazyNames...) {
			if !seen[n] {
				seen[n] = true
				out = append(out, vm.Str(n))
			}
		}
		return vm.Obj(vm.NewList(out)), nil
	}))
}

// publish imports datetime and puts the names that need it in m.
func (s *typeState) publish(t *vm.Thread, m *vm.Module) error {
	if err := s.defaultAdapters(t); err != nil {
		return err
	}
	dt, err := t.ImportModule("datetime")
	if err != nil {
		return err
	}
	for _, n := range [][2]string{{"Date", "date"}, {"Time", "time"}, {"Timestamp", "datetime"}} {
		if v, ok := dt.Get(n[1]); ok {
			m.Set(n[0], v)
		}
	}
	m.Set("datetime", vm.Obj(dt))
	m.Set("adapters", vm.Obj(s.adapters))
	return nil
}

// loadedDefaults adds the default adapters if datetime is loaded (so that
// a date or datetime may be about to be adapted).
func (s *typeState) loadedDefaults(t *vm.Thread) error {
	if s.defaults {
		return nil
	}
	if _, ok := t.Interp().Module("datetime"); !ok {
		return nil
	}
	return s.defaultAdapters(t)
}
