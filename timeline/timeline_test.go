package timeline_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/asylang/asy"
	"github.com/asylang/asy/timeline"
)

// record runs src on the virtual clock with a recorder attached.
func record(t testing.TB, src string) *timeline.Recorder {
	t.Helper()
	rec := timeline.NewRecorder(true)
	var out bytes.Buffer
	opts := asy.Options{Stdout: &out, Stderr: &out, VirtualClock: true, Grants: asy.Capabilities{Threads: -1}}
	opts.Observers = []any{rec}
	code := asy.RunSource("/tmp/tl_script.py", []byte(src), opts)
	if code != 0 {
		t.Fatalf("script failed (%d):\n%s", code, out.String())
	}
	return rec
}

// The script every structural test and the browser test draw: each kind
// of wait, each way a task ends, and an executor thread.
const demo = `import asyncio

def blocking(n):
    return sum(range(n))

async def worker(lock, q):
    async with lock:
        await asyncio.sleep(0.1)
    return await q.get()

async def fails():
    await asyncio.sleep(0.05)
    raise ValueError("boom")

async def forever():
    await asyncio.Event().wait()

async def main():
    lock, q = asyncio.Lock(), asyncio.Queue()
    a = asyncio.create_task(worker(lock, q), name="a")
    b = asyncio.create_task(worker(lock, q), name="b")
    f = asyncio.create_task(fails(), name="f")
    c = asyncio.create_task(forever(), name="c")
    await asyncio.sleep(0.3)
    q.put_nowait(1)
    q.put_nowait(2)
    await a
    await b
    await asyncio.get_running_loop().run_in_executor(None, blocking, 10)
    c.cancel()
    try:
        await f
    except ValueError:
        pass
    await asyncio.sleep(0.1)

asyncio.run(main())
`

type span struct {
	label  string
	t0, t1 float64
	line   int
	obj    string
	other  string
	kind   int
}

// spans lists a task's segments as the data says.
func spans(d *timeline.Data, name string) []span {
	var out []span
	for i, k := range d.Segs.Task {
		if d.Tasks[k].Name != name {
			continue
		}
		s := span{t0: d.Segs.T0[i], t1: d.Segs.T1[i], line: int(d.Segs.Line[i]), kind: d.Segs.Kind[i]}
		if l := d.Segs.Label[i]; l >= 0 {
			s.label = d.Labels[l]
		}
		if o := d.Segs.Obj[i]; o >= 0 {
			s.obj = d.Objs[o]
		}
		if o := d.Segs.Other[i]; o >= 0 {
			s.other = d.Tasks[o].Name
		}
		out = append(out, s)
	}
	return out
}

// waits keeps the suspensions longer than zero, as "label@t0-t1:line".
func waits(ss []span) string {
	var b []string
	for _, s := range ss {
		if s.kind == timeline.KindSuspended && s.t1 > s.t0 {
			b = append(b, fmt.Sprintf("%s@%g-%g:%d", s.label, s.t0, s.t1, s.line))
		}
	}
	return strings.Join(b, " ")
}

func TestLanesAndLabels(t *testing.T) {
	d := record(t, demo).Build(timeline.BuildOptions{})
	names := map[string]timeline.Summary{}
	for _, s := range d.Tasks {
		names[s.Name] = s
	}
	want := map[string]string{"Task-1": "done", "a": "done", "b": "done", "f": "failed", "c": "cancelled"}
	for n, st := range want {
		if names[n].State != st {
			t.Errorf("task %s: state %q, want %q", n, names[n].State, st)
		}
		if names[n].Row < 0 {
			t.Errorf("task %s has no lane", n)
		}
	}
	if d.Clock != "virtual" || d.End < 0.4 || d.End > 0.41 {
		t.Errorf("clock %s end %g, want virtual 0.4", d.Clock, d.End)
	}
	// a takes the lock and sleeps; b waits for the lock meanwhile, then sleeps;
	// both then wait on the queue until main puts at 0.3.
	for n, w := range map[string]string{
		"a":      "sleep@0-0.1:8 Queue.get@0.1-0.3:9",
		"b":      "Lock.acquire@0-0.1:7 sleep@0.1-0.2:8 Queue.get@0.2-0.3:9",
		"f":      "sleep@0-0.05:12",
		"c":      "Event.wait@0-0.3:16",
		"Task-1": "sleep@0-0.3:24 sleep@0.3-0.4:35",
	} {
		if got := waits(spans(d, n)); got != w {
			t.Errorf("task %s waits\n got  %s\n want %s", n, got, w)
		}
	}
	// The lock wait names the lock; main's await of a names the task.
	for _, s := range spans(d, "b") {
		if s.label == "Lock.acquire" && !strings.HasPrefix(s.obj, "<Lock object at 0x") {
			t.Errorf("b's lock wait shows object %q", s.obj)
		}
	}
	awaited := map[string]bool{}
	for _, s := range spans(d, "Task-1") {
		if s.label == "task" {
			awaited[s.other] = true
		}
	}
	// (b and f are done when main awaits them: no suspension.)
	if !awaited["a"] || len(awaited) != 1 {
		t.Errorf("main's task waits name %v, want a", awaited)
	}
	// The executor job has its thread's lane, labelled with the function
	// and the task that submitted it.
	var job *span
	for _, s := range d.Tasks {
		if s.Kind == "thread" {
			for _, g := range spans(d, s.Name) {
				g := g
				job = &g
			}
		}
	}
	if job == nil || job.label != "blocking" || job.other != "Task-1" || job.kind != timeline.KindJob {
		t.Errorf("thread job %+v, want blocking for Task-1", job)
	}
	// Steps: a runs at 0 (start), 0.1 (lock released after sleep), 0.3 (got item).
	if s := names["a"]; s.Steps != 3 || s.Wait < 0.29 {
		t.Errorf("a: %d steps, waited %g; want 3 steps, 0.3 s waiting", s.Steps, s.Wait)
	}
}

func TestPageIsSelfContained(t *testing.T) {
	d := record(t, demo).Build(timeline.BuildOptions{})
	var b bytes.Buffer
	if err := timeline.WriteHTML(&b, d, "demo <x>.py"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	// Nothing is fetched: no src/href attributes, no CSS url(), no fetch.
	for _, bad := range []string{" src=", " href=", "url(", "@import", "fetch(", "XMLHttpRequest", "<link", "<iframe", "<img"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !strings.Contains(page, "demo &lt;x&gt;.py") {
		t.Error("title not escaped")
	}
	// The embedded data reads back as what Build made.
	m := regexp.MustCompile(`(?s)<script id="data" type="application/json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no data element")
	}
	var back timeline.Data
	if err := json.Unmarshal([]byte(m[1]), &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Tasks) != len(d.Tasks) || len(back.Segs.Task) != len(d.Segs.Task) || back.Labels[0] != d.Labels[0] {
		t.Errorf("embedded data differs: %d/%d tasks, %d/%d segments", len(back.Tasks), len(d.Tasks), len(back.Segs.Task), len(d.Segs.Task))
	}
}

const many = `import asyncio

async def small(i):
    await asyncio.sleep(i % 7 / 100)
    await asyncio.sleep(0)

async def other(i):
    await asyncio.sleep(0.2)

async def main():
    ts = [asyncio.create_task(small(i)) for i in range(9000)]
    ts += [asyncio.create_task(other(i)) for i in range(999)]
    await asyncio.gather(*ts)

asyncio.run(main())
`

// 10,000 tasks: a few lanes drawn, the rest aggregated by coroutine, and
// a page of reasonable size.
func TestAggregatesBeyondTheLimit(t *testing.T) {
	d := record(t, many).Build(timeline.BuildOptions{MaxLanes: 100})
	if len(d.Tasks) != 10000 || len(d.Rows) != 100 {
		t.Fatalf("%d tasks, %d rows; want 10000 and 100", len(d.Tasks), len(d.Rows))
	}
	count := map[string]int{}
	for _, g := range d.Groups {
		count[g.Name] = g.Count
	}
	if count["small"] != 9000-99 || count["other"] != 999 {
		t.Errorf("groups %v, want small ×8901 and other ×999", count)
	}
	// Segments are kept only for drawn lanes.
	for _, k := range d.Segs.Task {
		if d.Tasks[k].Row < 0 {
			t.Fatalf("segment of aggregated task %s", d.Tasks[k].Name)
		}
	}
	// other's tasks all wait from 0 to 0.2: the aggregate says ~999 waiting early on.
	for _, g := range d.Groups {
		if g.Name == "other" {
			if w := g.Wait[10]; w < 998 || w > 1000 {
				t.Errorf("other: %g waiting in slice 10, want 999", w)
			}
		}
	}
	var b bytes.Buffer
	timeline.WriteHTML(&b, d, "many")
	if b.Len() > 4<<20 {
		t.Errorf("page of %d bytes for 10,000 tasks", b.Len())
	}
}
