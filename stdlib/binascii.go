package stdlib

import (
	"encoding/base64"
	"encoding/hex"
	"hash/crc32"

	"github.com/asylang/asy/vm"
)

// binascii: hex and base64 conversions and CRCs, with CPython's argument
// rules (the a2b_ functions also take ASCII str) and its error texts.

var (
	binasciiError      = vm.NewExceptionClass("Error", "binascii", vm.ValueError)
	binasciiIncomplete = vm.NewExceptionClass("Incomplete", "binascii", vm.Exception)
)

func binErr(format string, a ...any) error { return vm.Errorf(binasciiError, format, a...) }

// b2aArg reads the data of a b2a_ function: bytes-like only.
func b2aArg(v vm.Value) ([]byte, error) {
	if b, ok := structBytes(v); ok {
		return b, nil
	}
	return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", v.TypeName())
}

// a2bArg reads the data of an a2b_ function: bytes-like or ASCII str.
func a2bArg(v vm.Value) ([]byte, error) {
	return asciiBytesArg(v, "argument should be bytes, buffer or ASCII string, not '%s'")
}

// asciiBytesArg accepts bytes-like data or a str of ASCII characters;
// typeMsg words the TypeError for anything else (%s: the type name).
func asciiBytesArg(v vm.Value, typeMsg string) ([]byte, error) {
	if b, ok := structBytes(v); ok {
		return b, nil
	}
	if s, ok := v.StrOf(); ok {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return nil, vm.Errorf(vm.ValueError, "string argument should contain only ASCII characters")
			}
		}
		return []byte(s), nil
	}
	return nil, vm.Errorf(vm.TypeError, typeMsg, v.TypeName())
}

// hexlify is bytes.hex's algorithm: sep between groups of perSep bytes,
// counted from the right (from the left when perSep is negative).
func hexlify(t *vm.Thread, data []byte, sep, perSep vm.Value) ([]byte, error) {
	h := []byte(hex.EncodeToString(data))
	if sep.IsUndef() || sep.IsNone() {
		return h, nil
	}
	var sb []byte
	if s, ok := sep.StrOf(); ok {
		sb = []byte(s)
	} else if b, ok := structBytes(sep); ok {
		sb = b
	} else {
		return nil, vm.Errorf(vm.TypeError, "sep must be str or bytes.")
	}
	if len(sb) != 1 {
		return nil, vm.Errorf(vm.ValueError, "sep must be length 1.")
	}
	if sb[0] >= 0x80 {
		return nil, vm.Errorf(vm.ValueError, "sep must be ASCII.")
	}
	n := int64(1)
	if !perSep.IsUndef() {
		var err error
		if n, err = t.AsInt64(perSep); err != nil {
			return nil, err
		}
	}
	if n == 0 || len(data) == 0 {
		return h, nil
	}
	group := n
	if group < 0 {
		group = -group
	}
	var out []byte
	if n > 0 {
		// Groups counted from the right: the first group may be short.
		first := int64(len(data)) % group
		if first == 0 {
			first = group
		}
		for i := int64(0); i < int64(len(data)); {
			end := i + group
			if i == 0 {
				end = first
			}
			if i > 0 {
				out = append(out, sb[0])
			}
			out = append(out, h[2*i:2*end]...)
			i = end
		}
		return out, nil
	}
	for i := int64(0); i < int64(len(data)); i += group {
		end := min(i+group, int64(len(data)))
		if i > 0 {
			out = append(out, sb[0])
		}
		out = append(out, h[2*i:2*end]...)
	}
	return out, nil
}

func unhexlify(data []byte) ([]byte, error) {
	if len(data)%2 != 0 {
		return nil, binErr("Odd-length string")
	}
	out := make([]byte, len(data)/2)
	if _, err := hex.Decode(out, data); err != nil {
		return nil, binErr("Non-hexadecimal digit found")
	}
	return out, nil
}

// a2bBase64 is CPython's decoder: non-alphabet characters are skipped
// (errors in strict mode), and decoding stops at the first complete pad.
func a2bBase64(data []byte, strict bool) ([]byte, error) {
	out := make([]byte, 0, len(data)/4*3+3)
	quad, pads := 0, 0
	var left byte
	padding := false
	for i, c := range data {
		if c == '=' {
			padding = true
			// 3.11 refuses a pad only at the very start; a pad after a
			// complete quad is tolerated even in strict mode.
			if strict && i == 0 {
				return nil, binErr("Leading padding not allowed")
			}
			if quad >= 2 {
				pads++
				if quad+pads >= 4 {
					if strict && i+1 < len(data) {
						return nil, binErr("Excess data after padding")
					}
					return out, nil
				}
			}
			continue
		}
		v := b64Rev[c]
		if v >= 64 {
			if strict {
				return nil, binErr("Only base64 data is allowed")
			}
			continue
		}
		if strict && padding {
			return nil, binErr("Discontinuous padding not allowed")
		}
		pads = 0
		switch quad {
		case 0:
			quad, left = 1, v
		case 1:
			quad = 2
			out = append(out, left<<2|v>>4)
			left = v & 0x0f
		case 2:
			quad = 3
			out = append(out, left<<4|v>>2)
			left = v & 3
		case 3:
			quad = 0
			out = append(out, left<<6|v)
			left = 0
		}
	}
	if quad == 1 {
		return nil, binErr("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4", len(out)/3*4+1)
	}
	if quad != 0 {
		return nil, binErr("Incorrect padding")
	}
	return out, nil
}

// b64Rev maps a byte to its base64 value, or 255.
var b64Rev = func() (t [256]byte) {
	for i := range t {
		t[i] = 255
	}
	const alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(alpha); i++ {
		t[alpha[i]] = byte(i)
	}
	return
}()

func bytesVal(b []byte) vm.Value { return vm.Obj(vm.NewBytes(b)) }

func binasciiModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("binascii", "")
	m.Set("Error", vm.Obj(binasciiError))
	m.Set("Incomplete", vm.Obj(binasciiIncomplete))
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	hexFn := func(name string) vm.BuiltinFunc {
		return func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := vm.UnpackArgs(name, args, kw, 1, "data", "sep", "bytes_per_sep")
			if err != nil {
				return vm.Undef, err
			}
			data, err := b2aArg(a[0])
			if err != nil {
				return vm.Undef, err
			}
			h, err := hexlify(t, data, a[1], a[2])
			if err != nil {
				return vm.Undef, err
			}
			return bytesVal(h), nil
		}
	}
	fn("hexlify", hexFn("hexlify"))
	fn("b2a_hex", hexFn("b2a_hex"))
	unhexFn := func(name string) vm.BuiltinFunc {
		return func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := vm.UnpackArgs(name, args, kw, 1, "hexstr")
			if err != nil {
				return vm.Undef, err
			}
			data, err := a2bArg(a[0])
			if err != nil {
				return vm.Undef, err
			}
			out, err := unhexlify(data)
			if err != nil {
				return vm.Undef, err
			}
			return bytesVal(out), nil
		}
	}
	fn("unhexlify", unhexFn("unhexlify"))
	fn("a2b_hex", unhexFn("a2b_hex"))
	fn("b2a_base64", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) > 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "b2a_base64() takes exactly 1 positional argument (%d given)", len(args))
		}
		a, err := vm.UnpackArgs("b2a_base64", args, kw, 1, "data", "newline")
		if err != nil {
			return vm.Undef, err
		}
		data, err := b2aArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		out := []byte(base64.StdEncoding.EncodeToString(data))
		nl := true
		if !a[1].IsUndef() {
			if nl, err = t.Truth(a[1]); err != nil {
				return vm.Undef, err
			}
		}
		if nl {
			out = append(out, '\n')
		}
		return bytesVal(out), nil
	})
	fn("a2b_base64", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) > 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "a2b_base64() takes exactly 1 positional argument (%d given)", len(args))
		}
		a, err := vm.UnpackArgs("a2b_base64", args, kw, 1, "data", "strict_mode")
		if err != nil {
			return vm.Undef, err
		}
		data, err := a2bArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		strict := false
		if !a[1].IsUndef() {
			if strict, err = t.Truth(a[1]); err != nil {
				return vm.Undef, err
			}
		}
		out, err := a2bBase64(data, strict)
		if err != nil {
			return vm.Undef, err
		}
		return bytesVal(out), nil
	})
	fn("crc32", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("crc32", kw); err != nil {
			return vm.Undef, err
		}
		if err := vm.RangeArgs("crc32", args, 1, 2); err != nil {
			return vm.Undef, err
		}
		data, err := b2aArg(args[0])
		if err != nil {
			return vm.Undef, err
		}
		var crc uint32
		if len(args) == 2 {
			// Any int is taken modulo 2**32, as CPython's unsigned int cast.
			b := vm.AsBig(args[1])
			if b == nil {
				return vm.Undef, vm.Errorf(vm.TypeError, "'%s' object cannot be interpreted as an integer", args[1].TypeName())
			}
			crc = uint32(b.Uint64() & 0xffffffff)
			if b.Sign() < 0 {
				crc = uint32(b.Int64())
			}
		}
		return vm.Int(int64(crc32.Update(crc, crc32.IEEETable, data))), nil
	})
	fn("crc_hqx", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("crc_hqx", kw); err != nil {
			return vm.Undef, err
		}
		if err := vm.ExactArgs("crc_hqx", args, 2); err != nil {
			return vm.Undef, err
		}
		data, err := b2aArg(args[0])
		if err != nil {
			return vm.Undef, err
		}
		v, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		// CRC-CCITT (XModem polynomial 0x1021), bit by bit.
		crc := uint16(v)
		for _, c := range data {
			crc ^= uint16(c) << 8
			for k := 0; k < 8; k++ {
				if crc&0x8000 != 0 {
					crc = crc<<1 ^ 0x1021
				} else {
					crc <<= 1
				}
			}
		}
		return vm.Int(int64(crc)), nil
	})
	return m, nil
}

func init() { register("binascii", binasciiModule) }
