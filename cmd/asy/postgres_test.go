package main

import "github.com/asylang/asy/internal/pgtest"

// The PostgreSQL server the database goldens talk to: the scripts connect to
// postgresql://postgres@127.0.0.1:54329/postgres. TestMain starts it (see
// internal/pgtest) and stops it at the end; scripts with
// `# asy-needs: postgres` are skipped when no server can run.

const pgPort = 54329

var pgAvailable bool

func startPostgres() (stop func()) {
	stop, pgAvailable = pgtest.Start(pgPort)
	return stop
}
