package vm

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// A panic while the guard re-raises a crash (here: the exception being
// handled is corrupt, so linking the crash to it as its context panics
// every time) must not make the guard raise it forever: the run ends with
// the SystemError, and the thread's frame chain and depth are as before.
func TestGuardGivesUpWhenUnwindingPanics(t *testing.T) {
	var out bytes.Buffer
	it := New(Config{Stdout: &out, Stderr: &out})
	m := it.MainModule("test.py")
	m.Set("corrupt", NewBuiltin("corrupt", func(th *Thread, args []Value, kw []KV) (Value, error) {
		bl := th.frame.blockList()
		for i := range bl {
			if bl[i].kind == blockExceptHandler {
				bl[i].exc = Obj(NewInstance(ObjectType)) // not an exception
			}
		}
		panic("boom")
	}))
	src := "try:\n    raise ValueError\nexcept ValueError:\n    try:\n        corrupt()\n    except SystemError:\n        print('caught')\n"
	code, err := it.CompileModule(m, "test.py", []byte(src), false)
	if err != nil {
		t.Fatal(err)
	}
	th := it.MainThread()
	frame, depth := th.frame, th.depth
	done := make(chan error, 1)
	go func() {
		_, err := th.RunCode(code, m)
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the guard re-raised the crash forever")
	}
	if exc := AsException(err); exc == nil || exc.Class() != SystemError {
		t.Fatalf("got %v, want a SystemError", err)
	}
	if th.frame != frame || th.depth != depth || th.guarded {
		t.Errorf("thread state not restored: frame %p/%p depth %d/%d guarded %v", th.frame, frame, th.depth, depth, th.guarded)
	}
	// The interpreter goes on.
	code, _ = it.CompileModule(m, "test.py", []byte("print(sum(range(4)))\n"), false)
	_, err = th.RunCode(code, m)
	it.Flush()
	if err != nil || !strings.Contains(out.String(), "6\n") {
		t.Errorf("after the crash: %v, output %q", err, out.String())
	}
}
