package asy

import "testing"

// The percentage TuneGC picks must bring the next heap goal to minHeap even
// when Go's goal is not live×(1+percent/100) (its base includes the 4 MB
// heap minimum, stacks and globals).
func TestGCPercentForMeasuresTheBase(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, goal uint64
		percent    int
	}{
		{live: 1.5 * mb, goal: 80 * mb, percent: 2000}, // base 3.9 MB, not 1.5
		{live: 2 * mb, goal: 6 * mb, percent: 200},     // base = live
		{live: 6 * mb, goal: 24 * mb, percent: 300},
	} {
		p := gcPercentFor(c.live, c.goal, c.percent, 24*mb)
		base := (c.goal - c.live) * 100 / uint64(c.percent)
		next := c.live + base*uint64(p)/100
		if next < 22*mb || next > 25*mb {
			t.Errorf("live %d goal %d at %d%%: picked %d%%, next goal %.1f MB, want ~24", c.live/mb, c.goal/mb, c.percent, p, float64(next)/mb)
		}
	}
	// A heap past half the minimum keeps Go's default proportional rule.
	if p := gcPercentFor(20*mb, 40*mb, 100, 24*mb); p != 100 {
		t.Errorf("big heap: %d%%, want 100", p)
	}
}
