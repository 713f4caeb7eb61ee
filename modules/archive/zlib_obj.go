package archive

import (
	"bytes"
	"compress/flate"
	"fmt"

	"github.com/asylang/asy/vm"
)

// zlib's streaming objects. Compress keeps a Go compressor writing into a
// buffer that each call drains. Decompress re-inflates everything it has
// been fed on each call and hands out only the new output: Go's inflaters
// pull from a reader and give up for good when it runs dry, so they cannot
// be parked mid-stream without a goroutine. The cost is quadratic in the
// number of calls, which is fine for scripts feeding a few chunks.

var (
	zCompressType   = vm.NewNativeClass("Compress", "zlib", nil, nil)
	zDecompressType = vm.NewNativeClass("Decompress", "zlib", nil, nil)
)

type compressObj struct {
	buf      bytes.Buffer
	w        flushWriter
	finished bool
}

func (o *compressObj) Class() *vm.Class { return zCompressType }
func (o *compressObj) Repr(t *vm.Thread) (string, error) {
	return fmt.Sprintf("<zlib.Compress object at %p>", o), nil
}

// drain takes what the compressor has written so far.
func (o *compressObj) drain() vm.Value {
	out := bytes.Clone(o.buf.Bytes())
	o.buf.Reset()
	return bytesVal(out)
}

func newCompressObj(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("compressobj", args, kw, 0, "level", "method", "wbits", "memLevel", "strategy", "zdict")
	if err != nil {
		return vm.Undef, err
	}
	var n [5]int64
	defs := [5]int64{-1, 8, 15, 8, 0}
	for i := range n {
		if n[i], err = optInt(t, a[i], defs[i]); err != nil {
			return vm.Undef, err
		}
	}
	level, method, wbits, memLevel, strategy := n[0], n[1], n[2], n[3], n[4]
	f, ok := compressFormat(wbits)
	if !ok || level < -1 || level > 9 || method != 8 || memLevel < 1 || memLevel > 9 || strategy < 0 || strategy > 4 {
		return vm.Undef, vm.Errorf(vm.ValueError, "Invalid initialization option")
	}
	var zdict []byte
	if !a[5].IsUndef() && !a[5].IsNone() {
		if zdict, ok = bufferBytes(a[5]); !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "zdict argument must support the buffer protocol")
		}
		if f == fmtGzip {
			return vm.Undef, vm.Errorf(vm.ValueError, "Invalid initialization option")
		}
	}
	lvl := int(level)
	if strategy == 2 { // Z_HUFFMAN_ONLY
		lvl = flate.HuffmanOnly
	}
	o := &compressObj{}
	if o.w, err = newCompressor(&o.buf, f, lvl, zdict); err != nil {
		return vm.Undef, vm.Errorf(vm.ValueError, "Invalid initialization option")
	}
	return vm.Obj(o), nil
}

type decompressObj struct {
	format  zlibFormat
	zdict   []byte
	in      []byte // input fed to the inflater so far
	emitted int    // output already handed out
	eof     bool
	unused  []byte // data after the end of the stream
	tail    []byte // input not yet inflated because of max_length
}

func (o *decompressObj) Class() *vm.Class { return zDecompressType }
func (o *decompressObj) Repr(t *vm.Thread) (string, error) {
	return fmt.Sprintf("<zlib.Decompress object at %p>", o), nil
}

func (o *decompressObj) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	switch name {
	case "eof":
		return vm.Bool(o.eof), true, nil
	case "unused_data":
		return bytesVal(bytes.Clone(o.unused)), true, nil
	case "unconsumed_tail":
		return bytesVal(bytes.Clone(o.tail)), true, nil
	}
	return vm.Undef, false, nil
}

// feed inflates the input so far plus data, handing out at most limit new
// bytes (limit < 0: all).
func (o *decompressObj) feed(data []byte, limit int) (vm.Value, error) {
	if o.eof {
		o.unused = append(o.unused, data...)
		return bytesVal(nil), nil
	}
	full := append(append([]byte(nil), o.in...), data...)
	total := -1
	if limit >= 0 {
		total = o.emitted + limit
	}
	res, err := inflate(full, o.format, o.zdict, total)
	if err != nil {
		return vm.Undef, zlibErr("decompressing data", err)
	}
	out := res.out[min(o.emitted, len(res.out)):]
	o.emitted = max(o.emitted, len(res.out))
	o.tail = nil
	switch {
	case res.eof:
		o.eof = true
		o.in = full[:res.consumed]
		o.unused = append(o.unused, full[res.consumed:]...)
	case total >= 0 && len(res.out) >= total:
		o.in = full[:res.consumed]
		o.tail = full[res.consumed:]
	default:
		o.in = full
	}
	return bytesVal(bytes.Clone(out)), nil
}

func newDecompressObj(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("decompressobj", args, kw, 0, "wbits", "zdict")
	if err != nil {
		return vm.Undef, err
	}
	wbits, err := optInt(t, a[0], 15)
	if err != nil {
		return vm.Undef, err
	}
	f, ok := decompressFormat(wbits)
	if !ok {
		return vm.Undef, vm.Errorf(vm.ValueError, "Invalid initialization option")
	}
	o := &decompressObj{format: f}
	if !a[1].IsUndef() {
		if o.zdict, ok = bufferBytes(a[1]); !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "zdict argument must support the buffer protocol")
		}
		if len(o.zdict) == 0 {
			o.zdict = nil
		}
	}
	return vm.Obj(o), nil
}

func init() {
	zCompressType.AddMethod("compress", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := args[0].AsObj().(*compressObj)
		if err := vm.MethodArgs("Compress", "compress", args[1:], 1, 1); err != nil {
			return vm.Undef, err
		}
		data, err := zlibData(args[1])
		if err != nil {
			return vm.Undef, err
		}
		if o.finished {
			return vm.Undef, vm.Errorf(zlibError, "Error -2 while compressing data: inconsistent stream state")
		}
		o.w.Write(data)
		return o.drain(), nil
	})
	zCompressType.AddMethod("flush", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := args[0].AsObj().(*compressObj)
		a, err := vm.UnpackArgs("flush", args[1:], kw, 0, "mode")
		if err != nil {
			return vm.Undef, err
		}
		mode, err := optInt(t, a[0], 4)
		if err != nil {
			return vm.Undef, err
		}
		if mode == 0 { // Z_NO_FLUSH
			return bytesVal(nil), nil
		}
		if o.finished {
			return vm.Undef, vm.Errorf(zlibError, "Error -2 while flushing: inconsistent stream state")
		}
		if mode == 4 { // Z_FINISH
			o.w.Close()
			o.finished = true
		} else {
			o.w.Flush()
		}
		return o.drain(), nil
	})
	zDecompressType.AddMethod("decompress", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := args[0].AsObj().(*decompressObj)
		a, err := vm.UnpackArgs("decompress", args[1:], kw, 1, "data", "max_length")
		if err != nil {
			return vm.Undef, err
		}
		data, err := zlibData(a[0])
		if err != nil {
			return vm.Undef, err
		}
		maxLen, err := optInt(t, a[1], 0)
		if err != nil {
			return vm.Undef, err
		}
		if maxLen < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "max_length must be non-negative")
		}
		limit := -1
		if maxLen > 0 {
			limit = int(maxLen)
		}
		return o.feed(data, limit)
	})
	zDecompressType.AddMethod("flush", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := args[0].AsObj().(*decompressObj)
		a, err := vm.UnpackArgs("flush", args[1:], kw, 0, "length")
		if err != nil {
			return vm.Undef, err
		}
		length, err := optInt(t, a[0], 16384)
		if err != nil {
			return vm.Undef, err
		}
		if length <= 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "length must be greater than zero")
		}
		tail := o.tail
		o.tail = nil
		return o.feed(tail, -1)
	})
}
