package asy_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/asylang/asy"
)

// os.stat, lstat, fstat, scandir, system and _exit go through the grants:
// without them a script learns nothing of the host's files and cannot end
// or fork the host process.
func TestHermeticOsStatScandir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.txt"), []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import os
def attempt(f):
    try:
        print(f())
    except PermissionError as e:
        print("PermissionError")
attempt(lambda: os.stat(d + "/f.txt").st_size)
attempt(lambda: os.lstat(d).st_size > 0)
attempt(lambda: [e.name for e in os.scandir(d)])
attempt(lambda: os.fstat(0).st_size)
attempt(lambda: os.system("true"))
attempt(lambda: os._exit(3))
attempt(lambda: len(os.urandom(4)))
print(os.getpid(), os.cpu_count())
`
	run := func(g asy.Capabilities, src string) string {
		var out bytes.Buffer
		in := mustNew(t, asy.Options{Stdout: &out, Grants: g})
		if err := in.Exec(context.Background(), "main.py", src); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	want := "PermissionError\nPermissionError\nPermissionError\nPermissionError\nPermissionError\nPermissionError\n4\n1 1\n"
	if got := run(asy.Capabilities{}, "d = "+strconv.Quote(dir)+"\n"+script); got != want {
		t.Errorf("hermetic: got %q, want %q", got, want)
	}
	// Granted the directory, its files are seen (still no processes).
	got := run(asy.Capabilities{Files: asy.Files{Dir: dir}},
		"import os\nprint(os.stat('f.txt').st_size, [e.name for e in os.scandir('.')], os.scandir().__next__().is_file())\n")
	if want := "5 ['f.txt'] True\n"; got != want {
		t.Errorf("granted dir: got %q, want %q", got, want)
	}
}

// Without the host's files (and without modules/tzdata linked) zoneinfo
// reads no zone files: every key is not found. With them, zones load.
func TestHermeticZoneinfo(t *testing.T) {
	src := `
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones
try:
    print(ZoneInfo("Europe/Paris").key)
except ZoneInfoNotFoundError as e:
    print("not found", len(available_timezones()))
`
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Stdout: &out})
	if err := in.Exec(context.Background(), "main.py", src); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "not found 0\n" {
		t.Errorf("hermetic: got %q", got)
	}
	if _, err := os.Stat("/usr/share/zoneinfo/Europe/Paris"); err != nil {
		t.Skip("no system zone files")
	}
	out.Reset()
	in = mustNew(t, asy.Options{Stdout: &out, Grants: asy.Capabilities{Files: asy.Files{Host: true}}})
	if err := in.Exec(context.Background(), "main.py", src); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "Europe/Paris\n" {
		t.Errorf("host files: got %q", got)
	}
}
