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

func startSession(t *testing.T) (*Session, *bytes.Buffer, func() int) {
	t.Helper()
	var out bytes.Buffer
	s, wait := start(asy.Options{Stdout: &out, Stderr: &out, VirtualClock: true}, nil)
	return s, &out, wait
}

func TestFeedOutcomes(t *testing.T) {
	s, out, wait := startSession(t)
	steps := []struct {
		line string
		want Outcome
	}{
		{"x = [1,", More},      // open bracket
		{" 2]", Done},          // closed: a simple statement runs at once
		{"def f():", More},     // compound: goes on until an empty line
		{"    return x", More}, //
		{"", Done},             //
		{"f()", Done},          //
		{"", Done},             // empty line at the prompt: nothing
		{"if True:", More},     //
		{"    pass", More},     //
		{"else", Done},         // a syntax error ends the block
		{"exit(7)", Exit},
	}
	for i, st := range steps {
		if got := s.Feed(st.line, false); got != st.want {
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
	s.Feed("import asyncio", false)
	s.Feed("class Box:", false)
	s.Feed("    value = 1", false)
	s.Feed("", false)
	c := &completer{s: s}
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
	cands, n := c.Do([]rune("x = asyncio.sle"), 15)
	if n != 3 || len(cands) != 1 || string(cands[0]) != "ep" {
		t.Errorf("Do: %q %d", cands, n)
	}
	s.Feed("", true)
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
		s.Feed(line, false)
	}
	s.Feed("", true)
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
