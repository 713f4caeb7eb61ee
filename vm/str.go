package vm

import (
	"unicode/utf8"
	"unsafe"
)

// StrObj is an immutable Python str, held as UTF-8. Python indexes by code
// point, so a str measures itself once (on first need): its length in code
// points and whether it is pure ASCII, where a byte index is a code point
// index. A non-ASCII str indexed by position also keeps its code points
// (wide), built once, so s[i] stays O(1) and a scanning loop linear.
type StrObj struct {
	s      string
	ext    *strExt // nil until needed: positional caches, concatenation buffer
	length int     // code points; -1 until measured
	ascii  bool    // every byte < 0x80 (meaningful once length >= 0)
	surr   bool    // holds an encoded lone surrogate (str_wtf8.go; meaningful once length >= 0)
	hashed bool
	hash   uint64
}

// strExt is what a str keeps beyond its text: the positional caches of a
// non-ASCII str, and the buffer of a str made by concatenation.
type strExt struct {
	// buf holds the str's bytes at its start, with room after them. The
	// str whose length is buf's length may append there (its bytes and
	// every shorter str's stay as they are); others copy.
	buf *strBuf
	pos *strPos
}

// strPos is the positional cache of a non-ASCII str.
type strPos struct {
	runes []rune
	// offs[k] is the byte offset of code point k*strStride, so a code
	// point index converts to a byte offset in at most strStride steps.
	offs []int
}

const strStride = 32

func (*StrObj) Class() *Class { return StrType }

// asciiStrs interns one-character ASCII strings (iteration over str makes
// many); latin1Strs the one-character strings U+0080..U+00FF, as CPython does.
// They are shared by every interpreter, so they are frozen (bind.go).
var asciiStrs, latin1Strs = func() (a [128]*StrObj, l [128]*StrObj) {
	for i := range a {
		a[i] = &StrObj{s: string(rune(i)), length: 1, ascii: true}
		l[i] = &StrObj{s: string(rune(i + 128)), length: 1}
		a[i].freeze()
		l[i].freeze()
	}
	return
}()

var emptyStr = func() *StrObj {
	s := &StrObj{s: "", length: 0, ascii: true}
	s.freeze()
	return s
}()

// NewStr makes a str object.
func NewStr(s string) *StrObj {
	if len(s) == 1 && s[0] < 128 {
		return asciiStrs[s[0]]
	}
	if s == "" {
		return emptyStr
	}
	return &StrObj{s: s, length: -1}
}

// newStrMeasured makes a str whose length and ASCII-ness the caller knows
// (a slice or concatenation of measured strs), so it is never rescanned.
func newStrMeasured(s string, length int, ascii bool) *StrObj {
	if length <= 1 {
		if length == 0 {
			return emptyStr
		}
		if ascii {
			return asciiStrs[s[0]]
		}
	}
	return &StrObj{s: s, length: length, ascii: ascii}
}

// NewStrCopy makes a str of a copy of s (so it does not keep a larger
// string it was sliced from alive). An ASCII or short one is a single
// allocation, its bytes beside its header, and is measured at once.
func NewStrCopy(s string) *StrObj {
	if len(s) <= 1 {
		return NewStr(s)
	}
	o := newStrFrom(s, false)
	if o.length < 0 {
		o.measure()
	}
	return o
}

// runeStr returns the one-code-point str of r.
func runeStr(r rune) *StrObj {
	if r < 128 && r >= 0 {
		return asciiStrs[r]
	}
	if r < 256 {
		return latin1Strs[r-128]
	}
	// One allocation: the bytes live beside the header.
	p := &struct {
		StrObj
		b [utf8.UTFMax]byte
	}{}
	n := len(AppendRune(p.b[:0], r))
	p.s = unsafe.String(&p.b[0], n)
	p.length, p.surr = 1, IsSurrogate(r)
	return &p.StrObj
}

// String returns the Go string.
func (s *StrObj) String() string { return s.s }

// measure computes length and ascii, once.
func (s *StrObj) measure() {
	str := s.s
	i := asciiPrefix(str)
	if i == len(str) {
		s.length, s.ascii = len(str), true
		return
	}
	s.length = i + utf8.RuneCountInString(str[i:])
	if n := surrogateCount(str[i:]); n > 0 {
		s.length -= 2 * n
		s.surr = true
	}
}

// asciiPrefix returns the length of the leading run of ASCII bytes of s,
// testing eight bytes at a time.
func asciiPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if (s[i]|s[i+1]|s[i+2]|s[i+3]|s[i+4]|s[i+5]|s[i+6]|s[i+7])&0x80 != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			break
		}
	}
	return i
}

// Len is the number of code points.
func (s *StrObj) Len() int {
	if s.length < 0 {
		s.measure()
	}
	return s.length
}

// isASCII reports whether every byte is ASCII (then bytes index code points).
func (s *StrObj) isASCII() bool {
	if s.length < 0 {
		s.measure()
	}
	return s.ascii
}

// wideOf returns the positional cache of s (made on first need).
func (s *StrObj) wideOf() *strPos {
	if s.ext == nil {
		s.ext = &strExt{}
	}
	if s.ext.pos == nil {
		s.ext.pos = &strPos{}
	}
	return s.ext.pos
}

// runesOf returns the code points of a non-ASCII str, decoded once.
func (s *StrObj) runesOf() []rune {
	w := s.wideOf()
	if w.runes == nil {
		if s.surr {
			w.runes = Runes(s.s)
		} else {
			w.runes = []rune(s.s)
		}
	}
	return w.runes
}

// offsOf returns the checkpoints of a non-ASCII str, computed once.
func (s *StrObj) offsOf() []int {
	w := s.wideOf()
	if w.offs == nil {
		offs := make([]int, 0, s.Len()/strStride+1)
		n := 0
		if s.surr {
			for off := 0; off < len(s.s); n++ {
				if n%strStride == 0 {
					offs = append(offs, off)
				}
				_, size := DecodeRune(s.s[off:])
				off += size
			}
		} else {
			for off := range s.s {
				if n%strStride == 0 {
					offs = append(offs, off)
				}
				n++
			}
		}
		w.offs = offs
	}
	return w.offs
}

// Runes returns the code points (cached for non-ASCII strings; do not modify).
func (s *StrObj) Runes() []rune {
	if s.isASCII() {
		return []rune(s.s)
	}
	return s.runesOf()
}

// At returns the i-th code point as a one-character string (0 <= i < Len()).
func (s *StrObj) At(i int) *StrObj {
	if s.isASCII() {
		return asciiStrs[s.s[i]]
	}
	return runeStr(s.runesOf()[i])
}

// RuneAt returns the i-th code point (0 <= i < Len()).
func (s *StrObj) RuneAt(i int) rune {
	if s.isASCII() {
		return rune(s.s[i])
	}
	return s.runesOf()[i]
}

// Substr returns code points [lo, hi).
func (s *StrObj) Substr(lo, hi int) string {
	if s.isASCII() {
		return s.s[lo:hi]
	}
	return s.s[s.byteOffset(lo):s.byteOffset(hi)]
}

// substrObj is Substr as a str object that knows its measure.
func (s *StrObj) substrObj(lo, hi int) *StrObj {
	if s.isASCII() {
		return asciiSubstr(s.s[lo:hi])
	}
	sub := s.s[s.byteOffset(lo):s.byteOffset(hi)]
	r := newStrMeasured(sub, hi-lo, len(sub) == hi-lo && asciiPrefix(sub) == len(sub))
	if s.surr && !r.ascii && r != s {
		r.surr = HasSurrogate(sub)
	}
	return r
}

// byteOffset converts a code point index (0 <= i <= Len()) to a byte offset.
func (s *StrObj) byteOffset(i int) int {
	if s.isASCII() {
		return i
	}
	if i <= 0 {
		return 0
	}
	if i >= s.length {
		return len(s.s)
	}
	off := s.offsOf()[i/strStride]
	if s.surr {
		for k := i % strStride; k > 0; k-- {
			_, size := DecodeRune(s.s[off:])
			off += size
		}
		return off
	}
	for k := i % strStride; k > 0; k-- {
		_, size := utf8.DecodeRuneInString(s.s[off:])
		off += size
	}
	return off
}

// runeIndexOf converts a byte offset (at a code point boundary) to a code
// point index.
func (s *StrObj) runeIndexOf(off int) int {
	if s.isASCII() {
		return off
	}
	offs := s.offsOf()
	// The last checkpoint at or before off.
	lo, hi := 0, len(offs)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if offs[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	if s.surr {
		return lo*strStride + RuneCount(s.s[offs[lo]:off])
	}
	return lo*strStride + utf8.RuneCountInString(s.s[offs[lo]:off])
}

// strBuf is the growable buffer concatenations share.
type strBuf struct{ b []byte }

// concatMin is the length from which a concatenation keeps its buffer:
// below it, copying is cheaper than the bookkeeping.
const concatMin = 64

// concatStr is x + y; the result knows its measure when both operands do.
func concatStr(x, y *StrObj) *StrObj {
	if y.s == "" {
		return x
	}
	if x.s == "" {
		return y
	}
	n := len(x.s) + len(y.s)
	var r *StrObj
	if n < concatMin {
		r = concatInline(x, y, n)
	} else {
		var buf *strBuf
		if x.ext != nil && x.ext.buf != nil && len(x.ext.buf.b) == len(x.s) && cap(x.ext.buf.b) >= n {
			// x is the last str of its buffer and there is room: append.
			buf = x.ext.buf
			buf.b = append(buf.b, y.s...)
		} else {
			c := n
			if x.ext != nil && x.ext.buf != nil {
				c = 2 * n // a chain of concatenations: room to grow
			}
			b := make([]byte, n, c)
			copy(b, x.s)
			copy(b[len(x.s):], y.s)
			buf = &strBuf{b: b}
		}
		r = &StrObj{s: unsafe.String(&buf.b[0], n), ext: &strExt{buf: buf}}
	}
	if x.length >= 0 && y.length >= 0 {
		// Both hold whole code points, so no surrogate sequence spans the join.
		r.length, r.ascii, r.surr = x.length+y.length, x.ascii && y.ascii, x.surr || y.surr
	} else {
		r.length = -1
	}
	return r
}
