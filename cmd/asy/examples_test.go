package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestSharedExamples runs every snippet of ../shared/examples (the scripts
// users learn from) under asy — on the virtual clock, so it is fast — and
// under python3, and requires the same output.
func TestSharedExamples(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/examples/*.py")
	if len(files) == 0 {
		t.Skip("../shared/examples not present")
	}
	py := realPython(t)
	for _, path := range files {
		path := path
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if needsThreads[name] {
				t.Skip("needs fastapi under CPython; covered by a golden test")
			}
			got := runScript(t, asyBin, []string{"--clock=virtual"}, path, 30*time.Second)
			want := runScript(t, py, nil, path, 60*time.Second)
			// asy runs on its virtual clock, CPython in real time: a busy
			// machine can push CPython's timings across a rounding boundary
			// (0.6 s printed as 0.7). Two more CPython runs tell a flake from
			// a bug, as in TestPythonAgrees.
			for retry := 0; retry < 2 && !agrees(want, got); retry++ {
				want = runScript(t, py, nil, path, 60*time.Second)
			}
			if d := cmp.Diff(want.Stdout, got.Stdout); d != "" {
				t.Errorf("stdout (-python3 +asy):\n%s", d)
			}
			if d := cmp.Diff(stripCarets(want.Stderr), stripCarets(got.Stderr)); d != "" {
				t.Errorf("stderr (-python3 +asy):\n%s", d)
			}
			if want.Exit != got.Exit {
				t.Errorf("exit status: python3 %d, asy %d", want.Exit, got.Exit)
			}
		})
	}
}

// needsThreads: 12 imports fastapi, which CPython here does not have; its
// expected output is checked by testdata/threads/run_in_threadpool.asy.
var needsThreads = map[string]bool{
	"12_run_in_threadpool.py": true,
}

var _ = os.Getenv
var _ = strings.TrimSpace
