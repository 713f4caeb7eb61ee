package repl

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asylang/asy"
	"github.com/asylang/asy/timeline"
)

func startSession(t *testing.T) (*session, *bytes.Buffer, func() int) {
	t.Helper()
	var out bytes.Buffer
	s := start(asy.Options{Stdout: &out, Stderr: &out, VirtualClock: true}, nil)
	return s, &out, s.End
}

func TestFeedOutcomes(t *testing.T) {
	s, out, wait := startSession(t)
	steps := []struct {
		line string
		want asy.Outcome
	}{
		{"x = [1,", asy.More},      // open bracket
		{" 2]", asy.Ran},           // closed: a simple statement runs at once
		{"def f():", asy.More},     // compound: goes on until an empty line
		{"    return x", asy.More}, //
		{"", asy.Ran},              //
		{"f()", asy.Ran},           //
		{"", asy.Ran},              // empty line at the prompt: nothing
		{"if True:", asy.More},     //
		{"    pass", asy.More},     //
		{"else", asy.Ran},          // a syntax error ends the block
		{"exit(7)", asy.Exited},
	}
	for i, st := range steps {
		if got := s.Feed(st.line); got != st.want {
			t.Fatalf("step %d %q: outcome %v, want %v", i, st.line, got, st.want)
		}
	}
	if code := wait(); code != 7 {
		t.Errorf("exit status %d, want 7", code)
	}
	if !strings.Contains(out.String(), "[1, 2]\n") || !strings.Contains(out.String(), "SyntaxError") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestCompletion(t *testing.T) {
	s, _, wait := startSession(t)
	s.Feed("import asyncio")
	s.Feed("class Box:")
	s.Feed("    value = 1")
	s.Feed("")
	c := s
	has := func(list []string, x string) bool {
		for _, y := range list {
			if y == x {
				return true
			}
		}
		return false
	}
	if got := c.Complete("asyncio.gat"); !has(got, "gather") {
		t.Errorf("asyncio.gat → %v", got)
	}
	if got := c.Complete("Bo"); !has(got, "Box") {
		t.Errorf("Bo → %v", got)
	}
	if got := c.Complete("Box.val"); len(got) != 1 || got[0] != "value" {
		t.Errorf("Box.val → %v", got)
	}
	if got := c.Complete("pri"); !has(got, "print") {
		t.Errorf("pri → %v", got)
	}
	if got := c.Complete("nosuch.x"); got != nil {
		t.Errorf("nosuch.x → %v", got)
	}
	cands, n := (&completer{s: s.Interactive}).Do([]rune("x = asyncio.sle"), 15)
	if n != 3 || len(cands) != 1 || string(cands[0]) != "ep" {
		t.Errorf("Do: %q %d", cands, n)
	}
	wait()
}

// %timeline writes the page of everything the session ran; %tasks lists
// what waits where.
func TestMagicTimeline(t *testing.T) {
	s, out, wait := startSession(t)
	path := filepath.Join(t.TempDir(), "s.html")
	for _, line := range []string{
		"import asyncio",
		"async def nap(n):", "    await asyncio.sleep(n)", "",
		"a = asyncio.create_task(nap(5), name='napper')",
		"await asyncio.sleep(1)",
		"%tasks",
		"await a",
		"%timeline " + path,
	} {
		s.Feed(line)
	}
	wait()
	if !strings.Contains(out.String(), "napper (nap): waiting for sleep at <stdin>:2\n") ||
		!strings.Contains(out.String(), "timeline of 3 tasks written to s.html\n") {
		t.Fatalf("output:\n%s", out.String())
	}
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)<script id="data" type="application/json">(.*?)</script>`).FindSubmatch(page)
	var d timeline.Data
	if m == nil || json.Unmarshal(m[1], &d) != nil {
		t.Fatal("no timeline data in the page")
	}
	// The statements' tasks and napper, which slept from 0 to 5 (virtual).
	found := false
	for i, k := range d.Segs.Task {
		if d.Tasks[k].Name == "napper" && d.Segs.Label[i] >= 0 && d.Labels[d.Segs.Label[i]] == "sleep" {
			found = d.Segs.T1[i]-d.Segs.T0[i] == 5
		}
	}
	if !found || d.Tasks[len(d.Tasks)-1].State != "done" {
		t.Errorf("napper's sleep not in the timeline: %+v", d.Tasks)
	}
}
