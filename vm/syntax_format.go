package vm

import (
	"fmt"
	"strings"

	"github.com/asylang/asy/parser"
)

// FormatSyntaxError renders a syntax error as CPython prints it: the file
// and line, the source line, a caret under the column, and the message.
func FormatSyntaxError(se *parser.SyntaxError) string {
	var b strings.Builder
	if se.Line == 0 && se.Text == "" {
		// Errors found before tokenizing (bad encoding) have no location.
		return se.Kind + ": " + se.Msg + "\n"
	}
	fmt.Fprintf(&b, "  File \"%s\", line %d\n", se.Filename, se.Line)
	if se.Text != "" {
		line := strings.TrimRight(se.Text, "\n")
		trimmed := strings.TrimLeft(line, " \t\f")
		indent := len(line) - len(trimmed)
		fmt.Fprintf(&b, "    %s\n", trimmed)
		col := se.Col - 1 - indent
		if col < 0 {
			col = 0
		}
		if se.Col > 0 && !se.NoCaret && !se.AtEnd {
			n := 1
			if se.EndCol > se.Col {
				n = se.EndCol - se.Col
			}
			fmt.Fprintf(&b, "    %s%s\n", strings.Repeat(" ", col), strings.Repeat("^", n))
		}
	}
	fmt.Fprintf(&b, "%s: %s\n", se.Kind, se.Msg)
	return b.String()
}
