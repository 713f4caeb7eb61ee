package stdlib

import "github.com/asylang/asy/vm"

// The native part of queue is only the waiter threads park on, shared with
// threading (threading_wait.go): pylib/queue.py builds on
// threading.Condition, which uses it; _Waiter stays here for scripts and
// code that imported it from queue.

func init() {
	register("queue", func(it *vm.Interp) (*vm.Module, error) {
		m := vm.NewModule("queue", "")
		m.Set("_Waiter", vm.Obj(waiterType))
		return m, nil
	})
}
