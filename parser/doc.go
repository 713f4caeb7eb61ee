// Package parser turns asy source (Python 3 syntax) into an AST.
//
// Contract: Parse(filename, src) returns a *Module whose nodes (ast.go) carry
// 1-based line/column positions, or a *SyntaxError worded as CPython 3.11 words
// it (message, file, line, column, the offending source line).
//
// Lexing has two layers. The token layer's rules are written as a
// participle rule lexer (rawLexer in rawscan_test.go: names, numbers, strings, operators) and
// run as a hand-written scanner that cuts the same tokens in one pass
// (scanRaw; a test and a fuzz target hold the two equal). Lexer wraps it in a participle
// lexer.Definition of its own that adds what Python needs beyond regular
// tokens — INDENT/DEDENT from a stack of indent widths, logical NEWLINEs
// (none inside brackets, none for blank or comment-only lines), backslash
// continuation — and reads numbers as CPython's tokenizer does, so lexical
// errors carry CPython's message and caret. Any participle grammar can be
// built on Lexer (lexer_test.go builds one).
//
// The grammar is a recursive-descent parser over those tokens, with
// precedence climbing for expressions (the technique of participle's expr4
// example), building the AST directly. It is hand-written rather than
// participle struct tags because Python's grammar is context-sensitive where
// it matters for users: soft keywords, f-strings parsed from inside string
// tokens, assignment targets checked after the fact, and CPython's exact
// error message and column for each mistake ("expected ':'", "cannot assign
// to function call here. Maybe you meant '==' instead of '='?").
//
// The parser knows nothing of the VM: it imports only participle and the
// standard library.
package parser
