package vm

// Iterators of for loops, recycled.
//
// A `for` over an exact list, tuple, range, set or frozenset gets its iterator from GET_ITER,
// which made it: no script code can reach it (it lives only on the frame's
// value stack, which nothing exposes). When FOR_ITER finds it exhausted it is
// garbage, so it goes back to a small per-thread pool and the next loop
// reuses it instead of allocating. An iterator a script made itself (iter(x),
// a generator, a loop over an existing iterator) never has the loop mark and
// is never recycled; neither is one left behind by break, return or an
// exception (the garbage collector takes those).

const loopIterPoolMax = 32

type loopIterPool struct {
	lists  []*listIter
	seqs   []*seqIter
	ranges []*rangeIter
	sets   []*setIter
	// scratch collects the items of an iterable of unknown length (see
	// collect); nested collections stack on it.
	scratch []Value
}

// loopIter returns the iterator GET_ITER pushes for v when v is an exact
// list, tuple or (small) range, taken from the pool; ok is false otherwise.
func (t *Thread) loopIter(v Value) (it Object, ok bool) {
	p := &t.loopIters
	switch o := v.o.(type) {
	case *List:
		var li *listIter
		if n := len(p.lists); n > 0 {
			li, p.lists = p.lists[n-1], p.lists[:n-1]
		} else {
			li = &listIter{}
		}
		li.l, li.i, li.loop = o, 0, true
		return li, true
	case *Tuple:
		var si *seqIter
		if n := len(p.seqs); n > 0 {
			si, p.seqs = p.seqs[n-1], p.seqs[:n-1]
		} else {
			si = &seqIter{}
		}
		si.items, si.i, si.cls, si.loop = o.items, 0, TupleIterType, true
		return si, true
	case *Range:
		if o.big != nil {
			return nil, false
		}
		var ri *rangeIter
		if n := len(p.ranges); n > 0 {
			ri, p.ranges = p.ranges[n-1], p.ranges[:n-1]
		} else {
			ri = &rangeIter{}
		}
		*ri = rangeIter{cur: o.start, step: o.step, n: o.Len(), loop: true}
		return ri, true
	case *Set:
		return t.loopSetIter(o), true
	case *FrozenSet:
		return t.loopSetIter(o.s), true
	}
	return nil, false
}

func (t *Thread) loopSetIter(s *Set) *setIter {
	var si *setIter
	p := &t.loopIters
	if n := len(p.sets); n > 0 {
		si, p.sets = p.sets[n-1], p.sets[:n-1]
	} else {
		si = &setIter{}
	}
	*si = setIter{s: s, used: s.used, loop: true}
	return si
}

// The done* methods take back an exhausted loop iterator (FOR_ITER calls
// them only for iterators with the loop mark).
func (t *Thread) doneListIter(li *listIter) {
	if p := &t.loopIters; len(p.lists) < loopIterPoolMax {
		li.l = nil
		p.lists = append(p.lists, li)
	}
}

func (t *Thread) doneSeqIter(si *seqIter) {
	if p := &t.loopIters; len(p.seqs) < loopIterPoolMax {
		si.items = nil
		p.seqs = append(p.seqs, si)
	}
}

func (t *Thread) doneSetIter(si *setIter) {
	if p := &t.loopIters; len(p.sets) < loopIterPoolMax {
		si.s = nil
		p.sets = append(p.sets, si)
	}
}

func (t *Thread) doneRangeIter(ri *rangeIter) {
	if p := &t.loopIters; len(p.ranges) < loopIterPoolMax {
		p.ranges = append(p.ranges, ri)
	}
}

// remainingHint is how many items the built-in sequence or dict iterator
// v has left (0 when v is something else).
func remainingHint(v Value) int {
	switch it := v.o.(type) {
	case *listIter:
		return len(it.l.items) - it.i
	case *seqIter:
		return len(it.items) - it.i
	case *rangeIter:
		return int(it.n - it.i)
	case *dictIter:
		// Positions not yet visited (tombstones counted: a hint only).
		return max(min(it.d.npos()-it.pos, it.d.live), 0)
	}
	return 0
}
