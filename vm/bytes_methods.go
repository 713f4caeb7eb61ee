package vm

import (
	"bytes"
	"encoding/hex"
	"strings"
	"unicode/utf8"
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
	switch o := v.o.(type) {
	case *Bytes:
		return o.b, nil
	case *ByteArray:
		return o.b, nil
	}
	return nil, Errorf(TypeError, "a bytes-like object is required, not '%s'", v.TypeName())
}

// newBytesFrom implements bytes(x) and bytearray(x).
func newBytesFrom(t *Thread, name string, args []Value, kw []KV) ([]byte, error) {
	a, err := UnpackArgs(name, args, kw, 0, "source", "encoding", "errors")
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
		r, err := t.CallMethod(src, "encode", a[1])
		if err != nil {
			return nil, err
		}
		_ = s
		return r.o.(*Bytes).b, nil
	}
	if m, ok := t.lookupSpecial(src, "__bytes__"); ok {
		r, err := t.callBound(m, src, nil, nil)
		if err != nil {
			return nil, err
		}
		b, ok := r.o.(*Bytes)
		if !ok || r.k != KObj {
			return nil, Errorf(TypeError, "__bytes__ returned non-bytes (type %s)", r.TypeName())
		}
		return append([]byte(nil), b.b...), nil
	}
	if src.isIntLike() {
		n := src.AsInt()
		if n < 0 {
			return nil, Errorf(ValueError, "negative count")
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

func decodeBytes(b []byte, enc, errs string) (string, error) {
	switch strings.ReplaceAll(strings.ToLower(enc), "_", "-") {
	case "utf-8", "utf8":
		if utf8.Valid(b) {
			return string(b), nil
		}
		var sb strings.Builder
		for i := 0; i < len(b); {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				switch errs {
				case "ignore":
				case "replace":
					sb.WriteRune('\ufffd')
				default:
					return "", Errorf(UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b[i], i)
				}
				i++
				continue
			}
			sb.WriteRune(r)
			i += size
		}
		return sb.String(), nil
	case "ascii":
		var sb strings.Builder
		for i, c := range b {
			if c >= 0x80 {
				switch errs {
				case "ignore":
					continue
				case "replace":
					sb.WriteRune('\ufffd')
					continue
				}
				return "", Errorf(UnicodeDecodeError, "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", c, i)
			}
			sb.WriteByte(c)
		}
		return sb.String(), nil
	case "latin-1", "latin1", "iso-8859-1":
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		return string(rs), nil
	}
	return "", Errorf(LookupError, "unknown encoding: %s", enc)
}

func init() {
	BytesType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		b, err := newBytesFrom(t, "bytes", args, kw)
		if err != nil {
			return Undef, err
		}
		return Obj(NewBytes(b)), nil
	}
	ByteArrayType.ctor = func(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
		b, err := newBytesFrom(t, "bytearray", args, kw)
		if err != nil {
			return Undef, err
		}
		return Obj(&ByteArray{b: b}), nil
	}
	both := func(name string, fn BuiltinFunc) { // argument counts: see coreMinArgs
		BytesType.AddMethod(name, fn)
		ByteArrayType.AddMethod(name, fn)
	}
	wrap := func(args []Value, b []byte) Value {
		if _, ok := args[0].o.(*ByteArray); ok {
			return Obj(&ByteArray{b: b})
		}
		return Obj(NewBytes(b))
	}
	both("decode", func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := UnpackArgs("decode", args[1:], kw, 0, "encoding", "errors")
		if err != nil {
			return Undef, err
		}
		enc, errs := "utf-8", "strict"
		if !a[0].IsUndef() {
			enc, _ = a[0].StrOf()
		}
		if !a[1].IsUndef() {
			errs, _ = a[1].StrOf()
		}
		s, err := decodeBytes(bytesSelf(args), enc, errs)
		return Str(s), err
	})
	both("hex", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Str(hex.EncodeToString(bytesSelf(args))), nil
	})
	BytesType.Dict["fromhex"] = Obj(&ClassMethod{fn: NewBuiltin("fromhex", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("fromhex", args[1:], 1); err != nil {
			return Undef, err
		}
		s, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "fromhex() argument must be str, not %s", args[1].TypeName())
		}
		b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
		if err != nil {
			return Undef, Errorf(ValueError, "non-hexadecimal number found in fromhex() arg")
		}
		return Obj(NewBytes(b)), nil
	})})
	both("upper", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return wrap(args, bytes.ToUpper(bytesSelf(args))), nil
	})
	both("lower", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return wrap(args, bytes.ToLower(bytesSelf(args))), nil
	})
	both("strip", func(t *Thread, args []Value, kw []KV) (Value, error) {
		cut := " \t\n\r\x0b\x0c"
		if len(args) > 1 && !args[1].IsNone() {
			b, err := toBytes(t, args[1])
			if err != nil {
				return Undef, err
			}
			cut = string(b)
		}
		return wrap(args, bytes.Trim(bytesSelf(args), cut)), nil
	})
	both("split", func(t *Thread, args []Value, kw []KV) (Value, error) {
		var parts [][]byte
		if len(args) > 1 && !args[1].IsNone() {
			sep, err := toBytes(t, args[1])
			if err != nil {
				return Undef, err
			}
			parts = bytes.Split(bytesSelf(args), sep)
		} else {
			parts = bytes.Fields(bytesSelf(args))
		}
		items := make([]Value, len(parts))
		for i, p := range parts {
			items[i] = wrap(args, p)
		}
		return Obj(NewList(items)), nil
	})
	both("join", func(t *Thread, args []Value, kw []KV) (Value, error) {
		var parts [][]byte
		err := t.Iterate(args[1], func(v Value) error {
			b, err := toBytes(t, v)
			parts = append(parts, b)
			return err
		})
		if err != nil {
			return Undef, err
		}
		return wrap(args, bytes.Join(parts, bytesSelf(args))), nil
	})
	both("startswith", func(t *Thread, args []Value, kw []KV) (Value, error) {
		p, err := toBytes(t, args[1])
		return Bool(bytes.HasPrefix(bytesSelf(args), p)), err
	})
	both("endswith", func(t *Thread, args []Value, kw []KV) (Value, error) {
		p, err := toBytes(t, args[1])
		return Bool(bytes.HasSuffix(bytesSelf(args), p)), err
	})
	both("find", func(t *Thread, args []Value, kw []KV) (Value, error) {
		p, err := toBytes(t, args[1])
		return Int(int64(bytes.Index(bytesSelf(args), p))), err
	})
	both("count", func(t *Thread, args []Value, kw []KV) (Value, error) {
		p, err := toBytes(t, args[1])
		return Int(int64(bytes.Count(bytesSelf(args), p))), err
	})
	both("replace", func(t *Thread, args []Value, kw []KV) (Value, error) {
		o, err := toBytes(t, args[1])
		if err != nil {
			return Undef, err
		}
		n, err := toBytes(t, args[2])
		return wrap(args, bytes.ReplaceAll(bytesSelf(args), o, n)), err
	})
	ByteArrayType.AddMethod("copy", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("copy", args[1:], 0); err != nil {
			return Undef, err
		}
		return Obj(&ByteArray{b: append([]byte(nil), args[0].o.(*ByteArray).b...)}), nil
	})
	ByteArrayType.AddMethod("append", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("append", args[1:], 1); err != nil {
			return Undef, err
		}
		n, ok, _ := t.IndexOf(args[1])
		if !ok || n < 0 || n > 255 {
			return Undef, Errorf(ValueError, "byte must be in range(0, 256)")
		}
		ba := args[0].o.(*ByteArray)
		ba.b = append(ba.b, byte(n))
		return None, nil
	})
	ByteArrayType.AddMethod("extend", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("extend", args[1:], 1); err != nil {
			return Undef, err
		}
		b, err := newBytesFrom(t, "extend", args[1:2], nil)
		if err != nil {
			return Undef, err
		}
		ba := args[0].o.(*ByteArray)
		ba.b = append(ba.b, b...)
		return None, nil
	})
}
