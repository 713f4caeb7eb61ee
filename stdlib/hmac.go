package stdlib

import (
	"crypto/subtle"

	"github.com/asylang/asy/vm"
)

// The native half of hmac: compare_digest, which must take time independent
// of where the inputs differ (crypto/subtle). pylib/hmac.py builds the HMAC
// class on hashlib's objects, as CPython's fallback path does.

func hmacModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("hmac", "")
	m.Set("compare_digest", vm.NewBuiltin("compare_digest", compareDigest))
	return m, nil
}

// compareDigest is CPython's _operator._compare_digest: two ASCII strs or
// two bytes-like objects.
func compareDigest(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.NoKwargs("compare_digest", kw); err != nil {
		return vm.Undef, err
	}
	if err := vm.ExactArgs("compare_digest", args, 2); err != nil {
		return vm.Undef, err
	}
	a, b := args[0], args[1]
	as, aStr := a.StrOf()
	bs, bStr := b.StrOf()
	mismatch := vm.Errorf(vm.TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'", a.TypeName(), b.TypeName())
	var x, y []byte
	switch {
	case aStr && bStr:
		for _, s := range []string{as, bs} {
			for i := 0; i < len(s); i++ {
				if s[i] >= 0x80 {
					return vm.Undef, vm.Errorf(vm.TypeError, "comparing strings with non-ASCII characters is not supported")
				}
			}
		}
		x, y = []byte(as), []byte(bs)
	default:
		// CPython's buffer fallback: "unsupported" only when neither side
		// is bytes-like, else the first non-buffer side is named.
		var ok1, ok2 bool
		x, ok1 = structBytes(a)
		y, ok2 = structBytes(b)
		if !ok1 && !ok2 {
			return vm.Undef, mismatch
		}
		if !ok1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", a.TypeName())
		}
		if !ok2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", b.TypeName())
		}
	}
	return vm.Bool(subtle.ConstantTimeCompare(x, y) == 1), nil
}

func init() { register("hmac", hmacModule) }
