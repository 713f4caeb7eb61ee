package main

import (
	"fmt"
	"path/filepath"

	"github.com/asylang/asy"
	"github.com/asylang/asy/timeline"
)

// startTimeline attaches a timeline recorder to the run; the returned
// function writes the page once the run is over.
func startTimeline(opts *asy.Options, path, script string) func() {
	rec := timeline.NewRecorder(opts.VirtualClock || opts.Hermetic)
	opts.Observer = rec
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
