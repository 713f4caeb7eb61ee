package vm

import (
	"strconv"
	"strings"
)

// strFormat implements str.format / str.format_map.
func (t *Thread) strFormat(f string, args []Value, kw []KV, mapping Value) (string, error) {
	auto := 0
	mode := 0 // 0 unknown, 1 automatic, 2 manual
	lookup := func(field string) (Value, error) {
		// split the first name from accessors
		i := strings.IndexAny(field, ".[")
		first, rest := field, ""
		if i >= 0 {
			first, rest = field[:i], field[i:]
		}
		var v Value
		if first == "" {
			if mode == 2 {
				return Undef, Errorf(ValueError, "cannot switch from manual field specification to automatic field numbering")
			}
			mode = 1
			if auto >= len(args) {
				return Undef, Errorf(IndexError, "Replacement index %d out of range for positional args tuple", auto)
			}
			v = args[auto]
			auto++
		} else if n, ok := fieldIndex(first); ok {
			if mode == 1 {
				return Undef, Errorf(ValueError, "cannot switch from automatic field numbering to manual field specification")
			}
			mode = 2
			if n >= len(args) {
				return Undef, Errorf(IndexError, "Replacement index %d out of range for positional args tuple", n)
			}
			v = args[n]
		} else {
			found := false
			for _, a := range kw {
				if a.Name == first {
					v, found = a.Val, true
				}
			}
			if !found && !mapping.IsUndef() {
				r, err := t.GetItem(mapping, Str(first))
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
				r, err := t.GetAttr(v, name)
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
				r, err := t.GetItem(v, kv)
				if err != nil {
					return Undef, err
				}
				v = r
			}
		}
		return v, nil
	}
	var render func(s string, depth int) (string, error)
	render = func(s string, depth int) (string, error) {
		var out strings.Builder
		out.Grow(len(s) + 8)
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c != '{' && c != '}' {
				// Copy the literal run up to the next brace at once.
				j := strings.IndexAny(s[i:], "{}")
				if j < 0 {
					j = len(s) - i
				}
				out.WriteString(s[i : i+j])
				i += j - 1
				continue
			}
			if c == '}' {
				if i+1 < len(s) && s[i+1] == '}' {
					out.WriteByte('}')
					i++
					continue
				}
				return "", Errorf(ValueError, "Single '}' encountered in format string")
			}
			if c != '{' {
				out.WriteByte(c)
				continue
			}
			if i+1 < len(s) && s[i+1] == '{' {
				out.WriteByte('{')
				i++
				continue
			}
			if i+1 == len(s) {
				return "", Errorf(ValueError, "Single '{' encountered in format string")
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
					return "", Errorf(ValueError, "unmatched '{' in format spec")
				}
				return "", Errorf(ValueError, "expected '}' before end of string")
			}
			field := s[i+1 : j-1]
			i = j - 1
			name, conv, spec := field, byte(0), ""
			if k := strings.IndexByte(field, ':'); k >= 0 {
				name, spec = field[:k], field[k+1:]
			}
			if k := strings.IndexByte(name, '!'); k >= 0 {
				if k+2 != len(name) {
					return "", Errorf(ValueError, "expected ':' after conversion specifier")
				}
				conv = name[k+1]
				name = name[:k]
			}
			v, err := lookup(name)
			if err != nil {
				return "", err
			}
			if strings.IndexByte(spec, '{') >= 0 {
				if depth >= 1 {
					return "", Errorf(ValueError, "Max string recursion exceeded")
				}
				spec, err = render(spec, depth+1)
				if err != nil {
					return "", err
				}
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
				return "", Errorf(ValueError, "Unknown conversion specifier %c", conv)
			}
			r, err := t.formatValue(v, cv, spec)
			if err != nil {
				return "", err
			}
			out.WriteString(r)
		}
		return out.String(), nil
	}
	return render(f, 0)
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
