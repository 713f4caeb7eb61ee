package main

import (
	"bufio"
	"bytes"
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
