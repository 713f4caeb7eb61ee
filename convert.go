package asy

import (
	"reflect"

	"github.com/asylang/asy/vm"
	"github.com/asylang/asy/vm/goconv"
)

// Converting between Go values and script values is vm/goconv's table,
// shared with sqlite3, asyncpg and the process pool; this file is the
// embedding API's layer over it: Value, Func, Builtin, Async and Go funcs.
//
// Go → script (arguments to script functions, results of Go functions,
// Options.Globals):
//
//	nil, nil pointer, nil slice/map       None
//	bool                                  bool
//	int…int64, uint…uint64, *big.Int      int (arbitrary precision)
//	float32, float64                      float
//	string                                str
//	[]byte                                bytes
//	time.Time                             datetime.datetime (aware, in its offset)
//	slice or array                        list
//	map with string keys                  dict (keys in sorted order)
//	struct, *struct                       dict of its exported fields; a field is named by its
//	                                      `asy:"name"` tag, else its `json:"name"` tag, else
//	                                      its Go name; tag "-" leaves it out
//	Func, Builtin, Async, Go func         callable
//	error                                 raised (as RuntimeError unless it is an *Error)
//	Value                                 itself
//
// Script → Go (what Call and Global return, and the parameters of Go
// functions typed any):
//
//	None → nil; bool → bool; int → int64 (*big.Int when it does not fit);
//	float → float64; str → string; bytes, bytearray → []byte;
//	datetime.datetime → time.Time (a naive one in UTC); list, tuple, set, frozenset → []any; dict → map[string]any when every key
//	is a str, else map[any]any; anything else → Value (opaque, can be passed back).
//
// A Go function's typed parameters take the matching script values: ints for
// integer kinds (range-checked), ints or floats for floats, str for string,
// lists for slices, dicts for maps and structs (by the field rule above), a
// datetime for time.Time.

// Value is a script value held by Go: opaque, valid for the interpreter it
// came from.
type Value struct{ v vm.Value }

// String is the value's repr-free description (its type).
func (v Value) String() string { return "<asy " + v.v.TypeName() + ">" }

// layer is the embedding API's part of the conversions (set in init: its
// FromGo makes Funcs, whose calls convert through it).
var layer *goconv.Layer

func init() {
	layer = &goconv.Layer{
		FromGo: func(t *vm.Thread, x any) (vm.Value, bool, error) {
			switch x := x.(type) {
			case Value:
				return x.v, true, nil
			case *Func:
				return x.value(), true, nil
			case *Builtin:
				return x.value(), true, nil
			case *Async:
				return x.value(), true, nil
			}
			if rv := reflect.ValueOf(x); rv.Kind() == reflect.Func && !rv.IsNil() {
				fn, err := NewFunc(x)
				if err != nil {
					return vm.Undef, true, err
				}
				return fn.value(), true, nil
			}
			return vm.Undef, false, nil
		},
		Opaque: func(t *vm.Thread, v vm.Value) (any, error) { return Value{v}, nil },
		ToType: func(t *vm.Thread, v vm.Value, rt reflect.Type) (reflect.Value, bool) {
			if rt == valueType {
				return reflect.ValueOf(Value{v}), true
			}
			return reflect.Value{}, false
		},
	}
}

var valueType = reflect.TypeOf(Value{})

// toScript converts a Go value for the script.
func toScript(t *vm.Thread, x any) (vm.Value, error) { return goconv.ToScript(t, x, layer) }

// fromScript converts a script value to its natural Go value.
func fromScript(t *vm.Thread, v vm.Value) any {
	x, _ := goconv.ToGo(t, v, layer) // the layer's hooks never fail
	return x
}

func sliceFromScript(t *vm.Thread, items []vm.Value) []any {
	out := make([]any, len(items))
	for i, e := range items {
		out[i] = fromScript(t, e)
	}
	return out
}

// convertArg converts a script value to the Go type rt (a Go function's
// parameter); the error is the TypeError the script sees.
func convertArg(t *vm.Thread, v vm.Value, rt reflect.Type, what string) (reflect.Value, error) {
	return goconv.ToType(t, v, rt, what, layer)
}
