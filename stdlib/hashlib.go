package stdlib

import (
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding"
	"encoding/hex"
	"fmt"
	"hash"
	"sort"
	"strings"

	"github.com/asylang/asy/vm"
)

// hashlib on Go's crypto packages. BLAKE2 is not in Go's standard library
// (it lives in golang.org/x/crypto, which asy does not depend on), so
// blake2b/blake2s are absent; SHA-3 and SHAKE are crypto/sha3.

var (
	hashType    = vm.NewNativeClass("HASH", "_hashlib", nil, nil)
	hashXOFType = vm.NewNativeClass("HASHXOF", "_hashlib", hashType, nil)
	// CPython raises it (a ValueError) when OpenSSL lacks a digest.
	unsupportedDigestErr = vm.NewExceptionClass("UnsupportedDigestmodError", "_hashlib", vm.ValueError)
)

// hashAlgos maps the names hashlib knows to constructors.
var hashAlgos = map[string]func() hash.Hash{
	"md5":        md5.New,
	"sha1":       sha1.New,
	"sha224":     sha256.New224,
	"sha256":     sha256.New,
	"sha384":     sha512.New384,
	"sha512":     sha512.New,
	"sha512_224": sha512.New512_224,
	"sha512_256": sha512.New512_256,
	"sha3_224":   func() hash.Hash { return sha3.New224() },
	"sha3_256":   func() hash.Hash { return sha3.New256() },
	"sha3_384":   func() hash.Hash { return sha3.New384() },
	"sha3_512":   func() hash.Hash { return sha3.New512() },
}

// xofAlgos are the extendable-output functions (digest takes a length).
var xofAlgos = map[string]func() *sha3.SHAKE{
	"shake_128": sha3.NewSHAKE128,
	"shake_256": sha3.NewSHAKE256,
}

// hashGuaranteed is CPython's algorithms_guaranteed less BLAKE2.
var hashGuaranteed = []string{"md5", "sha1", "sha224", "sha256", "sha384", "sha3_224", "sha3_256",
	"sha3_384", "sha3_512", "sha512", "shake_128", "shake_256"}

// hashObj is a hash object; exactly one of h and xof is set.
type hashObj struct {
	name string
	h    hash.Hash
	xof  *sha3.SHAKE
}

func (o *hashObj) Class() *vm.Class {
	if o.xof != nil {
		return hashXOFType
	}
	return hashType
}

func (o *hashObj) Repr(t *vm.Thread) (string, error) {
	return fmt.Sprintf("<%s %s object @ %p>", o.name, o.Class().Module+"."+o.Class().Name, o), nil
}

func (o *hashObj) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	switch name {
	case "name":
		return vm.Str(o.name), true, nil
	case "digest_size":
		if o.xof != nil {
			return vm.Int(0), true, nil
		}
		return vm.Int(int64(o.h.Size())), true, nil
	case "block_size":
		if o.xof != nil {
			return vm.Int(int64(o.xof.BlockSize())), true, nil
		}
		return vm.Int(int64(o.h.BlockSize())), true, nil
	}
	return vm.Undef, false, nil
}

// clone copies the running state (Go's digests marshal their state).
func (o *hashObj) clone() (*hashObj, error) {
	if o.xof != nil {
		st, err := o.xof.MarshalBinary()
		if err != nil {
			return nil, err
		}
		c := xofAlgos[o.name]()
		if err := c.UnmarshalBinary(st); err != nil {
			return nil, err
		}
		return &hashObj{name: o.name, xof: c}, nil
	}
	if c, ok := o.h.(hash.Cloner); ok {
		h, err := c.Clone()
		if err != nil {
			return nil, err
		}
		return &hashObj{name: o.name, h: h}, nil
	}
	st, err := o.h.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		return nil, err
	}
	h := hashAlgos[o.name]()
	if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(st); err != nil {
		return nil, err
	}
	return &hashObj{name: o.name, h: h}, nil
}

func (o *hashObj) write(b []byte) {
	if o.xof != nil {
		o.xof.Write(b)
	} else {
		o.h.Write(b)
	}
}

// hashData reads data to hash, with CPython's messages.
func hashData(v vm.Value) ([]byte, error) {
	switch d := v.AsObj().(type) {
	case *vm.Bytes:
		return d.Data(), nil
	case *vm.ByteArray:
		return d.Data(), nil
	}
	if _, ok := v.StrOf(); ok {
		return nil, vm.Errorf(vm.TypeError, "Strings must be encoded before hashing")
	}
	// memoryview, array.array and bytes subclasses: any buffer exporter.
	if b, ok := vm.BufferData(v); ok {
		return b, nil
	}
	return nil, vm.Errorf(vm.TypeError, "object supporting the buffer API required")
}

// newHash makes a hash object for a normalised name, or ok=false.
func newHash(name string) (*hashObj, bool) {
	if f, ok := hashAlgos[name]; ok {
		return &hashObj{name: name, h: f()}, true
	}
	if f, ok := xofAlgos[name]; ok {
		return &hashObj{name: name, xof: f()}, true
	}
	return nil, false
}

// hashName normalises a name as OpenSSL does ("SHA256" and "sha-256" are
// not the same to CPython, but case is ignored).
func hashName(s string) string { return strings.ToLower(s) }

// xofDigest returns length bytes of output without disturbing the object.
func (o *hashObj) xofDigest(t *vm.Thread, fname string, args []vm.Value, kw []vm.KV) ([]byte, error) {
	if len(args) == 0 && len(kw) == 0 {
		return nil, vm.Errorf(vm.TypeError, "%s() missing required argument 'length' (pos 1)", fname)
	}
	a, err := vm.UnpackArgs(fname, args, kw, 1, "length")
	if err != nil {
		return nil, err
	}
	n, err := t.AsInt64(a[0])
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, vm.Errorf(vm.ValueError, "negative digest length")
	}
	c, err := o.clone()
	if err != nil {
		return nil, err
	}
	out := make([]byte, n)
	c.xof.Read(out)
	return out, nil
}

func init() {
	hashType.AddMethod("update", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "HASH.update() takes exactly one argument (%d given)", len(args)-1)
		}
		b, err := hashData(args[1])
		if err != nil {
			return vm.Undef, err
		}
		args[0].AsObj().(*hashObj).write(b)
		return vm.None, nil
	})
	hashType.AddMethod("digest", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := args[0].AsObj().(*hashObj)
		if o.xof != nil {
			b, err := o.xofDigest(t, "digest", args[1:], kw)
			if err != nil {
				return vm.Undef, err
			}
			return vm.Obj(vm.NewBytes(b)), nil
		}
		return vm.Obj(vm.NewBytes(o.h.Sum(nil))), vm.ExactArgs("digest", args[1:], 0)
	})
	hashType.AddMethod("hexdigest", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := args[0].AsObj().(*hashObj)
		if o.xof != nil {
			b, err := o.xofDigest(t, "hexdigest", args[1:], kw)
			if err != nil {
				return vm.Undef, err
			}
			return vm.Str(hex.EncodeToString(b)), nil
		}
		return vm.Str(hex.EncodeToString(o.h.Sum(nil))), vm.ExactArgs("hexdigest", args[1:], 0)
	})
	hashType.AddMethod("copy", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		c, err := args[0].AsObj().(*hashObj).clone()
		if err != nil {
			return vm.Undef, vm.Errorf(vm.ValueError, "%s", err)
		}
		return vm.Obj(c), nil
	})
	register("hashlib", hashlibModule)
}

// hashCtorArgs reads (data=empty bytes, *, usedforsecurity=True) or the legacy
// string= keyword, for a named constructor fname.
func hashCtorArgs(fname string, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) > 1 {
		return vm.Undef, vm.Errorf(vm.TypeError, "%s() takes at most 1 positional argument (%d given)", fname, len(args))
	}
	data := vm.Undef
	if len(args) == 1 {
		data = args[0]
	}
	for _, k := range kw {
		switch k.Name {
		case "usedforsecurity":
		case "string":
			if !data.IsUndef() {
				return vm.Undef, vm.Errorf(vm.TypeError, "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.")
			}
			data = k.Val
		default:
			return vm.Undef, vm.Errorf(vm.TypeError, "'%s' is an invalid keyword argument for %s()", k.Name, fname)
		}
	}
	return data, nil
}

func hashWith(o *hashObj, data vm.Value) (vm.Value, error) {
	if !data.IsUndef() {
		b, err := hashData(data)
		if err != nil {
			return vm.Undef, err
		}
		o.write(b)
	}
	return vm.Obj(o), nil
}

func hashlibModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("hashlib", "")
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	var all []string
	for n := range hashAlgos {
		all = append(all, n)
	}
	for n := range xofAlgos {
		all = append(all, n)
	}
	sort.Strings(all)
	for _, name := range all {
		name := name
		// Only the guaranteed names are module attributes, as in CPython.
		isAttr := false
		for _, g := range hashGuaranteed {
			isAttr = isAttr || g == name
		}
		if !isAttr {
			continue
		}
		cname := "openssl_" + name
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			data, err := hashCtorArgs(cname, args, kw)
			if err != nil {
				return vm.Undef, err
			}
			o, _ := newHash(name)
			return hashWith(o, data)
		})
	}
	mkSet := func(names []string) (vm.Value, error) {
		set := vm.NewSet()
		for _, n := range names {
			if err := set.Add(it.MainThread(), vm.Str(n)); err != nil {
				return vm.Undef, err
			}
		}
		return vm.Obj(set), nil
	}
	g, err := mkSet(hashGuaranteed)
	if err != nil {
		return nil, err
	}
	m.Set("algorithms_guaranteed", g)
	a, err := mkSet(all)
	if err != nil {
		return nil, err
	}
	m.Set("algorithms_available", a)
	m.Set("UnsupportedDigestmodError", vm.Obj(unsupportedDigestErr))
	fn("new", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		var name, data vm.Value = vm.Undef, vm.Undef
		if len(args) > 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "__hash_new() takes from 1 to 2 positional arguments but %d were given", len(args))
		}
		if len(args) > 0 {
			name = args[0]
		}
		if len(args) > 1 {
			data = args[1]
		}
		for _, k := range kw {
			switch k.Name {
			case "name":
				name = k.Val
			case "data", "string":
				data = k.Val
			case "usedforsecurity":
			default:
				return vm.Undef, vm.Errorf(vm.TypeError, "__hash_new() got an unexpected keyword argument '%s'", k.Name)
			}
		}
		if name.IsUndef() {
			return vm.Undef, vm.Errorf(vm.TypeError, "__hash_new() missing 1 required positional argument: 'name'")
		}
		s, ok := name.StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "new() argument 'name' must be str, not %s", name.TypeName())
		}
		o, ok := newHash(hashName(s))
		if !ok {
			return vm.Undef, vm.Errorf(vm.ValueError, "unsupported hash type %s", s)
		}
		return hashWith(o, data)
	})
	fn("pbkdf2_hmac", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("pbkdf2_hmac", args, kw, 4, "hash_name", "password", "salt", "iterations", "dklen")
		if err != nil {
			return vm.Undef, err
		}
		name, err := vm.AsStr("pbkdf2_hmac", a[0])
		if err != nil {
			return vm.Undef, err
		}
		pw, err := bufferArg(a[1])
		if err != nil {
			return vm.Undef, err
		}
		salt, err := bufferArg(a[2])
		if err != nil {
			return vm.Undef, err
		}
		iters, err := t.AsInt64(a[3])
		if err != nil {
			return vm.Undef, err
		}
		if iters < 1 {
			return vm.Undef, vm.Errorf(vm.ValueError, "iteration value must be greater than 0.")
		}
		newH, ok := hashAlgos[hashName(name)]
		if !ok {
			return vm.Undef, vm.Errorf(unsupportedDigestErr, "[digital envelope routines] unsupported")
		}
		dklen := int64(newH().Size())
		if !a[4].IsUndef() && !a[4].IsNone() {
			if dklen, err = t.AsInt64(a[4]); err != nil {
				return vm.Undef, err
			}
			if dklen < 1 {
				return vm.Undef, vm.Errorf(vm.ValueError, "key length must be greater than 0.")
			}
		}
		var out []byte
		t.Blocking(func() { out, err = pbkdf2.Key(newH, string(pw), salt, int(iters), int(dklen)) })
		if err != nil {
			return vm.Undef, vm.Errorf(vm.ValueError, "%s", err)
		}
		return vm.Obj(vm.NewBytes(out)), nil
	})
	return m, nil
}
