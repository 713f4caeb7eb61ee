// Package runtime is asy's event loop: ready queue, timers, a real or
// virtual clock, futures and tasks, and the inbox through which other
// goroutines (executor threads, Go-side awaitables) deliver results.
//
// Contract: a Loop runs on one vm.Thread at a time (the one that called
// RunOn last); the thread-safe entry points are Loop.Post /
// CallSoonThreadsafe and, interpreter-wide, PostRunning, AddThreads and
// Hold (bridge.go); Loop.HoldIO (io.go) marks pending network I/O that may
// post at any time. Tasks resume their coroutines with
// vm.Thread.Resume, so a suspended task costs its frames plus a Task record,
// never a goroutine. Scheduling order follows CPython 3.11's asyncio.
package runtime
