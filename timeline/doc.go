// Package timeline records what an asy run's tasks and executor threads
// did — when each ran, what each waited for (a sleep, a lock, a queue,
// another task…) and how it ended — and draws it as a self-contained HTML
// page: one lane per task and thread on the loop's time axis (real or
// virtual), hover details, zoom and pan, and a summary table.
//
// A Recorder is a runtime.Observer: it keeps one small segment record per
// task step and suspension and reads only frame chains to label waits, so
// recording costs a few hundred nanoseconds per step. Build turns the
// recording into Data (what the page draws, and what tests check);
// tasks beyond a visible limit are aggregated into per-coroutine lanes so
// that pages of 10,000 tasks stay usable.
package timeline
