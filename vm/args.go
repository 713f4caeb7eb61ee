package vm

import (
	"math"
	"math/big"
)

// UnpackArgs binds a builtin's arguments to named parameters: the first
// `required` names are mandatory; the rest are optional and come back as
// Undef when not passed. Keywords are matched by name. Error messages follow
// CPython's for built-in functions.
func UnpackArgs(fname string, args []Value, kw []KV, required int, names ...string) ([]Value, error) {
	out := make([]Value, len(names))
	if err := bindArgs(out, fname, args, kw, required, names); err != nil {
		return nil, err
	}
	return out, nil
}

// unpackArgs is UnpackArgs for the interpreter's own builtins (at most six
// parameters): the result is an array the caller keeps on its stack, so a
// call such as s.startswith(x) or sum(xs) allocates nothing for its
// arguments.
func unpackArgs(fname string, args []Value, kw []KV, required int, names ...string) (out [6]Value, err error) {
	err = bindArgs(out[:len(names)], fname, args, kw, required, names)
	return out, err
}

// bindArgs fills out (one slot per name) from args and kw.
func bindArgs(out []Value, fname string, args []Value, kw []KV, required int, names []string) error {
	if len(args) > len(names) {
		if len(names) == required {
			if required == 1 {
				return Errorf(TypeError, "%s() takes exactly one argument (%d given)", fname, len(args))
			}
			return Errorf(TypeError, "%s() takes exactly %d arguments (%d given)", fname, required, len(args))
		}
		return Errorf(TypeError, "%s() takes at most %d argument%s (%d given)", fname, len(names), plural(len(names)), len(args))
	}
	copy(out, args)
	for _, a := range kw {
		found := false
		for i, n := range names {
			if n == a.Name {
				if !out[i].IsUndef() {
					return Errorf(TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, n, i+1)
				}
				out[i] = a.Val
				found = true
				break
			}
		}
		if !found {
			return Errorf(TypeError, "%s() got an unexpected keyword argument '%s'", fname, a.Name)
		}
	}
	for i := 0; i < required; i++ {
		if out[i].IsUndef() {
			if len(args) < required && len(kw) == 0 {
				if required == 1 && len(names) == 1 {
					return Errorf(TypeError, "%s() takes exactly one argument (%d given)", fname, len(args))
				}
				return Errorf(TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
			}
			return Errorf(TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return nil
}

// NoKwargs rejects keyword arguments for builtins that take none.
func NoKwargs(fname string, kw []KV) error {
	if len(kw) > 0 {
		return Errorf(TypeError, "%s() takes no keyword arguments", fname)
	}
	return nil
}

// ExactArgs checks a positional argument count.
// (The check is inlined at each call; the message is built out of line.)
func ExactArgs(fname string, args []Value, n int) error {
	if len(args) != n {
		return exactArgsError(fname, args, n)
	}
	return nil
}

func exactArgsError(fname string, args []Value, n int) error {
	if n == 0 {
		return Errorf(TypeError, "%s() takes no arguments (%d given)", fname, len(args))
	}
	if n == 1 {
		return Errorf(TypeError, "%s() takes exactly one argument (%d given)", fname, len(args))
	}
	return Errorf(TypeError, "%s expected %d arguments, got %d", fname, n, len(args))
}

// RangeArgs checks min <= len(args) <= max, in CPython's words.
func RangeArgs(fname string, args []Value, min, max int) error {
	if len(args) < min || len(args) > max {
		return rangeArgsError(fname, args, min, max)
	}
	return nil
}

func rangeArgsError(fname string, args []Value, min, max int) error {
	if len(args) < min {
		return Errorf(TypeError, "%s expected at least %d argument%s, got %d", fname, min, plural(min), len(args))
	}
	return Errorf(TypeError, "%s expected at most %d argument%s, got %d", fname, max, plural(max), len(args))
}

// AsInt64 converts an int-like argument (or __index__) to int64.
func (t *Thread) AsInt64(v Value) (int64, error) {
	i, ok, err := t.IndexOf(v)
	if err != nil {
		return 0, err
	}
	if !ok {
		if v.isFloat() {
			return 0, Errorf(TypeError, "'float' object cannot be interpreted as an integer")
		}
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.TypeName())
	}
	return i, nil
}

// AsBig converts an int-like value to a big.Int (nil if not an int).
func AsBig(v Value) *big.Int { return v.bigOf() }

// AsFloat converts an int or float value.
func AsFloat(v Value) (float64, error) { return toFloat(v) }

// AsStr returns the Go string of a str argument, or a TypeError naming the function.
func AsStr(fname string, v Value) (string, error) {
	if s, ok := v.StrOf(); ok {
		return s, nil
	}
	return "", Errorf(TypeError, "%s() argument must be str, not %s", fname, v.TypeName())
}

// IsIntLike reports whether v is an int or bool.
func IsIntLike(v Value) bool { return v.isIntLike() }

// MethodArgs checks the number of arguments (after self) a method of a
// built-in type got, in the words CPython uses for its kind of method:
// "deque.pop() takes no arguments (1 given)", "deque.append() takes exactly
// one argument (0 given)", "rotate expected at most 1 argument, got 2", and
// for the slot methods (__getitem__, __eq__…) "expected 1 argument, got 0".
func MethodArgs(typeName, name string, args []Value, min, max int) error {
	n := len(args)
	if n >= min && n <= max {
		return nil
	}
	switch {
	case isSlotName(name) || name == "__getitem__" || name == "__contains__":
		if min == max {
			return Errorf(TypeError, "expected %d argument%s, got %d", min, plural(min), n)
		}
	case min == max && min == 0:
		return Errorf(TypeError, "%s.%s() takes no arguments (%d given)", typeName, name, n)
	case min == max && min == 1:
		return Errorf(TypeError, "%s.%s() takes exactly one argument (%d given)", typeName, name, n)
	case min == max:
		return Errorf(TypeError, "%s expected %d arguments, got %d", name, min, n)
	}
	return RangeArgs(name, args, min, max)
}

// IndexBig converts an integer argument — an int, an int subclass or an
// object with __index__ — to a big.Int, as CPython's PyNumber_Index: other
// values are a TypeError.
func (t *Thread) IndexBig(v Value) (*big.Int, error) {
	if b := v.bigOf(); b != nil {
		return b, nil
	}
	if inst, ok := v.o.(*Instance); ok {
		if m, ok := t.lookupSpecial(v, "__index__"); ok {
			r, err := t.callBound(m, v, nil, nil)
			if err != nil {
				return nil, err
			}
			if b := r.bigOf(); b != nil {
				return b, nil
			}
			return nil, Errorf(TypeError, "__index__ returned non-int (type %s)", r.TypeName())
		}
		if b := inst.Payload().bigOf(); b != nil {
			return b, nil
		}
	}
	return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.TypeName())
}

// codecArgs checks str.encode/bytes.decode's encoding and errors arguments
// (a[0], a[1]; Undef when not given) and sets *enc.
func codecArgs(fname string, a []Value, enc *string) error {
	for i, name := range []string{"encoding", "errors"} {
		if a[i].IsUndef() {
			continue
		}
		s, ok := a[i].StrOf()
		if !ok {
			return Errorf(TypeError, "%s() argument '%s' must be str, not %s", fname, name, a[i].TypeName())
		}
		if i == 0 {
			*enc = s
		}
	}
	return nil
}

// keependsArg is splitlines' keepends: an integer (bool included), default false.
func keependsArg(t *Thread, v Value) (bool, error) {
	if v.IsUndef() {
		return false, nil
	}
	b, err := t.IndexBig(v)
	if err != nil {
		return false, err
	}
	return b.Sign() != 0, nil
}

// AsSsize converts an index-like size argument as CPython's Py_ssize_t
// arguments do: an int beyond 64 bits is an OverflowError.
func (t *Thread) AsSsize(v Value) (int64, error) {
	if _, big := v.o.(*BigIntObj); big {
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	return t.AsInt64(v)
}

// AsCInt converts a C-int argument (tab sizes, precisions from '*'): out of
// the 32-bit range is an OverflowError, as in CPython.
func (t *Thread) AsCInt(v Value) (int64, error) {
	if _, big := v.o.(*BigIntObj); big {
		return 0, Errorf(OverflowError, "Python int too large to convert to C int")
	}
	n, err := t.AsInt64(v)
	if err != nil {
		return 0, err
	}
	if n > math.MaxInt32 || n < math.MinInt32 {
		return 0, Errorf(OverflowError, "Python int too large to convert to C int")
	}
	return n, nil
}
