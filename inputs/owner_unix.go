//go:build unix

package inputs

import (
	"io/fs"
	"os"
	"syscall"
)

// OwnedByUser reports whether the file belongs to the user knead runs as.
func OwnedByUser(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return !ok || int(st.Uid) == os.Geteuid()
}
