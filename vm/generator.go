package vm

import "fmt"

// Generator is a generator, coroutine or async generator object. It owns its
// frame; suspending returns the frame chain to whoever resumed it.
type Generator struct {
	frame *Frame // nil once finished (the frame is recycled)
	// names holds the code and __name__/__qualname__: the code's own
	// record, shared by all its generators, unless the function was
	// renamed (its generators keep the names it had).
	names *genNames

	// root is the generator at the bottom of a delegation chain this one is
	// part of (itself when resumed directly). When any frame of the chain
	// yields, control returns to root's resumer, and root remembers the
	// innermost frame so that resuming the chain is O(1).
	root      *Generator
	innermost *Frame
	// delegate is the generator this one awaits / yields from.
	delegate *Generator
	// delegator is the generator delegating to this one (nil for a root).
	delegator *Generator

	// origin is where the coroutine was created (or, for CPython's
	// warning, where it was released); set by the embedder's OnCoroutine
	// hook (SetOrigin), which shares one Origin among the coroutines made
	// at one line.
	origin *Origin

	// The small fields share one word (a suspended task keeps its
	// coroutine: 64 bytes, a size class of Go's allocator; a field more
	// costs 16 bytes per task).
	kind CodeFlags // FlagGenerator, FlagCoroutine or FlagAsyncGen

	// How the current resumer wants the outcome (see resumeMode).
	mode resumeMode

	started  bool
	running  bool
	finished bool
	// awaited is set once a coroutine has been awaited or wrapped (for the
	// never-awaited warning).
	awaited bool

	flags genFlags
}

// genFlags are a generator's rarer flags, in one byte.
type genFlags uint8

const (
	// genPooled marks a coroutine made for `await f(...)`
	// (awaitedCoroutine): only its awaiter knows it, so once it has
	// returned there it is reused.
	genPooled genFlags = 1 << iota
	// genIterableCoroutine: made by a types.coroutine generator function;
	// await accepts it, and it may yield from a coroutine.
	genIterableCoroutine
	// genClosing: a GeneratorExit (close() or throw) was thrown into the
	// chain this generator is part of. If the generator it delegates to
	// swallows it and returns, this one still gets GeneratorExit (PEP 380).
	genClosing
)

func (g *Generator) has(f genFlags) bool { return g.flags&f != 0 }

func (g *Generator) set(f genFlags, on bool) {
	if on {
		g.flags |= f
	} else {
		g.flags &^= f
	}
}

// resumeMode tells the dispatch loop what to do when a resumed generator
// yields, returns or raises.
type resumeMode uint8

const (
	modeGo       resumeMode = iota // resumed from Go (Thread.Resume): return to Go
	modeForIter                    // FOR_ITER: yield pushes the value; return jumps to forExit
	modeNext                       // next()/send() from script: yield pushes the value; return raises StopIteration
	modeDelegate                   // yield from / await: return pushes the result into the delegator
)

func (g *Generator) Class() *Class {
	switch g.kind {
	case FlagCoroutine:
		return CoroutineType
	case FlagAsyncGen:
		return AsyncGeneratorType
	}
	return GeneratorType
}

// Name returns __name__.
func (g *Generator) Name() string {
	if n := g.names; n.renamed {
		return n.name
	}
	return g.names.code.Name
}

// QualName returns __qualname__.
func (g *Generator) QualName() string {
	if n := g.names; n.renamed {
		return n.qualname
	}
	return g.names.code.QualName
}

// genNames is a generator's code and names. Each Code has one (made with
// it), which its generators share; a renamed function's generators get
// their own, so that a Generator spends one word on both.
type genNames struct {
	code           *Code
	name, qualname string
	renamed        bool // name and qualname are set (else the code's)
}

// namesFor returns the genNames for a generator of fn.
func namesFor(fn *Function) *genNames {
	c := fn.code
	if fn.name == c.Name && fn.qualname == c.QualName && c.genNames != nil {
		return c.genNames
	}
	return &genNames{code: c, name: fn.name, qualname: fn.qualname, renamed: true}
}

// IsCoroutine reports whether g is a coroutine object.
func (g *Generator) IsCoroutine() bool { return g.kind == FlagCoroutine }

// Finished reports whether g has returned or raised.
func (g *Generator) Finished() bool { return g.finished }

// Started reports whether g ever ran.
func (g *Generator) Started() bool { return g.started }

// MarkAwaited records that the coroutine was handed to something that will
// run it (await, a task), so no never-awaited warning is due.
func (g *Generator) MarkAwaited() { g.awaited = true }

// Awaited reports whether MarkAwaited was called or the coroutine started.
func (g *Generator) Awaited() bool { return g.awaited || g.started }

// Origin returns where the coroutine was created (nil when not recorded).
func (g *Generator) Origin() *Origin { return g.origin }

// SetOrigin records where the coroutine was created (or released).
func (g *Generator) SetOrigin(o *Origin) { g.origin = o }

// Origin is a source location a coroutine was created or released at, for
// the never-awaited warning. It is shared, not copied, so that a coroutine
// spends one pointer on it.
type Origin struct {
	File string
	Line int
}

// Frame returns the generator's own frame (nil once it finished).
func (g *Generator) Frame() *Frame { return g.frame }

// Code returns the generator's code.
func (g *Generator) Code() *Code { return g.names.code }

// InnermostFrame returns the frame where a suspended chain waits (for tracing).
func (g *Generator) InnermostFrame() *Frame {
	if g.innermost != nil {
		return g.innermost
	}
	return g.frame
}

func (g *Generator) repr() string {
	kind := "generator"
	switch g.kind {
	case FlagCoroutine:
		kind = "coroutine"
	case FlagAsyncGen:
		kind = "async_generator"
	}
	return fmt.Sprintf("<%s object %s at %p>", kind, g.QualName(), g)
}

// newGenerator wraps a ready frame.
func newGenerator(kind CodeFlags, f *Frame, fn *Function) *Generator {
	g := &Generator{kind: kind, frame: f, names: namesFor(fn)}
	f.setGen(g)
	return g
}

// Awaiting returns what a suspended frame waits on at an await or yield
// from: the coroutine it delegates to, or the Go awaitable (a future, a
// native coroutine) kept on its stack; Undef when it waits on nothing (a
// bare yield) or runs. Tools that show where tasks wait (timelines, call
// graphs) read it; it never changes the frame.
func (f *Frame) Awaiting() Value {
	if f.gen() != nil && f.gen().delegate != nil {
		return Obj(f.gen().delegate)
	}
	if f.pc >= 0 && f.pc < len(f.code.Ops) && Opcode(f.code.Ops[f.pc]&0xff) == OpYieldFrom && f.sp > 0 && int(f.sp) <= len(f.regs) {
		if v := f.regs[f.sp-1]; v.isObj() {
			return v
		}
	}
	return Undef
}

// Generator returns the generator or coroutine owning the frame (nil for a plain call).
func (f *Frame) Generator() *Generator { return f.gen() }

// Delegate returns the generator g awaits / yields from (nil when none).
func (g *Generator) Delegate() *Generator { return g.delegate }

// FirstLocal returns the frame's first local variable (a method's self),
// Undef when it has none or it is unbound.
func (f *Frame) FirstLocal() Value {
	if len(f.code.LocalNames) == 0 || len(f.regs) == 0 {
		return Undef
	}
	v := f.regs[0]
	if c, ok := v.o.(*Cell); ok {
		v = c.v
	}
	return v
}
