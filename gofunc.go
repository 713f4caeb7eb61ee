package asy

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	goruntime "runtime"
	"strings"

	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Go functions for scripts, in three forms:
//
//   - Func: any Go func, its arguments and results converted automatically.
//     It runs on the script's thread with the interpreter lock released, so
//     it may block (other threads and Go-side awaitables go on meanwhile).
//   - Builtin: the low-level form, with explicit unpacking of positional and
//     keyword arguments, run holding the interpreter lock.
//   - Async: a Go func that does slow work in its own goroutine; the script
//     awaits it like a coroutine (`data = await fetch(url)`), gathers many,
//     cancels them; its context is cancelled when the awaiting task is
//     (stdlib.GoAwait is the mechanism).
//
// A Go func may take a context.Context first: it receives the run's context
// (for Async, one that is also cancelled with the awaiting task). It returns
// nothing, a value, an error, or a value and an error. A returned error is
// raised in the script: an *Error keeps its exception type (so a Go function
// can raise ValueError with Raise), anything else becomes RuntimeError.

// Func is a Go function callable from scripts (automatic conversion).
type Func struct {
	name string
	sig  goSig
}

// NewFunc wraps a Go func. It fails for a non-function.
func NewFunc(fn any) (*Func, error) {
	sig, err := newGoSig(fn)
	if err != nil {
		return nil, err
	}
	return &Func{name: sig.name, sig: sig}, nil
}

// Named sets the name scripts and tracebacks see.
func (f *Func) Named(name string) *Func { f.name = name; return f }

func (f *Func) value() vm.Value {
	return vm.NewBuiltin(f.name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		in, err := f.sig.convertArgs(t, f.name, args, kw, interpOf(t).runCtx)
		if err != nil {
			return vm.Undef, err
		}
		var out []reflect.Value
		var panicked any
		t.Blocking(func() { out, panicked = callRecover(f.sig.fn, in) })
		if panicked != nil {
			return vm.Undef, vm.Errorf(vm.RuntimeError, "Go function %s panicked: %v", f.name, panicked)
		}
		return f.sig.results(t, out)
	})
}

// Async is a Go function run in its own goroutine and awaited by scripts.
type Async struct {
	name string
	sig  goSig
}

// NewAsync wraps a Go func whose first parameter is a context.Context.
func NewAsync(fn any) (*Async, error) {
	sig, err := newGoSig(fn)
	if err != nil {
		return nil, err
	}
	if !sig.ctx {
		return nil, fmt.Errorf("asy: NewAsync: %s must take a context.Context first", sig.fn.Type())
	}
	return &Async{name: sig.name, sig: sig}, nil
}

// Named sets the name scripts and tracebacks see.
func (a *Async) Named(name string) *Async { a.name = name; return a }

func (a *Async) value() vm.Value {
	return vm.NewBuiltin(a.name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		in, err := a.sig.convertArgs(t, a.name, args, kw, nil)
		if err != nil {
			return vm.Undef, err
		}
		// The goroutine's context derives from the run's, so the Go function
		// sees the host's deadline and values; GoAwait also cancels it with
		// the awaiting task and at the end of the run.
		return stdlib.NewGoAwait(t, a.name, interpOf(t).runCtx, func(ctx context.Context) (any, error) {
			in[0] = reflect.ValueOf(ctx)
			out, panicked := callRecover(a.sig.fn, in)
			if panicked != nil {
				return nil, goPanic{panicked}
			}
			return out, nil
		}, func(t *vm.Thread, r any, err error) (vm.Value, error) {
			if p, ok := err.(goPanic); ok {
				return vm.Undef, vm.Errorf(vm.RuntimeError, "Go function %s panicked: %v", a.name, p.v)
			}
			if err != nil {
				return vm.Undef, toScriptError(err)
			}
			return a.sig.results(t, r.([]reflect.Value))
		}), nil
	})
}

// goPanic carries a Go-side awaitable's panic to the loop thread.
type goPanic struct{ v any }

func (p goPanic) Error() string { return fmt.Sprint(p.v) }

func callRecover(fn reflect.Value, in []reflect.Value) (out []reflect.Value, panicked any) {
	defer func() { panicked = recover() }()
	return fn.Call(in), nil
}

// Builtin is the low-level form of a Go function: it unpacks its own
// arguments and runs holding the interpreter lock (so it must not block; use
// Async for slow work).
type Builtin struct {
	name string
	fn   func(ctx context.Context, args *Args) (any, error)
}

// NewBuiltin makes a low-level Go function.
func NewBuiltin(name string, fn func(ctx context.Context, args *Args) (any, error)) *Builtin {
	return &Builtin{name: name, fn: fn}
}

func (b *Builtin) value() vm.Value {
	return vm.NewBuiltin(b.name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (v vm.Value, err error) {
		defer func() {
			if p := recover(); p != nil {
				v, err = vm.Undef, vm.Errorf(vm.RuntimeError, "Go function %s panicked: %v", b.name, p)
			}
		}()
		r, err := b.fn(interpOf(t).runCtx, &Args{t: t, name: b.name, pos: args, kw: kw})
		if err != nil {
			return vm.Undef, toScriptError(err)
		}
		return toScript(t, r)
	})
}

// Args are the arguments of a Builtin call.
type Args struct {
	t    *vm.Thread
	name string
	pos  []vm.Value
	kw   []vm.KV
}

// Positional returns the positional arguments converted to Go.
func (a *Args) Positional() []any { return sliceFromScript(a.t, a.pos) }

// Keywords returns the keyword arguments converted to Go.
func (a *Args) Keywords() map[string]any {
	m := make(map[string]any, len(a.kw))
	for _, k := range a.kw {
		m[k.Name] = fromScript(a.t, k.Val)
	}
	return m
}

// Unpack binds the arguments to parameters given as pairs of a name and a
// pointer: "name", &x. A name ending in "?" is optional; the rest are
// required. Arguments bind by position, then by keyword, and convert to the
// pointers' types; a mismatch is the TypeError Python would raise.
func (a *Args) Unpack(pairs ...any) error {
	if len(pairs)%2 != 0 {
		return fmt.Errorf("asy: Unpack wants name/pointer pairs")
	}
	n := len(pairs) / 2
	names := make([]string, n)
	required := 0
	for i := 0; i < n; i++ {
		name, ok := pairs[2*i].(string)
		if !ok {
			return fmt.Errorf("asy: Unpack: parameter %d has no name", i)
		}
		if strings.HasSuffix(name, "?") {
			name = strings.TrimSuffix(name, "?")
		} else if i == required {
			required++
		}
		names[i] = name
	}
	vals, err := vm.UnpackArgs(a.name, a.pos, a.kw, required, names...)
	if err != nil {
		return err
	}
	for i, v := range vals {
		if v.IsUndef() {
			continue
		}
		ptr := reflect.ValueOf(pairs[2*i+1])
		if ptr.Kind() != reflect.Pointer || ptr.IsNil() {
			return fmt.Errorf("asy: Unpack: %s needs a non-nil pointer", names[i])
		}
		rv, err := convertArg(a.t, v, ptr.Type().Elem(), fmt.Sprintf("%s() argument '%s'", a.name, names[i]))
		if err != nil {
			return err
		}
		ptr.Elem().Set(rv)
	}
	return nil
}

// Raise makes an error that a Go function returns to raise a given
// built-in exception type in the script, e.g. Raise("ValueError", "bad id %d", id).
func Raise(excType, format string, args ...any) error {
	return &Error{Type: excType, Message: fmt.Sprintf(format, args...)}
}

// toScriptError turns a Go error into the exception the script sees.
func toScriptError(err error) error {
	var e *Error
	if errors.As(err, &e) {
		if cls := builtinExceptionClass(e.Type); cls != nil {
			return vm.NewException(cls, vm.Str(e.Message))
		}
	}
	if _, ok := err.(*vm.Instance); ok {
		return err
	}
	return vm.NewException(vm.RuntimeError, vm.Str(err.Error()))
}

func builtinExceptionClass(name string) *vm.Class {
	c, ok := vm.BuiltinClass(name)
	if !ok || !c.IsSubclass(vm.BaseException) {
		return nil
	}
	return c
}

// goSig is a reflected Go func with its calling convention.
type goSig struct {
	name     string
	fn       reflect.Value
	ctx      bool // first parameter is a context.Context
	params   []reflect.Type
	variadic bool
	errLast  bool // last result is an error
	nvals    int  // results other than the error (0 or 1)
}

var (
	ctxType = reflect.TypeOf((*context.Context)(nil)).Elem()
	errType = reflect.TypeOf((*error)(nil)).Elem()
)

func isFunc(x any) bool { return x != nil && reflect.TypeOf(x).Kind() == reflect.Func }

func newGoSig(fn any) (goSig, error) {
	rv := reflect.ValueOf(fn)
	if !isFunc(fn) || rv.IsNil() {
		return goSig{}, fmt.Errorf("asy: %T is not a function", fn)
	}
	rt := rv.Type()
	s := goSig{fn: rv, variadic: rt.IsVariadic(), name: funcName(rv)}
	for i := 0; i < rt.NumIn(); i++ {
		s.params = append(s.params, rt.In(i))
	}
	if len(s.params) > 0 && s.params[0] == ctxType {
		s.ctx = true
	}
	nout := rt.NumOut()
	if nout > 0 && rt.Out(nout-1) == errType {
		s.errLast = true
		nout--
	}
	if nout > 1 {
		return goSig{}, fmt.Errorf("asy: %s returns %d values; at most one value and an error", rt, rt.NumOut())
	}
	s.nvals = nout
	return s, nil
}

// funcName is the Go function's own name without its package ("fetch").
func funcName(rv reflect.Value) string {
	name := "gofunc"
	if f := goruntime.FuncForPC(rv.Pointer()); f != nil {
		name = f.Name()
	}
	if i := strings.LastIndex(name, "."); i >= 0 {
		name = name[i+1:]
	}
	if strings.HasPrefix(name, "func") {
		return "gofunc" // an anonymous function
	}
	return name
}

// convertArgs converts script arguments to the func's parameters; slot 0
// receives ctx when the func takes one (nil: filled in later by the caller).
func (s *goSig) convertArgs(t *vm.Thread, name string, args []vm.Value, kw []vm.KV, ctx context.Context) ([]reflect.Value, error) {
	if len(kw) > 0 {
		return nil, vm.Errorf(vm.TypeError, "%s() takes no keyword arguments", name)
	}
	params := s.params
	var in []reflect.Value
	if s.ctx {
		params = params[1:]
		if ctx == nil {
			ctx = context.Background()
		}
		in = append(in, reflect.ValueOf(ctx))
	}
	fixed := len(params)
	if s.variadic {
		fixed--
	}
	if len(args) < fixed || (!s.variadic && len(args) > fixed) {
		want := fmt.Sprintf("%d", fixed)
		if s.variadic {
			want = fmt.Sprintf("at least %d", fixed)
		}
		return nil, vm.Errorf(vm.TypeError, "%s() takes %s positional argument%s but %d %s given", name, want, vm.Plural(fixed), len(args), vm.WasWere(len(args)))
	}
	for i, a := range args {
		pt := reflect.Type(nil)
		if i < fixed {
			pt = params[i]
		} else {
			pt = params[fixed].Elem()
		}
		v, err := convertArg(t, a, pt, fmt.Sprintf("%s() argument %d", name, i+1))
		if err != nil {
			return nil, err
		}
		in = append(in, v)
	}
	return in, nil
}

// results converts what the func returned.
func (s *goSig) results(t *vm.Thread, out []reflect.Value) (vm.Value, error) {
	if s.errLast {
		if e := out[len(out)-1]; !e.IsNil() {
			return vm.Undef, toScriptError(e.Interface().(error))
		}
	}
	if s.nvals == 0 {
		return vm.None, nil
	}
	return toScript(t, out[0].Interface())
}

// interpOf finds the embedding Interpreter of a script thread.
func interpOf(t *vm.Thread) *Interpreter {
	if v, ok := t.Interp().Ext(interpKey{}); ok {
		return v.(*Interpreter)
	}
	return &Interpreter{runCtx: context.Background()}
}
