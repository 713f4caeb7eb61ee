package vm

import (
	"github.com/asylang/asy/parser"
)

// MakeFunction flags (argument of OpMakeFunction).
const (
	mfDefaults    = 1 // a tuple of positional defaults is on the stack
	mfKwDefaults  = 2 // a dict of keyword-only defaults
	mfClosure     = 4 // a tuple of cells
	mfAnnotations = 8 // a dict of parameter and return annotations
)

func (c *compiler) funcDef(s *parser.FuncDef) {
	for _, d := range s.Decorators {
		c.expr(d)
	}
	c.setLine(s.P)
	c.makeFunction(s, s.Name, s.Params, func() {
		body := s.Body
		// A leading string is the docstring; it stays a harmless expression statement.
		if doc, ok := docstring(body); ok {
			c.u.code.Doc = Str(doc)
		}
		c.stmts(body)
		c.emitConst(None)
		c.emit(OpReturnValue, 0)
	}, s.P.Line)
	for range s.Decorators {
		c.emit(OpCall, 1)
	}
	c.storeName(s.Name)
}

// makeFunction compiles a nested code object and emits MAKE_FUNCTION.
func (c *compiler) makeFunction(node parser.Node, name string, params *parser.Params, body func(), line int) {
	flags := 0
	if params != nil {
		var defs []parser.Expr
		for _, p := range append(append([]*parser.Param(nil), params.PosOnly...), params.Args...) {
			if p.Default != nil {
				defs = append(defs, p.Default)
			}
		}
		if len(defs) > 0 {
			for _, d := range defs {
				c.expr(d)
			}
			c.emit(OpBuildTuple, len(defs))
			flags |= mfDefaults
		}
		n := 0
		for _, p := range params.KwOnly {
			if p.Default != nil {
				c.emitConst(Str(p.Name))
				c.expr(p.Default)
				n++
			}
		}
		if n > 0 {
			c.emit(OpBuildMap, n)
			flags |= mfKwDefaults
		}
	}
	if fd, ok := node.(*parser.FuncDef); ok {
		if anns := functionAnnotations(params, fd.Returns); len(anns) > 0 {
			for _, a := range anns {
				c.emitConst(Str(a.name))
				c.annotation(a.ann)
			}
			c.emit(OpBuildMap, len(anns))
			flags |= mfAnnotations
		}
	}
	code := c.nestedCode(node, name, params, body, line)
	if code == nil {
		return
	}
	// Closure: the cells of the free variables, loaded from this unit.
	if code.NumFrees > 0 {
		if !c.loadClosure(code, line) {
			return
		}
		c.emit(OpBuildTuple, code.NumFrees)
		flags |= mfClosure
	}
	c.emit(OpLoadConst, c.constIndex(Obj(code), nil))
	c.emit(OpMakeFunction, flags)
}

// nestedCode compiles the code object of a function, lambda, class body
// or comprehension.
func (c *compiler) nestedCode(node parser.Node, name string, params *parser.Params, body func(), line int) *Code {
	sc := c.scopes[node]
	qual := qualJoin(c.u, name)
	u := c.newUnit(sc, name, qual, line)
	code := u.code
	if params != nil {
		code.PosOnlyCount = len(params.PosOnly)
		code.ArgCount = len(params.PosOnly) + len(params.Args)
		code.KwOnlyCount = len(params.KwOnly)
		if params.Vararg != nil {
			code.Flags |= FlagVarargs
		}
		if params.Kwarg != nil {
			code.Flags |= FlagVarkw
		}
	}
	if sc.comprehension {
		code.ArgCount = 1
	}
	switch {
	case sc.generator && sc.coroutine:
		code.Flags |= FlagAsyncGen
	case sc.generator:
		code.Flags |= FlagGenerator
	case sc.coroutine:
		code.Flags |= FlagCoroutine
	}
	body()
	return c.finish()
}

// loadClosure pushes the cells of code's free variables from this unit.
func (c *compiler) loadClosure(code *Code, line int) bool {
	for _, fname := range code.LocalNames[code.FreeStart : code.FreeStart+code.NumFrees] {
		slot, ok := c.u.slots[fname]
		if !ok {
			c.fail(parser.Pos{Line: line}, "internal error: no cell for free variable "+fname)
			return false
		}
		c.emit(OpLoadClosure, slot)
	}
	return true
}

func (c *compiler) classDef(s *parser.ClassDef) {
	for _, d := range s.Decorators {
		c.expr(d)
	}
	c.setLine(s.P)
	// fn name bases kwdict → class
	c.makeFunction(s, s.Name, nil, func() {
		c.loadName("__name__")
		c.emit(OpStoreName, c.nameIndex("__module__"))
		c.emitConst(Str(c.u.code.QualName))
		c.emit(OpStoreName, c.nameIndex("__qualname__"))
		if doc, ok := docstring(s.Body); ok {
			c.emitConst(Str(doc))
			c.emit(OpStoreName, c.nameIndex("__doc__"))
		}
		c.setupAnnotations(s.Body)
		c.stmts(s.Body)
		if c.u.scope.needsClassCell {
			c.emit(OpLoadClosure, c.u.slots["__class__"])
		} else {
			c.emitConst(None)
		}
		c.emit(OpReturnValue, 0)
	}, s.P.Line)
	c.emitConst(Str(s.Name))
	for _, b := range s.Bases {
		if st, ok := b.(*parser.Starred); ok {
			c.expr(st.X)
			c.emit(OpGetIter, 0)
			c.emit(OpBuildList, 0)
			c.emit(OpRotTwo, 0)
			c.emit(OpListExtend, 1)
			c.emit(OpListToTuple, 0)
			continue
		}
		c.expr(b)
	}
	c.emit(OpBuildTuple, len(s.Bases))
	for _, k := range s.Keywords {
		c.emitConst(Str(k.Name))
		c.expr(k.Value)
	}
	c.emit(OpBuildMap, len(s.Keywords))
	c.emit(OpBuildClass, 0)
	for range s.Decorators {
		c.emit(OpCall, 1)
	}
	c.storeName(s.Name)
}

func (c *compiler) lambda(e *parser.Lambda) {
	c.makeFunction(e, "<lambda>", e.Params, func() {
		c.expr(e.Body)
		if c.u.scope.generator {
			c.emit(OpPopTop, 0)
			c.emitConst(None)
		}
		c.emit(OpReturnValue, 0)
	}, e.P.Line)
}

// comprehension compiles [elt for ...] as a nested function called with the
// first iterator, as Python 3 does (so loop variables do not leak).
func (c *compiler) comprehension(e *parser.Comp) {
	sc := c.scopes[e]
	body := func() {
		if g := e.Generators; len(g) == 1 && len(g[0].Ifs) == 0 && !g[0].Async && (e.Kind == "list" || e.Kind == "dict") {
			c.u.code.Flags |= FlagCompOneEach
		}
		switch e.Kind {
		case "list":
			c.emit(OpBuildList, 0)
		case "set":
			c.emit(OpBuildSet, 0)
		case "dict":
			c.emit(OpBuildMap, 0)
		}
		c.compGenerator(e, 0, 1)
		if e.Kind == "gen" {
			c.emitConst(None)
		}
		c.emit(OpReturnValue, 0)
	}
	if !sc.coroutine && !e.Generators[0].Async {
		// Called at once and never seen by the script, the function
		// object is skipped: CALL_COMP runs the code with the iterator
		// and the closure cells (in that order on the stack: the cells,
		// which loading cannot change, after the iterable's expression).
		code := c.nestedCode(e, sc.name, nil, body, e.P.Line)
		if code == nil {
			return
		}
		k := c.constIndex(Obj(code), nil)
		if k < 1<<16 && code.NumFrees < 1<<8 {
			c.expr(e.Generators[0].Iter)
			c.emit(OpGetIter, 0)
			if !c.loadClosure(code, e.P.Line) {
				return
			}
			c.emit(OpCallComp, k|code.NumFrees<<16)
			return
		}
		// Too many constants or cells for CALL_COMP's argument: a
		// function, as for the others.
		flags := 0
		if code.NumFrees > 0 {
			if !c.loadClosure(code, e.P.Line) {
				return
			}
			c.emit(OpBuildTuple, code.NumFrees)
			flags = mfClosure
		}
		c.emit(OpLoadConst, k)
		c.emit(OpMakeFunction, flags)
	} else {
		c.makeFunction(e, sc.name, nil, body, e.P.Line)
	}
	c.expr(e.Generators[0].Iter)
	if e.Generators[0].Async {
		c.emit(OpGetAIter, 0)
	} else {
		c.emit(OpGetIter, 0)
	}
	c.emit(OpCall, 1)
	if sc.coroutine && e.Kind != "gen" {
		c.emit(OpGetAwaitable, 0)
		c.emitConst(None)
		c.emit(OpYieldFrom, 0)
	}
}

// compGenerator emits the loop for generator i; depth is the stack depth of
// the accumulator below the iterators.
func (c *compiler) compGenerator(e *parser.Comp, i, depth int) {
	g := e.Generators[i]
	if i == 0 {
		c.emit(OpLoadFast, 0) // .0
	} else {
		c.expr(g.Iter)
		if g.Async {
			c.emit(OpGetAIter, 0)
		} else {
			c.emit(OpGetIter, 0)
		}
	}
	start := c.pc()
	var exit int
	if g.Async {
		exit = c.emit(OpSetupExcept, 0)
		c.emit(OpGetANext, 0)
		c.emitConst(None)
		c.emit(OpYieldFrom, 0)
		c.emit(OpPopBlock, 0)
	} else {
		exit = c.emit(OpForIter, 0)
	}
	c.assign(g.Target)
	var skips []int
	for _, cond := range g.Ifs {
		skips = append(skips, c.jumpIfFalse(cond))
	}
	if i+1 < len(e.Generators) {
		c.compGenerator(e, i+1, depth+1)
	} else {
		switch e.Kind {
		case "list":
			c.expr(e.Elt)
			c.emit(OpListAppend, depth+1)
		case "set":
			c.expr(e.Elt)
			c.emit(OpSetAdd, depth+1)
		case "dict":
			c.expr(e.Elt)
			c.expr(e.Value)
			c.emit(OpMapAdd, depth+1)
		case "gen":
			c.expr(e.Elt)
			c.emit(OpYieldValue, 0)
			c.emit(OpPopTop, 0)
		}
	}
	for _, s := range skips {
		c.patchTo(s, start)
	}
	c.emit(OpJump, start)
	c.patch(exit)
	if g.Async {
		c.adjust(1)
		c.emit(OpEndAsyncFor, 0)
	}
	c.adjust(-1)
}
