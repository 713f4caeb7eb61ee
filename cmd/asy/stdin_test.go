package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// How the command treats standard input, as python3 does: without a file a
// piped stdin is read whole and run as the script <stdin> (`-` says so
// explicitly); -i runs an interactive session over it, its banner and
// prompts on stderr; -i FILE and -i -c CMD run the program first and go on
// in its globals. Each case runs the real binary; its stdout (and, where
// given, stderr and status) must be what python3 prints, checked against
// python3 itself when it is installed.
func TestStdinAsPython(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("setup.py", "x = 5\nprint('setup ran', __name__)\n1/0\n")
	write("quits.py", "x = 6\nraise SystemExit(3)\n")
	write("helper_mod.py", "print('helper imported')\nV = 7\n")
	cases := []struct {
		name   string
		args   []string
		input  string
		stdout string
		stderr string // "-" when not checked without python3
		exit   int
	}{
		{
			// A blank line inside a function body does not end it, and
			// expression statements are not echoed: this is a script.
			name: "script", input: "def f():\n    x = 1\n\n    return x\nprint(f())\nf()\n",
			stdout: "1\n",
		},
		{
			name: "script_traceback", input: "import sys\nprint(sys.argv, __name__, __file__, repr(sys.path[0]))\n\n1/0\n",
			stdout: "[''] __main__ <stdin> ''\n",
			stderr: "Traceback (most recent call last):\n  File \"<stdin>\", line 4, in <module>\nZeroDivisionError: division by zero\n",
			exit:   1,
		},
		{
			name: "script_imports_from_cwd", input: "import helper_mod\nprint(helper_mod.V, helper_mod.__file__ == __import__('os').getcwd() + '/helper_mod.py')\n",
			stdout: "helper imported\n7 True\n",
		},
		{
			name: "script_syntax_error", input: "print('never')\nx = = 1\n",
			stderr: "  File \"<stdin>\", line 2\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n",
			exit:   1,
		},
		{
			name: "script_exit", input: "import sys\nprint('bye')\nsys.exit(5)\nprint('not reached')\n",
			stdout: "bye\n", exit: 5,
		},
		{
			name: "dash", args: []string{"-", "a", "b"}, input: "import sys\nprint(sys.argv)\n",
			stdout: "['-', 'a', 'b']\n",
		},
		{
			name: "interactive", args: []string{"-i"}, input: "x = 7\nx * 6\n",
			stdout: "42\n", stderr: "-",
		},
		{
			name: "interactive_quiet", args: []string{"-i", "-q"},
			input:  "x = 7\nx * 6\n1/0\ndef f():\n    return x\n\nf()\nfor i in range(2):\n    print(i)",
			stdout: "42\n7\n0\n1\n",
			stderr: ">>> >>> >>> Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nZeroDivisionError: division by zero\n>>> ... ... >>> >>> ... ... \n>>> \n",
		},
		{
			name: "interactive_exit", args: []string{"-i", "-q"}, input: "print('in')\nexit(4)\nprint('not reached')\n",
			stdout: "in\n", stderr: ">>> >>> ", exit: 4,
		},
		{
			name: "interactive_dash", args: []string{"-i", "-q", "-", "a"}, input: "import sys; print(sys.argv)\n",
			stdout: "['-', 'a']\n", stderr: ">>> >>> \n",
		},
		{
			name: "interactive_command", args: []string{"-i", "-c", "x = 4"}, input: "print(x * 2)\n",
			stdout: "8\n", stderr: ">>> >>> \n",
		},
		{
			// The script's exception is reported; the session goes on in its
			// globals, where __file__ is gone again.
			name: "interactive_file", args: []string{"-i", "setup.py"}, input: "print(x, __name__)\n'__file__' in globals()\n",
			stdout: "setup ran __main__\n5 __main__\nFalse\n", stderr: "-",
		},
		{
			// SystemExit from the script too: python3 -i prints its traceback.
			name: "interactive_file_exits", args: []string{"-i", "quits.py"}, input: "print(x)\n",
			stdout: "6\n", stderr: "-",
		},
	}
	py := ""
	if _, err := exec.LookPath("python3"); err == nil {
		if out, err := exec.Command("python3", "-c", "import sys; print(sys.executable)").Output(); err == nil {
			py = strings.TrimSpace(string(out))
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := runWithStdin(t, asyBin, dir, c.args, c.input)
			if got.Stdout != c.stdout {
				t.Errorf("stdout:\n%q\nwant:\n%q", got.Stdout, c.stdout)
			}
			if c.stderr != "-" && withoutBanner(got.Stderr) != c.stderr {
				t.Errorf("stderr:\n%q\nwant:\n%q", got.Stderr, c.stderr)
			}
			if got.Exit != c.exit {
				t.Errorf("exit status %d, want %d", got.Exit, c.exit)
			}
			if py == "" {
				return
			}
			want := runWithStdin(t, py, dir, c.args, c.input)
			want.Stdout = strings.ReplaceAll(want.Stdout, dir+"/", "")
			if want.Stdout != got.Stdout || want.Exit != got.Exit {
				t.Errorf("python3 differs: stdout %q, exit %d", want.Stdout, want.Exit)
			}
			// Tracebacks name files by absolute path; asy shows no carets.
			norm := func(s string) string {
				return stripCarets(strings.ReplaceAll(withoutBanner(s), dir+"/", ""))
			}
			if norm(want.Stderr) != norm(got.Stderr) {
				t.Errorf("stderr differs from python3's:\nasy:\n%s\npython3:\n%s", norm(got.Stderr), norm(want.Stderr))
			}
		})
	}
}

// TestInteractiveBanner: without a script, -i over a pipe names asy's
// version once on stderr before the first prompt (-q leaves it out).
func TestInteractiveBanner(t *testing.T) {
	got := runWithStdin(t, asyBin, t.TempDir(), []string{"-i"}, "1\n")
	if !strings.HasPrefix(got.Stderr, version+" — asyncio REPL") || strings.Count(got.Stderr, "asy ") != 1 {
		t.Errorf("banner: %q", got.Stderr)
	}
	if !strings.HasSuffix(got.Stderr, "\n>>> >>> \n") || got.Stdout != "1\n" {
		t.Errorf("stderr %q, stdout %q", got.Stderr, got.Stdout)
	}
}

// withoutBanner drops the session's banner lines (python3's or asy's).
func withoutBanner(s string) string {
	var out []string
	for _, l := range strings.SplitAfter(s, "\n") {
		if strings.HasPrefix(l, "Python 3.") || strings.HasPrefix(l, `Type "help", "copyright"`) || strings.HasPrefix(l, version) {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "")
}

func runWithStdin(t *testing.T, prog, dir string, args []string, input string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	cmd.Stdin = strings.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s %v: timed out", prog, args)
	}
	r := result{Stdout: stdout.String(), Stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.Exit = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return r
}
