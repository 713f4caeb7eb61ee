package vm

// Pending calls: work another goroutine hands to the main thread, to run
// between bytecodes as CPython runs Python signal handlers (its pending
// calls). The main thread runs them at its next interrupt check — every
// few thousand instructions, and when a blocking call such as time.sleep
// is woken (InterruptSignal); an exception a call raises propagates from
// there, as an exception raised by a signal handler does in CPython.

// AddPendingCall queues fn for the main thread. Safe from any goroutine.
func (it *Interp) AddPendingCall(fn func(t *Thread) error) {
	it.pendingMu.Lock()
	it.pending = append(it.pending, fn)
	it.pendingMu.Unlock()
	it.interrupted.Store(true)
	it.signalBlocked()
}

// RunPendingCalls runs the queued calls now (t must be the main thread;
// other threads run none): for code that knows a call is due at once, as
// signal.raise_signal does.
func (t *Thread) RunPendingCalls() error {
	if t != t.interp.main {
		return nil
	}
	return t.interp.runPending(t)
}

// runPending runs the queued calls in order; when one raises, the rest stay
// queued for the next check.
func (it *Interp) runPending(t *Thread) error {
	for {
		it.pendingMu.Lock()
		if len(it.pending) == 0 {
			it.pendingMu.Unlock()
			return nil
		}
		fn := it.pending[0]
		it.pending[0] = nil
		it.pending = it.pending[1:]
		more := len(it.pending) > 0
		it.pendingMu.Unlock()
		if err := fn(t); err != nil {
			if more {
				it.interrupted.Store(true)
			}
			return err
		}
	}
}
