package vm

import (
	"strconv"
	"strings"
)

// strFormatter is one str.format / str.format_map call.
type strFormatter struct {
	t       *Thread
	args    []Value
	kw      []KV
	mapping Value
	auto    int // the next automatic field number
	mode    int // 0 unknown, 1 automatic, 2 manual numbering
}

// strFormat implements str.format / str.format_map: the text is built in
// a stack buffer and copied once into the str.
func (t *Thread) strFormat(s string, args []Value, kw []KV, mapping Value) (*StrObj, error) {
	f := strFormatter{t: t, args: args, kw: kw, mapping: mapping}
	var scratch [128]byte
	b, err := f.render(scratch[:0], s, 0)
	if err != nil {
		return nil, err
	}
	return NewStrBytes(b, false), nil
}

// lookup finds a replacement field's value: an argument by position or
// name, then its .attr and [key] accessors.
func (f *strFormatter) lookup(field string) (Value, error) {
	// split the first name from accessors
	i := strings.IndexAny(field, ".[")
	first, rest := field, ""
	if i >= 0 {
		first, rest = field[:i], field[i:]
	}
	var v Value
	if first == "" {
		if f.mode == 2 {
			return Undef, Errorf(ValueError, "cannot switch from manual field specification to automatic field numbering")
		}
		f.mode = 1
		if f.auto >= len(f.args) {
			return Undef, Errorf(IndexError, "Replacement index %d out of range for positional args tuple", f.auto)
		}
		v = f.args[f.auto]
		f.auto++
	} else if n, ok := fieldIndex(first); ok {
		if f.mode == 1 {
			return Undef, Errorf(ValueError, "cannot switch from automatic field numbering to manual field specification")
		}
		f.mode = 2
		if n >= len(f.args) {
			return Undef, Errorf(IndexError, "Replacement index %d out of range for positional args tuple", n)
		}
		v = f.args[n]
	} else {
		found := false
		for _, a := range f.kw {
			if a.Name == first {
				v, found = a.Val, true
			}
		}
		if !found && !f.mapping.IsUndef() {
			r, err := f.t.GetItem(f.mapping, Str(first))
			if err != nil {
				return Undef, err
			}
			v, found = r, true
		}
		if !found {
			return Undef, keyError(Str(first))
		}
	}
	for rest != "" {
		if rest[0] == '.' {
			j := strings.IndexAny(rest[1:], ".[")
			name := rest[1:]
			if j >= 0 {
				name = rest[1 : j+1]
			}
			rest = rest[1+len(name):]
			r, err := f.t.GetAttr(v, name)
			if err != nil {
				return Undef, err
			}
			v = r
		} else {
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				return Undef, Errorf(ValueError, "Missing ']' in format string")
			}
			key := rest[1:j]
			rest = rest[j+1:]
			var kv Value = Str(key)
			if n, ok := fieldIndex(key); ok {
				kv = Int(int64(n))
			}
			r, err := f.t.GetItem(v, kv)
			if err != nil {
				return Undef, err
			}
			v = r
		}
	}
	return v, nil
}

// render appends the formatted text of s to out (depth 1 for a nested
// format spec).
func (f *strFormatter) render(out []byte, s string, depth int) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '{' && c != '}' {
			// Copy the literal run up to the next brace at once.
			j := strings.IndexAny(s[i:], "{}")
			if j < 0 {
				j = len(s) - i
			}
			out = append(out, s[i:i+j]...)
			i += j - 1
			continue
		}
		if c == '}' {
			if i+1 < len(s) && s[i+1] == '}' {
				out = append(out, '}')
				i++
				continue
			}
			return nil, Errorf(ValueError, "Single '}' encountered in format string")
		}
		if c != '{' {
			out = append(out, c)
			continue
		}
		if i+1 < len(s) && s[i+1] == '{' {
			out = append(out, '{')
			i++
			continue
		}
		if i+1 == len(s) {
			return nil, Errorf(ValueError, "Single '{' encountered in format string")
		}
		// find matching close brace
		d := 1
		j := i + 1
		for j < len(s) && d > 0 {
			if s[j] == '{' {
				d++
			} else if s[j] == '}' {
				d--
			}
			j++
		}
		if d > 0 {
			if depth > 0 {
				return nil, Errorf(ValueError, "unmatched '{' in format spec")
			}
			return nil, Errorf(ValueError, "expected '}' before end of string")
		}
		field := s[i+1 : j-1]
		i = j - 1
		name, conv, spec := field, byte(0), ""
		if k := strings.IndexByte(field, ':'); k >= 0 {
			name, spec = field[:k], field[k+1:]
		}
		if k := strings.IndexByte(name, '!'); k >= 0 {
			if k+2 != len(name) {
				return nil, Errorf(ValueError, "expected ':' after conversion specifier")
			}
			conv = name[k+1]
			name = name[:k]
		}
		v, err := f.lookup(name)
		if err != nil {
			return nil, err
		}
		if strings.IndexByte(spec, '{') >= 0 {
			if depth >= 1 {
				return nil, Errorf(ValueError, "Max string recursion exceeded")
			}
			b, err := f.render(nil, spec, depth+1)
			if err != nil {
				return nil, err
			}
			spec = string(b)
		}
		cv := 0
		switch conv {
		case 0:
		case 's':
			cv = 1
		case 'r':
			cv = 2
		case 'a':
			cv = 3
		default:
			return nil, Errorf(ValueError, "Unknown conversion specifier %c", conv)
		}
		if cv == 0 && spec == "" {
			// {} of a str or an int: its text, straight into the buffer.
			if so, ok := v.o.(*StrObj); ok && v.isObj() {
				out = append(out, so.s...)
				continue
			}
			if v.isInt() {
				out = strconv.AppendInt(out, v.AsInt(), 10)
				continue
			}
		} else if cv == 0 && v.isInt() {
			// {:05d}, {:>6} and the like of an int, also in place.
			if sp, err := parseSpec(spec, "int"); err == nil {
				if b, ok := appendIntSimple(out, v.AsInt(), sp); ok {
					out = b
					continue
				}
			}
		}
		r, err := f.t.formatValue(v, cv, spec)
		if err != nil {
			return nil, err
		}
		out = append(out, r...)
	}
	return out, nil
}

// fieldIndex reads a replacement field's name as an index: decimal digits
// only (as CPython: "+1" or " 1" are names), and without strconv's error
// allocation for the common non-numeric name.
func fieldIndex(s string) (int, bool) {
	if s == "" || len(s) > 18 {
		if len(s) > 18 && strings.Trim(s, "0123456789") == "" {
			n, err := strconv.Atoi(s)
			return n, err == nil
		}
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
