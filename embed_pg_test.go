package asy_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/asylang/asy"
	"github.com/asylang/asy/internal/pgtest"
)

// The root package's tests start their own server on a free port, so that
// test processes running side by side never share or stop each other's.

func TestMain(m *testing.M) {
	before := runtime.NumGoroutine()
	code := m.Run()
	if stopPG != nil {
		stopPG()
	}
	// The leak check of every embedding test at once: whatever the
	// interpreters started (threads, pools, Go-side awaitables, process
	// pool workers) is gone once they are closed.
	if code == 0 && !goroutinesSettle(before+2, 5*time.Second) {
		buf := make([]byte, 1<<20)
		os.Stderr.Write([]byte("goroutines left behind by the tests:\n"))
		os.Stderr.Write(buf[:runtime.Stack(buf, true)])
		code = 1
	}
	os.Exit(code)
}

// goroutinesSettle waits up to limit for the goroutine count to fall to max.
func goroutinesSettle(max int, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for runtime.NumGoroutine() > max {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

var (
	stopPG func()
	pgDSN  string
)

func pgPool(t *testing.T) *pgxpool.Pool {
	t.Helper()
	if stopPG == nil {
		port, err := pgtest.FreePort()
		if err != nil {
			t.Skip(err)
		}
		stop, ok := pgtest.Start(port)
		stopPG = stop
		pgDSN = fmt.Sprintf("postgresql://postgres@127.0.0.1:%d/postgres", port)
		if !ok {
			t.Skip("no PostgreSQL server")
		}
	}
	pool, err := pgxpool.New(context.Background(), pgDSN+"?pool_max_conns=2")
	if err != nil {
		t.Skip(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// A host hands its pgx pool to a script: asyncpg.connect(name) borrows a
// connection, and whatever the script leaves open (or uncommitted) goes back
// to the pool when the interpreter closes.
func TestHandedPgxPool(t *testing.T) {
	pool := pgPool(t)
	ctx := context.Background()
	if _, err := pool.Exec(ctx, "DROP TABLE IF EXISTS handed; CREATE TABLE handed(v int)"); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for i := range 4 {
		in := mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out, Databases: map[string]any{"app": pool}})
		err := in.Exec(ctx, "job.asy", `
import asyncpg
conn = await asyncpg.connect("app")
await conn.execute("INSERT INTO handed VALUES ($1)", 1)
tr = conn.transaction()
await tr.start()
await conn.execute("INSERT INTO handed VALUES (100)")  # never committed
print(await conn.fetchval("SELECT count(*) FROM handed WHERE v = 1"))
`)
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		in.Close()
	}
	if got := out.String(); got != "1\n2\n3\n4\n" {
		t.Errorf("printed %q", got)
	}
	if st := pool.Stat(); st.AcquiredConns() != 0 {
		t.Errorf("%d pool connections still acquired", st.AcquiredConns())
	}
	var n int
	pool.QueryRow(ctx, "SELECT count(*) FROM handed WHERE v = 100").Scan(&n)
	if n != 0 {
		t.Errorf("uncommitted rows visible: %d", n)
	}
	in := mustNew(t, asy.Options{Extensions: dbExt})
	err := in.Exec(ctx, "x.asy", "import asyncpg\nawait asyncpg.connect('postgresql://postgres@127.0.0.1:54331/postgres')\n")
	if err == nil || err.Error() != `PermissionError: cannot connect to "postgresql://postgres@127.0.0.1:54331/postgres": no network access was granted to this script` {
		t.Errorf("connect without a network grant: %v", err)
	}
	// An allow-list that does not name the server refuses it too.
	in = mustNew(t, asy.Options{Extensions: dbExt, Grants: asy.Capabilities{Network: &asy.Network{Allow: []string{"db.example:5432"}}}})
	err = in.Exec(ctx, "x.asy", "import asyncpg\nawait asyncpg.connect('postgresql://postgres@127.0.0.1:54331/postgres')\n")
	if err == nil || !strings.Contains(err.Error(), "not granted") {
		t.Errorf("connect outside the allow-list: %v", err)
	}
}

// A run stopped while a query runs returns promptly; the query is
// cancelled and its goroutine and connection are gone with the run.
func TestStopDuringQuery(t *testing.T) {
	pgPool(t) // makes sure the server runs
	before := runtime.NumGoroutine()
	host := strings.TrimSuffix(strings.TrimPrefix(pgDSN, "postgresql://postgres@"), "/postgres")
	in := mustNew(t, asy.Options{Extensions: dbExt, MaxDuration: 300 * time.Millisecond, Grants: asy.Capabilities{Network: &asy.Network{Allow: []string{host}}}})
	start := time.Now()
	err := in.Exec(context.Background(), "slow.asy", `
import asyncpg
conn = await asyncpg.connect("`+pgDSN+`")
await conn.fetchval("SELECT pg_sleep(30)")
`)
	if !errors.Is(err, asy.ErrTimeLimit) {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopping took %v", d)
	}
	in.Close()
	expectGoroutines(t, before+2)
}
