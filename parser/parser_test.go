package parser

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestParsesValidPrograms(t *testing.T) {
	srcs := []string{
		"x = 1\n",
		"a, *b = c = [1, 2, 3]\n",
		"def f(a, /, b=1, *args, c, d=2, **kw) -> int:\n    return a\n",
		"async def f():\n    async with a as b, c:\n        async for x in y:\n            await z\n",
		"class C(B, metaclass=M):\n    @staticmethod\n    def f(): pass\n",
		"try:\n    pass\nexcept* ValueError as e:\n    pass\n",
		"x = [i for i in range(3) if i if i > 0]\n",
		"print(f'{x!r:>{w}} {y=} {{}}')\n",
		"lambda *a, k=1, **kw: (a, k, kw)\n",
		"if (n := 10) > 5: print(n)\n",
		"with (open(a) as f, open(b) as g):\n    pass\n",
		"x = yield\n",
		"del a[0], b.c\n",
		"from . import x\nfrom ..m import (a as b, c,)\n",
		"s = 'a' 'b' \"c\"\nb = b'x' rb'\\d'\n",
		"x = 0x_ff + 0o17 + 0b1010 + 1_000 + 1e-3 + .5 + 5. + 3j\n",
		"x = a if b else c\ny = not a and b or c\n",
		"x[1:2, ::3] = y\n",
		"@d1\n@d2(x)\nasync def f(): ...\n",
		"assert x, 'msg'\nglobal a, b\n",
	}
	for _, src := range srcs {
		if _, err := Parse("t.py", []byte(src)); err != nil {
			t.Errorf("Parse(%q): %v", src, err)
		}
	}
}

func TestSyntaxErrorsMatchCPython(t *testing.T) {
	cases := []struct {
		src, kind, msg string
		line, col      int
	}{
		{"x = = 1\n", "SyntaxError", "invalid syntax", 1, 5},
		{"if x\n    pass\n", "SyntaxError", "expected ':'", 1, 5},
		{"  x = 1\n", "IndentationError", "unexpected indent", 1, 3},
		{"if x:\npass\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1},
		{"if x:\n        a\n    b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 6},
		{"s = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5},
		{"x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5},
		{"x = 1)\n", "SyntaxError", "unmatched ')'", 1, 6},
		{"x = [1)\n", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '['", 1, 7},
		{"x = 012\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5},
		{"f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1},
		{"def f(a=1, b):\n    pass\n", "SyntaxError", "non-default argument follows default argument", 1, 12},
	}
	for _, c := range cases {
		_, err := Parse("t.py", []byte(c.src))
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Errorf("Parse(%q): want %s, got %v", c.src, c.msg, err)
			continue
		}
		if se.Kind != c.kind || se.Msg != c.msg || se.Line != c.line || se.Col != c.col {
			t.Errorf("Parse(%q) = %s %q at %d:%d; want %s %q at %d:%d", c.src, se.Kind, se.Msg, se.Line, se.Col, c.kind, c.msg, c.line, c.col)
		}
	}
}

// TestSyntaxErrorsAgainstPython checks the same table against the real
// python3 when it is installed, so the expectations cannot drift.
func TestSyntaxErrorsAgainstPython(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not on PATH")
	}
	srcs := []string{"x = = 1\n", "if x\n    pass\n", "s = 'abc\n", "x = (1,\n", "x = 1)\n", "x = [1)\n", "f() = 1\n"}
	for _, src := range srcs {
		out, err := exec.Command("python3", "-c", "import sys\ntry:\n compile(sys.argv[1], 't.py', 'exec')\nexcept SyntaxError as e:\n print(type(e).__name__, e.msg, e.lineno, e.offset, sep='|')", src).Output()
		if err != nil {
			t.Fatal(err)
		}
		_, perr := Parse("t.py", []byte(src))
		se := perr.(*SyntaxError)
		got := strings.Join([]string{se.Kind, se.Msg, itoa(se.Line), itoa(se.Col)}, "|")
		if want := strings.TrimSpace(string(out)); got != want {
			t.Errorf("Parse(%q) = %s; python3 says %s", src, got, want)
		}
	}
}

func TestParsesTestdataAndExamples(t *testing.T) {
	for _, pattern := range []string{"../testdata/*/*.asy", "../../shared/examples/*.py"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(filepath.Base(f), "syntax_") || strings.Contains(filepath.Base(f), "bad_encoding") {
				continue
			}
			if _, err := Parse(f, src); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"../testdata/*/*.asy", "../../shared/examples/*.py"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src)
			}
		}
	}
	f.Add([]byte("f'{x!r:{y}}' if a else (lambda: [*b, **c])\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		mod, err := Parse("fuzz.py", src)
		if err == nil && mod == nil {
			t.Fatal("nil module without error")
		}
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("../testdata/core/prog_bank.asy")
	if err != nil {
		b.Skip(err)
	}
	big := []byte(strings.Repeat(string(src), 10))
	b.SetBytes(int64(len(big)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse("bench.py", big); err != nil {
			b.Fatal(err)
		}
	}
}
