package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Ctrl-C during asyncio.run cancels the main task (it sees CancelledError),
// then the run ends with KeyboardInterrupt and exit status 130; in plain
// code it interrupts a busy loop.
func TestCtrlC(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"asyncio", "import asyncio\nasync def main():\n    try:\n        print('ready', flush=True)\n        await asyncio.sleep(30)\n    except asyncio.CancelledError:\n        print('main task cancelled')\n        raise\nasyncio.run(main())\n", "main task cancelled\n"},
		{"busy loop", "print('ready', flush=True)\nwhile True:\n    pass\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			script := filepath.Join(dir, "s.py")
			if err := os.WriteFile(script, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(asyBin, script)
			stdout, _ := cmd.StdoutPipe()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			r := bufio.NewReader(stdout)
			if line, _ := r.ReadString('\n'); line != "ready\n" {
				t.Fatalf("first line %q", line)
			}
			cmd.Process.Signal(syscall.SIGINT)
			var rest strings.Builder
			done := make(chan struct{})
			go func() { buf := new(bytes.Buffer); buf.ReadFrom(r); rest.WriteString(buf.String()); close(done) }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatal("asy did not stop after SIGINT")
			}
			err := cmd.Wait()
			ee, ok := err.(*exec.ExitError)
			if !ok || ee.ExitCode() != 130 {
				t.Fatalf("exit: %v, want status 130; stderr %s", err, stderr.String())
			}
			if rest.String() != c.want || !strings.HasSuffix(stderr.String(), "KeyboardInterrupt\n") {
				t.Fatalf("stdout %q, stderr %q", rest.String(), stderr.String())
			}
		})
	}
}

// Ctrl-C reaches the main thread wherever it waits or computes: blocking
// waits of threading and queue, a Go loop inside a builtin, a join of a
// spinning thread. It raises KeyboardInterrupt (status 130) within a
// moment; the test allows a loaded machine's margin and logs the lag.
func TestCtrlCInEveryWait(t *testing.T) {
	cases := []struct{ name, src string }{
		{"Event.wait", "import threading\nprint('ready', flush=True)\nthreading.Event().wait()\n"},
		{"Lock.acquire", "import threading\nl = threading.Lock()\nl.acquire()\nprint('ready', flush=True)\nl.acquire()\n"},
		{"Condition.wait", "import threading\nc = threading.Condition()\nprint('ready', flush=True)\nwith c:\n    c.wait()\n"},
		{"Queue.get", "import queue\nprint('ready', flush=True)\nqueue.Queue().get()\n"},
		{"sum of range", "print('ready', flush=True)\nsum(range(10**15))\n"},
		{"join spinning thread", "import threading\ndef spin():\n    while True:\n        pass\n" +
			"th = threading.Thread(target=spin, daemon=True)\nth.start()\nprint('ready', flush=True)\nth.join()\n"},
		{"future.result", "import concurrent.futures, threading\nex = concurrent.futures.ThreadPoolExecutor(1)\n" +
			"f = ex.submit(threading.Event().wait)\nprint('ready', flush=True)\nf.result()\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(asyBin, "-c", c.src)
			stdout, _ := cmd.StdoutPipe()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			r := bufio.NewReader(stdout)
			if line, _ := r.ReadString('\n'); line != "ready\n" {
				t.Fatalf("first line %q", line)
			}
			time.Sleep(50 * time.Millisecond) // into the wait
			sent := time.Now()
			cmd.Process.Signal(syscall.SIGINT)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("asy did not stop after SIGINT")
			}
			t.Logf("exited %v after SIGINT", time.Since(sent).Round(time.Millisecond))
			ee, ok := err.(*exec.ExitError)
			if !ok || ee.ExitCode() != 130 || !strings.HasSuffix(stderr.String(), "KeyboardInterrupt\n") {
				t.Fatalf("exit %v, stderr %q", err, stderr.String())
			}
		})
	}
}

// SIGTERM ends asy as it ends CPython — killed by the signal, nothing
// printed — whether it comes during start-up, a run or the shutdown
// (waiting for a non-daemon thread); SIGINT during start-up or shutdown
// ends it too, never with a Go panic or goroutine dump.
func TestSignalsAtEveryStage(t *testing.T) {
	const shutdown = "import threading, time\ndef work():\n    time.sleep(30)\nthreading.Thread(target=work).start()\nprint('ready', flush=True)\n"
	const running = "import time\nprint('ready', flush=True)\ntime.sleep(30)\n"
	cases := []struct {
		name, src string
		sig       syscall.Signal
		wait      bool // for "ready" before signalling
	}{
		{"SIGTERM start-up", running, syscall.SIGTERM, false},
		{"SIGTERM run", running, syscall.SIGTERM, true},
		{"SIGTERM shutdown", shutdown, syscall.SIGTERM, true},
		{"SIGINT start-up", running, syscall.SIGINT, false},
		{"SIGINT shutdown", shutdown, syscall.SIGINT, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(asyBin, "-c", c.src)
			stdout, _ := cmd.StdoutPipe()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			if c.wait {
				if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "ready\n" {
					t.Fatalf("first line %q", line)
				}
				time.Sleep(50 * time.Millisecond)
			}
			cmd.Process.Signal(c.sig)
			done := make(chan error, 1)
			go func() { io.Copy(io.Discard, stdout); done <- cmd.Wait() }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("asy did not stop after %v", c.sig)
			}
			if strings.Contains(stderr.String(), "goroutine ") || strings.Contains(stderr.String(), "panic") {
				t.Fatalf("Go crash output:\n%s", stderr.String())
			}
			if err == nil && c.name == "SIGINT shutdown" {
				return // CPython too ends with status 0 (KeyboardInterrupt in its thread join is ignored)
			}
			ee, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatalf("exit %v, stderr %q", err, stderr.String())
			}
			ws := ee.Sys().(syscall.WaitStatus)
			switch {
			case c.sig == syscall.SIGTERM:
				if !ws.Signaled() || ws.Signal() != syscall.SIGTERM || stderr.Len() != 0 {
					t.Errorf("status %v, stderr %q; want killed by SIGTERM, silent", ws, stderr.String())
				}
			case ws.Signaled():
				if ws.Signal() != syscall.SIGINT {
					t.Errorf("killed by %v", ws.Signal())
				}
			case ee.ExitCode() != 130 || !strings.HasSuffix(stderr.String(), "KeyboardInterrupt\n"):
				t.Errorf("status %v, stderr %q", ws, stderr.String())
			}
		})
	}
}

// A reader that goes away (asy script | head -1) makes print raise
// BrokenPipeError, as in CPython: the same traceback and exit status 1,
// never a death by SIGPIPE. The expectation is what python3 does.
func TestClosedStdout(t *testing.T) {
	py := realPython(t)
	for _, src := range []string{
		"for i in range(100000):\n    print(i)\n",
		"import sys\nfor i in range(100000):\n    sys.stdout.write(str(i) + '\\n')\n",
	} {
		run := func(exe string) (int, string) {
			cmd := exec.Command(exe, "-c", src)
			stdout, _ := cmd.StdoutPipe()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			bufio.NewReader(stdout).ReadString('\n')
			stdout.Close()
			err := cmd.Wait()
			if ee, ok := err.(*exec.ExitError); ok {
				if ws := ee.Sys().(syscall.WaitStatus); ws.Signaled() {
					return -int(ws.Signal()), stderr.String()
				}
				return ee.ExitCode(), stderr.String()
			}
			return 0, stderr.String()
		}
		wantCode, wantErr := run(py)
		gotCode, gotErr := run(asyBin)
		if gotCode != wantCode || gotErr != wantErr {
			t.Errorf("%q: asy exit %d, stderr %q; python3 exit %d, stderr %q", src, gotCode, gotErr, wantCode, wantErr)
		}
	}
}
