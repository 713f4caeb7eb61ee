package stdlib_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/asylang/asy"
)

// Granted nothing, os shows the script nothing of the host: an empty
// environ, and PermissionError from every filesystem call. logging, which
// imports os, still works.
func TestOsHermetic(t *testing.T) {
	var out bytes.Buffer
	in, err := asy.New(asy.Options{Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	err = in.Exec(context.Background(), "main.py", `
import os, logging, sys
print(len(os.environ), os.getenv("HOME"), os.path.join("a", "b"))
for call in (os.getcwd, lambda: os.listdir("/"), lambda: os.path.getsize("/etc"),
             lambda: os.mkdir("/tmp/x"), lambda: os.remove("/tmp/x"),
             lambda: os.open("/etc/passwd", os.O_RDONLY), lambda: os.path.abspath("x")):
    try:
        call()
        print("reached the host")
    except PermissionError as e:
        print("PermissionError")
h = logging.StreamHandler(sys.stdout)
logging.getLogger("h").addHandler(h)
logging.getLogger("h").warning("logging works")
`)
	if err != nil {
		t.Fatal(err)
	}
	want := "0 None a/b\n" + repeat("PermissionError\n", 7) + "logging works\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}

func repeat(s string, n int) string { return string(bytes.Repeat([]byte(s), n)) }
