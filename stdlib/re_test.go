package stdlib

import (
	"fmt"
	"github.com/asylang/asy/vm"
	"github.com/dlclark/regexp2/v2"
	"regexp"
	"strings"
	"testing"
)

func translateFor(t *testing.T, pat string, flags int) *reTranslation {
	t.Helper()
	tr, err := reTranslate([]rune(pat), flags, false)
	if err != nil {
		t.Fatalf("%q: unexpected error %v", pat, err)
	}
	return tr
}

// Constructs RE2 cannot run are translated for the backtracking engine
// instead; \N{...} (no name tables) is still refused.
func TestReBacktrackingConstructsNeedBT(t *testing.T) {
	cases := []struct{ pat, want string }{
		{`(a)\1`, `(a)\k<1>`},
		{`(?P<x>a)(?P=x)`, `(a)\k<1>`},
		{`a(?=b)`, `a(?=b)`},
		{`a(?!b)`, `a(?!b)`},
		{`(?<=a)b`, `(?<=a)b`},
		{`(?<!a)b`, `(?<!a)b`},
		{`(a)?(?(1)b|c)`, `(?:(a))?(?(1)b|c)`},
		{`(?>ab|a)`, `(?>ab|a)`},
		{`a*+`, `(?>(?:a)*)`},
		{`a++`, `(?>(?:a)+)`},
		{`a?+`, `(?>(?:a)?)`},
		{`a{1,3}+`, `(?>(?:a){1,3})`},
		{`a{2000}`, `(?:a){2000}`},
	}
	for _, c := range cases {
		tr, err := reTranslate([]rune(c.pat), 0, false)
		if err != nil || !tr.needBT || tr.goSrc != c.want {
			t.Errorf("%q: got %v %v, want %q for the backtracking engine", c.pat, tr, err, c.want)
		}
	}
	if tr, err := reTranslate([]rune(`a|b*`), 0, false); err != nil || tr.needBT || !tr.ambiguous {
		t.Errorf("a|b*: want RE2 and ambiguous, got %+v %v", tr, err)
	}
	// \N{NAME} resolves through the names the caller looked up.
	if tr, err := reTranslateNamed([]rune(`\N{DIGIT ONE}`), 0, false, map[string]rune{"DIGIT ONE": '1'}); err != nil || !strings.Contains(tr.goSrc, "1") {
		t.Errorf(`\N{DIGIT ONE}: got %+v %v`, tr, err)
	}
	_, err := reTranslate([]rune(`\N{DIGIT ONE}`), 0, false)
	if se, ok := err.(*reSyntaxError); !ok || se.msg != "undefined character name 'DIGIT ONE'" || se.pos != 0 {
		t.Errorf(`\N{...} without names: got %v`, err)
	}
}

// Errors CPython reports are reproduced with its words and positions.
func TestReSyntaxErrorsMatchCPython(t *testing.T) {
	cases := []struct {
		pat string
		msg string
		pos int
	}{
		{`(`, "missing ), unterminated subpattern", 0},
		{`)`, "unbalanced parenthesis", 0},
		{`[a`, "unterminated character set", 0},
		{`*`, "nothing to repeat", 0},
		{`a**`, "multiple repeat", 2},
		{`[z-a]`, "bad character range z-a", 1},
		{`\`, "bad escape (end of pattern)", 0},
		{`\q`, `bad escape \q`, 0},
		{`(?P<1a>x)`, "bad character in group name '1a'", 4},
		{`(?P<a>x)(?P<a>y)`, "redefinition of group name 'a' as group 2; was group 1", 12},
		{`(?z)`, "unknown extension ?z", 1},
		{`a{3,2}`, "min repeat greater than max repeat", 2},
		{`a(?i)b`, "global flags not at the start of the expression", 1},
		{`(a)\2`, "invalid group reference 2", 4},
		{`(?P=b)`, "unknown group name 'b'", 4},
		{`(?<=(a)\1)b`, "cannot refer to group defined in the same lookbehind subpattern", 9},
		{`(?<=a+)b`, "look-behind requires fixed-width pattern", -1},
		{`(?<=a+)b(`, "missing ), unterminated subpattern", 8},
		{`(?(1)a|b|c)`, "conditional backref with more than two branches", 8},
		{`(?(2)a)(b)`, "invalid group reference 2", 3},
		{`(?(0)a)`, "bad group number", 3},
		{`(?(x)a)`, "unknown group name 'x'", 3},
		{`(?P<n>a(?P=n))`, "cannot refer to an open group", 11},
	}
	for _, c := range cases {
		_, err := reTranslate([]rune(c.pat), 0, false)
		se, ok := err.(*reSyntaxError)
		if !ok || se.msg != c.msg || se.pos != c.pos {
			t.Errorf("%q: got %v, want %q at %d", c.pat, err, c.msg, c.pos)
		}
	}
}

// The translation compiles in Go and keeps Python's meaning.
func TestReTranslationMatches(t *testing.T) {
	cases := []struct {
		pat   string
		flags int
		subj  string
		want  string
	}{
		{`\w+`, 0, "  héllo!", "héllo"},
		{`\w+`, reASCII, "  héllo!", "h"},
		{`\d+`, 0, "x٣٤5", "٣٤5"},
		{`\s+`, 0, "a\u3000\v b", "\u3000\v "},
		{`[^\W\d]+`, 0, "12abç3", "abç"},
		{`(?x) a  b # comment`, 0, "xab", "ab"},
		{`a{,2}`, 0, "aaa", "aa"},
		{`x{`, 0, "x{", "x{"},
		{`(?i)é`, 0, "É", "É"},
		{`(?i)\xe9`, reASCII, "É", ""},
		{`.`, 0, "\n", ""},
		{`.`, reDOTALL, "\n", "\n"},
		{`[]a]+`, 0, "]a]", "]a]"},
		{`\x41\u00e9\101`, 0, "AéA", "AéA"},
	}
	for _, c := range cases {
		tr := translateFor(t, c.pat, c.flags)
		src := strings.ReplaceAll(tr.goSrc, reDollarMark, `\z`)
		re, err := regexp.Compile(src)
		if err != nil {
			t.Errorf("%q: Go rejects %q: %v", c.pat, src, err)
			continue
		}
		if got := re.FindString(c.subj); got != c.want {
			t.Errorf("%q on %q: got %q, want %q (Go %q)", c.pat, c.subj, got, c.want, src)
		}
	}
}

// Where RE2's ASCII-only word boundary or '$' would silently differ from
// CPython, matching refuses instead when there is no backtracking engine.
func TestReRefusesWhereRE2WouldDiffer(t *testing.T) {
	prog := newReProg(translateFor(t, `\bfoo\b`, 0))
	txt := newReTextString(reZero(), "café foo", false, nil)
	if _, err := prog.exec(nil, txt, 0, txt.nchars, reSearch); err == nil || !strings.Contains(err.Error(), `\b`) {
		t.Errorf("\\b on non-ASCII text: got %v, want a refusal", err)
	}
	ascii := newReProg(translateFor(t, `\bfoo\b`, reASCII))
	if spans, err := ascii.exec(nil, txt, 0, txt.nchars, reSearch); err != nil || spans == nil || spans[0] != 5 {
		t.Errorf("\\b under ASCII: got %v %v, want a match at 5", spans, err)
	}
	dollar := newReProg(translateFor(t, `a$`, 0))
	multi := newReTextString(reZero(), "a\nb\n", false, nil)
	if _, err := dollar.exec(nil, multi, 0, multi.nchars, reSearch); err == nil {
		t.Errorf("$ on a string with several newlines: want a refusal")
	}
	one := newReTextString(reZero(), "xa\n", false, nil)
	if spans, err := dollar.exec(nil, one, 0, one.nchars, reSearch); err != nil || spans == nil || spans[0] != 1 || spans[1] != 2 {
		t.Errorf("$ before a final newline: got %v %v", spans, err)
	}
}

// reZero is the zero vm.Value (the subject value is not needed here).
func reZero() (v vm.Value) { return }

// FuzzReTranslate: any pattern either fails with a Python error or
// translates; an RE2 translation always compiles in Go, and the backtracking
// translation (which RE2 patterns fall back on too) in regexp2.
func FuzzReTranslate(f *testing.F) {
	for _, s := range []string{`(a)\1`, `(?<=ab|cd)x`, `(?(1)a|b)(x)`, `a*+`, `(?>a|b)`, `[^\W\d]+`,
		`(?x) a # c`, `(?i:a)(?-i:b)`, `a{2,1001}?`, `\bfoo\B$`, `(?P<n>x)(?P=n)`, `(a|)+`} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, pat string, flags int) {
		flags &= reIGNORECASE | reMULTILINE | reDOTALL | reVERBOSE | reASCII
		tr, err := reTranslate([]rune(pat), flags, false)
		if err != nil {
			switch err.(type) {
			case *reSyntaxError, *reValueError, *reOverflow:
				return
			}
			t.Fatalf("%q: unexpected error type %T: %v", pat, err, err)
		}
		bt := tr
		if !tr.needBT {
			if bt, err = reTranslateFor([]rune(pat), flags, false, true); err != nil {
				t.Fatalf("%q: translates for RE2 but not for the backtracking engine: %v", pat, err)
			}
		}
		for _, v := range []string{`(?:` + bt.goSrc + `)`, `\G(?:` + bt.goSrc + `)(?!\G)`} {
			if _, err := regexp2.Compile(v); err != nil {
				t.Fatalf("%q: regexp2 rejects %q: %v", pat, v, err)
			}
		}
		if tr.needBT {
			return
		}
		for _, d := range []string{`\z`, `(?m:$)`} {
			if _, err := regexp.Compile(strings.ReplaceAll(tr.goSrc, reDollarMark, d)); err != nil {
				t.Fatalf("%q: Go rejects %q: %v", pat, tr.goSrc, err)
			}
		}
	})
}

// FuzzReLines: a search by lines (searchLines) finds what a search over
// the whole text finds, for every pattern it applies to, from every
// position of a long text of short lines.
func FuzzReLines(f *testing.F) {
	for _, s := range []string{`\bab`, `(?m)^\w+$`, `\d+`, `\B\w\b`, `a|\n`, `x*`, `(?i)é|k`, `\Az|x`, `[^a]`} {
		f.Add(s, "ab a1 zé\nxx 12 k", 0)
	}
	f.Fuzz(func(t *testing.T, pat, line string, flags int) {
		flags &= reIGNORECASE | reMULTILINE | reDOTALL | reASCII
		tr, err := reTranslate([]rune(pat), flags, false)
		if err != nil || tr.needBT || len(line) == 0 || len(line) > 64 {
			return
		}
		p := newReProg(tr)
		if !p.inLine() {
			return
		}
		// Lines of filler (where most patterns find nothing, so that the
		// search goes on over several windows), then the line twice.
		var b strings.Builder
		for b.Len() < 3*reWindow {
			b.WriteString("-- -- -- --\n")
		}
		b.WriteString(line + "\n" + line)
		s := b.String()
		defer func() { reNoLines = false }()
		for pos := 0; pos <= len(s); pos += 1 + len(s)/40 {
			for _, end := range []int{len(s), len(s) - len(line)} {
				txt := newReTextString(reZero(), s, false, nil)
				if pos > txt.nchars || end > txt.nchars {
					continue
				}
				reNoLines = true
				want, err1 := p.exec(nil, txt, pos, end, reSearch)
				reNoLines = false
				got, err2 := p.exec(nil, txt, pos, end, reSearch)
				if fmt.Sprint(want, err1) != fmt.Sprint(got, err2) {
					t.Fatalf("%q on %q from %d to %d: whole text %v %v, by lines %v %v", pat, line, pos, end, want, err1, got, err2)
				}
			}
		}
	})
}
