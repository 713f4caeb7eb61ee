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
	case "replace":
		return '\ufffd', nil
	case "surrogateescape":
		return 0xDC00 + rune(b), nil // b >= 0x80 here
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
		vm.WriteRune(sb, r)
	case r <= -2:
		fmt.Fprintf(sb, "\\x%02x", -2-r)
	}
}

// encode turns text into the file's bytes (the shared codecs of vm; a
// str holding surrogates is refused or handled as errors says).
func (c ioCodec) encode(s string, errors string) ([]byte, error) {
	if c <= codecUTF8Sig && !vm.HasSurrogate(s) {
		return []byte(s), nil
	}
	return vm.EncodeStr(s, c.name(), errors)
}

// translateNewlines is universal-newlines reading: \r\n and \r become \n.
func translateNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
