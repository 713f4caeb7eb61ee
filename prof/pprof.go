package prof

import (
	"io"
	"strings"

	"github.com/google/pprof/profile"
)

// WritePprof writes the call tree as a pprof profile: one sample per call
// path with its calls and the time spent there, each location a script
// function (file, first line), so that `go tool pprof -top` and its flame
// graph show script functions. Stop the recording first.
func (p *Profiler) WritePprof(w io.Writer) error {
	stats := p.Stats()
	pr := &profile.Profile{
		SampleType:    []*profile.ValueType{{Type: "calls", Unit: "count"}, {Type: "time", Unit: "nanoseconds"}},
		PeriodType:    &profile.ValueType{Type: "time", Unit: "nanoseconds"},
		Period:        1,
		DurationNanos: p.Total().Nanoseconds(),
	}
	locs := make([]*profile.Location, len(stats))
	for i, s := range stats {
		name := strings.NewReplacer("<", "[", ">", "]").Replace(s.Name)
		fn := &profile.Function{ID: uint64(i + 1), Name: name, SystemName: name, Filename: s.File, StartLine: int64(s.Line)}
		pr.Function = append(pr.Function, fn)
		locs[i] = &profile.Location{ID: uint64(i + 1), Line: []profile.Line{{Function: fn, Line: int64(s.Line)}}}
		pr.Location = append(pr.Location, locs[i])
	}
	p.Walk(func(n *Node) {
		var stack []*profile.Location
		for m := n; m != nil && m.Parent != nil; m = m.Parent {
			stack = append(stack, locs[m.Stat])
		}
		pr.Sample = append(pr.Sample, &profile.Sample{Location: stack, Value: []int64{int64(n.Calls), n.Self.Nanoseconds()}})
	})
	if err := pr.CheckValid(); err != nil {
		return err
	}
	return pr.Write(w)
}
