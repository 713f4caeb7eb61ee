//go:build unix

package stdlib

import "syscall"

// processCPUTime is the CPU time (user + system) the whole process has used,
// in nanoseconds: what CPython's time.process_time reports. It is a host
// reading, not the script clock, so it is the same under the virtual clock.
func processCPUTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
