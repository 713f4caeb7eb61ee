package parser

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

// The hand-written scanRaw must cut exactly the tokens rawLexer's rules
// (the regexp definition it replaced, kept here as the specification) cut.

// rawLexer is the token layer's specification. Rules are tried in order (first match wins):
// the frequent ones come first, and Number precedes Op (.5 is a number). A
// string prefix lexes as a Name; the wrapper joins it to the quote after it.
var rawLexer = lexer.MustSimple([]lexer.SimpleRule{
	{Name: "Space", Pattern: `[ \t\f]+`},
	{Name: "Name", Pattern: `[\p{L}_][\p{L}\p{Nd}\p{Mn}\p{Mc}_]*`},
	{Name: "NL", Pattern: `\n`},
	{Name: "Number", Pattern: `0[xXoObB][0-9a-fA-F_]*|(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9][0-9_]*)?[jJ]?`},
	{Name: "Op", Pattern: `\*\*=|//=|>>=|<<=|\.\.\.|!=|\*\*|//|>>|<<|<=|>=|==|->|\+=|-=|\*=|/=|%=|&=|\|=|\^=|@=|:=|[-+*/%@&|^~<>()\[\]{},:;.=!]`},
	{Name: "String", Pattern: `'''(?:\\[\s\S]|[\s\S])*?'''|"""(?:\\[\s\S]|[\s\S])*?"""|'(?:\\[\s\S]|[^'\\\n])*'|"(?:\\[\s\S]|[^"\\\n])*"`},
	// A quote the String rule could not close.
	{Name: "OpenQuote", Pattern: `'''|"""|'|"`},
	{Name: "Comment", Pattern: `#[^\n]*`},
	{Name: "Continuation", Pattern: `\\\n`},
	{Name: "Backslash", Pattern: `\\`},
	// Anything else is an error; the wrapper words it.
	{Name: "Char", Pattern: `[\s\S]`},
})

func TestRawSymbolsAreTheRules(t *testing.T) {
	want := rawLexer.Symbols()
	if len(want) != len(rawSymbols) {
		t.Fatalf("rules %v, lexer %v", want, rawSymbols)
	}
	for k, v := range want {
		if rawSymbols[k] != v {
			t.Errorf("%s: rules number it %d, the lexer %d", k, v, rawSymbols[k])
		}
	}
}

type rawTok struct {
	ty  lexer.TokenType
	val string
}

func regexpTokens(t testing.TB, s string) []rawTok {
	lx, err := rawLexer.LexString("x", s)
	if err != nil {
		t.Fatal(err)
	}
	var out []rawTok
	for {
		tok, err := lx.Next()
		if err != nil {
			t.Fatalf("regexp lexer: %v", err)
		}
		if tok.Type == lexer.EOF {
			return out
		}
		out = append(out, rawTok{tok.Type, tok.Value})
	}
}

func scannedTokens(s string) []rawTok {
	var out []rawTok
	for len(s) > 0 {
		ty, n := scanRaw(s)
		if n <= 0 {
			panic("scanRaw cut nothing")
		}
		out = append(out, rawTok{ty, s[:n]})
		s = s[n:]
	}
	return out
}

// comparable says whether the two definitions must agree on s: the
// regexp's lazy triple-quote rule can end a string at an escaped quote,
// which Python (and scanRaw) do not.
func comparable(s string) bool {
	return !strings.Contains(s, `\'`) && !strings.Contains(s, `\"`)
}

func checkSame(t testing.TB, what, s string) {
	if !comparable(s) {
		return
	}
	want, got := regexpTokens(t, s), scannedTokens(s)
	for i := 0; i < len(want) || i < len(got); i++ {
		if i >= len(want) || i >= len(got) || want[i] != got[i] {
			var w, g rawTok
			if i < len(want) {
				w = want[i]
			}
			if i < len(got) {
				g = got[i]
			}
			t.Fatalf("%s: token %d: regexp rules cut %v %q, scanRaw %v %q\nin %q", what, i, w.ty, w.val, g.ty, g.val, s)
		}
	}
}

// lineChunks are the pieces the indentation layer hands the token layer:
// one physical line with its newline.
func lineChunks(src string) []string {
	var out []string
	for len(src) > 0 {
		i := strings.IndexByte(src, '\n')
		if i < 0 {
			return append(out, src)
		}
		out = append(out, src[:i+1])
		src = src[i+1:]
	}
	return out
}

func TestScanRawAgreesOnTestdata(t *testing.T) {
	files := 0
	for _, root := range []string{"../testdata", "../stdlib/pylib", "../bench"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".asy") || strings.HasSuffix(path, ".py")) {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			src := strings.ReplaceAll(string(b), "\r\n", "\n")
			files++
			for i, c := range lineChunks(src) {
				checkSame(t, path+":"+itoa(i+1), c)
			}
			if len(src) < 4000 { // multi-line strings are cut against the whole rest
				checkSame(t, path, src)
			}
			return nil
		})
	}
	t.Logf("compared %d files", files)
	if files < 100 {
		t.Fatalf("compared only %d files", files)
	}
}

func FuzzScanRaw(f *testing.F) {
	for _, s := range []string{"x = 1\n", "'''a\nb'''", "0x1F 1e5 1.e 2j .5 ...", "a->b **= c", "é = 'ü'\n", "\"\"\"", "\\\n#c\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSame(t, "fuzz", s)
	})
}
