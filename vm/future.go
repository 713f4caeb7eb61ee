package vm

import "github.com/asylang/asy/parser"

// Future statements (`from __future__ import X`). All the features CPython
// 3.11 knows are accepted; only `annotations` changes anything here: the
// module's annotations are not evaluated but kept as their source text,
// rendered as CPython renders them (unparse.go). The import itself also runs
// as an ordinary import of the __future__ module (stdlib), binding the
// feature's _Feature object as CPython does.

// knownFutures are CPython 3.11's feature names.
var knownFutures = map[string]bool{
	"nested_scopes": true, "generators": true, "division": true, "absolute_import": true,
	"with_statement": true, "print_function": true, "unicode_literals": true,
	"barry_as_FLUFL": true, "generator_stop": true, "annotations": true,
}

// futures are the features a module turned on.
type futures struct {
	annotations bool
	// lastLine is the line of the last future statement at the top of the
	// module: one on a later line is a SyntaxError.
	lastLine int
}

// scanFutures reads the future statements that start a module (after an
// optional docstring), as CPython's future.c does, reporting unknown
// features. Late future statements are reported by the compiler.
func scanFutures(file string, body []parser.Stmt) (futures, error) {
	var ff futures
	i := 0
	if _, ok := docstring(body); ok {
		i++
	}
	done, prevLine := false, 0
	for ; i < len(body); i++ {
		s := body[i]
		line := s.Position().Line
		if done && line > prevLine {
			break
		}
		prevLine = line
		imp, ok := s.(*parser.ImportFrom)
		if !ok || imp.Module != "__future__" {
			done = true
			continue
		}
		if done {
			return ff, lateFuture(file, imp)
		}
		for _, a := range imp.Names {
			switch {
			case a.Name == "braces":
				return ff, futureError(file, imp, "not a chance")
			case !knownFutures[a.Name]:
				return ff, futureError(file, imp, "future feature "+a.Name+" is not defined")
			case a.Name == "annotations":
				ff.annotations = true
			}
		}
		ff.lastLine = line
	}
	return ff, nil
}

// futureError points at the statement's first column only, as CPython does.
func futureError(file string, s *parser.ImportFrom, msg string) error {
	return &parser.SyntaxError{Kind: "SyntaxError", Msg: msg, Filename: file, Line: s.P.Line, Col: s.P.Col, EndCol: s.P.Col + 1}
}

func lateFuture(file string, s *parser.ImportFrom) error {
	return &parser.SyntaxError{Kind: "SyntaxError", Msg: "from __future__ imports must occur at the beginning of the file", Filename: file, Line: s.P.Line, Col: s.P.Col}
}

// annotation compiles an annotation: its value, or under
// `from __future__ import annotations` its text.
func (c *compiler) annotation(e parser.Expr) {
	if c.futures.annotations {
		c.emitConst(Str(unparseAnnotation(e)))
		return
	}
	c.expr(e)
}
