package vm

import (
	"strings"
	"unicode/utf8"
)

// A Python str may hold lone surrogates (U+D800..U+DFFF), which UTF-8
// cannot: '\ud800', chr(0xdc80), the 'surrogateescape' decoding of a
// stray byte. A StrObj keeps them in its Go string as the 3-byte sequence
// UTF-8 would give them were they allowed (ED A0..BF 80..BF: "generalized
// UTF-8", as WTF-8 does), so a str of valid UTF-8 is unchanged and pays
// nothing. The bytes of that encoding sort in code point order (ED 9F ..
// < ED A0 .. < EE ..), so comparing and hashing bytes stays right; two
// escapes of a surrogate pair stay two code points, as in CPython.
//
// Go's utf8 package reads such a sequence as three RuneErrors, so code
// that counts, indexes or decodes a str's code points uses the decoders
// here; code that only copies bytes need not care. Text leaving for the
// host (print, file names, sqlite...) is refused with CPython's
// UnicodeEncodeError by HostStr.

// isSurrogateAt reports whether s[i:] starts with an encoded surrogate.
func isSurrogateAt(s string, i int) bool {
	return i+2 < len(s) && s[i] == 0xED && s[i+1]&0xE0 == 0xA0 && s[i+2]&0xC0 == 0x80
}

// DecodeRune is utf8.DecodeRuneInString that also reads an encoded
// surrogate as its code point. Loops that only look for ASCII or other
// valid characters (whitespace, line breaks) may use utf8's decoder: it
// steps through a surrogate's bytes one by one, none of them a match.
func DecodeRune(s string) (rune, int) {
	if s != "" {
		if c := s[0]; c < utf8.RuneSelf {
			return rune(c), 1
		}
	}
	return decodeRuneWide(s)
}

// decodeRuneWide is DecodeRune past ASCII.
func decodeRuneWide(s string) (rune, int) {
	r, n := utf8.DecodeRuneInString(s)
	if n == 1 && r == utf8.RuneError && isSurrogateAt(s, 0) {
		return 0xD000 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return r, n
}

// DecodeLastRune is utf8.DecodeLastRuneInString that also reads an encoded
// surrogate.
func DecodeLastRune(s string) (rune, int) {
	r, n := utf8.DecodeLastRuneInString(s)
	if n == 1 && r == utf8.RuneError && len(s) >= 3 && isSurrogateAt(s, len(s)-3) {
		return DecodeRune(s[len(s)-3:])
	}
	return r, n
}

// IsSurrogate reports whether r is in U+D800..U+DFFF.
func IsSurrogate(r rune) bool { return r >= 0xD800 && r <= 0xDFFF }

// AppendRune is utf8.AppendRune that keeps a surrogate (as its 3-byte
// sequence) instead of replacing it with U+FFFD.
func AppendRune(b []byte, r rune) []byte {
	if IsSurrogate(r) {
		return append(b, 0xED, byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(b, r)
}

// WriteRune is strings.Builder.WriteRune that keeps surrogates.
func WriteRune(sb *strings.Builder, r rune) {
	if IsSurrogate(r) {
		sb.WriteByte(0xED)
		sb.WriteByte(byte(0x80 | (r>>6)&0x3F))
		sb.WriteByte(byte(0x80 | r&0x3F))
		return
	}
	sb.WriteRune(r)
}

// RuneString is string(r) that keeps surrogates.
func RuneString(r rune) string {
	if IsSurrogate(r) {
		return string(AppendRune(nil, r))
	}
	return string(r)
}

// RunesString is string(rs) that keeps surrogates.
func RunesString(rs []rune) string {
	for _, r := range rs {
		if IsSurrogate(r) {
			b := make([]byte, 0, len(rs)*3)
			for _, r := range rs {
				b = AppendRune(b, r)
			}
			return string(b)
		}
	}
	return string(rs)
}

// surrogateCount counts the encoded surrogates of s.
func surrogateCount(s string) int {
	n := 0
	for {
		i := strings.IndexByte(s, 0xED)
		if i < 0 {
			return n
		}
		if isSurrogateAt(s, i) {
			n++
			i += 2
		}
		s = s[i+1:]
	}
}

// HasSurrogate reports whether s holds an encoded surrogate.
func HasSurrogate(s string) bool {
	for {
		i := strings.IndexByte(s, 0xED)
		if i < 0 {
			return false
		}
		if isSurrogateAt(s, i) {
			return true
		}
		s = s[i+1:]
	}
}

// RuneCount is utf8.RuneCountInString counting an encoded surrogate once.
func RuneCount(s string) int {
	return utf8.RuneCountInString(s) - 2*surrogateCount(s)
}

// Runes is []rune(s) that reads encoded surrogates.
func Runes(s string) []rune {
	if !HasSurrogate(s) {
		return []rune(s)
	}
	rs := make([]rune, 0, RuneCount(s))
	for i := 0; i < len(s); {
		r, n := DecodeRune(s[i:])
		rs = append(rs, r)
		i += n
	}
	return rs
}

// HostStr returns s for the host (a file name, a socket address, an SQL
// parameter...), refusing a str that holds surrogates with the
// UnicodeEncodeError CPython's UTF-8 encoding raises there.
func HostStr(s string) (string, error) {
	if !HasSurrogate(s) {
		return s, nil
	}
	_, err := EncodeStr(s, "utf-8", "strict")
	return s, err
}

// keepSurrogates applies f, a function of valid UTF-8 text (case mapping,
// title-casing), to the runs of s between encoded surrogates, which it
// keeps as they are: Go's string functions would turn each of their bytes
// into U+FFFD.
func keepSurrogates(s string, f func(string) string) string {
	if !HasSurrogate(s) {
		return f(s)
	}
	var b strings.Builder
	for {
		i := 0
		for i < len(s) && !isSurrogateAt(s, i) {
			i++
		}
		b.WriteString(f(s[:i]))
		if i == len(s) {
			return b.String()
		}
		b.WriteString(s[i : i+3])
		s = s[i+3:]
	}
}

// trimRunes is strings.Trim/TrimLeft/TrimRight with a cutset of code
// points, for when s or the cutset holds surrogates (Go's would compare
// their bytes one by one, and could cut a sequence in half).
func trimRunes(s, cutset string, left, right bool) string {
	cut := Runes(cutset)
	in := func(r rune) bool {
		for _, c := range cut {
			if c == r {
				return true
			}
		}
		return false
	}
	if left {
		for s != "" {
			r, n := DecodeRune(s)
			if !in(r) {
				break
			}
			s = s[n:]
		}
	}
	if right {
		for s != "" {
			r, n := DecodeLastRune(s)
			if !in(r) {
				break
			}
			s = s[:len(s)-n]
		}
	}
	return s
}

// FSEncode is os.fsencode of a str for the host: UTF-8 with the
// 'surrogateescape' handler, so U+DC80..U+DCFF become the bytes
// 0x80..0xFF a file name decoded with FSDecode held; any other surrogate
// is CPython's UnicodeEncodeError.
func FSEncode(s string) (string, error) {
	if !HasSurrogate(s) {
		return s, nil
	}
	b, err := EncodeStr(s, "utf-8", "surrogateescape")
	return string(b), err
}

// FSDecode is os.fsdecode of a host name: UTF-8, its undecodable bytes
// kept as U+DC80..U+DCFF ('surrogateescape').
func FSDecode(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	r, _ := decodeUTF8([]byte(s), "surrogateescape")
	return r
}

// insertBetween is s.replace("", nw, count) for a str holding surrogates:
// nw before each code point (count of them at most, all when < 0) and at
// the end.
func insertBetween(s, nw string, count int) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); n++ {
		if count >= 0 && n >= count {
			b.WriteString(s[i:])
			return b.String()
		}
		_, size := DecodeRune(s[i:])
		b.WriteString(nw)
		b.WriteString(s[i : i+size])
		i += size
	}
	if count < 0 || n < count {
		b.WriteString(nw)
	}
	return b.String()
}
