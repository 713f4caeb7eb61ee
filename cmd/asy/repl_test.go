package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// REPL transcripts: testdata/repl/NAME.repl is fed to `asy -i -q` through
// a pipe (a session without banner; its prompts go to stderr, as python3
// -i's do); what it prints is compared with NAME.golden (same format as the
// script goldens; -update rewrites them). A first line `# asy-args: …`
// passes more options.
func TestREPLTranscripts(t *testing.T) {
	files, err := filepath.Glob("../../testdata/repl/*.repl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			input, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			args, _ := directives(input)
			args = append([]string{"-i", "-q"}, args...)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, asyBin, args...)
			cmd.Stdin = bytes.NewReader(input)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err = cmd.Run()
			if ctx.Err() != nil {
				t.Fatalf("timed out; stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
			}
			got := result{Stdout: stdout.String(), Stderr: stderr.String()}
			if ee, ok := err.(*exec.ExitError); ok {
				got.Exit = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			// exit() leaves the last prompt without a newline; the golden
			// format needs one before its next section.
			if got.Stderr != "" && !strings.HasSuffix(got.Stderr, "\n") {
				got.Stderr += "\n"
			}
			checkGolden(t, strings.TrimSuffix(path, ".repl")+".golden", got)
		})
	}
}

// TestREPLPythonAgrees feeds each transcript to `python3 -i -q` too: the
// golden must be what CPython's session prints, unless the transcript says
// `# asy-only` (top-level await, which python3's REPL lacks).
func TestREPLPythonAgrees(t *testing.T) {
	py := realPython(t)
	files, _ := filepath.Glob("../../testdata/repl/*.repl")
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			input, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, asyOnly := directives(input); asyOnly {
				t.Skip("asy-only")
			}
			data, err := os.ReadFile(strings.TrimSuffix(path, ".repl") + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			want, err := parseGolden(data)
			if err != nil {
				t.Fatal(err)
			}
			got := runWithStdin(t, py, t.TempDir(), []string{"-i", "-q"}, string(input))
			if got.Stderr != "" && !strings.HasSuffix(got.Stderr, "\n") {
				got.Stderr += "\n"
			}
			if !agrees(want, got) {
				t.Errorf("python3 differs from the golden:\nstdout:\n%s\nstderr:\n%s\nexit %d", got.Stdout, got.Stderr, got.Exit)
			}
		})
	}
}
