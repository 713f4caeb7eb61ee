package runtime

import (
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/asylang/asy/vm"
)

// ThreadPool runs script functions on real OS threads (goroutines with their
// own vm.Thread) next to the loop. Workers take the interpreter lock while
// they run bytecode and release it when they block, so several blocking
// calls (time.sleep, I/O) really overlap.
type ThreadPool struct {
	it     *vm.Interp
	max    int
	prefix string

	mu       sync.Mutex
	queue    []*Job
	idle     int
	workers  int
	running  int // workers executing a job
	shutdown bool
	cond     *sync.Cond
	wg       sync.WaitGroup
}

// Job is one call to run on a worker.
type Job struct {
	Fn   vm.Value
	Args []vm.Value
	Kw   []vm.KV
	// Start is called (on the worker, lock held) when the job begins; it
	// returns false if the job was cancelled meanwhile.
	Start func() bool
	// Done receives the outcome on the worker goroutine, lock held.
	Done func(v vm.Value, err error)
	// Cancel is called (lock held) for a job dropped by shutdown(cancel_futures=True).
	Cancel func()
	// Ctx is the contextvars context the call runs in (nil: an empty one).
	Ctx *vm.Context
	// OnThread, when set, is told (on the worker, lock held) when the job
	// begins and ends there, with the worker's name (for timelines).
	OnThread func(thread string, begin bool)
}

// DefaultWorkers is CPython's default: min(32, cpus + 4).
func DefaultWorkers() int {
	n := runtime.NumCPU() + 4
	if n > 32 {
		n = 32
	}
	return n
}

// NewThreadPool makes a pool of at most max workers (started lazily).
func NewThreadPool(it *vm.Interp, max int, prefix string) *ThreadPool {
	if max <= 0 {
		max = DefaultWorkers()
	}
	if prefix == "" {
		// CPython names unnamed pools ThreadPoolExecutor-N (N counts pools).
		n := 0
		if v, ok := it.Ext(poolCounterKey{}); ok {
			n = v.(int)
		}
		it.SetExt(poolCounterKey{}, n+1)
		prefix = fmt.Sprintf("ThreadPoolExecutor-%d", n)
	}
	p := &ThreadPool{it: it, max: max, prefix: prefix}
	p.cond = sync.NewCond(&p.mu)
	vm.Track(it, poolsKey{}, p) // so that none outlives the interpreter
	if vc, ok := ClockOf(it).(*VirtualClock); ok {
		vc.addPool(p)
	}
	return p
}

type poolsKey struct{}

// ShutdownPools shuts down every pool the interpreter made and left running
// (an unclosed aiosqlite connection owns one): pending jobs are dropped,
// idle workers exit, busy ones exit after their job. It does not wait, so
// it may be called holding the interpreter lock.
func ShutdownPools(it *vm.Interp) { EndPools(it, 0) }

// EndPools is ShutdownPools, then waits up to limit for the workers to
// exit (the caller releases the interpreter lock; an aborted interpreter's
// busy workers end at their job's next step).
func EndPools(it *vm.Interp, limit time.Duration) {
	pools := vm.TakeTracked[*ThreadPool](it, poolsKey{})
	for _, p := range pools {
		p.ShutdownCancel(false, true)
	}
	if limit <= 0 || len(pools) == 0 {
		return
	}
	done := make(chan struct{})
	go func() {
		for _, p := range pools {
			p.wg.Wait()
		}
		close(done)
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
	}
}

// Max is the pool's worker limit.
func (p *ThreadPool) Max() int { return p.max }

// Submit queues a job; it fails after Shutdown.
func (p *ThreadPool) Submit(j *Job) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shutdown {
		return vm.Errorf(vm.RuntimeError, "cannot schedule new futures after shutdown")
	}
	// A new worker needs a thread of the interpreter's grant; without one
	// the job waits for a worker there is, or fails when there is none.
	spawn := p.idle == 0 && p.workers < p.max
	if spawn && !TakeThread(p.it) {
		if p.workers == 0 {
			return ErrNoThread()
		}
		spawn = false
	}
	p.queue = append(p.queue, j)
	AddThreads(p.it, 1) // a job may post to a loop (call_soon_threadsafe)
	// Under the virtual clock a submitted job counts as running from now
	// on, so time cannot jump before its thread gets to sleep.
	if vc, ok := ClockOf(p.it).(*VirtualClock); ok {
		vc.AddRunning(1)
	}
	switch {
	case p.idle > 0:
		// Hand the job to an idle worker (counted out now, so the next
		// submit starts another worker instead of queueing behind it).
		p.idle--
		p.cond.Signal()
	case spawn:
		p.workers++
		p.wg.Add(1)
		go p.worker(p.workers - 1)
	}
	return nil
}

func (p *ThreadPool) worker(index int) {
	defer p.wg.Done()
	defer ReleaseThread(p.it)
	t := p.it.NewThread()
	t.Name = fmt.Sprintf("%s_%d", p.prefix, index)
	for {
		p.mu.Lock()
		for len(p.queue) == 0 && !p.shutdown {
			p.idle++
			p.cond.Wait()
		}
		if len(p.queue) == 0 {
			p.mu.Unlock()
			return
		}
		j := p.queue[0]
		p.queue = p.queue[1:]
		p.running++
		p.mu.Unlock()

		vc, virtual := ClockOf(p.it).(*VirtualClock)
		p.it.Acquire()
		if j.Start == nil || j.Start() {
			if j.OnThread != nil {
				j.OnThread(t.Name, true)
			}
			t.Ctx = j.Ctx
			v, err := t.Call(j.Fn, j.Args, j.Kw)
			t.Ctx = nil
			if j.OnThread != nil {
				j.OnThread(t.Name, false)
			}
			j.Done(v, err)
		}
		p.it.Release()
		if virtual {
			vc.AddRunning(-1)
		}
		AddThreads(p.it, -1)
		p.mu.Lock()
		p.running--
		p.mu.Unlock()
	}
}

// Stalled counts queued jobs that cannot start until a worker frees up.
func (p *ThreadPool) Stalled() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.workers < p.max {
		return 0
	}
	if n := len(p.queue) - (p.workers - p.running); n > 0 {
		return n
	}
	return 0
}

// Shutdown stops accepting jobs; with wait it blocks (lock released by the
// caller) until queued jobs finish. cancelPending drops jobs not started.
func (p *ThreadPool) Shutdown(wait bool) { p.ShutdownCancel(wait, false) }

// ShutdownCancel is Shutdown with cancel_futures.
func (p *ThreadPool) ShutdownCancel(wait, cancelPending bool) []*Job {
	p.mu.Lock()
	p.shutdown = true
	p.idle = 0
	var dropped []*Job
	if cancelPending {
		dropped = p.queue
		p.queue = nil
	}
	p.cond.Broadcast()
	p.mu.Unlock()
	if wait {
		p.wg.Wait()
	}
	if vc, ok := ClockOf(p.it).(*VirtualClock); ok {
		vc.AddRunning(-len(dropped))
	}
	if len(dropped) > 0 {
		AddThreads(p.it, -len(dropped))
	}
	for _, j := range dropped {
		if j.Cancel != nil {
			j.Cancel()
		}
	}
	return dropped
}

// DefaultExecutor returns the loop's default thread pool, creating it.
func (l *Loop) DefaultExecutor() *ThreadPool {
	if p, ok := l.defaultExecutor.(*ThreadPool); ok {
		return p
	}
	p := NewThreadPool(l.it, 0, "asyncio")
	l.defaultExecutor = p
	return p
}

// ShutdownDefaultExecutor waits for the default executor's threads, as
// asyncio.run does before closing the loop.
func (l *Loop) ShutdownDefaultExecutor() {
	if p, ok := l.defaultExecutor.(*ThreadPool); ok {
		done := make(chan struct{})
		go func() { p.Shutdown(true); close(done) }()
		WaitDriving(l.t, done, -1)
		l.defaultExecutor = nil
	}
}

// RunInExecutor runs fn(args) on pool and returns an asyncio future on l
// that completes (on the loop thread) with its result.
func (l *Loop) RunInExecutor(pool *ThreadPool, fn vm.Value, args []vm.Value, kw []vm.KV) (*Future, error) {
	return l.RunInExecutorCtx(pool, fn, args, kw, nil)
}

// RunInExecutorCtx is RunInExecutor with the call run in contextvars
// context ctx (asyncio.to_thread passes a copy of its caller's).
func (l *Loop) RunInExecutorCtx(pool *ThreadPool, fn vm.Value, args []vm.Value, kw []vm.KV, ctx *vm.Context) (*Future, error) {
	fut := NewFuture(l)
	l.AddBusy(1)
	job := &Job{Fn: fn, Args: args, Kw: kw, Ctx: ctx,
		Done: func(v vm.Value, err error) {
			l.Post(func() {
				l.AddBusy(-1)
				if fut.Done() {
					return // cancelled meanwhile: the thread ran anyway, as in CPython
				}
				if err != nil {
					fut.SetException(vm.AsException(err))
				} else {
					fut.SetResult(v)
				}
			})
		}}
	if obs := l.Observer; obs != nil {
		fut.flags |= futFromExecutor
		obs.Event(Event{Kind: EvExecutorJob, Time: l.Time()})
		submitter := l.current
		job.OnThread = func(thread string, begin bool) {
			kind := EvThreadEnd
			if begin {
				kind = EvThreadBegin
			}
			obs.Event(Event{Kind: kind, Time: l.Time(), Task: submitter, Thread: thread, Fn: fn})
		}
	}
	if err := pool.Submit(job); err != nil {
		l.AddBusy(-1)
		return nil, err
	}
	l.pools[pool] = true
	return fut, nil
}

type poolCounterKey struct{}

// WorkerName is the name of an executor worker thread (ok=false for others).
func WorkerName(t *vm.Thread) (string, bool) { return t.Name, t.Name != "" }

// SetDefaultExecutor is loop.set_default_executor: run_in_executor(None, …)
// and to_thread use pool from now on.
func (l *Loop) SetDefaultExecutor(pool *ThreadPool) { l.defaultExecutor = pool }
