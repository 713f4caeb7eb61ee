// Package goconv converts between script values and Go values. It is the
// one converter behind the embedding API (package asy: Go functions,
// Globals, Call), sqlite3, asyncpg and the process pool; each of those adds
// a thin Layer (or a switch over Scalar's result) for its own types —
// sqlite's adapters and its bool-as-integer, asyncpg's Decimal, UUID and
// interval, the pool's tuples, sets and functions — and the table below is
// the shared part.
//
// Go → script (ToScript):
//
//	nil, nil pointer, nil slice/map       None
//	bool                                  bool
//	int…int64, uint…uint64, *big.Int      int (arbitrary precision)
//	float32, float64                      float
//	string                                str
//	[]byte                                bytes
//	time.Time                             datetime.datetime, aware (its offset as a timezone)
//	slice or array                        list
//	map with string keys                  dict (keys in sorted order)
//	struct, *struct                       dict of its exported fields; a field is named by its
//	                                      `asy:"name"` tag, else its `json:"name"` tag, else
//	                                      its Go name; tag "-" leaves it out
//	vm.Value                              itself
//	anything else                         the Layer's FromGo, else an error
//
// Script → Go (ToGo):
//
//	None → nil; bool → bool; int → int64 (*big.Int when it does not fit);
//	float → float64; str → string; bytes, bytearray → []byte (a copy);
//	datetime.datetime → time.Time (naive ones in UTC); list, tuple, set,
//	frozenset → []any; dict → map[string]any when every key is a str, else
//	map[any]any; anything else → the Layer's Opaque.
//
// A Go type's value (ToType, the parameters of Go functions) takes the
// matching script values: ints for integer kinds (range-checked), ints or
// floats for floats, str for string, bytes for []byte, lists and tuples for
// slices, dicts for maps and structs (by the field rule above), a datetime
// for time.Time, None or the element's value for a pointer.
//
// Only the exact built-in types have rows (a subclass of int is Opaque),
// as the drivers check exact types too.
package goconv
