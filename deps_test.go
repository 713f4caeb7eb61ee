package asy_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The root package is what every embedder links: what is big and not
// needed by most scripts stays in opt-in extensions (modules/*), so a
// hello-world embed stays small (README, "Extensions you opt into"). This
// fails when one of those dependencies creeps back into the core.
func TestCoreDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	if !deps["github.com/asylang/asy/stdlib"] {
		t.Fatalf("go list -deps does not list the stdlib package:\n%s", out)
	}
	for _, heavy := range []string{
		"crypto/tls", "crypto/x509", // ssl: modules/ssl
		"net/http", "text/template", "html/template",
		"modernc.org/sqlite", "github.com/jackc/pgx/v5", // modules/sqlite, modules/asyncpg
		"golang.org/x/text/unicode/runenames", "time/tzdata", // modules/unicodedata, modules/tzdata
		"compress/bzip2", "archive/zip", "archive/tar", // modules/archive
	} {
		if deps[heavy] {
			t.Errorf("the root package links %s: move what needs it into an extension (modules/)", heavy)
		}
	}
}
