package vm

import (
	"github.com/asylang/asy/parser"
)

// The resolver decides, before code generation, where every name lives:
// a local register, a cell (captured by an inner function), a free variable
// (captured from an outer function), a module global, or a class namespace.

type scopeKind uint8

const (
	scopeModule scopeKind = iota
	scopeFunction
	scopeClass
)

type symFlags uint16

const (
	symAssigned symFlags = 1 << iota
	symUsed
	symParam
	symGlobal   // declared global
	symNonlocal // declared nonlocal
	symCell     // local captured by an inner scope
	symFree     // captured from an enclosing scope
)

type scope struct {
	kind                 scopeKind
	name                 string
	node                 parser.Node
	parent               *scope
	children             []*scope
	syms                 map[string]symFlags
	order                []string // first-seen order of names, for deterministic slots
	params               []string
	generator, coroutine bool
	hasAwait             bool
	usesSuper            bool                  // references super or __class__: needs the __class__ cell
	declPos              map[string]parser.Pos // where nonlocal names were declared
	needsClassCell       bool                  // class scope: some method uses __class__
	comprehension        bool
}

func newScope(kind scopeKind, name string, node parser.Node, parent *scope) *scope {
	s := &scope{kind: kind, name: name, node: node, parent: parent, syms: map[string]symFlags{}}
	if parent != nil {
		parent.children = append(parent.children, s)
	}
	return s
}

func (s *scope) add(name string, f symFlags) {
	old, ok := s.syms[name]
	if !ok {
		s.order = append(s.order, name)
	}
	s.syms[name] = old | f
}

// symtableBuilder walks the AST once, recording uses and bindings per scope.
type symtableBuilder struct {
	scopes map[parser.Node]*scope
	cur    *scope
	err    error
	file   string
	// lazyAnnotations: annotations are kept as text, so their names are
	// not uses (from __future__ import annotations).
	lazyAnnotations bool
	inAnnotation    bool // visiting a lazy annotation (outside nested scopes)
	depth           int  // nesting of expr/stmt visits, against maxCompileDepth
}

// maxCompileDepth is CPython's limit on the AST depth the compiler walks
// (3 × the default recursion limit): deeper is a RecursionError, and the
// compiler's Go recursion stays bounded.
const maxCompileDepth = 3000

// tooDeep counts one level; past the limit it records the RecursionError.
func (b *symtableBuilder) tooDeep() bool {
	if b.depth > maxCompileDepth {
		if b.err == nil {
			b.err = Errorf(RecursionError, "maximum recursion depth exceeded during compilation")
		}
		return true
	}
	return false
}

// annotation visits an annotation. A lazy one is never evaluated, so its
// names are nobody's uses: it is visited in a detached scope, only for the
// errors CPython reports there.
func (b *symtableBuilder) annotation(e parser.Expr) {
	if !b.lazyAnnotations {
		b.expr(e)
		return
	}
	saved, savedIn := b.cur, b.inAnnotation
	b.cur = newScope(scopeFunction, "<annotation>", nil, nil)
	b.inAnnotation = true
	b.expr(e)
	b.cur, b.inAnnotation = saved, savedIn
}

// notInAnnotation reports expressions a lazy annotation may not contain.
func (b *symtableBuilder) notInAnnotation(p parser.Pos, what string) {
	if b.inAnnotation {
		b.fail(p, "'"+what+"' can not be used within an annotation")
	}
}

func buildSymtable(file string, mod *parser.Module) (*scope, map[parser.Node]*scope, error) {
	b := &symtableBuilder{scopes: map[parser.Node]*scope{}, file: file}
	root := newScope(scopeModule, "<module>", nil, nil)
	b.cur = root
	b.stmts(mod.Body)
	if b.err != nil {
		return nil, nil, b.err
	}
	if err := resolveScope(root, file); err != nil {
		return nil, nil, err
	}
	return root, b.scopes, nil
}

// failSpan is fail with carets up to column endCol (exclusive).
func (b *symtableBuilder) failSpan(p parser.Pos, endCol int, msg string) {
	if b.err == nil {
		b.err = &parser.SyntaxError{Kind: "SyntaxError", Msg: msg, Filename: b.file, Line: p.Line, Col: p.Col, EndCol: endCol}
	}
}

func (b *symtableBuilder) fail(p parser.Pos, msg string) {
	if b.err == nil {
		b.err = &parser.SyntaxError{Kind: "SyntaxError", Msg: msg, Filename: b.file, Line: p.Line, Col: p.Col}
	}
}

func (b *symtableBuilder) stmts(list []parser.Stmt) {
	for _, s := range list {
		b.stmt(s)
	}
}

func (b *symtableBuilder) bind(name string) { b.cur.add(name, symAssigned) }

func (b *symtableBuilder) target(e parser.Expr) {
	switch e := e.(type) {
	case *parser.Name:
		b.bind(e.Id)
	case *parser.Tuple:
		for _, x := range e.Elems {
			b.target(x)
		}
	case *parser.List:
		for _, x := range e.Elems {
			b.target(x)
		}
	case *parser.Starred:
		b.target(e.X)
	default:
		b.expr(e)
	}
}

func (b *symtableBuilder) params(p *parser.Params, s *scope) {
	if p == nil {
		return
	}
	add := func(x *parser.Param) {
		if x == nil {
			return
		}
		if _, dup := s.syms[x.Name]; dup && s.syms[x.Name]&symParam != 0 {
			b.failSpan(x.P, x.P.Col+len(x.Name), "duplicate argument '"+x.Name+"' in function definition")
		}
		s.add(x.Name, symParam|symAssigned)
		s.params = append(s.params, x.Name)
	}
	for _, x := range p.PosOnly {
		add(x)
	}
	for _, x := range p.Args {
		add(x)
	}
	add(p.Vararg)
	for _, x := range p.KwOnly {
		add(x)
	}
	add(p.Kwarg)
}

// paramDefaults visits defaults and annotations in the enclosing scope.
func (b *symtableBuilder) paramDefaults(p *parser.Params) {
	if p == nil {
		return
	}
	for _, list := range [][]*parser.Param{p.PosOnly, p.Args, p.KwOnly} {
		for _, x := range list {
			if x.Default != nil {
				b.expr(x.Default)
			}
		}
	}
	for _, a := range functionAnnotations(p, nil) {
		b.annotation(a.ann)
	}
}

func (b *symtableBuilder) stmt(s parser.Stmt) {
	b.depth++
	defer func() { b.depth-- }()
	if b.tooDeep() {
		return
	}
	switch s := s.(type) {
	case *parser.ExprStmt:
		b.expr(s.X)
	case *parser.Assign:
		b.expr(s.Value)
		for _, t := range s.Targets {
			b.target(t)
		}
	case *parser.AugAssign:
		b.expr(s.Value)
		if n, ok := s.Target.(*parser.Name); ok {
			b.cur.add(n.Id, symUsed|symAssigned)
		} else {
			b.expr(s.Target)
		}
	case *parser.AnnAssign:
		if annotatesAtRunTime(b.cur) || b.lazyAnnotations {
			// (a lazy annotation is checked even where it is never kept)
			b.annotation(s.Annotation)
		}
		if _, ok := s.Target.(*parser.Name); ok && annotatesAtRunTime(b.cur) {
			b.cur.add("__annotations__", symUsed|symAssigned)
		}
		if s.Value != nil {
			b.expr(s.Value)
			b.target(s.Target)
		} else if n, ok := s.Target.(*parser.Name); ok && b.cur.kind != scopeModule {
			// `x: int` alone makes x local in a function, as in Python.
			b.bind(n.Id)
		}
	case *parser.If:
		b.expr(s.Cond)
		b.stmts(s.Body)
		b.stmts(s.Else)
	case *parser.While:
		b.expr(s.Cond)
		b.stmts(s.Body)
		b.stmts(s.Else)
	case *parser.For:
		if s.Async {
			b.asyncOnly(s.P, "async for")
		}
		b.expr(s.Iter)
		b.target(s.Target)
		b.stmts(s.Body)
		b.stmts(s.Else)
	case *parser.Return:
		if b.cur.kind != scopeFunction {
			b.fail(s.P, "'return' outside function")
		}
		if s.Value != nil {
			b.expr(s.Value)
		}
	case *parser.Raise:
		if s.Exc != nil {
			b.expr(s.Exc)
		}
		if s.Cause != nil {
			b.expr(s.Cause)
		}
	case *parser.Try:
		b.stmts(s.Body)
		for _, h := range s.Handlers {
			if h.Type != nil {
				b.expr(h.Type)
			}
			if h.Name != "" {
				b.bind(h.Name)
			}
			b.stmts(h.Body)
		}
		b.stmts(s.Else)
		b.stmts(s.Finally)
	case *parser.With:
		if s.Async {
			b.asyncOnly(s.P, "async with")
		}
		for _, it := range s.Items {
			b.expr(it.Context)
			if it.Target != nil {
				b.target(it.Target)
			}
		}
		b.stmts(s.Body)
	case *parser.Assert:
		b.expr(s.Test)
		if s.Msg != nil {
			b.expr(s.Msg)
		}
	case *parser.Del:
		for _, t := range s.Targets {
			b.target(t)
		}
	case *parser.Global:
		for _, n := range s.Names {
			if f, ok := b.cur.syms[n]; ok && f&(symAssigned|symUsed) != 0 && f&symGlobal == 0 {
				what := "used"
				if f&symAssigned != 0 {
					what = "assigned to"
				}
				b.fail(s.P, "name '"+n+"' is "+what+" before global declaration")
			}
			b.cur.add(n, symGlobal)
		}
	case *parser.Nonlocal:
		if b.cur.kind == scopeModule {
			b.fail(s.P, "nonlocal declaration not allowed at module level")
		}
		for _, n := range s.Names {
			if f, ok := b.cur.syms[n]; ok && f&(symAssigned|symUsed) != 0 && f&symNonlocal == 0 {
				what := "used"
				if f&symAssigned != 0 {
					what = "assigned to"
				}
				b.fail(s.P, "name '"+n+"' is "+what+" before nonlocal declaration")
			}
			b.cur.add(n, symNonlocal)
			if b.cur.declPos == nil {
				b.cur.declPos = map[string]parser.Pos{}
			}
			b.cur.declPos[n] = s.P
		}
	case *parser.Import:
		for _, a := range s.Names {
			name := a.AsName
			if name == "" {
				name = a.Name
				for i := 0; i < len(name); i++ {
					if name[i] == '.' {
						name = name[:i]
						break
					}
				}
			}
			b.bind(name)
		}
	case *parser.ImportFrom:
		for _, a := range s.Names {
			if a.Name == "*" {
				if b.cur.kind != scopeModule {
					b.fail(s.P, "import * only allowed at module level")
				}
				continue
			}
			name := a.AsName
			if name == "" {
				name = a.Name
			}
			b.bind(name)
		}
	case *parser.FuncDef:
		for _, d := range s.Decorators {
			b.expr(d)
		}
		b.paramDefaults(s.Params)
		if s.Returns != nil {
			b.annotation(s.Returns)
		}
		b.bind(s.Name)
		fs := newScope(scopeFunction, s.Name, s, b.cur)
		fs.coroutine = s.Async
		b.scopes[s] = fs
		b.params(s.Params, fs)
		saved := b.cur
		b.cur = fs
		b.stmts(s.Body)
		b.cur = saved
	case *parser.ClassDef:
		for _, d := range s.Decorators {
			b.expr(d)
		}
		for _, x := range s.Bases {
			b.expr(x)
		}
		for _, k := range s.Keywords {
			b.expr(k.Value)
		}
		b.bind(s.Name)
		cs := newScope(scopeClass, s.Name, s, b.cur)
		b.scopes[s] = cs
		saved := b.cur
		b.cur = cs
		b.stmts(s.Body)
		b.cur = saved
	case *parser.Break, *parser.Continue, *parser.Pass:
	}
}

func (b *symtableBuilder) asyncOnly(p parser.Pos, what string) {
	if b.cur.kind != scopeFunction || !b.cur.coroutine {
		if b.cur.kind == scopeModule && b.cur.coroutine {
			// Top-level await allowed (asy modules): async for/with await
			// implicitly, so the module body is a coroutine.
			b.cur.hasAwait = true
			return
		}
		b.fail(p, "'"+what+"' outside async function")
	}
}

func (b *symtableBuilder) exprs(list []parser.Expr) {
	for _, e := range list {
		b.expr(e)
	}
}

func (b *symtableBuilder) expr(e parser.Expr) {
	b.depth++
	defer func() { b.depth-- }()
	if b.tooDeep() {
		return
	}
	switch e := e.(type) {
	case nil:
	case *parser.Name:
		b.cur.add(e.Id, symUsed)
		if e.Id == "super" || e.Id == "__class__" {
			b.cur.usesSuper = true
		}
	case *parser.Const:
	case *parser.FString:
		b.exprs(e.Parts)
	case *parser.FormattedValue:
		b.expr(e.Value)
		b.expr(e.Spec)
	case *parser.BinOp:
		b.expr(e.X)
		b.expr(e.Y)
	case *parser.UnaryOp:
		b.expr(e.X)
	case *parser.BoolOp:
		b.exprs(e.Values)
	case *parser.Compare:
		b.expr(e.X)
		b.exprs(e.Comparators)
	case *parser.Call:
		b.expr(e.Func)
		b.exprs(e.Args)
		for _, k := range e.Keywords {
			b.expr(k.Value)
		}
	case *parser.Attribute:
		b.expr(e.X)
	case *parser.Subscript:
		b.expr(e.X)
		b.expr(e.Index)
	case *parser.Slice:
		b.expr(e.Lo)
		b.expr(e.Hi)
		b.expr(e.Step)
	case *parser.Starred:
		b.expr(e.X)
	case *parser.List:
		b.exprs(e.Elems)
	case *parser.Tuple:
		b.exprs(e.Elems)
	case *parser.Set:
		b.exprs(e.Elems)
	case *parser.Dict:
		for i := range e.Values {
			if e.Keys[i] != nil {
				b.expr(e.Keys[i])
			}
			b.expr(e.Values[i])
		}
	case *parser.Comp:
		// The first iterable is evaluated in the enclosing scope.
		b.expr(e.Generators[0].Iter)
		cs := newScope(scopeFunction, compName(e.Kind), e, b.cur)
		cs.comprehension = true
		cs.generator = e.Kind == "gen"
		b.scopes[e] = cs
		cs.add(".0", symParam|symAssigned)
		cs.params = []string{".0"}
		saved, savedIn := b.cur, b.inAnnotation
		b.cur, b.inAnnotation = cs, false
		for i, g := range e.Generators {
			if g.Async {
				cs.coroutine = true
			}
			if i > 0 {
				b.expr(g.Iter)
			}
			b.target(g.Target)
			b.exprs(g.Ifs)
		}
		b.expr(e.Elt)
		b.expr(e.Value)
		b.cur, b.inAnnotation = saved, savedIn
		if cs.coroutine || cs.hasAwait {
			if e.Kind != "gen" {
				// An async list/set/dict comprehension is awaited by its creator.
				b.markAwait(e.P, "asynchronous comprehension")
			}
		}
	case *parser.IfExp:
		b.expr(e.Cond)
		b.expr(e.Body)
		b.expr(e.Else)
	case *parser.Lambda:
		b.paramDefaults(e.Params)
		ls := newScope(scopeFunction, "<lambda>", e, b.cur)
		b.scopes[e] = ls
		b.params(e.Params, ls)
		saved, savedIn := b.cur, b.inAnnotation
		b.cur, b.inAnnotation = ls, false
		b.expr(e.Body)
		b.cur, b.inAnnotation = saved, savedIn
	case *parser.NamedExpr:
		b.notInAnnotation(e.P, "named expression")
		b.expr(e.Value)
		// In a comprehension, the walrus binds in the enclosing function scope.
		s := b.cur
		for s.comprehension && s.parent != nil {
			s = s.parent
		}
		if s != b.cur {
			s.add(e.Target.Id, symAssigned)
			b.cur.add(e.Target.Id, symUsed|symNonlocal)
			if s.kind == scopeModule || s.syms[e.Target.Id]&symGlobal != 0 {
				// A module-level name, or one the function declared global.
				b.cur.syms[e.Target.Id] = symUsed | symGlobal
			}
		} else {
			b.bind(e.Target.Id)
		}
	case *parser.Await:
		b.notInAnnotation(e.P, "await expression")
		b.markAwait(e.P, "await")
		b.expr(e.X)
	case *parser.Yield:
		b.notInAnnotation(e.P, "yield expression")
		b.markYield(e.P, "yield")
		b.expr(e.X)
	case *parser.YieldFrom:
		b.notInAnnotation(e.P, "yield expression")
		b.markYield(e.P, "yield")
		if b.cur.coroutine {
			b.fail(e.P, "'yield from' inside async function")
		}
		b.expr(e.X)
	}
}

func (b *symtableBuilder) markAwait(p parser.Pos, what string) {
	s := b.cur
	if s.kind == scopeFunction && (s.coroutine || s.comprehension) {
		s.hasAwait = true
		if s.comprehension && !s.coroutine {
			s.coroutine = true
		}
		return
	}
	if s.kind == scopeModule && s.coroutine {
		s.hasAwait = true
		return
	}
	switch {
	case what != "await":
		b.fail(p, what+" outside of an asynchronous function")
	case s.kind == scopeFunction:
		// a plain def or a lambda
		b.fail(p, "'await' outside async function")
	default:
		b.fail(p, "'await' outside function")
	}
}

func (b *symtableBuilder) markYield(p parser.Pos, what string) {
	if b.cur.kind != scopeFunction {
		b.fail(p, "'"+what+"' outside function")
		return
	}
	b.cur.generator = true
}

func compName(kind string) string {
	switch kind {
	case "list":
		return "<listcomp>"
	case "set":
		return "<setcomp>"
	case "dict":
		return "<dictcomp>"
	}
	return "<genexpr>"
}

// resolveScope decides free and cell variables, bottom-up.
func resolveScope(s *scope, file string) error {
	for _, c := range s.children {
		if err := resolveScope(c, file); err != nil {
			return err
		}
	}
	if s.kind != scopeFunction {
		// Class bodies see free variables of enclosing functions too.
		if s.kind == scopeClass {
			for _, name := range s.order {
				f := s.syms[name]
				if f&symNonlocal != 0 {
					if !bindFree(s, name) {
						return &parser.SyntaxError{Kind: "SyntaxError", Msg: "no binding for nonlocal '" + name + "' found", Filename: file}
					}
				} else if f&symAssigned == 0 && f&symGlobal == 0 && f&symUsed != 0 {
					bindFree(s, name) // LOAD_CLASSDEREF if an enclosing function binds it
				}
			}
		}
		return nil
	}
	for _, name := range s.order {
		f := s.syms[name]
		switch {
		case f&symGlobal != 0:
		case f&symNonlocal != 0:
			if !bindFree(s, name) {
				p := s.declPos[name]
				return &parser.SyntaxError{Kind: "SyntaxError", Msg: "no binding for nonlocal '" + name + "' found", Filename: file, Line: p.Line, Col: p.Col}
			}
		case f&symAssigned != 0:
		case f&symUsed != 0:
			bindFree(s, name)
		}
	}
	if s.usesSuper && s.parent != nil {
		// Methods using zero-argument super() capture the class's __class__ cell.
		for p := s.parent; p != nil; p = p.parent {
			if p.kind == scopeClass {
				p.needsClassCell = true
				s.add("__class__", symFree)
				markPassThrough(s.parent, p, "__class__")
				break
			}
			if p.kind == scopeModule {
				break
			}
		}
	}
	return nil
}

// bindFree looks for name in enclosing function scopes; if found, marks it a
// cell there and free here (and in any scope in between). Reports success.
func bindFree(s *scope, name string) bool {
	for p := s.parent; p != nil; p = p.parent {
		if p.kind == scopeModule {
			return false
		}
		if p.kind == scopeClass {
			continue
		}
		f := p.syms[name]
		if f&symGlobal != 0 {
			return false
		}
		if f&(symAssigned|symParam) != 0 && f&symNonlocal == 0 {
			p.syms[name] = f | symCell
			s.add(name, symFree)
			markPassThrough(s.parent, p, name)
			return true
		}
		if f&(symFree|symNonlocal) != 0 {
			// p itself captures it from further out
			if f&symFree == 0 && !bindFree(p, name) {
				return false
			}
			s.add(name, symFree)
			markPassThrough(s.parent, p, name)
			return true
		}
	}
	return false
}

// markPassThrough makes name free in every function scope strictly between inner and outer.
func markPassThrough(inner, outer *scope, name string) {
	for q := inner; q != nil && q != outer; q = q.parent {
		if q.kind != scopeModule {
			q.add(name, symFree)
		}
	}
}
