package sqlite

import (
	"fmt"
	"unsafe"

	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/asylang/asy/vm"
	"github.com/asylang/asy/vm/goconv"
)

// Connection.getlimit/setlimit and serialize/deserialize (3.11), and
// sqlite3.adapt.

// limit is getlimit (newVal < 0) and setlimit: the limit before.
func (c *sqliteConn) limit(t *vm.Thread, args []vm.Value, set bool) (vm.Value, error) {
	fname, want := "getlimit", 1
	if set {
		fname, want = "setlimit", 2
	}
	if len(args) != want {
		if want == 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", fname, len(args))
		}
		return vm.Undef, vm.Errorf(vm.TypeError, "%s expected %d arguments, got %d", fname, want, len(args))
	}
	cat, err := nargArg(t, args[0])
	if err != nil {
		return vm.Undef, err
	}
	newVal := int32(-1)
	if set {
		if newVal, err = nargArg(t, args[1]); err != nil {
			return vm.Undef, err
		}
	}
	var old int32
	err = c.withDB(t, func() error {
		h, err := c.db.handle()
		if err != nil {
			return vm.NewException(sqliteNotSupported, vm.Str(err.Error()))
		}
		if cat < 0 || cat > sqlite3lib.SQLITE_LIMIT_WORKER_THREADS {
			return vm.NewException(sqliteProgrammingError, vm.Str("'category' is out of bounds"))
		}
		if cat == sqlite3lib.SQLITE_LIMIT_ATTACHED && c.db.guard.limited {
			// The hermetic guard keeps a handed-in connection's limit at 0.
			if newVal >= 0 {
				return vm.NewException(vm.PermissionError, vm.Str((&hermeticRefusal{"ATTACH"}).Error()))
			}
			old = 0
			return nil
		}
		old = sqlite3lib.Xsqlite3_limit(h.tls, h.db, cat, newVal)
		return nil
	})
	return vm.Int(int64(old)), err
}

func schemaArg(fname string, kw []vm.KV) (string, error) {
	name := "main"
	for _, k := range kw {
		if k.Name != "name" {
			return "", vm.Errorf(vm.TypeError, "%s() got an unexpected keyword argument '%s'", fname, k.Name)
		}
		s, ok := k.Val.StrOf()
		if !ok {
			return "", vm.Errorf(vm.TypeError, "%s() argument 'name' must be str, not %s", fname, k.Val.TypeName())
		}
		name = s
	}
	return name, nil
}

// serialize is Connection.serialize(*, name="main"): the database's bytes.
func (c *sqliteConn) serialize(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) != 0 {
		return vm.Undef, vm.Errorf(vm.TypeError, "serialize() takes no positional arguments")
	}
	name, err := schemaArg("serialize", kw)
	if err != nil {
		return vm.Undef, err
	}
	var out []byte
	err = c.withDB(t, func() error {
		h, err := c.db.handle()
		if err != nil {
			return vm.NewException(sqliteNotSupported, vm.Str(err.Error()))
		}
		zName := cString(h.tls, name)
		defer sqlite3lib.Xsqlite3_free(h.tls, zName)
		pSize := sqlite3lib.Xsqlite3_malloc(h.tls, 8)
		defer sqlite3lib.Xsqlite3_free(h.tls, pSize)
		p := sqlite3lib.Xsqlite3_serialize(h.tls, h.db, zName, pSize, 0)
		if p != 0 {
			defer sqlite3lib.Xsqlite3_free(h.tls, p)
		}
		n := int(*(*int64)(cPtr(pSize)))
		if p == 0 || n == 0 {
			// An empty database has no pages to give (the SQLite CPython
			// links returns none; newer ones an empty image).
			return vm.NewException(sqliteOperationalError, vm.Str(fmt.Sprintf("unable to serialize '%s'", name)))
		}
		out = goconv.Blob(unsafe.Slice((*byte)(cPtr(p)), n))
		return nil
	})
	if err != nil {
		return vm.Undef, err
	}
	return vm.Obj(vm.NewBytes(out)), nil
}

// deserialize is Connection.deserialize(data, /, *, name="main"): the
// database becomes a copy of data (in memory).
func (c *sqliteConn) deserialize(t *vm.Thread, args []vm.Value, kw []vm.KV) error {
	if len(args) != 1 {
		return vm.Errorf(vm.TypeError, "deserialize() takes exactly 1 positional argument (%d given)", len(args))
	}
	data, ok := vm.BufferData(args[0])
	if !ok {
		return vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", args[0].TypeName())
	}
	name, err := schemaArg("deserialize", kw)
	if err != nil {
		return err
	}
	return c.withDB(t, func() error {
		h, err := c.db.handle()
		if err != nil {
			return vm.NewException(sqliteNotSupported, vm.Str(err.Error()))
		}
		// SQLite owns the copy (freed when the database closes).
		p := sqlite3lib.Xsqlite3_malloc64(h.tls, uint64(len(data)+1))
		if p == 0 {
			return vm.NewException(vm.MemoryError)
		}
		copy(unsafe.Slice((*byte)(cPtr(p)), len(data)), data)
		zName := cString(h.tls, name)
		defer sqlite3lib.Xsqlite3_free(h.tls, zName)
		rc := sqlite3lib.Xsqlite3_deserialize(h.tls, h.db, zName, p, int64(len(data)), int64(len(data)),
			sqlite3lib.SQLITE_DESERIALIZE_FREEONCLOSE|sqlite3lib.SQLITE_DESERIALIZE_RESIZEABLE)
		if rc != sqlite3lib.SQLITE_OK {
			return sqliteErr(t, &rcError{rc: rc, msg: goText(sqlite3lib.Xsqlite3_errmsg(h.tls, h.db), -1)})
		}
		return nil // cached statements re-prepare themselves on the new schema
	})
}

// adaptFunc is sqlite3.adapt(obj, proto=PrepareProtocol, alt=<none>).
func adaptFunc(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("adapt", args, kw, 1, "obj", "proto", "alt")
	if err != nil {
		return vm.Undef, err
	}
	obj, proto := a[0], a[1]
	if proto.IsUndef() {
		proto = vm.Obj(sqlitePrepareProtocol)
	}
	if s := typesOf(t.Interp()); s != nil {
		if err := s.loadedDefaults(t); err != nil {
			return vm.Undef, err
		}
		key := vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(obj.Class()), proto}))
		fn, ok, err := s.adapters.Get(t, key)
		if err != nil {
			return vm.Undef, err
		}
		if ok {
			return t.Call(fn, []vm.Value{obj}, nil)
		}
	}
	if conform, err := t.GetAttr(obj, "__conform__"); err == nil {
		r, err := t.Call(conform, []vm.Value{proto}, nil)
		if err != nil {
			return vm.Undef, err
		}
		if !r.IsNone() {
			return r, nil
		}
	} else if !vm.IsInstanceOf(err, vm.AttributeError) {
		return vm.Undef, err
	}
	if !a[2].IsUndef() {
		return a[2], nil
	}
	return vm.Undef, vm.NewException(sqliteProgrammingError, vm.Str("can't adapt"))
}

func init() {
	m := sqliteConnType.AddMethod
	conn := func(args []vm.Value) *sqliteConn { return args[0].AsObj().(*sqliteConn) }
	m("getlimit", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("getlimit", kw); err != nil {
			return vm.Undef, err
		}
		return conn(args).limit(t, args[1:], false)
	})
	m("setlimit", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("setlimit", kw); err != nil {
			return vm.Undef, err
		}
		return conn(args).limit(t, args[1:], true)
	})
	m("serialize", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return conn(args).serialize(t, args[1:], kw)
	})
	m("deserialize", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, conn(args).deserialize(t, args[1:], kw)
	})
}
