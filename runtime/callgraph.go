package runtime

// Who awaits whom, for asyncio.capture_call_graph and task dumps. CPython
// 3.14 keeps a set of waiters on every future; asy works it out when asked
// instead, so that awaiting costs nothing extra: the tasks suspended on a
// future, the gathering futures it is a child of, and the waiters
// registered by hand (future_add_to_awaited_by: TaskGroup's parent task).

// AwaitedBy lists the futures waiting for f, in a stable order.
func (l *Loop) AwaitedBy(f *Future) []*Future {
	var out []*Future
	seen := map[*Future]bool{}
	add := func(w *Future) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	// The gathering futures in flight are those tasks wait on, and their
	// children that are gathering futures themselves.
	var gathers []*GatheringFuture
	var walk func(g *GatheringFuture)
	walk = func(g *GatheringFuture) {
		for _, known := range gathers {
			if known == g {
				return
			}
		}
		gathers = append(gathers, g)
		for _, c := range g.children {
			if cg := c.gather(); cg != nil {
				walk(cg)
			}
		}
	}
	for _, t := range l.tasks.All() {
		if t.Done() || t.futWaiter == nil {
			continue
		}
		if t.futWaiter == f {
			add(&t.Future)
		}
		if g := t.futWaiter.gather(); g != nil {
			walk(g)
		}
	}
	for _, g := range gathers {
		if g.Done() {
			continue
		}
		for _, c := range g.children {
			if c == f {
				add(&g.Future)
			}
		}
	}
	for _, w := range l.awaitedBy[f] {
		add(w)
	}
	return out
}

// AddAwaitedBy records that waiter waits for f (future_add_to_awaited_by).
func (l *Loop) AddAwaitedBy(f, waiter *Future) {
	if l.awaitedBy == nil {
		l.awaitedBy = map[*Future][]*Future{}
	}
	for _, w := range l.awaitedBy[f] {
		if w == waiter {
			return
		}
	}
	l.awaitedBy[f] = append(l.awaitedBy[f], waiter)
}

// DiscardAwaitedBy forgets a waiter recorded by AddAwaitedBy.
func (l *Loop) DiscardAwaitedBy(f, waiter *Future) {
	ws := l.awaitedBy[f]
	for i, w := range ws {
		if w == waiter {
			ws = append(ws[:i:i], ws[i+1:]...)
			break
		}
	}
	if len(ws) == 0 {
		delete(l.awaitedBy, f)
	} else {
		l.awaitedBy[f] = ws
	}
}

// Waiting returns the future the task is suspended on (nil when it is
// ready, running or done).
func (t *Task) Waiting() *Future { return t.futWaiter }

// Tasks lists every unfinished task of the loop in creation order.
func (l *Loop) Tasks() []*Task { return l.AllTasks() }
