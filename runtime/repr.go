package runtime

import (
	"fmt"
	"strings"

	"github.com/asylang/asy/vm"
)

// Repr of a future: <Future pending cb=[...]>, <Future finished result=1>.
func (f *Future) Repr(t *vm.Thread) (string, error) {
	return "<" + f.reprInfo(t, "Future") + ">", nil
}

func (f *Future) reprInfo(t *vm.Thread, kind string) string {
	parts := []string{kind, strings.ToLower(f.state.String())}
	if f.state == stateFinished {
		if f.excSet {
			s, _ := t.Repr(f.result)
			parts = append(parts, "exception="+s)
		} else {
			s, _ := t.Repr(f.result)
			if len(s) > 200 {
				s = s[:200] + "..."
			}
			parts = append(parts, "result="+s)
		}
	}
	if f.hasCallbacks() {
		parts = append(parts, "cb=["+f.callbackNames(t)+"]")
	}
	return strings.Join(parts, " ")
}

func (f *Future) callbackNames(t *vm.Thread) string {
	var names []string
	if w := f.waiter; w != nil {
		if w.kind == kindTask {
			names = append(names, "Task.task_wakeup()")
		} else {
			names = append(names, gatherCallbackNameText+"()")
		}
	}
	for _, c := range f.callbacks() {
		if c.goFn != nil {
			name := "Task.task_wakeup"
			if c.script != nil {
				name, _ = c.script.StrOf()
			}
			names = append(names, name+"()")
			continue
		}
		names = append(names, FormatCallback(t, *c.script, nil))
	}
	if len(names) > 2 {
		return fmt.Sprintf("%s, <%d more>, %s", names[0], len(names)-2, names[len(names)-1])
	}
	return strings.Join(names, ", ")
}

// FormatCallback renders a callback and its arguments as CPython's asyncio
// does in handle and future reprs: "qualname(args) at file:line", the
// location only for functions written in the script language, arguments
// abbreviated as reprlib does; a functools.partial shows its own arguments
// first: "f(1, k=2)(3)".
func FormatCallback(t *vm.Thread, cb vm.Value, args []vm.Value) string {
	s := formatCallback(t, cb, "("+formatArgs(t, args)+")")
	if fn := callbackFunction(t, cb); fn != nil {
		s += fmt.Sprintf(" at %s:%d", fn.Code().Filename, fn.Code().FirstLine)
	}
	return s
}

func formatCallback(t *vm.Thread, cb vm.Value, suffix string) string {
	if inner, pargs, ok := partialParts(t, cb); ok {
		return formatCallback(t, inner, "("+pargs+")"+suffix)
	}
	name := ""
	for _, attr := range []string{"__qualname__", "__name__"} {
		if v, err := t.GetAttr(cb, attr); err == nil {
			if s, ok := v.StrOf(); ok && s != "" {
				name = s
				break
			}
		}
	}
	if name == "" {
		name, _ = t.Repr(cb)
	}
	return name + suffix
}

// callbackFunction is the script function whose source a callback shows (a
// plain function, or the one a partial wraps).
func callbackFunction(t *vm.Thread, cb vm.Value) *vm.Function {
	for i := 0; i < 100; i++ {
		if fn, ok := cb.AsObj().(*vm.Function); ok && cb.Kind() == vm.KObj {
			return fn
		}
		inner, _, ok := partialParts(t, cb)
		if !ok {
			return nil
		}
		cb = inner
	}
	return nil
}

// partialParts unpacks a functools.partial: its function and its own
// arguments, formatted.
func partialParts(t *vm.Thread, cb vm.Value) (vm.Value, string, bool) {
	if cb.Kind() != vm.KObj || cb.AsObj().Class().Name != "partial" {
		return vm.Undef, "", false
	}
	fn, err1 := t.GetAttr(cb, "func")
	args, err2 := t.GetAttr(cb, "args")
	kw, err3 := t.GetAttr(cb, "keywords")
	tup, ok1 := args.AsObj().(*vm.Tuple)
	d, ok2 := kw.AsObj().(*vm.Dict)
	if err1 != nil || err2 != nil || err3 != nil || !ok1 || !ok2 {
		return vm.Undef, "", false
	}
	s := formatArgs(t, tup.Items())
	d.Items(func(k, v vm.Value) bool {
		if s != "" {
			s += ", "
		}
		ks, _ := k.StrOf()
		s += ks + "=" + reprlibRepr(t, v)
		return true
	})
	return fn, s, true
}

func formatArgs(t *vm.Thread, args []vm.Value) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = reprlibRepr(t, a)
	}
	return strings.Join(parts, ", ")
}

// reprlibRepr abbreviates as reprlib.repr does for the common cases:
// strings (30 characters of repr), ints (40 digits) and other objects'
// reprs (30); containers print whole.
func reprlibRepr(t *vm.Thread, v vm.Value) string {
	cut := func(s string, max int) string {
		r := []rune(s)
		if len(r) <= max {
			return s
		}
		i := (max - 3) / 2
		j := max - 3 - i
		return string(r[:i]) + "..." + string(r[len(r)-j:])
	}
	s, _ := t.Repr(v)
	if v.Kind() == vm.KInt {
		return cut(s, 40)
	}
	switch o := v.AsObj().(type) {
	case *vm.BigIntObj:
		return cut(s, 40)
	case *vm.StrObj:
		r := []rune(o.String())
		if len(r) > 30 {
			r = r[:30]
		}
		if len([]rune(vm.QuoteStr(string(r)))) <= 30 {
			return vm.QuoteStr(string(r))
		}
		all := []rune(o.String())
		q := []rune(vm.QuoteStr(string(all[:13]) + string(all[len(all)-14:])))
		return string(q[:13]) + "..." + string(q[len(q)-14:])
	case *vm.List, *vm.Tuple, *vm.Dict, *vm.Set:
		return s
	}
	return cut(s, 30)
}

// Repr of a task, as CPython 3.11 prints it.
func (task *Task) Repr(t *vm.Thread) (string, error) {
	state := strings.ToLower(task.state.String())
	if task.state == statePending && task.flags&futMustCancel != 0 {
		state = "cancelling"
	}
	var b strings.Builder
	b.WriteString("<Task ")
	b.WriteString(state)
	b.WriteString(" name=")
	b.WriteString(vm.QuoteStr(task.Name()))
	b.WriteString(" coro=")
	b.WriteString(task.coroRepr())
	if task.state == stateFinished {
		if task.excSet {
			s, _ := t.Repr(task.result)
			b.WriteString(" exception=" + s)
		} else {
			s, _ := t.Repr(task.result)
			b.WriteString(" result=" + s)
		}
	}
	if task.futWaiter != nil {
		s, _ := task.futWaiter.reprText(t)
		b.WriteString(" wait_for=" + s)
	}
	if task.hasCallbacks() && task.state == statePending {
		b.WriteString(" cb=[" + task.callbackNames(t) + "]")
	}
	b.WriteString(">")
	return b.String(), nil
}

func (f *Future) reprText(t *vm.Thread) (string, error) {
	if task := f.task(); task != nil {
		return task.Repr(t)
	}
	if r, ok := f.self().(vm.Reprer); ok {
		return r.Repr(t)
	}
	return f.Repr(t)
}

// coroRepr renders the task's coroutine. A native coroutine (asyncio.sleep,
// Queue.get) shows as CPython shows the Python-coded one minus the source
// location it does not have; an object without a name (an async
// generator's asend) as CPython shows it.
func (task *Task) coroRepr() string {
	shown := task.shownObj()
	if shown == nil {
		return coroRepr(task.coro)
	}
	name := task.CoroName()
	if _, named := shown.(interface{ QualName() string }); !named {
		return "<" + name + "()>"
	}
	if task.coro.Finished() {
		return "<" + name + "() done>"
	}
	return "<" + name + "() running>"
}

// coroRepr renders <f() running at file:line> / <f() done, defined at file:line>.
func coroRepr(g *vm.Generator) string {
	code := g.Code()
	if g.Finished() {
		return fmt.Sprintf("<%s() done, defined at %s:%d>", g.QualName(), code.Filename, code.FirstLine)
	}
	line := code.FirstLine
	if g.Started() {
		if fr := g.InnermostFrame(); fr != nil {
			line = fr.Line()
		}
		if fr := g.Frame(); fr != nil {
			line = fr.Line()
		}
	}
	return fmt.Sprintf("<%s() running at %s:%d>", g.QualName(), code.Filename, line)
}
