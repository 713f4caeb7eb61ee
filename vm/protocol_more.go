package vm

// Context managers, awaitables, async iteration, dict merging.

// withEnter implements the start of a with statement: returns the bound
// __exit__ and the result of __enter__().
func (t *Thread) withEnter(mgr Value) (exit, enter Value, err error) {
	cls := mgr.Class()
	en, ok1 := cls.Lookup("__enter__")
	ex, ok2 := cls.Lookup("__exit__")
	if !ok1 || !ok2 {
		if !ok1 {
			return Undef, Undef, Errorf(TypeError, "'%s' object does not support the context manager protocol", mgr.TypeName())
		}
		return Undef, Undef, Errorf(TypeError, "'%s' object does not support the context manager protocol (missed __exit__ method)", mgr.TypeName())
	}
	exit, err = t.bindAttr(ex, mgr, cls)
	if err != nil {
		return
	}
	enterFn, err := t.bindAttr(en, mgr, cls)
	if err != nil {
		return
	}
	enter, err = t.Call(enterFn, nil, nil)
	return
}

// asyncWithEnter starts `async with`: the bound __aexit__ and the awaitable of __aenter__().
func (t *Thread) asyncWithEnter(mgr Value) (exit, aw Value, err error) {
	cls := mgr.Class()
	en, ok1 := cls.Lookup("__aenter__")
	ex, ok2 := cls.Lookup("__aexit__")
	if !ok1 || !ok2 {
		if !ok1 {
			return Undef, Undef, Errorf(TypeError, "'%s' object does not support the asynchronous context manager protocol", mgr.TypeName())
		}
		return Undef, Undef, Errorf(TypeError, "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)", mgr.TypeName())
	}
	exit, err = t.bindAttr(ex, mgr, cls)
	if err != nil {
		return
	}
	enterFn, err := t.bindAttr(en, mgr, cls)
	if err != nil {
		return
	}
	r, err := t.Call(enterFn, nil, nil)
	if err != nil {
		return
	}
	aw, err = t.getAwaitable(r)
	return
}

// Awaitable is implemented by Go objects that can be awaited (runtime
// futures and tasks). Await returns the iterator that `await` drives; it
// usually implements GoAwaitIter.
type Awaitable interface {
	Await(t *Thread) (Value, error)
}

// getAwaitable implements GET_AWAITABLE.
func (t *Thread) getAwaitable(v Value) (Value, error) {
	if v.isObj() {
		switch o := v.o.(type) {
		case *Generator:
			if o.kind == FlagCoroutine || o.has(genIterableCoroutine) {
				o.awaited = true
				return v, nil
			}
		case GoAwaitIter:
			if nc, ok := o.(NativeCoroutine); ok {
				nc.MarkAwaited()
			}
			return v, nil
		case Awaitable:
			return o.Await(t)
		case *Instance:
			if m, ok := t.lookupSpecial(v, "__await__"); ok {
				r, err := t.callBound(m, v, nil, nil)
				if err != nil {
					return Undef, err
				}
				if g, ok := r.o.(*Generator); ok && g.kind == FlagCoroutine {
					return Undef, Errorf(TypeError, "__await__() returned a coroutine")
				}
				if !t.isIterator(r) {
					return Undef, Errorf(TypeError, "__await__() returned non-iterator of type '%s'", r.TypeName())
				}
				return r, nil
			}
		}
	}
	return Undef, Errorf(TypeError, "object %s can't be used in 'await' expression", v.TypeName())
}

// asyncGenValue marks a value yielded by an async generator's own `yield`
// (as opposed to values passed through from awaits inside it).
type asyncGenValue struct{ v Value }

func (*asyncGenValue) Class() *Class { return ObjectType }

// asyncGenStep is the awaitable returned by asend/__anext__/athrow/aclose.
type asyncGenStep struct {
	g       *Generator
	first   Value // value to send on the first step
	throw   error // for athrow/aclose
	closing bool
	done    bool
}

var AsyncGenASendType = newBuiltinClass("async_generator_asend", ObjectType)

func (*asyncGenStep) Class() *Class { return AsyncGenASendType }

// Send advances the async generator by one awaitable step.
func (s *asyncGenStep) Send(t *Thread, sent Value) (Value, bool, error) {
	if s.done {
		return Undef, false, Errorf(RuntimeError, "cannot reuse already awaited __anext__()/asend()")
	}
	var throw error
	if !s.first.IsUndef() {
		sent = s.first
		s.first = Undef
		throw = s.throw
		s.throw = nil
	}
	if s.g.finished {
		s.done = true
		if s.closing {
			return None, true, nil
		}
		if throw != nil {
			return Undef, false, throw
		}
		return Undef, false, NewInstance(StopAsyncIteration)
	}
	if !s.g.started && s.closing {
		s.g.finished = true
		s.done = true
		return None, true, nil
	}
	if !s.g.started && t.interp.Hooks.OnAsyncGenStart != nil {
		t.interp.Hooks.OnAsyncGenStart(t, s.g)
	}
	v, done, err := t.Resume(s.g, sent, throw)
	if err != nil {
		s.done = true
		if s.closing && (IsInstanceOf(err, GeneratorExit) || IsInstanceOf(err, StopAsyncIteration)) {
			return None, true, nil
		}
		return Undef, false, err
	}
	if done {
		s.done = true
		if s.closing {
			return None, true, nil
		}
		return Undef, false, NewInstance(StopAsyncIteration)
	}
	if w, ok := v.o.(*asyncGenValue); ok {
		s.done = true
		if s.closing {
			return Undef, false, Errorf(RuntimeError, "async generator ignored GeneratorExit")
		}
		return w.v, true, nil
	}
	return v, false, nil
}

// getAIter implements GET_AITER.
func (t *Thread) getAIter(v Value) (Value, error) {
	if v.isObj() {
		switch o := v.o.(type) {
		case *Generator:
			if o.kind == FlagAsyncGen {
				return v, nil
			}
		case *Instance:
			if m, ok := t.lookupSpecial(v, "__aiter__"); ok {
				return t.callBound(m, v, nil, nil)
			}
		case AsyncIterable:
			return o.AIter(t)
		}
	}
	return Undef, Errorf(TypeError, "'async for' requires an object with __aiter__ method, got %s", v.TypeName())
}

// AsyncIterable is implemented by Go objects usable in async for.
type AsyncIterable interface {
	AIter(t *Thread) (Value, error)
}

// AsyncIterator is implemented by Go async iterators: ANext returns an awaitable.
type AsyncIterator interface {
	ANext(t *Thread) (Value, error)
}

// getANext implements GET_ANEXT: the awaitable of the next item.
func (t *Thread) getANext(v Value) (Value, error) {
	if v.isObj() {
		switch o := v.o.(type) {
		case *Generator:
			if o.kind == FlagAsyncGen {
				return Obj(&asyncGenStep{g: o, first: None}), nil
			}
		case *Instance:
			if m, ok := t.lookupSpecial(v, "__anext__"); ok {
				r, err := t.callBound(m, v, nil, nil)
				if err != nil {
					return Undef, err
				}
				aw, err := t.getAwaitable(r)
				if err != nil {
					return Undef, Errorf(TypeError, "'async for' received an invalid object from __anext__: %s", r.TypeName())
				}
				return aw, nil
			}
		case AsyncIterator:
			r, err := o.ANext(t)
			if err != nil {
				return Undef, err
			}
			return t.getAwaitable(r)
		}
	}
	return Undef, Errorf(TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s", v.TypeName())
}

// dictMerge implements {**m} (DICT_UPDATE) and f(**m) (DICT_MERGE, where a
// repeated key is an error).
func (t *Thread) dictMerge(d *Dict, m Value, isCall bool) error {
	if src, ok := m.o.(*Dict); ok && !isCall {
		return d.Merge(t, src)
	}
	if src, ok := m.o.(*Dict); ok {
		var err error
		src.Items(func(k, v Value) bool {
			if isCall {
				if _, ok := k.StrOf(); !ok {
					err = Errorf(TypeError, "keywords must be strings")
					return false
				}
				if _, dup, _ := d.Get(t, k); dup {
					err = &dupKeyword{k.o.(*StrObj).s}
					return false
				}
			}
			err = d.Set(t, k, v)
			return err == nil
		})
		return err
	}
	keysM, err := t.GetAttr(m, "keys")
	if err != nil {
		if isCall {
			return errNotMapping
		}
		return Errorf(TypeError, "'%s' object is not a mapping", m.TypeName())
	}
	keys, err := t.Call(keysM, nil, nil)
	if err != nil {
		return err
	}
	return t.Iterate(keys, func(k Value) error {
		v, err := t.GetItem(m, k)
		if err != nil {
			return err
		}
		return d.Set(t, k, v)
	})
}

// printExpr echoes a REPL expression result and stores it in builtins._.
func (t *Thread) printExpr(v Value) error {
	if v.IsNone() {
		return nil
	}
	s, err := t.Repr(v)
	if err != nil {
		return err
	}
	t.interp.builtins.Set("_", v)
	t.interp.Stdout.WriteString(s + "\n")
	return nil
}
