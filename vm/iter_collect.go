package vm

// collect returns the items of an iterable whose length is not known up
// front (a generator, map(), a dict view of a subclass...) in a slice of
// exactly their number.
//
// Why: appending to a fresh slice allocates about twice the final size
// across its doublings and copies each item about once more; list(gen) of
// a thousand items allocated 48 KB for 24 KB of result, and that allocation
// was most of its cost. Items go to a per-thread scratch slice instead,
// which keeps its capacity between calls, and the result is allocated once.
// A collection that runs inside another one (a generator whose body calls
// list()) stacks its items above the outer one's and takes them off before
// it returns, so the scratch works as a stack.
func (t *Thread) collect(v Value) ([]Value, error) {
	p := &t.loopIters
	base := len(p.scratch)
	err := t.Iterate(v, func(x Value) error {
		// The memory limit is checked as when a slice doubles.
		if n := len(p.scratch) - base; n >= growCheckMin && n&(n-1) == 0 {
			if err := t.CheckAlloc(int64(n)*2, SizeValue); err != nil {
				return err
			}
		}
		p.scratch = append(p.scratch, x)
		return nil
	})
	var out []Value
	if n := len(p.scratch) - base; err == nil && n > 0 {
		out = make([]Value, n)
		copy(out, p.scratch[base:])
	}
	clear(p.scratch[base:])
	p.scratch = p.scratch[:base]
	if base == 0 && cap(p.scratch) > scratchKeepMax {
		p.scratch = nil // a huge collection does not pin its memory
	}
	return out, err
}

// scratchKeepMax is the largest scratch capacity kept between collections.
const scratchKeepMax = 1 << 16
