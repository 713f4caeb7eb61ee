package vm

import (
	"runtime"
	"weak"
)

// Export tracking: CPython refuses to resize a bytearray (or an array)
// while a memoryview exports its memory ("Existing exports of data: object
// cannot be re-sized"), since the view would point at freed memory. A view
// stops being an export when it is released (release(), the end of its
// `with` block) or when it dies; CPython sees the death at once by
// reference counting. Go cannot, so a tracked exporter keeps weak pointers
// to its views, and a resize that meets an unreleased one runs a garbage
// collection to learn whether it is still reachable: a view that is
// reachable and unreleased refuses the resize, exactly as CPython's would,
// and one that was dropped does not. The collection happens only then (a
// temporary such as bytes(memoryview(b)[2:4]) followed by a resize costs
// one), not on the ordinary path.

// Exports lists the memoryviews over an exporter's memory. The zero value
// is ready; an exporter whose memory can change size embeds one and
// implements ResizableExporter.
type Exports struct {
	views   []weak.Pointer[MemoryView]
	pruneAt int // prune (without a collection) when views grows past this
}

// ResizableExporter is a BufferExporter whose memory can change size: its
// memoryviews register with its Exports, and it calls Exports.Resizable
// before a change of size.
type ResizableExporter interface {
	BufferExporter
	BufferExports() *Exports
}

// BufferExports returns the bytearray's views (allocated at the first).
func (b *ByteArray) BufferExports() *Exports {
	if b.exports == nil {
		b.exports = &Exports{}
	}
	return b.exports
}

// add registers a new view.
func (e *Exports) add(m *MemoryView) {
	if len(e.views) >= e.pruneAt {
		e.prune()
		e.pruneAt = max(16, 2*len(e.views))
	}
	e.views = append(e.views, weak.Make(m))
}

// prune drops the released and the collected views and says how many are
// left.
func (e *Exports) prune() int {
	keep := e.views[:0]
	for _, w := range e.views {
		if m := w.Value(); m != nil && !m.released {
			keep = append(keep, w)
		}
	}
	clear(e.views[len(keep):])
	e.views = keep
	return len(keep)
}

// Resizable reports whether no live, unreleased memoryview exports the
// memory (see above: it may run a garbage collection). t is the thread
// asking (nil: none).
func (e *Exports) Resizable(t *Thread) bool {
	if len(e.views) == 0 || e.prune() == 0 {
		return true
	}
	if t != nil {
		t.dropStaleBlocks()
	}
	runtime.GC()
	return e.prune() == 0
}

// dropStaleBlocks clears the popped blocks of the thread's frames: an
// except clause that has ended leaves its exception there (appends
// overwrite them, nothing reads them), which would keep whatever the
// exception refers to reachable, where CPython has freed it.
func (t *Thread) dropStaleBlocks() {
	for f := t.frame; f != nil; f = f.back {
		if bl := f.blockList(); cap(bl) > len(bl) {
			clear(bl[len(bl):cap(bl)])
		}
	}
}

// checkResize is bytearray's refusal to change size while exported.
func (b *ByteArray) checkResize(t *Thread) error {
	if b.exports == nil || b.exports.Resizable(t) {
		return nil
	}
	return Errorf(BufferError, "Existing exports of data: object cannot be re-sized")
}

// checkResizeTo is checkResize for a change to n bytes (no change of size
// is always allowed, as in CPython).
func (b *ByteArray) checkResizeTo(t *Thread, n int) error {
	if n == len(b.b) {
		return nil
	}
	return b.checkResize(t)
}
