package parser

import (
	"bytes"
	"strings"
)

// parser is a recursive-descent parser over the token list, producing the
// AST directly. Each method consumes one grammar rule; errors stop parsing
// at the first problem, worded as CPython words them.
type parser struct {
	file string
	src  string
	toks []token
	p    int
	err  *SyntaxError
	// fstring parsing offsets positions of embedded expressions
	inFString bool
	// maxDigits is the int max str digits limit for decimal literals (0: none).
	maxDigits int
	// depth counts nested expression constructs being parsed (see enter).
	depth int
	// lastDisj is the last disjunction (or-test) parsed and namedEq the
	// last '=' seen right after a named expression: the error hints of
	// rd_hints.go start from them.
	lastDisj, namedEq span
}

// maxParseDepth bounds the parser's Go recursion. CPython's parser has a
// fixed stack too (MAXSTACK) and reports source nested beyond it — a
// million unary minuses — as MemoryError; shallower but still deep source
// reaches the compiler's RecursionError instead.
const maxParseDepth = 5500

// enter counts w levels of nesting (leave undoes it); too deep is the
// MemoryError SyntaxError kind, which the VM raises as MemoryError.
func (ps *parser) enter(w int) {
	ps.depth += w
	if ps.depth > maxParseDepth {
		if ps.err == nil {
			ps.err = &SyntaxError{Kind: "MemoryError", Filename: ps.file}
		}
		panic(bailout{})
	}
}

func (ps *parser) leave(w int) { ps.depth -= w }

// DefaultMaxDigits is CPython's default limit on the digits of a decimal
// int literal (sys.get_int_max_str_digits()).
const DefaultMaxDigits = 4300

type bailout struct{}

func (ps *parser) peek() token { return ps.toks[ps.p] }

func (ps *parser) peekAt(n int) token {
	if ps.p+n < len(ps.toks) {
		return ps.toks[ps.p+n]
	}
	return ps.toks[len(ps.toks)-1]
}

func (ps *parser) next() token {
	t := ps.toks[ps.p]
	if ps.p < len(ps.toks)-1 {
		ps.p++
	}
	return t
}

func (ps *parser) isOp(v string) bool {
	t := ps.toks[ps.p]
	return t.kind == tOp && t.val == v
}

func (ps *parser) isKw(v string) bool {
	t := ps.toks[ps.p]
	return t.kind == tName && t.val == v
}

func (ps *parser) acceptOp(v string) bool {
	if ps.isOp(v) {
		ps.next()
		return true
	}
	return false
}

func (ps *parser) acceptKw(v string) bool {
	if ps.isKw(v) {
		ps.next()
		return true
	}
	return false
}

func (ps *parser) lineText(n int) string {
	lines := strings.Split(ps.src, "\n")
	if n >= 1 && n <= len(lines) {
		return strings.TrimRight(lines[n-1], "\r")
	}
	return ""
}

// onlyEOFLeft reports that nothing but dedents and the end follow.
func (ps *parser) onlyEOFLeft() bool {
	for i := ps.p; i < len(ps.toks); i++ {
		switch ps.toks[i].kind {
		case tEOF:
			return true
		case tDedent, tNewline:
		default:
			return false
		}
	}
	return true
}

// failAtEnd is a SyntaxError found at the end of the source, which CPython
// places just past the last line the tokenizer read (blank and comment
// lines included), without carets.
func (ps *parser) failAtEnd(msg string) {
	lines := strings.Split(strings.TrimSuffix(ps.src, "\n"), "\n")
	last := strings.TrimRight(lines[len(lines)-1], "\r")
	if ps.err == nil {
		ps.err = &SyntaxError{Kind: "SyntaxError", Msg: msg, Filename: ps.file, Line: len(lines), Col: len(last) + 1, Text: last, AtEnd: true}
	}
	panic(bailout{})
}

// failAt records a syntax error and unwinds the parse.
func (ps *parser) failAt(p Pos, kind, msg string) {
	if ps.err == nil {
		ps.err = &SyntaxError{Kind: kind, Msg: msg, Filename: ps.file, Line: p.Line, Col: p.Col, Text: ps.lineText(p.Line)}
	}
	panic(bailout{})
}

// failRange is a SyntaxError with carets from p up to column endCol (exclusive).
func (ps *parser) failRange(p Pos, endCol int, msg string) {
	if ps.err == nil {
		ps.err = &SyntaxError{Kind: "SyntaxError", Msg: msg, Filename: ps.file, Line: p.Line, Col: p.Col, EndCol: endCol, Text: ps.lineText(p.Line)}
	}
	panic(bailout{})
}

func (ps *parser) syntaxError(msg string) {
	t := ps.peek()
	if ps.namedEq.end == ps.p && ps.p > 0 {
		ps.namedExprEquals(ps.namedEq.start, ps.namedEq.end)
	}
	if t.kind == tNewline && msg == "invalid syntax" {
		ps.failAt(t.pos, "SyntaxError", msg)
	}
	if t.kind == tIndent {
		ps.unexpectedIndent(t)
	}
	if t.kind == tEOF {
		ps.failAt(t.pos, "SyntaxError", "unexpected EOF while parsing")
	}
	if msg == "invalid syntax" && t.kind != tDedent {
		ps.invalidSyntax(false)
	}
	if t.kind != tNewline && t.kind != tDedent && t.end.Line == t.pos.Line && t.end.Col > t.pos.Col {
		ps.failRange(t.pos, t.end.Col, msg)
	}
	ps.failAt(t.pos, "SyntaxError", msg)
}

func (ps *parser) expectOp(v string) token {
	if !ps.isOp(v) {
		if v == ":" {
			ps.syntaxError("expected ':'")
		}
		ps.syntaxError("invalid syntax")
	}
	return ps.next()
}

func (ps *parser) expectName() token {
	t := ps.peek()
	if t.kind != tName || isKeyword(t.val) {
		ps.syntaxError("invalid syntax")
	}
	return ps.next()
}

var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

func isKeyword(s string) bool { return keywords[s] }

// Parse parses a whole file.
func Parse(filename string, src []byte) (mod *Module, err error) {
	return ParseLimited(filename, src, DefaultMaxDigits)
}

// ParseLimited is Parse with a limit on the digits of decimal int literals
// (an interpreter's sys.get_int_max_str_digits(); 0: no limit).
func ParseLimited(filename string, src []byte, maxDigits int) (mod *Module, err error) {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		// CPython refuses a file with a NUL byte before tokenizing it.
		line := bytes.Count(src[:i], []byte("\n")) + 1
		start := bytes.LastIndexByte(src[:i], '\n') + 1
		return nil, &SyntaxError{Kind: "SyntaxError", Msg: "source code cannot contain null bytes", Filename: filename, Line: line, Col: 1, NoCaret: true, Text: string(src[start:i])}
	}
	src = universalNewlines(src)
	toks, warnings, lerr := tokenize(filename, string(src))
	if lerr != nil {
		return nil, lerr
	}
	ps := &parser{file: filename, src: string(src), toks: toks, maxDigits: maxDigits}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			mod, err = nil, ps.err
		}
	}()
	mod = &Module{Filename: filename, Warnings: warnings}
	for ps.peek().kind != tEOF {
		if ps.peek().kind == tNewline {
			ps.next()
			continue
		}
		mod.Body = append(mod.Body, ps.statement()...)
	}
	return mod, nil
}

// ParseExpr parses a single expression (eval, the REPL).
func ParseExpr(filename string, src []byte) (e Expr, err error) {
	return ParseExprLimited(filename, src, DefaultMaxDigits)
}

// ParseExprLimited is ParseExpr with ParseLimited's limit.
func ParseExprLimited(filename string, src []byte, maxDigits int) (e Expr, err error) {
	src = universalNewlines(src)
	toks, _, lerr := tokenize(filename, string(src))
	if lerr != nil {
		return nil, lerr
	}
	ps := &parser{file: filename, src: string(src), toks: toks, maxDigits: maxDigits}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			e, err = nil, ps.err
		}
	}()
	for ps.peek().kind == tIndent || ps.peek().kind == tNewline {
		ps.next()
	}
	if ps.peek().kind == tEOF {
		// Nothing to evaluate: CPython's error sits at the end marker, on
		// the last line with text (0 for none), with no caret.
		src := string(src)
		line := strings.Count(src, "\n")
		if last := src[strings.LastIndexByte(src, '\n')+1:]; strings.TrimSpace(last) != "" {
			line++
		}
		text := ps.lineText(line)
		if text == "" {
			text = "\n"
		}
		return nil, &SyntaxError{Kind: "SyntaxError", Msg: "invalid syntax", Filename: filename, Line: line, Text: text}
	}
	e = ps.testlistStarExpr()
	for ps.peek().kind == tNewline || ps.peek().kind == tDedent {
		ps.next()
	}
	if ps.peek().kind != tEOF {
		ps.namedEq = span{} // eval's input is expressions, not named ones
		ps.syntaxError("invalid syntax")
	}
	return e, nil
}

// universalNewlines turns \r\n and lone \r line endings into \n, as
// CPython reads source (even inside string literals).
func universalNewlines(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// IsIncomplete reports whether err means the input ended too early (a REPL
// should read more lines).
func IsIncomplete(err error) bool {
	se, ok := err.(*SyntaxError)
	if !ok {
		return false
	}
	return strings.HasPrefix(se.Msg, "unexpected EOF") ||
		strings.HasPrefix(se.Msg, "unterminated triple-quoted") ||
		strings.HasSuffix(se.Msg, "was never closed") ||
		strings.HasPrefix(se.Msg, "expected an indented block")
}

// ---- statements ----

func (ps *parser) statement() []Stmt {
	t := ps.peek()
	if t.kind == tIndent {
		ps.unexpectedIndent(t)
	}
	if t.kind == tName {
		switch t.val {
		case "if":
			return []Stmt{ps.ifStmt()}
		case "while":
			return []Stmt{ps.whileStmt()}
		case "for":
			return []Stmt{ps.forStmt(false, t.pos)}
		case "try":
			return []Stmt{ps.tryStmt()}
		case "with":
			return []Stmt{ps.withStmt(false, t.pos)}
		case "def":
			return []Stmt{ps.funcDef(nil, false, t.pos)}
		case "class":
			return []Stmt{ps.classDef(nil)}
		case "async":
			nt := ps.peekAt(1)
			if nt.kind == tName {
				switch nt.val {
				case "def":
					ps.next()
					return []Stmt{ps.funcDef(nil, true, t.pos)}
				case "for":
					ps.next()
					return []Stmt{ps.forStmt(true, t.pos)}
				case "with":
					ps.next()
					return []Stmt{ps.withStmt(true, t.pos)}
				}
			}
		}
	}
	if t.kind == tOp && t.val == "@" {
		return []Stmt{ps.decorated()}
	}
	return ps.simpleStmts()
}

func (ps *parser) simpleStmts() []Stmt {
	var out []Stmt
	for {
		out = append(out, ps.smallStmt())
		if ps.acceptOp(";") {
			if ps.peek().kind == tNewline || ps.peek().kind == tEOF {
				break
			}
			continue
		}
		break
	}
	t := ps.peek()
	if t.kind != tNewline && t.kind != tEOF {
		ps.syntaxError("invalid syntax")
	}
	if t.kind == tNewline {
		ps.next()
	}
	return out
}

func (ps *parser) smallStmt() Stmt {
	t := ps.peek()
	p := t.pos
	if t.kind == tName {
		switch t.val {
		case "pass":
			ps.next()
			return &Pass{P: p}
		case "break":
			ps.next()
			return &Break{P: p}
		case "continue":
			ps.next()
			return &Continue{P: p}
		case "return":
			ps.next()
			var v Expr
			if !ps.atStmtEnd() {
				v = ps.testlistStarExpr()
			}
			return &Return{P: p, Value: v}
		case "raise":
			ps.next()
			r := &Raise{P: p}
			if !ps.atStmtEnd() {
				r.Exc = ps.test()
				if ps.acceptKw("from") {
					r.Cause = ps.test()
				}
			}
			return r
		case "global", "nonlocal":
			ps.next()
			var names []string
			for {
				names = append(names, ps.expectName().val)
				if !ps.acceptOp(",") {
					break
				}
			}
			if t.val == "global" {
				return &Global{P: p, Names: names}
			}
			return &Nonlocal{P: p, Names: names}
		case "del":
			ps.next()
			var targets []Expr
			for {
				e := ps.bitOr()
				ps.checkDelTarget(e)
				targets = append(targets, e)
				if !ps.acceptOp(",") || ps.atStmtEnd() {
					break
				}
			}
			return &Del{P: p, Targets: targets}
		case "assert":
			ps.next()
			a := &Assert{P: p, Test: ps.test()}
			if ps.acceptOp(",") {
				a.Msg = ps.test()
			}
			return a
		case "yield":
			return &ExprStmt{P: p, X: ps.yieldExpr()}
		case "import":
			return ps.importStmt()
		case "from":
			return ps.fromImport()
		}
	}
	return ps.exprStmt()
}

func (ps *parser) atStmtEnd() bool {
	t := ps.peek()
	return t.kind == tNewline || t.kind == tEOF || t.kind == tOp && t.val == ";"
}

func (ps *parser) exprStmt() Stmt {
	p := ps.peek().pos
	first := ps.testlistStarExpr()
	t := ps.peek()
	if t.kind == tOp {
		switch t.val {
		case "=":
			targets := []Expr{first}
			var value Expr
			firstEq := ps.p
			for ps.acceptOp("=") {
				var e Expr
				if ps.isKw("yield") {
					e = ps.yieldExpr()
				} else {
					e = ps.testlistStarExpr()
				}
				targets = append(targets, e)
			}
			value = targets[len(targets)-1]
			targets = targets[:len(targets)-1]
			for i, tg := range targets {
				ps.checkTargetHint(tg, "assign to", i == 0 && ps.valueAllowsHint(firstEq))
			}
			return &Assign{P: p, Targets: targets, Value: value}
		case ":":
			ps.next()
			ps.checkAnnTarget(first)
			ann := ps.test()
			a := &AnnAssign{P: p, Target: first, Annotation: ann}
			if ps.acceptOp("=") {
				if ps.isKw("yield") {
					a.Value = ps.yieldExpr()
				} else {
					a.Value = ps.testlistStarExpr()
				}
			}
			return a
		case "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "<<=", ">>=", "&=", "|=", "^=":
			ps.next()
			switch first.(type) {
			case *Name, *Attribute, *Subscript:
			default:
				ps.failExpr(first, "'"+describeExpr(first)+"' is an illegal expression for augmented assignment")
			}
			var v Expr
			if ps.isKw("yield") {
				v = ps.yieldExpr()
			} else {
				v = ps.testlistStarExpr()
			}
			return &AugAssign{P: p, Target: first, Op: strings.TrimSuffix(t.val, "="), Value: v}
		}
	}
	if _, ok := first.(*Starred); ok {
		ps.failAt(first.Position(), "SyntaxError", "can't use starred expression here")
	}
	return &ExprStmt{P: p, X: first}
}

// describeExpr names an expression kind for error messages, as CPython does.
func describeExpr(e Expr) string {
	switch e := e.(type) {
	case *Name:
		return "name"
	case *Attribute:
		return "attribute"
	case *Subscript:
		return "subscript"
	case *Call:
		return "function call"
	case *Const:
		if e.Value == nil || e.Value == true || e.Value == false {
			return describeConst(e.Value)
		}
		return "literal"
	case *BinOp, *UnaryOp:
		return "expression"
	case *BoolOp:
		return "expression"
	case *Compare:
		return "comparison"
	case *Lambda:
		return "lambda"
	case *IfExp:
		return "conditional expression"
	case *Tuple:
		return "tuple"
	case *List:
		return "list"
	case *Dict:
		return "dict literal"
	case *Set:
		return "set display"
	case *Comp:
		switch e.Kind {
		case "list":
			return "list comprehension"
		case "set":
			return "set comprehension"
		case "dict":
			return "dict comprehension"
		}
		return "generator expression"
	case *Await:
		return "await expression"
	case *Yield, *YieldFrom:
		return "yield expression"
	case *FString:
		return "f-string expression"
	case *NamedExpr:
		return "named expression"
	case *Starred:
		return "starred"
	}
	return "expression"
}

func describeConst(v any) string {
	switch v {
	case nil:
		return "None"
	case true:
		return "True"
	case false:
		return "False"
	}
	return "literal"
}

func (ps *parser) checkTarget(e Expr, verb string) {
	ps.checkTargetHint(e, verb, false)
}

// checkTargetHint checks an assignment target; hint: the target is the
// first of a statement (or an element of its unparenthesized tuple) and
// the value could be a comparison's right side, where CPython adds
// "here. Maybe you meant '==' instead of '='?".
func (ps *parser) checkTargetHint(e Expr, verb string, hint bool) {
	switch e := e.(type) {
	case *Name, *Attribute, *Subscript:
	case *Starred:
		ps.checkTargetHint(e.X, verb, false)
	case *Tuple:
		paren := false
		if i := ps.tokenAt(e.Position()); i >= 0 && ps.toks[i].kind == tOp && ps.toks[i].val == "(" {
			paren = true
		}
		for _, x := range e.Elems {
			ps.checkTargetHint(x, verb, hint && !paren)
		}
	case *List:
		for _, x := range e.Elems {
			ps.checkTargetHint(x, verb, false)
		}
	case *Yield, *YieldFrom:
		ps.failExpr(e, "assignment to yield expression not possible")
	default:
		msg := "cannot " + verb + " " + describeExpr(e)
		if hint && verb == "assign to" {
			switch e := e.(type) {
			case *Compare, *BoolOp, *IfExp, *Lambda, *NamedExpr, *Comp:
			case *UnaryOp:
				if e.Op != "not" {
					msg += " here. Maybe you meant '==' instead of '='?"
				}
			case *Const:
				if !(e.Value == nil || e.Value == true || e.Value == false) {
					msg += " here. Maybe you meant '==' instead of '='?"
				}
			default:
				msg += " here. Maybe you meant '==' instead of '='?"
			}
		}
		ps.failExpr(e, msg)
	}
}

func (ps *parser) checkDelTarget(e Expr) {
	switch e := e.(type) {
	case *Name, *Attribute, *Subscript:
	case *Tuple:
		for _, x := range e.Elems {
			ps.checkDelTarget(x)
		}
	case *List:
		for _, x := range e.Elems {
			ps.checkDelTarget(x)
		}
	default:
		ps.failExpr(e, "cannot delete "+describeExpr(e))
	}
}

func (ps *parser) checkAnnTarget(e Expr) {
	switch e.(type) {
	case *Name, *Attribute, *Subscript:
	case *Tuple:
		ps.failAt(e.Position(), "SyntaxError", "only single target (not tuple) can be annotated")
	case *List:
		ps.failAt(e.Position(), "SyntaxError", "only single target (not list) can be annotated")
	default:
		ps.failAt(e.Position(), "SyntaxError", "illegal target for annotation")
	}
}

func (ps *parser) importStmt() Stmt {
	p := ps.next().pos
	imp := &Import{P: p}
	for {
		ap := ps.peek().pos
		name := ps.dottedName()
		a := &Alias{P: ap, Name: name}
		if ps.acceptKw("as") {
			a.AsName = ps.expectName().val
		}
		imp.Names = append(imp.Names, a)
		if !ps.acceptOp(",") {
			break
		}
	}
	return imp
}

func (ps *parser) dottedName() string {
	name := ps.expectName().val
	for ps.acceptOp(".") {
		name += "." + ps.expectName().val
	}
	return name
}

func (ps *parser) fromImport() Stmt {
	p := ps.next().pos
	level := 0
	for {
		if ps.acceptOp(".") {
			level++
		} else if ps.acceptOp("...") {
			level += 3
		} else {
			break
		}
	}
	mod := ""
	if !ps.isKw("import") {
		mod = ps.dottedName()
	}
	if !ps.acceptKw("import") {
		ps.syntaxError("invalid syntax")
	}
	imp := &ImportFrom{P: p, Module: mod, Level: level}
	if ps.isOp("*") {
		imp.Names = []*Alias{{P: ps.next().pos, Name: "*"}}
		return imp
	}
	paren := ps.acceptOp("(")
	for {
		ap := ps.peek().pos
		a := &Alias{P: ap, Name: ps.expectName().val}
		if ps.acceptKw("as") {
			a.AsName = ps.expectName().val
		}
		imp.Names = append(imp.Names, a)
		if !ps.acceptOp(",") {
			break
		}
		if paren && ps.isOp(")") {
			break
		}
		if !paren && ps.atStmtEnd() {
			ps.failAt(ps.peek().pos, "SyntaxError", "trailing comma not allowed without surrounding parentheses")
		}
	}
	if paren {
		ps.expectOp(")")
	}
	return imp
}

// block parses ':' then a suite; what names the statement for the
// "expected an indented block after ..." error.
func (ps *parser) block(what string, line int) []Stmt {
	if !ps.isOp(":") {
		// CPython insists on the ':' after try, else, finally and a def's
		// signature; elsewhere a missing ':' before the end of the line is
		// "expected ':'", and anything else plain invalid syntax.
		switch what {
		case "'try' statement", "'else' statement", "'finally' statement", "function definition":
		default:
			if ps.peek().kind != tNewline {
				ps.syntaxError("invalid syntax")
			}
		}
	}
	ps.expectOp(":")
	if ps.peek().kind != tNewline {
		// one-line body: simple statements
		return ps.simpleStmts()
	}
	ps.next()
	if ps.peek().kind != tIndent {
		t := ps.peek()
		ps.failAt(t.pos, "IndentationError", "expected an indented block after "+what+" on line "+itoa(line))
	}
	ps.next()
	var body []Stmt
	for ps.peek().kind != tDedent && ps.peek().kind != tEOF {
		if ps.peek().kind == tNewline {
			ps.next()
			continue
		}
		body = append(body, ps.statement()...)
	}
	if ps.peek().kind == tDedent {
		ps.next()
	}
	return body
}

func (ps *parser) ifStmt() Stmt {
	t := ps.next()
	s := &If{P: t.pos, Cond: ps.namedExprTest()}
	s.Body = ps.block("'if' statement", t.pos.Line)
	if ps.isKw("elif") {
		et := ps.peek()
		inner := ps.ifStmtElif()
		_ = et
		s.Else = []Stmt{inner}
	} else if ps.isKw("else") {
		et := ps.next()
		s.Else = ps.block("'else' statement", et.pos.Line)
	}
	return s
}

func (ps *parser) ifStmtElif() Stmt {
	t := ps.next() // elif
	s := &If{P: t.pos, Cond: ps.namedExprTest()}
	s.Body = ps.block("'elif' statement", t.pos.Line)
	if ps.isKw("elif") {
		s.Else = []Stmt{ps.ifStmtElif()}
	} else if ps.isKw("else") {
		et := ps.next()
		s.Else = ps.block("'else' statement", et.pos.Line)
	}
	return s
}

func (ps *parser) whileStmt() Stmt {
	t := ps.next()
	s := &While{P: t.pos, Cond: ps.namedExprTest()}
	s.Body = ps.block("'while' statement", t.pos.Line)
	if ps.isKw("else") {
		et := ps.next()
		s.Else = ps.block("'else' statement", et.pos.Line)
	}
	return s
}

func (ps *parser) forStmt(async bool, p Pos) Stmt {
	t := ps.next() // for
	target := ps.targetList()
	ps.checkTarget(target, "assign to")
	if !ps.acceptKw("in") {
		ps.syntaxError("invalid syntax")
	}
	iter := ps.testlistStarExpr()
	s := &For{P: p, Async: async, Target: target, Iter: iter}
	s.Body = ps.block("'for' statement", t.pos.Line)
	if ps.isKw("else") {
		et := ps.next()
		s.Else = ps.block("'else' statement", et.pos.Line)
	}
	return s
}

// targetList parses for-loop / comprehension targets (stops before 'in').
func (ps *parser) targetList() Expr {
	p := ps.peek().pos
	var elems []Expr
	trailing := false
	for {
		var e Expr
		if ps.isOp("*") {
			sp := ps.next().pos
			e = &Starred{P: sp, X: ps.bitOr()}
		} else {
			e = ps.bitOr()
		}
		elems = append(elems, e)
		if !ps.acceptOp(",") {
			break
		}
		trailing = true
		if ps.isKw("in") {
			break
		}
		trailing = false
	}
	if len(elems) == 1 && !trailing {
		return elems[0]
	}
	return &Tuple{P: p, Elems: elems}
}

func (ps *parser) tryStmt() Stmt {
	t := ps.next()
	s := &Try{P: t.pos}
	s.Body = ps.block("'try' statement", t.pos.Line)
	for ps.isKw("except") {
		et := ps.next()
		h := &ExceptHandler{P: et.pos}
		star := ps.acceptOp("*")
		if len(s.Handlers) > 0 && star != s.Star {
			n := len("except")
			if star {
				n++
			}
			ps.failRange(et.pos, et.pos.Col+n, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		s.Star = star
		if star && ps.isOp(":") {
			p := ps.peek().pos
			ps.failRange(p, p.Col+1, "expected one or more exception types")
		}
		if !ps.isOp(":") && ps.peek().kind != tNewline {
			h.Type = ps.test()
			if ps.isOp(",") {
				// except A, B: is a Python 2 form
				ps.failAt(h.Type.Position(), "SyntaxError", "multiple exception types must be parenthesized")
			}
			if ps.acceptKw("as") {
				h.Name = ps.expectName().val
			}
		}
		h.Body = ps.block("'except' statement", et.pos.Line)
		s.Handlers = append(s.Handlers, h)
	}
	if ps.isKw("else") {
		et := ps.next()
		if len(s.Handlers) == 0 {
			ps.failAt(et.pos, "SyntaxError", "expected 'except' or 'finally' block")
		}
		s.Else = ps.block("'else' statement", et.pos.Line)
	}
	if ps.isKw("finally") {
		ft := ps.next()
		s.Finally = ps.block("'finally' statement", ft.pos.Line)
	}
	if len(s.Handlers) == 0 && len(s.Finally) == 0 {
		if ps.onlyEOFLeft() {
			ps.failAtEnd("expected 'except' or 'finally' block")
		}
		ps.syntaxError("expected 'except' or 'finally' block")
	}
	return s
}

func (ps *parser) withStmt(async bool, p Pos) Stmt {
	t := ps.next() // with
	s := &With{P: p, Async: async}
	// Parenthesized items: with (a as b, c as d):
	if ps.isOp("(") && ps.parenthesizedWithItems() {
		ps.next()
		for !ps.isOp(")") {
			s.Items = append(s.Items, ps.withItem())
			if !ps.acceptOp(",") {
				break
			}
		}
		ps.expectOp(")")
	} else {
		for {
			s.Items = append(s.Items, ps.withItem())
			if !ps.acceptOp(",") {
				break
			}
		}
	}
	s.Body = ps.block("'with' statement", t.pos.Line)
	return s
}

// parenthesizedWithItems looks ahead: is `(` ... `)` followed by ':' and
// containing a top-level 'as' or ',' (the 3.9+ form)?
func (ps *parser) parenthesizedWithItems() bool {
	depth := 0
	sawAsOrComma := false
	for i := ps.p; i < len(ps.toks); i++ {
		t := ps.toks[i]
		if t.kind == tOp {
			switch t.val {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
				if depth == 0 {
					nt := ps.toks[i+1]
					return sawAsOrComma && nt.kind == tOp && nt.val == ":"
				}
			case ",":
				if depth == 1 {
					sawAsOrComma = true
				}
			}
		}
		if t.kind == tName && t.val == "as" && depth == 1 {
			sawAsOrComma = true
		}
		if t.kind == tNewline || t.kind == tEOF {
			return false
		}
	}
	return false
}

func (ps *parser) withItem() *WithItem {
	it := &WithItem{Context: ps.test()}
	if ps.acceptKw("as") {
		it.Target = ps.targetAtom()
		ps.checkTarget(it.Target, "assign to")
	}
	return it
}

// targetAtom parses a with-target: a name, attribute, subscript, or a
// parenthesized/bracketed tuple of them.
func (ps *parser) targetAtom() Expr {
	return ps.bitOr()
}

func (ps *parser) decorated() Stmt {
	var decos []Expr
	for ps.isOp("@") {
		ps.next()
		decos = append(decos, ps.namedExprTest())
		if ps.peek().kind != tNewline {
			ps.syntaxError("invalid syntax")
		}
		ps.next()
	}
	t := ps.peek()
	switch {
	case ps.isKw("def"):
		return ps.funcDef(decos, false, t.pos)
	case ps.isKw("class"):
		return ps.classDef(decos)
	case ps.isKw("async") && ps.peekAt(1).kind == tName && ps.peekAt(1).val == "def":
		ps.next()
		return ps.funcDef(decos, true, t.pos)
	}
	ps.syntaxError("invalid syntax")
	return nil
}

func (ps *parser) funcDef(decos []Expr, async bool, p Pos) Stmt {
	t := ps.next() // def
	name := ps.expectName().val
	ps.expectOp("(")
	params := ps.paramList(")", true)
	ps.expectOp(")")
	f := &FuncDef{P: p, Name: name, Async: async, Params: params, Decorators: decos}
	if ps.acceptOp("->") {
		f.Returns = ps.test()
	}
	f.Body = ps.block("function definition", t.pos.Line)
	return f
}

func (ps *parser) classDef(decos []Expr) Stmt {
	t := ps.next() // class
	c := &ClassDef{P: t.pos, Name: ps.expectName().val, Decorators: decos}
	if ps.acceptOp("(") {
		args, kws := ps.callArgs()
		c.Bases = args
		c.Keywords = kws
		ps.expectOp(")")
	}
	c.Body = ps.block("class definition", t.pos.Line)
	return c
}

// paramList parses def/lambda parameters up to the closing token.
// annotations are allowed for def (not lambda).
func (ps *parser) paramList(closer string, annotations bool) *Params {
	params := &Params{}
	var cur *[]*Param = &params.Args
	sawStar := false
	sawDefault := false
	for !ps.isOp(closer) {
		t := ps.peek()
		switch {
		case ps.isOp("/"):
			ps.next()
			if sawStar || len(params.PosOnly) > 0 {
				ps.failAt(t.pos, "SyntaxError", "/ may appear only once")
			}
			if len(params.Args) == 0 {
				ps.failAt(t.pos, "SyntaxError", "at least one argument must precede /")
			}
			params.PosOnly = params.Args
			params.Args = nil
			cur = &params.Args
		case ps.isOp("**"):
			ps.next()
			params.Kwarg = ps.param(annotations)
			if ps.isOp(",") {
				ps.next()
			}
			if !ps.isOp(closer) {
				ps.failAt(ps.peek().pos, "SyntaxError", "arguments cannot follow var-keyword argument")
			}
			return params
		case ps.isOp("*"):
			ps.next()
			if sawStar {
				ps.failAt(t.pos, "SyntaxError", "* argument may appear only once")
			}
			sawStar = true
			if !ps.isOp(",") && !ps.isOp(closer) {
				params.Vararg = ps.param(annotations)
			} else if ps.isOp(closer) || ps.peekAt(1).kind == tOp && ps.peekAt(1).val == "**" {
				ps.failAt(t.pos, "SyntaxError", "named arguments must follow bare *")
			}
			cur = &params.KwOnly
		default:
			p := ps.param(annotations)
			if ps.acceptOp("=") {
				p.Default = ps.test()
				if !sawStar {
					sawDefault = true
				}
			} else if sawDefault && !sawStar {
				ps.failAt(p.P, "SyntaxError", "non-default argument follows default argument")
			}
			*cur = append(*cur, p)
		}
		if !ps.acceptOp(",") {
			break
		}
	}
	return params
}

func (ps *parser) param(annotations bool) *Param {
	t := ps.expectName()
	p := &Param{P: t.pos, Name: t.val}
	if annotations && ps.acceptOp(":") {
		p.Annotation = ps.test()
	}
	return p
}

// unexpectedIndent reports an indented line where none may start (CPython
// prints no caret for it).
func (ps *parser) unexpectedIndent(t token) {
	if ps.err == nil {
		ps.err = &SyntaxError{Kind: "IndentationError", Msg: "unexpected indent", Filename: ps.file, Line: t.pos.Line, Col: t.pos.Col, Text: ps.lineText(t.pos.Line), NoCaret: true}
	}
	panic(bailout{})
}
