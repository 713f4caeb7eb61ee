package vm

import (
	"encoding/binary"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The text codecs str.encode, bytes.decode, str(b, enc) and bytes(s, enc)
// share: UTF-8 (and -sig), ASCII, Latin-1, UTF-16 and UTF-32 (with or
// without byte order), with CPython's error handlers: strict, ignore,
// replace, backslashreplace, xmlcharrefreplace, surrogateescape and
// surrogatepass. A strict error names the whole run of characters (or the
// maximal ill-formed byte sequence) the codec cannot handle, as CPython's
// UnicodeEncodeError/UnicodeDecodeError do.

type codecID int

const (
	codecUTF8 codecID = iota
	codecUTF8Sig
	codecASCII
	codecLatin1
	codecUTF16
	codecUTF16LE
	codecUTF16BE
	codecUTF32
	codecUTF32LE
	codecUTF32BE
)

var codecNames = map[string]codecID{
	"utf-8": codecUTF8, "utf8": codecUTF8, "u8": codecUTF8, "utf": codecUTF8, "cp65001": codecUTF8,
	"utf-8-sig": codecUTF8Sig, "utf8-sig": codecUTF8Sig,
	"ascii": codecASCII, "us-ascii": codecASCII, "646": codecASCII,
	"latin-1": codecLatin1, "latin1": codecLatin1, "iso-8859-1": codecLatin1, "iso8859-1": codecLatin1,
	"l1": codecLatin1, "8859": codecLatin1, "cp819": codecLatin1, "latin": codecLatin1,
	"utf-16": codecUTF16, "utf16": codecUTF16, "utf-16-le": codecUTF16LE, "utf-16le": codecUTF16LE,
	"utf-16-be": codecUTF16BE, "utf-16be": codecUTF16BE,
	"utf-32": codecUTF32, "utf32": codecUTF32, "utf-32-le": codecUTF32LE, "utf-32le": codecUTF32LE,
	"utf-32-be": codecUTF32BE, "utf-32be": codecUTF32BE,
}

// errorName is the name a codec gives itself in its errors.
func (c codecID) errorName() string {
	return [...]string{"utf-8", "utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
		"utf-32", "utf-32-le", "utf-32-be"}[c]
}

func lookupCodec(enc string) (codecID, error) {
	if enc == "utf-8" {
		return codecUTF8, nil // the default, without hashing the name
	}
	if c, ok := codecNames[enc]; ok {
		return c, nil // already normalized
	}
	n := strings.ToLower(strings.TrimSpace(enc))
	n = strings.Map(func(r rune) rune {
		if r == '_' || r == ' ' {
			return '-'
		}
		return r
	}, n)
	if c, ok := codecNames[n]; ok {
		return c, nil
	}
	return 0, Errorf(LookupError, "unknown encoding: %s", enc)
}

var knownHandlers = map[string]bool{"strict": true, "ignore": true, "replace": true,
	"backslashreplace": true, "xmlcharrefreplace": true, "surrogateescape": true, "surrogatepass": true,
	"namereplace": true}

func handlerError(errs string) error {
	return Errorf(LookupError, "unknown error handler name '%s'", errs)
}

// IsKnownCodec reports whether enc names a codec EncodeStr and DecodeBytes
// know.
func IsKnownCodec(enc string) bool {
	_, err := lookupCodec(enc)
	return err == nil
}

// EncodeStr encodes s with the codec enc and the error handler errs.
func EncodeStr(s, enc, errs string) ([]byte, error) {
	if errs == "" {
		errs = "strict"
	}
	c, err := lookupCodec(enc)
	if err != nil {
		return nil, err
	}
	if c <= codecUTF8Sig && utf8.ValidString(s) {
		if c == codecUTF8Sig {
			return append([]byte("\xef\xbb\xbf"), s...), nil
		}
		return []byte(s), nil
	}
	out := make([]byte, 0, len(s)+4)
	switch c {
	case codecUTF8Sig:
		out = append(out, 0xEF, 0xBB, 0xBF)
	case codecUTF16:
		out = append(out, 0xFF, 0xFE)
	case codecUTF32:
		out = append(out, 0xFF, 0xFE, 0, 0)
	}
	// ok reports whether the codec encodes r.
	ok := func(r rune) bool {
		switch c {
		case codecASCII:
			return r < 0x80
		case codecLatin1:
			return r < 0x100
		}
		return !IsSurrogate(r)
	}
	put := func(r rune) {
		switch c {
		case codecUTF8, codecUTF8Sig:
			out = AppendRune(out, r)
		case codecASCII, codecLatin1:
			out = append(out, byte(r))
		case codecUTF16, codecUTF16LE, codecUTF16BE:
			var u [2]uint16
			n := 1
			if r >= 0x10000 {
				r -= 0x10000
				u[0], u[1], n = uint16(0xD800+(r>>10)), uint16(0xDC00+r&0x3FF), 2
			} else {
				u[0] = uint16(r)
			}
			for _, x := range u[:n] {
				if c == codecUTF16BE {
					out = binary.BigEndian.AppendUint16(out, x)
				} else {
					out = binary.LittleEndian.AppendUint16(out, x)
				}
			}
		default:
			if c == codecUTF32BE {
				out = binary.BigEndian.AppendUint32(out, uint32(r))
			} else {
				out = binary.LittleEndian.AppendUint32(out, uint32(r))
			}
		}
	}
	putASCII := func(text string) {
		for i := 0; i < len(text); i++ {
			put(rune(text[i]))
		}
	}
	reason := "surrogates not allowed"
	switch c {
	case codecASCII:
		reason = "ordinal not in range(128)"
	case codecLatin1:
		reason = "ordinal not in range(256)"
	}
	pos := 0 // code points before b
	for b := 0; b < len(s); {
		r, n := DecodeRune(s[b:])
		if ok(r) {
			put(r)
			b += n
			pos++
			continue
		}
		// The run of characters the codec cannot encode, [i, j).
		var run []rune
		i := pos
		for b < len(s) {
			if r, n = DecodeRune(s[b:]); ok(r) {
				break
			}
			run = append(run, r)
			b += n
			pos++
		}
		j := pos
		fail := func() error { return encodeError(c.errorName(), s, i, j, run, reason) }
		switch errs {
		case "ignore":
		case "replace":
			for range run {
				put('?')
			}
		case "backslashreplace":
			for _, r := range run {
				putASCII(escapeRune(r))
			}
		case "xmlcharrefreplace":
			for _, r := range run {
				putASCII("&#" + strconv.Itoa(int(r)) + ";")
			}
		case "surrogatepass":
			if c == codecASCII || c == codecLatin1 {
				return nil, fail()
			}
			for k, r := range run {
				if !IsSurrogate(r) {
					return nil, encodeError(c.errorName(), s, i+k, i+k+1, run[k:k+1], reason)
				}
				if c <= codecUTF8Sig {
					out = AppendRune(out, r)
					continue
				}
				// The code unit as it is.
				switch c {
				case codecUTF16, codecUTF16LE:
					out = binary.LittleEndian.AppendUint16(out, uint16(r))
				case codecUTF16BE:
					out = binary.BigEndian.AppendUint16(out, uint16(r))
				case codecUTF32BE:
					out = binary.BigEndian.AppendUint32(out, uint32(r))
				default:
					out = binary.LittleEndian.AppendUint32(out, uint32(r))
				}
			}
		case "surrogateescape":
			// U+DC80..U+DCFF are the bytes 0x80..0xFF a decoding escaped.
			if c > codecLatin1 {
				return nil, fail()
			}
			for k, r := range run {
				if r < 0xDC80 || r > 0xDCFF {
					return nil, encodeError(c.errorName(), s, i+k, j, run[k:], reason)
				}
				out = append(out, byte(r-0xDC00))
			}
		case "strict", "namereplace":
			return nil, fail()
		default:
			return nil, handlerError(errs)
		}
	}
	return out, nil
}

// escapeRune is backslashreplace's escape of r.
func escapeRune(r rune) string {
	switch {
	case r < 0x100:
		return "\\x" + hex2(uint32(r), 2)
	case r < 0x10000:
		return "\\u" + hex2(uint32(r), 4)
	}
	return "\\U" + hex2(uint32(r), 8)
}

func hex2(v uint32, n int) string {
	s := strconv.FormatUint(uint64(v), 16)
	return strings.Repeat("0", n-len(s)) + s
}

// DecodeBytes decodes b with the codec enc and the error handler errs.
func DecodeBytes(b []byte, enc, errs string) (string, error) {
	if errs == "" {
		errs = "strict"
	}
	c, err := lookupCodec(enc)
	if err != nil {
		return "", err
	}
	switch c {
	case codecUTF8Sig:
		if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
			b = b[3:]
		}
		fallthrough
	case codecUTF8:
		if utf8.Valid(b) {
			return string(b), nil
		}
		return decodeUTF8(b, errs)
	case codecLatin1:
		out := make([]byte, 0, len(b)*2)
		for _, x := range b {
			out = utf8.AppendRune(out, rune(x))
		}
		return string(out), nil
	case codecASCII:
		var sb strings.Builder
		for i, x := range b {
			if x < 0x80 {
				sb.WriteByte(x)
				continue
			}
			if err := decodeHandle(&sb, errs, "ascii", b, i, i+1, "ordinal not in range(128)"); err != nil {
				return "", err
			}
		}
		return sb.String(), nil
	case codecUTF16, codecUTF16LE, codecUTF16BE:
		return decodeUTF16(b, c, errs)
	}
	return decodeUTF32(b, c, errs)
}

// decodeHandle applies the error handler errs to the bytes b[start:end]
// the codec could not decode.
func decodeHandle(sb *strings.Builder, errs, codec string, b []byte, start, end int, reason string) error {
	switch errs {
	case "ignore":
	case "replace":
		sb.WriteRune('\ufffd')
	case "backslashreplace":
		for _, x := range b[start:end] {
			sb.WriteString("\\x" + hex2(uint32(x), 2))
		}
	case "surrogateescape":
		for _, x := range b[start:end] {
			if x < 0x80 {
				return decodeError(codec, b, start, end, reason)
			}
		}
		for _, x := range b[start:end] {
			WriteRune(sb, 0xDC00+rune(x))
		}
	case "strict", "surrogatepass", "xmlcharrefreplace", "namereplace":
		return decodeError(codec, b, start, end, reason)
	default:
		return handlerError(errs)
	}
	return nil
}

// utf8Bad measures the maximal ill-formed subsequence at the start of b
// (Unicode's "maximal subpart", which CPython replaces as one) and why it
// is ill-formed.
func utf8Bad(b []byte) (int, string) {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 1, "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if k >= len(b) {
			return k, "unexpected end of data"
		}
		if b[k] < lo || b[k] > hi {
			return k, "invalid continuation byte"
		}
		lo, hi = 0x80, 0xBF
	}
	return 1, "invalid start byte" // not reached: b starts with a valid sequence
}

func decodeUTF8(b []byte, errs string) (string, error) {
	var sb strings.Builder
	sb.Grow(len(b))
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			sb.WriteByte(b[i])
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			sb.Write(b[i : i+size])
			i += size
			continue
		}
		if errs == "surrogatepass" && i+2 < len(b) && isSurrogateAt(string(b[i:i+3]), 0) {
			sb.Write(b[i : i+3])
			i += 3
			continue
		}
		n, reason := utf8Bad(b[i:])
		if err := decodeHandle(&sb, errs, "utf-8", b, i, i+n, reason); err != nil {
			return "", err
		}
		i += n
	}
	return sb.String(), nil
}

func decodeUTF16(b []byte, c codecID, errs string) (string, error) {
	name := c.errorName()
	be := c == codecUTF16BE
	start := 0
	if c == codecUTF16 {
		// A byte order mark picks the order (little-endian without one);
		// errors then name that codec and count from the mark.
		name = "utf-16-le"
		if len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE {
			start = 2
		} else if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
			start, be, name = 2, true, "utf-16-be"
		}
	}
	unit := func(i int) rune {
		if be {
			return rune(binary.BigEndian.Uint16(b[i:]))
		}
		return rune(binary.LittleEndian.Uint16(b[i:]))
	}
	var sb strings.Builder
	for i := start; i < len(b); {
		if i+2 > len(b) {
			if err := decodeHandle(&sb, errs, name, b, i, len(b), "truncated data"); err != nil {
				return "", err
			}
			break
		}
		u := unit(i)
		switch {
		case !IsSurrogate(u):
			sb.WriteRune(u)
			i += 2
			continue
		case u <= 0xDBFF && i+4 <= len(b):
			if u2 := unit(i + 2); u2 >= 0xDC00 && u2 <= 0xDFFF {
				sb.WriteRune(0x10000 + (u-0xD800)<<10 + (u2 - 0xDC00))
				i += 4
				continue
			}
		}
		if errs == "surrogatepass" {
			WriteRune(&sb, u)
			i += 2
			continue
		}
		end, reason := i+2, "illegal encoding"
		if u <= 0xDBFF {
			reason = "illegal UTF-16 surrogate"
			if i+4 > len(b) {
				end, reason = len(b), "unexpected end of data"
			}
		}
		if err := decodeHandle(&sb, errs, name, b, i, end, reason); err != nil {
			return "", err
		}
		i = end
	}
	return sb.String(), nil
}

func decodeUTF32(b []byte, c codecID, errs string) (string, error) {
	name := c.errorName()
	be := c == codecUTF32BE
	start := 0
	if c == codecUTF32 {
		name = "utf-32-le" // as utf-16: the mark's order, little-endian without one
		if len(b) >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 {
			start = 4
		} else if len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF {
			start, be, name = 4, true, "utf-32-be"
		}
	}
	var sb strings.Builder
	for i := start; i < len(b); i += 4 {
		if i+4 > len(b) {
			if err := decodeHandle(&sb, errs, name, b, i, len(b), "truncated data"); err != nil {
				return "", err
			}
			break
		}
		var u uint32
		if be {
			u = binary.BigEndian.Uint32(b[i:])
		} else {
			u = binary.LittleEndian.Uint32(b[i:])
		}
		r := rune(u)
		switch {
		case u > 0x10FFFF:
			if err := decodeHandle(&sb, errs, name, b, i, i+4, "code point not in range(0x110000)"); err != nil {
				return "", err
			}
		case IsSurrogate(r) && errs != "surrogatepass":
			if err := decodeHandle(&sb, errs, name, b, i, i+4, "code point in surrogate code point range(0xd800, 0xe000)"); err != nil {
				return "", err
			}
		default:
			WriteRune(&sb, r)
		}
	}
	return sb.String(), nil
}
