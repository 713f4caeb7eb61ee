package stdlib

import (
	"fmt"
	"os"
	"sync"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The Go half of asyncio's subprocesses (asyncio.create_subprocess_exec and
// _shell; the Python half is pylib/asyncio.subprocess.py). The child is
// subprocess.go's; what differs is how its events reach the script: the
// waiting goroutine, and one goroutine per pipe, hand everything to the
// loop through Loop.Post, the thread-safe door. Each source that may still
// deliver — the running child, a pipe not at its end, bytes not yet written
// — is held with Loop.HoldIO, so the loop neither reports a
// deadlock nor lets virtual time jump past it (runtime/io.go).
//
// The pipe objects are transports in CPython's sense: a reader feeds a
// StreamReader-like object (feed_data/feed_eof) and obeys its
// pause_reading/resume_reading; a writer queues write() calls for its
// goroutine and tells drain() when the buffer is over the high-water mark.

var (
	aioChildType  = vm.NewNativeClass("_AioChild", "_subprocess", nil, nil)
	pipeReadType  = vm.NewNativeClass("_PipeReadTransport", "_subprocess", nil, nil)
	pipeWriteType = vm.NewNativeClass("_PipeWriteTransport", "_subprocess", nil, nil)
)

// aioChild is a child seen from a loop; its fields are the loop thread's.
type aioChild struct {
	c         *child
	l         *runtime.Loop
	code      int
	delivered bool // the exit reached the loop: code is valid
	waiters   []*runtime.Future
	release   func() // the pending-I/O hold of the running child
}

func (*aioChild) Class() *vm.Class { return aioChildType }

func (a *aioChild) exited(code int) {
	a.release()
	a.code, a.delivered = code, true
	for _, f := range a.waiters {
		if !f.Done() {
			f.SetResult(vm.Int(int64(code)))
		}
	}
	a.waiters = nil
}

// pipeReader reads one pipe of a child to its end on a goroutine.
type pipeReader struct {
	f      *os.File
	l      *runtime.Loop
	fd     int
	mu     sync.Mutex
	cond   *sync.Cond
	paused bool
	closed bool
	eof    bool // loop side: feed_eof was delivered
}

func (*pipeReader) Class() *vm.Class { return pipeReadType }
func (r *pipeReader) Repr(*vm.Thread) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed || r.eof {
		return fmt.Sprintf("<_UnixReadPipeTransport closed fd=%d closed>", r.fd), nil
	}
	return fmt.Sprintf("<_UnixReadPipeTransport fd=%d polling>", r.fd), nil
}

func newPipeReader(l *runtime.Loop, f *os.File, fd int) *pipeReader {
	r := &pipeReader{f: f, l: l, fd: fd}
	r.cond = sync.NewCond(&r.mu)
	return r
}

// start runs the reading goroutine, feeding the script's protocol object.
func (r *pipeReader) start(feedData, feedEOF vm.Value) {
	l := r.l
	release := l.HoldIO()
	call := func(fn vm.Value, args ...vm.Value) {
		if _, err := l.Thread().Call(fn, args, nil); err != nil {
			l.CallbackError(err, fn)
		}
	}
	go func() {
		buf := make([]byte, 64*1024)
		for {
			r.mu.Lock()
			for r.paused && !r.closed {
				r.cond.Wait()
			}
			closed := r.closed
			r.mu.Unlock()
			if closed {
				break
			}
			n, err := r.f.Read(buf)
			if n > 0 {
				chunk := append([]byte(nil), buf[:n]...)
				l.Post(func() { call(feedData, vm.Obj(vm.NewBytes(chunk))) })
			}
			if err != nil {
				break
			}
		}
		r.f.Close()
		l.Post(func() {
			release()
			r.eof = true
			call(feedEOF)
		})
	}()
}

func (r *pipeReader) setPaused(p bool) {
	r.mu.Lock()
	r.paused = p
	r.cond.Broadcast()
	r.mu.Unlock()
}

// The write side's flow control, as CPython's transports: writing pauses
// over 64 KiB buffered and resumes at 16 KiB.
const (
	pipeHighWater = 64 * 1024
	pipeLowWater  = 16 * 1024
)

// pipeWriter writes a child's stdin from a goroutine, in write() order.
type pipeWriter struct {
	f  *os.File
	l  *runtime.Loop
	fd int

	mu      sync.Mutex
	cond    *sync.Cond
	queue   [][]byte
	closing bool // goroutine side: no more writes will come

	// Loop side.
	size      int  // bytes written by the script and not yet by the OS
	lost      bool // a write failed (the child closed its end)
	paused    bool // over the high-water mark until back at the low one
	isClosing bool
	closed    bool
	drainers  []*runtime.Future
	closers   []*runtime.Future
	release   func() // the pending-I/O hold, until the pipe is closed
}

func (*pipeWriter) Class() *vm.Class { return pipeWriteType }
func (w *pipeWriter) Repr(*vm.Thread) (string, error) {
	if w.isClosing {
		return fmt.Sprintf("<_UnixWritePipeTransport closed fd=%d closed>", w.fd), nil
	}
	return fmt.Sprintf("<_UnixWritePipeTransport fd=%d idle bufsize=%d>", w.fd, w.size), nil
}

func newPipeWriter(l *runtime.Loop, f *os.File, fd int) *pipeWriter {
	w := &pipeWriter{f: f, l: l, fd: fd}
	w.cond = sync.NewCond(&w.mu)
	w.release = l.HoldIO() // until closed: the goroutine below lives that long
	go w.run()
	return w
}

func (w *pipeWriter) run() {
	l := w.l
	failed := false
	for {
		w.mu.Lock()
		for len(w.queue) == 0 && !w.closing {
			w.cond.Wait()
		}
		if len(w.queue) == 0 {
			w.mu.Unlock()
			break
		}
		chunk := w.queue[0]
		w.queue[0] = nil
		w.queue = w.queue[1:]
		w.mu.Unlock()
		var err error
		if !failed {
			_, err = w.f.Write(chunk)
			failed = err != nil
		}
		n := len(chunk)
		l.Post(func() { w.written(n, err != nil) })
	}
	w.f.Close()
	l.Post(func() {
		w.release()
		w.closed = true
		for _, f := range w.closers {
			if !f.Done() {
				f.SetResult(vm.None)
			}
		}
		w.closers = nil
		w.wakeDrainers()
	})
}

// written is the loop side of a finished write.
func (w *pipeWriter) written(n int, failed bool) {
	w.size -= n
	if failed && !w.lost {
		w.lost = true
		w.close()
	}
	if w.paused && (w.size <= pipeLowWater || w.lost) {
		w.paused = false
		w.wakeDrainers()
	}
}

func (w *pipeWriter) wakeDrainers() {
	for _, f := range w.drainers {
		if f.Done() {
			continue
		}
		if w.lost {
			f.SetException(vm.NewException(vm.ConnectionResetError, vm.Str("Connection lost")))
		} else {
			f.SetResult(vm.None)
		}
	}
	w.drainers = nil
}

func (w *pipeWriter) write(p []byte) {
	if w.isClosing || w.lost || len(p) == 0 {
		return // as CPython's pipe transport: dropped once closing
	}
	w.size += len(p)
	w.mu.Lock()
	w.queue = append(w.queue, append([]byte(nil), p...))
	w.cond.Signal()
	w.mu.Unlock()
	if w.size > pipeHighWater {
		w.paused = true
	}
}

func (w *pipeWriter) close() {
	if w.isClosing {
		return
	}
	w.isClosing = true
	w.mu.Lock()
	w.closing = true
	w.cond.Signal()
	w.mu.Unlock()
}

// aioSpawn is _subprocess.aio_spawn(args, executable, cwd, env, stdin,
// stdout, stderr, start_new_session) -> (child, stdin transport, stdout
// transport, stderr transport), None where no pipe.
func aioSpawn(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("aio_spawn", args, kw, 8, "args", "executable", "cwd", "env", "stdin", "stdout", "stderr", "start_new_session")
	if err != nil {
		return vm.Undef, err
	}
	l, err := runningLoop(t)
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
	ac := &aioChild{c: c, l: l, release: l.HoldIO()}
	c.onExit(func(code int) { l.Post(func() { ac.exited(code) }) })
	out := []vm.Value{vm.Obj(ac), vm.None, vm.None, vm.None}
	if parent[0] != nil {
		out[1] = vm.Obj(newPipeWriter(l, parent[0], int(parent[0].Fd())))
	}
	for i := 1; i < 3; i++ {
		if parent[i] != nil {
			out[i+1] = vm.Obj(newPipeReader(l, parent[i], int(parent[i].Fd())))
		}
	}
	return vm.Obj(vm.NewTuple(out)), nil
}

func init() {
	ch := func(args []vm.Value) *aioChild { return args[0].AsObj().(*aioChild) }
	aioChildType.AddProperty("pid", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(ch(args).c.pid)), nil
	})
	aioChildType.AddProperty("returncode", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if a := ch(args); a.delivered {
			return vm.Int(int64(a.code)), nil
		}
		return vm.None, nil
	})
	// wait() -> a future of the return code.
	aioChildType.AddMethod("wait", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a := ch(args)
		f := runtime.NewFuture(a.l)
		if a.delivered {
			f.SetResult(vm.Int(int64(a.code)))
		} else {
			a.waiters = append(a.waiters, f)
		}
		return vm.Obj(f), nil
	})
	// send_signal(sig, finished): finished says the transport is done
	// (exit seen, pipes closed): CPython raises ProcessLookupError then.
	aioChildType.AddMethod("send_signal", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		sig, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, ch(args).c.signal(int(sig))
	})

	rd := func(args []vm.Value) *pipeReader { return args[0].AsObj().(*pipeReader) }
	pipeReadType.AddMethod("start", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		rd(args).start(args[1], args[2])
		return vm.None, nil
	})
	pipeReadType.AddMethod("pause_reading", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		rd(args).setPaused(true)
		return vm.None, nil
	})
	pipeReadType.AddMethod("resume_reading", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		rd(args).setPaused(false)
		return vm.None, nil
	})
	pipeReadType.AddMethod("close", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		r := rd(args)
		r.mu.Lock()
		r.closed = true
		r.cond.Broadcast()
		r.mu.Unlock()
		return vm.None, nil
	})
	pipeReadType.AddMethod("is_closing", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		r := rd(args)
		r.mu.Lock()
		defer r.mu.Unlock()
		return vm.Bool(r.closed || r.eof), nil
	})
	pipeReadType.AddMethod("at_end", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(rd(args).eof), nil
	})
	pipeReadType.AddMethod("fileno", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(rd(args).fd)), nil
	})

	wr := func(args []vm.Value) *pipeWriter { return args[0].AsObj().(*pipeWriter) }
	pipeWriteType.AddMethod("write", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "write() takes exactly one argument (%d given)", len(args)-1)
		}
		var p []byte
		switch b := args[1].AsObj().(type) {
		case *vm.Bytes:
			p = b.Data()
		case *vm.ByteArray:
			p = b.Data()
		default:
			// CPython's pipe transport asserts the type.
			r, err := t.Repr(args[1])
			if err != nil {
				return vm.Undef, err
			}
			return vm.Undef, vm.NewException(vm.AssertionError, vm.Str(r))
		}
		wr(args).write(p)
		return vm.None, nil
	})
	pipeWriteType.AddMethod("close", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		wr(args).close()
		return vm.None, nil
	})
	pipeWriteType.AddMethod("is_closing", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(wr(args).isClosing), nil
	})
	pipeWriteType.AddMethod("get_write_buffer_size", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(wr(args).size)), nil
	})
	pipeWriteType.AddMethod("fileno", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(wr(args).fd)), nil
	})
	// drain_waiter() -> None when writing may go on, else a future that
	// completes when it may; ConnectionResetError once the pipe is lost.
	pipeWriteType.AddMethod("drain_waiter", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		w := wr(args)
		if w.lost {
			return vm.Undef, vm.Errorf(vm.ConnectionResetError, "Connection lost")
		}
		if !w.paused {
			return vm.None, nil
		}
		f := runtime.NewFuture(w.l)
		w.drainers = append(w.drainers, f)
		return vm.Obj(f), nil
	})
	// closed_waiter() -> a future that completes when the pipe is closed.
	pipeWriteType.AddMethod("closed_waiter", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		w := wr(args)
		f := runtime.NewFuture(w.l)
		if w.closed {
			f.SetResult(vm.None)
		} else {
			w.closers = append(w.closers, f)
		}
		return vm.Obj(f), nil
	})
}
