package vm

import "math/big"

// BigIntObj is an int outside the int64 range. Values that fit int64 are never BigIntObj.
type BigIntObj struct{ v *big.Int }

func (*BigIntObj) Class() *Class { return IntType }

// Bytes is an immutable bytes object.
type Bytes struct{ b []byte }

func (*Bytes) Class() *Class { return BytesType }

// NewBytes wraps b (not copied).
func NewBytes(b []byte) *Bytes { return &Bytes{b: b} }

// ByteArray is a mutable bytearray.
type ByteArray struct {
	b       []byte
	exports *Exports // the memoryviews over it (buffer_exports.go), nil before the first
}

func (*ByteArray) Class() *Class { return ByteArrayType }

// List is a mutable Python list.
type List struct{ items []Value }

func (*List) Class() *Class { return ListType }

// NewList wraps items (not copied).
func NewList(items []Value) *List { return &List{items: items} }

// Items exposes the backing slice.
func (l *List) Items() []Value { return l.items }

// Append adds v at the end (list.append).
func (l *List) Append(v Value) { l.items = appendValue(l.items, v) }

// appendValue appends v to a list's items. A list's first append makes
// room for four items, as CPython's list_resize does: Go's append would
// reallocate at 1, 2 and 4.
func appendValue(items []Value, v Value) []Value {
	if len(items) == cap(items) && (cap(items) == 0 || cap(items) >= 1024 && cap(items) < 1<<22) {
		items = growValues(items)
	}
	return append(items, v)
}

// growValues makes room in a full list: four items for an empty one, twice
// the capacity for a big one. Go's append grows a big array by a quarter,
// which suits a language that frees the old array at once but leaves about
// four times a list's final size of garbage until the next collection
// (3 MB of items built item by item made 12 MB of garbage, 3 MB of a
// 100,000-task program's peak memory); doubling leaves one time its size.
// Capacity not yet written costs no memory for big arrays (fresh pages).
// Past 4M items (96 MB) append's quarter steps resume: there a doubled
// array's spare half and the copy's three sizes at once cost more.
func growValues(items []Value) []Value {
	if cap(items) == 0 {
		return make([]Value, 0, 4)
	}
	n := make([]Value, len(items), 2*cap(items))
	copy(n, items)
	return n
}

// Truncate drops the items from index n on (the backing slot is cleared so
// the garbage collector can free what it held).
func (l *List) Truncate(n int) {
	clear(l.items[n:])
	l.items = l.items[:n]
}

// Tuple is an immutable Python tuple.
type Tuple struct{ items []Value }

func (*Tuple) Class() *Class { return TupleType }

var emptyTuple = &Tuple{}

// NewTuple wraps items (not copied).
// newTupleOf makes a tuple of a copy of items; a short tuple is one
// allocation, its items stored beside its header.
func newTupleOf(items []Value) *Tuple {
	// The items are stored by the composite literal that allocates the
	// tuple: no runtime copy call, and no write barriers for the stores
	// into the fresh object.
	switch len(items) {
	case 0:
		return emptyTuple
	case 1:
		t := &tupleWith[[1]Value]{arr: [1]Value{items[0]}}
		t.items = t.arr[:]
		return &t.Tuple
	case 2:
		t := &tupleWith[[2]Value]{arr: [2]Value{items[0], items[1]}}
		t.items = t.arr[:]
		return &t.Tuple
	case 3:
		t := &tupleWith[[3]Value]{arr: [3]Value{items[0], items[1], items[2]}}
		t.items = t.arr[:]
		return &t.Tuple
	case 4:
		t := &tupleWith[[4]Value]{arr: [4]Value{items[0], items[1], items[2], items[3]}}
		t.items = t.arr[:]
		return &t.Tuple
	}
	return &Tuple{items: append([]Value(nil), items...)}
}

// tupleWith is a short tuple allocated together with its items.
type tupleWith[A any] struct {
	Tuple
	arr A
}

func NewTuple(items []Value) *Tuple {
	if len(items) == 0 {
		return emptyTuple
	}
	return &Tuple{items: items}
}

// Items exposes the elements.
func (t *Tuple) Items() []Value { return t.items }

// SliceObj is slice(start, stop, step); parts are None when omitted.
type SliceObj struct{ start, stop, step Value }

func (*SliceObj) Class() *Class { return SliceType }

// Cell holds a variable captured by a closure.
type Cell struct{ v Value }

func (*Cell) Class() *Class { return CellType }

// Module is an imported module: a name and a table of globals. Code compiled
// for a module addresses its globals by slot index, so the table is a slice
// plus a name index; deleted or unset globals hold Undef.
type Module struct {
	Name  string
	File  string
	names map[string]int
	order []string
	vals  []Value
	// dict is the globals dict handed to scripts, kept in step (nil until
	// asked for).
	dict *Dict
	// fromBuiltins caches, per global slot, the builtin a missing global
	// resolves to (builtins do not change), so LOAD_GLOBAL of len or print
	// costs an index, not a map lookup.
	fromBuiltins []Value
	// bound is set once code has been bound to the module (its slot
	// numbering is then fixed); shared marks names, order and vals as
	// belonging to another module too (the builtins every interpreter
	// starts with), to be copied before a change; seq, when set, is the
	// order of the slots in Names (see relayout).
	bound, shared bool
	seq           []int32
}

// own gives the module its own copy of a shared layout before a change.
func (m *Module) own() {
	if !m.shared {
		return
	}
	names := make(map[string]int, len(m.names))
	for k, v := range m.names {
		names[k] = v
	}
	m.names = names
	m.order = append([]string(nil), m.order...)
	m.vals = append([]Value(nil), m.vals...)
	m.seq = append([]int32(nil), m.seq...)
	m.shared = false
}

// shareLayout returns a module that starts as m is (name, slots, values)
// without copying them until either changes; m must not change afterwards.
func (m *Module) shareLayout() *Module {
	return &Module{Name: m.Name, File: m.File, names: m.names, order: m.order, vals: m.vals, seq: m.seq, shared: true}
}

// builtinFor resolves an unset global slot through the builtins module.
func (m *Module) builtinFor(slot int, builtins *Module) (Value, bool) {
	if slot < len(m.fromBuiltins) {
		if v := m.fromBuiltins[slot]; !v.IsUndef() {
			return v, true
		}
	}
	v, ok := builtins.Get(m.order[slot])
	if !ok {
		return Undef, false
	}
	for len(m.fromBuiltins) <= slot {
		m.fromBuiltins = append(m.fromBuiltins, Undef)
	}
	m.fromBuiltins[slot] = v
	return v, true
}

func (*Module) Class() *Class { return ModuleType }

// NewModule makes an empty module.
func NewModule(name, file string) *Module {
	return &Module{Name: name, File: file, names: map[string]int{}}
}

// slot returns the index of a global name, allocating it if needed.
func (m *Module) slot(name string) int {
	if i, ok := m.names[name]; ok {
		return i
	}
	m.own()
	i := len(m.vals)
	if m.seq != nil {
		m.seq = append(m.seq, int32(i))
	}
	m.names[name] = i
	m.order = append(m.order, name)
	m.vals = append(m.vals, Undef)
	return i
}

// Get returns a global.
func (m *Module) Get(name string) (Value, bool) {
	if i, ok := m.names[name]; ok && !m.vals[i].IsUndef() {
		return m.vals[i], true
	}
	return Undef, false
}

// Set sets a global.
func (m *Module) Set(name string, v Value) {
	m.setSlot(name, v)
	if m.dict != nil {
		m.dict.setHashedPlain(name, v)
	}
}

// Delete removes a global, reporting whether it existed.
func (m *Module) Delete(name string) bool {
	if !m.deleteSlot(name) {
		return false
	}
	if m.dict != nil {
		m.dict.deletePlain(name)
	}
	return true
}

func (m *Module) setSlot(name string, v Value) {
	i := m.slot(name)
	m.own()
	m.vals[i] = v
}

func (m *Module) deleteSlot(name string) bool {
	if i, ok := m.names[name]; ok && !m.vals[i].IsUndef() {
		m.own()
		m.vals[i] = Undef
		return true
	}
	return false
}

// storeSlot is STORE_GLOBAL; deleteSlotIndex is DELETE_GLOBAL: the slot, and
// the globals dict when a script holds one.
func (m *Module) storeSlot(i int, v Value) {
	m.own()
	m.vals[i] = v
	if m.dict != nil {
		m.dict.setHashedPlain(m.order[i], v)
	}
}

func (m *Module) deleteSlotIndex(i int) {
	m.own()
	m.vals[i] = Undef
	if m.dict != nil {
		m.dict.deletePlain(m.order[i])
	}
}

// Dict is the module's globals as a dict that stays in step with it both
// ways (globals(), module.__dict__, function.__globals__).
func (m *Module) Dict() *Dict {
	if m.dict == nil {
		m.own()
		d := NewDict()
		for _, n := range m.Names() {
			v, _ := m.Get(n)
			d.SetStr(n, v)
		}
		d.module = m
		m.dict = d
	}
	return m.dict
}

// Names lists the bound globals in definition order.
func (m *Module) Names() []string {
	var out []string
	if m.seq != nil {
		for _, i := range m.seq {
			if !m.vals[i].IsUndef() {
				out = append(out, m.order[i])
			}
		}
		return out
	}
	for _, n := range m.order {
		if !m.vals[m.names[n]].IsUndef() {
			out = append(out, n)
		}
	}
	return out
}

// Property is the object made by @property.
type Property struct{ fget, fset, fdel, doc Value }

func (*Property) Class() *Class { return PropertyType }

// StaticMethod wraps a function made by @staticmethod.
type StaticMethod struct{ fn Value }

func (*StaticMethod) Class() *Class { return StaticMethodType }

// ClassMethod wraps a function made by @classmethod.
type ClassMethod struct{ fn Value }

func (*ClassMethod) Class() *Class { return ClassMethodType }

// BoundMethod is a function bound to its receiver.
type BoundMethod struct {
	Self Value
	Fn   Value
}

func (*BoundMethod) Class() *Class { return MethodType }

// Compare: two bound methods are equal when they bind the same object (by
// identity, as CPython 3.8+) to equal functions; no order.
func (m *BoundMethod) Compare(t *Thread, op int, other Value) (bool, bool, error) {
	o, ok := other.o.(*BoundMethod)
	if !ok || !other.isObj() || (op != cmpEQ && op != cmpNE) {
		return false, false, nil
	}
	eq := m.Self.Is(o.Self)
	if eq && !m.Fn.Is(o.Fn) {
		var err error
		if eq, err = t.Equal(m.Fn, o.Fn); err != nil {
			return false, true, err
		}
	}
	return eq == (op == cmpEQ), true, nil
}

// HashErr mixes the bound object's identity with the function's hash, so
// equal methods hash alike.
func (m *BoundMethod) HashErr(t *Thread) (uint64, error) {
	var self uint64
	if m.Self.isObj() {
		self = identityHash(m.Self.o)
	} else {
		h, err := t.Hash(m.Self)
		if err != nil {
			return 0, err
		}
		self = h
	}
	fn, err := t.Hash(m.Fn)
	return self ^ fn, err
}

// BuiltinFunc is the Go signature of every built-in function and method.
// Methods receive their receiver as args[0]. kw is nil when no keyword
// arguments were passed.
type BuiltinFunc func(t *Thread, args []Value, kw []KV) (Value, error)

// Builtin is a Go function callable from scripts.
type Builtin struct {
	Name string
	Fn   BuiltinFunc
	// Self is the receiver for methods of modules/objects bound at creation (may be Undef).
	Self Value
	// owner is the class for methods of built-in types (for repr "<method 'x' of 'list' objects>").
	owner *Class
}

func (*Builtin) Class() *Class { return BuiltinFunctionType }

// NewBuiltin makes a built-in function value.
func NewBuiltin(name string, fn BuiltinFunc) Value {
	return Obj(&Builtin{Name: name, Fn: fn})
}

// Super is the object returned by super().
type Super struct {
	cls  *Class // the class where the method was defined
	self Value  // the instance (or class, for classmethods)
}

func (*Super) Class() *Class { return SuperType }

// DictView is dict.keys()/values()/items().
type DictView struct {
	d    *Dict
	kind int // 0 keys, 1 values, 2 items
}

func (v *DictView) Class() *Class {
	switch v.kind {
	case 0:
		return DictKeysType
	case 1:
		return DictValuesType
	}
	return DictItemsType
}

// Data returns the bytes (not a copy).
func (b *Bytes) Data() []byte { return b.b }

// Big returns a copy of the value of a big int.
func (b *BigIntObj) Big() *big.Int { return new(big.Int).Set(b.v) }

// Data exposes a bytearray's bytes.
func (b *ByteArray) Data() []byte { return b.b }

// NewClassMethod wraps fn as a classmethod (for native classes' alternate
// constructors, e.g. itertools.chain.from_iterable).
func NewClassMethod(fn Value) Value { return Obj(&ClassMethod{fn: fn}) }
