package asy_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/asylang/asy"
)

// run executes src with opts and returns what it printed; a script
// exception fails the test.
func runCaps(t *testing.T, opts asy.Options, src string) string {
	t.Helper()
	var out bytes.Buffer
	opts.Stdout = &out
	in := mustNew(t, opts)
	if err := in.Exec(context.Background(), "main.py", src); err != nil {
		t.Fatalf("%v\noutput so far:\n%s", err, out.String())
	}
	return out.String()
}

// A granted directory is the script's working directory and all it sees:
// reads, writes, directories, renames and imports work inside it; "..",
// absolute paths and symlinks that lead out are refused.
func TestGrantedDirectory(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("s3cr3t"), 0o644)
	os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt"))
	os.WriteFile(filepath.Join(dir, "helper.py"), []byte("NAME = 'helper'\n"), 0o644)
	realDir, _ := filepath.EvalSymlinks(dir)
	got := runCaps(t, asy.Options{Grants: asy.Capabilities{Files: asy.Files{Dir: dir}}, Globals: map[string]any{"outside": outside, "dir": realDir}}, `
import os, pathlib, shutil, tempfile, helper
print(helper.NAME, os.getcwd() == dir)
with open("notes.txt", "w") as f:
    f.write("hello")
os.mkdir("sub")
os.rename("notes.txt", "sub/notes.txt")
shutil.copyfile("sub/notes.txt", "copy.txt")
print(sorted(os.listdir(".")), pathlib.Path("copy.txt").read_text())
print(os.path.exists("sub/notes.txt"), os.path.isdir("sub"), os.path.exists(outside + "/secret.txt"))
with tempfile.TemporaryDirectory(dir=".") as d:
    print(os.path.isdir(d))
for path in ("../x", outside + "/secret.txt", "link.txt", "/etc/hostname"):
    try:
        print(open(path).read())
    except PermissionError as e:
        print("PermissionError", e.filename)
    except OSError as e:
        print(type(e).__name__, e.filename)
try:
    os.chdir("sub")
except PermissionError as e:
    print(e)
`)
	want := `helper True
['copy.txt', 'helper.py', 'link.txt', 'sub'] hello
True True False
True
PermissionError ../x
PermissionError ` + outside + `/secret.txt
PermissionError link.txt
PermissionError /etc/hostname
[Errno 13] Permission denied: only a script granted the host's files may change the working directory: 'sub'
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "sub", "notes.txt")); err != nil || string(data) != "hello" {
		t.Errorf("the script's file on the host: %q %v", data, err)
	}
}

// A read-only fs.FS grant: reading and listing work, changes are refused.
func TestGrantedFS(t *testing.T) {
	fsys := fstest.MapFS{
		"data/a.txt": {Data: []byte("alpha\nbeta\n")},
		"lib.py":     {Data: []byte("X = 42\n")},
	}
	got := runCaps(t, asy.Options{Grants: asy.Capabilities{Files: asy.Files{FS: fsys}}}, `
import os, lib
with open("data/a.txt") as f:
    print(f.readline().strip(), f.read().strip(), lib.X)
print(os.listdir("data"), os.path.isfile("/data/a.txt"), os.path.getsize("data/a.txt"))
for call in (lambda: open("data/b.txt", "w"), lambda: os.remove("data/a.txt"), lambda: os.mkdir("x")):
    try:
        call()
    except PermissionError as e:
        print(e.strerror)
try:
    open("missing.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename)
`)
	want := `alpha beta 42
['a.txt'] True 11
Permission denied: the files granted to this script are read-only
Permission denied: the files granted to this script are read-only
Permission denied: the files granted to this script are read-only
FileNotFoundError missing.txt
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// Environment, threads, host identity and the clock are granted one by one.
func TestGrantedEnvThreadsClock(t *testing.T) {
	src := `
import os, time, threading, asyncio
print(dict(os.environ), os.getpid() == 1, time.time() < 1_750_000_000)
def work():
    pass
ts = [threading.Thread(target=work) for _ in range(3)]
for t in ts:
    try:
        t.start()
        print("started")
    except RuntimeError as e:
        print(e)
async def main():
    try:
        await asyncio.to_thread(work)
        print("to_thread ran")
    except RuntimeError as e:
        print("to_thread:", e)
asyncio.run(main())
`
	got := runCaps(t, asy.Options{}, src)
	want := "{} True True\ncan't start new thread\ncan't start new thread\ncan't start new thread\nto_thread: can't start new thread\n"
	if got != want {
		t.Errorf("nothing granted:\n%s\nwant:\n%s", got, want)
	}
	got = runCaps(t, asy.Options{Grants: asy.Capabilities{
		Env: map[string]string{"A": "1"}, HostInfo: true, RealClock: true, Threads: 2,
	}}, strings.Replace(src, "t.start()", "t.start(); t.join()", 1))
	want = "{'A': '1'} False False\nstarted\nstarted\nstarted\nto_thread ran\n"
	if os.Getpid() == 1 {
		want = strings.Replace(want, "False False", "True False", 1)
	}
	if got != want {
		t.Errorf("granted:\n%s\nwant:\n%s", got, want)
	}
}

// A directory that cannot be opened fails New, not the script.
func TestGrantedDirectoryMissing(t *testing.T) {
	_, err := asy.New(asy.Options{Grants: asy.Capabilities{Files: asy.Files{Dir: filepath.Join(t.TempDir(), "none")}}})
	if err == nil {
		t.Fatal("New accepted a missing directory")
	}
}
