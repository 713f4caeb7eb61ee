package stdlib

import (
	"sort"
	"strconv"
	"strings"

	"github.com/asylang/asy/vm"
)

// _pprint: PrettyPrinter._safe_repr in Go. pprint lays a structure out by
// asking for the one-line repr of every subtree at every level, so this is
// where pprint's time goes. pylib/pprint.py calls it when format() is not
// overridden (an overriding format must see every nested call). Exact
// dict/list/tuple, the built-in scalars and objects with their own repr are
// done here; subclasses of int/dict/list/tuple go back to the Python
// _safe_repr (a subclass with the base's repr is laid out like the base),
// and dicts whose keys are not all str or all int are sorted by Python's
// sorted(..., key=_safe_tuple).

type safeRepr struct {
	sortItems vm.Value // pprint._sorted_items(dict) -> sorted list of items
}

func init() {
	register("_pprint", func(it *vm.Interp) (*vm.Module, error) {
		m := vm.NewModule("_pprint", "")
		m.Set("safe_reprer", vm.NewBuiltin("safe_reprer", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if err := vm.ExactArgs("safe_reprer", args, 1); err != nil {
				return vm.Undef, err
			}
			sr := &safeRepr{sortItems: args[0]}
			return vm.NewBuiltin("safe_repr", sr.call), nil
		}))
		return m, nil
	})
}

// safeReprCall is one top-level call's settings.
type safeReprCall struct {
	*safeRepr
	context    *vm.Dict
	maxlevels  int64 // 0: no limit
	sortDicts  bool
	underscore bool
	fallback   vm.Value // the printer's Python _safe_repr (bound)
}

// call is safe_repr(object, context, maxlevels, level, sort_dicts,
// underscore_numbers, fallback) -> (repr, readable, recursive).
func (sr *safeRepr) call(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("safe_repr", args, 7); err != nil {
		return vm.Undef, err
	}
	ctx, ok := args[1].AsObj().(*vm.Dict)
	if args[1].Kind() != vm.KObj || !ok {
		return t.Call(args[6], args[:4], nil)
	}
	c := &safeReprCall{safeRepr: sr, context: ctx, fallback: args[6]}
	if !args[2].IsNone() {
		ml, err := t.AsInt64(args[2])
		if err != nil {
			return t.Call(args[6], args[:4], nil)
		}
		c.maxlevels = ml
	}
	level, err := t.AsInt64(args[3])
	if err != nil {
		return t.Call(args[6], args[:4], nil)
	}
	var err2 error
	if c.sortDicts, err2 = t.Truth(args[4]); err2 != nil {
		return vm.Undef, err2
	}
	if c.underscore, err2 = t.Truth(args[5]); err2 != nil {
		return vm.Undef, err2
	}
	rep, readable, recursive, err := c.repr(t, args[0], level)
	if err != nil {
		return vm.Undef, err
	}
	return vm.Obj(vm.NewTuple([]vm.Value{vm.Str(rep), vm.Bool(readable), vm.Bool(recursive)})), nil
}

func (c *safeReprCall) repr(t *vm.Thread, x vm.Value, level int64) (string, bool, bool, error) {
	switch x.Kind() {
	case vm.KNone, vm.KBool, vm.KFloat:
		s, err := t.Repr(x)
		return s, true, false, err
	case vm.KInt:
		return c.intRepr(t, x)
	}
	cls := x.Class()
	switch cls {
	case vm.StrType, vm.BytesType, vm.ByteArrayType, vm.FloatType, vm.ComplexType, vm.BoolType, vm.NoneType:
		s, err := t.Repr(x)
		return s, true, false, err
	case vm.IntType:
		return c.intRepr(t, x)
	case vm.DictType:
		return c.dict(t, x, x.AsObj().(*vm.Dict), level)
	case vm.ListType:
		items := x.AsObj().(*vm.List).Items()
		if len(items) == 0 {
			return "[]", true, false, nil
		}
		return c.seq(t, x, "[", "]", level)
	case vm.TupleType:
		items := x.AsObj().(*vm.Tuple).Items()
		switch len(items) {
		case 0:
			return "()", true, false, nil
		case 1:
			return c.seq(t, x, "(", ",)", level)
		}
		return c.seq(t, x, "(", ")", level)
	}
	if cls.IsSubclass(vm.IntType) || cls.IsSubclass(vm.DictType) || cls.IsSubclass(vm.ListType) || cls.IsSubclass(vm.TupleType) {
		return c.viaPython(t, x, level)
	}
	s, err := t.Repr(x)
	return s, s != "" && !strings.HasPrefix(s, "<"), false, err
}

func (c *safeReprCall) intRepr(t *vm.Thread, x vm.Value) (string, bool, bool, error) {
	if c.underscore {
		s, err := t.Format(x, "_d")
		return s, true, false, err
	}
	s, err := t.Repr(x)
	return s, true, false, err
}

// viaPython runs the printer's Python _safe_repr on x (which calls back
// here for what x contains).
func (c *safeReprCall) viaPython(t *vm.Thread, x vm.Value, level int64) (string, bool, bool, error) {
	var ml vm.Value = vm.None
	if c.maxlevels != 0 {
		ml = vm.Int(c.maxlevels)
	}
	r, err := t.Call(c.fallback, []vm.Value{x, vm.Obj(c.context), ml, vm.Int(level)}, nil)
	if err != nil {
		return "", false, false, err
	}
	tup, ok := r.AsObj().(*vm.Tuple)
	if r.Kind() != vm.KObj || !ok || len(tup.Items()) != 3 {
		return "", false, false, vm.NewError(vm.TypeError, "_safe_repr must return a 3-tuple")
	}
	it := tup.Items()
	s, ok := it[0].StrOf()
	if !ok {
		if s, err = t.StrOf(it[0]); err != nil {
			return "", false, false, err
		}
	}
	readable, err := t.Truth(it[1])
	if err != nil {
		return "", false, false, err
	}
	recursive, err := t.Truth(it[2])
	return s, readable, recursive, err
}

func recursionMarker(t *vm.Thread, x vm.Value) string {
	return "<Recursion on " + x.Class().Name + " with id=" + strconv.FormatInt(t.ID(x).AsInt(), 10) + ">"
}

// enter handles the depth limit and recursion check shared by containers;
// done reports that the returned repr is final.
func (c *safeReprCall) enter(t *vm.Thread, x vm.Value, level int64, limited string) (id vm.Value, rep string, recursive, done bool, err error) {
	id = t.ID(x)
	if c.maxlevels != 0 && level >= c.maxlevels {
		_, in, err := c.context.Get(t, id)
		return id, limited, in, true, err
	}
	_, in, err := c.context.Get(t, id)
	if err != nil {
		return id, "", false, true, err
	}
	if in {
		return id, recursionMarker(t, x), true, true, nil
	}
	return id, "", false, false, c.context.Set(t, id, vm.Int(1))
}

func (c *safeReprCall) seq(t *vm.Thread, x vm.Value, open, close string, level int64) (string, bool, bool, error) {
	id, rep, rec, done, err := c.enter(t, x, level, open+"..."+close)
	if err != nil || done {
		return rep, false, rec, err
	}
	var items []vm.Value
	if l, ok := x.AsObj().(*vm.List); ok {
		items = append([]vm.Value(nil), l.Items()...)
	} else {
		items = x.AsObj().(*vm.Tuple).Items()
	}
	readable, recursive := true, false
	var b strings.Builder
	b.WriteString(open)
	for i, o := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, r, rc, err := c.repr(t, o, level+1)
		if err != nil {
			return "", false, false, err
		}
		b.WriteString(s)
		readable = readable && r
		recursive = recursive || rc
	}
	b.WriteString(close)
	if _, _, err := c.context.Delete(t, id); err != nil {
		return "", false, false, err
	}
	return b.String(), readable, recursive, nil
}

func (c *safeReprCall) dict(t *vm.Thread, x vm.Value, d *vm.Dict, level int64) (string, bool, bool, error) {
	if d.Len() == 0 {
		return "{}", true, false, nil
	}
	id, rep, rec, done, err := c.enter(t, x, level, "{...}")
	if err != nil || done {
		return rep, false, rec, err
	}
	var kvs []vm.Value
	d.Items(func(k, v vm.Value) bool {
		kvs = append(kvs, k, v)
		return true
	})
	if c.sortDicts {
		if kvs, err = c.sorted(t, x, kvs); err != nil {
			return "", false, false, err
		}
	}
	readable, recursive := true, false
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; i < len(kvs); i += 2 {
		if i > 0 {
			b.WriteString(", ")
		}
		ks, kr, krc, err := c.repr(t, kvs[i], level+1)
		if err != nil {
			return "", false, false, err
		}
		vs, vr, vrc, err := c.repr(t, kvs[i+1], level+1)
		if err != nil {
			return "", false, false, err
		}
		b.WriteString(ks)
		b.WriteString(": ")
		b.WriteString(vs)
		readable = readable && kr && vr
		recursive = recursive || krc || vrc
	}
	b.WriteByte('}')
	if _, _, err := c.context.Delete(t, id); err != nil {
		return "", false, false, err
	}
	return b.String(), readable, recursive, nil
}

// sorted orders the flattened items of a dict as
// sorted(d.items(), key=_safe_tuple) does: directly when the keys are all
// str or all int (distinct keys, so values are never compared), else
// through Python.
type kvPairs struct {
	kvs  []vm.Value
	less func(a, b vm.Value) bool
}

func (p kvPairs) Len() int           { return len(p.kvs) / 2 }
func (p kvPairs) Less(i, j int) bool { return p.less(p.kvs[2*i], p.kvs[2*j]) }
func (p kvPairs) Swap(i, j int) {
	p.kvs[2*i], p.kvs[2*j] = p.kvs[2*j], p.kvs[2*i]
	p.kvs[2*i+1], p.kvs[2*j+1] = p.kvs[2*j+1], p.kvs[2*i+1]
}

func (c *safeReprCall) sorted(t *vm.Thread, x vm.Value, kvs []vm.Value) ([]vm.Value, error) {
	allStr, allInt := true, true
	for i := 0; i < len(kvs); i += 2 {
		k := kvs[i]
		if k.Kind() != vm.KInt {
			allInt = false
		}
		if k.Kind() != vm.KObj || k.Class() != vm.StrType {
			allStr = false
		}
	}
	switch {
	case allStr:
		// UTF-8 byte order is code point order, which is str's order.
		sort.Stable(kvPairs{kvs, func(a, b vm.Value) bool {
			as, _ := a.StrOf()
			bs, _ := b.StrOf()
			return as < bs
		}})
		return kvs, nil
	case allInt:
		sort.Stable(kvPairs{kvs, func(a, b vm.Value) bool { return a.AsInt() < b.AsInt() }})
		return kvs, nil
	}
	r, err := t.Call(c.sortItems, []vm.Value{x}, nil)
	if err != nil {
		return nil, err
	}
	items, err := t.ToList(r)
	if err != nil {
		return nil, err
	}
	out := make([]vm.Value, 0, 2*len(items))
	for _, it := range items {
		tup, ok := it.AsObj().(*vm.Tuple)
		if it.Kind() != vm.KObj || !ok || len(tup.Items()) != 2 {
			return nil, vm.NewError(vm.TypeError, "dict items must be pairs")
		}
		out = append(out, tup.Items()...)
	}
	return out, nil
}
