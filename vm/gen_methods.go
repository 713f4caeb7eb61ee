package vm

// Methods of generator, coroutine and async generator objects.

func genSelf(args []Value) *Generator { return args[0].o.(*Generator) }

// genSend resumes g from Go: a yield returns the value, a return raises
// StopIteration(value) (StopAsyncIteration for async generators).
func (t *Thread) genSend(g *Generator, sent Value, throw error) (Value, error) {
	v, done, err := t.Resume(g, sent, throw)
	if err != nil {
		return Undef, err
	}
	if done {
		return Undef, stopIteration(v)
	}
	return v, nil
}

// throwArgs builds the exception for gen.throw(typ[, val[, tb]]).
func (t *Thread) throwArgs(args []Value) (*Instance, error) {
	if len(args) == 0 {
		return nil, Errorf(TypeError, "throw expected at least 1 argument, got 0")
	}
	typ := args[0]
	if c, ok := typ.o.(*Class); ok {
		var cargs []Value
		if len(args) > 1 && !args[1].IsNone() {
			if inst, ok := args[1].o.(*Instance); ok && inst.exc() != nil {
				return inst, nil
			}
			cargs = []Value{args[1]}
		}
		v, err := t.Call(Obj(c), cargs, nil)
		if err != nil {
			return nil, err
		}
		inst, ok := v.o.(*Instance)
		if !ok || inst.exc() == nil {
			return nil, Errorf(TypeError, "exceptions must be classes or instances deriving from BaseException, not %s", typ.TypeName())
		}
		return inst, nil
	}
	if inst, ok := typ.o.(*Instance); ok && inst.exc() != nil {
		return inst, nil
	}
	return nil, Errorf(TypeError, "exceptions must be classes or instances deriving from BaseException, not %s", typ.TypeName())
}

// genClose implements close(): GeneratorExit is thrown in; yielding again is an error.
func (t *Thread) genClose(g *Generator) error {
	if g.finished {
		return nil
	}
	if !g.started {
		g.finished = true
		return nil
	}
	_, done, err := t.Resume(g, None, NewInstance(GeneratorExit))
	if err != nil {
		if IsInstanceOf(err, GeneratorExit) || IsInstanceOf(err, StopIteration) {
			return nil
		}
		return err
	}
	if !done {
		what := "generator"
		if g.kind == FlagCoroutine {
			what = "coroutine"
		}
		return Errorf(RuntimeError, "%s ignored GeneratorExit", what)
	}
	return nil
}

func init() {
	for _, c := range []*Class{GeneratorType, CoroutineType} {
		c := c
		c.AddMethod("send", func(t *Thread, args []Value, kw []KV) (Value, error) {
			if len(kw) > 0 {
				return Undef, Errorf(TypeError, "%s.send() takes no keyword arguments", c.Name)
			}
			if len(args) != 2 {
				return Undef, Errorf(TypeError, "send() takes exactly one argument (%d given)", len(args)-1)
			}
			return t.genSend(genSelf(args), args[1], nil)
		})
		c.AddMethod("throw", func(t *Thread, args []Value, kw []KV) (Value, error) {
			if len(kw) > 0 {
				return Undef, Errorf(TypeError, "%s.throw() takes no keyword arguments", c.Name)
			}
			exc, err := t.throwArgs(args[1:])
			if err != nil {
				return Undef, err
			}
			return t.genSend(genSelf(args), None, exc)
		})
		c.AddMethod("close", func(t *Thread, args []Value, kw []KV) (Value, error) {
			if len(kw) > 0 {
				return Undef, Errorf(TypeError, "%s.close() takes no keyword arguments", c.Name)
			}
			if len(args) != 1 {
				return Undef, Errorf(TypeError, "%s.close() takes no arguments (%d given)", c.Name, len(args)-1)
			}
			return None, t.genClose(genSelf(args))
		})
	}
	// The dispatch loop runs gen.send(v) itself (inlineResume).
	genSendMethod = GeneratorType.Dict["send"].o.(*Builtin)
	GeneratorType.AddMethod("__next__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return t.genSend(genSelf(args), None, nil)
	})
	GeneratorType.AddMethod("__iter__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return args[0], nil
	})
	CoroutineType.AddMethod("__await__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Obj(&coroWrapper{g: genSelf(args)}), nil
	})
	ag := AsyncGeneratorType.AddMethod
	ag("__aiter__", func(t *Thread, args []Value, kw []KV) (Value, error) { return args[0], nil })
	ag("__anext__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Obj(&asyncGenStep{g: genSelf(args), first: None}), nil
	})
	ag("asend", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if len(args) != 2 {
			return Undef, Errorf(TypeError, "asend() takes exactly one argument (%d given)", len(args)-1)
		}
		return Obj(&asyncGenStep{g: genSelf(args), first: args[1]}), nil
	})
	ag("athrow", func(t *Thread, args []Value, kw []KV) (Value, error) {
		exc, err := t.throwArgs(args[1:])
		if err != nil {
			return Undef, err
		}
		return Obj(&asyncGenStep{g: genSelf(args), first: None, throw: exc}), nil
	})
	ag("aclose", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Obj(&asyncGenStep{g: genSelf(args), first: None, throw: NewInstance(GeneratorExit), closing: true}), nil
	})
	builtinObjAttrs["__name__"] = func(t *Thread, obj Value) (Value, bool, error) {
		if g, ok := obj.o.(*Generator); ok {
			return Str(g.Name()), true, nil
		}
		if b, ok := obj.o.(*Builtin); ok {
			return Str(b.Name), true, nil
		}
		return Undef, false, nil
	}
	builtinObjAttrs["__qualname__"] = func(t *Thread, obj Value) (Value, bool, error) {
		if g, ok := obj.o.(*Generator); ok {
			return Str(g.QualName()), true, nil
		}
		return Undef, false, nil
	}
}

// coroWrapper is what coroutine.__await__() returns: an iterator that
// drives the coroutine, so `yield from coro.__await__()` works in plain
// generators (as in custom awaitables).
type coroWrapper struct{ g *Generator }

var CoroWrapperType = newBuiltinClass("coroutine_wrapper", ObjectType)

func (*coroWrapper) Class() *Class { return CoroWrapperType }

// Send resumes the coroutine.
func (w *coroWrapper) Send(t *Thread, sent Value) (Value, bool, error) {
	w.g.awaited = true
	v, done, err := t.Resume(w.g, sent, nil)
	return v, done, err
}

// Next makes the wrapper an iterator.
func (w *coroWrapper) Next(t *Thread) (Value, bool, error) {
	v, done, err := w.Send(t, None)
	if err != nil || done {
		if done {
			t.stopValue = v
		}
		return Undef, false, err
	}
	return v, true, nil
}
