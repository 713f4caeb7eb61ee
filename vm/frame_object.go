package vm

import "fmt"

// Frame objects for sys._getframe and inspect. While its frame runs, a
// frame object reads it live (line, locals), as CPython's do; once the frame
// has returned (its registers are reused by then) it answers from the
// snapshot taken when it was made. A frame with a frame object is never
// recycled, so "is it still running" is a pointer search of the thread's
// call chain.

// FrameType is the class of frame snapshots.
var FrameType = newBuiltinClass("frame", ObjectType)

// FrameObject is a frame as scripts see it.
type FrameObject struct {
	t      *Thread
	frame  *Frame
	code   *Code
	line   int
	module *Module
	locals Value
	back   *FrameObject
}

// live reports whether the frame is still running on its thread.
func (f *FrameObject) live() bool {
	for fr := f.t.frame; fr != nil; fr = fr.back {
		if fr == f.frame {
			return true
		}
	}
	return false
}

func (*FrameObject) Class() *Class { return FrameType }

func (f *FrameObject) Repr(t *Thread) (string, error) {
	return fmt.Sprintf("<frame at %#x, file '%s', line %d, code %s>", identity(f), f.code.Filename, f.line, f.code.Name), nil
}

func (f *FrameObject) GetAttr(t *Thread, name string) (Value, bool, error) {
	switch name {
	case "f_code":
		return Obj(f.code), true, nil
	case "f_lineno":
		if f.live() {
			return Int(int64(f.frame.Line())), true, nil
		}
		return Int(int64(f.line)), true, nil
	case "f_globals":
		return globalsOf(f.module), true, nil
	case "f_locals":
		if f.live() {
			return frameLocals(f.frame), true, nil
		}
		return f.locals, true, nil
	case "f_builtins":
		return globalsOf(t.interp.builtins), true, nil
	case "f_generator":
		// 3.14: the generator or coroutine owning the frame.
		if g := f.frame.gen(); g != nil {
			return Obj(g), true, nil
		}
		return None, true, nil
	case "f_back":
		if f.back == nil {
			return None, true, nil
		}
		return Obj(f.back), true, nil
	}
	return Undef, false, nil
}

// frameLocals is locals() of a frame: the module's globals, a class body's
// namespace, or a function's bound local variables.
func frameLocals(f *Frame) Value {
	if f.code.Flags&FlagModule != 0 {
		return globalsOf(f.module)
	}
	if ns := f.classNS(); ns != nil {
		return ns.value()
	}
	d := NewDict()
	for i, name := range f.code.LocalNames {
		if i >= len(f.regs) {
			break
		}
		v := f.regs[i]
		if c, ok := v.o.(*Cell); ok {
			v = c.v
		}
		if !v.IsUndef() {
			d.SetStr(name, v)
		}
	}
	return Obj(d)
}

// GetFrame is sys._getframe(depth): the depth-th script frame out from the
// caller, with the frames below it.
func (t *Thread) GetFrame(depth int) (Value, error) {
	if depth < 0 {
		return Undef, Errorf(ValueError, "call stack is not deep enough")
	}
	f := t.frame
	for ; f != nil && depth > 0; f = f.back {
		depth--
	}
	if f == nil {
		return Undef, Errorf(ValueError, "call stack is not deep enough")
	}
	var top, prev *FrameObject
	for ; f != nil; f = f.back {
		f.exposed = true
		fo := &FrameObject{t: t, frame: f, code: f.code, line: f.Line(), module: f.module, locals: frameLocals(f)}
		if top == nil {
			top = fo
		} else {
			prev.back = fo
		}
		prev = fo
	}
	return Obj(top), nil
}

// SuspendedFrame is the frame object of a frame that is not running (a
// suspended coroutine's, as cr_frame shows it): its line and locals as
// they are now, and no f_back.
func (t *Thread) SuspendedFrame(f *Frame) Value {
	f.exposed = true
	return Obj(&FrameObject{t: t, frame: f, code: f.code, line: f.Line(), module: f.module, locals: frameLocals(f)})
}
