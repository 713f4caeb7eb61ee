package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReAgreesWithCPython runs every case of reDiffCases (one Python
// expression a line, the re module in scope) under python3 and asy and
// compares what each prints: the result's repr (matches spelled out with
// their groups and spans, iterators listed) or the exception's type, message
// and, for re.error, pos, lineno and colno. One script holds all the cases,
// so the whole table costs two process starts.
func TestReAgreesWithCPython(t *testing.T) {
	py := realPython(t)
	var cases []string
	for _, line := range strings.Split(reDiffCases, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			cases = append(cases, line)
		}
	}
	if len(cases) < 200 {
		t.Fatalf("only %d cases", len(cases))
	}
	var src strings.Builder
	src.WriteString(reDiffHarness)
	src.WriteString("CASES = [\n")
	for _, c := range cases {
		src.WriteString("    " + pyQuote(c) + ",\n")
	}
	src.WriteString("]\nrun(CASES)\n")
	path := filepath.Join(t.TempDir(), "re_diff.py")
	if err := os.WriteFile(path, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	want := runScript(t, py, nil, path, 60*time.Second)
	got := runScript(t, asyBin, nil, path, 60*time.Second)
	if want.Exit != 0 || want.Stderr != "" {
		t.Fatalf("python3 failed on the harness: %s", want.Stderr)
	}
	if got.Exit != 0 || got.Stderr != "" {
		t.Errorf("asy failed on the harness (exit %d): %s", got.Exit, got.Stderr)
	}
	wl, gl := strings.Split(want.Stdout, "\n"), strings.Split(got.Stdout, "\n")
	bad := 0
	for i := range wl {
		g := "<missing>"
		if i < len(gl) {
			g = gl[i]
		}
		if g != wl[i] {
			bad++
			t.Errorf("case differs:\n python3: %s\n     asy: %s", wl[i], g)
		}
	}
	if len(gl) > len(wl) {
		t.Errorf("asy printed %d more lines", len(gl)-len(wl))
	}
	t.Logf("%d cases, %d differ", len(cases), bad)
}

// pyQuote spells s as a Python string literal (ASCII, so the harness file
// does not depend on an encoding).
func pyQuote(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, c := range s {
		switch {
		case c == '\\' || c == '\'':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c >= 0x20 && c < 0x7f:
			b.WriteRune(c)
		case c < 0x10000:
			b.WriteString(`\u` + strings.ToLower(strings.TrimPrefix(hex4(c), "0x")))
		default:
			b.WriteString(`\U` + hex8(c))
		}
	}
	b.WriteByte('\'')
	return b.String()
}

func hex4(c rune) string { return hexN(c, 4) }
func hex8(c rune) string { return hexN(c, 8) }

func hexN(c rune, n int) string {
	const digits = "0123456789abcdef"
	out := make([]byte, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = digits[c&15]
		c >>= 4
	}
	return string(out)
}

const reDiffHarness = `import re

def show_match(m):
    if m is None:
        return "None"
    parts = [repr(m), "groups=%r" % (m.groups(),), "spans=%r" % ([m.span(g) for g in range(len(m.groups()) + 1)],)]
    if m.re.groupindex:
        parts.append("dict=%r" % (m.groupdict(),))
    parts.append("last=%r/%r" % (m.lastindex, m.lastgroup))
    return " ".join(parts)

def show(r):
    if isinstance(r, re.Match) or r is None:
        return show_match(r)
    if hasattr(r, "__next__"):
        return "iter[" + ", ".join(show(x) for x in r) + "]"
    if isinstance(r, list):
        return "[" + ", ".join(show(x) for x in r) + "]"
    return repr(r)

def run(cases):
    for i, src in enumerate(cases):
        try:
            out = show(eval(src, {"re": re}))
        except re.error as e:
            out = "re.error: %s pos=%r lineno=%r colno=%r" % (e, e.pos, e.lineno, e.colno)
        except Exception as e:
            out = "%s: %s" % (type(e).__name__, e)
        print("%d %s => %s" % (i, src, out))
`
