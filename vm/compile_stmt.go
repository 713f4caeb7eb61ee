package vm

import (
	"github.com/asylang/asy/parser"
)

func (c *compiler) stmts(list []parser.Stmt) {
	for _, s := range list {
		if c.err != nil {
			return
		}
		c.stmt(s)
	}
}

func (c *compiler) stmt(s parser.Stmt) {
	c.setLine(s.Position())
	switch s := s.(type) {
	case *parser.ExprStmt:
		c.expr(s.X)
		if c.interactive && c.u.parent == nil {
			c.emit(OpPrintExpr, 0)
		} else {
			c.emit(OpPopTop, 0)
		}
	case *parser.Assign:
		if c.swapAssign(s) {
			break
		}
		c.expr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				c.emit(OpDupTop, 0)
			}
			c.assign(t)
		}
	case *parser.AugAssign:
		c.augAssign(s)
	case *parser.AnnAssign:
		c.annAssign(s)
	case *parser.If:
		c.ifStmt(s)
	case *parser.While:
		c.whileStmt(s)
	case *parser.For:
		c.forStmt(s)
	case *parser.Break:
		c.breakStmt(s.P)
	case *parser.Continue:
		c.continueStmt(s.P)
	case *parser.Pass:
	case *parser.Return:
		if s.Value != nil {
			c.expr(s.Value)
		} else {
			c.emitConst(None)
		}
		if c.u.scope.generator && c.u.scope.coroutine && s.Value != nil {
			c.fail(s.P, "'return' with value in async generator")
		}
		// CPython points at a constant return value, else at the statement.
		if k, ok := s.Value.(*parser.Const); ok {
			c.exceptStarExit(k.P, false)
		} else if u, ok := s.Value.(*parser.UnaryOp); ok && isConstOperand(u) {
			c.exceptStarExit(u.P, false)
		} else {
			c.exceptStarExit(s.P, false)
		}
		c.unwindFBlocks(true, -1)
		c.emit(OpReturnValue, 0)
	case *parser.Raise:
		n := 0
		if s.Exc != nil {
			c.expr(s.Exc)
			n++
			if s.Cause != nil {
				c.expr(s.Cause)
				n++
			}
		}
		c.emit(OpRaise, n)
	case *parser.Try:
		c.tryStmt(s)
	case *parser.With:
		c.withStmt(s, 0)
	case *parser.Assert:
		c.expr(s.Test)
		j := c.emit(OpPopJumpIfTrue, 0)
		c.emit(OpLoadAssertionError, 0)
		if s.Msg != nil {
			c.expr(s.Msg)
			c.emit(OpCall, 1)
		}
		c.emit(OpRaise, 1)
		c.patch(j)
	case *parser.Del:
		for _, t := range s.Targets {
			c.del(t)
		}
	case *parser.Global, *parser.Nonlocal:
	case *parser.Import:
		for _, a := range s.Names {
			c.emitConst(None)
			c.emitConst(Int(0))
			c.emit(OpImportName, c.nameIndex(a.Name))
			if a.AsName != "" {
				// import a.b as c binds the submodule a.b
				parts := splitDots(a.Name)
				for _, p := range parts[1:] {
					c.emit(OpImportFrom, c.nameIndex(p))
					c.emit(OpRotTwo, 0)
					c.emit(OpPopTop, 0)
				}
				c.storeName(a.AsName)
			} else {
				c.storeName(splitDots(a.Name)[0])
			}
		}
	case *parser.ImportFrom:
		if s.Module == "__future__" && s.P.Line > c.futures.lastLine {
			c.fail(s.P, "from __future__ imports must occur at the beginning of the file")
			return
		}
		var names []Value
		for _, a := range s.Names {
			names = append(names, Str(a.Name))
		}
		c.emit(OpLoadConst, c.constIndex(Obj(NewTuple(names)), nil))
		c.emitConst(Int(int64(s.Level)))
		c.emit(OpImportName, c.nameIndex(s.Module))
		if len(s.Names) == 1 && s.Names[0].Name == "*" {
			c.emit(OpImportStar, 0)
			return
		}
		for _, a := range s.Names {
			c.emit(OpImportFrom, c.nameIndex(a.Name))
			if a.AsName != "" {
				c.storeName(a.AsName)
			} else {
				c.storeName(a.Name)
			}
		}
		c.emit(OpPopTop, 0)
	case *parser.FuncDef:
		c.funcDef(s)
	case *parser.ClassDef:
		c.classDef(s)
	default:
		c.fail(s.Position(), "unsupported statement")
	}
}

func splitDots(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// ---- assignment ----

// swapAssign compiles `a, b = x, y` (and three names) as CPython does,
// without building and unpacking a tuple: the values are evaluated left to
// right, rotated, and stored left to right. It reports false for other
// assignments.
func (c *compiler) swapAssign(s *parser.Assign) bool {
	if len(s.Targets) != 1 {
		return false
	}
	var targets []parser.Expr
	switch t := s.Targets[0].(type) {
	case *parser.Tuple:
		targets = t.Elems
	case *parser.List:
		targets = t.Elems
	default:
		return false
	}
	val, ok := s.Value.(*parser.Tuple)
	if !ok || len(val.Elems) != len(targets) || len(targets) < 2 || len(targets) > 3 {
		return false
	}
	for i := range targets {
		if _, star := targets[i].(*parser.Starred); star {
			return false
		}
		if _, star := val.Elems[i].(*parser.Starred); star {
			return false
		}
	}
	for _, e := range val.Elems {
		c.expr(e)
	}
	if len(targets) == 3 {
		c.emit(OpRotThree, 0)
	}
	c.emit(OpRotTwo, 0)
	for _, t := range targets {
		c.assign(t)
	}
	return true
}

func (c *compiler) assign(t parser.Expr) {
	switch t := t.(type) {
	case *parser.Name:
		c.storeName(t.Id)
	case *parser.Attribute:
		c.expr(t.X)
		c.emit(OpStoreAttr, c.nameIndex(t.Name))
	case *parser.Subscript:
		c.expr(t.X)
		c.expr(t.Index)
		c.emit(OpStoreSubscr, 0)
	case *parser.Tuple:
		c.unpack(t.P, t.Elems)
	case *parser.List:
		c.unpack(t.P, t.Elems)
	case *parser.Starred:
		c.fail(t.P, "starred assignment target must be in a list or tuple")
	default:
		c.fail(t.Position(), "cannot assign to expression")
	}
}

func (c *compiler) unpack(p parser.Pos, elems []parser.Expr) {
	star := -1
	for i, e := range elems {
		if _, ok := e.(*parser.Starred); ok {
			if star >= 0 {
				c.fail(e.Position(), "multiple starred expressions in assignment")
				return
			}
			star = i
		}
	}
	if star < 0 {
		c.emit(OpUnpackSequence, len(elems))
	} else {
		c.emit(OpUnpackEx, star|(len(elems)-star-1)<<8)
	}
	for _, e := range elems {
		if s, ok := e.(*parser.Starred); ok {
			c.assign(s.X)
		} else {
			c.assign(e)
		}
	}
}

var augOps = map[string]int{"+": binAdd, "-": binSub, "*": binMul, "/": binTrueDiv, "//": binFloorDiv,
	"%": binMod, "**": binPow, "@": binMatMul, "<<": binLShift, ">>": binRShift, "&": binAnd, "|": binOr, "^": binXor}

func (c *compiler) augAssign(s *parser.AugAssign) {
	op := augOps[s.Op] + binopInplace
	switch t := s.Target.(type) {
	case *parser.Name:
		c.loadName(t.Id)
		c.expr(s.Value)
		c.setLine(s.P)
		c.emit(OpBinaryOp, op)
		c.storeName(t.Id)
	case *parser.Attribute:
		c.expr(t.X)
		c.emit(OpDupTop, 0)
		c.emit(OpLoadAttr, c.nameIndex(t.Name))
		c.expr(s.Value)
		c.setLine(s.P)
		c.emit(OpBinaryOp, op)
		c.emit(OpRotTwo, 0)
		c.emit(OpStoreAttr, c.nameIndex(t.Name))
	case *parser.Subscript:
		c.expr(t.X)
		c.expr(t.Index)
		c.emit(OpDupTopTwo, 0)
		c.emit(OpBinarySubscr, 0)
		c.expr(s.Value)
		c.setLine(s.P)
		c.emit(OpBinaryOp, op)
		c.emit(OpRotThree, 0)
		c.emit(OpStoreSubscr, 0)
	default:
		c.fail(s.P, "'"+exprKindName(s.Target)+"' is an illegal expression for augmented assignment")
	}
}

func exprKindName(e parser.Expr) string {
	switch e.(type) {
	case *parser.Tuple:
		return "tuple"
	case *parser.List:
		return "list"
	case *parser.Call:
		return "function call"
	}
	return "expression"
}

func (c *compiler) del(t parser.Expr) {
	switch t := t.(type) {
	case *parser.Name:
		c.deleteName(t.Id)
	case *parser.Attribute:
		c.expr(t.X)
		c.emit(OpDeleteAttr, c.nameIndex(t.Name))
	case *parser.Subscript:
		c.expr(t.X)
		c.expr(t.Index)
		c.emit(OpDeleteSubscr, 0)
	case *parser.Tuple:
		for _, e := range t.Elems {
			c.del(e)
		}
	case *parser.List:
		for _, e := range t.Elems {
			c.del(e)
		}
	default:
		c.fail(t.Position(), "cannot delete expression")
	}
}

// ---- control flow ----

func (c *compiler) ifStmt(s *parser.If) {
	jElse := c.jumpIfFalse(s.Cond)
	c.stmts(s.Body)
	if len(s.Else) > 0 {
		jEnd := c.emit(OpJump, 0)
		c.patch(jElse)
		c.stmts(s.Else)
		c.patch(jEnd)
	} else {
		c.patch(jElse)
	}
}

// jumpIfFalse compiles cond and a jump taken when it is false; returns the jump to patch.
func (c *compiler) jumpIfFalse(cond parser.Expr) int {
	if u, ok := cond.(*parser.UnaryOp); ok && u.Op == "not" {
		c.expr(u.X)
		return c.emit(OpPopJumpIfTrue, 0)
	}
	c.expr(cond)
	return c.emit(OpPopJumpIfFalse, 0)
}

func (c *compiler) whileStmt(s *parser.While) {
	start := c.pc()
	jExit := c.jumpIfFalse(s.Cond)
	c.u.fblocks = append(c.u.fblocks, fblock{kind: fbLoop, start: start})
	c.stmts(s.Body)
	c.emit(OpJump, start)
	fb := c.popFBlock()
	c.patch(jExit)
	c.stmts(s.Else)
	for _, b := range fb.breaks {
		c.patch(b)
	}
}

func (c *compiler) forStmt(s *parser.For) {
	c.expr(s.Iter)
	if s.Async {
		c.asyncFor(s)
		return
	}
	c.emit(OpGetIter, 0)
	start := c.pc()
	jExit := c.emit(OpForIter, 0)
	c.u.fblocks = append(c.u.fblocks, fblock{kind: fbForLoop, start: start})
	c.assign(s.Target)
	c.stmts(s.Body)
	c.emit(OpJump, start)
	fb := c.popFBlock()
	c.patch(jExit)
	c.adjust(-1) // the iterator is gone after the loop
	c.stmts(s.Else)
	for _, b := range fb.breaks {
		c.patch(b)
	}
}

// asyncFor: the async iterator stays on the stack; StopAsyncIteration from
// __anext__ ends the loop.
func (c *compiler) asyncFor(s *parser.For) {
	c.emit(OpGetAIter, 0)
	start := c.pc()
	setup := c.emit(OpSetupExcept, 0)
	c.emit(OpGetANext, 0)
	c.emitConst(None)
	c.emit(OpYieldFrom, 0)
	c.emit(OpPopBlock, 0)
	c.u.fblocks = append(c.u.fblocks, fblock{kind: fbForLoop, start: start})
	c.assign(s.Target)
	c.stmts(s.Body)
	c.emit(OpJump, start)
	fb := c.popFBlock()
	c.patch(setup)
	// handler: stack is aiter exc
	c.emit(OpEndAsyncFor, 0) // pops exc and aiter, or re-raises
	c.adjust(-1)
	c.stmts(s.Else)
	for _, b := range fb.breaks {
		c.patch(b)
	}
}

func (c *compiler) popFBlock() fblock {
	n := len(c.u.fblocks)
	fb := c.u.fblocks[n-1]
	c.u.fblocks = c.u.fblocks[:n-1]
	return fb
}

func (c *compiler) breakStmt(p parser.Pos) {
	c.exceptStarExit(p, true)
	i := c.unwindFBlocks(false, 0)
	if i < 0 {
		c.fail(p, "'break' outside loop")
		return
	}
	if c.u.fblocks[i].kind == fbForLoop {
		c.emit(OpPopTop, 0)
		c.adjust(1)
	}
	j := c.emit(OpJump, 0)
	c.u.fblocks[i].breaks = append(c.u.fblocks[i].breaks, j)
}

func (c *compiler) continueStmt(p parser.Pos) {
	c.exceptStarExit(p, true)
	i := c.unwindFBlocks(false, 0)
	if i < 0 {
		c.fail(p, "'continue' not properly in loop")
		return
	}
	c.emit(OpJump, c.u.fblocks[i].start)
}

// unwindFBlocks emits the cleanup for leaving the enclosing blocks: finally
// bodies, with exits, except-handler pops. For return (isReturn) it unwinds
// everything, keeping the return value on top; otherwise it stops at the
// innermost loop and returns its index (-1 if none).
func (c *compiler) unwindFBlocks(isReturn bool, _ int) int {
	saved := c.u.fblocks
	defer func() { c.u.fblocks = saved }()
	depth := c.u.depth
	for i := len(saved) - 1; i >= 0; i-- {
		fb := saved[i]
		// Code emitted for this block runs with only the outer blocks active.
		c.u.fblocks = saved[:i]
		switch fb.kind {
		case fbLoop:
			if !isReturn {
				c.u.depth = depth
				return i
			}
		case fbForLoop:
			if !isReturn {
				c.u.depth = depth
				return i
			}
			c.emit(OpRotTwo, 0)
			c.emit(OpPopTop, 0)
		case fbTryExcept:
			c.emit(OpPopBlock, 0)
		case fbFinally:
			c.emit(OpPopBlock, 0)
			c.stmts(fb.finally)
		case fbExceptHandler:
			c.emit(OpPopExcept, 0)
		case fbFinallyExc:
			// The pending exception is under the return value.
			if isReturn {
				c.emit(OpRotTwo, 0)
			}
			c.emit(OpPopTop, 0)
			c.emit(OpPopExcept, 0)
		case fbWith, fbAsyncWith:
			c.emit(OpPopBlock, 0)
			if isReturn {
				c.emit(OpRotTwo, 0)
			}
			if fb.kind == fbWith {
				c.emit(OpWithExit, 0)
			}
			if fb.kind == fbAsyncWith {
				c.emit(OpWithExit, 1)
				c.emitConst(None)
				c.emit(OpYieldFrom, 0)
				c.emit(OpPopTop, 0)
			}
		}
	}
	c.u.depth = depth
	return -1
}

// ---- try ----

func (c *compiler) tryStmt(s *parser.Try) {
	if len(s.Finally) > 0 {
		setup := c.emit(OpSetupFinally, 0)
		c.u.fblocks = append(c.u.fblocks, fblock{kind: fbFinally, finally: s.Finally})
		if len(s.Handlers) > 0 {
			c.tryExcept(s)
		} else {
			c.stmts(s.Body)
		}
		c.popFBlock()
		c.emit(OpPopBlock, 0)
		c.stmts(s.Finally)
		jEnd := c.emit(OpJump, 0)
		// Exception path: exc on the stack.
		c.patch(setup)
		c.adjust(1)
		c.emit(OpStartExcept, 0)
		c.u.fblocks = append(c.u.fblocks, fblock{kind: fbFinallyExc})
		c.stmts(s.Finally)
		c.popFBlock()
		c.emit(OpPopExcept, 0)
		c.emit(OpReraise, 0)
		c.patch(jEnd)
		return
	}
	c.tryExcept(s)
}

func (c *compiler) tryExcept(s *parser.Try) {
	setup := c.emit(OpSetupExcept, 0)
	c.u.fblocks = append(c.u.fblocks, fblock{kind: fbTryExcept})
	c.stmts(s.Body)
	c.popFBlock()
	c.emit(OpPopBlock, 0)
	c.stmts(s.Else)
	var ends []int
	ends = append(ends, c.emit(OpJump, 0))
	c.patch(setup)
	c.adjust(1) // the exception
	c.emit(OpStartExcept, 0)
	if s.Star {
		c.exceptStarHandlers(s)
		for _, e := range ends {
			c.patch(e)
		}
		return
	}
	for i, h := range s.Handlers {
		c.setLine(h.P)
		next := -1
		if h.Type == nil {
			if i != len(s.Handlers)-1 {
				c.fail(h.P, "default 'except:' must be last")
			}
		} else {
			c.expr(h.Type)
			next = c.emit(OpJumpIfNotExcMatch, 0)
		}
		if h.Name != "" {
			c.storeName(h.Name)
		} else {
			c.emit(OpPopTop, 0)
		}
		c.u.fblocks = append(c.u.fblocks, fblock{kind: fbExceptHandler})
		c.stmts(h.Body)
		c.popFBlock()
		c.emit(OpPopExcept, 0)
		if h.Name != "" {
			c.emitConst(None)
			c.storeName(h.Name)
			c.deleteName(h.Name)
		}
		ends = append(ends, c.emit(OpJump, 0))
		if next >= 0 {
			c.patch(next)
			c.adjust(1)
		}
	}
	c.emit(OpReraise, 0)
	for _, e := range ends {
		c.patch(e)
	}
}

// exceptStarHandlers compiles the clauses of try/except* (PEP 654), entered
// with the caught exception on the stack and being handled. Every clause
// splits off its part of what is still unhandled and runs on it; what the
// clauses raise (a bare `raise` re-raises the part it got) is collected, and
// at the end OpPrepReraiseStar merges it with the unhandled rest into the
// exception that propagates, or None.
//
//	orig                      → orig list rest      (rest starts as orig)
//	per clause: type, CheckExcStar → orig list rest match
//	            match is None: drop it
//	            else: handle match, run the body in a try whose handler
//	                  appends the raised exception to list
//	end:        list += [rest]; PrepReraiseStar → result; re-raise unless None
func (c *compiler) exceptStarHandlers(s *parser.Try) {
	c.emit(OpDupTop, 0)
	c.emit(OpBuildList, 0)
	c.emit(OpRotTwo, 0)
	for _, h := range s.Handlers {
		c.setLine(h.P)
		c.expr(h.Type)
		c.emit(OpCheckExcStar, 0)
		c.emit(OpDupTop, 0)
		c.emitConst(None)
		c.emit(OpIsOp, 0)
		matched := c.emit(OpPopJumpIfFalse, 0)
		c.emit(OpPopTop, 0)
		next := c.emit(OpJump, 0)
		c.patch(matched)
		c.adjust(1)
		// orig list rest match: match becomes the handled exception.
		c.emit(OpStartExcept, 0)
		if h.Name != "" {
			c.storeName(h.Name)
		} else {
			c.emit(OpPopTop, 0)
		}
		body := c.emit(OpSetupExcept, 0)
		c.u.fblocks = append(c.u.fblocks, fblock{kind: fbExceptStar})
		c.stmts(h.Body)
		c.popFBlock()
		c.emit(OpPopBlock, 0)
		c.emit(OpPopExcept, 0)
		c.clearHandlerName(h.Name)
		done := c.emit(OpJump, 0)
		// The body raised: orig list rest raised.
		c.patch(body)
		c.adjust(1)
		c.emit(OpPopExcept, 0)
		c.clearHandlerName(h.Name)
		c.emit(OpListAppend, 2)
		c.patch(done)
		c.patch(next)
	}
	c.emit(OpListAppend, 1)
	c.emit(OpPrepReraiseStar, 0)
	c.emit(OpDupTop, 0)
	c.emitConst(None)
	c.emit(OpIsOp, 0)
	raise := c.emit(OpPopJumpIfFalse, 0)
	c.emit(OpPopTop, 0)
	c.emit(OpPopExcept, 0)
	end := c.emit(OpJump, 0)
	c.patch(raise)
	c.adjust(1)
	c.emit(OpReraiseStar, 0)
	c.patch(end)
}

// isConstOperand: CPython folds -1, +2.0, ~3 into constants.
func isConstOperand(u *parser.UnaryOp) bool {
	k, ok := u.X.(*parser.Const)
	if !ok || u.Op == "not" {
		return false
	}
	switch k.Value.(type) {
	case string, []byte, nil:
		return false
	}
	return true
}

// clearHandlerName unbinds `except ... as name` when its clause ends.
func (c *compiler) clearHandlerName(name string) {
	if name != "" {
		c.emitConst(None)
		c.storeName(name)
		c.deleteName(name)
	}
}

// exceptStarExit rejects break/continue/return that would leave an except*
// clause (CPython: the clause must run to its end so the group can be
// reassembled). loop: the statement stops at the innermost loop.
func (c *compiler) exceptStarExit(p parser.Pos, loop bool) {
	for i := len(c.u.fblocks) - 1; i >= 0; i-- {
		switch c.u.fblocks[i].kind {
		case fbLoop, fbForLoop:
			if loop {
				return
			}
		case fbExceptStar:
			c.fail(p, "'break', 'continue' and 'return' cannot appear in an except* block")
			return
		}
	}
}

// ---- with ----

func (c *compiler) withStmt(s *parser.With, item int) {
	if item == len(s.Items) {
		c.stmts(s.Body)
		return
	}
	it := s.Items[item]
	c.expr(it.Context)
	kind := fbWith
	var setup int
	if s.Async {
		kind = fbAsyncWith
		c.emit(OpBeforeAsyncWith, 0)
		c.emitConst(None)
		c.emit(OpYieldFrom, 0)
		setup = c.emit(OpSetupAsyncWith, 0)
	} else {
		setup = c.emit(OpSetupWith, 0)
	}
	c.u.fblocks = append(c.u.fblocks, fblock{kind: kind})
	if it.Target != nil {
		c.assign(it.Target)
	} else {
		c.emit(OpPopTop, 0)
	}
	c.withStmt(s, item+1)
	c.popFBlock()
	// The exit call belongs to the with statement's line, as in CPython.
	c.setLine(s.P)
	c.emit(OpPopBlock, 0)
	if s.Async {
		c.emit(OpWithExit, 1)
		c.emitConst(None)
		c.emit(OpYieldFrom, 0)
		c.emit(OpPopTop, 0)
	} else {
		c.emit(OpWithExit, 0)
	}
	jEnd := c.emit(OpJump, 0)
	c.patch(setup)
	// exception path: stack is exit exc
	c.adjust(2)
	c.emit(OpStartExcept, 0)
	if s.Async {
		c.emit(OpAsyncWithExcept, 0)
		c.emitConst(None)
		c.emit(OpYieldFrom, 0)
	} else {
		c.emit(OpWithExcept, 0)
	}
	j := c.emit(OpPopJumpIfTrue, 0)
	c.emit(OpReraise, 0)
	c.patch(j)
	c.adjust(1)
	c.emit(OpPopTop, 0)
	c.emit(OpPopExcept, 0)
	c.emit(OpPopTop, 0)
	c.patch(jEnd)
	c.adjust(-1)
}
