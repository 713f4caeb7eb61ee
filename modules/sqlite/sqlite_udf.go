package sqlite

import (
	"math/big"
	"sync"
	"unsafe"

	"modernc.org/libc"
	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/asylang/asy/vm"
	"github.com/asylang/asy/vm/goconv"
)

// Application-defined SQL functions, aggregates, window functions and
// collations (Connection.create_function, create_aggregate,
// create_window_function, create_collation): SQLite calls the trampolines
// below with the id of a udf as its user data.

type udfKind int

const (
	udfScalar udfKind = iota
	udfAggregate
	udfWindow
	udfCollation
)

// udf is one registered function or collation.
type udf struct {
	c    *dbConn
	name string
	narg int32
	kind udfKind
	fn   vm.Value // the function, or the aggregate's class
}

// udfTable holds the registered udfs and live aggregate instances by id.
var udfTable = struct {
	sync.Mutex
	funcs map[uintptr]*udf
	aggs  map[uintptr]vm.Value
	next  uintptr
}{funcs: map[uintptr]*udf{}, aggs: map[uintptr]vm.Value{}}

func newID() uintptr {
	udfTable.next++
	return udfTable.next
}

func lookupUDF(id uintptr) *udf {
	udfTable.Lock()
	defer udfTable.Unlock()
	return udfTable.funcs[id]
}

// register creates (fn not None) or deletes a function or collation on c
// (c.mu held); the error is SQLite's result code.
func (c *dbConn) register(f *udf, deterministic bool) int32 {
	h, err := c.scriptHooks()
	if err != nil {
		return sqlite3lib.SQLITE_MISUSE
	}
	tls, db := c.h.tls, c.h.db
	name := cString(tls, f.name)
	defer sqlite3lib.Xsqlite3_free(tls, name)
	var id uintptr
	// None deletes a window function or collation (for create_function
	// and create_aggregate, None is registered as the callable).
	remove := f.fn.IsNone() && (f.kind == udfWindow || f.kind == udfCollation)
	if !remove {
		udfTable.Lock()
		id = newID()
		udfTable.funcs[id] = f
		udfTable.Unlock()
		h.funcs[id] = f
	}
	enc := int32(sqlite3lib.SQLITE_UTF8)
	if deterministic {
		enc |= sqlite3lib.SQLITE_DETERMINISTIC
	}
	destroy := cFunc(udfDestroy)
	var rc int32
	switch {
	case f.kind == udfCollation && remove:
		rc = sqlite3lib.Xsqlite3_create_collation_v2(tls, db, name, enc, 0, 0, 0)
	case f.kind == udfCollation:
		rc = sqlite3lib.Xsqlite3_create_collation_v2(tls, db, name, enc, id, cFunc(udfCollate), destroy)
	case remove && f.kind == udfWindow:
		rc = sqlite3lib.Xsqlite3_create_window_function(tls, db, name, f.narg, enc, 0, 0, 0, 0, 0, 0)
	case remove:
		rc = sqlite3lib.Xsqlite3_create_function_v2(tls, db, name, f.narg, enc, 0, 0, 0, 0, 0)
	case f.kind == udfScalar:
		rc = sqlite3lib.Xsqlite3_create_function_v2(tls, db, name, f.narg, enc, id, cFunc(udfCall), 0, 0, destroy)
	case f.kind == udfAggregate:
		rc = sqlite3lib.Xsqlite3_create_function_v2(tls, db, name, f.narg, enc, id, 0, cFunc(udfStep), cFunc(udfFinal), destroy)
	default:
		rc = sqlite3lib.Xsqlite3_create_window_function(tls, db, name, f.narg, enc, id,
			cFunc(udfStep), cFunc(udfFinal), cFunc(udfValue), cFunc(udfInverse), destroy)
	}
	if rc != sqlite3lib.SQLITE_OK && id != 0 {
		// SQLite calls xDestroy on failure too, except for misuse
		// caught before: forget it either way.
		forgetUDF(id)
	}
	return rc
}

func forgetUDF(id uintptr) {
	udfTable.Lock()
	f := udfTable.funcs[id]
	delete(udfTable.funcs, id)
	udfTable.Unlock()
	if f != nil && f.c.hooks != nil {
		delete(f.c.hooks.funcs, id)
	}
}

// udfDestroy is xDestroy: SQLite dropped the function (replaced, deleted,
// or the connection closed).
func udfDestroy(tls *libc.TLS, id uintptr) { forgetUDF(id) }

// udfArgs converts the SQL arguments of a call (lock held).
func udfArgs(tls *libc.TLS, argc int32, argv uintptr) []vm.Value {
	args := make([]vm.Value, argc)
	for i := range args {
		v := *(*uintptr)(cPtr(argv + uintptr(i)*unsafe.Sizeof(uintptr(0))))
		args[i] = sqlValueOf(tls, v)
	}
	return args
}

// sqlValueOf converts one sqlite3_value.
func sqlValueOf(tls *libc.TLS, v uintptr) vm.Value {
	switch sqlite3lib.Xsqlite3_value_type(tls, v) {
	case sqlite3lib.SQLITE_INTEGER:
		return vm.Int(sqlite3lib.Xsqlite3_value_int64(tls, v))
	case sqlite3lib.SQLITE_FLOAT:
		return vm.Float(sqlite3lib.Xsqlite3_value_double(tls, v))
	case sqlite3lib.SQLITE_TEXT:
		p := sqlite3lib.Xsqlite3_value_text(tls, v)
		return vm.Str(goText(p, int(sqlite3lib.Xsqlite3_value_bytes(tls, v))))
	case sqlite3lib.SQLITE_BLOB:
		p := sqlite3lib.Xsqlite3_value_blob(tls, v)
		n := int(sqlite3lib.Xsqlite3_value_bytes(tls, v))
		b := make([]byte, n)
		if n > 0 {
			copy(b, unsafe.Slice((*byte)(cPtr(p)), n))
		}
		return vm.Obj(vm.NewBytes(b))
	}
	return vm.None
}

// errUnsupportedResult marks a result of a type SQLite cannot store.
var errUnsupportedResult = vm.Errorf(vm.TypeError, "unsupported result type")

// udfResult sets the function's result from v (lock held): goconv's
// scalar row (a bool as an integer), or any buffer as a BLOB.
func udfResult(tls *libc.TLS, ctx uintptr, v vm.Value) error {
	x, ok := goconv.Scalar(v)
	if !ok {
		b, isBuf := vm.BufferData(v)
		if !isBuf {
			return errUnsupportedResult
		}
		x = b
	}
	switch x := x.(type) {
	case nil:
		sqlite3lib.Xsqlite3_result_null(tls, ctx)
	case bool:
		n := int64(0)
		if x {
			n = 1
		}
		sqlite3lib.Xsqlite3_result_int64(tls, ctx, n)
	case int64:
		sqlite3lib.Xsqlite3_result_int64(tls, ctx, x)
	case float64:
		sqlite3lib.Xsqlite3_result_double(tls, ctx, x)
	case string:
		p := cString(tls, x)
		if p == 0 {
			sqlite3lib.Xsqlite3_result_error_nomem(tls, ctx)
			return nil
		}
		// SQLITE_TRANSIENT (-1): SQLite copies the text.
		sqlite3lib.Xsqlite3_result_text(tls, ctx, p, int32(len(x)), ^uintptr(0))
		sqlite3lib.Xsqlite3_free(tls, p)
	case *big.Int:
		return vm.Errorf(vm.OverflowError, "Python int too large to convert to SQLite INTEGER")
	case []byte:
		p := sqlite3lib.Xsqlite3_malloc(tls, int32(len(x)+1))
		if p == 0 {
			sqlite3lib.Xsqlite3_result_error_nomem(tls, ctx)
			return nil
		}
		copy(unsafe.Slice((*byte)(cPtr(p)), len(x)), x)
		sqlite3lib.Xsqlite3_result_blob(tls, ctx, p, int32(len(x)), ^uintptr(0))
		sqlite3lib.Xsqlite3_free(tls, p)
	}
	return nil
}

// udfError reports err as the function's failure, as CPython does: an
// OverflowError as "string or blob too big", a MemoryError as out of
// memory, anything else as msg.
func udfError(tls *libc.TLS, ctx uintptr, err error, msg string) {
	switch {
	case vm.IsInstanceOf(err, vm.OverflowError):
		sqlite3lib.Xsqlite3_result_error_toobig(tls, ctx)
	case vm.IsInstanceOf(err, vm.MemoryError):
		sqlite3lib.Xsqlite3_result_error_nomem(tls, ctx)
	default:
		resultError(tls, ctx, msg)
	}
}

func resultError(tls *libc.TLS, ctx uintptr, msg string) {
	p := cString(tls, msg)
	sqlite3lib.Xsqlite3_result_error(tls, ctx, p, -1)
	sqlite3lib.Xsqlite3_free(tls, p)
}

// udfCall is xFunc of a scalar function.
func udfCall(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	const msg = "user-defined function raised exception"
	f := lookupUDF(sqlite3lib.Xsqlite3_user_data(tls, ctx))
	if f == nil || f.c.hooks == nil {
		resultError(tls, ctx, msg)
		return
	}
	ran := f.c.hooks.callScript(func(t *vm.Thread) {
		v, err := t.Call(f.fn, udfArgs(tls, argc, argv), nil)
		if err == nil {
			err = udfResult(tls, ctx, v)
		}
		if err != nil {
			callbackTraceback(t, f.fn, err)
			udfError(tls, ctx, err, msg)
		}
	})
	if !ran {
		resultError(tls, ctx, msg)
	}
}

// aggregate returns the aggregate instance of this invocation, made (cls())
// on first use when create is set; ok=false when the error is reported.
func aggregate(t *vm.Thread, tls *libc.TLS, ctx uintptr, f *udf, create bool) (vm.Value, bool) {
	size := int32(0)
	if create {
		size = int32(unsafe.Sizeof(uintptr(0)))
	}
	p := sqlite3lib.Xsqlite3_aggregate_context(tls, ctx, size)
	if p == 0 {
		if create {
			sqlite3lib.Xsqlite3_result_error_nomem(tls, ctx)
		}
		return vm.Undef, false
	}
	slot := (*uintptr)(cPtr(p))
	if *slot != 0 {
		udfTable.Lock()
		inst := udfTable.aggs[*slot]
		udfTable.Unlock()
		return inst, true
	}
	if !create {
		return vm.Undef, false
	}
	inst, err := t.Call(f.fn, nil, nil)
	if err != nil {
		callbackTraceback(t, f.fn, err)
		udfError(tls, ctx, err, "user-defined aggregate's '__init__' method raised error")
		return vm.Undef, false
	}
	udfTable.Lock()
	id := newID()
	udfTable.aggs[id] = inst
	udfTable.Unlock()
	*slot = id
	return inst, true
}

// aggMethod calls the aggregate's method name, reporting a missing method or
// an exception as CPython words them.
func aggMethod(t *vm.Thread, tls *libc.TLS, ctx uintptr, inst vm.Value, name string, args []vm.Value) (vm.Value, bool) {
	m, err := t.GetAttr(inst, name)
	if err != nil {
		if vm.IsInstanceOf(err, vm.AttributeError) {
			resultError(tls, ctx, "user-defined aggregate's '"+name+"' method not defined")
		} else {
			udfError(tls, ctx, err, "user-defined aggregate's '"+name+"' method raised error")
		}
		return vm.Undef, false
	}
	v, err := t.Call(m, args, nil)
	if err != nil {
		callbackTraceback(t, m, err)
		udfError(tls, ctx, err, "user-defined aggregate's '"+name+"' method raised error")
		return vm.Undef, false
	}
	return v, true
}

// udfStep is xStep of aggregates and window functions.
func udfStep(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	aggStep(tls, ctx, argc, argv, "step")
}

// udfInverse is xInverse of window functions.
func udfInverse(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	aggStep(tls, ctx, argc, argv, "inverse")
}

func aggStep(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr, method string) {
	f := lookupUDF(sqlite3lib.Xsqlite3_user_data(tls, ctx))
	if f == nil || f.c.hooks == nil {
		resultError(tls, ctx, "user-defined aggregate's '"+method+"' method raised error")
		return
	}
	f.c.hooks.callScript(func(t *vm.Thread) {
		inst, ok := aggregate(t, tls, ctx, f, true)
		if ok {
			aggMethod(t, tls, ctx, inst, method, udfArgs(tls, argc, argv))
		}
	})
}

// udfValue is xValue of window functions.
func udfValue(tls *libc.TLS, ctx uintptr) { aggResult(tls, ctx, "value", false) }

// udfFinal is xFinal: the result, then the instance is dropped.
func udfFinal(tls *libc.TLS, ctx uintptr) { aggResult(tls, ctx, "finalize", true) }

func aggResult(tls *libc.TLS, ctx uintptr, method string, final bool) {
	f := lookupUDF(sqlite3lib.Xsqlite3_user_data(tls, ctx))
	if f == nil || f.c.hooks == nil {
		return
	}
	f.c.hooks.callScript(func(t *vm.Thread) {
		inst, ok := aggregate(t, tls, ctx, f, false)
		if !ok {
			return // no row was stepped: NULL
		}
		if v, ok := aggMethod(t, tls, ctx, inst, method, nil); ok {
			if err := udfResult(tls, ctx, v); err != nil {
				udfError(tls, ctx, err, "user-defined aggregate's '"+method+"' method raised error")
			}
		}
	})
	if final {
		if p := sqlite3lib.Xsqlite3_aggregate_context(tls, ctx, 0); p != 0 {
			udfTable.Lock()
			delete(udfTable.aggs, *(*uintptr)(cPtr(p)))
			udfTable.Unlock()
		}
	}
}

// udfCollate is a collation's compare function: the callable's result is
// an int whose sign orders the texts (anything else counts as equal; an
// exception it raises ends the statement with that exception).
func udfCollate(tls *libc.TLS, id uintptr, nLeft int32, zLeft uintptr, nRight int32, zRight uintptr) int32 {
	f := lookupUDF(id)
	if f == nil || f.c.hooks == nil {
		return 0
	}
	h := f.c.hooks
	res := int32(0)
	h.callScript(func(t *vm.Thread) {
		if h.pending != nil {
			return
		}
		v, err := t.Call(f.fn, []vm.Value{vm.Str(goText(zLeft, int(nLeft))), vm.Str(goText(zRight, int(nRight)))}, nil)
		if err != nil {
			h.pending = err
			return
		}
		switch {
		case v.Kind() == vm.KBool && v.AsBool():
			res = 1
		case v.Kind() == vm.KInt && v.AsInt() < 0:
			res = -1
		case v.Kind() == vm.KInt && v.AsInt() > 0:
			res = 1
		}
	})
	return res
}
