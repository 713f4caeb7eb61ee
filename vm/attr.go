package vm

// Attribute access: Python's descriptor protocol for the cases scripts use
// (functions bind, properties compute, staticmethod/classmethod unwrap),
// instance dicts, class attributes along the MRO, and __getattr__.

// AttrGetter is implemented by Go objects with dynamic attributes (modules of
// the stdlib, runtime objects). ok=false means "no such attribute".
type AttrGetter interface {
	GetAttr(t *Thread, name string) (v Value, ok bool, err error)
}

// AttrSetter lets Go objects accept attribute assignment.
type AttrSetter interface {
	SetAttr(t *Thread, name string, v Value) error
}

// GetAttr is getattr(obj, name).
func (t *Thread) GetAttr(obj Value, name string) (Value, error) {
	v, ok, err := t.getAttr(obj, name)
	if err != nil {
		return Undef, attrContext(err, obj, name)
	}
	if !ok {
		return Undef, attrContext(t.attrError(obj, name), obj, name)
	}
	return v, nil
}

// HasAttr reports whether obj has the attribute (errors other than AttributeError propagate).
func (t *Thread) HasAttr(obj Value, name string) (bool, error) {
	_, ok, err := t.getAttr(obj, name)
	if err != nil && IsInstanceOf(err, AttributeError) {
		return false, nil
	}
	return ok, err
}

func (t *Thread) attrError(obj Value, name string) error {
	switch o := obj.o.(type) {
	case *Module:
		if obj.isObj() {
			return Errorf(AttributeError, "module '%s' has no attribute '%s'", o.Name, name)
		}
	case *Class:
		if obj.isObj() {
			return Errorf(AttributeError, "type object '%s' has no attribute '%s'", o.Name, name)
		}
	}
	return Errorf(AttributeError, "'%s' object has no attribute '%s'", obj.TypeName(), name)
}

// setAttrGeneric is object.__setattr__ on an instance: a slot, or the
// attribute dict when the class allows one.
func (o *Instance) setAttrGeneric(name string, v Value) error {
	if name == "__class__" {
		return o.setClass(v)
	}
	if !o.cls.hasSlots {
		o.SetAttr(name, v)
		return nil
	}
	if m, ok := o.cls.Lookup(name); ok && m.isObj() {
		if mb, isMember := m.o.(*member); isMember {
			o.attrs.slotSet(mb.index, v)
			return nil
		}
	}
	if !o.cls.slotAllows(name) {
		return Errorf(AttributeError, "'%s' object has no attribute '%s'", o.cls.Name, name)
	}
	o.SetAttr(name, v)
	return nil
}

// delAttr is object.__delattr__ on an instance: a slot or a dict entry.
func (o *Instance) delAttr(name string) error {
	if name == "__class__" {
		return Errorf(TypeError, "can't delete __class__ attribute")
	}
	if m, ok := o.cls.Lookup(name); ok && m.isObj() && o.cls.hasSlots {
		if mb, isMember := m.o.(*member); isMember {
			if o.attrs.slotDel(mb.index) {
				return nil
			}
			return Errorf(AttributeError, "'%s' object has no attribute '%s'", o.cls.Name, name)
		}
	}
	if o.attrs.del(name) {
		return nil
	}
	return Errorf(AttributeError, "'%s' object has no attribute '%s'", o.cls.Name, name)
}

// isAbstract is getattr(f, '__isabstractmethod__', False) as a bool value.
func (t *Thread) isAbstract(f Value) (Value, bool, error) {
	if f.IsUndef() || f.IsNone() {
		return False, true, nil
	}
	v, ok, err := t.getAttr(f, "__isabstractmethod__")
	if err != nil || !ok {
		return False, true, nil
	}
	b, err := t.Truth(v)
	return Bool(b), true, err
}

// codeAttr exposes a code object's co_* attributes with CPython's meaning
// (co_varnames: positional, keyword-only, then *args and **kwargs names).
func codeAttr(c *Code, name string) (Value, bool) {
	switch name {
	case "co_name":
		return Str(c.Name), true
	case "co_qualname":
		return Str(c.QualName), true
	case "co_filename":
		return Str(c.Filename), true
	case "co_firstlineno":
		return Int(int64(c.FirstLine)), true
	case "co_argcount":
		return Int(int64(c.ArgCount)), true
	case "co_posonlyargcount":
		return Int(int64(c.PosOnlyCount)), true
	case "co_kwonlyargcount":
		return Int(int64(c.KwOnlyCount)), true
	case "co_flags":
		// CPython's bits: OPTIMIZED|NEWLOCALS, VARARGS 4, VARKEYWORDS 8,
		// GENERATOR 32, COROUTINE 128, ASYNC_GENERATOR 512.
		flags := int64(3)
		if c.Flags&FlagVarargs != 0 {
			flags |= 4
		}
		if c.Flags&FlagVarkw != 0 {
			flags |= 8
		}
		if c.Flags&FlagGenerator != 0 {
			flags |= 32
		}
		if c.Flags&FlagCoroutine != 0 {
			flags |= 128
		}
		if c.Flags&FlagAsyncGen != 0 {
			flags |= 512
		}
		return Int(flags), true
	case "co_varnames":
		n := c.ArgCount + c.KwOnlyCount
		varargs := c.Flags&FlagVarargs != 0
		if varargs {
			n++
		}
		if c.Flags&FlagVarkw != 0 {
			n++
		}
		if n > len(c.LocalNames) {
			n = len(c.LocalNames)
		}
		params := c.LocalNames[:n]
		var names []string
		names = append(names, params[:c.ArgCount]...)
		kw := c.ArgCount
		if varargs {
			kw++
		}
		names = append(names, params[kw:kw+c.KwOnlyCount]...)
		if varargs {
			names = append(names, params[c.ArgCount])
		}
		if c.Flags&FlagVarkw != 0 {
			names = append(names, params[n-1])
		}
		for _, l := range c.LocalNames[n:c.NumLocals] {
			names = append(names, l)
		}
		items := make([]Value, len(names))
		for i, s := range names {
			items[i] = Str(s)
		}
		return Obj(NewTuple(items)), true
	}
	return Undef, false
}

// setAttr is type.__setattr__: what cls.name = v does unless a metaclass
// decides otherwise.
func (o *Class) setAttr(name string, v Value) error {
	if name == "__class__" {
		return o.setMeta(v)
	}
	if o.Builtin {
		return Errorf(TypeError, "cannot set '%s' attribute of immutable type '%s'", name, o.Name)
	}
	if s, ok := v.StrOf(); ok {
		switch name {
		case "__module__":
			o.Module = s
		case "__name__":
			o.Name = s
		}
	}
	if name == "__bases__" {
		return o.setBases(v)
	}
	if old, ok := o.Dict[name]; ok && !isDunder(name) && isPlainData(old) && isPlainData(v) {
		// A counter or setting on the class (Animal.count += 1) changes a
		// value, not how any lookup resolves: the resolved-attribute maps
		// take the new value and every inline cache stays valid (none holds
		// plain data values, see attrCache.loadAttr).
		o.Dict[name] = v
		o.refreshFlat(o, name, v)
		return nil
	}
	if _, had := o.Dict[name]; !had {
		o.keyOrder = append(o.keyOrder, name)
	}
	o.Dict[name] = v
	o.invalidate()
	return nil
}

// isPlainData reports whether a class attribute value is data that no
// lookup treats specially: not a function, descriptor or class.
func isPlainData(v Value) bool {
	switch v.kind() {
	case KInt, KFloat, KBool, KNone:
		return true
	case KObj:
		switch v.o.(type) {
		case *StrObj, *BigIntObj:
			return true
		}
	}
	return false
}

// refreshFlat stores the new value of owner's attribute name in the
// resolved-attribute maps of c and its subclasses where owner's entry is
// the one the MRO finds.
func (c *Class) refreshFlat(owner *Class, name string, v Value) {
	c.dataVer++
	if c.flat != nil {
		for _, k := range c.MRO {
			if _, ok := k.Dict[name]; ok {
				if k == owner {
					c.flat[name] = v
				}
				break
			}
		}
	}
	for _, s := range c.subclasses {
		s.refreshFlat(owner, name, v)
	}
}

// delAttr is type.__delattr__.
func (o *Class) delAttr(name string) error {
	switch name {
	case "__class__":
		return Errorf(TypeError, "can't delete __class__ attribute")
	case "__bases__":
		return Errorf(TypeError, "cannot delete '__bases__' attribute of immutable type '%s'", o.Name)
	}
	if o.Builtin {
		return Errorf(TypeError, "cannot set '%s' attribute of immutable type '%s'", name, o.Name)
	}
	if _, ok := o.Dict[name]; ok {
		delete(o.Dict, name)
		o.invalidate()
		return nil
	}
	return Errorf(AttributeError, "type object '%s' has no attribute '%s'", o.Name, name)
}

// bindAttr applies the descriptor protocol to a class attribute found for an instance.
func (t *Thread) bindAttr(attr, obj Value, cls *Class) (Value, error) {
	if !attr.isObj() {
		return attr, nil
	}
	switch d := attr.o.(type) {
	case *Function:
		return Obj(&BoundMethod{Self: obj, Fn: attr}), nil
	case *Builtin:
		if d.owner != nil {
			return Obj(&BoundMethod{Self: obj, Fn: attr}), nil
		}
	case *StaticMethod:
		return d.fn, nil
	case *ClassMethod:
		return Obj(&BoundMethod{Self: Obj(cls), Fn: d.fn}), nil
	case *Property:
		if d.fget.IsUndef() || d.fget.IsNone() {
			return Undef, Errorf(AttributeError, "property object has no getter")
		}
		return t.Call(d.fget, []Value{obj}, nil)
	case *Instance:
		if get, ok := d.cls.Lookup("__get__"); ok {
			return t.Call(get, []Value{attr, obj, Obj(cls)}, nil)
		}
	}
	return attr, nil
}

func (t *Thread) getAttr(obj Value, name string) (Value, bool, error) {
	if obj.isObj() {
		switch o := obj.o.(type) {
		case *Instance:
			return t.instanceAttr(o, obj, name)
		case *Class:
			return t.classAttr(o, name)
		case *Module:
			if v, ok := o.Get(name); ok {
				return v, true, nil
			}
			switch name {
			case "__name__":
				return Str(o.Name), true, nil
			case "__dict__":
				return globalsOf(o), true, nil
			}
			// PEP 562: a module's own __getattr__ supplies the rest.
			if ga, ok := o.Get("__getattr__"); ok {
				v, err := t.Call(ga, []Value{Str(name)}, nil)
				return v, err == nil, err
			}
			return Undef, false, nil
		case *Function:
			return t.functionAttr(o, name)
		case *BoundMethod:
			switch name {
			case "__self__":
				return o.Self, true, nil
			case "__func__":
				return o.Fn, true, nil
			}
			return t.getAttr(o.Fn, name)
		case *Super:
			return t.superAttr(o, name)
		case *ClassMethod:
			if name == "__func__" || name == "__wrapped__" {
				return o.fn, true, nil
			}
			if name == "__isabstractmethod__" {
				return t.isAbstract(o.fn)
			}
		case *StaticMethod:
			if name == "__func__" || name == "__wrapped__" {
				return o.fn, true, nil
			}
			if name == "__isabstractmethod__" {
				return t.isAbstract(o.fn)
			}
		case *Property:
			switch name {
			case "fget", "fset", "fdel":
				v := map[string]Value{"fget": o.fget, "fset": o.fset, "fdel": o.fdel}[name]
				if v.IsUndef() {
					v = None
				}
				return v, true, nil
			case "__isabstractmethod__":
				for _, f := range []Value{o.fget, o.fset, o.fdel} {
					if r, _, err := t.isAbstract(f); err != nil || r.n != 0 {
						return r, true, err
					}
				}
				return False, true, nil
			}
		case *Code:
			if v, ok := codeAttr(o, name); ok {
				return v, true, nil
			}
		case AttrGetter:
			v, ok, err := o.GetAttr(t, name)
			if ok || err != nil {
				return v, ok, err
			}
		}
	}
	cls := obj.Class()
	if name == "__class__" {
		return Obj(cls), true, nil
	}
	if v, ok := cls.Lookup(name); ok {
		r, err := t.bindAttr(v, obj, cls)
		return r, err == nil, err
	}
	if fn, ok := builtinObjAttrs[name]; ok {
		return fn(t, obj)
	}
	return Undef, false, nil
}

// builtinObjAttrs are computed attributes of built-in values (e.g. exception
// args, generator names), filled in by the files implementing them.
var builtinObjAttrs = map[string]func(t *Thread, obj Value) (Value, bool, error){}

func (t *Thread) instanceAttr(o *Instance, obj Value, name string) (Value, bool, error) {
	// A class's own __getattribute__ sees every lookup; when it raises
	// AttributeError, __getattr__ gets its turn, as in CPython.
	if ga, ok := o.cls.Lookup("__getattribute__"); ok && isScriptFunction(ga) {
		r, err := t.callBound(ga, obj, []Value{Str(name)}, nil)
		if err == nil {
			return r, true, nil
		}
		if IsInstanceOf(err, AttributeError) {
			if fallback, ok := o.cls.Lookup("__getattr__"); ok {
				r, err := t.callBound(fallback, obj, []Value{Str(name)}, nil)
				return r, err == nil, err
			}
		}
		return Undef, false, err
	}
	return t.genericInstanceAttr(o, obj, name, true)
}

// genericInstanceAttr is object.__getattribute__ (and, withGetattr, the
// __getattr__ fallback after it).
func (t *Thread) genericInstanceAttr(o *Instance, obj Value, name string, withGetattr bool) (Value, bool, error) {
	cls := o.cls
	attr, found := cls.Lookup(name)
	// Data descriptors (properties) win over the instance dict.
	if found && attr.isObj() {
		switch d := attr.o.(type) {
		case *member:
			// A slot: set or missing.
			v, ok := o.attrs.slotGet(d.index)
			return v, ok, nil
		case *Property:
			r, err := t.bindAttr(attr, obj, cls)
			return t.getattrAfter(o, obj, name, r, err, withGetattr)
		case *Instance:
			if _, ok := d.cls.Lookup("__set__"); ok {
				r, err := t.bindAttr(attr, obj, cls)
				return t.getattrAfter(o, obj, name, r, err, withGetattr)
			}
		}
	}
	if v, ok := o.attrs.get(name); ok {
		return v, true, nil
	}
	if found {
		r, err := t.bindAttr(attr, obj, cls)
		return t.getattrAfter(o, obj, name, r, err, withGetattr)
	}
	switch name {
	case "__class__":
		return Obj(cls), true, nil
	case "__dict__":
		if cls.noDict {
			return Undef, false, nil
		}
		return Obj(o.attrs.asDict()), true, nil
	}
	if o.exc() != nil {
		if v, ok := t.excAttr(o, name); ok {
			return v, true, nil
		}
	}
	// Attributes a native payload exposes itself (e.g. a Queue's _queue).
	if ag, ok := o.Payload().o.(AttrGetter); ok {
		if v, ok, err := ag.GetAttr(t, name); ok || err != nil {
			return v, ok, err
		}
	}
	if fn, ok := builtinObjAttrs[name]; ok {
		if v, ok, err := fn(t, obj); ok || err != nil {
			return v, ok, err
		}
	}
	if ga, ok := cls.Lookup("__getattr__"); ok && withGetattr {
		r, err := t.callBound(ga, obj, []Value{Str(name)}, nil)
		return r, err == nil, err
	}
	return Undef, false, nil
}

// getattrAfter returns the result of a descriptor's __get__ (a property
// getter), except that an AttributeError from it gives __getattr__ its turn,
// as CPython's slot_tp_getattr_hook does for any AttributeError of the
// generic lookup.
func (t *Thread) getattrAfter(o *Instance, obj Value, name string, r Value, err error, withGetattr bool) (Value, bool, error) {
	if err != nil && withGetattr && IsInstanceOf(err, AttributeError) {
		if ga, ok := o.cls.Lookup("__getattr__"); ok {
			r, err := t.callBound(ga, obj, []Value{Str(name)}, nil)
			return r, err == nil, err
		}
	}
	return r, err == nil, err
}

func (t *Thread) excAttr(o *Instance, name string) (Value, bool) {
	switch name {
	case "args":
		return Obj(o.exc().args), true
	case "__cause__":
		if o.exc().cause.IsUndef() {
			return None, true
		}
		return o.exc().cause, true
	case "__context__":
		if o.exc().context.IsUndef() {
			return None, true
		}
		return o.exc().context, true
	case "__suppress_context__":
		return Bool(o.exc().suppressContext), true
	case "__traceback__":
		if len(o.exc().traceback) == 0 {
			return None, true
		}
		return Obj(&tracebackObj{entries: append([]TraceEntry(nil), o.exc().traceback...)}), true
	case "__notes__":
		if o.exc().notes == nil {
			return Undef, false
		}
		var items []Value
		for _, n := range o.exc().notes {
			items = append(items, Str(n))
		}
		return Obj(NewList(items)), true
	case "errno", "strerror", "filename", "filename2":
		if !o.cls.IsSubclass(OSError) {
			if o.cls.IsSubclass(SyntaxErrorType) {
				return syntaxErrorAttr(o, name)
			}
			return Undef, false
		}
		// OSError(errno, strerror[, filename[, winerror[, filename2]]]).
		args := o.exc().osFields()
		i := map[string]int{"errno": 0, "strerror": 1, "filename": 2, "filename2": 4}[name]
		if len(args) < 2 || len(args) > 5 || i >= len(args) || (i == 4 && args[2].IsNone()) {
			return None, true
		}
		return args[i], true
	}
	if ext, ok := excExtraAttrs[name]; ok {
		return ext(o)
	}
	if o.cls.IsSubclass(SyntaxErrorType) {
		return syntaxErrorAttr(o, name)
	}
	return Undef, false
}

// syntaxErrorAttr gives SyntaxError's msg, filename, lineno, offset, text,
// end_lineno and end_offset: from the parser's error, or from the
// (msg, (filename, lineno, offset, text, ...)) arguments a script passed.
func syntaxErrorAttr(o *Instance, name string) (Value, bool) {
	fields := []string{"filename", "lineno", "offset", "text", "end_lineno", "end_offset"}
	if se := o.SyntaxInfo(); se != nil {
		endCol := None
		if se.EndCol > se.Col {
			endCol = Int(int64(se.EndCol))
		}
		vals := map[string]Value{"msg": Str(se.Msg), "filename": Str(se.Filename), "lineno": Int(int64(se.Line)),
			"offset": Int(int64(se.Col)), "text": Str(se.Text + "\n"), "end_lineno": Int(int64(se.Line)), "end_offset": endCol}
		if se.NoCaret {
			vals["offset"], vals["end_offset"] = None, None
		}
		if se.AtEnd {
			vals["end_offset"] = Int(-1)
		}
		if se.NoText {
			vals["text"] = None
		}
		v, ok := vals[name]
		return v, ok
	}
	args := o.exc().args.items
	if name == "msg" {
		if len(args) > 0 {
			return args[0], true
		}
		return None, true
	}
	for i, f := range fields {
		if f == name {
			if len(args) == 2 {
				if tup, ok := args[1].o.(*Tuple); ok && i < len(tup.items) {
					return tup.items[i], true
				}
			}
			return None, true
		}
	}
	return Undef, false
}

// excExtraAttrs are attributes of particular exception classes (StopIteration.value, ...).
var excExtraAttrs = map[string]func(o *Instance) (Value, bool){
	"value": func(o *Instance) (Value, bool) {
		if !o.cls.IsSubclass(StopIteration) {
			return Undef, false
		}
		if len(o.exc().args.items) > 0 {
			return o.exc().args.items[0], true
		}
		return None, true
	},
	"code": func(o *Instance) (Value, bool) {
		if !o.cls.IsSubclass(SystemExit) {
			return Undef, false
		}
		if len(o.exc().args.items) == 1 {
			return o.exc().args.items[0], true
		}
		if len(o.exc().args.items) == 0 {
			return None, true
		}
		return Obj(o.exc().args), true
	},
}

// tracebackObj is the minimal __traceback__ object.
type tracebackObj struct{ entries []TraceEntry }

var TracebackType = newBuiltinClass("traceback", ObjectType)

func (*tracebackObj) Class() *Class { return TracebackType }

// setTraceback is `exc.__traceback__ = tb` (and with_traceback): the
// traceback printed for exc becomes tb's (contextlib restores the
// original traceback this way after throwing into a generator).
func (e *ExcState) setTraceback(v Value) error {
	switch tb := v.o.(type) {
	case *tracebackObj:
		if v.isObj() {
			e.traceback = append([]TraceEntry(nil), tb.entries...)
			return nil
		}
	}
	if v.IsNone() {
		e.traceback = nil
		return nil
	}
	return Errorf(TypeError, "__traceback__ must be a traceback or None")
}

func (t *Thread) classAttr(c *Class, name string) (Value, bool, error) {
	// A class's __qualname__ and __module__ are its own, never a base's: a
	// class made by type(name, bases, ns) has neither in its namespace and
	// is named name, in the module that called type().
	switch name {
	case "__qualname__", "__module__":
		if v, ok := c.Dict[name]; ok {
			return v, true, nil
		}
		if name == "__module__" {
			return Str(c.Module), true, nil
		}
		return Str(c.Name), true, nil
	}
	for _, k := range c.MRO {
		if v, ok := k.Dict[name]; ok {
			if v.isObj() {
				switch d := v.o.(type) {
				case *StaticMethod:
					return d.fn, true, nil
				case *ClassMethod:
					return Obj(&BoundMethod{Self: Obj(c), Fn: d.fn}), true, nil
				case *Instance:
					if get, ok := d.cls.Lookup("__get__"); ok {
						r, err := t.Call(get, []Value{v, None, Obj(c)}, nil)
						return r, err == nil, err
					}
				}
			}
			return v, true, nil
		}
	}
	switch name {
	case "__name__":
		return Str(c.Name), true, nil
	case "__qualname__":
		return Str(c.Name), true, nil
	case "__module__":
		return Str(c.Module), true, nil
	case "__mro__":
		items := make([]Value, len(c.MRO))
		for i, k := range c.MRO {
			items[i] = Obj(k)
		}
		return Obj(NewTuple(items)), true, nil
	case "__bases__":
		items := make([]Value, len(c.Bases))
		for i, k := range c.Bases {
			items[i] = Obj(k)
		}
		return Obj(NewTuple(items)), true, nil
	case "__base__":
		if len(c.Bases) == 0 {
			return None, true, nil
		}
		return Obj(c.Bases[0]), true, nil
	case "__dict__":
		d := NewDict()
		for _, k := range c.OrderedKeys() {
			if k == "__qualname__" {
				continue // type.__new__ moves it out of the namespace
			}
			d.SetStr(k, c.Dict[k])
		}
		return Obj(d), true, nil
	case "__class__":
		return Obj(c.Class()), true, nil
	case "__doc__":
		return None, true, nil
	}
	// What the metaclass defines: its methods bind to the class, its
	// properties compute from it (Enum's __members__).
	if v, ok := c.metaMethod(name); ok {
		if v.isObj() {
			switch d := v.o.(type) {
			case *Function:
				return Obj(&BoundMethod{Self: Obj(c), Fn: v}), true, nil
			case *ClassMethod:
				return Obj(&BoundMethod{Self: Obj(c.meta), Fn: d.fn}), true, nil
			case *StaticMethod:
				return d.fn, true, nil
			case *Property:
				r, err := t.Call(d.fget, []Value{Obj(c)}, nil)
				return r, err == nil, err
			}
		}
		return v, true, nil
	}
	// Methods of type itself (mro(), __subclasses__ ...).
	if v, ok := TypeType.Dict[name]; ok {
		return Obj(&BoundMethod{Self: Obj(c), Fn: v}), true, nil
	}
	return Undef, false, nil
}

func (t *Thread) functionAttr(f *Function, name string) (Value, bool, error) {
	switch name {
	case "__name__":
		return Str(f.name), true, nil
	case "__qualname__":
		return Str(f.qualname), true, nil
	case "__module__":
		return Str(f.module.Name), true, nil
	case "__doc__":
		if f.doc.IsUndef() {
			return None, true, nil
		}
		return f.doc, true, nil
	case "__defaults__":
		if len(f.defaults) == 0 {
			return None, true, nil
		}
		return Obj(NewTuple(f.defaults)), true, nil
	case "__code__":
		return Obj(f.code), true, nil
	case "__kwdefaults__":
		if len(f.kwdefaults) == 0 {
			return None, true, nil
		}
		d := NewDict()
		// In declaration order, as CPython builds it.
		start := f.code.ArgCount
		if f.code.Flags&FlagVarargs != 0 {
			start++ // *args sits between the positional and keyword-only names
		}
		for _, name := range f.code.LocalNames[start : start+f.code.KwOnlyCount] {
			if v, ok := f.kwdefaults[name]; ok {
				d.SetStr(name, v)
			}
		}
		return Obj(d), true, nil
	case "__globals__":
		return globalsOf(f.module), true, nil
	case "__annotations__":
		// Made on first access and kept, as CPython does.
		if f.annotation.IsUndef() {
			f.annotation = Obj(NewDict())
		}
		return f.annotation, true, nil
	case "__dict__":
		// The live attribute dict (functools.wraps updates it).
		if f.attrs == nil {
			f.attrs = NewDict()
		}
		return Obj(f.attrs), true, nil
	case "__class__":
		return Obj(FunctionType), true, nil
	}
	if f.attrs != nil {
		if v, ok := f.attrs.GetStr(name); ok {
			return v, true, nil
		}
	}
	// Methods of the function type (__get__).
	if m, ok := FunctionType.Dict[name]; ok {
		return Obj(&BoundMethod{Self: Obj(f), Fn: m}), true, nil
	}
	return Undef, false, nil
}

// SetAttr is setattr(obj, name, v).
func (t *Thread) SetAttr(obj Value, name string, v Value) error {
	if obj.isObj() {
		switch o := obj.o.(type) {
		case *Instance:
			if attr, ok := o.cls.Lookup(name); ok && attr.isObj() {
				switch d := attr.o.(type) {
				case *Property:
					if d.fset.IsUndef() || d.fset.IsNone() {
						return Errorf(AttributeError, "property '%s' of '%s' object has no setter", name, o.cls.Name)
					}
					_, err := t.Call(d.fset, []Value{obj, v}, nil)
					return err
				case *Instance:
					if set, ok := d.cls.Lookup("__set__"); ok {
						_, err := t.Call(set, []Value{attr, obj, v}, nil)
						return err
					}
				}
			}
			if sa, custom := setattrOverride(o.cls); custom {
				_, err := t.callBound(sa, obj, []Value{Str(name), v}, nil)
				return err
			}
			if o.exc() != nil {
				switch name {
				case "__cause__":
					o.exc().cause = v
					o.exc().suppressContext = true
					return nil
				case "__context__":
					o.exc().context = v
					return nil
				case "__traceback__":
					return o.exc().setTraceback(v)
				case "__suppress_context__":
					o.exc().suppressContext = v.n != 0
					return nil
				case "args":
					items, err := t.ToList(v)
					if err != nil {
						return err
					}
					o.exc().args = NewTuple(items)
					return nil
				}
			}
			if name == "__dict__" {
				d, ok := v.o.(*Dict)
				if !ok || !v.isObj() {
					return Errorf(TypeError, "__dict__ must be set to a dictionary, not a '%s'", v.TypeName())
				}
				o.attrs.extra().dict = d
				o.attrs.shape, o.attrs.vals = nil, nil
				return nil
			}
			return o.setAttrGeneric(name, v)
		case *Class:
			if m, ok := o.metaMethod("__setattr__"); ok {
				_, err := t.callBound(m, obj, []Value{Str(name), v}, nil)
				return err
			}
			return o.setAttr(name, v)
		case *Module:
			o.Set(name, v)
			return nil
		case *Function:
			switch name {
			case "__globals__", "__closure__", "__builtins__":
				return Errorf(AttributeError, "readonly attribute")
			}
			if name == "__doc__" {
				o.doc = v
				return nil
			}
			if name == "__defaults__" {
				if v.IsNone() {
					o.defaults = nil
					return nil
				}
				tup, ok := v.o.(*Tuple)
				if !ok || !v.isObj() {
					return Errorf(TypeError, "__defaults__ must be set to a tuple object")
				}
				o.defaults = tup.items
				return nil
			}
			if name == "__name__" {
				if s, ok := v.StrOf(); ok {
					o.name = s
				}
				return nil
			}
			if name == "__qualname__" {
				if s, ok := v.StrOf(); ok {
					o.qualname = s
				}
				return nil
			}
			switch name {
			case "__annotations__":
				o.annotation = v
				return nil
			case "__dict__":
				d, ok := v.o.(*Dict)
				if !ok || !v.isObj() {
					return Errorf(TypeError, "__dict__ must be set to a dictionary, not a '%s'", v.TypeName())
				}
				o.attrs = d
				return nil
			}
			if o.attrs == nil {
				o.attrs = NewDict()
			}
			o.attrs.SetStr(name, v)
			return nil
		case AttrSetter:
			return o.SetAttr(t, name, v)
		}
	}
	if name == "__class__" {
		return setClassOfValue(obj, v)
	}
	if _, ok := obj.Class().Lookup(name); ok {
		return Errorf(AttributeError, "'%s' object attribute '%s' is read-only", obj.TypeName(), name)
	}
	return Errorf(AttributeError, "'%s' object has no attribute '%s'", obj.TypeName(), name)
}

// DelAttr is delattr(obj, name).
func (t *Thread) DelAttr(obj Value, name string) error {
	if obj.isObj() {
		switch o := obj.o.(type) {
		case *Instance:
			if attr, ok := o.cls.Lookup(name); ok {
				if p, ok := attr.o.(*Property); ok {
					if p.fdel.IsUndef() || p.fdel.IsNone() {
						return Errorf(AttributeError, "property '%s' of '%s' object has no deleter", name, o.cls.Name)
					}
					_, err := t.Call(p.fdel, []Value{obj}, nil)
					return err
				}
				if d, ok := attr.o.(*Instance); ok {
					// A data descriptor: __delete__ does the deleting; one
					// with only __set__ refuses, as CPython's slot wrapper.
					if del, ok := d.cls.Lookup("__delete__"); ok {
						_, err := t.callBound(del, attr, []Value{obj}, nil)
						return err
					}
					if _, ok := d.cls.Lookup("__set__"); ok {
						return Errorf(AttributeError, "__delete__")
					}
				}
			}
			if da, ok := o.cls.Lookup("__delattr__"); ok && isScriptFunction(da) {
				_, err := t.callBound(da, obj, []Value{Str(name)}, nil)
				return err
			}
			return o.delAttr(name)
		case *Class:
			if m, ok := o.metaMethod("__delattr__"); ok {
				_, err := t.callBound(m, obj, []Value{Str(name)}, nil)
				return err
			}
			return o.delAttr(name)
		case *Module:
			if o.Delete(name) {
				return nil
			}
			return Errorf(AttributeError, "module '%s' has no attribute '%s'", o.Name, name)
		case *Function:
			if o.attrs != nil {
				if _, ok, _ := o.attrs.Delete(t, Str(name)); ok {
					return nil
				}
			}
		}
	}
	return Errorf(AttributeError, "'%s' object has no attribute '%s'", obj.TypeName(), name)
}

// loadMethod is LOAD_METHOD: for a plain function found on the class it
// returns (function, self) so the call needs no bound-method object;
// otherwise (attribute, Undef).
// builtinMethodClass returns the class of a value whose methods come from a
// built-in (immutable) class — str, list, a native object — or nil for
// instances, modules, classes and super objects, whose attributes vary.
func builtinMethodClass(v Value) *Class {
	var cls *Class
	if v.isObj() {
		switch v.o.(type) {
		case *Instance, *Module, *Class, *Super:
			return nil
		}
		cls = v.o.Class()
	} else {
		cls = v.Class()
	}
	if !cls.Builtin {
		return nil
	}
	return cls
}

func (t *Thread) loadMethod(obj Value, name string) (Value, Value, error) {
	if obj.isObj() {
		switch o := obj.o.(type) {
		case *Instance:
			if ga, ok := o.cls.Lookup("__getattribute__"); ok && isScriptFunction(ga) {
				break // the class's __getattribute__ decides: the general path
			}
			if _, shadow := o.attrs.get(name); !shadow {
				if attr, ok := o.cls.Lookup(name); ok && attr.isObj() {
					if _, isFn := attr.o.(*Function); isFn {
						return attr, obj, nil
					}
				}
			}
		case *Module, *Class, *Super:
		default:
			cls := obj.Class()
			if cls.Builtin {
				if attr, ok := cls.Lookup(name); ok && attr.isObj() {
					if b, isB := attr.o.(*Builtin); isB && b.owner != nil {
						return attr, obj, nil
					}
				}
			}
		}
	} else {
		cls := obj.Class()
		if attr, ok := cls.Lookup(name); ok && attr.isObj() {
			if b, isB := attr.o.(*Builtin); isB && b.owner != nil {
				return attr, obj, nil
			}
		}
	}
	v, err := t.GetAttr(obj, name)
	return v, Undef, err
}

// superAttr looks name up in the MRO after s.cls.
func (t *Thread) superAttr(s *Super, name string) (Value, bool, error) {
	var start *Class
	inClassMethod := false
	if c, ok := s.self.o.(*Class); ok && c.IsSubclass(s.cls) {
		start, inClassMethod = c, true
	} else {
		// An instance — or a class, in a method of its metaclass.
		start = s.self.Class()
	}
	mro := start.MRO
	i := 0
	for i < len(mro) && mro[i] != s.cls {
		i++
	}
	if i == len(mro) {
		// self is the native payload of a subclass of a native class (its
		// Go type reports the native class): continue after s.cls in its own MRO.
		mro, i = s.cls.MRO, 0
	}
	for _, k := range mro[i+1:] {
		if v, ok := k.Dict[name]; ok {
			if c, isCls := s.self.o.(*Class); isCls && inClassMethod {
				// super() in a classmethod
				if cm, ok := v.o.(*ClassMethod); ok {
					return Obj(&BoundMethod{Self: Obj(c), Fn: cm.fn}), true, nil
				}
				if sm, ok := v.o.(*StaticMethod); ok {
					return sm.fn, true, nil
				}
				return v, true, nil
			}
			r, err := t.bindAttr(v, s.self, start)
			return r, err == nil, err
		}
	}
	if name == "__class__" {
		return Obj(SuperType), true, nil
	}
	return Undef, false, Errorf(AttributeError, "'super' object has no attribute '%s'", name)
}
