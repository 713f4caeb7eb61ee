package archive

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"math"
	"sort"
	"time"

	"github.com/asylang/asy/vm"
)

// tarfile's native core on Go's archive/tar. _read_tar parses an
// uncompressed archive held in memory (pylib/tarfile.py reads the file and
// decompresses it first); _writer wraps a tar.Writer, optionally under a
// gzip.Writer, writing to the script's file object. Long names, PAX and
// GNU headers are Go's business on both sides.

var (
	tarError            = vm.NewExceptionClass("TarError", "tarfile", vm.Exception)
	tarReadError        = vm.NewExceptionClass("ReadError", "tarfile", tarError)
	tarCompressionError = vm.NewExceptionClass("CompressionError", "tarfile", tarError)
	tarWriterType       = vm.NewNativeClass("_Writer", "tarfile", nil, nil)
)

// countReader counts the bytes Go's tar.Reader consumed, to locate the end
// of the last member (where an append starts writing).
type countReader struct {
	r *bytes.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readTar is _read_tar(data) -> ([(header tuple, data)], end of the last
// member). A header tuple is (name, linkname, size, mode, uid, gid, uname,
// gname, mtime, type byte, devmajor, devminor, pax_headers).
func readTar(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("_read_tar", args, 1); err != nil {
		return vm.Undef, err
	}
	data, err := zlibData(args[0])
	if err != nil {
		return vm.Undef, err
	}
	cr := &countReader{r: bytes.NewReader(data)}
	tr := tar.NewReader(cr)
	var members []vm.Value
	var end int64
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return vm.Undef, tarReadErr(err, len(members) == 0)
		}
		body, err := io.ReadAll(tr)
		if err != nil {
			return vm.Undef, tarReadErr(err, false)
		}
		end = (cr.n + 511) / 512 * 512
		pax := vm.NewDict()
		keys := make([]string, 0, len(h.PAXRecords))
		for k := range h.PAXRecords {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			pax.SetStr(k, vm.Str(h.PAXRecords[k]))
		}
		typ := h.Typeflag
		mtime := vm.Int(h.ModTime.Unix())
		if ns := h.ModTime.Nanosecond(); ns != 0 {
			mtime = vm.Float(float64(h.ModTime.Unix()) + float64(ns)/1e9)
		}
		hdr := vm.NewTuple([]vm.Value{
			vm.Str(h.Name), vm.Str(h.Linkname), vm.Int(h.Size), vm.Int(h.Mode),
			vm.Int(int64(h.Uid)), vm.Int(int64(h.Gid)), vm.Str(h.Uname), vm.Str(h.Gname),
			mtime, bytesVal([]byte{typ}), vm.Int(h.Devmajor), vm.Int(h.Devminor), vm.Obj(pax),
		})
		members = append(members, vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(hdr), bytesVal(body)})))
	}
	return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(vm.NewList(members)), vm.Int(end)})), nil
}

// tarReadErr is tarfile.ReadError with CPython's words.
func tarReadErr(err error, first bool) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return vm.Errorf(tarReadError, "unexpected end of data")
	case errors.Is(err, tar.ErrHeader) && first:
		return vm.Errorf(tarReadError, "invalid header")
	}
	return vm.Errorf(tarReadError, "%s", err)
}

// tarWriter is _writer(fp, compression, level, name).
type tarWriter struct {
	p  *pyFile
	gz *gzip.Writer
	w  *tar.Writer
}

func (w *tarWriter) Class() *vm.Class { return tarWriterType }

func newTarWriter(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("_writer", args, 4); err != nil {
		return vm.Undef, err
	}
	comp, err := vm.AsStr("_writer", args[1])
	if err != nil {
		return vm.Undef, err
	}
	w := &tarWriter{p: &pyFile{t: t, f: args[0]}}
	var out io.Writer = w.p
	if comp == "gz" {
		level, err := t.AsInt64(args[2])
		if err != nil {
			return vm.Undef, err
		}
		if w.gz, err = gzip.NewWriterLevel(w.p, int(level)); err != nil {
			return vm.Undef, vm.Errorf(vm.ValueError, "Invalid initialization option")
		}
		if name, ok := args[3].StrOf(); ok {
			w.gz.Name = name
		}
		out = w.gz
	}
	w.w = tar.NewWriter(out)
	return vm.Obj(w), nil
}

func init() {
	// add(header tuple, data): the tuple is _read_tar's.
	tarWriterType.AddMethod("add", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		w := args[0].AsObj().(*tarWriter)
		if err := vm.MethodArgs("_Writer", "add", args[1:], 2, 2); err != nil {
			return vm.Undef, err
		}
		w.p.t = t
		tup, ok := args[1].AsObj().(*vm.Tuple)
		if !ok || len(tup.Items()) != 13 {
			return vm.Undef, vm.Errorf(vm.TypeError, "_Writer.add: a header tuple is required")
		}
		f := tup.Items()
		h := &tar.Header{}
		strs := []*string{&h.Name, &h.Linkname, nil, nil, nil, nil, &h.Uname, &h.Gname}
		for i, p := range strs {
			if p == nil {
				continue
			}
			s, err := vm.AsStr("add", f[i])
			if err != nil {
				return vm.Undef, err
			}
			*p = s
		}
		var n [6]int64
		for j, i := range []int{2, 3, 4, 5, 10, 11} {
			v, err := t.AsInt64(f[i])
			if err != nil {
				return vm.Undef, err
			}
			n[j] = v
		}
		h.Size, h.Mode, h.Uid, h.Gid, h.Devmajor, h.Devminor = n[0], n[1], int(n[2]), int(n[3]), n[4], n[5]
		mt, err := t.ToFloat(f[8])
		if err != nil {
			return vm.Undef, err
		}
		sec, frac := math.Modf(mt)
		h.ModTime = time.Unix(int64(sec), int64(frac*1e9))
		typ, ok := bufferBytes(f[9])
		if !ok || len(typ) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "_Writer.add: the type must be one byte")
		}
		h.Typeflag = typ[0]
		data, ok := bufferBytes(args[2])
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", args[2].TypeName())
		}
		if err := w.w.WriteHeader(h); err != nil {
			return vm.Undef, w.p.raise(vm.Errorf(tarError, "%s", err))
		}
		if _, err := w.w.Write(data); err != nil {
			return vm.Undef, w.p.raise(vm.Errorf(tarError, "%s", err))
		}
		if err := w.w.Flush(); err != nil {
			return vm.Undef, w.p.raise(vm.Errorf(tarError, "%s", err))
		}
		return vm.None, nil
	})
	tarWriterType.AddMethod("close", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		w := args[0].AsObj().(*tarWriter)
		w.p.t = t
		err := w.w.Close()
		if err == nil && w.gz != nil {
			err = w.gz.Close()
		}
		if err != nil {
			return vm.Undef, w.p.raise(vm.Errorf(tarError, "%s", err))
		}
		return vm.None, nil
	})
}

func tarfileModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("tarfile", "")
	m.Set("TarError", vm.Obj(tarError))
	m.Set("ReadError", vm.Obj(tarReadError))
	m.Set("CompressionError", vm.Obj(tarCompressionError))
	m.Set("_read_tar", vm.NewBuiltin("_read_tar", readTar))
	m.Set("_writer", vm.NewBuiltin("_writer", newTarWriter))
	return m, nil
}
