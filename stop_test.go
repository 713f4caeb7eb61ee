package asy_test

import (
	"context"
	"errors"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/asylang/asy"
	"github.com/asylang/asy/modules/sqlite"
)

// stopStates are the places a run can be when it is stopped: bytecode,
// Go loops inside builtins, Go→script calls, blocking waits of every kind.
// Each must end promptly under a deadline, a cancelled context and (for
// the ones that compute) the step budget.
var stopStates = []struct {
	name, src string
	computes  bool // spends steps: MaxSteps must stop it too
}{
	{"bytecode loop", "while True:\n    pass\n", true},
	{"slow loop body", "while True:\n    sorted(range(300000), key=lambda x: -x)\n", true},
	{"sum of range", "sum(range(10**15))\n", true},
	{"any of iter", "any(iter(int, 1))\n", true},
	{"all of repeat", "import itertools\nall(itertools.repeat(1))\n", true},
	{"max of count", "import itertools\nmax(itertools.count())\n", true},
	{"in map", "import itertools\n-1 in map(abs, itertools.count())\n", true},
	{"list of zip", "import itertools\nlist(zip(itertools.count(), iter(lambda: 1, 2)))\n", true},
	{"set of map", "import itertools\nset(map(lambda x: x % 7, itertools.count()))\n", true},
	{"dict of zip", "import itertools\ndict(zip(itertools.cycle('ab'), itertools.count()))\n", true},
	{"sorted key calls", "sorted(range(10**7), key=lambda x: -x)\n", true},
	{"str join", "import itertools\n''.join(map(lambda i: '', itertools.count()))\n", true},
	{"itertools chain", "import itertools\nfor _ in itertools.chain.from_iterable(itertools.repeat([1, 2])): pass\n", true},
	{"sqlite endless query", "import sqlite3\ncon = sqlite3.connect(':memory:')\n" +
		"con.execute('with recursive r(i) as (select 1 union all select i+1 from r) select count(*) from r').fetchone()\n", false},
	{"sqlite many small statements", "import sqlite3\ncon = sqlite3.connect(':memory:')\ncon.execute('create table t(x)')\n" +
		"while True:\n    con.execute('insert into t values (?)', (1,))\n", false},
	{"time.sleep", "import time\ntime.sleep(3600)\n", false},
	{"Event.wait", "import threading\nthreading.Event().wait()\n", false},
	{"Lock.acquire", "import threading\nl = threading.Lock()\nl.acquire()\nl.acquire()\n", false},
	{"Condition.wait", "import threading\nc = threading.Condition()\nwith c:\n    c.wait()\n", false},
	{"Queue.get", "import queue\nqueue.Queue().get()\n", false},
	{"Thread.join spinning", "import threading\ndef spin():\n    while True:\n        pass\n" +
		"th = threading.Thread(target=spin)\nth.start()\nth.join()\n", true},
	{"daemon thread spinning", "import threading, time\ndef spin():\n    while True:\n        pass\n" +
		"threading.Thread(target=spin, daemon=True).start()\ntime.sleep(3600)\n", true},
	{"threads starting successors", "import threading\ndef f():\n    threading.Thread(target=f).start()\n    while True:\n        pass\n" +
		"f()\n", true},
	{"future.result", "import concurrent.futures, threading\nex = concurrent.futures.ThreadPoolExecutor(1)\n" +
		"ex.submit(threading.Event().wait).result()\n", false},
	{"to_thread on Event", "import asyncio, threading\nasync def main():\n    await asyncio.to_thread(threading.Event().wait)\n" +
		"asyncio.run(main())\n", false},
	{"process pool spin", "import concurrent.futures\ndef spin():\n    while True:\n        pass\n" +
		"if __name__ == '__main__':\n    with concurrent.futures.ProcessPoolExecutor(1) as ex:\n        ex.submit(spin).result()\n", true},
	{"asyncio.sleep", "import asyncio\nasyncio.run(asyncio.sleep(3600))\n", false},
	{"gather of sleeps", "import asyncio\nasync def main():\n    await asyncio.gather(*[asyncio.sleep(3600) for _ in range(20000)])\n" +
		"asyncio.run(main())\n", false},
	{"coroutine spinning", "import asyncio\nasync def main():\n    while True:\n        pass\nasyncio.run(main())\n", true},
	{"task spinning in Go loop", "import asyncio\nasync def main():\n    await asyncio.sleep(0)\n    sum(range(10**15))\n" +
		"asyncio.run(main())\n", true},
}

// TestStopLandsInEveryState stops a run in each state by its deadline and
// by cancelling its context, and measures how late Run returns. A stop
// lands within 50 ms plus stopGrace (100 ms for tasks to clean up after
// their CancelledError) on an idle machine; the test allows much more,
// since the machine running it may be loaded, and logs what it measured.
// Afterwards no goroutine of the runs is left.
//
// With -short (CI runs it so under -race) only the states with threads
// are stopped, by their deadline, with a wider margin.
func TestStopLandsInEveryState(t *testing.T) {
	before := runtime.NumGoroutine()
	const after = 200 * time.Millisecond
	limit := 2 * time.Second
	kinds := []string{"deadline", "cancel", "steps"}
	if testing.Short() {
		limit, kinds = 10*time.Second, kinds[:1]
	}
	var lags []time.Duration
	for _, st := range stopStates {
		if testing.Short() && !strings.Contains(st.src, "thread") && !strings.Contains(st.src, "concurrent") {
			continue
		}
		t.Run(st.name, func(t *testing.T) {
			for _, kind := range kinds {
				if kind == "steps" && !st.computes {
					continue
				}
				// The states need threads and sqlite3, which embedders opt into.
				opts := asy.Options{Stdout: discard{}, Stderr: discard{},
					Grants: asy.Capabilities{Threads: -1}, Extensions: []asy.Extension{sqlite.Extension}}
				ctx := context.Background()
				start := time.Now()
				var want error
				switch kind {
				case "deadline":
					opts.MaxDuration = after
					want = asy.ErrTimeLimit
				case "cancel":
					c, cancel := context.WithCancel(ctx)
					time.AfterFunc(after, cancel)
					ctx = c
					want = context.Canceled
				case "steps":
					opts.MaxSteps = 200_000
					want = asy.ErrStepLimit
				}
				in, err := asy.New(opts)
				if err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- in.Exec(ctx, "stop.py", st.src) }()
				select {
				case err = <-done:
				case <-time.After(20 * time.Second):
					t.Fatalf("%s: still running after 20 s", kind)
				}
				elapsed := time.Since(start)
				if !errors.Is(err, want) {
					t.Errorf("%s: err = %v, want %v", kind, err, want)
				}
				if kind != "steps" {
					lag := elapsed - after
					lags = append(lags, lag)
					t.Logf("%s: Run returned %v after the stop", kind, lag.Round(time.Millisecond))
					if lag > limit {
						t.Errorf("%s: Run returned %v after the stop (allowed %v)", kind, lag, limit)
					}
				} else if elapsed > limit+5*time.Second {
					t.Errorf("steps: took %v", elapsed)
				}
				in.Close()
			}
		})
	}
	sort.Slice(lags, func(i, j int) bool { return lags[i] < lags[j] })
	if len(lags) > 0 {
		t.Logf("stop lag: median %v, max %v over %d stops", lags[len(lags)/2].Round(time.Millisecond), lags[len(lags)-1].Round(time.Millisecond), len(lags))
	}
	expectGoroutines(t, before+1)
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// A deadline stops a gather of a million sleeps promptly: making the
// tasks polls for the stop, and so does the loop between callbacks.
func TestDeadlineStopsHugeGather(t *testing.T) {
	if testing.Short() {
		t.Skip("makes up to a million tasks")
	}
	const limit = 3 * time.Second
	in := mustNew(t, asy.Options{MaxDuration: limit})
	start := time.Now()
	err := in.Exec(context.Background(), "gather.py", `
import asyncio
async def main():
    await asyncio.gather(*[asyncio.sleep(3600) for _ in range(10**6)])
asyncio.run(main())
`)
	elapsed := time.Since(start)
	if !errors.Is(err, asy.ErrTimeLimit) {
		t.Fatalf("err = %v", err)
	}
	t.Logf("stopped %v after the deadline", (elapsed - limit).Round(time.Millisecond))
	if elapsed > limit+3*time.Second {
		t.Errorf("stopped after %v (deadline %v)", elapsed, limit)
	}
}

// The step budget belongs to the interpreter, not to each thread: fifty
// threads share one million steps (they used to run 45 million).
func TestStepBudgetSharedByThreads(t *testing.T) {
	in := mustNew(t, asy.Options{MaxSteps: 1_000_000, Grants: asy.Capabilities{Threads: -1}})
	err := in.Exec(context.Background(), "threads.py", `
import threading
done = [0]
def work():
    for _ in range(100_000):
        done[0] += 1
ths = [threading.Thread(target=work) for _ in range(50)]
for th in ths:
    th.start()
for th in ths:
    th.join()
`)
	if !errors.Is(err, asy.ErrStepLimit) {
		t.Fatalf("err = %v", err)
	}
	v, _ := in.Global("done")
	n, _ := v.([]any)[0].(int64)
	// Each thread may hold a batch of steps it has not spent yet.
	if n > 1_000_000 || n < 500_000 {
		t.Errorf("%d iterations ran under a budget of 1,000,000 steps", n)
	}
}
