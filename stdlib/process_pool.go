package stdlib

import (
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/asylang/asy/vm"
	"github.com/asylang/asy/vm/goconv"
)

// ProcessPoolExecutor: the Go-native equivalent of worker processes. Each
// worker is a separate interpreter — its own globals and its own
// interpreter lock, so workers run in parallel on all cores. As with
// pickling, a call is sent by value: the function by name (a top-level
// function of the main script, which the worker loads as "__mp_main__"),
// the arguments and the result as deep copies of plain data. Workers are
// started, restricted and stopped as process_worker.go describes.

var ppExecutorType = vm.NewNativeClass("ProcessPoolExecutor", "concurrent.futures.process", nil, newProcessPoolExecutor)

// pickle's exception classes (the pickle module's own, exported by the Go
// half of _pickle, pickle_fast.go), so `except pickle.PicklingError`
// catches what the pool raises.
var (
	pickleError     = vm.NewExceptionClass("PickleError", "_pickle", vm.Exception)
	picklingError   = vm.NewExceptionClass("PicklingError", "_pickle", pickleError)
	unpicklingError = vm.NewExceptionClass("UnpicklingError", "_pickle", pickleError)
)

type ppExecutor struct {
	it       *vm.Interp
	max      int
	mu       sync.Mutex
	queue    chan *ppJob
	started  int
	shutdown bool
	wg       sync.WaitGroup
	out      io.Writer
	children []*vm.Interp // the workers' interpreters, stopped with the parent
	stopped  string       // why the workers were stopped ("" while they run)
}

type ppJob struct {
	fn   string
	args []any
	fut  *cfFuture
}

func (*ppExecutor) Class() *vm.Class { return ppExecutorType }

// lockedWriter serialises writes from several interpreters to one writer.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func newProcessPoolExecutor(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("ProcessPoolExecutor", args, kw, 0, "max_workers", "mp_context", "initializer", "initargs")
	if err != nil {
		return vm.Undef, err
	}
	max := runtime.NumCPU()
	if !a[0].IsUndef() && !a[0].IsNone() {
		n, err := t.AsInt64(a[0])
		if err != nil {
			return vm.Undef, err
		}
		if n <= 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "max_workers must be greater than 0")
		}
		max = int(n)
	}
	it := t.Interp()
	e := &ppExecutor{it: it, max: max, queue: make(chan *ppJob, 1<<16), out: &lockedWriter{w: it.Stdout}}
	vm.Track(it, ppExecutorsKey{}, e) // ended with the run (EndProcessPools)
	return vm.Obj(e), nil
}

// plain is a copy of a value that belongs to no interpreter.
type plainList struct{ items []any }
type plainTuple struct{ items []any }
type plainDict struct{ keys, vals []any }
type plainSet struct {
	items  []any
	frozen bool
}
type plainFunc struct{ name string }
type plainExc struct {
	cls  string
	args []any
}

// export copies a value out of an interpreter, as pickling would: goconv's
// scalar row, then the containers with their kinds kept, top-level
// functions by name and exceptions by class name.
func export(t *vm.Thread, v vm.Value) (any, error) {
	if x, ok := goconv.Scalar(v); ok {
		if _, isBA := v.AsObj().(*vm.ByteArray); !isBA { // bytearray: not yet
			return x, nil
		}
	}
	switch o := v.AsObj().(type) {
	case *vm.List:
		return exportSeq(t, o.Items(), func(items []any) any { return plainList{items} })
	case *vm.Tuple:
		return exportSeq(t, o.Items(), func(items []any) any { return plainTuple{items} })
	case *vm.Set:
		return exportSeq(t, o.Items(), func(items []any) any { return plainSet{items: items} })
	case *vm.Dict:
		var d plainDict
		var err error
		o.Items(func(k, val vm.Value) bool {
			var ek, ev any
			if ek, err = export(t, k); err != nil {
				return false
			}
			if ev, err = export(t, val); err != nil {
				return false
			}
			d.keys, d.vals = append(d.keys, ek), append(d.vals, ev)
			return true
		})
		return d, err
	case *vm.Function:
		if strings.Contains(o.QualName(), "<locals>") {
			return nil, vm.Errorf(vm.AttributeError, "Can't pickle local object '%s'", o.QualName())
		}
		if o.Name() == "<lambda>" || o.Name() != o.QualName() {
			s, _ := t.Repr(v)
			return nil, vm.Errorf(picklingError, "Can't pickle %s: attribute lookup %s on __main__ failed", s, o.QualName())
		}
		return plainFunc{o.Name()}, nil
	case *vm.Instance:
		if vm.IsInstanceOf(o, vm.BaseException) {
			args, err := exportSeq(t, o.ExcArgs(), func(items []any) any { return items })
			if err != nil {
				return nil, err
			}
			return plainExc{cls: o.Class().Name, args: args.([]any)}, nil
		}
	}
	return nil, vm.Errorf(vm.TypeError, "cannot pickle '%s' object", v.TypeName())
}

func exportSeq(t *vm.Thread, items []vm.Value, wrap func([]any) any) (any, error) {
	out := make([]any, len(items))
	for i, x := range items {
		e, err := export(t, x)
		if err != nil {
			return nil, err
		}
		out[i] = e
	}
	return wrap(out), nil
}

// load rebuilds an exported value inside an interpreter (functions are
// looked up by name in mod).
func load(t *vm.Thread, p any, mod *vm.Module) (vm.Value, error) {
	if v, ok := goconv.ScalarValue(p); ok {
		return v, nil
	}
	switch x := p.(type) {
	case plainList:
		items, err := loadAll(t, x.items, mod)
		return vm.Obj(vm.NewList(items)), err
	case plainTuple:
		items, err := loadAll(t, x.items, mod)
		return vm.Obj(vm.NewTuple(items)), err
	case plainSet:
		items, err := loadAll(t, x.items, mod)
		if err != nil {
			return vm.Undef, err
		}
		s := vm.NewSet()
		for _, i := range items {
			s.Add(t, i)
		}
		return vm.Obj(s), nil
	case plainDict:
		d := vm.NewDict()
		for i := range x.keys {
			k, err := load(t, x.keys[i], mod)
			if err != nil {
				return vm.Undef, err
			}
			v, err := load(t, x.vals[i], mod)
			if err != nil {
				return vm.Undef, err
			}
			d.Set(t, k, v)
		}
		return vm.Obj(d), nil
	case plainFunc:
		if v, ok := mod.Get(x.name); ok {
			return v, nil
		}
		return vm.Undef, vm.Errorf(vm.AttributeError, "Can't get attribute '%s' on <module '__mp_main__'>", x.name)
	case plainExc:
		args, err := loadAll(t, x.args, mod)
		if err != nil {
			return vm.Undef, err
		}
		cls, ok := t.Interp().Builtins().Get(x.cls)
		if !ok && mod != nil {
			cls, ok = mod.Get(x.cls)
		}
		if !ok {
			if m, found := t.Interp().Module("__main__"); found {
				cls, ok = m.Get(x.cls)
			}
		}
		if !ok {
			cls = vm.Obj(vm.RuntimeError)
		}
		return t.Call(cls, args, nil)
	}
	return vm.Undef, vm.Errorf(vm.TypeError, "cannot unpickle %T", p)
}

func loadAll(t *vm.Thread, items []any, mod *vm.Module) ([]vm.Value, error) {
	out := make([]vm.Value, len(items))
	for i, x := range items {
		v, err := load(t, x, mod)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func (e *ppExecutor) submit(t *vm.Thread, fn vm.Value, args []vm.Value) (*cfFuture, error) {
	f, err := export(t, fn)
	if err != nil {
		return nil, err
	}
	pf, ok := f.(plainFunc)
	if !ok {
		return nil, vm.Errorf(picklingError, "Can't pickle %s: it's not a function of the main module", fn.TypeName())
	}
	if bootstrapping(t.Interp()) {
		return nil, vm.Errorf(vm.RuntimeError, "%s", bootstrapMessage)
	}
	exported, err := exportSeq(t, args, func(items []any) any { return items })
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.shutdown {
		return nil, vm.Errorf(vm.RuntimeError, "cannot schedule new futures after shutdown")
	}
	fut := newCFFuture(t.Interp())
	fut.state = 1
	e.queue <- &ppJob{fn: pf.name, args: exported.([]any), fut: fut}
	if e.started < e.max {
		e.started++
		e.wg.Add(1)
		go e.worker()
	}
	return fut, nil
}

func (e *ppExecutor) close(t *vm.Thread, wait bool) error {
	e.mu.Lock()
	if !e.shutdown {
		e.shutdown = true
		close(e.queue)
	}
	e.mu.Unlock()
	if wait {
		done := make(chan struct{})
		go func() { e.wg.Wait(); close(done) }()
		_, err := waitDone(t, done, -1)
		return err
	}
	return nil
}

func init() {
	m := ppExecutorType.AddMethod
	self := func(args []vm.Value) *ppExecutor { return args[0].AsObj().(*ppExecutor) }
	m("submit", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "submit expected at least 1 argument, got 0")
		}
		f, err := self(args).submit(t, args[1], args[2:])
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(f), nil
	})
	m("map", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 3 {
			return vm.Undef, vm.Errorf(vm.TypeError, "map() missing required arguments")
		}
		items, err := t.ToList(args[2])
		if err != nil {
			return vm.Undef, err
		}
		futs := make([]*cfFuture, len(items))
		for i, x := range items {
			if futs[i], err = self(args).submit(t, args[1], []vm.Value{x}); err != nil {
				return vm.Undef, err
			}
		}
		i := 0
		return vm.NewIterator(vm.MapType, func(t *vm.Thread) (vm.Value, bool, error) {
			if i >= len(futs) {
				return vm.Undef, false, nil
			}
			f := futs[i]
			i++
			if _, err := f.wait(t, -1); err != nil {
				return vm.Undef, false, err
			}
			v, err := f.outcome()
			return v, err == nil, err
		}), nil
	})
	m("shutdown", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, self(args).close(t, true)
	})
	m("__enter__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return args[0], nil })
	m("__exit__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.False, self(args).close(t, true)
	})
}
