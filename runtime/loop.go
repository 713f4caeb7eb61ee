package runtime

import (
	"fmt"
	"sync"
	"time"
	"unsafe"

	"github.com/asylang/asy/vm"
)

// Loop is an event loop: a FIFO of ready callbacks, a heap of timers, a
// clock, and an inbox through which other goroutines (executor threads,
// Go-side awaitables) hand completions to the loop thread. Scheduling order
// follows CPython's BaseEventLoop._run_once.
type Loop struct {
	it    *vm.Interp
	t     *vm.Thread
	clock Clock
	// reg is the interpreter's bridge state (bridge.go).
	reg *interpLoops

	ready  ring
	timers timerHeap
	seq    uint32 // timerEntry.seq of the newest timer (wraps: see timerHeap.Less)

	inboxMu sync.Mutex
	inbox   []*Handle // posted by other goroutines; moved to ready by the loop
	wake    chan struct{}
	// inboxClosed is set (under inboxMu) when the loop closes: posts then fail.
	inboxClosed bool
	// closedCh is closed when the loop closes (see CloseNotify).
	closedCh chan struct{}
	// park says how a loop on a worker thread waits under the virtual clock
	// (guarded by inboxMu; see waitWorker).
	park        parkState
	parkSleeper *Sleeper
	// busy counts outside work that will post to the inbox (threads, Go awaitables).
	busy int
	// external counts Go goroutines (embedders' awaitables) working in real
	// time: the virtual clock waits for them instead of jumping ahead.
	external int
	// keepAlive is set while more input can come (a REPL session): an idle
	// loop then waits for its inbox instead of reporting a deadlock.
	keepAlive int
	// holdTime stops the virtual clock from advancing (a REPL between
	// statements: background tasks wait for the user as they would in real
	// time, instead of racing ahead).
	holdTime int
	// io counts pending network I/O (io.go).
	io ioState

	running  bool
	stopping bool
	closed   bool
	debug    bool

	current *Task
	// tasks lists the tasks created on this loop, in creation order (strong
	// refs): the pending ones and those whose exception nobody retrieved;
	// the others are forgotten as the list grows (forgetDone).
	tasks ChunkList[*Task]
	// tasksLimit is the length at which the list next forgets finished tasks.
	tasksLimit int

	// Observer receives trace events; nil costs nothing.
	Observer Observer
	// awaitedBy holds the waiters registered by future_add_to_awaited_by.
	awaitedBy map[*Future][]*Future

	// asyncgens tracks async generators first iterated on this loop (for shutdown_asyncgens).
	asyncgens []*vm.Generator

	// defaultExecutor is created lazily by run_in_executor(None, ...).
	defaultExecutor Executor
	// pools are the thread pools this loop submitted work to (the virtual
	// clock must know which queued jobs cannot start yet).
	pools map[*ThreadPool]bool
	// fatal is set when KeyboardInterrupt/SystemExit escapes a callback: run_forever returns it.
	fatal error
	// excHandler is the script's exception handler (exchandler.go).
	excHandler ExceptionHandler
	// slow is loop.slow_callback_duration once set.
	slow    float64
	slowSet bool
}

// Executor runs blocking work off the loop thread (implemented with threads).
type Executor interface {
	Shutdown(wait bool)
}

// Handle is a scheduled callback (asyncio.Handle / TimerHandle).
type Handle struct {
	timerEntry // first: the timer heap and the ready queue find the Handle from it
	fn         func()
}

// timerEntry is what the timer heap orders: a Handle's, or a TimerFuture's
// (which needs no callback: 16 bytes, so that a sleep is 80, a size class
// of Go's allocator).
type timerEntry struct {
	when float64
	// seq orders timers with the same deadline by creation. It wraps
	// around: Less compares the difference as signed, which is right while
	// the timers sharing a deadline were made fewer than 2**31 timers apart.
	seq       uint32
	cancelled bool
	timer     bool // a Handle made by call_at/call_later (a TimerHandle)
	kind      handleKind
	// aux is a byte for the embedder of a TimerFuture (a sleep's flags).
	aux uint8
}

type handleKind uint8

const (
	handleFunc  handleKind = iota // fn()
	handleTimer                   // the TimerFuture holding the handle completes
)

// readyItem is an entry of the ready queue: a handle, or one of the loop's
// own frequent callbacks held by value — a task's step, its wakeup when the
// future it awaits completes, a Go done callback — so that scheduling them
// allocates nothing (a task suspended in a sleep costs no closure, and a
// step of a sleep(0) loop no handle). Entries are 24 bytes: a queue that
// once held 100,000 wakeups keeps its array.
//
//	handle:        p is the *timerEntry of a Handle or TimerFuture, fut and fn nil
//	task step:     p is the *Task, fut is the task's own Future
//	task wakeup:   p is the *Task, fut the completed future it awaited
//	Go callback:   fn(fut)
type readyItem struct {
	p   unsafe.Pointer
	fut *Future
	fn  func(*Future)
}

func handleItem(h *timerEntry) readyItem      { return readyItem{p: unsafe.Pointer(h)} }
func wakeupItem(t *Task, f *Future) readyItem { return readyItem{p: unsafe.Pointer(t), fut: f} }

// callSoonStep schedules t's next step.
func (l *Loop) callSoonStep(t *Task) { l.ready.push(wakeupItem(t, &t.Future)) }

// callSoonFut schedules fn(f), a Go done callback of f.
func (l *Loop) callSoonFut(fn func(*Future), f *Future) { l.ready.push(readyItem{fn: fn, fut: f}) }

// handle returns the item's handle (nil when it is not one).
func (it *readyItem) handle() *timerEntry {
	if it.fut == nil && it.fn == nil {
		return (*timerEntry)(it.p)
	}
	return nil
}

// stepOf returns the task whose step the item is (nil when it is not one).
func (it *readyItem) stepOf() *Task {
	if it.fn == nil && it.fut != nil && it.fut == &(*Task)(it.p).Future {
		return (*Task)(it.p)
	}
	return nil
}

// live reports whether the item still has something to run.
func (it *readyItem) live() bool {
	h := it.handle()
	if h == nil {
		return true
	}
	if h.cancelled {
		return false
	}
	return h.kind != handleFunc || (*Handle)(unsafe.Pointer(h)).fn != nil
}

// run runs the item's callback.
func (it *readyItem) run() {
	switch {
	case it.fn != nil:
		it.fn(it.fut)
	case it.fut == nil:
		(*timerEntry)(it.p).run()
	default:
		t := (*Task)(it.p)
		if it.fut == &t.Future {
			t.step(nil)
		} else {
			t.wakeup(it.fut)
		}
	}
}

// run runs the callback of the handle or TimerFuture e is part of.
func (e *timerEntry) run() {
	if e.kind == handleTimer {
		timerOf(e).fireTimer()
		return
	}
	h := (*Handle)(unsafe.Pointer(e))
	fn := h.fn
	if !h.timer {
		h.fn = nil
	}
	fn()
}

// NewLoop makes a loop for an interpreter's thread.
func NewLoop(t *vm.Thread, clock Clock) *Loop {
	return &Loop{it: t.Interp(), t: t, clock: clock, wake: make(chan struct{}, 1), closedCh: make(chan struct{}),
		pools: map[*ThreadPool]bool{}, reg: loopsOf(t.Interp())}
}

// Thread returns the loop's script thread.
func (l *Loop) Thread() *vm.Thread { return l.t }

// RunOn makes t the thread the loop runs on from now on: a loop made in one
// thread may be run in another (loop.run_forever as a threading.Thread's
// target), and its callbacks and tasks must then run on that thread's
// state. Ignored while the loop runs.
func (l *Loop) RunOn(t *vm.Thread) {
	if !l.running {
		l.t = t
	}
}

// Clock returns the loop's clock.
func (l *Loop) Clock() Clock { return l.clock }

// Time is loop.time().
func (l *Loop) Time() float64 { return l.clock.Now() }

// CallSoon schedules fn to run on the next iteration (FIFO).
func (l *Loop) CallSoon(fn func()) *Handle {
	h := &Handle{fn: fn}
	l.ready.push(handleItem(&h.timerEntry))
	return h
}

// CallAt schedules fn at loop time when.
func (l *Loop) CallAt(when float64, fn func()) *Handle {
	l.seq++
	h := &Handle{timerEntry: timerEntry{when: when, seq: l.seq, timer: true}, fn: fn}
	l.timers.push(&h.timerEntry)
	if l.Observer != nil {
		l.Observer.Event(Event{Kind: EvTimer, Time: l.Time(), When: when})
	}
	return h
}

// CallLater schedules fn after delay seconds.
func (l *Loop) CallLater(delay float64, fn func()) *Handle {
	return l.CallAt(l.Time()+delay, fn)
}

// Cancel cancels a handle.
func (h *Handle) Cancel() {
	if h.cancelled {
		return
	}
	h.cancelled = true
	h.fn = nil
}

// cancel cancels a TimerFuture's timer (the heap drops it when it comes up).
func (e *timerEntry) cancel() { e.cancelled = true }

// Post hands fn to the loop thread from any goroutine (the only thread-safe
// door). After the loop closed, fn is dropped.
func (l *Loop) Post(fn func()) { l.CallSoonThreadsafe(fn) }

// CallSoonThreadsafe is loop.call_soon_threadsafe: it schedules fn from any
// goroutine and wakes the loop, idle or not; the handle may be cancelled by
// a script thread (one holding the interpreter lock). It fails with
// CPython's RuntimeError once the loop is closed.
func (l *Loop) CallSoonThreadsafe(fn func()) (*Handle, error) {
	h := &Handle{fn: fn}
	l.inboxMu.Lock()
	if l.inboxClosed {
		l.inboxMu.Unlock()
		return nil, vm.Errorf(vm.RuntimeError, "Event loop is closed")
	}
	l.inbox = append(l.inbox, h)
	l.unpark()
	l.inboxMu.Unlock()
	l.poke()
	return h, nil
}

// CloseNotify is closed when the loop closes; what was posted and not run
// by then never runs.
func (l *Loop) CloseNotify() <-chan struct{} { return l.closedCh }

func (l *Loop) poke() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// AddBusy records outside work in progress that will Post its completion;
// the virtual clock does not jump past it and deadlock detection waits for it.
func (l *Loop) AddBusy(n int) {
	l.inboxMu.Lock()
	l.busy += n
	l.inboxMu.Unlock()
	if n < 0 {
		l.poke()
	}
}

// AddExternal records a Go goroutine at work for a task (counted in busy
// too); under the virtual clock, time does not move while one runs.
func (l *Loop) AddExternal(n int) {
	l.inboxMu.Lock()
	l.external += n
	l.inboxMu.Unlock()
	l.AddBusy(n)
}

// KeepAlive(+1) says more work can arrive through Post at any time (a REPL
// waiting for its next line), so an idle loop waits; KeepAlive(-1) undoes it.
// Loop thread only.
func (l *Loop) KeepAlive(n int) { l.keepAlive += n }

// HoldTime(+1) keeps virtual time still until HoldTime(-1): the loop runs
// what is ready and otherwise waits for its inbox. Loop thread only.
func (l *Loop) HoldTime(n int) { l.holdTime += n }

func (l *Loop) busyCount() int {
	l.inboxMu.Lock()
	defer l.inboxMu.Unlock()
	return l.busy
}

func (l *Loop) drainInbox() {
	l.inboxMu.Lock()
	hs := l.inbox
	l.inbox = nil
	l.inboxMu.Unlock()
	for _, h := range hs {
		l.ready.push(handleItem(&h.timerEntry))
	}
}

// ErrDeadlock is reported under the virtual clock when nothing can ever happen.
type ErrDeadlock struct{ Waiting []string }

// runOnce is one iteration: wait for I/O or timers, then run the callbacks
// that were ready at that moment.
func (l *Loop) runOnce() error {
	for l.timers.len() > 0 && l.timers.top().cancelled {
		l.timers.pop()
	}
	l.drainInbox()
	if l.ready.len() == 0 && !l.stopping {
		if err := l.wait(); err != nil {
			return err
		}
		l.drainInbox()
	}
	// Timers that are due become ready, in deadline order.
	end := l.clock.Now() + 1e-9
	for l.timers.len() > 0 {
		h := l.timers.top()
		if h.cancelled {
			l.timers.pop()
			continue
		}
		if h.when >= end {
			break
		}
		l.timers.pop()
		l.ready.push(handleItem(h))
	}
	n := l.ready.len()
	for i := 0; i < n; i++ {
		// A stop ends the loop between callbacks: a million ready tasks
		// must not each run (and fail) first.
		if err := l.t.Poll(); err != nil {
			return err
		}
		it := l.ready.pop()
		if !it.live() {
			continue
		}
		if l.debug {
			l.runTimed(&it)
			continue
		}
		it.run()
	}
	return nil
}

// runTimed runs a callback and reports it when it blocked the loop too long.
func (l *Loop) runTimed(it *readyItem) {
	start := time.Now()
	it.run()
	d := time.Since(start).Seconds()
	if d >= l.SlowCallbackDuration() {
		what := "<Handle>"
		if t := it.stepOf(); t != nil {
			what = t.reprSelf()
		}
		l.it.WriteStderr(fmt.Sprintf("Executing %s took %.3f seconds\n", what, d))
	}
}

// SetDebug turns debug mode on or off (loop.set_debug).
func (l *Loop) SetDebug(on bool) { l.debug = on }

// Debug reports debug mode (loop.get_debug).
func (l *Loop) Debug() bool { return l.debug }

// wait blocks until the next timer is due or the inbox has work.
func (l *Loop) wait() error {
	if vc, ok := l.clock.(*VirtualClock); ok {
		return l.waitVirtual(vc)
	}
	var timeout time.Duration = -1
	if l.timers.len() > 0 {
		d := l.timers.top().when - l.clock.Now()
		if d <= 0 {
			return nil
		}
		timeout = time.Duration(d * float64(time.Second))
	} else if l.busyCount() == 0 && l.keepAlive == 0 && l.PendingIO() == 0 && !l.othersMayPost() {
		l.inboxMu.Lock()
		empty := len(l.inbox) == 0
		l.inboxMu.Unlock()
		if empty {
			// Nothing can wake us: under the real clock CPython would hang
			// forever; we report it instead.
			return l.deadlock()
		}
	}
	if timeout < 0 {
		l.t.Blocking(func() { <-l.wake })
		return nil
	}
	tm := time.NewTimer(timeout)
	defer tm.Stop()
	l.t.Blocking(func() {
		select {
		case <-l.wake:
		case <-tm.C:
		}
	})
	return nil
}

func (l *Loop) waitVirtual(vc *VirtualClock) error {
	if l.t != l.it.MainThread() {
		return l.waitWorker(vc)
	}
	for {
		// Quiescence is read before the inbox: a thread posts its result
		// before it counts itself finished, so a quiescent reading followed
		// by an empty inbox means nothing is on its way.
		quiescent := vc.Quiescent()
		l.inboxMu.Lock()
		pending := len(l.inbox) > 0
		external := l.external
		l.inboxMu.Unlock()
		if pending {
			return nil
		}
		// Threads still running (and not merely sleeping on the virtual clock)
		// and Go goroutines may post results: wait for them in real time.
		if !quiescent || external > 0 || l.holdTime > 0 {
			l.t.Blocking(func() { <-l.wake })
			continue
		}
		next, haveTimer := 0.0, false
		if l.timers.len() > 0 {
			next, haveTimer = l.timers.top().when, true
		}
		// A thread due at the same instant as a timer goes first: in real
		// time its sleep began before the timer was armed.
		if w, ok := vc.NextWake(); ok && (!haveTimer || w <= next) {
			vc.AdvanceTo(w)
			// The woken thread runs now; wait for it to post or sleep again.
			l.t.Blocking(func() { <-l.wake })
			continue
		}
		if haveTimer && l.PendingIO() > 0 {
			// A socket may deliver first: time passes in real time (io.go).
			if l.ioWaitVirtual(vc, next) {
				return nil
			}
			continue
		}
		if haveTimer {
			vc.AdvanceTo(next)
			return nil
		}
		if l.keepAlive > 0 || l.reg.held() || l.PendingIO() > 0 {
			l.t.Blocking(func() { <-l.wake })
			continue
		}
		return l.deadlock()
	}
}

// Stop is loop.stop(): the loop stops after the current iteration.
func (l *Loop) Stop() { l.stopping = true }

// RunForever runs until Stop.
func (l *Loop) RunForever() error {
	if l.closed {
		return vm.Errorf(vm.RuntimeError, "Event loop is closed")
	}
	if l.running {
		return vm.Errorf(vm.RuntimeError, "This event loop is already running")
	}
	l.running = true
	setRunningLoop(l.t, l)
	reg := l.reg
	reg.started(l)
	vc, virtual := l.clock.(*VirtualClock)
	if virtual {
		vc.watch(l)
	}
	defer func() {
		if virtual {
			vc.unwatch(l)
		}
		reg.stopped(l)
		l.running = false
		l.stopping = false
		setRunningLoop(l.t, nil)
	}()
	for {
		if err := l.runOnce(); err != nil {
			return err
		}
		if l.fatal != nil {
			err := l.fatal
			l.fatal = nil
			return err
		}
		if l.stopping {
			return nil
		}
	}
}

// Close closes the loop.
func (l *Loop) Close() error {
	if l.running {
		return vm.Errorf(vm.RuntimeError, "Cannot close a running event loop")
	}
	if l.closed {
		return nil
	}
	l.closed = true
	l.inboxMu.Lock()
	l.inboxClosed = true
	l.inbox = nil
	l.inboxMu.Unlock()
	close(l.closedCh)
	l.ready = ring{}
	l.timers = timerHeap{}
	if l.defaultExecutor != nil {
		l.defaultExecutor.Shutdown(false)
	}
	return nil
}

// Closed reports loop.is_closed().
func (l *Loop) Closed() bool { return l.closed }

// Running reports loop.is_running().
func (l *Loop) Running() bool { return l.running }

// ring is the FIFO of ready items: a chain of fixed-size blocks. Unlike a
// growable array it never copies, its memory follows the number of items
// queued (a million tasks made at once need a big queue for one loop
// iteration, not for the rest of the run), and a drained queue keeps one
// block plus one spare, so steady traffic allocates nothing.
type ring struct {
	head, tail *readyBlock
	hi, ti     int // next item to pop in head, next free slot in tail
	size       int
	spare      *readyBlock // an emptied block kept for the next push
}

// readyBlockLen items of 24 bytes and the link make 6128 bytes, just
// under Go's 6144-byte size class.
const readyBlockLen = 255

type readyBlock struct {
	items [readyBlockLen]readyItem
	next  *readyBlock
}

func (r *ring) len() int { return r.size }

func (r *ring) push(it readyItem) {
	if r.tail == nil || r.ti == readyBlockLen {
		b := r.spare
		if b != nil {
			r.spare = nil
		} else {
			b = new(readyBlock)
		}
		if r.tail == nil {
			r.head, r.hi = b, 0
		} else {
			r.tail.next = b
		}
		r.tail, r.ti = b, 0
	}
	r.tail.items[r.ti] = it
	r.ti++
	r.size++
}

func (r *ring) pop() readyItem {
	b := r.head
	it := b.items[r.hi]
	b.items[r.hi] = readyItem{}
	r.hi++
	r.size--
	if r.hi == r.ti && b == r.tail {
		// Drained: reuse the block from its start.
		r.hi, r.ti = 0, 0
	} else if r.hi == readyBlockLen {
		r.head, r.hi = b.next, 0
		b.next = nil
		r.spare = b
	}
	return it
}
