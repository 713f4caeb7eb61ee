package timeline

import (
	"math"
	"sort"
	"time"
)

// Data is what the page draws: it is embedded in the HTML as JSON, and
// tests read it to know where lanes and labels must be.
type Data struct {
	Clock   string  `json:"clock"`   // "real" or "virtual": the loop clock of t0/t1
	End     float64 `json:"end"`     // the end of the run on the loop clock
	EndReal float64 `json:"endReal"` // the end on the real clock
	// Tasks are every task and executor thread, in the order they appeared.
	Tasks []Summary `json:"tasks"`
	// Rows are the lanes drawn one by one (indices into Tasks); tasks
	// beyond the visible limit are drawn as aggregate Groups below them.
	Rows   []int   `json:"rows"`
	Groups []Group `json:"groups"`
	// Buckets is how many time slices each group's lane has.
	Buckets int      `json:"buckets"`
	Segs    Segs     `json:"segs"`
	Labels  []string `json:"labels"`
	Objs    []string `json:"objs"`
}

// Summary is one task or thread: the summary table's row.
type Summary struct {
	Name  string  `json:"name"`
	Coro  string  `json:"coro,omitempty"`
	Kind  string  `json:"kind"` // "task" or "thread"
	State string  `json:"state"`
	T0    float64 `json:"t0"`
	T1    float64 `json:"t1"`
	Run   float64 `json:"run"`  // seconds running (real clock)
	Wait  float64 `json:"wait"` // seconds suspended (loop clock)
	Steps int     `json:"steps"`
	Row   int     `json:"row"`   // its lane (-1 when aggregated)
	Group int     `json:"group"` // its group (-1 when it has a lane)
}

// Group aggregates tasks with the same coroutine beyond the visible limit:
// per time slice, the average number of its tasks running and suspended,
// and the steps that began in it.
type Group struct {
	Name  string    `json:"name"`
	Count int       `json:"count"`
	Run   []float64 `json:"run"`
	Wait  []float64 `json:"wait"`
	Steps []int     `json:"steps"`
}

// Segs are the drawn lanes' intervals, column by column (compact JSON).
type Segs struct {
	Task  []int32   `json:"task"` // index into Tasks
	Kind  []int     `json:"kind"` // KindRunning, KindSuspended, KindJob
	Label []int32   `json:"label"`
	Line  []int32   `json:"line"`
	Obj   []int32   `json:"obj"`
	Other []int32   `json:"other"` // awaited task / submitting task (index into Tasks), -1
	T0    []float64 `json:"t0"`
	T1    []float64 `json:"t1"`
	R0    []float64 `json:"r0,omitempty"` // real clock, under the virtual clock only
	R1    []float64 `json:"r1,omitempty"`
}

// BuildOptions tune Build.
type BuildOptions struct {
	// MaxLanes is how many lanes are drawn one by one (default 200).
	MaxLanes int
	// Buckets is the time resolution of aggregate lanes (default 400).
	Buckets int
}

// maxGroups bounds the aggregate lanes; more coroutines share "other tasks".
const maxGroups = 16

// Build snapshots what was recorded so far. Segments still open (tasks
// pending when the run stopped, or a session still going) end at the end.
func (r *Recorder) Build(o BuildOptions) *Data {
	r.mu.Lock()
	defer r.mu.Unlock()
	if o.MaxLanes <= 0 {
		o.MaxLanes = 200
	}
	if o.Buckets <= 0 {
		o.Buckets = 400
	}
	d := &Data{Clock: "real", Buckets: o.Buckets, Labels: r.labels, Objs: r.objs, Groups: []Group{},
		Segs: Segs{Task: []int32{}, Kind: []int{}, Label: []int32{}, Line: []int32{}, Obj: []int32{}, Other: []int32{}, T0: []float64{}, T1: []float64{}}}
	if r.virtual {
		d.Clock = "virtual"
	}
	if d.Labels == nil {
		d.Labels = []string{}
	}
	if d.Objs == nil {
		d.Objs = []string{}
	}
	for _, s := range r.segs {
		d.End = math.Max(d.End, s.t1)
		d.EndReal = math.Max(d.EndReal, s.r1)
	}
	if r.started && !r.virtual {
		d.EndReal = math.Max(d.EndReal, time.Since(r.start).Seconds()-r.realAt)
		d.End = math.Max(d.End, d.EndReal)
	}
	// Which lanes are drawn: threads first (they are few), then tasks in
	// creation order, up to the limit; the rest aggregate by coroutine.
	row := make([]int, len(r.lanes))
	shown := 0
	for pass := 0; pass < 2; pass++ {
		for i, ln := range r.lanes {
			if (pass == 0) != (ln.task == nil) {
				continue
			}
			row[i] = -1
			if shown < o.MaxLanes && (pass == 1 || shown < o.MaxLanes/4) {
				row[i] = shown
				shown++
			}
		}
	}
	d.Rows = make([]int, 0, shown)
	// Tasks first on screen: rows in lane order (tasks, then threads).
	order := make([]int, 0, shown)
	for i := range r.lanes {
		if row[i] >= 0 && r.lanes[i].task != nil {
			order = append(order, i)
		}
	}
	for i := range r.lanes {
		if row[i] >= 0 && r.lanes[i].task == nil {
			order = append(order, i)
		}
	}
	groupOf := r.groups(d, row)
	d.Tasks = make([]Summary, len(r.lanes))
	for i := range r.lanes {
		d.Tasks[i] = r.summary(i, d.End)
		d.Tasks[i].Row, d.Tasks[i].Group = -1, groupOf[i]
	}
	for n, i := range order {
		d.Rows = append(d.Rows, i)
		d.Tasks[i].Row = n
	}
	for k, s := range r.segs {
		if row[s.lane] < 0 {
			continue
		}
		t1, r1 := s.t1, s.r1
		if r.lanes[s.lane].open == int32(k) {
			// Still open (a task pending when the run stopped): it lasts to the end.
			t1, r1 = d.End, d.EndReal
		}
		d.Segs.add(s, t1, r1, r.virtual)
	}
	return d
}

func (s *Segs) add(g seg, t1, r1 float64, virtual bool) {
	s.Task = append(s.Task, g.lane)
	s.Kind = append(s.Kind, int(g.kind))
	s.Label = append(s.Label, g.label)
	s.Line = append(s.Line, g.line)
	s.Obj = append(s.Obj, g.obj)
	s.Other = append(s.Other, g.other)
	s.T0 = append(s.T0, round(g.t0))
	s.T1 = append(s.T1, round(t1))
	if virtual {
		s.R0 = append(s.R0, round(g.r0))
		s.R1 = append(s.R1, round(r1))
	}
}

// round keeps JSON short: microseconds are plenty for a picture.
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }

func (r *Recorder) summary(i int, end float64) Summary {
	ln := &r.lanes[i]
	s := Summary{Kind: "task", State: ln.state, T0: round(ln.t0), T1: round(ln.t1), Steps: int(ln.steps),
		Run: round(ln.run), Wait: round(ln.wait)}
	if ln.task != nil {
		s.Name, s.Coro = ln.task.Name(), ln.task.CoroName()
	} else {
		s.Name, s.Kind = ln.thread, "thread"
	}
	if ln.open >= 0 {
		// Still open: count the time up to the end.
		g := r.segs[ln.open]
		if g.kind == KindSuspended {
			s.Wait = round(ln.wait + end - g.t0)
		}
		s.T1 = round(end)
	}
	return s
}

// groups makes the aggregate lanes of the tasks without a row and returns
// each lane's group (-1 for drawn lanes).
func (r *Recorder) groups(d *Data, row []int) []int {
	groupOf := make([]int, len(r.lanes))
	count := map[string]int{}
	var names []string
	for i, ln := range r.lanes {
		groupOf[i] = -1
		if row[i] >= 0 {
			continue
		}
		n := "threads"
		if ln.task != nil {
			n = ln.task.CoroName()
		}
		if count[n] == 0 {
			names = append(names, n)
		}
		count[n]++
	}
	if len(names) == 0 {
		return groupOf
	}
	sort.SliceStable(names, func(a, b int) bool { return count[names[a]] > count[names[b]] })
	idx := map[string]int{}
	for k, n := range names {
		if k >= maxGroups-1 && len(names) > maxGroups {
			idx[n] = maxGroups - 1
			continue
		}
		idx[n] = k
	}
	ng := len(names)
	if ng > maxGroups {
		ng = maxGroups
	}
	d.Groups = make([]Group, ng)
	for k := range d.Groups {
		d.Groups[k] = Group{Run: make([]float64, d.Buckets), Wait: make([]float64, d.Buckets), Steps: make([]int, d.Buckets)}
	}
	for _, n := range names {
		g := &d.Groups[idx[n]]
		g.Count += count[n]
		if g.Name == "" {
			g.Name = n
		} else if idx[n] == maxGroups-1 {
			g.Name = "other tasks"
		}
	}
	for i, ln := range r.lanes {
		if row[i] >= 0 {
			continue
		}
		n := "threads"
		if ln.task != nil {
			n = ln.task.CoroName()
		}
		groupOf[i] = idx[n]
	}
	// Spread each segment's time over the slices it covers.
	span := d.End
	if span <= 0 {
		span = 1
	}
	w := span / float64(d.Buckets)
	for k, s := range r.segs {
		gi := groupOf[s.lane]
		if gi < 0 {
			continue
		}
		g := &d.Groups[gi]
		t1 := s.t1
		if r.lanes[s.lane].open == int32(k) {
			t1 = d.End
		}
		b0 := int(s.t0 / w)
		if b0 >= d.Buckets {
			b0 = d.Buckets - 1
		}
		if s.kind != KindSuspended {
			g.Steps[b0]++
		}
		dst := g.Wait
		if s.kind != KindSuspended {
			dst = g.Run
		}
		for b := b0; b < d.Buckets; b++ {
			lo, hi := math.Max(s.t0, float64(b)*w), math.Min(t1, float64(b+1)*w)
			if hi <= lo {
				break
			}
			dst[b] += (hi - lo) / w
		}
	}
	for k := range d.Groups {
		for b := range d.Groups[k].Run {
			d.Groups[k].Run[b] = math.Round(d.Groups[k].Run[b]*1000) / 1000
			d.Groups[k].Wait[b] = math.Round(d.Groups[k].Wait[b]*1000) / 1000
		}
	}
	return groupOf
}
