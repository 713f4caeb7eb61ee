package asy_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/asylang/asy"
)

// Script callbacks run from inside SQLite's statements: a stop of the run
// ends a callback that never returns (in a function, an aggregate, a
// progress handler, a collation), and the interpreter stays usable.
func TestSQLiteCallbackStops(t *testing.T) {
	in := mustNew(t, asy.Options{Extensions: dbExt})
	// sqlite3 is imported first without a time limit: on a loaded machine
	// the limit could otherwise fall inside the import.
	if err := in.Exec(context.Background(), "warm.py", "import sqlite3\n"); err != nil {
		t.Fatal(err)
	}
	const prelude = "import sqlite3\ncon = sqlite3.connect(':memory:')\ndef spin(*a):\n    while True:\n        pass\n"
	for _, body := range []string{
		"con.create_function('spin', 0, spin)\ncon.execute('select spin()')\n",
		"con.create_aggregate('spin', 0, type('A', (), {'step': spin, 'finalize': lambda self: 1}))\ncon.execute('select spin()')\n",
		"con.set_progress_handler(spin, 1)\ncon.execute('select 1')\n",
		"con.create_collation('c', spin)\ncon.execute(\"select x from (select 'a' x union all select 'b') order by x collate c\")\n",
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		start := time.Now()
		err := in.Exec(ctx, "spin.py", prelude+body)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s: err %v", body, err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: stopping took %v", body, d)
		}
	}
	if err := in.Exec(context.Background(), "after.py", "import sqlite3\nx = sqlite3.connect(':memory:').execute('select 42').fetchone()[0]\n"); err != nil {
		t.Fatalf("interpreter unusable after a stopped callback: %v", err)
	}
	if x, _ := in.Global("x"); x != int64(42) {
		t.Errorf("x = %v", x)
	}
	var out bytes.Buffer
	in2 := mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out})
	// A callback closing its own connection is refused (CPython crashes),
	// and one using the connection for another statement works.
	err := in2.Exec(context.Background(), "close.py", `
import sqlite3
con = sqlite3.connect(":memory:")
def closer():
    try:
        con.close()
    except sqlite3.ProgrammingError as e:
        print("ProgrammingError:", e)
    return con.execute("select 41 + 1").fetchone()[0]
con.create_function("closer", 0, closer)
print(con.execute("select closer()").fetchone())
con.close()
`)
	if err != nil {
		t.Fatal(err)
	}
	want := "ProgrammingError: Cannot close the connection from within one of its callbacks.\n(42,)\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

// A connection the embedder hands in goes back to the pool without the
// script's functions, collations and callbacks; the script cannot replace
// the embedder's authorizer on it.
func TestSQLiteHandedConnectionForgetsCallbacks(t *testing.T) {
	db, err := sql.Open("sqlite", "file:handed_callbacks?mode=memory&cache=shared")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the host's next query uses the connection the script had
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out, Databases: map[string]any{"app": db}})
	err = in.Exec(context.Background(), "main.py", `
import sqlite3
con = sqlite3.connect("app")
con.create_function("twice", 1, lambda x: 2 * x)
con.create_collation("rev", lambda a, b: (a < b) - (a > b))
traced = []
con.set_trace_callback(traced.append)
con.set_progress_handler(lambda: 0, 1)
print(con.execute("select twice(21), 'b' < 'a' collate rev").fetchone(), traced)
try:
    con.set_authorizer(lambda *a: sqlite3.SQLITE_OK)
except sqlite3.NotSupportedError as e:
    print("NotSupportedError:", e)
con.close()
`)
	if err != nil {
		t.Fatal(err)
	}
	want := "(42, 1) [\"select twice(21), 'b' < 'a' collate rev\"]\nNotSupportedError: set_authorizer is not available on a connection the host handed in\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
	for _, q := range []string{"SELECT twice(1)", "SELECT 'b' < 'a' COLLATE rev"} {
		if _, err := db.Exec(q); err == nil || !strings.Contains(err.Error(), "no such") {
			t.Errorf("%s after the script: err %v, want no such function/collation", q, err)
		}
	}
	if _, err := db.Exec("SELECT 1"); err != nil {
		t.Errorf("host query after the script: %v", err)
	}
}

// A run stopped while a module loads (sqlite3 imports datetime) leaves no
// half-made module behind: the next run imports it afresh.
func TestStoppedImportLeavesNoPartialModule(t *testing.T) {
	for d := 100 * time.Microsecond; d < 50*time.Millisecond; d *= 2 {
		in := mustNew(t, asy.Options{Extensions: dbExt})
		ctx, cancel := context.WithTimeout(context.Background(), d)
		in.Exec(ctx, "stopped.py", "import sqlite3\n")
		cancel()
		if err := in.Exec(context.Background(), "after.py", "import sqlite3, datetime\nx = (datetime.date(2024, 1, 2), sqlite3.Row)\n"); err != nil {
			t.Fatalf("after a run stopped at %v: %v", d, err)
		}
	}
}
