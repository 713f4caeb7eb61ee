package vm

import "strings"

// GenericAlias is list[int], dict[str, int]: what subscripting a built-in
// class gives (types.GenericAlias). Annotations evaluate to it, so it must
// print as CPython prints it; calling it calls its origin (Thread.Call).
type GenericAlias struct {
	origin Value
	args   []Value
}

// GenericAliasType is types.GenericAlias.
var GenericAliasType = func() *Class {
	c := newBuiltinClass("GenericAlias", ObjectType)
	c.Module = "types"
	return c
}()

func (*GenericAlias) Class() *Class { return GenericAliasType }

// NewGenericAlias makes origin[key]; a tuple key gives several arguments.
func NewGenericAlias(origin, key Value) *GenericAlias {
	if tup, ok := key.o.(*Tuple); ok {
		return &GenericAlias{origin: origin, args: append([]Value(nil), tup.items...)}
	}
	return &GenericAlias{origin: origin, args: []Value{key}}
}

// typeReprItem is how CPython names a type inside a generic alias:
// builtins bare, others module-qualified, ... for Ellipsis.
func (t *Thread) typeReprItem(v Value) (string, error) {
	if v.isObj() {
		switch o := v.o.(type) {
		case ellipsisObj:
			return "...", nil
		case *Class:
			return o.QualName(), nil
		}
	}
	return t.Repr(v)
}

func (g *GenericAlias) Repr(t *Thread) (string, error) {
	var b strings.Builder
	s, err := t.typeReprItem(g.origin)
	if err != nil {
		return "", err
	}
	b.WriteString(s)
	b.WriteByte('[')
	for i, a := range g.args {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := t.typeReprItem(a)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	b.WriteByte(']')
	return b.String(), nil
}

func (g *GenericAlias) GetAttr(t *Thread, name string) (Value, bool, error) {
	switch name {
	case "__origin__":
		return g.origin, true, nil
	case "__args__":
		return Obj(NewTuple(g.args)), true, nil
	case "__parameters__":
		return Obj(NewTuple(nil)), true, nil
	}
	// Everything else is the origin's (list[int].append is list.append).
	v, err := t.GetAttr(g.origin, name)
	return v, err == nil, err
}

func (g *GenericAlias) Compare(t *Thread, op int, other Value) (bool, bool, error) {
	o, ok := other.o.(*GenericAlias)
	if !ok || !other.isObj() || (op != CmpEQ && op != CmpNE) {
		return false, false, nil
	}
	same := g.origin == o.origin && len(g.args) == len(o.args)
	for i := 0; same && i < len(g.args); i++ {
		eq, err := t.keyEqual(g.args[i], o.args[i])
		if err != nil {
			return false, true, err
		}
		same = eq
	}
	return same == (op == CmpEQ), true, nil
}
