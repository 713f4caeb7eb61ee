package stdlib

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/asylang/asy/vm"
)

// _logging: the hot steps of logging in Go (the module itself is
// stdlib/pylib/logging.py).
//
// percent_format(fmt, record, defaults) is PercentStyle's
// `fmt % (defaults | record.__dict__)`. Asking an instance for its
// __dict__ switches it to dict storage, and building a mapping costs more
// than the formatting, so a format is compiled once into its literal text
// and fields, each field's value is read straight from the record's own
// attributes (then the defaults) and the common conversions (%s, %d, %r
// with a width and "-") are done here; any other conversion is the
// one-value format `"%<spec>" % (value,)`, which is what `%` does with
// that field. Formats this compiler does not take apart (a field without
// a key, `*` widths, a trailing `%`, unbalanced parentheses) go through
// `%` with the whole mapping, so they fail exactly as `%` fails.

type logFormats struct {
	compiled map[string]*pctFormat
}

// pctField is one %(key)spec field and the literal text before it.
type pctField struct {
	lit   string
	key   string
	spec  string // the text after the key: flags, width, precision, conversion
	conv  byte
	left  bool // "-": pad on the right
	width int
	prec  int  // -1: none
	plain bool // flags are at most "-": %s, %d and %r are done here
}

type pctFormat struct {
	fields []pctField
	tail   string
	whole  bool     // apply `%` to the whole mapping
	names  []string // whole: the keys the format names (nil: all of them)
}

func init() {
	register("_logging", func(it *vm.Interp) (*vm.Module, error) {
		m := vm.NewModule("_logging", "")
		lf := &logFormats{compiled: map[string]*pctFormat{}}
		m.Set("percent_format", vm.NewBuiltin("percent_format", lf.percentFormat))
		return m, nil
	})
}

// compilePercent takes a %-format apart; on anything unusual it returns
// a format applied whole.
func compilePercent(f string) *pctFormat {
	p := &pctFormat{}
	var lit strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			lit.WriteByte(c)
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			lit.WriteByte('%')
			i++
			continue
		}
		if i+1 >= len(f) || f[i+1] != '(' {
			return wholeFormat(f)
		}
		j := keyEnd(f, i+2)
		if j < 0 {
			return wholeFormat(f)
		}
		fd := pctField{lit: lit.String(), key: f[i+2 : j-1], prec: -1, plain: true}
		lit.Reset()
		k := j
		for k < len(f) && strings.IndexByte("-+ #0", f[k]) >= 0 {
			if f[k] == '-' {
				fd.left = true
			} else {
				fd.plain = false
			}
			k++
		}
		w := k
		for k < len(f) && f[k] >= '0' && f[k] <= '9' {
			k++
		}
		if k-w > 6 || k < len(f) && f[k] == '*' {
			return wholeFormat(f)
		}
		fd.width, _ = strconv.Atoi(f[w:k])
		if k < len(f) && f[k] == '.' {
			k++
			pp := k
			for k < len(f) && f[k] >= '0' && f[k] <= '9' {
				k++
			}
			if k-pp > 6 || k < len(f) && f[k] == '*' {
				return wholeFormat(f)
			}
			fd.prec, _ = strconv.Atoi(f[pp:k])
		}
		for k < len(f) && (f[k] == 'l' || f[k] == 'h' || f[k] == 'L') {
			k++
		}
		if k >= len(f) || strings.IndexByte("diouxXeEfFgGcrsa", f[k]) < 0 {
			return wholeFormat(f)
		}
		fd.conv = f[k]
		fd.spec = f[j : k+1]
		p.fields = append(p.fields, fd)
		i = k
	}
	p.tail = lit.String()
	return p
}

// keyEnd returns the index just past the ')' that closes a "%(" key whose
// text starts at f[start] (parentheses nest, as in %), or -1 when none does.
func keyEnd(f string, start int) int {
	depth := 1
	for j := start; j < len(f); j++ {
		switch f[j] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}

// wholeFormat is a format `%` applies to the whole mapping; names lists
// the keys it uses when they can be told (a keyless conversion formats
// the mapping itself, which then must be complete).
func wholeFormat(f string) *pctFormat {
	p := &pctFormat{whole: true}
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		if i >= len(f) {
			break
		}
		if f[i] == '%' {
			continue
		}
		if f[i] != '(' {
			return p
		}
		j := keyEnd(f, i+1)
		if j < 0 {
			return p
		}
		p.names = append(p.names, f[i+1:j-1])
		i = j - 1
	}
	if p.names == nil {
		p.names = []string{}
	}
	return p
}

// percentFormat is percent_format(fmt, record, defaults).
func (lf *logFormats) percentFormat(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("percent_format", args, 3); err != nil {
		return vm.Undef, err
	}
	fv, rec, defaults := args[0], args[1], args[2]
	f, isStr := fv.StrOf()
	if !isStr {
		return vm.Undef, vm.NewError(vm.TypeError, "percent_format needs a str format")
	}
	var defs *vm.Dict
	if !defaults.IsNone() {
		if d, ok := defaults.AsObj().(*vm.Dict); ok {
			defs = d
		} else {
			defs = vm.NewDict()
			if err := t.DictUpdate(defs, defaults); err != nil {
				return vm.Undef, err
			}
		}
	}
	inst, isInst := rec.AsObj().(*vm.Instance)
	if !isInst {
		// Not a script object: its __dict__, as CPython reads it.
		d, err := t.GetAttr(rec, "__dict__")
		if err != nil {
			return vm.Undef, err
		}
		if defs != nil {
			m := vm.NewDict()
			if err := t.DictUpdate(m, vm.Obj(defs)); err != nil {
				return vm.Undef, err
			}
			if err := t.DictUpdate(m, d); err != nil {
				return vm.Undef, err
			}
			d = vm.Obj(m)
		}
		return t.BinaryOp("%", fv, d)
	}
	p := lf.compiled[f]
	if p == nil {
		p = compilePercent(f)
		if len(lf.compiled) < 256 {
			lf.compiled[f] = p
		}
	}
	if p.whole {
		return wholePercent(t, fv, p, inst, defs)
	}
	var b strings.Builder
	for i := range p.fields {
		fd := &p.fields[i]
		b.WriteString(fd.lit)
		v, ok := inst.Attr(fd.key)
		if !ok && defs != nil {
			v, ok = defs.GetStr(fd.key)
		}
		if !ok {
			return vm.Undef, vm.NewException(vm.KeyError, vm.Str(fd.key))
		}
		if err := fd.write(t, &b, v); err != nil {
			return vm.Undef, err
		}
	}
	b.WriteString(p.tail)
	return vm.Str(b.String()), nil
}

// write formats one field's value onto b.
func (fd *pctField) write(t *vm.Thread, b *strings.Builder, v vm.Value) error {
	var s string
	switch {
	case fd.plain && fd.conv == 's':
		if str, ok := v.StrOf(); ok && v.Class() == vm.StrType {
			s = str
		} else if v.IsInt() {
			s = strconv.FormatInt(v.AsInt(), 10)
		} else {
			var err error
			if s, err = t.StrOf(v); err != nil {
				return err
			}
		}
		if fd.prec >= 0 && utf8.RuneCountInString(s) > fd.prec {
			s = string([]rune(s)[:fd.prec])
		}
	case fd.plain && fd.conv == 'r':
		var err error
		if s, err = t.Repr(v); err != nil {
			return err
		}
		if fd.prec >= 0 && utf8.RuneCountInString(s) > fd.prec {
			s = string([]rune(s)[:fd.prec])
		}
	case fd.plain && fd.prec < 0 && (fd.conv == 'd' || fd.conv == 'i') && v.IsInt():
		s = strconv.FormatInt(v.AsInt(), 10)
	default:
		// What `%` does with this one field.
		out, err := t.BinaryOp("%", vm.Str("%"+fd.spec), vm.Obj(vm.NewTuple([]vm.Value{v})))
		if err != nil {
			return err
		}
		s, _ = out.StrOf()
		b.WriteString(s)
		return nil
	}
	if fd.width == 0 {
		b.WriteString(s)
		return nil
	}
	n := utf8.RuneCountInString(s)
	if !fd.left {
		padSpaces(b, fd.width-n)
	}
	b.WriteString(s)
	if fd.left {
		padSpaces(b, fd.width-n)
	}
	return nil
}

func padSpaces(b *strings.Builder, n int) {
	const spaces = "                                "
	for n > 0 {
		k := min(n, len(spaces))
		b.WriteString(spaces[:k])
		n -= k
	}
}

// wholePercent applies the format to a mapping of the record's fields
// (all of them when the format may use the mapping itself).
func wholePercent(t *vm.Thread, fv vm.Value, p *pctFormat, inst *vm.Instance, defs *vm.Dict) (vm.Value, error) {
	m := vm.NewDict()
	if p.names == nil {
		if defs != nil {
			if err := t.DictUpdate(m, vm.Obj(defs)); err != nil {
				return vm.Undef, err
			}
		}
		inst.EachAttr(func(k string, v vm.Value) { m.SetStr(k, v) })
	} else {
		for _, k := range p.names {
			if v, ok := inst.Attr(k); ok {
				m.SetStr(k, v)
			} else if defs != nil {
				if v, ok := defs.GetStr(k); ok {
					m.SetStr(k, v)
				}
			}
		}
	}
	return t.BinaryOp("%", fv, vm.Obj(m))
}
