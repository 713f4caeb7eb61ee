// Package runtime is asy's event loop: ready queue, timers, a real or
// virtual clock, futures and tasks, and the inbox through which other
// goroutines (executor threads, Go-side awaitables) deliver results.
//
// Contract: a Loop belongs to one vm.Thread and runs only on it; the only
// thread-safe entry point is Loop.Post. Tasks resume their coroutines with
// vm.Thread.Resume, so a suspended task costs its frames plus a Task record,
// never a goroutine. Scheduling order follows CPython 3.11's asyncio.
package runtime
