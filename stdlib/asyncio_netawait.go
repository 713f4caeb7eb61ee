package stdlib

import (
	"fmt"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// netAwait is the native coroutine behind the network awaitables
// (StreamReader.readline, StreamWriter.drain, loop.sock_recv…): what CPython
// writes as an `async def` that loops "try; else await a future". step runs
// on each resumption; it returns the result, or a future to park the task
// on before it is run again. A task parked here costs the future and this
// record — the socket's own goroutine does the waiting.
type netAwait struct {
	vm.CoroutineMark
	name string
	step func(t *vm.Thread) (vm.Value, *runtime.Future, error)
	// abort undoes a parked step's bookkeeping when the wait ends in an
	// exception (the task was cancelled); may be nil.
	abort func()
	iter  vm.GoAwaitIter
	done  bool
}

var netAwaitType = vm.NewNativeClass("coroutine", "builtins", nil, nil)

func init() { addCoroutineMethods(netAwaitType) }

func newNetAwait(t *vm.Thread, name string, step func(t *vm.Thread) (vm.Value, *runtime.Future, error), abort func()) vm.Value {
	return t.NewNativeCoroutine(&netAwait{name: name, step: step, abort: abort})
}

func (*netAwait) Class() *vm.Class   { return netAwaitType }
func (a *netAwait) QualName() string { return a.name }
func (a *netAwait) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	return coroutineAttr(a, name)
}
func (a *netAwait) Repr(*vm.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object %s at %p>", a.name, a), nil
}

func (a *netAwait) Send(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	if a.done {
		return vm.Undef, false, errReusedCoroutine()
	}
	if a.iter != nil {
		_, _, err := a.iter.Send(t, sent)
		a.iter = nil
		if err != nil {
			a.done = true
			if a.abort != nil {
				a.abort()
			}
			return vm.Undef, false, err
		}
	}
	v, fut, err := a.step(t)
	if err != nil || fut == nil {
		a.done = true
		return v, err == nil, err
	}
	it, _ := fut.Await(t)
	a.iter = it.AsObj().(vm.GoAwaitIter)
	v, done, err := a.iter.Send(t, vm.None)
	if done || err != nil {
		// The future was already done: run the step again at once.
		a.iter = nil
		return a.Send(t, vm.None)
	}
	return v, false, nil
}

// Abort is told when an exception is thrown into the awaiting frame.
func (a *netAwait) Abort(t *vm.Thread) {
	if a.iter != nil && a.abort != nil {
		a.abort()
	}
	a.iter = nil
	a.done = true
}

// netResult is a netAwait with a result computed at once.
func netResult(t *vm.Thread, name string, v vm.Value, err error) vm.Value {
	return newNetAwait(t, name, func(*vm.Thread) (vm.Value, *runtime.Future, error) { return v, nil, err }, nil)
}

// yieldFuture is a future done on the next loop iteration (asyncio.sleep(0)).
func yieldFuture(l *runtime.Loop) *runtime.Future {
	f := runtime.NewFuture(l)
	l.CallSoon(func() {
		if !f.Done() {
			f.SetResult(vm.None)
		}
	})
	return f
}
