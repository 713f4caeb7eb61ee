package stdlib

import (
	"crypto/rand"
	"math/big"

	"github.com/asylang/asy/vm"
)

// The native half of secrets: bytes and integers from the operating
// system's CSPRNG (crypto/rand). pylib/secrets.py builds the token helpers
// and choice on top, as CPython's secrets does on SystemRandom.

func secretsModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("secrets", "")
	m.Set("DEFAULT_ENTROPY", vm.Int(32))
	m.Set("compare_digest", vm.NewBuiltin("compare_digest", compareDigest))
	m.Set("token_bytes", vm.NewBuiltin("token_bytes", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("token_bytes", args, kw, 0, "nbytes")
		if err != nil {
			return vm.Undef, err
		}
		n := int64(32)
		if !a[0].IsUndef() && !a[0].IsNone() {
			if n, err = t.AsSsize(a[0]); err != nil {
				return vm.Undef, err
			}
			if n < 0 {
				return vm.Undef, vm.Errorf(vm.ValueError, "negative argument not allowed")
			}
		}
		if err := vm.CheckAlloc(n, 1); err != nil {
			return vm.Undef, err
		}
		b := make([]byte, n)
		rand.Read(b)
		return bytesVal(b), nil
	}))
	m.Set("randbelow", vm.NewBuiltin("randbelow", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("randbelow", args, kw, 1, "exclusive_upper_bound")
		if err != nil {
			return vm.Undef, err
		}
		n, err := t.IndexBig(a[0])
		if err != nil {
			return vm.Undef, err
		}
		if n.Sign() <= 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "Upper bound must be positive.")
		}
		r, err := rand.Int(rand.Reader, n)
		if err != nil {
			return vm.Undef, vm.Errorf(vm.OSError, "%s", err)
		}
		return vm.BigInt(r), nil
	}))
	m.Set("randbits", vm.NewBuiltin("randbits", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("randbits", args, kw, 1, "k")
		if err != nil {
			return vm.Undef, err
		}
		k, err := t.AsInt64(a[0])
		if err != nil {
			return vm.Undef, err
		}
		if k < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "number of bits must be non-negative")
		}
		r, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), uint(k)))
		if err != nil {
			return vm.Undef, vm.Errorf(vm.OSError, "%s", err)
		}
		return vm.BigInt(r), nil
	}))
	return m, nil
}

func init() { register("secrets", secretsModule) }
