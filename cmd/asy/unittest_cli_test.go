package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestModuleUnittest runs `-m unittest` over testdata/unittest/discover
// (discovery, -v, -k, -p, names of modules, classes and methods) and
// testdata/unittest/discover2 (load_tests, SkipTest on import, -b, -h) under asy
// and python3: output and exit status must agree, timings aside.
func TestModuleUnittest(t *testing.T) {
	py := realPython(t)
	type run struct {
		dir  string
		args []string
	}
	var runs []run
	for _, args := range [][]string{
		{"-m", "unittest"},
		{"-m", "unittest", "-v"},
		{"-m", "unittest", "discover", "-v", "-p", "check_*.py"},
		{"-m", "unittest", "-k", "second", "-v"},
		{"-m", "unittest", "-q", "-k", "Alpha"},
		{"-m", "unittest", "test_alpha.Alpha.test_one", "pkg.test_inner", "-v"},
		{"-m", "unittest", "test_beta.py"},
		{"-m", "unittest", "-f", "pkg/test_inner.py"},
		{"-m", "unittest", "no_such_module"},
		{"-m", "unittest", "--bogus"},
	} {
		runs = append(runs, run{"discover", args})
	}
	for _, args := range [][]string{
		{"-m", "unittest"},
		{"-m", "unittest", "-v"},
		{"-m", "unittest", "discover", "-v", "-s", "pkg_lt", "-t", "."},
		{"-m", "unittest", "-b", "-v"},
		{"-m", "unittest", "-h"},
		{"-m", "unittest", "discover", "-h"},
		{"-m", "unittest", "discover", "-s", "plain_dir"},
		{"-m", "unittest", "discover", ".", "test_f*.py"},
		{"-m", "unittest", "-k", "deep", "-v"},
		{"-m", "unittest", "test_fixtures.WithFixtures.test_prints", "-v"},
		{"-m", "unittest", "discover", "-x"},
		{"-m", "unittest", "-c", "-q"},
	} {
		runs = append(runs, run{"discover2", args})
	}
	for _, r := range runs {
		args := r.args
		dir, err := filepath.Abs("../../testdata/unittest/" + r.dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(r.dir+"/"+strings.Join(args[2:], "_"), func(t *testing.T) {
			t.Parallel()
			want := runIn(t, py, dir, args)
			got := runIn(t, asyBin, dir, args)
			if d := cmp.Diff(stripCarets(want.Stdout), stripCarets(got.Stdout)); d != "" {
				t.Errorf("%v: stdout differs (-python3 +asy):\n%s", args, d)
			}
			if d := cmp.Diff(stripCarets(want.Stderr), stripCarets(got.Stderr)); d != "" {
				t.Errorf("%v: stderr differs (-python3 +asy):\n%s", args, d)
			}
			if want.Exit != got.Exit {
				t.Errorf("%v: exit status python3 %d, asy %d", args, want.Exit, got.Exit)
			}
		})
	}
}

// runIn runs prog with args in dir, the directory and timings normalised
// out of its output.
func runIn(t *testing.T, prog, dir string, args []string) result {
	cmd := exec.Command(prog, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", prog, args, err)
	}
	norm := func(s string) string {
		return normTimings(strings.ReplaceAll(s, dir+string(filepath.Separator), ""))
	}
	return result{Stdout: norm(stdout.String()), Stderr: norm(stderr.String()), Exit: code}
}

// TestRunModule runs modules with -m (a module, a package's __main__ with
// relative imports, a missing one) and a directory's __main__.py under asy
// and python3.
func TestRunModule(t *testing.T) {
	py := realPython(t)
	dir, err := filepath.Abs("../../testdata/unittest/runmod")
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-m", "mod", "x", "-v"},
		{"-m", "app", "a", "b"},
		{"-m", "app.tools"},
		{"-m", "missing"},
		{"plain", "arg"},
		{"plain/"},
	} {
		args := args
		t.Run(args[len(args)-1], func(t *testing.T) {
			t.Parallel()
			want := runIn(t, py, dir, args)
			got := runIn(t, asyBin, dir, args)
			// python3 names itself by its full path in its complaints.
			want.Stderr = strings.Replace(want.Stderr, py+": ", "asy: ", 1)
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("%v: output differs (-python3 +asy):\n%s", args, d)
			}
		})
	}
}
