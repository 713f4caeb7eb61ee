package main

import (
	"fmt"

	"github.com/asylang/asy/internal/pgtest"
)

// The PostgreSQL server the database goldens talk to. TestMain starts a
// throw-away one on a free port (see internal/pgtest) and stops it at the
// end; scripts read its address from ASY_TEST_PGDSN, so test processes
// running side by side never share (or stop) each other's server. Scripts
// with `# asy-needs: postgres` are skipped when no server can run.

var (
	pgAvailable bool
	pgDSN       string
)

func startPostgres() (stop func()) {
	port, err := pgtest.FreePort()
	if err != nil {
		return func() {}
	}
	pgDSN = fmt.Sprintf("postgresql://postgres@127.0.0.1:%d/postgres", port)
	stop, pgAvailable = pgtest.Start(port)
	return stop
}
