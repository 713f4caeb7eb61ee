package parser

// Expressions, by precedence from lowest to highest:
// lambda < if-else < or < and < not < comparisons < | < ^ < & < shifts <
// + - < * / // % @ < unary < ** < await < primary.

func (ps *parser) testlistStarExpr() Expr {
	p := ps.peek().pos
	first := ps.testOrStar()
	if !ps.isOp(",") {
		return first
	}
	elems := []Expr{first}
	for ps.acceptOp(",") {
		if ps.atExprEnd() {
			break
		}
		elems = append(elems, ps.testOrStar())
	}
	return &Tuple{P: p, Elems: elems}
}

// atExprEnd reports whether no further expression can start here.
func (ps *parser) atExprEnd() bool {
	t := ps.peek()
	switch t.kind {
	case tNewline, tEOF, tDedent, tIndent:
		return true
	case tOp:
		switch t.val {
		case ")", "]", "}", "=", ":", ";", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "<<=", ">>=", "&=", "|=", "^=":
			return true
		}
	case tName:
		return t.val == "in" || t.val == "for" || t.val == "if" || t.val == "async"
	}
	return false
}

func (ps *parser) testOrStar() Expr {
	if ps.isOp("*") {
		p := ps.next().pos
		return &Starred{P: p, X: ps.bitOr()}
	}
	return ps.namedExprTest()
}

func (ps *parser) namedExprTest() Expr {
	t := ps.peek()
	if t.kind == tName && ps.peekAt(1).kind == tOp && ps.peekAt(1).val == ":=" {
		if isKeyword(t.val) {
			ps.syntaxError("invalid syntax")
		}
		ps.next()
		ps.next()
		return &NamedExpr{P: t.pos, Target: &Name{P: t.pos, Id: t.val}, Value: ps.test()}
	}
	start := ps.p
	e := ps.test()
	if ps.isOp("=") {
		ps.namedEq = span{start, ps.p}
	}
	if ps.isOp(":=") {
		ps.failAt(e.Position(), "SyntaxError", "cannot use assignment expressions with "+describeExpr(e))
	}
	return e
}

func (ps *parser) test() Expr {
	ps.enter(1)
	defer ps.leave(1)
	if ps.isKw("lambda") {
		ps.enter(1) // a lambda costs CPython's parser more than other levels
		defer ps.leave(1)
		return ps.lambdef(true)
	}
	p := ps.peek().pos
	start := ps.p
	e := ps.orTest()
	// Where an expression could have been followed by another (the comma
	// hint of invalidSyntax); a comprehension's disjunctions are not.
	ps.lastDisj = span{start, ps.p}
	if ps.isKw("if") {
		// Only a conditional expression if an 'else' follows; otherwise the
		// 'if' belongs to a comprehension.
		save := ps.p
		ps.next()
		cond := ps.orTest()
		if !ps.acceptKw("else") {
			if ps.inCompIf() {
				ps.p = save
				return e
			}
			if !ps.isOp(":") {
				ps.failSpan(span{start, ps.p}, "expected 'else' after 'if' expression")
			}
			ps.failAt(ps.peek().pos, "SyntaxError", "expected 'else' after 'if' expression")
		}
		return &IfExp{P: p, Cond: cond, Body: e, Else: ps.test()}
	}
	return e
}

// inCompIf is a conservative check used only for error reporting.
func (ps *parser) inCompIf() bool { return false }

func (ps *parser) testNoCond() Expr {
	if ps.isKw("lambda") {
		return ps.lambdef(false)
	}
	return ps.orTest()
}

func (ps *parser) lambdef(allowCond bool) Expr {
	p := ps.next().pos
	params := ps.paramList(":", false)
	if !ps.isOp(":") && ps.peek().kind != tNewline {
		ps.syntaxError("invalid syntax")
	}
	ps.expectOp(":")
	var body Expr
	if allowCond {
		body = ps.test()
	} else {
		body = ps.testNoCond()
	}
	return &Lambda{P: p, Params: params, Body: body}
}

func (ps *parser) orTest() Expr {
	p := ps.peek().pos
	e := ps.andTest()
	if ps.isKw("or") {
		vals := []Expr{e}
		for ps.acceptKw("or") {
			vals = append(vals, ps.andTest())
		}
		e = &BoolOp{P: p, Op: "or", Values: vals}
	}
	return e
}

func (ps *parser) andTest() Expr {
	p := ps.peek().pos
	e := ps.notTest()
	if !ps.isKw("and") {
		return e
	}
	vals := []Expr{e}
	for ps.acceptKw("and") {
		vals = append(vals, ps.notTest())
	}
	return &BoolOp{P: p, Op: "and", Values: vals}
}

func (ps *parser) notTest() Expr {
	if ps.isKw("not") {
		p := ps.next().pos
		ps.enter(1)
		defer ps.leave(1)
		return &UnaryOp{P: p, Op: "not", X: ps.notTest()}
	}
	return ps.comparison()
}

func (ps *parser) compOp() string {
	t := ps.peek()
	if t.kind == tOp {
		switch t.val {
		case "<", ">", "==", "!=", "<=", ">=":
			ps.next()
			return t.val
		case "<>":
			ps.syntaxError("invalid syntax")
		}
	}
	if t.kind == tName {
		switch t.val {
		case "in":
			ps.next()
			return "in"
		case "not":
			if nt := ps.peekAt(1); nt.kind == tName && nt.val == "in" {
				ps.next()
				ps.next()
				return "not in"
			}
		case "is":
			ps.next()
			if ps.acceptKw("not") {
				return "is not"
			}
			return "is"
		}
	}
	return ""
}

func (ps *parser) comparison() Expr {
	p := ps.peek().pos
	e := ps.bitOr()
	var ops []string
	var rest []Expr
	for {
		op := ps.compOp()
		if op == "" {
			break
		}
		ops = append(ops, op)
		rest = append(rest, ps.bitOr())
	}
	if len(ops) == 0 {
		return e
	}
	return &Compare{P: p, X: e, Ops: ops, Comparators: rest}
}

// binary parses a left-associative level.
func (ps *parser) binary(next func() Expr, ops ...string) Expr {
	e := next()
	for {
		t := ps.peek()
		if t.kind != tOp {
			return e
		}
		matched := ""
		for _, o := range ops {
			if t.val == o {
				matched = o
				break
			}
		}
		if matched == "" {
			return e
		}
		ps.next()
		e = &BinOp{P: e.Position(), Op: matched, X: e, Y: next()}
	}
}

func (ps *parser) bitOr() Expr  { return ps.binary(ps.bitXor, "|") }
func (ps *parser) bitXor() Expr { return ps.binary(ps.bitAnd, "^") }
func (ps *parser) bitAnd() Expr { return ps.binary(ps.shift, "&") }
func (ps *parser) shift() Expr  { return ps.binary(ps.arith, "<<", ">>") }
func (ps *parser) arith() Expr  { return ps.binary(ps.term, "+", "-") }
func (ps *parser) term() Expr   { return ps.binary(ps.factor, "*", "/", "//", "%", "@") }

func (ps *parser) factor() Expr {
	t := ps.peek()
	if t.kind == tOp && (t.val == "-" || t.val == "+" || t.val == "~") {
		ps.next()
		ps.enter(1)
		defer ps.leave(1)
		x := ps.factor()
		// Fold negative numeric literals so -9223372036854775808 stays exact.
		return &UnaryOp{P: t.pos, Op: t.val, X: x}
	}
	return ps.power()
}

func (ps *parser) power() Expr {
	e := ps.awaitPrimary()
	if ps.isOp("**") {
		ps.next()
		ps.enter(1)
		defer ps.leave(1)
		return &BinOp{P: e.Position(), Op: "**", X: e, Y: ps.factor()}
	}
	return e
}

func (ps *parser) awaitPrimary() Expr {
	if ps.isKw("await") {
		p := ps.next().pos
		ps.enter(1)
		defer ps.leave(1)
		return &Await{P: p, X: ps.primary()}
	}
	return ps.primary()
}

func (ps *parser) primary() Expr {
	e := ps.atom()
	for {
		t := ps.peek()
		if t.kind != tOp {
			return e
		}
		switch t.val {
		case "(":
			ps.next()
			args, kws := ps.callArgs()
			ps.expectOp(")")
			e = &Call{P: e.Position(), Func: e, Args: args, Keywords: kws}
		case "[":
			ps.next()
			idx := ps.subscriptList()
			ps.expectOp("]")
			e = &Subscript{P: e.Position(), X: e, Index: idx}
		case ".":
			ps.next()
			n := ps.peek()
			if n.kind != tName {
				ps.syntaxError("invalid syntax")
			}
			ps.next()
			e = &Attribute{P: e.Position(), X: e, Name: n.val}
		default:
			return e
		}
	}
}

// callArgs parses call arguments up to ')'.
func (ps *parser) callArgs() ([]Expr, []*Keyword) {
	var args []Expr
	var kws []*Keyword
	sawKw := false
	for !ps.isOp(")") {
		t := ps.peek()
		switch {
		case ps.isOp("*"):
			for _, k := range kws {
				if k.Name == "" {
					ps.failAt(t.pos, "SyntaxError", "iterable argument unpacking follows keyword argument unpacking")
				}
			}
			ps.next()
			args = append(args, &Starred{P: t.pos, X: ps.test()})
		case ps.isOp("**"):
			ps.next()
			kws = append(kws, &Keyword{P: t.pos, Value: ps.test()})
			sawKw = true
		case t.kind == tName && ps.peekAt(1).kind == tOp && ps.peekAt(1).val == "=":
			if isKeyword(t.val) {
				ps.failAt(t.pos, "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?")
			}
			ps.next()
			ps.next()
			kws = append(kws, &Keyword{P: t.pos, Name: t.val, Value: ps.test(), End: ps.toks[ps.p-1].end})
			sawKw = true
		default:
			start := ps.p
			e := ps.namedExprTest()
			if ps.isKw("for") || ps.isKw("async") {
				e = ps.compFor(e.Position(), "gen", e, nil)
				if len(args) > 0 || len(kws) > 0 || !ps.isOp(")") {
					if !ps.isOp(")") || len(args) > 0 || len(kws) > 0 {
						ps.failSpan(span{start, ps.p}, "Generator expression must be parenthesized")
					}
				}
			}
			if sawKw && startsExpression(ps.peek()) {
				ps.invalidSyntax(true) // f(**k, a b): the missing comma first
			}
			if ps.isOp("=") {
				ps.failAt(e.Position(), "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?")
			}
			if sawKw {
				for _, k := range kws {
					if k.Name == "" {
						ps.failAt(e.Position(), "SyntaxError", "positional argument follows keyword argument unpacking")
					}
				}
				ps.failAt(e.Position(), "SyntaxError", "positional argument follows keyword argument")
			}
			args = append(args, e)
		}
		if !ps.acceptOp(",") {
			break
		}
	}
	return args, kws
}

func (ps *parser) subscriptList() Expr {
	p := ps.peek().pos
	first := ps.subscript()
	if !ps.isOp(",") {
		return first
	}
	elems := []Expr{first}
	for ps.acceptOp(",") {
		if ps.isOp("]") {
			break
		}
		elems = append(elems, ps.subscript())
	}
	return &Tuple{P: p, Elems: elems}
}

func (ps *parser) subscript() Expr {
	p := ps.peek().pos
	var lo Expr
	if !ps.isOp(":") {
		if ps.isOp("*") {
			sp := ps.next().pos
			return &Starred{P: sp, X: ps.bitOr()}
		}
		lo = ps.namedExprTest()
		if !ps.isOp(":") {
			return lo
		}
	}
	ps.next() // ':'
	s := &Slice{P: p, Lo: lo}
	if !ps.isOp(":") && !ps.isOp("]") && !ps.isOp(",") {
		s.Hi = ps.test()
	}
	if ps.acceptOp(":") {
		if !ps.isOp("]") && !ps.isOp(",") {
			s.Step = ps.test()
		}
	}
	return s
}

func (ps *parser) yieldExpr() Expr {
	p := ps.next().pos // yield
	if ps.acceptKw("from") {
		return &YieldFrom{P: p, X: ps.test()}
	}
	if ps.atExprEnd() {
		return &Yield{P: p}
	}
	return &Yield{P: p, X: ps.testlistStarExpr()}
}

func (ps *parser) atom() Expr {
	t := ps.peek()
	switch t.kind {
	case tName:
		switch t.val {
		case "None":
			ps.next()
			return &Const{P: t.pos, Value: nil}
		case "True":
			ps.next()
			return &Const{P: t.pos, Value: true}
		case "False":
			ps.next()
			return &Const{P: t.pos, Value: false}
		case "yield":
			ps.failAt(t.pos, "SyntaxError", "invalid syntax")
		}
		if isKeyword(t.val) {
			ps.syntaxError("invalid syntax")
		}
		ps.next()
		return &Name{P: t.pos, Id: t.val}
	case tNumber:
		ps.next()
		return &Const{P: t.pos, Value: ps.parseNumber(t)}
	case tString:
		return ps.strings()
	case tOp:
		switch t.val {
		case "(":
			return ps.parenAtom()
		case "[":
			return ps.listAtom()
		case "{":
			return ps.dictOrSetAtom()
		case "...":
			ps.next()
			return &Const{P: t.pos, Value: Ellipsis{}}
		}
	}
	ps.syntaxError("invalid syntax")
	return nil
}

func (ps *parser) parenAtom() Expr {
	p := ps.next().pos // (
	if ps.acceptOp(")") {
		return &Tuple{P: p}
	}
	if ps.isKw("yield") {
		e := ps.yieldExpr()
		ps.expectOp(")")
		return e
	}
	first := ps.testOrStar()
	if ps.isKw("for") || ps.isKw("async") {
		e := ps.compFor(p, "gen", first, nil)
		ps.expectOp(")")
		return e
	}
	if ps.acceptOp(")") {
		if _, ok := first.(*Starred); ok {
			ps.failExpr(first, "cannot use starred expression here")
		}
		return first
	}
	elems := []Expr{first}
	for ps.acceptOp(",") {
		if ps.isOp(")") {
			break
		}
		elems = append(elems, ps.testOrStar())
	}
	ps.expectOp(")")
	return &Tuple{P: p, Elems: elems}
}

func (ps *parser) listAtom() Expr {
	p := ps.next().pos // [
	if ps.acceptOp("]") {
		return &List{P: p}
	}
	first := ps.testOrStar()
	if ps.isKw("for") || ps.isKw("async") {
		e := ps.compFor(p, "list", first, nil)
		ps.expectOp("]")
		return e
	}
	elems := []Expr{first}
	for ps.acceptOp(",") {
		if ps.isOp("]") {
			break
		}
		elems = append(elems, ps.testOrStar())
	}
	ps.expectOp("]")
	return &List{P: p, Elems: elems}
}

func (ps *parser) dictOrSetAtom() Expr {
	p := ps.next().pos // {
	if ps.acceptOp("}") {
		return &Dict{P: p}
	}
	if ps.isOp("**") {
		ps.next()
		d := &Dict{P: p, Keys: []Expr{nil}, Values: []Expr{ps.bitOr()}}
		return ps.dictRest(d)
	}
	first := ps.testOrStar()
	if ps.acceptOp(":") {
		v := ps.test()
		if ps.isKw("for") || ps.isKw("async") {
			e := ps.compFor(p, "dict", first, v)
			ps.expectOp("}")
			return e
		}
		d := &Dict{P: p, Keys: []Expr{first}, Values: []Expr{v}}
		return ps.dictRest(d)
	}
	if ps.isKw("for") || ps.isKw("async") {
		e := ps.compFor(p, "set", first, nil)
		ps.expectOp("}")
		return e
	}
	elems := []Expr{first}
	for ps.acceptOp(",") {
		if ps.isOp("}") {
			break
		}
		elems = append(elems, ps.testOrStar())
	}
	ps.expectOp("}")
	return &Set{P: p, Elems: elems}
}

func (ps *parser) dictRest(d *Dict) Expr {
	for ps.acceptOp(",") {
		if ps.isOp("}") {
			break
		}
		if ps.acceptOp("**") {
			d.Keys = append(d.Keys, nil)
			d.Values = append(d.Values, ps.bitOr())
			continue
		}
		ks := ps.p
		k := ps.test()
		if !ps.isOp(":") {
			ps.failSpan(span{ks, ps.p}, "':' expected after dictionary key")
		}
		ps.next()
		d.Keys = append(d.Keys, k)
		d.Values = append(d.Values, ps.test())
	}
	ps.expectOp("}")
	return d
}

// compFor parses the `for ... in ... if ...` clauses of a comprehension.
func (ps *parser) compFor(p Pos, kind string, elt, value Expr) Expr {
	if s, ok := elt.(*Starred); ok {
		ps.failAt(s.P, "SyntaxError", "iterable unpacking cannot be used in comprehension")
	}
	c := &Comp{P: p, Kind: kind, Elt: elt, Value: value}
	for ps.isKw("for") || ps.isKw("async") {
		g := &CompFor{}
		if ps.acceptKw("async") {
			g.Async = true
		}
		if !ps.acceptKw("for") {
			ps.syntaxError("invalid syntax")
		}
		g.Target = ps.targetList()
		ps.checkTarget(g.Target, "assign to")
		if !ps.acceptKw("in") {
			ps.syntaxError("invalid syntax")
		}
		g.Iter = ps.orTest()
		for ps.isKw("if") {
			ps.next()
			g.Ifs = append(g.Ifs, ps.testNoCondWalrus())
		}
		c.Generators = append(c.Generators, g)
	}
	return c
}

func (ps *parser) testNoCondWalrus() Expr {
	t := ps.peek()
	if t.kind == tName && ps.peekAt(1).kind == tOp && ps.peekAt(1).val == ":=" {
		ps.next()
		ps.next()
		return &NamedExpr{P: t.pos, Target: &Name{P: t.pos, Id: t.val}, Value: ps.testNoCond()}
	}
	return ps.testNoCond()
}
