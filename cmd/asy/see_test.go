package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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

const profiled = `def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    return [fib(15) for _ in range(2)]


print(work())
`

// asy --profile prints python -m cProfile's table after the program's
// output: call counts exact, times normalised here.
func TestProfileTable(t *testing.T) {
	script := filepath.Join(t.TempDir(), "p.py")
	if err := os.WriteFile(script, []byte(profiled), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(asyBin, "--profile", script).Output()
	if err != nil {
		t.Fatal(err)
	}
	got := regexp.MustCompile(`\d+\.\d{3}`).ReplaceAllString(strings.ReplaceAll(string(out), script, "p.py"), "T")
	want := `[610, 610]
         3949 function calls (5 primitive calls) in T seconds

   Ordered by: standard name

   ncalls  tottime  percall  cumtime  percall filename:lineno(function)
        1    T    T    T    T p.py:1(<module>)
   3946/2    T    T    T    T p.py:1(fib)
        1    T    T    T    T p.py:5(work)
        1    T    T    T    T p.py:6(<listcomp>)


`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// --profile=FILE writes a pprof profile that go tool pprof reads, with
// script functions for locations.
func TestProfilePprof(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool")
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "p.py")
	if err := os.WriteFile(script, []byte(profiled), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.pprof")
	if b, err := exec.Command(asyBin, "--profile="+out, script).CombinedOutput(); err != nil || string(b) != "[610, 610]\n" {
		t.Fatalf("%v: %s", err, b)
	}
	top, err := exec.Command(goBin, "tool", "pprof", "-top", "-sample_index=calls", out).CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, top)
	}
	// fib: 3946 calls, all of them under work (cum 3946 + work + listcomp).
	if !regexp.MustCompile(`(?m)^\s+3946\s+[\d.]+%.*\sfib$`).Match(top) || !regexp.MustCompile(`(?m)\s3948\s.*\swork$`).Match(top) {
		t.Errorf("go tool pprof -top:\n%s", top)
	}
}
