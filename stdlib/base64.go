package stdlib

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"

	"github.com/asylang/asy/vm"
)

// base64: CPython's base64.py transcribed to Go on top of binascii's
// decoder (the Python original leans on bytes.translate and int.to_bytes).
// pylib/base64.py adds the file-to-file encode/decode.

// decodeData is base64._bytes_from_decode_data: bytes-like or ASCII str.
func decodeData(v vm.Value) ([]byte, error) {
	return asciiBytesArg(v, "argument should be a bytes-like object or ASCII string, not '%s'")
}

// translate2 maps the two bytes of from to those of to (bytes.translate
// with a two-entry table), copying.
func translate2(data []byte, from, to string) []byte {
	out := make([]byte, len(data))
	for i, c := range data {
		switch c {
		case from[0]:
			c = to[0]
		case from[1]:
			c = to[1]
		}
		out[i] = c
	}
	return out
}

// altcharsArg reads altchars, which must be two bytes (CPython asserts).
func altcharsArg(t *vm.Thread, v vm.Value, decode bool) (string, error) {
	var b []byte
	var err error
	if decode {
		b, err = decodeData(v)
	} else {
		var ok bool
		if b, ok = structBytes(v); !ok {
			return "", vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", v.TypeName())
		}
	}
	if err != nil {
		return "", err
	}
	if len(b) != 2 {
		r, _ := t.Repr(v)
		return "", vm.Errorf(vm.AssertionError, "%s", r)
	}
	return string(b), nil
}

const (
	b32Alphabet    = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b32HexAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV"
)

func b32encode(alpha string, s []byte) []byte {
	leftover := len(s) % 5
	if leftover != 0 {
		s = append(append([]byte{}, s...), make([]byte, 5-leftover)...)
	}
	out := make([]byte, 0, len(s)/5*8)
	for i := 0; i < len(s); i += 5 {
		var c uint64
		for _, b := range s[i : i+5] {
			c = c<<8 | uint64(b)
		}
		for k := 35; k >= 0; k -= 5 {
			out = append(out, alpha[(c>>uint(k))&31])
		}
	}
	pad := map[int]int{1: 6, 2: 4, 3: 3, 4: 1}[leftover]
	for i := len(out) - pad; i < len(out); i++ {
		out[i] = '='
	}
	return out
}

func b32decode(alpha string, s []byte, casefold bool, map01 []byte) ([]byte, error) {
	if len(s)%8 != 0 {
		return nil, binErr("Incorrect padding")
	}
	s = append([]byte{}, s...)
	if map01 != nil {
		for i, c := range s {
			switch c {
			case '0':
				s[i] = 'O'
			case '1':
				s[i] = map01[0]
			}
		}
	}
	if casefold {
		s = bytes.ToUpper(s)
	}
	l := len(s)
	s = bytes.TrimRight(s, "=")
	padchars := l - len(s)
	var rev [256]int
	for i := range rev {
		rev[i] = -1
	}
	for i := 0; i < len(alpha); i++ {
		rev[alpha[i]] = i
	}
	var decoded []byte
	var acc uint64
	for i := 0; i < len(s); i += 8 {
		acc = 0
		for _, c := range s[i:min(i+8, len(s))] {
			if rev[c] < 0 {
				return nil, binErr("Non-base32 digit found")
			}
			acc = acc<<5 + uint64(rev[c])
		}
		decoded = append(decoded, byte(acc>>32), byte(acc>>24), byte(acc>>16), byte(acc>>8), byte(acc))
	}
	if l%8 != 0 || (padchars != 0 && padchars != 1 && padchars != 3 && padchars != 4 && padchars != 6) {
		return nil, binErr("Incorrect padding")
	}
	if padchars != 0 && len(decoded) > 0 {
		acc <<= 5 * uint(padchars)
		last := []byte{byte(acc >> 32), byte(acc >> 24), byte(acc >> 16), byte(acc >> 8), byte(acc)}
		leftover := (43 - 5*padchars) / 8
		decoded = append(decoded[:len(decoded)-5], last[:leftover]...)
	}
	return decoded, nil
}

func base64Module(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("base64", "")
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	// enc wraps an encoder of bytes-like input.
	enc := func(name string, f func([]byte) []byte) {
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := vm.UnpackArgs(name, args, kw, 1, "s")
			if err != nil {
				return vm.Undef, err
			}
			data, err := b2aArg(a[0])
			if err != nil {
				return vm.Undef, err
			}
			return bytesVal(f(data)), nil
		})
	}
	b64 := func(b []byte) []byte { return []byte(base64.StdEncoding.EncodeToString(b)) }
	fn("b64encode", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("b64encode", args, kw, 1, "s", "altchars")
		if err != nil {
			return vm.Undef, err
		}
		data, err := b2aArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		out := b64(data)
		if !a[1].IsUndef() && !a[1].IsNone() {
			alt, err := altcharsArg(t, a[1], false)
			if err != nil {
				return vm.Undef, err
			}
			out = translate2(out, "+/", alt)
		}
		return bytesVal(out), nil
	})
	fn("b64decode", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("b64decode", args, kw, 1, "s", "altchars", "validate")
		if err != nil {
			return vm.Undef, err
		}
		data, err := decodeData(a[0])
		if err != nil {
			return vm.Undef, err
		}
		if !a[1].IsUndef() && !a[1].IsNone() {
			alt, err := altcharsArg(t, a[1], true)
			if err != nil {
				return vm.Undef, err
			}
			data = translate2(data, alt, "+/")
		}
		strict := false
		if !a[2].IsUndef() {
			if strict, err = t.Truth(a[2]); err != nil {
				return vm.Undef, err
			}
		}
		out, err := a2bBase64(data, strict)
		if err != nil {
			return vm.Undef, err
		}
		return bytesVal(out), nil
	})
	enc("standard_b64encode", b64)
	enc("urlsafe_b64encode", func(b []byte) []byte { return translate2(b64(b), "+/", "-_") })
	dec := func(name string, f func([]byte) ([]byte, error)) {
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := vm.UnpackArgs(name, args, kw, 1, "s")
			if err != nil {
				return vm.Undef, err
			}
			data, err := decodeData(a[0])
			if err != nil {
				return vm.Undef, err
			}
			out, err := f(data)
			if err != nil {
				return vm.Undef, err
			}
			return bytesVal(out), nil
		})
	}
	dec("standard_b64decode", func(b []byte) ([]byte, error) { return a2bBase64(b, false) })
	dec("urlsafe_b64decode", func(b []byte) ([]byte, error) { return a2bBase64(translate2(b, "-_", "+/"), false) })
	enc("b32encode", func(b []byte) []byte { return b32encode(b32Alphabet, b) })
	enc("b32hexencode", func(b []byte) []byte { return b32encode(b32HexAlphabet, b) })
	b32dec := func(name, alpha string, hasMap bool) {
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			names := []string{"s", "casefold"}
			if hasMap {
				names = append(names, "map01")
			}
			a, err := vm.UnpackArgs(name, args, kw, 1, names...)
			if err != nil {
				return vm.Undef, err
			}
			data, err := decodeData(a[0])
			if err != nil {
				return vm.Undef, err
			}
			casefold := false
			if !a[1].IsUndef() {
				if casefold, err = t.Truth(a[1]); err != nil {
					return vm.Undef, err
				}
			}
			var map01 []byte
			if hasMap && !a[2].IsUndef() && !a[2].IsNone() {
				if map01, err = decodeData(a[2]); err != nil {
					return vm.Undef, err
				}
				if len(map01) != 1 {
					r, _ := t.Repr(vm.Obj(vm.NewBytes(map01)))
					return vm.Undef, vm.Errorf(vm.AssertionError, "%s", r)
				}
			}
			out, err := b32decode(alpha, data, casefold, map01)
			if err != nil {
				return vm.Undef, err
			}
			return bytesVal(out), nil
		})
	}
	b32dec("b32decode", b32Alphabet, true)
	b32dec("b32hexdecode", b32HexAlphabet, false)
	enc("b16encode", func(b []byte) []byte { return bytes.ToUpper([]byte(hex.EncodeToString(b))) })
	fn("b16decode", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("b16decode", args, kw, 1, "s", "casefold")
		if err != nil {
			return vm.Undef, err
		}
		data, err := decodeData(a[0])
		if err != nil {
			return vm.Undef, err
		}
		if !a[1].IsUndef() {
			if cf, err := t.Truth(a[1]); err != nil {
				return vm.Undef, err
			} else if cf {
				data = bytes.ToUpper(data)
			}
		}
		for _, c := range data {
			if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F') {
				return vm.Undef, binErr("Non-base16 digit found")
			}
		}
		out, err := unhexlify(data)
		if err != nil {
			return vm.Undef, err
		}
		return bytesVal(out), nil
	})
	// encodebytes/decodebytes take bytes-like input only (CPython's
	// _input_type_check), and wrap lines every 76 output characters.
	inputCheck := func(v vm.Value) ([]byte, error) {
		if b, ok := structBytes(v); ok {
			return b, nil
		}
		return nil, vm.Errorf(vm.TypeError, "expected bytes-like object, not %s", v.TypeName())
	}
	fn("encodebytes", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("encodebytes", args, kw, 1, "s")
		if err != nil {
			return vm.Undef, err
		}
		data, err := inputCheck(a[0])
		if err != nil {
			return vm.Undef, err
		}
		var out []byte
		for i := 0; i < len(data); i += 57 {
			out = append(out, b64(data[i:min(i+57, len(data))])...)
			out = append(out, '\n')
		}
		return bytesVal(out), nil
	})
	fn("decodebytes", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("decodebytes", args, kw, 1, "s")
		if err != nil {
			return vm.Undef, err
		}
		data, err := inputCheck(a[0])
		if err != nil {
			return vm.Undef, err
		}
		out, err := a2bBase64(data, false)
		if err != nil {
			return vm.Undef, err
		}
		return bytesVal(out), nil
	})
	m.Set("MAXLINESIZE", vm.Int(76))
	m.Set("MAXBINSIZE", vm.Int(57))
	return m, nil
}

func init() { register("base64", base64Module) }
