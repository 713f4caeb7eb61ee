package stdlib

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"strings"
	"sync"

	"github.com/asylang/asy/vm"
)

// The struct module: conversion between values and packed C structs, with
// CPython's sizes and alignment for '@' as on x86-64 Linux (long and size_t
// are 8 bytes, every native item is aligned to its own size) and the
// standard sizes for '=', '<', '>' and '!'.

var (
	structErrorType = vm.NewExceptionClass("error", "struct", vm.Exception)
	structType      = vm.NewNativeClass("Struct", "_struct", nil, newStructObj)
	unpackIterType  = vm.NewNativeClass("unpack_iterator", "_struct", nil, nil)
)

// structItem is one run of a format: count items of code (for s and p, one
// item count bytes long).
type structItem struct {
	code   byte
	count  int
	size   int // bytes of one item (of the whole string for s/p)
	offset int // of the first item, alignment included
}

// structFormat is a parsed format.
type structFormat struct {
	format string
	little bool
	native bool
	items  []structItem
	size   int
	nargs  int // values pack takes
}

// structCache keeps parsed formats (CPython caches them too); scripts that
// pack in a loop reparse nothing.
var structCache sync.Map

func structErr(format string, a ...any) error { return vm.Errorf(structErrorType, format, a...) }

// parseStructFormat parses a format string, with CPython's error messages.
func parseStructFormat(format string) (*structFormat, error) {
	if f, ok := structCache.Load(format); ok {
		return f.(*structFormat), nil
	}
	sf := &structFormat{format: format, little: true, native: true}
	s := format
	if len(s) > 0 {
		switch s[0] {
		case '@':
			s = s[1:]
		case '=', '<':
			sf.native = false
			s = s[1:]
		case '>', '!':
			sf.native, sf.little = false, false
			s = s[1:]
		}
	}
	size := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			i++
			continue
		}
		count := 1
		if c >= '0' && c <= '9' {
			count = 0
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				if count > (math.MaxInt64-9)/10 {
					return nil, structErr("total struct size too long")
				}
				count = count*10 + int(s[i]-'0')
				i++
			}
			if i >= len(s) {
				return nil, structErr("repeat count given without format specifier")
			}
			c = s[i]
		}
		i++
		isz, align, ok := structCodeSize(c, sf.native)
		if !ok {
			return nil, structErr("bad char in struct format")
		}
		if sf.native && align > 1 {
			size = (size + align - 1) / align * align
		}
		it := structItem{code: c, count: count, size: isz, offset: size}
		switch c {
		case 's', 'p':
			it.size = count
			size += count
			sf.nargs++
		case 'x':
			size += count
		default:
			if count > 0 && isz > (math.MaxInt64-size)/count {
				return nil, structErr("total struct size too long")
			}
			size += count * isz
			sf.nargs += count
		}
		if size < 0 || size > math.MaxInt32*4 {
			return nil, structErr("total struct size too long")
		}
		sf.items = append(sf.items, it)
	}
	sf.size = size
	structCache.Store(format, sf)
	return sf, nil
}

// structCodeSize gives an item's size and alignment; ok is false for a
// character that is not a format code in this mode.
func structCodeSize(c byte, native bool) (size, align int, ok bool) {
	switch c {
	case 'x', 'c', 'b', 'B', '?', 's', 'p':
		return 1, 1, true
	case 'h', 'H', 'e':
		return 2, 2, true
	case 'i', 'I', 'f':
		return 4, 4, true
	case 'q', 'Q', 'd':
		return 8, 8, true
	case 'l', 'L':
		if native {
			return 8, 8, true
		}
		return 4, 4, true
	case 'n', 'N', 'P':
		if native {
			return 8, 8, true
		}
	}
	return 0, 0, false
}

// packInt converts v for an integer code, with CPython's range messages.
// Those differ by table: '@', '=' and '<' share the native packers on a
// little-endian host ("short format requires ..."), while '>' and '!' use
// the big-endian ones ("'h' format requires ...", H read as unsigned, and
// 8-byte overflow reported as "int too large to convert").
func packInt(t *vm.Thread, code byte, size int, little bool, v vm.Value) (uint64, error) {
	if !vm.IsIntLike(v) {
		// Objects with __index__ are integers too; floats are not.
		if v.IsFloat() {
			return 0, structErr("required argument is not an integer")
		}
		if has, _ := t.HasAttr(vm.Obj(v.Class()), "__index__"); !has {
			return 0, structErr("required argument is not an integer")
		}
		r, err := t.CallMethod(v, "__index__")
		if err != nil {
			return 0, err
		}
		v = r
	}
	b := vm.AsBig(v)
	outOfRange := structErr("argument out of range")
	if !little {
		switch code {
		case 'q', 'Q':
			if (code == 'q' && !b.IsInt64()) || (code == 'Q' && !b.IsUint64()) {
				return 0, structErr("int too large to convert")
			}
			if code == 'q' {
				return uint64(b.Int64()), nil
			}
			return b.Uint64(), nil
		case 'H':
			if !b.IsUint64() {
				return 0, outOfRange
			}
			if u := b.Uint64(); u > 65535 {
				return 0, structErr("'H' format requires 0 <= number <= 65535")
			} else {
				return u, nil
			}
		case 'h':
			if !b.IsInt64() {
				return 0, outOfRange
			}
			if n := b.Int64(); n < -32768 || n > 32767 {
				return 0, structErr("'h' format requires -32768 <= number <= 32767")
			} else {
				return uint64(n), nil
			}
		}
	}
	switch code {
	case 'P':
		if b.IsInt64() {
			return uint64(b.Int64()), nil
		}
		if b.IsUint64() {
			return b.Uint64(), nil
		}
		return 0, outOfRange
	case 'Q', 'N', 'L', 'I':
		if !b.IsUint64() {
			return 0, outOfRange
		}
		u := b.Uint64()
		if size == 4 && u > math.MaxUint32 {
			return 0, structErr("'%c' format requires 0 <= number <= 4294967295", code)
		}
		return u, nil
	}
	if !b.IsInt64() {
		return 0, outOfRange
	}
	n := b.Int64()
	var lo, hi int64
	var msg string
	switch code {
	case 'b':
		lo, hi, msg = -128, 127, "byte format requires -128 <= number <= 127"
	case 'B':
		lo, hi, msg = 0, 255, "ubyte format requires 0 <= number <= 255"
	case 'h':
		lo, hi, msg = -32768, 32767, "short format requires -32768 <= number <= 32767"
	case 'H':
		lo, hi, msg = 0, 65535, "ushort format requires 0 <= number <= 65535"
	default: // i, l, q, n
		if size == 4 {
			lo, hi = math.MinInt32, math.MaxInt32
			msg = fmt.Sprintf("'%c' format requires -2147483648 <= number <= 2147483647", code)
		} else {
			return uint64(n), nil
		}
	}
	if n < lo || n > hi {
		return 0, structErr("%s", msg)
	}
	return uint64(n), nil
}

func packFloatArg(t *vm.Thread, v vm.Value) (float64, error) {
	if v.IsFloat() {
		return v.AsFloat(), nil
	}
	if vm.IsIntLike(v) {
		f, err := vm.AsFloat(v)
		if err != nil {
			return 0, err
		}
		return f, nil
	}
	if has, _ := t.HasAttr(vm.Obj(v.Class()), "__float__"); has {
		r, err := t.CallMethod(v, "__float__")
		if err != nil {
			return 0, err
		}
		if r.IsFloat() {
			return r.AsFloat(), nil
		}
	}
	return 0, structErr("required argument is not a float")
}

// floatToHalf packs an IEEE 754 binary16 with round-half-even, as
// CPython's PyFloat_Pack2.
func floatToHalf(x float64) (uint16, error) {
	var sign uint16
	if math.Signbit(x) {
		sign = 1
	}
	var e int
	var bits uint16
	switch {
	case x == 0:
		return sign << 15, nil
	case math.IsInf(x, 0):
		e = 0x1f
	case math.IsNaN(x):
		e, bits = 0x1f, 512
	default:
		x = math.Abs(x)
		f, exp := math.Frexp(x)
		f *= 2
		exp--
		if exp >= 16 {
			return 0, vm.Errorf(vm.OverflowError, "float too large to pack with e format")
		} else if exp < -25 {
			f, exp = 0, 0
		} else if exp < -14 {
			f = math.Ldexp(f, 14+exp)
			exp = 0
		} else {
			exp += 15
			f -= 1
		}
		f *= 1024
		b := uint16(f)
		f -= float64(b)
		if f > 0.5 || (f == 0.5 && b%2 == 1) {
			b++
			if b == 1024 {
				b = 0
				exp++
				if exp == 31 {
					return 0, vm.Errorf(vm.OverflowError, "float too large to pack with e format")
				}
			}
		}
		e, bits = exp, b
	}
	return sign<<15 | uint16(e)<<10 | bits, nil
}

func halfToFloat(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e := int(h>>10) & 0x1f
	f := float64(h & 0x3ff)
	switch e {
	case 0x1f:
		if f == 0 {
			return math.Inf(int(sign))
		}
		// CPython's NaN, signed like the half float.
		return math.Copysign(vm.NaN(), sign)
	case 0:
		return sign * math.Ldexp(f, -24)
	}
	return sign * math.Ldexp(1+f/1024, e-15)
}

func structBytes(v vm.Value) ([]byte, bool) {
	switch o := v.AsObj().(type) {
	case *vm.Bytes:
		return o.Data(), true
	case *vm.ByteArray:
		return o.Data(), true
	}
	return vm.BufferData(v) // memoryview, array.array
}

// pack writes args into buf (len(buf) == sf.size).
func (sf *structFormat) pack(t *vm.Thread, buf []byte, args []vm.Value) error {
	if len(args) != sf.nargs {
		return structErr("pack expected %d items for packing (got %d)", sf.nargs, len(args))
	}
	var order binary.ByteOrder = binary.LittleEndian
	if !sf.little {
		order = binary.BigEndian
	}
	ai := 0
	for _, it := range sf.items {
		off := it.offset
		switch it.code {
		case 'x':
			continue
		case 's', 'p':
			v := args[ai]
			ai++
			data, ok := structBytes(v)
			if !ok {
				return structErr("argument for '%c' must be a bytes object", it.code)
			}
			field := buf[off : off+it.count]
			if it.code == 's' {
				copy(field, data)
				continue
			}
			if it.count == 0 {
				continue
			}
			n := len(data)
			if n > it.count-1 {
				n = it.count - 1
			}
			copy(field[1:], data[:n])
			if n > 255 {
				n = 255
			}
			field[0] = byte(n)
			continue
		}
		for k := 0; k < it.count; k++ {
			v := args[ai]
			ai++
			p := buf[off+k*it.size : off+(k+1)*it.size]
			switch it.code {
			case 'c':
				data, ok := structBytes(v)
				if !ok || len(data) != 1 {
					return structErr("char format requires a bytes object of length 1")
				}
				p[0] = data[0]
			case '?':
				b, err := t.Truth(v)
				if err != nil {
					return err
				}
				p[0] = 0
				if b {
					p[0] = 1
				}
			case 'e', 'f', 'd':
				x, err := packFloatArg(t, v)
				if err != nil {
					return err
				}
				switch it.code {
				case 'e':
					h, err := floatToHalf(x)
					if err != nil {
						return err
					}
					order.PutUint16(p, h)
				case 'f':
					y := float32(x)
					if math.IsInf(float64(y), 0) && !math.IsInf(x, 0) {
						return vm.Errorf(vm.OverflowError, "float too large to pack with f format")
					}
					order.PutUint32(p, math.Float32bits(y))
				default:
					bits := math.Float64bits(x)
					// Go's math.NaN() carries payload 1 where C's NAN has
					// none; float('nan') must pack as CPython's.
					if bits&^(1<<63) == 0x7FF8000000000001 {
						bits--
					}
					order.PutUint64(p, bits)
				}
			default:
				u, err := packInt(t, it.code, it.size, sf.little, v)
				if err != nil {
					return err
				}
				switch it.size {
				case 1:
					p[0] = byte(u)
				case 2:
					order.PutUint16(p, uint16(u))
				case 4:
					order.PutUint32(p, uint32(u))
				default:
					order.PutUint64(p, u)
				}
			}
		}
	}
	return nil
}

// unpack reads the values of buf (len(buf) == sf.size).
func (sf *structFormat) unpack(buf []byte) vm.Value {
	var order binary.ByteOrder = binary.LittleEndian
	if !sf.little {
		order = binary.BigEndian
	}
	out := make([]vm.Value, 0, sf.nargs)
	for _, it := range sf.items {
		off := it.offset
		switch it.code {
		case 'x':
			continue
		case 's':
			out = append(out, vm.Obj(vm.NewBytes(append([]byte{}, buf[off:off+it.count]...))))
			continue
		case 'p':
			if it.count == 0 {
				out = append(out, vm.Obj(vm.NewBytes([]byte{})))
				continue
			}
			n := int(buf[off])
			if n > it.count-1 {
				n = it.count - 1
			}
			out = append(out, vm.Obj(vm.NewBytes(append([]byte{}, buf[off+1:off+1+n]...))))
			continue
		}
		for k := 0; k < it.count; k++ {
			p := buf[off+k*it.size : off+(k+1)*it.size]
			var v vm.Value
			switch it.code {
			case 'c':
				v = vm.Obj(vm.NewBytes([]byte{p[0]}))
			case '?':
				v = vm.Bool(p[0] != 0)
			case 'e':
				v = vm.Float(halfToFloat(order.Uint16(p)))
			case 'f':
				v = vm.Float(float64(math.Float32frombits(order.Uint32(p))))
			case 'd':
				v = vm.Float(math.Float64frombits(order.Uint64(p)))
			case 'b':
				v = vm.Int(int64(int8(p[0])))
			case 'B':
				v = vm.Int(int64(p[0]))
			case 'h':
				v = vm.Int(int64(int16(order.Uint16(p))))
			case 'H':
				v = vm.Int(int64(order.Uint16(p)))
			default:
				signed := strings.IndexByte("ilqn", it.code) >= 0
				var u uint64
				switch it.size {
				case 4:
					u = uint64(order.Uint32(p))
					if signed {
						u = uint64(int64(int32(u)))
					}
				default:
					u = order.Uint64(p)
				}
				if signed || u <= math.MaxInt64 {
					v = vm.Int(int64(u))
				} else {
					v = vm.BigInt(new(big.Int).SetUint64(u))
				}
			}
			out = append(out, v)
		}
	}
	return vm.Obj(vm.NewTuple(out))
}

// formatArg reads a format given as str or bytes.
func formatArg(v vm.Value) (string, error) {
	if s, ok := v.StrOf(); ok {
		return s, nil
	}
	if b, ok := v.AsObj().(*vm.Bytes); ok {
		return string(b.Data()), nil
	}
	return "", vm.Errorf(vm.TypeError, "Struct() argument 1 must be a str or bytes object, not %s", v.TypeName())
}

func bufferArg(v vm.Value) ([]byte, error) {
	if b, ok := structBytes(v); ok {
		return b, nil
	}
	return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", v.TypeName())
}

func (sf *structFormat) doPack(t *vm.Thread, args []vm.Value) (vm.Value, error) {
	buf := make([]byte, sf.size)
	if err := sf.pack(t, buf, args); err != nil {
		return vm.Undef, err
	}
	return vm.Obj(vm.NewBytes(buf)), nil
}

func (sf *structFormat) doUnpack(v vm.Value) (vm.Value, error) {
	buf, err := bufferArg(v)
	if err != nil {
		return vm.Undef, err
	}
	if len(buf) != sf.size {
		return vm.Undef, structErr("unpack requires a buffer of %d bytes", sf.size)
	}
	return sf.unpack(buf), nil
}

func (sf *structFormat) doUnpackFrom(t *vm.Thread, fname string, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs(fname, args, kw, 1, "buffer", "offset")
	if err != nil {
		return vm.Undef, err
	}
	buf, err := bufferArg(a[0])
	if err != nil {
		return vm.Undef, err
	}
	off := int64(0)
	if !a[1].IsUndef() {
		if off, err = t.AsInt64(a[1]); err != nil {
			return vm.Undef, err
		}
	}
	n := int64(len(buf))
	if off < 0 {
		if off+n < 0 {
			return vm.Undef, structErr("offset %d out of range for %d-byte buffer", off, n)
		}
		if off+int64(sf.size) > 0 {
			return vm.Undef, structErr("not enough data to unpack %d bytes at offset %d", sf.size, off)
		}
		off += n
	}
	if n-off < int64(sf.size) {
		return vm.Undef, structErr("unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d (actual buffer size is %d)", int64(sf.size)+off, sf.size, off, n)
	}
	return sf.unpack(buf[off : off+int64(sf.size)]), nil
}

func (sf *structFormat) doPackInto(t *vm.Thread, args []vm.Value) (vm.Value, error) {
	if len(args) < 2 {
		if len(args) == 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "pack_into expected buffer argument")
		}
		return vm.Undef, vm.Errorf(vm.TypeError, "pack_into expected offset argument")
	}
	ba, ok := args[0].AsObj().(*vm.ByteArray)
	if !ok {
		return vm.Undef, vm.Errorf(vm.TypeError, "argument must be read-write bytes-like object, not %s", args[0].TypeName())
	}
	buf := ba.Data()
	off, err := t.AsInt64(args[1])
	if err != nil {
		return vm.Undef, err
	}
	if len(args)-2 != sf.nargs {
		return vm.Undef, structErr("pack_into expected %d items for packing (got %d)", sf.nargs, len(args)-2)
	}
	n := int64(len(buf))
	if off < 0 {
		if off+int64(sf.size) > 0 {
			return vm.Undef, structErr("no space to pack %d bytes at offset %d", sf.size, off)
		}
		if off+n < 0 {
			return vm.Undef, structErr("offset %d out of range for %d-byte buffer", off, n)
		}
		off += n
	}
	if n-off < int64(sf.size) {
		return vm.Undef, structErr("pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d (actual buffer size is %d)", int64(sf.size)+off, sf.size, off, n)
	}
	// Packed into a copy of the target range, then copied back, so a bad
	// value leaves the buffer as it was (CPython may leave it half written;
	// scripts that catch struct.error should not rely on either).
	tmp := make([]byte, sf.size)
	copy(tmp, buf[off:off+int64(sf.size)])
	if err := sf.pack(t, tmp, args[2:]); err != nil {
		return vm.Undef, err
	}
	copy(buf[off:], tmp)
	return vm.None, nil
}

// unpackIter is the iterator iter_unpack returns.
type unpackIter struct {
	sf  *structFormat
	buf []byte
	pos int
}

func (*unpackIter) Class() *vm.Class { return unpackIterType }

// Next makes unpackIter a Go iterator (for loops and next()).
func (it *unpackIter) Next(t *vm.Thread) (vm.Value, bool, error) {
	if it.pos+it.sf.size > len(it.buf) {
		return vm.Undef, false, nil
	}
	v := it.sf.unpack(it.buf[it.pos : it.pos+it.sf.size])
	it.pos += it.sf.size
	return v, true, nil
}

func (sf *structFormat) doIterUnpack(v vm.Value) (vm.Value, error) {
	buf, err := bufferArg(v)
	if err != nil {
		return vm.Undef, err
	}
	if sf.size == 0 {
		return vm.Undef, structErr("cannot iteratively unpack with a struct of length 0")
	}
	if len(buf)%sf.size != 0 {
		return vm.Undef, structErr("iterative unpacking requires a buffer of a multiple of %d bytes", sf.size)
	}
	return vm.Obj(&unpackIter{sf: sf, buf: buf}), nil
}

// structObj is a struct.Struct instance.
type structObj struct{ sf *structFormat }

func (*structObj) Class() *vm.Class { return structType }

func (o *structObj) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	switch name {
	case "format":
		return vm.Str(o.sf.format), true, nil
	case "size":
		return vm.Int(int64(o.sf.size)), true, nil
	}
	return vm.Undef, false, nil
}

func newStructObj(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("Struct", args, kw, 1, "format")
	if err != nil {
		return vm.Undef, err
	}
	f, err := formatArg(a[0])
	if err != nil {
		return vm.Undef, err
	}
	sf, err := parseStructFormat(f)
	if err != nil {
		return vm.Undef, err
	}
	return vm.Obj(&structObj{sf: sf}), nil
}

func init() {
	structType.AddMethod("pack", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return args[0].AsObj().(*structObj).sf.doPack(t, args[1:])
	})
	structType.AddMethod("unpack", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("unpack", args[1:], 1); err != nil {
			return vm.Undef, err
		}
		return args[0].AsObj().(*structObj).sf.doUnpack(args[1])
	})
	structType.AddMethod("unpack_from", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return args[0].AsObj().(*structObj).sf.doUnpackFrom(t, "unpack_from", args[1:], kw)
	})
	structType.AddMethod("pack_into", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return args[0].AsObj().(*structObj).sf.doPackInto(t, args[1:])
	})
	structType.AddMethod("iter_unpack", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("iter_unpack", args[1:], 1); err != nil {
			return vm.Undef, err
		}
		return args[0].AsObj().(*structObj).sf.doIterUnpack(args[1])
	})
	unpackIterType.AddMethod("__length_hint__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		it := args[0].AsObj().(*unpackIter)
		return vm.Int(int64((len(it.buf) - it.pos) / it.sf.size)), nil
	})
	register("struct", structModule)
}

func structModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("struct", "")
	m.Set("error", vm.Obj(structErrorType))
	m.Set("Struct", vm.Obj(structType))
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	// withFormat parses args[0] as the format of the module-level function.
	withFormat := func(name string, args []vm.Value) (*structFormat, error) {
		if len(args) == 0 {
			return nil, vm.Errorf(vm.TypeError, "%s() missing required argument 'format' (pos 1)", name)
		}
		f, err := formatArg(args[0])
		if err != nil {
			return nil, err
		}
		return parseStructFormat(f)
	}
	fn("pack", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) == 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "missing format argument")
		}
		sf, err := withFormat("pack", args)
		if err != nil {
			return vm.Undef, err
		}
		return sf.doPack(t, args[1:])
	})
	fn("unpack", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("unpack", args, 2); err != nil {
			return vm.Undef, err
		}
		sf, err := withFormat("unpack", args)
		if err != nil {
			return vm.Undef, err
		}
		return sf.doUnpack(args[1])
	})
	fn("calcsize", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("calcsize", args, 1); err != nil {
			return vm.Undef, err
		}
		sf, err := withFormat("calcsize", args)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Int(int64(sf.size)), nil
	})
	fn("unpack_from", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		sf, err := withFormat("unpack_from", args)
		if err != nil {
			return vm.Undef, err
		}
		return sf.doUnpackFrom(t, "unpack_from", args[1:], kw)
	})
	fn("pack_into", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) == 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "missing format argument")
		}
		sf, err := withFormat("pack_into", args)
		if err != nil {
			return vm.Undef, err
		}
		return sf.doPackInto(t, args[1:])
	})
	fn("iter_unpack", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("iter_unpack", args, 2); err != nil {
			return vm.Undef, err
		}
		sf, err := withFormat("iter_unpack", args)
		if err != nil {
			return vm.Undef, err
		}
		return sf.doIterUnpack(args[1])
	})
	return m, nil
}
