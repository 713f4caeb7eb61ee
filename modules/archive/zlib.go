package archive

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"hash/crc32"
	"io"

	"github.com/asylang/asy/vm"
)

// zlib on Go's compress/flate, compress/zlib and compress/gzip. The
// compressed bytes are Go's deflate, not zlib's, so they differ from
// CPython's (both decompress each other's). wbits picks the container as
// in zlib: 9..15 zlib, -9..-15 raw deflate, 25..31 gzip, 40..47 (and 0 for
// decompression) whichever header the data has.

var zlibError = vm.NewExceptionClass("error", "zlib", vm.Exception)

// zlibFormat is the container wbits selects.
type zlibFormat int

const (
	fmtZlib zlibFormat = iota
	fmtRaw
	fmtGzip
	fmtAuto // zlib or gzip, from the first bytes
)

// zlibConstants are CPython's (zlib 1.2.13) values.
var zlibConstants = map[string]int64{
	"DEFLATED": 8, "DEF_BUF_SIZE": 16384, "DEF_MEM_LEVEL": 8, "MAX_WBITS": 15,
	"Z_BEST_COMPRESSION": 9, "Z_BEST_SPEED": 1, "Z_BLOCK": 5, "Z_DEFAULT_COMPRESSION": -1,
	"Z_DEFAULT_STRATEGY": 0, "Z_FILTERED": 1, "Z_FINISH": 4, "Z_FIXED": 4, "Z_FULL_FLUSH": 3,
	"Z_HUFFMAN_ONLY": 2, "Z_NO_COMPRESSION": 0, "Z_NO_FLUSH": 0, "Z_PARTIAL_FLUSH": 1,
	"Z_RLE": 3, "Z_SYNC_FLUSH": 2, "Z_TREES": 6,
}

// compressFormat maps wbits for compression; ok=false when zlib refuses it.
func compressFormat(wbits int64) (zlibFormat, bool) {
	switch {
	case wbits >= 8 && wbits <= 15:
		return fmtZlib, true
	case wbits >= -15 && wbits <= -9:
		return fmtRaw, true
	case wbits >= 25 && wbits <= 31:
		return fmtGzip, true
	}
	return 0, false
}

// decompressFormat maps wbits for decompression.
func decompressFormat(wbits int64) (zlibFormat, bool) {
	switch {
	case wbits == 0 || (wbits >= 8 && wbits <= 15):
		return fmtZlib, true
	case wbits >= -15 && wbits <= -8:
		return fmtRaw, true
	case wbits >= 24 && wbits <= 31:
		return fmtGzip, true
	case wbits >= 40 && wbits <= 47:
		return fmtAuto, true
	}
	return 0, false
}

// flushWriter is what every compressor here is.
type flushWriter interface {
	io.WriteCloser
	Flush() error
}

// newCompressor starts a compressor writing to buf. level is -1..9 or
// flate.HuffmanOnly.
func newCompressor(buf io.Writer, f zlibFormat, level int, zdict []byte) (flushWriter, error) {
	switch f {
	case fmtRaw:
		if zdict != nil {
			return flate.NewWriterDict(buf, level, zdict)
		}
		return flate.NewWriter(buf, level)
	case fmtGzip:
		return gzip.NewWriterLevel(buf, level)
	}
	if zdict != nil {
		return zlib.NewWriterLevelDict(buf, level, zdict)
	}
	return zlib.NewWriterLevel(buf, level)
}

// zlibErr is zlib.error worded as CPython words the failure err of a
// decompression (what: "decompressing data").
func zlibErr(what string, err error) error {
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return vm.Errorf(zlibError, "Error -5 while %s: incomplete or truncated stream", what)
	case errors.Is(err, zlib.ErrHeader), errors.Is(err, gzip.ErrHeader):
		return vm.Errorf(zlibError, "Error -3 while %s: incorrect header check", what)
	case errors.Is(err, zlib.ErrChecksum), errors.Is(err, gzip.ErrChecksum):
		return vm.Errorf(zlibError, "Error -3 while %s: incorrect data check", what)
	case errors.Is(err, zlib.ErrDictionary):
		return vm.Errorf(zlibError, "Error 2 while %s", what)
	case errors.As(err, &corrupt):
		// Go does not say which rule the data broke; zlib's commonest
		// complaint about garbage stands for all of them.
		return vm.Errorf(zlibError, "Error -3 while %s: invalid block type", what)
	}
	if _, ok := err.(*vm.Instance); ok {
		return err
	}
	return vm.Errorf(zlibError, "Error -3 while %s: %s", what, err.Error())
}

// inflateResult is one decompression of a whole input prefix.
type inflateResult struct {
	out      []byte
	consumed int  // input bytes the decompressor read
	eof      bool // the stream ended (its checksum checked)
}

// inflate decompresses in from its start, producing at most limit bytes
// (limit < 0: all). A truncated stream is not an error here: the result
// says eof=false. A bytes.Reader is a flate.Reader, so Go's readers take
// exactly the bytes they need and consumed locates the unused data.
func inflate(in []byte, f zlibFormat, zdict []byte, limit int) (inflateResult, error) {
	br := bytes.NewReader(in)
	if f == fmtAuto {
		f = fmtZlib
		if len(in) >= 2 && in[0] == 0x1f && in[1] == 0x8b {
			f = fmtGzip
		}
	}
	var r io.Reader
	var err error
	switch f {
	case fmtRaw:
		if zdict != nil {
			r = flate.NewReaderDict(br, zdict)
		} else {
			r = flate.NewReader(br)
		}
	case fmtGzip:
		var g *gzip.Reader
		if g, err = gzip.NewReader(br); err == nil {
			g.Multistream(false)
			r = g
		}
	default:
		r, err = zlib.NewReaderDict(br, zdict)
	}
	res := inflateResult{}
	if err != nil {
		res.consumed = len(in) - br.Len()
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return res, nil
		}
		return res, err
	}
	buf := make([]byte, 32*1024)
	for limit < 0 || len(res.out) < limit {
		chunk := buf
		if limit >= 0 && limit-len(res.out) < len(chunk) {
			chunk = chunk[:limit-len(res.out)]
		}
		n, err := r.Read(chunk)
		res.out = append(res.out, chunk[:n]...)
		if err == io.EOF {
			res.eof = true
			break
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			res.consumed = len(in) - br.Len()
			return res, err
		}
	}
	res.consumed = len(in) - br.Len()
	return res, nil
}

// adler32Update continues an Adler-32 from value (hash/adler32 cannot
// start from a given value).
func adler32Update(value uint32, p []byte) uint32 {
	const mod, nmax = 65521, 5552
	a, b := value&0xffff, value>>16
	for len(p) > 0 {
		n := min(len(p), nmax)
		for _, c := range p[:n] {
			a += uint32(c)
			b += a
		}
		a %= mod
		b %= mod
		p = p[n:]
	}
	return b<<16 | a
}

// zlibData reads a bytes-like argument with CPython's message.
func zlibData(v vm.Value) ([]byte, error) {
	if b, ok := bufferBytes(v); ok {
		return b, nil
	}
	return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", v.TypeName())
}

// optInt reads an optional int argument.
func optInt(t *vm.Thread, v vm.Value, def int64) (int64, error) {
	if v.IsUndef() {
		return def, nil
	}
	return t.AsInt64(v)
}

func zlibModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("zlib", "")
	m.Set("error", vm.Obj(zlibError))
	for k, v := range zlibConstants {
		m.Set(k, vm.Int(v))
	}
	m.Set("ZLIB_VERSION", vm.Str("1.2.13"))
	m.Set("ZLIB_RUNTIME_VERSION", vm.Str("1.2.13"))
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	checksum := func(name string, start uint32, update func(uint32, []byte) uint32) {
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := vm.UnpackArgs(name, args, kw, 1, "data", "value")
			if err != nil {
				return vm.Undef, err
			}
			data, err := zlibData(a[0])
			if err != nil {
				return vm.Undef, err
			}
			v, err := optInt(t, a[1], int64(start))
			if err != nil {
				return vm.Undef, err
			}
			return vm.Int(int64(update(uint32(v), data))), nil
		})
	}
	checksum("crc32", 0, func(v uint32, p []byte) uint32 { return crc32.Update(v, crc32.IEEETable, p) })
	checksum("adler32", 1, adler32Update)
	fn("compress", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("compress", args, kw, 1, "data", "level", "wbits")
		if err != nil {
			return vm.Undef, err
		}
		data, err := zlibData(a[0])
		if err != nil {
			return vm.Undef, err
		}
		level, err := optInt(t, a[1], -1)
		if err != nil {
			return vm.Undef, err
		}
		wbits, err := optInt(t, a[2], 15)
		if err != nil {
			return vm.Undef, err
		}
		f, ok := compressFormat(wbits)
		if !ok || level < -1 || level > 9 {
			return vm.Undef, vm.Errorf(zlibError, "Bad compression level")
		}
		var buf bytes.Buffer
		w, err := newCompressor(&buf, f, int(level), nil)
		if err != nil {
			return vm.Undef, vm.Errorf(zlibError, "Bad compression level")
		}
		w.Write(data)
		w.Close()
		return bytesVal(buf.Bytes()), nil
	})
	fn("decompress", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("decompress", args, kw, 1, "data", "wbits", "bufsize")
		if err != nil {
			return vm.Undef, err
		}
		data, err := zlibData(a[0])
		if err != nil {
			return vm.Undef, err
		}
		wbits, err := optInt(t, a[1], 15)
		if err != nil {
			return vm.Undef, err
		}
		bufsize, err := optInt(t, a[2], 16384)
		if err != nil {
			return vm.Undef, err
		}
		if bufsize < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "bufsize must be non-negative")
		}
		f, ok := decompressFormat(wbits)
		if !ok {
			return vm.Undef, vm.Errorf(zlibError, "Error -2 while preparing to decompress data: inconsistent stream state")
		}
		res, err := inflate(data, f, nil, -1)
		if err != nil {
			return vm.Undef, zlibErr("decompressing data", err)
		}
		if !res.eof {
			return vm.Undef, zlibErr("decompressing data", io.ErrUnexpectedEOF)
		}
		return bytesVal(res.out), nil
	})
	fn("compressobj", newCompressObj)
	fn("decompressobj", newDecompressObj)
	return m, nil
}
