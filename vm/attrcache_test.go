package vm_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asylang/asy/parser"
	"github.com/asylang/asy/vm"
)

// The dispatch loop's shortcuts (inline attribute caches, shared instance
// layouts, inline __init__ frames, pooled coroutines) must never change what
// a program does: every program runs with and without them and must print
// the same and fail the same way.

func cacheCorpus(t testing.TB) map[string]string {
	files, _ := filepath.Glob("../testdata/core/*.asy")
	out := map[string]string{}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), "import") && !strings.Contains(string(src), "input(") {
			out[filepath.Base(file)] = string(src)
		}
	}
	if len(out) < 20 {
		t.Fatalf("corpus too small: %d scripts", len(out))
	}
	return out
}

var addressRE = regexp.MustCompile(` at 0x[0-9a-f]+`)

func runBoth(t testing.TB, src string) {
	t.Helper()
	cfg := vm.Config{MaxSteps: 200000}
	withOut, withErr := run(t, src, cfg)
	cfg.NoInlineCaches = true
	noOut, noErr := run(t, src, cfg)
	// Object addresses (vars(), reprs of functions) differ between runs.
	withOut, noOut = addressRE.ReplaceAllString(withOut, "0x?"), addressRE.ReplaceAllString(noOut, "0x?")
	if withOut != noOut {
		t.Fatalf("output differs with inline caches:\n--- with ---\n%s\n--- without ---\n%s", withOut, noOut)
	}
	if (withErr == nil) != (noErr == nil) || (withErr != nil && withErr.Error() != noErr.Error()) {
		t.Fatalf("error differs with inline caches: %v / %v", withErr, noErr)
	}
}

func TestInlineCachesChangeNothing(t *testing.T) {
	for name, src := range cacheCorpus(t) {
		t.Run(name, func(t *testing.T) { runBoth(t, src) })
	}
}

func FuzzInlineCaches(f *testing.F) {
	for _, src := range cacheCorpus(f) {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := parser.Parse("f.py", src); err != nil {
			return
		}
		s := string(src)
		if strings.Contains(s, "import") || strings.Contains(s, "input") || strings.Contains(s, "**") || strings.Contains(s, "id(") || strings.Contains(s, " at 0x") {
			return // no filesystem, stdin, huge powers or addresses
		}
		runBoth(t, s)
	})
}
