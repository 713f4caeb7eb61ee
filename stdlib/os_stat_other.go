//go:build !linux

package stdlib

import "syscall"

// statT is the raw stat_result of a stat buffer; off Linux only the fields
// every Unix names alike are read.
func statT(st *syscall.Stat_t) []int64 {
	return []int64{int64(st.Mode), int64(st.Ino), int64(st.Dev), int64(st.Nlink), int64(st.Uid),
		int64(st.Gid), st.Size, 0, 0, 0, int64(st.Blksize), int64(st.Blocks), int64(st.Rdev)}
}

// terminalSize is not asked for off Linux: as if fd were no terminal.
func terminalSize(fd int) (cols, rows int, err error) {
	return 0, 0, syscall.ENOTTY
}
