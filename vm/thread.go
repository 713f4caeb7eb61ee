package vm

// Thread is one thread of script execution: its frame chain and the value
// stack that ordinary (non-generator) frames borrow their registers from.
type Thread struct {
	interp *Interp
	frame  *Frame // the running frame (top of the chain)
	depth  int    // Python-level call depth, for RecursionError
	// loopIters recycles the iterators of for loops (loopiter.go).
	loopIters loopIterPool
	// kwScratch holds the keyword arguments of a call to a script function
	// (see OpCallKw).
	kwScratch []KV

	// The value stack is a list of chunks; a frame's registers never span
	// two chunks, so growing never moves live registers.
	chunks    [][]Value
	chunk     int   // index of the current chunk
	chunkTop  int   // next free index in the current chunk
	savedTops []int // chunkTop of each earlier chunk when we moved past it

	framePool []*Frame
	// genRegs keeps the registers of finished generators and coroutines
	// for reuse, by size class (genRegClass): a coroutine call that
	// finishes gives its storage to the next one.
	genRegs [genRegClasses][][]Value
	// genPool keeps finished coroutines of `await f(...)` for reuse.
	genPool []*Generator

	// goDepth counts nested Go→script calls (builtins calling back).
	goDepth int
	// pendingThrow is raised at the resumed frame when execute starts (generator throw()).
	pendingThrow error
	// guarded says an execute below on this goroutine recovers Go panics
	// (eval_guard.go), so built-ins run without a defer of their own;
	// pendingCrash is the SystemError such a panic became, raised when
	// dispatch re-enters; inBuiltin names the built-in running.
	guarded      bool
	pendingCrash error
	inBuiltin    string
	// handlersFound counts exception handlers entered: the guard's
	// measure that a re-raised crash made progress.
	handlersFound uint32
	// genDone reports, after execute returns for a modeGo resume, whether the generator finished.
	genDone bool
	// stopValue is the value of the StopIteration that ended the last Next.
	stopValue Value
	// reprStack guards repr of self-containing containers.
	reprStack []Object
	// ticks counts backward jumps toward the next interpreter-lock check.
	ticks int
	// steps is what is left of the batch of the interpreter's step budget
	// (Config.MaxSteps) this thread took; limited says a step budget or a
	// memory limit is set (tick must run).
	steps   int64
	limited bool
	// prof is told about frames entering and leaving (nil: no profiling).
	prof FrameProfiler
	// Name is the thread's name for threading.current_thread() ("" for the main thread).
	Name string
	// Ctx is the contextvars context this thread is running in (nil: empty).
	Ctx *Context
	// Local is free for higher layers (the runtime keeps its per-thread state here).
	Local any
}

// MaxDepth is the default recursion limit, as CPython's sys.getrecursionlimit().
const MaxDepth = 1000

// depthLimit is the interpreter's recursion limit.
func (t *Thread) depthLimit() int {
	if t.interp == nil {
		return MaxDepth
	}
	return t.interp.RecursionLimit()
}

// Depth is the number of Python frames (and nested Go-side recursion
// levels) the thread is running, as CPython counts its recursion depth.
func (t *Thread) Depth() int { return t.depth }

// The value stack's chunks grow from firstChunk registers to chunkSize: a
// thread starts with none (chunk 0 is empty), so an interpreter or thread
// that runs little costs little.
const (
	chunkSize  = 16 * 1024
	firstChunk = 64
)

func newThread(it *Interp) *Thread {
	return &Thread{interp: it, chunks: [][]Value{nil}, limited: it.cfg.MaxSteps > 0 || it.cfg.MaxMemory > 0, prof: it.profiler}
}

// stepBatch is how many steps a thread takes from the interpreter's budget
// at a time: the budget is shared by all threads (a script cannot multiply
// it by starting threads), and batches keep the shared counter off the
// per-step path. A run may overshoot by a batch per thread at most.
const stepBatch = 256

// tick spends one step of the interpreter's budget and checks the memory
// limit now and then.
func (t *Thread) tick() error {
	if t.interp.cfg.MaxMemory > 0 {
		if err := t.memTick(); err != nil {
			return err
		}
	}
	if t.interp.cfg.MaxSteps <= 0 {
		return nil
	}
	t.steps--
	if t.steps >= 0 {
		return nil
	}
	left := t.interp.budget.Add(-stepBatch) + stepBatch
	if left <= 0 {
		t.steps = 0
		t.interp.Abort("instruction limit exceeded")
		return t.interp.abortError()
	}
	t.steps = min(left, stepBatch) - 1
	return nil
}

// NewThread makes another thread of the same interpreter (for executor threads).
func (it *Interp) NewThread() *Thread { return newThread(it) }

// Interp returns the thread's interpreter.
func (t *Thread) Interp() *Interp { return t.interp }

// Frame returns the running frame (nil when idle).
func (t *Thread) Frame() *Frame { return t.frame }

// allocRegs takes n registers from the value stack.
func (t *Thread) allocRegs(n int) []Value {
	c := t.chunks[t.chunk]
	if t.chunkTop+n > len(c) {
		c = t.nextChunk(n)
	}
	r := c[t.chunkTop : t.chunkTop+n : t.chunkTop+n]
	t.chunkTop += n
	return r
}

// nextChunk moves the value stack to the next chunk (allocating one big
// enough if needed) when the current one cannot hold n more registers.
func (t *Thread) nextChunk(n int) []Value {
	t.savedTops = append(t.savedTops, t.chunkTop)
	t.chunk++
	if t.chunk == len(t.chunks) {
		size := min(firstChunk<<(3*(t.chunk-1)), chunkSize)
		t.chunks = append(t.chunks, make([]Value, max(size, n)))
	} else if len(t.chunks[t.chunk]) < n {
		t.chunks[t.chunk] = make([]Value, n)
	}
	t.chunkTop = 0
	return t.chunks[t.chunk]
}

// clearRegs empties r. A frame's registers are few: a plain loop is
// cheaper than clear's calls into the runtime (memclrHasPointers and its
// write-barrier check) for the handful that every call clears.
func clearRegs(r []Value) {
	if len(r) > 16 {
		clear(r)
		return
	}
	for i := 0; i < len(r); i++ {
		r[i] = Value{}
	}
}

// copyRegs copies src into dst (len(dst) >= len(src)), as copy does but
// without the runtime call for the few arguments of a call.
func copyRegs(dst, src []Value) {
	if len(src) > 16 {
		copy(dst, src)
		return
	}
	dst = dst[:len(src)]
	for i := 0; i < len(src); i++ {
		dst[i] = src[i]
	}
}

// freeRegs returns the most recently allocated registers (LIFO order).
func (t *Thread) freeRegs(r []Value) {
	clearRegs(r)
	n := len(r)
	if n == 0 {
		return
	}
	if t.chunkTop == 0 && t.chunk > 0 {
		t.chunk--
		t.chunkTop = t.savedTops[len(t.savedTops)-1]
		t.savedTops = t.savedTops[:len(t.savedTops)-1]
	}
	t.chunkTop -= n
}

// newFrame gets a frame from the pool.
func (t *Thread) newFrame() *Frame {
	if n := len(t.framePool); n > 0 {
		f := t.framePool[n-1]
		// Clear the slot: a frame that becomes a generator's would otherwise
		// stay reachable from the pool's array (with its locals) after the
		// generator is dropped.
		t.framePool[n-1] = nil
		t.framePool = t.framePool[:n-1]
		return f
	}
	return &Frame{}
}

// releaseFrame returns an ordinary frame and its registers.
func (t *Thread) releaseFrame(f *Frame) {
	if !f.stackOwned {
		t.freeRegs(f.regs)
	}
	if f.gen() != nil || f.exposed {
		return // generator frames belong to their generator; exposed ones to their frame object
	}
	// Reset only what setupFrame does not overwrite (zeroing the whole
	// frame costs more than the call itself).
	f.regs = nil
	f.back = nil
	f.aux = nil
	f.auxKind = auxNone
	f.goBoundary = false
	f.stackOwned = false
	f.pc = 0
	f.resetBlocks()
	if len(t.framePool) < 256 {
		t.framePool = append(t.framePool, f)
	}
}

// Blocking runs fn, which may block (sleep, I/O, waiting on another
// thread), with the interpreter lock released so other threads can run.
func (t *Thread) Blocking(fn func()) {
	t.interp.gilRelease()
	defer t.interp.gilAcquire()
	fn()
}

// Register storage owned by generator frames is pooled by size class: the
// exact size up to 32 registers (a suspended coroutine keeps its registers,
// so rounding up would cost memory per task), then powers of two up to 256.
const (
	genRegExact   = 32
	genRegClasses = genRegExact + 4 // 64, 128, 256 and one spare
	genRegPoolMax = 64
)

// genRegClass returns the pool index and capacity for n registers
// (class >= genRegClasses: not pooled).
func genRegClass(n int) (class, size int) {
	if n <= genRegExact {
		return n, n
	}
	c, size := genRegExact+1, 64
	for size < n {
		c++
		size <<= 1
	}
	return c, size
}

// ownedRegs returns n zeroed registers for a generator's frame.
func (t *Thread) ownedRegs(n int) []Value {
	c, size := genRegClass(n)
	if c >= genRegClasses {
		return make([]Value, n)
	}
	if pool := t.genRegs[c]; len(pool) > 0 {
		r := pool[len(pool)-1]
		pool[len(pool)-1] = nil
		t.genRegs[c] = pool[:len(pool)-1]
		return r[:n]
	}
	return make([]Value, n, size)
}

// recycleGenFrame gives the frame of a generator that just finished, and its
// registers, back for reuse. A finished generator never runs again and
// nothing else holds its frame (tracebacks record code and lines, not
// frames), unless a frame object exposed it.
func (t *Thread) recycleGenFrame(g *Generator) {
	f := g.frame
	if f == nil || f.exposed || t.frame == f {
		return
	}
	g.frame = nil
	g.innermost = nil
	r := f.regs
	clear(r)
	if c, size := genRegClass(cap(r)); c < genRegClasses && cap(r) == size && len(t.genRegs[c]) < genRegPoolMax {
		t.genRegs[c] = append(t.genRegs[c], r[:cap(r)])
	}
	f.setGen(nil)
	f.stackOwned = false
	f.regs = nil
	t.releaseFrame(f)
}
