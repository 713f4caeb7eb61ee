package stdlib

import (
	"bufio"
	"io"
	"strings"

	"github.com/asylang/asy/vm"
)

// sys.stdin: the interpreter's standard input as a text file (input()
// reads the same buffer), so `for line in sys.stdin` and
// `sys.stdin.read()` work as in CPython. Reads release the interpreter lock.

var stdinType = vm.NewNativeClass("TextIOWrapper", "_io", nil, nil)

type stdinFile struct {
	it     *vm.Interp
	closed bool
}

func (*stdinFile) Class() *vm.Class { return stdinType }

func (f *stdinFile) Repr(t *vm.Thread) (string, error) {
	return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>", nil
}

func (f *stdinFile) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	switch name {
	case "name":
		return vm.Str("<stdin>"), true, nil
	case "mode":
		return vm.Str("r"), true, nil
	case "encoding":
		return vm.Str("utf-8"), true, nil
	case "closed":
		return vm.Bool(f.closed), true, nil
	}
	return vm.Undef, false, nil
}

// readLine reads one line (with its newline), "" at end of input.
func (f *stdinFile) readLine(t *vm.Thread) (string, error) {
	if f.closed {
		return "", vm.Errorf(vm.ValueError, "I/O operation on closed file.")
	}
	var line string
	var err error
	in := f.it.StdinReader()
	t.Blocking(func() { line, err = in.ReadString('\n') })
	if err != nil && err != io.EOF {
		return "", vm.Errorf(vm.OSError, "%s", err.Error())
	}
	return line, nil
}

func (f *stdinFile) Iter(t *vm.Thread) (vm.Value, error) {
	return vm.NewIterator(stdinType, func(t *vm.Thread) (vm.Value, bool, error) {
		line, err := f.readLine(t)
		if err != nil || line == "" {
			return vm.Undef, false, err
		}
		return vm.Str(line), true, nil
	}), nil
}

func init() {
	m := stdinType.AddMethod
	self := func(args []vm.Value) *stdinFile { return args[0].AsObj().(*stdinFile) }
	m("readline", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		line, err := self(args).readLine(t)
		return vm.Str(line), err
	})
	m("read", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("read", args[1:], kw, 0, "size")
		if err != nil {
			return vm.Undef, err
		}
		f := self(args)
		size := int64(-1)
		if !a[0].IsUndef() && !a[0].IsNone() {
			if size, err = t.AsInt64(a[0]); err != nil {
				return vm.Undef, err
			}
		}
		var b strings.Builder
		for size < 0 || int64(len([]rune(b.String()))) < size {
			line, err := f.readLine(t)
			if err != nil {
				return vm.Undef, err
			}
			if line == "" {
				break
			}
			b.WriteString(line)
		}
		s := b.String()
		if size >= 0 {
			if r := []rune(s); int64(len(r)) > size {
				// Keep what was read past size for the next read.
				rest := string(r[size:])
				f.it.Stdin = bufioPrepend(f.it, rest)
				s = string(r[:size])
			}
		}
		return vm.Str(s), nil
	})
	m("readlines", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f := self(args)
		var lines []vm.Value
		for {
			line, err := f.readLine(t)
			if err != nil {
				return vm.Undef, err
			}
			if line == "" {
				return vm.Obj(vm.NewList(lines)), nil
			}
			lines = append(lines, vm.Str(line))
		}
	})
	m("isatty", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return vm.False, nil })
	m("readable", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return vm.True, nil })
	m("close", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		self(args).closed = true
		return vm.None, nil
	})
	m("__enter__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return args[0], nil })
	m("__exit__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		self(args).closed = true
		return vm.False, nil
	})
}

// bufioPrepend puts text back in front of the interpreter's stdin buffer
// (read(size) stops inside a line).
func bufioPrepend(it *vm.Interp, text string) *bufio.Reader {
	return bufio.NewReader(io.MultiReader(strings.NewReader(text), it.StdinReader()))
}
