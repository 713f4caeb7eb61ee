package vm

import (
	"strconv"
	"strings"
	"unsafe"
)

// Making strs cheaply. A str is a header (StrObj) and its bytes; a short
// one built here is a single allocation with the bytes beside the header
// (CPython's layout too), and a str made from measured strs records its
// length and ASCII-ness so it is never rescanned.

// newStrBuf returns a str of n bytes (n >= 2) and its bytes, which the
// caller fills before the str is seen by anyone else, and then describes
// with setMeasure or leaves unmeasured.
func newStrBuf(n int) (*StrObj, []byte) {
	var o *StrObj
	var b []byte
	switch {
	case n <= 16:
		p := &struct {
			StrObj
			b [16]byte
		}{}
		o, b = &p.StrObj, p.b[:n]
	case n <= 32:
		p := &struct {
			StrObj
			b [32]byte
		}{}
		o, b = &p.StrObj, p.b[:n]
	case n <= 48:
		p := &struct {
			StrObj
			b [48]byte
		}{}
		o, b = &p.StrObj, p.b[:n]
	case n <= 64:
		p := &struct {
			StrObj
			b [64]byte
		}{}
		o, b = &p.StrObj, p.b[:n]
	default:
		o, b = &StrObj{}, make([]byte, n)
	}
	o.s = unsafe.String(&b[0], n)
	o.length = -1
	return o, b
}

// An ASCII str's header never points anywhere but at its own bytes: ext
// holds only what a non-ASCII str caches (code points, offsets) or the
// buffer of a long concatenation (made with its own header, never inline).
// So a short ASCII str is allocated as pointer-free memory: Go's allocator
// then skips the heap bitmap, and the collector marks it without scanning
// it (its one pointer, s, is to itself). Fields of strRawN are words so
// the header is aligned as a StrObj.
const strHeaderWords = unsafe.Sizeof(StrObj{}) / 8

type strRaw16 struct {
	h [strHeaderWords]uint64
	b [16]byte
}

type strRaw32 struct {
	h [strHeaderWords]uint64
	b [32]byte
}

type strRaw48 struct {
	h [strHeaderWords]uint64
	b [48]byte
}

type strRaw64 struct {
	h [strHeaderWords]uint64
	b [64]byte
}

// newStrBufFor is newASCIIBuf when the caller will fill the str with ASCII
// bytes (ascii true), else newStrBuf.
func newStrBufFor(n int, ascii bool) (*StrObj, []byte) {
	if ascii {
		return newASCIIBuf(n)
	}
	return newStrBuf(n)
}

// newASCIIBuf is newStrBuf for a str the caller fills with n ASCII bytes
// (n >= 2): measured, and one pointer-free allocation.
func newASCIIBuf(n int) (*StrObj, []byte) {
	var o *StrObj
	var b []byte
	switch {
	case n <= 16:
		p := new(strRaw16)
		o, b = (*StrObj)(unsafe.Pointer(p)), p.b[:n]
	case n <= 32:
		p := new(strRaw32)
		o, b = (*StrObj)(unsafe.Pointer(p)), p.b[:n]
	case n <= 48:
		p := new(strRaw48)
		o, b = (*StrObj)(unsafe.Pointer(p)), p.b[:n]
	case n <= 64:
		p := new(strRaw64)
		o, b = (*StrObj)(unsafe.Pointer(p)), p.b[:n]
	default:
		// Header and bytes in one pointer-free block of words (so it is
		// aligned as a StrObj), however long.
		blk := make([]uint64, strHeaderWords+uintptr(n+7)/8)
		o = (*StrObj)(unsafe.Pointer(&blk[0]))
		b = unsafe.Slice((*byte)(unsafe.Pointer(&blk[strHeaderWords])), n)
	}
	o.s = unsafe.String(&b[0], n)
	o.length, o.ascii = n, true
	return o, b
}

// newASCIIStr makes the str of the ASCII bytes fill writes into a buffer
// of n bytes; one-byte and empty results are the shared strs.
func newASCIIStr(n int, fill func(b []byte)) *StrObj {
	if n <= 1 {
		if n == 0 {
			return emptyStr
		}
		var one [1]byte
		fill(one[:])
		return asciiStrs[one[0]&0x7f]
	}
	o, b := newASCIIBuf(n)
	fill(b)
	return o
}

// concatInline is x + y for a short result (n < concatMin bytes): one
// allocation, measured when both operands are.
func concatInline(x, y *StrObj, n int) *StrObj {
	// Not newStrBufFor: that is one call more on every short concatenation.
	var r *StrObj
	var b []byte
	if x.length >= 0 && y.length >= 0 && x.ascii && y.ascii {
		r, b = newASCIIBuf(n)
	} else {
		r, b = newStrBuf(n)
	}
	copy(b, x.s)
	copy(b[len(x.s):], y.s)
	return r
}

// asciiLower and asciiUpper map one ASCII byte.
func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func asciiUpper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// asciiCaseMap is lower(), upper(), capitalize(), swapcase() and title() of an
// ASCII str, in one pass into one allocation (filled here rather than by a
// closure newASCIIStr would call: this runs for every token of a text).
func asciiCaseMap(s string, mode byte) *StrObj {
	if len(s) <= 1 {
		if s == "" {
			return emptyStr
		}
		c := s[0]
		if mode == 'l' || mode == 's' && asciiLower(c) != c {
			// capitalize/title/upper raise a lone char; swapcase flips it.
			c = asciiLower(c)
		} else {
			c = asciiUpper(c)
		}
		return asciiStrs[c]
	}
	o, b := newASCIIBuf(len(s))
	b = b[:len(s)]
	switch mode {
	case 'l':
		for i := range b {
			b[i] = asciiLower(s[i])
		}
	case 'u':
		for i := range b {
			b[i] = asciiUpper(s[i])
		}
	case 'c':
		b[0] = asciiUpper(s[0])
		for i := 1; i < len(b); i++ {
			b[i] = asciiLower(s[i])
		}
	case 's':
		for i := range b {
			c := s[i]
			if l := asciiLower(c); l != c {
				c = l
			} else {
				c = asciiUpper(c)
			}
			b[i] = c
		}
	case 't':
		// title(): a letter after a letter is lowered, any other raised.
		cased := false
		for i := range b {
			c := s[i]
			letter := asciiLower(c) != asciiUpper(c)
			if letter && cased {
				c = asciiLower(c)
			} else if letter {
				c = asciiUpper(c)
			}
			b[i], cased = c, letter
		}
	}
	return o
}

// asciiSet is a set of ASCII bytes (a strip cutset).
type asciiSet [2]uint64

// fill makes set the set of chars' bytes (set starts empty), false when
// chars is not all ASCII. It fills in place: a set returned by value was
// written as two words and read back as one 16-byte copy, a store-forwarding
// stall that cost more than the rest of strip(chars).
func (set *asciiSet) fill(chars string) bool {
	for i := 0; i < len(chars); i++ {
		c := chars[i]
		if c >= 0x80 {
			return false
		}
		set[c>>6] |= 1 << (c & 63)
	}
	return true
}

func (set *asciiSet) has(c byte) bool { return c < 0x80 && set[c>>6]&(1<<(c&63)) != 0 }

// asciiTrim returns the bounds [lo, hi) of s without the leading (left)
// and trailing (right) bytes in set.
func asciiTrim(s string, set *asciiSet, left, right bool) (int, int) {
	lo, hi := 0, len(s)
	if left {
		for lo < hi && set.has(s[lo]) {
			lo++
		}
	}
	if right {
		for hi > lo && set.has(s[hi-1]) {
			hi--
		}
	}
	return lo, hi
}

// buildStr is BUILD_STRING (an f-string's parts joined): one allocation,
// measured when every part is.
func buildStr(parts []Value) *StrObj {
	n, length := 0, 0
	ascii, surr, measured := true, false, true
	for _, v := range parts {
		o := v.o.(*StrObj)
		n += len(o.s)
		if o.length < 0 {
			measured = false
		} else {
			length += o.length
			ascii = ascii && o.ascii
			surr = surr || o.surr
		}
	}
	if n <= 1 {
		for _, v := range parts {
			if o := v.o.(*StrObj); o.s != "" {
				return o
			}
		}
		return emptyStr
	}
	r, b := newStrBufFor(n, measured && ascii)
	off := 0
	for _, v := range parts {
		off += copy(b[off:], v.o.(*StrObj).s)
	}
	if measured {
		r.length, r.ascii, r.surr = length, ascii, surr
	}
	return r
}

// intStr is str(i) of an inline int: one allocation, measured.
func intStr(i int64) *StrObj {
	var buf [20]byte
	d := strconv.AppendInt(buf[:0], i, 10)
	return newASCIIStr(len(d), func(b []byte) { copy(b, d) })
}

// NewStrBytes makes a str of a copy of b, which the caller may reuse
// afterwards (a native encoder's scratch buffer): ASCII text, or any up to
// 64 bytes, is one allocation, the bytes beside the header. ascii true
// promises every byte is < 0x80, so the str is measured without a scan.
func NewStrBytes(b []byte, ascii bool) *StrObj {
	if len(b) <= 1 {
		return NewStr(string(b))
	}
	return newStrFrom(unsafe.String(&b[0], len(b)), ascii)
}

// asciiSubstr is the str of sub, a part of an ASCII str's text. A short
// one is copied into a pointer-free str (the same one allocation as a
// header sharing the bytes, and it does not keep a long text alive).
func asciiSubstr(sub string) *StrObj {
	if len(sub) <= 1 || len(sub) > 64 {
		return newStrMeasured(sub, len(sub), true)
	}
	return newStrFrom(sub, true)
}

// newStrFrom makes a str of a copy of s (len(s) >= 2). The text is checked
// for ASCII here (the scan is cheaper than the copy, and the str is then
// measured), so an ASCII one gets the pointer-free single block, as does
// any up to 64 bytes; ascii true promises it is ASCII. A longer non-ASCII
// one is unmeasured, its header apart from its bytes.
func newStrFrom(s string, ascii bool) *StrObj {
	var o *StrObj
	var buf []byte
	switch {
	case ascii || asciiPrefix(s) == len(s):
		o, buf = newASCIIBuf(len(s))
	case len(s) <= 64:
		o, buf = newStrBuf(len(s))
	default:
		return &StrObj{s: strings.Clone(s), length: -1}
	}
	copy(buf, s)
	return o
}

// strReplace is self.replace(old, nw, count) for a non-empty old: the
// result is built in one allocation (strings.Replace makes a Go string that
// a str header would then wrap), and a str with nothing to replace is
// returned as is, as CPython does.
func strReplace(self *StrObj, old, nw string, count int) (Value, error) {
	s := self.s
	n := strings.Count(s, old)
	if count >= 0 && count < n {
		n = count
	}
	if n == 0 {
		return Obj(self), nil
	}
	if err := replaceSizeN(len(s), len(old), len(nw), n, func() int { return n }); err != nil {
		return Undef, err
	}
	size := len(s) + n*(len(nw)-len(old))
	if size <= 1 {
		return Str(strings.Replace(s, old, nw, n)), nil
	}
	ascii := self.isASCII() && asciiPrefix(nw) == len(nw)
	r, b := newStrBufFor(size, ascii)
	off, i := 0, 0
	for k := 0; k < n; k++ {
		j := i + strings.Index(s[i:], old)
		off += copy(b[off:], s[i:j])
		off += copy(b[off:], nw)
		i = j + len(old)
	}
	copy(b[off:], s[i:])
	return Obj(r), nil
}

// strRepeat is x * n (n >= 0 and the size checked): x itself when n is 1,
// as CPython returns it; ASCII text into one pointer-free block.
func strRepeat(self Value, x *StrObj, n int) Value {
	if n == 1 {
		return self
	}
	size := len(x.s) * n
	if size <= 1 || !x.isASCII() {
		return Str(strings.Repeat(x.s, n))
	}
	r, b := newASCIIBuf(size)
	for off := 0; off < size; off += len(x.s) {
		copy(b[off:], x.s)
	}
	return Obj(r)
}
