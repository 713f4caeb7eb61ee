package vm

import "unsafe"

// Code is a compiled function body (or module/class body).
// classNamespace is where a class body's names go: a dict, or the mapping a
// metaclass's __prepare__ returned (Enum's, which sees every assignment
// through its __setitem__).
type classNamespace struct {
	dict *Dict
	obj  Value // the mapping when it is not a plain dict; Undef otherwise
}

func (ns *classNamespace) get(t *Thread, name string) (Value, bool, error) {
	if ns.obj.IsUndef() {
		v, ok, err := ns.dict.Get(t, Str(name))
		return v, ok, err
	}
	v, err := t.GetItem(ns.obj, Str(name))
	if err != nil {
		if IsInstanceOf(err, KeyError) {
			return Undef, false, nil
		}
		return Undef, false, err
	}
	return v, true, nil
}

func (ns *classNamespace) set(t *Thread, name string, v Value) error {
	if ns.obj.IsUndef() {
		ns.dict.SetStr(name, v)
		return nil
	}
	return t.SetItem(ns.obj, Str(name), v)
}

func (ns *classNamespace) del(t *Thread, name string) (bool, error) {
	if ns.obj.IsUndef() {
		_, ok, err := ns.dict.Delete(t, Str(name))
		return ok, err
	}
	if err := t.DelItem(ns.obj, Str(name)); err != nil {
		if IsInstanceOf(err, KeyError) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

// value is the namespace as scripts see it (locals(), the metaclass call).
func (ns *classNamespace) value() Value {
	if ns.obj.IsUndef() {
		return Obj(ns.dict)
	}
	return ns.obj
}

// A Code is small: what running it touches on every instruction or call,
// and what each bound copy has of its own (bind.go); the rest — names,
// line table, docstring — lives in a codeInfo every copy shares.
type Code struct {
	*codeInfo

	Ops    []uint32 // opcode in the low 8 bits, argument in the high 24
	Consts []Value
	Names  []string // attribute and dynamic names

	// Register layout of a frame: [locals | cells | frees | operand stack].
	NumLocals   int
	NumRegs     int   // registers before the operand stack: locals, frees (and a class body's __class__ cell)
	CellSlots   []int // locals that are captured (hold *Cell); params copied in on entry
	NumFrees    int   // free variables, at NumLocals+len(cellsOnly)...
	FreeStart   int   // first register of free vars
	MaxStack    int
	ArgCount    int // positional parameters (including positional-only)
	KwOnlyCount int
	Flags       CodeFlags
	// simpleCall: an ordinary function (not a generator or coroutine)
	// with positional parameters only and no cells or free variables, so
	// a call with exactly ArgCount positional arguments just copies them
	// into the new frame (set when the code is compiled; false is safe).
	simpleCall bool

	// module is the module whose slots LOAD_GLOBAL indexes (nil for code
	// bound to none, shared between interpreters: see bind.go).
	module *Module
	origin *Code // what a bound copy was copied from
	// genNames is the names record the code's generators share (made with
	// the code, so that copies shared between interpreters never race to
	// make it).
	genNames *genNames
	// attrCaches hold the inline caches of the attribute instructions
	// (LOAD_ATTR, LOAD_METHOD, STORE_ATTR), made on first use for each
	// bound copy; cacheSlot, fixed at compile time and shared by the
	// copies, maps an instruction's pc to its entry (attrcache.go).
	attrCaches []attrCache
	cacheSlot  []int32
}

// codeInfo is the part of a Code its bound copies share.
type codeInfo struct {
	Name      string
	QualName  string
	Filename  string
	FirstLine int
	Doc       Value // the docstring, or Undef

	Lines []int32 // source line of each instruction

	LocalNames []string // all register names (locals, cells, frees) for errors

	PosOnlyCount int

	// globals names the module-level names of the compilation the code
	// comes from; global instructions index it until Bind maps them to
	// the module's slots.
	globals   *globalNames
	numCaches int32
	// hasGlobalOps and hasCodeConsts tell Bind what a copy must rewrite.
	hasGlobalOps, hasCodeConsts bool
}

func (*Code) Class() *Class { return CodeType }

// CodeFlags describe a function's kind and parameters.
type CodeFlags uint16

const (
	FlagVarargs CodeFlags = 1 << iota
	FlagVarkw
	FlagGenerator
	FlagCoroutine
	FlagAsyncGen
	FlagClassBody // body of a class statement: names go to a namespace dict
	FlagModule    // module body
	FlagNewLocals
	// FlagCompOneEach marks a list or dict comprehension's code whose
	// single, unfiltered loop adds one item per iteration: its list or dict
	// is sized from all that its iterator has left (see OpListAppend and
	// OpMapAdd).
	FlagCompOneEach
)

// Function is a script-defined function (a closure over cells).
type Function struct {
	code       *Code
	name       string
	qualname   string
	defaults   []Value // for the last len(defaults) positional parameters
	kwdefaults map[string]Value
	closure    []Value // the cells of its free variables (each a *Cell)
	module     *Module
	attrs      *Dict // the function's __dict__ (user-set attributes), nil until used
	doc        Value
	annotation Value // __annotations__ (a dict), Undef until set or asked for
	// iterableCoroutine: a generator function that types.coroutine marked,
	// so its generators may be awaited (CPython's CO_ITERABLE_COROUTINE,
	// kept on the function because code objects are shared and immutable).
	iterableCoroutine bool
}

func (*Function) Class() *Class { return FunctionType }

// Name is the function's __name__.
func (f *Function) Name() string { return f.name }

// Code returns the compiled body.
func (f *Function) Code() *Code { return f.code }

// Module returns the module whose globals the function sees.
func (f *Function) Module() *Module { return f.module }

// block is one entry of a frame's block stack (try/with/except handlers).
type block struct {
	kind    uint8
	handler int32 // pc of the handler
	level   int32 // operand stack depth to restore
	exc     Value // for blockExceptHandler: the exception being handled
}

const (
	blockTry           uint8 = iota // an exception jumps to handler
	blockExceptHandler              // inside an except clause: records the handled exception
)

// blockStack is a frame's block stack, behind a pointer so that a frame
// without try/with/except (most frames, and most suspended coroutines)
// pays one word for it, not a slice header. A recycled frame keeps it.
type blockStack struct{ b []block }

// blockList returns the frame's blocks, innermost last.
func (f *Frame) blockList() []block {
	if f.blocks == nil {
		return nil
	}
	return f.blocks.b
}

func (f *Frame) pushBlock(b block) {
	if f.blocks == nil {
		f.blocks = &blockStack{b: make([]block, 0, 4)}
	}
	f.blocks.b = append(f.blocks.b, b)
}

// popBlock drops the innermost block.
func (f *Frame) popBlock() { f.blocks.b = f.blocks.b[:len(f.blocks.b)-1] }

// resetBlocks empties the block stack and clears the popped entries too:
// they may hold exceptions, which must not stay reachable.
func (f *Frame) resetBlocks() {
	if f.blocks != nil && cap(f.blocks.b) > 0 {
		clear(f.blocks.b[:cap(f.blocks.b)])
		f.blocks.b = f.blocks.b[:0]
	}
}

// Frame is the activation of a Code. Frames live on the heap: a call from
// script code pushes one and the dispatch loop continues with it. A
// suspended coroutine keeps its frame, so the Frame is kept to 112 bytes,
// a size class of Go's allocator: a field more costs 16 bytes per task.
type Frame struct {
	code   *Code
	pc     int
	regs   []Value     // locals, cells, frees, then the operand stack
	blocks *blockStack // nil until the first try/with/except
	back   *Frame
	module *Module

	// aux is what three kinds of frame carry, auxKind says which: the
	// generator or coroutine owning the frame (gen), a class body's
	// namespace (classNS) and the instance of an __init__ frame that the
	// dispatch loop pushed to instantiate a class (initInstance).
	aux unsafe.Pointer

	sp int32 // next free stack register (absolute index into regs)

	// goBoundary marks a frame entered from Go (Thread.Call): when it
	// returns, the dispatch loop returns to Go instead of continuing.
	goBoundary bool
	// stackOwned is false when regs were taken from the thread's value stack.
	stackOwned bool
	// exposed is set once a frame object (sys._getframe) refers to this
	// frame: it is then never recycled, so the pointer stays its own.
	exposed bool
	auxKind frameAux
}

// frameAux says what a frame's aux holds.
type frameAux uint8

const (
	auxNone frameAux = iota
	// auxGen: the generator or coroutine owning the frame.
	auxGen
	// auxInit marks an __init__ frame that the dispatch loop pushed to
	// instantiate a class (Class.plainInit): its return value must be None
	// and the caller receives the instance (aux) instead.
	auxInit
	// auxClassNS: a class body's namespace.
	auxClassNS
)

// gen returns the generator or coroutine owning the frame, if any.
func (f *Frame) gen() *Generator {
	if f.auxKind != auxGen {
		return nil
	}
	return (*Generator)(f.aux)
}

// setGen makes g the owner of f (nil: none).
func (f *Frame) setGen(g *Generator) {
	f.aux, f.auxKind = unsafe.Pointer(g), auxGen
	if g == nil {
		f.auxKind = auxNone
	}
}

// classNS returns a class body's namespace (nil for other frames).
func (f *Frame) classNS() *classNamespace {
	if f.auxKind != auxClassNS {
		return nil
	}
	return (*classNamespace)(f.aux)
}

// setClassNS gives a class body's frame its namespace.
func (f *Frame) setClassNS(ns *classNamespace) {
	f.aux, f.auxKind = unsafe.Pointer(ns), auxClassNS
}

// initInstance returns the instance an __init__ frame pushed by the
// dispatch loop initialises (nil for other frames).
func (f *Frame) initInstance() *Instance {
	if f.auxKind != auxInit {
		return nil
	}
	return (*Instance)(f.aux)
}

// setInitInstance marks f as the __init__ frame initialising inst.
func (f *Frame) setInitInstance(inst *Instance) {
	f.aux, f.auxKind = unsafe.Pointer(inst), auxInit
}

// Line returns the current source line.
func (f *Frame) Line() int {
	pc := f.pc - 1
	if pc < 0 {
		// Not started yet (e.g. a coroutine cancelled before its first step):
		// CPython reports the def line.
		return f.code.FirstLine
	}
	if pc < len(f.code.Lines) {
		return int(f.code.Lines[pc])
	}
	return f.code.FirstLine
}

// Code returns the frame's code.
func (f *Frame) Code() *Code { return f.code }

// Back returns the calling frame.
func (f *Frame) Back() *Frame { return f.back }

// QualName is the function's __qualname__.
func (f *Function) QualName() string { return f.qualname }

// MarkIterableCoroutine is types.coroutine on a generator function: its
// generators become awaitable. It reports false for anything else.
func MarkIterableCoroutine(v Value) bool {
	fn, ok := v.o.(*Function)
	if !ok || !v.isObj() || fn.code.Flags&FlagGenerator == 0 {
		return false
	}
	fn.iterableCoroutine = true
	return true
}
