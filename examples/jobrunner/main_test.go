package main

import (
	"strings"
	"testing"
	"time"
)

func TestJobRunner(t *testing.T) {
	srv := newServer()
	defer srv.Close()
	var out strings.Builder
	start := time.Now()
	if err := run(&out, srv.URL, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 4); err != nil {
		t.Fatal(err)
	}
	want := `job  1: result-1 (attempts: 1)
job  2: result-4 (attempts: 1)
job  3: result-9 (attempts: 1)
job  4: result-16 (attempts: 1)
job  5: result-25 (attempts: 1)
job  6: result-36 (attempts: 1)
job  7: result-49 (attempts: 2)
job  8: result-64 (attempts: 1)
job  9: result-81 (attempts: 2)
job 10: result-100 (attempts: 1)
job 11: result-121 (attempts: 1)
job 12: result-144 (attempts: 1)
12/12 jobs done
`
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
	// 12 jobs of 25–80 ms, four at a time, plus one 0.5 s timeout: far less
	// than running them one after another would take.
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v: the fetches did not overlap", d)
	}
}
