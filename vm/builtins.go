package vm

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"
)

// builtinFuncs are the functions of the builtins module, registered by the
// files that implement them (builtins_*.go).
var builtinFuncs = map[string]BuiltinFunc{}

func newBuiltinsModule() *Module {
	m := NewModule("builtins", "")
	for name, fn := range builtinFuncs {
		if builtinNoKw[name] {
			fn = refuseKwargs(name, fn)
		}
		b := &Builtin{Name: name, Fn: fn}
		if name == "next" {
			builtinNext = b // the dispatch loop runs next(generator) itself
		}
		m.Set(name, Obj(b))
	}
	for _, c := range []*Class{ObjectType, TypeType, IntType, BoolType, FloatType, ComplexType, StrType,
		BytesType, ByteArrayType, ListType, TupleType, DictType, SetType, FrozenSetType, RangeType,
		SliceType, MemoryViewType, PropertyType, StaticMethodType, ClassMethodType, SuperType, EnumerateType, ZipType,
		MapType, FilterType, ReversedType} {
		m.Set(c.Name, Obj(c))
	}
	for _, c := range allExceptionClasses() {
		m.Set(c.Name, Obj(c))
	}
	m.Set("EnvironmentError", Obj(OSError))
	m.Set("IOError", Obj(OSError))
	m.Set("None", None)
	m.Set("True", True)
	m.Set("False", False)
	m.Set("Ellipsis", Ellipsis)
	m.Set("__debug__", True) // no -O: assert statements run
	m.Set("NotImplemented", NotImplemented)
	m.Set("__name__", Str("builtins"))
	m.Set("__build_class__", None)
	return m
}

// builtinNoKw: the builtin functions that take no keyword arguments.
var builtinNoKw = map[string]bool{
	"abs": true, "aiter": true, "all": true, "anext": true, "any": true, "ascii": true,
	"bin": true, "callable": true, "chr": true, "delattr": true, "dir": true, "divmod": true,
	"format": true, "getattr": true, "globals": true, "hasattr": true, "hash": true,
	"hex": true, "id": true, "input": true, "isinstance": true, "issubclass": true,
	"iter": true, "len": true, "locals": true, "next": true, "oct": true, "ord": true,
	"repr": true, "setattr": true, "vars": true,
}

func refuseKwargs(name string, fn BuiltinFunc) BuiltinFunc {
	return func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := NoKwargs(name, kw); err != nil {
			return Undef, err
		}
		return fn(t, args, kw)
	}
}

func init() {
	builtinFuncs["print"] = builtinPrint
	builtinFuncs["len"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("len", args, 1); err != nil {
			return Undef, err
		}
		n, err := t.Len(args[0])
		return Int(int64(n)), err
	}
	builtinFuncs["repr"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("repr", args, 1); err != nil {
			return Undef, err
		}
		// A one-argument builtin call is a level of recursion in CPython.
		if err := t.enterRecursionWhere(" while calling a Python object"); err != nil {
			return Undef, err
		}
		s, err := t.Repr(args[0])
		t.leaveRecursion()
		return Str(s), err
	}
	builtinFuncs["isinstance"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "isinstance expected 2 arguments, got %d", len(args))
		}
		r, err := t.IsInstance(args[0], args[1])
		return Bool(r), err
	}
	builtinFuncs["issubclass"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "issubclass expected 2 arguments, got %d", len(args))
		}
		c, ok := args[0].o.(*Class)
		if !ok || !args[0].isObj() {
			return Undef, Errorf(TypeError, "issubclass() arg 1 must be a class")
		}
		r, err := t.isSubclass(c, args[1])
		return Bool(r), err
	}
	builtinFuncs["id"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("id", args, 1); err != nil {
			return Undef, err
		}
		return t.ID(args[0]), nil
	}
	builtinFuncs["hash"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("hash", args, 1); err != nil {
			return Undef, err
		}
		h, err := t.Hash(args[0])
		return Int(int64(h)), err
	}
	builtinFuncs["callable"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("callable", args, 1); err != nil {
			return Undef, err
		}
		return Bool(t.IsCallable(args[0])), nil
	}
}

// IsInstance is isinstance(v, classinfo).
func (t *Thread) IsInstance(v, classinfo Value) (bool, error) {
	// A metaclass may decide (collections.abc's ABCs): type(v) is C needs no
	// asking. Any other object whose type has __instancecheck__ decides too.
	var check Value
	switch c := classinfo.o.(type) {
	case *Tuple:
		// Each member is asked on its own, so an ABC inside a tuple still
		// gets its __instancecheck__ (isinstance(p, (str, os.PathLike))).
		if classinfo.isObj() {
			for _, x := range c.items {
				if ok, err := t.IsInstance(v, x); err != nil || ok {
					return ok, err
				}
			}
			return false, nil
		}
	case *Class:
		if v.Class() != c {
			check, _ = c.metaMethod("__instancecheck__")
		}
	case *Instance:
		check, _ = t.lookupSpecial(classinfo, "__instancecheck__")
	}
	if !check.IsUndef() && classinfo.isObj() {
		r, err := t.callBound(check, classinfo, []Value{v}, nil)
		if err != nil {
			return false, err
		}
		return t.Truth(r)
	}
	ok, err := classInfoMatch(v.Class(), classinfo, "isinstance")
	if ok || err != nil {
		return ok, err
	}
	return t.isInstanceByClassAttr(v, classinfo)
}

// isInstanceByClassAttr is CPython's second chance: an instance whose class
// defines __class__ (unittest.mock's spec'd mocks, proxies) is also an
// instance of what that attribute names. Only a class-level __class__ is
// consulted, so ordinary objects pay one map lookup.
func (t *Thread) isInstanceByClassAttr(v, classinfo Value) (bool, error) {
	if _, isInst := v.o.(*Instance); !isInst || !v.isObj() {
		return false, nil
	}
	if _, has := v.Class().Lookup("__class__"); !has {
		return false, nil
	}
	got, err := t.GetAttr(v, "__class__")
	if err != nil {
		if IsInstanceOf(err, AttributeError) {
			return false, nil
		}
		return false, err
	}
	if c, isClass := got.o.(*Class); isClass && c != v.Class() {
		return classInfoMatch(c, classinfo, "isinstance")
	}
	return false, nil
}

// isSubclass is issubclass(c, info) once c is known to be a class: a
// metaclass __subclasscheck__ decides, for a tuple's members one by one.
func (t *Thread) isSubclass(c *Class, info Value) (bool, error) {
	if info.isObj() {
		switch o := info.o.(type) {
		case *Class:
			if m, ok := o.metaMethod("__subclasscheck__"); ok {
				r, err := t.callBound(m, info, []Value{Obj(c)}, nil)
				if err != nil {
					return false, err
				}
				return t.Truth(r)
			}
		case *Tuple:
			for _, x := range o.items {
				if ok, err := t.isSubclass(c, x); err != nil || ok {
					return ok, err
				}
			}
			return false, nil
		}
	}
	return classInfoMatch(c, info, "issubclass")
}

func classInfoMatch(c *Class, info Value, fname string) (bool, error) {
	if info.isObj() {
		switch o := info.o.(type) {
		case *Class:
			return c.IsSubclass(o), nil
		case *Tuple:
			for _, x := range o.items {
				ok, err := classInfoMatch(c, x, fname)
				if err != nil || ok {
					return ok, err
				}
			}
			return false, nil
		case *GenericAlias:
			return false, Errorf(TypeError, "%s() argument 2 cannot be a parameterized generic", fname)
		}
	}
	if fname == "issubclass" {
		return false, Errorf(TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
	}
	return false, Errorf(TypeError, "%s() arg 2 must be a type, a tuple of types, or a union", fname)
}

// IsCallable reports whether v can be called.
func (t *Thread) IsCallable(v Value) bool {
	if !v.isObj() {
		return false
	}
	switch v.o.(type) {
	case *Function, *Builtin, *BoundMethod, *Class, *GenericAlias:
		return true
	}
	_, ok := t.lookupSpecial(v, "__call__")
	return ok
}

func builtinPrint(t *Thread, args []Value, kw []KV) (Value, error) {
	sep, end := " ", "\n"
	var file Value
	flush := false
	for _, a := range kw {
		switch a.Name {
		case "sep":
			if !a.Val.IsNone() {
				s, ok := a.Val.StrOf()
				if !ok {
					return Undef, Errorf(TypeError, "sep must be None or a string, not %s", a.Val.TypeName())
				}
				sep = s
			}
		case "end":
			if !a.Val.IsNone() {
				s, ok := a.Val.StrOf()
				if !ok {
					return Undef, Errorf(TypeError, "end must be None or a string, not %s", a.Val.TypeName())
				}
				end = s
			}
		case "file":
			file = a.Val
		case "flush":
			flush, _ = t.Truth(a.Val)
		default:
			return Undef, Errorf(TypeError, "'%s' is an invalid keyword argument for print()", a.Name)
		}
	}
	if file.IsUndef() || file.IsNone() {
		// print writes to whatever sys.stdout is now (redirect_stdout, a
		// StringIO a test put there).
		if sys, ok := t.interp.modules["sys"]; ok {
			if out, ok := sys.Get("stdout"); ok {
				if _, std := out.o.(*TextFile); !std || !out.isObj() {
					file = out
				}
			}
		}
	}
	w, std := file.o.(*TextFile)
	if file.isObj() && !std {
		return None, t.printTo(file, args, sep, end, flush)
	}
	var b strings.Builder
	// emit adds one of print's writes. CPython's stdout encodes each write
	// (strictly): one holding a surrogate fails, after those before it.
	emit := func(s string) error {
		if (w == nil || !w.stderr) && HasSurrogate(s) {
			if b.Len() > 0 {
				if err := t.interp.writeStdout(b.String(), false); err != nil {
					return err
				}
			}
			_, err := EncodeStr(s, "utf-8", "strict")
			return err
		}
		b.WriteString(s)
		return nil
	}
	for i, a := range args {
		if i > 0 {
			if err := emit(sep); err != nil {
				return Undef, err
			}
		}
		s, err := t.StrOf(a)
		if err != nil {
			return Undef, err
		}
		if err := emit(s); err != nil {
			return Undef, err
		}
	}
	if err := emit(end); err != nil {
		return Undef, err
	}
	if w != nil {
		return None, w.write(t, b.String(), flush)
	}
	return None, t.interp.writeStdout(b.String(), flush)
}

// writeStdout writes s to the buffered stdout (flushing it if asked). A
// write the reader refused (it closed the pipe: asy script | head -1)
// raises BrokenPipeError as CPython's print does, so the script ends with
// its traceback and status 1.
func (it *Interp) writeStdout(s string, flush bool) error {
	_, err := it.Stdout.WriteString(s)
	if err == nil && flush {
		err = it.Stdout.Flush()
	}
	return stdoutError(err)
}

func stdoutError(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, syscall.EPIPE) {
		return NewException(BrokenPipeError, Int(int64(syscall.EPIPE)), Str("Broken pipe"))
	}
	return NewException(OSError, Str(err.Error()))
}

// printTo is print(..., file=f) for a script object: like CPython, one
// write() per argument, separator and end, then flush() if asked.
func (t *Thread) printTo(file Value, args []Value, sep, end string, flush bool) error {
	write, err := t.GetAttr(file, "write")
	if err != nil {
		return err
	}
	put := func(s string) error {
		_, err := t.Call(write, []Value{Str(s)}, nil)
		return err
	}
	for i, a := range args {
		if i > 0 {
			if err := put(sep); err != nil {
				return err
			}
		}
		s, err := t.StrOf(a)
		if err != nil {
			return err
		}
		if err := put(s); err != nil {
			return err
		}
	}
	if err := put(end); err != nil {
		return err
	}
	if flush {
		_, err := t.CallMethod(file, "flush")
		return err
	}
	return nil
}

// TextFile is sys.stdout / sys.stderr: a writer with write() and flush().
type TextFile struct {
	Name   string
	it     *Interp
	stderr bool
	w      io.Writer
}

var TextFileType = newBuiltinClass("TextIOWrapper", ObjectType)

func (*TextFile) Class() *Class { return TextFileType }

// NewTextFile wraps the interpreter's stdout (stderr=false) or stderr.
func (it *Interp) NewTextFile(name string, stderr bool) *TextFile {
	return &TextFile{Name: name, it: it, stderr: stderr}
}

func (f *TextFile) write(t *Thread, s string, flush bool) error {
	if f.stderr {
		f.it.WriteStderr(s)
		return nil
	}
	return f.it.writeStdout(s, flush)
}

// Repr of a text file.
func (f *TextFile) Repr(t *Thread) (string, error) {
	return fmt.Sprintf("<_io.TextIOWrapper name='<%s>' mode='w' encoding='utf-8'>", f.Name), nil
}

func init() {
	TextFileType.AddMethod("write", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "write() takes exactly one argument (%d given)", len(args)-1)
		}
		s, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "write() argument must be str, not %s", args[1].TypeName())
		}
		f := args[0].o.(*TextFile)
		if !f.stderr && HasSurrogate(s) {
			_, err := EncodeStr(s, "utf-8", "strict")
			return Undef, err
		}
		return Int(int64(RuneCount(s))), f.write(t, s, false)
	})
	TextFileType.AddMethod("flush", func(t *Thread, args []Value, kw []KV) (Value, error) {
		f := args[0].o.(*TextFile)
		if !f.stderr {
			return None, stdoutError(f.it.Stdout.Flush())
		}
		return None, nil
	})
	TextFileType.AddMethod("isatty", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return False, nil
	})
}

// ID is id(v). Go modules that key tables by identity as CPython's do
// (copy's memo, pprint's recursion context) use it.
func (t *Thread) ID(v Value) Value {
	if v.isObj() {
		return Int(int64(identity(v.o)))
	}
	h, _ := t.Hash(v)
	return Int(int64(h&0xffffffff) + int64(v.kind())<<40)
}
