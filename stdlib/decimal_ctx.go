package stdlib

import (
	"strings"
	"sync/atomic"

	"github.com/asylang/asy/vm"
)

// decimal contexts and signals. A Context holds precision, rounding,
// exponent limits and the flags and traps of the signals; every Decimal
// operation rounds with the current context (getcontext(), a context
// variable, so each thread and each asyncio task sees its own once it sets
// one) and records its conditions there, raising the trapped ones.

// Condition bits, numbered as libmpdec numbers them: the order decides how
// a Context's repr lists flags and traps. InvalidOperation is the union of
// its sub-conditions (ConversionSyntax, DivisionUndefined...).
const (
	dfClamped uint32 = 1 << iota
	dfConversionSyntax
	dfDivisionByZero
	dfDivisionImpossible
	dfDivisionUndefined
	dfFpuError
	dfInexact
	dfInvalidContext
	dfInvalidOperation
	dfMallocError
	dfFloatOperation
	dfOverflow
	dfRounded
	dfSubnormal
	dfUnderflow
	dfCount = 15

	dfIEEEInvalid = dfConversionSyntax | dfDivisionImpossible | dfDivisionUndefined | dfFpuError |
		dfInvalidContext | dfInvalidOperation | dfMallocError
)

// The signal classes, shared by every interpreter (immutable).
var (
	decException          = vm.NewExceptionClass("DecimalException", "decimal", vm.ArithmeticError)
	decClamped            = vm.NewExceptionClass("Clamped", "decimal", decException)
	decInvalidOperation   = vm.NewExceptionClass("InvalidOperation", "decimal", decException)
	decConversionSyntax   = vm.NewExceptionClass("ConversionSyntax", "decimal", decInvalidOperation)
	decDivisionImpossible = vm.NewExceptionClass("DivisionImpossible", "decimal", decInvalidOperation)
	decDivisionUndefined  = vm.NewExceptionClass("DivisionUndefined", "decimal", decInvalidOperation, vm.ZeroDivisionError)
	decInvalidContext     = vm.NewExceptionClass("InvalidContext", "decimal", decInvalidOperation)
	decDivisionByZero     = vm.NewExceptionClass("DivisionByZero", "decimal", decException, vm.ZeroDivisionError)
	decInexact            = vm.NewExceptionClass("Inexact", "decimal", decException)
	decRounded            = vm.NewExceptionClass("Rounded", "decimal", decException)
	decSubnormal          = vm.NewExceptionClass("Subnormal", "decimal", decException)
	decOverflow           = vm.NewExceptionClass("Overflow", "decimal", decInexact, decRounded)
	decUnderflow          = vm.NewExceptionClass("Underflow", "decimal", decInexact, decRounded, decSubnormal)
	decFloatOperation     = vm.NewExceptionClass("FloatOperation", "decimal", decException, vm.TypeError)
)

type decSignal struct {
	cls  *vm.Class
	mask uint32
}

// decSignals are the nine signals, in the order signal dicts list them.
var decSignals = []decSignal{
	{decInvalidOperation, dfIEEEInvalid},
	{decFloatOperation, dfFloatOperation},
	{decDivisionByZero, dfDivisionByZero},
	{decOverflow, dfOverflow},
	{decUnderflow, dfUnderflow},
	{decSubnormal, dfSubnormal},
	{decInexact, dfInexact},
	{decRounded, dfRounded},
	{decClamped, dfClamped},
}

// decConditions name the sub-conditions of InvalidOperation, which lead
// the list a trapped signal's exception carries.
var decConditions = []decSignal{
	{decInvalidOperation, dfInvalidOperation},
	{decConversionSyntax, dfConversionSyntax},
	{decDivisionImpossible, dfDivisionImpossible},
	{decDivisionUndefined, dfDivisionUndefined},
	{decInvalidContext, dfInvalidContext},
}

// decBitNames names each condition bit in a Context repr.
var decBitNames = [dfCount]string{"Clamped", "InvalidOperation", "DivisionByZero", "InvalidOperation",
	"InvalidOperation", "InvalidOperation", "Inexact", "InvalidOperation", "InvalidOperation",
	"InvalidOperation", "FloatOperation", "Overflow", "Rounded", "Subnormal", "Underflow"}

// signalError is the exception for the trapped conditions hit: the first
// signal's class, with the list of the conditions as its argument.
func signalError(hit uint32) error {
	var cls *vm.Class
	for _, s := range decSignals {
		if hit&s.mask != 0 {
			cls = s.cls
			break
		}
	}
	var list []vm.Value
	for _, c := range decConditions {
		if hit&c.mask != 0 {
			list = append(list, vm.Obj(c.cls))
		}
	}
	for _, s := range decSignals[1:] {
		if hit&s.mask != 0 {
			list = append(list, vm.Obj(s.cls))
		}
	}
	return vm.NewException(cls, vm.Obj(vm.NewList(list)))
}

// Rounding modes, by index into decRoundings.
const (
	rndUp = iota
	rndDown
	rndCeiling
	rndFloor
	rndHalfUp
	rndHalfDown
	rndHalfEven
	rnd05Up
)

var decRoundings = [...]struct{ name string }{
	{"ROUND_UP"}, {"ROUND_DOWN"}, {"ROUND_CEILING"}, {"ROUND_FLOOR"}, {"ROUND_HALF_UP"},
	{"ROUND_HALF_DOWN"}, {"ROUND_HALF_EVEN"}, {"ROUND_05UP"},
}

const roundingValuesMsg = "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]"

const signalValuesMsg = "valid values for signals are:\n  [InvalidOperation, FloatOperation, DivisionByZero,\n   Overflow, Underflow, Subnormal, Inexact, Rounded,\n   Clamped]"

// parseRounding accepts one of the ROUND_* strings.
func parseRounding(v vm.Value) (int, error) {
	if s, ok := v.StrOf(); ok {
		switch s {
		case "ROUND_UP":
			return rndUp, nil
		case "ROUND_DOWN":
			return rndDown, nil
		case "ROUND_CEILING":
			return rndCeiling, nil
		case "ROUND_FLOOR":
			return rndFloor, nil
		case "ROUND_HALF_UP":
			return rndHalfUp, nil
		case "ROUND_HALF_DOWN":
			return rndHalfDown, nil
		case "ROUND_HALF_EVEN":
			return rndHalfEven, nil
		case "ROUND_05UP":
			return rnd05Up, nil
		}
	}
	return 0, vm.Errorf(vm.TypeError, roundingValuesMsg)
}

// Limits of a 64-bit CPython build.
const (
	decMaxPrec = 999999999999999999
	decMaxEmax = 999999999999999999
	decMinEmin = -999999999999999999
)

var (
	decContextType    = vm.NewNativeClass("Context", "decimal", nil, newDecContext)
	signalDictType    = vm.NewNativeClass("SignalDict", "abc", nil, nil)
	ctxManagerType    = vm.NewNativeClass("ContextManager", "decimal", nil, nil)
	decContextVarName = &decCtxKey{}
)

// decCtxKey is the key of the current decimal context in a thread's (or
// task's) contextvars context.
type decCtxKey struct{}

func (*decCtxKey) Class() *vm.Class { return vm.ObjectType }

// decCtx is a decimal.Context.
type decCtx struct {
	prec       int64
	round      int
	emin, emax int64
	capitals   int
	clamp      int
	flags      uint32
	traps      uint32
	scratch    *decScratch // see decScratch; never shared between contexts
}

func (*decCtx) Class() *vm.Class { return decContextType }

func (c *decCtx) copy() *decCtx {
	n := *c
	n.scratch = nil
	return &n
}

// etiny is the smallest exponent of a subnormal result; etop the largest
// exponent when clamp is set.
func (c *decCtx) etiny() int64 { return c.emin - c.prec + 1 }
func (c *decCtx) etop() int64  { return c.emax - c.prec + 1 }

// addStatus records conditions and raises the trapped ones.
func (c *decCtx) addStatus(status uint32) error {
	if status == 0 {
		return nil
	}
	c.flags |= status
	if hit := status & c.traps; hit != 0 {
		return signalError(hit)
	}
	return nil
}

func newDefaultCtx() *decCtx {
	c := &decCtx{prec: 28, round: rndHalfEven, emin: -999999, emax: 999999, capitals: 1,
		traps: dfIEEEInvalid | dfDivisionByZero | dfOverflow}
	return c
}

// decModuleState is what one interpreter's decimal module shares with its
// functions: the template contexts and the module (for DecimalTuple).
type decModuleState struct {
	dflt, basic, extended *decCtx
	mod                   *vm.Module
}

type decStateKey struct{}

func decState(t *vm.Thread) *decModuleState {
	it := t.Interp()
	if s, ok := it.Ext(decStateKey{}); ok {
		return s.(*decModuleState)
	}
	s := &decModuleState{dflt: newDefaultCtx()}
	s.basic = &decCtx{prec: 9, round: rndHalfUp, emin: -999999, emax: 999999, capitals: 1,
		traps: dfClamped | dfIEEEInvalid | dfDivisionByZero | dfOverflow | dfUnderflow}
	s.extended = &decCtx{prec: 9, round: rndHalfEven, emin: -999999, emax: 999999, capitals: 1}
	it.SetExt(decStateKey{}, s)
	return s
}

// curCtx is getcontext(): the context of the running thread or task, a
// fresh copy of DefaultContext the first time.
func curCtx(t *vm.Thread) *decCtx {
	gen := decCtxGen.Load()
	if e := decCtxLast.Load(); e != nil && e.ctx == t.Ctx && e.gen == gen && t.Ctx != nil {
		return e.dc
	}
	if v, ok := t.Ctx.Get(decContextVarName); ok {
		c := v.AsObj().(*decCtx)
		decCtxLast.Store(&decCtxSeen{ctx: t.Ctx, dc: c, gen: gen})
		return c
	}
	c := decState(t).dflt.copy()
	c.flags = 0
	setDecCtxVar(t, c)
	return c
}

// decCtxLast remembers the context variables last looked in and the
// decimal context found there, so that arithmetic does not pay a map
// lookup per operation. Only setDecCtxVar sets the variable (its key is
// private to this package), and it moves decCtxGen on, which voids the
// entry; a contextvars.Context is another *vm.Context, so switching to one
// misses.
var (
	decCtxLast atomic.Pointer[decCtxSeen]
	decCtxGen  atomic.Uint64
)

type decCtxSeen struct {
	ctx *vm.Context
	dc  *decCtx
	gen uint64
}

func setDecCtxVar(t *vm.Thread, c *decCtx) {
	decCtxGen.Add(1)
	current(t).Set(decContextVarName, vm.Obj(c))
}

// ctxArg is the optional context argument of a method (None: the current one).
func ctxArg(t *vm.Thread, v vm.Value) (*decCtx, error) {
	if v.IsUndef() || v.IsNone() {
		return curCtx(t), nil
	}
	if c, ok := v.AsObj().(*decCtx); ok && v.Kind() == vm.KObj {
		return c, nil
	}
	return nil, vm.Errorf(vm.TypeError, "optional argument must be a context")
}

// setContext is setcontext(): the templates are copied, as in CPython.
func setContext(t *vm.Thread, v vm.Value) error {
	c, ok := v.AsObj().(*decCtx)
	if !ok || v.Kind() != vm.KObj {
		return vm.Errorf(vm.TypeError, "argument must be a context")
	}
	s := decState(t)
	if c == s.dflt || c == s.basic || c == s.extended {
		c = c.copy()
		c.flags = 0
	}
	setDecCtxVar(t, c)
	return nil
}

// intSetting converts a context field's value (an int; bool is one).
func intSetting(v vm.Value) (int64, error) {
	if !vm.IsIntLike(v) {
		return 0, vm.Errorf(vm.TypeError, "an integer is required")
	}
	b := vm.AsBig(v)
	if !b.IsInt64() {
		return 0, vm.Errorf(vm.ValueError, "valid range")
	}
	return b.Int64(), nil
}

// set assigns one field with CPython's checks (fromInit: a Context()
// argument, where flags and traps may also be lists).
func (c *decCtx) set(t *vm.Thread, name string, v vm.Value, fromInit bool) error {
	rangeErr := func(msg string) error { return vm.Errorf(vm.ValueError, "%s", msg) }
	switch name {
	case "prec", "Emin", "Emax", "capitals", "clamp":
		n, err := intSetting(v)
		if err != nil && vm.IsInstanceOf(err, vm.TypeError) {
			return err
		}
		bad := err != nil
		switch name {
		case "prec":
			if bad || n < 1 || n > decMaxPrec {
				return rangeErr("valid range for prec is [1, MAX_PREC]")
			}
			c.prec = n
		case "Emin":
			if bad || n > 0 || n < decMinEmin {
				return rangeErr("valid range for Emin is [MIN_EMIN, 0]")
			}
			c.emin = n
		case "Emax":
			if bad || n < 0 || n > decMaxEmax {
				return rangeErr("valid range for Emax is [0, MAX_EMAX]")
			}
			c.emax = n
		case "capitals":
			if bad || n < 0 || n > 1 {
				return rangeErr("valid values for capitals are 0 or 1")
			}
			c.capitals = int(n)
		case "clamp":
			if bad || n < 0 || n > 1 {
				return rangeErr("valid values for clamp are 0 or 1")
			}
			c.clamp = int(n)
		}
	case "rounding":
		r, err := parseRounding(v)
		if err != nil {
			return err
		}
		c.round = r
	case "flags", "traps":
		bits, err := signalBits(t, v, fromInit)
		if err != nil {
			return err
		}
		if name == "flags" {
			c.flags = bits
		} else {
			c.traps = bits
		}
	default:
		return vm.Errorf(vm.AttributeError, "'decimal.Context' object has no attribute '%s'", name)
	}
	return nil
}

func (c *decCtx) SetAttr(t *vm.Thread, name string, v vm.Value) error {
	return c.set(t, name, v, false)
}

// signalOf finds the signal a key names (a signal class).
func signalOf(v vm.Value) (decSignal, bool) {
	if cls, ok := v.AsObj().(*vm.Class); ok && v.Kind() == vm.KObj {
		for _, s := range decSignals {
			if s.cls == cls {
				return s, true
			}
		}
	}
	return decSignal{}, false
}

// signalBits reads flags=/traps=: a list of signals that are set, or a
// dict giving every signal a truth value.
func signalBits(t *vm.Thread, v vm.Value, lists bool) (uint32, error) {
	var bits uint32
	if sd, ok := v.AsObj().(*signalDict); ok && v.Kind() == vm.KObj {
		return *sd.bits(), nil
	}
	if d, ok := v.AsObj().(*vm.Dict); ok && v.Kind() == vm.KObj {
		if d.Len() != len(decSignals) {
			return 0, vm.NewException(vm.KeyError, vm.Str("invalid signal dict"))
		}
		for _, k := range d.Keys() {
			s, ok := signalOf(k)
			if !ok {
				return 0, vm.NewException(vm.KeyError, vm.Str("invalid signal dict"))
			}
			val, _, err := d.Get(t, k)
			if err != nil {
				return 0, err
			}
			on, err := t.Truth(val)
			if err != nil {
				return 0, err
			}
			if on {
				bits |= s.mask
			}
		}
		return bits, nil
	}
	if _, ok := v.AsObj().(*vm.List); ok && v.Kind() == vm.KObj && lists {
		items, _ := t.ToList(v)
		for _, it := range items {
			s, ok := signalOf(it)
			if !ok {
				return 0, vm.NewException(vm.KeyError, vm.Str(signalValuesMsg))
			}
			bits |= s.mask
		}
		return bits, nil
	}
	return 0, vm.Errorf(vm.TypeError, "argument must be a signal dict")
}

// bitsString lists conditions as a Context repr does (InvalidOperation once).
func bitsString(bits uint32) string {
	var parts []string
	invalidDone := false
	for j := 0; j < dfCount; j++ {
		f := bits & (1 << j)
		if f == 0 {
			continue
		}
		if f&dfIEEEInvalid != 0 {
			if invalidDone {
				continue
			}
			invalidDone = true
		}
		parts = append(parts, decBitNames[j])
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func (c *decCtx) Repr(t *vm.Thread) (string, error) {
	return "Context(prec=" + itoa64(c.prec) + ", rounding=" + decRoundings[c.round].name +
		", Emin=" + itoa64(c.emin) + ", Emax=" + itoa64(c.emax) + ", capitals=" + itoa64(int64(c.capitals)) +
		", clamp=" + itoa64(int64(c.clamp)) + ", flags=" + bitsString(c.flags) + ", traps=" + bitsString(c.traps) + ")", nil
}

func itoa64(n int64) string {
	neg := n < 0
	u := uint64(n)
	if neg {
		u = uint64(-n)
	}
	var b [24]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

var ctxFieldNames = []string{"prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps"}

// newDecContext is Context(prec=None, rounding=None, Emin=None, Emax=None,
// capitals=None, clamp=None, flags=None, traps=None): unset fields come
// from DefaultContext, flags start clear.
func newDecContext(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := unpackCtxArgs(args, kw)
	if err != nil {
		return vm.Undef, err
	}
	c := decState(t).dflt.copy()
	c.flags = 0
	if err := c.apply(t, a); err != nil {
		return vm.Undef, err
	}
	return vm.WrapNative(cls, c), nil
}

func unpackCtxArgs(args []vm.Value, kw []vm.KV) ([]vm.Value, error) {
	a, err := decUnpack(args, kw, 0, ctxFieldNames...)
	return a[:], err
}

// apply sets the fields given (not None) in a.
func (c *decCtx) apply(t *vm.Thread, a []vm.Value) error {
	for i, v := range a {
		if v.IsUndef() || v.IsNone() {
			continue
		}
		if err := c.set(t, ctxFieldNames[i], v, true); err != nil {
			return err
		}
	}
	return nil
}

// signalDict is a Context's flags or traps as a mutable mapping from the
// signal classes to bools (live: it writes through to the context).
type signalDict struct {
	ctx   *decCtx
	traps bool
}

func (*signalDict) Class() *vm.Class { return signalDictType }

func (s *signalDict) bits() *uint32 {
	if s.traps {
		return &s.ctx.traps
	}
	return &s.ctx.flags
}

func (s *signalDict) Len() int { return len(decSignals) }

func (s *signalDict) GetItem(t *vm.Thread, key vm.Value) (vm.Value, error) {
	sig, ok := signalOf(key)
	if !ok {
		return vm.Undef, vm.NewException(vm.KeyError, vm.Str(signalValuesMsg))
	}
	return vm.Bool(*s.bits()&sig.mask != 0), nil
}

func (s *signalDict) Contains(t *vm.Thread, key vm.Value) (bool, error) {
	_, ok := signalOf(key)
	return ok, nil
}

func (s *signalDict) Iter(t *vm.Thread) (vm.Value, error) {
	i := 0
	return vm.NewIterator(vm.SeqIterType, func(t *vm.Thread) (vm.Value, bool, error) {
		if i >= len(decSignals) {
			return vm.Undef, false, nil
		}
		i++
		return vm.Obj(decSignals[i-1].cls), true, nil
	}), nil
}

func (s *signalDict) Repr(t *vm.Thread) (string, error) {
	parts := make([]string, len(decSignals))
	for i, sig := range decSignals {
		v := "False"
		if *s.bits()&sig.mask != 0 {
			v = "True"
		}
		parts[i] = "<class 'decimal." + sig.cls.Name + "'>:" + v
	}
	return "{" + strings.Join(parts, ", ") + "}", nil
}

// asDict is a plain dict copy of a signal dict.
func (s *signalDict) asDict(t *vm.Thread) (*vm.Dict, error) {
	d := vm.NewDict()
	for _, sig := range decSignals {
		if err := d.Set(t, vm.Obj(sig.cls), vm.Bool(*s.bits()&sig.mask != 0)); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (s *signalDict) Compare(t *vm.Thread, op int, other vm.Value) (bool, bool, error) {
	if op != vm.CmpEQ && op != vm.CmpNE {
		return false, false, nil
	}
	var eq bool
	if o, ok := other.AsObj().(*signalDict); ok && other.Kind() == vm.KObj {
		eq = *o.bits() == *s.bits()
	} else if _, ok := other.AsObj().(*vm.Dict); ok && other.Kind() == vm.KObj {
		d, err := s.asDict(t)
		if err != nil {
			return false, false, err
		}
		eq, err = t.Equal(vm.Obj(d), other)
		if err != nil {
			return false, false, err
		}
	} else {
		return false, false, nil
	}
	return eq == (op == vm.CmpEQ), true, nil
}

func init() {
	signalDictType.Dunders = true
	sd := func(args []vm.Value) *signalDict { return args[0].AsObj().(*signalDict) }
	m := signalDictType.AddMethod
	m("__setitem__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("__setitem__", args[1:], 2); err != nil {
			return vm.Undef, err
		}
		sig, ok := signalOf(args[1])
		if !ok {
			return vm.Undef, vm.NewException(vm.KeyError, vm.Str(signalValuesMsg))
		}
		on, err := t.Truth(args[2])
		if err != nil {
			return vm.Undef, err
		}
		b := sd(args).bits()
		if on {
			*b |= sig.mask
		} else {
			*b &^= sig.mask
		}
		return vm.None, nil
	})
	m("__delitem__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Undef, vm.Errorf(vm.ValueError, "signal keys cannot be deleted")
	})
	m("copy", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d, err := sd(args).asDict(t)
		return vm.Obj(d), err
	})
	view := func(name string, pick func(sig decSignal, on bool) vm.Value) {
		m(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			s := sd(args)
			out := make([]vm.Value, len(decSignals))
			for i, sig := range decSignals {
				out[i] = pick(sig, *s.bits()&sig.mask != 0)
			}
			return vm.Obj(vm.NewList(out)), nil
		})
	}
	view("keys", func(sig decSignal, on bool) vm.Value { return vm.Obj(sig.cls) })
	view("values", func(sig decSignal, on bool) vm.Value { return vm.Bool(on) })
	view("items", func(sig decSignal, on bool) vm.Value {
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(sig.cls), vm.Bool(on)}))
	})
	m("get", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.RangeArgs("get", args[1:], 1, 2); err != nil {
			return vm.Undef, err
		}
		if sig, ok := signalOf(args[1]); ok {
			return vm.Bool(*sd(args).bits()&sig.mask != 0), nil
		}
		if len(args) == 3 {
			return args[2], nil
		}
		return vm.None, nil
	})
	m("update", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s := sd(args)
		if len(args) > 1 {
			d := vm.NewDict()
			if err := t.DictUpdate(d, args[1]); err != nil {
				return vm.Undef, err
			}
			for _, k := range d.Keys() {
				v, _, _ := d.Get(t, k)
				if _, err := t.CallMethod(args[0], "__setitem__", k, v); err != nil {
					return vm.Undef, err
				}
			}
		}
		_ = s
		return vm.None, nil
	})
	initDecContextClass()
}
