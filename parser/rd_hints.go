package parser

// CPython 3.11's parser, once a parse has failed, parses again with extra
// "invalid_" rules that turn common mistakes into specific messages. This
// file gives the same messages and caret ranges at the point where this
// parser fails: a missing comma between two expressions in brackets,
// Python 2's print statement, '=' where '==' was meant in a condition.

// span is a run of tokens: start index, end index (exclusive).
type span struct{ start, end int }

// subParse runs rule on a copy of the parser positioned at token i and
// reports the index just after what it consumed; ok is false when the
// rule failed there. The parser itself is not moved.
func (ps *parser) subParse(i int, rule func(*parser)) (end int, ok bool) {
	sub := *ps
	sub.p, sub.err = i, nil
	defer func() {
		if r := recover(); r != nil {
			if _, isBail := r.(bailout); !isBail {
				panic(r)
			}
			end, ok = 0, false
		}
	}()
	rule(&sub)
	return sub.p, true
}

// expressionEnd parses CPython's `expression` (a conditional expression
// when complete, else a disjunction, or a lambda) at token i.
func (ps *parser) expressionEnd(i int) (int, bool) {
	if end, ok := ps.subParse(i, func(s *parser) { s.test() }); ok {
		return end, true
	}
	return ps.subParse(i, func(s *parser) { s.orTest() })
}

// startsExpression reports whether an expression can begin with token t.
func startsExpression(t token) bool {
	switch t.kind {
	case tNumber, tString:
		return true
	case tName:
		switch t.val {
		case "None", "True", "False", "not", "lambda", "await":
			return true
		}
		return !isKeyword(t.val)
	case tOp:
		switch t.val {
		case "(", "[", "{", "-", "+", "~", "...", "*":
			return true
		}
	}
	return false
}

// level is the bracket depth after token i, as CPython's tokenizer
// records it on each token.
func (ps *parser) level(i int) int {
	depth := 0
	for _, t := range ps.toks[:i+1] {
		if t.kind != tOp {
			continue
		}
		switch t.val {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		}
	}
	return depth
}

// failSpan is a SyntaxError with carets under tokens start..end-1 (to the
// end of the first line when they span lines).
func (ps *parser) failSpan(s span, msg string) {
	from, to := ps.toks[s.start], ps.toks[s.end-1]
	endCol := to.end.Col
	if to.end.Line != from.pos.Line {
		endCol = len(ps.lineText(from.pos.Line)) + 1
	}
	ps.failRange(from.pos, endCol, msg)
}

// invalidSyntax reports a generic syntax error at token i (the parser's
// current token), with CPython's more helpful wording when one applies;
// hintOnly: report only such a hint (the caller has an error of its own).
func (ps *parser) invalidSyntax(hintOnly bool) {
	i := ps.p
	t := ps.toks[i]
	d := ps.lastDisj
	if d.end == i && d.start < i && startsExpression(t) {
		first := ps.toks[d.start]
		// print "x" / exec "code": a Python 2 statement.
		if d.end-d.start == 1 && first.kind == tName && (first.val == "print" || first.val == "exec") && !(t.kind == tOp && t.val == "(") {
			if end, ok := ps.subParse(i, func(s *parser) { s.testlistStarExpr() }); ok {
				ps.failSpan(span{d.start, end}, "Missing parentheses in call to '"+first.val+"'. Did you mean "+first.val+"(...)?")
			}
		}
		// [a b]: two expressions side by side inside brackets.
		softKw := first.kind == tName && (first.val == "match" || first.val == "case" || first.val == "_")
		nameStr := first.kind == tName && ps.toks[d.start+1].kind == tString
		if !softKw && !nameStr {
			if end, ok := ps.expressionEnd(i); ok && ps.level(end-1) > 0 {
				ps.failSpan(span{d.start, end}, "invalid syntax. Perhaps you forgot a comma?")
			}
		}
	}
	if hintOnly {
		return
	}
	if t.end.Line == t.pos.Line && t.end.Col > t.pos.Col {
		ps.failRange(t.pos, t.end.Col, "invalid syntax")
	}
	ps.failAt(t.pos, "SyntaxError", "invalid syntax")
}

// namedExprEquals handles '=' after the expression of a condition or a
// bracketed element (if x = 1:), where CPython suggests '==' or ':=';
// eq is the index of the '=' token and start that of the expression.
func (ps *parser) namedExprEquals(start, eq int) {
	// The value must be a bitwise_or not followed by another '=' or ':='.
	if !ps.valueAllowsHint(eq) {
		return
	}
	first := ps.toks[start]
	if eq == start+1 && first.kind == tName && !isKeyword(first.val) {
		end, _ := ps.subParse(eq+1, func(s *parser) { s.bitOr() })
		v, _ := ps.exprAt(eq + 1)
		b := ps.trimParens(span{eq + 1, end}, v)
		ps.failSpan(span{start, b.end}, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	// The target must be a bitwise_or itself (not a comparison, not, and,
	// or a conditional) and not a list, tuple or the constants.
	if tend, ok := ps.subParse(start, func(s *parser) { s.bitOr() }); !ok || tend != eq {
		return
	}
	if first.kind == tName && (first.val == "True" || first.val == "False" || first.val == "None") && eq == start+1 {
		return
	}
	e, ok := ps.exprAt(start)
	if !ok {
		return
	}
	switch x := e.(type) {
	case *List, *Tuple:
		return
	case *Comp:
		if x.Kind == "gen" {
			return
		}
	}
	ps.failSpan(span{start, eq}, "cannot assign to "+describeExpr(e)+" here. Maybe you meant '==' instead of '='?")
}

// exprAt is the bitwise_or expression parsed at token i.
func (ps *parser) exprAt(i int) (e Expr, ok bool) {
	_, ok = ps.subParse(i, func(s *parser) { e = s.bitOr() })
	return e, ok
}

// tokenAt is the index of the first token at position p (-1 if none).
func (ps *parser) tokenAt(p Pos) int {
	for i, t := range ps.toks {
		if t.pos == p {
			return i
		}
		if t.pos.Line > p.Line {
			break
		}
	}
	return -1
}

// exprSpan finds the tokens of an already parsed expression by parsing
// it again from its first token. As CPython's AST, an expression in
// parentheses spans its inside only (tuples and generators keep theirs).
func (ps *parser) exprSpan(e Expr) (span, bool) {
	i := ps.tokenAt(e.Position())
	if i < 0 {
		return span{}, false
	}
	var rule func(*parser)
	switch e.(type) {
	case *Tuple:
		rule = func(s *parser) { s.testlistStarExpr() }
	case *Yield, *YieldFrom:
		rule = func(s *parser) { s.yieldExpr() }
	case *Starred:
		rule = func(s *parser) { s.testOrStar() }
	default:
		rule = func(s *parser) { s.test() }
	}
	end, ok := ps.subParse(i, rule)
	if !ok || end <= i {
		return span{}, false
	}
	return ps.trimParens(span{i, end}, e), true
}

// trimParens drops the parentheses around the tokens of e, unless they
// belong to it (a tuple or a generator expression).
func (ps *parser) trimParens(s span, e Expr) span {
	switch x := e.(type) {
	case *Tuple:
		return s
	case *Comp:
		if x.Kind == "gen" {
			return s
		}
	}
	for s.end-s.start > 2 && ps.isTok(s.start, "(") && ps.isTok(s.end-1, ")") && ps.matching(s.start) == s.end-1 {
		s.start++
		s.end--
	}
	return s
}

func (ps *parser) isTok(i int, op string) bool {
	return ps.toks[i].kind == tOp && ps.toks[i].val == op
}

// matching is the index of the bracket closing the one at token i.
func (ps *parser) matching(i int) int {
	depth := 0
	for j := i; j < len(ps.toks); j++ {
		if ps.toks[j].kind != tOp {
			continue
		}
		switch ps.toks[j].val {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// failExpr is a SyntaxError with carets under expression e.
func (ps *parser) failExpr(e Expr, msg string) {
	if s, ok := ps.exprSpan(e); ok {
		ps.failSpan(s, msg)
	}
	ps.failAt(e.Position(), "SyntaxError", msg)
}

// valueAllowsHint reports whether what follows the '=' at token eq is a
// bitwise_or not followed by another '=' or ':=': the condition under
// which CPython words a bad assignment target as a possible comparison.
func (ps *parser) valueAllowsHint(eq int) bool {
	end, ok := ps.subParse(eq+1, func(s *parser) { s.bitOr() })
	if !ok {
		return false
	}
	n := ps.toks[end]
	return !(n.kind == tOp && (n.val == "=" || n.val == ":="))
}
