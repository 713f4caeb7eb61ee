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
