package stdlib

import (
	"os"
	"sync"

	"github.com/asylang/asy/vm"
)

// Popen.communicate's engine: the pipes are taken from their io file
// objects (which then read as closed, as CPython closes them afterwards),
// one goroutine writes the input and closes stdin, one per output pipe
// reads to the end. A timeout leaves the goroutines running and the state
// on the child, so a later communicate() picks up where this one stopped,
// with nothing lost.

type communication struct {
	mu       sync.Mutex
	out, err []byte
	hasOut   bool
	hasErr   bool
	pending  sync.WaitGroup
	finished chan struct{}
}

// detachFile takes the OS file out of an io file object: buffered writes
// are flushed first, read-ahead bytes are returned, and the object reads as
// closed from now on (the caller owns the file).
func detachFile(t *vm.Thread, v vm.Value) (*os.File, []byte, error) {
	if v.IsNone() || v.IsUndef() {
		return nil, nil, nil
	}
	fo, ok := v.AsObj().(*fileObj)
	if !ok {
		return nil, nil, vm.Errorf(vm.TypeError, "communicate() needs the Popen's own pipes, got %s", v.TypeName())
	}
	c := fo.fileCore
	c.lock(t)
	defer c.mu.Unlock()
	if c.closed {
		return nil, nil, nil
	}
	if err := c.flush(t); err != nil {
		// A child that exited early: CPython ignores the broken pipe.
		c.wbuf = nil
	}
	early := append([]byte(nil), c.unread()...)
	f, isOS := c.f.(*os.File)
	if !isOS {
		return nil, nil, vm.Errorf(vm.TypeError, "communicate() needs the Popen's own pipes")
	}
	c.closed = true
	c.buf, c.wbuf = nil, nil
	c.reg.remove(c)
	return f, early, nil
}

// subprocessCommunicate is _subprocess.communicate(child, stdin, stdout,
// stderr, input, timeout) -> (finished, out, err); out and err are None for
// streams that are not pipes.
func subprocessCommunicate(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("communicate", args, kw, 6, "child", "stdin", "stdout", "stderr", "input", "timeout")
	if err != nil {
		return vm.Undef, err
	}
	c, ok := a[0].AsObj().(*child)
	if !ok {
		return vm.Undef, vm.Errorf(vm.TypeError, "communicate() needs a child, got %s", a[0].TypeName())
	}
	timeout := -1.0
	if !a[5].IsNone() {
		if timeout, err = vm.AsFloat(a[5]); err != nil {
			return vm.Undef, err
		}
		timeout = max(timeout, 0)
	}
	if c.comm == nil {
		var input []byte
		if !a[4].IsNone() {
			b, ok := a[4].AsObj().(*vm.Bytes)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "memoryview: a bytes-like object is required, not '%s'", a[4].TypeName())
			}
			input = b.Data()
		}
		cm := &communication{finished: make(chan struct{})}
		files := [3]*os.File{}
		early := [3][]byte{}
		for i := 0; i < 3; i++ {
			if files[i], early[i], err = detachFile(t, a[1+i]); err != nil {
				return vm.Undef, err
			}
		}
		if f := files[0]; f != nil {
			cm.pending.Add(1)
			go func() {
				defer cm.pending.Done()
				if len(input) > 0 {
					f.Write(input) // a child that stopped reading: ignored, as CPython
				}
				f.Close()
			}()
		}
		for i, dst := range []*[]byte{&cm.out, &cm.err} {
			f := files[1+i]
			if f == nil {
				continue
			}
			if i == 0 {
				cm.hasOut = true
			} else {
				cm.hasErr = true
			}
			*dst = early[1+i]
			cm.pending.Add(1)
			go func(dst *[]byte) {
				defer cm.pending.Done()
				buf := make([]byte, 32*1024)
				for {
					n, err := f.Read(buf)
					if n > 0 {
						cm.mu.Lock()
						*dst = append(*dst, buf[:n]...)
						cm.mu.Unlock()
					}
					if err != nil {
						break
					}
				}
				f.Close()
			}(dst)
		}
		go func() { cm.pending.Wait(); close(cm.finished) }()
		c.comm = cm
	}
	cm := c.comm
	finished, err := waitChan(t, cm.finished, timeout)
	if err != nil {
		return vm.Undef, err
	}
	cm.mu.Lock()
	defer cm.mu.Unlock()
	res := []vm.Value{vm.Bool(finished), vm.None, vm.None}
	if cm.hasOut {
		res[1] = vm.Obj(vm.NewBytes(append([]byte(nil), cm.out...)))
	}
	if cm.hasErr {
		res[2] = vm.Obj(vm.NewBytes(append([]byte(nil), cm.err...)))
	}
	return vm.Obj(vm.NewTuple(res)), nil
}
