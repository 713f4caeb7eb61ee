package stdlib

import (
	"errors"
	"io/fs"
	"os"
	goruntime "runtime"
	"sort"
	"strings"
	"syscall"

	asyrt "github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The native half of os: only what needs the host (environment, process,
// filesystem). pylib/os.py builds the rest (getenv, makedirs, walk) and
// pylib/os.path.py is pure path arithmetic.
//
// What the script sees of the host is what the interpreter's grants say
// (runtime.Grants): environ holds the granted variables, the process ids
// are 1 and 0 without HostInfo, and the file system calls go through the
// granted files (hostfiles.go), raising PermissionError beyond them.

func osModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("os", "")
	// Cached before pylib/os.py runs on top, so its `import os.path` finds
	// this (partly built) module instead of loading os again, as CPython's
	// sys.modules holds a module while it initializes.
	it.AddModule(m)
	grants := asyrt.GrantsOf(it)
	files := filesOf(it)
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	host := fn

	// environ is a snapshot: changes made by the script stay in the dict
	// (getenv reads it), as CPython's putenv side effect has no observer here.
	env := vm.NewDict()
	keys := make([]string, 0, len(grants.Env))
	for k := range grants.Env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		env.SetStr(vm.FSDecode(k), vm.Str(vm.FSDecode(grants.Env[k])))
	}
	m.Set("environ", vm.Obj(env))
	m.Set("name", vm.Str("posix"))
	m.Set("sep", vm.Str("/"))
	m.Set("altsep", vm.None)
	m.Set("extsep", vm.Str("."))
	m.Set("pathsep", vm.Str(":"))
	m.Set("linesep", vm.Str("\n"))
	m.Set("curdir", vm.Str("."))
	m.Set("pardir", vm.Str(".."))
	m.Set("devnull", vm.Str("/dev/null"))

	// A script without HostInfo is told it is process 1, child of 0, on
	// one CPU, whatever the host is.
	getpid, getppid, ncpu := os.Getpid, os.Getppid, goruntime.NumCPU
	if !grants.HostInfo {
		getpid, getppid, ncpu = func() int { return 1 }, func() int { return 0 }, func() int { return 1 }
	}
	fn("getpid", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(getpid())), vm.ExactArgs("getpid", args, 0)
	})
	fn("getppid", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(getppid())), vm.ExactArgs("getppid", args, 0)
	})
	fn("cpu_count", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(ncpu())), vm.ExactArgs("cpu_count", args, 0)
	})
	host("getcwd", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("getcwd", args, 0); err != nil {
			return vm.Undef, err
		}
		switch {
		case files.g.Host:
		case files.g.Root != nil:
			return vm.Str(files.g.Dir), nil
		case files.g.FS != nil:
			return vm.Str("/"), nil
		default:
			return vm.Undef, refusal(errNotGranted, "")
		}
		wd, err := os.Getwd()
		if err != nil {
			return vm.Undef, osError(err, "")
		}
		return vm.Str(wd), nil
	})
	host("chdir", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		p, err := pathArg(t, "chdir", args, 1)
		if err != nil {
			return vm.Undef, err
		}
		if !files.g.Host {
			// The working directory is the process's, shared by every
			// interpreter: only a script with the host's files moves it.
			return vm.Undef, refusal(errChdir, p)
		}
		if err := os.Chdir(p); err != nil {
			return vm.Undef, osError(err, p)
		}
		return vm.None, nil
	})
	host("listdir", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		p := "."
		if len(args) > 0 {
			var err error
			if p, err = pathArg(t, "listdir", args, 1); err != nil {
				return vm.Undef, err
			}
		}
		// Unsorted, in directory order, as CPython's listdir.
		names, err := files.readDirNames(p)
		if err != nil {
			return vm.Undef, osError(err, p)
		}
		items := make([]vm.Value, len(names))
		for i, n := range names {
			items[i] = vm.Str(vm.FSDecode(n))
		}
		return vm.Obj(vm.NewList(items)), nil
	})
	// One-path operations that return None.
	for name, op := range map[string]func(string) error{
		"remove": func(p string) error { return files.remove(p, false) },
		"unlink": func(p string) error { return files.remove(p, false) },
		"rmdir":  func(p string) error { return files.remove(p, true) },
		"mkdir":  files.mkdir,
	} {
		name, op := name, op
		host(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			// mkdir's mode argument is accepted and left to the umask default.
			p, err := pathArg(t, name, args, 1)
			if err != nil {
				return vm.Undef, err
			}
			if err := op(p); err != nil {
				return vm.Undef, osError(err, p)
			}
			return vm.None, nil
		})
	}
	for _, name := range []string{"rename", "replace"} {
		name := name
		host(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			if err := vm.ExactArgs(name, args, 2); err != nil {
				return vm.Undef, err
			}
			src, err := vm.AsStr(name, args[0])
			if err != nil {
				return vm.Undef, err
			}
			dst, err := vm.AsStr(name, args[1])
			if err != nil {
				return vm.Undef, err
			}
			if err := files.rename(src, dst); err != nil {
				return vm.Undef, osErrorPaths(err, src, dst)
			}
			return vm.None, nil
		})
	}
	// File descriptors are the host's: os.open/write/read/close are thin
	// wrappers of the system calls (logging's FileHandler writes through them).
	for name, v := range map[string]int{
		"O_RDONLY": syscall.O_RDONLY, "O_WRONLY": syscall.O_WRONLY, "O_RDWR": syscall.O_RDWR,
		"O_APPEND": syscall.O_APPEND, "O_CREAT": syscall.O_CREAT, "O_EXCL": syscall.O_EXCL,
		"O_TRUNC": syscall.O_TRUNC,
	} {
		m.Set(name, vm.Int(int64(v)))
	}
	host("open", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.RangeArgs("open", args, 2, 3); err != nil {
			return vm.Undef, err
		}
		p, err := pathArg(t, "open", args, 1)
		if err != nil {
			return vm.Undef, err
		}
		flags, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		mode := int64(0o777)
		if len(args) == 3 {
			if mode, err = t.AsInt64(args[2]); err != nil {
				return vm.Undef, err
			}
		}
		var fd int
		if files.g.Host {
			fd, err = syscall.Open(p, int(flags)|syscall.O_CLOEXEC, uint32(mode))
		} else if files.g.FS != nil {
			err = files.check(p, true) // descriptors are the OS's: an fs.FS has none
			if err == nil {
				err = refusal(errNotGranted, p)
			}
		} else {
			var f rawFile
			if f, err = files.openFile(p, int(flags), fs.FileMode(mode)); err == nil {
				fd, err = syscall.Dup(int(f.Fd()))
				f.Close()
				if err == nil {
					syscall.CloseOnExec(fd)
					noteFD(it, fd, true)
				}
			}
		}
		if err != nil {
			if _, refused := err.(*vm.Instance); refused {
				return vm.Undef, err
			}
			return vm.Undef, osError(err, p)
		}
		return vm.Int(int64(fd)), nil
	})
	host("write", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("write", args, 2); err != nil {
			return vm.Undef, err
		}
		fd, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		if !ownFD(it, int(fd)) {
			return vm.Undef, refusal(errNotGranted, "")
		}
		b, ok := args[1].AsObj().(*vm.Bytes)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", args[1].TypeName())
		}
		n, err := syscall.Write(int(fd), b.Data())
		if err != nil {
			return vm.Undef, osError(err, "")
		}
		return vm.Int(int64(n)), nil
	})
	host("read", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("read", args, 2); err != nil {
			return vm.Undef, err
		}
		fd, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		if !ownFD(it, int(fd)) {
			return vm.Undef, refusal(errNotGranted, "")
		}
		size, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		if size < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "negative buffersize in read")
		}
		buf := make([]byte, size)
		n, err := syscall.Read(int(fd), buf)
		if err != nil {
			return vm.Undef, osError(err, "")
		}
		return vm.Obj(vm.NewBytes(buf[:n])), nil
	})
	host("close", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("close", args, 1); err != nil {
			return vm.Undef, err
		}
		fd, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		if !ownFD(it, int(fd)) {
			return vm.Undef, refusal(errNotGranted, "")
		}
		if err := syscall.Close(int(fd)); err != nil {
			return vm.Undef, osError(err, "")
		}
		noteFD(it, int(fd), false)
		return vm.None, nil
	})
	// _stat(path, follow) → (kind, size, mtime) or None when the path does
	// not exist; os.path's exists/isfile/isdir/islink/getsize sit on it.
	host("_stat", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_stat", args, 2); err != nil {
			return vm.Undef, err
		}
		p, err := vm.AsStr("_stat", args[0])
		if err != nil {
			return vm.Undef, err
		}
		follow, err := t.Truth(args[1])
		if err != nil {
			return vm.Undef, err
		}
		fi, err := files.stat(p, follow)
		if _, refused := err.(*vm.Instance); refused {
			return vm.Undef, err
		}
		if err != nil {
			return vm.None, nil
		}
		kind := "other"
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			kind = "link"
		case fi.IsDir():
			kind = "dir"
		case fi.Mode().IsRegular():
			kind = "file"
		}
		mtime := float64(fi.ModTime().UnixNano()) / 1e9
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Str(kind), vm.Int(fi.Size()), vm.Float(mtime)})), nil
	})
	osStatFuncs(it, m)
	return m, nil
}

// pathArg reads a str path argument (os.PathLike objects via __fspath__).
func pathArg(t *vm.Thread, fname string, args []vm.Value, n int) (string, error) {
	if len(args) < n {
		return "", vm.Errorf(vm.TypeError, "%s() missing required argument 'path' (pos 1)", fname)
	}
	v := args[0]
	if _, ok := v.StrOf(); !ok {
		if has, _ := t.HasAttr(v, "__fspath__"); has {
			r, err := t.CallMethod(v, "__fspath__")
			if err != nil {
				return "", err
			}
			v = r
		}
	}
	s, ok := v.StrOf()
	if !ok {
		return "", vm.Errorf(vm.TypeError, "%s: path should be string, bytes or os.PathLike, not %s", fname, v.TypeName())
	}
	return vm.FSEncode(s)
}

// osError converts a Go filesystem error to the OSError subclass CPython
// raises for its errno, with errno, strerror and filename set.
func osError(err error, path string) error { return osErrorPaths(err, path, "") }

// osErrorPaths is osError for calls on two paths (rename): CPython reports
// both, the second as filename2.
func osErrorPaths(err error, path, path2 string) error {
	if exc, ok := err.(*vm.Instance); ok {
		return exc // already the script's exception (a refused grant)
	}
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return vm.NewException(vm.OSError, vm.Str(err.Error()))
	}
	// Go's messages are C's strerror text in lower case.
	msg := errno.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	args := []vm.Value{vm.Int(int64(errno)), vm.Str(msg)}
	if path != "" {
		args = append(args, vm.Str(vm.FSDecode(path)))
		if path2 != "" {
			args = append(args, vm.None, vm.Str(vm.FSDecode(path2)))
		}
	}
	return vm.NewException(vm.OSErrorFor(int64(errno)), args...)
}

// _asy_frames gives the Python-written logging what CPython's logging gets
// from sys._getframe and traceback: the script-level caller of a logging
// call, and the printed form of an exception.
func framesModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("_asy_frames", "")
	// caller(skip_files, stacklevel=1) → (filename, lineno, funcname) of the
	// innermost frame whose file is not in skip_files, or with stacklevel n
	// the n-th such frame outwards (the outermost when there are fewer), as
	// logging's findCaller in 3.11.
	m.Set("caller", vm.NewBuiltin("caller", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.RangeArgs("caller", args, 1, 2); err != nil {
			return vm.Undef, err
		}
		level := int64(1)
		if len(args) == 2 {
			var err error
			if level, err = t.AsInt64(args[1]); err != nil {
				return vm.Undef, err
			}
		}
		skip := map[string]bool{}
		{
			if err := t.Iterate(args[0], func(v vm.Value) error {
				s, _ := v.StrOf()
				skip[s] = true
				return nil
			}); err != nil {
				return vm.Undef, err
			}
		}
		var found *vm.Frame
		for f := t.Frame(); f != nil; f = f.Back() {
			c := f.Code()
			if c == nil || skip[c.Filename] {
				continue
			}
			found = f
			if level--; level <= 0 {
				break
			}
		}
		if found != nil {
			c := found.Code()
			return vm.Obj(vm.NewTuple([]vm.Value{vm.Str(c.Filename), vm.Int(int64(found.Line())), vm.Str(c.Name)})), nil
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Str("(unknown file)"), vm.Int(0), vm.Str("(unknown function)")})), nil
	}))
	// format_exception(exc) → the traceback text the interpreter prints for
	// an uncaught exc, chained causes included.
	m.Set("format_exception", vm.NewBuiltin("format_exception", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("format_exception", args, 1); err != nil {
			return vm.Undef, err
		}
		inst, ok := args[0].AsObj().(*vm.Instance)
		if !ok || !inst.Class().IsSubclass(vm.BaseException) {
			return vm.Undef, vm.Errorf(vm.TypeError, "format_exception() needs an exception, not %s", args[0].TypeName())
		}
		return vm.Str(t.FormatException(inst)), nil
	}))
	return m, nil
}

func init() {
	register("os", osModule)
	register("_asy_frames", framesModule)
}
