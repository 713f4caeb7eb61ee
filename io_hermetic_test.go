package asy_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asylang/asy"
)

// A hermetic interpreter opens no host file: open() and io.open raise
// PermissionError for paths and descriptors alike, and nothing is created,
// while StringIO and BytesIO still work.
func TestIOHermetic(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "created.txt")
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Stdout: &out})
	if err := in.SetGlobal("target", target); err != nil {
		t.Fatal(err)
	}
	err := in.Exec(context.Background(), "main.py", `
import io
for call in (lambda: open("/etc/hostname"), lambda: open(target, "w"),
             lambda: io.open(target, "xb"), lambda: open(0), lambda: open(target, "a")):
    try:
        call()
        print("reached the host")
    except PermissionError as e:
        print("PermissionError", "granted" in str(e))
s = io.StringIO()
print("in memory", file=s)
b = io.BytesIO(b"ab\ncd")
print(repr(s.getvalue()), b.readline(), b.read())
`)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Repeat("PermissionError True\n", 5) + "'in memory\\n' b'ab\\n' b'cd'\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("hermetic open created %s (stat: %v)", target, err)
	}
}

// A file a script leaves open is flushed and closed when the interpreter
// closes: its buffered writes reach the disk.
func TestIOLeftOpenClosedAtEnd(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "left.txt")
	in, err := asy.New(asy.Options{Grants: asy.Capabilities{Files: asy.Files{Dir: dir}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := in.SetGlobal("path", "left.txt"); err != nil {
		t.Fatal(err)
	}
	if err := in.Exec(context.Background(), "main.py", `
f = open(path, "w")
f.write("buffered, never closed\n")
`); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); len(data) != 0 {
		t.Fatalf("written before the end: %q (expected still buffered)", data)
	}
	in.Close()
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "buffered, never closed\n" {
		t.Errorf("after Close: %q, %v", data, err)
	}
}
