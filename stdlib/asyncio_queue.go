package stdlib

import (
	"fmt"
	"strings"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// asyncio.Queue, PriorityQueue and LifoQueue in Go.
//
// CPython writes them in Python; here they are native because a queue sits on
// the hot path of producer/consumer programs: put() and get() return small Go
// awaitables that finish without suspending when the queue has room or items,
// so `await q.put(x)` costs no coroutine frame. The behaviour is CPython 3.11's
// (asyncio/queues.py): the same waiter lists, the same wake-up order, the same
// cleanup when a waiting task is cancelled. A script subclass that overrides
// _init/_put/_get gets those methods called, as in CPython.

var (
	queueType         = vm.NewNativeClass("Queue", "asyncio.queues", nil, queueCtor(queueFIFO))
	priorityQueueType = vm.NewNativeClass("PriorityQueue", "asyncio.queues", queueType, queueCtor(queuePriority))
	lifoQueueType     = vm.NewNativeClass("LifoQueue", "asyncio.queues", queueType, queueCtor(queueLIFO))
	queueEmptyType    = vm.NewExceptionClass("QueueEmpty", "asyncio.queues", vm.Exception)
	queueFullType     = vm.NewExceptionClass("QueueFull", "asyncio.queues", vm.Exception)
	queuePutType      = vm.NewNativeClass("_QueuePut", "asyncio.queues", nil, nil)
	queueGetType      = vm.NewNativeClass("_QueueGet", "asyncio.queues", nil, nil)
	queueJoinType     = vm.NewNativeClass("_QueueJoin", "asyncio.queues", nil, nil)
)

type queueKind uint8

const (
	queueFIFO queueKind = iota
	queueLIFO
	queuePriority
)

type asyncQueue struct {
	kind     queueKind
	maxsize  int
	maxsizeV vm.Value
	fifo     *deque   // queueFIFO storage
	list     *vm.List // queueLIFO / queuePriority storage

	getters, putters waiterFIFO
	joiners          []*runtime.Future
	unfinished       int

	// self is the script-visible object (an instance of a script subclass
	// carries this queue as its payload); the custom flags are set when
	// that subclass overrides _init (then its own _queue is the storage),
	// _put or _get.
	self                             vm.Value
	customInit, customPut, customGet bool
}

func (q *asyncQueue) Class() *vm.Class {
	switch q.kind {
	case queueLIFO:
		return lifoQueueType
	case queuePriority:
		return priorityQueueType
	}
	return queueType
}

// GetAttr exposes the storage as _queue, as CPython's attribute.
func (q *asyncQueue) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	if name == "_queue" {
		if q.fifo != nil {
			return vm.Obj(q.fifo), true, nil
		}
		if q.list != nil {
			return vm.Obj(q.list), true, nil
		}
	}
	return vm.Undef, false, nil
}

// waiterFIFO is a queue of futures (CPython uses a deque of them).
type waiterFIFO struct {
	items []*runtime.Future
	head  int
}

func (w *waiterFIFO) len() int { return len(w.items) - w.head }

func (w *waiterFIFO) push(f *runtime.Future) {
	if w.head > 0 && w.head == len(w.items) {
		w.items, w.head = w.items[:0], 0
	}
	w.items = append(w.items, f)
}

func (w *waiterFIFO) pop() *runtime.Future {
	f := w.items[w.head]
	w.items[w.head] = nil
	w.head++
	return f
}

func (w *waiterFIFO) remove(f *runtime.Future) {
	for i := w.head; i < len(w.items); i++ {
		if w.items[i] == f {
			copy(w.items[i:], w.items[i+1:])
			w.items[len(w.items)-1] = nil
			w.items = w.items[:len(w.items)-1]
			return
		}
	}
}

// wakeupNext resolves the first waiter still pending (CPython's _wakeup_next).
func (w *waiterFIFO) wakeupNext() {
	for w.len() > 0 {
		f := w.pop()
		if !f.Done() {
			f.SetResult(vm.None)
			return
		}
	}
}

func queueCtor(kind queueKind) func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	return func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		q := &asyncQueue{kind: kind, maxsizeV: vm.Int(0)}
		q.self = vm.WrapNative(cls, q)
		if !cls.Builtin {
			overridden := func(name string) bool {
				m, _ := cls.Lookup(name)
				_, native := m.AsObj().(*vm.Builtin)
				return !native
			}
			q.customInit, q.customPut, q.customGet = overridden("_init"), overridden("_put"), overridden("_get")
		}
		// A subclass with its own __init__ sets the queue up when it calls
		// super().__init__(); otherwise the arguments are Queue's.
		if init, ok := cls.Lookup("__init__"); ok {
			if _, native := init.AsObj().(*vm.Builtin); native {
				if err := q.init(t, args, kw); err != nil {
					return vm.Undef, err
				}
			}
		}
		return q.self, nil
	}
}

// init is Queue.__init__(maxsize=0).
func (q *asyncQueue) init(t *vm.Thread, args []vm.Value, kw []vm.KV) error {
	a, err := vm.UnpackArgs("__init__", args, kw, 0, "maxsize")
	if err != nil {
		return err
	}
	q.maxsize, q.maxsizeV = 0, vm.Int(0)
	if !a[0].IsUndef() {
		n, err := t.AsInt64(a[0])
		if err != nil {
			return err
		}
		q.maxsize, q.maxsizeV = int(n), a[0]
	}
	if q.customInit {
		_, err := t.CallMethod(q.self, "_init", q.maxsizeV)
		return err
	}
	q.initStorage()
	return nil
}

func (q *asyncQueue) initStorage() {
	if q.kind == queueFIFO {
		q.fifo = &deque{maxlen: -1}
	} else {
		q.list = vm.NewList(nil)
	}
}

func (q *asyncQueue) qsize(t *vm.Thread) (int, error) {
	if q.customInit {
		st, err := t.GetAttr(q.self, "_queue")
		if err != nil {
			return 0, err
		}
		return t.Len(st)
	}
	if q.fifo != nil {
		return q.fifo.n, nil
	}
	return len(q.list.Items()), nil
}

func (q *asyncQueue) full(t *vm.Thread) (bool, error) {
	if q.maxsize <= 0 {
		return false, nil
	}
	n, err := q.qsize(t)
	return n >= q.maxsize, err
}

func (q *asyncQueue) store(t *vm.Thread, item vm.Value) error {
	if q.customPut {
		_, err := t.CallMethod(q.self, "_put", item)
		return err
	}
	switch q.kind {
	case queueFIFO:
		q.fifo.pushRight(item)
	case queueLIFO:
		q.list.Append(item)
	default:
		return heapPush(t, q.list, item)
	}
	return nil
}

func (q *asyncQueue) take(t *vm.Thread) (vm.Value, error) {
	if q.customGet {
		return t.CallMethod(q.self, "_get")
	}
	switch q.kind {
	case queueFIFO:
		return q.fifo.popLeft(), nil
	case queueLIFO:
		items := q.list.Items()
		v := items[len(items)-1]
		q.list.Truncate(len(items) - 1)
		return v, nil
	}
	return heapPop(t, q.list)
}

func (q *asyncQueue) putNowait(t *vm.Thread, item vm.Value) error {
	full, err := q.full(t)
	if err != nil {
		return err
	}
	if full {
		return vm.NewException(queueFullType)
	}
	if err := q.store(t, item); err != nil {
		return err
	}
	q.unfinished++
	q.getters.wakeupNext()
	return nil
}

func (q *asyncQueue) getNowait(t *vm.Thread) (vm.Value, error) {
	n, err := q.qsize(t)
	if err != nil {
		return vm.Undef, err
	}
	if n == 0 {
		return vm.Undef, vm.NewException(queueEmptyType)
	}
	v, err := q.take(t)
	if err != nil {
		return vm.Undef, err
	}
	q.putters.wakeupNext()
	return v, nil
}

// heapPush and heapPop follow heapq's algorithm exactly (pop sifts the hole
// down to a leaf, then the moved item up), so items that compare equal come
// out in the order CPython gives them.
func heapPush(t *vm.Thread, l *vm.List, item vm.Value) error {
	l.Append(item)
	return siftDown(t, l.Items(), 0, len(l.Items())-1)
}

// siftDown moves h[pos] up towards start while it is less than its parent.
func siftDown(t *vm.Thread, h []vm.Value, start, pos int) error {
	item := h[pos]
	for pos > start {
		parent := (pos - 1) >> 1
		less, err := t.Less(item, h[parent])
		if err != nil {
			return err
		}
		if !less {
			break
		}
		h[pos] = h[parent]
		pos = parent
	}
	h[pos] = item
	return nil
}

func heapPop(t *vm.Thread, l *vm.List) (vm.Value, error) {
	h := l.Items()
	last := h[len(h)-1]
	l.Truncate(len(h) - 1)
	h = l.Items()
	if len(h) == 0 {
		return last, nil
	}
	top := h[0]
	h[0] = last
	pos, child := 0, 1
	for child < len(h) {
		if right := child + 1; right < len(h) {
			less, err := t.Less(h[child], h[right])
			if err != nil {
				return vm.Undef, err
			}
			if !less {
				child = right
			}
		}
		h[pos] = h[child]
		pos = child
		child = 2*pos + 1
	}
	h[pos] = last
	return top, siftDown(t, h, 0, pos)
}

// queueWait is the part of put()/get() that waits: while the queue is full
// (put) or empty (get), park a future in the waiter list and yield it.
type queueWait struct {
	vm.CoroutineMark
	done   bool
	q      *asyncQueue
	waiter *runtime.Future
	iter   vm.GoAwaitIter
}

// park makes a waiter future, queues it and yields it to the task.
func (w *queueWait) park(t *vm.Thread, list *waiterFIFO) (vm.Value, bool, error) {
	l, err := runningLoop(t)
	if err != nil {
		return vm.Undef, false, err
	}
	w.waiter = runtime.NewFuture(l)
	list.push(w.waiter)
	it, _ := w.waiter.Await(t)
	w.iter = it.AsObj().(vm.GoAwaitIter)
	return w.iter.Send(t, vm.None)
}

// resume finishes the wait of a resumed task; an error (the waiter was
// cancelled) runs the cleanup CPython's `except:` clause does.
func (w *queueWait) resume(t *vm.Thread, sent vm.Value, list *waiterFIFO, stillBlocked func() (bool, error)) error {
	_, _, err := w.iter.Send(t, sent)
	if err != nil {
		w.abort(t, list, stillBlocked)
		return err
	}
	w.waiter, w.iter = nil, nil
	return nil
}

func (w *queueWait) abort(t *vm.Thread, list *waiterFIFO, stillBlocked func() (bool, error)) {
	f := w.waiter
	if f == nil {
		return
	}
	w.waiter, w.iter = nil, nil
	f.Cancel(vm.None)
	list.remove(f)
	if blocked, err := stillBlocked(); err == nil && !blocked && !f.Cancelled() {
		list.wakeupNext()
	}
}

type queuePut struct {
	queueWait
	item vm.Value
}

func (*queuePut) Class() *vm.Class { return queuePutType }

func (p *queuePut) Send(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	v, done, err := p.step(t, sent)
	p.done = p.done || done || err != nil
	return v, done, err
}

func (p *queuePut) step(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	if p.done {
		return vm.Undef, false, errReusedCoroutine()
	}
	q := p.q
	if p.waiter != nil {
		if err := p.resume(t, sent, &q.putters, func() (bool, error) { return q.full(t) }); err != nil {
			return vm.Undef, false, err
		}
	}
	full, err := q.full(t)
	if err != nil {
		return vm.Undef, false, err
	}
	if full {
		return p.park(t, &q.putters)
	}
	return vm.None, true, q.putNowait(t, p.item)
}

func (p *queuePut) Abort(t *vm.Thread) {
	p.abort(t, &p.q.putters, func() (bool, error) { return p.q.full(t) })
}

type queueGet struct{ queueWait }

func (*queueGet) Class() *vm.Class { return queueGetType }

func (g *queueGet) empty(t *vm.Thread) (bool, error) {
	n, err := g.q.qsize(t)
	return n == 0, err
}

func (g *queueGet) Send(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	v, done, err := g.step(t, sent)
	g.done = g.done || done || err != nil
	return v, done, err
}

func (g *queueGet) step(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	if g.done {
		return vm.Undef, false, errReusedCoroutine()
	}
	q := g.q
	if g.waiter != nil {
		if err := g.resume(t, sent, &q.getters, func() (bool, error) { return g.empty(t) }); err != nil {
			return vm.Undef, false, err
		}
	}
	empty, err := g.empty(t)
	if err != nil {
		return vm.Undef, false, err
	}
	if empty {
		return g.park(t, &q.getters)
	}
	v, err := q.getNowait(t)
	return v, err == nil, err
}

func (g *queueGet) Abort(t *vm.Thread) {
	g.abort(t, &g.q.getters, func() (bool, error) { return g.empty(t) })
}

// queueJoin waits until every item put has been marked done.
type queueJoin struct {
	vm.CoroutineMark
	q    *asyncQueue
	iter vm.GoAwaitIter
	done bool
}

func (*queueJoin) Class() *vm.Class { return queueJoinType }

func (j *queueJoin) Send(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	v, done, err := j.step(t, sent)
	j.done = j.done || done || err != nil
	return v, done, err
}

func (j *queueJoin) step(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	if j.done {
		return vm.Undef, false, errReusedCoroutine()
	}
	if j.iter != nil {
		_, _, err := j.iter.Send(t, sent)
		return vm.None, err == nil, err
	}
	if j.q.unfinished == 0 {
		return vm.None, true, nil
	}
	l, err := runningLoop(t)
	if err != nil {
		return vm.Undef, false, err
	}
	f := runtime.NewFuture(l)
	j.q.joiners = append(j.q.joiners, f)
	it, _ := f.Await(t)
	j.iter = it.AsObj().(vm.GoAwaitIter)
	return j.iter.Send(t, vm.None)
}

func (q *asyncQueue) format(t *vm.Thread) (string, error) {
	ms, err := t.Repr(q.maxsizeV)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "maxsize=%s", ms)
	var st vm.Value
	if q.customInit {
		st, _ = t.GetAttr(q.self, "_queue")
	} else if q.fifo != nil {
		st = vm.Obj(q.fifo)
	} else {
		st = vm.Obj(q.list)
	}
	if n, _ := q.qsize(t); n > 0 && !st.IsUndef() {
		items := []vm.Value{}
		if err := t.Iterate(st, func(v vm.Value) error { items = append(items, v); return nil }); err != nil {
			return "", err
		}
		r, err := t.Repr(vm.Obj(vm.NewList(items)))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, " _queue=%s", r)
	}
	if n := q.getters.len(); n > 0 {
		fmt.Fprintf(&b, " _getters[%d]", n)
	}
	if n := q.putters.len(); n > 0 {
		fmt.Fprintf(&b, " _putters[%d]", n)
	}
	if q.unfinished > 0 {
		fmt.Fprintf(&b, " tasks=%d", q.unfinished)
	}
	return b.String(), nil
}

func init() {
	self := func(args []vm.Value) *asyncQueue { return args[0].AsObj().(*asyncQueue) }
	m := func(name string, fn vm.BuiltinFunc) { queueType.AddMethod(name, fn) }
	m("qsize", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		n, err := self(args).qsize(t)
		return vm.Int(int64(n)), err
	})
	m("empty", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		n, err := self(args).qsize(t)
		return vm.Bool(n == 0), err
	})
	m("full", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f, err := self(args).full(t)
		return vm.Bool(f), err
	})
	m("put_nowait", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("put_nowait", args[1:], kw, 1, "item")
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, self(args).putNowait(t, a[0])
	})
	m("get_nowait", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return self(args).getNowait(t)
	})
	m("put", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("put", args[1:], kw, 1, "item")
		if err != nil {
			return vm.Undef, err
		}
		return t.NewNativeCoroutine(&queuePut{queueWait: queueWait{q: self(args)}, item: a[0]}), nil
	})
	m("get", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return t.NewNativeCoroutine(&queueGet{queueWait{q: self(args)}}), nil
	})
	m("join", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return t.NewNativeCoroutine(&queueJoin{q: self(args)}), nil
	})
	m("task_done", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		q := self(args)
		if q.unfinished <= 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "task_done() called too many times")
		}
		q.unfinished--
		if q.unfinished == 0 {
			for _, f := range q.joiners {
				if !f.Done() {
					f.SetResult(vm.None)
				}
			}
			q.joiners = nil
		}
		return vm.None, nil
	})
	// The storage hooks, for subclasses that call them via super().
	m("_init", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		self(args).initStorage()
		return vm.None, nil
	})
	m("_put", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		q := self(args)
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "_put() takes exactly one argument (%d given)", len(args)-1)
		}
		if q.fifo == nil && q.list == nil {
			q.initStorage()
		}
		saved := q.customPut
		q.customPut = false
		err := q.store(t, args[1])
		q.customPut = saved
		return vm.None, err
	})
	m("_get", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		q := self(args)
		saved := q.customGet
		q.customGet = false
		defer func() { q.customGet = saved }()
		if (q.fifo == nil && q.list == nil) || (q.fifo != nil && q.fifo.n == 0) || (q.list != nil && len(q.list.Items()) == 0) {
			return vm.Undef, vm.Errorf(vm.IndexError, "pop from an empty deque")
		}
		return q.take(t)
	})
	queueType.AddProperty("maxsize", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return self(args).maxsizeV, nil
	})
	m("__init__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, self(args).init(t, args[1:], kw)
	})
	m("__repr__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s, err := self(args).Repr(t)
		return vm.Str(s), err
	})
	m("__str__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s, err := self(args).Str(t)
		return vm.Str(s), err
	})
}

func (q *asyncQueue) Repr(t *vm.Thread) (string, error) {
	s, err := q.format(t)
	return fmt.Sprintf("<%s at %p %s>", q.self.Class().Name, q, s), err
}

func (q *asyncQueue) Str(t *vm.Thread) (string, error) {
	s, err := q.format(t)
	return fmt.Sprintf("<%s %s>", q.self.Class().Name, s), err
}

func (*queuePut) QualName() string  { return "Queue.put" }
func (*queueGet) QualName() string  { return "Queue.get" }
func (*queueJoin) QualName() string { return "Queue.join" }

func (c *queuePut) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	return coroutineAttr(c, name)
}
func (c *queueGet) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	return coroutineAttr(c, name)
}
func (c *queueJoin) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	return coroutineAttr(c, name)
}

// coroutineAttr gives a native coroutine a coroutine's __name__ and
// __qualname__.
func coroutineAttr(c vm.NativeCoroutine, name string) (vm.Value, bool, error) {
	switch name {
	case "__qualname__":
		return vm.Str(c.QualName()), true, nil
	case "__name__":
		q := c.QualName()
		if i := strings.LastIndexByte(q, '.'); i >= 0 {
			q = q[i+1:]
		}
		return vm.Str(q), true, nil
	}
	return vm.Undef, false, nil
}

func (p *queuePut) Repr(t *vm.Thread) (string, error) { return coroutineRepr(p), nil }
func (g *queueGet) Repr(t *vm.Thread) (string, error) { return coroutineRepr(g), nil }
func (j *queueJoin) Repr(t *vm.Thread) (string, error) {
	return coroutineRepr(j), nil
}

func coroutineRepr(c vm.NativeCoroutine) string {
	return fmt.Sprintf("<coroutine object %s at %p>", c.QualName(), c)
}

// asCoroutine returns v when it is a coroutine, and wraps a native coroutine
// (or an async generator's asend/athrow, which CPython counts as
// coroutines) in one so a Task can drive it; ok is false for anything else.
func asCoroutine(t *vm.Thread, v vm.Value) (*vm.Generator, bool, error) {
	if g, ok := v.AsObj().(*vm.Generator); ok && g.IsCoroutine() {
		return g, true, nil
	}
	if !isCoroutine(v) {
		return nil, false, nil
	}
	if nc, ok := v.AsObj().(vm.NativeCoroutine); ok {
		nc.MarkAwaited()
	}
	wrap, err := libFunc(t, "_wrap_awaitable")
	if err != nil {
		return nil, false, err
	}
	w, err := t.Call(wrap, []vm.Value{v}, nil)
	if err != nil {
		return nil, false, err
	}
	g, ok := w.AsObj().(*vm.Generator)
	return g, ok, nil
}

// isCoroutine is asyncio.iscoroutine: script coroutines, native ones, and
// the awaitables of async generators' asend/athrow (collections.abc
// Coroutines in CPython).
func isCoroutine(v vm.Value) bool {
	if v.Kind() != vm.KObj {
		return false
	}
	switch o := v.AsObj().(type) {
	case *vm.Generator:
		return o.IsCoroutine()
	case vm.NativeCoroutine:
		return true
	}
	return v.AsObj().Class() == vm.AsyncGenASendType
}
