package vm

// Stepping a generator from Go, the way sum(), list(), zip(), map() and
// itertools consume one: once per item, so the common case is kept short.
//
// genStep is Resume(g, None, nil) for a plain generator that has started,
// is suspended on its own (no `yield from` chain), and runs without a
// profiler: it makes g's frame the running one and runs the dispatch loop
// until the generator yields or finishes. Every other case (first resume,
// a delegation chain, a finished or running generator, a profiler) goes
// through Resume, whose checks and errors are the reference.

// genStep resumes generator g with None: ok is false when it finished,
// and then its return value is in t.stopValue, as after Next.
func (t *Thread) genStep(g *Generator) (v Value, ok bool, err error) {
	if !g.started || g.finished || g.running || g.delegator != nil || g.delegate != nil || t.prof != nil || t.depth >= t.depthLimit() {
		return t.genStepSlow(g)
	}
	inner := g.frame
	if g.innermost != nil {
		inner = g.innermost
		g.innermost = nil
	}
	g.closing = false
	g.root = g
	g.mode = modeGo
	g.running = true
	g.frame.back = t.frame
	t.depth++
	t.frame = inner
	inner.regs[inner.sp] = None
	inner.sp++
	r, err := t.execute()
	if err != nil {
		return Undef, false, err
	}
	if t.genDone {
		t.stopValue = r
		return Undef, false, nil
	}
	return r, true, nil
}

// genStepSlow is genStep through Resume, with Next's outcome.
func (t *Thread) genStepSlow(g *Generator) (Value, bool, error) {
	v, done, err := t.Resume(g, None, nil)
	if err != nil {
		return Undef, false, err
	}
	if done {
		t.stopValue = v
		return Undef, false, nil
	}
	return v, true, nil
}

// iterateGen is Iterate over a generator: genStep per item, with Next's
// stop poll taken once per 1024 items (the generator's own loop polls at its
// backward jumps).
func (t *Thread) iterateGen(g *Generator, fn func(Value) error) error {
	for i := 0; ; i++ {
		if err := t.PollEvery(i, 1024); err != nil {
			return err
		}
		x, ok, err := t.genStep(g)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := fn(x); err != nil {
			return err
		}
	}
}
