package stdlib

import (
	"crypto/rand"
	"errors"
	"os"
	"strings"
	"syscall"

	"github.com/asylang/asy/vm"
)

// The native half of tempfile: creating a uniquely named file or directory
// atomically (O_EXCL / mkdir, retried on collisions, mode 0600 / 0700 as
// CPython's). pylib/tempfile.py builds the public API on top, over os and
// open(). Hermetic interpreters get PermissionError, as from os.

const tempNameChars = "abcdefghijklmnopqrstuvwxyz0123456789_"

// tempName is CPython's _RandomNameSequence: eight characters.
func tempName() string {
	var b [8]byte
	rand.Read(b[:])
	for i := range b {
		b[i] = tempNameChars[int(b[i])%len(tempNameChars)]
	}
	return string(b[:])
}

func tempfileModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("tempfile", "")
	files := filesOf(it)
	m.Set("TMP_MAX", vm.Int(238328)) // os.TMP_MAX on glibc
	// create(kind, dir, prefix, suffix) → (fd or None, path); kind "file"
	// opens the new file read-write, "dir" makes a directory.
	m.Set("_create", vm.NewBuiltin("_create", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_create", args, 4); err != nil {
			return vm.Undef, err
		}
		var s [4]string
		for i, a := range args {
			v, ok := a.StrOf()
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "tempfile: expected str, not %s", a.TypeName())
			}
			s[i] = v
		}
		kind, dir, prefix, suffix := s[0], s[1], s[2], s[3]
		for i := 0; i < 238328; i++ {
			p := joinTempPath(dir, prefix+tempName()+suffix)
			if kind == "dir" {
				err := files.change(p, func(p string) error { return syscall.Mkdir(p, 0o700) },
					func(n string) error { return files.g.Root.Mkdir(n, 0o700) })
				if errors.Is(err, syscall.EEXIST) {
					continue
				}
				if err != nil {
					return vm.Undef, osError(err, p)
				}
				return vm.Obj(vm.NewTuple([]vm.Value{vm.None, vm.Str(p)})), nil
			}
			fd, err := createTemp(it, files, p)
			if errors.Is(err, syscall.EEXIST) {
				continue
			}
			if err != nil {
				return vm.Undef, osError(err, p)
			}
			return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(int64(fd)), vm.Str(p)})), nil
		}
		return vm.Undef, osError(&os.PathError{Op: "create", Path: dir, Err: syscall.EEXIST}, "No usable temporary file name found")
	}))
	return m, nil
}

func init() { register("tempfile", tempfileModule) }

// joinTempPath is os.path.join(dir, name): "" means the working directory
// and a trailing slash is not doubled.
func joinTempPath(dir, name string) string {
	if dir == "" || strings.HasSuffix(dir, "/") {
		return dir + name
	}
	return dir + "/" + name
}

// createTemp makes the new file p and returns its descriptor.
func createTemp(it *vm.Interp, files hostFiles, p string) (int, error) {
	if files.g.Host {
		return syscall.Open(p, syscall.O_RDWR|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o600)
	}
	f, err := files.openFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return -1, err
	}
	defer f.Close()
	fd, err := syscall.Dup(int(f.Fd()))
	if err != nil {
		return -1, err
	}
	syscall.CloseOnExec(fd)
	noteFD(it, fd, true)
	return fd, nil
}
