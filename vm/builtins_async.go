package vm

// aiter and anext, the async counterparts of iter and next (3.10+).

// anextDefaultSource is anext(it, default): awaiting it gives the next item,
// or default once the iterator is exhausted. It is script code because it
// must itself be awaitable.
const anextDefaultSource = `
async def anext_default(ait, default):
    try:
        return await ait.__anext__()
    except StopAsyncIteration:
        return default
`

type anextKey struct{}

// anextDefault compiles the helper once per interpreter.
func (t *Thread) anextDefault() (Value, error) {
	if v, ok := t.interp.Ext(anextKey{}); ok {
		return v.(Value), nil
	}
	m := NewModule("_asy_anext", "")
	if err := t.ExecLibrary(m, "<anext>", anextDefaultSource); err != nil {
		return Undef, err
	}
	fn, _ := m.Get("anext_default")
	t.interp.SetExt(anextKey{}, fn)
	return fn, nil
}

// hasAsyncMethod reports whether v supports __aiter__ / __anext__: async
// generators, script classes defining it, Go async iterables.
func (t *Thread) hasAsyncMethod(v Value, name string) bool {
	if !v.isObj() {
		return false
	}
	switch o := v.o.(type) {
	case *Generator:
		return o.kind == FlagAsyncGen
	case *Instance:
		_, ok := t.lookupSpecial(v, name)
		return ok
	case AsyncIterable:
		return name == "__aiter__"
	case AsyncIterator:
		return name == "__anext__"
	}
	return false
}

func init() {
	builtinFuncs["aiter"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("aiter", args, 1); err != nil {
			return Undef, err
		}
		if !t.hasAsyncMethod(args[0], "__aiter__") {
			return Undef, Errorf(TypeError, "'%s' object is not an async iterable", args[0].TypeName())
		}
		return t.getAIter(args[0])
	}
	builtinFuncs["anext"] = func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("anext", args, 1, 2); err != nil {
			return Undef, err
		}
		if !t.hasAsyncMethod(args[0], "__anext__") {
			return Undef, Errorf(TypeError, "'%s' object is not an async iterator", args[0].TypeName())
		}
		if len(args) == 1 {
			return t.getANext(args[0])
		}
		fn, err := t.anextDefault()
		if err != nil {
			return Undef, err
		}
		return t.Call(fn, args, nil)
	}
}
