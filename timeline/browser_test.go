package timeline_test

import (
	"bytes"
	"context"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/asylang/asy/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden screenshot")

// browser finds a Chromium to drive headless (the tests skip without one).
func browser(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium (apt-get install chromium)")
	return ""
}

// headless runs Chromium on a page with the extra flags and returns stdout.
func headless(t *testing.T, bin, url string, extra ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir(), "--window-size=1000,420"}, extra...)
	// A browser that dies of a signal (CI machines have seen Chromium
	// segfault at start-up, before loading anything) is retried; one that
	// keeps crashing cannot judge the page, so the test skips rather than
	// blame the page. Any other failure is the test's.
	var errb bytes.Buffer
	for attempt := 1; ; attempt++ {
		cmd := exec.CommandContext(ctx, bin, append(args, url)...)
		var out bytes.Buffer
		errb.Reset()
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if err == nil {
			return out.Bytes()
		}
		if !diedOfSignal(err) || ctx.Err() != nil {
			t.Fatalf("chromium: %v\n%s", err, errb.String())
		}
		if attempt == 3 {
			t.Skipf("chromium crashes on this machine (%v, 3 tries):\n%s", err, errb.String())
		}
	}
}

// diedOfSignal reports whether the browser process was killed by a signal
// (a crash), as opposed to exiting with a status.
func diedOfSignal(err error) bool {
	ee, ok := err.(*exec.ExitError)
	if !ok {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled()
}

// stablePage writes the demo's page with the real-clock measurements
// removed, so that it draws the same every time.
func stablePage(t *testing.T) (string, *timeline.Data) {
	d := record(t, demo).Build(timeline.BuildOptions{})
	for i := range d.Tasks {
		d.Tasks[i].Run = 0
	}
	d.Segs.R0, d.Segs.R1, d.EndReal = nil, nil, 0
	d.Objs = []string{"<Lock object>"}
	path := filepath.Join(t.TempDir(), "demo.html")
	var b bytes.Buffer
	if err := timeline.WriteHTML(&b, d, "demo.py"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, d
}

var (
	statusRe = regexp.MustCompile(`<div id="status"([^>]*)>([^<]*)</div>`)
	attrRe   = regexp.MustCompile(`data-([a-z0-9]+)="([^"]*)"`)
	rectRe   = regexp.MustCompile(`<rect data-s="(\d+)" x="([-\d.]+)" y="([-\d.]+)" width="([-\d.]+)"`)
	textRe   = regexp.MustCompile(`<text class="lbl" x="([-\d.]+)" y="([-\d.]+)">([^<]*)</text>`)
)

// The page loads without errors, and every drawn segment sits where the
// data says: its lane's row, its start and end on the time axis — for
// the whole run and for a zoomed view given in the URL.
func TestBrowserDrawsTheData(t *testing.T) {
	bin := browser(t)
	path, d := stablePage(t)
	for _, view := range []struct {
		hash   string
		v0, v1 float64
	}{{"", 0, d.End * 1.02}, {"#v0=0.1&v1=0.25", 0.1, 0.25}} {
		dom := string(headless(t, bin, "file://"+path+view.hash, "--dump-dom", "--virtual-time-budget=3000"))
		m := statusRe.FindStringSubmatch(dom)
		if m == nil || !strings.HasPrefix(m[2], "ok ") {
			t.Fatalf("page status %q", m)
		}
		attr := map[string]float64{}
		for _, a := range attrRe.FindAllStringSubmatch(m[1], -1) {
			attr[a[1]], _ = strconv.ParseFloat(a[2], 64)
		}
		if math.Abs(attr["v0"]-view.v0) > 1e-9 || math.Abs(attr["v1"]-view.v1) > 1e-9 {
			t.Fatalf("view %g..%g, want %g..%g", attr["v0"], attr["v1"], view.v0, view.v1)
		}
		left, width, top, laneH := attr["left"], attr["width"], attr["top"], attr["lane"]
		scale := (width - left) / (view.v1 - view.v0)
		X := func(t float64) float64 { return math.Min(math.Max(left+(t-view.v0)*scale, left), width) }
		drawn := map[int]bool{}
		for _, r := range rectRe.FindAllStringSubmatch(dom, -1) {
			i, _ := strconv.Atoi(r[1])
			x, _ := strconv.ParseFloat(r[2], 64)
			y, _ := strconv.ParseFloat(r[3], 64)
			w, _ := strconv.ParseFloat(r[4], 64)
			drawn[i] = true
			row := d.Tasks[d.Segs.Task[i]].Row
			if y < top+float64(row)*laneH || y >= top+float64(row+1)*laneH {
				t.Errorf("%s: segment %d of %s drawn at y=%g, not in row %d", view.hash, i, d.Tasks[d.Segs.Task[i]].Name, y, row)
			}
			x0, x1 := X(d.Segs.T0[i]), X(d.Segs.T1[i])
			if math.Abs(x-x0) > 0.6 || (x1-x0 >= 1 && math.Abs(x+w-x1) > 0.6) {
				t.Errorf("%s: segment %d drawn at x=%g..%g, want %g..%g", view.hash, i, x, x+w, x0, x1)
			}
		}
		// Every segment inside the view with some width is drawn, and
		// the long suspensions carry their label.
		labels := map[string]bool{}
		for _, m := range textRe.FindAllStringSubmatch(dom, -1) {
			labels[m[2]+"|"+m[3]] = true
		}
		for i := range d.Segs.Task {
			x0, x1 := X(d.Segs.T0[i]), X(d.Segs.T1[i])
			if x1-x0 >= 1 && !drawn[i] {
				t.Errorf("%s: segment %d (%g..%g) not drawn", view.hash, i, d.Segs.T0[i], d.Segs.T1[i])
			}
			if l := d.Segs.Label[i]; d.Segs.Kind[i] == timeline.KindSuspended && l >= 0 && x1-x0 > 120 {
				row := d.Tasks[d.Segs.Task[i]].Row
				key := strconv.FormatFloat(top+float64(row+1)*laneH-5, 'f', -1, 64) + "|" + d.Labels[l]
				if !labels[key] {
					t.Errorf("%s: no label %q in the row of %s", view.hash, d.Labels[l], d.Tasks[d.Segs.Task[i]].Name)
				}
			}
		}
		if len(drawn) < 5 || len(labels) < 3 {
			t.Fatalf("%s: %d segments and %d labels drawn", view.hash, len(drawn), len(labels))
		}
		t.Logf("%s: %d segments and %d texts checked", view.hash, len(drawn), len(labels))
	}
}

// One screenshot is kept as a golden image; a redraw may differ a little
// (font hinting, anti-aliasing) but not in more than 1% of its pixels.
func TestBrowserScreenshot(t *testing.T) {
	bin := browser(t)
	path, _ := stablePage(t)
	shot := filepath.Join(t.TempDir(), "shot.png")
	headless(t, bin, "file://"+path, "--screenshot="+shot, "--virtual-time-budget=3000")
	golden := filepath.Join("testdata", "demo.png")
	if *update {
		b, err := os.ReadFile(shot)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, want := readPNG(t, shot), readPNG(t, golden)
	if got.Bounds() != want.Bounds() {
		t.Fatalf("screenshot %v, golden %v", got.Bounds(), want.Bounds())
	}
	differ, total := 0, 0
	b := got.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			total++
			r1, g1, b1, _ := got.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if absDiff(r1, r2) > 48<<8 || absDiff(g1, g2) > 48<<8 || absDiff(b1, b2) > 48<<8 {
				differ++
			}
		}
	}
	if differ*100 > total {
		os.WriteFile(filepath.Join(os.TempDir(), "timeline_shot.png"), mustRead(t, shot), 0o644)
		t.Errorf("%d of %d pixels differ from %s (the new one is in %s/timeline_shot.png)", differ, total, golden, os.TempDir())
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readPNG(t *testing.T, path string) image.Image {
	img, err := png.Decode(bytes.NewReader(mustRead(t, path)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}
