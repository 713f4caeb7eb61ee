package vm

import (
	"fmt"
	"strings"
)

// memoryview: a one-dimensional view of an exporter's memory (bytes,
// bytearray, array.array). Items are read and written through the
// exporter's live buffer, so writes to a view of a bytearray are seen by the
// bytearray. Slices with a step make strided views, as in CPython.

// MemoryView is a memoryview object.
type MemoryView struct {
	obj      Value
	exp      BufferExporter
	off      int // byte offset of item 0
	n        int // number of items
	stride   int // bytes from one item to the next
	format   string
	itemsize int
	readonly bool
	released bool
}

var MemoryViewType = newBuiltinClass("memoryview", ObjectType)

func (*MemoryView) Class() *Class { return MemoryViewType }

func errReleased() error {
	return Errorf(ValueError, "operation forbidden on released memoryview object")
}

// bytes returns the viewed memory as one contiguous slice (a copy if strided).
func (m *MemoryView) bytes() []byte {
	buf := m.exp.BufferBytes()
	if m.stride == m.itemsize {
		end := m.off + m.n*m.itemsize
		if end > len(buf) {
			end = len(buf)
		}
		return buf[m.off:end]
	}
	out := make([]byte, 0, m.n*m.itemsize)
	for i := 0; i < m.n; i++ {
		p := m.off + i*m.stride
		out = append(out, buf[p:p+m.itemsize]...)
	}
	return out
}

// unusable reports a view that can no longer be read: released, or over
// memory that has since shrunk below the viewed extent (a bytearray or
// array refuses that resize while the view lives, buffer_exports.go; an
// exporter that does not track its views may still shrink, and the view
// then refuses instead of reading past the end).
func (m *MemoryView) unusable() bool {
	if m.released {
		return true
	}
	if m.n == 0 {
		return false
	}
	end := m.off + m.itemsize // one past the last byte any item uses
	if m.stride > 0 {
		end += (m.n - 1) * m.stride
	}
	return end > len(m.exp.BufferBytes())
}

func (m *MemoryView) item(i int) []byte {
	p := m.off + i*m.stride
	return m.exp.BufferBytes()[p : p+m.itemsize]
}

func newMemoryView(v Value) (Value, error) {
	if mv, ok := v.o.(*MemoryView); ok {
		if mv.unusable() {
			return Undef, errReleased()
		}
		c := *mv
		return Obj(c.register()), nil
	}
	e, ok := bufferOf(v)
	if !ok {
		return Undef, Errorf(TypeError, "memoryview: a bytes-like object is required, not '%s'", v.TypeName())
	}
	f := e.BufferFormat()
	size := FormatItemSize(f)
	if f == "u" || f == "w" {
		size = 4
	}
	m := &MemoryView{obj: v, exp: e, n: len(e.BufferBytes()) / size, stride: size,
		format: f, itemsize: size, readonly: e.BufferReadonly()}
	return Obj(m.register()), nil
}

// register makes m one of its exporter's exports (buffer_exports.go): every
// view counts, also slices and casts of another view, as in CPython, where
// they share the first view's export until all of them are released.
func (m *MemoryView) register() *MemoryView {
	if r, ok := m.exp.(ResizableExporter); ok {
		r.BufferExports().add(m)
	}
	return m
}

func (m *MemoryView) Len() int { return m.n }

func (m *MemoryView) Repr(t *Thread) (string, error) {
	if m.unusable() {
		return fmt.Sprintf("<released memory at %#x>", identity(m)), nil
	}
	return fmt.Sprintf("<memory at %#x>", identity(m)), nil
}

func (m *MemoryView) GetItem(t *Thread, key Value) (Value, error) {
	if m.unusable() {
		return Undef, errReleased()
	}
	lo, _, step, n, isSlice, err := t.SliceIndices(key, m.n)
	if err != nil {
		return Undef, err
	}
	if isSlice {
		c := *m
		c.off = m.off + lo*m.stride
		c.stride = m.stride * step
		c.n = n
		return Obj(c.register()), nil
	}
	i, err := m.index(t, key)
	if err != nil {
		return Undef, err
	}
	return UnpackItem(m.format, m.item(i)), nil
}

func (m *MemoryView) index(t *Thread, key Value) (int, error) {
	i, ok, err := t.IndexOf(key)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, Errorf(TypeError, "memoryview: invalid slice key")
	}
	if i < 0 {
		i += int64(m.n)
	}
	if i < 0 || i >= int64(m.n) {
		return 0, Errorf(IndexError, "index out of bounds on dimension 1")
	}
	return int(i), nil
}

func (m *MemoryView) SetItem(t *Thread, key, v Value) error {
	if m.unusable() {
		return errReleased()
	}
	if m.readonly {
		return Errorf(TypeError, "cannot modify read-only memory")
	}
	lo, _, step, n, isSlice, err := t.SliceIndices(key, m.n)
	if err != nil {
		return err
	}
	if isSlice {
		src, ok := BufferData(v)
		if !ok {
			return Errorf(TypeError, "a bytes-like object is required, not '%s'", v.TypeName())
		}
		if e, _ := bufferOf(v); v.isObj() {
			f := "B"
			if e != nil {
				f = e.BufferFormat()
			}
			if sv, isMV := v.o.(*MemoryView); isMV {
				f = sv.format
			}
			if f != m.format {
				return Errorf(ValueError, "memoryview assignment: lvalue and rvalue have different structures")
			}
		}
		if len(src) != n*m.itemsize {
			return Errorf(ValueError, "memoryview assignment: lvalue and rvalue have different structures")
		}
		src = append([]byte(nil), src...)
		buf := m.exp.BufferBytes()
		for i := 0; i < n; i++ {
			p := m.off + (lo+i*step)*m.stride
			copy(buf[p:p+m.itemsize], src[i*m.itemsize:])
		}
		return nil
	}
	i, err := m.index(t, key)
	if err != nil {
		return err
	}
	tmp := make([]byte, m.itemsize)
	ok, err := PackItem(t, m.format, v, tmp)
	if _, rng := err.(*PackRangeError); rng {
		return Errorf(ValueError, "memoryview: invalid value for format '%s'", m.format)
	}
	if err != nil {
		return err
	}
	if !ok {
		return Errorf(TypeError, "memoryview: invalid type for format '%s'", m.format)
	}
	copy(m.item(i), tmp)
	return nil
}

func (m *MemoryView) DelItem(t *Thread, key Value) error {
	if m.unusable() {
		return errReleased()
	}
	return Errorf(TypeError, "cannot delete memory")
}

func (m *MemoryView) Iter(t *Thread) (Value, error) {
	if m.unusable() {
		return Undef, errReleased()
	}
	i := 0
	return NewIterator(SeqIterType, func(t *Thread) (Value, bool, error) {
		if m.unusable() || i >= m.n {
			return Undef, false, nil
		}
		i++
		return UnpackItem(m.format, m.item(i-1)), true, nil
	}), nil
}

func (m *MemoryView) tolist() []Value {
	out := make([]Value, m.n)
	for i := range out {
		out[i] = UnpackItem(m.format, m.item(i))
	}
	return out
}

// Compare: a memoryview equals any buffer with the same items.
func (m *MemoryView) Compare(t *Thread, op int, other Value) (bool, bool, error) {
	if op != cmpEQ && op != cmpNE {
		return false, false, nil
	}
	if other.isObj() && other.o == Object(m) {
		return op == cmpEQ, true, nil
	}
	if m.unusable() {
		return op == cmpNE, true, nil
	}
	var items []Value
	if om, ok := other.o.(*MemoryView); ok {
		if om.unusable() {
			return op == cmpNE, true, nil
		}
		items = om.tolist()
	} else if e, ok := bufferOf(other); ok {
		f := e.BufferFormat()
		size := FormatItemSize(f)
		if size == 0 {
			return op == cmpNE, true, nil
		}
		b := e.BufferBytes()
		for p := 0; p+size <= len(b); p += size {
			items = append(items, UnpackItem(f, b[p:p+size]))
		}
	} else {
		return false, false, nil
	}
	mine := m.tolist()
	eq := len(mine) == len(items)
	for i := 0; eq && i < len(mine); i++ {
		r, err := t.Equal(mine[i], items[i])
		if err != nil {
			return false, true, err
		}
		eq = r
	}
	return eq == (op == cmpEQ), true, nil
}

func (m *MemoryView) GetAttr(t *Thread, name string) (Value, bool, error) {
	switch name {
	case "obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides", "c_contiguous", "contiguous", "f_contiguous", "suboffsets":
		if m.unusable() {
			return Undef, true, errReleased()
		}
	}
	switch name {
	case "obj":
		return m.obj, true, nil
	case "nbytes":
		return Int(int64(m.n * m.itemsize)), true, nil
	case "readonly":
		return Bool(m.readonly), true, nil
	case "itemsize":
		return Int(int64(m.itemsize)), true, nil
	case "format":
		return Str(m.format), true, nil
	case "ndim":
		return Int(1), true, nil
	case "shape":
		return Obj(NewTuple([]Value{Int(int64(m.n))})), true, nil
	case "strides":
		return Obj(NewTuple([]Value{Int(int64(m.stride))})), true, nil
	case "suboffsets":
		return Obj(NewTuple(nil)), true, nil
	case "c_contiguous", "contiguous", "f_contiguous":
		return Bool(m.stride == m.itemsize || m.n <= 1), true, nil
	}
	return Undef, false, nil
}

func mvSelf(args []Value) (*MemoryView, error) {
	m, _ := args[0].o.(*MemoryView)
	if m == nil {
		return nil, Errorf(TypeError, "descriptor requires a 'memoryview' object")
	}
	if m.unusable() {
		return nil, errReleased()
	}
	return m, nil
}

func init() {
	MemoryViewType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("memoryview", args, kw, 1, "object")
		if err != nil {
			return Undef, err
		}
		return newMemoryView(a[0])
	}
	MemoryViewType.Dict["__hash__"] = None
	add := MemoryViewType.AddMethod
	add("tobytes", func(t *Thread, args []Value, kw []KV) (Value, error) {
		m, err := mvSelf(args)
		if err != nil {
			return Undef, err
		}
		return Obj(NewBytes(append([]byte(nil), m.bytes()...))), nil
	})
	add("tolist", func(t *Thread, args []Value, kw []KV) (Value, error) {
		m, err := mvSelf(args)
		if err != nil {
			return Undef, err
		}
		return Obj(NewList(m.tolist())), nil
	})
	add("hex", func(t *Thread, args []Value, kw []KV) (Value, error) {
		m, err := mvSelf(args)
		if err != nil {
			return Undef, err
		}
		a, err := unpackArgs("hex", args[1:], kw, 0, "sep", "bytes_per_sep")
		if err != nil {
			return Undef, err
		}
		s, err := hexB(t, m.bytes(), a[0], a[1])
		return Str(s), err
	})
	add("release", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if m, _ := args[0].o.(*MemoryView); m != nil {
			m.released = true
		}
		return None, nil
	})
	add("__enter__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if _, err := mvSelf(args); err != nil {
			return Undef, err
		}
		return args[0], nil
	})
	add("__exit__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if m, _ := args[0].o.(*MemoryView); m != nil {
			m.released = true
		}
		return None, nil
	})
	add("toreadonly", func(t *Thread, args []Value, kw []KV) (Value, error) {
		m, err := mvSelf(args)
		if err != nil {
			return Undef, err
		}
		c := *m
		c.readonly = true
		return Obj(c.register()), nil
	})
	add("cast", func(t *Thread, args []Value, kw []KV) (Value, error) {
		m, err := mvSelf(args)
		if err != nil {
			return Undef, err
		}
		a, err := unpackArgs("cast", args[1:], kw, 1, "format", "shape")
		if err != nil {
			return Undef, err
		}
		f, ok := a[0].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "memoryview: format argument must be a string")
		}
		f = strings.TrimPrefix(f, "@")
		size := FormatItemSize(f)
		if size == 0 {
			return Undef, Errorf(ValueError, "memoryview: destination format must be a native single character format prefixed with an optional '@'")
		}
		if m.stride != m.itemsize && m.n > 1 {
			return Undef, Errorf(TypeError, "memoryview: casts are restricted to C-contiguous views")
		}
		if m.format != "B" && m.format != "b" && m.format != "c" && f != "B" && f != "b" && f != "c" {
			return Undef, Errorf(TypeError, "memoryview: cannot cast between two non-byte formats")
		}
		nb := m.n * m.itemsize
		if nb%size != 0 {
			return Undef, Errorf(TypeError, "memoryview: length is not a multiple of itemsize")
		}
		c := *m
		c.format, c.itemsize, c.stride, c.n = f, size, size, nb/size
		return Obj(c.register()), nil
	})
}

// HashErr: a read-only view hashes as the bytes it shows (ErrHasher).
func (m *MemoryView) HashErr(t *Thread) (uint64, error) {
	if m.unusable() {
		return 0, Errorf(ValueError, "cannot hash released memoryview object")
	}
	if !m.readonly {
		return 0, Errorf(ValueError, "cannot hash writable memoryview object")
	}
	return hashString(string(m.bytes())), nil
}
