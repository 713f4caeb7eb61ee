package stdlib

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/asylang/asy/vm"
)

// The array module: typed arrays of machine numbers. An array keeps its
// items packed in native layout (little-endian, LP64) in one byte slice, so
// it exports that slice as its buffer (memoryview, bytes(a), struct) and
// tobytes/frombytes are plain copies. Conversion errors follow CPython's
// getargs rules, whose wording depends on the C type each code goes through.

const arrayTypecodes = "bBuhHiIlLqQfd"

var arrayType = vm.NewNativeClass("array", "array", nil, newArrayObj)

type arrayObj struct {
	code    byte
	size    int
	data    []byte
	exports *vm.Exports // the memoryviews over it, nil before the first
}

// BufferExports makes memoryviews register with the array, which then
// refuses to change size while one of them lives (vm/buffer_exports.go).
func (a *arrayObj) BufferExports() *vm.Exports {
	if a.exports == nil {
		a.exports = &vm.Exports{}
	}
	return a.exports
}

// checkResize is CPython's refusal to change the size of an array (to n
// bytes) while a memoryview exports it.
func (a *arrayObj) checkResize(t *vm.Thread, n int) error {
	if a.exports == nil || n == len(a.data) || a.exports.Resizable(t) {
		return nil
	}
	return errArrayExported()
}

// checkExported refuses while a memoryview exports the array, whatever the
// change (slice assignment and deletion check before they look further).
func (a *arrayObj) checkExported(t *vm.Thread) error {
	if a.exports == nil || a.exports.Resizable(t) {
		return nil
	}
	return errArrayExported()
}

func errArrayExported() error {
	return vm.Errorf(vm.BufferError, "cannot resize an array that is exporting buffers")
}

func (*arrayObj) Class() *vm.Class           { return arrayType }
func (a *arrayObj) BufferBytes() []byte      { return a.data }
func (a *arrayObj) BufferFormat() string     { return string(a.code) }
func (a *arrayObj) BufferReadonly() bool     { return false }
func (a *arrayObj) Len() int                 { return len(a.data) / a.size }
func (a *arrayObj) raw(i int) []byte         { return a.data[i*a.size : (i+1)*a.size] }
func (a *arrayObj) clone(d []byte) *arrayObj { return &arrayObj{code: a.code, size: a.size, data: d} }

func arrayItemSize(c byte) int {
	if c == 'u' {
		return 4
	}
	return vm.FormatItemSize(string(c))
}

// get decodes item i.
func (a *arrayObj) get(i int) vm.Value {
	if a.code == 'u' {
		return vm.Str(vm.RuneString(rune(binary.LittleEndian.Uint32(a.raw(i)))))
	}
	return vm.UnpackItem(string(a.code), a.raw(i))
}

func overflow(msg string) error { return vm.Errorf(vm.OverflowError, "%s", msg) }

// pack encodes v as an item of code c, with CPython's error words.
func arrayPack(t *vm.Thread, c byte, v vm.Value) ([]byte, error) {
	out := make([]byte, arrayItemSize(c))
	switch c {
	case 'u':
		s, ok := v.StrOf()
		if !ok {
			return nil, vm.Errorf(vm.TypeError, "array item must be unicode character, not %s", v.TypeName())
		}
		if vm.RuneCount(s) != 1 {
			return nil, vm.Errorf(vm.TypeError, "array item must be unicode character, not a string of length %d", vm.RuneCount(s))
		}
		r, _ := vm.DecodeRune(s)
		binary.LittleEndian.PutUint32(out, uint32(r))
		return out, nil
	case 'f', 'd':
		if v.IsInt() || v.IsFloat() || v.IsBool() || vm.AsBig(v) != nil {
			// fast path below
		} else if _, err := t.ToFloat(v); err != nil {
			return nil, vm.Errorf(vm.TypeError, "must be real number, not %s", v.TypeName())
		}
		if _, err := vm.PackItem(t, string(c), v, out); err != nil {
			return nil, err
		}
		return out, nil
	}
	n := vm.AsBig(v)
	if n == nil {
		i, err := t.AsInt64(v)
		if err != nil {
			return nil, err
		}
		n = big.NewInt(i)
	}
	fitsLong := n.IsInt64()
	var x int64
	if fitsLong {
		x = n.Int64()
	}
	rng := func(lo, hi int64, what string) error {
		if x < lo {
			return overflow(what + " is less than minimum")
		}
		if x > hi {
			return overflow(what + " is greater than maximum")
		}
		return nil
	}
	var err error
	switch c {
	case 'b', 'B', 'h', 'H', 'i', 'l':
		if !fitsLong {
			return nil, overflow("Python int too large to convert to C long")
		}
		switch c {
		case 'b':
			if err = rng(math.MinInt16, math.MaxInt16, "signed short integer"); err == nil {
				err = rng(math.MinInt8, math.MaxInt8, "signed char")
			}
		case 'B':
			err = rng(0, math.MaxUint8, "unsigned byte integer")
		case 'h':
			err = rng(math.MinInt16, math.MaxInt16, "signed short integer")
		case 'H':
			if err = rng(math.MinInt32, math.MaxInt32, "signed integer"); err == nil {
				err = rng(0, math.MaxUint16, "unsigned short")
			}
		case 'i':
			err = rng(math.MinInt32, math.MaxInt32, "signed integer")
		}
	case 'I', 'L':
		if n.Sign() < 0 {
			return nil, overflow("can't convert negative value to unsigned int")
		}
		if !n.IsUint64() {
			return nil, overflow("Python int too large to convert to C unsigned long")
		}
		if c == 'I' && n.Uint64() > math.MaxUint32 {
			return nil, overflow("unsigned int is greater than maximum")
		}
	case 'q':
		if !fitsLong {
			return nil, overflow("int too big to convert")
		}
	case 'Q':
		if n.Sign() < 0 {
			return nil, overflow("can't convert negative int to unsigned")
		}
		if !n.IsUint64() {
			return nil, overflow("int too big to convert")
		}
	}
	if err != nil {
		return nil, err
	}
	if _, err := vm.PackItem(t, string(c), vm.BigInt(n), out); err != nil {
		return nil, overflow("int too big to convert")
	}
	return out, nil
}

func (a *arrayObj) appendValues(t *vm.Thread, vals []vm.Value) error {
	buf := make([]byte, 0, len(vals)*a.size)
	for _, v := range vals {
		b, err := arrayPack(t, a.code, v)
		if err != nil {
			return err
		}
		buf = append(buf, b...)
	}
	if err := a.checkResize(t, len(a.data)+len(buf)); err != nil {
		return err
	}
	a.data = append(a.data, buf...)
	return nil
}

func newArrayObj(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(kw) > 0 {
		return vm.Undef, vm.Errorf(vm.TypeError, "array.array() takes no keyword arguments")
	}
	if len(args) < 1 || len(args) > 2 {
		return vm.Undef, vm.Errorf(vm.TypeError, "array() takes at most 2 arguments (%d given)", len(args))
	}
	s, ok := args[0].StrOf()
	if !ok || vm.RuneCount(s) != 1 {
		if ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "array() argument 1 must be a unicode character, not str")
		}
		return vm.Undef, vm.Errorf(vm.TypeError, "array() argument 1 must be a unicode character, not %s", args[0].TypeName())
	}
	if len(s) != 1 || !strings.Contains(arrayTypecodes, s) {
		return vm.Undef, vm.Errorf(vm.ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
	}
	a := &arrayObj{code: s[0], size: arrayItemSize(s[0])}
	if len(args) == 2 {
		init := args[1]
		if str, ok := init.StrOf(); ok {
			if a.code != 'u' {
				return vm.Undef, vm.Errorf(vm.TypeError, "cannot use a str to initialize an array with typecode '%c'", a.code)
			}
			for _, r := range str {
				b := make([]byte, 4)
				binary.LittleEndian.PutUint32(b, uint32(r))
				a.data = append(a.data, b...)
			}
		} else if o, ok := init.AsObj().(*arrayObj); ok {
			if a.code == 'u' && o.code != 'u' {
				return vm.Undef, vm.Errorf(vm.TypeError, "cannot use a unicode array to initialize an array with typecode '%c'", a.code)
			}
			vals := make([]vm.Value, o.Len())
			for i := range vals {
				vals[i] = o.get(i)
			}
			if err := a.appendValues(t, vals); err != nil {
				return vm.Undef, err
			}
		} else if b, ok := structBytes(init); ok {
			if err := a.frombytes(t, b); err != nil {
				return vm.Undef, err
			}
		} else {
			vals, err := t.ToList(init)
			if err != nil {
				return vm.Undef, err
			}
			if err := a.appendValues(t, vals); err != nil {
				return vm.Undef, err
			}
		}
	}
	return vm.WrapNative(cls, a), nil
}

func (a *arrayObj) frombytes(t *vm.Thread, b []byte) error {
	if len(b)%a.size != 0 {
		return vm.Errorf(vm.ValueError, "bytes length not a multiple of item size")
	}
	if err := a.checkResize(t, len(a.data)+len(b)); err != nil {
		return err
	}
	a.data = append(a.data, b...)
	return nil
}

func (a *arrayObj) Repr(t *vm.Thread) (string, error) {
	if a.Len() == 0 {
		return fmt.Sprintf("array('%c')", a.code), nil
	}
	if a.code == 'u' {
		var sb strings.Builder
		for i := 0; i < a.Len(); i++ {
			sb.WriteRune(rune(binary.LittleEndian.Uint32(a.raw(i))))
		}
		r, err := t.Repr(vm.Str(sb.String()))
		return fmt.Sprintf("array('u', %s)", r), err
	}
	r, err := t.Repr(vm.Obj(vm.NewList(a.items())))
	return fmt.Sprintf("array('%c', %s)", a.code, r), err
}

func (a *arrayObj) items() []vm.Value {
	out := make([]vm.Value, a.Len())
	for i := range out {
		out[i] = a.get(i)
	}
	return out
}

func (a *arrayObj) GetItem(t *vm.Thread, key vm.Value) (vm.Value, error) {
	lo, _, step, n, isSlice, err := t.SliceIndices(key, a.Len())
	if err != nil {
		return vm.Undef, err
	}
	if isSlice {
		d := make([]byte, 0, n*a.size)
		for i := 0; i < n; i++ {
			d = append(d, a.raw(lo+i*step)...)
		}
		return vm.Obj(a.clone(d)), nil
	}
	i, err := t.SeqIndex(key, a.Len(), "array")
	if err != nil {
		return vm.Undef, err
	}
	return a.get(i), nil
}

func (a *arrayObj) SetItem(t *vm.Thread, key, v vm.Value) error {
	lo, hi, step, n, isSlice, err := t.SliceIndices(key, a.Len())
	if err != nil {
		return err
	}
	if isSlice {
		o, ok := v.AsObj().(*arrayObj)
		if !ok {
			return vm.Errorf(vm.TypeError, "can only assign array (not \"%s\") to array slice", v.TypeName())
		}
		if o.code != a.code {
			return vm.Errorf(vm.TypeError, "bad argument type for built-in operation")
		}
		// CPython fails early, before changing anything, when the
		// assignment could change the size (also an empty one).
		if o.Len() == 0 || o.Len() != n {
			if err := a.checkExported(t); err != nil {
				return err
			}
		}
		src := append([]byte(nil), o.data...)
		if step == 1 {
			if hi < lo {
				hi = lo
			}
			d := append(append(append([]byte(nil), a.data[:lo*a.size]...), src...), a.data[hi*a.size:]...)
			a.data = d
			return nil
		}
		if o.Len() != n {
			return vm.Errorf(vm.ValueError, "attempt to assign array of size %d to extended slice of size %d", o.Len(), n)
		}
		for i := 0; i < n; i++ {
			copy(a.raw(lo+i*step), src[i*a.size:])
		}
		return nil
	}
	i, err := t.SeqIndex(key, a.Len(), "array assignment")
	if err != nil {
		return err
	}
	b, err := arrayPack(t, a.code, v)
	if err != nil {
		return err
	}
	copy(a.raw(i), b)
	return nil
}

func (a *arrayObj) DelItem(t *vm.Thread, key vm.Value) error {
	lo, _, step, n, isSlice, err := t.SliceIndices(key, a.Len())
	if err != nil {
		return err
	}
	if !isSlice {
		i, err := t.SeqIndex(key, a.Len(), "array assignment")
		if err != nil {
			return err
		}
		lo, step, n = i, 1, 1
	}
	if err := a.checkExported(t); err != nil {
		return err
	}
	drop := map[int]bool{}
	for i := 0; i < n; i++ {
		drop[lo+i*step] = true
	}
	var d []byte
	for i := 0; i < a.Len(); i++ {
		if !drop[i] {
			d = append(d, a.raw(i)...)
		}
	}
	a.data = d
	return nil
}

func (a *arrayObj) Iter(t *vm.Thread) (vm.Value, error) {
	i := 0
	return vm.NewIterator(arrayIterType, func(t *vm.Thread) (vm.Value, bool, error) {
		if i >= a.Len() {
			return vm.Undef, false, nil
		}
		i++
		return a.get(i - 1), true, nil
	}), nil
}

var arrayIterType = vm.NewNativeClass("arrayiterator", "array", nil, nil)

func (a *arrayObj) Contains(t *vm.Thread, item vm.Value) (bool, error) {
	for i := 0; i < a.Len(); i++ {
		if eq, err := t.Equal(a.get(i), item); err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// Compare compares arrays item by item, as lists do (same codes: bytes).
func (a *arrayObj) Compare(t *vm.Thread, op int, other vm.Value) (bool, bool, error) {
	o, ok := other.AsObj().(*arrayObj)
	if !ok {
		return false, false, nil
	}
	if a.code == o.code && a.code != 'f' && a.code != 'd' && (op == vm.CmpEQ || op == vm.CmpNE) {
		return bytes.Equal(a.data, o.data) == (op == vm.CmpEQ), true, nil
	}
	x, y := a.items(), o.items()
	i := 0
	for ; i < len(x) && i < len(y); i++ {
		eq, err := t.Equal(x[i], y[i])
		if err != nil {
			return false, true, err
		}
		if !eq {
			break
		}
	}
	if i < len(x) && i < len(y) {
		var r bool
		var err error
		switch op {
		case vm.CmpEQ:
			return false, true, nil
		case vm.CmpNE:
			return true, true, nil
		case vm.CmpLT:
			r, err = t.Less(x[i], y[i])
		case vm.CmpLE:
			r, err = t.LessEqual(x[i], y[i])
		case vm.CmpGT:
			r, err = t.Less(y[i], x[i])
		case vm.CmpGE:
			r, err = t.LessEqual(y[i], x[i])
		}
		return r, true, err
	}
	c := len(x) - len(y)
	switch op {
	case vm.CmpEQ:
		return c == 0, true, nil
	case vm.CmpNE:
		return c != 0, true, nil
	case vm.CmpLT:
		return c < 0, true, nil
	case vm.CmpLE:
		return c <= 0, true, nil
	case vm.CmpGT:
		return c > 0, true, nil
	}
	return c >= 0, true, nil
}
