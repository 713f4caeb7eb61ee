package vm

import (
	"encoding/binary"
	"math"
	"math/big"
)

// The buffer protocol: objects whose memory a memoryview (and bytes(),
// bytearray(), b'' + x) can read. bytes, bytearray and array.array export
// their raw bytes; items are in native (little-endian, LP64) layout so a
// memoryview sees exactly what CPython's does on x86-64.

// BufferExporter is implemented by Go objects with a buffer.
type BufferExporter interface {
	Object
	// BufferBytes returns the live memory (writes through it are seen).
	BufferBytes() []byte
	// BufferFormat is the struct format of one item ("B" for bytes).
	BufferFormat() string
	BufferReadonly() bool
}

func (b *Bytes) BufferBytes() []byte     { return b.b }
func (*Bytes) BufferFormat() string      { return "B" }
func (*Bytes) BufferReadonly() bool      { return true }
func (b *ByteArray) BufferBytes() []byte { return b.b }
func (*ByteArray) BufferFormat() string  { return "B" }
func (*ByteArray) BufferReadonly() bool  { return false }

// bufferOf finds v's exporter (also inside a subclass instance).
func bufferOf(v Value) (BufferExporter, bool) {
	if !v.isObj() {
		return nil, false
	}
	switch o := v.o.(type) {
	case BufferExporter:
		return o, true
	case *Instance:
		return bufferOf(o.Payload())
	}
	return nil, false
}

// BufferData returns the bytes of any buffer exporter (a contiguous copy for
// a strided memoryview).
func BufferData(v Value) ([]byte, bool) {
	if mv, ok := v.o.(*MemoryView); ok {
		if mv.released {
			return nil, false
		}
		return mv.bytes(), true
	}
	e, ok := bufferOf(v)
	if !ok {
		return nil, false
	}
	return e.BufferBytes(), true
}

// FormatItemSize is the size of one item of a struct format code (0: unknown).
func FormatItemSize(f string) int {
	switch f {
	case "b", "B", "c", "?":
		return 1
	case "h", "H":
		return 2
	case "i", "I", "f":
		return 4
	case "l", "L", "q", "Q", "d", "n", "N", "P":
		return 8
	}
	return 0
}

// UnpackItem decodes one item of format f from b.
func UnpackItem(f string, b []byte) Value {
	le := binary.LittleEndian
	switch f {
	case "b":
		return Int(int64(int8(b[0])))
	case "B":
		return Int(int64(b[0]))
	case "c":
		return Obj(NewBytes([]byte{b[0]}))
	case "?":
		return Bool(b[0] != 0)
	case "h":
		return Int(int64(int16(le.Uint16(b))))
	case "H":
		return Int(int64(le.Uint16(b)))
	case "i":
		return Int(int64(int32(le.Uint32(b))))
	case "I":
		return Int(int64(le.Uint32(b)))
	case "l", "q", "n":
		return Int(int64(le.Uint64(b)))
	case "L", "Q", "N", "P":
		u := le.Uint64(b)
		if u > math.MaxInt64 {
			return BigInt(new(big.Int).SetUint64(u))
		}
		return Int(int64(u))
	case "f":
		return Float(float64(math.Float32frombits(le.Uint32(b))))
	case "d":
		return Float(math.Float64frombits(le.Uint64(b)))
	}
	return None
}

// PackRangeError says why an int does not fit a format (see PackItem).
type PackRangeError struct{ Low bool }

func (e *PackRangeError) Error() string { return "out of range" }

// PackItem encodes v as one item of format f into b. A value of the wrong
// type is a TypeError (ok=false, err=nil: the caller words it); an int out
// of range returns *PackRangeError.
func PackItem(t *Thread, f string, v Value, b []byte) (ok bool, err error) {
	le := binary.LittleEndian
	switch f {
	case "f", "d":
		if !v.isFloat() && !v.isInt() && !v.isBool() {
			if _, isBig := v.o.(*BigIntObj); !isBig || !v.isObj() {
				x, err := t.ToFloat(v)
				if err != nil {
					return false, nil
				}
				v = Float(x)
			}
		}
		x, err := toFloat(v)
		if err != nil {
			return false, err
		}
		if f == "f" {
			le.PutUint32(b, math.Float32bits(float32(x)))
		} else {
			le.PutUint64(b, math.Float64bits(x))
		}
		return true, nil
	case "c":
		bs, ok := bytesLike(v)
		if !ok || len(bs) != 1 {
			return false, nil
		}
		b[0] = bs[0]
		return true, nil
	case "?":
		tr, err := t.Truth(v)
		if err != nil {
			return false, err
		}
		b[0] = 0
		if tr {
			b[0] = 1
		}
		return true, nil
	}
	n := AsBig(v)
	if n == nil {
		i, isInt, err := t.IndexOf(v)
		if err != nil {
			return false, err
		}
		if !isInt {
			return false, nil
		}
		n = big.NewInt(i)
	}
	size := FormatItemSize(f)
	signed := f == "b" || f == "h" || f == "i" || f == "l" || f == "q" || f == "n"
	var lo, hi *big.Int
	if signed {
		hi = new(big.Int).Lsh(big.NewInt(1), uint(size*8-1))
		lo = new(big.Int).Neg(hi)
		hi.Sub(hi, big.NewInt(1))
	} else {
		lo = big.NewInt(0)
		hi = new(big.Int).Lsh(big.NewInt(1), uint(size*8))
		hi.Sub(hi, big.NewInt(1))
	}
	if n.Cmp(lo) < 0 {
		return false, &PackRangeError{Low: true}
	}
	if n.Cmp(hi) > 0 {
		return false, &PackRangeError{}
	}
	var u uint64
	if n.Sign() < 0 {
		u = uint64(n.Int64())
	} else {
		u = n.Uint64()
	}
	switch size {
	case 1:
		b[0] = byte(u)
	case 2:
		le.PutUint16(b, uint16(u))
	case 4:
		le.PutUint32(b, uint32(u))
	case 8:
		le.PutUint64(b, u)
	}
	return true, nil
}

// SliceIndices resolves a slice object against a length (slice.indices);
// ok is false when key is not a slice.
func (t *Thread) SliceIndices(key Value, n int) (start, stop, step, length int, ok bool, err error) {
	s, isSlice := key.o.(*SliceObj)
	if !isSlice || !key.isObj() {
		return 0, 0, 0, 0, false, nil
	}
	lo, hi, st, err := t.sliceIndices(s, int64(n))
	if err != nil {
		return 0, 0, 0, 0, true, err
	}
	return int(lo), int(hi), int(st), int(sliceLen(lo, hi, st)), true, nil
}

// SeqIndex resolves an int index against a length: "<what> index out of range".
func (t *Thread) SeqIndex(key Value, n int, what string) (int, error) {
	return t.seqIndex(key, n, what)
}
