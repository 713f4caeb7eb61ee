package stdlib

import (
	"fmt"
	"io"
	"syscall"
	"unsafe"

	"github.com/asylang/asy/vm"
)

// fileObj is what open() returns: a TextIOWrapper, BufferedReader,
// BufferedWriter, BufferedRandom or FileIO (cls), over its core.
type fileObj struct {
	*fileCore
	cls     *vm.Class
	name    vm.Value
	modeStr string // the mode given to open (TextIOWrapper.mode)
	rawMode string // FileIO's normalized mode (binary files' mode)
	encName string // the encoding as named to open (TextIOWrapper.encoding)
}

func (f *fileObj) Class() *vm.Class { return f.cls }

func (f *fileObj) Repr(t *vm.Thread) (string, error) {
	name, err := t.Repr(f.name)
	if err != nil {
		return "", err
	}
	switch f.cls {
	case textIOWrapperType:
		enc, _ := t.Repr(vm.Str(f.encodingName()))
		mode, _ := t.Repr(vm.Str(f.modeStr))
		return fmt.Sprintf("<_io.TextIOWrapper name=%s mode=%s encoding=%s>", name, mode, enc), nil
	case fileIOType:
		if f.closed {
			return "<_io.FileIO [closed]>", nil
		}
		closefd := "False"
		if f.closefd {
			closefd = "True"
		}
		return fmt.Sprintf("<_io.FileIO name=%s mode='%s' closefd=%s>", name, f.rawMode, closefd), nil
	}
	return fmt.Sprintf("<_io.%s name=%s>", f.cls.Name, name), nil
}

// encName is kept on the object: the attribute shows the name as given.
func (f *fileObj) encodingName() string { return f.encName }

// Iteration: a file is its own iterator, yielding lines.
func (f *fileObj) Next(t *vm.Thread) (vm.Value, bool, error) {
	f.lock(t)
	defer f.mu.Unlock()
	if err := f.check("readline", needRead); err != nil {
		return vm.Undef, false, err
	}
	line, err := f.readLine(t, -1)
	if err != nil {
		return vm.Undef, false, err
	}
	if f.text {
		s, _ := line.StrOf()
		f.noTell = s != ""
		if s == "" {
			return vm.Undef, false, nil
		}
	} else if len(line.AsObj().(*vm.Bytes).Data()) == 0 {
		return vm.Undef, false, nil
	}
	return line, true, nil
}

func (f *fileObj) readLine(t *vm.Thread, limit int) (vm.Value, error) {
	if f.text {
		s, err := f.readLineText(t, limit)
		return vm.Str(s), err
	}
	f.eof = false
	b, err := f.readLineBytes(t, limit)
	return vm.Obj(vm.NewBytes(b)), err
}

const (
	needNone = iota
	needRead
	needWrite
)

// check raises what CPython raises for an operation on a closed file or
// one the mode does not allow; the messages depend on the class and the
// operation.
func (f *fileObj) check(op string, need int) error {
	if op == "readlines" && !f.text && f.closed {
		return vm.Errorf(vm.ValueError, "I/O operation on closed file.")
	}
	if !f.text {
		if need == needRead && !f.readable {
			name := op
			if op == "readline" || op == "readinto" || op == "readlines" {
				name = "read"
			}
			return vm.NewException(unsupportedOperation, vm.Str(name))
		}
		if need == needWrite && !f.writable {
			return vm.NewException(unsupportedOperation, vm.Str("write"))
		}
	}
	if f.closed {
		if f.text {
			switch op {
			case "readable", "writable", "seekable", "fileno", "isatty":
				return vm.Errorf(vm.ValueError, "I/O operation on closed file")
			}
			return vm.Errorf(vm.ValueError, "I/O operation on closed file.")
		}
		switch op {
		case "read", "read1", "readline", "readinto", "peek", "seek", "truncate":
			if op == "read1" {
				op = "read"
			}
			return vm.Errorf(vm.ValueError, "%s of closed file", op)
		case "write":
			return vm.Errorf(vm.ValueError, "write to closed file")
		case "flush":
			if f.writable {
				return vm.Errorf(vm.ValueError, "flush of closed file")
			}
		case "tell", "readable", "writable", "seekable", "fileno", "isatty":
			return vm.Errorf(vm.ValueError, "I/O operation on closed file")
		}
		return vm.Errorf(vm.ValueError, "I/O operation on closed file.")
	}
	if f.text {
		if need == needRead && !f.readable {
			return vm.NewException(unsupportedOperation, vm.Str("not readable"))
		}
		if need == needWrite && !f.writable {
			return vm.NewException(unsupportedOperation, vm.Str("not writable"))
		}
	}
	return nil
}

// sizeArg reads read()'s size: an int or None (-1).
func sizeArg(t *vm.Thread, v vm.Value) (int, error) {
	if v.IsUndef() || v.IsNone() {
		return -1, nil
	}
	n, ok, err := t.IndexOf(v)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, vm.Errorf(vm.TypeError, "argument should be integer or None, not '%s'", v.TypeName())
	}
	return int(n), nil
}

// bytesArg accepts what write() of a binary file accepts.
func bytesArg(v vm.Value) ([]byte, error) {
	switch o := v.AsObj().(type) {
	case *vm.Bytes:
		return o.Data(), nil
	case *vm.ByteArray:
		return o.Data(), nil
	}
	return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", v.TypeName())
}

// fileClasses are the classes open() returns; methods go on each.
var fileClasses = []*vm.Class{textIOWrapperType, bufferedReaderType, bufferedWriterType, bufferedRandomType, fileIOType}

func initFileMethods() {
	// def adds a method that runs with the file's lock held, after the
	// closed/mode check of op.
	defOn := func(classes []*vm.Class, name, op string, need int, fn func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		for _, cls := range classes {
			cls.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
				f, ok := args[0].AsObj().(*fileObj)
				if !ok {
					return vm.Undef, vm.Errorf(vm.TypeError, "descriptor '%s' requires a file object, not '%s'", name, args[0].TypeName())
				}
				f.lock(t)
				defer f.mu.Unlock()
				if op != "" {
					if err := f.check(op, need); err != nil {
						return vm.Undef, err
					}
				}
				return fn(t, f, args[1:], kw)
			})
		}
	}
	def := func(name, op string, need int, fn func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		defOn(fileClasses, name, op, need, fn)
	}
	binary := fileClasses[1:]
	prop := func(name string, get func(f *fileObj) vm.Value) {
		for _, cls := range fileClasses {
			cls.AddProperty(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
				f, ok := args[0].AsObj().(*fileObj)
				if !ok {
					return vm.Undef, vm.Errorf(vm.TypeError, "a file object is required")
				}
				return get(f), nil
			})
		}
	}

	def("read", "read", needRead, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("read", args, kw, 0, "size")
		if err != nil {
			return vm.Undef, err
		}
		n, err := sizeArg(t, a[0])
		if err != nil {
			return vm.Undef, err
		}
		f.noTell = false
		if f.text {
			s, err := f.readText(t, n)
			return vm.Str(s), err
		}
		f.eof = false
		var b []byte
		if n < 0 {
			b, err = f.readAllBytes(t)
		} else {
			b, err = f.readBytes(t, n)
		}
		return vm.Obj(vm.NewBytes(b)), err
	})
	def("readline", "readline", needRead, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("readline", args, kw, 0, "size")
		if err != nil {
			return vm.Undef, err
		}
		n, err := sizeArg(t, a[0])
		if err != nil {
			return vm.Undef, err
		}
		return f.readLine(t, n)
	})
	def("readlines", "readlines", needRead, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("readlines", args, kw, 0, "hint")
		if err != nil {
			return vm.Undef, err
		}
		hint, err := sizeArg(t, a[0])
		if err != nil {
			return vm.Undef, err
		}
		var lines []vm.Value
		total := 0
		for {
			line, err := f.readLine(t, -1)
			if err != nil {
				return vm.Undef, err
			}
			var n int
			if s, ok := line.StrOf(); ok {
				n = runeLen(s)
			} else {
				n = len(line.AsObj().(*vm.Bytes).Data())
			}
			if n == 0 {
				break
			}
			lines = append(lines, line)
			total += n
			if hint > 0 && total > hint {
				break
			}
		}
		return vm.Obj(vm.NewList(lines)), nil
	})
	defOn(binary, "read1", "read1", needRead, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("read1", args, kw, 0, "size")
		if err != nil {
			return vm.Undef, err
		}
		n, err := sizeArg(t, a[0])
		if err != nil {
			return vm.Undef, err
		}
		f.eof = false
		if len(f.unread()) == 0 {
			if _, err := f.fill(t); err != nil {
				return vm.Undef, err
			}
		}
		u := f.unread()
		if n < 0 || n > len(u) {
			n = len(u)
		}
		b := append([]byte(nil), u[:n]...)
		f.rpos += n
		return vm.Obj(vm.NewBytes(b)), nil
	})
	defOn(binary, "readinto", "readinto", needRead, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("readinto", args, 1); err != nil {
			return vm.Undef, err
		}
		ba, ok := args[0].AsObj().(*vm.ByteArray)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "readinto() argument must be read-write bytes-like object, not %s", args[0].TypeName())
		}
		f.eof = false
		b, err := f.readBytes(t, len(ba.Data()))
		if err != nil {
			return vm.Undef, err
		}
		return vm.Int(int64(copy(ba.Data(), b))), nil
	})
	def("write", "write", needWrite, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("write", args, 1); err != nil {
			return vm.Undef, err
		}
		f.noTell = false
		if f.text {
			s, ok := args[0].StrOf()
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "write() argument must be str, not %s", args[0].TypeName())
			}
			return vm.Int(int64(runeLen(s))), f.writeText(t, s)
		}
		b, err := bytesArg(args[0])
		if err != nil {
			return vm.Undef, err
		}
		return vm.Int(int64(len(b))), f.write(t, b)
	})
	for _, cls := range fileClasses {
		// writelines iterates script values, so it runs without the lock
		// and writes through write().
		cls.AddMethod("writelines", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if err := vm.ExactArgs("writelines", args, 2); err != nil {
				return vm.Undef, err
			}
			f, ok := args[0].AsObj().(*fileObj)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "a file object is required")
			}
			f.lock(t)
			// Only closed files fail before the first write.
			err := f.check("writelines", needNone)
			f.mu.Unlock()
			if err != nil {
				return vm.Undef, err
			}
			err = t.Iterate(args[1], func(v vm.Value) error {
				_, err := t.CallMethod(args[0], "write", v)
				return err
			})
			return vm.None, err
		})
	}
	def("seek", "seek", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("seek", args, kw, 1, "offset", "whence")
		if err != nil {
			return vm.Undef, err
		}
		off, err := t.AsInt64(a[0])
		if err != nil {
			return vm.Undef, err
		}
		whence := int64(0)
		if !a[1].IsUndef() {
			if whence, err = t.AsInt64(a[1]); err != nil {
				return vm.Undef, err
			}
		}
		if f.text {
			switch {
			case whence < 0 || whence > 2:
				return vm.Undef, vm.Errorf(vm.ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence)
			case whence == 1 && off != 0:
				return vm.Undef, vm.NewException(unsupportedOperation, vm.Str("can't do nonzero cur-relative seeks"))
			case whence == 2 && off != 0:
				return vm.Undef, vm.NewException(unsupportedOperation, vm.Str("can't do nonzero end-relative seeks"))
			case whence == 0 && off < 0:
				return vm.Undef, vm.Errorf(vm.ValueError, "negative seek position %d", off)
			}
			f.noTell = false
			if whence == 1 {
				pos, err := f.tell(t)
				return vm.Int(pos), err
			}
		} else if whence < 0 || whence > 2 {
			return vm.Undef, vm.Errorf(vm.ValueError, "whence value %d unsupported", whence)
		}
		pos, err := f.seek(t, off, int(whence))
		return vm.Int(pos), err
	})
	def("tell", "tell", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("tell", args, 0); err != nil {
			return vm.Undef, err
		}
		if f.noTell {
			return vm.Undef, vm.Errorf(vm.OSError, "telling position disabled by next() call")
		}
		pos, err := f.tell(t)
		return vm.Int(pos), err
	})
	def("truncate", "truncate", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("truncate", args, kw, 0, "size")
		if err != nil {
			return vm.Undef, err
		}
		if !f.writable {
			return vm.Undef, vm.NewException(unsupportedOperation, vm.Str("truncate"))
		}
		var size int64
		if a[0].IsUndef() || a[0].IsNone() {
			if size, err = f.tell(t); err != nil {
				return vm.Undef, err
			}
		} else if size, err = t.AsInt64(a[0]); err != nil {
			return vm.Undef, err
		}
		return vm.Int(size), f.truncate(t, size)
	})
	def("flush", "flush", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, f.flush(t)
	})
	def("close", "", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, f.close(t)
	})
	def("__exit__", "", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, f.close(t)
	})
	def("__enter__", "__enter__", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(f), nil
	})
	def("__iter__", "__iter__", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(f), nil
	})
	for _, cls := range fileClasses {
		cls.AddMethod("__next__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			f, ok := args[0].AsObj().(*fileObj)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "a file object is required")
			}
			v, ok, err := f.Next(t)
			if err == nil && !ok {
				err = vm.NewException(vm.StopIteration)
			}
			return v, err
		})
	}
	// readable/writable of the direction a class lacks answer False even
	// when closed, as CPython's buffered classes do.
	def("readable", "", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if f.readable || f.cls == fileIOType {
			if err := f.check("readable", needNone); err != nil {
				return vm.Undef, err
			}
		}
		return vm.Bool(f.readable), nil
	})
	def("writable", "", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if f.writable || f.cls == fileIOType {
			if err := f.check("writable", needNone); err != nil {
				return vm.Undef, err
			}
		}
		return vm.Bool(f.writable), nil
	})
	def("seekable", "seekable", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		var err error
		f.sys(t, func() { _, err = f.f.Seek(0, io.SeekCurrent) })
		return vm.Bool(err == nil), nil
	})
	def("fileno", "fileno", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(f.fd)), nil
	})
	def("isatty", "isatty", needNone, func(t *vm.Thread, f *fileObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		// isatty(3): the terminal ioctl succeeds on terminals only.
		var tio syscall.Termios
		_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.f.Fd(), syscall.TCGETS, uintptr(unsafe.Pointer(&tio)))
		return vm.Bool(errno == 0), nil
	})

	prop("closed", func(f *fileObj) vm.Value { return vm.Bool(f.closed) })
	prop("name", func(f *fileObj) vm.Value { return f.name })
	prop("mode", func(f *fileObj) vm.Value {
		if f.text {
			return vm.Str(f.modeStr)
		}
		return vm.Str(f.rawMode)
	})
	textProp := func(name string, get func(f *fileObj) vm.Value) {
		textIOWrapperType.AddProperty(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return get(args[0].AsObj().(*fileObj)), nil
		})
	}
	textProp("encoding", func(f *fileObj) vm.Value { return vm.Str(f.encName) })
	textProp("errors", func(f *fileObj) vm.Value { return vm.Str(f.errors) })
	textProp("line_buffering", func(f *fileObj) vm.Value { return vm.Bool(f.lineBuffering) })
	// Which newlines were read is not tracked.
	textProp("newlines", func(f *fileObj) vm.Value { return vm.None })
	fileIOType.AddProperty("closefd", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(args[0].AsObj().(*fileObj).closefd), nil
	})
}
