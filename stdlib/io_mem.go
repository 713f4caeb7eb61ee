package stdlib

import (
	"bytes"
	"strings"

	"github.com/asylang/asy/vm"
)

// StringIO and BytesIO: files in memory. StringIO positions count
// characters, so its text is kept as runes; text written at the end is
// first gathered as UTF-8 in acc (what logging and print do, many small
// writes and one getvalue), and becomes runes when anything else is asked.

type stringIO struct {
	buf    []rune
	acc    []byte // text after buf, not yet runes
	accN   int    // characters in acc
	pos    int
	closed bool
	// newline as given: translate (None) turns \r\n and \r into \n on
	// write; "" and None split lines at any ending; "\r" and "\r\n" are
	// written for \n.
	translate bool
	newline   string
}

func (*stringIO) Class() *vm.Class { return stringIOType }

func newStringIO(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("StringIO", args, kw, 0, "initial_value", "newline")
	if err != nil {
		return vm.Undef, err
	}
	s := &stringIO{newline: "\n"}
	if !a[1].IsUndef() {
		if a[1].IsNone() {
			s.translate, s.newline = true, ""
		} else {
			nl, ok := a[1].StrOf()
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "newline must be str or None, not %s", a[1].TypeName())
			}
			if nl != "" && nl != "\n" && nl != "\r" && nl != "\r\n" {
				return vm.Undef, vm.Errorf(vm.ValueError, "illegal newline value: %s", vm.QuoteStr(nl))
			}
			s.newline = nl
		}
	}
	if !a[0].IsUndef() && !a[0].IsNone() {
		init, ok := a[0].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "initial_value must be str or None, not %s", a[0].TypeName())
		}
		s.write(init)
		s.pos = 0
	}
	return vm.Obj(s), nil
}

// runes is the whole text as runes, taking in what acc gathered.
func (s *stringIO) runes() []rune {
	if len(s.acc) > 0 {
		s.buf = append(s.buf, vm.Runes(string(s.acc))...)
		s.acc, s.accN = s.acc[:0], 0
	}
	return s.buf
}

// size is the text's length in characters.
func (s *stringIO) size() int { return len(s.buf) + s.accN }

func (s *stringIO) value() string {
	if len(s.buf) == 0 {
		return string(s.acc)
	}
	return vm.RunesString(s.runes())
}

func (s *stringIO) write(str string) int {
	n := runeLen(str)
	k := n
	if s.translate {
		str = translateNewlines(str)
		k = runeLen(str)
	} else if s.newline == "\r" || s.newline == "\r\n" {
		str = strings.ReplaceAll(str, "\n", s.newline)
		k = runeLen(str)
	}
	if s.pos == s.size() {
		s.acc = append(s.acc, str...)
		s.accN += k
		s.pos += k
		return n
	}
	s.runes()
	rs := vm.Runes(str)
	if s.pos > len(s.buf) {
		s.buf = append(s.buf, make([]rune, s.pos-len(s.buf))...)
	}
	if s.pos == len(s.buf) {
		s.buf = append(s.buf, rs...)
	} else {
		end := s.pos + len(rs)
		if end > len(s.buf) {
			s.buf = append(s.buf, make([]rune, end-len(s.buf))...)
		}
		copy(s.buf[s.pos:], rs)
	}
	s.pos += len(rs)
	return n
}

func (s *stringIO) read(n int) string {
	if s.pos >= s.size() {
		return ""
	}
	rest := s.runes()[s.pos:]
	if n >= 0 && n < len(rest) {
		rest = rest[:n]
	}
	s.pos += len(rest)
	return vm.RunesString(rest)
}

func (s *stringIO) readline(limit int) string {
	if s.pos >= s.size() {
		return ""
	}
	rest := s.runes()[s.pos:]
	end := len(rest)
	for i, r := range rest {
		switch {
		case r == '\n' && s.newline != "\r" && (s.newline != "\r\n" || (i > 0 && rest[i-1] == '\r')):
			end = i + 1
		case r == '\r' && s.newline == "\r":
			end = i + 1
		case r == '\r' && s.newline == "" && !s.translate:
			end = i + 1
			if i+1 < len(rest) && rest[i+1] == '\n' {
				end = i + 2
			}
		default:
			continue
		}
		break
	}
	if limit >= 0 && limit < end {
		end = limit
	}
	s.pos += end
	return vm.RunesString(rest[:end])
}

type bytesIO struct {
	buf    []byte
	pos    int
	closed bool
}

func (*bytesIO) Class() *vm.Class { return bytesIOType }

func newBytesIO(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("BytesIO", args, kw, 0, "initial_bytes")
	if err != nil {
		return vm.Undef, err
	}
	b := &bytesIO{}
	if !a[0].IsUndef() && !a[0].IsNone() {
		data, err := bytesArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		b.buf = append([]byte(nil), data...)
	}
	return vm.Obj(b), nil
}

func (b *bytesIO) write(p []byte) {
	if b.pos > len(b.buf) {
		b.buf = append(b.buf, make([]byte, b.pos-len(b.buf))...)
	}
	if end := b.pos + len(p); end > len(b.buf) {
		b.buf = append(b.buf[:b.pos], p...)
	} else {
		copy(b.buf[b.pos:], p)
	}
	b.pos += len(p)
}

func (b *bytesIO) read(n int) []byte {
	if b.pos >= len(b.buf) {
		return []byte{}
	}
	rest := b.buf[b.pos:]
	if n >= 0 && n < len(rest) {
		rest = rest[:n]
	}
	b.pos += len(rest)
	return append([]byte(nil), rest...)
}

func (b *bytesIO) readline(limit int) []byte {
	if b.pos >= len(b.buf) {
		return []byte{}
	}
	rest := b.buf[b.pos:]
	end := len(rest)
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		end = i + 1
	}
	if limit >= 0 && limit < end {
		end = limit
	}
	b.pos += end
	return append([]byte(nil), rest[:end]...)
}

// Iteration yields lines.
func (s *stringIO) Next(t *vm.Thread) (vm.Value, bool, error) {
	if s.closed {
		return vm.Undef, false, vm.Errorf(vm.ValueError, "I/O operation on closed file")
	}
	line := s.readline(-1)
	return vm.Str(line), line != "", nil
}

func (b *bytesIO) Next(t *vm.Thread) (vm.Value, bool, error) {
	if b.closed {
		return vm.Undef, false, vm.Errorf(vm.ValueError, "I/O operation on closed file.")
	}
	line := b.readline(-1)
	return vm.Obj(vm.NewBytes(line)), len(line) > 0, nil
}

// memClosed is the error of an operation on a closed StringIO/BytesIO:
// CPython's StringIO mostly omits the final period, BytesIO never does.
func memClosed(text, period bool) error {
	if text && !period {
		return vm.Errorf(vm.ValueError, "I/O operation on closed file")
	}
	return vm.Errorf(vm.ValueError, "I/O operation on closed file.")
}

// memSeek computes a new position: StringIO allows only zero offsets from
// the current position or the end; BytesIO any.
func memSeek(t *vm.Thread, text bool, args []vm.Value, kw []vm.KV, pos, size int) (int, error) {
	a, err := vm.UnpackArgs("seek", args, kw, 1, "pos", "whence")
	if err != nil {
		return 0, err
	}
	off, err := t.AsInt64(a[0])
	if err != nil {
		return 0, err
	}
	whence := int64(0)
	if !a[1].IsUndef() {
		if whence, err = t.AsInt64(a[1]); err != nil {
			return 0, err
		}
	}
	if text {
		switch {
		case whence < 0 || whence > 2:
			return 0, vm.Errorf(vm.ValueError, "Invalid whence (%d, should be 0, 1 or 2)", whence)
		case whence == 0 && off < 0:
			return 0, vm.Errorf(vm.ValueError, "Negative seek position %d", off)
		case whence != 0 && off != 0:
			return 0, vm.Errorf(vm.OSError, "Can't do nonzero cur-relative seeks")
		}
	} else if whence < 0 || whence > 2 {
		return 0, vm.Errorf(vm.ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence)
	}
	switch whence {
	case 1:
		off += int64(pos)
	case 2:
		off += int64(size)
	}
	if off < 0 {
		if whence == 0 {
			return 0, vm.Errorf(vm.ValueError, "negative seek value %d", off)
		}
		off = 0
	}
	return int(off), nil
}

// memNoArgs: the methods of StringIO and BytesIO that take no arguments.
var memNoArgs = map[string]bool{
	"getvalue": true, "tell": true, "seekable": true, "readable": true, "writable": true,
	"isatty": true, "flush": true, "close": true, "fileno": true, "__enter__": true,
	"getbuffer": true, "detach": true,
}

func initMemMethods() {
	sio := func(name string, period bool, fn func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		stringIOType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			s, ok := args[0].AsObj().(*stringIO)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "descriptor '%s' requires a '_io.StringIO' object but received a '%s'", name, args[0].TypeName())
			}
			if memNoArgs[name] && (len(args) > 1 || len(kw) > 0) {
				if err := vm.NoKwargs("StringIO."+name, kw); err != nil {
					return vm.Undef, err
				}
				return vm.Undef, vm.MethodArgs("StringIO", name, args[1:], 0, 0)
			}
			if s.closed && name != "close" && name != "__exit__" && name != "flush" {
				return vm.Undef, memClosed(true, period)
			}
			return fn(t, s, args[1:], kw)
		})
	}
	bio := func(name string, fn func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		bytesIOType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			b, ok := args[0].AsObj().(*bytesIO)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "descriptor '%s' requires a '_io.BytesIO' object but received a '%s'", name, args[0].TypeName())
			}
			if memNoArgs[name] && (len(args) > 1 || len(kw) > 0) {
				if err := vm.NoKwargs("BytesIO."+name, kw); err != nil {
					return vm.Undef, err
				}
				return vm.Undef, vm.MethodArgs("BytesIO", name, args[1:], 0, 0)
			}
			if b.closed && name != "close" && name != "__exit__" && name != "__iter__" {
				return vm.Undef, memClosed(false, true)
			}
			return fn(t, b, args[1:], kw)
		})
	}
	sizeOf := func(t *vm.Thread, name string, args []vm.Value, kw []vm.KV) (int, error) {
		a, err := vm.UnpackArgs(name, args, kw, 0, "size")
		if err != nil {
			return 0, err
		}
		return sizeArg(t, a[0])
	}

	// StringIO.
	sio("getvalue", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Str(s.value()), nil
	})
	sio("write", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("write", args, 1); err != nil {
			return vm.Undef, err
		}
		str, ok := args[0].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "string argument expected, got '%s'", args[0].TypeName())
		}
		return vm.Int(int64(s.write(str))), nil
	})
	sio("writelines", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("writelines", args, 1); err != nil {
			return vm.Undef, err
		}
		return vm.None, t.Iterate(args[0], func(v vm.Value) error {
			str, ok := v.StrOf()
			if !ok {
				return vm.Errorf(vm.TypeError, "string argument expected, got '%s'", v.TypeName())
			}
			s.write(str)
			return nil
		})
	})
	sio("read", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		n, err := sizeOf(t, "read", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Str(s.read(n)), nil
	})
	sio("readline", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		n, err := sizeOf(t, "readline", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Str(s.readline(n)), nil
	})
	sio("readlines", true, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		hint, err := sizeOf(t, "readlines", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		var out []vm.Value
		total := 0
		for {
			line := s.readline(-1)
			if line == "" {
				break
			}
			out = append(out, vm.Str(line))
			total += runeLen(line)
			if hint > 0 && total > hint {
				break
			}
		}
		return vm.Obj(vm.NewList(out)), nil
	})
	sio("seek", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		pos, err := memSeek(t, true, args, kw, s.pos, s.size())
		if err != nil {
			return vm.Undef, err
		}
		s.pos = pos
		return vm.Int(int64(pos)), nil
	})
	sio("tell", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(s.pos)), nil
	})
	sio("truncate", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("truncate", args, kw, 0, "pos")
		if err != nil {
			return vm.Undef, err
		}
		size, err := truncateSize(t, a[0], s.pos, "Negative size value %d")
		if err != nil {
			return vm.Undef, err
		}
		if size < s.size() {
			s.buf = s.runes()[:size]
		}
		return vm.Int(int64(size)), nil
	})
	sio("close", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s.closed = true
		return vm.None, nil
	})
	sio("flush", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, nil
	})
	for _, name := range []string{"readable", "writable", "seekable"} {
		sio(name, false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return vm.True, nil
		})
	}
	sio("isatty", true, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.False, nil
	})
	sio("__enter__", true, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(s), nil
	})
	sio("__exit__", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s.closed = true
		return vm.None, nil
	})
	sio("__iter__", true, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(s), nil
	})
	sio("__next__", false, func(t *vm.Thread, s *stringIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		v, ok, err := s.Next(t)
		if err == nil && !ok {
			err = vm.NewException(vm.StopIteration)
		}
		return v, err
	})
	stringIOType.AddMethod("fileno", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Undef, vm.NewException(unsupportedOperation, vm.Str("fileno"))
	})
	stringIOType.AddProperty("closed", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(args[0].AsObj().(*stringIO).closed), nil
	})
	stringIOType.AddProperty("line_buffering", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.False, nil
	})
	stringIOType.AddProperty("newlines", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, nil
	})

	// BytesIO.
	bio("getvalue", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(vm.NewBytes(append([]byte(nil), b.buf...))), nil
	})
	bio("write", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("write", args, 1); err != nil {
			return vm.Undef, err
		}
		p, err := bytesArg(args[0])
		if err != nil {
			return vm.Undef, err
		}
		b.write(p)
		return vm.Int(int64(len(p))), nil
	})
	bio("writelines", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("writelines", args, 1); err != nil {
			return vm.Undef, err
		}
		return vm.None, t.Iterate(args[0], func(v vm.Value) error {
			p, err := bytesArg(v)
			if err == nil {
				b.write(p)
			}
			return err
		})
	})
	for _, name := range []string{"read", "read1"} {
		name := name
		bio(name, func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			n, err := sizeOf(t, name, args, kw)
			if err != nil {
				return vm.Undef, err
			}
			return vm.Obj(vm.NewBytes(b.read(n))), nil
		})
	}
	bio("readinto", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("readinto", args, 1); err != nil {
			return vm.Undef, err
		}
		ba, ok := args[0].AsObj().(*vm.ByteArray)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "readinto() argument must be read-write bytes-like object, not %s", args[0].TypeName())
		}
		return vm.Int(int64(copy(ba.Data(), b.read(len(ba.Data()))))), nil
	})
	bio("readline", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		n, err := sizeOf(t, "readline", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(vm.NewBytes(b.readline(n))), nil
	})
	bio("readlines", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		hint, err := sizeOf(t, "readlines", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		var out []vm.Value
		total := 0
		for {
			line := b.readline(-1)
			if len(line) == 0 {
				break
			}
			out = append(out, vm.Obj(vm.NewBytes(line)))
			total += len(line)
			if hint > 0 && total >= hint {
				break
			}
		}
		return vm.Obj(vm.NewList(out)), nil
	})
	bio("seek", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		pos, err := memSeek(t, false, args, kw, b.pos, len(b.buf))
		if err != nil {
			return vm.Undef, err
		}
		b.pos = pos
		return vm.Int(int64(pos)), nil
	})
	bio("tell", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(b.pos)), nil
	})
	bio("truncate", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("truncate", args, kw, 0, "size")
		if err != nil {
			return vm.Undef, err
		}
		size, err := truncateSize(t, a[0], b.pos, "negative size value %d")
		if err != nil {
			return vm.Undef, err
		}
		if size < len(b.buf) {
			b.buf = b.buf[:size]
		}
		return vm.Int(int64(size)), nil
	})
	bio("close", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		b.closed = true
		return vm.None, nil
	})
	bio("flush", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, nil
	})
	for _, name := range []string{"readable", "writable", "seekable"} {
		bio(name, func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return vm.True, nil
		})
	}
	bio("isatty", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.False, nil
	})
	bio("__enter__", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(b), nil
	})
	bio("__exit__", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		b.closed = true
		return vm.None, nil
	})
	bio("__iter__", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(b), nil
	})
	bio("__next__", func(t *vm.Thread, b *bytesIO, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		v, ok, err := b.Next(t)
		if err == nil && !ok {
			err = vm.NewException(vm.StopIteration)
		}
		return v, err
	})
	bytesIOType.AddMethod("fileno", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Undef, vm.NewException(unsupportedOperation, vm.Str("fileno"))
	})
	bytesIOType.AddProperty("closed", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(args[0].AsObj().(*bytesIO).closed), nil
	})
}

// truncateSize is truncate()'s size argument: the current position when
// omitted; negMsg words the ValueError (StringIO and BytesIO differ).
func truncateSize(t *vm.Thread, arg vm.Value, pos int, negMsg string) (int, error) {
	if arg.IsUndef() || arg.IsNone() {
		return pos, nil
	}
	n, err := t.AsInt64(arg)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, vm.Errorf(vm.ValueError, negMsg, n)
	}
	return int(n), nil
}
