package asy

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The thread-to-loop bridges (call_soon_threadsafe, run_coroutine_threadsafe,
// wrap_future) run in-process here, so that `go test -race` watches the
// loops, threads and clocks they connect; the golden files hold what each
// script must print. The virtual-clock scripts print the same however slow
// the race detector makes them.
func TestThreadBridgesUnderRace(t *testing.T) {
	for _, name := range []string{"call_soon_threadsafe_virtual", "run_coroutine_threadsafe_virtual", "wrap_future_virtual"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "threads", name+".asy")
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			golden, err := os.ReadFile(strings.TrimSuffix(path, ".asy") + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			want, _, _ := strings.Cut(strings.TrimPrefix(string(golden), "-- stdout --\n"), "-- stderr --\n")
			var out, errb bytes.Buffer
			opts := Options{Stdout: &out, Stderr: &errb, Grants: AllCapabilities(), VirtualClock: bytes.Contains(src, []byte("--clock=virtual"))}
			if code := RunSource(name+".asy", src, opts); code != 0 || out.String() != want {
				t.Fatalf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", code, out.String(), want, errb.String())
			}
		})
	}
}
