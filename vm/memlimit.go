package vm

import (
	"runtime/metrics"
	"unsafe"
)

// Memory limit (Config.MaxMemory).
//
// Go cannot say how much of its heap one interpreter holds, so the limit
// is checked against an estimate: the size of the objects the interpreter
// can reach — its modules' globals and the frames of the running threads,
// followed through containers, instances, classes, functions, closures and
// suspended generators — reckoned from each object's length and capacity
// (memSize). Objects the VM cannot see into (a Go module's own state, the
// event loop's tasks) count a fixed small size.
//
// Walking the reachable objects costs time in proportion to them, so it is
// done only when the interpreter may have gone over: the estimate of the
// last walk, plus what was allocated since, is compared with the limit.
// "Allocated since" is what chargeMemory was told is about to be allocated
// (big strings, bytes and containers) plus what the Go heap as a whole
// allocated since, read every memTickInterval loop iterations or calls
// (other interpreters' allocations make walks more frequent, never a
// MemoryError). A walk happens at most once per MaxMemory/4 bytes
// allocated, so a script can be about a quarter over before MemoryError.

// memLimit is the per-interpreter state of the limit (guarded by the
// interpreter lock).
type memLimit struct {
	live    int64  // reachable bytes at the last walk
	charged int64  // charged by chargeMemory since
	mark    uint64 // the Go heap's allocation counter then
	ticks   int
}

const memTickInterval = 128

// chargeMemory is called before allocating about n bytes for the running
// script: it returns MemoryError when that would take the interpreter
// over its MaxMemory.
func (it *Interp) chargeMemory(n int) error {
	limit := it.cfg.MaxMemory
	if limit <= 0 || n <= 0 {
		return nil
	}
	ml := &it.mem
	if ml.live+ml.charged+int64(n) <= limit {
		ml.charged += int64(n)
		return nil
	}
	if int64(n) > limit || !it.memWalk(nil, int64(n)) {
		return Errorf(MemoryError, "")
	}
	ml.charged += int64(n)
	return nil
}

// ChargeMemory is chargeMemory for Go modules outside vm.
func (it *Interp) ChargeMemory(n int) error { return it.chargeMemory(n) }

// memTick is the periodic check, from the step counting of loops and calls.
func (t *Thread) memTick() error {
	it := t.interp
	ml := &it.mem
	ml.ticks++
	if ml.ticks < memTickInterval {
		return nil
	}
	ml.ticks = 0
	limit := it.cfg.MaxMemory
	since := heapAllocs() - ml.mark
	if ml.live+ml.charged+int64(since) <= limit || int64(since)+ml.charged < limit/4 {
		return nil
	}
	if !it.memWalk(t, 0) {
		return Errorf(MemoryError, "")
	}
	return nil
}

// memWalk measures what the interpreter reaches and reports whether that,
// plus extra bytes about to be allocated, stays within the limit.
func (it *Interp) memWalk(t *Thread, extra int64) bool {
	ml := &it.mem
	ml.live = it.reachableBytes(t)
	ml.charged = 0
	ml.mark = heapAllocs()
	return ml.live+extra <= it.cfg.MaxMemory
}

var allocSample = []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}

// heapAllocs is the Go heap's cumulative allocation count.
func heapAllocs() uint64 {
	s := []metrics.Sample{allocSample[0]}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// reachableBytes estimates the bytes of the objects the interpreter reaches.
func (it *Interp) reachableBytes(t *Thread) int64 {
	w := memWalker{seen: map[Object]struct{}{}}
	for _, m := range it.modules {
		w.obj(m)
	}
	for _, th := range []*Thread{it.main, t} {
		if th == nil {
			continue
		}
		for f := th.frame; f != nil; f = f.back {
			w.frame(f)
		}
	}
	w.drain()
	return w.total
}

type memWalker struct {
	seen  map[Object]struct{}
	stack []Object
	total int64
}

const valueSize = int64(unsafe.Sizeof(Value{}))

func (w *memWalker) val(v Value) {
	if v.isObj() {
		w.obj(v.o)
	}
}

func (w *memWalker) vals(vs []Value) {
	for _, v := range vs {
		w.val(v)
	}
}

func (w *memWalker) obj(o Object) {
	if c, ok := o.(*Class); ok && c.Builtin {
		return // shared by every interpreter
	}
	if _, ok := w.seen[o]; ok {
		return
	}
	w.seen[o] = struct{}{}
	w.stack = append(w.stack, o)
}

func (w *memWalker) frame(f *Frame) {
	w.total += 128 + int64(len(f.regs))*valueSize
	w.vals(f.regs)
	if ns := f.classNS(); ns != nil {
		w.obj(ns.dict)
		w.val(ns.obj)
	}
}

func (w *memWalker) drain() {
	for len(w.stack) > 0 {
		o := w.stack[len(w.stack)-1]
		w.stack = w.stack[:len(w.stack)-1]
		w.total += memSize(o)
		switch o := o.(type) {
		case *List:
			w.vals(o.items)
		case *Tuple:
			w.vals(o.items)
		case *Dict:
			o.Items(func(k, v Value) bool {
				w.val(k)
				w.val(v)
				return true
			})
		case *Set:
			for _, e := range o.ents {
				w.val(e.key)
			}
		case *FrozenSet:
			w.obj(o.s)
		case *Instance:
			w.vals(o.attrs.vals)
			w.vals(o.attrs.slotVals())
			if d := o.attrs.dictStore(); d != nil {
				w.obj(d)
			}
			w.val(o.Payload())
		case *Class:
			for _, v := range o.Dict {
				w.val(v)
			}
		case *Module:
			if !o.shared {
				w.vals(o.vals)
			}
		case *Function:
			w.vals(o.defaults)
			for _, v := range o.kwdefaults {
				w.val(v)
			}
			w.vals(o.closure)
			if o.attrs != nil {
				w.obj(o.attrs)
			}
		case *BoundMethod:
			w.val(o.Self)
			w.val(o.Fn)
		case *Cell:
			w.val(o.v)
		case *Generator:
			if o.frame != nil {
				w.frame(o.frame)
			}
		}
	}
}

// memSize is the estimated size of one object, without what it refers to.
func memSize(o Object) int64 {
	switch o := o.(type) {
	case *StrObj:
		return 48 + int64(len(o.s))
	case *Bytes:
		return 24 + int64(len(o.b))
	case *ByteArray:
		return 24 + int64(cap(o.b))
	case *List:
		return 24 + int64(cap(o.items))*valueSize
	case *Tuple:
		return 24 + int64(len(o.items))*valueSize
	case *Dict:
		return o.storageBytes()
	case *Set:
		return o.storageBytes()
	case *BigIntObj:
		return 32 + int64(len(o.v.Bits()))*8
	case *Instance:
		return 72 + int64(cap(o.attrs.vals)+cap(o.attrs.slotVals()))*valueSize
	case *Module:
		return 152 + int64(cap(o.vals))*valueSize
	case *Class:
		return 256 + int64(len(o.Dict))*64
	case *Function:
		return 176 + int64(len(o.defaults))*valueSize
	case *Generator:
		return 160
	}
	return 32
}
