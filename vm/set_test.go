package vm

import (
	"math/rand"
	"testing"
)

// checkSet verifies a set's internal invariants against the members it
// should hold: every member is found, iteration yields each once, used
// counts the active entries, fill (len(ents)) counts the slots in use, and
// no slot points past the entries.
func checkSet(t *testing.T, s *Set, want map[int64]bool) {
	t.Helper()
	if s.Len() != len(want) {
		t.Fatalf("Len %d, want %d", s.Len(), len(want))
	}
	seen := map[int64]bool{}
	for _, v := range s.Items() {
		n := int64(v.n)
		if !want[n] || seen[n] {
			t.Fatalf("iteration yields %d (wanted %v, seen before %v)", n, want[n], seen[n])
		}
		seen[n] = true
	}
	for n := range want {
		if ok, _ := s.Has(nil, Int(n)); !ok {
			t.Fatalf("member %d not found", n)
		}
	}
	checkSetLayout(t, s)
}

// checkSetLayout verifies the table against the entries: fill counts the
// slots in use, used the live ones, no two slots share an entry, free
// entries are unreferenced and hold no key, and a narrow table points
// only below narrowEnts.
func checkSetLayout(t *testing.T, s *Set) {
	t.Helper()
	fill, active := 0, 0
	seen := map[int]bool{}
	for i := uint64(0); i <= uint64(s.mask); i++ {
		k := s.slot(i)
		if k == 0 {
			continue
		}
		fill++
		if !s.live(k) {
			if s.mask < setNarrowMax && k != 0xff || s.mask >= setNarrowMax && k != 0xffffffff {
				t.Fatalf("slot %d points at entry %d of %d", i, k, len(s.ents))
			}
			continue
		}
		if seen[k] {
			t.Fatalf("entry %d in two slots", k)
		}
		seen[k] = true
		active++
		if s.ents[k-1].key.IsUndef() {
			t.Fatalf("slot %d points at a cleared entry", i)
		}
	}
	if fill != int(s.fill) || active != s.used {
		t.Fatalf("%d slots in use, fill %d; %d active, used %d", fill, s.fill, active, s.used)
	}
	for k, n := int(s.free), 0; k != 0; k, n = int(s.ents[k-1].hash), n+1 {
		if seen[k] || !s.ents[k-1].key.IsUndef() || n > len(s.ents) {
			t.Fatalf("free entry %d is in use or the free list loops", k)
		}
	}
	if s.mask < setNarrowMax && len(s.ents) > narrowEnts {
		t.Fatalf("narrow table with %d entries", len(s.ents))
	}
}

// TestSetRandomOps runs random adds, removes, pops, copies and clears on
// a few sets at once, checking them against maps as it goes: copies that
// share storage must never see each other's writes.
func TestSetRandomOps(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 24; round++ {
		span := int64(4 + rng.Intn([]int{600, 3000}[round%2]))
		mul := []int64{1, 8, 1 << 20, 1000003}[rng.Intn(4)]
		sets := make([]*Set, 4)
		wants := make([]map[int64]bool, 4)
		for i := range sets {
			sets[i], wants[i] = NewSet(), map[int64]bool{}
		}
		for step := 0; step < 1000; step++ {
			i, j := rng.Intn(4), rng.Intn(4)
			s, w := sets[i], wants[i]
			n := rng.Int63n(span) * mul
			switch op := rng.Intn(20); {
			case op < 9:
				if err := s.Add(nil, Int(n)); err != nil {
					t.Fatal(err)
				}
				w[n] = true
			case op < 15:
				ok, _ := s.Remove(nil, Int(n))
				if ok != w[n] {
					t.Fatalf("Remove(%d) = %v, member %v", n, ok, w[n])
				}
				delete(w, n)
			case op < 17:
				if v, ok := s.Pop(); ok {
					if !w[int64(v.n)] {
						t.Fatalf("Pop gave %d, not a member", int64(v.n))
					}
					delete(w, int64(v.n))
				} else if len(w) != 0 {
					t.Fatal("Pop of a non-empty set failed")
				}
			case op < 18 && rng.Intn(3) == 0:
				// update: over a copy's shared entries, or inserting.
				if err := s.merge(nil, sets[j]); err != nil {
					t.Fatal(err)
				}
				for k := range wants[j] {
					w[k] = true
				}
			case op < 19:
				c := map[int64]bool{}
				for k := range wants[j] {
					c[k] = true
				}
				cs, co := sets[j].copySet(), sets[j].copyOwn(rng.Intn(8))
				if a, b := cs.Items(), co.Items(); len(a) != len(b) {
					t.Fatalf("copies of %d and %d members", len(a), len(b))
				} else {
					for k := range a {
						if a[k] != b[k] {
							t.Fatalf("copies differ at %d: %v, %v", k, a[k], b[k])
						}
					}
				}
				checkSet(t, co, c)
				if rng.Intn(2) == 0 {
					cs = co
				}
				sets[i], wants[i] = cs, c
			default:
				if rng.Intn(10) == 0 {
					s.Clear()
					wants[i] = map[int64]bool{}
				}
			}
			checkSet(t, sets[i], wants[i])
			if step%25 == 0 {
				for k := range sets {
					checkSet(t, sets[k], wants[k])
				}
			}
		}
	}
}
