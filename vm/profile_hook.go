package vm

// FrameProfiler is told when script frames start or resume running
// (Enter) and when they return, raise out or suspend (Exit), on the thread
// running them. A profiler keeps its own stack: an Exit pops up to the
// frame named, so a chain of coroutine frames leaving at once (a yield)
// needs one Exit for its outermost frame. Without a profiler each of these
// points costs a nil check.
type FrameProfiler interface {
	Enter(t *Thread, f *Frame)
	Exit(t *Thread, f *Frame)
}

// SetProfiler attaches p (nil detaches) to the main thread and to the
// threads made from now on (asy --profile).
func (it *Interp) SetProfiler(p FrameProfiler) {
	it.profiler = p
	it.main.prof = p
}

// SetProfiler attaches p (nil detaches) to this thread only, as
// cProfile.Profile.enable() profiles the thread calling it.
func (t *Thread) SetProfiler(p FrameProfiler) { t.prof = p }

// Profiler returns the thread's profiler (nil when none).
func (t *Thread) Profiler() FrameProfiler { return t.prof }

// profEnterChain reports a generator chain (root g and its delegates)
// entering the thread.
func (t *Thread) profEnterChain(g *Generator) {
	for ; g != nil; g = g.delegate {
		if g.frame != nil {
			t.prof.Enter(t, g.frame)
		}
	}
}
