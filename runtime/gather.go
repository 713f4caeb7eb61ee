package runtime

import (
	"github.com/asylang/asy/vm"
)

// GatheringFuture is the future returned by gather: cancelling it cancels
// its children; it completes with the results in argument order, or with the
// first exception (unless return_exceptions).
type GatheringFuture struct {
	Future   // first: a child's waiter slot finds the GatheringFuture from it
	children []*Future
	// childDone is the callback every child runs when it completes (one
	// closure per gather; a child holds it in its waiter slot, not in an
	// entry of its own).
	childDone       func(*Future)
	cancelRequested bool
}

func (g *GatheringFuture) future() *Future { return &g.Future }

// CancelWith cancels the children (the gathering future itself completes
// when they do).
func (g *GatheringFuture) CancelWith(msg vm.Value) bool {
	if g.Done() {
		return false
	}
	ret := false
	for _, c := range g.children {
		if c.cancelFuture(msg) {
			ret = true
		}
	}
	if ret {
		g.cancelRequested = true
	}
	return ret
}

// Repr of a gathering future.
func (g *GatheringFuture) Repr(t *vm.Thread) (string, error) {
	return "<_GatheringFuture " + g.reprInfo(t, "")[1:] + ">", nil
}

// Gather implements asyncio.gather over children that are already futures
// (the caller wraps coroutines in tasks, deduplicating repeated arguments).
func Gather(l *Loop, children []*Future, returnExceptions bool) *GatheringFuture {
	outer := &GatheringFuture{children: children}
	outer.loop = l
	outer.kind = kindGather
	if len(children) == 0 {
		outer.SetResult(vm.Obj(vm.NewList(nil)))
		return outer
	}
	// Count distinct children: a future passed twice gets one callback.
	// The callbacks run later (call_soon), when nfuts is final. A mark on
	// each future, not a map, finds repeats: a 100,000-task gather needs
	// no 100,000-entry maps.
	nfuts := 0
	for _, c := range children {
		if c.flags&futGatherMark == 0 {
			c.flags |= futGatherMark
			nfuts++
		}
	}
	for _, c := range children {
		c.flags &^= futGatherMark
	}
	nfinished := 0
	outer.childDone = func(fut *Future) {
		nfinished++
		if outer.Done() {
			if !fut.Cancelled() {
				fut.flags &^= futLogTraceback
			}
			return
		}
		if !returnExceptions {
			if fut.Cancelled() {
				outer.SetException(fut.makeCancelledError())
				return
			}
			if exc := fut.failure(); exc != nil {
				fut.flags &^= futLogTraceback
				outer.SetException(exc)
				return
			}
		}
		if nfinished == nfuts {
			results := make([]vm.Value, len(children))
			for i, c := range children {
				switch {
				case c.Cancelled():
					msg := c.result // the cancel message (none when it holds the CancelledError)
					if c.excSet {
						msg = vm.None
					}
					if msg.IsUndef() || msg.IsNone() {
						msg = vm.Str("")
					}
					results[i] = vm.Obj(vm.NewException(CancelledError, msg))
				case c.failure() != nil:
					c.flags &^= futLogTraceback
					results[i] = c.result
				default:
					results[i] = c.result
				}
			}
			if outer.cancelRequested {
				outer.SetException(fut.makeCancelledError())
			} else {
				outer.SetResult(vm.Obj(vm.NewList(results)))
			}
		}
	}
	for _, c := range children {
		if c.flags&futGatherMark == 0 {
			c.flags |= futGatherMark
			c.addWaiter(&outer.Future)
		}
	}
	for _, c := range children {
		c.flags &^= futGatherMark
	}
	return outer
}

// gatherCallbackName is what reprs call gather's callback on its children.
var gatherCallbackName = vm.Str(gatherCallbackNameText)

const gatherCallbackNameText = "gather.<locals>._done_callback"
