package parser

import (
	"errors"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
	"github.com/google/go-cmp/cmp"
)

// lexAll returns "Type:value" for every token Lexer hands out.
func lexAll(t *testing.T, src string) ([]string, error) {
	t.Helper()
	lx, err := Lexer.Lex("t.py", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	names := lexer.SymbolsByRune(Lexer)
	var out []string
	for {
		tok, err := lx.Next()
		if err != nil {
			return out, err
		}
		out = append(out, names[tok.Type]+":"+tok.Value)
		if tok.EOF() {
			return out, nil
		}
	}
}

func TestLexerIndentation(t *testing.T) {
	src := "if x:\n    y = (1,\n  2)  # c\n\n    # only a comment\n    z = rb'\\''\nw\n"
	got, err := lexAll(t, src)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Name:if", "Name:x", "Op::", "Newline:",
		"Indent:    ", "Name:y", "Op:=", "Op:(", "Number:1", "Op:,", "Number:2", "Op:)", "Newline:",
		"Name:z", "Op:=", `String:rb'\''`, "Newline:",
		"Dedent:", "Name:w", "Newline:", "EOF:",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("tokens (-want +got):\n%s", d)
	}
}

func TestLexerErrors(t *testing.T) {
	cases := map[string]string{
		"x = '''abc\n":     "t.py:1:5: SyntaxError: unterminated triple-quoted string literal (detected at line 1)",
		"x = '''a\nb\n\n":  "t.py:1:5: SyntaxError: unterminated triple-quoted string literal (detected at line 3)",
		"x = f\"\"\"abc":   "t.py:1:5: SyntaxError: unterminated triple-quoted string literal (detected at line 1)",
		"x = 1abc\n":       "t.py:1:5: SyntaxError: invalid decimal literal",
		"x = 1.5j2\n":      "t.py:1:8: SyntaxError: invalid imaginary literal",
		"x = 0o18\n":       "t.py:1:8: SyntaxError: invalid digit '8' in octal literal",
		"x = 0b1z\n":       "t.py:1:7: SyntaxError: invalid binary literal",
		"x = 0x_\n":        "t.py:1:7: SyntaxError: invalid hexadecimal literal",
		"x = 1__0\n":       "t.py:1:6: SyntaxError: invalid decimal literal",
		"x = 1e+\n":        "t.py:1:7: SyntaxError: invalid decimal literal",
		"x = 1 € 2\n":      "t.py:1:7: SyntaxError: invalid character '€' (U+20AC)",
		"x = \\ y\n":       "t.py:1:6: SyntaxError: unexpected character after line continuation character",
		"if x:\n  a\n b\n": "t.py:3:3: IndentationError: unindent does not match any outer indentation level",
		"x = [1,\n2}\n":    "t.py:2:2: SyntaxError: closing parenthesis '}' does not match opening parenthesis '[' on line 1",
	}
	for src, want := range cases {
		_, err := lexAll(t, src)
		var se *SyntaxError
		if !errors.As(err, &se) || se.Error() != want {
			t.Errorf("%q: got %v, want %s", src, err, want)
		}
	}
}

// A participle grammar can be built on Lexer: INDENT and DEDENT are tokens
// like any other.
type block struct {
	Head  string   `parser:"@Name \":\" Newline"`
	Body  []string `parser:"Indent ( @Name Newline )+ Dedent"`
	After []string `parser:"( @Name Newline )*"`
}

func TestLexerDrivesParticiple(t *testing.T) {
	p := participle.MustBuild[block](participle.Lexer(Lexer))
	b, err := p.ParseString("t.py", "head:\n    a\n    b\nc\n")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(&block{Head: "head", Body: []string{"a", "b"}, After: []string{"c"}}, b); d != "" {
		t.Errorf("parse (-want +got):\n%s", d)
	}
}

// Numbers followed by a keyword are valid (CPython only warns); leading
// zeros are refused with a caret range.
func TestLexerNumbers(t *testing.T) {
	got, err := lexAll(t, "1if 0x1for 1else")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Number:1", "Name:if", "Number:0x1f", "Name:or", "Number:1", "Name:else", "Newline:", "EOF:"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("tokens (-want +got):\n%s", d)
	}
	_, err = lexAll(t, "x = 00_7\n")
	var se *SyntaxError
	if !errors.As(err, &se) || se.Col != 5 || se.EndCol != 8 {
		t.Errorf("leading zeros: got %#v, want carets 5..7", err)
	}
}
