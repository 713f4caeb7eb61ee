package vm

// formatValue implements FORMAT_VALUE: conversion (0 none, 1 str, 2 repr,
// 3 ascii) then format(value, spec).
func (t *Thread) formatValue(v Value, conv int, spec string) (string, error) {
	switch conv {
	case 1:
		s, err := t.StrOf(v)
		if err != nil {
			return "", err
		}
		v = Str(s)
	case 2:
		s, err := t.Repr(v)
		if err != nil {
			return "", err
		}
		v = Str(s)
	case 3:
		s, err := t.Repr(v)
		if err != nil {
			return "", err
		}
		v = Str(asciiEscape(s))
	}
	if s, ok := v.o.(*StrObj); ok && spec == "" {
		return s.s, nil
	}
	return t.Format(v, spec)
}

// asciiEscape escapes non-ASCII characters as ascii() does.
func asciiEscape(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := DecodeRune(s[i:])
		i += n
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		case r < 0x100:
			out = append(out, []byte(sprintf("\\x%02x", r))...)
		case r < 0x10000:
			out = append(out, []byte(sprintf("\\u%04x", r))...)
		default:
			out = append(out, []byte(sprintf("\\U%08x", r))...)
		}
	}
	return string(out)
}

// Format is format(v, spec).
func (t *Thread) Format(v Value, spec string) (string, error) {
	if spec != "" && plainFormattable(v) {
		// int, bool, float and str cannot have their __format__ replaced:
		// format them directly, without a bound call and its str objects.
		s, _, err := formatHook(t, v, spec)
		return s, err
	}
	if m, ok := t.lookupSpecial(v, "__format__"); ok {
		// A built-in __format__ with an empty spec is str(v), so a
		// subclass's __str__ shows (as str.__format__/int.__format__ do).
		if _, builtin := m.o.(*Builtin); builtin && spec == "" {
			return t.StrOf(v)
		}
		r, err := t.callBound(m, v, []Value{Str(spec)}, nil)
		if err != nil {
			return "", err
		}
		s, ok := r.StrOf()
		if !ok {
			return "", Errorf(TypeError, "__format__ must return a str, not %s", r.TypeName())
		}
		return s, nil
	}
	if f := formatHook; f != nil {
		if s, ok, err := f(t, v, spec); ok || err != nil {
			return s, err
		}
	}
	if spec == "" {
		return t.StrOf(v)
	}
	return "", Errorf(TypeError, "unsupported format string passed to %s.__format__", v.TypeName())
}

// plainFormattable reports whether v is an int, bool, float or str (not a
// subclass), whose __format__ is formatHook's.
func plainFormattable(v Value) bool {
	switch v.kind() {
	case KInt, KBool, KFloat:
		return true
	case KObj:
		switch v.o.(type) {
		case *StrObj, *BigIntObj:
			return true
		}
	}
	return false
}

// formatHook formats built-in values with a spec (set by format_spec.go).
var formatHook func(t *Thread, v Value, spec string) (string, bool, error)
