// Package parser turns asy source (Python 3 syntax) into an AST.
//
// Contract: Parse(filename, src) returns a *Module whose nodes (ast.go) carry
// 1-based line/column positions, or a *SyntaxError worded as CPython 3.11 words
// it (message, file, line, column, the offending source line). The lexer is
// indentation-aware (INDENT/DEDENT/NEWLINE) and wraps participle's lexer; the
// grammar is participle/v2; lower.go turns grammar structs into the AST so that
// no other package depends on the grammar's shape. The parser knows nothing of
// the VM: it imports only participle and the standard library.
package parser
