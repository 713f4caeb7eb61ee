package vm

import (
	"cmp"
	"math"
	"math/big"
	"strings"
)

// compareOp evaluates a <cmp> b with Python's rich comparison protocol.
func (t *Thread) compareOp(op int, a, b Value) (Value, error) {
	if r, ok, err := t.builtinCompare(op, a, b); ok || err != nil {
		return Bool(r), err
	}
	return t.richCompare(op, a, b)
}

// richCompare tries the dunder methods (reflected first for subclasses), then
// falls back to identity for == and !=.
func (t *Thread) richCompare(op int, a, b Value) (Value, error) {
	if pa, pb, ok := t.builtinParts(op, a, b); ok {
		return t.compareOp(op, pa, pb)
	}
	ac, bc := a.Class(), b.Class()
	reflectedFirst := ac != bc && bc.IsSubclass(ac) && !bc.Builtin
	try := func(x, y Value, o int) (Value, bool, error) {
		m, ok := t.lookupSpecialID(x, dunderID(o))
		if !ok {
			return Undef, false, nil
		}
		arg := t.allocRegs(1) // not a slice literal: Call's arguments escape
		arg[0] = y
		r, err := t.callBound(m, x, arg, nil)
		t.freeRegs(arg)
		if err != nil {
			return Undef, true, err
		}
		if isNotImplemented(r) {
			return Undef, false, nil
		}
		return r, true, nil
	}
	if reflectedFirst {
		if r, ok, err := try(b, a, cmpSwapped[op]); ok || err != nil {
			return r, err
		}
	}
	if r, ok, err := try(a, b, op); ok || err != nil {
		return r, err
	}
	if !reflectedFirst {
		if r, ok, err := try(b, a, cmpSwapped[op]); ok || err != nil {
			return r, err
		}
	}
	// __ne__ defaults to the inverse of __eq__.
	if op == cmpNE {
		if r, ok, err := try(a, b, cmpEQ); ok || err != nil {
			if err != nil {
				return Undef, err
			}
			tr, err := t.Truth(r)
			return Bool(!tr), err
		}
	}
	// Built-in payloads of instances of subclasses of built-in types.
	if ai, ok := a.o.(*Instance); ok && !ai.Payload().IsUndef() {
		return t.compareOp(op, ai.Payload(), b)
	}
	switch op {
	case cmpEQ:
		return Bool(a.Is(b)), nil
	case cmpNE:
		return Bool(!a.Is(b)), nil
	}
	return Undef, Errorf(TypeError, "'%s' not supported between instances of '%s' and '%s'", cmpNames[op], a.TypeName(), b.TypeName())
}

// builtinParts: instances of subclasses of built-in types (tuple, list,
// str…) compare by their built-in part unless the subclass defines the
// comparison itself. It returns the operands to compare instead.
func (t *Thread) builtinParts(op int, a, b Value) (Value, Value, bool) {
	unwrap := func(x Value, dunder dunderID) (Value, bool, bool) {
		inst, ok := x.o.(*Instance)
		if !ok || !x.isObj() || inst.Payload().IsUndef() {
			return x, false, true
		}
		if m, found := t.lookupSpecialID(x, dunder); found {
			if _, user := m.o.(*Function); user {
				return x, true, false
			}
		}
		return inst.Payload(), true, true
	}
	pa, wa, oka := unwrap(a, dunderID(op))
	pb, wb, okb := unwrap(b, dunderID(cmpSwapped[op]))
	return pa, pb, oka && okb && (wa || wb)
}

// Equal is a == b as a Go bool.
func (t *Thread) Equal(a, b Value) (bool, error) {
	if r, ok, err := t.builtinCompare(cmpEQ, a, b); ok || err != nil {
		return r, err
	}
	r, err := t.richCompare(cmpEQ, a, b)
	if err != nil {
		return false, err
	}
	return t.Truth(r)
}

// Less is a < b as a Go bool (sorting, min, max).
func (t *Thread) Less(a, b Value) (bool, error) {
	if r, ok, err := t.builtinCompare(cmpLT, a, b); ok || err != nil {
		return r, err
	}
	r, err := t.richCompare(cmpLT, a, b)
	if err != nil {
		return false, err
	}
	return t.Truth(r)
}

func cmpResult(op int, c int) bool {
	switch op {
	case cmpLT:
		return c < 0
	case cmpLE:
		return c <= 0
	case cmpEQ:
		return c == 0
	case cmpNE:
		return c != 0
	case cmpGT:
		return c > 0
	}
	return c >= 0
}

// hasCompareDunders reports values whose comparison methods may run: script
// instances and natives with dunder dispatch (Decimal == int).
func hasCompareDunders(v Value) bool {
	if !v.isObj() {
		return false
	}
	if _, ok := v.o.(*Instance); ok {
		return true
	}
	return dunderNative(v)
}

// builtinCompare compares built-in values; ok=false means "not handled here".
func (t *Thread) builtinCompare(op int, a, b Value) (bool, bool, error) {
	// numbers
	if a.isInt() && b.isInt() || a.isBool() && b.isBool() || a.isInt() && b.isBool() || a.isBool() && b.isInt() {
		return cmpResult(op, cmp.Compare(int64(a.n), int64(b.n))), true, nil
	}
	if a.isObj() && b.isObj() {
		if x, ok := a.o.(*StrObj); ok {
			if y, ok := b.o.(*StrObj); ok {
				return cmpResult(op, strings.Compare(x.s, y.s)), true, nil
			}
		}
	}
	aNum := a.isFloat() || a.isIntLike()
	bNum := b.isFloat() || b.isIntLike()
	if aNum && bNum {
		if a.isFloat() || b.isFloat() {
			if a.isFloat() && b.isFloat() {
				x, y := a.AsFloat(), b.AsFloat()
				switch op {
				case cmpLT:
					return x < y, true, nil
				case cmpLE:
					return x <= y, true, nil
				case cmpEQ:
					return x == y, true, nil
				case cmpNE:
					return x != y, true, nil
				case cmpGT:
					return x > y, true, nil
				}
				return x >= y, true, nil
			}
			c, nan := compareNumMixed(a, b)
			if nan {
				return op == cmpNE, true, nil
			}
			return cmpResult(op, c), true, nil
		}
		return cmpResult(op, a.bigOf().Cmp(b.bigOf())), true, nil
	}
	if !a.isObj() || !b.isObj() {
		if a.isNone() && b.isNone() && (op == cmpEQ || op == cmpNE) {
			return op == cmpEQ, true, nil
		}
		// complex == real number
		_, ac := a.o.(*Complex)
		_, bc := b.o.(*Complex)
		if (ac || bc) && isComplexOperand(a) && isComplexOperand(b) && (op == cmpEQ || op == cmpNE) {
			return (toComplex(a) == toComplex(b)) == (op == cmpEQ), true, nil
		}
		if (op == cmpEQ || op == cmpNE) && !hasCompareDunders(a) && !hasCompareDunders(b) {
			return (op == cmpNE) != a.Is(b), true, nil
		}
		return false, false, nil
	}
	switch x := a.o.(type) {
	case *StrObj:
		if y, ok := b.o.(*StrObj); ok {
			return cmpResult(op, strings.Compare(x.s, y.s)), true, nil
		}
	case *List:
		if y, ok := b.o.(*List); ok {
			return t.compareSeq(op, x.items, y.items)
		}
	case *Tuple:
		if y, ok := b.o.(*Tuple); ok {
			return t.compareSeq(op, x.items, y.items)
		}
	case *Bytes:
		if y, ok := b.o.(*Bytes); ok {
			return cmpResult(op, strings.Compare(string(x.b), string(y.b))), true, nil
		}
	case *Dict:
		if y, ok := b.o.(*Dict); ok && (op == cmpEQ || op == cmpNE) {
			eq, err := t.dictEqual(x, y)
			return eq == (op == cmpEQ), true, err
		}
	case *Set:
		if y, ok := asSet(b); ok {
			return t.compareSets(op, x, y)
		}
	case *FrozenSet:
		if y, ok := asSet(b); ok {
			return t.compareSets(op, x.s, y)
		}
	case *Range:
		if y, ok := b.o.(*Range); ok && (op == cmpEQ || op == cmpNE) {
			return rangeEqual(x, y) == (op == cmpEQ), true, nil
		}
	case *Complex:
		if op == cmpEQ || op == cmpNE {
			if isComplexOperand(b) {
				return (x.v == toComplex(b)) == (op == cmpEQ), true, nil
			}
		}
	case *DictView:
		if y, ok := b.o.(*DictView); ok && x.kind == 0 && y.kind == 0 {
			xs, ys := NewSet(), NewSet()
			for _, k := range x.d.Keys() { //keys view
				xs.Add(t, k)
			}
			for _, k := range y.d.Keys() {
				ys.Add(t, k)
			}
			return t.compareSets(op, xs, ys)
		}
	}
	if _, ok := b.o.(*Complex); ok && isComplexOperand(a) && (op == cmpEQ || op == cmpNE) {
		return (toComplex(a) == b.o.(*Complex).v) == (op == cmpEQ), true, nil
	}
	if (op == cmpEQ || op == cmpNE) && !hasCompareDunders(a) && !hasCompareDunders(b) {
		if _, ok := a.o.(RichComparer); !ok {
			return (op == cmpNE) != a.Is(b), true, nil
		}
	}
	if rc, ok := a.o.(RichComparer); ok {
		if r, ok, err := rc.Compare(t, op, b); ok || err != nil {
			return r, ok, err
		}
	}
	// The reflected comparison of a memoryview (bytes == memoryview).
	if mv, ok := b.o.(*MemoryView); ok {
		return mv.Compare(t, cmpSwapped[op], a)
	}
	return false, false, nil
}

// Comparison operators, as RichComparer.Compare receives them.
const (
	CmpLT = cmpLT
	CmpLE = cmpLE
	CmpEQ = cmpEQ
	CmpNE = cmpNE
	CmpGT = cmpGT
	CmpGE = cmpGE
)

// RichComparer lets Go objects compare themselves (op is one of Cmp*; ok
// false means NotImplemented).
type RichComparer interface {
	Compare(t *Thread, op int, other Value) (result bool, ok bool, err error)
}

func asSet(v Value) (*Set, bool) {
	switch o := v.o.(type) {
	case *Set:
		return o, true
	case *FrozenSet:
		return o.s, true
	}
	return nil, false
}

// compareNumMixed compares numbers where one is a float, exactly.
func compareNumMixed(a, b Value) (int, bool) {
	toRat := func(v Value) (*big.Rat, bool) {
		if v.isFloat() {
			f := v.AsFloat()
			if math.IsNaN(f) {
				return nil, true
			}
			if math.IsInf(f, 0) {
				return nil, false
			}
			return new(big.Rat).SetFloat64(f), false
		}
		return new(big.Rat).SetInt(v.bigOf()), false
	}
	// infinities compare by sign
	if a.isFloat() && math.IsInf(a.AsFloat(), 0) {
		if a.AsFloat() > 0 {
			return 1, false
		}
		return -1, false
	}
	if b.isFloat() && math.IsInf(b.AsFloat(), 0) {
		if b.AsFloat() > 0 {
			return -1, false
		}
		return 1, false
	}
	x, nanA := toRat(a)
	y, nanB := toRat(b)
	if nanA || nanB {
		return 0, true
	}
	return x.Cmp(y), false
}

// compareSeq compares sequences lexicographically.
func (t *Thread) compareSeq(op int, x, y []Value) (bool, bool, error) {
	n := min(len(x), len(y))
	// A prefix of int/int and str/str items compares inline: no script
	// code, no recursion to guard.
	i := 0
	for ; i < n; i++ {
		a, b := &x[i], &y[i]
		c := 0
		if a.isInt() && b.isInt() {
			if a.n == b.n {
				continue
			}
			c = 1
			if int64(a.n) < int64(b.n) {
				c = -1
			}
		} else if sa, ok := a.o.(*StrObj); ok && b.isObj() {
			sb, ok := b.o.(*StrObj)
			if !ok {
				break
			}
			if c = strings.Compare(sa.s, sb.s); c == 0 {
				continue
			}
		} else {
			break
		}
		return cmpResult(op, c), true, nil
	}
	if i < n {
		return t.compareSeqFrom(op, x, y, i)
	}
	return cmpResult(op, cmp.Compare(len(x), len(y))), true, nil
}

// compareSeqFrom is compareSeq from item i on, through the protocol.
func (t *Thread) compareSeqFrom(op int, x, y []Value, i int) (bool, bool, error) {
	// Comparing nested sequences recurses (in Go): a level each, as CPython.
	if err := t.enterRecursionWhere(" in comparison"); err != nil {
		return false, true, err
	}
	defer t.leaveRecursion()
	n := min(len(x), len(y))
	for ; i < n; i++ {
		eq, err := t.keyEqual(x[i], y[i])
		if err != nil {
			return false, true, err
		}
		if !eq {
			if op == cmpEQ {
				return false, true, nil
			}
			if op == cmpNE {
				return true, true, nil
			}
			r, err := t.compareOp(op, x[i], y[i])
			if err != nil {
				return false, true, err
			}
			b, err := t.Truth(r)
			return b, true, err
		}
	}
	return cmpResult(op, cmp.Compare(len(x), len(y))), true, nil
}

func (t *Thread) dictEqual(x, y *Dict) (bool, error) {
	if x.Len() != y.Len() {
		return false, nil
	}
	if err := t.enterRecursionWhere(" in comparison"); err != nil {
		return false, err
	}
	defer t.leaveRecursion()
	// By position, re-checking the bound: __eq__ may change x.
	for p := 0; p < x.npos(); p++ {
		e := *x.at(p)
		if e.key.IsUndef() {
			continue
		}
		v, ok, err := y.getHashed(t, e.key, e.hash)
		if err != nil || !ok {
			return false, err
		}
		eq, err := t.keyEqual(e.val, v)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

func (t *Thread) isSubset(x, y *Set) (bool, error) {
	if x.Len() > y.Len() {
		return false, nil
	}
	// x's table is walked live with the stored hashes (set_issubset):
	// a key's __eq__ may change it.
	for i, e := x.nextActive(0); e != nil; i, e = x.nextActive(i + 1) {
		j, err := y.find(t, e.key, e.hash)
		if err != nil || j < 0 {
			return false, err
		}
	}
	return true, nil
}

func (t *Thread) compareSets(op int, x, y *Set) (bool, bool, error) {
	switch op {
	case cmpEQ, cmpNE:
		eq := x.Len() == y.Len()
		if eq {
			var err error
			eq, err = t.isSubset(x, y)
			if err != nil {
				return false, true, err
			}
		}
		return eq == (op == cmpEQ), true, nil
	case cmpLE:
		r, err := t.isSubset(x, y)
		return r, true, err
	case cmpLT:
		r, err := t.isSubset(x, y)
		return r && x.Len() < y.Len(), true, err
	case cmpGE:
		r, err := t.isSubset(y, x)
		return r, true, err
	}
	r, err := t.isSubset(y, x)
	return r && x.Len() > y.Len(), true, err
}

// LessEqual is a <= b as a Go bool.
func (t *Thread) LessEqual(a, b Value) (bool, error) {
	r, err := t.compareOp(cmpLE, a, b)
	if err != nil {
		return false, err
	}
	return t.Truth(r)
}

// Compare makes slices compare as their (start, stop, step) tuples, as
// CPython's do; other operands are not handled here.
func (x *SliceObj) Compare(t *Thread, op int, other Value) (bool, bool, error) {
	y, ok := other.o.(*SliceObj)
	if !ok || !other.isObj() {
		return false, false, nil
	}
	r, err := t.compareOp(op, Obj(NewTuple([]Value{x.start, x.stop, x.step})), Obj(NewTuple([]Value{y.start, y.stop, y.step})))
	if err != nil {
		return false, true, err
	}
	b, err := t.Truth(r)
	return b, true, err
}
