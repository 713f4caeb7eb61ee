package vm

import (
	"bytes"
	"strings"
	"unicode/utf8"
	"unsafe"
)

func bytesSelf(args []Value) []byte {
	switch o := args[0].o.(type) {
	case *Bytes:
		return o.b
	case *ByteArray:
		return o.b
	}
	return nil
}

func toBytes(t *Thread, v Value) ([]byte, error) {
	if b, ok := bytesLike(v); ok {
		return b, nil
	}
	return nil, Errorf(TypeError, "a bytes-like object is required, not '%s'", v.TypeName())
}

// bytesLike returns the buffer of bytes, bytearray or an instance of a
// subclass of either (which keeps its bytes in its payload).
func bytesLike(v Value) ([]byte, bool) {
	if !v.isObj() {
		return nil, false
	}
	switch o := v.o.(type) {
	case *Bytes:
		return o.b, true
	case *ByteArray:
		return o.b, true
	case *Instance:
		return bytesLike(o.Payload())
	case *MemoryView:
		if !o.unusable() {
			return o.bytes(), true
		}
	case BufferExporter: // array.array
		return o.BufferBytes(), true
	}
	return nil, false
}

// newBytesFrom implements bytes(x) and bytearray(x).
func newBytesFrom(t *Thread, name string, args []Value, kw []KV) ([]byte, error) {
	a, err := unpackArgs(name, args, kw, 0, "source", "encoding", "errors")
	if err != nil {
		return nil, err
	}
	src := a[0]
	if src.IsUndef() {
		return nil, nil
	}
	if s, ok := src.StrOf(); ok {
		if a[1].IsUndef() {
			return nil, Errorf(TypeError, "string argument without an encoding")
		}
		enc, errs := "", "strict"
		if err := codecArgs(name, a[1:], &enc); err != nil {
			return nil, err
		}
		if !a[2].IsUndef() {
			errs, _ = a[2].StrOf()
		}
		return EncodeStr(s, enc, errs)
	}
	if !a[1].IsUndef() {
		return nil, Errorf(TypeError, "encoding without a string argument")
	}
	if !a[2].IsUndef() {
		return nil, Errorf(TypeError, "errors without a string argument")
	}
	if m, ok := t.lookupSpecial(src, "__bytes__"); ok {
		r, err := t.callBound(m, src, nil, nil)
		if err != nil {
			return nil, err
		}
		b, ok := r.o.(*Bytes)
		if !ok || !r.isObj() {
			return nil, Errorf(TypeError, "__bytes__ returned non-bytes (type %s)", r.TypeName())
		}
		return append([]byte(nil), b.b...), nil
	}
	if src.isIntLike() {
		n, err := t.AsInt64(src)
		if err != nil {
			return nil, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
		}
		if n < 0 {
			return nil, Errorf(ValueError, "negative count")
		}
		if err := t.CheckAlloc(n, 1); err != nil {
			return nil, err
		}
		return make([]byte, n), nil
	}
	if b, err := toBytes(t, src); err == nil {
		return append([]byte(nil), b...), nil
	}
	var out []byte
	err = t.Iterate(src, func(v Value) error {
		n, ok, _ := t.IndexOf(v)
		if !ok {
			return Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.TypeName())
		}
		if n < 0 || n > 255 {
			return Errorf(ValueError, "bytes must be in range(0, 256)")
		}
		out = append(out, byte(n))
		return nil
	})
	if err != nil && IsInstanceOf(err, TypeError) && !t.isIterable(src) {
		return nil, Errorf(TypeError, "cannot convert '%s' object to bytes", src.TypeName())
	}
	return out, err
}

// utf8Invalid measures the invalid UTF-8 sequence at the start of b as
// CPython's decoder does: its n bytes are the "maximal subpart" (a start
// byte and the continuation bytes that are still valid after it), which
// errors="replace" turns into one U+FFFD, and reason is the error's words.
func utf8Invalid(b []byte) (n int, reason string) {
	c := b[0]
	need := 0
	lo, hi := byte(0x80), byte(0xBF) // the range of the second byte
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case c == 0xED:
		need, hi = 2, 0x9F // no surrogates
	case c >= 0xE1 && c <= 0xEF:
		need = 2
	case c == 0xF0:
		need, lo = 3, 0x90
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	case c == 0xF4:
		need, hi = 3, 0x8F // nothing above U+10FFFF
	default:
		return 1, "invalid start byte"
	}
	for i := 1; i <= need; i++ {
		if i >= len(b) {
			return i, "unexpected end of data"
		}
		if x := b[i]; x < lo || x > hi {
			return i, "invalid continuation byte"
		}
		lo, hi = 0x80, 0xBF
	}
	return 1, "invalid continuation byte" // not reached: the sequence is valid
}

func decodeBytes(b []byte, enc, errs string) (string, error) {
	return DecodeBytes(b, enc, errs)
}

// bConv is the calling convention CPython uses for a bytes method. The
// conventions word their argument-count errors differently, and scripts
// print those errors, so each method declares its own.
type bConv int

const (
	bNoArgs   bConv = iota // METH_NOARGS: "bytes.X() takes no arguments (1 given)"
	bOneArg                // METH_O: "bytes.X() takes exactly one argument (0 given)"
	bPosOnly               // Argument Clinic, positional-only: "X expected at least 1 argument, got 0"
	bFinds                 // PyArg_ParseTuple (find, count, startswith...): "X() takes at least 1 argument (0 given)"
	bKeywords              // Argument Clinic with keyword parameters
)

// bMethod describes a bytes/bytearray method's parameters.
type bMethod struct {
	name     string
	conv     bConv
	min, max int
	// names are the parameters of a bKeywords method; "" marks a
	// positional-only one.
	names []string
}

// unpack checks a call's arguments (self excluded) and returns max values,
// Undef for the ones not passed.
func (m *bMethod) unpack(self Value, args []Value, kw []KV) ([]Value, error) {
	return m.unpackFor(self, "", args, kw)
}

// checkAs checks a call's argument count for a method of the type named
// typeName (other types' methods share these conventions).
func (m *bMethod) checkAs(typeName string, args []Value, kw []KV) error {
	_, err := m.unpackAs(typeName, args, kw)
	return err
}

func (m *bMethod) unpackAs(typeName string, args []Value, kw []KV) ([]Value, error) {
	return m.unpackFor(Undef, typeName, args, kw)
}

// unpackFor is unpack for self's type, or typeName's when it is given. The
// qualified name is built only for an error (built on every call it was a
// fifth of b.decode()'s time).
func (m *bMethod) unpackFor(self Value, typeName string, args []Value, kw []KV) ([]Value, error) {
	qual := func() string {
		if typeName == "" {
			typeName = self.TypeName()
		}
		return typeName + "." + m.name + "()"
	}
	if m.conv != bKeywords && len(kw) > 0 {
		return nil, Errorf(TypeError, "%s takes no keyword arguments", qual())
	}
	n := len(args)
	switch m.conv {
	case bNoArgs:
		if n > 0 {
			return nil, Errorf(TypeError, "%s takes no arguments (%d given)", qual(), n)
		}
	case bOneArg:
		if n != 1 {
			return nil, Errorf(TypeError, "%s takes exactly one argument (%d given)", qual(), n)
		}
	case bPosOnly:
		switch {
		case m.min == m.max && n != m.min:
			return nil, Errorf(TypeError, "%s expected %d argument%s, got %d", m.name, m.min, plural(m.min), n)
		case n < m.min:
			return nil, Errorf(TypeError, "%s expected at least %d argument%s, got %d", m.name, m.min, plural(m.min), n)
		case n > m.max:
			return nil, Errorf(TypeError, "%s expected at most %d argument%s, got %d", m.name, m.max, plural(m.max), n)
		}
	case bFinds:
		if n < m.min {
			return nil, Errorf(TypeError, "%s() takes at least %d argument%s (%d given)", m.name, m.min, plural(m.min), n)
		}
		if n > m.max {
			return nil, Errorf(TypeError, "%s() takes at most %d argument%s (%d given)", m.name, m.max, plural(m.max), n)
		}
	case bKeywords:
		if n+len(kw) > m.max {
			return nil, Errorf(TypeError, "%s() takes at most %d argument%s (%d given)", m.name, m.max, plural(m.max), n+len(kw))
		}
	}
	out := make([]Value, m.max)
	copy(out, args)
	for _, a := range kw {
		i := -1
		for j, name := range m.names {
			if name != "" && name == a.Name {
				i = j
			}
		}
		if i < 0 {
			return nil, Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", a.Name, m.name)
		}
		if i < n {
			return nil, Errorf(TypeError, "argument for %s() given by name ('%s') and position (%d)", m.name, a.Name, i+1)
		}
		out[i] = a.Val
	}
	if m.conv == bKeywords && n < m.min {
		return nil, Errorf(TypeError, "%s() takes at least %d positional argument%s (%d given)", m.name, m.min, plural(m.min), n)
	}
	return out, nil
}

// addBytesMethod registers a method whose arguments spec checks. It stores
// the Builtin directly rather than through AddMethod: AddMethod's generic
// minimum-count check (coreMinArgs) words errors one way for every type,
// while bytes methods need their own convention's wording.
func addBytesMethod(cls *Class, spec bMethod, fn func(t *Thread, self Value, a []Value) (Value, error)) {
	cls.Dict[spec.name] = Obj(&Builtin{Name: spec.name, owner: cls, Fn: func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := spec.unpack(args[0], args[1:], kw)
		if err != nil {
			return Undef, err
		}
		return fn(t, args[0], a)
	}})
}

// bself is the buffer of a bytes method's receiver.
func bself(self Value) []byte { return bytesSelf([]Value{self}) }

// bwrap makes a result of the receiver's type: bytes methods of a bytearray
// return new bytearrays, which must not share the receiver's buffer.
func bwrap(self Value, b []byte) Value {
	if _, ok := self.o.(*ByteArray); ok {
		return Obj(&ByteArray{b: append([]byte{}, b...)})
	}
	return Obj(NewBytes(b))
}

// ASCII character classes: bytes methods ignore everything above 0x7f, as
// CPython's Py_ISALPHA & co. do.
func isSpaceB(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }
func isUpperB(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLowerB(c byte) bool { return c >= 'a' && c <= 'z' }
func isAlphaB(c byte) bool { return isUpperB(c) || isLowerB(c) }
func isDigitB(c byte) bool { return c >= '0' && c <= '9' }
func isAlnumB(c byte) bool { return isAlphaB(c) || isDigitB(c) }

func toUpperB(c byte) byte {
	if isLowerB(c) {
		return c - 32
	}
	return c
}

func toLowerB(c byte) byte {
	if isUpperB(c) {
		return c + 32
	}
	return c
}

// mapB applies f to every byte into a new buffer.
func mapB(b []byte, f func(i int, c byte) byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		out[i] = f(i, c)
	}
	return out
}

// titleB upper-cases the first letter of each run of letters and
// lower-cases the rest (bytes.title).
func titleB(b []byte) []byte {
	prevCased := false
	return mapB(b, func(_ int, c byte) byte {
		switch {
		case isLowerB(c) && !prevCased:
			c = toUpperB(c)
		case isUpperB(c) && prevCased:
			c = toLowerB(c)
		}
		prevCased = isAlphaB(c)
		return c
	})
}

func isTitleB(b []byte) bool {
	cased, prevCased := false, false
	for _, c := range b {
		switch {
		case isUpperB(c):
			if prevCased {
				return false
			}
			prevCased, cased = true, true
		case isLowerB(c):
			if !prevCased {
				return false
			}
			prevCased, cased = true, true
		default:
			prevCased = false
		}
	}
	return cased
}

// bytesRange resolves optional start/end arguments against length n, as
// CPython's ADJUST_INDICES does (lo may end up above hi).
func bytesRange(t *Thread, n int, start, end Value) (int, int, error) {
	lo, hi := 0, n
	for i, v := range []Value{start, end} {
		if v.IsUndef() || v.IsNone() {
			continue
		}
		x, ok, err := t.IndexOf(v)
		if err != nil && IsInstanceOf(err, IndexError) {
			// A huge index clips to the ends, as PyNumber_AsSsize_t with no
			// exception type does.
			ok, err = true, nil
			x = int64(n) + 1
			if v.bigOf().Sign() < 0 {
				x = -int64(n) - 1
			}
		}
		if err != nil {
			return 0, 0, err
		}
		if !ok {
			return 0, 0, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
		}
		if x < 0 {
			x = max(x+int64(n), 0)
		}
		if i == 0 {
			lo = int(min(x, int64(n)+1))
		} else {
			hi = int(min(x, int64(n)))
		}
	}
	return lo, hi, nil
}

// byteValue converts an int argument that must be one byte.
func byteValue(t *Thread, v Value) (byte, error) {
	n, err := t.AsInt64(v)
	if err != nil && IsInstanceOf(err, IndexError) {
		n, err = -1, nil // too big for an index: out of the byte range too
	}
	if err != nil {
		return 0, err
	}
	if n < 0 || n > 255 {
		return 0, Errorf(ValueError, "byte must be in range(0, 256)")
	}
	return byte(n), nil
}

// bytesSub converts the needle of find/count/index: bytes-like or an int.
func bytesSub(t *Thread, v Value) ([]byte, error) {
	if b, ok := bytesLike(v); ok {
		return b, nil
	}
	if _, ok, _ := t.IndexOf(v); !ok {
		return nil, Errorf(TypeError, "argument should be integer or bytes-like object, not '%s'", v.TypeName())
	}
	c, err := byteValue(t, v)
	return []byte{c}, err
}

// bytesFind is find/rfind/index/rindex: the index of sub in self[start:end], or -1.
func bytesFind(t *Thread, self Value, a []Value, reverse bool) (int, error) {
	sub, err := bytesSub(t, a[0])
	if err != nil {
		return 0, err
	}
	s := bself(self)
	lo, hi, err := bytesRange(t, len(s), a[1], a[2])
	if err != nil || lo > hi {
		return -1, err
	}
	var i int
	if reverse {
		i = bytes.LastIndex(s[lo:hi], sub)
	} else {
		i = bytes.Index(s[lo:hi], sub)
	}
	if i < 0 {
		return -1, nil
	}
	return lo + i, nil
}

// trimB strips bytes in set (ASCII whitespace when set is nil) from the ends.
func trimB(b, set []byte, left, right bool) []byte {
	in := func(c byte) bool {
		if set == nil {
			return isSpaceB(c)
		}
		return bytes.IndexByte(set, c) >= 0
	}
	i, j := 0, len(b)
	for left && i < j && in(b[i]) {
		i++
	}
	for right && j > i && in(b[j-1]) {
		j--
	}
	return b[i:j]
}

// splitSpaceB splits on runs of ASCII whitespace, at most maxsplit times
// (-1: no limit), from the left or (reverse) from the right.
func splitSpaceB(b []byte, maxsplit int, reverse bool) [][]byte {
	var out [][]byte
	if !reverse {
		i := 0
		for {
			for i < len(b) && isSpaceB(b[i]) {
				i++
			}
			if i == len(b) {
				return out
			}
			if maxsplit >= 0 && len(out) == maxsplit {
				return append(out, b[i:])
			}
			j := i
			for j < len(b) && !isSpaceB(b[j]) {
				j++
			}
			out = append(out, b[i:j])
			i = j
		}
	}
	j := len(b)
	for {
		for j > 0 && isSpaceB(b[j-1]) {
			j--
		}
		if j == 0 {
			break
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			out = append(out, b[:j])
			break
		}
		i := j
		for i > 0 && !isSpaceB(b[i-1]) {
			i--
		}
		out = append(out, b[i:j])
		j = i
	}
	slicesReverse(out)
	return out
}

func slicesReverse[T any](s []T) {
	for l, r := 0, len(s)-1; l < r; l, r = l+1, r-1 {
		s[l], s[r] = s[r], s[l]
	}
}

// splitSepB splits on sep at most maxsplit times (-1: no limit), from the
// left or (reverse) from the right.
func splitSepB(b, sep []byte, maxsplit int, reverse bool) [][]byte {
	if !reverse {
		n := -1
		if maxsplit >= 0 {
			n = maxsplit + 1
		}
		return bytes.SplitN(b, sep, n)
	}
	var out [][]byte
	for maxsplit < 0 || len(out) < maxsplit {
		i := bytes.LastIndex(b, sep)
		if i < 0 {
			break
		}
		out = append(out, b[i+len(sep):])
		b = b[:i]
	}
	out = append(out, b)
	slicesReverse(out)
	return out
}

// replaceB is bytes.replace: Go's bytes.Replace treats an empty old as
// matching between UTF-8 sequences, Python between bytes.
func replaceB(s, old, nw []byte, count int) []byte {
	if len(old) > 0 {
		return bytes.Replace(s, old, nw, count)
	}
	var out []byte
	n := 0
	for i := 0; i <= len(s); i++ {
		if count < 0 || n < count {
			out = append(out, nw...)
			n++
		}
		if i < len(s) {
			out = append(out, s[i])
		}
	}
	return out
}

// padB is center/ljust/rjust's width and fill arguments.
func padB(t *Thread, self Value, name string, a []Value) ([]byte, int, byte, error) {
	w, err := t.AsSsize(a[0])
	if err != nil {
		return nil, 0, 0, err
	}
	if err := CheckAlloc(w, SizeByte); err != nil {
		return nil, 0, 0, err
	}
	fill := byte(' ')
	if !a[1].IsUndef() {
		f, ok := bytesLike(a[1])
		if !ok || len(f) != 1 {
			return nil, 0, 0, Errorf(TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name, a[1].TypeName())
		}
		fill = f[0]
	}
	return bself(self), int(w), fill, nil
}

func bList(self Value, parts [][]byte) Value {
	items := make([]Value, len(parts))
	if _, ok := self.o.(*ByteArray); !ok {
		// bytes parts share the receiver's bytes; their headers are one
		// block (one allocation for the lot instead of one each).
		hdrs := make([]Bytes, len(parts))
		for i, p := range parts {
			hdrs[i].b = p
			items[i] = Obj(&hdrs[i])
		}
		return Obj(NewList(items))
	}
	for i, p := range parts {
		items[i] = bwrap(self, p)
	}
	return Obj(NewList(items))
}

// hexB is bytes.hex: sep goes between groups of perSep bytes, counted from
// the right (perSep > 0) or the left (perSep < 0).
func hexB(t *Thread, b []byte, sepArg, perArg Value) (string, error) {
	const digits = "0123456789abcdef"
	sep := byte(0)
	if !sepArg.IsUndef() {
		var s []byte
		if str, ok := sepArg.StrOf(); ok {
			if utf8.RuneCountInString(str) != 1 {
				return "", Errorf(ValueError, "sep must be length 1.")
			}
			s = []byte(str)
		} else if bs, ok := bytesLike(sepArg); ok {
			if len(bs) != 1 {
				return "", Errorf(ValueError, "sep must be length 1.")
			}
			s = bs
		} else {
			return "", Errorf(TypeError, "object of type '%s' has no len()", sepArg.TypeName())
		}
		if len(s) != 1 || s[0] >= 0x80 {
			return "", Errorf(ValueError, "sep must be ASCII.")
		}
		sep = s[0]
	}
	per := int64(1)
	if !perArg.IsUndef() {
		var err error
		if per, err = t.AsInt64(perArg); err != nil {
			return "", err
		}
	}
	var out strings.Builder
	n := int64(len(b))
	for i, c := range b {
		if i > 0 && sep != 0 && per != 0 {
			if per > 0 && (n-int64(i))%per == 0 || per < 0 && int64(i)%-per == 0 {
				out.WriteByte(sep)
			}
		}
		out.WriteByte(digits[c>>4])
		out.WriteByte(digits[c&15])
	}
	return out.String(), nil
}

// fromHex is bytes.fromhex's parser: pairs of hex digits, with ASCII
// whitespace allowed between pairs; errors give the offending position.
func fromHex(s string) ([]byte, error) {
	bad := func(pos int) error {
		return Errorf(ValueError, "non-hexadecimal number found in fromhex() arg at position %d", pos)
	}
	for i, r := range []rune(s) {
		if r >= 0x80 {
			return nil, bad(i)
		}
	}
	digit := func(i int) int {
		if i >= len(s) {
			return -1
		}
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			return int(c - '0')
		case c >= 'a' && c <= 'f':
			return int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			return int(c-'A') + 10
		}
		return -1
	}
	out := []byte{}
	for i := 0; i < len(s); {
		if isSpaceB(s[i]) {
			i++
			continue
		}
		hi := digit(i)
		if hi < 0 {
			return nil, bad(i)
		}
		lo := digit(i + 1)
		if lo < 0 {
			return nil, bad(i + 1)
		}
		out = append(out, byte(hi<<4|lo))
		i += 2
	}
	return out, nil
}

// splitLinesB splits at \n, \r and \r\n (the only line ends of bytes).
func splitLinesB(b []byte, keep bool) [][]byte {
	var out [][]byte
	start := 0
	for i := 0; i < len(b); i++ {
		if b[i] != '\n' && b[i] != '\r' {
			continue
		}
		end := i + 1
		if b[i] == '\r' && end < len(b) && b[end] == '\n' {
			end++
		}
		if keep {
			out = append(out, b[start:end])
		} else {
			out = append(out, b[start:i])
		}
		start, i = end, end-1
	}
	if start < len(b) {
		out = append(out, b[start:])
	}
	return out
}

func init() {
	BytesType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		b, err := newBytesFrom(t, "bytes", args, kw)
		if err != nil {
			return Undef, err
		}
		return WrapNative(cls, NewBytes(b)), nil
	}
	ByteArrayType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		b, err := newBytesFrom(t, "bytearray", args, kw)
		if err != nil {
			return Undef, err
		}
		return WrapNative(cls, &ByteArray{b: b}), nil
	}
	both := func(spec bMethod, fn func(t *Thread, self Value, a []Value) (Value, error)) {
		addBytesMethod(BytesType, spec, fn)
		addBytesMethod(ByteArrayType, spec, fn)
	}
	noArgs := func(name string) bMethod { return bMethod{name: name, conv: bNoArgs} }
	oneArg := func(name string) bMethod { return bMethod{name: name, conv: bOneArg, min: 1, max: 1} }
	finds := func(name string) bMethod { return bMethod{name: name, conv: bFinds, min: 1, max: 3} }

	both(bMethod{name: "decode", conv: bKeywords, max: 2, names: []string{"encoding", "errors"}}, func(t *Thread, self Value, a []Value) (Value, error) {
		enc, errs := "utf-8", "strict"
		if err := codecArgs("decode", a, &enc); err != nil {
			return Undef, err
		}
		if !a[1].IsUndef() {
			errs, _ = a[1].StrOf()
		}
		b := bself(self)
		if len(b) > 1 && asciiPrefix(unsafe.String(&b[0], len(b))) == len(b) {
			// ASCII bytes read the same in UTF-8, ASCII and Latin-1, and
			// no error handler is consulted: one measured str, no
			// intermediate Go string.
			if c, err := lookupCodec(enc); err == nil && (c == codecUTF8 || c == codecASCII || c == codecLatin1) {
				return Obj(NewStrBytes(b, true)), nil
			}
		}
		s, err := decodeBytes(b, enc, errs)
		return Str(s), err
	})
	both(bMethod{name: "hex", conv: bKeywords, max: 2, names: []string{"sep", "bytes_per_sep"}}, func(t *Thread, self Value, a []Value) (Value, error) {
		s, err := hexB(t, bself(self), a[0], a[1])
		return Str(s), err
	})
	for _, cls := range []*Class{BytesType, ByteArrayType} {
		spec := oneArg("fromhex")
		// Errors name the type the method belongs to, as CPython's method
		// descriptor does, also when called on a subclass.
		proto := Obj(NewBytes(nil))
		if cls == ByteArrayType {
			proto = Obj(&ByteArray{})
		}
		cls.Dict["fromhex"] = Obj(&ClassMethod{fn: NewBuiltin("fromhex", func(t *Thread, args []Value, kw []KV) (Value, error) {
			if _, err := spec.unpack(proto, args[1:], kw); err != nil {
				return Undef, err
			}
			s, ok := args[1].StrOf()
			if !ok {
				return Undef, Errorf(TypeError, "fromhex() argument must be str, not %s", args[1].TypeName())
			}
			b, err := fromHex(s)
			if err != nil {
				return Undef, err
			}
			switch c, _ := args[0].o.(*Class); c {
			case BytesType:
				return Obj(NewBytes(b)), nil
			case ByteArrayType:
				return Obj(&ByteArray{b: b}), nil
			}
			// A subclass gets cls(result), as in CPython.
			return t.Call(args[0], []Value{Obj(NewBytes(b))}, nil)
		})})
		cls.Dict["maketrans"] = Obj(&StaticMethod{fn: NewBuiltin("maketrans", func(t *Thread, args []Value, kw []KV) (Value, error) {
			spec := bMethod{name: "maketrans", conv: bPosOnly, min: 2, max: 2}
			if _, err := spec.unpack(proto, args, kw); err != nil {
				return Undef, err
			}
			frm, err := toBytes(t, args[0])
			if err != nil {
				return Undef, err
			}
			to, err := toBytes(t, args[1])
			if err != nil {
				return Undef, err
			}
			if len(frm) != len(to) {
				return Undef, Errorf(ValueError, "maketrans arguments must have same length")
			}
			table := make([]byte, 256)
			for i := range table {
				table[i] = byte(i)
			}
			for i, c := range frm {
				table[c] = to[i]
			}
			return Obj(NewBytes(table)), nil
		})})
	}

	// Case mapping and predicates (ASCII only).
	mapper := func(name string, f func(b []byte) []byte) {
		both(noArgs(name), func(t *Thread, self Value, a []Value) (Value, error) { return bwrap(self, f(bself(self))), nil })
	}
	mapper("upper", func(b []byte) []byte { return mapB(b, func(_ int, c byte) byte { return toUpperB(c) }) })
	mapper("lower", func(b []byte) []byte { return mapB(b, func(_ int, c byte) byte { return toLowerB(c) }) })
	mapper("swapcase", func(b []byte) []byte {
		return mapB(b, func(_ int, c byte) byte {
			if isUpperB(c) {
				return toLowerB(c)
			}
			return toUpperB(c)
		})
	})
	mapper("capitalize", func(b []byte) []byte {
		return mapB(b, func(i int, c byte) byte {
			if i == 0 {
				return toUpperB(c)
			}
			return toLowerB(c)
		})
	})
	mapper("title", titleB)
	pred := func(name string, f func(c byte) bool, emptyTrue bool) {
		both(noArgs(name), func(t *Thread, self Value, a []Value) (Value, error) {
			b := bself(self)
			if len(b) == 0 {
				return Bool(emptyTrue), nil
			}
			for _, c := range b {
				if !f(c) {
					return False, nil
				}
			}
			return True, nil
		})
	}
	pred("isalnum", isAlnumB, false)
	pred("isalpha", isAlphaB, false)
	pred("isdigit", isDigitB, false)
	pred("isspace", isSpaceB, false)
	pred("isascii", func(c byte) bool { return c < 0x80 }, true)
	cased := func(name string, want, other func(c byte) bool) {
		both(noArgs(name), func(t *Thread, self Value, a []Value) (Value, error) {
			found := false
			for _, c := range bself(self) {
				if other(c) {
					return False, nil
				}
				found = found || want(c)
			}
			return Bool(found), nil
		})
	}
	cased("islower", isLowerB, isUpperB)
	cased("isupper", isUpperB, isLowerB)
	both(noArgs("istitle"), func(t *Thread, self Value, a []Value) (Value, error) { return Bool(isTitleB(bself(self))), nil })

	// Searching.
	for _, name := range []string{"find", "rfind", "index", "rindex"} {
		reverse, raise := name[0] == 'r', strings.HasSuffix(name, "index")
		both(finds(name), func(t *Thread, self Value, a []Value) (Value, error) {
			i, err := bytesFind(t, self, a, reverse)
			if err == nil && i < 0 && raise {
				err = Errorf(ValueError, "subsection not found")
			}
			return Int(int64(i)), err
		})
	}
	both(finds("count"), func(t *Thread, self Value, a []Value) (Value, error) {
		sub, err := bytesSub(t, a[0])
		if err != nil {
			return Undef, err
		}
		s := bself(self)
		lo, hi, err := bytesRange(t, len(s), a[1], a[2])
		if err != nil || lo > hi {
			return Int(0), err
		}
		if len(sub) == 0 {
			return Int(int64(hi - lo + 1)), nil
		}
		return Int(int64(bytes.Count(s[lo:hi], sub))), nil
	})
	for _, name := range []string{"startswith", "endswith"} {
		suffix := name == "endswith"
		both(finds(name), func(t *Thread, self Value, a []Value) (Value, error) {
			s := bself(self)
			lo, hi, err := bytesRange(t, len(s), a[1], a[2])
			if err != nil {
				return Undef, err
			}
			match := func(p []byte) bool {
				if lo > hi {
					return false
				}
				if suffix {
					return bytes.HasSuffix(s[lo:hi], p)
				}
				return bytes.HasPrefix(s[lo:hi], p)
			}
			if tp, ok := a[0].o.(*Tuple); ok {
				for _, x := range tp.items {
					p, err := toBytes(t, x)
					if err != nil {
						return Undef, err
					}
					if match(p) {
						return True, nil
					}
				}
				return False, nil
			}
			p, ok := bytesLike(a[0])
			if !ok {
				return Undef, Errorf(TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name, a[0].TypeName())
			}
			return Bool(match(p)), nil
		})
	}

	// Padding.
	both(bMethod{name: "center", conv: bPosOnly, min: 1, max: 2}, func(t *Thread, self Value, a []Value) (Value, error) {
		s, w, fill, err := padB(t, self, "center", a)
		if err != nil || w <= len(s) {
			return bwrap(self, s), err
		}
		// CPython's split of the margin: the odd byte goes left when
		// the width is odd too.
		marg := w - len(s)
		left := marg/2 + marg&w&1
		out := append(bytes.Repeat([]byte{fill}, left), s...)
		return bwrap(self, append(out, bytes.Repeat([]byte{fill}, marg-left)...)), nil
	})
	both(bMethod{name: "ljust", conv: bPosOnly, min: 1, max: 2}, func(t *Thread, self Value, a []Value) (Value, error) {
		s, w, fill, err := padB(t, self, "ljust", a)
		if err != nil || w <= len(s) {
			return bwrap(self, s), err
		}
		return bwrap(self, append(append([]byte{}, s...), bytes.Repeat([]byte{fill}, w-len(s))...)), nil
	})
	both(bMethod{name: "rjust", conv: bPosOnly, min: 1, max: 2}, func(t *Thread, self Value, a []Value) (Value, error) {
		s, w, fill, err := padB(t, self, "rjust", a)
		if err != nil || w <= len(s) {
			return bwrap(self, s), err
		}
		return bwrap(self, append(bytes.Repeat([]byte{fill}, w-len(s)), s...)), nil
	})
	both(oneArg("zfill"), func(t *Thread, self Value, a []Value) (Value, error) {
		w, err := t.AsSsize(a[0])
		if err == nil {
			err = CheckAlloc(w, SizeByte)
		}
		s := bself(self)
		if err != nil || int(w) <= len(s) {
			return bwrap(self, s), err
		}
		fill := int(w) - len(s)
		out := append(bytes.Repeat([]byte{'0'}, fill), s...)
		// A sign moves in front of the zeros.
		if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
			out[0], out[fill] = s[0], '0'
		}
		return bwrap(self, out), nil
	})
	both(bMethod{name: "expandtabs", conv: bKeywords, max: 1, names: []string{"tabsize"}}, func(t *Thread, self Value, a []Value) (Value, error) {
		size := int64(8)
		if !a[0].IsUndef() {
			var err error
			if size, err = t.AsCInt(a[0]); err != nil {
				return Undef, err
			}
		}
		if tabs := int64(bytes.Count(bself(self), []byte{'\t'})); tabs > 0 && size > 0 {
			if err := CheckAlloc2(tabs*size, int64(len(bself(self))), 1); err != nil {
				return Undef, err
			}
		}
		var out []byte
		col := int64(0)
		for _, c := range bself(self) {
			switch c {
			case '\t':
				if size > 0 {
					n := size - col%size
					out = append(out, bytes.Repeat([]byte{' '}, int(n))...)
					col += n
				}
			case '\n', '\r':
				out = append(out, c)
				col = 0
			default:
				out = append(out, c)
				col++
			}
		}
		return bwrap(self, out), nil
	})

	// Stripping.
	for _, name := range []string{"strip", "lstrip", "rstrip"} {
		left, right := name != "rstrip", name != "lstrip"
		both(bMethod{name: name, conv: bPosOnly, max: 1}, func(t *Thread, self Value, a []Value) (Value, error) {
			var set []byte
			if !a[0].IsUndef() && !a[0].IsNone() {
				b, err := toBytes(t, a[0])
				if err != nil {
					return Undef, err
				}
				set = append([]byte{}, b...) // non-nil even when empty
			}
			in := bself(self)
			out := trimB(in, set, left, right)
			if _, exact := self.o.(*Bytes); exact && len(out) == len(in) {
				return self, nil // nothing stripped: CPython returns the same bytes object
			}
			return bwrap(self, out), nil
		})
	}
	for _, name := range []string{"removeprefix", "removesuffix"} {
		suffix := name == "removesuffix"
		both(oneArg(name), func(t *Thread, self Value, a []Value) (Value, error) {
			p, err := toBytes(t, a[0])
			if err != nil {
				return Undef, err
			}
			if suffix {
				return bwrap(self, bytes.TrimSuffix(bself(self), p)), nil
			}
			return bwrap(self, bytes.TrimPrefix(bself(self), p)), nil
		})
	}

	// Splitting and joining.
	for _, name := range []string{"split", "rsplit"} {
		reverse := name == "rsplit"
		both(bMethod{name: name, conv: bKeywords, max: 2, names: []string{"sep", "maxsplit"}}, func(t *Thread, self Value, a []Value) (Value, error) {
			maxsplit := int64(-1)
			if !a[1].IsUndef() {
				var err error
				if maxsplit, err = t.AsInt64(a[1]); err != nil {
					return Undef, err
				}
				maxsplit = max(maxsplit, -1)
			}
			s := bself(self)
			if a[0].IsUndef() || a[0].IsNone() {
				return bList(self, splitSpaceB(s, int(maxsplit), reverse)), nil
			}
			sep, err := toBytes(t, a[0])
			if err != nil {
				return Undef, err
			}
			if len(sep) == 0 {
				return Undef, Errorf(ValueError, "empty separator")
			}
			return bList(self, splitSepB(s, sep, int(maxsplit), reverse)), nil
		})
	}
	both(bMethod{name: "splitlines", conv: bKeywords, max: 1, names: []string{"keepends"}}, func(t *Thread, self Value, a []Value) (Value, error) {
		keep, err := keependsArg(t, a[0])
		if err != nil {
			return Undef, err
		}
		return bList(self, splitLinesB(bself(self), keep)), nil
	})
	for _, name := range []string{"partition", "rpartition"} {
		reverse := name == "rpartition"
		both(oneArg(name), func(t *Thread, self Value, a []Value) (Value, error) {
			sep, err := toBytes(t, a[0])
			if err != nil {
				return Undef, err
			}
			if len(sep) == 0 {
				return Undef, Errorf(ValueError, "empty separator")
			}
			s := bself(self)
			parts := [3][]byte{s, nil, nil}
			if reverse {
				parts = [3][]byte{nil, nil, s}
			}
			i := bytes.Index(s, sep)
			if reverse {
				i = bytes.LastIndex(s, sep)
			}
			if i >= 0 {
				parts = [3][]byte{s[:i], sep, s[i+len(sep):]}
			}
			return Obj(NewTuple([]Value{bwrap(self, parts[0]), bwrap(self, parts[1]), bwrap(self, parts[2])})), nil
		})
	}
	both(oneArg("join"), func(t *Thread, self Value, a []Value) (Value, error) {
		var parts [][]byte
		total := int64(0)
		sep := int64(len(bself(self)))
		err := t.Iterate(a[0], func(v Value) error {
			b, ok := bytesLike(v)
			if !ok {
				return Errorf(TypeError, "sequence item %d: expected a bytes-like object, %s found", len(parts), v.TypeName())
			}
			if total += int64(len(b)) + sep; total >= allocChargeMin {
				if err := t.CheckAlloc(total, 1); err != nil {
					return err
				}
			}
			parts = append(parts, b)
			return nil
		})
		if err != nil {
			if IsInstanceOf(err, TypeError) && !t.isIterable(a[0]) {
				return Undef, Errorf(TypeError, "can only join an iterable")
			}
			return Undef, err
		}
		return bwrap(self, bytes.Join(parts, bself(self))), nil
	})
	both(bMethod{name: "replace", conv: bPosOnly, min: 2, max: 3}, func(t *Thread, self Value, a []Value) (Value, error) {
		old, err := toBytes(t, a[0])
		if err != nil {
			return Undef, err
		}
		nw, err := toBytes(t, a[1])
		if err != nil {
			return Undef, err
		}
		count := int64(-1)
		if !a[2].IsUndef() {
			if count, err = t.AsInt64(a[2]); err != nil {
				return Undef, err
			}
		}
		if err := replaceSizeN(len(bself(self)), len(old), len(nw), int(count), func() int { return bytes.Count(bself(self), old) }); err != nil {
			return Undef, err
		}
		return bwrap(self, replaceB(bself(self), old, nw, int(count))), nil
	})
	both(bMethod{name: "translate", conv: bKeywords, min: 1, max: 2, names: []string{"", "delete"}}, func(t *Thread, self Value, a []Value) (Value, error) {
		var table []byte
		if !a[0].IsNone() {
			var err error
			if table, err = toBytes(t, a[0]); err != nil {
				return Undef, err
			}
			if len(table) != 256 {
				return Undef, Errorf(ValueError, "translation table must be 256 characters long")
			}
		}
		var del []byte
		if !a[1].IsUndef() {
			var err error
			if del, err = toBytes(t, a[1]); err != nil {
				return Undef, err
			}
		}
		out := []byte{}
		for _, c := range bself(self) {
			if bytes.IndexByte(del, c) >= 0 {
				continue
			}
			if table != nil {
				c = table[c]
			}
			out = append(out, c)
		}
		return bwrap(self, out), nil
	})
	addByteArrayMethods()
}
