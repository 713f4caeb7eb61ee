package asy_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/asylang/asy"
)

// cpython311AsyncioAll is CPython 3.11's asyncio.__all__, in its order.
const cpython311AsyncioAll = `BaseEventLoop Server iscoroutinefunction iscoroutine
AbstractEventLoopPolicy AbstractEventLoop AbstractServer Handle TimerHandle get_event_loop_policy
set_event_loop_policy get_event_loop set_event_loop new_event_loop get_child_watcher
set_child_watcher _set_running_loop get_running_loop _get_running_loop BrokenBarrierError
CancelledError InvalidStateError TimeoutError IncompleteReadError LimitOverrunError
SendfileNotAvailableError Future wrap_future isfuture Lock Event Condition Semaphore
BoundedSemaphore Barrier BaseProtocol Protocol DatagramProtocol SubprocessProtocol
BufferedProtocol Runner run Queue PriorityQueue LifoQueue QueueFull QueueEmpty StreamReader
StreamWriter StreamReaderProtocol open_connection start_server open_unix_connection
start_unix_server create_subprocess_exec create_subprocess_shell Task create_task
FIRST_COMPLETED FIRST_EXCEPTION ALL_COMPLETED wait wait_for as_completed sleep gather shield
ensure_future run_coroutine_threadsafe current_task all_tasks _register_task _unregister_task
_enter_task _leave_task to_thread Timeout timeout timeout_at BaseTransport ReadTransport
WriteTransport Transport DatagramTransport SubprocessTransport SelectorEventLoop
AbstractChildWatcher SafeChildWatcher FastChildWatcher PidfdChildWatcher MultiLoopChildWatcher
ThreadedChildWatcher DefaultEventLoopPolicy`

// asyncio.__all__ (what `from asyncio import *` takes; asyncio_lib.py) is
// CPython 3.11's less what asy lacks: a name asy gains must join it, and
// every name in it must exist.
func TestAsyncioAll(t *testing.T) {
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Stdout: &out, Stderr: &out})
	script := "CPY = " + "'''" + cpython311AsyncioAll + "'''.split()\n" + `
import asyncio
want = [n for n in CPY if hasattr(asyncio, n)]
print(len(want))
print(" ".join(n for n in want if n not in asyncio.__all__))
print(" ".join(n for n in asyncio.__all__ if n not in want))
print(list(asyncio.__all__) == want)
`
	if err := in.Exec(context.Background(), "main.py", script); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	lines := strings.Split(out.String(), "\n")
	if len(lines) < 4 || lines[3] != "True" {
		t.Errorf("asyncio.__all__ is out of step with CPython 3.11's; asy has this many of its names, "+
			"then those missing from __all__, those wrongly in it, and whether the order is CPython's:\n%s", out.String())
	}
}
