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

// Ctrl-\ (SIGQUIT) prints the task tree to stderr and the program goes on.
func TestSigquitDumpsTasks(t *testing.T) {
	src := `import asyncio, sys
async def child():
    await asyncio.sleep(0.5)
    return 7
async def main():
    t = asyncio.create_task(child(), name="kid")
    print("ready", flush=True)
    print(await t)
asyncio.run(main())
`
	script := filepath.Join(t.TempDir(), "s.py")
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
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
	cmd.Process.Signal(syscall.SIGQUIT)
	done := make(chan error, 1)
	var rest string
	go func() { rest, _ = r.ReadString('\n'); done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("asy did not finish")
	}
	if err != nil || rest != "7\n" {
		t.Fatalf("exit %v, stdout %q, stderr %s", err, rest, stderr.String())
	}
	for _, want := range []string{"└── (T) Task-1\n", "└──  main " + script + ":8\n", "└── (T) kid\n", "└──  child " + script + ":3\n"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
