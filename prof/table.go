package prof

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// sortKeys are pstats' sort keys: what each orders by, as print_stats names it.
var sortKeys = map[string]string{
	"calls": "call count", "ncalls": "call count", "cumulative": "cumulative time", "cumtime": "cumulative time",
	"file": "file name", "filename": "file name", "module": "file name", "line": "line number",
	"name": "function name", "nfl": "name/file/line", "pcalls": "primitive call count",
	"stdname": "standard name", "time": "internal time", "tottime": "internal time",
}

// SortName is how pstats announces a sort key ("" for an unknown key).
func SortName(key string) string { return sortKeys[key] }

// StdName is pstats' func_std_string: file:line(name).
func (s *Stat) StdName() string { return fmt.Sprintf("%s:%d(%s)", s.File, s.Line, s.Name) }

// Sort orders stats by a pstats key (stdname when empty), as pstats does:
// counts and times descending, names ascending.
func Sort(stats []Stat, key string) {
	less := map[string]func(a, b *Stat) bool{
		"call count":           func(a, b *Stat) bool { return a.Calls > b.Calls },
		"primitive call count": func(a, b *Stat) bool { return a.Prim > b.Prim },
		"cumulative time":      func(a, b *Stat) bool { return a.Cum > b.Cum },
		"internal time":        func(a, b *Stat) bool { return a.Tot > b.Tot },
		"file name":            func(a, b *Stat) bool { return a.File < b.File },
		"line number":          func(a, b *Stat) bool { return a.Line < b.Line },
		"function name":        func(a, b *Stat) bool { return a.Name < b.Name },
		"standard name":        func(a, b *Stat) bool { return a.StdName() < b.StdName() },
		"name/file/line": func(a, b *Stat) bool {
			if a.Name != b.Name {
				return a.Name < b.Name
			}
			if a.File != b.File {
				return a.File < b.File
			}
			return a.Line < b.Line
		},
	}[SortName(key)]
	if less == nil {
		less = func(a, b *Stat) bool { return a.StdName() < b.StdName() }
	}
	sort.SliceStable(stats, func(i, j int) bool { return less(&stats[i], &stats[j]) })
}

// StripDirs keeps only the base name of each file, as Stats.strip_dirs.
func StripDirs(stats []Stat) {
	for i := range stats {
		if k := strings.LastIndexByte(stats[i].File, '/'); k >= 0 {
			stats[i].File = stats[i].File[k+1:]
		}
	}
}

// WriteTable prints stats as pstats.Stats.print_stats does, sorted by key
// (stdname when empty). Its total is, as pstats', the sum of the functions'
// own times.
func WriteTable(w io.Writer, stats []Stat, key string) {
	calls, prim, total := 0, 0, 0.0
	for _, s := range stats {
		calls += s.Calls
		prim += s.Prim
		total += s.Tot
	}
	fmt.Fprintf(w, "         %d function calls ", calls)
	if calls != prim {
		fmt.Fprintf(w, "(%d primitive calls) ", prim)
	}
	fmt.Fprintf(w, "in %.3f seconds\n\n", total)
	if key == "" {
		key = "stdname"
	}
	Sort(stats, key)
	fmt.Fprintf(w, "   Ordered by: %s\n\n", SortName(key))
	if len(stats) == 0 {
		return
	}
	io.WriteString(w, "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n")
	for _, s := range stats {
		c := fmt.Sprint(s.Calls)
		if s.Calls != s.Prim {
			c += fmt.Sprintf("/%d", s.Prim)
		}
		fmt.Fprintf(w, "%9s %8.3f ", c, s.Tot)
		if s.Calls == 0 {
			io.WriteString(w, "         ")
		} else {
			fmt.Fprintf(w, "%8.3f ", s.Tot/float64(s.Calls))
		}
		fmt.Fprintf(w, "%8.3f ", s.Cum)
		if s.Prim == 0 {
			io.WriteString(w, "         ")
		} else {
			fmt.Fprintf(w, "%8.3f ", s.Cum/float64(s.Prim))
		}
		fmt.Fprintf(w, "%s\n", s.StdName())
	}
	io.WriteString(w, "\n\n")
}
