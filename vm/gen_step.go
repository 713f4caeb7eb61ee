package vm

// Stepping a generator from Go, the way sum(), list(), zip(), map() and
// itertools consume one: once per item, so it is kept short. genStep is
// Resume with Next's outcome, without Resume's wrapping; pushResume's first
// test takes the common case (a started generator suspended on its own).

// genStep resumes generator g with None: ok is false when it finished,
// and then its return value is in t.stopValue, as after Next.
func (t *Thread) genStep(g *Generator) (v Value, ok bool, err error) {
	if err := t.pushResume(g, modeGo, None, nil); err != nil {
		if g.finished && IsInstanceOf(err, StopIteration) {
			t.stopValue = None // it had finished before
			return Undef, false, nil
		}
		return Undef, false, err
	}
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

// iterateGen is Iterate over a generator: genStep per item, with Next's
// poll (which counts a step under a step limit).
func (t *Thread) iterateGen(g *Generator, fn func(Value) error) error {
	for {
		if err := t.Poll(); err != nil {
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
