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

// REPL transcripts: testdata/repl/NAME.repl is fed to `asy` (no file
// argument) through a pipe; what it prints is compared with NAME.golden
// (same format as the script goldens; -update rewrites them). A first line
// `# asy-args: …` passes options.
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
			checkGolden(t, strings.TrimSuffix(path, ".repl")+".golden", got)
		})
	}
}
