package vm

// Argument counts of the methods of native classes, checked once in
// AddMethod by method name, so that no method body sees fewer arguments
// than it indexes and extra arguments are refused as CPython refuses them.

// slotArity: the methods CPython implements as type slots take exactly
// this many arguments after self, on every type ("expected 1 argument, got 2").
var slotArity = map[string]int{
	"__str__": 0, "__repr__": 0, "__hash__": 0, "__len__": 0, "__iter__": 0, "__next__": 0,
	"__bool__": 0, "__neg__": 0, "__pos__": 0, "__abs__": 0, "__invert__": 0,
	"__int__": 0, "__float__": 0, "__index__": 0,
	"__eq__": 1, "__ne__": 1, "__lt__": 1, "__le__": 1, "__gt__": 1, "__ge__": 1,
	"__add__": 1, "__radd__": 1, "__sub__": 1, "__rsub__": 1, "__mul__": 1, "__rmul__": 1,
	"__truediv__": 1, "__rtruediv__": 1, "__floordiv__": 1, "__rfloordiv__": 1,
	"__mod__": 1, "__rmod__": 1, "__divmod__": 1, "__rdivmod__": 1,
	"__and__": 1, "__rand__": 1, "__or__": 1, "__ror__": 1, "__xor__": 1, "__rxor__": 1,
	"__lshift__": 1, "__rlshift__": 1, "__rshift__": 1, "__rrshift__": 1,
	"__iadd__": 1, "__imul__": 1, "__isub__": 1, "__iand__": 1, "__ior__": 1, "__ixor__": 1,
	"__getattribute__": 1, "__delattr__": 1, "__delitem__": 1, "__getitem__": 1, "__contains__": 1, "__setattr__": 2, "__setitem__": 2,
}

// methArity: dunder methods CPython defines as ordinary methods without or
// with one argument ("list.__sizeof__() takes no arguments (1 given)").
var methArity = map[string]int{
	"__sizeof__": 0, "__reduce__": 0, "__getnewargs__": 0, "__reversed__": 0, "__copy__": 0,
	"__format__": 1, "__deepcopy__": 1,
}

// coreNoArgs: methods of the core types that take no arguments on every
// core type that has them (str.upper, dict.keys, int.bit_length…).
var coreNoArgs = map[string]bool{
	"upper": true, "lower": true, "title": true, "swapcase": true, "casefold": true,
	"capitalize": true, "isupper": true, "islower": true, "istitle": true, "isspace": true,
	"isprintable": true, "isnumeric": true, "isidentifier": true, "isdigit": true,
	"isdecimal": true, "isascii": true, "isalpha": true, "isalnum": true,
	"clear": true, "copy": true, "keys": true, "values": true, "items": true, "popitem": true,
	"reverse": true, "conjugate": true, "bit_length": true, "bit_count": true,
	"as_integer_ratio": true, "is_integer": true,
}

// coreKwMethods: the methods of the core types that take keyword
// arguments; every other core method refuses them.
var coreKwMethods = map[string]bool{
	"__init__": true, "__new__": true, "__init_subclass__": true, "__call__": true,
	"decode": true, "encode": true, "expandtabs": true, "format": true, "from_bytes": true,
	"hex": true, "rsplit": true, "sort": true, "split": true, "splitlines": true,
	"to_bytes": true, "translate": true,
}

// noKwargs refuses keyword arguments in CPython's words for c.name.
func noKwargs(c *Class, name string, kw []KV) error {
	if len(kw) == 0 {
		return nil
	}
	if _, slot := slotArity[name]; slot && !methStyleSlot(c, name) {
		return Errorf(TypeError, "wrapper %s() takes no keyword arguments", name)
	}
	return Errorf(TypeError, "%s.%s() takes no keyword arguments", c.Name, name)
}

// methStyleSlot: slots these types define as ordinary methods.
func methStyleSlot(c *Class, name string) bool {
	return name == "__getitem__" && (c == ListType || c == DictType) || name == "__contains__" && (c == DictType || c == SetType || c == FrozenSetType)
}

// hasExactArity reports the names withArity checks exactly.
func hasExactArity(c *Class, name string) bool {
	_, slot := slotArity[name]
	_, meth := methArity[name]
	return slot || meth || coreNoArgs[name] && isCoreType(c)
}

// withArity wraps a native method with the check its name calls for.
func withArity(c *Class, name string, fn BuiltinFunc) BuiltinFunc {
	if n, ok := slotArity[name]; ok {
		return func(t *Thread, args []Value, kw []KV) (Value, error) {
			if err := noKwargs(c, name, kw); err != nil {
				return Undef, err
			}
			if got := len(args) - 1; got != n {
				if methStyleSlot(c, name) {
					return Undef, Errorf(TypeError, "%s.%s() takes exactly one argument (%d given)", c.Name, name, got)
				}
				sp := ""
				if n == 2 || (name == "__mul__" || name == "__rmul__") && isSequenceType(c) {
					sp = " " // CPython's wording for these slots
				}
				return Undef, Errorf(TypeError, "%sexpected %d argument%s, got %d", sp, n, plural(n), got)
			}
			return fn(t, args, kw)
		}
	}
	n, ok := methArity[name]
	if !ok && coreNoArgs[name] && isCoreType(c) {
		n, ok = 0, true
	}
	if ok {
		return func(t *Thread, args []Value, kw []KV) (Value, error) {
			if err := noKwargs(c, name, kw); err != nil {
				return Undef, err
			}
			if got := len(args) - 1; got != n {
				if n == 0 {
					return Undef, Errorf(TypeError, "%s.%s() takes no arguments (%d given)", c.Name, name, got)
				}
				return Undef, Errorf(TypeError, "%s.%s() takes exactly one argument (%d given)", c.Name, name, got)
			}
			return fn(t, args, kw)
		}
	}
	return fn
}

func isSequenceType(c *Class) bool {
	switch c {
	case StrType, BytesType, ByteArrayType, ListType, TupleType:
		return true
	}
	return false
}

// coreMaxArgs: how many positional arguments (after self) methods of the
// core types take at most, by name or, where the types differ, by
// "type.name".
var coreMaxArgs = map[string]int{
	"add": 1, "append": 1, "center": 2, "discard": 1, "endswith": 3, "expandtabs": 1,
	"extend": 1, "find": 3, "format_map": 1, "get": 2, "index": 3, "insert": 2,
	"isdisjoint": 1, "issubset": 1, "issuperset": 1, "join": 1, "ljust": 2, "lstrip": 1,
	"partition": 1, "remove": 1, "removeprefix": 1, "removesuffix": 1, "replace": 3,
	"rfind": 3, "rindex": 3, "rjust": 2, "rpartition": 1, "rsplit": 2, "rstrip": 1,
	"setdefault": 2, "split": 2, "splitlines": 1, "startswith": 3, "strip": 1,
	"symmetric_difference": 1, "symmetric_difference_update": 1, "zfill": 1,
	"encode": 2, "decode": 2,
	"str.translate": 1, "bytes.translate": 2, "bytearray.translate": 2,
	"list.count": 1, "tuple.count": 1, "range.count": 1, "range.index": 1,
	"str.count": 3, "bytes.count": 3, "bytearray.count": 3,
	"list.pop": 1, "bytearray.pop": 1, "dict.pop": 2, "set.pop": 0,
}

// coreMax returns coreMaxArgs's entry for c.name.
func coreMax(c *Class, name string) (int, bool) {
	if n, ok := coreMaxArgs[c.Name+"."+name]; ok {
		return n, true
	}
	if name == "count" || name == "pop" || name == "translate" {
		return 0, false // only the types listed
	}
	n, ok := coreMaxArgs[name]
	return n, ok
}

// strOldStyle: str methods whose argument-count errors CPython still words
// the old way ("find() takes at least 1 argument (0 given)").
var strOldStyle = map[string]bool{
	"count": true, "endswith": true, "find": true, "index": true, "rfind": true, "rindex": true,
	"startswith": true, "split": true, "rsplit": true, "splitlines": true, "encode": true,
	"expandtabs": true,
}

// coreArgsError is the error for a core method called with n arguments
// outside min..max.
func coreArgsError(c *Class, name string, args []Value, min, max int) error {
	n := len(args)
	if c == StrType && strOldStyle[name] {
		if n < min {
			return Errorf(TypeError, "%s() takes at least %d argument%s (%d given)", name, min, plural(min), n)
		}
		return Errorf(TypeError, "%s() takes at most %d argument%s (%d given)", name, max, plural(max), n)
	}
	return MethodArgs(c.Name, name, args, min, max)
}
