package stdlib

import "github.com/asylang/asy/vm"

// The decimal module object, the Context class's own methods and
// localcontext.

func ctxSelf(args []vm.Value) *decCtx {
	if c, ok := args[0].AsObj().(*decCtx); ok {
		return c
	}
	if inst, ok := args[0].AsObj().(*vm.Instance); ok {
		if c, ok := inst.Payload().AsObj().(*decCtx); ok {
			return c
		}
	}
	return nil
}

func initDecContextClass() {
	ct := decContextType
	ct.Dunders = true
	ct.FullName = "decimal.Context"
	prop := func(name string, get func(c *decCtx) vm.Value) {
		ct.AddProperty(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return get(ctxSelf(args)), nil
		})
	}
	prop("prec", func(c *decCtx) vm.Value { return vm.Int(c.prec) })
	prop("rounding", func(c *decCtx) vm.Value { return vm.Str(decRoundings[c.round].name) })
	prop("Emin", func(c *decCtx) vm.Value { return vm.Int(c.emin) })
	prop("Emax", func(c *decCtx) vm.Value { return vm.Int(c.emax) })
	prop("capitals", func(c *decCtx) vm.Value { return vm.Int(int64(c.capitals)) })
	prop("clamp", func(c *decCtx) vm.Value { return vm.Int(int64(c.clamp)) })
	prop("flags", func(c *decCtx) vm.Value { return vm.Obj(&signalDict{ctx: c}) })
	prop("traps", func(c *decCtx) vm.Value { return vm.Obj(&signalDict{ctx: c, traps: true}) })
	m := ct.AddMethod
	noArgs := func(name string, fn func(t *vm.Thread, c *decCtx) (vm.Value, error)) {
		m(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if len(args) > 1 {
				return vm.Undef, vm.Errorf(vm.TypeError, "Context.%s() takes no arguments (%d given)", name, len(args)-1)
			}
			return fn(t, ctxSelf(args))
		})
	}
	noArgs("copy", func(t *vm.Thread, c *decCtx) (vm.Value, error) { return vm.Obj(c.copy()), nil })
	noArgs("__copy__", func(t *vm.Thread, c *decCtx) (vm.Value, error) { return vm.Obj(c.copy()), nil })
	noArgs("clear_flags", func(t *vm.Thread, c *decCtx) (vm.Value, error) {
		c.flags = 0
		return vm.None, nil
	})
	noArgs("clear_traps", func(t *vm.Thread, c *decCtx) (vm.Value, error) {
		c.traps = 0
		return vm.None, nil
	})
	noArgs("Etiny", func(t *vm.Thread, c *decCtx) (vm.Value, error) { return vm.Int(c.etiny()), nil })
	noArgs("Etop", func(t *vm.Thread, c *decCtx) (vm.Value, error) { return vm.Int(c.etop()), nil })
	noArgs("__repr__", func(t *vm.Thread, c *decCtx) (vm.Value, error) {
		s, err := c.Repr(t)
		return vm.Str(s), err
	})
	noArgs("__reduce__", func(t *vm.Thread, c *decCtx) (vm.Value, error) {
		bitsList := func(bits uint32) vm.Value {
			var out []vm.Value
			for _, s := range decSignals {
				if bits&s.mask != 0 {
					out = append(out, vm.Obj(s.cls))
				}
			}
			return vm.Obj(vm.NewList(out))
		}
		fields := []vm.Value{vm.Int(c.prec), vm.Str(decRoundings[c.round].name), vm.Int(c.emin), vm.Int(c.emax),
			vm.Int(int64(c.capitals)), vm.Int(int64(c.clamp)), bitsList(c.flags), bitsList(c.traps)}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(decContextType), vm.Obj(vm.NewTuple(fields))})), nil
	})
	m("__init__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return vm.None, nil })
	m("create_decimal", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := decUnpack(args[1:], kw, 0, "num")
		if err != nil {
			return vm.Undef, err
		}
		c := ctxSelf(args)
		x, err := decConvert(t, c, a[0], true)
		if err != nil {
			return vm.Undef, err
		}
		return createDecimal(c, x)
	})
	m("create_decimal_from_float", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("create_decimal_from_float", args[1:], 1); err != nil {
			return vm.Undef, err
		}
		c := ctxSelf(args)
		var x *decObj
		if i, ok := intOf(args[1]); ok {
			x = &decObj{}
			setDecInt(&x.d, i)
		} else if args[1].Kind() == vm.KFloat || isFloatSubclass(args[1]) {
			f, _ := vm.AsFloat(floatPayload(args[1]))
			x = decFromFloat(f)
		} else {
			return vm.Undef, vm.Errorf(vm.TypeError, "argument must be int or float")
		}
		return createDecimal(c, x)
	})
}

// createDecimal rounds a new Decimal to the context (create_decimal): a
// NaN's payload must fit in the precision.
func createDecimal(c *decCtx, x *decObj) (vm.Value, error) {
	if isNaN(&x.d) {
		if x.d.Coeff.Sign() != 0 && numDigits(&x.d.Coeff) > c.prec-int64(c.clamp) {
			return c.invalid(dfConversionSyntax)
		}
		return vm.Obj(x), nil
	}
	return c.fixed(&x.d)
}

// ctxManager is what localcontext() returns: entering installs a copy of
// the context (with the keyword changes), leaving restores the one that
// was current when localcontext() was called.
type ctxManager struct {
	local, saved *decCtx
}

func (*ctxManager) Class() *vm.Class { return ctxManagerType }

func localContext(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) > 1 {
		return vm.Undef, vm.Errorf(vm.TypeError, "localcontext() takes at most 1 positional argument (%d given)", len(args))
	}
	var ctxv vm.Value
	if len(args) == 1 {
		ctxv = args[0]
	}
	var fields []vm.KV
	for _, k := range kw {
		if k.Name == "ctx" && ctxv.IsUndef() {
			ctxv = k.Val
			continue
		}
		fields = append(fields, k)
	}
	saved := curCtx(t)
	base := saved
	if !ctxv.IsUndef() && !ctxv.IsNone() {
		c, ok := ctxv.AsObj().(*decCtx)
		if !ok || ctxv.Kind() != vm.KObj {
			return vm.Undef, vm.Errorf(vm.TypeError, "optional argument must be a context")
		}
		base = c
	}
	local := base.copy()
	a, err := unpackCtxArgs(nil, fields)
	if err != nil {
		return vm.Undef, err
	}
	if err := local.apply(t, a); err != nil {
		return vm.Undef, err
	}
	return vm.Obj(&ctxManager{local: local, saved: saved}), nil
}

func init() {
	ctxManagerType.AddMethod("__enter__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		cm := args[0].AsObj().(*ctxManager)
		if err := setContext(t, vm.Obj(cm.local)); err != nil {
			return vm.Undef, err
		}
		return vm.Obj(cm.local), nil
	})
	ctxManagerType.AddMethod("__exit__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		cm := args[0].AsObj().(*ctxManager)
		return vm.None, setContext(t, vm.Obj(cm.saved))
	})
	initDecimalMethods()
	register("decimal", decimalModule)
}

func decimalModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("decimal", "")
	s := decState(it.MainThread())
	s.mod = m
	m.Set("Decimal", vm.Obj(decimalType))
	m.Set("Context", vm.Obj(decContextType))
	for _, cls := range []*vm.Class{decException, decClamped, decInvalidOperation, decConversionSyntax,
		decDivisionImpossible, decDivisionUndefined, decInvalidContext, decDivisionByZero, decInexact,
		decRounded, decSubnormal, decOverflow, decUnderflow, decFloatOperation} {
		m.Set(cls.Name, vm.Obj(cls))
	}
	for _, r := range decRoundings {
		m.Set(r.name, vm.Str(r.name))
	}
	m.Set("DefaultContext", vm.Obj(s.dflt))
	m.Set("BasicContext", vm.Obj(s.basic))
	m.Set("ExtendedContext", vm.Obj(s.extended))
	m.Set("MAX_PREC", vm.Int(decMaxPrec))
	m.Set("MAX_EMAX", vm.Int(decMaxEmax))
	m.Set("MIN_EMIN", vm.Int(decMinEmin))
	m.Set("MIN_ETINY", vm.Int(decMinEmin-(decMaxPrec-1)))
	m.Set("HAVE_THREADS", vm.True)
	m.Set("HAVE_CONTEXTVAR", vm.True)
	m.Set("__version__", vm.Str("1.70"))
	m.Set("__libmpdec_version__", vm.Str("2.5.1"))
	m.Set("getcontext", vm.NewBuiltin("getcontext", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("getcontext", args, 0); err != nil {
			return vm.Undef, err
		}
		return vm.Obj(curCtx(t)), nil
	}))
	m.Set("setcontext", vm.NewBuiltin("setcontext", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("setcontext", args, 1); err != nil {
			return vm.Undef, err
		}
		return vm.None, setContext(t, args[0])
	}))
	m.Set("localcontext", vm.NewBuiltin("localcontext", localContext))
	return m, nil
}
