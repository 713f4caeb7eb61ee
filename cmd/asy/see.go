package main

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/asylang/asy"
	"github.com/asylang/asy/prof"
	"github.com/asylang/asy/timeline"
)

// Seeing a run: --timeline, --dump-tasks and Ctrl-\ (SIGQUIT). Each adds
// an observer (Options.Observers) of the event loops.

func addObserver(opts *asy.Options, o any) {
	opts.Observers = append(opts.Observers, o)
}

// startTimeline attaches a timeline recorder to the run; the returned
// function writes the page once the run is over.
func startTimeline(opts *asy.Options, path, script string) func() {
	rec := timeline.NewRecorder(opts.VirtualClock)
	addObserver(opts, rec)
	title := filepath.Base(script)
	if script == "" {
		title = "asy"
	}
	return func() {
		if err := rec.WriteFile(path, title, timeline.BuildOptions{}); err != nil {
			fmt.Fprintf(opts.Stderr, "asy: cannot write the timeline: %v\n", err)
		}
	}
}

// startProfile profiles the run; the returned function prints the table
// (as python -m cProfile) or writes the pprof file.
func startProfile(opts *asy.Options, path string) func() {
	p := prof.New()
	addObserver(opts, p)
	p.Start()
	return func() {
		p.Stop()
		if path == "" {
			prof.WriteTable(opts.Stdout, p.Stats(), "")
			return
		}
		f, err := os.Create(path)
		if err == nil {
			err = p.WritePprof(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintf(opts.Stderr, "asy: cannot write the profile: %v\n", err)
		}
	}
}

// startDumper handles Ctrl-\ for the whole run; at >= 0 also dumps at
// loop time at (--dump-tasks: it then watches for new loops, as an
// observer; Ctrl-\ alone costs the run nothing).
func startDumper(opts *asy.Options, at float64) func() {
	d := timeline.NewTaskDumper(opts.Stderr, at)
	if at >= 0 {
		addObserver(opts, d)
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGQUIT)
	go func() {
		for range sigs {
			d.DumpRunning()
		}
	}()
	return func() { signal.Stop(sigs) }
}
