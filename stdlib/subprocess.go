package stdlib

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The native core of subprocess (module _subprocess): starting a child with
// its standard streams wired as asked, waiting for it and signalling it.
// pylib/subprocess.py builds Popen, run and the exceptions on top, and
// asyncio's create_subprocess_* (asyncio_subprocess.go) use the same child.
//
// Each child has one goroutine blocked in wait(2) for it; its end closes
// the child's done channel and runs the exit hooks (asyncio posts to its
// loop from there). Pipes are plain blocking descriptors: the parent ends
// become io file objects (open(fd)), so Popen.stdout is a BufferedReader
// as in CPython.

func init() { register("_subprocess", subprocessCore) }

// Standard stream specs, as subprocess.PIPE, STDOUT and DEVNULL.
const (
	specPipe    = -1
	specStdout  = -2
	specDevnull = -3
)

// subprocessAllowed is the one check every way of starting a process (and
// of signalling the host process) goes through: the interpreter's
// Subprocess grant (runtime.Grants; the asy command grants it).
func subprocessAllowed(it *vm.Interp) error {
	if !runtime.GrantsOf(it).Subprocess {
		return vm.Errorf(vm.PermissionError, "subprocesses are not granted to this interpreter")
	}
	return nil
}

var childType = vm.NewNativeClass("_Child", "_subprocess", nil, nil)

// child is a started process.
type child struct {
	proc *os.Process
	pid  int
	done chan struct{}

	mu     sync.Mutex
	status int // returncode, valid once done is closed
	exited bool
	hooks  []func(code int)

	comm *communication // communicate's state, kept across timeouts
}

func (*child) Class() *vm.Class { return childType }

// onExit runs fn(returncode) on the waiting goroutine when the child ends
// (at once, on the caller's goroutine, if it has ended).
func (c *child) onExit(fn func(code int)) {
	c.mu.Lock()
	if c.exited {
		code := c.status
		c.mu.Unlock()
		fn(code)
		return
	}
	c.hooks = append(c.hooks, fn)
	c.mu.Unlock()
}

func (c *child) reap() {
	st, err := c.proc.Wait()
	code := -1
	if err == nil {
		ws := st.Sys().(syscall.WaitStatus)
		switch {
		case ws.Exited():
			code = ws.ExitStatus()
		case ws.Signaled():
			code = -int(ws.Signal())
		}
	}
	c.mu.Lock()
	c.status, c.exited = code, true
	hooks := c.hooks
	c.hooks = nil
	c.mu.Unlock()
	close(c.done)
	for _, h := range hooks {
		h(code)
	}
}

// returncode is the exit status, ok false while the child runs.
func (c *child) returncode() (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.status, c.exited
}

// wait blocks (interpreter lock released) until the child ends or timeout
// seconds pass (timeout < 0: no limit); ok false on timeout. Ctrl-C, an
// embedder's stop or an exception from a signal handler ends it early.
func (c *child) wait(t *vm.Thread, timeout float64) (int, bool, error) {
	if code, ok := c.returncode(); ok {
		return code, true, nil
	}
	if _, err := waitChan(t, c.done, timeout); err != nil {
		return 0, false, err
	}
	code, ok := c.returncode()
	return code, ok, nil
}

// waitChan waits, interpreter lock released, for ch to close or timeout
// seconds (< 0: no limit). An interrupt raises what CheckInterrupt gives
// (KeyboardInterrupt, RunAborted, a signal handler's exception); a signal
// handler that returns lets the wait go on, as CPython retries (PEP 475).
func waitChan(t *vm.Thread, ch <-chan struct{}, timeout float64) (bool, error) {
	var deadline <-chan time.Time
	if timeout >= 0 {
		tm := time.NewTimer(time.Duration(timeout * float64(time.Second)))
		defer tm.Stop()
		deadline = tm.C
	}
	for {
		sig := t.Interp().InterruptSignal()
		done, timedOut := false, false
		t.Blocking(func() {
			select {
			case <-ch:
				done = true
			case <-deadline:
				timedOut = true
			case <-sig:
			}
		})
		if done {
			return true, nil
		}
		if timedOut {
			return false, nil
		}
		if err := t.CheckInterrupt(); err != nil {
			return false, err
		}
	}
}

// signal sends sig unless the child has been reaped (CPython's
// send_signal does nothing then).
func (c *child) signal(sig int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.exited {
		return nil
	}
	if err := c.proc.Signal(syscall.Signal(sig)); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return osError(err, "")
	}
	return nil
}

// spawnSpec is what spawn needs, shared by subprocess.Popen and asyncio.
type spawnSpec struct {
	argv       []string
	executable string // "" : argv[0]
	cwd        string
	env        []string // nil: inherit
	hasEnv     bool
	std        [3]int // specPipe, specStdout, specDevnull, an fd >= 0, or specInherit
	newSession bool
}

const specInherit = -100

// spawn starts the child; parent holds the parent ends of the pipes (nil
// where no pipe was asked for).
func spawn(t *vm.Thread, s *spawnSpec) (c *child, parent [3]*os.File, err error) {
	if err := subprocessAllowed(t.Interp()); err != nil {
		return nil, parent, err
	}
	if len(s.argv) == 0 {
		return nil, parent, vm.Errorf(vm.IndexError, "list index out of range")
	}
	prog := s.executable
	if prog == "" {
		prog = s.argv[0]
	}
	path, err := lookPath(t.Interp(), prog, s)
	if err != nil {
		return nil, parent, err
	}
	if s.cwd != "" {
		if fi, err := os.Stat(s.cwd); err != nil {
			return nil, parent, osError(err, s.cwd)
		} else if !fi.IsDir() {
			return nil, parent, osError(syscall.ENOTDIR, s.cwd)
		}
	}
	var files [3]*os.File
	var toClose []*os.File // child ends and duplicates, closed once started
	fail := func(err error) (*child, [3]*os.File, error) {
		for _, f := range toClose {
			f.Close()
		}
		for _, f := range parent {
			if f != nil {
				f.Close()
			}
		}
		return nil, [3]*os.File{}, err
	}
	for i, spec := range s.std {
		switch {
		case spec == specInherit:
			fd, err := syscall.Dup(i)
			if err != nil {
				// The descriptor is closed in asy's process: the child gets none.
				continue
			}
			syscall.CloseOnExec(fd)
			files[i] = os.NewFile(uintptr(fd), "")
			toClose = append(toClose, files[i])
		case spec == specPipe:
			var p [2]int
			if err := syscall.Pipe2(p[:], syscall.O_CLOEXEC); err != nil {
				return fail(osError(err, ""))
			}
			r, w := os.NewFile(uintptr(p[0]), ""), os.NewFile(uintptr(p[1]), "")
			if i == 0 {
				files[i], parent[i] = r, w
				toClose = append(toClose, r)
			} else {
				files[i], parent[i] = w, r
				toClose = append(toClose, w)
			}
		case spec == specStdout && i == 2:
			files[2] = files[1]
		case spec == specDevnull:
			f, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
			if err != nil {
				return fail(osError(err, os.DevNull))
			}
			files[i] = f
			toClose = append(toClose, f)
		case spec >= 0:
			fd, err := syscall.Dup(spec)
			if err != nil {
				return fail(osError(err, ""))
			}
			syscall.CloseOnExec(fd)
			files[i] = os.NewFile(uintptr(fd), "")
			toClose = append(toClose, files[i])
		default:
			return fail(vm.Errorf(vm.ValueError, "bad file descriptor spec %d", spec))
		}
	}
	attr := &os.ProcAttr{Dir: s.cwd, Files: files[:]}
	if s.hasEnv {
		attr.Env = s.env
		if attr.Env == nil {
			attr.Env = []string{}
		}
	} else {
		// The child inherits the environment the script is granted.
		attr.Env = []string{}
		for k, v := range runtime.GrantsOf(t.Interp()).Env {
			attr.Env = append(attr.Env, k+"="+v)
		}
		sort.Strings(attr.Env)
	}
	if s.newSession {
		attr.Sys = &syscall.SysProcAttr{Setsid: true}
	}
	var proc *os.Process
	t.Blocking(func() { proc, err = os.StartProcess(path, s.argv, attr) })
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fail(osError(err, prog))
	}
	for _, f := range toClose {
		f.Close()
	}
	c = &child{proc: proc, pid: proc.Pid, done: make(chan struct{})}
	go c.reap()
	return c, parent, nil
}

// lookPath finds prog as execvpe(3) does, in the PATH of the child's
// environment when one is given.
func lookPath(it *vm.Interp, prog string, s *spawnSpec) (string, error) {
	if strings.Contains(prog, "/") {
		return prog, nil
	}
	pathVar, found := "", false
	if s.hasEnv {
		for _, kv := range s.env {
			if v, ok := strings.CutPrefix(kv, "PATH="); ok {
				pathVar, found = v, true
			}
		}
	}
	if !found {
		pathVar = os.Getenv("PATH")
		if v, ok := runtime.GrantsOf(it).Env["PATH"]; ok {
			pathVar = v
		}
		if pathVar == "" {
			pathVar = "/bin:/usr/bin"
		}
	}
	denied := false
	for _, dir := range filepath.SplitList(pathVar) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, prog)
		fi, err := os.Stat(p)
		if err != nil || fi.IsDir() {
			continue
		}
		if fi.Mode()&0o111 == 0 {
			denied = true
			continue
		}
		return p, nil
	}
	if denied {
		return "", osError(syscall.EACCES, prog)
	}
	return "", osError(syscall.ENOENT, prog)
}

// specArg reads a stdin/stdout/stderr argument as passed by subprocess.py:
// None (inherit) or an int (a spec constant or a descriptor).
func specArg(t *vm.Thread, v vm.Value) (int, error) {
	if v.IsUndef() || v.IsNone() {
		return specInherit, nil
	}
	n, err := t.AsInt64(v)
	return int(n), err
}

func strList(t *vm.Thread, what string, v vm.Value) ([]string, error) {
	var out []string
	err := t.Iterate(v, func(x vm.Value) error {
		s, ok := x.StrOf()
		if !ok {
			if b, isBytes := x.AsObj().(*vm.Bytes); isBytes {
				s = string(b.Data())
			} else {
				return vm.Errorf(vm.TypeError, "expected str, bytes or os.PathLike object, not %s", x.TypeName())
			}
		} else {
			// Arguments reach the OS as os.fsencode makes them.
			var err error
			if s, err = vm.FSEncode(s); err != nil {
				return err
			}
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

func subprocessCore(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("_subprocess", "")
	m.Set("PIPE", vm.Int(specPipe))
	m.Set("STDOUT", vm.Int(specStdout))
	m.Set("DEVNULL", vm.Int(specDevnull))
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	// spawn(args, executable, cwd, env, stdin, stdout, stderr, start_new_session)
	// -> (child, stdin_fd, stdout_fd, stderr_fd), -1 where no pipe.
	fn("spawn", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("spawn", args, kw, 8, "args", "executable", "cwd", "env", "stdin", "stdout", "stderr", "start_new_session")
		if err != nil {
			return vm.Undef, err
		}
		s, err := spawnSpecArgs(t, a)
		if err != nil {
			return vm.Undef, err
		}
		c, parent, err := spawn(t, s)
		if err != nil {
			return vm.Undef, err
		}
		out := []vm.Value{vm.Obj(c), vm.Int(-1), vm.Int(-1), vm.Int(-1)}
		for i, f := range parent {
			if f != nil {
				// The io file object takes the descriptor over.
				fd, err := syscall.Dup(int(f.Fd()))
				f.Close()
				if err != nil {
					return vm.Undef, osError(err, "")
				}
				syscall.CloseOnExec(fd)
				out[i+1] = vm.Int(int64(fd))
			}
		}
		return vm.Obj(vm.NewTuple(out)), nil
	})
	fn("communicate", subprocessCommunicate)
	fn("aio_spawn", aioSpawn)
	return m, nil
}

// spawnSpecArgs converts spawn's arguments (see subprocessCore).
func spawnSpecArgs(t *vm.Thread, a []vm.Value) (*spawnSpec, error) {
	s := &spawnSpec{}
	var err error
	if s.argv, err = strList(t, "args", a[0]); err != nil {
		return nil, err
	}
	for i, dst := range []*string{&s.executable, &s.cwd} {
		v := a[1+i]
		if v.IsNone() {
			continue
		}
		if str, ok := v.StrOf(); ok {
			if *dst, err = vm.FSEncode(str); err != nil {
				return nil, err
			}
		} else if b, ok := v.AsObj().(*vm.Bytes); ok {
			*dst = string(b.Data())
		} else {
			return nil, vm.Errorf(vm.TypeError, "expected str, bytes or os.PathLike object, not %s", v.TypeName())
		}
	}
	if !a[3].IsNone() {
		s.hasEnv = true
		if s.env, err = strList(t, "env", a[3]); err != nil {
			return nil, err
		}
	}
	for i := 0; i < 3; i++ {
		if s.std[i], err = specArg(t, a[4+i]); err != nil {
			return nil, err
		}
	}
	if s.newSession, err = t.Truth(a[7]); err != nil {
		return nil, err
	}
	return s, nil
}

func init() {
	self := func(args []vm.Value) *child { return args[0].AsObj().(*child) }
	childType.AddProperty("pid", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(self(args).pid)), nil
	})
	childType.AddMethod("poll", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if code, ok := self(args).returncode(); ok {
			return vm.Int(int64(code)), nil
		}
		return vm.None, nil
	})
	// wait(timeout) -> returncode, or None when timeout (seconds, None: no
	// limit) ran out first.
	childType.AddMethod("wait", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		timeout := -1.0
		if len(args) > 1 && !args[1].IsNone() {
			d, err := vm.AsFloat(args[1])
			if err != nil {
				return vm.Undef, err
			}
			timeout = max(d, 0)
		}
		code, ok, err := self(args).wait(t, timeout)
		if err != nil || !ok {
			return vm.None, err
		}
		return vm.Int(int64(code)), nil
	})
	childType.AddMethod("send_signal", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "send_signal() takes exactly one argument (%d given)", len(args)-1)
		}
		sig, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, self(args).signal(int(sig))
	})
}
