package vm

import (
	"strconv"
	"strings"
)

// strFormat implements str.format / str.format_map.
func (t *Thread) strFormat(f string, args []Value, kw []KV, mapping Value) (string, error) {
	var b strings.Builder
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
		} else if n, err := strconv.Atoi(first); err == nil {
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
				if n, err := strconv.Atoi(key); err == nil {
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
		for i := 0; i < len(s); i++ {
			c := s[i]
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
	s, err := render(f, 0)
	b.WriteString(s)
	return b.String(), err
}
