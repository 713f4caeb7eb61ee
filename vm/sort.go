package vm

// Sorting for list.sort and sorted(). It follows CPython's listsort where
// the order of comparisons is visible to scripts: the list is reversed
// first for reverse=True (and back at the end, error or not), runs are
// found as count_run finds them (a strictly descending run is reversed),
// and short runs are extended to minrun by binary insertion. A list
// shorter than 64 is therefore sorted with exactly CPython's comparisons,
// and a comparison that raises leaves it in the same partial order. Longer
// lists merge their runs without galloping (binary searches trim each
// merge instead), which sorts stably to the same result with a different
// comparison sequence.
//
// Keys are compared by a comparator chosen once for the whole list: all
// ints, all floats and all strs compare inline; all tuples go straight to
// compareSeq (item by item, its int/str prefix inline); anything else goes
// through Less.

import "strings"

// sortValues sorts items in place. key (when not None/Undef) is called
// once per item, in order, before any comparison.
func (t *Thread) sortValues(items []Value, key Value, reverse bool) error {
	if key.IsUndef() || key.IsNone() {
		if len(items) < 2 {
			return nil
		}
		if reverse {
			reverseValues(items)
		}
		s := sorter[Value]{less: t.valueLess(len(items), func(i int) *Value { return &items[i] }), key: func(v *Value) *Value { return v }, poll: t.Poll}
		err := s.sort(items)
		if reverse {
			reverseValues(items)
		}
		return err
	}
	pairs := make([]keyed, len(items))
	if fn := plainKeyFunc(key); fn != nil {
		// A script function of one parameter (a lambda, mostly): its frame
		// takes the item straight into its register, as a method call's
		// takes self, without Call's argument binding.
		for i := range items {
			k, err := t.callMethodFrame(fn, items[i], nil)
			if err != nil {
				return err
			}
			// Field by field: a keyed literal went through a stack
			// temporary, whose reload stalled on the stores just made.
			p := &pairs[i]
			p.k, p.v = k, items[i]
		}
	} else {
		// Each key call gets its own argument slot (a callee may keep its
		// args slice), carved from blocks of 4096 instead of one allocation
		// per call — or one the size of the list, which a stop cannot
		// interrupt.
		var args []Value
		for i := range items {
			if len(args) == 0 {
				args = make([]Value, min(len(items)-i, 4096))
			}
			args[0] = items[i]
			k, err := t.Call(key, args[:1:1], nil)
			if err != nil {
				return err
			}
			args = args[1:]
			p := &pairs[i]
			p.k, p.v = k, items[i]
		}
	}
	if len(items) < 2 {
		return nil
	}
	if reverse {
		for i, j := 0, len(pairs)-1; i < j; i, j = i+1, j-1 {
			pairs[i], pairs[j] = pairs[j], pairs[i]
		}
	}
	s := sorter[keyed]{less: t.valueLess(len(pairs), func(i int) *Value { return &pairs[i].k }), key: func(p *keyed) *Value { return &p.k }, poll: t.Poll}
	err := s.sort(pairs)
	for i := range pairs {
		items[i] = pairs[i].v
	}
	if reverse {
		reverseValues(items)
	}
	return err
}

// keyed is an item with its sort key.
type keyed struct{ k, v Value }

func reverseValues(s []Value) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// valueLess picks the comparator for keys: inline when they are all of
// one simple type, else the full protocol.
func (t *Thread) valueLess(n int, key func(int) *Value) func(x, y *Value) (bool, error) {
	allInt, allFloat, allStr, allTuple := true, true, true, true
	for i := 0; i < n; i++ {
		k := key(i)
		switch k.kind() {
		case KInt:
			allFloat, allStr, allTuple = false, false, false
		case KFloat:
			allInt, allStr, allTuple = false, false, false
		case KObj:
			allInt, allFloat = false, false
			if _, ok := k.o.(*StrObj); !ok {
				allStr = false
			}
			if _, ok := k.o.(*Tuple); !ok {
				allTuple = false
			}
		default:
			allInt, allFloat, allStr, allTuple = false, false, false, false
		}
		if !allInt && !allFloat && !allStr && !allTuple {
			break
		}
	}
	switch {
	case allTuple:
		// Tuples compare item by item (compareSeq, as Less would call it),
		// without Less's tests of the other kinds on every comparison.
		return func(x, y *Value) (bool, error) {
			r, _, err := t.compareSeq(cmpLT, x.o.(*Tuple).items, y.o.(*Tuple).items)
			return r, err
		}
	case allInt:
		return func(x, y *Value) (bool, error) { return int64(x.n) < int64(y.n), nil }
	case allFloat:
		return func(x, y *Value) (bool, error) { return x.AsFloat() < y.AsFloat(), nil }
	case allStr:
		return func(x, y *Value) (bool, error) {
			return strings.Compare(x.o.(*StrObj).s, y.o.(*StrObj).s) < 0, nil
		}
	}
	return func(x, y *Value) (bool, error) { return t.Less(*x, *y) }
}

// sorter sorts a slice of T by the Value key(&elem), stably.
type sorter[T any] struct {
	less func(x, y *Value) (bool, error)
	key  func(*T) *Value
	// poll is the thread's stop check: the inline comparators never call
	// back into the interpreter, so a long sort polls on its own.
	poll  func() error
	tmp   []T
	pivot []T
}

func (s *sorter[T]) lt(a, b *T) (bool, error) { return s.less(s.key(a), s.key(b)) }

// minRun is CPython's merge_compute_minrun.
func minRun(n int) int {
	r := 0
	for n >= 64 {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

func (s *sorter[T]) sort(a []T) error {
	n := len(a)
	if n < 2 {
		return nil
	}
	minrun := minRun(n)
	var runs []int // end of each run
	for lo := 0; lo < n; {
		if err := s.poll(); err != nil {
			return err
		}
		rn, desc, err := s.countRun(a[lo:])
		if err != nil {
			return err
		}
		if desc {
			for i, j := lo, lo+rn-1; i < j; i, j = i+1, j-1 {
				a[i], a[j] = a[j], a[i]
			}
		}
		if rn < minrun {
			force := min(minrun, n-lo)
			if err := s.binaryInsert(a[lo:lo+force], rn); err != nil {
				return err
			}
			rn = force
		}
		lo += rn
		runs = append(runs, lo)
	}
	// Merge neighbouring runs pairwise until one is left.
	for len(runs) > 1 {
		start, out := 0, runs[:0]
		for i := 0; i < len(runs); i += 2 {
			if i+1 == len(runs) {
				out = append(out, runs[i])
				break
			}
			mid, hi := runs[i], runs[i+1]
			if err := s.merge(a[start:hi], mid-start); err != nil {
				return err
			}
			out = append(out, hi)
			start = hi
		}
		runs = out
	}
	return nil
}

// countRun is CPython's count_run: the length of the run at a's start and
// whether it is strictly descending.
func (s *sorter[T]) countRun(a []T) (int, bool, error) {
	if len(a) == 1 {
		return 1, false, nil
	}
	lt, err := s.lt(&a[1], &a[0])
	if err != nil {
		return 0, false, err
	}
	n := 2
	for ; n < len(a); n++ {
		l, err := s.lt(&a[n], &a[n-1])
		if err != nil {
			return 0, false, err
		}
		if l != lt {
			break
		}
	}
	return n, lt, nil
}

// upperBound is the first index k of the sorted a with x < a[k] (len(a)
// when there is none), found by bisection: where x goes after its equals.
func (s *sorter[T]) upperBound(a []T, x *T) (int, error) {
	l, r := 0, len(a)
	for l < r {
		p := l + (r-l)>>1
		lt, err := s.lt(x, &a[p])
		if err != nil {
			return 0, err
		}
		if lt {
			r = p
		} else {
			l = p + 1
		}
	}
	return l, nil
}

// binaryInsert is CPython's binarysort: a[:start] is sorted; insert the rest.
func (s *sorter[T]) binaryInsert(a []T, start int) error {
	if start == 0 {
		start = 1
	}
	if s.pivot == nil {
		s.pivot = make([]T, 1) // a local pivot would escape through s.lt, once per item
	}
	pivot := &s.pivot[0]
	for ; start < len(a); start++ {
		*pivot = a[start]
		l, err := s.upperBound(a[:start], pivot)
		if err != nil {
			return err
		}
		copy(a[l+1:start+1], a[l:start])
		a[l] = *pivot
	}
	var zero T
	*pivot = zero
	return nil
}

// merge merges the sorted runs a[:mid] and a[mid:] stably. Elements of the
// left run not greater than the right run's first, and elements of the
// right run not less than the left run's last, are already in place.
func (s *sorter[T]) merge(a []T, mid int) error {
	// Left elements <= a[mid] stay: the first left k with a[mid] < a[k].
	l, err := s.upperBound(a[:mid], &a[mid])
	if err != nil {
		return err
	}
	a = a[l:]
	mid -= l
	if mid == 0 {
		return nil
	}
	// Right elements >= the left run's last stay: the first right j with
	// !(a[j] < last).
	last := &a[mid-1]
	r := len(a)
	l = mid
	for l < r {
		p := l + (r-l)>>1
		lt, err := s.lt(&a[p], last)
		if err != nil {
			return err
		}
		if lt {
			l = p + 1
		} else {
			r = p
		}
	}
	a = a[:l]
	s.tmp = append(s.tmp[:0], a[:mid]...)
	left := s.tmp
	i, j, d := 0, mid, 0
	for i < len(left) && j < len(a) {
		lt, err := s.lt(&a[j], &left[i])
		if err == nil && d&1023 == 0 {
			err = s.poll()
		}
		if err != nil {
			copy(a[d:], left[i:]) // keep a permutation of the items
			return err
		}
		if lt {
			a[d] = a[j]
			j++
		} else {
			a[d] = left[i]
			i++
		}
		d++
	}
	copy(a[d:], left[i:])
	clear(left)
	return nil
}
