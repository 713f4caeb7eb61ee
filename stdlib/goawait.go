package stdlib

import (
	"context"
	"errors"
	"fmt"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// GoAwait is the one mechanism behind every awaitable that does its work in
// Go (asyncpg's queries, the embedding API's Go-side awaitables): like a
// coroutine it does nothing until awaited or wrapped in a task; its first
// step starts fn in a goroutine and parks the task on a future, which the
// goroutine's result completes through the loop's thread-safe inbox. The
// goroutine's context is cancelled when the awaiting task is cancelled and
// when the interpreter's scripts end (EndRun waits for it).
type GoAwait struct {
	vm.CoroutineMark
	name   string
	parent context.Context
	fn     func(ctx context.Context) (any, error)
	finish func(t *vm.Thread, r any, err error) (vm.Value, error)
	fut    *runtime.Future
	iter   vm.GoAwaitIter
	done   bool
}

var goAwaitType = vm.NewNativeClass("coroutine", "builtins", nil, nil)

// NewGoAwait makes one. parent (nil: none) bounds fn's context besides the
// run; finish turns fn's outcome into the script's result or exception on
// the loop thread.
func NewGoAwait(t *vm.Thread, name string, parent context.Context, fn func(ctx context.Context) (any, error),
	finish func(t *vm.Thread, r any, err error) (vm.Value, error)) vm.Value {
	return t.NewNativeCoroutine(&GoAwait{name: name, parent: parent, fn: fn, finish: finish})
}

func (*GoAwait) Class() *vm.Class   { return goAwaitType }
func (a *GoAwait) QualName() string { return a.name }
func (a *GoAwait) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	return coroutineAttr(a, name)
}
func (a *GoAwait) Repr(*vm.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object %s at %p>", a.name, a), nil
}

func (a *GoAwait) Send(t *vm.Thread, sent vm.Value) (vm.Value, bool, error) {
	if a.done {
		return vm.Undef, false, errReusedCoroutine()
	}
	if a.fut != nil {
		v, done, err := a.iter.Send(t, sent)
		a.done = done || err != nil
		return v, done, err
	}
	l, err := runningLoop(t)
	if err != nil {
		a.done = true
		return vm.Undef, false, err
	}
	life := runLifeOf(t.Interp())
	parent := a.parent
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithCancel(parent)
	stop := context.AfterFunc(life.ctx, cancel) // the run ended
	fut := runtime.NewFutureOnDone(l, cancel)   // the awaiting task was cancelled
	a.fut = fut
	l.AddExternal(1)
	life.wg.Add(1)
	go func() {
		r, err := a.fn(ctx)
		stop()
		life.wg.Done()
		l.Post(func() {
			l.AddExternal(-1)
			cancel()
			if fut.Done() {
				return // cancelled meanwhile: the result is dropped
			}
			if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				// fn gave up because its context ended (the run was
				// stopped): the awaiting task sees CancelledError, as it
				// would had the stop reached it first.
				fut.Cancel(vm.None)
				return
			}
			v, err := a.finish(l.Thread(), r, err)
			if err != nil {
				fut.SetException(vm.AsException(err))
			} else {
				fut.SetResult(v)
			}
		})
	}()
	it, _ := fut.Await(t)
	a.iter = it.AsObj().(vm.GoAwaitIter)
	return a.iter.Send(t, vm.None)
}
