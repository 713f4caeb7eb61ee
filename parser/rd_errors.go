package parser

import "fmt"

// SyntaxError is a parse error worded as CPython 3.11 words it.
type SyntaxError struct {
	Kind     string // "SyntaxError", "IndentationError" or "TabError"
	Msg      string
	Filename string
	Line     int // 1-based
	Col      int // 1-based column where the caret goes
	// EndCol, when greater than Col, ends a range of carets (exclusive);
	// NoCaret suppresses the caret line (CPython prints none for some errors).
	EndCol  int
	NoCaret bool
	// AtEnd: an error at the end of the source, which CPython reports with
	// end_offset -1 and prints without a caret.
	AtEnd bool
	Text  string
	// NoText: the source line is unknown (CPython's text is None: code
	// compiled from a string whose file name is no file).
	NoText bool
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.Filename, e.Line, e.Col, e.Kind, e.Msg)
}
