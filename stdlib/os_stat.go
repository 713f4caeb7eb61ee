package stdlib

import (
	"crypto/rand"
	"io/fs"
	"os"
	"syscall"

	asyrt "github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// os.stat/lstat/fstat, urandom, _exit and get_terminal_size. The stat
// calls go through the granted files (hostfiles.go) like every other file
// operation; pylib/os.py shapes the raw fields into os.stat_result and
// builds scandir on listdir and stat.

// unixMode is the st_mode of a Go FileMode: the permission bits plus the
// file type bits of <sys/stat.h>.
func unixMode(m fs.FileMode) uint32 {
	mode := uint32(m.Perm())
	switch {
	case m&fs.ModeDir != 0:
		mode |= syscall.S_IFDIR
	case m&fs.ModeSymlink != 0:
		mode |= syscall.S_IFLNK
	case m&fs.ModeNamedPipe != 0:
		mode |= syscall.S_IFIFO
	case m&fs.ModeSocket != 0:
		mode |= syscall.S_IFSOCK
	case m&fs.ModeCharDevice != 0:
		mode |= syscall.S_IFCHR
	case m&fs.ModeDevice != 0:
		mode |= syscall.S_IFBLK
	default:
		mode |= syscall.S_IFREG
	}
	if m&fs.ModeSetuid != 0 {
		mode |= syscall.S_ISUID
	}
	if m&fs.ModeSetgid != 0 {
		mode |= syscall.S_ISGID
	}
	if m&fs.ModeSticky != 0 {
		mode |= syscall.S_ISVTX
	}
	return mode
}

// statFields is the raw stat_result: st_mode, st_ino, st_dev, st_nlink,
// st_uid, st_gid, st_size, then the times in ns (atime, mtime, ctime),
// st_blksize, st_blocks, st_rdev. A file of an fs.FS has no inode, owner
// or device: those are 0, its times all the modification time.
func statFields(fi fs.FileInfo) []vm.Value {
	mtime := fi.ModTime().UnixNano()
	f := []int64{int64(unixMode(fi.Mode())), 0, 0, 1, 0, 0, fi.Size(), mtime, mtime, mtime, 0, 0, 0}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		f = statT(st)
	}
	out := make([]vm.Value, len(f))
	for i, v := range f {
		out[i] = vm.Int(v)
	}
	return out
}

func osStatFuncs(it *vm.Interp, m *vm.Module) {
	files := filesOf(it)
	grants := asyrt.GrantsOf(it)
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }

	// _statx(path, follow) -> the raw fields, or the OSError CPython raises.
	fn("_statx", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_statx", args, 2); err != nil {
			return vm.Undef, err
		}
		p, err := pathArg(t, "stat", args, 1)
		if err != nil {
			return vm.Undef, err
		}
		follow, err := t.Truth(args[1])
		if err != nil {
			return vm.Undef, err
		}
		fi, err := files.stat(p, follow)
		if err != nil {
			return vm.Undef, osError(err, p)
		}
		return vm.Obj(vm.NewTuple(statFields(fi))), nil
	})
	fn("_fstatx", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("fstat", args, 1); err != nil {
			return vm.Undef, err
		}
		fd, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		if !ownFD(it, int(fd)) {
			return vm.Undef, refusal(errNotGranted, "")
		}
		var st syscall.Stat_t
		if err := syscall.Fstat(int(fd), &st); err != nil {
			return vm.Undef, osError(err, "")
		}
		f := statT(&st)
		out := make([]vm.Value, len(f))
		for i, v := range f {
			out[i] = vm.Int(v)
		}
		return vm.Obj(vm.NewTuple(out)), nil
	})
	// urandom reads the operating system's randomness, which reveals
	// nothing of the host: no grant needed.
	fn("urandom", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("urandom", args, 1); err != nil {
			return vm.Undef, err
		}
		n, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		if n < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "negative argument not allowed")
		}
		if n > 1<<30 {
			return vm.Undef, vm.Errorf(vm.MemoryError, "")
		}
		b := make([]byte, n)
		if _, err := rand.Read(b); err != nil {
			return vm.Undef, osError(err, "")
		}
		return vm.Obj(vm.NewBytes(b)), nil
	})
	// _exit ends the process at once, without cleanup, when the script may
	// control processes (the asy command); an embedded script without the
	// Subprocess grant gets PermissionError rather than killing its host.
	fn("_exit", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_exit", args, 1); err != nil {
			return vm.Undef, err
		}
		code, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		if !grants.Subprocess {
			cls, _ := vm.BuiltinClass("PermissionError")
			return vm.Undef, vm.NewException(cls, vm.Int(int64(syscall.EPERM)),
				vm.Str("Operation not permitted: os._exit needs the Subprocess grant"))
		}
		os.Exit(int(code))
		return vm.None, nil
	})
	// _terminal_size(fd) -> (columns, lines) of the terminal on fd; a
	// terminal's size tells nothing of the host, but the descriptor must
	// be the script's (or a standard stream).
	fn("_terminal_size", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("get_terminal_size", args, 1); err != nil {
			return vm.Undef, err
		}
		fd, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		if fd > 2 && !ownFD(it, int(fd)) {
			return vm.Undef, refusal(errNotGranted, "")
		}
		cols, rows, err := terminalSize(int(fd))
		if err != nil {
			return vm.Undef, osError(err, "")
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(int64(cols)), vm.Int(int64(rows))})), nil
	})
}
