package stdlib

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/asylang/asy/vm"
)

// The text encodings files support: UTF-8 (with or without a signature),
// Latin-1 and ASCII — what scripts name in practice.

type ioCodec int

const (
	codecUTF8 ioCodec = iota
	codecUTF8Sig
	codecLatin1
	codecASCII
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// lookupCodec normalizes an encoding name as Python's codec registry does
// (case, '-', '_' and ' ' are interchangeable).
func lookupCodec(name string) (ioCodec, bool) {
	n := strings.NewReplacer("_", "-", " ", "-").Replace(strings.ToLower(strings.TrimSpace(name)))
	switch n {
	case "utf-8", "utf8", "u8", "utf", "cp65001":
		return codecUTF8, true
	case "utf-8-sig", "utf8-sig":
		return codecUTF8Sig, true
	case "latin-1", "latin1", "latin", "l1", "iso-8859-1", "iso8859-1", "8859", "cp819", "iso-ir-100":
		return codecLatin1, true
	case "ascii", "us-ascii", "646", "us":
		return codecASCII, true
	}
	return 0, false
}

func (c ioCodec) name() string {
	switch c {
	case codecLatin1:
		return "latin-1"
	case codecASCII:
		return "ascii"
	}
	return "utf-8"
}

// decodeOne decodes the character at the start of b. need reports that b
// ends inside a character and more input may complete it (never at EOF).
// r < 0 with size > 0 means the bytes were dropped (errors='ignore').
// pos is b's offset in what the caller is decoding, for error messages.
func (c ioCodec) decodeOne(b []byte, atEOF bool, errors string, pos int) (r rune, size int, need bool, err error) {
	if len(b) == 0 {
		return 0, 0, true, nil
	}
	switch c {
	case codecLatin1:
		return rune(b[0]), 1, false, nil
	case codecASCII:
		if b[0] < 0x80 {
			return rune(b[0]), 1, false, nil
		}
		r, err := decodeError(c, b[0], pos, "ordinal not in range(128)", errors)
		return r, 1, false, err
	}
	if b[0] < 0x80 {
		return rune(b[0]), 1, false, nil
	}
	if !utf8.FullRune(b) && !atEOF {
		return 0, 0, true, nil
	}
	r, size = utf8.DecodeRune(b)
	if r != utf8.RuneError || size > 1 {
		return r, size, false, nil
	}
	reason := "invalid start byte"
	if b[0] >= 0xC2 && b[0] <= 0xF4 {
		if !utf8.FullRune(b) {
			reason = "unexpected end of data"
		} else {
			reason = "invalid continuation byte"
		}
	}
	r, err = decodeError(c, b[0], pos, reason, errors)
	return r, 1, false, err
}

// decodeError applies the errors handler to an undecodable byte.
func decodeError(c ioCodec, b byte, pos int, reason, errors string) (rune, error) {
	switch errors {
	case "ignore":
		return -1, nil
	case "replace", "surrogateescape":
		return '\ufffd', nil
	case "backslashreplace":
		// The caller writes the escape; signalled by a negative byte marker.
		return -2 - rune(b), nil
	}
	return 0, vm.Errorf(vm.UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %d: %s", c.name(), b, pos, reason)
}

// decodeAll decodes b completely (it ends at a character boundary or at EOF).
func (c ioCodec) decodeAll(b []byte, errors string) (string, error) {
	if (c == codecUTF8 || c == codecUTF8Sig) && utf8.Valid(b) {
		return string(b), nil
	}
	var sb strings.Builder
	for i := 0; i < len(b); {
		r, size, _, err := c.decodeOne(b[i:], true, errors, i)
		if err != nil {
			return "", err
		}
		writeDecoded(&sb, r)
		i += size
	}
	return sb.String(), nil
}

func writeDecoded(sb *strings.Builder, r rune) {
	switch {
	case r >= 0:
		sb.WriteRune(r)
	case r <= -2:
		fmt.Fprintf(sb, "\\x%02x", -2-r)
	}
}

// encode turns text into the file's bytes.
func (c ioCodec) encode(s string, errors string) ([]byte, error) {
	limit := rune(0x110000)
	switch c {
	case codecLatin1:
		limit = 0x100
	case codecASCII:
		limit = 0x80
	default:
		return []byte(s), nil
	}
	out := make([]byte, 0, len(s))
	i := 0
	for _, r := range s {
		if r < limit {
			out = append(out, byte(r))
			i++
			continue
		}
		switch errors {
		case "ignore":
		case "replace":
			out = append(out, '?')
		case "backslashreplace":
			switch {
			case r < 0x100:
				out = append(out, fmt.Sprintf("\\x%02x", r)...)
			case r < 0x10000:
				out = append(out, fmt.Sprintf("\\u%04x", r)...)
			default:
				out = append(out, fmt.Sprintf("\\U%08x", r)...)
			}
		case "xmlcharrefreplace":
			out = append(out, fmt.Sprintf("&#%d;", r)...)
		default:
			esc := fmt.Sprintf("\\u%04x", r)
			if r < 0x100 {
				esc = fmt.Sprintf("\\x%02x", r)
			} else if r >= 0x10000 {
				esc = fmt.Sprintf("\\U%08x", r)
			}
			return nil, vm.Errorf(vm.UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %d: ordinal not in range(%d)", c.name(), esc, i, limit)
		}
		i++
	}
	return out, nil
}

// translateNewlines is universal-newlines reading: \r\n and \r become \n.
func translateNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
