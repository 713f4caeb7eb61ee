package stdlib

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/asylang/asy/vm"
)

// reTestProg compiles pat as the re module does, for RE2 (no extension).
func reTestProg(t *testing.T, pat string, flags int) *reProg {
	t.Helper()
	tr, err := reTranslate([]rune(pat), flags, false)
	if err != nil || tr.needBT {
		t.Fatalf("%q: %v (needBT %v)", pat, err, tr != nil && tr.needBT)
	}
	p := newReProg(tr)
	p.pat, p.flags = []rune(pat), flags
	return p
}

// On patterns both can run, asy's engine finds what Go's regexp finds
// (leftmost-first, the same groups), for every pos, endpos and anchoring.
func TestReEngineAgreesWithRE2(t *testing.T) {
	pats := []string{
		`(\d{4})-(\d\d)-(\d\d)`, `(?P<user>[\w.]+)@(?P<host>[\w.]+)`, `took (\d+)ms`, `\d+`, `(\w+)@(\w+)`,
		`\s+`, `\s*(?:(\d+)|(\w+)|(.))`, `[aeiouáéíóú]`, `(?i)STRASSE|straße|ñandú`, `(a|ab)(c|bcd)(d*)`,
		`(a+?)(b*?)c`, `x*y|x+`, `^\w+$`, `(?m)^(\w)(\w*)$`, `(?s)a.*b`, `a.*?b`, `[^a-c]+`, `(?:ab){2,3}`,
		`(é|ß)+`, `a{2}b{0,2}?`, `(?i)[a-zé]+`, `(x)?(y)?z`, `(?:(a)|(b))+`, `\Aab|b\Z`, `é$`, `(a)(?:b|c)*d`,
	}
	subjects := []string{"", "a", "abcd ab aab", "2024-01-02 user1@host.example.com took 12ms",
		"délta ñandú straße STRASSE", "x y\nzz\n", "aabbbcc abab\nabcbcd", "éßéé ß é\n", "xxxyz zyx"}
	for _, pat := range pats {
		p := reTestProg(t, pat, 0)
		if p.engineProg() == nil {
			t.Errorf("%q: the engine does not take it", pat)
			continue
		}
		for _, s := range subjects {
			n := vm.RuneCount(s)
			for pos := 0; pos <= n; pos++ {
				for _, end := range []int{n, max(pos, n-1)} {
					for _, kind := range []int{reSearch, reMatch, reFull} {
						txt, _ := newReText(vm.Str(s))
						want, err := p.execOther(nil, txt, pos, end, kind)
						if err != nil {
							continue // RE2 refuses it here (a Unicode \b): nothing to compare
						}
						txt, _ = newReText(vm.Str(s))
						got, ok := p.engineExec(txt, pos, end, kind, false, nil)
						if !ok || !slices.Equal(got, want) {
							t.Errorf("%q on %q [%d:%d] kind %d: engine %v (ran %v), RE2 %v", pat, s, pos, end, kind, got, ok, want)
						}
					}
				}
			}
		}
	}
}

// Patterns whose loops can repeat an empty match (CPython's rules for them
// are the other engines'), and huge counts, are not the engine's.
func TestReEngineDeclines(t *testing.T) {
	for _, pat := range []string{`(a*)*b`, `(?:a?b?)+`, `(?:x|)*y`, `(\b)+\w`, `a{70000}`} {
		tr, err := reTranslateFor([]rune(pat), 0, false, true)
		if err != nil {
			t.Fatalf("%q: %v", pat, err)
		}
		if prog, err := reEngineCompile(tr.goSrc, tr.groups); err == nil {
			t.Errorf("%q: the engine took it (%+v)", pat, prog)
		}
	}
	for _, pat := range []string{`(a+)+b`, `(?<=ab)c(?!d)`, `(a)\1`, `(?>a+)b`, `(a)?(?(1)b|c)`, `\bx\B`} {
		tr, err := reTranslateFor([]rune(pat), 0, false, true)
		if err != nil {
			t.Fatalf("%q: %v", pat, err)
		}
		if _, err := reEngineCompile(tr.goSrc, tr.groups); err != nil {
			t.Errorf("%q: the engine refused it: %v", pat, err)
		}
	}
}

// A search that takes too many steps or recurses too deep gives up, and
// the re module's answer then comes from Go's regexp.
func TestReEngineGivesUp(t *testing.T) {
	p := reTestProg(t, `(a+)+b`, 0)
	s := strings.Repeat("a", 40)
	if _, err := p.engineProg().run(&reExec{}, s, 0, reSearch, false, nil); err != errReBudget {
		t.Errorf("(a+)+b on a*40: got %v, want the budget error", err)
	}
	txt, _ := newReText(vm.Str(s))
	if spans, err := p.exec(nil, txt, 0, len(s), reSearch); err != nil || spans != nil {
		t.Errorf("(a+)+b on a*40: got %v %v, want no match", spans, err)
	}
	p = reTestProg(t, `(?:(a)b)+`, 0)
	s = strings.Repeat("ab", 3*reMaxDepth)
	if _, err := p.engineProg().run(&reExec{}, s, 0, reMatch, false, nil); err != errReBudget {
		t.Errorf("deep match: got %v, want the budget error", err)
	}
	txt, _ = newReText(vm.Str(s))
	spans, err := p.exec(nil, txt, 0, len(s), reMatch)
	if want := fmt.Sprint([]int{0, len(s), len(s) - 2, len(s) - 1}); err != nil || fmt.Sprint(spans) != want {
		t.Errorf("deep match: got %v %v, want %v", spans, err, want)
	}
}

// A str holding a lone surrogate is not valid UTF-8: the other engines
// search it.
func TestReEngineSkipsSurrogates(t *testing.T) {
	s := vm.Str("a\xed\xa0\x80b")
	txt, _ := newReText(s)
	if txt.engineOK() {
		t.Errorf("a str with a surrogate went to the engine")
	}
	txt, _ = newReText(vm.Str("añb"))
	if !txt.engineOK() {
		t.Errorf("a valid non-ASCII str did not go to the engine")
	}
}
