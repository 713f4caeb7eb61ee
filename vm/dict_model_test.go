package vm

import (
	"math/rand"
	"testing"
)

// dictModel is an insertion-ordered map of int keys: order with deleted
// slots marked by -1, pos locating each live key in it.
type dictModel struct {
	order []int64
	pos   map[int64]int
	vals  map[int64]int64
}

func newDictModel() *dictModel {
	return &dictModel{pos: map[int64]int{}, vals: map[int64]int64{}}
}

func (m *dictModel) set(k, v int64) {
	if _, ok := m.pos[k]; !ok {
		m.pos[k] = len(m.order)
		m.order = append(m.order, k)
	}
	m.vals[k] = v
}

func (m *dictModel) del(k int64) bool {
	i, ok := m.pos[k]
	if ok {
		m.order[i] = -1
		delete(m.pos, k)
		delete(m.vals, k)
	}
	return ok
}

func (m *dictModel) last() (int64, bool) {
	for len(m.order) > 0 && m.order[len(m.order)-1] < 0 {
		m.order = m.order[:len(m.order)-1]
	}
	if len(m.order) == 0 {
		return 0, false
	}
	return m.order[len(m.order)-1], true
}

// TestDictAgainstModel drives a Dict and a model with random inserts,
// updates, deletes, popitems, clears and copies, across the small, indexed
// and chunked layouts, and checks that they agree on contents and order.
func TestDictAgainstModel(t *testing.T) {
	th := New(Config{}).NewThread()
	rng := rand.New(rand.NewSource(1))
	sawChunks := false
	for round, keySpace := range []int64{6, 20, 300, 3000, 20000} {
		d, m := NewDict(), newDictModel()
		for step := 0; step < 30000; step++ {
			k := rng.Int63n(keySpace)
			switch r := rng.Intn(100); {
			case r < 60:
				m.set(k, int64(step))
				if err := d.Set(th, Int(k), Int(int64(step))); err != nil {
					t.Fatal(err)
				}
			case r < 75:
				had := m.del(k)
				if _, ok, err := d.Delete(th, Int(k)); err != nil || ok != had {
					t.Fatalf("delete %d: %v %v want %v", k, ok, err, had)
				}
			case r < 80:
				want, has := m.last()
				key, _, ok := d.PopLast(th)
				if ok != has || ok && key.n != uint64(want) {
					t.Fatalf("popitem %v %v, want %v %v", key, ok, want, has)
				}
				if ok {
					m.del(want)
				}
			case r < 81 && round < 4:
				d.Clear()
				m = newDictModel()
			case r < 82:
				d = d.Copy()
			default:
				// A run of new keys, so the dict grows through resizes.
				for j := 0; j < 8; j++ {
					k := keySpace + rng.Int63n(keySpace)
					m.set(k, k)
					if err := d.Set(th, Int(k), Int(k)); err != nil {
						t.Fatal(err)
					}
				}
			}
			if d.big != nil {
				sawChunks = true
			}
			if step%4999 == 0 {
				checkDictModel(t, th, d, m)
			}
		}
		checkDictModel(t, th, d, m)
	}
	if !sawChunks {
		t.Fatal("no round reached the chunked layout")
	}
}

func checkDictModel(t *testing.T, th *Thread, d *Dict, m *dictModel) {
	t.Helper()
	if d.Len() != len(m.pos) {
		t.Fatalf("len %d, want %d", d.Len(), len(m.pos))
	}
	i := 0
	d.Items(func(k, v Value) bool {
		for m.order[i] < 0 {
			i++
		}
		if want := m.order[i]; k.n != uint64(want) || v.n != uint64(m.vals[want]) {
			t.Fatalf("item %d: %d:%d, want %d:%d", i, k.n, v.n, want, m.vals[want])
		}
		i++
		return true
	})
	n := 0
	for p := 0; ; p++ {
		q, e := d.entryAt(p)
		if e == nil {
			break
		}
		p = q
		n++
	}
	if n != len(m.pos) {
		t.Fatalf("entryAt walk saw %d items, want %d", n, len(m.pos))
	}
	for k, want := range m.vals {
		v, ok, err := d.Get(th, Int(k))
		if err != nil || !ok || v.n != uint64(want) {
			t.Fatalf("get %d: %v %v %v", k, v, ok, err)
		}
	}
	if _, ok, _ := d.Get(th, Int(-1)); ok {
		t.Fatal("found a missing key")
	}
}
