package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestPythonAgrees keeps the goldens honest: every golden script that is
// valid Python (no `# asy-only` directive) runs under CPython, whose output
// must equal the golden file. A golden that disagrees with python3 is a bug
// in asy, not in CPython.
//
// One deliberate difference: CPython 3.11 prints fine-grained error
// locations in tracebacks (lines of `~` and `^` under the failing
// expression); asy prints plain tracebacks, so those lines are removed from
// both sides before comparing. SyntaxError carets are kept.
func TestPythonAgrees(t *testing.T) {
	py := realPython(t)
	dbPy := dbPython()
	for _, path := range goldenScripts(t) {
		path := path
		name := strings.TrimPrefix(filepath.ToSlash(path), "../../testdata/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			py := py
			if strings.HasPrefix(name, "db/") {
				// Database scripts need the Python that has aiosqlite and asyncpg.
				if dbPy == "" {
					t.Skip("no python3.11 with aiosqlite and asyncpg (apt-get install python3-aiosqlite python3-asyncpg)")
				}
				py = dbPy
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, asyOnly := directives(src); asyOnly {
				t.Skip("asy-only script")
			}
			if needsPostgres(src) && !pgAvailable {
				t.Skip("no PostgreSQL server")
			}
			data, err := os.ReadFile(strings.TrimSuffix(path, ".asy") + ".golden")
			if err != nil {
				t.Fatalf("missing golden: %v", err)
			}
			want, err := parseGolden(data)
			if err != nil {
				t.Fatal(err)
			}
			got := runScript(t, py, nil, path, 60*time.Second)
			// asy ran on its virtual clock, CPython in real time: a machine busy
			// with other tests (these run in parallel) can push CPython's timings
			// across a rounding boundary or reorder threads whose sleeps differ
			// by milliseconds. Two more runs tell a flake from a bug.
			if args, _ := directives(src); len(args) > 0 && args[0] == "--clock=virtual" {
				for retry := 0; retry < 2 && !agrees(want, got); retry++ {
					got = runScript(t, py, nil, path, 60*time.Second)
				}
			}
			if d := cmp.Diff(stripCarets(want.Stdout), stripCarets(got.Stdout)); d != "" {
				t.Errorf("python3 stdout differs from the golden (-golden +python3):\n%s", d)
			}
			if d := cmp.Diff(stripCarets(want.Stderr), stripCarets(got.Stderr)); d != "" {
				t.Errorf("python3 stderr differs from the golden (-golden +python3):\n%s", d)
			}
			if want.Exit != got.Exit {
				t.Errorf("exit status: golden %d, python3 %d", want.Exit, got.Exit)
			}
		})
	}
}

func agrees(want, got result) bool {
	return stripCarets(want.Stdout) == stripCarets(got.Stdout) && stripCarets(want.Stderr) == stripCarets(got.Stderr) && want.Exit == got.Exit
}

// realPython finds CPython's real binary (the python3 on PATH may be a slow shim).
func realPython(t *testing.T) string {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not on PATH")
	}
	out, err := exec.Command("python3", "-c", "import sys; print(sys.executable)").Output()
	if err != nil {
		t.Skipf("python3 does not run: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// dbPython is Debian's python3.11, where the apt packages python3-aiosqlite
// and python3-asyncpg install (ASY_DB_PYTHON overrides); "" when missing.
func dbPython() string {
	py := os.Getenv("ASY_DB_PYTHON")
	if py == "" {
		py = "/usr/bin/python3.11"
	}
	if err := exec.Command(py, "-c", "import aiosqlite, asyncpg").Run(); err != nil {
		return ""
	}
	return py
}

// stripCarets removes CPython's fine-grained location lines inside
// tracebacks, and traceback entries inside Python's own library (asyncio's
// runners.py and base_events.py frames, which asy's Go runtime does not have).
func stripCarets(s string) string {
	lines := strings.SplitAfter(s, "\n")
	var out []string
	inTB := false
	skipSource := false
	fileIndent := 0
	for _, l := range lines {
		body := strings.TrimLeft(l, " |+-")
		indent := len(l) - len(strings.TrimLeft(l, " |"))
		if strings.HasPrefix(body, "File \"") && (strings.Contains(body, "/lib/python3.") || strings.Contains(body, "-packages/")) {
			skipSource, fileIndent = true, indent
			continue
		}
		if skipSource {
			skipSource = false
			if indent > fileIndent && !strings.HasPrefix(body, "File \"") {
				continue
			}
		}
		trimmed := strings.TrimSpace(l)
		if strings.HasPrefix(l, "Traceback (most recent call last):") || strings.Contains(l, "Exception Group Traceback") {
			inTB = true
		} else if !strings.HasPrefix(l, " ") && !strings.HasPrefix(l, "|") && trimmed != "" {
			inTB = false
		}
		if inTB && trimmed != "" && strings.Trim(trimmed, "~^| ") == "" && strings.ContainsAny(trimmed, "~^") {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "")
}

func TestStripCarets(t *testing.T) {
	in := "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n  File \"y.py\", line 2\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"
	want := "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n    1/0\nZeroDivisionError: division by zero\n  File \"y.py\", line 2\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"
	if got := stripCarets(in); got != want {
		t.Fatalf("stripCarets:\n%s", cmp.Diff(want, got))
	}
}
