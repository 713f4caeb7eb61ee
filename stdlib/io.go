package stdlib

import (
	"errors"
	"os"
	goruntime "runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/asylang/asy/vm"
)

// The io module, natively: open() and the file objects it returns
// (TextIOWrapper, BufferedReader/Writer/Random, FileIO for buffering=0), and
// the in-memory StringIO and BytesIO. The builtin open is io.open.
//
// A file object is a thin script-facing value (fileObj) over a fileCore that
// holds the OS file and its buffers. The split lets a Go cleanup close the
// core when the script drops the object without closing it (CPython does
// that by reference counting), and lets the interpreter close every core a
// run left open.

var (
	ioBaseType         = vm.NewNativeClass("IOBase", "io", nil, nil)
	rawIOBaseType      = vm.NewNativeClass("RawIOBase", "io", ioBaseType, nil)
	bufferedIOBaseType = vm.NewNativeClass("BufferedIOBase", "io", ioBaseType, nil)
	textIOBaseType     = vm.NewNativeClass("TextIOBase", "io", ioBaseType, nil)
	fileIOType         = vm.NewNativeClass("FileIO", "_io", rawIOBaseType, nil)
	bufferedReaderType = vm.NewNativeClass("BufferedReader", "_io", bufferedIOBaseType, nil)
	bufferedWriterType = vm.NewNativeClass("BufferedWriter", "_io", bufferedIOBaseType, nil)
	bufferedRandomType = vm.NewNativeClass("BufferedRandom", "_io", bufferedIOBaseType, nil)
	textIOWrapperType  = vm.NewNativeClass("TextIOWrapper", "_io", textIOBaseType, nil)
	stringIOType       = vm.NewNativeClass("StringIO", "_io", textIOBaseType, newStringIO)
	bytesIOType        = vm.NewNativeClass("BytesIO", "_io", bufferedIOBaseType, newBytesIO)

	// UnsupportedOperation is both an OSError and a ValueError, as in CPython.
	unsupportedOperation = vm.NewExceptionClass("UnsupportedOperation", "io", vm.OSError, vm.ValueError)
)

// ioBufSize is io.DEFAULT_BUFFER_SIZE: the read-ahead and write-behind size.
const ioBufSize = 8192

func ioModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("io", "")
	m.Set("open", vm.NewBuiltin("open", ioOpen))
	for _, c := range []*vm.Class{ioBaseType, rawIOBaseType, bufferedIOBaseType, textIOBaseType,
		fileIOType, bufferedReaderType, bufferedWriterType, bufferedRandomType, textIOWrapperType,
		stringIOType, bytesIOType} {
		m.Set(c.Name, vm.Obj(c))
	}
	m.Set("UnsupportedOperation", vm.Obj(unsupportedOperation))
	m.Set("DEFAULT_BUFFER_SIZE", vm.Int(ioBufSize))
	m.Set("SEEK_SET", vm.Int(0))
	m.Set("SEEK_CUR", vm.Int(1))
	m.Set("SEEK_END", vm.Int(2))
	return m, nil
}

func init() {
	register("io", ioModule)
	// The abstract bases can be instantiated (and subclassed by scripts);
	// the concrete classes below them are made only by open() and friends.
	abstract := func(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		switch cls {
		case ioBaseType, rawIOBaseType, bufferedIOBaseType, textIOBaseType:
		default:
			if cls.Builtin {
				return vm.Undef, vm.Errorf(vm.TypeError, "cannot create '%s.%s' instances", cls.Module, cls.Name)
			}
		}
		return vm.Obj(vm.NewInstance(cls)), nil
	}
	vm.SetCtor(ioBaseType, abstract)
	initFileMethods()
	initMemMethods()
}

// openMode is a parsed open() mode.
type openMode struct {
	creating, reading, writing, appending, updating, text, binary bool
}

// parseOpenMode checks a mode string as CPython's _io.open does, with its
// messages.
func parseOpenMode(mode string) (openMode, error) {
	var m openMode
	seen := map[rune]bool{}
	for _, ch := range mode {
		if seen[ch] || !strings.ContainsRune("xrwa+tb", ch) {
			return m, vm.Errorf(vm.ValueError, "invalid mode: '%s'", mode)
		}
		seen[ch] = true
		switch ch {
		case 'x':
			m.creating = true
		case 'r':
			m.reading = true
		case 'w':
			m.writing = true
		case 'a':
			m.appending = true
		case '+':
			m.updating = true
		case 't':
			m.text = true
		case 'b':
			m.binary = true
		}
	}
	if m.text && m.binary {
		return m, vm.Errorf(vm.ValueError, "can't have text and binary mode at once")
	}
	n := 0
	for _, b := range []bool{m.creating, m.reading, m.writing, m.appending} {
		if b {
			n++
		}
	}
	if n > 1 {
		return m, vm.Errorf(vm.ValueError, "must have exactly one of create/read/write/append mode")
	}
	if n == 0 {
		return m, vm.Errorf(vm.ValueError, "Must have exactly one of create/read/write/append mode and at most one plus")
	}
	return m, nil
}

// rawMode is FileIO's mode attribute (what binary files report too).
func (m openMode) rawMode() string {
	var s string
	switch {
	case m.creating:
		s = "xb"
	case m.appending:
		s = "ab"
	case m.reading && m.updating:
		return "rb+"
	case m.reading:
		s = "rb"
	case m.writing && m.updating:
		return "rb+"
	default:
		s = "wb"
	}
	if m.updating {
		s += "+"
	}
	return s
}

func (m openMode) flags() int {
	var fl int
	switch {
	case m.reading:
		fl = 0
	case m.writing:
		fl = syscall.O_CREAT | syscall.O_TRUNC
	case m.appending:
		fl = syscall.O_CREAT | syscall.O_APPEND
	case m.creating:
		fl = syscall.O_CREAT | syscall.O_EXCL
	}
	switch {
	case m.updating:
		fl |= syscall.O_RDWR
	case m.reading:
		fl |= syscall.O_RDONLY
	default:
		fl |= syscall.O_WRONLY
	}
	return fl | syscall.O_CLOEXEC
}

// optStr reads an optional str-or-None argument of open().
func optStr(v vm.Value, what string) (string, bool, error) {
	if v.IsUndef() || v.IsNone() {
		return "", false, nil
	}
	s, ok := v.StrOf()
	if !ok {
		return "", false, vm.Errorf(vm.TypeError, "open() argument '%s' must be str or None, not %s", what, v.TypeName())
	}
	return s, true, nil
}

// ioOpen is io.open(file, mode='r', buffering=-1, encoding=None,
// errors=None, newline=None, closefd=True, opener=None).
func ioOpen(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("open", args, kw, 1, "file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener")
	if err != nil {
		return vm.Undef, err
	}
	// The file: a path (str, bytes, os.PathLike) or a file descriptor.
	fileArg := a[0]
	var path string
	fd := -1
	if fileArg.Kind() == vm.KInt || fileArg.Kind() == vm.KBool {
		n, err := t.AsInt64(fileArg)
		if err != nil {
			return vm.Undef, err
		}
		if n < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "negative file descriptor")
		}
		fd = int(n)
	} else {
		v := fileArg
		if _, ok := v.StrOf(); !ok {
			if b, ok := v.AsObj().(*vm.Bytes); ok {
				v = vm.Str(string(b.Data()))
			} else if has, _ := t.HasAttr(v, "__fspath__"); has {
				if v, err = t.CallMethod(v, "__fspath__"); err != nil {
					return vm.Undef, err
				}
			}
		}
		s, ok := v.StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "expected str, bytes or os.PathLike object, not %s", fileArg.TypeName())
		}
		if path, err = vm.FSEncode(s); err != nil {
			return vm.Undef, err
		}
	}
	modeStr := "r"
	if !a[1].IsUndef() {
		s, ok := a[1].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "open() argument 'mode' must be str, not %s", a[1].TypeName())
		}
		modeStr = s
	}
	buffering := int64(-1)
	if !a[2].IsUndef() {
		if buffering, err = t.AsInt64(a[2]); err != nil {
			return vm.Undef, err
		}
	}
	encoding, hasEnc, err := optStr(a[3], "encoding")
	if err != nil {
		return vm.Undef, err
	}
	errorsArg, hasErrors, err := optStr(a[4], "errors")
	if err != nil {
		return vm.Undef, err
	}
	newline, hasNewline, err := optStr(a[5], "newline")
	if err != nil {
		return vm.Undef, err
	}
	closefd := true
	if !a[6].IsUndef() {
		if closefd, err = t.Truth(a[6]); err != nil {
			return vm.Undef, err
		}
	}
	mode, err := parseOpenMode(modeStr)
	if err != nil {
		return vm.Undef, err
	}
	if mode.binary {
		switch {
		case hasEnc:
			return vm.Undef, vm.Errorf(vm.ValueError, "binary mode doesn't take an encoding argument")
		case hasErrors:
			return vm.Undef, vm.Errorf(vm.ValueError, "binary mode doesn't take an errors argument")
		case hasNewline:
			return vm.Undef, vm.Errorf(vm.ValueError, "binary mode doesn't take a newline argument")
		}
	}
	if hasNewline && newline != "" && newline != "\n" && newline != "\r" && newline != "\r\n" {
		return vm.Undef, vm.Errorf(vm.ValueError, "illegal newline value: %s", newline)
	}
	if !mode.binary && buffering == 0 {
		return vm.Undef, vm.Errorf(vm.ValueError, "can't have unbuffered text I/O")
	}
	if !closefd && fd < 0 {
		return vm.Undef, vm.Errorf(vm.ValueError, "Cannot use closefd=False with file name")
	}
	var codec ioCodec
	if !mode.binary {
		if !hasEnc {
			// Python 3.11 on Linux in a UTF-8 locale.
			encoding = "UTF-8"
		}
		var ok bool
		if codec, ok = lookupCodec(encoding); !ok {
			return vm.Undef, vm.Errorf(vm.LookupError, "unknown encoding: %s", encoding)
		}
		if !hasErrors {
			errorsArg = "strict"
		}
	}
	// An opener turns a path into the descriptor to use (tempfile opens its
	// O_EXCL files this way); the file object keeps the path as its name.
	viaOpener := false
	if opener := a[7]; !opener.IsUndef() && !opener.IsNone() && fd < 0 {
		r, err := t.Call(opener, []vm.Value{fileArg, vm.Int(int64(mode.flags()))}, nil)
		if err != nil {
			return vm.Undef, err
		}
		if r.Kind() != vm.KInt && r.Kind() != vm.KBool {
			return vm.Undef, vm.Errorf(vm.TypeError, "expected integer from opener")
		}
		n, err := t.AsInt64(r)
		if err != nil {
			return vm.Undef, err
		}
		if n < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "opener returned %d", n)
		}
		fd, viaOpener = int(n), true
	}
	it := t.Interp()
	files := filesOf(it)
	if fd >= 0 && !ownFD(it, fd) {
		// A descriptor the script did not open is the host's (stdout's
		// among them): only a script granted the host's files wraps one.
		return vm.Undef, refusal(errNotGranted, "")
	}
	if fd < 0 {
		if err := files.check(path, writeFlags(mode.flags())); err != nil {
			return vm.Undef, err
		}
	}
	reg := openFilesOf(it)
	// Data other file objects of this interpreter still buffer goes out
	// first, so that `open(p, "w").write(s)` followed by open(p) reads s as
	// in CPython, where the dropped object is flushed at once.
	reg.flushAll(t)

	var f rawFile
	var openErr error
	openOS := func() {
		if fd >= 0 {
			var st syscall.Stat_t
			if err := syscall.Fstat(fd, &st); err != nil {
				openErr = err
				return
			}
			own := fd
			if !closefd {
				// The descriptor stays the caller's: the file works on a
				// duplicate (same offset), which is ours to close.
				d, err := syscall.Dup(fd)
				if err != nil {
					openErr = err
					return
				}
				syscall.CloseOnExec(d)
				own = d
			}
			f = os.NewFile(uintptr(own), "")
			return
		}
		f, openErr = files.openFile(path, mode.flags(), 0o666)
		if openErr != nil {
			return
		}
		// open(2) lets a directory be opened for reading; CPython refuses it.
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			f.Close()
			f, openErr = nil, &os.PathError{Op: "open", Path: path, Err: syscall.EISDIR}
		}
	}
	t.Blocking(openOS)
	if errors.Is(openErr, syscall.EMFILE) || errors.Is(openErr, syscall.ENFILE) {
		// Out of descriptors: files the script dropped without closing
		// are only closed when collected (CPython closes them at once, by
		// reference counting), so collect them and try again.
		t.Blocking(func() {
			reg.collect()
			openOS()
		})
	}
	if openErr != nil {
		return vm.Undef, osError(openErr, path)
	}
	c := &fileCore{
		f: f, reg: reg, closefd: closefd,
		readable: mode.reading || mode.updating,
		writable: !mode.reading || mode.updating,
		text:     !mode.binary,
		codec:    codec, errors: errorsArg,
		translate:     !hasNewline,
		newline:       newline,
		lineBuffering: buffering == 1 && !mode.binary,
		unbuffered:    buffering == 0,
	}
	c.fd = int(f.Fd())
	if fd >= 0 {
		c.fd = fd
	}
	if mode.appending {
		// As CPython: the position starts at the end of the file.
		t.Blocking(func() { f.Seek(0, 2) })
	}
	if codec == codecUTF8Sig {
		c.sigRead = true
		pos, _ := f.Seek(0, 1)
		c.sigWrite = pos == 0
	}
	obj := &fileObj{fileCore: c, modeStr: modeStr, rawMode: mode.rawMode(), encName: encoding}
	if fd >= 0 && !viaOpener {
		obj.name = vm.Int(int64(fd))
	} else {
		obj.name = fileArg
		if _, ok := fileArg.StrOf(); !ok {
			if _, isBytes := fileArg.AsObj().(*vm.Bytes); !isBytes {
				obj.name = vm.Str(vm.FSDecode(path))
			}
		}
	}
	switch {
	case c.text:
		obj.cls = textIOWrapperType
	case buffering == 0:
		obj.cls = fileIOType
	case c.readable && c.writable:
		obj.cls = bufferedRandomType
	case c.readable:
		obj.cls = bufferedReaderType
	default:
		obj.cls = bufferedWriterType
	}
	reg.add(it, c)
	// A dropped, unclosed file is flushed and closed when collected.
	goruntime.AddCleanup(obj, func(c *fileCore) { c.finalClose() }, c)
	return vm.Obj(obj), nil
}

// openFiles lists the open file cores of one interpreter. EndRun (through
// the connection list it closes) closes what a run left open; open()
// flushes what the others buffer.
type openFiles struct {
	mu      sync.Mutex
	cores   map[*fileCore]struct{}
	tracked bool
}

type openFilesKey struct{}

var openFilesMu sync.Mutex

func openFilesOf(it *vm.Interp) *openFiles {
	openFilesMu.Lock()
	defer openFilesMu.Unlock()
	if v, ok := it.Ext(openFilesKey{}); ok {
		return v.(*openFiles)
	}
	r := &openFiles{cores: map[*fileCore]struct{}{}}
	it.SetExt(openFilesKey{}, r)
	return r
}

func (r *openFiles) add(it *vm.Interp, c *fileCore) {
	r.mu.Lock()
	r.cores[c] = struct{}{}
	// EndRun empties the list it closes: register again after a run ended.
	register := !r.tracked
	r.tracked = true
	r.mu.Unlock()
	if register {
		trackConn(it, r)
	}
}

func (r *openFiles) remove(c *fileCore) {
	r.mu.Lock()
	delete(r.cores, c)
	r.mu.Unlock()
}

func (r *openFiles) snapshot() []*fileCore {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]*fileCore, 0, len(r.cores))
	for c := range r.cores {
		out = append(out, c)
	}
	return out
}

// flushAll writes out the buffered data of every open file not in use by
// another thread at the moment.
func (r *openFiles) flushAll(t *vm.Thread) {
	for _, c := range r.snapshot() {
		if !c.mu.TryLock() {
			continue
		}
		if !c.closed && len(c.wbuf) > 0 {
			c.flush(t)
		}
		c.mu.Unlock()
	}
}

// close is called by EndRun: files the run left open are flushed and
// closed. One in use by a thread still running is left to its cleanup
// (waiting for it could deadlock on the interpreter lock).
func (r *openFiles) close() error {
	r.mu.Lock()
	r.tracked = false
	r.mu.Unlock()
	for _, c := range r.snapshot() {
		if !c.mu.TryLock() {
			continue
		}
		c.close(nil)
		c.mu.Unlock()
	}
	return nil
}

func (r *openFiles) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.cores)
}

// collect runs the collector and waits briefly for the cleanups of the
// file objects it found unreachable, which close their files.
func (r *openFiles) collect() {
	before := r.count()
	goruntime.GC()
	for i := 0; i < 100 && r.count() >= before; i++ {
		time.Sleep(time.Millisecond)
	}
}
