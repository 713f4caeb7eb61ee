package stdlib

import "github.com/asylang/asy/vm"

// _logging: the hot step of logging's %-style Formatter in Go. CPython
// formats `fmt % record.__dict__`; asking an instance for its __dict__
// switches it to dict storage and copying that dict costs more than the
// formatting, so percent_format builds the mapping from just the fields
// the format names, read straight from the record's attributes (then the
// style's defaults), and applies the format to it. Missing fields raise
// the KeyError `%` would.

type logFormats struct {
	keys map[string][]string // format -> the %(name) fields it names; nil: unparsable
}

func init() {
	register("_logging", func(it *vm.Interp) (*vm.Module, error) {
		m := vm.NewModule("_logging", "")
		lf := &logFormats{keys: map[string][]string{}}
		m.Set("percent_format", vm.NewBuiltin("percent_format", lf.percentFormat))
		return m, nil
	})
}

// fieldNames lists the mapping keys a %-format uses, as str % mapping
// parses them (nested parentheses belong to the key); ok is false when
// the format's parentheses do not balance or a conversion has no key (it
// would format the whole mapping): then the mapping must be complete.
func fieldNames(f string) (names []string, ok bool) {
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		if i >= len(f) {
			return names, true
		}
		if f[i] == '%' {
			continue
		}
		if f[i] != '(' {
			// A positional conversion formats the mapping itself.
			return nil, false
		}
		depth, start := 1, i+1
		j := start
		for ; j < len(f) && depth > 0; j++ {
			switch f[j] {
			case '(':
				depth++
			case ')':
				depth--
			}
		}
		if depth > 0 {
			return nil, false
		}
		names = append(names, f[start:j-1])
		i = j - 1
	}
	return names, true
}

// percentFormat is percent_format(fmt, record, defaults).
func (lf *logFormats) percentFormat(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("percent_format", args, 3); err != nil {
		return vm.Undef, err
	}
	fv, rec, defaults := args[0], args[1], args[2]
	f, isStr := fv.StrOf()
	inst, isInst := rec.AsObj().(*vm.Instance)
	if !isStr || rec.Kind() != vm.KObj || !isInst {
		return vm.Undef, vm.NewError(vm.TypeError, "percent_format needs a str format and a record instance")
	}
	var defs *vm.Dict
	if !defaults.IsNone() {
		if d, ok := defaults.AsObj().(*vm.Dict); ok && defaults.Kind() == vm.KObj {
			defs = d
		} else {
			defs = vm.NewDict()
			if err := t.DictUpdate(defs, defaults); err != nil {
				return vm.Undef, err
			}
		}
	}
	names, seen := lf.keys[f]
	if !seen {
		var ok bool
		if names, ok = fieldNames(f); ok && names == nil {
			names = []string{}
		}
		if len(lf.keys) < 256 {
			lf.keys[f] = names
		}
	}
	m := vm.NewDict()
	if names == nil {
		// Unbalanced: the whole record, as CPython's mapping.
		if defs != nil {
			if err := t.DictUpdate(m, vm.Obj(defs)); err != nil {
				return vm.Undef, err
			}
		}
		inst.EachAttr(func(k string, v vm.Value) { m.SetStr(k, v) })
	} else {
		for _, k := range names {
			if v, ok := inst.Attr(k); ok {
				m.SetStr(k, v)
			} else if defs != nil {
				if v, ok := defs.GetStr(k); ok {
					m.SetStr(k, v)
				}
			}
		}
	}
	return t.BinaryOp("%", fv, vm.Obj(m))
}
