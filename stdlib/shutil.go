package stdlib

import (
	"io"
	"os"
	"syscall"
	"time"

	"github.com/asylang/asy/vm"
)

// The native half of shutil: byte copies, permission bits and timestamps,
// disk usage — the calls asy's os does not expose. pylib/shutil.py is
// CPython's logic (copy, copytree, rmtree, move, which) on top. The
// helpers go through the granted files, like os.

func shutilModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("shutil", "")
	files := filesOf(it)
	// host defines a helper taking n str paths.
	host := func(name string, n int, f func(p []string) (vm.Value, error)) {
		m.Set(name, vm.NewBuiltin(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if err := vm.ExactArgs(name, args, n); err != nil {
				return vm.Undef, err
			}
			ps := make([]string, n)
			for i := range args {
				// Callers pass os.fspath()'d values; anything else is a bug
				// in pylib/shutil.py, reported plainly.
				s, ok := args[i].StrOf()
				if !ok {
					return vm.Undef, vm.Errorf(vm.TypeError, "%s: expected str path, not %s", name, args[i].TypeName())
				}
				ps[i] = s
			}
			return f(ps)
		}))
	}
	host("_samefile", 2, func(p []string) (vm.Value, error) {
		a, err1 := files.stat(p[0], true)
		b, err2 := files.stat(p[1], true)
		for _, err := range []error{err1, err2} {
			if _, refused := err.(*vm.Instance); refused {
				return vm.Undef, err
			}
		}
		return vm.Bool(err1 == nil && err2 == nil && os.SameFile(a, b)), nil
	})
	host("_copydata", 2, func(p []string) (vm.Value, error) {
		src, err := files.openFile(p[0], os.O_RDONLY, 0)
		if err != nil {
			return vm.Undef, osError(err, p[0])
		}
		defer src.Close()
		if fi, err := src.Stat(); err == nil && fi.IsDir() {
			return vm.Undef, osError(syscall.EISDIR, p[0])
		}
		dst, err := files.openFile(p[1], os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		if err != nil {
			return vm.Undef, osError(err, p[1])
		}
		if _, err := io.Copy(dst, src); err != nil {
			dst.Close()
			return vm.Undef, osError(err, p[1])
		}
		if err := dst.Close(); err != nil {
			return vm.Undef, osError(err, p[1])
		}
		return vm.None, nil
	})
	host("_copymode", 2, func(p []string) (vm.Value, error) {
		fi, err := files.stat(p[0], true)
		if err != nil {
			return vm.Undef, osError(err, p[0])
		}
		if err := files.chmod(p[1], fi.Mode().Perm()); err != nil {
			return vm.Undef, osError(err, p[1])
		}
		return vm.None, nil
	})
	host("_copystat", 2, func(p []string) (vm.Value, error) {
		fi, err := files.stat(p[0], true)
		if err != nil {
			return vm.Undef, osError(err, p[0])
		}
		var atime time.Time
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			atime = time.Unix(st.Atim.Sec, st.Atim.Nsec)
		} else {
			atime = fi.ModTime()
		}
		if err := files.chtimes(p[1], atime, fi.ModTime()); err != nil {
			return vm.Undef, osError(err, p[1])
		}
		if err := files.chmod(p[1], fi.Mode().Perm()); err != nil {
			return vm.Undef, osError(err, p[1])
		}
		return vm.None, nil
	})
	host("_isexe", 1, func(p []string) (vm.Value, error) {
		fi, err := files.stat(p[0], true)
		if _, refused := err.(*vm.Instance); refused {
			return vm.Undef, err
		}
		if err != nil || fi.IsDir() {
			return vm.False, nil
		}
		if !files.g.Host {
			return vm.Bool(fi.Mode()&0o111 != 0), nil
		}
		return vm.Bool(syscall.Access(p[0], 1) == nil), nil
	})
	host("_disk_usage", 1, func(p []string) (vm.Value, error) {
		hp, err := files.hostPath(p[0])
		if err != nil {
			return vm.Undef, err
		}
		var st syscall.Statfs_t
		if err := syscall.Statfs(hp, &st); err != nil {
			return vm.Undef, osError(err, p[0])
		}
		// As CPython: total from f_blocks, free from f_bavail (what an
		// unprivileged user may use), used from f_bfree.
		bs := int64(st.Frsize)
		total := int64(st.Blocks) * bs
		free := int64(st.Bavail) * bs
		used := (int64(st.Blocks) - int64(st.Bfree)) * bs
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(total), vm.Int(used), vm.Int(free)})), nil
	})
	return m, nil
}

func init() { register("shutil", shutilModule) }
