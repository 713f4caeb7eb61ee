package vm

import (
	"math/big"
	"strings"

	"github.com/asylang/asy/parser"
)

// Compile compiles a parsed module for execution in mod (whose globals the
// code addresses by slot). topLevelAwait allows await at module level.
func Compile(file string, m *parser.Module, mod *Module, topLevelAwait bool) (*Code, error) {
	return bound(compileModule(file, m, topLevelAwait, false))(mod)
}

// CompileProgram compiles a parsed module into code bound to no module:
// immutable, it can be shared by interpreters running in parallel, each
// running its own copy made by Bind (see bind.go).
func CompileProgram(file string, m *parser.Module, topLevelAwait bool) (*Code, error) {
	return compileModule(file, m, topLevelAwait, false)
}

// CompileInteractive compiles one REPL input: await is allowed at top level
// and each top-level expression statement shows its value through the
// display hook (repr printed unless None, and kept in builtins._).
func CompileInteractive(file string, m *parser.Module, mod *Module) (*Code, error) {
	return bound(compileModule(file, m, true, true))(mod)
}

// bound binds the result of a compilation to a module.
func bound(code *Code, err error) func(mod *Module) (*Code, error) {
	return func(mod *Module) (*Code, error) {
		if err != nil {
			return nil, err
		}
		return code.Bind(mod), nil
	}
}

func compileModule(file string, m *parser.Module, topLevelAwait, interactive bool) (*Code, error) {
	ff, err := scanFutures(file, m.Body)
	if err != nil {
		return nil, err
	}
	b := &symtableBuilder{scopes: map[parser.Node]*scope{}, file: file, lazyAnnotations: ff.annotations}
	root := newScope(scopeModule, "<module>", nil, nil)
	root.coroutine = topLevelAwait
	b.cur = root
	b.stmts(m.Body)
	if b.err != nil {
		return nil, b.err
	}
	if err := resolveScope(root, file); err != nil {
		return nil, err
	}
	c := &compiler{file: file, scopes: b.scopes, globals: &globalNames{index: map[string]int{}}, interactive: interactive, futures: ff}
	u := c.newUnit(root, "<module>", "<module>", 1)
	u.code.Flags |= FlagModule
	if root.hasAwait {
		u.code.Flags |= FlagCoroutine
	}
	if doc, ok := docstring(m.Body); ok && !interactive {
		// A module's docstring is its __doc__ (a REPL entry has none).
		c.emitConst(Str(doc))
		c.storeName("__doc__")
	}
	c.setupAnnotations(m.Body)
	c.stmts(m.Body)
	c.emitConst(None)
	c.emit(OpReturnValue, 0)
	if c.err != nil {
		return nil, c.err
	}
	return c.finish(), nil
}

// CompileExprForEval compiles a single expression whose value is returned.
func CompileExpr(file string, e parser.Expr, mod *Module) (*Code, error) {
	m := &parser.Module{Body: []parser.Stmt{&parser.Return{P: e.Position(), Value: e}}}
	b := &symtableBuilder{scopes: map[parser.Node]*scope{}, file: file}
	root := newScope(scopeModule, "<module>", nil, nil)
	b.cur = root
	b.expr(e)
	if b.err != nil {
		return nil, b.err
	}
	if err := resolveScope(root, file); err != nil {
		return nil, err
	}
	c := &compiler{file: file, scopes: b.scopes, globals: &globalNames{index: map[string]int{}}}
	c.newUnit(root, "<module>", "<module>", e.Position().Line)
	c.expr(e)
	c.emit(OpReturnValue, 0)
	_ = m
	if c.err != nil {
		return nil, c.err
	}
	return c.finish().Bind(mod), nil
}

type compiler struct {
	file   string
	scopes map[parser.Node]*scope
	// globals numbers the module-level names the code uses; LOAD_GLOBAL and
	// friends carry these numbers until Bind maps them to a module's slots.
	globals *globalNames
	u       *unit
	err     error
	// interactive: top-level expression statements print their value (REPL).
	interactive bool
	futures     futures
}

// unit is the code being generated for one scope.
type unit struct {
	code     *Code
	scope    *scope
	parent   *unit
	line     int
	depth    int // current operand stack depth
	maxDepth int
	slots    map[string]int // register of each local/cell/free
	consts   map[any]int
	names    map[string]int
	fblocks  []fblock
	inLoop   int
}

type fblockKind uint8

const (
	fbLoop fblockKind = iota
	fbForLoop
	fbTryExcept
	fbFinally       // try body protected by finally: has the finally statements
	fbExceptHandler // inside an except clause
	fbFinallyExc    // running a finally body on the exception path (exc on stack)
	fbExceptStar    // inside an except* clause (break/continue/return may not leave it)
	fbWith
	fbAsyncWith
)

type fblock struct {
	kind    fblockKind
	start   int // loop start (continue target)
	breaks  []int
	finally []parser.Stmt
}

// failSpan is fail with carets up to column endCol (exclusive).
func (c *compiler) failSpan(p parser.Pos, endCol int, msg string) {
	if c.err == nil {
		c.err = &parser.SyntaxError{Kind: "SyntaxError", Msg: msg, Filename: c.file, Line: p.Line, Col: p.Col, EndCol: endCol}
	}
}

func (c *compiler) fail(p parser.Pos, msg string) {
	if c.err == nil {
		c.err = &parser.SyntaxError{Kind: "SyntaxError", Msg: msg, Filename: c.file, Line: p.Line, Col: p.Col}
	}
}

func (c *compiler) newUnit(s *scope, name, qual string, line int) *unit {
	u := &unit{
		code:   &Code{codeInfo: &codeInfo{Name: name, QualName: qual, Filename: c.file, FirstLine: line, globals: c.globals}},
		scope:  s,
		parent: c.u,
		line:   line,
		slots:  map[string]int{},
		consts: map[any]int{},
		names:  map[string]int{},
	}
	u.code.genNames = &genNames{code: u.code}
	if s.kind == scopeFunction {
		// Parameters first, in order; then other locals; then cells-only; then frees.
		var locals, frees []string
		seen := map[string]bool{}
		for _, p := range s.params {
			locals = append(locals, p)
			seen[p] = true
		}
		for _, n := range s.order {
			f := s.syms[n]
			if seen[n] || f&symGlobal != 0 {
				continue
			}
			if f&symFree != 0 && f&symAssigned == 0 || f&symNonlocal != 0 {
				frees = append(frees, n)
				continue
			}
			if f&(symAssigned|symParam) != 0 {
				locals = append(locals, n)
				seen[n] = true
			}
		}
		for i, n := range locals {
			u.slots[n] = i
			if s.syms[n]&symCell != 0 {
				u.code.CellSlots = append(u.code.CellSlots, i)
			}
		}
		u.code.NumLocals = len(locals)
		u.code.FreeStart = len(locals)
		for i, n := range frees {
			u.slots[n] = len(locals) + i
		}
		u.code.NumFrees = len(frees)
		u.code.NumRegs = len(locals) + len(frees)
		u.code.LocalNames = append(locals, frees...)
	} else if s.kind == scopeClass {
		// Class bodies keep names in a dict; registers hold only the free
		// variables and, when a method uses super(), the __class__ cell.
		var frees []string
		for _, n := range s.order {
			if s.syms[n]&symFree != 0 && n != "__class__" {
				frees = append(frees, n)
			}
		}
		for i, n := range frees {
			u.slots[n] = i
		}
		u.code.FreeStart = 0
		u.code.NumFrees = len(frees)
		u.code.NumRegs = len(frees)
		u.code.LocalNames = frees
		if s.needsClassCell {
			u.slots["__class__"] = len(frees)
			u.code.CellSlots = []int{len(frees)}
			u.code.NumRegs++
			u.code.LocalNames = append(frees, "__class__")
		}
		u.code.Flags |= FlagClassBody
	}
	c.u = u
	return u
}

func (c *compiler) finish() *Code {
	u := c.u
	u.code.MaxStack = u.maxDepth + stackSlack(u.code.Ops)
	u.code.numberAttrCaches()
	u.code.freezeConsts()
	fc := u.code
	fc.simpleCall = fc.Flags&(FlagGenerator|FlagCoroutine|FlagAsyncGen|FlagVarargs|FlagVarkw) == 0 && fc.KwOnlyCount == 0 && len(fc.CellSlots) == 0 && fc.NumFrees == 0
	c.u = u.parent
	return u.code
}

// stackSlack is the registers a frame gets beyond the operand depth the
// compiler counted. The count follows the code linearly, which is exact
// for straight-line code, loops and branches, but an exception handler's
// entry depth (try, with, async with, finally) is not tracked precisely,
// so code with handlers gets two spare registers. Code without them gets
// none: a suspended coroutine keeps its registers, at 24 bytes each.
func stackSlack(ops []uint32) int {
	for _, ins := range ops {
		switch Opcode(ins & 0xff) {
		case OpSetupExcept, OpSetupWith, OpSetupFinally, OpSetupAsyncWith, OpBeforeAsyncWith:
			return 2
		}
	}
	return 0
}

// ---- emission ----

func (c *compiler) setLine(p parser.Pos) {
	if p.Line > 0 {
		c.u.line = p.Line
	}
}

// stackEffect tracks the operand depth so frames get a big enough stack.
func (c *compiler) adjust(delta int) {
	c.u.depth += delta
	if c.u.depth > c.u.maxDepth {
		c.u.maxDepth = c.u.depth
	}
	if c.u.depth < 0 {
		c.u.depth = 0
	}
}

func (c *compiler) emit(op Opcode, arg int) int {
	if arg >= 1<<24 || arg < 0 {
		c.err = &parser.SyntaxError{Kind: "SyntaxError", Msg: "too many constants or names", Filename: c.file, Line: c.u.line}
		arg = 0
	}
	c.u.code.Ops = append(c.u.code.Ops, mkOp(op, arg))
	c.u.code.Lines = append(c.u.code.Lines, int32(c.u.line))
	c.adjust(stackEffect(op, arg))
	return len(c.u.code.Ops) - 1
}

// pc is the index of the next instruction.
func (c *compiler) pc() int { return len(c.u.code.Ops) }

// patch sets the argument of the jump at i to the current pc.
func (c *compiler) patch(i int) { c.patchTo(i, c.pc()) }

func (c *compiler) patchTo(i, target int) {
	op := Opcode(c.u.code.Ops[i] & 0xff)
	c.u.code.Ops[i] = mkOp(op, target)
}

func (c *compiler) constIndex(v Value, key any) int {
	if key != nil {
		if i, ok := c.u.consts[key]; ok {
			return i
		}
	}
	i := len(c.u.code.Consts)
	c.u.code.Consts = append(c.u.code.Consts, v)
	if key != nil {
		c.u.consts[key] = i
	}
	return i
}

type constKey struct {
	kind string
	s    string
	n    uint64
}

func (c *compiler) emitConst(v Value) {
	var key any
	switch v.kind() {
	case KNone, KBool, KInt, KFloat:
		key = constKey{kind: string(rune('0' + v.kind())), n: v.n}
	case KObj:
		if s, ok := v.o.(*StrObj); ok {
			key = constKey{kind: "s", s: s.s}
		}
	}
	c.emit(OpLoadConst, c.constIndex(v, key))
}

// gslot numbers a global name for this compilation.
func (c *compiler) gslot(name string) int {
	if i, ok := c.globals.index[name]; ok {
		return i
	}
	i := len(c.globals.names)
	c.globals.index[name] = i
	c.globals.names = append(c.globals.names, name)
	return i
}

func (c *compiler) nameIndex(name string) int {
	if i, ok := c.u.names[name]; ok {
		return i
	}
	i := len(c.u.code.Names)
	c.u.code.Names = append(c.u.code.Names, name)
	c.u.names[name] = i
	return i
}

// stackEffect is each opcode's net change of the operand stack depth.
func stackEffect(op Opcode, arg int) int {
	switch op {
	case OpPopTop, OpStoreFast, OpStoreDeref, OpStoreGlobal, OpStoreName, OpPopJumpIfFalse,
		OpPopJumpIfTrue, OpBinaryOp, OpCompareOp, OpIsOp, OpContainsOp, OpBinarySubscr,
		OpListAppend, OpSetAdd, OpListExtend, OpSetUpdate, OpDictUpdate, OpDictMerge,
		OpReturnValue, OpImportStar, OpPrintExpr, OpReraise, OpYieldFrom, OpDeleteAttr,
		OpEndFinally, OpEndAsyncFor, OpPrepReraiseStar, OpReraiseStar:
		return -1
	case OpStoreAttr, OpDeleteSubscr, OpMapAdd:
		return -2
	case OpStoreSubscr:
		return -3
	case OpLoadConst, OpLoadFast, OpLoadDeref, OpLoadClassDeref, OpLoadClosure, OpLoadGlobal,
		OpLoadName, OpDupTop, OpForIter, OpLoadAssertionError, OpWithExcept, OpGetANext,
		OpImportFrom, OpLoadBuildClass, OpAsyncWithExcept, OpLoadMethod:
		return 1
	case OpDupTopTwo:
		return 2
	case OpSetupWith:
		return 1
	case OpBeforeAsyncWith:
		return 1
	case OpWithExit:
		return arg - 1
	case OpBuildSlice:
		return 1 - arg
	case OpBuildTuple, OpBuildList, OpBuildSet, OpBuildString:
		return 1 - arg
	case OpBuildMap:
		return 1 - 2*arg
	case OpUnpackSequence:
		return arg - 1
	case OpUnpackEx:
		return (arg & 0xff) + (arg >> 8)
	case OpCall:
		return -arg
	case OpCallMethod:
		return -arg - 1
	case OpCallKw:
		return -arg - 1
	case OpCallEx:
		return -1 - arg
	case OpCallComp:
		return -(arg >> 16)
	case OpMakeFunction:
		n := 0
		for i := 0; i < 3; i++ {
			if arg&(1<<i) != 0 {
				n++
			}
		}
		return -n
	case OpBuildClass:
		return -3
	case OpRaise:
		return -arg
	case OpFormatValue:
		if arg&4 != 0 {
			return -1
		}
		return 0
	case OpJumpIfNotExcMatch:
		return -1
	}
	return 0
}

// ---- helpers used by statements and expressions ----

func (c *compiler) loadName(name string) {
	u := c.u
	s := u.scope
	f := s.syms[name]
	switch s.kind {
	case scopeModule:
		c.emit(OpLoadGlobal, c.gslot(name))
	case scopeClass:
		if f&symFree != 0 && f&symAssigned == 0 {
			c.emit(OpLoadClassDeref, c.nameIndex(name)<<12|u.slots[name])
			return
		}
		if f&symGlobal != 0 {
			c.emit(OpLoadGlobal, c.gslot(name))
			return
		}
		c.emit(OpLoadName, c.nameIndex(name))
	default:
		if f&symGlobal != 0 {
			c.emit(OpLoadGlobal, c.gslot(name))
			return
		}
		if slot, ok := u.slots[name]; ok {
			if f&(symCell|symFree|symNonlocal) != 0 {
				c.emit(OpLoadDeref, slot)
			} else {
				c.emit(OpLoadFast, slot)
			}
			return
		}
		c.emit(OpLoadGlobal, c.gslot(name))
	}
}

func (c *compiler) storeName(name string) {
	u := c.u
	s := u.scope
	f := s.syms[name]
	switch s.kind {
	case scopeModule:
		c.emit(OpStoreGlobal, c.gslot(name))
	case scopeClass:
		if f&symGlobal != 0 {
			c.emit(OpStoreGlobal, c.gslot(name))
			return
		}
		if f&symNonlocal != 0 {
			c.emit(OpStoreDeref, u.slots[name])
			return
		}
		c.emit(OpStoreName, c.nameIndex(name))
	default:
		if f&symGlobal != 0 {
			c.emit(OpStoreGlobal, c.gslot(name))
			return
		}
		slot, ok := u.slots[name]
		if !ok {
			c.emit(OpStoreGlobal, c.gslot(name))
			return
		}
		if f&(symCell|symFree|symNonlocal) != 0 {
			c.emit(OpStoreDeref, slot)
		} else {
			c.emit(OpStoreFast, slot)
		}
	}
}

func (c *compiler) deleteName(name string) {
	u := c.u
	s := u.scope
	f := s.syms[name]
	switch {
	case s.kind == scopeModule || f&symGlobal != 0:
		c.emit(OpDeleteGlobal, c.gslot(name))
	case s.kind == scopeClass:
		c.emit(OpDeleteName, c.nameIndex(name))
	default:
		slot := u.slots[name]
		if f&(symCell|symFree|symNonlocal) != 0 {
			c.emit(OpDeleteDeref, slot)
		} else {
			c.emit(OpDeleteFast, slot)
		}
	}
}

// constValue converts a literal from the AST.
func constValue(v any) Value {
	switch v := v.(type) {
	case nil:
		return None
	case bool:
		return Bool(v)
	case int64:
		return Int(v)
	case int:
		return Int(int64(v))
	case *big.Int:
		return BigInt(v)
	case float64:
		return Float(v)
	case complex128:
		return Obj(&Complex{v: v})
	case string:
		return Str(v)
	case []byte:
		return Obj(NewBytes(v))
	case parser.Ellipsis:
		return Ellipsis
	}
	return None
}

func qualJoin(parent *unit, name string) string {
	if parent == nil || parent.scope.kind == scopeModule {
		return name
	}
	if parent.scope.kind == scopeFunction {
		return parent.code.QualName + ".<locals>." + name
	}
	return parent.code.QualName + "." + name
}

var _ = strings.Join
