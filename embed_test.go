package asy_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/asylang/asy"
	"github.com/google/go-cmp/cmp"
)

func mustNew(t *testing.T, opts asy.Options) *asy.Interpreter {
	t.Helper()
	in, err := asy.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close() })
	return in
}

// One Program run by many interpreters at once: each gets its own globals
// and output, and the race detector watches the shared program.
func TestManyInterpretersConcurrently(t *testing.T) {
	prog, err := asy.Compile("work.asy", []byte(`
import asyncio
async def job(i):
    await asyncio.sleep(0.001 * (i % 3))
    return i * seed
results = await asyncio.gather(*(job(i) for i in range(50)))
total = sum(results)
print(seed, total)
`))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 16)
	outs := make([]bytes.Buffer, 16)
	totals := make([]any, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in, err := asy.New(asy.Options{Stdout: &outs[i], Globals: map[string]any{"seed": i}})
			if err != nil {
				errs[i] = err
				return
			}
			errs[i] = in.Run(context.Background(), prog)
			totals[i], _ = in.Global("total")
		}()
	}
	wg.Wait()
	for i := range 16 {
		if errs[i] != nil {
			t.Fatalf("interpreter %d: %v", i, errs[i])
		}
		want := int64(1225 * i)
		if totals[i] != want {
			t.Errorf("interpreter %d: total %v, want %d", i, totals[i], want)
		}
		if got := outs[i].String(); got != fmt.Sprintf("%d %d\n", i, want) {
			t.Errorf("interpreter %d printed %q", i, got)
		}
	}
}

func TestConversionsBothWays(t *testing.T) {
	type point struct {
		X, Y   int
		Label  string `json:"label,omitempty"`
		hidden int
		Skip   bool `asy:"-"`
	}
	var got point
	in := mustNew(t, asy.Options{Globals: map[string]any{
		"origin": point{X: 1, Y: 2, Label: "o", hidden: 3},
		"take":   func(p point) { got = p },
		"big":    new(big.Int).Lsh(big.NewInt(1), 100),
		"nums":   []int{1, 2, 3},
		"nested": map[string]any{"a": []any{nil, true, 1.5, "s", []byte("b")}},
		"u64":    uint64(1 << 63),
	}})
	err := in.Exec(context.Background(), "conv.py", `
o = origin
take({"X": 5, "Y": 6, "label": "five"})
b = big + 1
n = nums + [4]
kinds = [type(v).__name__ for v in nested["a"]]
u = u64
t = (1, "two")
d = {1: "one"}
s = {3}
`)
	if err != nil {
		t.Fatal(err)
	}
	if got != (point{X: 5, Y: 6, Label: "five"}) {
		t.Errorf("take got %+v", got)
	}
	want := map[string]any{
		"o":     map[string]any{"X": int64(1), "Y": int64(2), "label": "o"},
		"n":     []any{int64(1), int64(2), int64(3), int64(4)},
		"kinds": []any{"NoneType", "bool", "float", "str", "bytes"},
		"t":     []any{int64(1), "two"},
		"d":     map[any]any{int64(1): "one"},
		"s":     []any{int64(3)},
	}
	for name, w := range want {
		v, ok := in.Global(name)
		if !ok {
			t.Fatalf("no global %s", name)
		}
		if diff := cmp.Diff(w, v); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	b, _ := in.Global("b")
	if bi, ok := b.(*big.Int); !ok || bi.Cmp(new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 100), big.NewInt(1))) != 0 {
		t.Errorf("big: %v", b)
	}
	u, _ := in.Global("u")
	if bi, ok := u.(*big.Int); !ok || bi.String() != "9223372036854775808" {
		t.Errorf("u64: %v", u)
	}
	if _, ok := in.Global("undefined"); ok {
		t.Error("Global of an undefined name reported ok")
	}
}

// time.Time and datetime.datetime convert both ways (vm/goconv's table):
// aware in the Go value's offset, a naive datetime taken as UTC.
func TestConversionsDatetime(t *testing.T) {
	east := time.FixedZone("", 2*3600+30*60)
	var got []time.Time
	in := mustNew(t, asy.Options{Globals: map[string]any{
		"when":  time.Date(2024, 2, 29, 13, 45, 7, 123456789, east),
		"utc":   time.Date(2000, 1, 2, 3, 4, 5, 0, time.UTC),
		"keep":  func(ts []time.Time) { got = ts },
		"shift": func(tm time.Time) time.Time { return tm.Add(time.Hour) },
	}})
	err := in.Exec(context.Background(), "dt.py", `
import datetime
w = repr(when)
u = repr(utc)
keep([datetime.datetime(2024, 1, 31, 12, 30), when])
later = repr(shift(datetime.datetime(1999, 12, 31, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))))
back = when
try:
    keep([datetime.date(2024, 1, 31)])
except TypeError as e:
    err = str(e)
`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"w":     "datetime.datetime(2024, 2, 29, 13, 45, 7, 123456, tzinfo=datetime.timezone(datetime.timedelta(seconds=9000)))",
		"u":     "datetime.datetime(2000, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)",
		"later": "datetime.datetime(2000, 1, 1, 0, 30, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400)))",
		"err":   "keep() argument 1[0] must be datetime, not date",
	}
	for name, w := range want {
		if v, _ := in.Global(name); v != w {
			t.Errorf("%s = %v, want %v", name, v, w)
		}
	}
	if len(got) != 2 || !got[0].Equal(time.Date(2024, 1, 31, 12, 30, 0, 0, time.UTC)) ||
		!got[1].Equal(time.Date(2024, 2, 29, 13, 45, 7, 123456000, east)) {
		t.Errorf("keep got %v", got)
	}
	if back, _ := in.Global("back"); back == nil || !back.(time.Time).Equal(time.Date(2024, 2, 29, 13, 45, 7, 123456000, east)) {
		t.Errorf("back = %v", back)
	}
}

func TestGoFuncErrors(t *testing.T) {
	in := mustNew(t, asy.Options{Globals: map[string]any{
		"fail":   func() error { return errors.New("disk on fire") },
		"boom":   func() { panic("nil map") },
		"narrow": func(x int8) int8 { return x },
		"ctxarg": func(ctx context.Context, s string) string { return s + fmt.Sprint(ctx != nil) },
	}})
	cases := []struct{ src, want string }{
		{"fail()", "RuntimeError: disk on fire"},
		{"boom()", "RuntimeError: Go function boom panicked: nil map"},
		{"narrow(1000)", "OverflowError: narrow() argument 1 out of range for int8"},
		{"narrow(1, 2)", "TypeError: narrow() takes 1 positional argument but 2 were given"},
		{"narrow(x=1)", "TypeError: narrow() takes no keyword arguments"},
		{"assert ctxarg('a') == 'atrue'", ""},
	}
	for _, c := range cases {
		err := in.Exec(context.Background(), "e.py", c.src)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.src, got, c.want)
		}
	}
	var e *asy.Error
	err := in.Exec(context.Background(), "e.py", "def f():\n    fail()\nf()\n")
	if !errors.As(err, &e) || !strings.Contains(e.Traceback, "line 2, in f") {
		t.Errorf("traceback missing: %#v", err)
	}
	_, err = asy.Compile("bad.py", []byte("x = (1,\n"))
	if !errors.As(err, &e) || e.Type != "SyntaxError" || !strings.Contains(e.Traceback, `File "bad.py", line 1`) {
		t.Errorf("syntax error: %#v", err)
	}
	_, err = asy.Compile("bad.py", []byte("await x\n"))
	if err == nil || !strings.Contains(err.Error(), "'await' outside function") {
		t.Errorf("await in .py: %v", err)
	}
}

// Go-side awaitables overlap (a gather takes the longest, not the sum), and
// cancelling the awaiting task cancels the goroutine's context.
func TestAsyncOverlapAndCancel(t *testing.T) {
	var running, peak atomic.Int32
	var cancelled atomic.Int32
	wait, err := asy.NewAsync(func(ctx context.Context, ms int) (int, error) {
		n := running.Add(1)
		defer running.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		select {
		case <-time.After(time.Duration(ms) * time.Millisecond):
			return ms, nil
		case <-ctx.Done():
			cancelled.Add(1)
			return 0, ctx.Err()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	in := mustNew(t, asy.Options{Globals: map[string]any{"wait": wait.Named("wait")}})
	start := time.Now()
	err = in.Exec(context.Background(), "a.asy", `
import asyncio
r = await asyncio.gather(*(wait(100) for _ in range(30)))
assert r == [100] * 30, r
t = asyncio.create_task(wait(10000))
await asyncio.sleep(0.05)
t.cancel()
try:
    await t
except asyncio.CancelledError:
    print("cancelled")
c = wait(1)
assert asyncio.iscoroutine(c)
assert await c == 1
try:
    await c
except RuntimeError as e:
    assert "cannot reuse" in str(e)
`)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("30 × 100 ms awaitables took %v: they did not overlap", d)
	}
	if peak.Load() < 30 {
		t.Errorf("peak concurrency %d, want 30", peak.Load())
	}
	if cancelled.Load() != 1 {
		t.Errorf("cancelled goroutines: %d, want 1", cancelled.Load())
	}
	in.Close()
	if running.Load() != 0 {
		t.Errorf("%d goroutines still running after Close", running.Load())
	}
}

// A cancelled context ends a run promptly whether the script awaits or
// spins, and the interpreter stays usable afterwards.
func TestCancelStopsAndInterpreterSurvives(t *testing.T) {
	in := mustNew(t, asy.Options{})
	for _, src := range []string{
		"import asyncio\nawait asyncio.sleep(100)\n",
		"while True:\n    pass\n",
		"while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass\n",
		"import time\ntime.sleep(100)\n",
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
		start := time.Now()
		err := in.Exec(ctx, "loop.asy", src)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%q: err %v", src, err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%q: stopping took %v", src, d)
		}
	}
	if err := in.Exec(context.Background(), "after.py", "x = 41 + 1\n"); err != nil {
		t.Fatalf("interpreter unusable after a cancelled run: %v", err)
	}
	if x, _ := in.Global("x"); x != int64(42) {
		t.Errorf("x = %v", x)
	}
}

func TestHermeticImports(t *testing.T) {
	in := mustNew(t, asy.Options{Modules: fstest.MapFS{
		"pkg/__init__.py": {Data: []byte("NAME = 'pkg'\n")},
		"pkg/util.py":     {Data: []byte("def double(x):\n    return 2 * x\n")},
	}})
	err := in.Exec(context.Background(), "main.py", `
import pkg
from pkg.util import double
result = (pkg.NAME, double(21))
try:
    input()
except EOFError:
    eof = True
`)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := in.Global("result")
	if diff := cmp.Diff([]any{"pkg", int64(42)}, r); diff != "" {
		t.Error(diff)
	}
	// Without Modules, hermetic mode sees no files at all.
	in = mustNew(t, asy.Options{})
	err = in.Exec(context.Background(), "/tmp/main.py", "import run_test\n")
	if err == nil || !strings.Contains(err.Error(), "No module named 'run_test'") {
		t.Errorf("hermetic import reached the host: %v", err)
	}
}

func TestCallErrorsAndNoLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	in := mustNew(t, asy.Options{VirtualClock: true})
	if err := in.Exec(context.Background(), "m.py", "async def f(x):\n    return x\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := in.Call(context.Background(), "nope"); err == nil || err.Error() != "NameError: name 'nope' is not defined" {
		t.Errorf("Call of an undefined name: %v", err)
	}
	for i := range 20 {
		r, err := in.Call(context.Background(), "f", i)
		if err != nil || r != int64(i) {
			t.Fatalf("Call f(%d) = %v, %v", i, r, err)
		}
	}
	in.Close()
	time.Sleep(10 * time.Millisecond)
	if after := runtime.NumGoroutine(); after > before+1 {
		t.Errorf("goroutines: %d before, %d after", before, after)
	}
}

// A run stopped by its time limit while executor threads spin in script
// code leaves no goroutine behind.
func TestLimitStopsThreadsToo(t *testing.T) {
	before := runtime.NumGoroutine()
	in := mustNew(t, asy.Options{MaxDuration: 100 * time.Millisecond, Args: []string{"spin.asy", "x"}, Grants: asy.Capabilities{Threads: 2}})
	err := in.Exec(context.Background(), "spin.asy", `
import asyncio, sys
assert sys.argv == ["spin.asy", "x"], sys.argv
def spin():
    n = 0
    while True:
        n += 1
await asyncio.gather(asyncio.to_thread(spin), asyncio.to_thread(spin), asyncio.sleep(3600))
`)
	if !errors.Is(err, asy.ErrTimeLimit) {
		t.Fatalf("err = %v", err)
	}
	in.Close()
	expectGoroutines(t, before+1)
}

// Connections a script leaves open go back when the interpreter closes:
// uncommitted work is discarded and the host's pool gets its connection
// back. Until then they serve later calls.
func TestDatabasesClosedAfterRun(t *testing.T) {
	db, err := sql.Open("sqlite", "file:leaks?mode=memory&cache=shared")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(2)
	if _, err := db.Exec("CREATE TABLE t(v)"); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		in := mustNew(t, asy.Options{Extensions: dbExt, Databases: map[string]any{"main": db}})
		err := in.Exec(context.Background(), "leak.py", fmt.Sprintf(`
import sqlite3
con = sqlite3.connect("main")
con.execute("INSERT INTO t VALUES (%d)")  # never committed
def count():
    return con.execute("SELECT count(*) FROM t").fetchone()[0]
`, i))
		if err != nil {
			t.Fatal(err)
		}
		if n, err := in.Call(context.Background(), "count"); err != nil || n != int64(1) {
			t.Fatalf("the run's connection in a later call: %v %v", n, err)
		}
		in.Close()
	}
	if st := db.Stats(); st.InUse != 0 {
		t.Errorf("%d connections still in use after the runs", st.InUse)
	}
	var n int
	if err := db.QueryRow("SELECT count(*) FROM t").Scan(&n); err != nil || n != 0 {
		t.Errorf("uncommitted rows visible: %d %v", n, err)
	}
}

// Thread pools a script leaves running (an aiosqlite connection never
// closed owns one) are shut down when the run ends.
func TestLeftoverPoolsEndWithRun(t *testing.T) {
	before := runtime.NumGoroutine()
	in := mustNew(t, asy.Options{Extensions: dbExt, Grants: asy.Capabilities{Threads: 3}})
	err := in.Exec(context.Background(), "leak.asy", `
import aiosqlite
from concurrent.futures import ThreadPoolExecutor
db = await aiosqlite.connect(":memory:")
await db.execute("SELECT 1")
pool = ThreadPoolExecutor(2)
pool.submit(print, end="")
`)
	if err != nil {
		t.Fatal(err)
	}
	in.Close()
	expectGoroutines(t, before+1)
}

// expectGoroutines waits up to 3 s for the goroutine count to fall to max,
// and reports the stacks of the ones left over.
func expectGoroutines(t *testing.T, max int) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > max && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > max {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines, want at most %d:\n%s", n, max, buf[:runtime.Stack(buf, true)])
	}
}
