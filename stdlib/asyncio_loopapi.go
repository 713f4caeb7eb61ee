package stdlib

import (
	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The loop API around errors and settings: set_exception_handler,
// get_exception_handler, call_exception_handler, default_exception_handler,
// set_default_executor and the slow_callback_duration attribute. The
// reports themselves are runtime's (exchandler.go): the loop routes every
// error it reports through the handler installed here.

func (o *loopObj) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	if name == "slow_callback_duration" {
		return vm.Float(o.l.SlowCallbackDuration()), true, nil
	}
	if o.attrs != nil {
		if v, ok := o.attrs.GetStr(name); ok {
			return v, true, nil
		}
	}
	return vm.Undef, false, nil
}

func (o *loopObj) SetAttr(t *vm.Thread, name string, v vm.Value) error {
	if name == "slow_callback_duration" {
		d, err := vm.AsFloat(v)
		if err != nil {
			return err
		}
		o.l.SetSlowCallbackDuration(d)
		return nil
	}
	if o.attrs == nil {
		o.attrs = vm.NewDict()
	}
	o.attrs.SetStr(name, v)
	return nil
}

// contextDict builds the context dict CPython passes to a handler.
func contextDict(message string, exc *vm.Instance, items []runtime.ContextItem) *vm.Dict {
	d := vm.NewDict()
	d.SetStr("message", vm.Str(message))
	if exc != nil {
		d.SetStr("exception", vm.Obj(exc))
	}
	for _, it := range items {
		d.SetStr(it.Key, it.Value)
	}
	return d
}

// splitContext reads a script's context dict back into runtime's terms.
func splitContext(t *vm.Thread, ctx vm.Value) (string, *vm.Instance, []runtime.ContextItem, error) {
	d, ok := ctx.AsObj().(*vm.Dict)
	if !ok {
		return "", nil, nil, vm.Errorf(vm.AttributeError, "'%s' object has no attribute 'get'", ctx.TypeName())
	}
	message := ""
	var exc *vm.Instance
	var items []runtime.ContextItem
	var err error
	d.Items(func(k, v vm.Value) bool {
		key, isStr := k.StrOf()
		switch {
		case isStr && key == "message":
			if truth, _ := t.Truth(v); truth {
				message, err = t.StrOf(v)
			}
		case isStr && key == "exception":
			if inst, ok := v.AsObj().(*vm.Instance); ok && inst.Class().IsSubclass(vm.BaseException) {
				exc = inst
			}
		default:
			if !isStr {
				key, _ = t.StrOf(k)
			}
			items = append(items, runtime.ContextItem{Key: key, Value: v})
		}
		return err == nil
	})
	return message, exc, items, err
}

// callHandler runs the script's handler; its own failure is reported by
// the default handler, as CPython does.
func (o *loopObj) callHandler(t *vm.Thread, ctx *vm.Dict) error {
	_, err := t.Call(o.handler, []vm.Value{vm.Obj(o), vm.Obj(ctx)}, nil)
	if err == nil {
		return nil
	}
	exc := vm.AsException(err)
	if exc.Class().IsSubclass(vm.KeyboardInterrupt) || exc.Class().IsSubclass(vm.SystemExit) {
		return err
	}
	o.l.DefaultReport("Unhandled error in exception handler", exc, []runtime.ContextItem{{Key: "context", Value: vm.Obj(ctx)}})
	return nil
}

func init() {
	m := func(name string, fn func(t *vm.Thread, o *loopObj, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		loopType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return fn(t, args[0].AsObj().(*loopObj), args[1:], kw)
		})
	}
	m("set_exception_handler", func(t *vm.Thread, o *loopObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("set_exception_handler", args, kw, 1, "handler")
		if err != nil {
			return vm.Undef, err
		}
		h := a[0]
		if !h.IsNone() && !t.IsCallable(h) {
			r, _ := t.Repr(h)
			return vm.Undef, vm.Errorf(vm.TypeError, "A callable object or None is expected, got %s", r)
		}
		o.handler = h
		if h.IsNone() {
			o.l.SetExceptionHandler(nil)
			return vm.None, nil
		}
		o.l.SetExceptionHandler(func(message string, exc *vm.Instance, items []runtime.ContextItem) {
			lt := o.l.Thread()
			if err := o.callHandler(lt, contextDict(message, exc, items)); err != nil {
				o.l.ReportError("", err) // KeyboardInterrupt/SystemExit: ends the run
			}
		})
		return vm.None, nil
	})
	m("get_exception_handler", func(t *vm.Thread, o *loopObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("get_exception_handler", args, 0); err != nil {
			return vm.Undef, err
		}
		return o.handler, nil
	})
	m("default_exception_handler", func(t *vm.Thread, o *loopObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("default_exception_handler", args, kw, 1, "context")
		if err != nil {
			return vm.Undef, err
		}
		message, exc, items, err := splitContext(t, a[0])
		if err != nil {
			return vm.Undef, err
		}
		o.l.DefaultReport(message, exc, items)
		return vm.None, nil
	})
	m("call_exception_handler", func(t *vm.Thread, o *loopObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("call_exception_handler", args, kw, 1, "context")
		if err != nil {
			return vm.Undef, err
		}
		if o.handler.IsNone() {
			message, exc, items, err := splitContext(t, a[0])
			if err != nil {
				return vm.Undef, err
			}
			o.l.DefaultReport(message, exc, items)
			return vm.None, nil
		}
		d, ok := a[0].AsObj().(*vm.Dict)
		if !ok {
			return vm.Undef, vm.Errorf(vm.AttributeError, "'%s' object has no attribute 'get'", a[0].TypeName())
		}
		return vm.None, o.callHandler(t, d)
	})
	m("set_default_executor", func(t *vm.Thread, o *loopObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("set_default_executor", args, kw, 1, "executor")
		if err != nil {
			return vm.Undef, err
		}
		ex, ok := a[0].AsObj().(*cfExecutor)
		if !ok {
			// CPython 3.11 only warns, then fails when the loop uses it.
			return vm.Undef, vm.Errorf(vm.TypeError, "executor must be ThreadPoolExecutor instance")
		}
		o.l.SetDefaultExecutor(ex.pool)
		return vm.None, nil
	})
}
