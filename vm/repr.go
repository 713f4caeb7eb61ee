package vm

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Repr is repr(v).
func (t *Thread) Repr(v Value) (string, error) {
	switch v.kind() {
	case KNone:
		return "None", nil
	case KBool:
		if v.n != 0 {
			return "True", nil
		}
		return "False", nil
	case KInt:
		return strconv.FormatInt(int64(v.n), 10), nil
	case KFloat:
		return floatRepr(v.AsFloat()), nil
	case KUndef:
		return "<undefined>", nil
	}
	switch o := v.o.(type) {
	case *StrObj:
		return QuoteStr(o.s), nil
	case *BigIntObj:
		return t.IntStr(o.v)
	case *List:
		return t.reprSeq(o, "[", "]", o.items, false)
	case *Tuple:
		return t.reprSeq(o, "(", ")", o.items, len(o.items) == 1)
	case *Dict:
		return t.reprDict(o)
	case *Set:
		if o.Len() == 0 {
			return "set()", nil
		}
		return t.reprSeq(o, "{", "}", o.Items(), false)
	case *FrozenSet:
		if o.s.Len() == 0 {
			return "frozenset()", nil
		}
		s, err := t.reprSeq(o, "{", "}", o.s.Items(), false)
		return "frozenset(" + s + ")", err
	case *Instance:
		return t.reprInstance(o, v)
	case *Class:
		if m, ok := o.metaMethod("__repr__"); ok {
			r, err := t.callBound(m, v, nil, nil)
			if err != nil {
				return "", err
			}
			s, ok := r.StrOf()
			if !ok {
				return "", Errorf(TypeError, "__repr__ returned non-string (type %s)", r.TypeName())
			}
			return s, nil
		}
		return "<class '" + o.QualName() + "'>", nil
	case *Function:
		return fmt.Sprintf("<function %s at %#x>", o.qualname, identity(o)), nil
	case *Builtin:
		if o.owner != nil {
			return fmt.Sprintf("<method '%s' of '%s' objects>", o.Name, o.owner.Name), nil
		}
		if !o.Self.IsUndef() {
			return fmt.Sprintf("<built-in method %s of %s object at %#x>", o.Name, o.Self.TypeName(), identity(o)), nil
		}
		return "<built-in function " + o.Name + ">", nil
	case *BoundMethod:
		if b, ok := o.Fn.o.(*Builtin); ok {
			return fmt.Sprintf("<built-in method %s of %s object at %#x>", b.Name, o.Self.TypeName(), identity(o.Self.o)), nil
		}
		self, err := t.Repr(o.Self)
		if err != nil {
			return "", err
		}
		name := "?"
		if f, ok := o.Fn.o.(*Function); ok {
			name = f.qualname
		}
		return "<bound method " + name + " of " + self + ">", nil
	case *Module:
		if o.File == "" {
			return "<module '" + o.Name + "' (built-in)>", nil
		}
		return "<module '" + o.Name + "' from '" + o.File + "'>", nil
	case *Range:
		return o.repr(), nil
	case *SliceObj:
		a, _ := t.Repr(o.start)
		b, _ := t.Repr(o.stop)
		c, _ := t.Repr(o.step)
		return "slice(" + a + ", " + b + ", " + c + ")", nil
	case *Bytes:
		return BytesRepr(o.b), nil
	case *ByteArray:
		return "bytearray(" + BytesRepr(o.b) + ")", nil
	case *Generator:
		return o.repr(), nil
	case *Complex:
		return complexRepr(o.v), nil
	case *DictView:
		names := [...]string{"dict_keys", "dict_values", "dict_items"}
		var items []Value
		switch o.kind {
		case 0:
			items = o.d.Keys()
		case 1:
			o.d.Items(func(k, v Value) bool { items = append(items, v); return true })
		default:
			o.d.Items(func(k, v Value) bool { items = append(items, Obj(NewTuple([]Value{k, v}))); return true })
		}
		s, err := t.reprSeq(o, "[", "]", items, false)
		return names[o.kind] + "(" + s + ")", err
	case *Property:
		return fmt.Sprintf("<property object at %#x>", identity(o)), nil
	case *Cell:
		return fmt.Sprintf("<cell at %#x>", identity(o)), nil
	case *Super:
		return "<super: <class '" + o.cls.Name + "'>, <" + o.self.TypeName() + " object>>", nil
	case ellipsisObj:
		return "Ellipsis", nil
	case notImplementedObj:
		return "NotImplemented", nil
	case Reprer:
		return o.Repr(t)
	}
	return fmt.Sprintf("<%s object at %#x>", v.Class().QualName(), identity(v.o)), nil
}

// Reprer is implemented by Go objects with their own repr.
type Reprer interface {
	Repr(t *Thread) (string, error)
}

// Stringer is implemented by Go objects whose str differs from repr.
type Stringer interface {
	Str(t *Thread) (string, error)
}

func (t *Thread) enterRepr(o Object) bool {
	for _, x := range t.reprStack {
		if x == o {
			return false
		}
	}
	t.reprStack = append(t.reprStack, o)
	return true
}

func (t *Thread) leaveRepr() { t.reprStack = t.reprStack[:len(t.reprStack)-1] }

// reprWhere: CPython counts every repr() of an object that may recurse as
// a level of recursion (PyObject_Repr), so deep nesting is a RecursionError.
const reprWhere = " while getting the repr of an object"

func (t *Thread) reprSeq(self Object, open, close string, items []Value, trailingComma bool) (string, error) {
	if !t.enterRepr(self) {
		return open + "..." + close, nil
	}
	defer t.leaveRepr()
	if err := t.enterRecursionWhere(reprWhere); err != nil {
		return "", err
	}
	defer t.leaveRecursion()
	var b strings.Builder
	b.WriteString(open)
	for i, x := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		if err := t.reprProgress(i, b.Len()); err != nil {
			return "", err
		}
		s, err := t.Repr(x)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	if trailingComma {
		b.WriteString(",")
	}
	b.WriteString(close)
	return b.String(), nil
}

// reprProgress keeps a repr of a huge container stoppable: every 64 items
// it polls the stop flag and step budget and refuses to grow the text past
// the allocation limit ([[0] * 10**6] * 10**6 has a repr of 3 TB).
func (t *Thread) reprProgress(i, size int) error {
	if i&63 != 0 {
		return nil
	}
	if t.interp != nil { // quickRepr's scratch thread belongs to no interpreter
		if err := t.Poll(); err != nil {
			return err
		}
	}
	return CheckAlloc(int64(size), 1)
}

func (t *Thread) reprDict(d *Dict) (string, error) {
	if !t.enterRepr(d) {
		return "{...}", nil
	}
	defer t.leaveRepr()
	if err := t.enterRecursionWhere(reprWhere); err != nil {
		return "", err
	}
	defer t.leaveRecursion()
	var b strings.Builder
	b.WriteString("{")
	first := true
	var err error
	n := 0
	d.Items(func(k, v Value) bool {
		if !first {
			b.WriteString(", ")
		}
		first = false
		if err = t.reprProgress(n, b.Len()); err != nil {
			return false
		}
		n++
		var ks, vs string
		ks, err = t.Repr(k)
		if err != nil {
			return false
		}
		vs, err = t.Repr(v)
		if err != nil {
			return false
		}
		b.WriteString(ks)
		b.WriteString(": ")
		b.WriteString(vs)
		return true
	})
	b.WriteString("}")
	return b.String(), err
}

func (t *Thread) reprInstance(o *Instance, v Value) (string, error) {
	if m, ok := o.cls.Lookup("__repr__"); ok {
		if _, builtin := m.o.(*Builtin); !builtin {
			if err := t.enterRecursionWhere(reprWhere); err != nil {
				return "", err
			}
			r, err := t.callBound(m, v, nil, nil)
			t.leaveRecursion()
			if err != nil {
				return "", err
			}
			s, ok := r.StrOf()
			if !ok {
				return "", Errorf(TypeError, "__repr__ returned non-string (type %s)", r.TypeName())
			}
			return s, nil
		}
	}
	if o.exc() != nil {
		args := o.exc().args.items
		if len(args) == 1 {
			s, err := t.Repr(args[0])
			return o.cls.Name + "(" + s + ")", err
		}
		s, err := t.reprSeq(o.exc().args, "(", ")", args, false)
		return o.cls.Name + s, err
	}
	if !o.Payload().IsUndef() {
		s, err := t.Repr(o.Payload())
		// bytearray's repr names the type it is called on (B(b'x')).
		if _, ba := o.Payload().o.(*ByteArray); ba && err == nil {
			s = o.cls.Name + strings.TrimPrefix(s, "bytearray")
		}
		// So do set's and frozenset's (S({1}), S() when empty).
		switch o.Payload().o.(type) {
		case *Set:
			if err == nil {
				if s == "set()" {
					return o.cls.Name + "()", nil
				}
				s = o.cls.Name + "(" + s + ")"
			}
		case *FrozenSet:
			if err == nil {
				s = o.cls.Name + strings.TrimPrefix(s, "frozenset")
			}
		}
		return s, err
	}
	return fmt.Sprintf("<%s object at %#x>", o.cls.QualName(), identity(o)), nil
}

// StrOf is str(v).
func (t *Thread) StrOf(v Value) (string, error) {
	if v.isObj() {
		switch o := v.o.(type) {
		case *StrObj:
			return o.s, nil
		case *Instance:
			// str() of an object is a level of recursion, as in CPython.
			if err := t.enterRecursionWhere(" while getting the str of an object"); err != nil {
				return "", err
			}
			defer t.leaveRecursion()
			if m, ok := o.cls.Lookup("__str__"); ok {
				if b, builtin := m.o.(*Builtin); !builtin || b.owner != ObjectType && b.owner != BaseException && b.owner != StrType {
					r, err := t.callBound(m, v, nil, nil)
					if err != nil {
						return "", err
					}
					s, ok := r.StrOf()
					if !ok {
						return "", Errorf(TypeError, "__str__ returned non-string (type %s)", r.TypeName())
					}
					return s, nil
				}
			}
			if o.exc() != nil {
				return t.excStr(o)
			}
			// A str subclass without its own __str__ prints as its text.
			if s, ok := o.Payload().o.(*StrObj); ok {
				return s.s, nil
			}
		case Stringer:
			return o.Str(t)
		}
	}
	return t.Repr(v)
}

// excStr is BaseException.__str__.
func (t *Thread) excStr(o *Instance) (string, error) {
	if o.cls.IsSubclass(SyntaxErrorType) {
		// "msg (file, line N)" when the location is known, as CPython.
		msg, _ := syntaxErrorAttr(o, "msg")
		file, _ := syntaxErrorAttr(o, "filename")
		line, _ := syntaxErrorAttr(o, "lineno")
		if f, ok := file.StrOf(); ok && line.isInt() {
			m, err := t.StrOf(msg)
			if err != nil {
				return "", err
			}
			return fmt.Sprintf("%s (%s, line %d)", m, f, line.AsInt()), nil
		}
	}
	if msg, ok := unicodeErrorStr(o); ok {
		return msg, nil
	}
	args := o.exc().args.items
	switch len(args) {
	case 0:
		return "", nil
	case 1:
		if o.cls.IsSubclass(KeyError) {
			return t.Repr(args[0])
		}
		return t.StrOf(args[0])
	}
	// OSError(errno, strerror[, filename[, winerror[, filename2]]]) prints
	// as "[Errno n] strerror", then ": 'filename'" and " -> 'filename2'".
	if f := o.exc().osFields(); o.cls.IsSubclass(OSError) && len(f) >= 2 && len(f) <= 5 {
		parts := make([]string, 0, 4)
		for i, v := range f {
			var s string
			var err error
			switch {
			case i < 2:
				s, err = t.StrOf(v)
			case (i == 2 || i == 4) && !v.IsNone():
				s, err = t.Repr(v)
			default:
				continue
			}
			if err != nil {
				return "", err
			}
			parts = append(parts, s)
		}
		out := "[Errno " + parts[0] + "] " + parts[1]
		if len(f) >= 3 && !f[2].IsNone() {
			out += ": " + parts[2]
			if len(parts) == 4 {
				out += " -> " + parts[3]
			}
		}
		return out, nil
	}
	return t.Repr(Obj(o.exc().args))
}

// quickRepr/quickStr format without a thread (for Go-side error strings).
func quickRepr(v Value) string {
	s, err := (&Thread{}).Repr(v)
	if err != nil {
		return "<?>"
	}
	return s
}

func quickStr(v Value) string {
	if s, ok := v.StrOf(); ok {
		return s
	}
	return quickRepr(v)
}

// floatRepr is Python's repr of a float: shortest round-trip digits, with
// exponent notation when the decimal exponent is < -4 or >= 16.
func floatRepr(f float64) string {
	var b [32]byte
	return string(appendFloatRepr(b[:0], f))
}

// appendFloatRepr appends repr(f) to dst without allocating (the digits are
// formatted in a stack buffer, then laid out).
func appendFloatRepr(dst []byte, f float64) []byte {
	switch {
	case math.IsInf(f, 1):
		return append(dst, "inf"...)
	case math.IsInf(f, -1):
		return append(dst, "-inf"...)
	case math.IsNaN(f):
		return append(dst, "nan"...)
	}
	var scratch [32]byte
	s := strconv.AppendFloat(scratch[:0], f, 'e', -1, 64)
	if s[0] == '-' {
		dst = append(dst, '-')
		s = s[1:]
	}
	// s is d[.ddd]e±XX: the digits without the point, and the exponent.
	epos := 0
	for s[epos] != 'e' {
		epos++
	}
	e := 0
	for _, c := range s[epos+2:] {
		e = e*10 + int(c-'0')
	}
	if s[epos+1] == '-' {
		e = -e
	}
	var dbuf [24]byte
	digits := append(dbuf[:0], s[0])
	if epos > 1 {
		digits = append(digits, s[2:epos]...)
	}
	switch {
	case e < -4 || e >= 16:
		dst = append(dst, digits[0])
		if len(digits) > 1 {
			dst = append(dst, '.')
			dst = append(dst, digits[1:]...)
		}
		dst = append(dst, 'e')
		if e < 0 {
			dst = append(dst, '-')
			e = -e
		} else {
			dst = append(dst, '+')
		}
		if e < 10 {
			dst = append(dst, '0')
		}
		return strconv.AppendInt(dst, int64(e), 10)
	case e < 0:
		dst = append(dst, '0', '.')
		for i := 0; i < -e-1; i++ {
			dst = append(dst, '0')
		}
		return append(dst, digits...)
	case len(digits) <= e+1:
		dst = append(dst, digits...)
		for i := 0; i < e+1-len(digits); i++ {
			dst = append(dst, '0')
		}
		return append(dst, '.', '0')
	}
	dst = append(dst, digits[:e+1]...)
	dst = append(dst, '.')
	return append(dst, digits[e+1:]...)
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// plainQuote reports whether repr(s) is s between quotes (s is printable
// ASCII without a backslash, and does not hold both quote characters), and
// which quote.
func plainQuote(s string) (string, bool) {
	single, double := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f || c == '\\':
			return "", false
		case c == '\'':
			single = true
		case c == '"':
			double = true
		}
	}
	switch {
	case !single:
		return "'", true
	case !double:
		return "\"", true
	}
	return "", false
}

// QuoteStr is Python's repr of a str.
func QuoteStr(s string) string {
	if q, ok := plainQuote(s); ok {
		// Printable ASCII needing no escape: the text between quotes,
		// built in one concatenation.
		return q + s + q
	}
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			r, size = decodeRuneWide(s[i:]) // maybe a surrogate
		}
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, "\\x%02x", s[i])
			i++
			continue
		}
		i += size
		switch {
		case r == '\\':
			b.WriteString("\\\\")
		case r == rune(quote):
			b.WriteByte('\\')
			b.WriteByte(quote)
		case r == '\n':
			b.WriteString("\\n")
		case r == '\r':
			b.WriteString("\\r")
		case r == '\t':
			b.WriteString("\\t")
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x7f:
			b.WriteRune(r)
		case isPrintable(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// isPrintable follows str.isprintable: not a control, format, surrogate,
// private-use, unassigned or separator character (except the space).
func isPrintable(r rune) bool {
	if r == ' ' {
		return true
	}
	return unicode.IsPrint(r) && !unicode.Is(unicode.Cf, r)
}

// BytesRepr is Python's repr of bytes.
func BytesRepr(bs []byte) string {
	quote := byte('\'')
	hasSingle, hasDouble := false, false
	for _, c := range bs {
		if c == '\'' {
			hasSingle = true
		} else if c == '"' {
			hasDouble = true
		}
	}
	if hasSingle && !hasDouble {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(quote)
	for _, c := range bs {
		switch {
		case c == '\\':
			b.WriteString("\\\\")
		case c == quote:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString("\\n")
		case c == '\r':
			b.WriteString("\\r")
		case c == '\t':
			b.WriteString("\\t")
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "\\x%02x", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}
