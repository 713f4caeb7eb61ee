package vm

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unsafe"
)

// strPercent is `format % args` for str.
func strPercent(t *Thread, format *StrObj, args Value) (Value, error) {
	// Formatted into a stack buffer, then copied once into the str (one
	// allocation for a short result).
	var scratch [128]byte
	b, err := appendPercent(t, scratch[:0], format.s, args, false)
	if err != nil {
		return Undef, err
	}
	return Obj(NewStrBytes(b, false)), nil
}

// bytesPercent is `format % args` for bytes.
func bytesPercent(t *Thread, format *Bytes, args Value) (Value, error) {
	s, err := percentFormat(t, string(format.b), args, true)
	if err != nil {
		return Undef, err
	}
	return Obj(NewBytes([]byte(s))), nil
}

func isTuplePayload(inst *Instance) bool {
	_, ok := inst.Payload().o.(*Tuple)
	return ok && inst.Payload().isObj()
}

func percentFormat(t *Thread, f string, args Value, isBytes bool) (string, error) {
	b, err := appendPercent(t, make([]byte, 0, len(f)+8), f, args, isBytes)
	if err != nil || len(b) == 0 {
		return "", err
	}
	return unsafe.String(&b[0], len(b)), nil
}

// appendPercent appends `f % args` to b.
func appendPercent(t *Thread, b []byte, f string, args Value, isBytes bool) ([]byte, error) {
	// As CPython: a tuple supplies one value per conversion; anything else
	// is the single value. A mapping (anything with __getitem__ but a tuple
	// or the format's own type) may serve %(key)s, whose value then stands
	// in for the arguments of that one conversion.
	cur := args
	var items []Value
	arglen, argidx := -1, -2
	if tp, ok := args.o.(*Tuple); ok {
		items, arglen, argidx = tp.items, len(tp.items), 0
	} else if inst, ok := args.o.(*Instance); ok && isTuplePayload(inst) {
		// A tuple subclass (a namedtuple) supplies the arguments too.
		items = inst.Payload().o.(*Tuple).items
		arglen, argidx = len(items), 0
	}
	var mapping Value
	if arglen < 0 && args.isObj() {
		switch o := args.o.(type) {
		case *Dict, *List, *ByteArray:
			mapping = args
		case *Bytes:
			if !isBytes {
				mapping = args
			}
		case *StrObj:
		case *Instance:
			if ok, _ := t.HasAttr(args, "__getitem__"); ok {
				if _, isStr := o.Payload().StrOf(); !isStr {
					mapping = args
				}
			}
		}
	}
	next := func() (Value, error) {
		if argidx < arglen {
			i := argidx
			argidx++
			if arglen < 0 {
				return cur, nil
			}
			return items[i], nil
		}
		return Undef, Errorf(TypeError, "not enough arguments for format string")
	}
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			// Copy the literal run up to the next '%' at once.
			j := strings.IndexByte(f[i:], '%')
			if j < 0 {
				j = len(f) - i
			}
			b = append(b, f[i:i+j]...)
			i += j - 1
			continue
		}
		start := i
		i++
		if i >= len(f) {
			return nil, Errorf(ValueError, "incomplete format")
		}
		if c := f[i]; (c == 's' || c == 'd') && argidx >= 0 && argidx < arglen {
			// %s or %d of the next tuple item, no flags: a str or an
			// inline int goes straight in (the common record formats),
			// anything else through the general path below.
			if a := items[argidx]; a.isInt() {
				b = strconv.AppendInt(b, int64(a.n), 10)
				argidx++
				continue
			} else if o, ok := a.o.(*StrObj); ok && c == 's' {
				b = append(b, o.s...)
				argidx++
				continue
			}
		}
		var arg Value
		if f[i] == '(' {
			if mapping.IsUndef() {
				return nil, Errorf(TypeError, "format requires a mapping")
			}
			depth := 1
			j := i + 1
			for j < len(f) && depth > 0 {
				if f[j] == '(' {
					depth++
				} else if f[j] == ')' {
					depth--
				}
				j++
			}
			if depth > 0 {
				return nil, Errorf(ValueError, "incomplete format key")
			}
			key := Str(f[i+1 : j-1])
			if isBytes {
				key = Obj(NewBytes([]byte(f[i+1 : j-1])))
			}
			v, err := t.GetItem(mapping, key)
			if err != nil {
				return nil, err
			}
			cur, items, arglen, argidx = v, nil, -1, -2
			i = j
		}
		sp := fmtSpec{fill: ' ', prec: -1}
		left := false
		for ; i < len(f); i++ {
			switch f[i] {
			case '-':
				left = true
				continue
			case '+':
				sp.sign = '+'
				continue
			case ' ':
				if sp.sign == 0 {
					sp.sign = ' '
				}
				continue
			case '#':
				sp.alt = true
				continue
			case '0':
				sp.zero = true
				continue
			}
			break
		}
		if i < len(f) && f[i] == '*' {
			v, err := next()
			if err != nil {
				return nil, err
			}
			if !v.isIntLike() {
				return nil, Errorf(TypeError, "* wants int")
			}
			n, err := t.AsSsize(v)
			if err != nil {
				return nil, err
			}
			if n < 0 {
				left = true
				n = -n
			}
			sp.width = int(n)
			i++
		} else {
			j := i
			for j < len(f) && isDigitByte(f[j]) {
				j++
			}
			if j > i {
				w, err := strconv.Atoi(f[i:j])
				if err != nil {
					return nil, Errorf(ValueError, "width too big")
				}
				sp.width = w
			}
			i = j
		}
		if i < len(f) && f[i] == '.' {
			i++
			if i < len(f) && f[i] == '*' {
				v, err := next()
				if err != nil {
					return nil, err
				}
				if !v.isIntLike() {
					return nil, Errorf(TypeError, "* wants int")
				}
				n, err := t.AsCInt(v)
				if err != nil {
					return nil, err
				}
				sp.prec = int(n)
				i++
			} else {
				j := i
				for j < len(f) && isDigitByte(f[j]) {
					j++
				}
				p := 0
				var err error
				if j > i {
					p, err = strconv.Atoi(f[i:j])
				}
				if err != nil || p > math.MaxInt32 {
					if isBytes {
						return nil, Errorf(ValueError, "prec too big")
					}
					return nil, Errorf(ValueError, "precision too big")
				}
				sp.prec = p
				i = j
			}
		}
		for i < len(f) && (f[i] == 'l' || f[i] == 'h' || f[i] == 'L') {
			i++
		}
		if i >= len(f) {
			return nil, Errorf(ValueError, "incomplete format")
		}
		conv := f[i]
		if conv == '%' {
			b = append(b, '%')
			continue
		}
		arg, err := next()
		if err != nil {
			return nil, err
		}
		if plain := !left && sp.sign == 0 && !sp.alt && !sp.zero && sp.width == 0 && sp.prec < 0; plain {
			// The common conversions with no flags: straight into the buffer.
			switch conv {
			case 's':
				if o, ok := arg.o.(*StrObj); ok {
					b = append(b, o.s...)
					continue
				}
				if arg.isInt() {
					b = strconv.AppendInt(b, int64(arg.n), 10)
					continue
				}
			case 'd', 'i', 'u':
				if arg.isInt() {
					b = strconv.AppendInt(b, int64(arg.n), 10)
					continue
				}
			}
		}
		if left {
			sp.align = '<'
		} else if sp.zero && strings.IndexByte("diouxXeEfFgG", conv) >= 0 {
			sp.fill, sp.align = '0', '='
		} else {
			sp.align = '>'
		}
		var out string
		switch conv {
		case 's', 'r', 'a', 'b':
			var s string
			var err error
			switch conv {
			case 's', 'b':
				if bs, ok := arg.o.(*Bytes); ok && isBytes && arg.isObj() {
					s = string(bs.b)
				} else {
					s, err = t.StrOf(arg)
				}
			case 'r':
				s, err = t.Repr(arg)
			case 'a':
				s, err = t.Repr(arg)
				s = asciiEscape(s)
			}
			if err != nil {
				return nil, err
			}
			if sp.prec >= 0 && RuneCount(s) > sp.prec {
				s = RunesString(Runes(s)[:sp.prec])
			}
			out, err = pad("", s, fmtSpec{fill: ' ', width: sp.width, align: sp.align}, '>')
			if err != nil {
				return nil, err
			}
		case 'd', 'i', 'u', 'o', 'x', 'X':
			var n *big.Int
			switch {
			case arg.isIntLike():
				n = arg.bigOf()
			case arg.isFloat() && strings.IndexByte("diu", conv) >= 0:
				v, err := FloatToInt(arg.AsFloat())
				if err != nil {
					return nil, err
				}
				n = v.bigOf()
			default:
				if arg.isObj() {
					if _, ok := arg.o.(*Instance); ok || dunderNative(arg) {
						if v, err := t.toInt(arg); err == nil {
							n = v.bigOf()
						}
					}
				}
				if n == nil {
					if strings.IndexByte("diu", conv) >= 0 {
						return nil, Errorf(TypeError, "%%%c format: a real number is required, not %s", conv, arg.TypeName())
					}
					return nil, Errorf(TypeError, "%%%c format: an integer is required, not %s", conv, arg.TypeName())
				}
			}
			neg := n.Sign() < 0
			abs := new(big.Int).Abs(n)
			var digits, prefix string
			switch conv {
			case 'o':
				digits, prefix = abs.Text(8), "0o"
			case 'x':
				digits, prefix = abs.Text(16), "0x"
			case 'X':
				digits, prefix = strings.ToUpper(abs.Text(16)), "0X"
			default:
				if err := checkIntStr(abs, t.IntMaxStrDigits()); err != nil {
					return nil, err
				}
				digits = abs.String()
			}
			if !sp.alt {
				prefix = ""
			}
			if sp.prec > len(digits) {
				if err := CheckAlloc(int64(sp.prec), 1); err != nil {
					return nil, err
				}
				digits = strings.Repeat("0", sp.prec-len(digits)) + digits
			}
			var err error
			if out, err = pad(signOf(neg, sp)+prefix, digits, sp, '>'); err != nil {
				return nil, err
			}
		case 'e', 'E', 'f', 'F', 'g', 'G':
			fv, err := toFloat(arg)
			if err != nil {
				if arg.isObj() {
					if _, ok := arg.o.(*Instance); ok || dunderNative(arg) {
						r, err2 := t.Call(Obj(FloatType), []Value{arg}, nil)
						if err2 == nil {
							fv = r.AsFloat()
							err = nil
						}
					}
				}
				if err != nil {
					return nil, Errorf(TypeError, "must be real number, not %s", arg.TypeName())
				}
			}
			sp.typ = conv
			s, err := formatFloatParsed(fv, sp, "float")
			if err != nil {
				return nil, err
			}
			out = s
		case 'c':
			if s, ok := arg.StrOf(); ok {
				if RuneCount(s) != 1 {
					return nil, Errorf(TypeError, "%%c requires int or char")
				}
				var err error
				if out, err = pad("", s, fmtSpec{fill: ' ', width: sp.width, align: sp.align}, '>'); err != nil {
					return nil, err
				}
			} else if arg.isIntLike() {
				n := arg.AsInt()
				if n < 0 || n > 0x10ffff {
					return nil, Errorf(OverflowError, "%%c arg not in range(0x110000)")
				}
				var err error
				if out, err = pad("", RuneString(rune(n)), fmtSpec{fill: ' ', width: sp.width, align: sp.align}, '>'); err != nil {
					return nil, err
				}
			} else {
				return nil, Errorf(TypeError, "%%c requires int or char")
			}
		default:
			return nil, Errorf(ValueError, "unsupported format character '%c' (0x%x) at index %d", conv, conv, i)
		}
		_ = start
		b = append(b, out...)
	}
	if argidx < arglen && mapping.IsUndef() {
		return nil, Errorf(TypeError, "not all arguments converted during %s formatting", map[bool]string{false: "string", true: "bytes"}[isBytes])
	}
	return b, nil
}

var _ = fmt.Sprint
