//go:build !unix

package stdlib

import "time"

var processStart = time.Now()

// processCPUTime falls back to the time since start where the OS gives no
// per-process CPU accounting through package syscall.
func processCPUTime() int64 { return int64(time.Since(processStart)) }
