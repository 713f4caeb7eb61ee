package asy

import "testing"

type fakeCoro struct{ awaited bool }

func (c *fakeCoro) Awaited() bool { return c.awaited }

// A tracker that listed a hundred thousand coroutines forgets them once they
// are awaited and the new coroutines only replace each other (a gather's
// tasks each making a sleep): the list shrinks without a further push.
func TestTrackerForgetsAwaitedWithoutPushes(t *testing.T) {
	var tr coroutineTracker[*fakeCoro]
	made := make([]*fakeCoro, 100000)
	for i := range made {
		made[i] = &fakeCoro{}
		tr.add(made[i])
	}
	if tr.made.Len() != len(made) {
		t.Fatalf("listed %d of %d unawaited coroutines", tr.made.Len(), len(made))
	}
	for _, c := range made {
		c.awaited = true
	}
	for i := 0; i < 30000; i++ {
		tr.add(&fakeCoro{awaited: true})
	}
	if tr.made.Len() > 1024 {
		t.Errorf("%d entries kept after the listed coroutines were awaited", tr.made.Len())
	}
	// Unawaited ones are never forgotten.
	keep := &fakeCoro{}
	tr.add(keep)
	for i := 0; i < 50000; i++ {
		tr.add(&fakeCoro{})
		tr.add(&fakeCoro{awaited: true})
	}
	found := false
	for _, c := range tr.made.All() {
		found = found || c == keep
	}
	if !found {
		t.Error("an unawaited coroutine was dropped")
	}
}
