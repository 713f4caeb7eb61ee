package asy_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/asylang/asy"
	"github.com/asylang/asy/modules/asyncpg"
	"github.com/asylang/asy/modules/sqlite"
)

// dbExt are the database extensions, for tests whose scripts use them.
var dbExt = []asy.Extension{sqlite.Extension, asyncpg.Extension}

// The root package links neither database driver: an embedder who does not
// opt into modules/sqlite or modules/asyncpg does not pay for them.
func TestCoreLinksNoDatabaseDriver(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/asylang/asy").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps gave %d packages", len(deps))
	}
	for _, d := range deps {
		if strings.HasPrefix(d, "modernc.org/sqlite") || strings.HasPrefix(d, "github.com/jackc/pgx") ||
			strings.HasPrefix(d, "modernc.org/libc") {
			t.Errorf("the root package depends on %s", d)
		}
	}
}

// The exported API shows no type of the internal layers (vm, parser,
// runtime, stdlib): an embedder needs nothing but this package.
func TestAPIShowsNoInternalTypes(t *testing.T) {
	out, err := exec.Command("go", "doc", "-all", "github.com/asylang/asy").Output()
	if err != nil {
		t.Skipf("go doc: %v", err)
	}
	if !strings.Contains(string(out), "func New(opts Options)") {
		t.Fatalf("go doc output lacks New:\n%.500s", out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		for _, pkg := range []string{"vm.", "parser.", "runtime.", "stdlib."} {
			if strings.Contains(line, pkg) && !strings.HasPrefix(strings.TrimSpace(line), "//") {
				t.Errorf("exported API mentions %s: %s", pkg, strings.TrimSpace(line))
			}
		}
	}
}
