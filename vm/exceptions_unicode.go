package vm

import "fmt"

// UnicodeEncodeError(encoding, object, start, end, reason) and
// UnicodeDecodeError (the object is bytes) carry their five arguments as
// attributes and word their message from them, as CPython does; the codecs
// raise them that way (encodeError, decodeError).

func init() {
	for _, name := range []string{"encoding", "object", "start", "end", "reason"} {
		i := map[string]int{"encoding": 0, "object": 1, "start": 2, "end": 3, "reason": 4}[name]
		excExtraAttrs[name] = func(o *Instance) (Value, bool) {
			if !unicodeErrorShaped(o) {
				return Undef, false
			}
			return o.exc().args.items[i], true
		}
	}
}

// unicodeErrorShaped reports an encode or decode error made with its five
// arguments.
func unicodeErrorShaped(o *Instance) bool {
	if !o.cls.IsSubclass(UnicodeEncodeError) && !o.cls.IsSubclass(UnicodeDecodeError) {
		return false
	}
	a := o.exc().args.items
	if len(a) != 5 || !a[2].isInt() || !a[3].isInt() {
		return false
	}
	_, ok0 := a[0].StrOf()
	_, ok4 := a[4].StrOf()
	return ok0 && ok4
}

// unicodeErrorStr is the message of a five-argument encode or decode error.
func unicodeErrorStr(o *Instance) (string, bool) {
	if !unicodeErrorShaped(o) {
		return "", false
	}
	a := o.exc().args.items
	enc, _ := a[0].StrOf()
	reason, _ := a[4].StrOf()
	start, end := int(a[2].AsInt()), int(a[3].AsInt())
	if o.cls.IsSubclass(UnicodeEncodeError) {
		s, ok := a[1].o.(*StrObj)
		if !ok || !a[1].isObj() {
			return "", false
		}
		if start >= 0 && start < s.Len() && end == start+1 {
			r := s.RuneAt(start)
			esc := fmt.Sprintf("\\U%08x", r)
			switch {
			case r <= 0xff:
				esc = fmt.Sprintf("\\x%02x", r)
			case r <= 0xffff:
				esc = fmt.Sprintf("\\u%04x", r)
			}
			return fmt.Sprintf("'%s' codec can't encode character '%s' in position %d: %s", enc, esc, start, reason), true
		}
		return fmt.Sprintf("'%s' codec can't encode characters in position %d-%d: %s", enc, start, end-1, reason), true
	}
	b, ok := a[1].o.(*Bytes)
	if !ok {
		return "", false
	}
	if start >= 0 && start < len(b.b) && end == start+1 {
		return fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", enc, b.b[start], start, reason), true
	}
	return fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", enc, start, end-1, reason), true
}

// encodeError is the UnicodeEncodeError of codec for code points
// [start, end) of s.
func encodeError(codec, s string, start, end int, _ []rune, reason string) error {
	return NewException(UnicodeEncodeError, Str(codec), Str(s), Int(int64(start)), Int(int64(end)), Str(reason))
}

// decodeError is the UnicodeDecodeError of codec for bytes [start, end) of b.
func decodeError(codec string, b []byte, start, end int, reason string) error {
	return NewException(UnicodeDecodeError, Str(codec), Obj(NewBytes(append([]byte(nil), b...))), Int(int64(start)), Int(int64(end)), Str(reason))
}
