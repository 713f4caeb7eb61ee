package vm

import "github.com/asylang/asy/parser"

// Annotations as CPython 3.11 evaluates them (no `from __future__ import
// annotations`): a module or class body whose statements annotate a plain
// name gets an __annotations__ dict, filled as each annotated assignment
// runs; a function's parameter and return annotations are evaluated when the
// def runs and kept in its __annotations__. Annotations of local variables
// inside functions are never evaluated. dataclasses and typing build on this.

// docstring is the leading string literal of a body, as Python takes it.
func docstring(body []parser.Stmt) (string, bool) {
	if len(body) == 0 {
		return "", false
	}
	if es, ok := body[0].(*parser.ExprStmt); ok {
		if c, ok := es.X.(*parser.Const); ok {
			if s, ok := c.Value.(string); ok {
				return s, true
			}
		}
	}
	return "", false
}

// hasNameAnnotation reports whether body annotates a plain name outside
// nested functions and classes (CPython's test for SETUP_ANNOTATIONS).
func hasNameAnnotation(body []parser.Stmt) bool {
	for _, s := range body {
		switch s := s.(type) {
		case *parser.AnnAssign:
			if _, ok := s.Target.(*parser.Name); ok {
				return true
			}
		case *parser.If:
			if hasNameAnnotation(s.Body) || hasNameAnnotation(s.Else) {
				return true
			}
		case *parser.While:
			if hasNameAnnotation(s.Body) || hasNameAnnotation(s.Else) {
				return true
			}
		case *parser.For:
			if hasNameAnnotation(s.Body) || hasNameAnnotation(s.Else) {
				return true
			}
		case *parser.With:
			if hasNameAnnotation(s.Body) {
				return true
			}
		case *parser.Try:
			if hasNameAnnotation(s.Body) || hasNameAnnotation(s.Else) || hasNameAnnotation(s.Finally) {
				return true
			}
			for _, h := range s.Handlers {
				if hasNameAnnotation(h.Body) {
					return true
				}
			}
		}
	}
	return false
}

// annotatesAtRunTime reports whether annotated assignments in scope sc are
// evaluated (module and class bodies) rather than ignored (functions).
func annotatesAtRunTime(sc *scope) bool { return sc.kind == scopeModule || sc.kind == scopeClass }

// setupAnnotations starts a module or class body with __annotations__ = {}
// when the body will fill it.
func (c *compiler) setupAnnotations(body []parser.Stmt) {
	if hasNameAnnotation(body) {
		c.emit(OpBuildMap, 0)
		c.storeName("__annotations__")
	}
}

// annAssign compiles `target: annotation [= value]`.
func (c *compiler) annAssign(s *parser.AnnAssign) {
	if s.Value != nil {
		c.expr(s.Value)
		c.assign(s.Target)
	}
	if !annotatesAtRunTime(c.u.scope) {
		return
	}
	n, simple := s.Target.(*parser.Name)
	if !simple && c.futures.annotations {
		return
	}
	c.annotation(s.Annotation)
	if simple {
		c.loadName("__annotations__")
		c.emitConst(Str(n.Id))
		c.emit(OpStoreSubscr, 0)
		return
	}
	// obj.attr: T and obj[k]: T evaluate the annotation but store nothing.
	c.emit(OpPopTop, 0)
}

// annotatedParam is one entry of a function's __annotations__.
type annotatedParam struct {
	name string
	ann  parser.Expr
}

// functionAnnotations lists a def's annotations in CPython's order:
// parameters as declared, then 'return'.
func functionAnnotations(params *parser.Params, returns parser.Expr) []annotatedParam {
	var out []annotatedParam
	add := func(p *parser.Param) {
		if p != nil && p.Annotation != nil {
			out = append(out, annotatedParam{p.Name, p.Annotation})
		}
	}
	if params != nil {
		for _, p := range params.PosOnly {
			add(p)
		}
		for _, p := range params.Args {
			add(p)
		}
		add(params.Vararg)
		for _, p := range params.KwOnly {
			add(p)
		}
		add(params.Kwarg)
	}
	if returns != nil {
		out = append(out, annotatedParam{"return", returns})
	}
	return out
}
