package vm

import (
	"math/big"
	"strings"

	"github.com/asylang/asy/parser"
)

// unparse renders an expression as CPython's compiler does for postponed
// annotations (`from __future__ import annotations`): canonical spacing,
// parentheses only where precedence needs them, constants by repr.

// Precedence levels, loosest first.
const (
	prTuple = iota
	prTest  // if-else, lambda
	prOr
	prAnd
	prNot
	prCmp
	prBor // also prExpr
	prBxor
	prBand
	prShift
	prArith
	prTerm
	prFactor
	prPower
	prAwait
	prAtom
)

const prExpr = prBor

// unparseAnnotation is the string an annotation becomes.
func unparseAnnotation(e parser.Expr) string {
	var u unparser
	u.expr(e, prTest)
	return u.b.String()
}

type unparser struct{ b strings.Builder }

func (u *unparser) s(s string) { u.b.WriteString(s) }

func (u *unparser) open(level, pr int) {
	if level > pr {
		u.s("(")
	}
}

func (u *unparser) close(level, pr int) {
	if level > pr {
		u.s(")")
	}
}

var binPrec = map[string]int{
	"+": prArith, "-": prArith, "*": prTerm, "@": prTerm, "/": prTerm, "%": prTerm, "//": prTerm,
	"<<": prShift, ">>": prShift, "|": prBor, "^": prBxor, "&": prBand, "**": prPower,
}

func (u *unparser) exprs(list []parser.Expr, level int) {
	for i, e := range list {
		if i > 0 {
			u.s(", ")
		}
		u.expr(e, level)
	}
}

func (u *unparser) expr(e parser.Expr, level int) {
	switch e := e.(type) {
	case *parser.Name:
		u.s(e.Id)
	case *parser.Const:
		u.constant(e.Value)
	case *parser.FString:
		var body unparser
		body.fstringBody(e.Parts, false)
		u.s("f" + QuoteStr(body.b.String()))
	case *parser.BoolOp:
		pr := prOr
		if e.Op == "and" {
			pr = prAnd
		}
		u.open(level, pr)
		for i, v := range e.Values {
			if i > 0 {
				u.s(" " + e.Op + " ")
			}
			u.expr(v, pr+1)
		}
		u.close(level, pr)
	case *parser.BinOp:
		pr := binPrec[e.Op]
		rassoc := 0
		if e.Op == "**" {
			rassoc = 1
		}
		u.open(level, pr)
		u.expr(e.X, pr+rassoc)
		u.s(" " + e.Op + " ")
		u.expr(e.Y, pr+1-rassoc)
		u.close(level, pr)
	case *parser.UnaryOp:
		pr, op := prFactor, e.Op
		if op == "not" {
			pr, op = prNot, "not "
		}
		u.open(level, pr)
		u.s(op)
		u.expr(e.X, pr)
		u.close(level, pr)
	case *parser.Lambda:
		u.open(level, prTest)
		if e.Params != nil && len(e.Params.PosOnly)+len(e.Params.Args) > 0 {
			u.s("lambda ")
		} else {
			u.s("lambda")
		}
		u.params(e.Params)
		u.s(": ")
		u.expr(e.Body, prTest)
		u.close(level, prTest)
	case *parser.IfExp:
		u.open(level, prTest)
		u.expr(e.Body, prTest+1)
		u.s(" if ")
		u.expr(e.Cond, prTest+1)
		u.s(" else ")
		u.expr(e.Else, prTest)
		u.close(level, prTest)
	case *parser.Dict:
		u.s("{")
		for i, k := range e.Keys {
			if i > 0 {
				u.s(", ")
			}
			if k == nil {
				u.s("**")
				u.expr(e.Values[i], prExpr)
				continue
			}
			u.expr(k, prTest)
			u.s(": ")
			u.expr(e.Values[i], prTest)
		}
		u.s("}")
	case *parser.Set:
		if len(e.Elems) == 0 {
			u.s("{*()}")
			return
		}
		u.s("{")
		u.exprs(e.Elems, prTest)
		u.s("}")
	case *parser.List:
		u.s("[")
		u.exprs(e.Elems, prTest)
		u.s("]")
	case *parser.Tuple:
		if len(e.Elems) == 0 {
			u.s("()")
			return
		}
		u.open(level, prTuple)
		u.exprs(e.Elems, prTest)
		if len(e.Elems) == 1 {
			u.s(",")
		}
		u.close(level, prTuple)
	case *parser.Comp:
		brackets := map[string]string{"list": "[]", "set": "{}", "dict": "{}", "gen": "()"}[e.Kind]
		u.s(brackets[:1])
		u.expr(e.Elt, prTest)
		if e.Kind == "dict" {
			u.s(": ")
			u.expr(e.Value, prTest)
		}
		for _, g := range e.Generators {
			if g.Async {
				u.s(" async for ")
			} else {
				u.s(" for ")
			}
			u.expr(g.Target, prTuple)
			u.s(" in ")
			u.expr(g.Iter, prTest+1)
			for _, c := range g.Ifs {
				u.s(" if ")
				u.expr(c, prTest+1)
			}
		}
		u.s(brackets[1:])
	case *parser.Await:
		u.open(level, prAwait)
		u.s("await ")
		u.expr(e.X, prAtom)
		u.close(level, prAwait)
	case *parser.Yield:
		if e.X == nil {
			u.s("(yield)")
			return
		}
		u.s("(yield ")
		u.expr(e.X, prTest)
		u.s(")")
	case *parser.YieldFrom:
		u.s("(yield from ")
		u.expr(e.X, prTest)
		u.s(")")
	case *parser.Compare:
		u.open(level, prCmp)
		u.expr(e.X, prCmp+1)
		for i, op := range e.Ops {
			u.s(" " + op + " ")
			u.expr(e.Comparators[i], prCmp+1)
		}
		u.close(level, prCmp)
	case *parser.Call:
		u.expr(e.Func, prAtom)
		if len(e.Args) == 1 && len(e.Keywords) == 0 {
			if c, ok := e.Args[0].(*parser.Comp); ok && c.Kind == "gen" {
				u.expr(c, prTest)
				return
			}
		}
		u.s("(")
		u.exprs(e.Args, prTest)
		for i, k := range e.Keywords {
			if i > 0 || len(e.Args) > 0 {
				u.s(", ")
			}
			if k.Name == "" {
				u.s("**")
			} else {
				u.s(k.Name + "=")
			}
			u.expr(k.Value, prTest)
		}
		u.s(")")
	case *parser.Attribute:
		u.expr(e.X, prAtom)
		if k, ok := e.X.(*parser.Const); ok && isIntConst(k.Value) {
			u.s(" .")
		} else {
			u.s(".")
		}
		u.s(e.Name)
	case *parser.Subscript:
		u.expr(e.X, prAtom)
		u.s("[")
		if st, ok := e.Index.(*parser.Starred); ok {
			// x[*a] is x[(*a,)]
			u.expr(st, prTuple)
			u.s(",")
		} else {
			u.expr(e.Index, prTuple)
		}
		u.s("]")
	case *parser.Slice:
		if e.Lo != nil {
			u.expr(e.Lo, prTest)
		}
		u.s(":")
		if e.Hi != nil {
			u.expr(e.Hi, prTest)
		}
		if e.Step != nil {
			u.s(":")
			u.expr(e.Step, prTest)
		}
	case *parser.Starred:
		u.s("*")
		u.expr(e.X, prExpr)
	case *parser.NamedExpr:
		u.open(level, prTuple)
		u.s(e.Target.Id + " := ")
		u.expr(e.Value, prAtom)
		u.close(level, prTuple)
	case *parser.FormattedValue:
		var body unparser
		body.fstringBody([]parser.Expr{e}, false)
		u.s("f" + QuoteStr(body.b.String()))
	}
}

func isIntConst(v any) bool {
	switch v.(type) {
	case int64, int, *big.Int:
		return true
	}
	return false
}

// constant is the repr of a literal; infinities (from huge literals such as
// 1e999) are spelled 1e309 so the text reads back as the same value.
func (u *unparser) constant(v any) {
	if _, ok := v.(parser.Ellipsis); ok {
		u.s("...")
		return
	}
	r := quickRepr(constValue(v))
	switch v.(type) {
	case float64, complex128:
		r = strings.ReplaceAll(r, "inf", "1e309")
	}
	u.s(r)
}

// fstringBody writes the text between an f-string's quotes.
func (u *unparser) fstringBody(parts []parser.Expr, spec bool) {
	for _, p := range parts {
		switch p := p.(type) {
		case *parser.Const:
			s, _ := p.Value.(string)
			if !spec {
				s = strings.ReplaceAll(strings.ReplaceAll(s, "{", "{{"), "}", "}}")
			}
			u.s(s)
		case *parser.FString:
			u.fstringBody(p.Parts, spec)
		case *parser.FormattedValue:
			var inner unparser
			inner.expr(p.Value, prTest+1)
			text := inner.b.String()
			if strings.HasPrefix(text, "{") {
				u.s("{ ")
			} else {
				u.s("{")
			}
			u.s(text)
			if p.Conv != 0 {
				u.s("!" + string(p.Conv))
			}
			if p.Spec != nil {
				u.s(":")
				if f, ok := p.Spec.(*parser.FString); ok {
					u.fstringBody(f.Parts, true)
				} else {
					u.fstringBody([]parser.Expr{p.Spec}, true)
				}
			}
			u.s("}")
		}
	}
}

// params writes a lambda's parameter list.
func (u *unparser) params(p *parser.Params) {
	if p == nil {
		return
	}
	first := true
	sep := func() {
		if !first {
			u.s(", ")
		}
		first = false
	}
	one := func(x *parser.Param) {
		sep()
		u.s(x.Name)
		if x.Default != nil {
			u.s("=")
			u.expr(x.Default, prTest)
		}
	}
	for _, x := range p.PosOnly {
		one(x)
	}
	if len(p.PosOnly) > 0 {
		sep()
		u.s("/")
	}
	for _, x := range p.Args {
		one(x)
	}
	if p.Vararg != nil || len(p.KwOnly) > 0 {
		sep()
		u.s("*")
		if p.Vararg != nil {
			u.s(p.Vararg.Name)
		}
	}
	for _, x := range p.KwOnly {
		one(x)
	}
	if p.Kwarg != nil {
		sep()
		u.s("**" + p.Kwarg.Name)
	}
}
