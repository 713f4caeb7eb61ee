package rebacktrack_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/asylang/asy"
	"github.com/asylang/asy/modules/rebacktrack"
)

func run(t *testing.T, opts asy.Options, ctx context.Context, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	opts.Stdout, opts.Stderr = &out, &out
	in, err := asy.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	err = in.Exec(ctx, "re_test.py", src)
	return out.String(), err
}

var withEngine = asy.Options{Extensions: []asy.Extension{rebacktrack.Extension}}

// A match longer than the first timeout moves to the slow path (a
// goroutine, doubling timeouts) and still gives CPython's answer. The
// subject grows until the match takes long enough, whatever the machine.
func TestSlowMatchFinishes(t *testing.T) {
	for n := 18; n <= 32; n++ {
		src := fmt.Sprintf("import re\nm = re.match(r'(?:(x+x+)+(?=y))|x+!', 'x' * %d + '!')\nprint(m.span(), m.group(1))\n", n)
		start := time.Now()
		out, err := run(t, withEngine, context.Background(), src)
		if err != nil {
			t.Fatalf("n=%d: %v\n%s", n, err, out)
		}
		if want := fmt.Sprintf("(0, %d) None\n", n+1); out != want {
			t.Fatalf("n=%d: got %q, want %q", n, out, want)
		}
		if el := time.Since(start); el > 600*time.Millisecond {
			t.Logf("n=%d took %v", n, el)
			return
		}
	}
	t.Skip("the machine is too fast for the match to outlast the first timeout")
}

// A catastrophic pattern is stopped by the run's deadline or its cancelled
// context within a short lag, and its goroutine does not linger.
func TestCatastrophicMatchStops(t *testing.T) {
	before := runtime.NumGoroutine()
	const after = 300 * time.Millisecond
	src := "import re\nprint(re.match(r'(x+x+)+(?=y)', 'x' * 60 + '!'))\n"
	for _, kind := range []string{"deadline", "cancel"} {
		opts := withEngine
		ctx := context.Background()
		var want error
		if kind == "deadline" {
			opts.MaxDuration = after
			want = asy.ErrTimeLimit
		} else {
			c, cancel := context.WithCancel(ctx)
			time.AfterFunc(after, cancel)
			ctx = c
			want = context.Canceled
		}
		start := time.Now()
		out, err := run(t, opts, ctx, src)
		if !errors.Is(err, want) {
			t.Errorf("%s: err = %v, want %v (printed %q)", kind, err, want, out)
		}
		t.Logf("%s: the run ended %v after the stop", kind, (time.Since(start) - after).Round(time.Millisecond))
		// Generous: the machine running the tests may be loaded.
		if lag := time.Since(start) - after; lag > 3*time.Second {
			t.Errorf("%s: the run ended %v after the stop", kind, lag)
		}
	}
	// The match goroutine gives up at its next timeout, and regexp2's
	// clock a second after the last deadline.
	deadline := time.Now().Add(15 * time.Second)
	for runtime.NumGoroutine() > before+1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+1 {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines, want at most %d:\n%s", n, before+1, buf[:runtime.Stack(buf, true)])
	}
}

// Without the extension, RE2 patterns run as before and the others raise
// re.error naming the extension.
func TestWithoutTheExtension(t *testing.T) {
	src := `import re
print(re.findall(r'(\w)(\d)', 'a1 b2'))
try:
    re.compile(r"(a)\1")
    print("compiled")
except re.error as e:
    print('re.error:', e)
`
	out, err := run(t, asy.Options{}, context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "[('a', '1'), ('b', '2')]\nre.error: asy's re needs its backtracking engine") ||
		!strings.Contains(out, "rebacktrack extension") {
		t.Errorf("got %q", out)
	}
	out, err = run(t, withEngine, context.Background(), src)
	if err != nil || out != "[('a', '1'), ('b', '2')]\ncompiled\n" {
		t.Errorf("with the extension: %q %v", out, err)
	}
}
