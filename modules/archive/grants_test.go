package archive_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asylang/asy"
	"github.com/asylang/asy/modules/archive"
)

// zlib, gzip, bz2, zipfile and tarfile reach files only through the
// script's open(): without a file grant every path is a PermissionError and
// nothing is created, while archives in io.BytesIO work; with a directory
// grant, archives inside it work and paths outside it are refused.
func TestArchivesFollowFileGrants(t *testing.T) {
	dir := t.TempDir()
	const script = `
import bz2, gzip, io, tarfile, zipfile, zlib
for call in (lambda: gzip.open(target, "wb"), lambda: gzip.open(target),
             lambda: bz2.open(target), lambda: zipfile.ZipFile(target, "w"),
             lambda: zipfile.ZipFile(target, "a"), lambda: zipfile.is_zipfile(target) or open(target),
             lambda: tarfile.open(target, "w:gz"), lambda: tarfile.open(target)):
    try:
        call()
        print("reached", target)
    except PermissionError:
        print("PermissionError")
mem = io.BytesIO()
with zipfile.ZipFile(mem, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", "zipped")
with zipfile.ZipFile(mem) as z:
    print(z.read("a.txt"))
mem = io.BytesIO()
with tarfile.open(fileobj=mem, mode="w:gz") as t:
    ti = tarfile.TarInfo("b.txt")
    ti.size = 3
    t.addfile(ti, io.BytesIO(b"tar"))
mem.seek(0)
print(tarfile.open(fileobj=mem).extractfile("b.txt").read(), gzip.decompress(gzip.compress(b"gz")))
`
	var out bytes.Buffer
	in, err := asy.New(asy.Options{Stdout: &out, Extensions: []asy.Extension{archive.Extension}})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	target := filepath.Join(dir, "archive.bin")
	if err := in.SetGlobal("target", target); err != nil {
		t.Fatal(err)
	}
	if err := in.Exec(context.Background(), "main.py", script); err != nil {
		t.Fatal(err)
	}
	want := strings.Repeat("PermissionError\n", 8) + "b'zipped'\nb'tar' b'gz'\n"
	if out.String() != want {
		t.Errorf("no grant: got:\n%s\nwant:\n%s", out.String(), want)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("an archive was created without a grant (stat: %v)", err)
	}

	// A directory grant: the archive is written and read inside it,
	// extraction outside it is refused.
	out.Reset()
	in2, err := asy.New(asy.Options{Stdout: &out, Extensions: []asy.Extension{archive.Extension},
		Grants: asy.Capabilities{Files: asy.Files{Dir: dir}}})
	if err != nil {
		t.Fatal(err)
	}
	defer in2.Close()
	if err := in2.Exec(context.Background(), "main.py", `
import zipfile
with zipfile.ZipFile("granted.zip", "w") as z:
    z.writestr("inside.txt", "ok")
with zipfile.ZipFile("granted.zip") as z:
    z.extractall("out")
    print(open("out/inside.txt").read())
    try:
        z.extractall("/elsewhere")
    except PermissionError:
        print("PermissionError")
`); err != nil {
		t.Fatal(err)
	}
	if out.String() != "ok\nPermissionError\n" {
		t.Errorf("directory grant: got %q", out.String())
	}
	if data, err := os.ReadFile(filepath.Join(dir, "out", "inside.txt")); err != nil || string(data) != "ok" {
		t.Errorf("extracted file: %q, %v", data, err)
	}
}

// The root package links none of this: an embedder who does not opt in
// does not pay for Go's archive packages.
func TestCoreLinksNoArchivePackages(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/asylang/asy").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, d := range strings.Fields(string(out)) {
		switch d {
		case "archive/zip", "archive/tar", "compress/bzip2", "github.com/asylang/asy/modules/archive":
			t.Errorf("the root package depends on %s", d)
		}
	}
}
