package vm

// Key functions: sort keys, groupby keys, min/max keys and predicates are
// called once per item from Go, mostly with a lambda of one parameter.
// Such a function runs as a direct frame (as a method call's does with
// self), without Call's argument binding or an argument slice.

// plainKeyFunc returns key as a script function that takes exactly one
// positional parameter and is no generator (callMethodFrame can run it),
// else nil.
func plainKeyFunc(key Value) *Function {
	fn, ok := key.o.(*Function)
	if !ok {
		return nil
	}
	if c := fn.code; c.ArgCount != 1 || c.KwOnlyCount != 0 || c.Flags&(FlagGenerator|FlagCoroutine|FlagAsyncGen|FlagVarargs|FlagVarkw) != 0 {
		return nil
	}
	return fn
}

// Call1 is Call(fn, [arg]) for a key function or predicate called once per
// item: a one-parameter script function runs as a direct frame; anything
// else gets its argument on the thread's value stack (callees copy what
// they keep, as for the dispatch loop's calls).
func (t *Thread) Call1(fn, arg Value) (Value, error) {
	if f := plainKeyFunc(fn); f != nil {
		return t.callMethodFrame(f, arg, nil)
	}
	args := t.allocRegs(1)
	args[0] = arg
	r, err := t.Call(fn, args, nil)
	t.freeRegs(args)
	return r, err
}
