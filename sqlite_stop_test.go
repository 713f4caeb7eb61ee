package asy_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/asylang/asy"
	"github.com/asylang/asy/modules/sqlite"
)

// A stop ends a statement that waits for a lock another connection holds:
// the busy_timeout wait of a file database (here an hour) and the
// shared-cache wait of an in-memory one (unbounded). The connection, not
// the driver, watches the stop (modules/sqlite/sqlite_stop.go).
func TestSQLiteStopEndsLockWaits(t *testing.T) {
	srcs := map[string]string{
		"busy_timeout": `import sqlite3
a = sqlite3.connect("lock.db")
b = sqlite3.connect("lock.db", timeout=3600)
a.execute("create table t(x)")
a.commit()
a.execute("insert into t values (1)")
b.execute("insert into t values (2)")
`,
		"shared cache": `import sqlite3
u = "file:stoplock?mode=memory&cache=shared"
a = sqlite3.connect(u, uri=True)
b = sqlite3.connect(u, uri=True)
a.execute("create table t(x)")
a.execute("insert into t values (1)")
b.execute("insert into t values (2)")
`,
	}
	for name, src := range srcs {
		t.Run(name, func(t *testing.T) {
			files := asy.Files{Dir: t.TempDir()}
			if name == "shared cache" {
				files = asy.Files{Host: true} // a URI needs the host's files
			}
			in, err := asy.New(asy.Options{Stdout: discard{}, Stderr: discard{},
				Grants:     asy.Capabilities{Files: files},
				Extensions: []asy.Extension{sqlite.Extension}, MaxDuration: 300 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			start := time.Now()
			done := make(chan error, 1)
			go func() { done <- in.Exec(context.Background(), "lock.py", src) }()
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("still waiting for the lock 20 s later")
			}
			if !errors.Is(err, asy.ErrTimeLimit) {
				t.Errorf("err = %v, want %v", err, asy.ErrTimeLimit)
			}
			if lag := time.Since(start) - 300*time.Millisecond; lag > 3*time.Second {
				t.Errorf("the stop took %v to land", lag)
			}
		})
	}
}
