package vm

import (
	"fmt"

	"github.com/asylang/asy/parser"
	"strings"
)

// ExcState is the exception part of an instance of a BaseException subclass.
type ExcState struct {
	args            *Tuple
	traceback       []TraceEntry // innermost last, as Python prints it
	cause           Value        // __cause__ (Undef = None)
	context         Value        // __context__
	suppressContext bool
	notes           []string
	// osArgs are all the arguments of an OSError made with a filename: its
	// args keep only (errno, strerror), as CPython's do.
	osArgs []Value
	// held are unawaited coroutines that were arguments of the call that
	// raised: CPython keeps them alive through the traceback until the
	// handler finishes, which is where its never-awaited warning points.
	held []*Generator
	// syntax is set on SyntaxError instances made from parser errors (here
	// rather than in Instance, which every object pays for).
	syntax *parser.SyntaxError
}

// TraceEntry is one line of a traceback.
type TraceEntry struct {
	File string
	Line int
	Func string
	code *Code
}

// The exception hierarchy, as CPython 3.11 has it.
var (
	BaseException             = newBuiltinClass("BaseException", ObjectType)
	SystemExit                = newBuiltinClass("SystemExit", BaseException)
	KeyboardInterrupt         = newBuiltinClass("KeyboardInterrupt", BaseException)
	GeneratorExit             = newBuiltinClass("GeneratorExit", BaseException)
	Exception                 = newBuiltinClass("Exception", BaseException)
	StopIteration             = newBuiltinClass("StopIteration", Exception)
	StopAsyncIteration        = newBuiltinClass("StopAsyncIteration", Exception)
	ArithmeticError           = newBuiltinClass("ArithmeticError", Exception)
	FloatingPointError        = newBuiltinClass("FloatingPointError", ArithmeticError)
	OverflowError             = newBuiltinClass("OverflowError", ArithmeticError)
	ZeroDivisionError         = newBuiltinClass("ZeroDivisionError", ArithmeticError)
	AssertionError            = newBuiltinClass("AssertionError", Exception)
	AttributeError            = newBuiltinClass("AttributeError", Exception)
	BufferError               = newBuiltinClass("BufferError", Exception)
	EOFError                  = newBuiltinClass("EOFError", Exception)
	ImportError               = newBuiltinClass("ImportError", Exception)
	ModuleNotFoundError       = newBuiltinClass("ModuleNotFoundError", ImportError)
	LookupError               = newBuiltinClass("LookupError", Exception)
	IndexError                = newBuiltinClass("IndexError", LookupError)
	KeyError                  = newBuiltinClass("KeyError", LookupError)
	MemoryError               = newBuiltinClass("MemoryError", Exception)
	NameError                 = newBuiltinClass("NameError", Exception)
	UnboundLocalError         = newBuiltinClass("UnboundLocalError", NameError)
	OSError                   = newBuiltinClass("OSError", Exception)
	FileNotFoundError         = newBuiltinClass("FileNotFoundError", OSError)
	FileExistsError           = newBuiltinClass("FileExistsError", OSError)
	PermissionError           = newBuiltinClass("PermissionError", OSError)
	IsADirectoryError         = newBuiltinClass("IsADirectoryError", OSError)
	ConnectionError           = newBuiltinClass("ConnectionError", OSError)
	ConnectionRefusedError    = newBuiltinClass("ConnectionRefusedError", ConnectionError)
	BrokenPipeError           = newBuiltinClass("BrokenPipeError", ConnectionError)
	TimeoutError              = newBuiltinClass("TimeoutError", OSError)
	ReferenceError            = newBuiltinClass("ReferenceError", Exception)
	RuntimeError              = newBuiltinClass("RuntimeError", Exception)
	NotImplementedError       = newBuiltinClass("NotImplementedError", RuntimeError)
	RecursionError            = newBuiltinClass("RecursionError", RuntimeError)
	SyntaxErrorType           = newBuiltinClass("SyntaxError", Exception)
	IndentationError          = newBuiltinClass("IndentationError", SyntaxErrorType)
	TabError                  = newBuiltinClass("TabError", IndentationError)
	SystemError               = newBuiltinClass("SystemError", Exception)
	TypeError                 = newBuiltinClass("TypeError", Exception)
	ValueError                = newBuiltinClass("ValueError", Exception)
	UnicodeError              = newBuiltinClass("UnicodeError", ValueError)
	UnicodeDecodeError        = newBuiltinClass("UnicodeDecodeError", UnicodeError)
	UnicodeEncodeError        = newBuiltinClass("UnicodeEncodeError", UnicodeError)
	Warning                   = newBuiltinClass("Warning", Exception)
	UserWarning               = newBuiltinClass("UserWarning", Warning)
	DeprecationWarning        = newBuiltinClass("DeprecationWarning", Warning)
	RuntimeWarning            = newBuiltinClass("RuntimeWarning", Warning)
	PendingDeprecationWarning = newBuiltinClass("PendingDeprecationWarning", Warning)
	SyntaxWarning             = newBuiltinClass("SyntaxWarning", Warning)
	ImportWarning             = newBuiltinClass("ImportWarning", Warning)
	FutureWarning             = newBuiltinClass("FutureWarning", Warning)
	UnicodeWarning            = newBuiltinClass("UnicodeWarning", Warning)
	BytesWarning              = newBuiltinClass("BytesWarning", Warning)
	ResourceWarning           = newBuiltinClass("ResourceWarning", Warning)
	EncodingWarning           = newBuiltinClass("EncodingWarning", Warning)
	BaseExceptionGroup        = newBuiltinClass("BaseExceptionGroup", BaseException)
	ExceptionGroup            = newBuiltinClass("ExceptionGroup", BaseExceptionGroup)
)

func init() {
	BaseException.isExc = true
	for _, c := range allExceptionClasses() {
		c.isExc = true
	}
	BaseException.ctor = newException
}

// allExceptionClasses lists the built-in exception classes (for the builtins module).
func allExceptionClasses() []*Class {
	list := []*Class{BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception,
		StopIteration, StopAsyncIteration, ArithmeticError, FloatingPointError, OverflowError,
		ZeroDivisionError, AssertionError, AttributeError, BufferError, EOFError, ImportError,
		ModuleNotFoundError, LookupError, IndexError, KeyError, MemoryError, NameError,
		UnboundLocalError, OSError, FileNotFoundError, FileExistsError, PermissionError,
		IsADirectoryError, ConnectionError, ConnectionRefusedError, BrokenPipeError, TimeoutError, ReferenceError,
		RuntimeError, NotImplementedError, RecursionError, SyntaxErrorType, IndentationError,
		TabError, SystemError, TypeError, ValueError, UnicodeError, UnicodeDecodeError,
		UnicodeEncodeError, Warning, UserWarning, DeprecationWarning, RuntimeWarning,
		PendingDeprecationWarning, SyntaxWarning, ImportWarning, FutureWarning, UnicodeWarning,
		BytesWarning, ResourceWarning, EncodingWarning,
		BaseExceptionGroup, ExceptionGroup}
	return append(list, osExceptionClasses()...)
}

// newException is the constructor of every exception class: it keeps the
// positional arguments as args; __init__ of a subclass may do more.
func newException(t *Thread, cls *Class, args []Value, kw []KV) (Value, error) {
	if len(kw) > 0 {
		if err := checkExcKeywords(cls, kw); err != nil {
			return Undef, err
		}
	}
	inst := NewInstance(osErrorClassFor(cls, args))
	inst.exc().setArgs(inst.cls, args)
	for _, a := range kw {
		// name, obj and path (checkExcKeywords let only those through).
		inst.SetAttr(a.Name, a.Val)
	}
	return Obj(inst), nil
}

// Error makes *Instance usable as a Go error: Go code returns Python
// exceptions as errors, and the VM type-asserts them back.
func (i *Instance) Error() string {
	if i.exc() == nil {
		return i.cls.Name
	}
	msg := excStrDefault(i)
	if msg == "" {
		return i.cls.Name
	}
	return i.cls.Name + ": " + msg
}

// excStrDefault is BaseException.__str__ for args made of plain values.
func excStrDefault(i *Instance) string {
	if msg, ok := unicodeErrorStr(i); ok {
		return msg
	}
	args := i.exc().args.items
	switch len(args) {
	case 0:
		return ""
	case 1:
		if i.cls.IsSubclass(KeyError) {
			return quickRepr(args[0])
		}
		return quickStr(args[0])
	}
	return quickRepr(Obj(i.exc().args))
}

// NewError makes an exception instance of cls with a message argument.
func NewError(cls *Class, msg string) *Instance {
	inst := NewInstance(cls)
	inst.exc().args = NewTuple([]Value{Str(msg)})
	return inst
}

// Errorf makes an exception of cls with a formatted message, as an error.
func Errorf(cls *Class, format string, a ...any) error {
	return NewError(cls, fmt.Sprintf(format, a...))
}

// ExcArgs returns the args tuple of an exception instance.
func (i *Instance) ExcArgs() []Value {
	if i.exc() == nil {
		return nil
	}
	return i.exc().args.items
}

// Traceback returns the recorded traceback entries, outermost first.
func (i *Instance) Traceback() []TraceEntry {
	if i.exc() == nil {
		return nil
	}
	n := len(i.exc().traceback)
	out := make([]TraceEntry, n)
	for k, e := range i.exc().traceback {
		out[n-1-k] = e
	}
	return out
}

// AsException converts any Go error to a Python exception instance.
func AsException(err error) *Instance {
	if inst, ok := err.(*Instance); ok && inst.exc() != nil {
		return inst
	}
	if se, ok := err.(interface{ PyException() *Instance }); ok {
		return se.PyException()
	}
	return NewError(RuntimeError, err.Error())
}

// IsInstanceOf reports whether err is a Python exception of class cls.
func IsInstanceOf(err error, cls *Class) bool {
	inst, ok := err.(*Instance)
	return ok && inst.cls.IsSubclass(cls)
}

// FormatException renders an exception as CPython's traceback printer does,
// including chained causes and contexts.
func (t *Thread) FormatException(exc *Instance) string {
	var b strings.Builder
	ctx := &printCtx{seen: map[*Instance]bool{}}
	t.formatChain(&b, exc, ctx)
	return b.String()
}

// printCtx follows CPython's _ExceptionPrintContext: exception groups are
// drawn as boxes, each nesting level indenting by two spaces with a margin.
type printCtx struct {
	seen      map[*Instance]bool
	depth     int
	needClose bool
}

func (c *printCtx) indent() string { return strings.Repeat(" ", 2*c.depth) }

// emit writes text with the current group margin on every line.
func (c *printCtx) emit(b *strings.Builder, text string, margin byte) {
	prefix := c.indent()
	if c.depth > 0 {
		prefix += string(margin) + " "
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		if line == "" {
			continue
		}
		b.WriteString(prefix + line)
	}
}

func (t *Thread) formatChain(b *strings.Builder, exc *Instance, ctx *printCtx) {
	ctx.seen[exc] = true
	if c, ok := exc.exc().cause.AsObj().(*Instance); ok && c.exc() != nil && !ctx.seen[c] {
		t.formatChain(b, c, ctx)
		ctx.emit(b, "\nThe above exception was the direct cause of the following exception:\n\n", '|')
	} else if c, ok := exc.exc().context.AsObj().(*Instance); ok && c.exc() != nil && !exc.exc().suppressContext && !ctx.seen[c] {
		t.formatChain(b, c, ctx)
		ctx.emit(b, "\nDuring handling of the above exception, another exception occurred:\n\n", '|')
	}
	var tb strings.Builder
	t.writeTraceback(&tb, exc.exc().traceback)
	if !exc.cls.IsSubclass(BaseExceptionGroup) {
		if len(exc.exc().traceback) > 0 {
			ctx.emit(b, "Traceback (most recent call last):\n", '|')
			ctx.emit(b, tb.String(), '|')
		}
		ctx.emit(b, t.formatExcOnly(exc), '|')
		return
	}
	top := ctx.depth == 0
	if top {
		ctx.depth++
	}
	if len(exc.exc().traceback) > 0 {
		margin := byte('|')
		if top {
			margin = '+'
		}
		ctx.emit(b, "Exception Group Traceback (most recent call last):\n", margin)
		ctx.emit(b, tb.String(), '|')
	}
	ctx.emit(b, t.formatExcOnly(exc), '|')
	_, excs := groupParts(exc)
	const maxWidth = 15
	n := len(excs)
	if n > maxWidth {
		n = maxWidth + 1
	}
	ctx.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			ctx.needClose = true
		}
		title := itoaInt(i + 1)
		if i >= maxWidth {
			title = "..."
		}
		lead := "  "
		if i == 0 {
			lead = "+-"
		}
		b.WriteString(ctx.indent() + lead + "+---------------- " + title + " ----------------\n")
		ctx.depth++
		if i < maxWidth {
			if sub, ok := excs[i].o.(*Instance); ok && sub.exc() != nil {
				t.formatChain(b, sub, ctx)
			}
		} else {
			more := len(excs) - maxWidth
			s := "s"
			if more == 1 {
				s = ""
			}
			ctx.emit(b, "and "+itoaInt(more)+" more exception"+s+"\n", '|')
		}
		if last && ctx.needClose {
			b.WriteString(ctx.indent() + "+------------------------------------\n")
			ctx.needClose = false
		}
		ctx.depth--
	}
	if top {
		ctx.depth = 0
	}
}

// writeTraceback prints entries, folding runs of identical lines as CPython does.
func (t *Thread) writeTraceback(b *strings.Builder, tb []TraceEntry) {
	const maxRepeat = 3
	var last TraceEntry
	repeat := 0
	flush := func() {
		if repeat > maxRepeat {
			n := repeat - maxRepeat
			s := ""
			if n > 1 {
				s = "s"
			}
			fmt.Fprintf(b, "  [Previous line repeated %d more time%s]\n", n, s)
		}
	}
	// Entries are recorded innermost first as the exception unwinds; print
	// outermost first. Frames of asy's own library code ("<asyncio>"...) are
	// left out, as CPython's tracebacks would show its library instead.
	for i := range tb {
		e := tb[len(tb)-1-i]
		if isInternalFile(e.File) {
			continue
		}
		if i > 0 && e.File == last.File && e.Line == last.Line && e.Func == last.Func {
			repeat++
			if repeat > maxRepeat {
				continue
			}
		} else {
			flush()
			repeat = 1
		}
		last = e
		fmt.Fprintf(b, "  File \"%s\", line %d, in %s\n", e.File, e.Line, e.Func)
		if line := t.interp.TraceLine(e); line != "" {
			fmt.Fprintf(b, "    %s\n", line)
		}
	}
	flush()
}

// formatExcOnly is the last line(s): "ValueError: message" plus notes.
func (t *Thread) formatExcOnly(exc *Instance) string {
	if se := exc.SyntaxInfo(); se != nil {
		// Where the source was wrong, then the message (a SyntaxError
		// raised by compile() or an import, under its traceback).
		return FormatSyntaxError(se)
	}
	name := exc.cls.Name
	// As traceback.format_exception_only: qualified unless builtin or __main__.
	if m := exc.cls.Module; m != "builtins" && m != "" && m != "__main__" {
		name = m + "." + name
	}
	msg, err := t.StrOf(Obj(exc))
	if err != nil {
		msg = "<exception str() failed>"
	}
	out := name
	if msg != "" {
		out += ": " + msg
	}
	out += t.suggestion(exc) + "\n"
	for _, n := range exc.exc().notes {
		out += n + "\n"
	}
	return out
}

// NewException makes an exception instance of cls with the given args.
func NewException(cls *Class, args ...Value) *Instance {
	inst := NewInstance(cls)
	inst.exc().setArgs(cls, args)
	return inst
}

// setArgs stores the constructor arguments of an exception of class cls.
// An OSError given a filename (3 to 5 arguments, the third not None) keeps
// them all for errno, strerror, filename and filename2, but its args are
// only (errno, strerror).
func (e *ExcState) setArgs(cls *Class, args []Value) {
	all := append([]Value(nil), args...)
	e.osArgs = nil
	if len(all) >= 3 && len(all) <= 5 && !all[2].IsNone() && cls.IsSubclass(OSError) {
		e.osArgs = all
		all = all[:2:2]
	}
	e.args = NewTuple(all)
}

// osFields is what errno, strerror, filename and filename2 are read from.
func (e *ExcState) osFields() []Value {
	if e.osArgs != nil {
		return e.osArgs
	}
	return e.args.items
}

// isInternalFile reports code compiled from asy's embedded library sources.
func isInternalFile(name string) bool {
	return strings.HasPrefix(name, "<") && strings.HasSuffix(name, ">") && name != "<string>" && name != "<stdin>"
}

// BuiltinClass finds a built-in exception class by name (e.g. "ValueError").
func BuiltinClass(name string) (*Class, bool) {
	for _, c := range allExceptionClasses() {
		if c.Name == name {
			return c, true
		}
	}
	return nil, false
}

// checkExcKeywords refuses keyword arguments an exception class does not
// take, as BaseException.__init__ does: none, except name/path for
// ImportError, name/obj for AttributeError and name for NameError. A class
// with its own __init__ decides for itself.
func checkExcKeywords(cls *Class, kw []KV) error {
	if init, ok := cls.Lookup("__init__"); ok {
		if b, isB := init.o.(*Builtin); !isB || b.owner != BaseException {
			return nil
		}
	}
	var allowed []string
	switch {
	case cls.IsSubclass(ImportError):
		allowed = []string{"name", "path"}
	case cls.IsSubclass(AttributeError):
		allowed = []string{"name", "obj"}
	case cls.IsSubclass(NameError):
		allowed = []string{"name"}
	default:
		return Errorf(TypeError, "%s() takes no keyword arguments", cls.Name)
	}
	for _, a := range kw {
		ok := false
		for _, n := range allowed {
			ok = ok || a.Name == n
		}
		if !ok {
			return Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", a.Name, cls.Name)
		}
	}
	return nil
}
