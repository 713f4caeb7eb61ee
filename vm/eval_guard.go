package vm

// The safety net for Go panics. A panic in a built-in (or in the VM itself)
// is a bug, but it must reach the script as a SystemError it can catch, with
// a traceback, never take the host down. A defer around every built-in call
// doubled the cost of a cheap one (len(x): +12 ns), so the net is one defer
// per outermost execute on a goroutine: nested executes (built-ins calling
// back into script code) and the built-in calls inside them run bare, and a
// panic anywhere below unwinds to that one guard.
//
// The guard then raises the SystemError in the running frame, t.frame,
// whose pc and sp were saved before the call that panicked, and dispatches
// again. Go frames between the guard and the panic (a nested execute, the
// built-in that called back into script code) are gone, so whenever the
// unwinding leaves through a Go boundary other than the guard's own entry
// frame, the error is raised again in the frame below, until it is caught
// by a script handler there or leaves the guard's entry frame as usual.

// execute runs the dispatch loop (see dispatch) under the panic guard.
func (t *Thread) execute() (Value, error) {
	if t.guarded {
		return t.dispatch()
	}
	return t.guardedDispatch()
}

func (t *Thread) guardedDispatch() (v Value, err error) {
	entry := t.frame
	t.guarded = true
	v, err = t.recoverCrashes(entry)
	t.guarded = false // dispatchRecovering lets no panic through
	return v, err
}

func (t *Thread) recoverCrashes(entry *Frame) (Value, error) {
	v, err, crash := t.dispatchRecovering()
	for crash != nil {
		// A crash unwound Go frames: raise it where the script runs now.
		if !t.frameLive(entry) {
			// Even the entry frame is gone (popped by Go code the panic
			// skipped over): the caller gets the error.
			return Undef, crash
		}
		at, found := t.frame, t.handlersFound
		t.pendingCrash = crash
		v, err, crash = t.dispatchRecovering()
		if crash != nil && t.frame == at && t.handlersFound == found {
			// It panicked again before any handler took the error or the
			// frame was left (the unwinding itself fails): give up on the
			// frames from the entry up rather than raise there forever.
			for t.frame != nil && t.frame != entry.back {
				t.frame = t.frame.back
				t.depth--
			}
			return Undef, crash
		}
		if crash == nil && t.frameLive(entry) {
			// Returned through an inner boundary whose Go caller is gone:
			// the frame below gets its error (or one) in its place.
			if crash = err; crash == nil {
				crash = Errorf(SystemError, "internal error: a Go caller was lost to a panic")
			}
		}
	}
	return v, err
}

// dispatchRecovering runs dispatch and turns a Go panic into crash.
func (t *Thread) dispatchRecovering() (v Value, err, crash error) {
	defer func() {
		if r := recover(); r != nil {
			name := t.inBuiltin
			if name == "" {
				name = "<vm>"
			}
			t.inBuiltin = ""
			v, err, crash = Undef, nil, internalError(name, r)
		}
	}()
	v, err = t.dispatch()
	return v, err, nil
}

// frameLive reports whether f is on the running frame chain.
func (t *Thread) frameLive(f *Frame) bool {
	for g := t.frame; g != nil; g = g.back {
		if g == f {
			return true
		}
	}
	return false
}
