package asy_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/asylang/asy"
)

// An interpreter not granted subprocesses starts none: subprocess and
// asyncio's create_subprocess_* refuse with PermissionError.
func TestSubprocessNotGranted(t *testing.T) {
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Stdout: &out})
	err := in.Exec(context.Background(), "main.py", `
import asyncio, subprocess
for f in (lambda: subprocess.run(["true"]), lambda: subprocess.Popen("true", shell=True)):
    try:
        f()
    except PermissionError as e:
        print("PermissionError:", e)
async def main():
    try:
        await asyncio.create_subprocess_exec("true")
    except PermissionError as e:
        print("PermissionError:", e)
asyncio.run(main())
`)
	if err != nil {
		t.Fatal(err)
	}
	const msg = "PermissionError: subprocesses are not granted to this interpreter\n"
	if got, want := out.String(), msg+msg+msg; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
