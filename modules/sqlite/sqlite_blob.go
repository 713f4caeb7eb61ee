package sqlite

import (
	"time"
	"unsafe"

	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/asylang/asy/vm"
)

// Connection.blobopen (sqlite3.Blob: incremental I/O on one BLOB value)
// and Connection.backup. Both work on SQLite's handles directly, holding
// the connection (withDB) for each call into SQLite.

var sqliteBlobType = vm.NewNativeClass("Blob", "sqlite3", nil, nil)

type sqliteBlob struct {
	conn   *sqliteConn
	p      uintptr // sqlite3_blob*, 0 once closed
	size   int
	offset int
}

func (*sqliteBlob) Class() *vm.Class { return sqliteBlobType }

func (b *sqliteBlob) check() error {
	if b.p == 0 {
		return vm.NewException(sqliteProgrammingError, vm.Str("Cannot operate on a closed blob."))
	}
	return b.conn.check()
}

// errmsg is the exception for a failed blob call (SQLite's message).
func (b *sqliteBlob) errmsg(t *vm.Thread, rc int32) error {
	h := b.conn.db.h
	return sqliteErr(t, &rcError{rc: rc, msg: goText(sqlite3lib.Xsqlite3_errmsg(h.tls, h.db), -1)})
}

// rcError is an SQLite result code with its message, for sqliteErr.
type rcError struct {
	rc  int32
	msg string
}

func (e *rcError) Error() string { return e.msg }

// read reads n bytes at off (the connection held).
func (b *sqliteBlob) read(t *vm.Thread, off, n int) ([]byte, error) {
	out := make([]byte, n)
	if n == 0 {
		return out, nil
	}
	err := b.conn.withDB(t, func() error {
		if b.p == 0 {
			return b.check()
		}
		h := b.conn.db.h
		buf := sqlite3lib.Xsqlite3_malloc(h.tls, int32(n))
		if buf == 0 {
			return vm.NewException(vm.MemoryError)
		}
		defer sqlite3lib.Xsqlite3_free(h.tls, buf)
		if rc := sqlite3lib.Xsqlite3_blob_read(h.tls, b.p, buf, int32(n), int32(off)); rc != sqlite3lib.SQLITE_OK {
			return b.errmsg(t, rc)
		}
		copy(out, unsafe.Slice((*byte)(cPtr(buf)), n))
		return nil
	})
	return out, err
}

// write writes data at off.
func (b *sqliteBlob) write(t *vm.Thread, off int, data []byte) error {
	if len(data) == 0 {
		return nil
	}
	return b.conn.withDB(t, func() error {
		if b.p == 0 {
			return b.check()
		}
		h := b.conn.db.h
		buf := sqlite3lib.Xsqlite3_malloc(h.tls, int32(len(data)))
		if buf == 0 {
			return vm.NewException(vm.MemoryError)
		}
		defer sqlite3lib.Xsqlite3_free(h.tls, buf)
		copy(unsafe.Slice((*byte)(cPtr(buf)), len(data)), data)
		if rc := sqlite3lib.Xsqlite3_blob_write(h.tls, b.p, buf, int32(len(data)), int32(off)); rc != sqlite3lib.SQLITE_OK {
			return b.errmsg(t, rc)
		}
		return nil
	})
}

// close closes the blob (the connection held).
func (b *sqliteBlob) closeLocked() {
	if b.p != 0 {
		sqlite3lib.Xsqlite3_blob_close(b.conn.db.h.tls, b.p)
		b.p = 0
		delete(b.conn.db.blobs, b)
	}
}

func (b *sqliteBlob) Len() int { return b.size }

func (b *sqliteBlob) GetItem(t *vm.Thread, key vm.Value) (vm.Value, error) {
	if err := b.check(); err != nil {
		return vm.Undef, err
	}
	if start, _, step, n, ok, err := t.SliceIndices(key, b.size); ok {
		if err != nil {
			return vm.Undef, err
		}
		if n == 0 {
			return vm.Obj(vm.NewBytes(nil)), nil
		}
		if step == 1 {
			data, err := b.read(t, start, n)
			return vm.Obj(vm.NewBytes(data)), err
		}
		lo, hi := start, start+(n-1)*step
		if lo > hi {
			lo, hi = hi, lo
		}
		data, err := b.read(t, lo, hi-lo+1)
		if err != nil {
			return vm.Undef, err
		}
		out := make([]byte, n)
		for i := range out {
			out[i] = data[start+i*step-lo]
		}
		return vm.Obj(vm.NewBytes(out)), nil
	}
	i, err := b.index(t, key)
	if err != nil {
		return vm.Undef, err
	}
	data, err := b.read(t, i, 1)
	if err != nil {
		return vm.Undef, err
	}
	return vm.Int(int64(data[0])), nil
}

func (b *sqliteBlob) index(t *vm.Thread, key vm.Value) (int, error) {
	if key.Kind() != vm.KInt && key.Kind() != vm.KBool {
		if _, ok := key.AsObj().(*vm.BigIntObj); !ok {
			return 0, vm.Errorf(vm.TypeError, "Blob indices must be integers")
		}
		return 0, vm.Errorf(vm.IndexError, "Blob index out of range")
	}
	i := key.AsInt()
	if key.Kind() == vm.KBool {
		i = 0
		if key.AsBool() {
			i = 1
		}
	}
	if i < 0 {
		i += int64(b.size)
	}
	if i < 0 || i >= int64(b.size) {
		return 0, vm.Errorf(vm.IndexError, "Blob index out of range")
	}
	return int(i), nil
}

func (b *sqliteBlob) SetItem(t *vm.Thread, key, v vm.Value) error {
	if err := b.check(); err != nil {
		return err
	}
	if start, _, step, n, ok, err := t.SliceIndices(key, b.size); ok {
		if err != nil {
			return err
		}
		data, ok := vm.BufferData(v)
		if !ok {
			return vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", v.TypeName())
		}
		if len(data) != n {
			return vm.Errorf(vm.IndexError, "Blob slice assignment is wrong size")
		}
		if n == 0 {
			return nil
		}
		if step == 1 {
			return b.write(t, start, data)
		}
		lo, hi := start, start+(n-1)*step
		if lo > hi {
			lo, hi = hi, lo
		}
		cur, err := b.read(t, lo, hi-lo+1)
		if err != nil {
			return err
		}
		for i, c := range data {
			cur[start+i*step-lo] = c
		}
		return b.write(t, lo, cur)
	}
	i, err := b.index(t, key)
	if err != nil {
		return err
	}
	n, err := t.AsInt64(v)
	if err != nil {
		return err
	}
	if n < 0 || n > 255 {
		return vm.Errorf(vm.ValueError, "byte must be in range(0, 256)")
	}
	return b.write(t, i, []byte{byte(n)})
}

func (b *sqliteBlob) DelItem(t *vm.Thread, key vm.Value) error {
	if err := b.check(); err != nil {
		return err
	}
	return vm.Errorf(vm.TypeError, "Blob doesn't support item deletion")
}

// blobopen is Connection.blobopen(table, column, row, /, *, readonly=False, name="main").
func (c *sqliteConn) blobopen(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) > 3 {
		return vm.Undef, vm.Errorf(vm.TypeError, "blobopen() takes exactly 3 positional arguments (%d given)", len(args))
	}
	readonly, name := false, "main"
	var pos []vm.Value
	pos = append(pos, args...)
	for _, k := range kw {
		switch k.Name {
		case "readonly":
			ro, err := t.Truth(k.Val)
			if err != nil {
				return vm.Undef, err
			}
			readonly = ro
		case "name":
			s, ok := k.Val.StrOf()
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "blobopen() argument 'name' must be str, not %s", k.Val.TypeName())
			}
			name = s
		default:
			return vm.Undef, vm.Errorf(vm.TypeError, "blobopen() got an unexpected keyword argument '%s'", k.Name)
		}
	}
	if len(pos) < 3 {
		return vm.Undef, vm.Errorf(vm.TypeError, "blobopen() takes exactly 3 positional arguments (%d given)", len(pos))
	}
	table, err := nameArg("blobopen", "1", pos[0])
	if err != nil {
		return vm.Undef, vm.Errorf(vm.TypeError, "blobopen() argument 1 must be str, not %s", pos[0].TypeName())
	}
	column, ok := pos[1].StrOf()
	if !ok {
		return vm.Undef, vm.Errorf(vm.TypeError, "blobopen() argument 2 must be str, not %s", pos[1].TypeName())
	}
	row, err := t.AsInt64(pos[2])
	if err != nil {
		return vm.Undef, err
	}
	b := &sqliteBlob{conn: c}
	err = c.withDB(t, func() error {
		h, err := c.db.handle()
		if err != nil {
			return vm.NewException(sqliteNotSupported, vm.Str(err.Error()))
		}
		zDb, zTable, zCol := cString(h.tls, name), cString(h.tls, table), cString(h.tls, column)
		defer func() {
			sqlite3lib.Xsqlite3_free(h.tls, zDb)
			sqlite3lib.Xsqlite3_free(h.tls, zTable)
			sqlite3lib.Xsqlite3_free(h.tls, zCol)
		}()
		pp := sqlite3lib.Xsqlite3_malloc(h.tls, int32(unsafe.Sizeof(uintptr(0))))
		if pp == 0 {
			return vm.NewException(vm.MemoryError)
		}
		defer sqlite3lib.Xsqlite3_free(h.tls, pp)
		*(*uintptr)(cPtr(pp)) = 0
		flags := int32(1)
		if readonly {
			flags = 0
		}
		if rc := sqlite3lib.Xsqlite3_blob_open(h.tls, h.db, zDb, zTable, zCol, row, flags, pp); rc != sqlite3lib.SQLITE_OK {
			if p := *(*uintptr)(cPtr(pp)); p != 0 {
				sqlite3lib.Xsqlite3_blob_close(h.tls, p)
			}
			return (&sqliteBlob{conn: c}).errmsg(t, rc)
		}
		b.p = *(*uintptr)(cPtr(pp))
		b.size = int(sqlite3lib.Xsqlite3_blob_bytes(h.tls, b.p))
		if c.db.blobs == nil {
			c.db.blobs = map[*sqliteBlob]bool{}
		}
		c.db.blobs[b] = true
		return nil
	})
	if err != nil {
		return vm.Undef, err
	}
	return vm.Obj(b), nil
}

func init() {
	m := sqliteBlobType.AddMethod
	blob := func(args []vm.Value) *sqliteBlob { return args[0].AsObj().(*sqliteBlob) }
	m("close", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		b := blob(args)
		if b.p == 0 {
			return vm.None, nil
		}
		if err := b.conn.check(); err != nil {
			return vm.Undef, err
		}
		return vm.None, b.conn.withDB(t, func() error { b.closeLocked(); return nil })
	})
	m("read", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		b := blob(args)
		a, err := vm.UnpackArgs("read", args[1:], kw, 0, "length")
		if err != nil {
			return vm.Undef, err
		}
		if err := b.check(); err != nil {
			return vm.Undef, err
		}
		n := int64(-1)
		if !a[0].IsUndef() {
			if n, err = t.AsInt64(a[0]); err != nil {
				return vm.Undef, err
			}
		}
		rest := int64(b.size - b.offset)
		if n < 0 || n > rest {
			n = rest
		}
		data, err := b.read(t, b.offset, int(n))
		if err != nil {
			return vm.Undef, err
		}
		b.offset += int(n)
		return vm.Obj(vm.NewBytes(data)), nil
	})
	m("write", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		b := blob(args)
		if err := vm.NoKwargs("write", kw); err != nil {
			return vm.Undef, err
		}
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "write() takes exactly one argument (%d given)", len(args)-1)
		}
		data, ok := vm.BufferData(args[1])
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", args[1].TypeName())
		}
		if err := b.check(); err != nil {
			return vm.Undef, err
		}
		if len(data) > b.size-b.offset {
			return vm.Undef, vm.Errorf(vm.ValueError, "data longer than blob length")
		}
		if err := b.write(t, b.offset, data); err != nil {
			return vm.Undef, err
		}
		b.offset += len(data)
		return vm.None, nil
	})
	m("seek", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		b := blob(args)
		a, err := vm.UnpackArgs("seek", args[1:], kw, 1, "offset", "origin")
		if err != nil {
			return vm.Undef, err
		}
		off, err := t.AsInt64(a[0])
		if err != nil {
			return vm.Undef, err
		}
		origin := int64(0)
		if !a[1].IsUndef() {
			if origin, err = t.AsInt64(a[1]); err != nil {
				return vm.Undef, err
			}
		}
		if err := b.check(); err != nil {
			return vm.Undef, err
		}
		switch origin {
		case 0:
		case 1:
			off += int64(b.offset)
		case 2:
			off += int64(b.size)
		default:
			return vm.Undef, vm.Errorf(vm.ValueError, "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END")
		}
		if off < 0 || off > int64(b.size) {
			return vm.Undef, vm.Errorf(vm.ValueError, "offset out of blob range")
		}
		b.offset = int(off)
		return vm.None, nil
	})
	m("tell", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		b := blob(args)
		if err := b.check(); err != nil {
			return vm.Undef, err
		}
		return vm.Int(int64(b.offset)), nil
	})
	m("__len__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		b := blob(args)
		if err := b.check(); err != nil {
			return vm.Undef, err
		}
		return vm.Int(int64(b.size)), nil
	})
	m("__getitem__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return blob(args).GetItem(t, args[1])
	})
	m("__setitem__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, blob(args).SetItem(t, args[1], args[2])
	})
	m("__delitem__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, blob(args).DelItem(t, args[1])
	})
	m("__enter__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := blob(args).check(); err != nil {
			return vm.Undef, err
		}
		return args[0], nil
	})
	m("__exit__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		b := blob(args)
		if err := b.check(); err != nil {
			return vm.Undef, err
		}
		return vm.False, b.conn.withDB(t, func() error { b.closeLocked(); return nil })
	})

	cm := sqliteConnType.AddMethod
	cm("blobopen", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		c := args[0].AsObj().(*sqliteConn)
		if err := c.check(); err != nil {
			return vm.Undef, err
		}
		return c.blobopen(t, args[1:], kw)
	})
	cm("backup", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, args[0].AsObj().(*sqliteConn).backup(t, args[1:], kw)
	})
}

// backup is Connection.backup(target, *, pages=-1, progress=None,
// name="main", sleep=0.250): copies the database to target's main
// database, pages at a time, calling progress(status, remaining, total)
// after each step.
func (c *sqliteConn) backup(t *vm.Thread, args []vm.Value, kw []vm.KV) error {
	if err := c.check(); err != nil {
		return err
	}
	if len(args) > 1 {
		return vm.Errorf(vm.TypeError, "backup() takes exactly 1 positional argument (%d given)", len(args))
	}
	a, err := vm.UnpackArgs("backup", args, kw, 1, "target", "pages", "progress", "name", "sleep")
	if err != nil {
		return err
	}
	target, ok := a[0].AsObj().(*sqliteConn)
	if !ok {
		return vm.Errorf(vm.TypeError, "backup() argument 'target' must be sqlite3.Connection, not %s", a[0].TypeName())
	}
	pages := int64(-1)
	if !a[1].IsUndef() {
		if pages, err = t.AsInt64(a[1]); err != nil {
			return err
		}
		if pages == 0 {
			pages = -1
		}
	}
	progress := a[2]
	if !progress.IsUndef() && !progress.IsNone() && !t.IsCallable(progress) {
		return vm.Errorf(vm.TypeError, "progress argument must be a callable")
	}
	name := "main"
	if !a[3].IsUndef() {
		s, ok := a[3].StrOf()
		if !ok {
			return vm.Errorf(vm.TypeError, "backup() argument 'name' must be str, not %s", a[3].TypeName())
		}
		name = s
	}
	sleep := 0.25
	if !a[4].IsUndef() {
		if sleep, err = vm.AsFloat(a[4]); err != nil {
			return err
		}
	}
	if err := target.check(); err != nil {
		return err
	}
	if target == c || target.db == c.db {
		return vm.Errorf(vm.ValueError, "target cannot be the same connection instance")
	}
	if target.db.inTransaction() {
		return vm.NewException(sqliteOperationalError, vm.Str("target is in transaction"))
	}
	src, dst := c.db, target.db
	sh, err := src.handle()
	if err != nil {
		return vm.NewException(sqliteNotSupported, vm.Str(err.Error()))
	}
	dh, err := dst.handle()
	if err != nil {
		return vm.NewException(sqliteNotSupported, vm.Str(err.Error()))
	}
	// Both connections are held for each step, the lower address first
	// so that two backups in opposite directions cannot deadlock.
	lockBoth := func(f func()) {
		first, second := src, dst
		if uintptr(unsafe.Pointer(second)) < uintptr(unsafe.Pointer(first)) {
			first, second = second, first
		}
		// A connection whose callback runs this is held already.
		lockFirst, lockSecond := !first.heldBy(t), !second.heldBy(t)
		t.Blocking(func() {
			if lockFirst {
				first.mu.Lock()
				defer first.mu.Unlock()
			}
			if lockSecond {
				second.mu.Lock()
				defer second.mu.Unlock()
			}
			f()
		})
	}
	var bk uintptr
	var openErr error
	lockBoth(func() {
		zName, zMain := cString(sh.tls, name), cString(sh.tls, "main")
		bk = sqlite3lib.Xsqlite3_backup_init(sh.tls, dh.db, zMain, sh.db, zName)
		if bk == 0 {
			openErr = &rcError{rc: sqlite3lib.Xsqlite3_errcode(sh.tls, dh.db), msg: goText(sqlite3lib.Xsqlite3_errmsg(sh.tls, dh.db), -1)}
		}
		sqlite3lib.Xsqlite3_free(sh.tls, zName)
		sqlite3lib.Xsqlite3_free(sh.tls, zMain)
	})
	if openErr != nil {
		return sqliteErr(t, openErr)
	}
	var rc int32
	var stepErr error
	for {
		var remaining, total int32
		lockBoth(func() {
			rc = sqlite3lib.Xsqlite3_backup_step(sh.tls, bk, int32(pages))
			remaining = sqlite3lib.Xsqlite3_backup_remaining(sh.tls, bk)
			total = sqlite3lib.Xsqlite3_backup_pagecount(sh.tls, bk)
		})
		if !progress.IsUndef() && !progress.IsNone() {
			if _, err := t.Call(progress, []vm.Value{vm.Int(int64(rc)), vm.Int(int64(remaining)), vm.Int(int64(total))}, nil); err != nil {
				stepErr = err
				break
			}
		}
		if rc == sqlite3lib.SQLITE_BUSY || rc == sqlite3lib.SQLITE_LOCKED {
			if err := t.BlockingStop(func(stop <-chan struct{}) {
				select {
				case <-time.After(time.Duration(sleep * float64(time.Second))):
				case <-stop:
				}
			}); err != nil {
				stepErr = err
				break
			}
			continue
		}
		if rc != sqlite3lib.SQLITE_OK {
			break
		}
	}
	var finishRC int32
	var finishMsg string
	lockBoth(func() {
		finishRC = sqlite3lib.Xsqlite3_backup_finish(sh.tls, bk)
		if finishRC != sqlite3lib.SQLITE_OK {
			finishMsg = goText(sqlite3lib.Xsqlite3_errmsg(sh.tls, dh.db), -1)
		}
	})
	if stepErr != nil {
		return stepErr
	}
	if finishRC != sqlite3lib.SQLITE_OK {
		return sqliteErr(t, &rcError{rc: finishRC, msg: finishMsg})
	}
	return nil
}
