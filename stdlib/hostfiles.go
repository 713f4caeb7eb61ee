package stdlib

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The file system scripts see, as the interpreter's grant says
// (runtime.FileGrant): the host's, a host directory (through os.Root, so
// neither ".." nor a symlink leads out), a read-only fs.FS, or none. open,
// os, shutil, tempfile and SQLite database files all go through here;
// what is not granted raises PermissionError naming the script's path.

// hostFiles is one interpreter's view.
type hostFiles struct{ g runtime.FileGrant }

func filesOf(it *vm.Interp) hostFiles { return hostFiles{runtime.GrantsOf(it).Files} }

// errNotGranted and errReadOnly are the refusals, as syscall errors so that
// osError makes PermissionError of them with the script's path.
var (
	errNotGranted = &grantError{"Permission denied: no file access was granted to this script"}
	errReadOnly   = &grantError{"Permission denied: the files granted to this script are read-only"}
	errOutside    = &grantError{"Permission denied: outside the files granted to this script"}
	errChdir      = &grantError{"Permission denied: only a script granted the host's files may change the working directory"}
)

type grantError struct{ msg string }

func (e *grantError) Error() string { return e.msg }

// refusal is the PermissionError for a refused path (errno 13, as the OS
// would say, with the reason in strerror).
func refusal(err *grantError, path string) error {
	args := []vm.Value{vm.Int(int64(syscall.EACCES)), vm.Str(err.msg)}
	if path != "" {
		args = append(args, vm.Str(path))
	}
	return vm.NewException(vm.PermissionError, args...)
}

// name maps a script path to a name inside the granted directory or FS
// (slash-separated, relative), or reports that it lies outside.
func (h hostFiles) name(path string) (string, bool) {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		dir := h.g.Dir
		if h.g.FS != nil {
			dir = "/"
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return "", false
		}
		p = filepath.ToSlash(rel)
	}
	p = filepath.ToSlash(filepath.Clean(p))
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	return p, true
}

// check says whether path may be used (write: changed); nil when it may.
func (h hostFiles) check(path string, write bool) error {
	switch {
	case h.g.Host:
	case !h.g.Any():
		return refusal(errNotGranted, path)
	default:
		if _, ok := h.name(path); !ok {
			return refusal(errOutside, path)
		}
	}
	if write && (h.g.ReadOnly || h.g.FS != nil) {
		return refusal(errReadOnly, path)
	}
	return nil
}

// hostPath is path on the host, for code that must hand a path to a
// library (SQLite): itself with Host, inside the directory with Root.
func (h hostFiles) hostPath(path string) (string, error) {
	if h.g.Host {
		return path, nil
	}
	if h.g.Root == nil {
		return "", refusal(errNotGranted, path)
	}
	n, ok := h.name(path)
	if !ok {
		return "", refusal(errOutside, path)
	}
	return filepath.Join(h.g.Dir, filepath.FromSlash(n)), nil
}

// writeFlags tells whether open flags change anything.
func writeFlags(flag int) bool {
	return flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_APPEND) != 0
}

// openFile opens path as the grant allows.
func (h hostFiles) openFile(path string, flag int, perm fs.FileMode) (rawFile, error) {
	if err := h.check(path, writeFlags(flag)); err != nil {
		return nil, err
	}
	switch {
	case h.g.Host:
		return os.OpenFile(path, flag, perm)
	case h.g.Root != nil:
		n, _ := h.name(path)
		f, err := h.g.Root.OpenFile(n, flag, perm)
		if err != nil {
			return nil, rootErr(path, err)
		}
		return f, nil
	}
	n, _ := h.name(path)
	f, err := h.g.FS.Open(n)
	if err != nil {
		return nil, fsErr("open", path, err)
	}
	return &fsFile{f}, nil
}

// stat is os.Stat (follow) or os.Lstat of path.
func (h hostFiles) stat(path string, follow bool) (fs.FileInfo, error) {
	if err := h.check(path, false); err != nil {
		return nil, err
	}
	n, _ := h.name(path)
	switch {
	case h.g.Host && follow:
		return os.Stat(path)
	case h.g.Host:
		return os.Lstat(path)
	case h.g.Root != nil && follow:
		fi, err := h.g.Root.Stat(n)
		return fi, rootErr(path, err)
	case h.g.Root != nil:
		fi, err := h.g.Root.Lstat(n)
		return fi, rootErr(path, err)
	}
	fi, err := fs.Stat(h.g.FS, n)
	return fi, fsErr("stat", path, err)
}

// readDirNames lists a directory, unsorted as the OS gives it.
func (h hostFiles) readDirNames(path string) ([]string, error) {
	if err := h.check(path, false); err != nil {
		return nil, err
	}
	if h.g.FS != nil {
		n, _ := h.name(path)
		ents, err := fs.ReadDir(h.g.FS, n)
		if err != nil {
			return nil, fsErr("open", path, err)
		}
		names := make([]string, len(ents))
		for i, e := range ents {
			names[i] = e.Name()
		}
		return names, nil
	}
	f, err := h.openFile(path, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.(*os.File).Readdirnames(-1)
}

// change runs a change of path: op on the host, rootOp inside the granted
// directory (with path's name there).
func (h hostFiles) change(path string, op func(p string) error, rootOp func(n string) error) error {
	if err := h.check(path, true); err != nil {
		return err
	}
	if h.g.Host {
		return op(path)
	}
	n, _ := h.name(path)
	return rootErr(path, rootOp(n))
}

// rootErr turns os.Root's refusal of a path that leads out of the granted
// directory (through a symlink) into the script's PermissionError.
func rootErr(path string, err error) error {
	if err != nil && strings.Contains(err.Error(), "path escapes from parent") {
		return refusal(errOutside, path)
	}
	return err
}

func (h hostFiles) mkdir(path string) error {
	return h.change(path, func(p string) error { return os.Mkdir(p, 0o777) },
		func(n string) error { return h.g.Root.Mkdir(n, 0o777) })
}

func (h hostFiles) remove(path string, dir bool) error {
	if err := h.check(path, true); err != nil {
		return err
	}
	if fi, err := h.stat(path, false); err == nil && fi.IsDir() != dir {
		if dir {
			return &fs.PathError{Op: "rmdir", Path: path, Err: syscall.ENOTDIR}
		}
		return &fs.PathError{Op: "remove", Path: path, Err: syscall.EISDIR}
	}
	return h.change(path, func(p string) error {
		if dir {
			return syscall.Rmdir(p)
		}
		return syscall.Unlink(p)
	}, func(n string) error { return h.g.Root.Remove(n) })
}

func (h hostFiles) rename(src, dst string) error {
	if err := h.check(dst, true); err != nil {
		return err
	}
	return h.change(src, func(p string) error { return os.Rename(p, dst) }, func(n string) error {
		m, _ := h.name(dst)
		return h.g.Root.Rename(n, m)
	})
}

func (h hostFiles) chmod(path string, mode fs.FileMode) error {
	return h.change(path, func(p string) error { return os.Chmod(p, mode) },
		func(n string) error { return h.g.Root.Chmod(n, mode) })
}

func (h hostFiles) chtimes(path string, atime, mtime time.Time) error {
	return h.change(path, func(p string) error { return os.Chtimes(p, atime, mtime) },
		func(n string) error { return h.g.Root.Chtimes(n, atime, mtime) })
}

// fsErr turns an fs.FS error into the OS error CPython would report.
func fsErr(op, path string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return &fs.PathError{Op: op, Path: path, Err: syscall.ENOENT}
	case errors.Is(err, fs.ErrPermission):
		return &fs.PathError{Op: op, Path: path, Err: syscall.EACCES}
	}
	return err
}

// rawFile is what a file object reads and writes: an *os.File, or a file of
// a granted fs.FS.
type rawFile interface {
	io.ReadWriteSeeker
	io.Closer
	Stat() (fs.FileInfo, error)
	Truncate(size int64) error
	Fd() uintptr
}

// fsFile adapts an fs.File: read-only, seekable when the FS's files are.
type fsFile struct{ f fs.File }

func (f *fsFile) Read(p []byte) (int, error) { return f.f.Read(p) }
func (f *fsFile) Write([]byte) (int, error)  { return 0, syscall.EBADF }
func (f *fsFile) Close() error               { return f.f.Close() }
func (f *fsFile) Stat() (fs.FileInfo, error) { return f.f.Stat() }
func (f *fsFile) Truncate(int64) error       { return syscall.EBADF }
func (f *fsFile) Fd() uintptr                { return ^uintptr(0) }
func (f *fsFile) Seek(off int64, whence int) (int64, error) {
	if s, ok := f.f.(io.Seeker); ok {
		return s.Seek(off, whence)
	}
	return 0, syscall.ESPIPE
}

// Descriptors os.open gave the script: without the host's files, os.read,
// os.write, os.close and open(fd) work on these only.
type ownFDsKey struct{}

type fdSet struct {
	mu  sync.Mutex
	fds map[int]bool
}

func fdsOf(it *vm.Interp) *fdSet {
	ownFDsMu.Lock()
	defer ownFDsMu.Unlock()
	if v, ok := it.Ext(ownFDsKey{}); ok {
		return v.(*fdSet)
	}
	s := &fdSet{fds: map[int]bool{}}
	it.SetExt(ownFDsKey{}, s)
	return s
}

var ownFDsMu sync.Mutex

// ownFD reports whether the script may use descriptor fd.
func ownFD(it *vm.Interp, fd int) bool {
	if filesOf(it).g.Host {
		return true
	}
	s := fdsOf(it)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fds[fd]
}

// noteFD records (open) or forgets (close) a descriptor of the script.
func noteFD(it *vm.Interp, fd int, open bool) {
	s := fdsOf(it)
	s.mu.Lock()
	defer s.mu.Unlock()
	if open {
		s.fds[fd] = true
	} else {
		delete(s.fds, fd)
	}
}
