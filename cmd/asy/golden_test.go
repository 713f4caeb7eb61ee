package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Golden tests: every testdata/**/NAME.asy runs under the real asy binary
// and its stdout, stderr and exit status are compared with NAME.golden.
// `go test ./cmd/asy -update` rewrites the goldens from what asy prints.

var update = flag.Bool("update", false, "rewrite golden files with asy's output")

var asyBin string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "asy-golden")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	asyBin = filepath.Join(dir, "asy")
	build := exec.Command("go", "build", "-o", asyBin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building asy:", err)
		os.Exit(1)
	}
	stopPG := startPostgres()
	code := m.Run()
	stopPG()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what a run printed.
type result struct {
	Stdout, Stderr string
	Exit           int
}

// golden file format (txtar-like): sections "-- stdout --", "-- stderr --",
// "-- exit --"; stderr and exit are omitted when empty / zero.
func formatGolden(r result) []byte {
	var b bytes.Buffer
	b.WriteString("-- stdout --\n" + r.Stdout)
	if r.Stderr != "" {
		b.WriteString("-- stderr --\n" + r.Stderr)
	}
	if r.Exit != 0 {
		fmt.Fprintf(&b, "-- exit --\n%d\n", r.Exit)
	}
	return b.Bytes()
}

func parseGolden(data []byte) (result, error) {
	var r result
	sections := map[string]*strings.Builder{}
	var cur *strings.Builder
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(strings.TrimRight(line, "\n"), " --") {
			name := strings.TrimSuffix(strings.TrimPrefix(strings.TrimRight(line, "\n"), "-- "), " --")
			cur = &strings.Builder{}
			sections[name] = cur
			continue
		}
		if cur != nil {
			cur.WriteString(line)
		}
	}
	if s, ok := sections["stdout"]; ok {
		r.Stdout = s.String()
	} else {
		return r, fmt.Errorf("golden has no stdout section")
	}
	if s, ok := sections["stderr"]; ok {
		r.Stderr = s.String()
	}
	if s, ok := sections["exit"]; ok {
		n, err := strconv.Atoi(strings.TrimSpace(s.String()))
		if err != nil {
			return r, err
		}
		r.Exit = n
	}
	return r, nil
}

// needsPostgres reports a `# asy-needs: postgres` directive.
func needsPostgres(src []byte) bool {
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "#") {
			return false
		}
		if strings.Contains(line, "asy-needs: postgres") {
			return true
		}
	}
	return false
}

// directives reads `# asy-args: ...` and `# asy-only` from the leading comments.
func directives(src []byte) (args []string, asyOnly bool) {
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "#") {
			break
		}
		body := strings.TrimSpace(strings.TrimPrefix(line, "#"))
		switch {
		case strings.HasPrefix(body, "asy-args:"):
			args = append(args, strings.Fields(strings.TrimPrefix(body, "asy-args:"))...)
		case strings.HasPrefix(body, "asy-only"):
			asyOnly = true
		}
	}
	return
}

func goldenScripts(t *testing.T) []string {
	var files []string
	err := filepath.Walk("../../testdata", func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() && strings.HasSuffix(path, ".asy") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden scripts found")
	}
	return files
}

// unittestTiming is the summary line of unittest's runner, whose time
// varies from run to run.
var unittestTiming = regexp.MustCompile(`(?m)^(Ran \d+ tests? in )\d+\.\d+s$`)

// normTimings writes unittest's "Ran N tests in 0.004s" as taking 0.000s.
func normTimings(s string) string { return unittestTiming.ReplaceAllString(s, "${1}0.000s") }

// runScript runs a program on a script in its own directory and normalises
// the absolute script directory out of the output.
func runScript(t *testing.T, prog string, extra []string, path string, timeout time.Duration) result {
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	dir, name := filepath.Split(abs)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	args := append(append([]string(nil), extra...), name)
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1")
	if pgDSN != "" {
		cmd.Env = append(cmd.Env, "ASY_TEST_PGDSN="+pgDSN)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// NAME.stdin beside the script is its standard input (for both asy and python3).
	if in, err := os.ReadFile(strings.TrimSuffix(abs, filepath.Ext(abs)) + ".stdin"); err == nil {
		cmd.Stdin = bytes.NewReader(in)
	}
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s %s: timed out after %v\nstdout:\n%s\nstderr:\n%s", prog, name, timeout, stdout.String(), stderr.String())
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %s: %v", prog, name, err)
	}
	norm := func(s string) string { return normTimings(strings.ReplaceAll(s, dir, "")) }
	return result{Stdout: norm(stdout.String()), Stderr: norm(stderr.String()), Exit: code}
}

func TestGolden(t *testing.T) {
	for _, path := range goldenScripts(t) {
		path := path
		name := strings.TrimPrefix(filepath.ToSlash(path), "../../testdata/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if needsPostgres(src) && !pgAvailable {
				t.Skip("no PostgreSQL server (install the postgresql package)")
			}
			args, _ := directives(src)
			got := runScript(t, asyBin, args, path, 30*time.Second)
			checkGolden(t, strings.TrimSuffix(path, ".asy")+".golden", got)
		})
	}
}

// checkGolden compares what a run printed with its golden file, or rewrites
// the file under -update.
func checkGolden(t *testing.T, goldenPath string, got result) {
	t.Helper()
	if *update {
		if err := os.WriteFile(goldenPath, formatGolden(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("missing golden (run go test ./cmd/asy -update): %v", err)
	}
	want, err := parseGolden(data)
	if err != nil {
		t.Fatalf("%s: %v", goldenPath, err)
	}
	if d := cmp.Diff(want.Stdout, got.Stdout); d != "" {
		t.Errorf("stdout mismatch (-want +got):\n%s", d)
	}
	if d := cmp.Diff(want.Stderr, got.Stderr); d != "" {
		t.Errorf("stderr mismatch (-want +got):\n%s", d)
	}
	if want.Exit != got.Exit {
		t.Errorf("exit status: want %d, got %d", want.Exit, got.Exit)
	}
}

func TestGoldenFormatRoundTrip(t *testing.T) {
	r := result{Stdout: "a\n-- not a section\n", Stderr: "boom\n", Exit: 3}
	got, err := parseGolden(formatGolden(r))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(r, got); d != "" {
		t.Fatalf("round trip (-want +got):\n%s", d)
	}
}
