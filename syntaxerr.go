package asy

import (
	"github.com/asylang/asy/parser"
	"github.com/asylang/asy/vm"
)

// formatSyntaxError renders a syntax error as CPython prints it: the file
// and line, the source line, a caret under the column, and the message.
func formatSyntaxError(se *parser.SyntaxError) string { return vm.FormatSyntaxError(se) }
