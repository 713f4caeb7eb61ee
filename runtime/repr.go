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
		if f.exc != nil {
			s, _ := t.Repr(vm.Obj(f.exc))
			parts = append(parts, "exception="+s)
		} else {
			s, _ := t.Repr(f.result)
			if len(s) > 200 {
				s = s[:200] + "..."
			}
			parts = append(parts, "result="+s)
		}
	}
	if len(f.callbacks) > 0 {
		parts = append(parts, "cb=["+f.callbackNames(t)+"]")
	}
	return strings.Join(parts, " ")
}

func (f *Future) callbackNames(t *vm.Thread) string {
	var names []string
	for _, c := range f.callbacks {
		if c.goFn != nil {
			names = append(names, "Task.task_wakeup()")
			continue
		}
		s, _ := t.Repr(*c.script)
		if fn, ok := c.script.AsObj().(*vm.Function); ok {
			s = fn.Name() + "() at " + fmt.Sprintf("%s:%d", fn.Code().Filename, fn.Code().FirstLine)
		}
		names = append(names, s)
	}
	if len(names) > 2 {
		return fmt.Sprintf("%s, <%d more>, %s", names[0], len(names)-2, names[len(names)-1])
	}
	return strings.Join(names, ", ")
}

// Repr of a task, as CPython 3.11 prints it.
func (task *Task) Repr(t *vm.Thread) (string, error) {
	state := strings.ToLower(task.state.String())
	if task.state == stateFinished && task.cancelledExc != nil {
		state = "cancelled"
	}
	if task.state == statePending && task.mustCancel {
		state = "cancelling"
	}
	var b strings.Builder
	b.WriteString("<Task ")
	b.WriteString(state)
	b.WriteString(" name=")
	b.WriteString(vm.QuoteStr(task.Name()))
	b.WriteString(" coro=")
	b.WriteString(coroRepr(task.coro))
	if task.state == stateFinished {
		if task.exc != nil {
			s, _ := t.Repr(vm.Obj(task.exc))
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
	if len(task.callbacks) > 0 && task.state == statePending {
		b.WriteString(" cb=[" + task.callbackNames(t) + "]")
	}
	b.WriteString(">")
	return b.String(), nil
}

func (f *Future) reprText(t *vm.Thread) (string, error) {
	if task, ok := f.self.(*Task); ok {
		return task.Repr(t)
	}
	if r, ok := f.self.(vm.Reprer); ok {
		return r.Repr(t)
	}
	return f.Repr(t)
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
