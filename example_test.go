package asy_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	"github.com/asylang/asy"
	"github.com/asylang/asy/modules/sqlite"
)

// Compile once, run many times: a Program is immutable and shared; each run
// gets its own Interpreter with its own globals.
func Example() {
	prog, err := asy.Compile("greet.py", []byte(`
greeting = f"hello, {name}!"
print(greeting)
`))
	if err != nil {
		panic(err)
	}
	for _, name := range []string{"Ada", "Grace"} {
		in, _ := asy.New(asy.Options{Stdout: os.Stdout, Globals: map[string]any{"name": name}})
		if err := in.Run(context.Background(), prog); err != nil {
			panic(err)
		}
		g, _ := in.Global("greeting")
		fmt.Printf("Go read %q\n", g)
	}
	// Output:
	// hello, Ada!
	// Go read "hello, Ada!"
	// hello, Grace!
	// Go read "hello, Grace!"
}

// Plain Go functions become script functions; arguments and results are
// converted both ways, and a returned error is raised in the script.
func ExampleNewFunc() {
	type user struct {
		Name  string `asy:"name"`
		Admin bool   `json:"admin"`
	}
	lookup := func(id int) (user, error) {
		if id != 1 {
			return user{}, asy.Raise("KeyError", "no user %d", id)
		}
		return user{Name: "ada", Admin: true}, nil
	}
	in, _ := asy.New(asy.Options{Stdout: os.Stdout, Globals: map[string]any{
		"lookup": lookup,
		"total": func(xs []float64) float64 {
			s := 0.0
			for _, x := range xs {
				s += x
			}
			return s
		},
	}})
	err := in.Exec(context.Background(), "main.py", `
print(lookup(1))
print(total([1, 2.5, 3]))
try:
    lookup(7)
except KeyError as e:
    print("KeyError:", e)
lookup("x")
`)
	fmt.Println(err)
	// Output:
	// {'name': 'ada', 'admin': True}
	// 6.5
	// KeyError: 'no user 7'
	// TypeError: lookup() argument 1 must be int, not str
}

// The low-level form unpacks positional and keyword arguments itself.
func ExampleNewBuiltin() {
	repeat := asy.NewBuiltin("repeat", func(ctx context.Context, args *asy.Args) (any, error) {
		var s string
		n := 2
		if err := args.Unpack("s", &s, "n?", &n); err != nil {
			return nil, err
		}
		return strings.Repeat(s, n), nil
	})
	in, _ := asy.New(asy.Options{Stdout: os.Stdout, Globals: map[string]any{"repeat": repeat}})
	fmt.Println(in.Exec(context.Background(), "main.py", `
print(repeat("ab"), repeat("x", n=3))
repeat()
`))
	// Output:
	// abab xxx
	// TypeError: repeat() missing required argument 's' (pos 1)
}

// A Go-side awaitable runs in its own goroutine; the script awaits it like a
// coroutine and gathers many at once. Cancelling the awaiting task cancels
// the goroutine's context.
func ExampleNewAsync() {
	cancelled := make(chan error, 1)
	fetch, _ := asy.NewAsync(func(ctx context.Context, url string) (string, error) {
		select {
		case <-time.After(50 * time.Millisecond): // the slow part: an HTTP call, a query
			return "body of " + url, nil
		case <-ctx.Done():
			cancelled <- ctx.Err()
			return "", ctx.Err()
		}
	})
	in, _ := asy.New(asy.Options{Stdout: os.Stdout, Globals: map[string]any{"fetch": fetch.Named("fetch")}})
	start := time.Now()
	err := in.Exec(context.Background(), "main.asy", `
import asyncio
pages = await asyncio.gather(*(fetch(f"/page/{i}") for i in range(20)))
print(len(pages), pages[3])
try:
    await asyncio.wait_for(fetch("/slow"), 0.01)
except TimeoutError:
    print("timed out")
`)
	fmt.Println(err, time.Since(start) < time.Second)
	fmt.Println("Go saw:", <-cancelled)
	// Output:
	// 20 body of /page/3
	// timed out
	// <nil> true
	// Go saw: context canceled
}

// Script functions, async ones included, can be called from Go.
func ExampleInterpreter_Call() {
	in, _ := asy.New(asy.Options{VirtualClock: true})
	err := in.Exec(context.Background(), "lib.py", `
import asyncio

def add(a, b):
    return a + b

async def slow_square(x):
    await asyncio.sleep(10)
    return x * x
`)
	if err != nil {
		panic(err)
	}
	sum, _ := in.Call(context.Background(), "add", 2, 40)
	sq, _ := in.Call(context.Background(), "slow_square", 12)
	_, err = in.Call(context.Background(), "add", 1, "a")
	fmt.Println(sum, sq)
	fmt.Println(err)
	// Output:
	// 42 144
	// TypeError: unsupported operand type(s) for +: 'int' and 'str'
}

// Cancelling the context cancels the script's tasks: they see
// CancelledError at their await, and Run returns the context's error.
func ExampleInterpreter_Run_cancel() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	in, _ := asy.New(asy.Options{Stdout: os.Stdout})
	err := in.Exec(ctx, "main.asy", `
import asyncio
try:
    await asyncio.sleep(3600)
except asyncio.CancelledError:
    print("cleaning up")
    raise
`)
	fmt.Println(err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output:
	// cleaning up
	// asy: run stopped: context deadline exceeded
	// true
}

// Limits stop runaway scripts with a clear error: no except clause can
// swallow it.
func ExampleOptions_limits() {
	in, _ := asy.New(asy.Options{MaxSteps: 100000})
	err := in.Exec(context.Background(), "spin.py", `
while True:
    try:
        pass
    except BaseException:
        pass
`)
	fmt.Println(err, errors.Is(err, asy.ErrStepLimit))

	in, _ = asy.New(asy.Options{MaxDuration: 20 * time.Millisecond})
	err = in.Exec(context.Background(), "spin.py", "while True:\n    pass\n")
	fmt.Println(err, errors.Is(err, asy.ErrTimeLimit))
	// Output:
	// asy: instruction limit exceeded true
	// asy: run time limit exceeded true
}

// Scripts see nothing of the host but what the embedder grants: here a
// read-only directory and one environment variable. Other scripts are
// imported from an fs.FS.
func ExampleCapabilities() {
	dir, _ := os.MkdirTemp("", "asy-example")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "config.txt"), []byte("mode=fast\n"), 0o644)

	var out bytes.Buffer
	in, _ := asy.New(asy.Options{
		Stdout: &out,
		Grants: asy.Capabilities{
			Files: asy.Files{Dir: dir, ReadOnly: true},
			Env:   map[string]string{"APP_MODE": "demo"},
		},
		Modules: fstest.MapFS{
			"shapes.py": {Data: []byte("def area(w, h):\n    return w * h\n")},
		},
	})
	err := in.Exec(context.Background(), "main.py", `
import os, shapes
print(open("config.txt").read().strip(), dict(os.environ), shapes.area(3, 4))
try:
    open("config.txt", "w")
except PermissionError as e:
    print(e)
open("/etc/hostname")
`)
	fmt.Print(out.String())
	fmt.Println(err)
	// Output:
	// mode=fast {'APP_MODE': 'demo'} 12
	// [Errno 13] Permission denied: the files granted to this script are read-only: 'config.txt'
	// PermissionError: [Errno 13] Permission denied: outside the files granted to this script: '/etc/hostname'
}

// A virtual clock makes sleeping free and runs deterministic.
func ExampleOptions_virtualClock() {
	in, _ := asy.New(asy.Options{Stdout: os.Stdout, VirtualClock: true})
	in.Exec(context.Background(), "main.asy", `
import asyncio, time
t0 = time.time()
await asyncio.sleep(3600)
print(time.time() - t0)
`)
	// Output:
	// 3600.0
}

// A Go program hands its database to scripts by name; without granted
// files it is the only one they can open. (aiosqlite works in a thread, so
// the script is granted one.)
func ExampleOptions_databases() {
	db, err := sql.Open("sqlite", "file:orders?mode=memory&cache=shared")
	if err != nil {
		panic(err)
	}
	defer db.Close()
	db.Exec("CREATE TABLE orders(id INTEGER PRIMARY KEY, total REAL)")
	db.Exec("INSERT INTO orders(total) VALUES (9.5), (20), (30.25)")

	in, _ := asy.New(asy.Options{
		Stdout:    os.Stdout,
		Databases: map[string]any{"orders": db},
		Grants:    asy.Capabilities{Threads: 1},
		// sqlite3 and aiosqlite are opted into.
		Extensions: []asy.Extension{sqlite.Extension},
	})
	defer in.Close() // the script's connections go back to the pool
	err = in.Exec(context.Background(), "report.asy", `
import sqlite3, aiosqlite
con = sqlite3.connect("orders")
print(con.execute("SELECT count(*), sum(total) FROM orders").fetchone())
async with aiosqlite.connect("orders") as adb:
    print(await adb.execute_fetchall("SELECT id FROM orders WHERE total > ?", (10,)))
sqlite3.connect("/etc/passwd.db")
`)
	fmt.Println(err)
	// Output:
	// (3, 59.75)
	// [(2,), (3,)]
	// PermissionError: [Errno 13] Permission denied: no file access was granted to this script: '/etc/passwd.db'
}

// Goroutines call into a script while it runs: the script serves events
// from a queue that only Go fills (CallSoon), and Go asks it questions
// (CallOnLoop). AcceptCalls keeps its idle loop waiting for them.
func ExampleInterpreter_CallOnLoop() {
	ready := make(chan struct{})
	var out bytes.Buffer
	in, _ := asy.New(asy.Options{Stdout: &out, Globals: map[string]any{"ready": func() { close(ready) }}})
	defer in.Close()
	stop := in.AcceptCalls()
	defer stop()
	done := make(chan error)
	go func() {
		done <- in.Exec(context.Background(), "orders.py", `
import asyncio
orders = None
def on_order(item):
    orders.put_nowait(item)
async def count(item):
    await asyncio.sleep(0.01)
    return served.count(item)
served = []
async def main():
    global orders
    orders = asyncio.Queue()
    ready()
    while (item := await orders.get()) is not None:
        print("serving", item)
        served.append(item)
asyncio.run(main())
`)
	}()
	<-ready
	for _, item := range []string{"tea", "cake", "tea"} {
		in.CallSoon("on_order", item)
	}
	n, err := in.CallOnLoop(context.Background(), "count", "tea")
	in.CallSoon("on_order", nil)
	fmt.Println("run:", <-done)
	fmt.Print(out.String())
	fmt.Println("teas served:", n, err)
	// Output:
	// run: <nil>
	// serving tea
	// serving cake
	// serving tea
	// teas served: 2 <nil>
}

// An interactive session, as an embedder's console would drive it: lines
// go in one at a time (Feed says when a statement needs more), values of
// expressions are echoed and kept in _, await works at top level, and a
// task started by one statement keeps running on the session's loop
// while the next is typed.
func ExampleInterpreter_StartInteractive() {
	in, _ := asy.New(asy.Options{Stdout: os.Stdout, Stderr: os.Stdout, VirtualClock: true,
		Globals: map[string]any{"double": func(x int) int { return 2 * x }}})
	defer in.Close()
	s := in.StartInteractive(asy.InteractiveOptions{})
	for _, line := range []string{
		"import asyncio",
		"double(21)",
		"_ + 1",
		"async def tick(n):",
		"    for i in range(n):",
		"        await asyncio.sleep(1)",
		"        print('tick', i)",
		"",
		"t = asyncio.create_task(tick(3))",
		"await asyncio.sleep(2.5)",
		"1 / 0",
		"await t",
	} {
		if s.Feed(line) == asy.More {
			fmt.Println("...")
		}
	}
	fmt.Println(s.Complete("asyncio.create_t"))
	err := s.Exec(context.Background(), "raise SystemExit(3)")
	fmt.Println(err, "- exit status", s.End())
	// Output:
	// 42
	// 43
	// ...
	// ...
	// ...
	// ...
	// tick 0
	// tick 1
	// Traceback (most recent call last):
	//   File "<stdin>", line 1, in <module>
	// ZeroDivisionError: division by zero
	// tick 2
	// [create_task]
	// SystemExit: 3 - exit status 3
}
