package runtime

import (
	"sync"
	"time"

	"github.com/asylang/asy/vm"
)

// Clock is the loop's notion of time. The real clock reads the OS monotonic
// clock; the virtual clock only moves when the loop has nothing to do but
// wait for a timer, so sleeps cost nothing and runs are deterministic.
type Clock interface {
	// Now is monotonic time in seconds (loop.time(), time.monotonic()).
	Now() float64
	// Wall is seconds since the Unix epoch (time.time()).
	Wall() float64
	// Sleep blocks the calling goroutine for d seconds (time.sleep in a thread).
	Sleep(d float64)
	// Virtual reports whether this is the virtual clock.
	Virtual() bool
}

// RealClock is the OS clock.
type RealClock struct {
	start time.Time
	epoch float64 // nonzero: Wall counts from here, hiding the host's date
}

// NewRealClock makes a real clock.
func NewRealClock() *RealClock { return &RealClock{start: time.Now()} }

// NewUndatedClock is a real clock whose wall time starts at the virtual
// clock's fixed epoch: time passes as on the host, but a script without
// the RealClock grant cannot learn the host's date.
func NewUndatedClock() *RealClock { return &RealClock{start: time.Now(), epoch: virtualEpoch} }

func (c *RealClock) Now() float64 { return time.Since(c.start).Seconds() + 1000 }
func (c *RealClock) Wall() float64 {
	if c.epoch != 0 {
		return c.epoch + time.Since(c.start).Seconds()
	}
	return float64(time.Now().UnixNano()) / 1e9
}
func (c *RealClock) Sleep(d float64) {
	if d > 0 {
		time.Sleep(time.Duration(d * float64(time.Second)))
	}
}
func (c *RealClock) Virtual() bool { return false }

// VirtualClock is simulated time. Advance is called by the loop; a thread
// sleeping in time.sleep registers a wake-up and blocks until the loop's
// virtual time reaches it.
type VirtualClock struct {
	mu      sync.Mutex
	now     float64
	epoch   float64
	waiters []*Sleeper
	// watchers are the running loops told (poked) whenever a goroutine
	// starts sleeping or stops running, so that a loop waiting for the
	// threads to settle looks again.
	watchers []*Loop
	// running counts executor jobs submitted and not finished; time may only
	// jump when all of them (except those queued behind a full pool) sleep.
	running int
	pools   []interface{ Stalled() int }
	seq     uint64
}

func (c *VirtualClock) addPool(p interface{ Stalled() int }) {
	c.mu.Lock()
	c.pools = append(c.pools, p)
	c.mu.Unlock()
}

// AddRunning records executor threads starting (+1) or ending (-1) a job.
func (c *VirtualClock) AddRunning(n int) {
	c.mu.Lock()
	c.running += n
	c.mu.Unlock()
	if n < 0 {
		c.notify()
	}
}

// watch and unwatch add and remove a running loop to poke.
func (c *VirtualClock) watch(l *Loop) {
	c.mu.Lock()
	c.watchers = append(c.watchers, l)
	c.mu.Unlock()
}

func (c *VirtualClock) unwatch(l *Loop) {
	c.mu.Lock()
	for i, w := range c.watchers {
		if w == l {
			c.watchers = append(c.watchers[:i], c.watchers[i+1:]...)
			break
		}
	}
	c.mu.Unlock()
}

// notify pokes every watching loop (called without c.mu held).
func (c *VirtualClock) notify() {
	c.mu.Lock()
	ws := append([]*Loop(nil), c.watchers...)
	c.mu.Unlock()
	for _, l := range ws {
		l.poke()
	}
}

// Quiescent reports whether every running executor thread sleeps on the clock.
func (c *VirtualClock) Quiescent() bool {
	c.mu.Lock()
	pools := append([]interface{ Stalled() int }(nil), c.pools...)
	running, sleeping := c.running, len(c.waiters)
	c.mu.Unlock()
	stalled := 0
	for _, p := range pools {
		stalled += p.Stalled()
	}
	return running-stalled <= sleeping
}

// Sleeper is one goroutine's wait on the virtual clock: it counts as
// sleeping (so time may move) until time reaches until or it is cancelled.
type Sleeper struct {
	until float64
	seq   uint64
	wake  chan struct{}
	fired bool // guarded by the clock's mu
}

// Done is closed when virtual time reaches the sleeper's deadline.
func (s *Sleeper) Done() <-chan struct{} { return s.wake }

// virtualEpoch is where undated clocks' wall time starts (2023-11-14).
const virtualEpoch = 1_700_000_000

// NewVirtualClock makes a virtual clock starting at a fixed epoch.
func NewVirtualClock() *VirtualClock {
	return &VirtualClock{now: 0, epoch: virtualEpoch}
}

func (c *VirtualClock) Now() float64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *VirtualClock) Wall() float64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.epoch + c.now
}

func (c *VirtualClock) Virtual() bool { return true }

// Sleep blocks until virtual time has advanced by d.
func (c *VirtualClock) Sleep(d float64) {
	c.mu.Lock()
	until := c.now + d
	c.mu.Unlock()
	<-c.StartSleep(until).wake
}

// StartSleep registers a sleeper due at virtual time until without
// blocking; wait on its Done channel, or CancelSleep it.
func (c *VirtualClock) StartSleep(until float64) *Sleeper {
	c.mu.Lock()
	c.seq++
	s := &Sleeper{until: until, seq: c.seq, wake: make(chan struct{})}
	c.waiters = append(c.waiters, s)
	c.mu.Unlock()
	c.notify()
	return s
}

// CancelSleep withdraws a sleeper that has not fired, reporting whether it
// was still waiting. From then on it no longer counts as sleeping, so time
// cannot jump on its account (a woken waiter leaves no stale deadline).
func (c *VirtualClock) CancelSleep(s *Sleeper) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s.fired {
		return false
	}
	for i, w := range c.waiters {
		if w == s {
			c.waiters = append(c.waiters[:i], c.waiters[i+1:]...)
			break
		}
	}
	s.fired = true
	return true
}

// NextWake returns the earliest time a sleeping goroutine waits for.
func (c *VirtualClock) NextWake() (float64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.waiters) == 0 {
		return 0, false
	}
	m := c.waiters[0].until
	for _, w := range c.waiters[1:] {
		if w.until < m {
			m = w.until
		}
	}
	return m, true
}

// Sleepers is the number of goroutines blocked in Sleep.
func (c *VirtualClock) Sleepers() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.waiters)
}

// AdvanceTo moves time forward (never back) and wakes the earliest due
// sleeper — one at a time, in deadline then arrival order, so threads that
// wake at the same virtual instant run in a deterministic order (callers
// keep advancing until nobody is due).
func (c *VirtualClock) AdvanceTo(t float64) {
	c.mu.Lock()
	if t > c.now {
		c.now = t
	}
	best := -1
	for i, w := range c.waiters {
		if w.until <= c.now && (best < 0 || w.until < c.waiters[best].until || w.until == c.waiters[best].until && w.seq < c.waiters[best].seq) {
			best = i
		}
	}
	var wake *Sleeper
	if best >= 0 {
		wake = c.waiters[best]
		wake.fired = true
		c.waiters = append(c.waiters[:best], c.waiters[best+1:]...)
	}
	c.mu.Unlock()
	if wake != nil {
		close(wake.wake)
	}
}

type clockKey struct{}

// SetClock chooses the clock an interpreter's loops, time module and
// executor threads use (call before running code).
func SetClock(it interface{ SetExt(key, v any) }, c Clock) { it.SetExt(clockKey{}, c) }

// ClockOf returns the interpreter's clock, creating a real one on first use.
func ClockOf(it interface {
	Ext(key any) (any, bool)
	SetExt(key, v any)
}) Clock {
	if c, ok := it.Ext(clockKey{}); ok {
		return c.(Clock)
	}
	c := NewRealClock()
	it.SetExt(clockKey{}, c)
	return c
}

// WaitDriving blocks t (interpreter lock released) until done is closed or
// timeout seconds pass (negative: no timeout), reporting whether done
// closed. Under the virtual clock the waiter drives time: once every running
// executor job sleeps, it jumps to the next wake-up (or to the deadline).
// A stop (t.StopSignal: Abort, Ctrl-C for the main thread) ends the wait
// early; the caller raises it with t.CheckInterrupt.
func WaitDriving(t *vm.Thread, done <-chan struct{}, timeout float64) bool {
	clock := ClockOf(t.Interp())
	ok := false
	stop := t.StopSignal()
	if t.StopPending() {
		return false
	}
	// pause waits up to d for done or the stop; it reports whether the
	// wait is over.
	pause := func(d time.Duration) bool {
		var after <-chan time.Time
		if d >= 0 {
			timer := time.NewTimer(d)
			defer timer.Stop()
			after = timer.C
		}
		select {
		case <-done:
			ok = true
			return true
		case <-stop:
			return true
		case <-after:
			return false
		}
	}
	t.Blocking(func() {
		vc, virtual := clock.(*VirtualClock)
		deadline := clock.Now() + timeout
		if !virtual {
			if timeout < 0 {
				pause(-1)
				return
			}
			pause(time.Duration(timeout * float64(time.Second)))
			return
		}
		for {
			// Quiescence first, then done: a job closes done before it
			// counts itself finished, so this order never misses a wake-up.
			quiescent := vc.Quiescent()
			select {
			case <-done:
				ok = true
				return
			case <-stop:
				return
			default:
			}
			if timeout >= 0 && clock.Now() >= deadline {
				return
			}
			if !quiescent {
				// A job is running: give it a moment to finish or sleep.
				if pause(200 * time.Microsecond) {
					return
				}
				continue
			}
			if w, has := vc.NextWake(); has && (timeout < 0 || w <= deadline) {
				vc.AdvanceTo(w)
				// The woken job runs now; let it get going before looking again.
				if pause(200 * time.Microsecond) {
					return
				}
			} else if timeout >= 0 {
				vc.AdvanceTo(deadline)
			} else if pause(200 * time.Microsecond) {
				return
			}
		}
	})
	return ok
}
