package vm

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
)

// UTF-16 and UTF-32, for str.encode and bytes.decode (and the codecs
// module on top). The plain names write a byte order mark and then little
// endian, as CPython does on little-endian hosts; decoding them honours a
// leading BOM and otherwise reads little endian.

// byteOrder reads and appends in one byte order.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// wideCodec is the unit size and byte order a UTF-16/32 name selects;
// bom reports whether the name is the plain one (BOM written and read).
func wideCodec(norm string) (unit int, order byteOrder, bom bool, ok bool) {
	norm = strings.ReplaceAll(norm, "-", "")
	switch norm {
	case "utf16":
		return 2, binary.LittleEndian, true, true
	case "utf16le":
		return 2, binary.LittleEndian, false, true
	case "utf16be":
		return 2, binary.BigEndian, false, true
	case "utf32":
		return 4, binary.LittleEndian, true, true
	case "utf32le":
		return 4, binary.LittleEndian, false, true
	case "utf32be":
		return 4, binary.BigEndian, false, true
	}
	return 0, nil, false, false
}

// codecName is the name CPython's messages give a codec.
func wideName(unit int, order byteOrder) string {
	end := "le"
	if order == byteOrder(binary.BigEndian) {
		end = "be"
	}
	return fmt.Sprintf("utf-%d-%s", unit*8, end)
}

// wideEncode encodes s; ok is false when norm (a lower-case name with
// '-' for '_') is not a UTF-16/32 name.
func wideEncode(s, norm string) ([]byte, bool) {
	unit, order, bom, ok := wideCodec(norm)
	if !ok {
		return nil, false
	}
	out := make([]byte, 0, len(s)*unit+unit)
	put := func(v uint32) {
		if unit == 2 {
			out = order.AppendUint16(out, uint16(v))
		} else {
			out = order.AppendUint32(out, v)
		}
	}
	if bom {
		put(0xfeff)
	}
	for _, r := range s {
		if unit == 2 && r > 0xffff {
			a, b := utf16.EncodeRune(r)
			put(uint32(a))
			put(uint32(b))
			continue
		}
		put(uint32(r))
	}
	return out, true
}

// wideDecode decodes b with errors "strict", "ignore" or "replace"
// (others act as strict); ok is false when norm is not a UTF-16/32 name.
func wideDecode(b []byte, norm, errs string) (s string, ok bool, err error) {
	unit, order, bom, ok := wideCodec(norm)
	if !ok {
		return "", false, nil
	}
	start := 0
	if bom && len(b) >= unit {
		// A BOM picks the byte order; without one, little endian.
		if unit == 2 && b[0] == 0xfe && b[1] == 0xff {
			order, start = binary.BigEndian, 2
		} else if unit == 2 && b[0] == 0xff && b[1] == 0xfe {
			start = 2
		} else if unit == 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xfe && b[3] == 0xff {
			order, start = binary.BigEndian, 4
		} else if unit == 4 && b[0] == 0xff && b[1] == 0xfe && b[2] == 0 && b[3] == 0 {
			start = 4
		}
	}
	name := wideName(unit, order)
	var sb strings.Builder
	// fail handles a bad stretch [i, j): an error under strict, else
	// nothing or U+FFFD.
	fail := func(i, j int, reason string) error {
		switch errs {
		case "ignore":
			return nil
		case "replace":
			sb.WriteRune('\ufffd')
			return nil
		}
		return decodeError(name, b, i, j, reason)
	}
	for i := start; i < len(b); {
		if len(b)-i < unit {
			if e := fail(i, len(b), "truncated data"); e != nil {
				return "", true, e
			}
			break
		}
		if unit == 4 {
			v := order.Uint32(b[i:])
			switch {
			case v >= 0x110000:
				err = fail(i, i+4, "code point not in range(0x110000)")
			case v >= 0xd800 && v < 0xe000:
				err = fail(i, i+4, "code point in surrogate code point range(0xd800, 0xe000)")
			default:
				sb.WriteRune(rune(v))
			}
			if err != nil {
				return "", true, err
			}
			i += 4
			continue
		}
		v := rune(order.Uint16(b[i:]))
		switch {
		case v < 0xd800 || v >= 0xe000:
			sb.WriteRune(v)
			i += 2
		case v >= 0xdc00:
			err = fail(i, i+2, "illegal encoding")
			i += 2
		case len(b)-i < 4:
			// A high surrogate at the end: the rest is cut short.
			err = fail(i, len(b), "unexpected end of data")
			i = len(b)
		default:
			lo := rune(order.Uint16(b[i+2:]))
			if lo < 0xdc00 || lo >= 0xe000 {
				err = fail(i, i+2, "illegal UTF-16 surrogate")
				i += 2
			} else {
				sb.WriteRune(utf16.DecodeRune(v, lo))
				i += 4
			}
		}
		if err != nil {
			return "", true, err
		}
	}
	return sb.String(), true, nil
}

// decodeError is the UnicodeDecodeError CPython raises for b[i:j].
func decodeError(codec string, b []byte, i, j int, reason string) error {
	if j-i == 1 {
		return Errorf(UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %d: %s", codec, b[i], i, reason)
	}
	return Errorf(UnicodeDecodeError, "'%s' codec can't decode bytes in position %d-%d: %s", codec, i, j-1, reason)
}

// encodeReplacement is what the "backslashreplace" and "xmlcharrefreplace"
// error handlers put for a character the codec cannot encode ("" and false
// for other handlers).
func encodeReplacement(errs string, r rune) (string, bool) {
	switch errs {
	case "backslashreplace":
		switch {
		case r <= 0xff:
			return fmt.Sprintf("\\x%02x", r), true
		case r <= 0xffff:
			return fmt.Sprintf("\\u%04x", r), true
		}
		return fmt.Sprintf("\\U%08x", r), true
	case "xmlcharrefreplace":
		return fmt.Sprintf("&#%d;", r), true
	}
	return "", false
}

// utf8Bad measures the invalid UTF-8 at b[i:]: n bytes (the "maximal
// subpart" a single U+FFFD replaces, as CPython and Unicode's
// recommendation say) and the reason CPython's error gives.
func utf8Bad(b []byte, i int) (n int, reason string) {
	c := b[i]
	lo, hi, need := byte(0x80), byte(0xbf), 0
	switch {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c == 0xe0:
		lo, need = 0xa0, 2
	case c == 0xed:
		hi, need = 0x9f, 2
	case c >= 0xe1 && c <= 0xef:
		need = 2
	case c == 0xf0:
		lo, need = 0x90, 3
	case c == 0xf4:
		hi, need = 0x8f, 3
	case c >= 0xf1 && c <= 0xf3:
		need = 3
	default:
		return 1, "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if i+k >= len(b) {
			return k, "unexpected end of data"
		}
		if x := b[i+k]; x < lo || x > hi {
			return k, "invalid continuation byte"
		}
		lo, hi = 0x80, 0xbf // only the second byte has a narrower range
	}
	return need + 1, "invalid start byte" // not reached for invalid input
}
