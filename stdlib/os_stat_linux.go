package stdlib

import (
	"syscall"
	"unsafe"
)

// statT is the raw stat_result of a Linux stat buffer (see statFields).
func statT(st *syscall.Stat_t) []int64 {
	ns := func(t syscall.Timespec) int64 { return t.Sec*1e9 + t.Nsec }
	return []int64{int64(st.Mode), int64(st.Ino), int64(st.Dev), int64(st.Nlink), int64(st.Uid),
		int64(st.Gid), st.Size, ns(st.Atim), ns(st.Mtim), ns(st.Ctim), int64(st.Blksize),
		int64(st.Blocks), int64(st.Rdev)}
}

// terminalSize asks the terminal on fd for its size (TIOCGWINSZ).
func terminalSize(fd int) (cols, rows int, err error) {
	var ws struct{ Row, Col, X, Y uint16 }
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(&ws))); e != 0 {
		return 0, 0, e
	}
	return int(ws.Col), int(ws.Row), nil
}
