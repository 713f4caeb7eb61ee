package vm

// The built-in classes. Methods are added by init functions in the files
// that implement each type; after package initialisation they never change.
var (
	ObjectType          = newBuiltinClass("object")
	TypeType            = newBuiltinClass("type", ObjectType)
	NoneType            = newBuiltinClass("NoneType", ObjectType)
	IntType             = newBuiltinClass("int", ObjectType)
	BoolType            = newBuiltinClass("bool", IntType)
	FloatType           = newBuiltinClass("float", ObjectType)
	ComplexType         = newBuiltinClass("complex", ObjectType)
	StrType             = newBuiltinClass("str", ObjectType)
	BytesType           = newBuiltinClass("bytes", ObjectType)
	ByteArrayType       = newBuiltinClass("bytearray", ObjectType)
	ListType            = newBuiltinClass("list", ObjectType)
	TupleType           = newBuiltinClass("tuple", ObjectType)
	DictType            = newBuiltinClass("dict", ObjectType)
	SetType             = newBuiltinClass("set", ObjectType)
	FrozenSetType       = newBuiltinClass("frozenset", ObjectType)
	RangeType           = newBuiltinClass("range", ObjectType)
	SliceType           = newBuiltinClass("slice", ObjectType)
	FunctionType        = newBuiltinClass("function", ObjectType)
	BuiltinFunctionType = newBuiltinClass("builtin_function_or_method", ObjectType)
	MethodType          = newBuiltinClass("method", ObjectType)
	ModuleType          = newBuiltinClass("module", ObjectType)
	CellType            = newBuiltinClass("cell", ObjectType)
	PropertyType        = newBuiltinClass("property", ObjectType)
	StaticMethodType    = newBuiltinClass("staticmethod", ObjectType)
	ClassMethodType     = newBuiltinClass("classmethod", ObjectType)
	SuperType           = newBuiltinClass("super", ObjectType)
	GeneratorType       = newBuiltinClass("generator", ObjectType)
	CoroutineType       = newBuiltinClass("coroutine", ObjectType)
	AsyncGeneratorType  = newBuiltinClass("async_generator", ObjectType)
	EllipsisType        = newBuiltinClass("ellipsis", ObjectType)
	NotImplementedType  = newBuiltinClass("NotImplementedType", ObjectType)
	CodeType            = newBuiltinClass("code", ObjectType)

	// Iterator classes; their names match CPython's so repr/type() agree.
	ListIterType      = newBuiltinClass("list_iterator", ObjectType)
	TupleIterType     = newBuiltinClass("tuple_iterator", ObjectType)
	StrIterType       = newBuiltinClass("str_ascii_iterator", ObjectType)
	RangeIterType     = newBuiltinClass("range_iterator", ObjectType)
	LongRangeIterType = newBuiltinClass("longrange_iterator", ObjectType)
	DictKeyIterType   = newBuiltinClass("dict_keyiterator", ObjectType)
	DictValueIterType = newBuiltinClass("dict_valueiterator", ObjectType)
	DictItemIterType  = newBuiltinClass("dict_itemiterator", ObjectType)
	SetIterType       = newBuiltinClass("set_iterator", ObjectType)
	SeqIterType       = newBuiltinClass("iterator", ObjectType)
	DictKeysType      = newBuiltinClass("dict_keys", ObjectType)
	DictValuesType    = newBuiltinClass("dict_values", ObjectType)
	DictItemsType     = newBuiltinClass("dict_items", ObjectType)
	EnumerateType     = newBuiltinClass("enumerate", ObjectType)
	ZipType           = newBuiltinClass("zip", ObjectType)
	MapType           = newBuiltinClass("map", ObjectType)
	FilterType        = newBuiltinClass("filter", ObjectType)
	ReversedType      = newBuiltinClass("reversed", ObjectType)
	CallIterType      = newBuiltinClass("callable_iterator", ObjectType)
)

// Singleton objects.
type ellipsisObj struct{}
type notImplementedObj struct{}

func (ellipsisObj) Class() *Class       { return EllipsisType }
func (notImplementedObj) Class() *Class { return NotImplementedType }

var (
	Ellipsis       = Obj(ellipsisObj{})
	NotImplemented = Obj(notImplementedObj{})
)

// isNotImplemented reports whether v is the NotImplemented singleton.
func isNotImplemented(v Value) bool {
	if !v.isObj() {
		return false
	}
	_, ok := v.o.(notImplementedObj)
	return ok
}
