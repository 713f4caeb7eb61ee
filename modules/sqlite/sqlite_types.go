package sqlite

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"github.com/asylang/asy/vm"
)

// Adapters (Python values to what SQLite stores) and converters (declared
// or named column types to Python values): register_adapter,
// register_converter, detect_types with PARSE_DECLTYPES / PARSE_COLNAMES,
// the default date/datetime adapters and "date"/"timestamp" converters
// that 3.11 still installs, and Connection.text_factory.

var sqlitePrepareProtocol = vm.NewNativeClass("PrepareProtocol", "sqlite3", nil, nil)

// typeState is one interpreter's sqlite3.adapters and sqlite3.converters.
type typeState struct {
	adapters   *vm.Dict // (type, PrepareProtocol) -> callable
	converters *vm.Dict // upper-case type name -> callable
	defaults   bool     // the datetime adapters are in
	// baseAdapted: an adapter was registered for int, float, str or
	// bytearray, so values of those types are looked up too.
	baseAdapted bool
}

var typeStates sync.Map // *vm.Interp -> *typeState

func typesOf(it *vm.Interp) *typeState {
	if s, ok := typeStates.Load(it); ok {
		return s.(*typeState)
	}
	return nil
}

func adapterKey(cls vm.Value) vm.Value {
	return vm.Obj(vm.NewTuple([]vm.Value{cls, vm.Obj(sqlitePrepareProtocol)}))
}

// defaultAdapters adds the adapters for datetime.date and
// datetime.datetime (once), leaving any the script registered first. They
// come first in the dict, as CPython registers them as sqlite3 loads;
// adapters registered earlier (which can only be for other types, or
// datetime was loaded and they came in then) follow. The dict is not yet
// in the module when it is rebuilt here (publish puts it there after).
func (s *typeState) defaultAdapters(t *vm.Thread) error {
	if s.defaults {
		return nil
	}
	s.defaults = true
	dt, err := t.ImportModule("datetime")
	if err != nil {
		return err
	}
	earlier := s.adapters
	s.adapters = vm.NewDict()
	for _, a := range []struct{ cls, sep string }{{"date", ""}, {"datetime", " "}} {
		cls, ok := dt.Get(a.cls)
		if !ok {
			continue
		}
		key := adapterKey(cls)
		if fn, ok, _ := earlier.Get(t, key); ok {
			s.adapters.Set(t, key, fn)
			continue
		}
		sep := a.sep
		name := "adapt_" + a.cls
		s.adapters.Set(t, key, vm.NewBuiltin(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Undef, vm.Errorf(vm.TypeError, "%s() takes 1 positional argument but %d were given", name, len(args))
			}
			if sep == "" {
				return t.CallMethod(args[0], "isoformat")
			}
			return t.CallMethod(args[0], "isoformat", vm.Str(sep))
		}))
	}
	var err2 error
	earlier.Items(func(k, v vm.Value) bool {
		err2 = s.adapters.Set(t, k, v)
		return err2 == nil
	})
	return err2
}

// adapt is what a parameter v binds as: an exact int, float, str or
// bytearray as it is, else what the adapter registered for its type or its
// __conform__ makes of it, else v. s is the interpreter's typeState.
func adapt(t *vm.Thread, s *typeState, v vm.Value) (vm.Value, error) {
	if s == nil || !s.baseAdapted {
		switch v.Kind() {
		case vm.KInt, vm.KFloat:
			return v, nil
		case vm.KObj:
			switch v.AsObj().(type) {
			case *vm.StrObj, *vm.ByteArray:
				return v, nil
			}
		}
	}
	if s != nil {
		if err := s.loadedDefaults(t); err != nil {
			return vm.Undef, err
		}
	}
	if s != nil && s.adapters.Len() > 0 {
		fn, ok, err := s.adapters.Get(t, adapterKey(vm.Obj(v.Class())))
		if err != nil {
			return vm.Undef, err
		}
		if ok {
			return t.Call(fn, []vm.Value{v}, nil)
		}
	}
	if v.Kind() == vm.KObj {
		if _, isInst := v.AsObj().(*vm.Instance); isInst {
			conform, err := t.GetAttr(v, "__conform__")
			if err == nil {
				r, err := t.Call(conform, []vm.Value{vm.Obj(sqlitePrepareProtocol)}, nil)
				if err != nil {
					return vm.Undef, err
				}
				if !r.IsNone() {
					return r, nil
				}
			} else if !vm.IsInstanceOf(err, vm.AttributeError) {
				return vm.Undef, err
			}
		}
	}
	return v, nil
}

// converterFor finds the converter for column i of res (nil if none).
func (c *sqliteConn) converterFor(t *vm.Thread, res *dbResult, i int) (vm.Value, error) {
	s := typesOf(t.Interp())
	if s == nil || c.detect == 0 {
		return vm.Undef, nil
	}
	lookup := func(name string) (vm.Value, error) {
		fn, ok, err := s.converters.Get(t, vm.Str(strings.ToUpper(name)))
		if err != nil || !ok {
			return vm.Undef, err
		}
		return fn, nil
	}
	if c.detect&2 != 0 && i < len(res.cols) {
		name := res.cols[i]
		if open := strings.IndexByte(name, '['); open >= 0 {
			if end := strings.IndexByte(name[open:], ']'); end >= 0 {
				fn, err := lookup(name[open+1 : open+end])
				if err != nil || !fn.IsUndef() {
					return fn, err
				}
			}
		}
	}
	if c.detect&1 != 0 && i < len(res.decl) && res.decl[i] != "" {
		decl := res.decl[i]
		if end := strings.IndexAny(decl, " ("); end >= 0 {
			decl = decl[:end]
		}
		return lookup(decl)
	}
	return vm.Undef, nil
}

// columnName is the name description gives column name: with
// PARSE_COLNAMES, cut before its "[type]" (and one space before that).
func (c *sqliteConn) columnName(name string) string {
	if c.detect&2 == 0 {
		return name
	}
	if i := strings.IndexByte(name, '['); i >= 0 {
		if i > 0 && name[i-1] == ' ' {
			i--
		}
		return name[:i]
	}
	return name
}

// textValue applies text_factory to a TEXT value.
func (c *sqliteConn) textValue(t *vm.Thread, s string) (vm.Value, error) {
	f := c.textFactory
	if f.IsUndef() || f.AsObj() == vm.Object(vm.StrType) {
		return vm.Str(s), nil
	}
	b := vm.Obj(vm.NewBytes([]byte(s)))
	if f.AsObj() == vm.Object(vm.BytesType) {
		return b, nil
	}
	return t.Call(f, []vm.Value{b}, nil)
}

// convertDate is the default "date" converter: b"2024-01-31" -> date.
func convertDate(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	b, err := converterArg(args)
	if err != nil {
		return vm.Undef, err
	}
	parts, err := intParts(b, "-")
	if err != nil {
		return vm.Undef, err
	}
	return callDatetime(t, "date", parts)
}

// convertTimestamp is the default "timestamp" converter:
// b"2024-01-31 12:30:00[.ffffff]" -> datetime.
func convertTimestamp(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	b, err := converterArg(args)
	if err != nil {
		return vm.Undef, err
	}
	halves := bytes.Split(b, []byte(" "))
	if len(halves) != 2 {
		return vm.Undef, unpackError(2, len(halves))
	}
	date, err := intParts(halves[0], "-")
	if err != nil {
		return vm.Undef, err
	}
	timeFull := bytes.Split(halves[1], []byte("."))
	clock, err := intParts(timeFull[0], ":")
	if err != nil {
		return vm.Undef, err
	}
	micro := int64(0)
	if len(timeFull) == 2 {
		frac := string(timeFull[1])
		if len(frac) > 6 {
			frac = frac[:6]
		}
		frac += strings.Repeat("0", 6-len(frac))
		if micro, err = strconv.ParseInt(frac, 10, 64); err != nil {
			return vm.Undef, vm.Errorf(vm.ValueError, "invalid literal for int() with base 10: '%s'", frac)
		}
	}
	return callDatetime(t, "datetime", append(append(date, clock...), vm.Int(micro)))
}

func converterArg(args []vm.Value) ([]byte, error) {
	if len(args) != 1 {
		return nil, vm.Errorf(vm.TypeError, "converter takes 1 positional argument but %d were given", len(args))
	}
	b, ok := vm.BufferData(args[0])
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", args[0].TypeName())
	}
	return b, nil
}

func unpackError(want, got int) error {
	if got < want {
		return vm.Errorf(vm.ValueError, "not enough values to unpack (expected %d, got %d)", want, got)
	}
	return vm.Errorf(vm.ValueError, "too many values to unpack (expected %d)", want)
}

// intParts splits b at sep into ints, as map(int, b.split(sep)).
func intParts(b []byte, sep string) ([]vm.Value, error) {
	fields := bytes.Split(b, []byte(sep))
	out := make([]vm.Value, 0, 3)
	for _, f := range fields {
		n, err := strconv.ParseInt(strings.TrimSpace(string(f)), 10, 64)
		if err != nil {
			return nil, vm.Errorf(vm.ValueError, "invalid literal for int() with base 10: %s", bytesRepr(f))
		}
		out = append(out, vm.Int(n))
	}
	return out, nil
}

func bytesRepr(b []byte) string {
	return "b'" + strings.ReplaceAll(string(b), "'", "\\'") + "'"
}

func callDatetime(t *vm.Thread, cls string, args []vm.Value) (vm.Value, error) {
	dt, err := t.ImportModule("datetime")
	if err != nil {
		return vm.Undef, err
	}
	fn, ok := dt.Get(cls)
	if !ok {
		return vm.Undef, vm.Errorf(vm.AttributeError, "module 'datetime' has no attribute '%s'", cls)
	}
	return t.Call(fn, args, nil)
}

// setTypeNames adds adapters, converters and their functions to the module.
func setTypeNames(it *vm.Interp, m *vm.Module) {
	// One state per interpreter, as CPython's _sqlite3 keeps one however
	// often sqlite3 is imported again (connections keep it).
	s := typesOf(it)
	if s == nil {
		s = &typeState{adapters: vm.NewDict(), converters: vm.NewDict()}
		typeStates.Store(it, s)
		s.converters.SetStr("DATE", vm.NewBuiltin("convert_date", convertDate))
		s.converters.SetStr("TIMESTAMP", vm.NewBuiltin("convert_timestamp", convertTimestamp))
	}
	m.Set("converters", vm.Obj(s.converters))
	m.Set("PrepareProtocol", vm.Obj(sqlitePrepareProtocol))
	// CPython's sqlite3 registers the datetime adapters as it is imported;
	// here as soon as they can matter (sqlite_lazy.go).
	setLazyNames(m, s)
	m.Set("adapt", vm.NewBuiltin("adapt", adaptFunc))
	m.Set("register_adapter", vm.NewBuiltin("register_adapter", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("register_adapter", kw); err != nil {
			return vm.Undef, err
		}
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "register_adapter expected 2 arguments, got %d", len(args))
		}
		switch args[0].AsObj() {
		case vm.Object(vm.IntType), vm.Object(vm.FloatType), vm.Object(vm.StrType), vm.Object(vm.ByteArrayType):
			s.baseAdapted = true
		}
		if err := s.loadedDefaults(t); err != nil {
			return vm.Undef, err
		}
		return vm.None, s.adapters.Set(t, adapterKey(args[0]), args[1])
	}))
	m.Set("register_converter", vm.NewBuiltin("register_converter", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("register_converter", kw); err != nil {
			return vm.Undef, err
		}
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "register_converter expected 2 arguments, got %d", len(args))
		}
		name, ok := args[0].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "register_converter() argument 1 must be str, not %s", args[0].TypeName())
		}
		return vm.None, s.converters.Set(t, vm.Str(strings.ToUpper(name)), args[1])
	}))
}
