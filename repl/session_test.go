package repl

import (
	"bytes"
	"strings"
	"testing"

	"github.com/asylang/asy"
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
