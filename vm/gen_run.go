package vm

import "errors"

// errExhausted is returned by pushResume when the generator is already finished
// and the resumer only wants to know that (FOR_ITER).
var errExhausted = errors.New("generator exhausted")

// returnValue carries the immediate result of a delegation that finished
// without suspending (the sub-generator was already done).
type returnValue struct{ v Value }

func (*returnValue) Error() string { return "return value" }

// Script calls of next(g) and g.send(v) on a generator resume it inside the
// dispatch loop (modeNext), like FOR_ITER does, instead of through the
// builtin and a nested dispatch loop: a send() cost twice a yield. These are
// the two builtins (set when they are made).
var builtinNext, genSendMethod *Builtin

// inlineResume returns the generator that calling b with args resumes and
// the value sent into it, or nil when the call is not one of those.
func inlineResume(b *Builtin, args []Value) (*Generator, Value) {
	var gv, sent Value
	switch {
	case b == builtinNext && len(args) == 1:
		gv, sent = args[0], None
	case b == genSendMethod && len(args) == 2:
		gv, sent = args[0], args[1]
	default:
		return nil, Undef
	}
	if g, ok := gv.o.(*Generator); ok && g.kind == FlagGenerator {
		return g, sent
	}
	return nil, Undef
}

// pushResume makes g's suspended chain the running frames, resumed by the
// current frame (or by Go, for modeGo). sent is pushed as the result of the
// pending yield; throw, if set, is raised at the suspension point instead.
func (t *Thread) pushResume(g *Generator, mode resumeMode, sent Value, throw error) error {
	if throw == nil && g.started && !g.finished && !g.running && g.delegator == nil && g.delegate == nil && t.prof == nil && t.depth < t.depthLimit() {
		// The common case, once per item of a for loop over a generator:
		// a started generator suspended on its own.
		inner := g.frame
		if g.innermost != nil {
			inner = g.innermost
			g.innermost = nil
		}
		g.set(genClosing, false)
		g.root = g
		g.mode = mode
		g.running = true
		g.frame.back = t.frame
		t.depth++
		t.frame = inner
		inner.regs[inner.sp] = sent
		inner.sp++
		return nil
	}
	return t.pushResumeSlow(g, mode, sent, throw)
}

// pushResumeSlow is pushResume for every case: the first resume, a thrown
// exception, a delegation chain, the errors.
func (t *Thread) pushResumeSlow(g *Generator, mode resumeMode, sent Value, throw error) error {
	if g.finished {
		if mode == modeForIter {
			return errExhausted
		}
		if throw != nil {
			return throw
		}
		if g.kind == FlagCoroutine {
			return Errorf(RuntimeError, "cannot reuse already awaited coroutine")
		}
		return NewInstance(StopIteration)
	}
	if g.running || g.delegator != nil {
		what := "generator"
		if g.kind == FlagCoroutine {
			what = "coroutine"
			if g.delegator != nil {
				return Errorf(RuntimeError, "coroutine is being awaited already")
			}
		}
		return Errorf(ValueError, "%s already executing", what)
	}
	if !g.started && throw == nil && !sent.IsNone() && !sent.IsUndef() {
		what := "generator"
		if g.kind == FlagCoroutine {
			what = "coroutine"
		}
		return Errorf(TypeError, "can't send non-None value to a just-started %s", what)
	}
	if t.depth >= t.depthLimit() {
		return t.recursionError()
	}
	closing := false
	if inst, ok := throw.(*Instance); ok && inst.exc() != nil && inst.cls.IsSubclass(GeneratorExit) {
		closing = true
	}
	for c := g; c != nil; c = c.delegate {
		c.set(genClosing, closing)
	}
	g.root = g
	g.mode = mode
	g.running = true
	g.frame.back = t.frame
	inner := g.frame
	if g.innermost != nil {
		inner = g.innermost
		g.innermost = nil
	}
	t.depth += g.chainLen()
	t.frame = inner
	if t.prof != nil {
		t.profEnterChain(g)
	}
	if !g.started {
		g.started = true
		g.awaited = true
		if throw != nil {
			t.pendingThrow = throw
		}
		return nil
	}
	if throw != nil {
		t.pendingThrow = throw
		return nil
	}
	inner.regs[inner.sp] = sent
	inner.sp++
	return nil
}

// chainLen counts the frames of a delegation chain rooted at g.
func (g *Generator) chainLen() int {
	n := 1
	for d := g.delegate; d != nil; d = d.delegate {
		n++
	}
	return n
}

// pushDelegate starts `yield from g` / `await g` inside frame f: g's frame
// joins f's chain and runs next in the same loop.
func (t *Thread) pushDelegate(f *Frame, g *Generator, sent Value) error {
	if g.finished {
		if g.kind == FlagCoroutine {
			return Errorf(RuntimeError, "cannot reuse already awaited coroutine")
		}
		return &returnValue{v: None}
	}
	if g.running || g.delegator != nil {
		if g.kind == FlagCoroutine {
			return Errorf(RuntimeError, "coroutine is being awaited already")
		}
		return Errorf(ValueError, "generator already executing")
	}
	if t.depth >= t.depthLimit() {
		return t.recursionError()
	}
	owner := f.gen()
	g.delegator = owner
	owner.delegate = g
	g.root = owner.root
	g.mode = modeDelegate
	g.running = true
	g.frame.back = f
	t.depth++
	if t.prof != nil {
		t.profEnterChain(g)
	}
	inner := g.frame
	if g.innermost != nil {
		// g was suspended on its own (e.g. an async generator driven by hand).
		inner = g.innermost
		g.innermost = nil
		t.frame = inner
		inner.regs[inner.sp] = sent
		inner.sp++
		return nil
	}
	t.frame = inner
	if !g.started {
		g.started = true
		g.awaited = true
		return nil
	}
	inner.regs[inner.sp] = sent
	inner.sp++
	return nil
}

// genYield suspends the chain containing f (whose generator yields v) and
// hands v to the chain root's resumer. It reports true when the resumer is
// Go, i.e. the dispatch loop must return.
func (t *Thread) genYield(f *Frame, v Value) bool {
	if g := f.gen(); g.delegator == nil && g.frame == f && t.prof == nil {
		// The common case: a generator resumed on its own yields from its
		// own frame. It is its chain's root, the chain is one frame long,
		// and resuming it starts at its frame (innermost stays nil).
		resumer := f.back
		f.back = nil
		g.running = false
		t.depth--
		t.frame = resumer
		if g.mode == modeGo {
			t.genDone = false
			return true
		}
		if g.mode == modeForIter && resumer.pc < len(resumer.code.Ops) && Opcode(resumer.code.Ops[resumer.pc]&0xff) == OpStoreFast {
			ins := resumer.code.Ops[resumer.pc]
			// `for x in gen:` — the item goes straight into the loop
			// variable, as the fast loop's FOR_ITER does for sequences.
			resumer.regs[ins>>8] = v
			resumer.pc++
			return false
		}
		resumer.regs[resumer.sp] = v
		resumer.sp++
		return false
	}
	root := f.gen().root
	root.innermost = f
	resumer := root.frame.back
	root.frame.back = nil
	root.running = false
	t.depth -= root.chainLen()
	t.frame = resumer
	if t.prof != nil {
		t.prof.Exit(t, root.frame)
	}
	if root.mode == modeGo {
		t.genDone = false
		return true
	}
	// A script resumer (FOR_ITER, next(), send()) receives the value on its stack.
	resumer.regs[resumer.sp] = v
	resumer.sp++
	return false
}

// genReturn finishes generator frame f with result v. done reports that the
// loop must return (r, nil) to Go.
func (t *Thread) genReturn(f *Frame, v Value) (done bool, r Value, err error) {
	g := f.gen()
	g.finished = true
	g.running = false
	back := f.back
	f.back = nil
	t.depth--
	t.frame = back
	if t.prof != nil {
		t.prof.Exit(t, f)
	}
	t.recycleGenFrame(g)
	switch g.mode {
	case modeGo:
		g.root = nil
		t.genDone = true
		return true, v, nil
	case modeForIter:
		// The caller's FOR_ITER loop ends: drop the iterator and jump out.
		back.sp--
		back.regs[back.sp] = Undef
		back.pc = forIterExit(back)
	case modeNext:
		if g.kind == FlagAsyncGen {
			return false, Undef, NewInstance(StopAsyncIteration)
		}
		return false, Undef, stopIteration(v)
	case modeDelegate:
		d := g.delegator
		d.delegate = nil
		g.delegator = nil
		g.root = nil
		if d.has(genClosing) {
			// The delegate swallowed the GeneratorExit of a close(): its
			// delegator is closed all the same.
			return false, Undef, NewInstance(GeneratorExit)
		}
		back.regs[back.sp] = v
		back.sp++
		if g.has(genPooled) && g.frame == nil && len(t.genPool) < 256 {
			*g = Generator{}
			t.genPool = append(t.genPool, g)
		}
	}
	return false, Undef, nil
}

// forIterExit is the loop-exit pc of the FOR_ITER that resumed a generator
// in modeForIter: the instruction before the caller's saved pc (the
// generator need not keep it).
func forIterExit(f *Frame) int {
	ins := f.code.Ops[f.pc-1]
	if Opcode(ins&0xff) != OpForIter {
		panic("vm: a for loop's generator returned to a frame not at its FOR_ITER")
	}
	return int(ins >> 8)
}

// stopIteration makes StopIteration(v) (no args when v is None).
func stopIteration(v Value) *Instance {
	e := NewInstance(StopIteration)
	if !v.IsNone() {
		e.exc().args = NewTuple([]Value{v})
	}
	return e
}

// genRaise handles an exception leaving generator frame f. It reports toGo
// when the loop must return err to Go; otherwise t.frame is the frame where
// the exception continues.
func (t *Thread) genRaise(f *Frame, exc *Instance) (toGo bool, err error) {
	g := f.gen()
	g.finished = true
	g.running = false
	back := f.back
	f.back = nil
	t.depth--
	t.frame = back
	if t.prof != nil {
		t.prof.Exit(t, f)
	}
	t.recycleGenFrame(g)
	// A StopIteration escaping a generator body becomes RuntimeError (PEP 479).
	if exc.cls.IsSubclass(StopIteration) {
		what := "generator"
		switch g.kind {
		case FlagCoroutine:
			what = "coroutine"
		case FlagAsyncGen:
			what = "async generator"
		}
		r := NewError(RuntimeError, what+" raised StopIteration")
		r.exc().cause = Obj(exc)
		r.exc().context = Obj(exc)
		r.exc().suppressContext = true
		exc = r
	} else if g.kind == FlagAsyncGen && exc.cls.IsSubclass(StopAsyncIteration) && g.mode != modeGo {
		r := NewError(RuntimeError, "async generator raised StopAsyncIteration")
		r.exc().cause = Obj(exc)
		r.exc().context = Obj(exc)
		r.exc().suppressContext = true
		exc = r
	}
	if g.mode == modeDelegate {
		d := g.delegator
		d.delegate = nil
		g.delegator = nil
	}
	g.root = nil
	if g.mode == modeGo || back == nil {
		return true, exc
	}
	return false, exc
}

// Resume runs a generator or coroutine from Go until it yields (done=false,
// v is the yielded value) or finishes (done=true, v is its return value).
// throw, if set, is raised inside it at its suspension point.
func (t *Thread) Resume(g *Generator, sent Value, throw error) (v Value, done bool, err error) {
	if err := t.pushResume(g, modeGo, sent, throw); err != nil {
		if IsInstanceOf(err, StopIteration) && g.finished && g.kind != FlagCoroutine {
			return None, true, nil
		}
		return Undef, false, err
	}
	saved := t.frame
	_ = saved
	r, err := t.execute()
	if err != nil {
		return Undef, false, err
	}
	return r, t.genDone, nil
}

// sendTo advances a non-generator iterator used by yield from / await:
// done reports that it finished with result v.
func (t *Thread) sendTo(sub Value, sent Value) (v Value, done bool, err error) {
	if sent.IsNone() && !t.limited && !t.interp.interrupted.Load() {
		// `yield from` a tuple or list, item by item, before the interface
		// tests below (as Next's own fast path, when Poll has nothing to do).
		switch o := sub.o.(type) {
		case *seqIter:
			if o.i < len(o.items) {
				o.i++
				return o.items[o.i-1], false, nil
			}
		case *listIter:
			if o.i < len(o.l.items) {
				o.i++
				return o.l.items[o.i-1], false, nil
			}
		}
	}
	if sub.isObj() {
		if it, ok := sub.o.(GoAwaitIter); ok {
			return it.Send(t, sent)
		}
	}
	var r Value
	if sent.IsNone() {
		var ok bool
		r, ok, err = t.Next(sub)
		if err != nil {
			// A StopIteration escaping the iterator's own code (a function
			// map() called) ends the delegation with its value, as in CPython.
			if inst, isExc := err.(*Instance); isExc && inst.exc() != nil && inst.cls.IsSubclass(StopIteration) {
				if len(inst.exc().args.items) > 0 {
					return inst.exc().args.items[0], true, nil
				}
				return None, true, nil
			}
			return Undef, false, err
		}
		if !ok {
			return t.lastStopValue(), true, nil
		}
		return r, false, nil
	}
	r, err = t.CallMethod(sub, "send", sent)
	if err != nil {
		if inst, ok := err.(*Instance); ok && inst.cls.IsSubclass(StopIteration) {
			if len(inst.exc().args.items) > 0 {
				return inst.exc().args.items[0], true, nil
			}
			return None, true, nil
		}
		return Undef, false, err
	}
	return r, false, nil
}

// GoAwaitIter is an iterator implemented in Go that `await`/`yield from` can
// drive directly (futures implement it in the runtime).
type GoAwaitIter interface {
	Object
	// Send resumes the iterator: it yields v (done=false) or finishes with result v.
	Send(t *Thread, sent Value) (v Value, done bool, err error)
}

// NativeCoroutine is a Go awaitable that stands for a coroutine object —
// what CPython writes as `async def` in its library (asyncio.sleep,
// Queue.get) — so that it costs no frame. It is tracked like a script
// coroutine for the never-awaited warning; embed CoroutineMark for that.
type NativeCoroutine interface {
	GoAwaitIter
	QualName() string
	Awaited() bool
	MarkAwaited()
	Origin() *Origin
	SetOrigin(o *Origin)
}

// CoroutineMark carries a native coroutine's awaited flag and origin.
type CoroutineMark struct {
	origin  *Origin
	awaited bool
}

func (m *CoroutineMark) Awaited() bool       { return m.awaited }
func (m *CoroutineMark) MarkAwaited()        { m.awaited = true }
func (m *CoroutineMark) Origin() *Origin     { return m.origin }
func (m *CoroutineMark) SetOrigin(o *Origin) { m.origin = o }

// NewNativeCoroutine registers a freshly made native coroutine with the
// embedder's tracking hook and returns it as a value.
func (t *Thread) NewNativeCoroutine(c NativeCoroutine) Value {
	if h := t.interp.Hooks.OnNativeCoroutine; h != nil {
		h(t, c)
	}
	return Obj(c)
}

// GoAwaitAborter is a GoAwaitIter told when an exception (a task's
// cancellation, gen.throw) is thrown into the frame awaiting it; the
// exception then propagates from the await as usual.
type GoAwaitAborter interface {
	GoAwaitIter
	Abort(t *Thread)
}

// lastStopValue returns the value carried by the StopIteration that ended the
// last Next call (None when there was none).
func (t *Thread) lastStopValue() Value {
	v := t.stopValue
	t.stopValue = None
	if v.IsUndef() {
		return None
	}
	return v
}

// holdCoroutines records unawaited coroutine arguments of a failed call on
// its exception (see ExcState.held).
func (t *Thread) holdCoroutines(err error, args []Value) {
	inst, ok := err.(*Instance)
	if !ok || inst.exc() == nil || t.interp.Hooks.OnCoroutineReleased == nil {
		return
	}
	for _, a := range args {
		if g, ok := a.o.(*Generator); ok && g.kind == FlagCoroutine && !g.Awaited() {
			inst.exc().held = append(inst.exc().held, g)
		}
	}
}

// releaseHeld reports the held coroutines as released at the current line.
func (t *Thread) releaseHeld(inst *Instance) {
	for _, g := range inst.exc().held {
		t.interp.Hooks.OnCoroutineReleased(t, g)
	}
	inst.exc().held = nil
}

// Outcomes of throwing into a plain iterator that a generator delegates to.
const (
	throwRaised   = iota // err is what the delegating frame raises
	throwYielded         // the iterator's throw() returned a value to yield
	throwReturned        // its throw() raised StopIteration: yield from's result
)

// throwIntoIterator passes an exception thrown into a generator on to the
// plain iterator it is delegating to: GeneratorExit calls its close() (if
// any) and is then raised in the delegator; anything else goes to its
// throw() if it has one, else is raised in the delegator.
func (t *Thread) throwIntoIterator(sub Value, thrown error) (Value, int, error) {
	exc := AsException(thrown)
	if exc.cls.IsSubclass(GeneratorExit) {
		if ok, _ := t.HasAttr(sub, "close"); ok {
			if _, err := t.CallMethod(sub, "close"); err != nil {
				return Undef, throwRaised, err
			}
		}
		return Undef, throwRaised, thrown
	}
	ok, _ := t.HasAttr(sub, "throw")
	if !ok {
		return Undef, throwRaised, thrown
	}
	r, err := t.CallMethod(sub, "throw", Obj(exc))
	if err != nil {
		if inst, isExc := err.(*Instance); isExc && inst.exc() != nil && inst.cls.IsSubclass(StopIteration) {
			if len(inst.exc().args.items) > 0 {
				return inst.exc().args.items[0], throwReturned, nil
			}
			return None, throwReturned, nil
		}
		return Undef, throwRaised, err
	}
	return r, throwYielded, nil
}
