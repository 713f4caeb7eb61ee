package asy_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/asylang/asy"
)

// Escapes from hermetic mode: each test shows a script reaching the host
// through a door other than open() and os, and that the door is shut.

// hostDB makes a database file on the host holding a row the script must
// not see.
func hostDB(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "host.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE secret(v); INSERT INTO secret VALUES ('s3cr3t')"); err != nil {
		t.Fatal(err)
	}
	return path
}

// attemptsScript tries every way into host files from an SQLite connection
// con (sqlite3) and prints what each attempt got.
const attemptsScript = `
import sqlite3
def attempt(sql, *params, script=False):
    try:
        if script:
            con.executescript(sql)
            print("ran")
        else:
            print("ran", con.execute(sql, params).fetchall())
    except PermissionError as e:
        print("PermissionError:", e)
    except sqlite3.Error as e:
        print(type(e).__name__ + ":", e)
attempt(f"ATTACH DATABASE '{host}' AS e")
attempt(f"attach /* comment */ '{missing}' as e")
attempt("ATTACH ? AS e", host)
attempt("ATTACH 'file:' || ? || '?mode=ro' AS e", host)
attempt("aTtAcH ('/' || ?) AS e", host[1:])
attempt(f"SELECT 1; ATTACH '{host}' AS e;", script=True)
attempt(f"VACUUM INTO '{copy}'")
attempt("VACUUM INTO ?", copy)
attempt("SELECT load_extension('/nonexistent/ext')")
`

// refusedLines are the lines attemptsScript prints when every attempt is
// refused.
var refusedLines = []string{
	"PermissionError: ATTACH is not available: no file access was granted to this script",
	"PermissionError: ATTACH is not available: no file access was granted to this script",
	"PermissionError: ATTACH is not available: no file access was granted to this script",
	"PermissionError: ATTACH is not available: no file access was granted to this script",
	"PermissionError: ATTACH is not available: no file access was granted to this script",
	"PermissionError: ATTACH is not available: no file access was granted to this script",
	"PermissionError: VACUUM INTO is not available: no file access was granted to this script",
	"PermissionError: VACUUM INTO is not available: no file access was granted to this script",
	"PermissionError: load_extension is not available: no file access was granted to this script",
}

func setGlobals(t *testing.T, in *asy.Interpreter, globals map[string]any) {
	t.Helper()
	for k, v := range globals {
		if err := in.SetGlobal(k, v); err != nil {
			t.Fatal(err)
		}
	}
}

// A hermetic script's in-memory database cannot ATTACH or VACUUM INTO host
// files, however the statement is spelled, and the refusal is the same for
// files that exist and files that do not. ATTACH ':memory:' and plain
// VACUUM still work.
func TestHermeticSQLiteAttach(t *testing.T) {
	dir := t.TempDir()
	files := map[string]any{"host": hostDB(t, dir), "missing": filepath.Join(dir, "no", "such.db"), "copy": filepath.Join(dir, "copy.db")}
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out})
	setGlobals(t, in, files)
	err := in.Exec(context.Background(), "main.py", "import sqlite3\ncon = sqlite3.connect(':memory:')\n"+attemptsScript+`
attempt("PRAGMA temp_store_directory = '/tmp'")
attempt("ATTACH ':memory:' AS scratch")
attempt("CREATE TABLE scratch.t(x)")
attempt("VACUUM")
`)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join(refusedLines, "\n") + "\nPermissionError: PRAGMA temp_store_directory is not available: no file access was granted to this script\nran []\nran []\nran []\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
	if _, err := os.Stat(files["copy"].(string)); !os.IsNotExist(err) {
		t.Errorf("VACUUM INTO wrote a host file (stat: %v)", err)
	}
}

// A script's own authorizer, even one allowing everything, does not lift
// the guard: both share SQLite's one authorizer slot, the guard asked first.
// The script's authorizer still sees (and may deny) what the guard lets by.
func TestHermeticSQLiteOwnAuthorizer(t *testing.T) {
	dir := t.TempDir()
	files := map[string]any{"host": hostDB(t, dir), "missing": filepath.Join(dir, "no", "such.db"), "copy": filepath.Join(dir, "copy.db")}
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out})
	setGlobals(t, in, files)
	err := in.Exec(context.Background(), "main.py", "import sqlite3\ncon = sqlite3.connect(':memory:')\n"+`
seen = []
def allow(action, a1, a2, db, trigger):
    seen.append(action)
    return sqlite3.SQLITE_OK
con.set_authorizer(allow)
`+attemptsScript+`
print(sqlite3.SQLITE_SELECT in seen)
con.set_authorizer(lambda *a: sqlite3.SQLITE_DENY)
attempt("SELECT 1")
con.set_authorizer(None)
attempt(f"ATTACH DATABASE '{host}' AS e")
attempt("SELECT 2")
`)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join(refusedLines, "\n") + "\nTrue\nDatabaseError: not authorized\n" + refusedLines[0] + "\nran [(2,)]\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
	if _, err := os.Stat(files["copy"].(string)); !os.IsNotExist(err) {
		t.Errorf("VACUUM INTO wrote a host file (stat: %v)", err)
	}
}

// The same through aiosqlite, whose statements run on a worker thread.
func TestHermeticAiosqliteAttach(t *testing.T) {
	dir := t.TempDir()
	files := map[string]any{"host": hostDB(t, dir), "copy": filepath.Join(dir, "copy.db")}
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out, Grants: asy.Capabilities{Threads: 1}})
	setGlobals(t, in, files)
	err := in.Exec(context.Background(), "main.asy", `
import aiosqlite
async with aiosqlite.connect(":memory:") as db:
    for sql, params in [(f"ATTACH '{host}' AS e", ()), ("ATTACH ? AS e", (host,)), ("VACUUM INTO ?", (copy,))]:
        try:
            await db.execute(sql, params)
            print("ran")
        except PermissionError as e:
            print("PermissionError:", e)
`)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{refusedLines[0], refusedLines[0], refusedLines[6]}, "\n") + "\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
	if _, err := os.Stat(files["copy"].(string)); !os.IsNotExist(err) {
		t.Errorf("VACUUM INTO wrote a host file (stat: %v)", err)
	}
}

// A database the embedder hands in is no door either; once the script has
// given its connection back, the embedder's own ATTACH works again.
func TestHermeticHandedDatabaseAttach(t *testing.T) {
	dir := t.TempDir()
	files := map[string]any{"host": hostDB(t, dir), "missing": filepath.Join(dir, "no", "such.db"), "copy": filepath.Join(dir, "copy.db")}
	db, err := sql.Open("sqlite", "file:handed_attach?mode=memory&cache=shared")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the script gets the connection the embedder uses after
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out, Databases: map[string]any{"app": db}})
	setGlobals(t, in, files)
	err = in.Exec(context.Background(), "main.py", "import sqlite3\ncon = sqlite3.connect('app')\n"+attemptsScript+`
attempt("CREATE TABLE t(x)")
attempt("VACUUM")
con.close()
`)
	if err != nil {
		t.Fatal(err)
	}
	// load_extension is off on the embedder's connection (SQLite's default).
	lines := append(append([]string{}, refusedLines[:8]...), "OperationalError: not authorized", "ran []", "ran []")
	want := strings.Join(lines, "\n") + "\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
	if _, err := os.Stat(files["copy"].(string)); !os.IsNotExist(err) {
		t.Errorf("VACUUM INTO wrote a host file (stat: %v)", err)
	}
	in.Close()
	var secret string
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "ATTACH ? AS e", files["host"]); err != nil {
		t.Fatalf("the embedder's ATTACH after the run: %v", err)
	}
	if err := conn.QueryRowContext(context.Background(), "SELECT v FROM e.secret").Scan(&secret); err != nil || secret != "s3cr3t" {
		t.Errorf("the embedder's attached database: %q %v", secret, err)
	}
}

// With the host's files granted ATTACH works as in CPython.
func TestSQLiteAttachNotHermetic(t *testing.T) {
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out, Grants: asy.Capabilities{Files: asy.Files{Host: true}}})
	setGlobals(t, in, map[string]any{"host": hostDB(t, t.TempDir())})
	err := in.Exec(context.Background(), "main.py", `
import sqlite3
con = sqlite3.connect(":memory:")
con.execute("ATTACH 'file:' || ? || '?mode=ro' AS e", (host,))
print(con.execute("SELECT v FROM e.secret").fetchall())
`)
	if err != nil || out.String() != "[('s3cr3t',)]\n" {
		t.Errorf("%q %v", out.String(), err)
	}
}

// poolScript runs probes of the host in a process pool worker.
const poolScript = `
import concurrent.futures, os, platform
def probe(path):
    got = []
    try:
        open(path).read()
        got.append("read the host")
    except PermissionError:
        got.append("PermissionError")
    try:
        import helper
        got.append(helper.WHERE)
    except ImportError:
        got.append("ImportError")
    got.append(os.environ.get("HOME", "no HOME"))
    got.append(platform.node() == parent_node)
    return got
parent_node = platform.node()
if __name__ == "__main__":
    import helper
    print("parent", helper.WHERE)
    with concurrent.futures.ProcessPoolExecutor(1) as ex:
        print("worker", ex.submit(probe, __file__).result())
`

// runSourceDone runs RunSource in its own goroutine and fails the test if
// it has not returned within limit.
func runSourceDone(t *testing.T, limit time.Duration, file string, src []byte, opts asy.Options) int {
	t.Helper()
	done := make(chan int, 1)
	go func() { done <- asy.RunSource(file, src, opts) }()
	select {
	case code := <-done:
		return code
	case <-time.After(limit):
		t.Fatalf("RunSource still running after %v", limit)
		return -1
	}
}

// A process pool worker of a hermetic run is as hermetic as its parent:
// it reads no host file, imports from the embedder's module file system
// only and sees no environment.
func TestHermeticProcessPoolWorker(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "main.py")
	for name, src := range map[string]string{"helper.py": "WHERE = 'host'\n", "main.py": poolScript} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	code := runSourceDone(t, 20*time.Second, main, []byte(poolScript), asy.Options{Extensions: dbExt,
		Stdout: &out, Stderr: &errb,
		Modules: fstest.MapFS{"helper.py": {Data: []byte("WHERE = 'module fs'\n")}},
	})
	want := "parent module fs\nworker ['PermissionError', 'module fs', 'no HOME', True]\n"
	if code != 0 || out.String() != want {
		t.Errorf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", code, out.String(), want, errb.String())
	}
}

// A worker inherits the step limit: a worker spinning forever ends the run.
func TestProcessPoolWorkerStepLimit(t *testing.T) {
	src := []byte(`
import concurrent.futures
def spin():
    while True:
        pass
if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(1) as ex:
        ex.submit(spin).result()
`)
	var out, errb bytes.Buffer
	code := runSourceDone(t, 20*time.Second, "/nonexistent/spin.py", src, asy.Options{Extensions: dbExt, MaxSteps: 100_000, Stdout: &out, Stderr: &errb})
	if code == 0 || !strings.Contains(errb.String(), "instruction limit exceeded") {
		t.Errorf("exit %d, stderr:\n%s", code, errb.String())
	}
	in := mustNew(t, asy.Options{Extensions: dbExt, MaxSteps: 100_000})
	err := in.Exec(context.Background(), "spin.py", string(src))
	if !errors.Is(err, asy.ErrStepLimit) {
		t.Errorf("Interpreter: %v", err)
	}
}

// lockedBuffer is a bytes.Buffer several goroutines write.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Len()
}

// A worker inherits the time limit and ends with its parent's run: none
// keeps running (and printing) after RunSource returns.
func TestProcessPoolWorkersEndWithRun(t *testing.T) {
	before := runtime.NumGoroutine()
	src := []byte(`
import concurrent.futures
def chatter():
    while True:
        print("still here", flush=True)
if __name__ == "__main__":
    ex = concurrent.futures.ProcessPoolExecutor(2)
    ex.submit(chatter)
    ex.submit(chatter)
`)
	var out lockedBuffer
	var errb bytes.Buffer
	start := time.Now()
	code := runSourceDone(t, 20*time.Second, "/nonexistent/chatter.py", src, asy.Options{Extensions: dbExt, MaxDuration: 300 * time.Millisecond, Stdout: &out, Stderr: &errb})
	if code == 0 || time.Since(start) > 5*time.Second || !strings.Contains(errb.String(), "run time limit exceeded") {
		t.Errorf("exit %d after %v, stderr:\n%s", code, time.Since(start), errb.String())
	}
	n := out.Len()
	time.Sleep(100 * time.Millisecond)
	if out.Len() != n {
		t.Errorf("a worker still prints after RunSource returned")
	}
	expectGoroutines(t, before+1)

	// Embedded: a stopped run stops its workers too.
	in := mustNew(t, asy.Options{Extensions: dbExt, MaxDuration: 300 * time.Millisecond, Stdout: &out})
	if err := in.Exec(context.Background(), "chatter.py", string(src)+"    ex.shutdown()\n"); !errors.Is(err, asy.ErrTimeLimit) {
		t.Errorf("Interpreter: %v", err)
	}
	n = out.Len()
	time.Sleep(100 * time.Millisecond)
	if out.Len() != n {
		t.Errorf("a worker still prints after Exec returned")
	}
	in.Close()
	expectGoroutines(t, before+1)
}

// Process pools work in an embedded interpreter: workers load the programs
// run in __main__ so far, as a worker process loads the main script.
func TestProcessPoolEmbedded(t *testing.T) {
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out})
	if err := in.Exec(context.Background(), "lib.py", "def square(x):\n    return x * x\n"); err != nil {
		t.Fatal(err)
	}
	err := in.Exec(context.Background(), "main.py", `
import concurrent.futures, multiprocessing
def cube(x):
    return square(x) * x
if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(2) as ex:
        print(list(ex.map(square, range(5))), list(ex.map(cube, range(4))))
    with multiprocessing.Pool(2) as pool:
        print(pool.map(cube, [5, 6]))
`)
	if err != nil || out.String() != "[0, 1, 4, 9, 16] [0, 1, 8, 27]\n[125, 216]\n" {
		t.Errorf("%q %v", out.String(), err)
	}
}

// A hermetic script learns nothing of the host from platform and os.getpid.
func TestHermeticHostIdentity(t *testing.T) {
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out})
	err := in.Exec(context.Background(), "main.py", `
import os, platform
u = platform.uname()
print(u.node, platform.node(), repr(u.release), repr(u.version), os.getpid(), os.getppid())
`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "localhost localhost '' '' 1 0\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// Granted HostInfo, they are the host's.
	out.Reset()
	host, _ := os.Hostname()
	in = mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out, Grants: asy.Capabilities{HostInfo: true}})
	if err := in.Exec(context.Background(), "main.py", "import os, platform\nprint(os.getpid(), platform.node())\n"); err != nil || out.String() != strconv.Itoa(os.Getpid())+" "+host+"\n" {
		t.Errorf("not hermetic: %q %v", out.String(), err)
	}
}

// A main program without the `if __name__ == "__main__":` guard would make
// each worker start workers of its own while loading it: as in CPython
// (spawn), that fails with RuntimeError instead of starting workers without
// end. Programs with top-level await load in workers too.
func TestProcessPoolUnguardedMain(t *testing.T) {
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out, MaxDuration: 20 * time.Second})
	err := in.Exec(context.Background(), "main.asy", `
import asyncio, concurrent.futures
def double(x):
    return 2 * x
await asyncio.sleep(0)
with concurrent.futures.ProcessPoolExecutor(1) as ex:
    fut = ex.submit(double, 21)  # in a worker loading this, submit fails
    try:
        print(fut.result())
    except RuntimeError as e:
        print(__name__, "RuntimeError:", str(e).split(".")[0].split())
`)
	want := "__main__ RuntimeError: ['An', 'attempt', 'has', 'been', 'made', 'to', 'start', 'a', 'new', 'process', 'before', 'the', 'current', 'process', 'has', 'finished', 'its', 'bootstrapping', 'phase']\n"
	if err != nil || out.String() != want {
		t.Errorf("%q %v", out.String(), err)
	}
	out.Reset()
	in = mustNew(t, asy.Options{Extensions: dbExt, Stdout: &out, MaxDuration: 20 * time.Second})
	err = in.Exec(context.Background(), "guarded.asy", `
import asyncio, concurrent.futures
def triple(x):
    return 3 * x
if __name__ == "__main__":
    await asyncio.sleep(0)
    with concurrent.futures.ProcessPoolExecutor(1) as ex:
        print(ex.submit(triple, 14).result())
`)
	if err != nil || out.String() != "42\n" {
		t.Errorf("%q %v", out.String(), err)
	}
}

// Workers spend their parent's step budget, not one each: four workers
// that each stay well under the limit together exceed it.
func TestProcessPoolWorkersShareStepBudget(t *testing.T) {
	src := []byte(`
import concurrent.futures
def count(n):
    total = 0
    for i in range(n):
        total += i
    return total
if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(4) as ex:
        print(sum(ex.map(count, [200_000] * 4)))
`)
	run := func(maxSteps int64) (int, string, string) {
		var out, errb bytes.Buffer
		code := runSourceDone(t, 60*time.Second, "/nonexistent/count.py", src, asy.Options{MaxSteps: maxSteps, Stdout: &out, Stderr: &errb})
		return code, out.String(), errb.String()
	}
	// Each task's loop is ~200k steps: a worker running even two of them
	// fits in 500k, all four do not.
	if code, out, errs := run(10_000_000); code != 0 || out != "79999600000\n" {
		t.Fatalf("under a wide budget: exit %d stdout %q stderr:\n%s", code, out, errs)
	}
	if code, _, errs := run(500_000); code == 0 || !strings.Contains(errs, "instruction limit exceeded") {
		t.Errorf("four workers of 200k steps ran under a 500k budget: exit %d, stderr:\n%s", code, errs)
	}
}
