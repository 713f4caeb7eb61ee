package vm

import (
	"math/big"

	"github.com/asylang/asy/parser"
)

var binOps = map[string]int{"+": binAdd, "-": binSub, "*": binMul, "/": binTrueDiv, "//": binFloorDiv,
	"%": binMod, "**": binPow, "@": binMatMul, "<<": binLShift, ">>": binRShift, "&": binAnd, "|": binOr, "^": binXor}

var cmpOps = map[string]int{"<": cmpLT, "<=": cmpLE, "==": cmpEQ, "!=": cmpNE, ">": cmpGT, ">=": cmpGE}

func (c *compiler) expr(e parser.Expr) {
	if c.err != nil {
		return
	}
	line := c.u.line
	c.setLine(e.Position())
	defer func() { c.u.line = line }()
	switch e := e.(type) {
	case *parser.Name:
		c.loadName(e.Id)
	case *parser.Const:
		c.emitConst(constValue(e.Value))
	case *parser.FString:
		c.fstring(e)
	case *parser.FormattedValue:
		c.formattedValue(e)
	case *parser.BinOp:
		c.expr(e.X)
		c.expr(e.Y)
		c.setLine(e.P)
		c.emit(OpBinaryOp, binOps[e.Op])
	case *parser.UnaryOp:
		c.expr(e.X)
		c.setLine(e.P)
		switch e.Op {
		case "-":
			c.emit(OpUnaryNeg, 0)
		case "+":
			c.emit(OpUnaryPos, 0)
		case "~":
			c.emit(OpUnaryInvert, 0)
		case "not":
			c.emit(OpUnaryNot, 0)
		}
	case *parser.BoolOp:
		op := OpJumpIfFalseOrPop
		if e.Op == "or" {
			op = OpJumpIfTrueOrPop
		}
		var jumps []int
		for i, v := range e.Values {
			c.expr(v)
			if i < len(e.Values)-1 {
				jumps = append(jumps, c.emit(op, 0))
				c.adjust(-1)
			}
		}
		for _, j := range jumps {
			c.patch(j)
		}
	case *parser.Compare:
		c.compare(e)
	case *parser.Call:
		c.call(e)
	case *parser.Attribute:
		c.expr(e.X)
		c.setLine(e.P)
		c.emit(OpLoadAttr, c.nameIndex(e.Name))
	case *parser.Subscript:
		c.expr(e.X)
		c.expr(e.Index)
		c.setLine(e.P)
		c.emit(OpBinarySubscr, 0)
	case *parser.Slice:
		for _, p := range []parser.Expr{e.Lo, e.Hi} {
			if p == nil {
				c.emitConst(None)
			} else {
				c.expr(p)
			}
		}
		if e.Step != nil {
			c.expr(e.Step)
			c.emit(OpBuildSlice, 3)
		} else {
			c.emit(OpBuildSlice, 2)
		}
	case *parser.Starred:
		c.fail(e.P, "can't use starred expression here")
	case *parser.List:
		c.sequence(e.Elems, OpBuildList)
	case *parser.Tuple:
		c.sequence(e.Elems, OpBuildTuple)
	case *parser.Set:
		c.sequence(e.Elems, OpBuildSet)
	case *parser.Dict:
		c.dict(e)
	case *parser.Comp:
		c.comprehension(e)
	case *parser.IfExp:
		jElse := c.jumpIfFalse(e.Cond)
		c.expr(e.Body)
		jEnd := c.emit(OpJump, 0)
		c.patch(jElse)
		c.adjust(-1)
		c.expr(e.Else)
		c.patch(jEnd)
	case *parser.Lambda:
		c.lambda(e)
	case *parser.NamedExpr:
		c.expr(e.Value)
		c.emit(OpDupTop, 0)
		c.storeName(e.Target.Id)
	case *parser.Await:
		c.expr(e.X)
		c.setLine(e.P)
		c.emit(OpGetAwaitable, 0)
		c.emitConst(None)
		c.emit(OpYieldFrom, 0)
	case *parser.Yield:
		if e.X != nil {
			c.expr(e.X)
		} else {
			c.emitConst(None)
		}
		c.emit(OpYieldValue, 0)
	case *parser.YieldFrom:
		c.expr(e.X)
		c.emit(OpGetYieldFromIter, 0)
		c.emitConst(None)
		c.emit(OpYieldFrom, 0)
	default:
		c.fail(e.Position(), "unsupported expression")
	}
}

func (c *compiler) compare(e *parser.Compare) {
	c.expr(e.X)
	n := len(e.Ops)
	var cleanups []int
	for i, op := range e.Ops {
		c.expr(e.Comparators[i])
		if i < n-1 {
			c.emit(OpDupTop, 0)
			c.emit(OpRotThree, 0)
		}
		c.setLine(e.P)
		c.cmpOp(op)
		if i < n-1 {
			cleanups = append(cleanups, c.emit(OpJumpIfFalseOrPop, 0))
			c.adjust(-1)
		}
	}
	if n > 1 {
		jEnd := c.emit(OpJump, 0)
		for _, j := range cleanups {
			c.patch(j)
		}
		// False result on top of the leftover operand.
		c.adjust(2)
		c.emit(OpRotTwo, 0)
		c.emit(OpPopTop, 0)
		c.patch(jEnd)
	}
}

func (c *compiler) cmpOp(op string) {
	switch op {
	case "in":
		c.emit(OpContainsOp, 0)
	case "not in":
		c.emit(OpContainsOp, 1)
	case "is":
		c.emit(OpIsOp, 0)
	case "is not":
		c.emit(OpIsOp, 1)
	default:
		c.emit(OpCompareOp, cmpOps[op])
	}
}

func hasStar(elems []parser.Expr) bool {
	for _, e := range elems {
		if _, ok := e.(*parser.Starred); ok {
			return true
		}
	}
	return false
}

// constSet builds the frozenset CPython's compiler makes for a display of
// three or more constants: inserted once in source order, then rebuilt in
// that set's iteration order (the constant-merging pass does this), which
// fixes the order the resulting set iterates in.
func constSet(elems []parser.Expr) (*Set, bool) {
	if len(elems) <= 2 {
		return nil, false
	}
	first := NewSet()
	for _, e := range elems {
		k, ok := e.(*parser.Const)
		if !ok {
			return nil, false
		}
		switch k.Value.(type) {
		case []byte, complex128:
			return nil, false
		}
		if err := first.Add(nil, constValue(k.Value)); err != nil {
			return nil, false
		}
	}
	second := NewSet()
	for _, v := range first.Items() {
		second.Add(nil, v)
	}
	return second, true
}

// constTuple is the tuple a display of plain constants (numbers, strs,
// None, booleans, ...) always makes, built once at compile time as CPython
// folds it: s.endswith(("a", "b")) or x in (1, 2, 3) then builds nothing.
func constTuple(elems []parser.Expr) (*Tuple, bool) {
	if len(elems) == 0 {
		return nil, false
	}
	items := make([]Value, len(elems))
	for i, e := range elems {
		neg := false
		if u, ok := e.(*parser.UnaryOp); ok && u.Op == "-" {
			neg, e = true, u.X // a negative number literal
		}
		k, ok := e.(*parser.Const)
		if !ok {
			return nil, false
		}
		switch v := k.Value.(type) {
		case []byte, complex128:
			return nil, false // their objects stay made per evaluation
		case int64:
			if neg {
				k = &parser.Const{Value: -v}
			}
		case float64:
			if neg {
				k = &parser.Const{Value: -v}
			}
		case *big.Int:
			if neg {
				k = &parser.Const{Value: new(big.Int).Neg(v)}
			}
		default:
			if neg {
				return nil, false // -"s", -None: the error is raised at run time
			}
		}
		items[i] = constValue(k.Value)
	}
	return NewTuple(items), true
}

// sequence builds a list/tuple/set display, handling *x items.
func (c *compiler) sequence(elems []parser.Expr, op Opcode) {
	if op == OpBuildTuple {
		if tp, ok := constTuple(elems); ok {
			c.emit(OpLoadConst, c.constIndex(Obj(tp), nil))
			return
		}
	}
	if op == OpBuildSet {
		if s, ok := constSet(elems); ok {
			c.emit(OpBuildSet, 0)
			c.emit(OpLoadConst, c.constIndex(Obj(&FrozenSet{s: s}), nil))
			c.emit(OpSetUpdate, 1)
			return
		}
	}
	if !hasStar(elems) {
		for _, x := range elems {
			c.expr(x)
		}
		c.emit(op, len(elems))
		return
	}
	if op == OpBuildSet {
		c.emit(OpBuildSet, 0)
	} else {
		c.emit(OpBuildList, 0)
	}
	for _, x := range elems {
		if s, ok := x.(*parser.Starred); ok {
			c.expr(s.X)
			if op == OpBuildSet {
				c.emit(OpSetUpdate, 1)
			} else {
				c.emit(OpListExtend, 1)
			}
		} else {
			c.expr(x)
			if op == OpBuildSet {
				c.emit(OpSetAdd, 1)
			} else {
				c.emit(OpListAppend, 1)
			}
		}
	}
	if op == OpBuildTuple {
		c.emit(OpListToTuple, 0)
	}
}

func (c *compiler) dict(e *parser.Dict) {
	hasSplat := false
	for _, k := range e.Keys {
		if k == nil {
			hasSplat = true
		}
	}
	if !hasSplat {
		for i := range e.Keys {
			c.expr(e.Keys[i])
			c.expr(e.Values[i])
		}
		c.emit(OpBuildMap, len(e.Keys))
		return
	}
	c.emit(OpBuildMap, 0)
	for i := range e.Keys {
		if e.Keys[i] == nil {
			c.expr(e.Values[i])
			c.emit(OpDictUpdate, 1)
		} else {
			c.expr(e.Keys[i])
			c.expr(e.Values[i])
			c.emit(OpMapAdd, 1)
		}
	}
}

func (c *compiler) call(e *parser.Call) {
	c.checkKeywords(e.Keywords)
	simple := !hasStar(e.Args)
	for _, k := range e.Keywords {
		if k.Name == "" {
			simple = false
		}
	}
	// Method calls avoid allocating a bound method.
	if attr, ok := e.Func.(*parser.Attribute); ok && simple && len(e.Keywords) == 0 {
		c.expr(attr.X)
		c.setLine(attr.P)
		c.emit(OpLoadMethod, c.nameIndex(attr.Name))
		for _, a := range e.Args {
			c.expr(a)
		}
		c.setLine(e.P)
		c.emit(OpCallMethod, len(e.Args))
		return
	}
	c.expr(e.Func)
	if simple {
		for _, a := range e.Args {
			c.expr(a)
		}
		if len(e.Keywords) == 0 {
			c.setLine(e.P)
			c.emit(OpCall, len(e.Args))
			return
		}
		var names []Value
		for _, k := range e.Keywords {
			c.expr(k.Value)
			names = append(names, Str(k.Name))
		}
		c.emit(OpLoadConst, c.constIndex(Obj(NewTuple(names)), nil))
		c.setLine(e.P)
		c.emit(OpCallKw, len(e.Args)+len(e.Keywords))
		return
	}
	// General form: build an args tuple and a kwargs dict.
	if s, ok := oneStarred(e.Args); ok {
		// f(*x): an error names f, as CPython's CALL_FUNCTION_EX does.
		c.emit(OpBuildList, 0)
		c.expr(s.X)
		c.emit(OpListExtend, 1|listExtendCall)
		c.emit(OpListToTuple, 0)
	} else {
		c.sequence(e.Args, OpBuildTuple)
	}
	if len(e.Keywords) > 0 {
		c.emit(OpBuildMap, 0)
		merged := false // a **m came before: a name may repeat one of its keys
		for i, k := range e.Keywords {
			switch {
			case k.Name == "":
				c.expr(k.Value)
				c.emit(OpDictMerge, 1)
				merged = true
			case merged:
				// Gather the names up to the next **m in a dict of their
				// own, merged like it so that a repeated key is refused.
				if i == 0 || e.Keywords[i-1].Name == "" {
					c.emit(OpBuildMap, 0)
				}
				c.emitConst(Str(k.Name))
				c.expr(k.Value)
				c.emit(OpMapAdd, 1)
				if i == len(e.Keywords)-1 || e.Keywords[i+1].Name == "" {
					c.emit(OpDictMerge, 1)
				}
			default:
				c.emitConst(Str(k.Name))
				c.expr(k.Value)
				c.emit(OpMapAdd, 1)
			}
		}
		c.setLine(e.P)
		c.emit(OpCallEx, 1)
	} else {
		c.setLine(e.P)
		c.emit(OpCallEx, 0)
	}
}

func (c *compiler) fstring(e *parser.FString) {
	if len(e.Parts) == 0 {
		c.emitConst(Str(""))
		return
	}
	for _, p := range e.Parts {
		c.expr(p)
	}
	if len(e.Parts) > 1 {
		c.emit(OpBuildString, len(e.Parts))
	}
}

func (c *compiler) formattedValue(e *parser.FormattedValue) {
	c.expr(e.Value)
	arg := 0
	switch e.Conv {
	case 's':
		arg = 1
	case 'r':
		arg = 2
	case 'a':
		arg = 3
	}
	if e.Spec != nil {
		c.expr(e.Spec)
		arg |= 4
	}
	c.emit(OpFormatValue, arg)
}

// checkKeywords refuses a keyword given twice in one call, as CPython's
// compiler does (carets under the second keyword argument).
func (c *compiler) checkKeywords(kws []*parser.Keyword) {
	for i, k := range kws {
		if k.Name == "" {
			continue
		}
		for _, prev := range kws[:i] {
			if prev.Name == k.Name {
				end := k.End.Col
				if k.End.Line != k.P.Line {
					end = 0
				}
				c.failSpan(k.P, end, "keyword argument repeated: "+k.Name)
				return
			}
		}
	}
}

// oneStarred reports whether a call's positional arguments are one *x.
func oneStarred(args []parser.Expr) (*parser.Starred, bool) {
	if len(args) != 1 {
		return nil, false
	}
	s, ok := args[0].(*parser.Starred)
	return s, ok
}
