package stdlib

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/asylang/asy/vm"
)

// re.Match methods and replacement templates.

// groupIndex resolves a group given by number or name.
func (m *reMatchObj) groupIndex(t *vm.Thread, g vm.Value) (int, error) {
	if s, ok := g.StrOf(); ok {
		for i, n := range m.pat.names {
			if n == s && n != "" {
				return i, nil
			}
		}
		return 0, vm.Errorf(vm.IndexError, "no such group")
	}
	if n, ok, err := t.IndexOf(g); ok {
		if err != nil {
			return 0, err
		}
		if n < 0 || n > int64(m.pat.prog.tr.groups) {
			return 0, vm.Errorf(vm.IndexError, "no such group")
		}
		return int(n), nil
	}
	return 0, vm.Errorf(vm.IndexError, "no such group")
}

func (m *reMatchObj) get(g int, def vm.Value) vm.Value {
	return m.pat.group(m.txt, m.spans, g, def)
}

func (m *reMatchObj) Repr(t *vm.Thread) (string, error) {
	r, err := t.Repr(m.get(0, vm.None))
	if err != nil {
		return "", err
	}
	if rs := []rune(r); len(rs) > 50 {
		r = string(rs[:50])
	}
	return fmt.Sprintf("<re.Match object; span=(%d, %d), match=%s>", m.spans[0], m.spans[1], r), nil
}

func (m *reMatchObj) GetItem(t *vm.Thread, key vm.Value) (vm.Value, error) {
	g, err := m.groupIndex(t, key)
	if err != nil {
		return vm.Undef, err
	}
	return m.get(g, vm.None), nil
}

// lastIndex is the group that closed last: the match with the greatest end,
// an enclosing group winning over the groups inside it (it closes after
// them) and a later sibling over an earlier one.
func (m *reMatchObj) lastIndex() int {
	tr := m.pat.prog.tr
	best := -1
	for g := 1; g <= tr.groups; g++ {
		if m.spans[2*g] < 0 {
			continue
		}
		if best < 0 || m.spans[2*g+1] > m.spans[2*best+1] {
			best = g
			continue
		}
		if m.spans[2*g+1] == m.spans[2*best+1] && !reIsInside(tr.parent, g, best) {
			best = g
		}
	}
	return best
}

// reIsInside reports whether group g is nested in group outer.
func reIsInside(parent []int, g, outer int) bool {
	for p := parent[g]; p != 0; p = parent[p] {
		if p == outer {
			return true
		}
	}
	return false
}

func reInitMatch() {
	self := func(args []vm.Value) *reMatchObj { return args[0].AsObj().(*reMatchObj) }
	meth := reMatchType.AddMethod
	meth("group", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("group", kw); err != nil {
			return vm.Undef, err
		}
		m := self(args)
		switch len(args) {
		case 1:
			return m.get(0, vm.None), nil
		case 2:
			g, err := m.groupIndex(t, args[1])
			if err != nil {
				return vm.Undef, err
			}
			return m.get(g, vm.None), nil
		}
		out := make([]vm.Value, len(args)-1)
		for i, a := range args[1:] {
			g, err := m.groupIndex(t, a)
			if err != nil {
				return vm.Undef, err
			}
			out[i] = m.get(g, vm.None)
		}
		if len(out) == 1 {
			return out[0], nil
		}
		return vm.Obj(vm.NewTuple(out)), nil
	})
	meth("__getitem__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.MethodArgs("re.Match", "__getitem__", args[1:], 1, 1); err != nil {
			return vm.Undef, err
		}
		return self(args).GetItem(t, args[1])
	})
	meth("groups", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("groups", args[1:], kw, 0, "default")
		if err != nil {
			return vm.Undef, err
		}
		def := a[0]
		if def.IsUndef() {
			def = vm.None
		}
		m := self(args)
		out := make([]vm.Value, m.pat.prog.tr.groups)
		for g := range out {
			out[g] = m.get(g+1, def)
		}
		return vm.Obj(vm.NewTuple(out)), nil
	})
	meth("groupdict", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("groupdict", args[1:], kw, 0, "default")
		if err != nil {
			return vm.Undef, err
		}
		def := a[0]
		if def.IsUndef() {
			def = vm.None
		}
		m := self(args)
		d := vm.NewDict()
		// Names in the order CPython's groupindex holds them: by group number.
		for i, n := range m.pat.names {
			if n != "" {
				d.SetStr(n, m.get(i, def))
			}
		}
		return vm.Obj(d), nil
	})
	pos := func(name string, which int) {
		meth(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := vm.UnpackArgs(name, args[1:], kw, 0, "group")
			if err != nil {
				return vm.Undef, err
			}
			m := self(args)
			g := 0
			if !a[0].IsUndef() {
				if g, err = m.groupIndex(t, a[0]); err != nil {
					return vm.Undef, err
				}
			}
			s, e := m.spans[2*g], m.spans[2*g+1]
			switch which {
			case 0:
				return vm.Int(int64(s)), nil
			case 1:
				return vm.Int(int64(e)), nil
			}
			return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(int64(s)), vm.Int(int64(e))})), nil
		})
	}
	pos("start", 0)
	pos("end", 1)
	pos("span", 2)
	meth("expand", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("expand", args[1:], kw, 1, "template")
		if err != nil {
			return vm.Undef, err
		}
		m := self(args)
		rt, ok := newReText(a[0])
		if !ok || rt.isBytes != m.pat.isBytes {
			return vm.Undef, vm.Errorf(vm.TypeError, "expected str instance, %s found", a[0].TypeName())
		}
		tmpl, err := m.pat.parseTemplate(t, rt)
		if err != nil {
			return vm.Undef, err
		}
		return tmpl.expand(m.txt, m.spans), nil
	})
	meth("__copy__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return args[0], nil })
	meth("__deepcopy__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return args[0], nil })
	prop := reMatchType.AddProperty
	prop("string", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return self(args).txt.val, nil })
	prop("re", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return vm.Obj(self(args).pat), nil })
	prop("pos", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(self(args).pos)), nil
	})
	prop("endpos", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(self(args).end)), nil
	})
	prop("lastindex", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if g := self(args).lastIndex(); g > 0 {
			return vm.Int(int64(g)), nil
		}
		return vm.None, nil
	})
	prop("lastgroup", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		m := self(args)
		if g := m.lastIndex(); g > 0 && m.pat.names[g] != "" {
			return vm.Str(m.pat.names[g]), nil
		}
		return vm.None, nil
	})
	prop("regs", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		m := self(args)
		out := make([]vm.Value, len(m.spans)/2)
		for g := range out {
			out[g] = vm.Obj(vm.NewTuple([]vm.Value{vm.Int(int64(m.spans[2*g])), vm.Int(int64(m.spans[2*g+1]))}))
		}
		return vm.Obj(vm.NewTuple(out)), nil
	})
}

// reTemplate is a parsed replacement: literal pieces and group references.
type reTemplate struct {
	parts []reTmplPart
}

type reTmplPart struct {
	lit   []rune // code points (bytes templates: one per byte)
	str   string // lit as UTF-8
	group int    // -1 for a literal
}

// parseTemplate reads a replacement string as CPython's parse_template does.
func (p *rePattern) parseTemplate(t *vm.Thread, rt *reText) (*reTemplate, error) {
	src := []rune(rt.s)
	tmpl := &reTemplate{}
	var lit []rune
	flush := func() {
		if len(lit) > 0 {
			tmpl.parts = append(tmpl.parts, reTmplPart{lit: lit, str: string(lit), group: -1})
			lit = nil
		}
	}
	fail := func(msg string, pos int) error { return reNewError(t, msg, rt.val, pos) }
	groups := p.prog.tr.groups
	addGroup := func(g, pos int) error {
		if g > groups {
			return fail(fmt.Sprintf("invalid group reference %d", g), pos)
		}
		flush()
		tmpl.parts = append(tmpl.parts, reTmplPart{group: g})
		return nil
	}
	isOct := func(i int) bool { return i < len(src) && src[i] >= '0' && src[i] <= '7' }
	isDig := func(i int) bool { return i < len(src) && src[i] >= '0' && src[i] <= '9' }
	for i := 0; i < len(src); {
		c := src[i]
		if c != '\\' {
			lit = append(lit, c)
			i++
			continue
		}
		start := i
		if i+1 >= len(src) {
			return nil, fail("bad escape (end of pattern)", start)
		}
		e := src[i+1]
		i += 2
		switch {
		case e == 'g':
			if i >= len(src) || src[i] != '<' {
				return nil, fail("missing <", i)
			}
			i++
			nameStart := i
			for i < len(src) && src[i] != '>' {
				i++
			}
			if i >= len(src) {
				return nil, fail("missing >, unterminated name", nameStart)
			}
			name := string(src[nameStart:i])
			i++
			if name == "" {
				return nil, fail("missing group name", nameStart)
			}
			var g int
			if reIsIdentifier(name) {
				found := false
				for k, n := range p.names {
					if n == name && n != "" {
						g, found = k, true
					}
				}
				if !found {
					return nil, vm.Errorf(vm.IndexError, "unknown group name '%s'", name)
				}
			} else {
				n, err := strconv.Atoi(name)
				if err != nil || n < 0 || strings.ContainsAny(name, "+-_ ") {
					return nil, fail(fmt.Sprintf("bad character in group name '%s'", name), nameStart)
				}
				g = n
			}
			if err := addGroup(g, nameStart); err != nil {
				return nil, err
			}
		case e == '0':
			v := rune(0)
			for k := 0; k < 2 && isOct(i); k++ {
				v = v*8 + src[i] - '0'
				i++
			}
			lit = append(lit, v&0xff)
		case e >= '1' && e <= '9':
			if isDig(i) {
				if e <= '7' && isOct(i) && isOct(i+1) {
					v := (e-'0')*64 + (src[i]-'0')*8 + (src[i+1] - '0')
					i += 2
					if v > 0o377 {
						return nil, fail(fmt.Sprintf("octal escape value %s outside of range 0-0o377", string(src[start:i])), start)
					}
					lit = append(lit, v)
					continue
				}
				i++
			}
			n, _ := strconv.Atoi(string(src[start+1 : i]))
			if err := addGroup(n, start+1); err != nil {
				return nil, err
			}
		default:
			switch e {
			case 'a':
				lit = append(lit, 7)
			case 'b':
				lit = append(lit, 8)
			case 'f':
				lit = append(lit, '\f')
			case 'n':
				lit = append(lit, '\n')
			case 'r':
				lit = append(lit, '\r')
			case 't':
				lit = append(lit, '\t')
			case 'v':
				lit = append(lit, '\v')
			case '\\':
				lit = append(lit, '\\')
			default:
				if e < 128 && ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
					return nil, fail(fmt.Sprintf("bad escape \\%c", e), start)
				}
				lit = append(lit, '\\', e)
			}
		}
	}
	flush()
	return tmpl, nil
}

// expandTo writes the template filled in for one match (unmatched groups
// give "") as one piece.
func (tm *reTemplate) expandTo(j *reJoin, txt *reText, spans []int) {
	j.n++
	if j.bad != nil {
		return
	}
	for i := range tm.parts {
		part := &tm.parts[i]
		switch {
		case part.group < 0:
			if txt.isBytes {
				for _, c := range part.lit {
					j.buf = append(j.buf, byte(c))
				}
			} else {
				j.buf = append(j.buf, part.str...)
			}
		case spans[2*part.group] < 0:
		case txt.isBytes:
			j.buf = append(j.buf, txt.raw[spans[2*part.group]:spans[2*part.group+1]]...)
		default:
			j.buf = append(j.buf, txt.s[txt.byteOf(spans[2*part.group]):txt.byteOf(spans[2*part.group+1])]...)
		}
	}
}

// expand is the template filled in for one match, as a str or bytes.
func (tm *reTemplate) expand(txt *reText, spans []int) vm.Value {
	j := reJoin{isBytes: txt.isBytes}
	tm.expandTo(&j, txt, spans)
	if txt.isBytes {
		return vm.Obj(vm.NewBytes(j.buf))
	}
	return vm.Str(string(j.buf))
}
