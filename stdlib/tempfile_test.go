package stdlib_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/asylang/asy"
)

// tempfile and shutil touch the host filesystem, so an interpreter granted
// no files refuses them with PermissionError, while the pure parts still work.
func TestTempfileShutilHermetic(t *testing.T) {
	var out bytes.Buffer
	in, err := asy.New(asy.Options{Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	err = in.Exec(context.Background(), "main.py", `
import tempfile, shutil, platform, hashlib, csv, io
try:
    tempfile.gettempdir()
except FileNotFoundError as e:
    print(e)  # no candidate directory can be examined, as CPython says
for call in (lambda: tempfile.mkdtemp(dir="/tmp"), lambda: tempfile.mkstemp(dir="/tmp"),
             lambda: tempfile.NamedTemporaryFile(dir="/tmp"), lambda: tempfile.TemporaryDirectory(dir="/tmp"),
             lambda: shutil.copyfile("/etc/hostname", "/tmp/x"), lambda: shutil.rmtree("/tmp/x"),
             lambda: shutil.disk_usage("/"), lambda: shutil.copytree("/etc", "/tmp/y")):
    try:
        call()
        print("reached the host")
    except PermissionError:
        print("PermissionError")
print(shutil.which("sh"))  # no PATH, and no file is seen
print(shutil.get_terminal_size(), hashlib.md5(b"").hexdigest())
csv.writer(io.StringIO()).writerow([1])
`)
	if err != nil {
		t.Fatal(err)
	}
	want := "[Errno 2] No usable temporary directory found in ['/tmp', '/var/tmp', '/usr/tmp', '.']\n" + strings.Repeat("PermissionError\n", 8) + "None\n" + "os.terminal_size(columns=80, lines=24) d41d8cd98f00b204e9800998ecf8427e\n"
	if out.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", out.String(), want)
	}
}
