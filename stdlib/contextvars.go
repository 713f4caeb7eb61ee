package stdlib

import (
	"fmt"

	"github.com/asylang/asy/vm"
)

// contextvars: ContextVar, Context, Token and copy_context over vm.Context,
// which the event loop switches per task (runtime/task.go), so each asyncio
// task sees its own values as in CPython.

var (
	ctxVarType   = vm.NewNativeClass("ContextVar", "_contextvars", nil, newContextVar)
	contextType  = vm.NewNativeClass("Context", "_contextvars", nil, newContextObj)
	tokenType    = vm.NewNativeClass("Token", "_contextvars", nil, nil)
	tokenMissing = vm.NewNativeClass("Token.MISSING", "_contextvars", nil, nil)
)

type contextVar struct {
	name string
	def  vm.Value // Undef: no default
}

func (*contextVar) Class() *vm.Class { return ctxVarType }

func (v *contextVar) Repr(t *vm.Thread) (string, error) {
	s := fmt.Sprintf("<ContextVar name=%q", v.name)
	if !v.def.IsUndef() {
		d, err := t.Repr(v.def)
		if err != nil {
			return "", err
		}
		s += " default=" + d
	}
	return s + fmt.Sprintf(" at %p>", v), nil
}

func (v *contextVar) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	if name == "name" {
		return vm.Str(v.name), true, nil
	}
	return vm.Undef, false, nil
}

func newContextVar(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("ContextVar", args, kw, 1, "name", "default")
	if err != nil {
		return vm.Undef, err
	}
	name, ok := a[0].StrOf()
	if !ok {
		return vm.Undef, vm.Errorf(vm.TypeError, "context variable name must be a str")
	}
	return vm.Obj(&contextVar{name: name, def: a[1]}), nil
}

// contextObj is a Context object scripts hold.
type contextObj struct{ c *vm.Context }

func (*contextObj) Class() *vm.Class { return contextType }

func newContextObj(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("Context", args, 0); err != nil {
		return vm.Undef, err
	}
	return vm.Obj(&contextObj{c: vm.NewContext()}), nil
}

func (c *contextObj) Len() int { return c.c.Len() }

func (c *contextObj) GetItem(t *vm.Thread, key vm.Value) (vm.Value, error) {
	if v, ok := c.c.Get(key.AsObj()); ok {
		return v, nil
	}
	return vm.Undef, vm.NewException(vm.KeyError, key)
}

func (c *contextObj) Contains(t *vm.Thread, key vm.Value) (bool, error) {
	_, ok := c.c.Get(key.AsObj())
	return ok, nil
}

type ctxToken struct {
	v    *contextVar
	old  vm.Value // Undef: the variable was not set
	used bool
	ctx  *vm.Context
}

func (*ctxToken) Class() *vm.Class { return tokenType }

func (k *ctxToken) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	switch name {
	case "var":
		return vm.Obj(k.v), true, nil
	case "old_value":
		if k.old.IsUndef() {
			return vm.Obj(tokenMissing), true, nil
		}
		return k.old, true, nil
	}
	return vm.Undef, false, nil
}

// current is the running context, made on first write.
func current(t *vm.Thread) *vm.Context {
	if t.Ctx == nil {
		t.Ctx = vm.NewContext()
	}
	return t.Ctx
}

func init() {
	m := ctxVarType.AddMethod
	self := func(args []vm.Value) *contextVar { return args[0].AsObj().(*contextVar) }
	m("get", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.RangeArgs("get", args[1:], 0, 1); err != nil {
			return vm.Undef, err
		}
		v := self(args)
		if val, ok := t.Ctx.Get(v); ok {
			return val, nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		if !v.def.IsUndef() {
			return v.def, nil
		}
		return vm.Undef, vm.NewException(vm.LookupError, vm.Obj(v))
	})
	m("set", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("set", args[1:], 1); err != nil {
			return vm.Undef, err
		}
		v := self(args)
		ctx := current(t)
		old, _ := ctx.Get(v)
		ctx.Set(v, args[1])
		return vm.Obj(&ctxToken{v: v, old: old, ctx: ctx}), nil
	})
	m("reset", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("reset", args[1:], 1); err != nil {
			return vm.Undef, err
		}
		v := self(args)
		tok, ok := args[1].AsObj().(*ctxToken)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "expected an instance of Token, got %s", args[1].TypeName())
		}
		if tok.used {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "%s has already been used once", "<Token>")
		}
		if tok.v != v {
			return vm.Undef, vm.Errorf(vm.ValueError, "<Token> was created by a different ContextVar")
		}
		if tok.ctx != t.Ctx {
			return vm.Undef, vm.Errorf(vm.ValueError, "<Token> was created in a different Context")
		}
		tok.used = true
		t.Ctx.Set(v, tok.old)
		return vm.None, nil
	})
	c := contextType.AddMethod
	cself := func(args []vm.Value) *contextObj { return args[0].AsObj().(*contextObj) }
	c("run", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) < 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "run() missing 1 required positional argument")
		}
		co := cself(args)
		prev := t.Ctx
		t.Ctx = co.c
		defer func() { t.Ctx = prev }()
		return t.Call(args[1], args[2:], kw)
	})
	c("copy", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		n := cself(args).c.Copy()
		if n == nil {
			n = vm.NewContext()
		}
		return vm.Obj(&contextObj{c: n}), nil
	})
	c("get", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.RangeArgs("get", args[1:], 1, 2); err != nil {
			return vm.Undef, err
		}
		if v, ok := cself(args).c.Get(args[1].AsObj()); ok {
			return v, nil
		}
		if len(args) == 3 {
			return args[2], nil
		}
		return vm.None, nil
	})
	items := func(args []vm.Value, pick func(k vm.Object, v vm.Value) vm.Value) vm.Value {
		var out []vm.Value
		cself(args).c.Each(func(k vm.Object, v vm.Value) { out = append(out, pick(k, v)) })
		return vm.Obj(vm.NewList(out))
	}
	c("keys", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return items(args, func(k vm.Object, v vm.Value) vm.Value { return vm.Obj(k) }), nil
	})
	c("values", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return items(args, func(k vm.Object, v vm.Value) vm.Value { return v }), nil
	})
	c("items", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return items(args, func(k vm.Object, v vm.Value) vm.Value {
			return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(k), v}))
		}), nil
	})
	register("contextvars", func(it *vm.Interp) (*vm.Module, error) {
		mod := vm.NewModule("contextvars", "")
		mod.Set("ContextVar", vm.Obj(ctxVarType))
		mod.Set("Context", vm.Obj(contextType))
		mod.Set("Token", vm.Obj(tokenType))
		mod.Set("copy_context", vm.NewBuiltin("copy_context", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			n := t.Ctx.Copy()
			if n == nil {
				n = vm.NewContext()
			}
			return vm.Obj(&contextObj{c: n}), nil
		}))
		return mod, nil
	})
}
